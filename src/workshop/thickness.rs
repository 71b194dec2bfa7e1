//! The thinnest metal of a part, measured on its mesh as a thickness gauge would: from points of its surface straight
//! in along the surface's normal to where the ray leaves the metal again — a prong's diameter, a wall's thickness, a
//! plate's. For a house's head, whose prongs and rails are not known by name: what the checks hold to the slim
//! elements' limits. A head is many closed pieces that overlap (a prong's foot sunk in its rail, a ball capping a
//! wire): the metal is their union, so a point buried in another piece is no surface to gauge, and a ray goes on
//! through every piece it is still inside. A bounded number of points is gauged (the work is capped, so a dense
//! model costs no more than a light one), each ray tested only against the pieces whose bounds it crosses.

use crate::geometry::mesh::MeshData;
use crate::geometry::rays::crossings;
use glam::{Affine3A, Vec3};

/// Ray–triangle tests a gauging may make at most (≈ 10 ms on the frame that shows a new geometry).
const BUDGET: usize = 4_000_000;
/// Points gauged on each piece at least.
const LEAST_POINTS: usize = 16;
/// A ray leaving the metal nearer than this (mm) left where it started (it grazed its own face).
const START: f32 = 1e-3;

/// The thinnest metal (mm) of the parts placed: each closed piece's own thickness is the tenth percentile of its
/// points' (a wire's diameter, a band's thickness rather than its width: one grazing ray at a sharp edge does not
/// speak for it), a piece more than
/// half sunk into others is part of them (a prong's foot fused in its rail), and the thinnest piece speaks for the
/// whole. None when nothing could be gauged (open surfaces).
pub fn thinnest_mm<'a>(parts: impl IntoIterator<Item = (&'a MeshData, Affine3A)>) -> Option<f32> {
    let pieces: Vec<MeshData> = parts.into_iter().flat_map(|(mesh, at)| closed_pieces(mesh, at)).collect();
    let triangles: usize = pieces.iter().map(|p| p.indices.len() / 3).sum();
    let points_per_piece = (BUDGET / triangles.max(1)).max(LEAST_POINTS);
    let bounds: Vec<(Vec3, Vec3)> = pieces.iter().map(MeshData::bounds).collect();
    let mut thinnest: Option<f32> = None;
    for (own, piece) in pieces.iter().enumerate() {
        let normals = vertex_normals(piece);
        let count = piece.positions.len();
        let stride = count.div_ceil(points_per_piece).max(1);
        let (mut thicknesses, mut buried) = (Vec::new(), 0);
        for index in (0..count).step_by(stride) {
            let normal = normals[index];
            if normal == Vec3::ZERO {
                continue;
            }
            let point = Vec3::from(piece.positions[index]);
            match through_the_union(&pieces, &bounds, own, point, -normal) {
                Gauged::Through(thickness) => thicknesses.push(thickness),
                Gauged::Buried => buried += 1,
                Gauged::Open => {}
            }
        }
        if thicknesses.is_empty() || buried > thicknesses.len() {
            continue;
        }
        thicknesses.sort_by(f32::total_cmp);
        let own = thicknesses[thicknesses.len() / 10];
        thinnest = Some(thinnest.map_or(own, |t| t.min(own)));
    }
    thinnest
}

/// What a ray from a point of a piece's surface found.
enum Gauged {
    /// The metal's thickness along it.
    Through(f32),
    /// The point is inside another piece: no surface of the metal.
    Buried,
    /// The ray never left its own piece (an open surface).
    Open,
}

/// From a point on piece `own`'s surface along `inward`: how far the metal — the union of the pieces — goes before
/// the ray leaves it.
fn through_the_union(pieces: &[MeshData], bounds: &[(Vec3, Vec3)], own: usize, point: Vec3, inward: Vec3) -> Gauged {
    let mut solid: Vec<(f32, f32)> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        if index != own && !crosses_box(point, inward, bounds[index]) {
            continue;
        }
        let hits = crossings([(piece, Affine3A::IDENTITY)], point, inward);
        if index == own {
            let mut beyond = hits.into_iter().filter(|&t| t > START);
            let Some(leave) = beyond.next() else { return Gauged::Open };
            solid.push((0.0, leave));
            let rest: Vec<f32> = beyond.collect();
            solid.extend(rest.chunks_exact(2).map(|pair| (pair[0], pair[1])));
        } else {
            if hits.len() % 2 == 1 {
                return Gauged::Buried;
            }
            solid.extend(hits.chunks_exact(2).map(|pair| (pair[0], pair[1])));
        }
    }
    solid.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut end = 0.0_f32;
    for (enter, leave) in solid {
        if enter > end + START {
            break;
        }
        end = end.max(leave);
    }
    Gauged::Through(end)
}

