//! Every part of an Assembly with its mesh as drawn: a band's vertices already moved out for the ring size, placed
//! in the piece's frame. The scene export, the region mask and what a stone sees of its setting
//! (`optics::setting`) read the piece this way.

use super::assembly::{Assembly, PartRole};
use super::mesh::MeshData;
use glam::Affine3A;
use std::sync::Arc;

/// A part of the piece as drawn: what it is, its mesh (a band's already moved out for the ring size) and where it
/// goes in the piece.
pub struct PlacedMesh {
    pub name: String,
    pub role: PartRole,
    /// Which mesh of which component (parts sharing it share it in the file).
    pub key: String,
    pub data: Arc<MeshData>,
    pub at: Affine3A,
}

/// Every part of an Assembly with its mesh as drawn.
pub fn placed_meshes(assembly: &Assembly) -> Vec<PlacedMesh> {
    let mut moved: std::collections::HashMap<String, Arc<MeshData>> = Default::default();
    let mut placed = Vec::new();
    for (component, part, at) in assembly.parts() {
        let model = component.component.model();
        let Some(mesh) = model.meshes.get(part.mesh) else { continue };
        let shift = component.band_shift_mm.filter(|_| matches!(part.role, PartRole::Metal(_)));
        let key = format!("{:?}/{}/{:?}", component.component, part.mesh, shift.map(f32::to_bits));
        let data = moved
            .entry(key.clone())
            .or_insert_with(|| {
                let mut data = mesh.data.clone();
                if let Some(shift) = shift {
                    data.positions = super::shank::band_positions_moved(&data.positions, shift);
                }
                Arc::new(data)
            })
            .clone();
        placed.push(PlacedMesh { name: part.node.clone(), role: part.role, key, data, at });
    }
    placed
}
