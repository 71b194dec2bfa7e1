//! The ring component library written as .glb files (`ecrin generate-assets`), and its naming convention.
//!
//! Convention (README "Model convention"): a mesh whose material name starts with `metal` is rendered in the
//! design's metal; `gem` is rendered as a stone (`gem.center` the centre stone, `gem.melee` small stones);
//! the empty node `seat.center` marks the centre stone's girdle centre (table towards +Y).

use super::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
use super::{cut, ring};
use crate::design::{Cut, Setting, ShankStyle};
use glam::Affine3A;
use std::path::Path;

pub const SEAT_NODE: &str = "seat.center";
/// Material of display props (the bust): neither metal nor gem.
pub const DISPLAY_MATERIAL: &str = "display.bust";
pub const METAL_PREFIX: &str = "metal";
pub const GEM_PREFIX: &str = "gem";

/// Path of a shank model, relative to the assets folder.
pub fn shank_path(style: ShankStyle) -> String {
    format!("models/shanks/{}.glb", style.slug())
}

/// Path of a head model (made for a unit-length stone of this cut).
pub fn head_path(setting: Setting, cut: Cut) -> String {
    format!("models/heads/{}_{}.glb", setting.slug(), cut.slug())
}

/// Path of a unit-length stone model of this cut.
pub fn stone_path(cut: Cut) -> String {
    format!("models/stones/{}.glb", cut.slug())
}

fn metal_material() -> GlbMaterial<'static> {
    GlbMaterial { name: "metal", base_colour: [0.9, 0.75, 0.4, 1.0], metallic: 1.0, roughness: 0.1 }
}

fn gem_material(name: &'static str) -> GlbMaterial<'static> {
    GlbMaterial { name, base_colour: [1.0, 1.0, 1.0, 1.0], metallic: 0.0, roughness: 0.0 }
}

/// Every model of the library: (path relative to assets/, GLB bytes). Deterministic.
pub fn all_models() -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut models = Vec::new();
    for style in ShankStyle::ALL {
        let mesh = ring::shank(style);
        let melee = cut::unit_polyhedron(Cut::RoundBrilliant).to_mesh();
        let mut meshes = vec![GlbMesh { name: "shank", material: 0, data: &mesh }];
        let mut nodes = vec![GlbNode { name: "shank".into(), mesh: Some(0), transform: Affine3A::IDENTITY }];
        let stones = super::shank::shank_stones(style);
        if !stones.is_empty() {
            meshes.push(GlbMesh { name: "melee", material: 1, data: &melee });
            for (i, &transform) in stones.iter().enumerate() {
                nodes.push(GlbNode { name: format!("gem.melee.{i:02}"), mesh: Some(1), transform });
            }
        }
        let materials: &[GlbMaterial] =
            if !stones.is_empty() { &[metal_material(), gem_material("gem.melee")] } else { &[metal_material()] };
        models.push((shank_path(style), write_glb(materials, &meshes, &nodes)?));
    }
    // Necklace components: one link of each chain style and the clasp, and the display bust (the studio lays the
    // links along the curve a chain's length gives on the bust).
    for style in crate::design::necklace::ChainStyle::ALL {
        let link = super::necklace::link(style);
        let clasp = super::necklace::clasp();
        let bytes = write_glb(
            &[metal_material()],
            &[GlbMesh { name: "link", material: 0, data: &link }, GlbMesh { name: "clasp", material: 0, data: &clasp }],
            &[
                GlbNode { name: "link".into(), mesh: Some(0), transform: Affine3A::IDENTITY },
                GlbNode {
                    name: "clasp".into(),
                    mesh: Some(1),
                    transform: Affine3A::from_translation(glam::Vec3::X * 8.0),
                },
            ],
        )?;
        models.push((format!("models/necklace/chain_{}.glb", style.slug()), bytes));
    }
    let bust = super::necklace::bust();
    let display =
        GlbMaterial { name: DISPLAY_MATERIAL, base_colour: [0.5, 0.47, 0.43, 1.0], metallic: 0.0, roughness: 0.85 };
    models.push((
        "models/necklace/bust.glb".to_string(),
        write_glb(
            &[display],
            &[GlbMesh { name: "bust", material: 0, data: &bust }],
            &[GlbNode { name: "bust".into(), mesh: Some(0), transform: Affine3A::IDENTITY }],
        )?,
    ));
    for cut in Cut::ALL {
        let stone = cut::unit_polyhedron(cut).to_mesh();
        let bytes = write_glb(
            &[gem_material("gem.center")],
            &[GlbMesh { name: "stone", material: 0, data: &stone }],
            &[GlbNode { name: "stone".into(), mesh: Some(0), transform: Affine3A::IDENTITY }],
        )?;
        models.push((stone_path(cut), bytes));
        for setting in Setting::ALL {
            models.push((head_path(setting, cut), head_glb(setting, cut)?));
        }
    }
    Ok(models)
}

fn head_glb(setting: Setting, cut: Cut) -> Result<Vec<u8>, String> {
    let head = ring::head(setting, cut);
    let mut meshes = vec![GlbMesh { name: "head", material: 0, data: &head.metal }];
    let mut nodes = vec![
        GlbNode { name: "head".into(), mesh: Some(0), transform: Affine3A::IDENTITY },
        GlbNode { name: SEAT_NODE.into(), mesh: None, transform: Affine3A::from_translation(head.seat) },
    ];
    if let Some((melee, placements)) = &head.melee {
        meshes.push(GlbMesh { name: "melee", material: 1, data: melee });
        for (i, &transform) in placements.iter().enumerate() {
            nodes.push(GlbNode { name: format!("gem.melee.{i:02}"), mesh: Some(1), transform });
        }
    }
    write_glb(&[metal_material(), gem_material("gem.melee")], &meshes, &nodes)
}

/// Writes the whole library under `assets_dir` (atomically, file by file). Returns how many files.
pub fn write_all(assets_dir: &Path) -> Result<usize, String> {
    let mut models = all_models()?;
    models.push((super::sample_export::SAMPLE_PATH.to_string(), super::sample_export::blender_style_ring()?));
    for (relative, bytes) in &models {
        let path = assets_dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create folder: {e}", parent.display()))?;
        }
        crate::atomic_file::write_atomically(&path, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(models.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_reads_back_with_named_parts() {
        for (path, bytes) in all_models().expect("models") {
            let gltf = gltf::Gltf::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
            let materials: Vec<_> = gltf.materials().filter_map(|m| m.name().map(str::to_owned)).collect();
            let known = |n: &String| n.starts_with(METAL_PREFIX) || n.starts_with(GEM_PREFIX) || n == DISPLAY_MATERIAL;
            assert!(materials.iter().all(known), "{path}");
            let has_seat = gltf.nodes().any(|n| n.name() == Some(SEAT_NODE));
            assert_eq!(has_seat, path.starts_with("models/heads/"), "{path}");
        }
    }
}