/// Whether the ray from `origin` along `direction` meets the box (slabs).
fn crosses_box(origin: Vec3, direction: Vec3, (low, high): (Vec3, Vec3)) -> bool {
    let (mut near, mut far) = (0.0_f32, f32::INFINITY);
    for axis in 0..3 {
        let (o, d) = (origin[axis], direction[axis]);
        if d.abs() < 1e-12 {
            if o < low[axis] || o > high[axis] {
                return false;
            }
            continue;
        }
        let (a, b) = ((low[axis] - o) / d, (high[axis] - o) / d);
        near = near.max(a.min(b));
        far = far.min(a.max(b));
    }
    near <= far
}

/// The mesh's pieces joined by their triangles' shared indices, each in the piece's frame (mm).
pub(super) fn closed_pieces(mesh: &MeshData, at: Affine3A) -> Vec<MeshData> {
    super::files::pieces_by_index(&mesh.indices)
        .into_iter()
        .map(|triangles| {
            let mut piece = MeshData::default();
            let mut index_of = std::collections::HashMap::new();
            for corner in triangles.into_iter().flatten() {
                let index = *index_of.entry(corner).or_insert_with(|| {
                    let p = at.transform_point3(Vec3::from(mesh.positions[corner as usize]));
                    piece.positions.push(p.into());
                    piece.positions.len() as u32 - 1
                });
                piece.indices.push(index);
            }
            piece
        })
        .collect()
}

/// Each vertex's outward normal: its triangles' normals weighted by their areas.
fn vertex_normals(piece: &MeshData) -> Vec<Vec3> {
    let mut normals = vec![Vec3::ZERO; piece.positions.len()];
    for t in piece.indices.chunks_exact(3) {
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| Vec3::from(piece.positions[i as usize]));
        let weighted = (b - a).cross(c - a);
        for &i in t {
            normals[i as usize] += weighted;
        }
    }
    // A piece turned inside out (its volume negative) has its normals turned back.
    let outward = if piece.volume() < 0.0 { -1.0 } else { 1.0 };
    normals.into_iter().map(|n| n.normalize_or_zero() * outward).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::mesh::wire;

    #[test]
    fn a_wire_is_gauged_at_its_diameter_and_a_thin_one_thinner() {
        for diameter in [0.35_f32, 0.6, 1.2] {
            let prong = wire(&[Vec3::ZERO, Vec3::new(0.0, 4.0, 0.0)], &[diameter / 2.0; 2], 16);
            let gauged = thinnest_mm([(&prong, Affine3A::IDENTITY)]).expect("gauged");
            assert!((gauged - diameter).abs() < 0.05 * diameter, "{diameter}: {gauged}");
        }
    }

    #[test]
    fn a_ball_sunk_in_a_wire_is_no_thin_spot_and_metal_through_two_pieces_is_one_thickness() {
        // A 1 mm wire with a 0.5 mm ball sunk in its middle: the ball is buried, the wire is 1 mm.
        let straight = wire(&[Vec3::ZERO, Vec3::new(0.0, 4.0, 0.0)], &[0.5; 2], 16);
        let ball = crate::geometry::mesh::sphere(Vec3::new(0.0, 2.0, 0.0), 0.25, 16);
        let gauged = thinnest_mm([(&straight, Affine3A::IDENTITY), (&ball, Affine3A::IDENTITY)]).expect("gauged");
        assert!((gauged - 1.0).abs() < 0.05, "{gauged}");
        // Two 0.6 mm wires side by side, their axes 0.4 mm apart: fused, no thinner than either.
        let a = wire(&[Vec3::ZERO, Vec3::new(0.0, 4.0, 0.0)], &[0.3; 2], 24);
        let b = wire(&[Vec3::new(0.4, 0.0, 0.0), Vec3::new(0.4, 4.0, 0.0)], &[0.3; 2], 24);
        let across = thinnest_mm([(&a, Affine3A::IDENTITY), (&b, Affine3A::IDENTITY)]).expect("gauged");
        assert!(across > 0.55, "the union is no thinner than each wire: {across}");
    }

    #[test]
    fn a_band_is_gauged_at_its_thickness_wherever_it_is_placed() {
        // Écrin's comfort-fit band: 1.7 mm from the finger to the outside, 2.2 mm wide (shank.rs).
        let design =
            crate::design::Design { shank: crate::design::ShankStyle::ComfortFit, ..crate::design::Design::default() };
        let placed = crate::geometry::placed::placed_meshes(&crate::geometry::assemble::assemble(&design));
        let band = placed
            .iter()
            .find(|p| {
                matches!(p.role, crate::geometry::assembly::PartRole::Metal(crate::geometry::assembly::MetalZone::Band))
            })
            .expect("a band");
        let moved = Affine3A::from_rotation_translation(glam::Quat::from_rotation_x(0.7), Vec3::new(3.0, -2.0, 1.0));
        for at in [band.at, moved * band.at] {
            let gauged = thinnest_mm([(band.data.as_ref(), at)]).expect("gauged");
            assert!((gauged - 1.7).abs() < 0.1, "{gauged}");
        }
        assert!(thinnest_mm(std::iter::empty()).is_none());
    }
}
