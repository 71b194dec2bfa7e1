//! The bench hand-off in the studio: the workshop's checks in the panel (`panel.rs`) and *Export for the bench…*,
//! which asks where (a native dialog on its own thread) and writes the metal (STL or 3MF) and the stone list off the
//! frame (`crate::workshop::files`), saying on the status line what was written or, for a design under a hard limit,
//! each limit and its source. The export is refused by the core, not only by a greyed button. *Bench sheet (PDF)…*
//! makes the sheet alone (`sheet_job.rs`), as the approval pack makes it beside the client's documents.

pub mod panel;
pub mod sheet;
pub mod sheet_job;

use crate::studio::StudioSystems;
use crate::studio::floor::background::Background;
use crate::studio::floor::{CurrentDesign, Languages, StatusLine};
use crate::workshop::BenchFileError;
use bevy::prelude::*;
use std::path::PathBuf;

/// What the advisor asks of the bench hand-off.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum WorkshopCommand {
    /// Ask where to write the metal (a native dialog), then write it.
    ExportModel,
    /// Write the metal and the stone list to this file (`.stl` or `.3mf`).
    WriteModel(PathBuf),
    /// Ask where to write the bench sheet (a native dialog), then make it.
    BenchSheet,
    /// Make the bench sheet (PDF, the advisor's language) into this file.
    WriteBenchSheet(PathBuf),
}

crate::carried!(WorkshopCommand);

/// The dialog or the writing under way (one at a time).
#[derive(Resource, Default)]
pub struct BenchExport {
    dialog: Option<Background<Option<PathBuf>>>,
    writing: Option<Background<Result<Vec<PathBuf>, BenchFileError>>>,
}

impl BenchExport {
    /// Whether a dialog is open or files are being written.
    pub fn busy(&self) -> bool {
        self.dialog.is_some() || self.writing.is_some()
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<BenchExport>()
        .add_message::<WorkshopCommand>()
        .add_plugins(sheet_job::plugin)
        .add_systems(Update, (carry_out_commands, receive).chain().in_set(StudioSystems::Input));
}

fn carry_out_commands(
    mut commands: MessageReader<WorkshopCommand>,
    mut export: ResMut<BenchExport>,
    current: Res<CurrentDesign>,
    languages: Option<Res<Languages>>,
) {
    let l = languages.map(|l| l.advisor).unwrap_or_default();
    for command in commands.read() {
        if export.busy() {
            continue;
        }
        match command {
            WorkshopCommand::ExportModel => {
                let (filter, name) = (crate::tr!(l, "dialog-bench-filter"), bench_file_name(&current.design().name));
                export.dialog = Some(Background::thread(move |sender| {
                    let chosen =
                        rfd::FileDialog::new().add_filter(filter, &["stl", "3mf"]).set_file_name(name).save_file();
                    let _ = sender.send(chosen);
                }));
            }
            WorkshopCommand::WriteModel(path) => {
                let (design, path) = (current.design().clone(), path.clone());
                export.writing = Some(Background::compute(move || crate::workshop::write_bench_files(&design, &path)));
            }
            // The sheet's own system (`sheet_job.rs`) makes it.
            WorkshopCommand::BenchSheet | WorkshopCommand::WriteBenchSheet(_) => {}
        }
    }
}

/// The suggested file: the design's name as a file stem, in STL.
fn bench_file_name(design_name: &str) -> String {
    format!("{}.stl", crate::studio::floor::files::file_stem_for(design_name))
}

fn receive(mut export: ResMut<BenchExport>, mut next: MessageWriter<WorkshopCommand>, mut status: ResMut<StatusLine>) {
    if let Some(dialog) = &export.dialog
        && let Some(chosen) = dialog.outcome()
    {
        export.dialog = None;
        if let Some(path) = chosen.flatten() {
            next.write(WorkshopCommand::WriteModel(path));
        }
    }
    if let Some(writing) = &export.writing
        && let Some(written) = writing.outcome()
    {
        export.writing = None;
        *status = match written {
            Some(Ok(files)) => {
                let files = files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
                StatusLine::info(crate::said!("status-bench-files-written", files = files))
            }
            Some(Err(error)) => StatusLine::error(crate::i18n::errors::Said::new(move |l| error.in_language(l))),
            None => StatusLine::error(crate::said!("status-bench-files-stopped")),
        };
    }
}
