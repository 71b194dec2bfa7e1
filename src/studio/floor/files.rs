//! The user's folders and files: where presets, the autosave and approval packs live, names that do not exist
//! yet, Écrin's own presets named in the advisor's language, and the small versioned user files (settings, screens)
//! read — or set aside with a date when they cannot be.

use super::StatusLine;
use crate::i18n::Language;
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// The shipped sample presets: `$ECRIN_PRESETS`, else `./presets`, else the source tree's.
pub fn shipped_presets_dir() -> PathBuf {
    std::env::var_os("ECRIN_PRESETS")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("presets")).filter(|p| p.is_dir()))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets"))
}

/// The advisor's own presets, in the user's data folder (never leaves the machine).
pub fn user_presets_dir() -> PathBuf {
    directories::ProjectDirs::from("studio", "Ecrin", "Ecrin")
        .map(|dirs| dirs.data_dir().join("presets"))
        .unwrap_or_else(|| PathBuf::from("my-presets"))
}

/// The title of one of Écrin's own presets in a language ("Solitaire classique"): the locale files' `sample-<file
/// stem>`; `None` for a preset that is not Écrin's (a boutique's own keep their names).
pub fn sample_title(path: &Path, language: Language) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let key = format!("sample-{stem}");
    language.has(&key).then(|| language.tr(&key))
}

/// A preset as opened: one of Écrin's own, from the shipped folder, takes its title in the advisor's language.
pub fn catalogue_named(mut design: crate::design::Design, path: &Path, language: Language) -> crate::design::Design {
    let folder = path.parent().and_then(|folder| folder.canonicalize().ok());
    let shipped = folder.is_some_and(|folder| shipped_presets_dir().canonicalize().is_ok_and(|s| s == folder));
    if shipped && let Some(title) = sample_title(path, language) {
        design.name = title;
    }
    design
}

/// Where the studio autosaves its session: beside the user's presets.
pub fn default_autosave_path() -> PathBuf {
    user_presets_dir().with_file_name("autosave.ron")
}

/// Days an autosave is kept unless the advisor chose another period (*Client data*, kept in the settings): older,
/// the session is no one's to restore, and it goes (client data kept no longer than needed; the CLI:
/// `ecrin clients remove-old-autosaves --days N`).
pub const KEEP_AUTOSAVES_DAYS: u32 = 30;

/// Why a small user file (the settings, the screens' scales) cannot be read: said in a language by `words`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UserFileError {
    /// Too large, not a regular file, unreadable (the system's words).
    #[error("{0}")]
    Read(String),
    #[error("line {line}, column {column}: {reason}")]
    Syntax { line: usize, column: usize, reason: String },
    /// Written by a newer Écrin.
    #[error("version {found} (this Écrin reads {reads})")]
    Newer { found: u32, reads: u32 },
}

impl UserFileError {
    /// What is wrong, in a language.
    pub fn in_language(&self, l: Language) -> String {
        match self {
            UserFileError::Read(reason) => reason.clone(),
            UserFileError::Syntax { line, column, reason } => crate::tr!(
                l,
                "error-syntax-at",
                line = line.to_string(),
                column = column.to_string(),
                reason = reason.as_str()
            ),
            UserFileError::Newer { found, reads } => {
                crate::tr!(l, "error-newer-version", found = *found, supported = *reads)
            }
        }
    }
}

/// A small user file (RON, versioned: the settings, the screens' scales): `Ok(None)` when there is none yet, `Err`
/// (why) when it is there but unreadable — too large, not RON, or written by a newer Écrin.
pub fn read_user_file<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    reads: u32,
    version: fn(&T) -> u32,
) -> Result<Option<T>, UserFileError> {
    let text = match crate::atomic_file::read_text(path, 64 * 1024) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(UserFileError::Read(error.to_string())),
    };
    let file = ron::from_str::<T>(&text).map_err(|e| UserFileError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        reason: crate::design::preset::syntax_reason(&e.code),
    })?;
    if version(&file) > reads {
        return Err(UserFileError::Newer { found: version(&file), reads });
    }
    Ok(Some(file))
}

