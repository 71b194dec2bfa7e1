// Écrin metal finishes on top of Bevy's StandardMaterial: the lighting is Bevy's PBR; only the surface normal is
// changed, procedurally (no texture, no UVs):
// - brushed: anisotropic. The grooves run along the band (around the finger axis, world Z), so the surface is rough
//   across them and smooth along them: reflections of the environment smear across the grooves. Done as in the
//   KHR_materials_anisotropy image-based-lighting model (a "bent normal" towards the groove direction, from the
//   procedural groove tangent — no mesh tangents needed), plus fine lines that tilt the normal a little, so the
//   individual brush strokes read up close;
// - hammered: a 3D cellular pattern of shallow dimples — each cell's normal tilts away from its centre, giving the
//   faceted glints of hand hammering.
// Polished and satin keep the mesh normal (they differ by roughness).
// An engraving is cut into the band's inside from a depth map over the unrolled inner surface (u: arc length from
// the band's bottom, v = −z; geometry/engraving.rs): the normal follows the cut's slope, so its walls catch the
// light, and its floor is darker and matte, as a graver leaves it.
// The observer at the camera blocks the light from behind the eye (src/optics/observer.rs): where the metal reflects
// the viewer — a band's front seen straight on — it is dark, as polished metal is in a photograph.

#import bevy_pbr::{
    pbr_fragment::pbr_input_from_standard_material,
    pbr_functions::alpha_discard,
}

// The observer's soft edge (radians, src/optics/observer.rs EDGE).
const OBSERVER_EDGE: f32 = 0.017453;

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

