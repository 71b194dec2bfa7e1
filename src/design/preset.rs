//! Presets: a design saved as versioned, human-readable RON; strict loading with precise errors; atomic saving.
//!
//! ```ron
//! (
//!     version: 4,
//!     design: (name: "Classic solitaire", metal: (alloy: Yellow18k, finish: Polished), ...),
//! )
//! ```

use super::journal::{JournalEntry, LegacyEntry};
use super::ron_place::line_column;
use super::{Design, DesignError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The schema version this build writes. Version 2 added `head_alloy` (two-tone), version 3 the co-design
/// `journal`, version 4 `necklace`, version 5 the journal as data (`Alloy(from: …, to: …)`, not sentences),
/// version 6 the piece's `source` (a model of the house's collection), version 7 the side stones' `side_species`,
/// version 8 the `engraving_style`; version 1–7 files still load (their journal entries kept as their words up to
/// version 4).
pub const PRESET_VERSION: u32 = 8;
/// The last version whose journal entries were sentences.
const LAST_VERSION_WITH_TEXT_JOURNAL: u32 = 4;
/// The oldest schema version this build reads.
pub const OLDEST_READABLE_VERSION: u32 = 1;
/// A preset is a few hundred bytes, and its journal about 150 bytes a change (a long day: 2 000 changes, 300 kB);
/// anything over this is not a preset. A save never writes more than it (it would not open again).
pub const MAX_PRESET_BYTES: u64 = 16 * 1024 * 1024;
/// File extension of presets.
pub const EXTENSION: &str = "ron";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    version: u32,
    design: Design,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    journal: Vec<JournalEntry>,
}

/// A preset of version 3–4, whose journal entries were sentences.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacyPresetFile {
    #[allow(dead_code)]
    version: u32,
    design: Design,
    #[serde(default)]
    journal: Vec<LegacyEntry>,
}

/// Reads only the version, ignoring everything else, so that a future schema gets a version error, not a
/// confusing field error.
/// A missing version reads as 0, which no schema uses.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// Why a preset could not be read or written. Every message names the file, and the place when there is one.
#[derive(Debug, Error)]
pub enum PresetError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: the file is empty (expected a preset such as `(version: 4, design: (...))`)")]
    Empty { path: String },
    #[error("{path}: {size} bytes is too large for a preset (at most {max} bytes)")]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}:{line}:{column}: not UTF-8 text (byte 0x{byte:02x}); presets are UTF-8 RON")]
    NotUtf8 { path: String, line: usize, column: usize, byte: u8 },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax { path: String, line: usize, column: usize, message: String },
    #[error("{path}: no `version` field (expected `version: {PRESET_VERSION}`)")]
    MissingVersion { path: String },
    #[error(
        "{path}:{line}:{column}: version {found} is not supported (this Écrin reads versions {OLDEST_READABLE_VERSION}–{PRESET_VERSION})"
    )]
    UnsupportedVersion { path: String, line: usize, column: usize, found: u32 },
    /// `written`: the value as the file writes it ("1e39", "37.999"), told instead of the number read from it.
    #[error("{path}:{line}:{column}: {source}")]
    Invalid { path: String, line: usize, column: usize, source: DesignError, written: Option<String> },
    #[error("{path}: cannot save: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("{path}: not saved, the design is not makeable: {source}")]
    NotSaved { path: String, source: DesignError },
}

/// Serialises a design as preset text.
pub fn to_ron_string(design: &Design) -> String {
    to_ron_string_with_journal(design, &[])
}

/// Serialises a design and how it was reached (an empty journal is left out).
pub fn to_ron_string_with_journal(design: &Design, journal: &[JournalEntry]) -> String {
    let file = PresetFile { version: PRESET_VERSION, design: design.clone(), journal: journal.to_vec() };
    let config = ron::ser::PrettyConfig::new().struct_names(false).indentor("    ".to_string());
    // Serialising plain structs, enums, strings and finite floats cannot fail.
    ron::ser::to_string_pretty(&file, config).unwrap_or_else(|error| format!("// serialisation failed: {error}"))
}

