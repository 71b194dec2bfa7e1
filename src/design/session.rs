//! The session file (crash recovery): every variant, which one was being edited, the favourite and the journal,
//! as RON. Autosaves written before variants existed (a plain preset) still read.
//!
//! ```ron
//! (version: 1, designs: [(name: "Classic solitaire", ...), (...)], active: 1, favourite: Some(0), journal: [...])
//! ```

use super::journal::{JournalEntry, LegacyEntry};
use super::variants::Variants;
use super::{Design, DesignError, preset};
use serde::{Deserialize, Serialize};
use std::path::Path;
use thiserror::Error;

/// The session schema this build writes. Version 2 has the journal as data; version 1 files still read (their
/// journal entries kept as their words).
pub const SESSION_VERSION: u32 = 2;
/// Largest session file read (a day's variants and journal are a few hundred kB).
pub const MAX_SESSION_BYTES: u64 = 16 * 1024 * 1024;

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

/// A session of version 1, whose journal entries were sentences.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacySessionFile {
    #[allow(dead_code)]
    version: u32,
    designs: Vec<Design>,
    active: usize,
    #[serde(default)]
    favourite: Option<usize>,
    #[serde(default)]
    journal: Vec<LegacyEntry>,
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
    #[derive(Deserialize)]
    struct VersionProbe {
        version: u32,
    }
    let file = match ron::from_str::<VersionProbe>(text).map(|probe| probe.version) {
        Ok(SESSION_VERSION) => ron::from_str::<SessionFile>(text).map_err(|e| SessionError::Syntax {
            path: path.into(),
            message: format!("{}: {}", e.span, preset::syntax_reason(&e.code)),
        })?,
        Ok(1) => {
            let old = ron::from_str::<LegacySessionFile>(text).map_err(|e| SessionError::Syntax {
                path: path.into(),
                message: format!("{}: {}", e.span, preset::syntax_reason(&e.code)),
            })?;
            let journal = old.journal.into_iter().map(JournalEntry::from).collect();
            SessionFile { version: 1, designs: old.designs, active: old.active, favourite: old.favourite, journal }
        }
        // A preset has a version too, and no `designs`: an autosave written before variants existed.
        probed => match preset::from_ron_str_with_journal(text, path) {
            Ok((design, journal)) => return Ok(Session { variants: Variants::single(design), journal }),
            Err(preset_error) => {
                return Err(match probed {
                    Ok(found) if text.contains("designs") => {
                        SessionError::UnsupportedVersion { path: path.into(), found }
                    }
                    Ok(_) => SessionError::Syntax { path: path.into(), message: preset_error.to_string() },
                    Err(error) => SessionError::Syntax { path: path.into(), message: error.to_string() },
                });
            }
        },
    };
    let variants = Variants::checked(file.designs, file.active, file.favourite)
        .map_err(|source| SessionError::Invalid { path: path.into(), source })?;
    Ok(Session { variants, journal: file.journal })
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let label = path.display().to_string();
    let text = crate::atomic_file::read_text(path, MAX_SESSION_BYTES)
        .map_err(|source| SessionError::Read { path: label.clone(), source })?;
    from_ron_str(&text, &label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::journal::{Change, Who};
    use crate::design::variants::VariantCommand;

    #[test]
    fn a_session_round_trips_with_its_variants_and_journal() {
        let variants = Variants::single(Design::default())
            .apply(&VariantCommand::Duplicate)
            .and_then(|v| v.apply(&VariantCommand::ToggleFavourite(0)))
            .expect("two variants");
        let change = Change::VariantMade { variant: 1, from: 0 };
        let journal = vec![JournalEntry::new(1_700_000_000, Who::Client, None, change)];
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
        let error = from_ron_str("(version: 2, designs: [], active: 0)", "autosave.ron").expect_err("no design");
        assert!(error.to_string().starts_with("autosave.ron: variants: 0"), "{error}");
        let old = r#"(version: 1, designs: [], active: 0, journal: [(at: 5, who: Client, change: "variant 2 made")])"#;
        let error = from_ron_str(old, "autosave.ron").expect_err("no design");
        assert!(error.to_string().starts_with("autosave.ron: variants: 0"), "{error}");
        let error = from_ron_str("(nonsense", "autosave.ron").expect_err("not RON");
        assert!(error.to_string().starts_with("autosave.ron: neither a session nor a preset"), "{error}");
    }
}
