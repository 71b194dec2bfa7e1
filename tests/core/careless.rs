//! What a careless or hostile user does to Écrin's files, each with what must hold: a manifest edited by hand never
//! makes Écrin touch anything outside the collection and its wrong values are told at their place; two adds at once
//! keep both models; a manifest too large to read again is never written; a mirrored model weighs what it weighs
//! and a stone of inconsistent triangles has no weight, never a negative one; devices, pipes and links are neither
//! read whole nor written over; a name that is none is refused naming `--name`; a byte-order mark is no error.

use super::fuzz::fuzz_alloc;
use super::fuzz::fuzz_mutate::{pack, unpack};
use ecrin::collection::manifest::ManifestProblem;
use ecrin::collection::{Collection, CollectionError};
use ecrin::i18n::Language;
use serde_json::json;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name)
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-careless-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    dir
}

/// Replaces the value of the first `field:` in a manifest (a field a line: up to the line's end).
fn edit(path: &Path, field: &str, value: &str) {
    let text = std::fs::read_to_string(path).expect("manifest");
    let at = text.find(&format!("{field}:")).unwrap_or_else(|| panic!("{field} in the manifest")) + field.len() + 1;
    let end = at + text[at..].find('\n').expect("end of line");
    std::fs::write(path, format!("{} {value},{}", &text[..at], &text[end..])).expect("edited");
}