/// A user file that cannot be read (the settings, the screens' scales) set aside beside itself with the date, and
/// what the status line says (in the advisor's language when it is shown): where it went, or why it could not be
/// moved.
pub fn set_aside_unreadable(file: &std::path::Path, why: &UserFileError) -> StatusLine {
    warn!("{} could not be read ({why}): it is set aside", file.display());
    let stamp = crate::approval::file_stamp(crate::design::journal::now());
    let name = file.display().to_string();
    match crate::atomic_file::set_aside(file, &stamp) {
        Ok(aside) => {
            let (why, aside) = (why.clone(), aside.display().to_string());
            StatusLine::error(crate::i18n::errors::Said::new(move |l| {
                crate::tr!(
                    l,
                    "status-file-set-aside",
                    file = name.as_str(),
                    reason = why.in_language(l),
                    aside = aside.as_str()
                )
            }))
        }
        Err(error) => {
            StatusLine::error(crate::said!("status-file-unreadable", file = name, reason = error.to_string()))
        }
    }
}

/// Where approval packs are written: a folder of the user's documents named in the advisor's language
/// ("Validations Écrin"), or the one an earlier start made in another language, so that the packs stay together.
pub fn approvals_dir(advisor: Language) -> PathBuf {
    let documents = directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| user_presets_dir().with_file_name("documents"));
    approvals_dir_in(&documents, advisor)
}

/// The approvals folder inside `documents` (see `approvals_dir`).
pub fn approvals_dir_in(documents: &Path, advisor: Language) -> PathBuf {
    let named = |language: Language| documents.join(language.tr("folder-approvals"));
    std::iter::once(advisor)
        .chain(Language::ALL.into_iter().filter(|&other| other != advisor))
        .map(named)
        .find(|folder| folder.is_dir())
        .unwrap_or_else(|| named(advisor))
}

/// A folder name that does not exist yet: "<name> <date>", then "<name> <date> (2)"…
pub fn unused_folder(parent: &Path, base: &str) -> PathBuf {
    unused_path(parent, base, "")
}

/// A path that does not exist yet: "<base><extension>", then "<base> (2)<extension>"… (`extension` with its dot,
/// or empty for a folder).
pub fn unused_path(parent: &Path, base: &str, extension: &str) -> PathBuf {
    let mut candidate = parent.join(format!("{base}{extension}"));
    let mut counter = 2;
    while candidate.exists() {
        candidate = parent.join(format!("{base} ({counter}){extension}"));
        counter += 1;
    }
    candidate
}

/// A file name for a design name: lower-case letters, digits and dashes (a preset's, a file for the bench's).
pub fn file_stem_for(name: &str) -> String {
    crate::approval::pack::safe_file_stem(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_preset_has_a_title_in_both_languages_and_opens_under_it() {
        let stems: std::collections::BTreeSet<String> = crate::design::preset::list(&shipped_presets_dir())
            .iter()
            .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        assert!(stems.len() >= 10, "{stems:?}");
        for language in Language::ALL {
            let titled: std::collections::BTreeSet<String> = crate::i18n::tests::messages(language)
                .into_keys()
                .filter_map(|key| key.strip_prefix("sample-").map(str::to_string))
                .collect();
            assert_eq!(titled, stems, "{language:?}: one title per shipped preset, and no other");
        }
        let path = shipped_presets_dir().join("classic-solitaire.ron");
        let design = crate::design::preset::load(&path).expect("a shipped preset");
        assert_eq!(catalogue_named(design.clone(), &path, Language::French).name, "Solitaire classique");
        // A boutique's own copy elsewhere keeps the name it was given.
        let elsewhere = std::env::temp_dir().join("classic-solitaire.ron");
        assert_eq!(catalogue_named(design.clone(), &elsewhere, Language::French).name, design.name);
    }

    #[test]
    fn pack_folders_are_never_reused() {
        let parent = std::env::temp_dir().join(format!("ecrin-unused-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&parent);
        std::fs::create_dir_all(parent.join("Ring 2026-11-23")).expect("folder");
        assert_eq!(unused_folder(&parent, "Ring 2026-11-23"), parent.join("Ring 2026-11-23 (2)"));
        std::fs::write(parent.join("Ring board.png"), b"").expect("file");
        assert_eq!(unused_path(&parent, "Ring board", ".png"), parent.join("Ring board (2).png"));
        let _ = std::fs::remove_dir_all(&parent);
    }

    #[test]
    fn the_approvals_folder_is_named_once_and_then_kept() {
        let documents = std::env::temp_dir().join(format!("ecrin-documents-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&documents);
        let french = approvals_dir_in(&documents, Language::French);
        assert_eq!(french, documents.join("Validations Écrin"));
        assert_eq!(approvals_dir_in(&documents, Language::English), documents.join("Écrin approvals"));
        // Once a French advisor's packs are there, an English advisor on the same machine writes beside them.
        std::fs::create_dir_all(&french).expect("folder");
        assert_eq!(approvals_dir_in(&documents, Language::English), french);
        let _ = std::fs::remove_dir_all(&documents);
    }
}
