//! Approval packs from the studio: the pack is made by `ecrin pack` in a child process (its own renderer), so a
//! long export never freezes the studio; its progress lines drive a progress bar; Cancel asks it to stop cleanly
//! (it then leaves nothing behind). Packs go to the user's Documents folder, "Écrin approvals".

use super::StudioSystems;
use super::pricing::Pricing;
use super::state::{CurrentDesign, PackOrder, StatusLine, StudioCommand};
use crate::approval::iso_date;
use crate::approval::pack::safe_file_stem;
use crate::design::journal::now;
use crate::design::preset;
use bevy::prelude::*;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// Where approval packs are written.
pub fn approvals_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| super::presets::user_presets_dir().with_file_name("documents"))
        .join("Écrin approvals")
}

/// A folder name that does not exist yet: "<name> <date>", then "<name> <date> (2)"…
pub fn unused_folder(parent: &Path, base: &str) -> PathBuf {
    unused_path(parent, base, "")
}

/// A path that does not exist yet: "<base><extension>", then "<base> (2)<extension>"… (`extension` with its dot,
/// or empty for a folder).
pub fn unused_path(parent: &Path, base: &str, extension: &str) -> PathBuf {
    let mut candidate = parent.join(format!("{base}{extension}"));
    let mut counter = 2;
    while candidate.exists() {
        candidate = parent.join(format!("{base} ({counter}){extension}"));
        counter += 1;
    }
    candidate
}

/// The pack being written, as the panel shows it.
#[derive(Resource, Default)]
pub struct PackJob {
    running: Option<Running>,
    /// Step done, steps in all, what is being made.
    pub progress: Option<(usize, usize, String)>,
}

struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Mutex<Receiver<String>>,
    input: PathBuf,
    folder: PathBuf,
    errors: Mutex<Receiver<String>>,
}

impl PackJob {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PackJob>()
        .add_systems(Update, (start_or_cancel, follow_job).chain().after(StudioSystems::ApplyCommands));
}

fn start_or_cancel(
    mut commands: MessageReader<StudioCommand>,
    current: Res<CurrentDesign>,
    pricing: Option<Res<Pricing>>,
    mut job: ResMut<PackJob>,
    mut status: ResMut<StatusLine>,
) {
    for command in commands.read() {
        match command {
            StudioCommand::WriteApprovalPack(order) if !job.is_running() => {
                let source = pricing.as_ref().and_then(|p| p.list.is_some().then(|| p.source.clone()).flatten());
                match start(&current, order, source.as_deref()) {
                    Ok(running) => {
                        *status =
                            StatusLine::info(format!("Writing the approval pack to {}…", running.folder.display()));
                        job.progress = Some((0, 1, "starting".into()));
                        job.running = Some(running);
                    }
                    Err(message) => *status = StatusLine::error(message),
                }
            }
            StudioCommand::CancelApprovalPack => {
                if let Some(running) = job.running.as_mut()
                    && let Some(stdin) = running.stdin.as_mut()
                {
                    let _ = writeln!(stdin, "cancel");
                    let _ = stdin.flush();
                    job.progress = job.progress.take().map(|(d, t, _)| (d, t, "cancelling…".into()));
                }
            }
            _ => {}
        }
    }
}

