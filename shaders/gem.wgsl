// Écrin faceted gem: per pixel, the view ray is traced through the stone's exact convex facet polyhedron —
// Fresnel reflection at entry, refraction, internal bounces with total internal reflection, Fresnel-weighted exits
// sampling the studio environment, Beer–Lambert absorption — once per colour channel with that channel's
// refractive index (dispersion → fire). Same algorithm as src/optics/trace.rs (the CPU reference). The observer
// at the camera blocks the light from behind the eye (src/optics/observer.rs): the dark facets that draw the arrows.
// A centre stone sees its setting: light leaving towards the prongs, the gallery or the band meets their metal first,
// which sends the room's light reflected in it (src/optics/setting.rs, the same table and the same look-ups).

#import bevy_pbr::{
    forward_io::VertexOutput,
    mesh_view_bindings::view,
    mesh_functions,
}

const MAX_PLANES: u32 = 160u;

struct GemParams {
    // Facet planes in the stone's local frame (unit length): xyz = outward normal, w = offset.
    planes: array<vec4<f32>, 160>,
    // Refractive index for red, green, blue; w: the observer's soft edge (radians).
    ior: vec4<f32>,
    // Absorption per millimetre for red, green, blue (w unused).
    absorption: vec4<f32>,
    plane_count: u32,
    bounces: u32,
    environment_intensity: f32,
    // Half the angle the observer subtends, seen from the stone (radians); 0: no observer.
    observer_half_angle: f32,
    // xyz: the setting table's centre in the stone's frame; w: 1 when this stone reads the table.
    setting_centre: vec4<f32>,
    // F0 (linear RGB) of the band's and the head's metal.
    band_metal: vec4<f32>,
    head_metal: vec4<f32>,
    // The highest the metal reaches above the table's centre (stone lengths).
    setting_top: f32,
    // 1: exits are found by walking the tables below (src/optics/walk.rs); 0: by testing every plane.
    walk: u32,
    // Per plane: its first neighbour's place in walk_neighbours (low 16 bits) and how many (high 16 bits).
    walk_spans: array<vec4<u32>, 40>,
    // Neighbouring planes' indices, one byte each, four to a word.
    walk_neighbours: array<vec4<u32>, 64>,
    // The plane to start from by direction cell (start_cell), one byte each.
    walk_start: array<vec4<u32>, 24>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> gem: GemParams;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var environment: texture_cube<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var environment_sampler: sampler;
// What the stone sees of its setting by direction from the table's centre: xyz the metal's normal (stone frame),
// w its distance (stone lengths; > 0 the head's metal, < 0 the band's, 0 none).
@group(#{MATERIAL_BIND_GROUP}) @binding(3) var setting: texture_2d<f32>;

const PI: f32 = 3.14159265;
const SETTING_COLUMNS: u32 = 128u;
const SETTING_ROWS: u32 = 64u;
const WALK_STEPS: u32 = 6u;
const METAL_DEPTH: f32 = 0.2;
// Light leaving with less than this share of the pixel's ray meets the room (optics::setting::LEAST_WEIGHT_SEEN).
const LEAST_WEIGHT_SEEN: f32 = 0.03;

fn fresnel(cos_i_in: f32, n1: f32, n2: f32) -> f32 {
    let cos_i = clamp(cos_i_in, 0.0, 1.0);
    let eta = n1 / n2;
    let sin_t2 = eta * eta * (1.0 - cos_i * cos_i);
    if sin_t2 >= 1.0 {
        return 1.0;
    }
    let cos_t = sqrt(1.0 - sin_t2);
    let rs = (n1 * cos_i - n2 * cos_t) / (n1 * cos_i + n2 * cos_t);
    let rp = (n1 * cos_t - n2 * cos_i) / (n1 * cos_t + n2 * cos_i);
    return 0.5 * (rs * rs + rp * rp);
}

// How much of the light from a world direction the observer standing towards `eye` (unit, world) blocks.
fn observer_blocks(eye: vec3<f32>, world_direction: vec3<f32>) -> f32 {
    let angle = acos(clamp(dot(eye, world_direction), -1.0, 1.0));
    let edge = gem.ior.w;
    return smoothstep(0.0, 1.0, (gem.observer_half_angle + edge * 0.5 - angle) / edge) * step(1e-6, gem.observer_half_angle);
}

// Radiance of the studio environment in a world direction (cubemaps are left-handed: z is negated, as Bevy does),
// less what the observer blocks.
fn environment_radiance(world_direction: vec3<f32>, eye: vec3<f32>) -> vec3<f32> {
    let d = vec3(world_direction.x, world_direction.y, -world_direction.z);
    let light = textureSampleLevel(environment, environment_sampler, d, 0.0).rgb * gem.environment_intensity;
    return light * (1.0 - observer_blocks(eye, world_direction));
}

// The setting's table in a direction from its centre.
fn setting_towards(d: vec3<f32>) -> vec4<f32> {
    let polar = acos(clamp(d.y, -1.0, 1.0));
    let row = min(u32(polar / PI * f32(SETTING_ROWS)), SETTING_ROWS - 1u);
    let around = atan2(d.z, d.x) / (2.0 * PI) + 0.5;
    let column = min(u32(max(around * f32(SETTING_COLUMNS), 0.0)), SETTING_COLUMNS - 1u);
    return textureLoad(setting, vec2(column, row), 0);
}

fn direction_or(v: vec3<f32>, fallback: vec3<f32>) -> vec3<f32> {
    let length_v = length(v);
    if length_v > 1e-12 {
        return v / length_v;
    }
    return fallback;
}

// Where the line from `start` (relative to the table's centre) along `towards` is `distance` from the centre, ahead
// (w 0: never).
fn line_at(start: vec3<f32>, towards: vec3<f32>, distance: f32) -> vec4<f32> {
    let b = dot(start, towards);
    let reach = b * b - (dot(start, start) - distance * distance);
    if reach < 0.0 {
        return vec4(0.0);
    }
    return vec4(start + towards * max(-b + sqrt(reach), 0.0), 1.0);
}

fn walk(step: u32) -> f32 {
    let k = f32(step);
    return 0.1 * k + 0.05 * k * k;
}

// The metal a ray leaving the stone at `at` going `towards` (stone frame) meets, as the table holds it (w 0: none):
// walked out step by step from where it leaves (SettingView::seen_from).
fn metal_seen(at: vec3<f32>, towards: vec3<f32>) -> vec4<f32> {
    let start = at - gem.setting_centre.xyz;
    if towards.y >= 0.0 && start.y > gem.setting_top {
        return vec4(0.0);
    }
    let leaving = length(start);
    for (var step = 1u; step < WALK_STEPS; step++) {
        let here = leaving + walk(step);
        let next = leaving + walk(step + 1u);
        let point = line_at(start, towards, here);
        if point.w == 0.0 {
            continue;
        }
        let metal = setting_towards(direction_or(point.xyz, towards));
        if metal.w != 0.0 && abs(metal.w) <= next && abs(metal.w) >= here - METAL_DEPTH {
            let closer = line_at(start, towards, max(abs(metal.w), here));
            if closer.w != 0.0 {
                let again = setting_towards(direction_or(closer.xyz, towards));
                if again.w != 0.0 {
                    return again;
                }
            }
            return metal;
        }
    }
    return setting_towards(towards);
}

// The light arriving at a point of the stone (stone frame) from a direction (stone frame): the setting's metal
// reflecting the room where it is in the way, else the room's.
fn arriving(at: vec3<f32>, towards: vec3<f32>, weight: f32, world_from_local: mat3x3<f32>, eye: vec3<f32>) -> vec3<f32> {
    let world_towards = normalize(world_from_local * towards);
    if gem.setting_centre.w > 0.5 && weight >= LEAST_WEIGHT_SEEN {
        let metal = metal_seen(at, towards);
        if metal.w != 0.0 {
            let normal = normalize(world_from_local * metal.xyz);
            let f0 = select(gem.band_metal.rgb, gem.head_metal.rgb, metal.w > 0.0);
            let facing = clamp(-dot(world_towards, normal), 0.0, 1.0);
            let fresnel = f0 + (vec3(1.0) - f0) * pow(1.0 - facing, 5.0);
            return fresnel * environment_radiance(reflect(world_towards, normal), eye);
        }
    }
    return environment_radiance(world_towards, eye);
}

// Distance to the facet where a ray inside the stone leaves it (x) and that facet's index (y).
fn exit_facet(origin: vec3<f32>, direction: vec3<f32>) -> vec2<f32> {
    var best = 1e30;
    var index = 0u;
    for (var i = 0u; i < gem.plane_count; i++) {
        let plane = gem.planes[i];
        let along = dot(plane.xyz, direction);
        if along > 1e-6 {
            let t = (plane.w - dot(plane.xyz, origin)) / along;
            if t < best {
                best = t;
                index = i;
            }
        }
    }
    return vec2(best, f32(index));
}

// The start table's cell of a direction: the cube face of its largest coordinate, then 8 × 8 cells on that face
// (optics::walk::start_cell).
fn start_cell(d: vec3<f32>) -> u32 {
    let a = abs(d);
    var face = 0u;
    var uv = vec2(0.0);
    if a.x >= a.y && a.x >= a.z {
        face = select(1u, 0u, d.x > 0.0);
        uv = d.yz / max(a.x, 1e-12);
    } else if a.y >= a.z {
        face = select(3u, 2u, d.y > 0.0);
        uv = d.xz / max(a.y, 1e-12);
    } else {
        face = select(5u, 4u, d.z > 0.0);
        uv = d.xy / max(a.z, 1e-12);
    }
    let cell = min(vec2<u32>(max((uv * 0.5 + 0.5) * 8.0, vec2(0.0))), vec2(7u));
    return face * 64u + cell.y * 8u + cell.x;
}

fn walk_start_plane(cell: u32) -> u32 {
    return (gem.walk_start[cell / 16u][(cell / 4u) % 4u] >> ((cell % 4u) * 8u)) & 255u;
}

fn walk_neighbour(entry: u32) -> u32 {
    return (gem.walk_neighbours[entry / 16u][(entry / 4u) % 4u] >> ((entry % 4u) * 8u)) & 255u;
}

// As exit_facet, walking from facet to neighbouring facet (optics::walk::FacetWalk::exit): from the facet a ray from
// the centre the same way leaves by, while the point where the ray meets the facet's plane lies outside a
// neighbour's plane, on to the neighbour it lies furthest outside of.
// Where the first colour channel left at each bounce: the next channels' walks start there (optics::trace::ExitHints).
var<private> exit_hints: array<u32, 16>;

fn exit_hinted(origin: vec3<f32>, direction: vec3<f32>, bounce: u32) -> vec2<f32> {
    var start = NO_HINT;
    if bounce < 16u {
        start = exit_hints[bounce];
    }
    let found = exit_walk(origin, direction, start);
    if bounce < 16u && start == NO_HINT {
        exit_hints[bounce] = u32(found.y);
    }
    return found;
}

const NO_HINT: u32 = 0xffffffffu;

fn exit_walk(origin: vec3<f32>, direction: vec3<f32>, hint: u32) -> vec2<f32> {
    var facet = hint;
    if hint >= gem.plane_count {
        facet = walk_start_plane(start_cell(direction));
    }
    var along = dot(gem.planes[facet].xyz, direction);
    if along <= 1e-6 {
        return exit_facet(origin, direction);
    }
    var distance = (gem.planes[facet].w - dot(gem.planes[facet].xyz, origin)) / along;
    for (var step = 0u; step < 32u; step++) {
        let point = origin + direction * distance;
        let span = gem.walk_spans[facet / 4u][facet % 4u];
        var furthest = 1e-6;
        var next = 0xffffffffu;
        for (var k = 0u; k < (span >> 16u); k++) {
            let neighbour = walk_neighbour((span & 0xffffu) + k);
            let outside = dot(gem.planes[neighbour].xyz, point) - gem.planes[neighbour].w;
            if outside > furthest {
                furthest = outside;
                next = neighbour;
            }
        }
        if next == 0xffffffffu {
            return vec2(distance, f32(facet));
        }
        along = dot(gem.planes[next].xyz, direction);
        if along <= 1e-6 {
            break;
        }
        distance = (gem.planes[next].w - dot(gem.planes[next].xyz, origin)) / along;
        facet = next;
    }
    return exit_facet(origin, direction);
}

// The entry facet: the plane the surface point lies on, facing the viewer.
fn entry_normal(point: vec3<f32>, direction: vec3<f32>) -> vec3<f32> {
    var best = 1e30;
    var normal = vec3(0.0, 1.0, 0.0);
    for (var i = 0u; i < gem.plane_count; i++) {
        let plane = gem.planes[i];
        let gap = abs(dot(plane.xyz, point) - plane.w);
        if dot(plane.xyz, direction) < 0.0 && gap < best {
            best = gap;
            normal = plane.xyz;
        }
    }
    return normal;
}

// One colour channel: returns the radiance reaching the eye for index of refraction n and absorption per mm.
fn trace_channel(
    point: vec3<f32>,
    direction: vec3<f32>,
    normal: vec3<f32>,
    n: f32,
    absorption_per_mm: f32,
    mm_per_unit: f32,
    world_from_local: mat3x3<f32>,
    channel: u32,
    eye: vec3<f32>,
) -> f32 {
    let cos_i = -dot(normal, direction);
    let r = fresnel(cos_i, 1.0, n);
    var radiance = r * environment_radiance(normalize(world_from_local * reflect(direction, normal)), eye)[channel];
    var inside = refract(direction, normal, 1.0 / n);
    var weight = 1.0 - r;
    var position = point;
    for (var bounce = 0u; bounce <= gem.bounces; bounce++) {
        var hit: vec2<f32>;
        if gem.walk == 1u {
            hit = exit_hinted(position, inside, bounce);
        } else {
            hit = exit_facet(position, inside);
        }
        let facet = gem.planes[u32(hit.y)].xyz;
        weight *= exp(-absorption_per_mm * hit.x * mm_per_unit);
        position += inside * hit.x;
        let reflected = fresnel(dot(facet, inside), n, 1.0);
        if reflected < 1.0 {
            let out = refract(inside, -facet, n);
            let leaving = weight * (1.0 - reflected);
            radiance += leaving * arriving(position, out, leaving, world_from_local, eye)[channel];
        }
        weight *= reflected;
        inside = reflect(inside, facet);
        position += inside * 1e-4;
    }
    // TRAPPED_LIGHT: what is still inside after the last bounce would leave after more; it leaves here with the light
    // of the direction it travels. Dropping it darkened every stone — a face-up round brilliant keeps about a tenth of
    // its light after 8 bounces, an oval or an emerald cut a quarter (src/optics/view.rs mirrors this; the path
    // tracer's comparison found it, tools/reference/diagnose.py).
    radiance += weight * arriving(position, inside, weight, world_from_local, eye)[channel];
    return radiance;
}

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let world_from_local = mesh_functions::get_world_from_local(in.instance_index);
    let local_from_world = mesh_functions::get_local_from_world(in.instance_index);
    let camera = (local_from_world * vec4(view.world_position, 1.0)).xyz;
    let point = (local_from_world * vec4(in.world_position.xyz, 1.0)).xyz;
    let direction = normalize(point - camera);
    let normal = entry_normal(point, direction);
    let linear = mat3x3(world_from_local[0].xyz, world_from_local[1].xyz, world_from_local[2].xyz);
    let mm_per_unit = length(world_from_local[0].xyz);
    // The observer stands at the camera, seen from the stone's centre.
    let eye = normalize(view.world_position - world_from_local[3].xyz);
    var colour = vec3(0.0);
    for (var bounce = 0u; bounce < 16u; bounce++) {
        exit_hints[bounce] = NO_HINT;
    }
    for (var channel = 0u; channel < 3u; channel++) {
        colour[channel] = trace_channel(
            point, direction, normal, gem.ior[channel], gem.absorption[channel], mm_per_unit, linear, channel, eye
        );
    }
    return vec4(colour * view.exposure, 1.0);
}
