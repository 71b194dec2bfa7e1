//! Bringing a house's model into the studio: choose a .glb / .gltf (dialog, drop it on the window, or
//! `ecrin studio model.glb`), analyse it off the frame, and show the import dialog — what Écrin found (what the model
//! is, its units, each part's role, its stones) for the designer to correct. Confirming adds it to the collection
//! with those corrections (`collection/`), which opens a design of it.

pub mod panel;

use super::StudioSystems;
use super::document::DocumentCommand;
use crate::collection::{Collection, CollectionError};
use crate::geometry::house::analyse::{AnalysisError, Corrections, GivenScale, Unit};
use crate::geometry::house::{HouseSetup, ModelKind};
use crate::studio::floor::StatusLine;
use crate::studio::floor::background::Background;
use crate::studio::floor::commands::StudioCommand;
use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use std::path::PathBuf;

/// The inner diameter first proposed when a ring's size must be given: US 7 / EU 54.5, the middle of the sizes
/// sold (the notes' size tables).
pub(super) const PROPOSED_INNER_DIAMETER_MM: f32 = 17.3;

/// The import dialog: the analysis the designer may correct, and the name the house gives the model.
pub struct ImportDialog {
    pub path: PathBuf,
    pub setup: HouseSetup,
    pub name: String,
    /// What the house allows a client to change on it (ring sizes, centre stones).
    pub allowed: crate::collection::Allowed,
    /// How the model is read, as the designer may change it (then read again).
    pub read_as: ReadAs,
}

impl ImportDialog {
    /// The dialog for an analysis, the house's rules left open.
    pub fn new(path: PathBuf, setup: HouseSetup, name: String) -> Self {
        let read_as = ReadAs::of(&setup);
        ImportDialog { path, setup, name, allowed: Default::default(), read_as }
    }
}

/// How the designer says to read a model when Écrin's reading is wrong or finds no size: what it is, its units, or
/// its ring's inner diameter (the model read again with them: `ImportCommand::ReadAs`).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAs {
    pub kind: ModelKind,
    /// `None`: the units Écrin finds.
    pub units: Option<Unit>,
    /// A ring's inner diameter, mm (a model drawn at any scale); used when no units are given.
    pub inner_diameter_mm: Option<f32>,
}

impl ReadAs {
    /// How an analysis read the model.
    pub fn of(setup: &HouseSetup) -> Self {
        let units = Unit::from_symbol(&setup.units);
        let inner_diameter_mm = setup.inner_diameter_mm.filter(|_| units.is_none());
        ReadAs { kind: setup.kind, units, inner_diameter_mm }
    }

    /// What the analysis is told.
    pub fn corrections(&self) -> Corrections {
        let scale = match (self.units, self.inner_diameter_mm) {
            (Some(unit), _) => Some(GivenScale::Units(unit)),
            (None, Some(mm)) => Some(GivenScale::InnerDiameterMm(mm)),
            (None, None) => None,
        };
        Corrections { kind: Some(self.kind), scale, ..Default::default() }
    }
}

/// A model whose size Écrin could not read (no unit makes it a piece someone can wear): why, and what the designer
/// says instead.
pub struct SizeQuestion {
    pub path: PathBuf,
    pub why: crate::i18n::errors::Said,
    pub read_as: ReadAs,
}

/// What the advisor asks of a model file.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// The desktop's file dialog, to choose a model.
    Pick,
    /// Analyse a model (in the background) and open the import dialog with what was found.
    Open(PathBuf),
    /// Analyse it again, read as the designer says (what it is, its units or its inner diameter).
    ReadAs(PathBuf, ReadAs),
    CloseDialog,
}

crate::carried!(ImportCommand);

/// Import state: the dialog, the file dialog and the analysis in flight.
#[derive(Resource, Default)]
pub struct Import {
    pub dialog: Option<ImportDialog>,
    /// A model whose size must be given before it can be shown.
    pub size_question: Option<SizeQuestion>,
    file_dialog: Option<Background<Option<PathBuf>>>,
    analysis: Option<Background<(PathBuf, Result<HouseSetup, CollectionError>)>>,
    /// The name and the house's rules the designer had entered, kept when the model is read again.
    kept: Option<(String, crate::collection::Allowed)>,
}