/// Writes the design to a private input file and starts `ecrin pack` on it.
fn start(current: &CurrentDesign, order: &PackOrder, prices: Option<&Path>) -> Result<Running, String> {
    let design = current.design();
    let work = super::presets::user_presets_dir().with_file_name("packing");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: cannot create the folder: {e}", work.display()))?;
    let input = work.join(format!("pack-input-{}.ron", std::process::id()));
    let journal = if order.include_journal { current.journal.as_slice() } else { &[] };
    preset::save_with_journal(&input, design, journal).map_err(|e| e.to_string())?;
    let parent = approvals_dir();
    std::fs::create_dir_all(&parent).map_err(|e| format!("{}: cannot create the folder: {e}", parent.display()))?;
    let folder = unused_folder(&parent, &format!("{} {}", safe_file_stem(&design.name), iso_date(now())));
    let executable = std::env::current_exe().map_err(|e| format!("cannot find Écrin's own program: {e}"))?;
    let mut command = Command::new(executable);
    command.arg("pack").arg(&input).arg("--out").arg(&folder).arg("--cancel-on-stdin");
    if !order.client.trim().is_empty() {
        command.arg("--client").arg(order.client.trim());
    }
    if !order.include_journal {
        command.arg("--no-journal");
    }
    if let Some(prices) = prices {
        command.arg("--prices").arg(prices);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the export: {e}"))?;
    let (line_sender, lines) = channel();
    if let Some(stdout) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = line_sender.send(line);
            }
        });
    }
    let (error_sender, errors) = channel();
    if let Some(stderr) = child.stderr.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = error_sender.send(line);
            }
        });
    }
    let stdin = child.stdin.take();
    Ok(Running { child, stdin, lines: Mutex::new(lines), input, folder, errors: Mutex::new(errors) })
}

/// "[3/42] Side view" → (3, 42, "Side view").
pub fn parse_progress(line: &str) -> Option<(usize, usize, String)> {
    let rest = line.strip_prefix('[')?;
    let (counts, doing) = rest.split_once("] ")?;
    let (done, total) = counts.split_once('/')?;
    Some((done.parse().ok()?, total.parse().ok()?, doing.to_string()))
}

fn follow_job(mut job: ResMut<PackJob>, mut status: ResMut<StatusLine>) {
    let Some(running) = job.running.as_mut() else { return };
    let lines: Vec<String> = running.lines.lock().map(|r| r.try_iter().collect()).unwrap_or_default();
    let latest = lines.iter().rev().find_map(|line| parse_progress(line));
    let exit = running.child.try_wait();
    if let Some(progress) = latest {
        job.progress = Some(progress);
    }
    let Some(running) = job.running.as_mut() else { return };
    let finished = match exit {
        Ok(Some(code)) => Some(code),
        Ok(None) => None,
        Err(error) => {
            *status = StatusLine::error(format!("the export stopped: {error}"));
            let _ = running.child.kill();
            Some(std::process::ExitStatus::default())
        }
    };
    let Some(code) = finished else { return };
    // The child has exited: its error output ends now (the reading thread sees the end of the pipe).
    let errors: Vec<String> = running
        .errors
        .lock()
        .map(|r| {
            let mut all = Vec::new();
            while let Ok(line) = r.recv_timeout(std::time::Duration::from_millis(300)) {
                all.push(line);
            }
            all
        })
        .unwrap_or_default();
    let _ = std::fs::remove_file(&running.input);
    *status = match code.code() {
        Some(0) => StatusLine::info(format!("Approval pack written: {}", running.folder.display())),
        Some(3) => StatusLine::info("Approval pack cancelled; nothing was written"),
        _ => StatusLine::error(errors.last().cloned().unwrap_or_else(|| format!("the export failed ({code})"))),
    };
    job.running = None;
    job.progress = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines_are_read() {
        assert_eq!(parse_progress("[3/42] Side view"), Some((3, 42, "Side view".into())));
        assert_eq!(parse_progress("done: /tmp/x"), None);
    }

    #[test]
    fn pack_folders_are_never_reused() {
        let parent = std::env::temp_dir().join(format!("ecrin-unused-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&parent);
        std::fs::create_dir_all(parent.join("Ring 2026-11-23")).expect("folder");
        assert_eq!(unused_folder(&parent, "Ring 2026-11-23"), parent.join("Ring 2026-11-23 (2)"));
        std::fs::write(parent.join("Ring board.png"), b"").expect("file");
        assert_eq!(unused_path(&parent, "Ring board", ".png"), parent.join("Ring board (2).png"));
        let _ = std::fs::remove_dir_all(&parent);
    }
}
