//! Metal materials derived from the design (band and head, for two-tone) and the classification of glTF parts.
//! The shared materials are edited in place: a change of alloy or finish never creates a new GPU pipeline.

use super::StudioSystems;
use super::pieces::{PieceMetal, PieceSpawn};
use crate::design::{Finish, Metal};
use crate::geometry::model::{GEM_PREFIX, METAL_PREFIX};
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
    /// Half the angle the observer subtends (radians, `optics::observer::HALF_ANGLE`); 0: no observer.
    pub observer_half_angle: f32,
    /// The engraving's map extent over the band's inside: u from x to y, v from z to w (mm; `geometry::engraving`).
    pub engraving_extent: Vec4,
    /// x: the band's inner radius (mm), y: the cut's depth (mm), z: 1 when engraved, w: mm per map texel.
    pub engraving: Vec4,
}

/// The finish part of a metal material.
#[derive(Asset, AsBindGroup, TypePath, Clone, Debug, Default)]
pub struct MetalFinish {
    #[uniform(100)]
    pub params: MetalFinishParams,
    /// The engraving's depth map (`studio/engraving.rs`); none on a head, a necklace or a plain band.
    #[texture(101)]
    #[sampler(102)]
    pub engraving: Option<Handle<Image>>,
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
    MetalFinishParams { kind, scale, strength, observer_half_angle: crate::optics::observer::HALF_ANGLE, ..default() }
}

/// A piece's metal materials (on the piece entity), edited in place when its metals change.
#[derive(Component, Clone)]
pub struct RingMaterials {
    /// The band's metal.
    pub metal: Handle<MetalMaterial>,
    /// The head's metal (the band's alloy unless two-tone).
    pub head_metal: Handle<MetalMaterial>,
}

pub(super) fn plugin(app: &mut App) {
    super::embed_shader(app, &METAL_SHADER, include_str!("../../shaders/metal.wgsl"), "shaders/metal.wgsl");
    app.add_plugins(MaterialPlugin::<MetalMaterial>::default()).add_systems(
        Update,
        (give_pieces_materials.in_set(PieceSpawn), follow_piece_metals.in_set(StudioSystems::SyncMaterials)),
    );
}

/// The roughness Bevy's material is given for a finish's true (GGX, perceptual) roughness. Bevy's generated
/// environment map blurs more than its nominal roughness at each mip (32 samples a texel at the sharpest filtered
/// mip, source mips chosen by each sample's solid angle), so a polished band looked satin. Measured against Mitsuba's
/// path tracer at the true roughness (`tools/reference/`, the classic solitaire under Studio light, mean ΔE00 of the
/// metal): polished (0.07) is best drawn at 0 — 5.6 against 10.3 at 0.07 —, satin (0.32) at 0.18 — 8.3 against
/// 12.2 at 0.32. The line through both keeps the finishes in order; glTF exports carry the true roughness.
pub fn drawn_roughness(true_roughness: f32) -> f32 {
    ((true_roughness - 0.07) * 0.72).max(0.0)
}

/// A metal: the alloy's F0 as base colour, fully metallic, the finish's roughness (as drawn) and surface.
pub fn metal_material(metal: Metal, material: &mut MetalMaterial) {
    let [r, g, b] = metal.alloy.f0_linear();
    material.base.base_color = Color::linear_rgb(r, g, b);
    material.base.metallic = 1.0;
    material.base.perceptual_roughness = drawn_roughness(metal.finish.roughness());
    material.base.reflectance = 0.5;
    // The finish changes; the engraving cut into the band stays.
    let engraving = (material.extension.params.engraving_extent, material.extension.params.engraving);
    material.extension.params = finish_params(metal.finish);
    (material.extension.params.engraving_extent, material.extension.params.engraving) = engraving;
}

/// New pieces get their own metal materials (same material type: no new pipeline).
fn give_pieces_materials(
    mut commands: Commands,
    pieces: Query<(Entity, &PieceMetal), Without<RingMaterials>>,
    mut materials: ResMut<Assets<MetalMaterial>>,
) {
    for (piece, metal) in &pieces {
        let mut make = |metal| {
            let mut material = MetalMaterial::default();
            metal_material(metal, &mut material);
            materials.add(material)
        };
        let made = RingMaterials { metal: make(metal.band), head_metal: make(metal.head) };
        commands.entity(piece).insert(made);
    }
}

/// A piece's metals changed: its materials are edited in place.
fn follow_piece_metals(
    pieces: Query<(&PieceMetal, &RingMaterials), Changed<PieceMetal>>,
    mut materials: ResMut<Assets<MetalMaterial>>,
) {
    for (metal, ring) in &pieces {
        for (handle, metal) in [(&ring.metal, metal.band), (&ring.head_metal, metal.head)] {
            if let Some(mut material) = materials.get_mut(handle) {
                metal_material(metal, &mut material);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finishes_stay_in_order_as_drawn() {
        use crate::design::Finish;
        let drawn = |f: Finish| drawn_roughness(f.roughness());
        assert_eq!(drawn(Finish::Polished), 0.0);
        assert!(drawn(Finish::Polished) < drawn(Finish::Hammered));
        assert!(drawn(Finish::Hammered) < drawn(Finish::Brushed));
        assert!(drawn(Finish::Brushed) < drawn(Finish::Satin));
    }

    #[test]
    fn parts_are_classified_by_material_name() {
        assert_eq!(part_role("metal"), Some(PartRole::Metal));
        assert_eq!(part_role("metal.head"), Some(PartRole::Metal));
        assert_eq!(part_role("gem.center"), Some(PartRole::CentreStone));
        assert_eq!(part_role("gem.melee"), Some(PartRole::Melee));
        assert_eq!(part_role("Material.001"), None);
    }
}
