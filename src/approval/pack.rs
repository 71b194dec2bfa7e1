//! The approval pack folder, written all-or-nothing: every file goes into a hidden staging folder beside the
//! destination, which is renamed into place only when everything is written. A failure (unwritable folder, disk
//! full) or a cancel leaves no partial pack and never touches an existing one.

use crate::atomic_file::process_gone;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PackError {
    #[error("{0}: already exists (choose another folder, or replace it)")]
    Exists(PathBuf),
    /// Only a pack Écrin wrote (a folder holding its record, `approval.ron`) is ever replaced.
    #[error(
        "{0}: not an approval pack made by Écrin (no approval.ron in it), so it is not replaced: choose another folder"
    )]
    NotAPack(PathBuf),
    #[error("{path}: cannot write: {source}")]
    Write { path: PathBuf, source: io::Error },
}

impl PackError {
    /// The failure in a language.
    pub fn in_language(&self, l: crate::i18n::Language) -> String {
        use crate::tr;
        match self {
            PackError::Exists(path) => tr!(l, "error-pack-exists", folder = path.display().to_string()),
            PackError::NotAPack(path) => tr!(l, "error-pack-not-a-pack", folder = path.display().to_string()),
            PackError::Write { path, source } => tr!(
                l,
                "error-in-file",
                file = path.display().to_string(),
                what = tr!(l, "error-cannot-write", reason = source.to_string())
            ),
        }
    }
}

fn write_error(path: &Path) -> impl FnOnce(io::Error) -> PackError + '_ {
    move |source| PackError::Write { path: path.to_path_buf(), source }
}

/// A file name made from a design's name: letters (any script), digits, '-' and '_' kept, spaces become '-',
/// anything else (slashes, quotes, control characters…) is dropped; never empty, never hidden.
pub fn safe_file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            stem.push(c);
        } else if c.is_whitespace() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(60).collect();
    if stem.is_empty() { "design".to_string() } else { stem }
}

/// A pack being written. Dropped before `finish`, it removes what it wrote.
pub struct PackWriter {
    destination: PathBuf,
    staging: PathBuf,
    replace: bool,
    finished: bool,
}

impl PackWriter {
    /// Starts a pack that will become `destination` (a folder). An existing folder is an error unless `replace`.
    /// Only a folder that is a pack (not a link, holding the record every pack carries) is replaced: anything else
    /// the user keeps there is refused by name, never deleted.
    pub fn begin(destination: &Path, replace: bool) -> Result<PackWriter, PackError> {
        if let Ok(meta) = fs::symlink_metadata(destination) {
            if !replace {
                return Err(PackError::Exists(destination.to_path_buf()));
            }
            let record = fs::symlink_metadata(destination.join(super::clients::RECORD_FILE));
            if !meta.is_dir() || !record.is_ok_and(|r| r.is_file()) {
                return Err(PackError::NotAPack(destination.to_path_buf()));
            }
        }
        let parent = match destination.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(write_error(&parent))?;
        recover_interrupted(&parent);
        let name = destination.file_name().map_or_else(|| "pack".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.partial-{}", std::process::id()));
        // The staging folder is Écrin's own business: a failure is told with the folder the user asked for.
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(write_error(destination))?;
        }
        fs::create_dir(&staging).map_err(write_error(destination))?;
        Ok(PackWriter { destination: destination.to_path_buf(), staging, replace, finished: false })
    }

    /// Where a file of the pack is written now (inside the staging folder).
    pub fn staged_path(&self, name: &str) -> PathBuf {
        self.staging.join(name)
    }

