//! The stones against each other and against the metal that holds them, measured on the placed meshes of any piece
//! (Écrin's or a house's model):
//!
//! - **Spacing**: the narrowest gap between two neighbouring stones' surfaces (halo, pavé, side stones and the centre).
//!   Cut stones are convex, so a point's signed distance to a stone is its greatest height above the stone's face
//!   planes; the gap between two stones is the least such distance of either's corners to the other. Where the nearest
//!   features are two edges this reads a little short (never long): the check errs on the careful side. Overlapping
//!   stones give a negative gap.
//! - **The seat in the prongs**: in the centre stone's girdle plane, rays from its axis outward; where a ray meets
//!   metal before it leaves the stone, the girdle sits in a seat cut into that metal. For each prong (a run of rays
//!   meeting metal), the ray through its thickest chord says how much of the prong is left behind the girdle — the
//!   share Stuller's "a seat cuts at most 25 % into a prong" bounds. A bezel's wall is read the same way.

use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::geometry::mesh::MeshData;
use crate::geometry::placed::PlacedMesh;
use crate::geometry::rays::crossings;
use glam::{Affine3A, Vec3};
use std::f32::consts::TAU;

/// Rays around the girdle (half a degree apart: a 0.6 mm prong beside a 6.5 mm stone is crossed by some 20, the
/// nearest to its centre within 0.03 mm of it).
const AZIMUTHS: usize = 720;

/// A stone as a convex solid: its corners and its face planes (outward normal, offset), in the piece's frame.
struct Convex {
    corners: Vec<Vec3>,
    planes: Vec<(Vec3, f32)>,
    centre: Vec3,
    reach: f32,
}

impl Convex {
    fn of(mesh: &MeshData, at: Affine3A) -> Option<Convex> {
        let all: Vec<Vec3> = mesh.positions.iter().map(|&p| at.transform_point3(Vec3::from(p))).collect();
        if all.is_empty() {
            return None;
        }
        // A facet's corners are repeated for each of its triangles, and a facet is several triangles in one plane:
        // each corner and each plane kept once (to a micrometre), which makes a gap some twenty times cheaper.
        let micrometres = |v: Vec3| (v * 1000.0).round().as_ivec3();
        let mut seen = std::collections::HashSet::new();
        let corners: Vec<Vec3> = all.iter().copied().filter(|&c| seen.insert(micrometres(c))).collect();
        let centre = corners.iter().copied().sum::<Vec3>() / corners.len() as f32;
        let reach = corners.iter().map(|c| c.distance(centre)).fold(0.0, f32::max);
        let mut planes: Vec<(Vec3, f32)> = Vec::new();
        for triangle in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [0, 1, 2].map(|k| all[triangle[k] as usize]);
            let normal = (b - a).cross(c - a);
            if normal.length_squared() < 1e-14 {
                continue;
            }
            // Outward, whatever the winding: away from the centre, which is inside a convex stone.
            let normal = normal.normalize();
            let normal = if normal.dot(a - centre) < 0.0 { -normal } else { normal };
            let plane = (normal, normal.dot(a));
            if !planes.iter().any(|&(n, d)| n.dot(normal) > 0.999_999 && (d - plane.1).abs() < 1e-4) {
                planes.push(plane);
            }
        }
        (!planes.is_empty()).then_some(Convex { corners, planes, centre, reach })
    }

    /// How far a point is outside the stone (negative inside): its greatest height above a face plane.
    fn signed_distance(&self, point: Vec3) -> f32 {
        self.planes.iter().map(|&(normal, offset)| normal.dot(point) - offset).fold(f32::MIN, f32::max)
    }

    fn gap_to(&self, other: &Convex) -> f32 {
        let one = self.corners.iter().map(|&c| other.signed_distance(c)).fold(f32::MAX, f32::min);
        let two = other.corners.iter().map(|&c| self.signed_distance(c)).fold(f32::MAX, f32::min);
        one.min(two)
    }
}

/// The narrowest gap between two stones of the piece (mm; negative where two overlap), None with fewer than two.
pub fn closest_stones_mm(placed: &[PlacedMesh]) -> Option<f32> {
    let stones: Vec<Convex> = placed
        .iter()
        .filter(|p| matches!(p.role, PartRole::Stone { .. }))
        .filter_map(|p| Convex::of(&p.data, p.at))
        .collect();
    let mut closest: Option<f32> = None;
    for (i, one) in stones.iter().enumerate() {
        for other in &stones[i + 1..] {
            // Only neighbours: stones whose bounding spheres come within a millimetre.
            if one.centre.distance(other.centre) > one.reach + other.reach + 1.0 {
                continue;
            }
            let gap = one.gap_to(other);
            closest = Some(closest.map_or(gap, |c| c.min(gap)));
        }
    }
    closest
}

