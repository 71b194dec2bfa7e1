//! The session file (crash recovery): every variant, which one was being edited, the favourite and the journal,
//! as RON. Autosaves written before variants existed (a plain preset) still read.
//!
//! ```ron
//! (version: 1, designs: [(name: "Classic solitaire", ...), (...)], active: 1, favourite: Some(0), journal: [...])
//! ```

use super::journal::JournalEntry;
use super::variants::Variants;
use super::{Design, DesignError, preset};
use serde::{Deserialize, Serialize};
use std::path::Path;
use thiserror::Error;

/// The session schema this build writes and reads.
pub const SESSION_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFile {
    version: u32,
    designs: Vec<Design>,
    active: usize,
    #[serde(default)]
    favourite: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    journal: Vec<JournalEntry>,
}

/// A session: the variants of the appointment and its journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub variants: Variants,
    pub journal: Vec<JournalEntry>,
}

/// Why a session file could not be read.
#[derive(Debug, Error)]
pub enum SessionError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: neither a session nor a preset: {message}")]
    Syntax { path: String, message: String },
    #[error("{path}: version {found} is not supported (this Écrin reads session version {SESSION_VERSION})")]
    UnsupportedVersion { path: String, found: u32 },
    #[error("{path}: {source}")]
    Invalid { path: String, source: DesignError },
}

/// Serialises a session.
pub fn to_ron_string(session: &Session) -> String {
    let variants = &session.variants;
    let file = SessionFile {
        version: SESSION_VERSION,
        designs: variants.designs().to_vec(),
        active: variants.active(),
        favourite: variants.favourite(),
        journal: session.journal.clone(),
    };
    let config = ron::ser::PrettyConfig::new().struct_names(false).indentor("    ".to_string());
    // Serialising plain structs, enums, strings and finite floats cannot fail.
    ron::ser::to_string_pretty(&file, config).unwrap_or_else(|error| format!("// serialisation failed: {error}"))
}

/// Parses session text (or a preset: one design); `path` only labels the errors.
pub fn from_ron_str(text: &str, path: &str) -> Result<Session, SessionError> {
    match ron::from_str::<SessionFile>(text) {
        Ok(file) if file.version != SESSION_VERSION => {
            Err(SessionError::UnsupportedVersion { path: path.into(), found: file.version })
        }
        Ok(file) => {
            let variants = Variants::checked(file.designs, file.active, file.favourite)
                .map_err(|source| SessionError::Invalid { path: path.into(), source })?;
            Ok(Session { variants, journal: file.journal })
        }
        Err(session_error) => match preset::from_ron_str_with_journal(text, path) {
            Ok((design, journal)) => Ok(Session { variants: Variants::single(design), journal }),
            Err(_) => Err(SessionError::Syntax { path: path.into(), message: session_error.to_string() }),
        },
    }
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| SessionError::Read { path: label.clone(), source })?;
    from_ron_str(&text, &label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::journal::Who;
    use crate::design::variants::VariantCommand;

    #[test]
    fn a_session_round_trips_with_its_variants_and_journal() {
        let variants = Variants::single(Design::default())
            .apply(&VariantCommand::Duplicate)
            .and_then(|v| v.apply(&VariantCommand::ToggleFavourite(0)))
            .expect("two variants");
        let journal = vec![JournalEntry { at: 1_700_000_000, who: Who::Client, change: "variant 2 made".into() }];
        let session = Session { variants, journal };
        let text = to_ron_string(&session);
        assert_eq!(from_ron_str(&text, "autosave.ron").expect("reads back"), session);
    }

    #[test]
    fn an_old_autosave_is_a_preset_and_bad_files_are_named() {
        let preset = preset::to_ron_string(&Design::default());
        let session = from_ron_str(&preset, "autosave.ron").expect("a preset reads as one variant");
        assert_eq!(session.variants.len(), 1);
        let error = from_ron_str("(version: 1, designs: [], active: 0)", "autosave.ron").expect_err("no design");
        assert!(error.to_string().starts_with("autosave.ron: variants: 0"), "{error}");
        let error = from_ron_str("(nonsense", "autosave.ron").expect_err("not RON");
        assert!(error.to_string().starts_with("autosave.ron: neither a session nor a preset"), "{error}");
    }
}
