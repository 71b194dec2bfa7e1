//! The document: the design being edited (with its variants, undo history, file and journal), the commands that
//! change it, and the one system that applies them.

pub mod disk;
pub mod panel;

use super::StudioSystems;
use crate::design::journal::{self, JournalEntry, Step, Who};
use crate::design::ring_size::MeasuredBy;
use crate::design::session::Session;
use crate::design::variants::{VariantCommand, Variants, variant_changes};
use crate::design::{DesignCommand, DesignError, History};
use crate::i18n::Language;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::floor::files::catalogue_named;
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::prelude::*;
use disk::{DiskWork, DocumentDisk};
use std::path::PathBuf;

/// What the panels, shortcuts, dialogs, tests and the CLI ask of the document: the design and its variants, undo
/// and redo, opening and saving, the journal. (Other features own their commands: `PresentationCommand` in
/// `lighting.rs`, `ImportCommand` in `import.rs`, `PackCommand` in `packing.rs`, … — ARCHITECTURE.md lists them.)
#[derive(Message, Clone, Debug, PartialEq)]
pub enum DocumentCommand {
    Design(DesignCommand),
    /// A change the client made themselves (present mode): journaled as the client's, whoever the toggle names.
    ByClient(DesignCommand),
    /// Make, choose, mark, promote or remove a variant (undone like any change).
    Variant(VariantCommand),
    /// Open several presets at once, side by side on the board (errors name the file; the board stays).
    OpenPresets(Vec<PathBuf>),
    Undo,
    Redo,
    /// Open a preset file (read off the frame; errors are shown; the current design stays).
    OpenPreset(PathBuf),
    /// A preset read off the frame (what `OpenPreset` asked for, handed back by `disk.rs`).
    Opened(Box<OpenedPreset>),
    /// Presets read off the frame for the board (what `OpenPresets` asked for).
    OpenedSideBySide(Vec<OpenedPreset>),
    /// Save to this file (Save As) or, with `None`, to the file the design came from.
    SavePreset(Option<PathBuf>),
    /// The co-design journal: who proposes the next changes; clear it; keep it out of saved presets.
    SetProposer(Who),
    ClearJournal,
    KeepJournalInSaves(bool),
    /// Bring back a session (the autosave offered after a crash, accepted): one undoable change.
    RestoreSession(Box<Session>),
    /// Entries for the journal that are no change of the design (when, who, what): Écrin's proposal and that a person
    /// took it or set it aside. Written to the variant being edited, as its changes are.
    Record(Vec<(u64, Who, journal::Change)>),
    /// The client's size, measured (the sizer): the journal says how and what was read, then the size it set.
    MeasuredRingSize {
        by: MeasuredBy,
        measured_mm: f32,
        circumference_mm: f32,
    },
}

crate::carried!(DocumentCommand);

/// A preset as read from its file.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedPreset {
    pub path: PathBuf,
    pub design: crate::design::Design,
    pub journal: Vec<JournalEntry>,
}

