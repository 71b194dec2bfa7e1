// Écrin contact shadow: the surface the piece stands on, drawn only as its shadow. The environment light comes
// mostly from above, so the shadow is the piece's ambient occlusion of the floor: the piece is approximated by
// spheres (along the band, at the head) and each sphere hides the cosine-weighted part of the sky it covers
// (ω·cosθ ≈ π r²/d² · cosθ / π) — dark where the band touches, soft and wide under the head.
//
// On the velvet backdrop the floor is also a soft pool of light (as a display spot lights the velvet under a piece),
// so the shadow has something to darken; elsewhere the output is black with the shadow as alpha. On the white (e-commerce) background the alpha is chosen so that the
// picture *after* the Khronos PBR Neutral tonemapper is darkened by the shadow: the white background is an HDR
// value far past the tonemapper's shoulder, where a plain blend would change nothing visible.

#import bevy_pbr::forward_io::VertexOutput

const MAX_OCCLUDERS: u32 = 48u;

struct ContactShadow {
    // xyz: centre (world, mm); w: radius (mm).
    occluders: array<vec4<f32>, 48>,
    // rgb: the lit floor's colour (HDR, linear); a: how much of it shows (0: no floor, shadow only).
    pool: vec4<f32>,
    count: u32,
    // Darkness right under the contact, 0..1.
    strength: f32,
    // HDR level of a white background; 0 for any other background.
    white_level: f32,
    // Distance from the piece's centre (mm) where the floor's shadow has faded out entirely.
    fade_radius: f32,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> shadow: ContactShadow;

// Cosine-weighted solid angle of a sphere seen from a floor point, over π (capped for points under the sphere).
fn sphere_occlusion(p: vec3<f32>, sphere: vec4<f32>) -> f32 {
    let d = sphere.xyz - p;
    let distance2 = max(dot(d, d), sphere.w * sphere.w);
    let cos_theta = max(d.y, 0.0) / sqrt(distance2);
    return cos_theta * sphere.w * sphere.w / distance2;
}

// The HDR grey that Khronos PBR Neutral shows as display-linear `k` (inverse of the tonemapper for greys).
fn neutral_inverse(k: f32) -> f32 {
    let start_compression = 0.76;
    var c = k;
    if k >= start_compression {
        c = 0.52 + 0.0576 / max(1.0 - k, 1e-4);
    }
    return c + 0.04;
}

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let p = in.world_position.xyz;
    var occlusion = 0.0;
    for (var i = 0u; i < min(shadow.count, MAX_OCCLUDERS); i++) {
        occlusion += sphere_occlusion(p, shadow.occluders[i]);
    }
    let fade = 1.0 - smoothstep(0.3 * shadow.fade_radius, 0.8 * shadow.fade_radius, length(p.xz));
    // The faint far tail is cut (below one 8-bit step), so transparent exports stay clear away from the piece.
    let shade = max((1.0 - exp(-1.5 * occlusion)) * shadow.strength - 0.004, 0.0) * fade;
    if shadow.white_level > 0.0 {
        return vec4(0.0, 0.0, 0.0, clamp(1.0 - neutral_inverse(1.0 - shade) / shadow.white_level, 0.0, 1.0));
    }
    if shadow.pool.a > 0.0 {
        let lit = shadow.pool.a * (1.0 - smoothstep(0.1 * shadow.fade_radius, 0.7 * shadow.fade_radius, length(p.xz)));
        // The floor's own light, darkened by the shadow, over the backdrop; the shadow also darkens the backdrop.
        let alpha = lit + (1.0 - lit) * shade;
        return vec4(shadow.pool.rgb * (1.0 - shade) * lit / max(alpha, 1e-4), alpha);
    }
    return vec4(0.0, 0.0, 0.0, shade);
}
