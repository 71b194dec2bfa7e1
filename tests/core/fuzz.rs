//! Fuzzing every loader of outside data (stable Rust, no nightly): a mutation loop over a seed corpus of real
//! files — Écrin's presets, a session, the price list, a collection manifest, the user's settings and screens, and
//! house glTF exports. Bytes are flipped, cut, spliced and stuffed with huge numbers, deep nesting and wrong types;
//! glTF files are also mutated as glTF (their JSON's indices, counts, offsets and URIs; NaN and huge positions in the
//! binary chunk). Each input runs through the real loader, from a file, as the studio would; a panic, an input
//! slower than a second or one that allocates more than 256 MB at once fails the run and is kept under
//! `target/fuzz-findings/` to replay.
//!
//! CI runs a short pass with a fixed seed (`fuzz_every_loader_briefly`); a long one runs on demand:
//! `ECRIN_FUZZ_INPUTS=20000 cargo test --test core -- --ignored fuzz_every_loader_long --nocapture` (a random seed,
//! printed, or `ECRIN_FUZZ_SEED`), printing one JSON line per target.

#[path = "fuzz_alloc.rs"]
pub mod fuzz_alloc;
#[path = "fuzz_mutate.rs"]
pub mod fuzz_mutate;

use ecrin::collection::Collection;
use ecrin::design::Design;
use ecrin::geometry::house::{HouseModel, analyse, read};
use fuzz_mutate::{Rng, mutate_bytes, mutate_glb};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The most one input may take and hold at once.
const MAX_TIME: Duration = Duration::from_secs(1);
const MAX_PEAK_BYTES: usize = 256 * 1024 * 1024;

/// One loader under test: its seeds and how it reads a file.
struct Target {
    name: &'static str,
    /// The file name the loader is given (some loaders read a folder's file).
    file: &'static str,
    seeds: Vec<Vec<u8>>,
    glb: bool,
    /// Reads the file as the studio would; whether it was accepted.
    load: fn(&Path) -> bool,
}