impl From<crate::design::DesignCommand> for crate::studio::floor::commands::StudioCommand {
    fn from(command: crate::design::DesignCommand) -> Self {
        DocumentCommand::Design(command).into()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<DocumentCommand>()
        .init_resource::<CurrentDesign>()
        .init_resource::<StatusLine>()
        .init_resource::<DocumentDisk>()
        .add_systems(Update, disk::follow_disk_work.in_set(StudioSystems::Input))
        .add_systems(Update, apply_commands.in_set(StudioSystems::ApplyCommands));
}

/// Several presets read side by side (every file read; at most four), made the board's variants.
fn open_side_by_side(history: &mut History, opened: &[OpenedPreset], advisor: Language) -> Result<bool, Said> {
    let designs = opened.iter().map(|o| catalogue_named(o.design.clone(), &o.path, advisor)).collect();
    let variants = Variants::checked(designs, 0, None).map_err(design_said)?;
    history.apply_to_variants(&VariantCommand::Replace(variants)).map_err(design_said)
}

/// A design's error, said when shown.
fn design_said(error: DesignError) -> Said {
    Said::new(move |l| error.in_language(l))
}

/// Applies every pending command in order; refused commands leave the design as it was and say why.
pub fn apply_commands(
    mut commands: MessageReader<DocumentCommand>,
    mut current: ResMut<CurrentDesign>,
    mut status: ResMut<StatusLine>,
    mut disk: ResMut<DocumentDisk>,
    languages: Option<Res<crate::studio::floor::Languages>>,
) {
    let advisor = languages.map(|l| l.advisor).unwrap_or_default();
    for command in commands.read() {
        let before = current.history.variants().clone();
        let outcome = match command {
            DocumentCommand::Design(change) | DocumentCommand::ByClient(change) => {
                current.history.apply(change).map_err(design_said)
            }
            DocumentCommand::Variant(change) => current.history.apply_to_variants(change).map_err(design_said),
            DocumentCommand::OpenPresets(paths) => {
                disk.ask(DiskWork::OpenSideBySide(paths.clone()));
                Ok(false)
            }
            DocumentCommand::OpenedSideBySide(opened) => open_side_by_side(&mut current.history, opened, advisor),
            DocumentCommand::MeasuredRingSize { by, measured_mm, circumference_mm } => {
                let variants = current.history.variants();
                let variant = variants.is_board().then(|| variants.active());
                let (at, who) = (journal::now(), current.proposer);
                let change = journal::Change::SizeMeasured { by: *by, measured_mm: *measured_mm };
                current.journal.push(JournalEntry::new(at, who, variant, change));
                current.history.apply(&DesignCommand::SetRingSize(*circumference_mm)).map_err(design_said)
            }
            DocumentCommand::Record(entries) => {
                let variants = current.history.variants();
                let variant = variants.is_board().then(|| variants.active());
                for (at, who, change) in entries {
                    current.journal.push(JournalEntry::new(*at, *who, variant, change.clone()));
                }
                Ok(false)
            }
            DocumentCommand::Undo => Ok(current.history.undo()),
            DocumentCommand::Redo => Ok(current.history.redo()),
            DocumentCommand::OpenPreset(path) => {
                disk.ask(DiskWork::Open(path.clone()));
                *status = StatusLine::info(said!("status-opening", file = path.display().to_string()));
                Ok(false)
            }
            DocumentCommand::Opened(opened) => {
                let OpenedPreset { path, design, journal } = opened.as_ref();
                let design = catalogue_named(design.clone(), path, advisor);
                let name = design.name.clone();
                let changed = current.history.apply(&DesignCommand::Load(Box::new(design)));
                current.file = Some(path.clone());
                // One design: the preset brings its own story; on the board it joins the appointment's.
                if !before.is_board() {
                    current.journal = journal.clone();
                }
                *status = StatusLine::info(said!("status-opened", name = name, file = path.display().to_string()));
                changed.map_err(design_said)
            }
            DocumentCommand::SetProposer(who) => {
                current.proposer = *who;
                Ok(false)
            }
            DocumentCommand::ClearJournal => {
                current.journal.clear();
                Ok(false)
            }
            DocumentCommand::KeepJournalInSaves(keep) => {
                current.journal_in_saves = *keep;
                Ok(false)
            }
            DocumentCommand::RestoreSession(session) => {
                current.journal = session.journal.clone();
                let restore = VariantCommand::Replace(session.variants.clone());
                current.history.apply_to_variants(&restore).map_err(design_said)
            }
            DocumentCommand::SavePreset(target) => {
                match target.clone().or_else(|| current.file.clone()) {
                    Some(path) => {
                        // Written off the frame as it is now (`disk.rs`): the file is the design's once it is.
                        let journal = if current.journal_in_saves { current.journal.clone() } else { Vec::new() };
                        let design = Box::new(current.design().clone());
                        *status = StatusLine::info(said!("status-saving", file = path.display().to_string()));
                        disk.ask(DiskWork::Save { path, design, journal });
                    }
                    None => *status = StatusLine::error(said!("status-choose-where")),
                }
                Ok(false)
            }
        };
        match outcome {
            Ok(true) => {
                current.revision += 1;
                let opened_alone = matches!(command, DocumentCommand::Opened(_)) && !before.is_board();
                // Save writes the design being edited to its file: when another variant is edited, or variants
                // appear or go, that file is no longer this design's (Save asks where, never overwrites another).
                let after = current.history.variants();
                let other_design = before.active() != after.active() || before.len() != after.len();
                if other_design && !matches!(command, DocumentCommand::Opened(_)) {
                    current.file = None;
                }
                // The journal: what changed, by whom (opening a preset alone brings that preset's own story).
                if !opened_alone {
                    let step = match command {
                        DocumentCommand::Undo => Some(Step::Undo),
                        DocumentCommand::Redo => Some(Step::Redo),
                        _ => None,
                    };
                    let who = match command {
                        DocumentCommand::ByClient(_) => Who::Client,
                        _ => current.proposer,
                    };
                    let at = journal::now();
                    for (variant, change) in variant_changes(&before, current.history.variants()) {
                        current.journal.push(JournalEntry { step, ..JournalEntry::new(at, who, variant, change) });
                    }
                }
                if !matches!(command, DocumentCommand::Opened(_)) {
                    *status = StatusLine::default();
                }
            }
            Ok(false) => {}
            Err(said) => {
                warn!("{said:?}");
                *status = StatusLine::error(said);
            }
        }
    }
}
