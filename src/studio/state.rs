//! The design being edited, the commands that change it, and the one system that applies them.

use super::StudioSystems;
use super::lighting::{Background, Presentation};
use crate::design::journal::{self, JournalEntry, Step, Who};
use crate::design::variants::{VariantCommand, Variants, variant_changes};
use crate::design::{Design, DesignCommand, History, preset};
use crate::optics::environment::LightingEnvironment;
use bevy::prelude::*;
use std::path::PathBuf;

/// What the panels (and tests, and the CLI) ask the studio to do.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum StudioCommand {
    Design(DesignCommand),
    /// Make, choose, mark, promote or remove a variant (undone like any change).
    Variant(VariantCommand),
    /// Open several presets at once, side by side on the board (errors name the file; the board stays).
    OpenPresets(Vec<PathBuf>),
    /// Write the board as one comparison picture (in the background, `board.rs`).
    ExportBoard(PathBuf),
    Undo,
    Redo,
    /// Open a preset file (errors are shown; the current design stays).
    OpenPreset(PathBuf),
    /// Save to this file (Save As) or, with `None`, to the file the design came from.
    SavePreset(Option<PathBuf>),
    /// Something outside the design went wrong (a folder could not be made): show it.
    ReportError(String),
    /// Light and background of the presentation (not part of the design, not undone).
    SetEnvironment(LightingEnvironment),
    SetBackground(Background),
    /// The co-design journal: who proposes the next changes; clear it; keep it out of saved presets.
    SetProposer(Who),
    ClearJournal,
    KeepJournalInSaves(bool),
    /// Crash recovery: restore the autosaved session, or let it go.
    RestoreSession,
    DiscardSession,
    /// Write the approval pack of the current design (in the background, `packing.rs`), or stop the one running.
    WriteApprovalPack(PackOrder),
    CancelApprovalPack,
    /// A boutique's model: check it and open the import dialog; show it with the (corrected) classification of
    /// its parts; close the dialog; go back to Écrin's own ring (`import.rs`).
    ImportModel(PathBuf),
    ShowImported(PathBuf, Vec<crate::geometry::import::PartClass>),
    CloseImportDialog,
    ShowComposedRing,
    /// Show or hide the display bust under a necklace (a view setting, `necklace.rs`).
    ShowBust(bool),
}

/// What the advisor asked the approval pack to hold.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PackOrder {
    /// Printed on the sheet when not empty (privacy: optional).
    pub client: String,
    pub include_journal: bool,
}

/// The design being edited, with its undo history and the file it belongs to.
#[derive(Resource, Default)]
pub struct CurrentDesign {
    pub history: History,
    pub file: Option<PathBuf>,
    /// Bumped on every change so that views can tell a new design from an old one cheaply.
    pub revision: u64,
    /// The co-design journal: every change, when, and who proposed it.
    pub journal: Vec<JournalEntry>,
    /// Who proposes the changes being made now (the Advisor / Client toggle).
    pub proposer: Who,
    /// Whether saved presets carry the journal (the advisor may leave it out for privacy).
    pub journal_in_saves: bool,
}

impl CurrentDesign {
    pub fn new(design: Design) -> Self {
        CurrentDesign {
            history: History::new(design),
            file: None,
            revision: 0,
            journal: Vec::new(),
            proposer: Who::Advisor,
            journal_in_saves: true,
        }
    }

    pub fn design(&self) -> &Design {
        self.history.current()
    }
}

/// The last thing the studio wants the advisor to read (an error stays until the next action).
#[derive(Resource, Default, Clone, Debug, PartialEq)]
pub struct StatusLine {
    pub text: String,
    pub is_error: bool,
}

impl StatusLine {
    pub fn info(text: impl Into<String>) -> Self {
        StatusLine { text: text.into(), is_error: false }
    }