impl Import {
    pub fn picking(&self) -> bool {
        self.file_dialog.is_some()
    }

    /// Whether a model is being analysed.
    pub fn analysing(&self) -> bool {
        self.analysis.is_some()
    }

    /// The command that opens a model file to add to the collection; `None` while one is chosen or analysed.
    pub fn add_model_command(&self) -> Option<StudioCommand> {
        (!self.picking() && !self.analysing()).then(|| ImportCommand::Pick.into())
    }
}

pub fn plugin(app: &mut App) {
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

/// A model dropped on the window opens the import dialog; a dropped preset opens like Open…; a dropped photo is
/// the try-on's picture.
fn dropped_files(
    mut drops: MessageReader<FileDragAndDrop>,
    mut models: MessageWriter<ImportCommand>,
    mut presets: MessageWriter<DocumentCommand>,
    mut photos: crate::studio::floor::commands::Route,
    mut status: ResMut<StatusLine>,
) {
    use crate::studio::tryon::live::{TryOnCommand, source::SourceKind, source::is_photo};
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            if is_photo(path_buf) {
                // To the try-on (an app without it, as headless tests build, lets it fall).
                photos.send([TryOnCommand::Start(SourceKind::Photo(path_buf.clone())).into()]);
            } else if is_model(path_buf) {
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
                import.kept = None;
                analyse(&mut import, &mut status, path.clone(), Corrections::default());
            }
            ImportCommand::ReadAs(path, read_as) => {
                import.kept = import.dialog.take().map(|dialog| (dialog.name, dialog.allowed));
                import.size_question = None;
                analyse(&mut import, &mut status, path.clone(), read_as.corrections());
            }
            ImportCommand::CloseDialog => {
                import.dialog = None;
                import.size_question = None;
            }
        }
    }
}

/// Analyses a model off the frame, with what the designer says of it.
fn analyse(import: &mut Import, status: &mut StatusLine, path: PathBuf, corrections: Corrections) {
    *status = StatusLine::info(crate::said!("status-checking", file = path.display().to_string()));
    import.analysis = Some(Background::compute(move || {
        let setup = Collection::propose_with(&path, &corrections);
        (path, setup)
    }));
}

/// The analysis came back: the import dialog opens with what was found; a model of no wearable size asks for its
/// size; otherwise the status line says what is wrong (in the advisor's language when it is drawn).
fn receive_analysis(mut import: ResMut<Import>, mut status: ResMut<StatusLine>) {
    let Some(analysis) = &import.analysis else { return };
    let Some(found) = analysis.outcome() else { return };
    import.analysis = None;
    let said = |error: CollectionError| crate::i18n::errors::Said::new(move |l| error.in_language(l));
    match found {
        None => *status = StatusLine::error(crate::said!("status-analysis-stopped")),
        Some((path, Err(CollectionError::Analysis { source, file }))) if asks_for_size(&source) => {
            *status = StatusLine::default();
            let kind = match source {
                // What the analysis found the model to be, as far as it got.
                AnalysisError::Units { kind, .. } | AnalysisError::Unwearable { kind, .. } => kind,
                _ => ModelKind::Ring,
            };
            let why = said(CollectionError::Analysis { source, file });
            let read_as = ReadAs { kind, units: None, inner_diameter_mm: Some(PROPOSED_INNER_DIAMETER_MM) };
            import.size_question = Some(SizeQuestion { path, why, read_as });
        }
        Some((_, Err(error))) => *status = StatusLine::error(said(error)),
        Some((path, Ok(setup))) => {
            *status = StatusLine::default();
            let stem = path.file_stem().map(|s| s.to_string_lossy().replace(['_', '-'], " ")).unwrap_or_default();
            let (name, allowed) = import.kept.take().unwrap_or((stem, Default::default()));
            import.dialog = Some(ImportDialog { allowed, ..ImportDialog::new(path, setup, name) });
        }
    }
}

/// Whether an analysis failed for want of a size the designer can give.
fn asks_for_size(error: &AnalysisError) -> bool {
    matches!(
        error,
        AnalysisError::Units { .. }
            | AnalysisError::Unwearable { .. }
            | AnalysisError::GivenDiameter { .. }
            | AnalysisError::NoFingerHole
    )
}
