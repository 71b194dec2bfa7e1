//! The user's settings file (RON, versioned, written atomically): the advisor's and the client's language, and how
//! many days autosaves are kept (chosen in *Client data*). A file that cannot be read is set aside beside itself with
//! the date (the studio says where, and the line and column of what is wrong: a syntax error, a language Écrin does
//! not speak, a period of autosaves out of range) and the defaults used; nothing else is kept here.

use crate::i18n::Language;
use crate::studio::floor::Languages;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the settings file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub version: u32,
    pub advisor_language: Language,
    pub client_language: Language,
    /// Autosaves older than this are removed (at start, and when the period is shortened).
    #[serde(default = "default_keep_autosaves_days", deserialize_with = "days_within_range")]
    pub keep_autosaves_days: u32,
}

/// A period of autosaves as the file holds it, refused (with its place in the file) outside `KeptAutosaves::RANGE`.
fn days_within_range<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<u32, D::Error> {
    let days = u32::deserialize(reader)?;
    let (least, most) = (*KeptAutosaves::RANGE.start(), *KeptAutosaves::RANGE.end());
    match KeptAutosaves::RANGE.contains(&days) {
        true => Ok(days),
        false => Err(serde::de::Error::custom(DaysOutOfRange { days, least, most })),
    }
}

/// A settings file's period of autosaves out of range (said in the file's own terms, as RON's errors are).
#[derive(Debug, thiserror::Error)]
#[error("keep_autosaves_days: {days} is no period to keep autosaves for ({least} to {most} days)")]
struct DaysOutOfRange {
    days: u32,
    least: u32,
    most: u32,
}

fn default_keep_autosaves_days() -> u32 {
    crate::studio::floor::files::KEEP_AUTOSAVES_DAYS
}

/// How many days autosaves are kept: the settings' choice, for the studio's features to read.
#[derive(bevy::prelude::Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeptAutosaves(pub u32);

impl Default for KeptAutosaves {
    fn default() -> Self {
        KeptAutosaves(default_keep_autosaves_days())
    }
}

impl KeptAutosaves {
    /// The periods one can choose: a day to a year.
    pub const RANGE: std::ops::RangeInclusive<u32> = 1..=365;
    /// A period of `days`, brought within `RANGE`.
    pub fn within_range(days: u32) -> KeptAutosaves {
        KeptAutosaves(days.clamp(*Self::RANGE.start(), *Self::RANGE.end()))
    }

    /// The periods the studio offers.
    pub const CHOICES: [u32; 6] = [1, 7, 14, 30, 90, 365];
}

const VERSION: u32 = 1;

/// Why the settings could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot write the settings: {source}")]
pub struct SettingsError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

impl SettingsError {
    /// The error in a language (the status line).
    pub fn in_language(&self, language: Language) -> String {
        tr!(language, "settings-cannot-write", file = self.path.display().to_string(), reason = self.source.to_string())
    }
}

/// The settings file in the user's configuration folder.
pub fn settings_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("studio", "Ecrin", "Ecrin").map(|dirs| dirs.config_dir().join("settings.ron"))
}

impl Settings {
    pub fn of(languages: Languages, kept: KeptAutosaves) -> Settings {
        Settings {
            version: VERSION,
            advisor_language: languages.advisor,
            client_language: languages.client,
            keep_autosaves_days: KeptAutosaves::within_range(kept.0).0,
        }
    }

    pub fn languages(&self) -> Languages {
        Languages { advisor: self.advisor_language, client: self.client_language }
    }

    /// The settings in a file; `None` when there is none yet or it cannot be read.
    pub fn load(path: &Path) -> Option<Settings> {
        Settings::read(path).ok().flatten()
    }

    /// The settings in a file: `Ok(None)` when there is none yet, `Err` (why) when it is there but unreadable.
    pub fn read(path: &Path) -> Result<Option<Settings>, crate::studio::floor::files::UserFileError> {
        crate::studio::floor::files::read_user_file(path, VERSION, |s: &Settings| s.version)
    }

    /// Writes the settings atomically (the folder made if needed).
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let error = |source| SettingsError { path: path.to_path_buf(), source };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| error(std::io::Error::other(e.to_string())))?;
        crate::atomic_file::write_atomically(path, text.as_bytes()).map_err(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_a_broken_file_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("ecrin-settings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("settings.ron");
        assert_eq!(Settings::load(&path), None, "no file yet: the system's language");
        let settings =
            Settings::of(Languages { advisor: Language::French, client: Language::English }, KeptAutosaves(7));
        settings.save(&path).expect("saved");
        assert_eq!(Settings::load(&path), Some(settings));
        std::fs::write(&path, "(version: 1, advisor_language: French, client_language: English)").expect("older");
        let older = Settings::load(&path).expect("a file from before the period was chosen still reads");
        assert_eq!(older.keep_autosaves_days, crate::studio::floor::files::KEEP_AUTOSAVES_DAYS);
        std::fs::write(&path, "(version: 1, advisor_language: Klingon").expect("broken");
        assert_eq!(Settings::load(&path), None);
        // Values out of range are refused where they stand, not clamped silently.
        for days in ["0", "100000"] {
            let text = format!(
                "(\n    version: 1,\n    advisor_language: French,\n    client_language: French,\n    keep_autosaves_days: {days},\n)"
            );
            std::fs::write(&path, text).expect("written");
            match Settings::read(&path) {
                Err(crate::studio::floor::files::UserFileError::Syntax { line, reason, .. }) => {
                    assert_eq!(line, 5, "{reason}");
                    assert!(reason.contains("keep_autosaves_days") && reason.contains(days), "{reason}");
                }
                other => panic!("{days} days read as {other:?}"),
            }
        }
        let blocked = dir.join("settings.ron").join("inside-a-file.ron");
        let error = Settings::of(Languages::default(), KeptAutosaves::default())
            .save(&blocked)
            .expect_err("a file is no folder");
        assert!(
            error.in_language(Language::French).contains("impossible d’enregistrer"),
            "{}",
            error.in_language(Language::French)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
