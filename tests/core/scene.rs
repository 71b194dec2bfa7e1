//! The exported scene read back: `ecrin export-scene`'s glTF, read by Écrin's own import of a house's model, is the
//! same piece — the same parts, roles, stones and volumes — for every shipped ring and for a house's model; its
//! gems carry the Khronos extensions a path tracer reads.

use ecrin::design::Design;
use ecrin::design::preset;
use ecrin::geometry::assemble::assemble;
use ecrin::geometry::assembly::{PartRole, Seat};
use ecrin::geometry::house::analyse::analyse;
use ecrin::geometry::house::read::read_parts;
use ecrin::geometry::house::{HouseModel, NodeRole, StoneSeat, Zone};
use ecrin::geometry::placed::placed_meshes;
use ecrin::scene::SceneView;
use glam::{Quat, Vec3};

fn view() -> SceneView {
    SceneView { position: Vec3::new(0.0, 20.0, 60.0), rotation: Quat::IDENTITY, yfov: 0.8, width: 64, height: 64 }
}

/// The design's piece written as the scene's glTF, then read and analysed as a house's model.
fn read_back(
    design: &Design,
    dir: &std::path::Path,
    name: &str,
) -> (HouseModel, Vec<ecrin::geometry::house::read::RawPart>) {
    let assembly = assemble(design);
    let bytes = ecrin::scene::gltf::piece_glb(design, &placed_meshes(&assembly), Some(&view()), Default::default())
        .expect("written");
    let path = dir.join(format!("{name}.glb"));
    std::fs::write(&path, bytes).expect("saved");
    let parts = read_parts(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let setup = analyse(&parts, &Default::default()).unwrap_or_else(|e| panic!("{name}: {e}")).setup;
    assert_eq!(setup.units, "mm", "{name}: millimetres");
    (HouseModel::build(&parts, &setup), parts)
}

/// Metal volume by zone and the stones (seat, volume) of a model as Écrin reads it.
fn read_volumes(model: &HouseModel) -> (f32, f32, Vec<(StoneSeat, f32)>) {
    let (mut band, mut head, mut stones) = (0.0, 0.0, Vec::new());
    for (node, role) in model.model.nodes.iter().zip(&model.roles) {
        let Some(mesh) = node.mesh.and_then(|m| model.model.meshes.get(m)) else { continue };
        let volume = mesh.data.volume() * node.transform.matrix3.determinant().abs();
        match role {
            NodeRole::Metal(Zone::Band) => band += volume,
            NodeRole::Metal(Zone::Head) => head += volume,
            NodeRole::Stone(index) => stones.push((model.setup.stones[*index].seat, volume)),
        }
    }
    (band, head, stones)
}

fn close(a: f32, b: f32, share: f32) -> bool {
    (a - b).abs() <= share * b.abs().max(1e-3)
}

#[test]
fn every_shipped_ring_reads_back_as_the_same_piece() {
    let dir = super::scratch("scene-roundtrip");
    let mut rings = 0;
    for path in preset::list(&super::repo().join("presets")) {
        let design = preset::load(&path).unwrap_or_else(|e| panic!("{e}"));
        if design.necklace.is_some() {
            continue;
        }
        rings += 1;
        let name = path.file_stem().expect("stem").to_string_lossy().into_owned();
        let (model, _) = read_back(&design, &dir, &name);
        let (band, head, stones) = read_volumes(&model);
        // What the Assembly says the piece is.
        let volumes = ecrin::estimate::volumes_of(&assemble(&design));
        let all_metal = volumes.band_mm3 + volumes.head_mm3;
        assert!(close(band + head, all_metal, 0.005), "{name}: metal {} vs {all_metal} mm³", band + head);
        assert!(head > 0.0 && band > 0.0, "{name}: a band and a head ({band}, {head})");
        assert!(close(head, volumes.head_mm3, 0.005), "{name}: head {head} vs {}", volumes.head_mm3);
        let parts = assemble(&design);
        let expected_stones = parts.parts().filter(|(_, p, _)| matches!(p.role, PartRole::Stone { .. })).count();
        assert_eq!(stones.len(), expected_stones, "{name}: every stone, one by one");
        let centres = stones.iter().filter(|(seat, _)| *seat == StoneSeat::Centre).count();
        assert_eq!(centres, 1, "{name}: one centre stone");
        // The centre stone's volume: the design's stone.
        let (_, centre_volume) = stones.iter().find(|(seat, _)| *seat == StoneSeat::Centre).expect("centre");
        let (_, _, at) = parts
            .parts()
            .find(|(_, p, _)| matches!(p.role, PartRole::Stone { seat: Seat::Centre, .. }))
            .expect("a centre stone");
        let unit = ecrin::geometry::cut::unit_polyhedron(design.stone.cut).to_mesh().volume();
        let expected = unit * at.matrix3.determinant().abs();
        assert!(close(*centre_volume, expected, 0.005), "{name}: centre {centre_volume} vs {expected} mm³");
    }
    assert!(rings >= 8, "the shipped rings ({rings})");
}

#[test]
fn the_scene_gems_carry_refraction_dispersion_and_body_colour() {
    let design = preset::load(&super::repo().join("presets/ruby-oval-four-prong.ron")).expect("a ruby");
    let dir = super::scratch("scene-gems");
    let (_, parts) = read_back(&design, &dir, "ruby");
    let ruby = parts.iter().find(|p| p.material.name.contains("ruby")).expect("the ruby's material");
    assert!(ruby.material.transmission == Some(1.0));
    assert!(ruby.material.ior.is_some_and(|ior| (ior - 1.77).abs() < 0.02), "{:?}", ruby.material.ior);
    assert!(ruby.material.volume, "KHR_materials_volume for the body colour");
    assert!(ruby.material.extensions.iter().any(|e| e == "KHR_materials_dispersion"), "{:?}", ruby.material.extensions);
    // The metal: the alloy's F0 as base colour, fully metallic, the finish's roughness.
    let metal = parts.iter().find(|p| p.material.name.starts_with("metal band")).expect("the band");
    let f0 = design.metal.alloy.f0_linear();
    assert_eq!(metal.material.metallic, 1.0);
    assert!((metal.material.base_colour[0] - f0[0]).abs() < 1e-6);
    assert!((metal.material.roughness - design.metal.finish.roughness()).abs() < 1e-6);
}

#[test]
fn a_house_model_reads_back_as_the_same_piece() {
    use ecrin::collection::Collection;
    let dir = super::scratch("scene-house");
    let collection = Collection::at(dir.join("collection"));
    let sample = super::repo().join("assets").join(ecrin::geometry::sample_export::RHINO_PATH);
    let manifest = collection.add(&sample, Some("Pavé solitaire"), None).expect("added");
    let design = collection.new_design(&manifest.id).expect("a design of it");
    collection.prepare_with(&design, &ecrin::progress::Progress::default()).expect("prepared");
    let (model, _) = read_back(&design, &dir, "house");
    let (band, head, stones) = read_volumes(&model);
    let volumes = ecrin::estimate::volumes_of(&assemble(&design));
    assert!(close(band + head, volumes.band_mm3 + volumes.head_mm3, 0.005), "metal {} vs {:?}", band + head, volumes);
    assert_eq!(stones.len(), volumes.stones.len(), "every stone of the house's model");
    let read: f32 = stones.iter().map(|(_, v)| v).sum();
    let expected: f32 = volumes.stones.iter().filter_map(|s| s.volume_mm3).sum();
    assert!(close(read, expected, 0.005), "stones {read} vs {expected} mm³");
}
