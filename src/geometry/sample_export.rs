//! Samples of what houses send, made the way each kind of tool exports, shipped under `assets/samples/` so the
//! collection can be tried (and tested) on realistic files:
//! - Blender: Z up, metres, material names such as "ROSE GOLD.003", "DIAMOND.002" and "Melee.014", the two melee
//!   stones merged into one mesh (`boutique-ring-blender.glb`);
//! - Rhino / MatrixGold: Y up, millimetres, the finger along X, parts named by layer ("Metal::Shank"), a pavé band
//!   of separate melee nodes named "all-diamonds.1217" with no material name (`house-ring-rhino.glb`);
//! - a web configurator: a head, a band and a stone in separate files, unnamed nodes and materials, gems marked by
//!   KHR_materials_transmission and KHR_materials_ior, metal only by its PBR parameters (`web-*.glb`).

use super::cut::unit_polyhedron;
use super::glb::{GlbError, GlbGem, GlbMaterial, GlbMesh, GlbNode, write_glb};
use super::ring::head;
use super::shank::{reference_shank_top_mm, shank};
use crate::design::{Cut, Design, Setting, ShankStyle};
use glam::{Affine3A, Quat, Vec3};

/// Where the Blender sample lives under `assets/`.
pub const SAMPLE_PATH: &str = "samples/boutique-ring-blender.glb";
/// The Rhino / MatrixGold sample.
pub const RHINO_PATH: &str = "samples/house-ring-rhino.glb";
/// The web configurator's head, band and stone.
pub const WEB_PATHS: [&str; 3] = ["samples/web-head.glb", "samples/web-band.glb", "samples/web-stone.glb"];

/// Every sample: (path under `assets/`, bytes). Deterministic.
pub fn all_samples() -> Result<Vec<(String, Vec<u8>)>, GlbError> {
    let mut samples =
        vec![(SAMPLE_PATH.to_string(), blender_style_ring()?), (RHINO_PATH.to_string(), rhino_style_ring()?)];
    for (path, bytes) in WEB_PATHS.iter().zip(web_configurator_parts()?) {
        samples.push((path.to_string(), bytes));
    }
    Ok(samples)
}

/// A pavé solitaire as a Rhino-based jewellery CAD exports it: millimetres, Y up, the finger along X, layer-named
/// parts, 4 prongs round a 6.5 mm round brilliant, and the band's melee as separate nodes without a material.
pub fn rhino_style_ring() -> Result<Vec<u8>, GlbError> {
    let design = Design {
        shank: ShankStyle::Pave,
        setting: Setting::FourProng,
        stone: crate::design::Stone { size_mm: 6.5, ..Design::default().stone },
        ring_size_mm: 54.0,
        ..Design::default()
    };
    cad_export(&design, 0)
}

