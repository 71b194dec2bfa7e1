//! Bringing a house's model into the studio: choose a .glb / .gltf (dialog, drop it on the window, or
//! `ecrin studio model.glb`), analyse it off the frame, and show the import dialog — what Écrin found (what the model
//! is, its units, each part's role, its stones) for the designer to correct. Confirming adds it to the collection
//! with those corrections (`collection/`), which opens a design of it.

pub mod panel;

use super::StudioSystems;
use super::document::DocumentCommand;
use crate::collection::Collection;
use crate::geometry::house::HouseSetup;
use crate::studio::floor::StatusLine;
use crate::studio::floor::background::Background;
use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use std::path::PathBuf;

/// The import dialog: the analysis the designer may correct, and the name the house gives the model.
pub struct ImportDialog {
    pub path: PathBuf,
    pub setup: HouseSetup,
    pub name: String,
    /// What the house allows a client to change on it (ring sizes, centre stones).
    pub allowed: crate::collection::Allowed,
}

/// What the advisor asks of a model file.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// The desktop's file dialog, to choose a model.
    Pick,
    /// Analyse a model (in the background) and open the import dialog with what was found.
    Open(PathBuf),
    CloseDialog,
}

crate::carried!(ImportCommand);

/// Import state: the dialog, the file dialog and the analysis in flight.
#[derive(Resource, Default)]
pub struct Import {
    pub dialog: Option<ImportDialog>,
    file_dialog: Option<Background<Option<PathBuf>>>,
    analysis: Option<Background<(PathBuf, Result<HouseSetup, crate::i18n::errors::Said>)>>,
}

impl Import {
    pub fn picking(&self) -> bool {
        self.file_dialog.is_some()
    }

    /// Whether a model is being analysed.
    pub fn analysing(&self) -> bool {
        self.analysis.is_some()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Import>().add_message::<ImportCommand>().add_systems(
        Update,
        (
            (receive_file_dialog, dropped_files).in_set(StudioSystems::Input),
            (carry_out_commands, receive_analysis).chain().in_set(StudioSystems::SyncScene),
        ),
    );
}

/// Whether a file is a glTF model (by its extension).
pub fn is_model(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("glb") || e.eq_ignore_ascii_case("gltf"))
}

fn receive_file_dialog(mut import: ResMut<Import>, mut commands: MessageWriter<ImportCommand>) {
    let Some(dialog) = &import.file_dialog else { return };
    let Some(picked) = dialog.outcome() else { return };
    let picked = picked.flatten();
    import.file_dialog = None;
    if let Some(path) = picked {
        commands.write(ImportCommand::Open(path));
    }
}

/// A model dropped on the window opens the import dialog; a dropped preset opens like Open….
fn dropped_files(
    mut drops: MessageReader<FileDragAndDrop>,
    mut models: MessageWriter<ImportCommand>,
    mut presets: MessageWriter<DocumentCommand>,
    mut status: ResMut<StatusLine>,
) {
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            if is_model(path_buf) {
                models.write(ImportCommand::Open(path_buf.clone()));
            } else if path_buf.extension().is_some_and(|e| e == crate::design::preset::EXTENSION) {
                presets.write(DocumentCommand::OpenPreset(path_buf.clone()));
            } else {
                *status = StatusLine::error(crate::said!("status-not-a-model", file = path_buf.display().to_string()));
            }
        }
    }
}

fn carry_out_commands(
    mut messages: MessageReader<ImportCommand>,
    mut import: ResMut<Import>,
    mut status: ResMut<StatusLine>,
    languages: Option<Res<crate::studio::floor::Languages>>,
) {
    let language = languages.map(|l| l.advisor).unwrap_or_default();
    for message in messages.read() {
        match message {
            ImportCommand::Pick if import.picking() => {}
            ImportCommand::Pick => {
                let filter = crate::tr!(language, "import-filter-models");
                import.file_dialog = Some(Background::thread(move |sender| {
                    let picked = rfd::FileDialog::new().add_filter(filter, &["glb", "gltf"]).pick_file();
                    let _ = sender.send(picked);
                }));
            }
            ImportCommand::Open(path) => {
                let path = path.clone();
                *status = StatusLine::info(crate::said!("status-checking", file = path.display().to_string()));
                import.analysis = Some(Background::compute(move || {
                    // The words are made when the status line is drawn, in the advisor's language (they were English).
                    let setup = Collection::propose(&path).map_err(|error| {
                        crate::i18n::errors::Said::new(move |l| crate::i18n::errors::collection_error(l, &error))
                    });
                    (path, setup)
                }));
            }
            ImportCommand::CloseDialog => import.dialog = None,
        }
    }
}

/// The analysis came back: the import dialog opens with what was found, or the status line says what is wrong.
fn receive_analysis(mut import: ResMut<Import>, mut status: ResMut<StatusLine>) {
    let Some(analysis) = &import.analysis else { return };
    let Some(found) = analysis.outcome() else { return };
    import.analysis = None;
    match found {
        None => *status = StatusLine::error(crate::said!("status-analysis-stopped")),
        Some((_, Err(said))) => *status = StatusLine::error(said),
        Some((path, Ok(setup))) => {
            *status = StatusLine::default();
            let stem = path.file_stem().map(|s| s.to_string_lossy().replace(['_', '-'], " ")).unwrap_or_default();
            import.dialog = Some(ImportDialog { path, setup, name: stem, allowed: Default::default() });
        }
    }
}
