//! Kill trials: writers killed with SIGKILL at a random moment — saving a preset and autosaving the session (the
//! same calls as the studio's, in a child copy of this test binary that writes without pause), adding a model to
//! the collection and writing an approval pack (the `ecrin` binary). After each kill: the file is whole and one of
//! the versions written (never half of one), the previous version survives, the autosave is offered on the next
//! start; after the next write, nothing is left behind (no temporary, no staging folder).
//!
//! More shapes: a pack replaced again and again by a child killed at a random moment, or exactly between its two
//! renames, or whose renames fail so that its rollback fails too, must leave the folder with one whole pack once the
//! next pack starts (nothing lost); and two adds of models of one name started at the same moment must both be kept
//! (`lune` and `lune-2`).
//!
//! CI runs a few trials (`killed_writers_briefly`); `ECRIN_KILL_TRIALS=100 cargo test --test core -- --ignored
//! killed_writers_long --nocapture` runs many and prints one JSON line per kind.

use super::fuzz::fuzz_mutate::{Rng, pack, unpack};
use ecrin::collection::Collection;
use ecrin::design::session::{self, Session};
use ecrin::design::variants::Variants;
use ecrin::design::{Alloy, Design};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The two versions the child writes in turn.
fn versions() -> [Design; 2] {
    let mut platinum = Design::default();
    platinum.metal.alloy = Alloy::Platinum950;
    [Design::default(), platinum]
}

fn session_of(design: &Design) -> Session {
    Session { variants: Variants::single(design.clone()), journal: Vec::new() }
}

/// The child: saves the preset and autosaves the session, alternating versions, until it is killed.
#[test]
#[ignore = "the kill trials' child: runs only when they start it"]
fn kill_child_writes_until_killed() {
    let Some(dir) = std::env::var_os("ECRIN_KILL_CHILD").map(PathBuf::from) else { return };
    let versions = versions();
    for turn in 0.. {
        let design = &versions[turn % 2];
        ecrin::design::preset::save(&dir.join("design.ron"), design).expect("saved");
        let text = session::to_ron_string(&session_of(design));
        ecrin::atomic_file::write_atomically(&dir.join("autosave.ron"), text.as_bytes()).expect("autosaved");
    }
}

/// The pack child: replaces one pack again and again (a record and a picture saying which turn wrote it), until it is
/// killed — so that kills land anywhere, between the two renames of a replace too.
#[test]
#[ignore = "the kill trials' child: runs only when they start it"]
fn kill_child_replaces_a_pack_until_killed() {
    use ecrin::approval::pack::PackWriter;
    let Some(out) = std::env::var_os("ECRIN_KILL_PACK_CHILD").map(PathBuf::from) else { return };
    for turn in 0u64.. {
        let writer = PackWriter::begin(&out, true).expect("begun");
        writer.write("picture.png", format!("turn {turn}").as_bytes()).expect("written");
        writer
            .write(ecrin::approval::clients::RECORD_FILE, b"(version: 1, client: None, design: \"x\", date: \"x\")")
            .expect("record");
        writer.finish().expect("finished");
    }
}

