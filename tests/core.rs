//! Core integration tests (no renderer): every sample preset, every broken-preset case, the model library.

#[path = "shared/pdf.rs"]
mod pdf;
use pdf::pdf_text;

#[path = "core/careless.rs"]
mod careless;
#[path = "core/faults.rs"]
mod faults;
#[path = "core/fuzz.rs"]
mod fuzz;
#[path = "core/hostile.rs"]
mod hostile;
#[path = "core/kill.rs"]
mod kill;
#[cfg(target_os = "linux")]
#[path = "core/network.rs"]
mod network;
#[path = "core/scene.rs"]
mod scene;

use ecrin::design::preset::{self, PresetError};
use ecrin::design::{Design, DesignCommand, Setting};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-core-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn every_sample_preset_loads_and_round_trips() {
    let samples = preset::list(&repo().join("presets"));
    assert!(samples.len() >= 6, "presets/ ships at least 6 samples, found {}", samples.len());
    let dir = scratch("roundtrip");
    for path in samples {
        let design = preset::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let copy = dir.join(path.file_name().expect("file name"));
        preset::save(&copy, &design).expect("save");
        assert_eq!(preset::load(&copy).expect("reload"), design, "{}", path.display());
    }
}

/// Writes `bytes` as a preset file and returns the error message loading it gives.
fn load_error(name: &str, bytes: &[u8]) -> String {
    let path = scratch("broken").join(name);
    std::fs::write(&path, bytes).expect("write case");
    match preset::load(&path) {
        Ok(design) => panic!("{name} loaded as {design:?}"),
        Err(error) => {
            let message = error.to_string();
            assert!(message.contains(name), "the message names the file: {message}");
            message
        }
    }
}

fn valid_text() -> String {
    preset::to_ron_string(&Design::default())
}

/// How a preset written by this build states its version ("version: 5").
fn this_version() -> String {
    format!("version: {}", preset::PRESET_VERSION)
}

#[test]
fn broken_presets_say_where_and_what() {
    let valid = valid_text();

    let syntax = load_error("syntax.ron", valid.replacen("metal:", "metal", 1).as_bytes());
    assert!(syntax.contains("syntax.ron:") && syntax.contains("Expected"), "{syntax}");

    let variant = load_error("variant.ron", valid.replace("Yellow18k", "Yellow22k").as_bytes());
    assert!(variant.contains("Yellow22k") && variant.contains("variant.ron:6:"), "{variant}");

    let range = load_error("range.ron", valid.replace("size_mm: 6.4", "size_mm: 42.0").as_bytes());
    assert!(range.contains("stone.size_mm") && range.contains("2–20") && range.contains("range.ron:"), "{range}");

    let nan = load_error("nan.ron", valid.replace("ring_size_mm: 52.0", "ring_size_mm: NaN").as_bytes());
    assert!(nan.contains("ring_size_mm") && nan.contains("38–76"), "{nan}");

    let version = load_error("version.ron", valid.replace(&this_version(), "version: 9").as_bytes());
    assert!(version.contains("version 9") && version.contains("version.ron:2:"), "{version}");

    let missing = load_error("missing.ron", valid.replace(&format!("{},", this_version()), "").as_bytes());
    assert!(missing.contains("no `version`"), "{missing}");

    let empty = load_error("empty.ron", b"  \n");
    assert!(empty.contains("empty"), "{empty}");

    let truncated = load_error("truncated.ron", &valid.as_bytes()[..valid.len() / 2]);
    assert!(truncated.contains("truncated.ron:"), "{truncated}");

    let huge = load_error("huge.ron", &vec![b' '; 17 * 1024 * 1024]);
    assert!(huge.contains("too large"), "{huge}");

    let mut latin1 = valid.replace("\"Solitaire\"", "\"Bague dor\"").into_bytes();
    let at = latin1.windows(3).position(|w| w == b"dor").expect("dor");
    latin1.insert(at + 1, 0xE9);
    let not_utf8 = load_error("latin1.ron", &latin1);
    assert!(not_utf8.contains("not UTF-8") && not_utf8.contains("0xe9") && not_utf8.contains(":4:"), "{not_utf8}");

    let unknown_field = load_error("field.ron", valid.replace("engraving:", "gravure:").as_bytes());
    assert!(unknown_field.contains("gravure"), "{unknown_field}");
}

#[test]
fn version_1_presets_still_load_and_two_tone_round_trips() {
    let old = valid_text().replace(&this_version(), "version: 1").replace("head_alloy: None,", "");
    assert!(!old.contains("head_alloy"));
    let path = scratch("v1").join("old.ron");
    std::fs::write(&path, old).expect("write");
    assert_eq!(preset::load(&path).expect("a version 1 file loads"), Design::default());

    let two_tone =
        DesignCommand::SetHeadAlloy(Some(ecrin::design::Alloy::White18k)).apply_to(&Design::default()).expect("valid");
    let text = preset::to_ron_string(&two_tone);
    assert!(text.contains(&this_version()) && text.contains("White18k"), "{text}");
    assert_eq!(preset::from_ron_str(&text, "two-tone.ron").expect("reload"), two_tone);
}