    /// Writes one file of the pack.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        let path = self.staged_path(name);
        let written = fs::File::create(&path).and_then(|mut file| {
            io::Write::write_all(&mut file, bytes)?;
            file.sync_all()
        });
        written.map_err(|source| PackError::Write { path: self.destination.join(name), source })
    }

    /// Moves the finished pack into place (replacing an older one only now, when everything is written).
    pub fn finish(mut self) -> Result<PathBuf, PackError> {
        let old = self.staging.with_file_name(format!(
            ".{}.old-{}",
            self.destination.file_name().map_or_else(|| "pack".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_old = self.replace && self.destination.exists();
        if had_old {
            fs::rename(&self.destination, &old).map_err(write_error(&self.destination))?;
        }
        if let Err(source) = fs::rename(&self.staging, &self.destination) {
            if had_old {
                let _ = fs::rename(&old, &self.destination);
            }
            return Err(PackError::Write { path: self.destination.clone(), source });
        }
        self.finished = true;
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(self.destination.clone())
    }
}

/// What writers killed mid-way left in the approvals folder, put right: a pack is written whole or not at all, a
/// whole pack is never deleted, and nothing stays behind. A writer killed while writing leaves only its staging
/// (`.NAME.partial-PID`, incomplete: removed). One killed while replacing (`finish`) leaves the old pack set aside
/// (`.NAME.old-PID`) and either the new one already in place (the old one removed) or the new one still staged — it
/// was complete, since the old pack is set aside only then: it takes its place (if it lacks its record, the old one
/// comes back instead).
fn recover_interrupted(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let mut left = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix('.') else { continue };
        let (pack, old, pid) = match (rest.rsplit_once(".partial-"), rest.rsplit_once(".old-")) {
            (Some((pack, pid)), _) => (pack, false, pid),
            (None, Some((pack, pid))) => (pack, true, pid),
            (None, None) => continue,
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if let Ok(pid) = pid.parse::<u32>()
            && is_dir
            && process_gone(pid)
        {
            left.push((pack.to_string(), old, pid, entry.path()));
        }
    }
    for (pack, old, pid, path) in &left {
        if !old {
            continue;
        }
        let destination = parent.join(pack);
        let staged = parent.join(format!(".{pack}.partial-{pid}"));
        let staged_whole = staged.join(super::clients::RECORD_FILE).is_file();
        if fs::symlink_metadata(&destination).is_ok() {
            // The new pack was moved into place before the kill: only the old one's removal was left.
            let _ = fs::remove_dir_all(path);
        } else if staged_whole && fs::rename(&staged, &destination).is_ok() {
            let _ = fs::remove_dir_all(path);
        } else {
            let _ = fs::rename(path, &destination);
        }
    }
    for (pack, old, pid, path) in left {
        // An incomplete staging (no set-aside pack beside it: the writer never reached its end).
        let set_aside = parent.join(format!(".{pack}.old-{pid}"));
        if !old && path.exists() && !set_aside.exists() {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

impl Drop for PackWriter {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecrin-pack-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// A pack folder as a writer leaves it: its record, and one picture saying which pack it is.
    fn whole_pack(folder: &Path, which: &[u8]) {
        fs::create_dir_all(folder).expect("pack");
        fs::write(folder.join(super::super::clients::RECORD_FILE), b"(version: 1)").expect("record");
        fs::write(folder.join("x.png"), which).expect("file");
    }

    #[test]
    fn a_killed_packs_staging_is_cleared_when_the_next_pack_starts() {
        let root = scratch("stale");
        fs::create_dir_all(&root).expect("folder");
        // Left by a writer killed while writing (a process that is no more), and one of a writer still running (pid 1).
        let gone = root.join(".Bague.partial-4000000000");
        let running = root.join(".Autre.partial-1");
        for folder in [&gone, &running] {
            fs::create_dir_all(folder).expect("staging");
            fs::write(folder.join("x.png"), b"half").expect("file");
        }
        let writer = PackWriter::begin(&root.join("Bague"), false).expect("begin");
        assert!(!gone.exists(), "stale staging removed");
        assert_eq!(running.exists(), !cfg!(target_os = "linux") || Path::new("/proc/1").exists());
        writer.finish().expect("finish");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_pack_replaced_by_a_writer_killed_between_its_renames_is_never_lost() {
        let root = scratch("between-renames");
        // Killed after setting the old pack aside, before moving the new one in: the new, whole one takes its place.
        whole_pack(&root.join(".Alliance.old-4000000002"), b"old");
        whole_pack(&root.join(".Alliance.partial-4000000002"), b"new");
        // Killed after both renames, before removing the old one: the new one stays, the old one goes.
        whole_pack(&root.join("Solitaire"), b"new");
        whole_pack(&root.join(".Solitaire.old-4000000003"), b"old");
        // Set aside, and its new one incomplete (no record): the old one comes back.
        whole_pack(&root.join(".Pendentif.old-4000000004"), b"old");
        fs::create_dir_all(root.join(".Pendentif.partial-4000000004")).expect("staging");
        PackWriter::begin(&root.join("Autre"), false).expect("begin").finish().expect("finish");
        if !cfg!(target_os = "linux") {
            return;
        }
        for (pack, which) in [("Alliance", "new"), ("Solitaire", "new"), ("Pendentif", "old")] {
            let picture = fs::read(root.join(pack).join("x.png")).unwrap_or_default();
            assert_eq!(String::from_utf8_lossy(&picture), which, "{pack}");
        }
        let mut names: Vec<String> =
            fs::read_dir(&root).expect("list").flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
        names.sort();
        assert_eq!(names, ["Alliance", "Autre", "Pendentif", "Solitaire"], "nothing else left");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn only_a_pack_is_replaced_and_a_failure_names_the_folder_asked_for() {
        let root = scratch("not-a-pack");
        let documents = root.join("Documents");
        fs::create_dir_all(&documents).expect("folder");
        fs::write(documents.join("contrat.pdf"), b"the user's").expect("file");
        let Err(error) = PackWriter::begin(&documents, true) else { panic!("a folder that is not a pack") };
        assert!(matches!(&error, PackError::NotAPack(p) if p == &documents), "{error}");
        assert_eq!(fs::read(documents.join("contrat.pdf")).expect("kept"), b"the user's");
        let link = root.join("Lien");
        whole_pack(&root.join("Vrai"), b"pack");
        std::os::unix::fs::symlink(root.join("Vrai"), &link).expect("link");
        assert!(matches!(PackWriter::begin(&link, true), Err(PackError::NotAPack(_))), "a link is not replaced");
        assert!(root.join("Vrai").join("x.png").exists());
        // A place that cannot be written: the folder asked for is named, not the hidden staging beside it.
        use std::os::unix::fs::PermissionsExt as _;
        let locked = root.join("locked");
        fs::create_dir_all(&locked).expect("folder");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).expect("read-only");
        let asked = locked.join("Bague");
        if fs::write(locked.join("probe"), b"x").is_err() {
            let Err(error) = PackWriter::begin(&asked, false) else { panic!("read-only") };
            let said = error.in_language(crate::i18n::Language::French);
            assert!(said.contains(&asked.display().to_string()) && !said.contains(".partial-"), "{said}");
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("back");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_pack_appears_whole_or_not_at_all() {
        let root = scratch("whole");
        let destination = root.join("pack");
        let writer = PackWriter::begin(&destination, false).expect("begin");
        writer.write("a.txt", b"one").expect("write");
        assert!(!destination.exists(), "nothing shows before the end");
        drop(writer);
        assert!(!destination.exists());
        assert_eq!(fs::read_dir(&root).map(|d| d.count()).unwrap_or(0), 0, "a cancelled pack leaves nothing");

        let writer = PackWriter::begin(&destination, false).expect("begin");
        writer.write("a.txt", b"one").expect("write");
        writer.finish().expect("finish");
        assert_eq!(fs::read(destination.join("a.txt")).ok().as_deref(), Some(&b"one"[..]));

        // An existing pack is refused, or replaced whole.
        assert!(matches!(PackWriter::begin(&destination, false), Err(PackError::Exists(_))));
        fs::write(destination.join(super::super::clients::RECORD_FILE), b"(version: 1)").expect("record");
        let writer = PackWriter::begin(&destination, true).expect("begin");
        writer.write("b.txt", b"two").expect("write");
        assert!(destination.join("a.txt").exists(), "the old pack stays until the new one is complete");
        writer.finish().expect("finish");
        assert!(!destination.join("a.txt").exists() && destination.join("b.txt").exists());
        assert_eq!(fs::read_dir(&root).map(|d| d.count()).unwrap_or(0), 1, "no staging or old folder left");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn an_unwritable_place_is_named() {
        let root = scratch("blocked");
        fs::create_dir_all(&root).expect("root");
        let file = root.join("a-file");
        fs::write(&file, b"x").expect("file");
        let Err(error) = PackWriter::begin(&file.join("pack"), false) else { panic!("a file cannot hold a folder") };
        assert!(error.to_string().contains("a-file"), "{error}");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn file_names_come_from_design_names_safely() {
        assert_eq!(safe_file_stem("Bague « Éloïse » / v2"), "Bague-Éloïse-v2");
        assert_eq!(safe_file_stem("../../etc"), "etc");
        assert_eq!(safe_file_stem("  \u{0}\u{7} "), "design");
    }
}
