//! The stage: an invisible floor under the ring that shows only the ring's contact shadow (`shaders/contact_shadow.wgsl`),
//! so the piece stands on something in every picture — on velvet, on white (e-commerce) and in transparent exports.
//! The occluders follow the design (ring size, stone size, setting); one material edited in place, one pipeline.

use super::StudioSystems;
use super::lighting::{Background, Presentation};
use super::pieces::{Piece, PieceDesign, PieceShape, PieceSpawn};
use crate::design::ring_size::inner_diameter_mm;
use crate::design::{Design, Setting};
use crate::geometry::ring::{SIDE_STONE_SCALE, seat_height};
use crate::geometry::shank::band_top_mm;
use crate::geometry::shank::{BAND_THICKNESS_MM, BAND_WIDTH_MM};
use bevy::asset::uuid_handle;
use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::ShaderRef;

/// Spheres the shader holds.
pub const MAX_OCCLUDERS: usize = 48;
/// Spheres along the band (the rest are for the head).
const BAND_OCCLUDERS: usize = 40;
/// Darkness of the shadow right where the band touches (display-linear).
const SHADOW_STRENGTH: f32 = 0.55;
/// The velvet lit by the display spot under the piece (linear HDR colour, share shown at the centre), by eye.
const VELVET_POOL: Vec4 = Vec4::new(0.16, 0.145, 0.13, 0.9);

const CONTACT_SHADOW_SHADER: Handle<Shader> = uuid_handle!("c3b7f0a2-8d4e-4b61-9f15-2e7a6d9c0b38");

#[derive(ShaderType, Clone, Copy, Debug)]
pub struct ContactShadowParams {
    pub occluders: [Vec4; MAX_OCCLUDERS],
    pub pool: Vec4,
    pub count: u32,
    pub strength: f32,
    pub white_level: f32,
    pub fade_radius: f32,
}

/// The floor's shadow material (blended over the background).
#[derive(Asset, TypePath, AsBindGroup, Clone, Debug)]
pub struct ContactShadowMaterial {
    #[uniform(0)]
    pub params: ContactShadowParams,
}

impl Material for ContactShadowMaterial {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Handle(CONTACT_SHADOW_SHADER)
    }

    fn alpha_mode(&self) -> AlphaMode {
        AlphaMode::Blend
    }

    fn enable_prepass() -> bool {
        false
    }

    fn enable_shadows() -> bool {
        false
    }
}

/// The floor entity (one per variant, a child of its piece).
#[derive(Component)]
pub struct Stage;

pub(super) fn plugin(app: &mut App) {
    super::embed_shader(
        app,
        &CONTACT_SHADOW_SHADER,
        include_str!("../../shaders/contact_shadow.wgsl"),
        "shaders/contact_shadow.wgsl",
    );
    app.add_plugins(MaterialPlugin::<ContactShadowMaterial>::default()).add_systems(
        Update,
        (spawn_stages.in_set(PieceSpawn), follow_design.after(PieceSpawn).in_set(StudioSystems::SyncScene)),
    );
}

/// Spheres (centre, radius; ring frame, mm) that stand in for the ring when shading the floor.
pub fn occluders(design: &Design) -> Vec<Vec4> {
    let band_radius = inner_diameter_mm(design.ring_size_mm) / 2.0 + BAND_THICKNESS_MM / 2.0;
    let sphere = BAND_THICKNESS_MM.max(BAND_WIDTH_MM) / 2.0 * 0.85;
    let mut spheres: Vec<Vec4> = (0..BAND_OCCLUDERS)
        .map(|i| {
            let angle = i as f32 / BAND_OCCLUDERS as f32 * std::f32::consts::TAU;
            Vec4::new(band_radius * angle.cos(), band_radius * angle.sin(), 0.0, sphere)
        })
        .collect();
    let size = design.stone.size_mm;
    let top = band_top_mm(design.ring_size_mm);
    let stone_y = top + seat_height(design.stone.cut) * size;
    let spread = match design.setting {
        Setting::Halo => 1.4,
        Setting::DoubleHalo => 1.7,
        _ => 1.0,
    };
    spheres.push(Vec4::new(0.0, stone_y, 0.0, 0.5 * size * spread));
    spheres.push(Vec4::new(0.0, top + 0.4 * (stone_y - top), 0.0, 0.3 * size));
    if design.setting == Setting::ThreeStone {
        let side = SIDE_STONE_SCALE * size;
        for direction in [-1.0, 1.0] {
            spheres.push(Vec4::new(direction * (0.5 * size + 0.5 * side), top + 0.5 * side, 0.0, 0.5 * side));
        }
    }
    spheres.truncate(MAX_OCCLUDERS);
    spheres
}