fn temporaries(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walk(dir) {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.ends_with(".tmp") || name.contains(".partial-") || name.contains(".old-") {
            found.push(entry.display().to_string());
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

fn kill_after(mut child: Child, delay: Duration) {
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

/// What the trials of one kind found.
#[derive(Default)]
struct Figures {
    trials: usize,
    problems: Vec<String>,
    /// Kills that landed while something was being written (a temporary or staging left behind).
    mid_write: usize,
    /// Kills that landed between a replace's two renames (the old pack set aside, the new one not yet in place).
    between_renames: usize,
}

fn save_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let mut figures = Figures::default();
    let versions = versions();
    let dir = work.join("save");
    std::fs::create_dir_all(&dir).expect("folder");
    for trial in 0..trials {
        let child = Command::new(std::env::current_exe().expect("this binary"))
            .args(["--exact", "kill::kill_child_writes_until_killed", "--ignored", "--test-threads=1"])
            .env("ECRIN_KILL_CHILD", &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child started");
        let started = Instant::now();
        let written = |name: &str| dir.join(name).exists();
        while !(written("design.ron") && written("autosave.ron")) && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
        kill_after(child, Duration::from_micros(rng.below(30_000) as u64));
        figures.trials += 1;
        figures.mid_write += usize::from(!temporaries(&dir).is_empty());
        match ecrin::design::preset::load(&dir.join("design.ron")) {
            Ok(design) if versions.contains(&design) => {}
            Ok(_) => figures.problems.push(format!("trial {trial}: the preset is neither version")),
            Err(error) => figures.problems.push(format!("trial {trial}: {error}")),
        }
        // The next start offers the session back: it reads whole.
        match session::load(&dir.join("autosave.ron")) {
            Ok(found) if versions.contains(found.variants.active_design()) => {}
            Ok(_) => figures.problems.push(format!("trial {trial}: the autosave is neither version")),
            Err(error) => figures.problems.push(format!("trial {trial}: {error}")),
        }
        // The next writes clear what the killed one left.
        ecrin::design::preset::save(&dir.join("design.ron"), &versions[0]).expect("saved");
        let text = session::to_ron_string(&session_of(&versions[0]));
        ecrin::atomic_file::write_atomically(&dir.join("autosave.ron"), text.as_bytes()).expect("autosaved");
        let left = temporaries(&dir);
        if !left.is_empty() {
            figures.problems.push(format!("trial {trial}: left behind {left:?}"));
        }
    }
    figures
}

fn ecrin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecrin"));
    command.env("LANG", "en_GB.UTF-8").stdout(Stdio::null()).stderr(Stdio::null());
    command
}

/// A model the collection has not seen: the sample with another generator name (another hash).
fn fresh_model(dir: &Path, trial: usize) -> PathBuf {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/house-ring-rhino.glb");
    let (mut json, bin) = unpack(&std::fs::read(sample).expect("sample")).expect("a GLB");
    json["asset"]["generator"] = serde_json::json!(format!("kill trial {trial}"));
    let path = dir.join(format!("ring-{trial}.glb"));
    std::fs::write(&path, pack(&json, &bin)).expect("model");
    path
}

/// Every manifest names a whole copy (its hash is the file's).
fn collection_problems(collection: &Collection) -> Vec<String> {
    let mut problems = Vec::new();
    for listed in collection.list() {
        match listed {
            Ok(manifest) => {
                let bytes = std::fs::read(collection.model_path(&manifest)).unwrap_or_default();
                if blake3::hash(&bytes).to_hex().as_str() != manifest.hash {
                    problems.push(format!("{}: the stored copy is not whole", manifest.id));
                }
            }
            Err(error) => problems.push(error.to_string()),
        }
    }
    problems
}

fn collection_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let mut figures = Figures::default();
    let dir = work.join("collection");
    let models = work.join("models");
    std::fs::create_dir_all(&models).expect("folder");
    let add = |model: &Path| {
        let mut command = ecrin();
        command.arg("collection").arg("--collection").arg(&dir).arg("add").arg(model);
        command
    };
    let started = Instant::now();
    let whole = add(&fresh_model(&models, 0)).status().expect("an add");
    assert!(whole.success(), "an add left alone succeeds");
    let takes = started.elapsed();
    for trial in 1..=trials {
        let child = add(&fresh_model(&models, trial)).spawn().expect("add started");
        kill_after(child, takes.mul_f64(rng.below(1000) as f64 / 1000.0));
        figures.trials += 1;
        figures.mid_write += usize::from(!temporaries(&dir).is_empty());
        figures
            .problems
            .extend(collection_problems(&Collection::at(&dir)).into_iter().map(|p| format!("trial {trial}: {p}")));
    }
    let next = add(&fresh_model(&models, trials + 1)).status().expect("the next add");
    assert!(next.success());
    let left = temporaries(&dir);
    if !left.is_empty() {
        figures.problems.push(format!("after the next add: left behind {left:?}"));
    }
    figures
}

fn pack_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let mut figures = Figures::default();
    let dir = work.join("approvals");
    std::fs::create_dir_all(&dir).expect("folder");
    let preset = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets/classic-solitaire.ron");
    let pack = |out: &Path| {
        let mut command = ecrin();
        command.arg("pack").arg(&preset).arg("--out").arg(out).arg("--replace");
        command.args(["--size", "96", "--supersample", "1", "--turntable", "4", "--turntable-size", "64"]);
        command
    };
    let complete = dir.join("complete");
    let started = Instant::now();
    assert!(pack(&complete).status().expect("a pack").success(), "a pack left alone is written");
    let takes = started.elapsed();
    let names = |folder: &Path| {
        let mut names: Vec<String> =
            walk(folder).iter().filter_map(|p| p.strip_prefix(folder).ok()).map(|p| p.display().to_string()).collect();
        names.sort();
        names
    };
    let whole = names(&complete);
    let out = dir.join("pack");
    for trial in 0..trials {
        let child = pack(&out).spawn().expect("pack started");
        kill_after(child, takes.mul_f64(rng.below(1000) as f64 / 1000.0));
        figures.trials += 1;
        figures.mid_write += usize::from(!temporaries(&dir).is_empty());
        if out.exists() && names(&out) != whole {
            figures.problems.push(format!("trial {trial}: a pack is there but not whole: {:?}", names(&out)));
        }
    }
    assert!(pack(&out).status().expect("the next pack").success());
    let left = temporaries(&dir);
    if !left.is_empty() {
        figures.problems.push(format!("after the next pack: left behind {left:?}"));
    }
    figures
}

fn replace_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let mut figures = Figures::default();
    let dir = work.join("replaced");
    std::fs::create_dir_all(&dir).expect("folder");
    let out = dir.join("Bague");
    for trial in 0..trials {
        let child = Command::new(std::env::current_exe().expect("this binary"))
            .args(["--exact", "kill::kill_child_replaces_a_pack_until_killed", "--ignored", "--test-threads=1"])
            .env("ECRIN_KILL_PACK_CHILD", &out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child started");
        let started = Instant::now();
        while !out.exists() && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
        kill_after(child, Duration::from_micros(rng.below(20_000) as u64));
        figures.trials += 1;
        figures.mid_write += usize::from(!temporaries(&dir).is_empty());
        figures.between_renames += usize::from(!out.exists());
        // The next pack in the folder puts right what the killed one left: one whole pack, never none.
        let picture = pack_after_the_next(&dir, &out, trial, &mut figures);
        if !picture.starts_with("turn ") {
            figures.problems.push(format!("trial {trial}: the pack is lost or not whole ({picture:?})"));
        }
    }
    figures
}

/// Starts the next pack in `dir` (which puts right what a killed writer left) and reads the pack at `out`: which
/// turn wrote its picture ("" when it is lost or has no record). What is left behind is a problem.
fn pack_after_the_next(dir: &Path, out: &Path, trial: usize, figures: &mut Figures) -> String {
    drop(ecrin::approval::pack::PackWriter::begin(&dir.join("next"), false).expect("the next pack"));
    let left = temporaries(dir);
    if !left.is_empty() {
        figures.problems.push(format!("trial {trial}: left behind {left:?}"));
    }
    let record = out.join(ecrin::approval::clients::RECORD_FILE).is_file();
    if record { std::fs::read_to_string(out.join("picture.png")).unwrap_or_default() } else { String::new() }
}

/// The pack child (`kill_child_replaces_a_pack_until_killed`) run under `strace`, whose fault injection `inject`
/// (the tail of `-e inject=rename,…:`) acts on its renames; `None` where strace is not installed (`.ci/run`
/// installs it: the trials are then skipped, and said).
fn pack_child_under_strace(out: &Path, inject: &str) -> Option<std::process::ExitStatus> {
    if !Command::new("strace").arg("-V").stdout(Stdio::null()).status().is_ok_and(|s| s.success()) {
        eprintln!("strace is not installed: the pack trials with injected faults are not tried");
        return None;
    }
    let syscalls = "rename,renameat,renameat2";
    let status = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e"])
        .arg(format!("trace={syscalls}"))
        .arg("-e")
        .arg(format!("inject={syscalls}:{inject}"))
        .arg(std::env::current_exe().expect("this binary"))
        .args(["--exact", "kill::kill_child_replaces_a_pack_until_killed", "--ignored", "--test-threads=1"])
        .env("ECRIN_KILL_PACK_CHILD", out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("strace ran");
    Some(status)
}

/// Pack trials under injected faults: the child's `n`-th rename (odd `n` from 3: the second rename of turn
/// (n − 1) / 2, when the old pack is set aside and the new one, whole, not yet moved in) meets `inject(n)`; then the
/// next pack starts, and the pack in place must be the turn `expected(n)` wrote.
fn injected_trials(
    trials: usize,
    rng: &mut Rng,
    dir: &Path,
    inject: impl Fn(usize) -> String,
    expected: impl Fn(usize) -> usize,
) -> Figures {
    let mut figures = Figures::default();
    for trial in 0..trials {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).expect("folder");
        let out = dir.join("Bague");
        let nth = 3 + 2 * rng.below(6);
        let Some(status) = pack_child_under_strace(&out, &inject(nth)) else { return figures };
        figures.trials += 1;
        figures.mid_write += usize::from(!temporaries(dir).is_empty());
        figures.between_renames += usize::from(!out.exists());
        if status.success() {
            figures.problems.push(format!("trial {trial}: the fault did not stop the child ({status})"));
        }
        let picture = pack_after_the_next(dir, &out, trial, &mut figures);
        let turn = expected(nth);
        if picture != format!("turn {turn}") {
            figures
                .problems
                .push(format!("trial {trial}: after rename {nth}, the pack is {picture:?}, not turn {turn}"));
        }
    }
    figures
}

/// The child killed exactly between a replace's two renames (`strace` sends SIGKILL as it enters rename `n`): the
/// next pack moves the new, whole pack in.
fn between_renames_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let dir = work.join("between-renames");
    injected_trials(trials, rng, &dir, |nth| format!("signal=SIGKILL:when={nth}"), |nth| (nth - 1) / 2)
}

