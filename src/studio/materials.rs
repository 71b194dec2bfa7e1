//! Metal materials derived from the design (band and head, for two-tone) and the classification of glTF parts.
//! The shared materials are edited in place: a change of alloy or finish never creates a new GPU pipeline.

use super::StudioSystems;
use super::state::CurrentDesign;
use crate::design::{Finish, Metal};
use crate::geometry::library::{GEM_PREFIX, METAL_PREFIX};
use bevy::asset::uuid_handle;
use bevy::pbr::{ExtendedMaterial, MaterialExtension};
use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::ShaderRef;

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

/// Bevy's PBR metal with Écrin's finish (`shaders/metal.wgsl`): one material type for every alloy and finish, so
/// no change of either ever needs a new pipeline.
pub type MetalMaterial = ExtendedMaterial<StandardMaterial, MetalFinish>;

const METAL_SHADER: Handle<Shader> = uuid_handle!("0f6c2b8e-5a57-4b4e-9d8f-3c1a7e2b9d40");

#[derive(ShaderType, Clone, Copy, Debug, Default, PartialEq)]
pub struct MetalFinishParams {
    /// 0 polished, 1 satin, 2 brushed, 3 hammered.
    pub kind: u32,
    /// Hammer mark size / brush line spacing, mm.
    pub scale: f32,
    /// Tilt of the normal.
    pub strength: f32,
    pub padding: f32,
}

/// The finish part of a metal material.
#[derive(Asset, AsBindGroup, TypePath, Clone, Debug, Default)]
pub struct MetalFinish {
    #[uniform(100)]
    pub params: MetalFinishParams,
}

impl MaterialExtension for MetalFinish {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Handle(METAL_SHADER)
    }
}

/// Shader parameters of a finish (sizes judged by eye on a 2 mm band).
pub fn finish_params(finish: Finish) -> MetalFinishParams {
    let (kind, scale, strength) = match finish {
        Finish::Polished => (0, 1.0, 0.0),
        Finish::Satin => (1, 1.0, 0.0),
        Finish::Brushed => (2, 0.035, 0.35),
        Finish::Hammered => (3, 1.5, 0.35),
    };
    MetalFinishParams { kind, scale, strength, padding: 0.0 }
}

/// The shared metal materials of one piece, edited in place when its design changes.
#[derive(Clone)]
pub struct RingMaterials {
    /// The band's metal.
    pub metal: Handle<MetalMaterial>,
    /// The head's metal (the band's alloy unless two-tone).
    pub head_metal: Handle<MetalMaterial>,
}

/// The metal materials of every variant's piece, by slot (slot 0: the main view's, made at start).
#[derive(Resource, Clone, Default)]
pub struct SlotMetals(pub Vec<RingMaterials>);

impl SlotMetals {
    /// The main view's materials (slot 0: the design, or the board's first tile).
    pub fn main(&self) -> Option<&RingMaterials> {
        self.0.first()
    }
}

pub(super) fn plugin(app: &mut App) {
    super::embed_shader(app, &METAL_SHADER, include_str!("../../shaders/metal.wgsl"), "shaders/metal.wgsl");
    app.add_plugins(MaterialPlugin::<MetalMaterial>::default()).add_systems(PreStartup, create_materials).add_systems(
        Update,
        (
            add_slot_materials.in_set(StudioSystems::SyncScene).in_set(super::pieces::PieceSpawn),
            sync_materials.in_set(StudioSystems::SyncMaterials),
        ),
    );
}

/// A metal: the alloy's F0 as base colour, fully metallic, the finish's roughness and surface.
pub fn metal_material(metal: Metal, material: &mut MetalMaterial) {
    let [r, g, b] = metal.alloy.f0_linear();
    material.base.base_color = Color::linear_rgb(r, g, b);
    material.base.metallic = 1.0;
    material.base.perceptual_roughness = metal.finish.roughness();
    material.base.reflectance = 0.5;
    material.extension.params = finish_params(metal.finish);
}

fn ring_materials(design: &crate::design::Design, materials: &mut Assets<MetalMaterial>) -> RingMaterials {
    let mut make = |metal| {
        let mut material = MetalMaterial::default();
        metal_material(metal, &mut material);
        materials.add(material)
    };
    RingMaterials { metal: make(design.metal), head_metal: make(design.head_metal()) }
}

fn create_materials(
    mut commands: Commands,
    mut materials: ResMut<Assets<MetalMaterial>>,
    current: Option<Res<CurrentDesign>>,
) {
    let design = current.map(|c| c.design().clone()).unwrap_or_default();
    commands.insert_resource(SlotMetals(vec![ring_materials(&design, &mut materials)]));
}

/// New variants get their own materials (kept when a variant goes, for the next one).
fn add_slot_materials(
    current: Res<CurrentDesign>,
    mut slots: ResMut<SlotMetals>,
    mut materials: ResMut<Assets<MetalMaterial>>,
) {
    let designs = current.history.variants().designs();
    while slots.0.len() < designs.len() {
        let made = ring_materials(&designs[slots.0.len()], &mut materials);
        slots.0.push(made);
    }
}

fn sync_materials(
    current: Res<CurrentDesign>,
    slots: Res<SlotMetals>,
    mut materials: ResMut<Assets<MetalMaterial>>,
    mut shown: Local<Vec<(Metal, Metal)>>,
) {
    for (slot, (design, ring)) in current.history.variants().designs().iter().zip(&slots.0).enumerate() {
        let wanted = (design.metal, design.head_metal());
        if shown.get(slot) == Some(&wanted) {
            continue;
        }
        for (handle, metal) in [(&ring.metal, wanted.0), (&ring.head_metal, wanted.1)] {
            if let Some(mut material) = materials.get_mut(handle) {
                metal_material(metal, &mut material);
            }
        }
        if shown.len() <= slot {
            shown.resize(slot + 1, wanted);
        }
        shown[slot] = wanted;
    }
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
