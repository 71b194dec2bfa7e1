//! Faults of the disk and the file system, each with a message that names the place and nothing already saved
//! lost: a full disk and a read-only folder (a small tmpfs of their own, mounted in a private mount namespace —
//! `unshare -rm`, no privilege needed —), a file where a folder should be, a folder that disappears while a pack is
//! written, a symbolic link that loops. The writers are the studio's own: presets, the autosave, the approval pack,
//! the collection.

use ecrin::approval::pack::PackWriter;
use ecrin::collection::Collection;
use ecrin::design::preset;
use ecrin::design::{Alloy, Design};
use std::path::{Path, PathBuf};
use std::process::Command;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-faults-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    dir
}

fn saved() -> Design {
    Design::default()
}

fn changed() -> Design {
    let mut design = Design::default();
    design.metal.alloy = Alloy::Platinum950;
    design
}

/// A save to `path` fails with a message naming it, and the design saved there before is still whole.
fn save_refused_keeping_the_old(path: &Path, place: &str) {
    let error = preset::save(path, &changed()).expect_err("the save cannot succeed");
    let message = error.to_string();
    assert!(message.contains(place), "the message names {place}: {message}");
    if path.exists() {
        assert_eq!(preset::load(path).expect("the old file reads"), saved(), "the old file is untouched");
    }
    println!("{{\"fault\":\"{}\",\"message\":{message:?}}}", path.display());
}

#[test]
fn a_file_where_a_folder_should_be_a_vanishing_folder_and_a_looping_link_are_each_told_by_name() {
    let dir = folder("paths");
    // A file where a folder should be.
    std::fs::write(dir.join("approvals"), b"a file").expect("file");
    let inside = dir.join("approvals").join("design.ron");
    save_refused_keeping_the_old(&inside, "approvals/design.ron");
    let error = PackWriter::begin(&dir.join("approvals").join("Bague"), false).err().expect("no pack in a file");
    assert!(error.to_string().contains("approvals"), "{error}");

    // A folder that disappears while the pack is written.
    let approvals = dir.join("gone");
    let writer = PackWriter::begin(&approvals.join("Bague"), false).expect("begun");
    writer.write("a.png", b"first").expect("first file");
    std::fs::remove_dir_all(&approvals).expect("the folder goes");
    let error = writer.write("b.png", b"second").expect_err("the folder is gone");
    assert!(error.to_string().contains("gone/Bague"), "{error}");
    assert!(writer.finish().is_err());
    assert!(!approvals.exists(), "nothing made up in its place");

    // A link that loops.
    #[cfg(unix)]
    {
        let looping = dir.join("loop");
        std::os::unix::fs::symlink(&looping, &looping).expect("link");
        save_refused_keeping_the_old(&looping.join("design.ron"), "loop/design.ron");
        let error = preset::load(&looping).expect_err("no preset through a loop");
        assert!(error.to_string().contains("loop"), "{error}");
        let listed = Collection::at(&looping).list();
        assert!(listed.is_empty(), "a collection through a loop lists nothing: {listed:?}");
        let report = ecrin::geometry::house::inspect::inspect(&looping.join("ring.glb"), &Default::default());
        assert!(!report.usable && !report.problems.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether this machine lets an unprivileged process mount a tmpfs of its own.
fn namespaces_allowed() -> bool {
    Command::new("unshare").args(["-rm", "true"]).status().is_ok_and(|s| s.success())
}

#[test]
fn a_full_disk_and_a_read_only_folder_are_told_by_name_and_lose_nothing() {
    if !namespaces_allowed() {
        eprintln!("skipped: `unshare -rm` is not allowed here (no user namespaces), so no tmpfs can be mounted");
        return;
    }
    let output = Command::new("unshare")
        .arg("-rm")
        .arg(std::env::current_exe().expect("this binary"))
        .args(["--exact", "faults::full_and_read_only_disks_inside_a_namespace", "--ignored", "--nocapture"])
        .env("ECRIN_FAULTS_INSIDE", "1")
        .output()
        .expect("the namespace ran");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && said.contains("1 passed"),
        "{said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn mount(args: &[&str]) {
    let status = Command::new("mount").args(args).status().expect("mount ran");
    assert!(status.success(), "mount {args:?}");
}

/// Inside a private mount namespace (started by the test above): a 512 kB tmpfs filled up, then made read-only.
#[test]
#[ignore = "runs inside `unshare -rm`, started by a_full_disk_and_a_read_only_folder_are_told_by_name_and_lose_nothing"]
fn full_and_read_only_disks_inside_a_namespace() {
    if std::env::var_os("ECRIN_FAULTS_INSIDE").is_none() {
        return;
    }
    let dir = folder("disk");
    mount(&["-t", "tmpfs", "-o", "size=512k", "tmpfs", &dir.display().to_string()]);
    let preset_path = dir.join("design.ron");
    preset::save(&preset_path, &saved()).expect("saved before the disk fills");
    let autosave = dir.join("autosave.ron");
    let session = ecrin::design::session::Session {
        variants: ecrin::design::variants::Variants::single(saved()),
        journal: Vec::new(),
    };
    let text = ecrin::design::session::to_ron_string(&session);
    ecrin::atomic_file::write_atomically(&autosave, text.as_bytes()).expect("autosaved");
    // Fill the disk.
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    while std::io::Write::write_all(&mut file, &[0u8; 4096]).is_ok() {}
    drop(file);

    save_refused_keeping_the_old(&preset_path, "design.ron");
    let big = ecrin::design::session::to_ron_string(&ecrin::design::session::Session {
        variants: ecrin::design::variants::Variants::checked(vec![changed(); 4], 0, None).expect("variants"),
        journal: Vec::new(),
    });
    assert!(ecrin::atomic_file::write_atomically(&autosave, big.as_bytes()).is_err(), "the autosave cannot grow");
    let back = ecrin::design::session::load(&autosave).expect("the last autosave reads");
    assert_eq!(back.variants.active_design(), &saved(), "the last autosave is kept whole");
    let writer = PackWriter::begin(&dir.join("Bague"), false);
    let error = match writer {
        Ok(writer) => writer.write("Bague-face.png", &vec![7u8; 1 << 20]).expect_err("no room for a picture"),
        Err(error) => error,
    };
    assert!(error.to_string().contains("Bague"), "{error}");
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/web-stone.glb");
    let error = Collection::at(dir.join("collection")).add(&sample, None, None).expect_err("no room for a model");
    assert!(error.to_string().contains("collection"), "{error}");
    let left: Vec<_> = std::fs::read_dir(&dir).expect("list").flatten().map(|e| e.file_name()).collect();
    assert!(
        left.iter().all(|n| !n.to_string_lossy().contains(".partial-") && !n.to_string_lossy().ends_with(".tmp")),
        "nothing half-written left: {left:?}"
    );

    // The same folder read-only.
    std::fs::remove_file(&filler).expect("room again");
    mount(&["-o", "remount,ro", &dir.display().to_string()]);
    save_refused_keeping_the_old(&preset_path, "design.ron");
    let error = PackWriter::begin(&dir.join("Bague"), false).err().expect("no pack on a read-only disk");
    // The folder asked for is named, not the hidden staging folder beside it.
    let said = error.to_string();
    assert!(said.contains(&dir.join("Bague").display().to_string()) && !said.contains(".partial-"), "{said}");
}