    pub fn error(text: impl Into<String>) -> Self {
        StatusLine { text: text.into(), is_error: true }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<StudioCommand>()
        .init_resource::<CurrentDesign>()
        .init_resource::<StatusLine>()
        .add_systems(Update, apply_commands.in_set(StudioSystems::ApplyCommands));
}

/// Several presets side by side: every file must read (the first that does not is named), at most four.
fn open_side_by_side(history: &mut History, paths: &[PathBuf]) -> Result<bool, String> {
    let designs = paths.iter().map(|path| preset::load(path).map_err(|e| e.to_string())).collect::<Result<_, _>>()?;
    let variants = Variants::checked(designs, 0, None).map_err(|e| e.to_string())?;
    history.apply_to_variants(&VariantCommand::Replace(variants)).map_err(|e| e.to_string())
}

/// Applies every pending command in order; refused commands leave the design as it was and say why.
pub fn apply_commands(
    mut commands: MessageReader<StudioCommand>,
    mut current: ResMut<CurrentDesign>,
    mut status: ResMut<StatusLine>,
    mut presentation: Option<ResMut<Presentation>>,
    mut offer: Option<ResMut<super::recovery::RecoveryOffer>>,
    mut bust: Option<ResMut<super::necklace::BustShown>>,
) {
    for command in commands.read() {
        let before = current.history.variants().clone();
        let outcome = match command {
            StudioCommand::Design(change) => current.history.apply(change).map_err(|e| e.to_string()),
            StudioCommand::Variant(change) => current.history.apply_to_variants(change).map_err(|e| e.to_string()),
            StudioCommand::OpenPresets(paths) => open_side_by_side(&mut current.history, paths),
            StudioCommand::ExportBoard(_) => Ok(false),
            StudioCommand::Undo => Ok(current.history.undo()),
            StudioCommand::Redo => Ok(current.history.redo()),
            StudioCommand::OpenPreset(path) => match preset::load_with_journal(path) {
                Ok((design, journal)) => {
                    let name = design.name.clone();
                    let changed = current.history.apply(&DesignCommand::Load(Box::new(design)));
                    current.file = Some(path.clone());
                    // One design: the preset brings its own story; on the board it joins the appointment's.
                    if !before.is_board() {
                        current.journal = journal;
                    }
                    *status = StatusLine::info(format!("Opened “{name}” from {}", path.display()));
                    changed.map_err(|e| e.to_string())
                }
                Err(error) => Err(error.to_string()),
            },
            StudioCommand::ReportError(message) => Err(message.clone()),
            StudioCommand::SetProposer(who) => {
                current.proposer = *who;
                Ok(false)
            }
            StudioCommand::ClearJournal => {
                current.journal.clear();
                Ok(false)
            }
            StudioCommand::KeepJournalInSaves(keep) => {
                current.journal_in_saves = *keep;
                Ok(false)
            }
            StudioCommand::SetEnvironment(environment) => {
                if let Some(presentation) = presentation.as_deref_mut() {
                    presentation.environment = *environment;
                }
                Ok(false)
            }
            // The advisor's answer to the crash-recovery offer: restoring is one undoable load.
            StudioCommand::RestoreSession => match offer.as_deref_mut().and_then(|o| o.0.take()) {
                Some(session) => {
                    current.journal = session.journal;
                    let restore = VariantCommand::Replace(session.variants);
                    current.history.apply_to_variants(&restore).map_err(|e| e.to_string())
                }
                None => Ok(false),
            },
            StudioCommand::DiscardSession => {
                if let Some(offer) = offer.as_deref_mut() {
                    offer.0 = None;
                }
                Ok(false)
            }
            StudioCommand::SetBackground(background) => {
                if let Some(presentation) = presentation.as_deref_mut() {
                    presentation.background = *background;
                }
                Ok(false)
            }
            // Exports do not change the design; `packing.rs` carries them out.
            StudioCommand::WriteApprovalPack(_) | StudioCommand::CancelApprovalPack => Ok(false),
            // Models of the boutique's are shown by `import.rs`; the design stays as it is.
            StudioCommand::ImportModel(_)
            | StudioCommand::ShowImported(..)
            | StudioCommand::CloseImportDialog
            | StudioCommand::ShowComposedRing => Ok(false),
            StudioCommand::ShowBust(shown) => {
                if let Some(bust) = bust.as_deref_mut() {
                    bust.0 = *shown;
                }
                Ok(false)
            }
            StudioCommand::SavePreset(target) => {
                match target.clone().or_else(|| current.file.clone()) {
                    Some(path) => match preset::save_with_journal(
                        &path,
                        current.design(),
                        if current.journal_in_saves { &current.journal } else { &[] },
                    ) {
                        Ok(()) => {
                            *status = StatusLine::info(format!("Saved {}", path.display()));
                            current.file = Some(path);
                        }
                        Err(error) => *status = StatusLine::error(error.to_string()),
                    },
                    None => *status = StatusLine::error("Choose where to save this design (Save As…)"),
                }
                Ok(false)
            }
        };
        match outcome {
            Ok(true) => {
                current.revision += 1;
                let opened_alone = matches!(command, StudioCommand::OpenPreset(_)) && !before.is_board();
                // Save writes the design being edited to its file: when another variant is edited, or variants
                // appear or go, that file is no longer this design's (Save asks where, never overwrites another).
                let after = current.history.variants();
                let other_design = before.active() != after.active() || before.len() != after.len();
                if other_design && !matches!(command, StudioCommand::OpenPreset(_)) {
                    current.file = None;
                }
                // The journal: what changed, by whom (opening a preset alone brings that preset's own story).
                if !opened_alone {
                    let step = match command {
                        StudioCommand::Undo => Some(Step::Undo),
                        StudioCommand::Redo => Some(Step::Redo),
                        _ => None,
                    };
                    let (at, who) = (journal::now(), current.proposer);
                    for (variant, change) in variant_changes(&before, current.history.variants()) {
                        current.journal.push(JournalEntry { step, ..JournalEntry::new(at, who, variant, change) });
                    }
                }
                if !matches!(command, StudioCommand::OpenPreset(_)) {
                    *status = StatusLine::default();
                }
            }
            Ok(false) => {}
            Err(message) => {
                warn!("{message}");
                *status = StatusLine::error(message);
            }
        }
    }
}