struct MetalFinish {
    // 0 polished, 1 satin, 2 brushed, 3 hammered.
    kind: u32,
    // Size of a hammer mark / spacing of brush lines, mm.
    scale: f32,
    // How far the normal tilts.
    strength: f32,
    // Half the angle the observer subtends, seen from the piece (radians); 0: no observer.
    observer_half_angle: f32,
    // The engraving map's extent: u from x to y, v from z to w (mm).
    engraving_extent: vec4<f32>,
    // x: inner radius (mm), y: depth (mm), z: 1 when engraved, w: mm per map texel.
    engraving: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(100) var<uniform> finish: MetalFinish;
@group(#{MATERIAL_BIND_GROUP}) @binding(101) var engraving_map: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(102) var engraving_sampler: sampler;

fn engraved_depth(uv: vec2<f32>) -> f32 {
    return textureSampleLevel(engraving_map, engraving_sampler, uv, 0.0).r;
}

// Where the inside of the band is engraved at `p`: (the cut's slope along u, along v, how deep, 1 if on the map).
fn engraving_at(p: vec3<f32>, n: vec3<f32>) -> vec4<f32> {
    let radius = finish.engraving.x;
    let r = length(p.xy);
    let towards_axis = -vec3(p.xy / max(r, 1e-4), 0.0);
    if finish.engraving.z < 0.5 || abs(r - radius) > 0.08 || dot(n, towards_axis) < 0.6 {
        return vec4(0.0);
    }
    let theta = atan2(p.x, -p.y);
    let e = finish.engraving_extent;
    let uv = vec2((theta * radius - e.x) / (e.y - e.x), (e.w + p.z) / (e.w - e.z));
    if any(uv < vec2(0.0)) || any(uv > vec2(1.0)) {
        return vec4(0.0);
    }
    let texel = finish.engraving.w;
    let du = vec2(texel / (e.y - e.x), 0.0);
    let dv = vec2(0.0, texel / (e.w - e.z));
    let slope = finish.engraving.y / (2.0 * texel);
    let along_u = (engraved_depth(uv + du) - engraved_depth(uv - du)) * slope;
    let along_v = (engraved_depth(uv - dv) - engraved_depth(uv + dv)) * slope;
    return vec4(along_u, along_v, engraved_depth(uv), 1.0);
}

fn hash3(p: vec3<f32>) -> vec3<f32> {
    let q = vec3(dot(p, vec3(127.1, 311.7, 74.7)), dot(p, vec3(269.5, 183.3, 246.1)), dot(p, vec3(113.5, 271.9, 124.6)));
    return fract(sin(q) * 43758.5453);
}

fn hash1(x: f32) -> f32 {
    return fract(sin(x * 127.1) * 43758.5453);
}

// Normal of a hammered surface: tilt away from the nearest dimple centre.
fn hammered(n: vec3<f32>, p: vec3<f32>) -> vec3<f32> {
    let cell = p / finish.scale;
    let base = floor(cell);
    var nearest = vec3(0.0);
    var best = 1e9;
    for (var x = -1; x <= 1; x++) {
        for (var y = -1; y <= 1; y++) {
            for (var z = -1; z <= 1; z++) {
                let c = base + vec3(f32(x), f32(y), f32(z));
                let centre = c + hash3(c);
                let d = dot(cell - centre, cell - centre);
                if d < best {
                    best = d;
                    nearest = centre;
                }
            }
        }
    }
    let offset = cell - nearest;
    let tangential = offset - n * dot(offset, n);
    return normalize(n + tangential * finish.strength);
}

// Normal of a brushed surface: lines run around the finger axis (Z); each line has its own small tilt across.
fn brushed(n: vec3<f32>, p: vec3<f32>) -> vec3<f32> {
    let along = normalize(vec3(-p.y, p.x, 0.0) + vec3(1e-5, 0.0, 0.0));
    let across = normalize(cross(n, along) + vec3(0.0, 0.0, 1e-5));
    let line = floor(p.z / finish.scale + 0.37 * hash1(floor(length(p.xy) * 3.0)));
    let tilt = (hash1(line) - 0.5) + 0.5 * (hash1(floor(p.z / (finish.scale * 0.37))) - 0.5);
    return normalize(n + across * tilt * finish.strength);
}

// How strongly a brushed surface is anisotropic (KHR_materials_anisotropy's "strength").
const BRUSHED_ANISOTROPY: f32 = 0.8;

// The KHR_materials_anisotropy bent normal for image-based light: `along` is the groove direction (where the
// surface is smooth), the normal is bent towards the plane that holds it and the view.
fn anisotropic_ibl_normal(n: vec3<f32>, v: vec3<f32>, along_world: vec3<f32>, roughness: f32) -> vec3<f32> {
    let along = normalize(along_world - n * dot(along_world, n) + vec3(1e-6, 0.0, 0.0));
    let bent = normalize(cross(cross(along, v), along));
    let a = pow(1.0 - BRUSHED_ANISOTROPY * (1.0 - roughness), 4.0);
    return normalize(mix(bent, n, a));
}

// How much of the reflected light the observer blocks: the mirror direction within the observer's disc around the
// eye; a rougher finish spreads its reflection, so the disc's edge widens with it.
fn observer_blocks(n: vec3<f32>, v: vec3<f32>, perceptual_roughness: f32) -> f32 {
    let half_angle = finish.observer_half_angle;
    let angle = acos(clamp(dot(reflect(-v, n), v), -1.0, 1.0));
    let alpha = perceptual_roughness * perceptual_roughness;
    let edge = OBSERVER_EDGE + 2.0 * alpha;
    return smoothstep(0.0, 1.0, (half_angle + edge * 0.5 - angle) / edge) * step(1e-6, half_angle);
}

@fragment
fn fragment(in: VertexOutput, @builtin(front_facing) is_front: bool) -> FragmentOutput {
    var pbr_input = pbr_input_from_standard_material(in, is_front);
    let p = in.world_position.xyz;
    // The surface's own normal: the observer is reflected about it (the brushed finish's bent normal only steers
    // the image-based light's lookup).
    var surface_normal = pbr_input.N;
    if finish.kind == 2u {
        let lines = brushed(pbr_input.N, p);
        surface_normal = lines;
        let along = vec3(-p.y, p.x, 0.0);
        let roughness = pbr_input.material.perceptual_roughness * pbr_input.material.perceptual_roughness;
        pbr_input.N = anisotropic_ibl_normal(lines, pbr_input.V, along, roughness);
    } else if finish.kind == 3u {
        pbr_input.N = hammered(pbr_input.N, p);
    }
    let cut = engraving_at(p, pbr_input.N);
    if cut.w > 0.5 {
        // The surface pushed into the metal by the depth: its normal leans along the depth's gradient.
        let theta = atan2(p.x, -p.y);
        let along_u = vec3(cos(theta), sin(theta), 0.0);
        let along_v = vec3(0.0, 0.0, -1.0);
        pbr_input.N = normalize(pbr_input.N + along_u * cut.x + along_v * cut.y);
        let floor = smoothstep(0.35, 0.9, cut.z);
        pbr_input.material.base_color = vec4(pbr_input.material.base_color.rgb * mix(1.0, 0.35, floor), 1.0);
        pbr_input.material.perceptual_roughness = mix(pbr_input.material.perceptual_roughness, 0.6, floor);
    }
    pbr_input.material.base_color = alpha_discard(pbr_input.material, pbr_input.material.base_color);
#ifdef PREPASS_PIPELINE
    let out = deferred_output(in, pbr_input);
#else
    var out: FragmentOutput;
    out.color = apply_pbr_lighting(pbr_input);
    if finish.kind != 2u {
        surface_normal = pbr_input.N;
    }
    let blocked = observer_blocks(surface_normal, pbr_input.V, pbr_input.material.perceptual_roughness);
    out.color = vec4(out.color.rgb * (1.0 - blocked), out.color.a);
    out.color = main_pass_post_lighting_processing(pbr_input, out.color);
#endif
    return out;
}
