//! Metal materials derived from the design (band and head, for two-tone) and the classification of glTF parts.
//! The shared materials are edited in place: a change of alloy or finish never creates a new GPU pipeline.

use super::StudioSystems;
use super::state::CurrentDesign;
use crate::design::Metal;
use crate::geometry::library::{GEM_PREFIX, METAL_PREFIX};
use bevy::prelude::*;

/// What a glTF part is, from its material name (README "Model convention").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartRole {
    Metal,
    CentreStone,
    Melee,
}

/// Classifies a glTF material name: `metal*` → metal, `gem.melee*` → small stones, other `gem*` → centre stone.
pub fn part_role(material_name: &str) -> Option<PartRole> {
    let name = material_name.to_ascii_lowercase();
    if name.starts_with(METAL_PREFIX) {
        Some(PartRole::Metal)
    } else if name.starts_with("gem.melee") {
        Some(PartRole::Melee)
    } else if name.starts_with(GEM_PREFIX) {
        Some(PartRole::CentreStone)
    } else {
        None
    }
}

/// The studio's shared metal materials, edited in place when the design changes.
#[derive(Resource)]
pub struct RingMaterials {
    /// The band's metal.
    pub metal: Handle<StandardMaterial>,
    /// The head's metal (the band's alloy unless two-tone).
    pub head_metal: Handle<StandardMaterial>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, create_materials)
        .add_systems(Update, sync_materials.in_set(StudioSystems::SyncMaterials));
}

/// A metal: the alloy's F0 as base colour, fully metallic, the finish's roughness.
pub fn metal_material(metal: Metal, material: &mut StandardMaterial) {
    let [r, g, b] = metal.alloy.f0_linear();
    material.base_color = Color::linear_rgb(r, g, b);
    material.metallic = 1.0;
    material.perceptual_roughness = metal.finish.roughness();
    material.reflectance = 0.5;
}

fn create_materials(
    mut commands: Commands,
    mut materials: ResMut<Assets<StandardMaterial>>,
    current: Option<Res<CurrentDesign>>,
) {
    let design = current.map(|c| c.design().clone()).unwrap_or_default();
    let mut make = |metal| {
        let mut material = StandardMaterial::default();
        metal_material(metal, &mut material);
        materials.add(material)
    };
    commands.insert_resource(RingMaterials { metal: make(design.metal), head_metal: make(design.head_metal()) });
}

fn sync_materials(
    current: Res<CurrentDesign>,
    ring: Res<RingMaterials>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut shown: Local<Option<(Metal, Metal)>>,
) {
    let design = current.design();
    let wanted = (design.metal, design.head_metal());
    if *shown == Some(wanted) {
        return;
    }
    for (handle, metal) in [(&ring.metal, wanted.0), (&ring.head_metal, wanted.1)] {
        if let Some(mut material) = materials.get_mut(handle) {
            metal_material(metal, &mut material);
        }
    }
    *shown = Some(wanted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_classified_by_material_name() {
        assert_eq!(part_role("metal"), Some(PartRole::Metal));
        assert_eq!(part_role("metal.head"), Some(PartRole::Metal));
        assert_eq!(part_role("gem.center"), Some(PartRole::CentreStone));
        assert_eq!(part_role("gem.melee"), Some(PartRole::Melee));
        assert_eq!(part_role("Material.001"), None);
    }
}