/// What a run of one target found.
#[derive(Debug, Default)]
struct Figures {
    inputs: usize,
    accepted: usize,
    failures: Vec<String>,
    slowest: Duration,
    peak_bytes: usize,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    std::fs::read(repo().join(path.as_ref())).unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

fn targets(work: &Path) -> Vec<Target> {
    let presets: Vec<Vec<u8>> = ecrin::design::preset::list(&repo().join("presets")).iter().map(read).collect();
    let session = ecrin::design::session::Session {
        variants: ecrin::design::variants::Variants::checked(vec![Design::default(), Design::default()], 1, Some(0))
            .expect("two variants"),
        journal: Vec::new(),
    };
    let settings = ecrin::studio::language::settings::Settings::of(Default::default(), Default::default());
    let settings = ron::ser::to_string_pretty(&settings, Default::default()).expect("settings");
    let mut screens = ecrin::studio::sizer::screens::ScreenScales::default();
    screens.set("HDMI-1 1920x1080", ecrin::sizer::Calibration::from_card_width(320.0).expect("a card"));
    let screens = ron::ser::to_string_pretty(&screens, Default::default()).expect("screens");
    let glb: Vec<Vec<u8>> = ["web-stone.glb", "web-head.glb", "house-ring-rhino.glb"]
        .iter()
        .map(|f| read(Path::new("assets/samples").join(f)))
        .collect();
    let manifest = {
        let collection = Collection::at(work.join("seed-collection"));
        let sample = work.join("seed.glb");
        std::fs::write(&sample, &glb[2]).expect("seed model");
        let manifest = collection.add(&sample, Some("Seed"), None).expect("the sample joins a collection");
        manifest.to_ron().into_bytes()
    };
    vec![
        Target {
            name: "preset",
            file: "design.ron",
            seeds: presets,
            glb: false,
            load: |p| ecrin::design::preset::load_with_journal(p).is_ok(),
        },
        Target {
            name: "session",
            file: "autosave.ron",
            seeds: vec![ecrin::design::session::to_ron_string(&session).into_bytes()],
            glb: false,
            load: |p| ecrin::design::session::load(p).is_ok(),
        },
        Target {
            name: "price_list",
            file: "price-list.ron",
            seeds: vec![read("assets/price-list.ron")],
            glb: false,
            load: |p| {
                ecrin::estimate::price::PriceList::load(p).is_ok_and(|list| list.estimate(&Design::default()).is_ok())
            },
        },
        Target {
            name: "manifest",
            file: "model.ron",
            seeds: vec![manifest],
            glb: false,
            load: |p| {
                // The collection reads every `<id>.ron` of its folder.
                let folder = p.parent().expect("collection folder");
                Collection::at(folder).list().iter().all(Result::is_ok)
            },
        },
        Target {
            name: "settings",
            file: "settings.ron",
            seeds: vec![settings.into_bytes()],
            glb: false,
            load: |p| ecrin::studio::language::settings::Settings::load(p).is_some(),
        },
        Target {
            name: "screens",
            file: "screens.ron",
            seeds: vec![screens.into_bytes()],
            glb: false,
            load: |p| !ecrin::studio::sizer::screens::ScreenScales::load(p).screens.is_empty(),
        },
        Target { name: "gltf", file: "model.glb", seeds: glb, glb: true, load: import_model },
    ]
}

/// A house model through everything the studio does with one: the import report, the reader, the analysis, the
/// model built and resized. Whatever the file, a part that is weighed has a positive volume (a mirrored node or a
/// triangle turned the wrong way gives "unavailable", never a negative weight): a failure otherwise.
fn import_model(path: &Path) -> bool {
    let usable = ecrin::geometry::house::inspect::inspect(path, &Default::default()).usable;
    let Ok(parts) = read::read_parts(path) else { return false };
    let Ok(setup) = analyse::analyse(&parts, &Default::default()).map(|found| found.setup) else { return false };
    let model = HouseModel::build(&parts, &setup);
    for node in &model.model.nodes {
        let Some(mesh) = node.mesh.and_then(|m| model.model.meshes.get(m)) else { continue };
        let unweighed = model.open_metal.contains(&node.name) || model.open_stones.contains(&node.name);
        let volume = mesh.data.volume();
        assert!(unweighed || (volume.is_finite() && volume > 0.0), "{} weighed at {volume} mm³", node.name);
    }
    let made = [model.made(20.0, None), model.made(16.0, Some(7.0))];
    usable && made.iter().all(|m| !m.meshes.is_empty())
}

/// Runs `inputs` mutated inputs through one target.
fn run(target: &Target, inputs: usize, rng: &mut Rng, work: &Path, findings: &Path) -> Figures {
    let folder = work.join(target.name).join("item");
    std::fs::create_dir_all(&folder).expect("target folder");
    let path = folder.join(target.file);
    let mut figures = Figures::default();
    // The harness itself: every seed as it is loads (else the target would test nothing).
    for (index, seed) in target.seeds.iter().enumerate() {
        std::fs::write(&path, seed).expect("seed written");
        if !(target.load)(&path) {
            figures.failures.push(format!("seed {index} does not load as it is"));
        }
    }
    for index in 0..inputs {
        let seed = &target.seeds[rng.below(target.seeds.len())];
        let bytes = if target.glb && rng.below(4) != 0 {
            mutate_glb(rng, seed)
        } else {
            mutate_bytes(rng, seed, &target.seeds)
        };
        std::fs::write(&path, &bytes).expect("input written");
        fuzz_alloc::reset_peak();
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| (target.load)(&path)));
        let took = started.elapsed();
        let peak = fuzz_alloc::peak();
        figures.inputs += 1;
        figures.accepted += usize::from(matches!(outcome, Ok(true)));
        figures.slowest = figures.slowest.max(took);
        figures.peak_bytes = figures.peak_bytes.max(peak);
        let problem = match outcome {
            Err(_) => Some("panicked"),
            Ok(_) if took > MAX_TIME => Some("slower than 1 s"),
            Ok(_) if peak > MAX_PEAK_BYTES => Some("more than 256 MB"),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            std::fs::create_dir_all(findings).expect("findings folder");
            let kept = findings.join(format!("{}-{index}-{}", target.name, target.file));
            std::fs::write(&kept, &bytes).expect("finding kept");
            figures.failures.push(format!("{problem}: {}", kept.display()));
        }
    }
    figures
}

