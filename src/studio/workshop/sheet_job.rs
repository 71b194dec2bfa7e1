//! *Bench sheet (PDF)…* in the studio: asks where (a native dialog on its own thread), then makes the sheet with
//! `ecrin bench-sheet` in a child process (its own renderer: the two views take seconds on a software renderer, and
//! the studio keeps drawing), in the advisor's language — the workshop's. A design under a hard limit is refused
//! before anything starts, each limit said with its source; the child's own refusal or failure comes back on the
//! status line in its words.

use super::WorkshopCommand;
use crate::design::preset;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::StudioSystems;
use crate::studio::floor::background::{Background, ChildEvent, ChildJob, ChildLost, Polled};
use crate::studio::floor::{CurrentDesign, Languages, StatusLine};
use crate::workshop::{Finding, checks};
use bevy::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

/// The bench sheet's dialog or its making under way (one at a time).
#[derive(Resource, Default)]
pub struct BenchSheetJob {
    dialog: Option<Background<Option<PathBuf>>>,
    running: Option<Running>,
}

struct Running {
    child: ChildJob,
    input: PathBuf,
    output: PathBuf,
}

impl BenchSheetJob {
    /// Whether a dialog is open or a sheet is being made.
    pub fn busy(&self) -> bool {
        self.dialog.is_some() || self.running.is_some()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BenchSheetJob>().add_systems(Update, (start, follow).chain().in_set(StudioSystems::Input));
}

fn start(
    mut commands: MessageReader<WorkshopCommand>,
    mut job: ResMut<BenchSheetJob>,
    current: Res<CurrentDesign>,
    languages: Option<Res<Languages>>,
    mut status: ResMut<StatusLine>,
) {
    let l = languages.map(|l| l.advisor).unwrap_or_default();
    for command in commands.read() {
        match command {
            WorkshopCommand::BenchSheet if !job.busy() => {
                let stem = crate::studio::floor::files::file_stem_for(&current.design().name);
                let name = format!("{stem}-{}.pdf", l.tr("file-bench-sheet"));
                let filter = crate::tr!(l, "dialog-bench-sheet-filter");
                job.dialog = Some(Background::thread(move |sender| {
                    let chosen = rfd::FileDialog::new().add_filter(filter, &["pdf"]).set_file_name(name).save_file();
                    let _ = sender.send(chosen);
                }));
            }
            WorkshopCommand::WriteBenchSheet(path) if !job.busy() => match begin(current.design(), path, l) {
                Ok(running) => {
                    *status = StatusLine::info(said!("status-bench-sheet-making", file = path.display().to_string()));
                    job.running = Some(running);
                }
                Err(said) => *status = StatusLine::error(said),
            },
            _ => {}
        }
    }
}

/// Refuses a design under a hard limit; otherwise writes it to a private input file and starts `ecrin bench-sheet`.
fn begin(design: &crate::design::Design, output: &std::path::Path, l: crate::i18n::Language) -> Result<Running, Said> {
    let hard: Vec<Finding> = checks(design).iter().copied().filter(Finding::is_hard).collect();
    if !hard.is_empty() {
        return Err(Said::new(move |l| crate::i18n::workshop::refused(l, &hard)));
    }
    let work = crate::studio::floor::files::user_presets_dir().with_file_name("packing");
    std::fs::create_dir_all(&work).map_err(|e| {
        said!("status-cannot-create-folder", folder = work.display().to_string(), reason = e.to_string())
    })?;
    let input = work.join(format!("bench-sheet-input-{}.ron", std::process::id()));
    preset::save(&input, design).map_err(|e| Said::new(move |l| e.in_language(l)))?;
    let args: Vec<OsString> =
        vec!["bench-sheet".into(), input.clone().into(), "-o".into(), output.into(), "--lang".into(), l.code().into()];
    let child = ChildJob::start(&args).map_err(|e| said!("status-export-cannot-start", reason = e.to_string()))?;
    Ok(Running { child, input, output: output.to_path_buf() })
}

fn follow(mut job: ResMut<BenchSheetJob>, mut next: MessageWriter<WorkshopCommand>, mut status: ResMut<StatusLine>) {
    if let Some(dialog) = &job.dialog
        && let Some(chosen) = dialog.outcome()
    {
        job.dialog = None;
        if let Some(path) = chosen.flatten() {
            next.write(WorkshopCommand::WriteBenchSheet(path));
        }
    }
    let Some(running) = job.running.as_ref() else { return };
    let mut ended = None;
    loop {
        match running.child.events.try_next() {
            Polled::Ready(ChildEvent::Line(_)) => {}
            Polled::Ready(ChildEvent::Exited { status, last_error }) => ended = Some((status, last_error)),
            Polled::Waiting => break,
            Polled::Finished => {
                ended = ended.or(Some((Err(ChildLost::Silent), None)));
                break;
            }
        }
    }
    let Some((code, last_error)) = ended else { return };
    let Some(running) = job.running.take() else { return };
    let _ = std::fs::remove_file(&running.input);
    *status = match code {
        Ok(code) if code.code() == Some(0) => {
            StatusLine::info(said!("status-bench-sheet-written", file = running.output.display().to_string()))
        }
        Ok(code) => StatusLine::error(match last_error {
            Some(line) => Said::as_written(line),
            None => said!("status-export-failed", code = code.to_string()),
        }),
        Err(ChildLost::Silent) => StatusLine::error(said!("status-export-silent")),
        Err(ChildLost::Wait(reason)) => StatusLine::error(said!("status-export-stopped", reason = reason)),
    };
}
