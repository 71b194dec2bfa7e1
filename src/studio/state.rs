//! The design being edited, the commands that change it, and the one system that applies them.

use super::StudioSystems;
use super::lighting::{Background, Presentation};
use crate::design::{Design, DesignCommand, History, preset};
use crate::optics::environment::LightingEnvironment;
use bevy::prelude::*;
use std::path::PathBuf;

/// What the panels (and tests, and the CLI) ask the studio to do.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum StudioCommand {
    Design(DesignCommand),
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
    /// Crash recovery: restore the autosaved session, or let it go.
    RestoreSession,
    DiscardSession,
}

/// The design being edited, with its undo history and the file it belongs to.
#[derive(Resource, Default)]
pub struct CurrentDesign {
    pub history: History,
    pub file: Option<PathBuf>,
    /// Bumped on every change so that views can tell a new design from an old one cheaply.
    pub revision: u64,
}

impl CurrentDesign {
    pub fn new(design: Design) -> Self {
        CurrentDesign { history: History::new(design), file: None, revision: 0 }
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
    fn info(text: impl Into<String>) -> Self {
        StatusLine { text: text.into(), is_error: false }
    }

    fn error(text: impl Into<String>) -> Self {
        StatusLine { text: text.into(), is_error: true }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<StudioCommand>()
        .init_resource::<CurrentDesign>()
        .init_resource::<StatusLine>()
        .add_systems(Update, apply_commands.in_set(StudioSystems::ApplyCommands));
}

/// Applies every pending command in order; refused commands leave the design as it was and say why.
pub fn apply_commands(
    mut commands: MessageReader<StudioCommand>,
    mut current: ResMut<CurrentDesign>,
    mut status: ResMut<StatusLine>,
    mut presentation: Option<ResMut<Presentation>>,
    mut offer: Option<ResMut<super::recovery::RecoveryOffer>>,
) {
    for command in commands.read() {
        let outcome = match command {
            StudioCommand::Design(change) => current.history.apply(change).map_err(|e| e.to_string()),
            StudioCommand::Undo => Ok(current.history.undo()),
            StudioCommand::Redo => Ok(current.history.redo()),
            StudioCommand::OpenPreset(path) => match preset::load(path) {
                Ok(design) => {
                    let name = design.name.clone();
                    let changed = current.history.apply(&DesignCommand::Load(Box::new(design)));
                    current.file = Some(path.clone());
                    *status = StatusLine::info(format!("Opened “{name}” from {}", path.display()));
                    changed.map_err(|e| e.to_string())
                }
                Err(error) => Err(error.to_string()),
            },
            StudioCommand::ReportError(message) => Err(message.clone()),
            StudioCommand::SetEnvironment(environment) => {
                if let Some(presentation) = presentation.as_deref_mut() {
                    presentation.environment = *environment;
                }
                Ok(false)
            }
            // The advisor's answer to the crash-recovery offer: restoring is one undoable load.
            StudioCommand::RestoreSession => match offer.as_deref_mut().and_then(|o| o.0.take()) {
                Some(design) => {
                    current.history.apply(&DesignCommand::Load(Box::new(design))).map_err(|e| e.to_string())
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
            StudioCommand::SavePreset(target) => {
                match target.clone().or_else(|| current.file.clone()) {
                    Some(path) => match preset::save(&path, current.design()) {
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