/// A replace whose second rename fails and whose rollback fails too (every rename from the `n`-th fails with EIO):
/// the writer gives up with the old pack set aside (`.NAME.old-PID`); the next pack brings it back — the previous
/// pack is never lost.
fn failed_rollback_trials(trials: usize, rng: &mut Rng, work: &Path) -> Figures {
    let dir = work.join("failed-rollback");
    injected_trials(trials, rng, &dir, |nth| format!("error=EIO:when={nth}+"), |nth| (nth - 1) / 2 - 1)
}

/// Two adds of different models under one name at the same moment (two processes): both kept, under two ids.
fn racing_add_trials(trials: usize, _rng: &mut Rng, work: &Path) -> Figures {
    let mut figures = Figures::default();
    let models = work.join("racing-models");
    std::fs::create_dir_all(&models).expect("folder");
    for trial in 0..trials {
        let dir = work.join(format!("racing-{trial}"));
        let add = |model: &Path| {
            let mut command = ecrin();
            command.arg("collection").arg("--collection").arg(&dir).arg("add").arg(model).args(["--name", "Lune"]);
            command.stdout(Stdio::piped());
            command.spawn().expect("add started")
        };
        let (a, b) = (fresh_model(&models, 2 * trial + 1000), fresh_model(&models, 2 * trial + 1001));
        let children = [add(&a), add(&b)];
        let mut ids: Vec<String> = children
            .into_iter()
            .filter_map(|child| child.wait_with_output().ok())
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
            .collect();
        ids.sort();
        figures.trials += 1;
        let listed: Vec<String> = Collection::at(&dir).list().into_iter().flatten().map(|m| m.id).collect();
        if ids != ["lune", "lune-2"] || listed.len() != 2 {
            figures.problems.push(format!("trial {trial}: printed {ids:?}, listed {listed:?}"));
        }
        figures
            .problems
            .extend(collection_problems(&Collection::at(&dir)).into_iter().map(|p| format!("trial {trial}: {p}")));
    }
    figures
}

