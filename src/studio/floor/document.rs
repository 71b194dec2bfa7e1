//! The open document — the design being edited with its variants, undo history, file and journal — and the status
//! line, the last thing the studio wants the advisor to read. Every feature reads them; `document/` applies the
//! commands that change the design.

use crate::design::journal::{JournalEntry, Who};
use crate::design::{Design, History};
use crate::i18n::Language;
use crate::i18n::errors::Said;
use bevy::prelude::*;
use std::path::PathBuf;

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

/// The last thing the studio wants the advisor to read (an error stays until the next action), made into words in
/// the advisor's language when it is shown.
#[derive(Resource, Default, Clone, Debug)]
pub struct StatusLine {
    said: Option<Said>,
    pub is_error: bool,
}

impl StatusLine {
    pub fn info(said: Said) -> Self {
        StatusLine { said: Some(said), is_error: false }
    }

    pub fn error(said: Said) -> Self {
        StatusLine { said: Some(said), is_error: true }
    }

    /// What it says in a language (empty when it says nothing).
    pub fn text(&self, language: Language) -> String {
        self.said.as_ref().map(|s| s.in_language(language)).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.said.is_none()
    }
}
