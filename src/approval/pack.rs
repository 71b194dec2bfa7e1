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
    #[error("{path}: cannot write: {source}")]
    Write { path: PathBuf, source: io::Error },
}

impl PackError {
    /// The failure in a language.
    pub fn message(&self, l: crate::i18n::Language) -> String {
        use crate::tr;
        match self {
            PackError::Exists(path) => tr!(l, "error-pack-exists", folder = path.display().to_string()),
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
    pub fn begin(destination: &Path, replace: bool) -> Result<PackWriter, PackError> {
        if destination.exists() && !replace {
            return Err(PackError::Exists(destination.to_path_buf()));
        }
        let parent = match destination.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(write_error(&parent))?;
        remove_stale_staging(&parent);
        let name = destination.file_name().map_or_else(|| "pack".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.partial-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(write_error(&staging))?;
        }
        fs::create_dir(&staging).map_err(write_error(&staging))?;
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

/// The staging (`.NAME.partial-PID`) and set-aside (`.NAME.old-PID`) folders of packs whose writer was killed
/// mid-way, removed from the approvals folder: a pack is written whole or not at all, and nothing stays behind.
fn remove_stale_staging(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix('.') else { continue };
        let pid = rest.rsplit_once(".partial-").or_else(|| rest.rsplit_once(".old-")).map(|(_, pid)| pid);
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if let Some(pid) = pid.and_then(|pid| pid.parse::<u32>().ok())
            && is_dir
            && process_gone(pid)
        {
            let _ = fs::remove_dir_all(entry.path());
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

    #[test]
    fn a_killed_packs_staging_is_cleared_when_the_next_pack_starts() {
        let root = scratch("stale");
        fs::create_dir_all(&root).expect("folder");
        // Left by a writer killed mid-way (a process that is no more), and one of a writer still running (pid 1).
        let gone = root.join(".Bague.partial-4000000000");
        let set_aside = root.join(".Bague.old-4000000001");
        let running = root.join(".Autre.partial-1");
        for folder in [&gone, &set_aside, &running] {
            fs::create_dir_all(folder).expect("staging");
            fs::write(folder.join("x.png"), b"half").expect("file");
        }
        let writer = PackWriter::begin(&root.join("Bague"), false).expect("begin");
        assert!(!gone.exists() && !set_aside.exists(), "stale staging removed");
        assert_eq!(running.exists(), !cfg!(target_os = "linux") || Path::new("/proc/1").exists());
        writer.finish().expect("finish");
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