#[test]
fn missing_file_is_a_read_error() {
    let error = preset::load(Path::new("/nonexistent/ecrin/x.ron")).expect_err("missing");
    assert!(matches!(error, PresetError::Read { .. }));
    assert!(error.to_string().contains("/nonexistent/ecrin/x.ron"));
}

#[test]
fn saving_into_an_unwritable_place_keeps_the_previous_file() {
    let dir = scratch("unwritable");
    let path = dir.join("kept.ron");
    let design = Design::default();
    preset::save(&path, &design).expect("first save");
    // A design a bench cannot make is refused before anything is written.
    let mut broken = design.clone();
    broken.stone.size_mm = 99.0;
    let error = preset::save(&path, &broken).expect_err("refused");
    assert!(error.to_string().contains("stone.size_mm"));
    assert_eq!(preset::load(&path).expect("still there"), design);
    // A folder that does not exist: a clear message naming the path.
    let error = preset::save(&dir.join("missing-folder").join("x.ron"), &design).expect_err("no folder");
    assert!(error.to_string().contains("missing-folder"), "{error}");
}

#[test]
fn save_then_reopen_restores_the_same_design() {
    let mut design = Design::default();
    for command in
        [DesignCommand::SetAlloy(ecrin::design::Alloy::Rose14k), DesignCommand::SetCut(ecrin::design::Cut::Pear)]
    {
        design = command.apply_to(&design).expect("valid");
    }
    // 1.25 ct of this pear, then the engraving.
    for command in [
        ecrin::estimate::set_carats(&design, 1.25).expect("1.25 ct"),
        DesignCommand::SetEngraving("Émilie ♥ Paul".into()),
    ] {
        design = command.apply_to(&design).expect("valid");
    }
    let path = scratch("reopen").join("émilie.ron");
    preset::save(&path, &design).expect("save");
    assert_eq!(preset::load(&path).expect("load"), design);
}

#[test]
fn committed_models_are_what_the_generator_writes() {
    let mut models = ecrin::geometry::library::all_models().expect("models");
    models.extend(ecrin::geometry::sample_export::all_samples().expect("samples"));
    for (relative, bytes) in models {
        let committed = std::fs::read(repo().join("assets").join(&relative))
            .unwrap_or_else(|e| panic!("assets/{relative}: {e} (run `ecrin generate-assets`)"));
        assert!(
            committed == bytes,
            "assets/{relative} differs from the generator's output: run `ecrin generate-assets`"
        );
    }
}

/// Runs the CLI in English whatever the machine's locale (`--lang` says otherwise).
fn ecrin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ecrin"))
        .args(args)
        .current_dir(repo())
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run ecrin")
}