/// Parses preset text; `path` only labels the errors.
pub fn from_ron_str(text: &str, path: &str) -> Result<Design, PresetError> {
    from_ron_str_with_journal(text, path).map(|(design, _)| design)
}

/// Parses preset text with its journal (empty for files without one).
pub fn from_ron_str_with_journal(text: &str, path: &str) -> Result<(Design, Vec<JournalEntry>), PresetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(PresetError::Empty { path: path.into() });
    }
    let probe: VersionProbe = ron::from_str(text).map_err(|error| syntax_error(path, &error))?;
    match probe.version {
        0 => return Err(PresetError::MissingVersion { path: path.into() }),
        OLDEST_READABLE_VERSION..=PRESET_VERSION => {}
        found => {
            let (line, column) = locate_field(text, "version");
            return Err(PresetError::UnsupportedVersion { path: path.into(), line, column, found });
        }
    }
    let file: PresetFile = if probe.version <= LAST_VERSION_WITH_TEXT_JOURNAL {
        let old: LegacyPresetFile = ron::from_str(text).map_err(|error| syntax_error(path, &error))?;
        let journal = old.journal.into_iter().map(JournalEntry::from).collect();
        PresetFile { version: probe.version, design: old.design, journal }
    } else {
        ron::from_str(text).map_err(|error| syntax_error(path, &error))?
    };
    file.design.validate().map_err(|source| {
        let (line, column) = locate_field(text, field_of(&source));
        let written = value_written(text, line, column);
        PresetError::Invalid { path: path.into(), line, column, source, written }
    })?;
    Ok((file.design, file.journal))
}

/// Reads and checks a preset file.
pub fn load(path: &Path) -> Result<Design, PresetError> {
    load_with_journal(path).map(|(design, _)| design)
}

/// Reads and checks a preset file and its journal.
pub fn load_with_journal(path: &Path) -> Result<(Design, Vec<JournalEntry>), PresetError> {
    let label = path.display().to_string();
    let read_error = |source| PresetError::Read { path: label.clone(), source };
    let bytes = match crate::atomic_file::read_bounded(path, MAX_PRESET_BYTES) {
        Err(error) if error.get_ref().is_some_and(|e| e.is::<crate::atomic_file::TooLarge>()) => {
            let size = std::fs::metadata(path).map_or(MAX_PRESET_BYTES + 1, |m| m.len());
            return Err(PresetError::TooLarge { path: label, size, max: MAX_PRESET_BYTES });
        }
        read => read.map_err(read_error)?,
    };
    // A byte-order mark (some editors write one) is not part of the text.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = error.valid_up_to();
        let (line, column) = line_column(&bytes[..valid]);
        PresetError::NotUtf8 { path: label.clone(), line, column, byte: bytes[valid] }
    })?;
    from_ron_str_with_journal(text, &label)
}

/// Validates and saves a design atomically: the previous file survives any failure.
pub fn save(path: &Path, design: &Design) -> Result<(), PresetError> {
    save_with_journal(path, design, &[])
}

/// Saves a design with its journal (atomically).
pub fn save_with_journal(path: &Path, design: &Design, journal: &[JournalEntry]) -> Result<(), PresetError> {
    let label = path.display().to_string();
    design.validate().map_err(|source| PresetError::NotSaved { path: label.clone(), source })?;
    let text = to_ron_string_with_journal(design, journal);
    if text.len() as u64 > MAX_PRESET_BYTES {
        return Err(PresetError::TooLarge { path: label, size: text.len() as u64, max: MAX_PRESET_BYTES });
    }
    crate::atomic_file::write_atomically(path, text.as_bytes())
        .map_err(|source| PresetError::Write { path: label, source })
}

/// The preset files in a directory, sorted by name (missing directory: none).
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == EXTENSION))
        .collect();
    found.sort();
    found
}

