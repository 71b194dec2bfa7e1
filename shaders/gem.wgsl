// Écrin faceted gem: per pixel, the view ray is traced through the stone's exact convex facet polyhedron —
// Fresnel reflection at entry, refraction, internal bounces with total internal reflection, Fresnel-weighted exits
// sampling the studio environment, Beer–Lambert absorption — once per colour channel with that channel's
// refractive index (dispersion → fire). Same algorithm as src/optics/trace.rs (the CPU reference). The observer
// at the camera blocks the light from behind the eye (src/optics/observer.rs): the dark facets that draw the arrows.

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
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> gem: GemParams;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var environment: texture_cube<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var environment_sampler: sampler;

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
        let hit = exit_facet(position, inside);
        let facet = gem.planes[u32(hit.y)].xyz;
        weight *= exp(-absorption_per_mm * hit.x * mm_per_unit);
        position += inside * hit.x;
        let reflected = fresnel(dot(facet, inside), n, 1.0);
        if reflected < 1.0 {
            let out = refract(inside, -facet, n);
            radiance += weight * (1.0 - reflected) * environment_radiance(normalize(world_from_local * out), eye)[channel];
        }
        weight *= reflected;
        inside = reflect(inside, facet);
        position += inside * 1e-4;
    }
    // TRAPPED_LIGHT: what is still inside after the last bounce would leave after more; it leaves here with the light
    // of the direction it travels. Dropping it darkened every stone — a face-up round brilliant keeps about a tenth of
    // its light after 8 bounces, an oval or an emerald cut a quarter (src/optics/view.rs mirrors this; the path
    // tracer's comparison found it, tools/reference/diagnose.py).
    radiance += weight * environment_radiance(normalize(world_from_local * inside), eye)[channel];
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
    for (var channel = 0u; channel < 3u; channel++) {
        colour[channel] = trace_channel(
            point, direction, normal, gem.ior[channel], gem.absorption[channel], mm_per_unit, linear, channel, eye
        );
    }
    return vec4(colour * view.exposure, 1.0);
}