/// Shader parameters for a design on a background.
pub fn contact_shadow_params(design: &Design, background: Background) -> ContactShadowParams {
    let spheres = occluders(design);
    let mut packed = [Vec4::ZERO; MAX_OCCLUDERS];
    for (slot, sphere) in packed.iter_mut().zip(&spheres) {
        *slot = *sphere;
    }
    let white_level = match background {
        Background::White => background.clear_colour().to_linear().red,
        Background::Velvet | Background::Transparent => 0.0,
    };
    let pool = if background == Background::Velvet { VELVET_POOL } else { Vec4::ZERO };
    ContactShadowParams {
        occluders: packed,
        pool,
        count: spheres.len() as u32,
        strength: SHADOW_STRENGTH,
        white_level,
        fade_radius: 2.2 * band_top_mm(design.ring_size_mm),
    }
}

/// Height of the floor: where the band's outside touches it.
fn floor_height(design: &Design) -> f32 {
    -band_top_mm(design.ring_size_mm)
}

/// A floor under every new piece.
fn spawn_stages(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ContactShadowMaterial>>,
    presentation: Option<Res<Presentation>>,
    pieces: Query<(Entity, &Piece, &PieceDesign), Added<Piece>>,
) {
    let background = presentation.map(|p| p.background).unwrap_or_default();
    for (piece, slot, PieceDesign(design)) in &pieces {
        let material = materials.add(ContactShadowMaterial { params: contact_shadow_params(design, background) });
        let floor = Plane3d::new(Vec3::Y, Vec2::splat(1.0));
        commands.spawn((
            Stage,
            Name::new(format!("stage {}", slot.0 + 1)),
            Mesh3d(meshes.add(floor)),
            MeshMaterial3d(material),
            stage_transform(design),
            Visibility::default(),
            ChildOf(piece),
        ));
    }
}

fn stage_transform(design: &Design) -> Transform {
    let half = 2.2 * band_top_mm(design.ring_size_mm);
    Transform::from_xyz(0.0, floor_height(design), 0.0).with_scale(Vec3::new(half, 1.0, half))
}

/// Moves each floor and its occluders with its piece's shape, and adapts the shadow to the background.
fn follow_design(
    presentation: Option<Res<Presentation>>,
    pieces: Query<(&PieceDesign, Ref<PieceShape>)>,
    mut stages: Query<(&ChildOf, &mut Transform, &MeshMaterial3d<ContactShadowMaterial>), With<Stage>>,
    mut materials: ResMut<Assets<ContactShadowMaterial>>,
) {
    let background = presentation.as_ref().map(|p| p.background).unwrap_or_default();
    let new_background = presentation.is_some_and(|p| p.is_changed());
    for (parent, mut transform, material) in &mut stages {
        let Ok((PieceDesign(design), shape)) = pieces.get(parent.parent()) else { continue };
        if !(new_background || shape.is_changed()) {
            continue;
        }
        transform.set_if_neq(stage_transform(design));
        if let Some(mut shadow) = materials.get_mut(&material.0) {
            shadow.params = contact_shadow_params(design, background);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_touches_the_floor_and_follows_the_ring_size() {
        let mut design = Design::default();
        for size in [44.0, 52.0, 64.0] {
            design.ring_size_mm = size;
            let lowest = occluders(&design).iter().map(|s| s.y - s.w).fold(f32::MAX, f32::min);
            // The lowest sphere reaches the floor (within its rounding of the band's section).
            assert!((lowest - floor_height(&design)).abs() < 0.3, "size {size}: {lowest} vs {}", floor_height(&design));
        }
    }

    #[test]
    fn the_white_background_gets_a_display_space_shadow() {
        let design = Design::default();
        assert!(contact_shadow_params(&design, Background::White).white_level > 1.0);
        assert_eq!(contact_shadow_params(&design, Background::Velvet).white_level, 0.0);
        assert!(occluders(&design).len() <= MAX_OCCLUDERS);
    }
}
