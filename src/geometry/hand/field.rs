//! Smooth forms from signed distance fields (negative inside, mm): the few primitives a display form is made of,
//! their smooth union, and the surface meshed from the field on a grid (Naive Surface Nets, the
//! `fast-surface-nets` crate), each vertex then pulled onto the exact surface and given the field's gradient as
//! its normal — so the form is smooth at any size, with no facets for the light to catch.

use super::super::mesh::MeshData;
use fast_surface_nets::ndshape::{RuntimeShape, Shape};
use fast_surface_nets::{SurfaceNetsBuffer, surface_nets};
use glam::Vec3;

/// Smooth minimum (polynomial, radius `k` mm): two forms joined with a fillet of about `k`.
pub fn smooth_union(a: f32, b: f32, k: f32) -> f32 {
    let h = (k - (a - b).abs()).max(0.0) / k;
    a.min(b) - h * h * k * 0.25
}

/// A segment from `a` to `b` with a radius going from `radius_a` to `radius_b` (a tapered capsule). Where a point
/// lies level with an end, its distance is exact: two segments meeting end to end with the same radius there make a
/// round section of exactly that radius.
pub fn tapered_capsule(p: Vec3, a: Vec3, b: Vec3, radius_a: f32, radius_b: f32) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_squared()).clamp(0.0, 1.0);
    (p - (a + ab * t)).length() - (radius_a + (radius_b - radius_a) * t)
}

/// A sphere.
pub fn sphere(p: Vec3, centre: Vec3, radius: f32) -> f32 {
    (p - centre).length() - radius
}

/// An ellipsoid with semi-axes `radii` along the frame `axes` (unit, orthogonal), centred at `centre`
/// (a bound close to the distance near the surface).
pub fn ellipsoid(p: Vec3, centre: Vec3, axes: [Vec3; 3], radii: Vec3) -> f32 {
    let d = p - centre;
    let local = Vec3::new(d.dot(axes[0]), d.dot(axes[1]), d.dot(axes[2]));
    let k0 = (local / radii).length();
    let k1 = (local / (radii * radii)).length();
    if k1 <= f32::EPSILON {
        return -radii.min_element();
    }
    k0 * (k0 - 1.0) / k1
}

/// A box of half-sizes `half` rounded by `rounding` mm, centred at the origin of `p`'s frame.
pub fn rounded_box(p: Vec3, half: Vec3, rounding: f32) -> f32 {
    let q = p.abs() - half + Vec3::splat(rounding);
    q.max(Vec3::ZERO).length() + q.max_element().min(0.0) - rounding
}

/// The surface where `field` is zero, inside `lo`..`hi`, meshed on a grid of `step` mm, wound outward, with smooth
/// normals from the field. Where the coarse field says the surface is far, the fine grid is not evaluated.
pub fn mesh_of(field: &dyn Fn(Vec3) -> f32, lo: Vec3, hi: Vec3, step: f32) -> MeshData {
    // One cell of padding on every side, so the surface never meets the grid's edge (it stays closed).
    let origin = lo - Vec3::splat(step * 2.0);
    let counts = ((hi - lo) / step).ceil().as_uvec3() + 5;
    let shape = RuntimeShape::<u32, 3>::new([counts.x, counts.y, counts.z]);
    let at = |x: u32, y: u32, z: u32| origin + Vec3::new(x as f32, y as f32, z as f32) * step;
    let mut values = vec![step * 8.0; shape.usize()];
    // Blocks of 4³ samples: evaluated finely only where the surface may pass.
    const BLOCK: u32 = 4;
    let reach = step * BLOCK as f32 * 3f32.sqrt() * 1.5 + step;
    for bz in (0..counts.z).step_by(BLOCK as usize) {
        for by in (0..counts.y).step_by(BLOCK as usize) {
            for bx in (0..counts.x).step_by(BLOCK as usize) {
                let centre = at(bx, by, bz) + Vec3::splat(step * (BLOCK as f32 - 1.0) / 2.0);
                let coarse = field(centre);
                for z in bz..(bz + BLOCK).min(counts.z) {
                    for y in by..(by + BLOCK).min(counts.y) {
                        for x in bx..(bx + BLOCK).min(counts.x) {
                            let value = if coarse.abs() > reach { coarse } else { field(at(x, y, z)) };
                            values[shape.linearize([x, y, z]) as usize] = value;
                        }
                    }
                }
            }
        }
    }
    let mut buffer = SurfaceNetsBuffer::default();
    surface_nets(&values, &shape, [0; 3], [counts.x - 1, counts.y - 1, counts.z - 1], &mut buffer);
    let gradient = |p: Vec3| {
        let e = step * 0.05;
        Vec3::new(
            field(p + Vec3::X * e) - field(p - Vec3::X * e),
            field(p + Vec3::Y * e) - field(p - Vec3::Y * e),
            field(p + Vec3::Z * e) - field(p - Vec3::Z * e),
        ) / (2.0 * e)
    };
    let mut mesh = MeshData::default();
    for &[x, y, z] in &buffer.positions {
        let mut p = origin + Vec3::new(x, y, z) * step;
        // Onto the exact surface: a few Newton steps along the gradient.
        for _ in 0..3 {
            let g = gradient(p);
            let length_squared = g.length_squared();
            if length_squared < 1e-8 {
                break;
            }
            p -= g * (field(p) / length_squared);
        }
        mesh.positions.push(p.into());
        mesh.normals.push(gradient(p).normalize_or(Vec3::Y).into());
    }
    mesh.indices = buffer.indices;
    // Wound outward: each triangle's face turned the way its corners' normals point.
    for triangle in mesh.indices.chunks_exact_mut(3) {
        let [a, b, c] = [triangle[0], triangle[1], triangle[2]].map(|i| Vec3::from(mesh.positions[i as usize]));
        let normal: Vec3 = triangle.iter().map(|&i| Vec3::from(mesh.normals[i as usize])).sum();
        if (b - a).cross(c - a).dot(normal) < 0.0 {
            triangle.swap(1, 2);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meshed_sphere_is_round_closed_and_outward() {
        let field = |p: Vec3| sphere(p, Vec3::ZERO, 10.0);
        let mesh = mesh_of(&field, Vec3::splat(-10.0), Vec3::splat(10.0), 0.8);
        for p in &mesh.positions {
            assert!((Vec3::from(*p).length() - 10.0).abs() < 0.01);
        }
        let exact = 4.0 / 3.0 * std::f32::consts::PI * 1000.0;
        assert!((mesh.volume() - exact).abs() / exact < 0.01, "{} vs {exact}", mesh.volume());
    }

    #[test]
    fn segments_meeting_with_one_radius_make_a_round_section_there() {
        let field = |p: Vec3| {
            let a = tapered_capsule(p, Vec3::new(0.0, 0.0, 20.0), Vec3::ZERO, 9.0, 8.0);
            a.min(tapered_capsule(p, Vec3::ZERO, Vec3::new(0.0, 0.0, -20.0), 8.0, 7.0))
        };
        for k in 0..36 {
            let angle = k as f32 * std::f32::consts::TAU / 36.0;
            let on_circle = Vec3::new(angle.cos(), angle.sin(), 0.0) * 8.0;
            assert!(field(on_circle).abs() < 1e-4);
        }
        assert!(smooth_union(1.0, 1.0, 2.0) < 1.0 && smooth_union(1.0, 5.0, 2.0) == 1.0);
    }
}