fn syntax_error(path: &str, error: &ron::error::SpannedError) -> PresetError {
    PresetError::Syntax {
        path: path.into(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: syntax_reason(&error.code),
    }
}

/// What a RON reader found wrong, in the file's own terms: the field, the value, the bracket — never the name of a
/// type inside Écrin (ron names the Rust struct it was filling: "for struct `VersionProbe`"). Every RON file Écrin
/// reads (presets, sessions, manifests, price lists, settings) says its syntax errors through this.
#[derive(Debug, Error)]
pub enum SyntaxReason {
    #[error("Expected opening `(`")]
    Opening,
    #[error("Unexpected name `{0}` before `(`")]
    Name(String),
    #[error("Unexpected field named `{found}`, expected one of {expected}")]
    Field { found: String, expected: String },
    #[error("Missing field named `{0}`")]
    Missing(&'static str),
    #[error("Field named `{0}` given twice")]
    Twice(&'static str),
    #[error("Unexpected value `{found}`, expected one of {expected}")]
    Value { found: String, expected: String },
    #[error("Expected {expected} but found {found} instead")]
    Type { expected: String, found: String },
    /// ron's own words, where they name nothing of Écrin's.
    #[error("{0}")]
    Other(String),
}

/// `SyntaxReason` of a RON error, in words.
pub fn syntax_reason(code: &ron::Error) -> String {
    use ron::Error as E;
    let one_of = |expected: &[&str]| expected.iter().map(|e| format!("`{e}`")).collect::<Vec<_>>().join(", ");
    let no_type_name =
        |text: &str| if text.starts_with("struct ") { "`(`…`)`".to_string() } else { text.to_string() };
    let reason = match code {
        E::ExpectedNamedStructLike(_) | E::ExpectedStructName(_) => SyntaxReason::Opening,
        E::ExpectedDifferentStructName { found, .. } => SyntaxReason::Name(found.clone()),
        E::NoSuchStructField { expected, found, .. } => {
            SyntaxReason::Field { found: found.clone(), expected: one_of(expected) }
        }
        E::MissingStructField { field, .. } => SyntaxReason::Missing(field),
        E::DuplicateStructField { field, .. } => SyntaxReason::Twice(field),
        E::NoSuchEnumVariant { expected, found, .. } => {
            SyntaxReason::Value { found: found.clone(), expected: one_of(expected) }
        }
        E::InvalidValueForType { expected, found } => {
            SyntaxReason::Type { expected: no_type_name(expected), found: no_type_name(found) }
        }
        other => SyntaxReason::Other(other.to_string()),
    };
    reason.to_string()
}

/// The preset field a validation error is about, to point at its line.
fn field_of(error: &DesignError) -> &'static str {
    match error {
        DesignError::StoneSize { .. } | DesignError::ThreeStoneSize { .. } => "size_mm",
        DesignError::RingSize { .. } => "ring_size_mm",
        DesignError::EngravingTooLong { .. } | DesignError::EngravingCharacter(_) => "engraving",
        DesignError::Name { .. } => "name",
        DesignError::Carat(_) => "size_mm",
        DesignError::ChainLength { .. } => "length_mm",
        // Not about one design's fields (a preset holds one design).
        DesignError::VariantCount { .. } | DesignError::NoVariant(_) | DesignError::LastVariant => "design",
    }
}

/// The value after the `field:` at (line, column), as written: up to the next `,`, `)` or the line's end; a number
/// only (a text or a group is told by its field).
fn value_written(text: &str, line: usize, column: usize) -> Option<String> {
    let at_line = text.lines().nth(line.checked_sub(1)?)?;
    let from_field: String = at_line.chars().skip(column.checked_sub(1)?).collect();
    let (_, value) = from_field.split_once(':')?;
    let value = value.split([',', ')']).next()?.trim();
    let numeric = !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "+-._".contains(c));
    numeric.then(|| value.to_string())
}

/// 1-based line and column of the first `field:` in the text (1:1 if absent).
fn locate_field(text: &str, field: &str) -> (usize, usize) {
    let needle = format!("{field}:");
    let offset = text
        .match_indices(&needle)
        .map(|(at, _)| at)
        .find(|&at| at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric() && text.as_bytes()[at - 1] != b'_')
        .unwrap_or(0);
    line_column(&text.as_bytes()[..offset])
}
