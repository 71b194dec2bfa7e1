//! Rays through a piece's meshes (no Bevy): where a straight line enters and leaves the metal, as a caliper or a
//! thickness gauge reads it — the workshop's checks measure any piece this way, Écrin's or a house's.

use super::mesh::MeshData;
use glam::{Affine3A, Vec3};

/// Distances along the ray (`origin + t·direction`, `t ≥ 0`, `direction` of unit length) where it crosses a
/// triangle of the placed meshes, nearest first.
pub fn crossings<'a>(
    meshes: impl IntoIterator<Item = (&'a MeshData, Affine3A)>,
    origin: Vec3,
    direction: Vec3,
) -> Vec<f32> {
    let mut hits = Vec::new();
    for (mesh, at) in meshes {
        let point = |i: u32| at.transform_point3(Vec3::from(mesh.positions[i as usize]));
        for triangle in mesh.indices.chunks_exact(3) {
            if let Some(t) = crossing(origin, direction, [point(triangle[0]), point(triangle[1]), point(triangle[2])]) {
                hits.push(t);
            }
        }
    }
    hits.sort_by(f32::total_cmp);
    // A ray through an edge shared by two triangles crosses the surface once.
    hits.dedup_by(|a, b| (*a - *b).abs() < 1e-5);
    hits
}

/// Where a ray crosses a triangle (Möller–Trumbore), either side facing.
fn crossing(origin: Vec3, direction: Vec3, [a, b, c]: [Vec3; 3]) -> Option<f32> {
    let (ab, ac) = (b - a, c - a);
    let p = direction.cross(ac);
    let determinant = ab.dot(p);
    if determinant.abs() < 1e-12 {
        return None;
    }
    let to_origin = origin - a;
    let u = to_origin.dot(p) / determinant;
    if !(0.0..=1.0).contains(&u) {
        return None;
    }
    let q = to_origin.cross(ab);
    let v = direction.dot(q) / determinant;
    if v < 0.0 || u + v > 1.0 {
        return None;
    }
    let t = ac.dot(q) / determinant;
    (t >= 0.0).then_some(t)
}

/// The first stretch of solid the ray passes through (entering, leaving), if it meets one.
pub fn first_solid(crossings: &[f32]) -> Option<(f32, f32)> {
    match crossings {
        [enter, leave, ..] => Some((*enter, *leave)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ray_through_a_sphere_enters_and_leaves_where_its_radius_says() {
        let ball = super::super::mesh::sphere(Vec3::ZERO, 2.0, 48);
        let placed = Affine3A::from_translation(Vec3::new(0.0, 0.0, 10.0));
        let hits = crossings([(&ball, placed)], Vec3::ZERO, Vec3::Z);
        let (enter, leave) = first_solid(&hits).expect("through the ball");
        assert!((enter - 8.0).abs() < 0.01 && (leave - 12.0).abs() < 0.01, "{hits:?}");
        assert!(crossings([(&ball, placed)], Vec3::ZERO, Vec3::X).is_empty(), "beside it: nothing");
    }
}
