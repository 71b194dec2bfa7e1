//! Écrin never opens a network connection: every network system call of a render and of a studio session (under
//! Xvfb) is traced (`strace -f -e trace=%network`), and only local sockets may appear — the X server's and D-Bus's
//! Unix sockets, the kernel's netlink. And a render made with no network at all (`unshare -rn`: a namespace with
//! only a downed loopback) is the same picture, byte for byte.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How long the traced studio runs (start-up, the first frames and a little idle time).
const STUDIO_SECONDS: u32 = 30;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-network-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    dir
}

fn preset() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets/classic-solitaire.ron")
}

/// The address families of every network call in a trace that are not local (Unix sockets, netlink).
fn remote_calls(trace: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(trace).expect("the trace");
    let mut calls = 0;
    let mut remote = Vec::new();
    for line in text.lines() {
        let families: Vec<&str> = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|word| word.starts_with("AF_") || word.starts_with("PF_"))
            .collect();
        if families.is_empty() {
            continue;
        }
        calls += 1;
        if families.iter().any(|f| !matches!(*f, "AF_UNIX" | "AF_LOCAL" | "AF_NETLINK" | "PF_UNIX" | "PF_NETLINK")) {
            remote.push(line.to_string());
        }
    }
    (calls, remote)
}

fn traced(trace: &Path) -> Command {
    let mut command = Command::new("strace");
    command.args(["-f", "-qq", "-e", "trace=%network", "-o"]).arg(trace);
    command
}

/// The studio under Xvfb with `args`, its system calls of the kinds `calls` traced into `trace`, its home (and its
/// caches) in `home`; `timeout` ends it (as the advisor closing it would) after it has drawn for a while.
fn traced_studio(trace: &Path, calls: &str, args: &[std::ffi::OsString], home: &Path) -> std::process::ExitStatus {
    Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24"])
        .arg("strace")
        .args(["-f", "-qq", "-e", &format!("trace={calls}"), "-o"])
        .arg(trace)
        .args(["timeout", "-s", "KILL", &STUDIO_SECONDS.to_string()])
        .arg(env!("CARGO_BIN_EXE_ecrin"))
        .arg("studio")
        .args(args)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("xvfb-run runs (the CI installs it)")
}

#[test]
fn a_render_and_a_studio_session_open_no_network_connection() {
    let dir = scratch("trace");
    let trace = dir.join("render.trace");
    let picture = dir.join("render.png");
    let status = traced(&trace)
        .arg(env!("CARGO_BIN_EXE_ecrin"))
        .arg("render")
        .arg(preset())
        .arg("-o")
        .arg(&picture)
        .args(["--size", "96"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("strace runs (the CI installs it)");
    assert!(status.success() && picture.exists(), "the render ran under strace");
    let (_, remote) = remote_calls(&trace);
    assert!(remote.is_empty(), "a render used the network: {remote:?}");

    // The studio, opened on a preset under Xvfb, drawing for a while, then closed.
    let trace = dir.join("studio.trace");
    let status = traced_studio(&trace, "%network", &[preset().into_os_string()], &dir);
    assert!(status.code().is_some(), "the traced session ended");
    let (calls, remote) = remote_calls(&trace);
    assert!(calls > 0, "the studio's session was traced (its connection to the X server at least)");
    assert!(remote.is_empty(), "the studio used the network: {remote:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_render_with_no_network_at_all_is_the_same_picture() {
    if !Command::new("unshare").args(["-rn", "true"]).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: `unshare -rn` is not allowed here (no user namespaces)");
        return;
    }
    let dir = scratch("offline");
    let render = |wrapper: Option<&str>, out: &Path| {
        let mut command = match wrapper {
            Some(wrapper) => {
                let mut command = Command::new("unshare");
                command.arg(wrapper).arg(env!("CARGO_BIN_EXE_ecrin"));
                command
            }
            None => Command::new(env!("CARGO_BIN_EXE_ecrin")),
        };
        let status = command
            .arg("render")
            .arg(preset())
            .arg("-o")
            .arg(out)
            .args(["--size", "96"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("ecrin runs");
        assert!(status.success(), "{wrapper:?}");
        std::fs::read(out).expect("the picture")
    };
    let online = render(None, &dir.join("online.png"));
    let offline = render(Some("-rn"), &dir.join("offline.png"));
    let (a, b) = (image::load_from_memory(&online).expect("png"), image::load_from_memory(&offline).expect("png"));
    assert_eq!(a.to_rgba8(), b.to_rgba8(), "the same picture without a network");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The files a trace shows written, created, renamed, removed or made (successful calls only; the system's
/// devices and pseudo-files aside).
fn files_written(trace: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(trace).expect("the trace");
    let writes = ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"];
    let changes = ["rename", "unlink", "mkdir", "truncate", "link(", "linkat(", "symlink"];
    text.lines()
        .filter(|line| !line.contains("= -1"))
        .filter(|line| {
            let call = line.split_whitespace().nth(1).unwrap_or("");
            (call.starts_with("open") && writes.iter().any(|w| line.contains(w)))
                || changes.iter().any(|c| call.starts_with(c))
        })
        .filter_map(|line| line.split('"').nth(1).map(str::to_string))
        .filter(|path| !["/dev/", "/proc/", "/sys/"].iter().any(|p| path.starts_with(p)))
        .collect()
}

#[test]
fn a_try_on_session_writes_nothing_and_sends_nothing() {
    // The try-on on a photo (the hand found, the ring drawn over it while the worker follows it), and the try-on
    // asked of the first camera (none here: it is looked for and the studio says so; a camera's frames would take
    // the same path as the photo's). Without the advisor's consent nothing may be kept: the only files written may
    // be the graphics driver's shader cache and Écrin's baked lighting (`bake_cache`: environments, nothing of the
    // client).
    let dir = scratch("try-on");
    // Hands in a picture: the README's (three rendered hands).
    let photo = dir.join("hands.png");
    std::fs::copy(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/readme/try-on.png"), &photo).expect("copied");
    let before: Vec<_> = std::fs::read_dir(&dir).expect("folder").flatten().map(|e| e.file_name()).collect();
    for (name, args) in [("photo", vec![photo.into_os_string()]), ("camera", vec!["--camera".into(), "0".into()])] {
        let trace = dir.join(format!("{name}.trace"));
        let status = traced_studio(&trace, "%network,%file", &args, &dir);
        assert!(status.code().is_some(), "the traced {name} session ended");
        let text = std::fs::read_to_string(&trace).expect("the trace");
        assert!(text.contains("hand_landmark_full.onnx"), "the {name} session started the try-on (read the model)");
        let (calls, remote) = remote_calls(&trace);
        assert!(calls > 0 && remote.is_empty(), "the {name} session used the network: {remote:?}");
        let cache = dir.join("cache").to_string_lossy().into_owned();
        let written: Vec<String> = files_written(&trace)
            .into_iter()
            .filter(|path| {
                let kept = |folder: &str| path.starts_with(&format!("{cache}/{folder}"));
                !(*path == cache
                    || kept("mesa_shader_cache")
                    || kept("ecrin/bakes")
                    || *path == format!("{cache}/ecrin"))
            })
            .collect();
        assert!(written.is_empty(), "the {name} session wrote files: {written:?}");
        let _ = std::fs::remove_file(&trace);
    }
    let after: Vec<_> = std::fs::read_dir(&dir).expect("folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(after.iter().filter(|f| *f != "cache").count(), before.len(), "{after:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