/// A design of Écrin's exported as a Rhino-based CAD does (see `rhino_style_ring`), its metal at least
/// `metal_triangles` triangles (the surfaces subdivided, as a dense export carries them): the bench's heavy model and
/// its pavé model are made this way.
pub fn cad_export(design: &Design, metal_triangles: usize) -> Result<Vec<u8>, GlbError> {
    use crate::geometry::assemble::assemble;
    use crate::geometry::assembly::PartRole;
    let assembly = assemble(design);
    let mut metal_count: usize = assembly
        .parts()
        .filter(|(_, part, _)| matches!(part.role, PartRole::Metal(_)))
        .filter_map(|(placed, part, _)| {
            placed.component.model().meshes.get(part.mesh).map(|m| m.data.indices.len() / 3)
        })
        .sum();
    let mut subdivisions = 0;
    while metal_count < metal_triangles && subdivisions < 8 {
        metal_count *= 4;
        subdivisions += 1;
    }
    // Rhino's frame here: the finger along X (Écrin's Z), Y up, millimetres.
    let rhino = Affine3A::from_rotation_y(std::f32::consts::FRAC_PI_2);
    let metal =
        GlbMaterial { name: "", base_colour: [0.95, 0.93, 0.88, 1.0], metallic: 1.0, roughness: 0.15, gem: None };
    let centre = GlbMaterial { name: "Diamond", base_colour: [1.0; 4], metallic: 0.0, roughness: 0.0, gem: None };
    let plain = GlbMaterial { name: "", base_colour: [1.0; 4], metallic: 0.0, roughness: 0.5, gem: None };
    let mut meshes: Vec<(String, usize, &str, crate::geometry::mesh::MeshData)> = Vec::new();
    let mut nodes = Vec::new();
    let mut melee = 1200;
    for (placed, part, at) in assembly.parts() {
        let model = placed.component.model();
        let Some(mesh) = model.meshes.get(part.mesh) else { continue };
        let mut data = mesh.data.clone();
        if let (Some(shift), PartRole::Metal(_)) = (placed.band_shift_mm, part.role) {
            data.positions = super::shank::band_positions_moved(&data.positions, shift);
        }
        if matches!(part.role, PartRole::Metal(_)) {
            for _ in 0..subdivisions {
                data = data.subdivided();
            }
        }
        // Node and mesh names as the CAD's layers and objects name them (the mesh by what it is).
        let (node, material, mesh_name) = match part.role {
            PartRole::Metal(crate::geometry::assembly::MetalZone::Band) => ("Metal::Shank".to_string(), 0, "Shank"),
            PartRole::Metal(_) => ("Metal::Head".to_string(), 0, "Head"),
            PartRole::Stone { seat: crate::geometry::assembly::Seat::Centre, .. } => {
                ("Gems::Center".to_string(), 1, "Round")
            }
            PartRole::Stone { .. } => {
                melee += 17;
                (format!("all-diamonds.{melee}"), 2, "Brilliant")
            }
            PartRole::Display(_) => continue,
        };
        // One mesh per distinct source mesh (the melee share theirs).
        let key = format!("{:?}/{}", placed.component, part.mesh);
        let index = match meshes.iter().position(|(k, ..)| *k == key) {
            Some(i) => i,
            None => {
                meshes.push((key, material, mesh_name, data));
                meshes.len() - 1
            }
        };
        nodes.push(GlbNode { name: node, mesh: Some(index), transform: rhino * at });
    }
    let glb_meshes: Vec<GlbMesh> =
        meshes.iter().map(|(_, material, name, data)| GlbMesh { name, material: *material, data }).collect();
    write_glb(&[metal, centre, plain], &glb_meshes, &nodes)
}

/// A web configurator's parts, one file each: an 8 mm oval's head (4 prongs), a comfort band, a 2.6 mm round stone
/// — millimetres, Y up, no names, metal known by metallic = 1, gems by their extensions.
pub fn web_configurator_parts() -> Result<[Vec<u8>; 3], GlbError> {
    let metal = GlbMaterial { name: "", base_colour: [0.96, 0.8, 0.55, 1.0], metallic: 1.0, roughness: 0.1, gem: None };
    let gem =
        GlbMaterial { name: "", base_colour: [1.0; 4], metallic: 0.0, roughness: 0.0, gem: Some(GlbGem::ior(2.42)) };
    let unnamed = |i: usize| GlbNode { name: format!("Object_{i}"), mesh: Some(0), transform: Affine3A::IDENTITY };
    let oval = head(Setting::FourProng, Cut::Oval);
    let head_metal = oval.metal.transformed(Affine3A::from_scale(Vec3::splat(8.0)));
    let head_file = write_glb(&[metal], &[GlbMesh { name: "", material: 0, data: &head_metal }], &[unnamed(2)])?;
    let band = shank(ShankStyle::ComfortFit);
    let band_file = write_glb(&[metal], &[GlbMesh { name: "", material: 0, data: &band }], &[unnamed(4)])?;
    let stone = unit_polyhedron(Cut::RoundBrilliant).to_mesh().transformed(Affine3A::from_scale(Vec3::splat(2.6)));
    let stone_file = write_glb(&[gem], &[GlbMesh { name: "", material: 0, data: &stone }], &[unnamed(6)])?;
    Ok([head_file, band_file, stone_file])
}

/// The sample's bytes (reproducible).
pub fn blender_style_ring() -> Result<Vec<u8>, GlbError> {
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
    let material =
        |name| GlbMaterial { name, base_colour: [0.9, 0.7, 0.6, 1.0], metallic: 1.0, roughness: 0.2, gem: None };
    let gem = |name| GlbMaterial { name, base_colour: [1.0; 4], metallic: 0.0, roughness: 0.0, gem: None };
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
