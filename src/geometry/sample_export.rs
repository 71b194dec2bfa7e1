//! A sample of a boutique's own model, made the way Blender exports rings: Z up, metres, material names such as
//! "ROSE GOLD.003", "DIAMOND.002" and "Melee.014", the two melee stones merged into one mesh. Shipped as
//! `assets/samples/boutique-ring-blender.glb` so the import can be tried (and tested) on a realistic file.

use super::cut::unit_polyhedron;
use super::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
use super::ring::{head, reference_shank_top_mm, shank};
use crate::design::{Cut, Setting, ShankStyle};
use glam::{Affine3A, Quat, Vec3};

/// Where the sample lives under `assets/`.
pub const SAMPLE_PATH: &str = "samples/boutique-ring-blender.glb";

/// The sample's bytes (reproducible).
pub fn blender_style_ring() -> Result<Vec<u8>, String> {
    let band = shank(ShankStyle::KnifeEdge);
    let stone_mm = 6.0;
    let top = reference_shank_top_mm();
    let head_place = Affine3A::from_scale_rotation_translation(
        Vec3::splat(stone_mm),
        Quat::from_rotation_y(std::f32::consts::FRAC_PI_2),
        Vec3::new(0.0, top, 0.0),
    );
    let prongs = head(Setting::SixProng, Cut::RoundBrilliant);
    let stone = unit_polyhedron(Cut::RoundBrilliant).to_mesh();
    let centre = head_place * Affine3A::from_translation(prongs.seat);
    // Two melee stones set in the band's shoulders, merged into one mesh as exports often do.
    let mut melee = super::mesh::MeshData::default();
    for side in [-1.0f32, 1.0] {
        let angle = std::f32::consts::FRAC_PI_2 + side * 0.42;
        let radius = top - 0.15;
        let seat = Affine3A::from_scale_rotation_translation(
            Vec3::splat(1.6),
            Quat::from_rotation_z(angle - std::f32::consts::FRAC_PI_2),
            Vec3::new(radius * angle.cos(), radius * angle.sin(), 0.0),
        );
        melee.append(&stone.transformed(seat));
    }
    let material = |name| GlbMaterial { name, base_colour: [0.9, 0.7, 0.6, 1.0], metallic: 1.0, roughness: 0.2 };
    let gem = |name| GlbMaterial { name, base_colour: [1.0; 4], metallic: 0.0, roughness: 0.0 };
    // Écrin's frame is Y up with the finger along Z; Blender's is Z up: turn +90° about X, then metres.
    let blender = Affine3A::from_scale(Vec3::splat(0.001)) * Affine3A::from_rotation_x(std::f32::consts::FRAC_PI_2);
    write_glb(
        &[material("ROSE GOLD.003"), material("White Gold"), gem("DIAMOND.002"), gem("Melee.014")],
        &[
            GlbMesh { name: "Torus.001", material: 0, data: &band },
            GlbMesh { name: "Prongs", material: 1, data: &prongs.metal },
            GlbMesh { name: "Round.001", material: 2, data: &stone },
            GlbMesh { name: "Melee", material: 3, data: &melee },
        ],
        &[
            GlbNode { name: "Band".into(), mesh: Some(0), transform: blender },
            GlbNode { name: "Head".into(), mesh: Some(1), transform: blender * head_place },
            GlbNode { name: "Centre stone".into(), mesh: Some(2), transform: blender * centre },
            GlbNode { name: "Side stones".into(), mesh: Some(3), transform: blender },
        ],
    )
}