#[test]
fn a_hand_edited_manifest_never_reaches_outside_the_collection() {
    let root = folder("outside");
    let collection = Collection::at(root.join("collection"));
    let victim = root.join("victim");
    std::fs::create_dir_all(&victim).expect("victim");
    std::fs::write(victim.join("precious.txt"), b"kept").expect("file");
    let manifest = collection.add(&sample("web-stone.glb"), Some("Lune"), None).expect("added");
    let path = root.join("collection/lune.ron");
    let original = std::fs::read_to_string(&path).expect("manifest");
    for (field, value, told) in [
        ("hash", "\"../../victim\"", "hash"),
        ("extension", "\"../../victim\"", "extension"),
        ("original_file", "\"../../../victim/precious.txt\"", "original_file"),
        ("id", "\"../victim\"", "id"),
    ] {
        std::fs::write(&path, &original).expect("restored");
        if field == "hash" {
            edit(&path, "extension", "\"gltf\"");
        }
        edit(&path, field, value);
        let Err(error) = collection.remove("lune") else { panic!("{field}: removed") };
        let said = error.in_language(Language::French);
        assert!(said.contains("lune.ron") && said.contains(told) && said.contains("ligne"), "{field}: {said}");
        assert!(victim.join("precious.txt").exists(), "{field}: nothing outside the collection is touched");
    }
    std::fs::write(&path, &original).expect("restored");
    collection.remove("lune").expect("a whole manifest is removed");
    assert!(!collection.model_path(&manifest).exists());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn hand_edited_values_are_told_at_their_place_never_used() {
    let root = folder("values");
    let collection = Collection::at(&root);
    collection.add(&sample("house-ring-rhino.glb"), Some("Lune"), None).expect("added");
    let path = root.join("lune.ron");
    let original = std::fs::read_to_string(&path).expect("manifest");
    for (field, value, told) in [
        ("turn", "((NaN, 0.0, 1.0), (0.0, 1.0, 0.0), (-1.0, 0.0, 0.0))", "setup.turn[0][0]"),
        ("turn", "((0.0, 0.0, -1.0), (0.0, 1.0, 0.0), (-1.0, 0.0, 0.0))", "setup.turn"),
        ("scale_to_mm", "1e-30", "setup.scale_to_mm"),
        ("scale_to_mm", "3e38", "setup.scale_to_mm"),
        ("origin_mm", "(1e38, 0.0, 0.0)", "setup.origin_mm[0]"),
        ("inner_diameter_mm", "Some(0.0)", "setup.inner_diameter_mm"),
        ("inner_diameter_mm", "Some(NaN)", "setup.inner_diameter_mm"),
        ("ring_sizes_mm", "(60.0, 44.0)", "allowed.ring_sizes_mm[1]"),
    ] {
        std::fs::write(&path, &original).expect("restored");
        edit(&path, field, value);
        let error = collection.manifest("lune").expect_err(field);
        let CollectionError::Manifest { problem: ManifestProblem::Field { field: named, line, .. }, .. } = &error
        else {
            panic!("{field} = {value}: {error}");
        };
        assert_eq!(named, told, "{value}");
        let text = std::fs::read_to_string(&path).expect("manifest");
        let at_line = text.lines().nth(line - 1).unwrap_or_default();
        assert!(at_line.contains(field), "{told}: line {line} is {at_line:?}");
        assert!(collection.list().iter().any(Result::is_err), "listed as broken, not used");
    }
    // A stone that names a piece its part does not have: told when the model is read.
    std::fs::write(&path, original.replacen("piece: 0", "piece: 999", 1)).expect("edited");
    let manifest = Collection::at(&root).list().into_iter().flatten().next();
    assert!(manifest.is_some(), "a piece index is known only once the model is read");
    let design = collection.new_design("lune").expect("a design");
    let error = collection.prepare_with(&design, &Default::default()).expect_err("stone 999");
    let said = error.in_language(Language::English);
    assert!(said.contains("lune.ron") && said.contains("piece") && said.contains("999"), "{said}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn two_adds_of_one_name_at_once_keep_both_models() {
    for trial in 0..4 {
        let root = folder(&format!("race-{trial}"));
        let collection = Collection::at(&root);
        let start = std::sync::Barrier::new(2);
        let ids: Vec<String> = std::thread::scope(|scope| {
            let adds = ["web-stone.glb", "web-head.glb"].map(|model| {
                let (collection, start) = (&collection, &start);
                scope.spawn(move || {
                    start.wait();
                    collection.add(&sample(model), Some("Lune"), None).map(|m| m.id)
                })
            });
            adds.into_iter().map(|add| add.join().expect("no panic").expect("added")).collect()
        });
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(sorted, ["lune", "lune-2"], "trial {trial}");
        let listed: Vec<_> = collection.list().into_iter().flatten().collect();
        assert_eq!(listed.len(), 2, "both manifests kept");
        assert!(listed.iter().all(|m| collection.model_path(m).exists()), "both copies kept");
        let _ = std::fs::remove_dir_all(&root);
    }
}

#[test]
fn a_manifest_too_large_to_read_again_is_never_written() {
    let root = folder("large");
    let collection = Collection::at(&root);
    let stone = sample("web-stone.glb");
    let setup = Collection::propose(&stone).expect("analysed");
    // 15 000 stones: over the old 1 MiB read limit, kept, listed and removed.
    let many = |count: usize| {
        let mut setup = setup.clone();
        let first = setup.stones[0].clone();
        setup.stones = (0..count).map(|piece| ecrin::geometry::house::StoneSetup { piece, ..first.clone() }).collect();
        setup
    };
    let kept = collection.add_stored(&stone, Some("Pavé"), many(15_000), Default::default()).expect("added");
    assert!(std::fs::metadata(root.join("pave.ron")).expect("manifest").len() > 1024 * 1024);
    assert_eq!(collection.list().into_iter().flatten().count(), 1);
    collection.remove(&kept.id).expect("removed");
    // 300 000: refused before anything is copied.
    let other = root.join("other.glb");
    let (mut json, bin) = unpack(&std::fs::read(&stone).expect("sample")).expect("a GLB");
    json["asset"]["generator"] = json!("another file");
    std::fs::write(&other, pack(&json, &bin)).expect("written");
    let error = collection.add_stored(&other, Some("Pavé"), many(300_000), Default::default()).expect_err("too large");
    assert!(matches!(error, CollectionError::ManifestTooLarge { .. }), "{error}");
    let models = std::fs::read_dir(root.join("models")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(models, 0, "nothing copied");
    assert!(!root.join("pave.ron").exists());
    let _ = std::fs::remove_dir_all(&root);
}

/// A copy of a sample with every node under one root node: mirrored (scale -1 on x) or as it is.
fn under_a_root(name: &str, scale: [f32; 3], to: &Path) -> PathBuf {
    let (mut json, bin) = unpack(&std::fs::read(sample(name)).expect("sample")).expect("a GLB");
    let scene = json["scene"].as_u64().unwrap_or(0) as usize;
    let roots = json["scenes"][scene]["nodes"].clone();
    let nodes = json["nodes"].as_array_mut().expect("nodes");
    nodes.push(json!({ "name": "Mirror", "scale": scale, "children": roots }));
    let root = nodes.len() - 1;
    json["scenes"][scene]["nodes"] = json!([root]);
    json["asset"]["generator"] = json!(format!("scaled {scale:?}"));
    std::fs::write(to, pack(&json, &bin)).expect("written");
    to.to_path_buf()
}

#[test]
fn a_mirrored_model_weighs_what_it_weighs_and_a_broken_stone_weighs_nothing() {
    let root = folder("mirror");
    let collection = Collection::at(root.join("collection"));
    let weigh = |model: &Path, name: &str| {
        let manifest = collection.add(model, Some(name), None).expect("added");
        let design = collection.new_design(&manifest.id).expect("design");
        collection.prepare_with(&design, &Default::default()).expect("loaded");
        (ecrin::estimate::weights(&design), design)
    };
    let (plain, _) = weigh(&under_a_root("house-ring-rhino.glb", [1.0, 1.0, 1.0], &root.join("plain.glb")), "Plain");
    let (mirrored, design) =
        weigh(&under_a_root("house-ring-rhino.glb", [-1.0, 1.0, 1.0], &root.join("mirrored.glb")), "Mirrored");
    assert!(plain.solid && mirrored.solid && plain.metal_grams() > 1.0, "{plain:?} {mirrored:?}");
    let close = |a: f32, b: f32| (a - b).abs() <= 0.005 * b.abs();
    assert!(close(mirrored.metal_grams(), plain.metal_grams()), "{mirrored:?} vs {plain:?}");
    assert!(close(mirrored.centre_carats, plain.centre_carats), "{mirrored:?} vs {plain:?}");
    let prices = ecrin::estimate::price::PriceList::load(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron"),
    )
    .expect("price list");
    assert!(prices.estimate(&design).expect("priced").retail > 0.0);

    // The stone alone, with every other triangle turned the wrong way: no weight, no price, never a negative one.
    let (mut json, mut bin) = unpack(&std::fs::read(sample("web-stone.glb")).expect("sample")).expect("a GLB");
    let indices = json["meshes"][0]["primitives"][0]["indices"].as_u64().expect("indexed") as usize;
    let accessor = json["accessors"][indices].clone();
    let view = &json["bufferViews"][accessor["bufferView"].as_u64().expect("view") as usize];
    let start = (view["byteOffset"].as_u64().unwrap_or(0) + accessor["byteOffset"].as_u64().unwrap_or(0)) as usize;
    let width = if accessor["componentType"] == 5125 { 4 } else { 2 };
    for triangle in (0..accessor["count"].as_u64().expect("count") as usize / 3).step_by(2) {
        let (b, c) = (start + (triangle * 3 + 1) * width, start + (triangle * 3 + 2) * width);
        for k in 0..width {
            bin.swap(b + k, c + k);
        }
    }
    json["asset"]["generator"] = json!("turned");
    let broken = root.join("broken-stone.glb");
    std::fs::write(&broken, pack(&json, &bin)).expect("written");
    let (weights, design) = weigh(&broken, "Broken");
    assert!(weights.centre_carats.is_nan(), "{weights:?}");
    assert_eq!(ecrin::i18n::format::carats(Language::French, weights.centre_carats), "indisponible");
    let error = prices.estimate(&design).expect_err("no price without a weight");
    assert_eq!(error, ecrin::estimate::price::PriceError::NoStoneWeight);
    for figure in [-2.76f32, f32::NAN, f32::INFINITY] {
        assert_eq!(ecrin::i18n::format::grams(Language::English, figure), "unavailable");
        assert_eq!(ecrin::i18n::format::price(Language::French, f64::from(figure), "EUR"), "indisponible");
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn devices_pipes_and_links_are_neither_read_whole_nor_written_over() {
    let root = folder("special");
    let collection = Collection::at(root.join("collection"));
    for device in ["/dev/zero", "/dev/urandom"] {
        let link = root.join("model.glb");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(device, &link).expect("link");
        fuzz_alloc::reset_peak();
        let report = ecrin::geometry::house::inspect::inspect(&link, &Default::default());
        assert!(!report.usable && !report.problems.is_empty(), "{device}: {report:?}");
        assert!(collection.add(&link, None, None).is_err(), "{device}");
        let preset = root.join("preset.ron");
        let _ = std::fs::remove_file(&preset);
        std::os::unix::fs::symlink(device, &preset).expect("link");
        assert!(ecrin::design::preset::load(&preset).is_err(), "{device}");
        assert!(fuzz_alloc::peak() < 4 * 1024 * 1024, "{device}: {} bytes held", fuzz_alloc::peak());
    }
    // A pipe no one writes to: refused at once, not waited on.
    let pipe = root.join("pipe.glb");
    if std::process::Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success()) {
        assert!(!ecrin::geometry::house::inspect::inspect(&pipe, &Default::default()).usable);
    }
    // A GLB whose file is far longer than its header says (a sparse 300 MB file): refused before it is read.
    let sparse = root.join("sparse.glb");
    std::fs::copy(sample("web-stone.glb"), &sparse).expect("copy");
    std::fs::File::options().write(true).open(&sparse).and_then(|f| f.set_len(300 << 20)).expect("sparse");
    fuzz_alloc::reset_peak();
    let error = collection.add(&sparse, None, None).expect_err("refused");
    assert!(fuzz_alloc::peak() < 4 * 1024 * 1024, "{} bytes held for {error}", fuzz_alloc::peak());
    assert!(!root.join("collection/models").exists(), "nothing written into the collection");
    // The same with its header saying so (a binary chunk of 300 MB for a buffer of a few kB): refused before the
    // chunk is read.
    let (json, bin) = unpack(&std::fs::read(sample("web-stone.glb")).expect("sample")).expect("a GLB");
    let padded = root.join("padded.glb");
    let head = pack(&json, &bin);
    let json_end = 20 + u32::from_le_bytes([head[12], head[13], head[14], head[15]]) as usize;
    let big: u32 = 300 << 20;
    let mut file = head[..json_end].to_vec();
    file.extend_from_slice(&big.to_le_bytes());
    file.extend_from_slice(b"BIN\0");
    let total = (file.len() as u32 + big).to_le_bytes();
    file[8..12].copy_from_slice(&total);
    std::fs::write(&padded, &file).expect("written");
    std::fs::File::options()
        .write(true)
        .open(&padded)
        .and_then(|f| f.set_len(u64::from(u32::from_le_bytes(total))))
        .expect("padded");
    fuzz_alloc::reset_peak();
    let error = collection.add(&padded, None, None).expect_err("refused");
    let said = error.in_language(Language::English);
    assert!(
        said.contains("binary chunk") && fuzz_alloc::peak() < 4 * 1024 * 1024,
        "{said}: {} bytes",
        fuzz_alloc::peak()
    );
    assert!(!root.join("collection/models").exists(), "nothing written into the collection");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_cli_refuses_a_name_that_is_none_and_an_output_that_is_a_link() {
    let root = folder("cli");
    let ecrin = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecrin"))
            .args(args)
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .output()
            .expect("ecrin ran")
    };
    let collection = root.join("collection").display().to_string();
    let model = sample("web-stone.glb").display().to_string();
    let long = "x".repeat(4000);
    for name in ["", "  ", "a\u{7}b", "Lune \u{202e}enuL", long.as_str()] {
        let output = ecrin(&["collection", "--collection", &collection, "add", &model, "--name", name]);
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success() && said.contains("--name"), "{name:?}: {said}");
    }
    assert!(!root.join("collection/models").exists(), "refused before anything is read or copied");
    let kept = root.join("kept.png");
    std::fs::write(&kept, b"the user's picture").expect("file");
    let link = root.join("link.png");
    std::os::unix::fs::symlink(&kept, &link).expect("link");
    let preset = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets/classic-solitaire.ron");
    let output = ecrin(&["render", &preset.display().to_string(), "-o", &link.display().to_string(), "--size", "32"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success() && said.contains("link.png") && said.contains("symbolic link"), "{said}");
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(std::fs::read(&kept).expect("kept"), b"the user's picture");
    // A preset saved with a byte-order mark opens; a file that is not a preset never names Écrin's types.
    let bom = root.join("bom.ron");
    std::fs::write(&bom, [b"\xef\xbb\xbf".as_slice(), &std::fs::read(&preset).expect("preset")].concat()).expect("bom");
    assert!(ecrin::design::preset::load(&bom).is_ok());
    let other = root.join("other.ron");
    std::fs::write(&other, "hello").expect("file");
    let said = ecrin::design::preset::load(&other).expect_err("not a preset").to_string();
    assert!(said.contains("other.ron") && !said.contains("Probe") && !said.contains("struct"), "{said}");
    let _ = std::fs::remove_dir_all(&root);
}
