//! The thinnest metal of a part, measured on its mesh as a thickness gauge would: from points of its surface straight
//! in along the surface's normal to where the ray leaves the metal again — a prong's diameter, a wall's thickness, a
//! plate's. For a house's head, whose prongs and rails are not known by name: what the checks hold to the slim
//! elements' limits. Each closed piece is gauged on itself (a prong's ball is not measured into the wire it caps),
//! at a bounded number of points (the work is capped, so a dense model costs no more than a light one).

use crate::geometry::mesh::MeshData;
use crate::geometry::rays::crossings;
use glam::{Affine3A, Vec3};

/// Ray–triangle tests a gauging may make at most (≈ 10 ms on the frame that shows a new geometry).
const BUDGET: usize = 4_000_000;
/// Points gauged on each piece at least.
const LEAST_POINTS: usize = 16;
/// A ray leaving the metal nearer than this (mm) left where it started (it grazed its own face).
const START: f32 = 1e-3;

/// The thinnest metal (mm) of the parts placed, read as a low percentile of the thicknesses gauged — 1 in 50 points —
/// so that one grazing ray at a sharp edge does not speak for a whole head, while prongs, which are many points, do.
/// None when nothing could be gauged (open surfaces).
pub fn thinnest_mm<'a>(parts: impl IntoIterator<Item = (&'a MeshData, Affine3A)>) -> Option<f32> {
    let pieces: Vec<MeshData> = parts.into_iter().flat_map(|(mesh, at)| closed_pieces(mesh, at)).collect();
    let triangles: usize = pieces.iter().map(|p| p.indices.len() / 3).sum();
    let points_per_piece = (BUDGET / triangles.max(1)).max(LEAST_POINTS);
    let mut thicknesses = Vec::new();
    for piece in &pieces {
        let normals = vertex_normals(piece);
        let count = piece.positions.len();
        let stride = count.div_ceil(points_per_piece).max(1);
        for index in (0..count).step_by(stride) {
            let normal = normals[index];
            if normal == Vec3::ZERO {
                continue;
            }
            let point = Vec3::from(piece.positions[index]);
            let inward = -normal;
            let hits = crossings([(piece, Affine3A::IDENTITY)], point, inward);
            if let Some(&leave) = hits.iter().find(|&&t| t > START) {
                thicknesses.push(leave);
            }
        }
    }
    if thicknesses.is_empty() {
        return None;
    }
    thicknesses.sort_by(f32::total_cmp);
    Some(thicknesses[thicknesses.len() / 50])
}

/// The mesh's pieces joined by their triangles' shared indices, each in the piece's frame (mm).
fn closed_pieces(mesh: &MeshData, at: Affine3A) -> Vec<MeshData> {
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