/// The share of a prong (or a bezel's wall) left behind the centre stone's girdle where it is seated, at the
/// thinnest-left prong: 1 where the girdle only touches the metal, 0 where it passes through. None when the piece
/// has no centre stone or no metal reaches its girdle.
pub fn metal_behind_the_seat(placed: &[PlacedMesh]) -> Option<f32> {
    let stone = placed.iter().find(|p| matches!(p.role, PartRole::Stone { seat: Seat::Centre, .. }))?;
    let axis = stone.at.transform_vector3(Vec3::Y).normalize_or_zero();
    if axis == Vec3::ZERO {
        return None;
    }
    let girdle = girdle_centre(&stone.data, stone.at, axis)?;
    let metal = pieces_through_the_girdle(placed, girdle, axis);
    let across = axis.any_orthonormal_vector();
    let along = axis.cross(across);
    // Per ray: the share left behind the girdle and the prong's chord along the ray, where the girdle is seated in
    // metal.
    let seated: Vec<Option<(f32, f32)>> = (0..AZIMUTHS)
        .map(|k| {
            let angle = TAU * k as f32 / AZIMUTHS as f32;
            let direction = across * angle.cos() + along * angle.sin();
            let out_of_stone = crossings([(stone.data.as_ref(), stone.at)], girdle, direction).last().copied()?;
            let (enter, leave) = solid_around(&metal, girdle, direction, out_of_stone)?;
            Some(((leave - out_of_stone) / (leave - enter), leave - enter))
        })
        .collect();
    // Each run of seated rays is one prong: the ray through its thickest chord speaks for it. A run around more
    // than a third of the turn is a wall (a bezel's), where rays graze it at corners: its median ray speaks for it.
    let start = seated.iter().position(Option::is_none).unwrap_or(0);
    let mut least: Option<f32> = None;
    let mut run: Vec<(f32, f32)> = Vec::new();
    for k in 0..=AZIMUTHS {
        match seated[(start + k) % AZIMUTHS] {
            Some(ray) if k < AZIMUTHS => run.push(ray),
            _ if run.is_empty() => {}
            _ => {
                let share = if run.len() > AZIMUTHS / 3 {
                    run.sort_by(|a, b| a.0.total_cmp(&b.0));
                    run[run.len() / 2].0
                } else {
                    run.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1)).map_or(1.0, |(share, _)| share)
                };
                least = Some(least.map_or(share, |l| l.min(share)));
                run.clear();
            }
        }
    }
    least
}

/// The girdle's centre: on the stone's axis, at the height of its widest corners.
fn girdle_centre(mesh: &MeshData, at: Affine3A, axis: Vec3) -> Option<Vec3> {
    let corners: Vec<Vec3> = mesh.positions.iter().map(|&p| at.transform_point3(Vec3::from(p))).collect();
    let origin = at.transform_point3(Vec3::ZERO);
    let radial = |c: Vec3| {
        let d = c - origin;
        (d - axis * d.dot(axis)).length()
    };
    let widest = corners.iter().map(|&c| radial(c)).fold(0.0, f32::max);
    let rim: Vec<f32> =
        corners.iter().filter(|&&c| radial(c) > widest * 0.99).map(|&c| (c - origin).dot(axis)).collect();
    if rim.is_empty() {
        return None;
    }
    let height = rim.iter().sum::<f32>() / rim.len() as f32;
    Some(origin + axis * height)
}

/// The metal's closed pieces that cross the girdle's plane, in the piece's frame, each cut down to the triangles that
/// cross that plane (the only ones a ray in it can meet).
fn pieces_through_the_girdle(placed: &[PlacedMesh], girdle: Vec3, axis: Vec3) -> Vec<MeshData> {
    let height = |p: [f32; 3]| (Vec3::from(p) - girdle).dot(axis);
    // The head's metal: what holds the stone (not a band or a chain that happens to cross the plane far off).
    let metal = placed.iter().filter(|p| matches!(p.role, PartRole::Metal(MetalZone::Head)));
    let pieces = metal.flat_map(|p| super::thickness::closed_pieces(&p.data, p.at));
    pieces
        .filter_map(|piece| {
            let crossing: Vec<u32> = piece
                .indices
                .chunks_exact(3)
                .filter(|t| {
                    let heights = t.iter().map(|&i| height(piece.positions[i as usize]));
                    let (low, high) = heights.fold((f32::MAX, f32::MIN), |(lo, hi), h| (lo.min(h), hi.max(h)));
                    low <= 0.0 && high >= 0.0
                })
                .flatten()
                .copied()
                .collect();
            (!crossing.is_empty()).then_some(MeshData { indices: crossing, ..piece })
        })
        .collect()
}