fn trials(save: usize, collection: usize, packs: usize, seed: u64, report: bool) {
    let work = std::env::temp_dir().join(format!("ecrin-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let mut rng = Rng::new(seed);
    let mut problems = Vec::new();
    for (kind, run) in [
        ("save_and_autosave", save_trials as fn(usize, &mut Rng, &Path) -> Figures),
        ("collection_add", collection_trials),
        ("approval_pack", pack_trials),
        ("pack_replaced", replace_trials),
        ("racing_adds", racing_add_trials),
        ("killed_between_renames", between_renames_trials),
        ("failed_rollback", failed_rollback_trials),
    ] {
        let count = match kind {
            "save_and_autosave" => save,
            "collection_add" => collection,
            "pack_replaced" => save,
            "racing_adds" | "killed_between_renames" | "failed_rollback" => collection,
            _ => packs,
        };
        if count == 0 {
            continue;
        }
        let figures = run(count, &mut rng, &work);
        if report {
            println!(
                "{{\"kind\":\"{kind}\",\"trials\":{},\"killed_mid_write\":{},\"between_renames\":{},\"problems\":{},\"seed\":{seed}}}",
                figures.trials,
                figures.mid_write,
                figures.between_renames,
                figures.problems.len()
            );
        }
        problems.extend(figures.problems.into_iter().map(|p| format!("{kind}: {p}")));
    }
    let _ = std::fs::remove_dir_all(&work);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn killed_writers_briefly() {
    trials(8, 2, 0, 0x0c1d, false);
}

#[test]
#[ignore = "long: run on demand (see the file's head)"]
fn killed_writers_long() {
    let count = std::env::var("ECRIN_KILL_TRIALS").ok().and_then(|n| n.parse().ok()).unwrap_or(100);
    let seed = std::env::var("ECRIN_KILL_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(1);
    // The count is shared: most are saves and autosaves (fast), a fifth collection adds, a tenth packs.
    trials(count - count / 5 - count / 10, count / 5, count / 10, seed, true);
}
