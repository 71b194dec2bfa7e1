//! The collection on the shipped samples of three origins: classification, units, orientation, stones, resizing,
//! estimates against Écrin's own geometry, and the folder's add / list / remove / new-design / load.

use super::*;
use crate::design::{Alloy, Cut, Design, PieceSource, ShankStyle, Species};
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::geometry::house::{ModelKind, PartUse, StoneSeat, Zone};
use glam::Vec3;

fn sample(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(relative)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-collection-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn centre(setup: &HouseSetup) -> &crate::geometry::house::StoneSetup {
    setup.stones.iter().find(|s| s.seat == StoneSeat::Centre).expect("a centre stone")
}

#[test]
fn a_blender_export_in_metres_with_z_up_is_a_two_tone_ring() {
    let setup = Collection::propose(&sample(crate::geometry::sample_export::SAMPLE_PATH)).expect("analysed");
    assert_eq!((setup.kind, setup.units.as_str(), setup.scale_to_mm), (ModelKind::Ring, "m", 1000.0));
    let roles: Vec<PartUse> = setup.parts.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [PartUse::Metal(Zone::Band), PartUse::Metal(Zone::Head), PartUse::Stone, PartUse::Stone],
        "ROSE GOLD band, White Gold prongs on the Head node, the diamond, the merged melee"
    );
    assert_eq!(setup.stones.len(), 3, "the centre and the two melee split apart");
    // Its design opens in the metals the house named: a rose band with a white-gold head.
    let named = |names: &[&str]| crate::geometry::house::classify::alloy_named(names);
    assert_eq!(named(&["ROSE GOLD.003"]), Some(crate::design::Alloy::Rose18k));
    assert_eq!(named(&["White Gold"]), Some(crate::design::Alloy::White18k));
    assert_eq!(named(&["PT950 shank"]), Some(crate::design::Alloy::Platinum950));
    assert_eq!(named(&["14K YG"]), Some(crate::design::Alloy::Yellow14k));
    assert_eq!(named(&["Object_4", ""]), None);
    assert_eq!(centre(&setup).cut, Cut::RoundBrilliant);
    assert!((centre(&setup).size_mm - 6.0).abs() < 0.05, "{}", centre(&setup).size_mm);
    let inner = setup.inner_diameter_mm.expect("a band");
    assert!((inner - crate::geometry::shank::REFERENCE_INNER_DIAMETER_MM).abs() < 0.05, "{inner}");
}

#[test]
fn a_rhino_export_with_unnamed_materials_is_read_from_its_node_names() {
    let setup = Collection::propose(&sample(crate::geometry::sample_export::RHINO_PATH)).expect("analysed");
    assert_eq!((setup.kind, setup.units.as_str()), (ModelKind::Ring, "mm"));
    let melee = setup.stones.iter().filter(|s| s.seat == StoneSeat::Melee).count();
    assert_eq!(melee, crate::geometry::shank::shank_stones(ShankStyle::Pave).len(), "every all-diamonds node");
    assert_eq!(centre(&setup).cut, Cut::RoundBrilliant);
    assert!((centre(&setup).size_mm - 6.5).abs() < 0.05);
    // The finger ran along the file's X: turned, it runs along Écrin's Z.
    let turn = glam::Mat3::from_cols_array_2d(&setup.turn);
    assert!((turn * Vec3::X).abs().abs_diff_eq(Vec3::Z, 1e-5), "{:?}", turn * Vec3::X);
    assert!((turn * Vec3::Y).abs_diff_eq(Vec3::Y, 1e-5), "Y stays up");
}

#[test]
fn web_configurator_parts_are_recognised_as_a_head_a_band_and_a_stone() {
    let [head, band, stone] = crate::geometry::sample_export::WEB_PATHS.map(|p| Collection::propose(&sample(p)));
    let head = head.expect("head");
    assert_eq!((head.kind, head.units.as_str()), (ModelKind::Head, "mm"));
    assert_eq!(head.parts[0].role, PartUse::Metal(Zone::Band), "metal by its PBR parameters alone");
    let band = band.expect("band");
    assert_eq!((band.kind, band.units.as_str()), (ModelKind::Band, "mm"));
    let stone = stone.expect("stone");
    assert_eq!(stone.kind, ModelKind::Stone);
    assert_eq!(stone.units, "mm", "a lone stone 2.6 units wide is a 2.6 mm stone");
    assert_eq!(stone.parts[0].role, PartUse::Stone, "marked by KHR_materials_transmission / ior");
    assert!((centre(&stone).size_mm - 2.6).abs() < 0.02);
}

