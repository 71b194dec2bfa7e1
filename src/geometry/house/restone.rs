//! A house's centre stone at another size (no Bevy), where the house allows it: as Écrin's heads are scaled with
//! their stone, the model's head — its head metal, the centre stone and the side stones set in the head — is scaled
//! about the head's base, the point under the centre stone where the head metal meets the band, so the head stays
//! on the band and the stone rises or sinks with its prongs. Only a model whose head is a part of its own (a
//! two-tone head, or a part the designer marked as head metal) can be re-stoned: in one piece of metal the head
//! cannot be told from the band.

use super::{HouseModel, HouseSetup, NodeRole, PartUse, StoneSeat, Zone};
use crate::geometry::model::ComponentModel;
use glam::{Affine3A, Vec3};

impl HouseSetup {
    /// Whether the centre stone's size may change: a centre stone, and head metal apart from the band.
    pub fn restoneable(&self) -> bool {
        self.parts.iter().any(|p| p.role == PartUse::Metal(Zone::Head))
            && self.stones.iter().any(|s| s.seat == StoneSeat::Centre)
    }

    /// The centre stone's length as modelled, mm.
    pub fn centre_mm(&self) -> Option<f32> {
        self.stones.iter().find(|s| s.seat == StoneSeat::Centre).map(|s| s.size_mm)
    }
}

/// Whether a node is part of the head (scaled with the centre stone): head metal, the centre stone, side stones.
fn in_head(model: &HouseModel, role: NodeRole) -> bool {
    match role {
        NodeRole::Metal(zone) => zone == Zone::Head,
        NodeRole::Stone(i) => model.setup.stones.get(i).is_some_and(|s| s.seat != StoneSeat::Melee),
    }
}

/// The head's base: under the centre stone, at the lowest point of the head metal. `None` if the model cannot be
/// re-stoned.
pub fn head_base(model: &HouseModel) -> Option<Vec3> {
    if !model.setup.restoneable() {
        return None;
    }
    let centre = model.model.nodes.iter().zip(&model.roles).find_map(|(node, role)| match role {
        NodeRole::Stone(i) if model.setup.stones.get(*i)?.seat == StoneSeat::Centre => Some(node.transform.translation),
        _ => None,
    })?;
    let lowest = model
        .model
        .nodes
        .iter()
        .zip(&model.roles)
        .filter(|(_, role)| **role == NodeRole::Metal(Zone::Head))
        .filter_map(|(node, _)| model.model.meshes.get(node.mesh?))
        .flat_map(|mesh| mesh.data.positions.iter().map(|p| p[1]))
        .fold(f32::MAX, f32::min);
    (lowest < f32::MAX).then_some(Vec3::new(centre.x, lowest, centre.z))
}

/// The model as modelled, its head scaled by `scale` about its base (metal vertices moved; stones' nodes moved
/// and scaled).
pub fn with_head_scaled(model: &HouseModel, base: Vec3, scale: f32) -> ComponentModel {
    let mut made = model.model.clone();
    let about =
        Affine3A::from_translation(base) * Affine3A::from_scale(Vec3::splat(scale)) * Affine3A::from_translation(-base);
    for (node, &role) in made.nodes.iter_mut().zip(&model.roles) {
        if !in_head(model, role) {
            continue;
        }
        match role {
            NodeRole::Metal(_) => {
                if let Some(mesh) = node.mesh.and_then(|m| made.meshes.get_mut(m)) {
                    for p in &mut mesh.data.positions {
                        *p = about.transform_point3(Vec3::from(*p)).into();
                    }
                }
            }
            NodeRole::Stone(_) => node.transform = about * node.transform,
        }
    }
    made
}
