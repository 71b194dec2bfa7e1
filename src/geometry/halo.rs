//! Halos: a row (or two) of small round brilliants around the centre stone on a slim frame, and the hidden halo
//! under its girdle. In stone lengths, the head's frame (`ring.rs`).

use super::cut::unit_polyhedron;
use super::mesh::{MeshData, sphere, sweep};
use super::outline::Outline;
use super::polyhedron::Plane;
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
/// side, on a collar that follows the outline — each moved out as far as it must to clear the centre stone's
/// pavilion (a princess's is steep under its girdle).
pub(super) fn hidden_halo(outline: &Outline, seat_y: f32, cut: Cut) -> (MeshData, (MeshData, Vec<Affine3A>)) {
    let melee_size = 0.12;
    let (y, inset) = (seat_y - 0.15, 0.04);
    let ring = outline.ring(128);
    let offset_points: Vec<(Vec2, Vec2)> = ring.iter().map(|&(p, n)| (p - n * inset, n)).collect();
    let perimeter: f32 = (0..offset_points.len())
        .map(|i| offset_points[i].0.distance(offset_points[(i + 1) % offset_points.len()].0))
        .sum();
    let points: Vec<Vec2> = offset_points.iter().map(|&(p, _)| p).collect();
    let centre: Vec<Plane> = unit_polyhedron(cut)
        .facets
        .iter()
        .map(|f| Plane::through(f.vertices[0] + Vec3::Y * seat_y, f.plane.normal))
        .collect();
    let melee: Vec<Vec3> =
        unit_polyhedron(Cut::RoundBrilliant).facets.iter().flat_map(|f| f.vertices.clone()).collect();
    let mut placements = Vec::new();
    // Inside the outline, a princess's or a marquise's corners stay sharp: spaced by arc length, the two stones
    // either side of a corner would cut into each other. Spaced by the straight distance between neighbours instead.
    for p in evenly_apart(&points, perimeter, melee_size * 1.1) {
        let outward = Vec3::new(p.x, 0.0, p.y).normalize_or_zero();
        let facing = (outward + Vec3::Y).normalize();
        let rotation = glam::Quat::from_rotation_arc(Vec3::Y, facing);
        let mut at = Vec3::new(p.x, y, p.y);
        let normal = ring
            .iter()
            .min_by(|a, b| a.0.distance(p).total_cmp(&b.0.distance(p)))
            .map_or(outward, |&(_, n)| Vec3::new(n.x, 0.0, n.y));
        for _ in 0..8 {
            let place = Affine3A::from_scale_rotation_translation(Vec3::splat(melee_size), rotation, at);
            let clearance = melee.iter().map(|&c| outside(&centre, place.transform_point3(c))).fold(f32::MAX, f32::min);
            if clearance >= CLEARANCE {
                break;
            }
            at += normal * (CLEARANCE - clearance);
        }
        placements.push(Affine3A::from_scale_rotation_translation(Vec3::splat(melee_size), rotation, at));
    }
    let collar_profile =
        [[1.0, -0.10, -0.06], [1.0, 0.0, -0.09], [1.0, 0.03, -0.05], [1.0, -0.02, 0.0], [1.0, -0.10, -0.02]];
    let path: Vec<(Vec3, Vec3, Vec3)> =
        offset_points.iter().map(|&(p, n)| (Vec3::new(p.x, y, p.y), Vec3::new(n.x, 0.0, n.y), Vec3::Y)).collect();
    (sweep(&path, &collar_profile), (unit_polyhedron(Cut::RoundBrilliant).to_mesh(), placements))
}

/// The least room between a hidden halo's stone and the centre stone, in stone lengths (0.035 mm under 7 mm).
const CLEARANCE: f32 = 0.005;

/// How far a point is outside a convex stone given by its face planes (negative inside).
fn outside(planes: &[Plane], point: Vec3) -> f32 {
    planes.iter().map(|plane| plane.normal.dot(point) - plane.offset).fold(f32::MIN, f32::max)
}

/// As many points as fit around a closed polyline with every two neighbours at least `least` apart in a straight
/// line, the same distance apart (the last one from the first too, within a hundredth of it).
fn evenly_apart(points: &[Vec2], perimeter: f32, least: f32) -> Vec<Vec2> {
    // Walks from the start, each point the first one at `step` in a straight line from the one before.
    let walk = |step: f32, count: usize| -> Option<Vec<Vec2>> {
        let mut placed = vec![point_at_arc_length(points, 0.0)];
        let mut along = 0.0;
        while placed.len() < count {
            let last = *placed.last()?;
            let mut ahead = along;
            loop {
                ahead += step / 64.0;
                if ahead >= perimeter {
                    return None;
                }
                if point_at_arc_length(points, ahead).distance(last) >= step {
                    break;
                }
            }
            along = ahead;
            placed.push(point_at_arc_length(points, ahead));
        }
        Some(placed)
    };
    let closing = |placed: &[Vec2]| placed[placed.len() - 1].distance(placed[0]);
    let most = (perimeter / least).floor() as usize;
    for count in (3..=most).rev() {
        // The longest step at which `count` points fit; the closing gap shrinks as the step grows.
        let (mut short, mut long) = (least, perimeter / count as f32 * 1.5);
        if walk(short, count).is_none_or(|placed| closing(&placed) < short) {
            continue;
        }
        for _ in 0..24 {
            let step = (short + long) / 2.0;
            match walk(step, count) {
                Some(placed) if closing(&placed) >= step => short = step,
                _ => long = step,
            }
        }
        if let Some(placed) = walk(short, count) {
            return placed;
        }
    }
    Vec::new()
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