#[test]
fn every_cut_of_ecrins_own_is_recognised_from_its_outline() {
    use crate::geometry::house::shape::cut_family;
    let mut wrong = Vec::new();
    for cut in Cut::ALL {
        let mesh = crate::geometry::cut::unit_polyhedron(cut).to_mesh();
        let (found, length) = cut_family(&mesh, Vec3::Y);
        if found != cut || (length - 1.0).abs() > 0.01 {
            wrong.push(format!("{cut:?} read as {found:?}, length {length}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Adds a sample to a fresh collection and returns the collection and a design of it.
fn collection_with(name: &str, relative: &str) -> (Collection, Design) {
    let collection = Collection::at(scratch(name));
    let manifest = collection.add(&sample(relative), Some("Solitaire Lune"), None).expect("added");
    let design = collection.new_design(&manifest.id).expect("a design");
    let model = design.source.collection().expect("a collection design").clone();
    collection.load(&model).expect("loaded");
    (collection, design)
}

#[test]
fn the_band_is_resized_radially_and_keeps_its_thickness() {
    let (_, design) = collection_with("resize", crate::geometry::sample_export::RHINO_PATH);
    // Every vertex of a zone's metal where the piece puts it.
    let metal_at = |size: f32, zone: MetalZone| -> Vec<Vec3> {
        let assembly = assemble(&Design { ring_size_mm: size, ..design.clone() });
        let placed = &assembly.components[0];
        let model = placed.component.model();
        let at = |p: &crate::geometry::assembly::Part| placed.transform * p.local;
        placed
            .parts
            .iter()
            .filter(|p| p.role == PartRole::Metal(zone))
            .flat_map(|p| model.meshes[p.mesh].data.positions.iter().map(move |&q| at(p).transform_point3(q.into())))
            .collect()
    };
    let band_radii = |size: f32| {
        let (mut inner, mut outer) = (f32::MAX, 0.0f32);
        // The lower half: the band alone.
        for p in metal_at(size, MetalZone::Band).into_iter().filter(|p| p.y < -3.0 && p.x.abs() < 2.0) {
            inner = inner.min(p.truncate().length());
            outer = outer.max(p.truncate().length());
        }
        (inner, outer - inner)
    };
    for size in [44.0, 54.0, 66.0] {
        let (inner, thickness) = band_radii(size);
        let circumference = 2.0 * std::f32::consts::PI * inner;
        assert!((circumference - size).abs() < 0.1, "size {size}: inner circumference {circumference}");
        assert!((thickness - crate::geometry::shank::BAND_THICKNESS_MM).abs() < 0.02, "size {size}: {thickness}");
    }
    // The head keeps its shape and rides on the band's top: its lowest point moves up as much as the band's top.
    let band_top = |size: f32, zone| {
        metal_at(size, zone).iter().filter(|q| q.x.abs() < 0.3 && q.y > 0.0).map(|q| q.y).fold(f32::MIN, f32::max)
    };
    let head_low = |size: f32| metal_at(size, MetalZone::Head).iter().map(|q| q.y).fold(f32::MAX, f32::min);
    let (top_44, top_66) = (band_top(44.0, MetalZone::Band), band_top(66.0, MetalZone::Band));
    let expected = (66.0 - 44.0) / std::f32::consts::PI / 2.0;
    assert!((top_66 - top_44 - expected).abs() < 0.01, "band top {top_44} → {top_66}");
    assert!((head_low(66.0) - head_low(44.0) - expected).abs() < 0.01, "the head moves up with the band's top");
    // The head keeps its shape: its stone moves up with the band's top, unchanged in size.
    let stone = |size: f32| assemble(&Design { ring_size_mm: size, ..design.clone() }).centre_seat().expect("centre");
    let shift = (66.0 - 44.0) / std::f32::consts::PI / 2.0;
    assert!((stone(66.0).translation.y - stone(44.0).translation.y - shift).abs() < 1e-3);
    // The pavé stones set in the band move out with it, as Écrin's do.
    let band_stones = |size: f32| -> Vec<Vec3> {
        assemble(&Design { ring_size_mm: size, ..design.clone() })
            .parts()
            .filter(|(_, p, _)| matches!(p.role, PartRole::Stone { seat: Seat::Band, .. }))
            .map(|(_, _, at)| at.translation.into())
            .collect()
    };
    let (small, large) = (band_stones(44.0), band_stones(66.0));
    assert!(small.len() >= 16 && small.len() == large.len(), "{} band stones", small.len());
    for (a, b) in small.iter().zip(&large) {
        assert!((b.truncate().length() - a.truncate().length() - shift).abs() < 1e-3, "{a} → {b}");
        assert!((a.z - b.z).abs() < 1e-5, "the finger axis is untouched");
    }
}

#[test]
fn estimates_of_a_house_ring_agree_with_the_same_geometry_made_by_ecrin() {
    // The Rhino sample is Écrin's pavé 4-prong solitaire exported: the same metal, the same stones.
    let (_, design) = collection_with("estimate", crate::geometry::sample_export::RHINO_PATH);
    let ecrin = Design {
        shank: ShankStyle::Pave,
        setting: crate::design::Setting::FourProng,
        stone: crate::design::Stone { size_mm: 6.5, ..Design::default().stone },
        ring_size_mm: design.ring_size_mm,
        source: PieceSource::Ecrin,
        ..design.clone()
    };
    let (house, own) = (crate::estimate::weights(&design), crate::estimate::weights(&ecrin));
    assert!(house.solid, "closed solids: {:?}", crate::estimate::open_metal(&design));
    let close = |a: f32, b: f32| (a - b).abs() <= 0.01 * b.abs() + 0.002;
    assert!(close(house.band_grams, own.band_grams), "band {} g vs {} g", house.band_grams, own.band_grams);
    assert!(close(house.head_grams, own.head_grams), "head {} g vs {} g", house.head_grams, own.head_grams);
    // The centre stone from its own volume: V × SG / 200 for a 6.5 mm round brilliant.
    let by_hand = crate::geometry::cut::unit_polyhedron(Cut::RoundBrilliant).volume() * 6.5f32.powi(3) * 3.52 / 200.0;
    assert!(close(house.centre_carats, by_hand), "{} ct vs {by_hand} ct", house.centre_carats);
    let melee: f32 = crate::estimate::small_stones(&design).iter().sum();
    let own_melee: f32 = crate::estimate::small_stones(&ecrin).iter().sum();
    assert!(close(melee, own_melee), "melee {melee} ct vs {own_melee} ct");
    let seats: Vec<Seat> = crate::estimate::volumes(&design).stones.iter().map(|s| s.seat).collect();
    assert!(seats.contains(&Seat::Band), "pavé stones are set in the band");
    // The export baked a copy of the brilliant per melee; read back, they are one mesh placed where Écrin put them.
    let centres = |design: &Design| -> Vec<(usize, Vec3)> {
        let assembly = assemble(design);
        assembly
            .parts()
            .filter(|(_, part, _)| matches!(part.role, PartRole::Stone { seat, .. } if seat != Seat::Centre))
            .filter_map(|(placed, part, at)| {
                let model = placed.component.model();
                let mesh = &model.meshes.get(part.mesh)?.data;
                let sum: Vec3 = mesh.positions.iter().map(|&p| at.transform_point3(p.into())).sum();
                Some((part.mesh, sum / mesh.positions.len() as f32))
            })
            .collect()
    };
    let (house_melee, own_melee) = (centres(&design), centres(&ecrin));
    let meshes: std::collections::HashSet<usize> = house_melee.iter().map(|(mesh, _)| *mesh).collect();
    assert_eq!((house_melee.len(), meshes.len()), (own_melee.len(), 1), "{} melee, one mesh", own_melee.len());
    for (_, at) in &house_melee {
        let nearest = own_melee.iter().map(|(_, own)| own.distance(*at)).fold(f32::MAX, f32::min);
        // The house's ring is made at the design's size (a few hundredths of a mm from the modelled one).
        assert!(nearest < 0.05, "a melee at {at} is {nearest} mm from Écrin's");
    }
}

#[test]
fn a_model_that_is_not_a_closed_solid_has_no_weight() {
    use crate::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
    let mut band = crate::geometry::shank::shank(ShankStyle::ComfortFit);
    band.indices.truncate(band.indices.len() - 30);
    let metal = GlbMaterial { name: "18K Gold", base_colour: [1.0; 4], metallic: 1.0, roughness: 0.2, gem: None };
    let bytes = write_glb(
        &[metal],
        &[GlbMesh { name: "band", material: 0, data: &band }],
        &[GlbNode { name: "Band".into(), mesh: Some(0), transform: glam::Affine3A::IDENTITY }],
    )
    .expect("glb");
    let dir = scratch("open");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("open-band.glb"), bytes).expect("written");
    let collection = Collection::at(dir.join("collection"));
    let manifest = collection.add(&dir.join("open-band.glb"), None, None).expect("added");
    let design = collection.new_design(&manifest.id).expect("design");
    collection.load(design.source.collection().expect("source")).expect("loaded");
    assert!(!crate::estimate::weights(&design).solid);
    assert_eq!(crate::estimate::open_metal(&design), ["Band"]);
}

#[test]
fn the_folder_adds_lists_removes_and_knows_a_changed_file() {
    let dir = scratch("folder");
    let collection = Collection::at(&dir);
    let blender = sample(crate::geometry::sample_export::SAMPLE_PATH);
    let first = collection.add(&blender, Some("Bague Rose"), None).expect("added");
    assert_eq!(first.id, "bague-rose");
    assert!(collection.model_path(&first).exists(), "a copy named by its hash");
    let again = collection.add(&blender, Some("Other name"), None).expect("the same file");
    assert_eq!(again.id, first.id, "a file is in the collection once");
    let web = collection.add(&sample(crate::geometry::sample_export::WEB_PATHS[2]), None, None).expect("added");
    let ids: Vec<String> = collection.list().into_iter().map(|m| m.expect("manifest").id).collect();
    assert_eq!(ids, ["bague-rose", "web-stone"]);
    // A design of it saves and reopens equal.
    let design = collection.new_design(&first.id).expect("design");
    let preset = dir.join("design.ron");
    crate::design::preset::save(&preset, &design).expect("saved");
    assert_eq!(crate::design::preset::load(&preset).expect("loaded"), design);
    // Saved in the collection's own folder, it is not taken for a broken manifest; a broken manifest is named.
    assert!(collection.list().iter().all(Result::is_ok), "a preset in the folder is not a manifest");
    std::fs::write(dir.join("broken.ron"), "(version: 1, id: ").expect("written");
    let problems: Vec<String> = collection.list().into_iter().filter_map(Result::err).map(|e| e.to_string()).collect();
    assert!(problems.len() == 1 && problems[0].contains("broken.ron"), "{problems:?}");
    std::fs::remove_file(dir.join("broken.ron")).expect("removed");
    // The stored file changed under the design: a clear error naming the model.
    let mut moved = design.source.collection().expect("source").clone();
    moved.hash = "0".repeat(64);
    let error = collection.load(&moved).err().expect("not the file the design was made on").to_string();
    assert!(error.contains("Bague Rose") && error.contains("changed"), "{error}");
    collection.remove(&web.id).expect("removed");
    assert!(!collection.model_path(&web).exists());
    assert!(matches!(collection.manifest("web-stone"), Err(CollectionError::NotFound { .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_house_rules_travel_in_the_manifest_and_say_what_a_design_breaks() {
    let folder = scratch("rules");
    let collection = Collection::at(&folder);
    let allowed = Allowed {
        ring_sizes_mm: (48.0, 58.0),
        centre_species: vec![Species::Diamond, Species::Ruby],
        ..Allowed::default()
    };
    let path = sample(crate::geometry::sample_export::RHINO_PATH);
    let manifest = collection.add_with(&path, Some("Pavé Lune"), None, allowed.clone()).expect("added");
    let stored = collection.manifest(&manifest.id).expect("listed");
    assert_eq!(stored.allowed, allowed, "the rules are saved with the model");
    let blender = collection.add(&sample(crate::geometry::sample_export::SAMPLE_PATH), None, None).expect("added");
    let two_tone = design_of(&blender);
    assert_eq!((two_tone.metal.alloy, two_tone.head_alloy), (Alloy::Rose18k, Some(Alloy::White18k)));
    let design = design_of(&stored);
    assert!(
        stored.rules_broken(&design).is_empty(),
        "a new design keeps the rules: {:?}",
        stored.rules_broken(&design)
    );
    let outside = Design {
        ring_size_mm: 62.0,
        stone: crate::design::Stone { species: Species::Emerald, ..design.stone },
        ..design
    };
    let broken: Vec<String> = stored.rules_broken(&outside).iter().map(ToString::to_string).collect();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(broken[0].contains("62") && broken[0].contains("48–58"), "{}", broken[0]);
    assert!(broken[1].contains("Emerald") && broken[1].contains("Ruby"), "{}", broken[1]);
    assert!(stored.rules_broken(&Design::default()).is_empty(), "Écrin's own designs are not the house's model");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_larger_centre_stone_on_a_house_ring_takes_its_head_with_it() {
    let (_, design) = collection_with("restone", crate::geometry::sample_export::SAMPLE_PATH);
    let model = design.source.collection().expect("a collection design").clone();
    let house = crate::geometry::house::registered(&model.hash).expect("loaded");
    assert!(house.setup.restoneable(), "the Blender ring's prongs are a part of their own (\"White Gold\")");
    let modelled = house.setup.centre_mm().expect("a centre stone");
    assert!((design.stone.size_mm - modelled).abs() < 0.01, "a new design keeps the stone as modelled");
    let bigger = Design { stone: crate::design::Stone { size_mm: modelled * 1.2, ..design.stone }, ..design.clone() };
    let (before, after) = (crate::estimate::weights(&design), crate::estimate::weights(&bigger));
    // Length × 1.2: the stone and the head (prongs scaled with it) weigh 1.2³ as much; the band is untouched.
    let cube = 1.2f32.powi(3);
    assert!((after.centre_carats / before.centre_carats - cube).abs() < 0.01, "{before:?} → {after:?}");
    assert!((after.head_grams / before.head_grams - cube).abs() < 0.01, "{before:?} → {after:?}");
    assert!((after.band_grams - before.band_grams).abs() < 1e-3 * before.band_grams, "{before:?} → {after:?}");
    // The head still stands where it stood on the band; the stone rises with its prongs.
    let head_low = |design: &Design| {
        let assembly = assemble(design);
        let placed = &assembly.components[0];
        let model = placed.component.model();
        placed
            .parts
            .iter()
            .filter(|p| p.role == PartRole::Metal(MetalZone::Head))
            .flat_map(|p| {
                model.meshes[p.mesh]
                    .data
                    .positions
                    .iter()
                    .map(move |&q| (placed.transform * p.local).transform_point3(q.into()).y)
            })
            .fold(f32::MAX, f32::min)
    };
    assert!((head_low(&bigger) - head_low(&design)).abs() < 1e-3, "the head's base stays on the band");
    let seat = |design: &Design| assemble(design).centre_seat().expect("a centre stone").translation.y;
    assert!(seat(&bigger) > seat(&design) + 0.1, "the stone rises with its prongs");
    // A ring size on top of it: both apply.
    let both = Design { ring_size_mm: design.ring_size_mm + 6.0, ..bigger.clone() };
    assert!((crate::estimate::weights(&both).centre_carats - after.centre_carats).abs() < 1e-4);
}

#[test]
fn a_head_set_on_a_band_makes_one_ring_that_weighs_what_they_weigh_and_resizes() {
    let folder = scratch("combine");
    let collection = Collection::at(&folder);
    let [head_path, band_path, _] = crate::geometry::sample_export::WEB_PATHS.map(sample);
    let head = collection.add(&head_path, Some("Tête ovale"), None).expect("the head added");
    let band = collection.add(&band_path, Some("Jonc"), None).expect("the band added");
    assert_eq!((head.setup.kind, band.setup.kind), (ModelKind::Head, ModelKind::Band));
    let wrong = collection.combine(&head.id, &band.id, None).expect_err("a head is not a band");
    assert!(wrong.to_string().contains("not a band"), "{wrong}");

    let ring = collection.combine(&band.id, &head.id, None).expect("combined");
    assert_eq!(ring.name, "Tête ovale on Jonc");
    assert_eq!(collection.manifest(&ring.id).expect("saved"), ring, "the manifest says what it was made from");
    let made_from = ring.made_from.clone().expect("made from a band and a head");
    assert_eq!((made_from.band.as_str(), made_from.head.as_str()), (band.id.as_str(), head.id.as_str()));
    assert_eq!(ring.setup.inner_diameter_mm, band.setup.inner_diameter_mm);
    let zones: Vec<PartUse> = ring.setup.parts.iter().map(|p| p.role).collect();
    assert!(zones.contains(&PartUse::Metal(Zone::Band)) && zones.contains(&PartUse::Metal(Zone::Head)), "{zones:?}");

    // It weighs what its band and its head weigh apart (same alloy, the band at the same size).
    let weighed = |manifest: &Manifest| {
        let design = design_of(manifest);
        collection.load(design.source.collection().expect("a model")).expect("loaded");
        (crate::estimate::weights(&design), design)
    };
    let ((b, _), (h, _), (r, design)) = (weighed(&band), weighed(&head), weighed(&ring));
    let apart = b.metal_grams() + h.metal_grams();
    assert!((r.metal_grams() - apart).abs() < 0.01 * apart, "{} g against {apart} g", r.metal_grams());
    assert!((r.head_grams - h.metal_grams()).abs() < 0.01 * h.metal_grams(), "the head is the head zone");

    // The head stands on the band's top, and rides up with it when the ring is made larger.
    let head_low = |design: &Design| {
        assemble(design)
            .parts()
            .filter(|(_, p, _)| p.role == PartRole::Metal(MetalZone::Head))
            .flat_map(|(placed, p, at)| {
                let model = placed.component.model();
                let points: Vec<f32> =
                    model.meshes[p.mesh].data.positions.iter().map(|&q| at.transform_point3(q.into()).y).collect();
                points
            })
            .fold(f32::MAX, f32::min)
    };
    let shift = |size: f32| (size - design.ring_size_mm) / std::f32::consts::PI / 2.0;
    let at_size = head_low(&design) - shift(design.ring_size_mm);
    let expected = made_from.head_at_mm
        + (crate::design::ring_size::inner_diameter_mm(design.ring_size_mm)
            - band.setup.inner_diameter_mm.unwrap_or(0.0))
            / 2.0;
    assert!((at_size - expected).abs() < 0.05, "head base {at_size} mm, expected {expected} mm");
    let larger = Design { ring_size_mm: design.ring_size_mm + 6.0, ..design.clone() };
    assert!((head_low(&larger) - head_low(&design) - shift(larger.ring_size_mm)).abs() < 0.01);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_house_head_is_gauged_on_its_mesh_and_one_with_thin_prongs_is_refused_for_the_bench() {
    use crate::workshop::limits::{Rule, Source};
    let gauged = |design: &Design| {
        crate::workshop::checks(design).iter().find(|f| f.rule == Rule::HouseHeadMetal).copied().expect("gauged")
    };
    // The Rhino sample: Écrin's four-prong head for a 6.5 mm stone, exported — prongs 0.72 mm, gallery rails 0.60 mm
    // as made; gauged at its thinnest a little under the rails (their polygonal section's chords): 0.56 mm, castable
    // but for the bench to look at (under Gemwares' 0.8 mm).
    let (_, design) = collection_with("gauge", crate::geometry::sample_export::RHINO_PATH);
    let head = gauged(&design);
    assert!(head.is_soft(), "{head:?}");
    assert!(head.measured > 0.5 && head.measured < 0.62, "{head:?}");
    // The same kind of head made for a 3.5 mm stone in six prongs (0.35 mm prongs) and exported as a house's CAD would
    // export it: the house's model is caught, by its rule and source, and the bench gets no file of it.
    let thin = Design {
        setting: crate::design::Setting::SixProng,
        stone: crate::design::Stone { size_mm: 3.5, ..Design::default().stone },
        ..Design::default()
    };
    let folder = scratch("thin-prongs");
    std::fs::create_dir_all(&folder).expect("scratch");
    let file = folder.join("fine-solitaire.glb");
    std::fs::write(&file, crate::geometry::sample_export::cad_export(&thin, 0).expect("exported")).expect("written");
    let collection = Collection::at(folder.join("collection"));
    let manifest = collection.add(&file, Some("Solitaire fin"), None).expect("added");
    let design = collection.new_design(&manifest.id).expect("a design");
    collection.load(design.source.collection().expect("a house's")).expect("loaded");
    let head = gauged(&design);
    assert!(head.is_hard() && head.measured < 0.45, "{head:?}");
    assert_eq!(head.broken.map(|limit| limit.source), Some(Source::Stuller));
    let refused = crate::workshop::write_bench_files(&design, &folder.join("fine.stl"));
    assert!(matches!(refused, Err(crate::workshop::BenchFileError::HardLimits(_))), "{refused:?}");
}