#[test]
fn cli_bench_sheet_is_a_pdf_a_reader_reads_in_the_advisors_language_and_a_thin_design_gets_none() {
    let halo = repo().join("presets/morganite-pear-halo.ron");
    let design = preset::load(&halo).expect("the halo preset");
    let sheet = scratch("bench-sheet").join("fiche.pdf");
    let output = ecrin(&[
        "--lang",
        "fr",
        "bench-sheet",
        &halo.display().to_string(),
        "-o",
        &sheet.display().to_string(),
        "--size",
        "96",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pdf_text(&sheet);
    // The inside diameter, as the ring size makes it (its figure: a reader may turn the no-break space before "mm"
    // into a plain one).
    let inside = ecrin::i18n::format::number(
        ecrin::i18n::Language::French,
        f64::from(ecrin::design::ring_size::inner_diameter_mm(design.ring_size_mm)),
        2,
    );
    for words in [
        "Fiche d’atelier",
        "Coupe par la pierre de centre et l’anneau",
        "Coupe dans l’axe du doigt",
        "Diamètre intérieur",
        inside.as_str(),
        "Pierres à sertir",
        "Morganite",
        "Métal à couler",
        "Contrôles d’atelier",
        &ecrin::approval::fingerprint(&design),
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // A design under a hard limit: refused with its rule and source, and nothing written.
    let thin = scratch("bench-sheet").join("thin.ron");
    let small = Design { setting: Setting::SixProng, ..Design::default() };
    let small = Design { stone: ecrin::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
    preset::save(&thin, &small).expect("saved");
    let refused = scratch("bench-sheet").join("refused.pdf");
    let output = ecrin(&["bench-sheet", &thin.display().to_string(), "-o", &refused.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("Prongs") && said.contains("Gemwares"), "{said}");
    assert!(!refused.exists());
}

#[test]
fn the_cli_speaks_french_with_lang_fr() {
    let solitaire = repo().join("presets/classic-solitaire.ron").display().to_string();
    let output = ecrin(&["--lang", "fr", "check", &solitaire]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && text.contains("correct") && text.contains("empreinte"), "{text}");
    assert!(text.contains(",") && text.contains("\u{a0}g"), "weights written as in French: {text}");
    let broken = scratch("cli-fr").join("bague.ron");
    std::fs::write(&broken, valid_text().replace("size_mm: 6.4", "size_mm: 25.0")).expect("write");
    let output = ecrin(&["--lang", "fr", "render", &broken.display().to_string(), "-o", "/nonexistent/x.png"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Le fichier") && stderr.contains("ligne") && stderr.contains("la pierre mesure"),
        "{stderr}"
    );
}

#[test]
fn cli_sizer_writes_a_page_that_prints_at_true_scale_and_french_help() {
    let page = scratch("sizer").join("baguier.png");
    let output = ecrin(&["--lang", "fr", "sizer", "-o", &page.display().to_string()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let reader = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&page).expect("written")))
        .read_info()
        .expect("a PNG");
    let info = reader.info();
    // A4 at 300 dpi, and it says so (11 811 dots per metre), so that a print at 100 % is at true scale.
    assert_eq!((info.width, info.height), (2480, 3507));
    assert_eq!(info.pixel_dims.map(|d| (d.xppu, d.unit)), Some((11_811, png::Unit::Meter)));
    let unwritable = ecrin(&["--lang", "fr", "sizer", "-o", "/nonexistent-folder/baguier.png"]);
    let said = String::from_utf8_lossy(&unwritable.stderr);
    assert!(!unwritable.status.success() && said.contains("/nonexistent-folder/baguier.png"), "{said}");
    let help = ecrin(&["--lang", "fr", "sizer", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("baguier à imprimer"), "the help in French");
}

#[test]
fn cli_check_reads_the_samples_and_reports_broken_files() {
    let samples: Vec<String> = preset::list(&repo().join("presets")).iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["check"];
    args.extend(samples.iter().map(String::as_str));
    let output = ecrin(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("ct"));

    let broken = scratch("cli").join("broken.ron");
    std::fs::write(&broken, valid_text().replace("SixProng", "SevenProng")).expect("write");
    let output = ecrin(&["check", &broken.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("SevenProng"));
    // A design the workshop cannot make as drawn — a 3.5 mm stone in six prongs 0.35 mm thick — is shown (it reads)
    // but refused for the bench, in the reader's language, with the rule, the figure and the limit's source.
    let thin = scratch("cli").join("thin-prongs.ron");
    let small = Design { setting: Setting::SixProng, ..Design::default() };
    let small = Design { stone: ecrin::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
    preset::save(&thin, &small).expect("a makeable design by its own limits");
    let output = ecrin(&["--lang", "fr", "check", &thin.display().to_string()]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    let prongs = said.lines().find(|line| line.contains("Griffes (au plus fin)")).unwrap_or_default();
    for words in ["0,35", "sous 0,60", "(Gemwares", "à corriger avant l’atelier"] {
        assert!(prongs.contains(words), "{words}: {said}");
    }
    // A file that cannot be read at all — not there, a pipe no one writes to — is another answer (exit 2), given at
    // once and naming the file; a broken one beside it does not hide it.
    let missing = scratch("cli").join("not-there.ron");
    let pipe = scratch("cli").join("pipe.ron");
    let _ = std::fs::remove_file(&pipe);
    let mut unreadable = vec![missing];
    if std::process::Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success()) {
        unreadable.push(pipe);
    }
    for path in unreadable {
        let output = ecrin(&["check", &broken.display().to_string(), &path.display().to_string()]);
        let said = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains(&path.display().to_string()) && said.contains("SevenProng"), "{said}");
    }
}

#[test]
fn cli_render_refuses_a_broken_preset_with_a_clear_message() {
    let broken = scratch("cli-render").join("truncated.ron");
    std::fs::write(&broken, "(version: 1, design: (name: \"x\",").expect("write");
    let out = scratch("cli-render").join("never.png");
    let output = ecrin(&["render", &broken.display().to_string(), "-o", &out.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("truncated.ron:1:"), "{stderr}");
    assert!(!out.exists(), "no image is written for a broken preset");
}

#[test]
fn cli_render_writes_a_png_of_the_ring() {
    let out = scratch("cli-render-ok").join("ring.png");
    let output = ecrin(&["render", "presets/classic-solitaire.ron", "-o", &out.display().to_string(), "--size", "96"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let image = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!(image.dimensions(), (96, 96));
    // The backdrop is a vertical gradient: compare each pixel with the leftmost one of its row.
    let ring = image
        .enumerate_pixels()
        .filter(|(_, y, p)| {
            let backdrop = image.get_pixel(0, *y);
            (0..3).map(|c| p[c].abs_diff(backdrop[c]) as u32).sum::<u32>() > 30
        })
        .count();
    assert!(ring > 96 * 96 / 20, "only {ring} pixels differ from the backdrop");
}

#[test]
fn inspect_classifies_a_blender_style_export_in_metres() {
    use ecrin::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
    let band = ecrin::geometry::shank::shank(ecrin::design::ShankStyle::ComfortFit);
    let stone = ecrin::geometry::cut::unit_polyhedron(ecrin::design::Cut::RoundBrilliant).to_mesh();
    let material = |name| GlbMaterial { name, base_colour: [1.0; 4], metallic: 1.0, roughness: 0.2, gem: None };
    // Blender exports in metres: the whole ring scaled by 0.001.
    let metres = glam::Affine3A::from_scale(glam::Vec3::splat(0.001));
    let stone_place = metres
        * glam::Affine3A::from_scale_rotation_translation(
            glam::Vec3::splat(6.5),
            glam::Quat::IDENTITY,
            glam::Vec3::new(0.0, 13.0, 0.0),
        );
    let bytes = write_glb(
        &[material("ROSE GOLD.003"), material("DIAMOND.002")],
        &[GlbMesh { name: "Torus.001", material: 0, data: &band }, GlbMesh { name: "Cone", material: 1, data: &stone }],
        &[
            GlbNode { name: "Ring".into(), mesh: Some(0), transform: metres },
            GlbNode { name: "Centre".into(), mesh: Some(1), transform: stone_place },
        ],
    )
    .expect("glb");
    let path = scratch("inspect").join("blender-ring.glb");
    std::fs::write(&path, bytes).expect("write");
    let output = ecrin(&["inspect", &path.display().to_string()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["units"], "m");
    assert_eq!(report["scale_to_mm"], 1000.0);
    assert_eq!(report["parts"][0]["role"], serde_json::json!({"Metal": "Band"}));
    assert_eq!(report["parts"][1]["role"], "Stone");
    assert_eq!(report["parts"][1]["reason"]["signal"], "material_name");
    assert!(report["triangles"].as_u64().expect("count") > 1000);
}

#[test]
fn inspect_reports_models_that_cannot_be_used() {
    use ecrin::geometry::house::inspect::ImportProblem;
    let dir = scratch("inspect-bad");
    let malformed = dir.join("broken.glb");
    std::fs::write(&malformed, b"glTF\x02\x00\x00\x00garbage").expect("write");
    let report = ecrin::geometry::house::inspect::inspect(&malformed, &Default::default());
    // (Its header declares another length than the file has: refused before it is read whole.)
    let not_gltf = matches!(report.problems[0], ImportProblem::NotGltf { .. } | ImportProblem::DeclaredLength { .. });
    assert!(!report.usable && not_gltf, "{report:?}");

    let missing_buffer = dir.join("missing.gltf");
    std::fs::write(
        &missing_buffer,
        r#"{"asset":{"version":"2.0"},"buffers":[{"uri":"gone.bin","byteLength":36}],"bufferViews":[{"buffer":0,"byteLength":36}],"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[20,20,0]}],"meshes":[{"name":"band","primitives":[{"attributes":{"POSITION":0}}]}],"nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}],"scene":0}"#,
    )
    .expect("write");
    let report = ecrin::geometry::house::inspect::inspect(&missing_buffer, &Default::default());
    let missing = report.problems.iter().any(|p| {
        use ecrin::geometry::house::read::BufferProblem;
        matches!(p, ImportProblem::Buffer { index: 0, what: BufferProblem::Unreadable { uri, .. } } if uri == "gone.bin")
    });
    assert!(!report.usable && missing, "{report:?}");

    let empty = dir.join("empty.gltf");
    std::fs::write(&empty, r#"{"asset":{"version":"2.0"},"scenes":[{"nodes":[]}]}"#).expect("write");
    let report = ecrin::geometry::house::inspect::inspect(&empty, &Default::default());
    assert!(!report.usable && report.problems.contains(&ImportProblem::NoMeshes), "{report:?}");
    let output = ecrin(&["inspect", &empty.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    assert_eq!(json["problems"][0]["problem"], "no_meshes", "{json}");
    assert_eq!(json["messages"][0], "no triangles: nothing to show", "{json}");
}

#[test]
fn cli_batch_renders_the_good_presets_and_reports_the_bad_one() {
    let out = scratch("batch");
    let broken = scratch("batch-input").join("broken.ron");
    std::fs::write(&broken, "(version: 1,").expect("write");
    let output = ecrin(&[
        "batch",
        "presets/classic-solitaire.ron",
        &broken.display().to_string(),
        "presets/two-tone-solitaire.ron",
        "--out",
        &out.display().to_string(),
        "--size",
        "64",
    ]);
    assert_eq!(output.status.code(), Some(1), "one preset was broken");
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.ron:1:"));
    assert!(out.join("classic-solitaire.png").exists() && out.join("two-tone-solitaire.png").exists());

    // The second of two shards renders the second preset only.
    let shard_out = scratch("batch-shard");
    let output = ecrin(&[
        "batch",
        "presets/two-tone-solitaire.ron",
        "presets/classic-solitaire.ron",
        "--out",
        &shard_out.display().to_string(),
        "--size",
        "64",
        "--shard",
        "2/2",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let written: Vec<_> = std::fs::read_dir(&shard_out).expect("list").flatten().map(|e| e.file_name()).collect();
    assert_eq!(written, vec![std::ffi::OsString::from("two-tone-solitaire.png")]);
}

#[test]
fn cli_pack_refuses_bad_input_with_a_clear_message() {
    let dir = scratch("pack");
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(version: 3, name: ").expect("write");
    let output = ecrin(&["pack", &broken.display().to_string(), "--out", &dir.join("p").display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.ron:1:"));
    // An existing pack folder is never overwritten without --replace.
    std::fs::create_dir_all(dir.join("existing")).expect("folder");
    let output = ecrin(&[
        "pack",
        "presets/classic-solitaire.ron",
        "--out",
        &dir.join("existing").display().to_string(),
        "--size",
        "32",
        "--turntable",
        "0",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"), "{output:?}");
    // A size the export cannot make.
    let output = ecrin(&["pack", "presets/classic-solitaire.ron", "--out", "x", "--size", "9000"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("9000"));
}

#[test]
fn cli_render_writes_one_file_per_view() {
    let out = scratch("cli-views").join("ring.png");
    let output = ecrin(&[
        "render",
        "presets/classic-solitaire.ron",
        "-o",
        &out.display().to_string(),
        "--size",
        "48",
        "--views",
        "front,top",
        "--background",
        "transparent",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for view in ["front", "top"] {
        let picture = image::open(out.with_file_name(format!("ring-{view}.png"))).expect("view").to_rgba8();
        assert_eq!(picture.get_pixel(0, 0).0[3], 0, "transparent background");
        assert!(picture.pixels().any(|p| p[3] == 255), "the ring is opaque");
    }
}

#[test]
fn a_house_model_from_blender_is_scaled_turned_and_its_stones_split() {
    use ecrin::geometry::house::analyse::analyse;
    use ecrin::geometry::house::read::read_parts;
    use ecrin::geometry::house::{HouseModel, NodeRole, PartUse, Zone};
    // The shipped sample: Z up, metres, "ROSE GOLD.003" band, "White Gold" prongs, "DIAMOND.002", "Melee.014".
    let path = repo().join("assets").join(ecrin::geometry::sample_export::SAMPLE_PATH);
    let parts = read_parts(&path).expect("readable");
    let setup = analyse(&parts, &Default::default()).expect("analysed").setup;
    assert_eq!(setup.units, "m");
    let model = HouseModel::build(&parts, &setup);
    let node = |wanted: &dyn Fn(&NodeRole) -> bool| {
        model.model.nodes.iter().zip(&model.roles).filter(|(_, role)| wanted(role)).map(|(n, _)| n).collect::<Vec<_>>()
    };
    assert_eq!(node(&|r| matches!(r, NodeRole::Metal(_))).len(), 2, "band and prongs");
    assert_eq!(node(&|r| matches!(r, NodeRole::Stone(_))).len(), 3, "the centre stone and two melee, split apart");
    // Millimetres, finger along Z, head up, the finger's centre at the origin.
    let band = &model.model.meshes[node(&|r| *r == NodeRole::Metal(Zone::Band))[0].mesh.expect("mesh")].data;
    let (lo, hi) = band.bounds();
    let outer = 17.0 / 2.0 + ecrin::geometry::shank::BAND_THICKNESS_MM;
    assert!((lo.y + outer).abs() < 0.2 && (hi.y - outer).abs() < 0.2, "band y {lo} … {hi}");
    assert!((lo.x + outer).abs() < 0.2 && (hi.x - outer).abs() < 0.2, "band x {lo} … {hi}");
    assert!(hi.z - lo.z < 3.0, "the band's width runs along the finger (Z): {lo} … {hi}");
    let prongs = &model.model.meshes[node(&|r| *r == NodeRole::Metal(Zone::Head))[0].mesh.expect("mesh")].data;
    assert!(prongs.bounds().0.y > outer - 1.0, "the head sits on the band's top");
    let centre = model.model.nodes.iter().find(|n| n.name.contains("Centre")).expect("the centre stone");
    let at = centre.transform.translation;
    assert!(at.y > 12.0 && at.x.abs() < 0.1 && at.z.abs() < 0.1, "{at}");
    // A corrected classification is taken as given: the melee made metal, one stone is left.
    let uses = [PartUse::Metal(Zone::Band), PartUse::Metal(Zone::Head), PartUse::Stone, PartUse::Metal(Zone::Band)];
    let corrected = analyse(&parts, &ecrin::geometry::house::analyse::Corrections::with_uses(&uses)).expect("analysed");
    assert_eq!(corrected.setup.stones.len(), 1);
}

#[test]
fn cli_collection_adds_three_origins_and_a_preset_of_one_renders_checks_and_reports_a_missing_model() {
    let dir = scratch("collection");
    let folder = dir.join("collection").display().to_string();
    let sample = |relative: &str| repo().join("assets").join(relative).display().to_string();
    for (file, name) in [
        (ecrin::geometry::sample_export::SAMPLE_PATH, "Bague Rose"),
        (ecrin::geometry::sample_export::RHINO_PATH, "Solitaire Lune"),
        (ecrin::geometry::sample_export::WEB_PATHS[0], "Tête ovale"),
    ] {
        let output = ecrin(&["--collection", &folder, "collection", "add", &sample(file), "--name", name]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let listed = ecrin(&["--collection", &folder, "collection", "list"]);
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(text.contains("solitaire-lune\tSolitaire Lune\tring in mm"), "{text}");
    assert!(text.contains("bague-rose\tBague Rose\tring in m"), "{text}");
    assert!(text.contains("tete-ovale\tTête ovale\thead in mm"), "{text}");
    let preset = dir.join("lune.ron").display().to_string();
    let made = ecrin(&["--collection", &folder, "collection", "new-design", "solitaire-lune", "-o", &preset]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let checked = ecrin(&["--collection", &folder, "check", &preset]);
    let text = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success() && text.contains("Solitaire Lune"), "{text}");
    let picture = dir.join("lune.png").display().to_string();
    let rendered = ecrin(&["--collection", &folder, "render", &preset, "-o", &picture, "--size", "64"]);
    assert!(rendered.status.success(), "{}", String::from_utf8_lossy(&rendered.stderr));
    let image = image::open(&picture).expect("render").to_rgba8();
    let background = *image.get_pixel(0, 0);
    assert!(image.pixels().filter(|p| **p != background).count() > 64 * 64 / 20, "the house's ring is drawn");
    // Removed from the collection: its preset says which model is missing, and nothing is written.
    let removed = ecrin(&["--collection", &folder, "collection", "remove", "solitaire-lune"]);
    assert!(removed.status.success());
    let missing = ecrin(&["--collection", &folder, "check", &preset]);
    let text = String::from_utf8_lossy(&missing.stdout);
    assert!(!missing.status.success() && text.contains("solitaire-lune"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_board_compares_presets_in_one_picture() {
    let out = scratch("board").join("board.png");
    let output = ecrin(&[
        "board",
        "presets/classic-solitaire.ron",
        "presets/rose-gold-oval-halo.ron",
        "-o",
        &out.display().to_string(),
        "--size",
        "64",
        "--prices",
        "assets/price-list.ron",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let board = image::open(&out).expect("board").to_rgba8();
    let caption = ecrin::approval::board::CAPTION;
    assert_eq!(board.dimensions(), (2 * 512 + 3 * 24, 512 + caption + 2 * 24), "two variants side by side");
    // A broken preset is named and nothing is written.
    let broken = scratch("board").join("broken.ron");
    std::fs::write(&broken, "(version: 4").expect("write");
    let again = scratch("board").join("never.png");
    let output = ecrin(&[
        "board",
        "presets/classic-solitaire.ron",
        &broken.display().to_string(),
        "-o",
        &again.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.ron:"));
    assert!(!again.exists());
}

/// Models as a user would try them: the shipped samples, and the same parts at other scales and under other names.
fn models_to_try(dir: &Path) -> Vec<PathBuf> {
    use ecrin::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
    let mut models: Vec<PathBuf> = std::fs::read_dir(repo().join("assets").join("samples"))
        .expect("samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "glb"))
        .collect();
    models.sort();
    let band = ecrin::geometry::shank::shank(ecrin::design::ShankStyle::ComfortFit);
    let head = ecrin::geometry::ring::head(ecrin::design::Setting::FourProng, ecrin::design::Cut::Oval);
    let stone = ecrin::geometry::cut::unit_polyhedron(ecrin::design::Cut::Oval).to_mesh();
    let material =
        |name| GlbMaterial { name, base_colour: [0.9, 0.6, 0.5, 1.0], metallic: 0.0, roughness: 0.3, gem: None };
    let top = glam::Vec3::Y * 10.4;
    let head_at = glam::Affine3A::from_scale_rotation_translation(glam::Vec3::splat(6.5), glam::Quat::IDENTITY, top);
    let stone_at = head_at * glam::Affine3A::from_translation(head.seat);
    // A ring, a lone head (named after the cut it holds, in rose gold) and a lone stone, in cm and m; the ring in
    // inches too.
    for (scale, unit) in [(0.1, "cm"), (0.001, "m"), (1.0 / 25.4, "in")] {
        let at = |place: glam::Affine3A| glam::Affine3A::from_scale(glam::Vec3::splat(scale)) * place;
        let files = [
            (
                "ring",
                vec![material("Rose Gold"), material("Small Diamnd")],
                vec![
                    GlbMesh { name: "Ring", material: 0, data: &band },
                    GlbMesh { name: "Ring", material: 1, data: &stone },
                ],
                vec![
                    GlbNode { name: "Ring".into(), mesh: Some(0), transform: at(glam::Affine3A::IDENTITY) },
                    GlbNode { name: "Ring".into(), mesh: Some(1), transform: at(stone_at) },
                ],
            ),
            (
                "head",
                vec![material("Rose Gold"), material("Blue Saphire")],
                vec![
                    GlbMesh { name: "Oval", material: 0, data: &head.metal },
                    GlbMesh { name: "Oval", material: 1, data: &stone },
                ],
                vec![
                    GlbNode { name: "Oval".into(), mesh: Some(0), transform: at(head_at) },
                    GlbNode { name: "Princess".into(), mesh: Some(1), transform: at(stone_at) },
                ],
            ),
            (
                "stone",
                vec![material("Emrald")],
                vec![GlbMesh { name: "Oval", material: 0, data: &stone }],
                vec![GlbNode { name: "Oval".into(), mesh: Some(0), transform: at(stone_at) }],
            ),
        ];
        for (what, materials, meshes, nodes) in files {
            // A lone head or stone a third of an inch across is as plausible in centimetres: rings only in inches.
            if unit == "in" && what != "ring" {
                continue;
            }
            let path = dir.join(format!("{what}-{unit}.glb"));
            std::fs::write(&path, write_glb(&materials, &meshes, &nodes).expect("glb")).expect("write");
            models.push(path);
        }
    }
    models
}

#[test]
fn inspect_and_collection_add_tell_one_story_of_every_model() {
    use ecrin::geometry::house::analyse::Corrections;
    use ecrin::geometry::house::inspect::inspect;
    let dir = scratch("one-story");
    let collection = ecrin::collection::Collection::at(dir.join("collection"));
    let models = models_to_try(&dir);
    assert!(models.len() >= 12, "{models:?}");
    for path in &models {
        let report = inspect(path, &Corrections::default());
        assert!(report.usable, "{}: {:?}", path.display(), report.problems);
        let manifest = collection.add(path, None, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stored = &manifest.setup;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        assert_eq!(report.kind, Some(stored.kind), "{name}");
        assert_eq!(report.units.as_deref(), Some(stored.units.as_str()), "{name}");
        let roles: Vec<_> = report.parts.iter().map(|p| p.role).collect();
        assert_eq!(roles, stored.parts.iter().map(|p| p.role).collect::<Vec<_>>(), "{name}");
        // What the made-up files are, read as a jeweller reads them.
        if let Some(unit) = ["cm", "m", "in"].into_iter().find(|u| name.ends_with(&format!("-{u}.glb"))) {
            assert_eq!(stored.units, unit, "{name}");
            let kind = format!("{:?}", stored.kind).to_lowercase();
            assert!(name.starts_with(&kind), "{name}: read as a {kind}");
            if name.starts_with("ring") {
                let inner = stored.inner_diameter_mm.expect("a finger hole");
                assert!((inner - 17.0).abs() < 0.3, "{name}: {inner}");
            }
            let metal = report.parts.iter().filter(|p| matches!(p.role, ecrin::geometry::house::PartUse::Metal(_)));
            let by_material = |p: &ecrin::geometry::house::inspect::PartReport| {
                matches!(p.reason, ecrin::geometry::house::classify::Reason::MaterialName { .. })
            };
            assert!(metal.clone().all(by_material), "{name}: {:?}", report.parts);
            assert_eq!(
                report.parts.iter().filter(|p| p.role == ecrin::geometry::house::PartUse::Stone).count(),
                1,
                "{name}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_lines_corrections_are_what_inspect_shows_and_add_stores() {
    let dir = scratch("corrections");
    let models = models_to_try(&dir);
    let ring = models.iter().find(|p| p.ends_with("ring-cm.glb")).expect("the ring in cm").display().to_string();
    let folder = dir.join("collection").display().to_string();
    let json = |args: &[&str]| -> serde_json::Value {
        let output = ecrin(args);
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {output:?}"))
    };
    // Told in mm, the ring is no ring anyone can wear: inspect says so and exits 1; add refuses with exit 2.
    let told_mm = json(&["inspect", &ring, "--units", "mm"]);
    assert_eq!(told_mm["usable"], false, "{told_mm}");
    assert_eq!(told_mm["units"], serde_json::Value::Null);
    // An inner diameter gives its scale; a part named on the command line takes the use given, with its reason.
    let args = ["--inner-diameter", "18.5", "--part", "Small Diamnd=ignore", "--as", "band"];
    let sized = json(&[&["inspect", &ring][..], &args[..]].concat());
    assert_eq!(sized["usable"], true, "{sized}");
    assert_eq!(sized["kind"], "Band");
    assert!((sized["inner_diameter_mm"].as_f64().expect("mm") - 18.5).abs() < 0.05, "{sized}");
    assert_eq!(sized["parts"][1]["role"], "LeftOut");
    assert_eq!(sized["parts"][1]["reason"]["signal"], "corrected");
    let output = ecrin(&[&["--collection", &folder, "collection", "add", &ring][..], &args[..]].concat());
    assert!(output.status.success(), "{output:?}");
    let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let manifest = ecrin::collection::Collection::at(dir.join("collection")).manifest(&id).expect("stored");
    assert_eq!(manifest.setup.kind, ecrin::geometry::house::ModelKind::Band);
    assert!((manifest.setup.inner_diameter_mm.expect("mm") - 18.5).abs() < 0.05);
    assert_eq!(manifest.setup.parts[1].role, ecrin::geometry::house::PartUse::LeftOut);
    // A name no part has, a use no one knows: refused, exit 2, the name said.
    let other = models.iter().find(|p| p.ends_with("ring-m.glb")).expect("the ring in m").display().to_string();
    let typo = ecrin(&["--collection", &folder, "collection", "add", &other, "--part", "Diamond=stone"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("“Diamond”"), "{typo:?}");
    let unknown = ecrin(&["inspect", &ring, "--part", "Ring=gem"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Ring=gem"), "{unknown:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_suggest_proposes_within_a_budget_in_both_languages_and_says_the_closest_when_nothing_fits() {
    let halo = repo().join("presets/sapphire-and-diamond-halo.ron");
    let design = preset::load(&halo).expect("the halo preset");
    let prices = repo().join("assets/price-list.ron");
    let list = ecrin::estimate::price::PriceList::load(&prices).expect("the sample list");
    let retail = list.estimate(&design).expect("priced").retail;
    let (halo, prices) = (halo.display().to_string(), prices.display().to_string());
    let rules = repo().join("assets/proposals.ron").display().to_string();
    let suggest = |lang: &str, budget: f32, keep: &str| {
        let budget = budget.round().to_string();
        let args = ["--lang", lang, "suggest", &halo, "--budget", &budget, "--prices", &prices, "--rules", &rules];
        let mut args: Vec<&str> = args.to_vec();
        if !keep.is_empty() {
            args.extend(["--keep", keep]);
        }
        ecrin(&args)
    };
    let output = suggest("en", retail * 0.8, "");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for words in ["proposed by Écrin", "1. ", "Price:", "saves", "Metal:", "Centre stone:", "Face up:", "Brilliance"] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // In French, keeping the metal's colour and the stone's size.
    let output = suggest("fr", retail * 0.8, "cut,metal-colour,size");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains("proposée") && text.contains("Prix :") && text.contains("Vue de dessus"), "{text}");
    assert!(!text.contains("pierre "), "the size is kept, yet a stone change is proposed: {text}");
    // Nothing fits: the closest is said, with its price (exit 3: a finding, not a failure).
    let output = suggest("en", 10.0, "");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{text}");
    assert!(text.contains("Nothing fits") && text.contains("the closest is"), "{text}");
    // Within already; a word no client keeps; proposals turned off by the house.
    let output = suggest("en", retail * 1.5, "");
    assert!(output.status.success() && String::from_utf8_lossy(&output.stdout).contains("within the budget"));
    let output = suggest("en", retail * 0.8, "oval");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("“oval”"), "{}", String::from_utf8_lossy(&output.stderr));
    let off = scratch("suggest").join("proposals.ron");
    std::fs::write(&off, "(version: 1, proposals: false)").expect("write");
    let budget = (retail * 0.8).round().to_string();
    let args = ["suggest", &halo, "--budget", &budget, "--prices", &prices, "--rules", &off.display().to_string()];
    let output = ecrin(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("turned Écrin's proposals off"));
}

#[test]
fn proposals_for_a_house_model_keep_its_shape_and_follow_its_rules() {
    use ecrin::design::Species;
    use ecrin::suggest::rules::ProposalRules;
    use ecrin::suggest::{Keep, Outcome, propose};
    // The Rhino sample: a house's pavé solitaire, loaded from a scratch collection as the studio loads it.
    let collection = ecrin::collection::Collection::at(scratch("suggest-house").join("collection"));
    let model = repo().join("assets").join(ecrin::geometry::sample_export::RHINO_PATH);
    let manifest = collection.add(&model, Some("Solitaire Lune"), None).expect("added");
    let design = collection.new_design(&manifest.id).expect("a design");
    collection.load(design.source.collection().expect("a house design")).expect("loaded");
    let list = ecrin::estimate::price::PriceList::load(&repo().join("assets/price-list.ron")).expect("the list");
    let retail = list.estimate(&design).expect("priced").retail;
    let rules = ProposalRules::default();
    let shown = |outcome: Outcome| match outcome {
        Outcome::Proposals(found) => found,
        other => panic!("no proposals: {other:?}"),
    };
    // Any species allowed: a lab-grown centre among the ways to 80 %; the model, its stone's size and its ring size
    // kept; each fits with the list.
    let found = shown(propose(&design, &list, retail * 0.8, Keep::default(), &rules, &[]).expect("priced"));
    assert!(found.iter().any(|p| p.design.stone.species == Species::LabGrownDiamond), "{found:?}");
    for proposal in &found {
        assert_eq!(proposal.design.source, design.source);
        assert_eq!(
            (proposal.design.stone.size_mm, proposal.design.ring_size_mm),
            (design.stone.size_mm, design.ring_size_mm)
        );
        assert!(list.estimate(&proposal.design).expect("priced").retail <= retail * 0.8);
    }
    // The house allows natural diamonds only: none is proposed lab-grown; a step of gold still is.
    let natural = propose(&design, &list, retail * 0.99, Keep::default(), &rules, &[Species::Diamond]).expect("priced");
    for proposal in shown(natural) {
        assert_eq!(proposal.design.stone.species, Species::Diamond);
        assert_eq!(proposal.design.source, design.source);
    }
}
