// Display supports (the bust, the hand: porcelain, velvet, skin) on top of Bevy's StandardMaterial. Their specular
// (a glaze, a skin's sheen) is Bevy's image-based light; their diffuse is not Bevy's irradiance map — a Monte-Carlo
// map of an environment with small bright sources (candles, the sun) is noisy texel to texel and shows as streaks on
// a large matte form — but the environment's irradiance as nine spherical harmonics integrated on the CPU
// (optics/irradiance.rs), smooth for any normal. Velvet adds a sheen at grazing angles, where its pile catches the
// light.

#import bevy_pbr::{
    pbr_fragment::pbr_input_from_standard_material,
    pbr_functions::alpha_discard,
    mesh_view_bindings::view,
}

#ifdef PREPASS_PIPELINE
#import bevy_pbr::{
    prepass_io::{VertexOutput, FragmentOutput},
    pbr_deferred_functions::deferred_output,
}
#else
#import bevy_pbr::{
    forward_io::{VertexOutput, FragmentOutput},
    pbr_functions::{apply_pbr_lighting, main_pass_post_lighting_processing},
}
#endif

struct DisplaySurface {
    // Irradiance over π as spherical harmonics (rgb; already times the environment's intensity).
    irradiance: array<vec4<f32>, 9>,
    // rgb: the sheen's colour; a: its strength.
    sheen: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(100) var<uniform> surface: DisplaySurface;

fn irradiance_towards(n: vec3<f32>) -> vec3<f32> {
    let c = surface.irradiance;
    let e = c[0].rgb * 0.282095
        + c[1].rgb * (0.488603 * n.y) + c[2].rgb * (0.488603 * n.z) + c[3].rgb * (0.488603 * n.x)
        + c[4].rgb * (1.092548 * n.x * n.y) + c[5].rgb * (1.092548 * n.y * n.z)
        + c[6].rgb * (0.315392 * (3.0 * n.z * n.z - 1.0)) + c[7].rgb * (1.092548 * n.x * n.z)
        + c[8].rgb * (0.546274 * (n.x * n.x - n.y * n.y));
    return max(e, vec3(0.0));
}

@fragment
fn fragment(in: VertexOutput, @builtin(front_facing) is_front: bool) -> FragmentOutput {
    var pbr_input = pbr_input_from_standard_material(in, is_front);
    pbr_input.material.base_color = alpha_discard(pbr_input.material, pbr_input.material.base_color);
#ifdef PREPASS_PIPELINE
    let out = deferred_output(in, pbr_input);
#else
    let albedo = pbr_input.material.base_color.rgb;
    // Bevy's lighting for the specular only (no diffuse from its irradiance map).
    pbr_input.material.base_color = vec4(0.0, 0.0, 0.0, pbr_input.material.base_color.a);
    var out: FragmentOutput;
    out.color = apply_pbr_lighting(pbr_input);
    let n = pbr_input.N;
    let n_dot_v = clamp(dot(n, pbr_input.V), 0.0, 1.0);
    let irradiance = irradiance_towards(n);
    // Lambert, less what the surface's own specular (F0 ≈ 0.04) took.
    let diffuse = albedo * irradiance * 0.96;
    let grazing = pow(1.0 - n_dot_v, 4.0);
    let sheen = surface.sheen.rgb * surface.sheen.a * grazing * irradiance;
    out.color = vec4(out.color.rgb + (diffuse + sheen) * view.exposure, out.color.a);
    out.color = main_pass_post_lighting_processing(pbr_input, out.color);
#endif
    return out;
}