fn fuzz(inputs_per_target: usize, seed: u64, report: bool) {
    let work = std::env::temp_dir().join(format!("ecrin-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work folder");
    let findings = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-findings");
    // Panics are caught and counted; their messages would only drown the figures.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    for target in targets(&work) {
        let mut rng = Rng::new(seed ^ fuzz_mutate::hash(target.name));
        let inputs = if target.glb { inputs_per_target.div_ceil(10) } else { inputs_per_target };
        let figures = run(&target, inputs, &mut rng, &work, &findings);
        if report {
            println!(
                "{{\"target\":\"{}\",\"inputs\":{},\"accepted\":{},\"failures\":{},\"slowest_ms\":{:.1},\"peak_mb\":{:.1},\"seed\":{seed}}}",
                target.name,
                figures.inputs,
                figures.accepted,
                figures.failures.len(),
                figures.slowest.as_secs_f64() * 1000.0,
                figures.peak_bytes as f64 / 1048576.0
            );
        }
        failures.extend(figures.failures.into_iter().map(|f| format!("{}: {f}", target.name)));
    }
    std::panic::set_hook(hook);
    let _ = std::fs::remove_dir_all(&work);
    assert!(failures.is_empty(), "{} inputs failed (seed {seed}):\n{}", failures.len(), failures.join("\n"));
}

/// Every loader given what is not a file: a link to an endless device, a pipe no one writes to, a folder. Each is
/// refused at once (no loader waits on a pipe or reads a device whole) and holds next to nothing.
#[test]
fn every_loader_refuses_special_files_at_once() {
    let work = std::env::temp_dir().join(format!("ecrin-fuzz-special-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work folder");
    for target in targets(&work) {
        let folder = work.join(target.name).join("special");
        let path = folder.join(target.file);
        for special in ["/dev/zero", "/dev/urandom", "pipe", "folder"] {
            let _ = std::fs::remove_dir_all(&folder);
            std::fs::create_dir_all(&folder).expect("folder");
            let made = match special {
                "pipe" => std::process::Command::new("mkfifo").arg(&path).status().is_ok_and(|s| s.success()),
                "folder" => std::fs::create_dir(&path).is_ok(),
                device => std::os::unix::fs::symlink(device, &path).is_ok(),
            };
            if !made {
                continue;
            }
            fuzz_alloc::reset_peak();
            let started = Instant::now();
            let accepted = (target.load)(&path);
            let (took, peak) = (started.elapsed(), fuzz_alloc::peak());
            assert!(!accepted, "{}: {special} accepted", target.name);
            assert!(
                took < MAX_TIME && peak < 4 * 1024 * 1024,
                "{}: {special} took {took:?}, held {peak} bytes",
                target.name
            );
        }
    }
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn fuzz_every_loader_briefly() {
    fuzz(300, 0x00ec_5157, false);
}

#[test]
#[ignore = "long: run on demand (see the file's head)"]
fn fuzz_every_loader_long() {
    let inputs = std::env::var("ECRIN_FUZZ_INPUTS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let seed = std::env::var("ECRIN_FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    });
    fuzz(inputs, seed, true);
}

/// Replays one kept finding with its panic shown: `ECRIN_FUZZ_REPLAY=target/tmp/fuzz-findings/gltf-5-model.glb
/// cargo test --test core -- --ignored fuzz_replay --nocapture`.
#[test]
#[ignore = "on demand: replays the finding named by ECRIN_FUZZ_REPLAY"]
fn fuzz_replay() {
    let Some(finding) = std::env::var_os("ECRIN_FUZZ_REPLAY").map(PathBuf::from) else { return };
    let name = finding.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let work = std::env::temp_dir().join(format!("ecrin-fuzz-replay-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work folder");
    let target = targets(&work).into_iter().find(|t| name.starts_with(&format!("{}-", t.name))).expect("known target");
    let path = work.join(target.name).join("item").join(target.file);
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    std::fs::copy(&finding, &path).expect("finding copied");
    (target.load)(&path);
}
