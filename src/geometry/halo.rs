//! Halos: a row (or two) of small round brilliants around the centre stone on a slim frame, and the hidden halo
//! under its girdle. In stone lengths, the head's frame (`ring.rs`).

use super::cut::unit_polyhedron;
use super::mesh::{MeshData, sphere, sweep};
use super::outline::Outline;
use crate::design::Cut;
use glam::{Affine3A, Vec2, Vec3};

/// The radius of the beads that hold a halo's stones, in the centre stone's lengths: 0.5 mm across (Stuller's
/// least element) around a 7 mm centre stone.
pub(super) const BEAD_RADIUS: f32 = 0.036;

/// The halo: a frame around the centre stone's outline carrying rows of small round brilliants (one row, or two
/// for a double halo, the outer row on its own frame just beyond the first).
pub(super) fn halo(outline: &Outline, seat_y: f32, rows: usize) -> (MeshData, (MeshData, Vec<Affine3A>)) {
    let melee_size = 0.16;
    let mut frame = MeshData::default();
    let mut melee_transforms = Vec::new();
    let ring = outline.ring(128);
    for row in 0..rows {
        let gap = 0.07 + row as f32 * (melee_size + 0.035);
        let centre_offset = gap + melee_size / 2.0;
        let drop = row as f32 * 0.04;
        // A slim frame under the small stones, tapering towards the centre (a knife-edge gallery from the side).
        let frame_profile = [
            [1.0, gap, -0.03 - drop],
            [1.0, gap + 0.04, -0.10 - drop],
            [1.0, gap + melee_size, -0.10 - drop],
            [1.0, gap + melee_size + 0.025, -0.03 - drop],
            [1.0, gap + melee_size + 0.01, -0.005 - drop],
            [1.0, gap + 0.01, -0.005 - drop],
        ];
        let path: Vec<(Vec3, Vec3, Vec3)> = ring
            .iter()
            .map(|&(p, n)| (Vec3::new(p.x, seat_y - 0.05, p.y), Vec3::new(n.x, 0.0, n.y), Vec3::Y))
            .collect();
        frame.append(&sweep(&path, &frame_profile));
        // Stones evenly spaced by arc length along the offset outline; a bead between neighbours holds them.
        let offset_points: Vec<Vec2> = ring.iter().map(|&(p, n)| p + n * centre_offset).collect();
        let perimeter: f32 = (0..offset_points.len())
            .map(|i| offset_points[i].distance(offset_points[(i + 1) % offset_points.len()]))
            .sum();
        let count = (perimeter / (melee_size * 1.12)).floor() as usize;
        let placements: Vec<Vec2> =
            (0..count).map(|k| point_at_arc_length(&offset_points, perimeter * k as f32 / count as f32)).collect();
        let y = seat_y - drop;
        melee_transforms.extend(placements.iter().map(|p| {
            Affine3A::from_scale_rotation_translation(
                Vec3::splat(melee_size),
                glam::Quat::IDENTITY,
                Vec3::new(p.x, y, p.y),
            )
        }));
        for k in 0..count {
            let middle = (placements[k] + placements[(k + 1) % count]) / 2.0;
            frame.append(&sphere(Vec3::new(middle.x, y + 0.01, middle.y), BEAD_RADIUS, 10));
        }
    }
    (frame, (unit_polyhedron(Cut::RoundBrilliant).to_mesh(), melee_transforms))
}

/// The hidden halo: a row of small stones under the centre stone's girdle, tilted outward so they show from the
/// side, on a collar that follows the outline.
pub(super) fn hidden_halo(outline: &Outline, seat_y: f32) -> (MeshData, (MeshData, Vec<Affine3A>)) {
    let melee_size = 0.12;
    let (y, inset) = (seat_y - 0.15, 0.04);
    let ring = outline.ring(128);
    let offset_points: Vec<(Vec2, Vec2)> = ring.iter().map(|&(p, n)| (p - n * inset, n)).collect();
    let perimeter: f32 = (0..offset_points.len())
        .map(|i| offset_points[i].0.distance(offset_points[(i + 1) % offset_points.len()].0))
        .sum();
    let count = (perimeter / (melee_size * 1.1)).floor() as usize;
    let points: Vec<Vec2> = offset_points.iter().map(|&(p, _)| p).collect();
    let mut placements = Vec::new();
    for k in 0..count {
        let p = point_at_arc_length(&points, perimeter * k as f32 / count as f32);
        let outward = Vec3::new(p.x, 0.0, p.y).normalize_or_zero();
        let facing = (outward + Vec3::Y).normalize();
        let rotation = glam::Quat::from_rotation_arc(Vec3::Y, facing);
        placements.push(Affine3A::from_scale_rotation_translation(
            Vec3::splat(melee_size),
            rotation,
            Vec3::new(p.x, y, p.y),
        ));
    }
    let collar_profile =
        [[1.0, -0.10, -0.06], [1.0, 0.0, -0.09], [1.0, 0.03, -0.05], [1.0, -0.02, 0.0], [1.0, -0.10, -0.02]];
    let path: Vec<(Vec3, Vec3, Vec3)> =
        offset_points.iter().map(|&(p, n)| (Vec3::new(p.x, y, p.y), Vec3::new(n.x, 0.0, n.y), Vec3::Y)).collect();
    (sweep(&path, &collar_profile), (unit_polyhedron(Cut::RoundBrilliant).to_mesh(), placements))
}

/// The point at a given arc length along a closed polyline.
fn point_at_arc_length(points: &[Vec2], mut distance: f32) -> Vec2 {
    let n = points.len();
    for i in 0..n {
        let (a, b) = (points[i], points[(i + 1) % n]);
        let length = a.distance(b);
        if distance <= length {
            return a.lerp(b, distance / length.max(1e-9));
        }
        distance -= length;
    }
    points[0]
}