/// Where the ray enters and leaves the piece of metal the girdle's point at `beyond` is seated in, if any: of the
/// pieces holding that point, the one with the most metal behind it (a prong's own wire, not the rail it crosses).
fn solid_around(metal: &[MeshData], origin: Vec3, direction: Vec3, beyond: f32) -> Option<(f32, f32)> {
    let mut seated: Option<(f32, f32)> = None;
    for piece in metal {
        let hits = crossings([(piece, Affine3A::IDENTITY)], origin, direction);
        // A piece may hold the origin (a bezel's cup around the stone's axis): odd crossings start inside it.
        let hits = if hits.len() % 2 == 1 { [vec![0.0], hits].concat() } else { hits };
        for pair in hits.chunks_exact(2) {
            let (enter, leave) = (pair[0], pair[1]);
            if enter < beyond && leave > beyond && seated.is_none_or(|(_, most)| leave > most) {
                seated = Some((enter, leave));
            }
        }
    }
    seated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Cut, Species};
    use crate::geometry::cut::unit_polyhedron;
    use crate::geometry::mesh::wire;
    use std::sync::Arc;

    fn stone(at: Affine3A, seat: Seat) -> PlacedMesh {
        PlacedMesh {
            name: "stone".into(),
            role: PartRole::Stone { seat, cut: Cut::RoundBrilliant, species: Species::Diamond },
            key: "stone".into(),
            data: Arc::new(unit_polyhedron(Cut::RoundBrilliant).to_mesh()),
            at,
        }
    }

    fn metal(data: MeshData) -> PlacedMesh {
        let data = Arc::new(data);
        PlacedMesh {
            name: "prong".into(),
            role: PartRole::Metal(MetalZone::Head),
            key: "prong".into(),
            data,
            at: Affine3A::IDENTITY,
        }
    }

    #[test]
    fn two_round_stones_are_as_far_apart_as_their_centres_less_their_radii() {
        // Unit round brilliants (1 mm across) scaled to 2 mm, side by side.
        let at =
            |x: f32| Affine3A::from_scale_rotation_translation(Vec3::splat(2.0), glam::Quat::IDENTITY, Vec3::X * x);
        for (apart, gap) in [(2.3, 0.3), (2.05, 0.05), (1.9, -0.1)] {
            let placed = [stone(at(0.0), Seat::Band), stone(at(apart), Seat::Band)];
            let measured = closest_stones_mm(&placed).expect("two stones");
            // A polygonal girdle is a little narrower than its circle between its corners: the gap reads short. An
            // overlap reads as the deepest corner's depth inside the other stone: negative, and never deeper.
            if gap > 0.0 {
                assert!(measured <= gap + 0.005 && measured > gap - 0.03, "{apart}: {measured} for {gap}");
            } else {
                assert!(measured < 0.0 && measured >= gap - 0.005, "{apart}: {measured} for {gap}");
            }
        }
        assert_eq!(closest_stones_mm(&[stone(at(0.0), Seat::Band)]), None);
    }

    #[test]
    fn a_prong_seated_deeper_leaves_less_of_itself_behind_the_girdle() {
        // A 6 mm stone, its girdle at y = 0, held by one upright 0.8 mm prong at a distance from its axis.
        let at = Affine3A::from_scale(Vec3::splat(6.0));
        let prong = |x: f32| wire(&[Vec3::new(x, -1.0, 0.0), Vec3::new(x, 1.0, 0.0)], &[0.4, 0.4], 24);
        for (x, behind) in [(3.3, 0.875), (3.2, 0.75), (3.05, 0.5625)] {
            let placed = [stone(at, Seat::Centre), metal(prong(x))];
            let share = metal_behind_the_seat(&placed).expect("seated");
            assert!((share - behind).abs() < 0.03, "{x}: {share} for {behind}");
        }
        // Clear of the girdle: nothing seated.
        assert_eq!(metal_behind_the_seat(&[stone(at, Seat::Centre), metal(prong(3.6))]), None);
    }
}
