//! Atomic file writes: write a temporary file beside the target, fsync it, rename it over the target.
//! A crash mid-write never leaves a half-written file and never destroys the previous one. Reads of small text files
//! are bounded (`read_text`), so a file that grew huge by accident or malice is refused, not swallowed.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a path may not be written over: renaming a file onto it would replace something that is not a file of ours
/// (in an `io::Error` of kind `InvalidInput`).
#[derive(Debug, thiserror::Error)]
pub enum NotAFileTarget {
    /// Writing would replace the link itself, not the file it leads to.
    #[error("is a symbolic link (to {target}): give the file it leads to, or another name")]
    Link { target: String },
    #[error("is not a regular file (a device, a folder, a pipe or a socket): give a file name")]
    Special,
}

/// Whether a file may be written at `path`: absent, or a regular file (not a link, a device, a folder, a pipe).
pub fn check_output(path: &Path) -> io::Result<()> {
    let refuse = |why| Err(io::Error::new(io::ErrorKind::InvalidInput, why));
    match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
            refuse(NotAFileTarget::Link { target })
        }
        Ok(_) => refuse(NotAFileTarget::Special),
    }
}

/// Writes `bytes` to `path` atomically (same-directory temporary file, fsync, rename, fsync of the directory).
/// A link, a device or anything else that is not a regular file at `path` is refused (`check_output`): the rename
/// would replace it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    check_output(path)?;
    let file_name = path.file_name().ok_or_else(|| io::Error::from(io::ErrorKind::InvalidFilename))?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temporary = dir.join(format!(".{}.{}.tmp", file_name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    // Make the rename itself durable; not every platform lets a directory be opened, so this is best effort.
    if let Ok(directory) = File::open(&dir) {
        let _ = directory.sync_all();
    }
    remove_stale_temporaries(&dir);
    Ok(())
}

/// Whether the process `pid` is gone (Linux: no `/proc/PID`; elsewhere it cannot be told, and `false` is said).
pub fn process_gone(pid: u32) -> bool {
    cfg!(target_os = "linux") && pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
}

/// The temporaries (`.NAME.PID.tmp`) that writers killed mid-write left in a folder, removed: their targets were
/// never touched by them, so nothing stays behind after the next write there.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .filter(|f| f.starts_with('.'))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|f| f.rsplit_once('.'))
            .map(|(_, pid)| pid)
        else {
            continue;
        };
        if pid.parse().is_ok_and(process_gone) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A text file larger than it may be (in an `io::Error` of kind `InvalidData`).
#[derive(Debug, thiserror::Error)]
#[error("larger than {max} bytes")]
pub struct TooLarge {
    pub max: u64,
}

/// Something that is not a regular file where one was to be read (in an `io::Error` of kind `InvalidInput`).
#[derive(Debug, thiserror::Error)]
#[error("is not a regular file (a device, a folder, a pipe or a socket)")]
pub struct NotAFile;

/// Opens a regular file to read (links followed). A device, a pipe or a socket is refused without waiting: the file
/// is opened non-blocking (a pipe with no writer would block a plain open) and looked at before anything is read.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NotAFile));
    }
    Ok(file)
}

/// Reads a regular file of at most `max` bytes: a larger one is refused before it is read, and one that grows while
/// read stops at the limit and is refused too — never more than `max` + 1 bytes are held.
pub fn read_bounded(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    use std::io::Read as _;
    let too_large = || io::Error::new(io::ErrorKind::InvalidData, TooLarge { max });
    let file = open_regular(path)?;
    let declared = file.metadata()?.len();
    if declared > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(declared as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Reads a text file no larger than `max` bytes (`read_bounded`). A UTF-8 byte-order mark at its start (some
/// editors on Windows write one) is not part of the text.
pub fn read_text(path: &Path, max: u64) -> io::Result<String> {
    let bytes = read_bounded(path, max)?;
    let text = String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// A file that cannot be read set aside beside itself as `<name>.corrupt-<stamp>` (a date), so that nothing
/// overwrites it and someone can look at it later. Returns where it went.
pub fn set_aside(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    let file_name = path.file_name().ok_or_else(|| io::Error::from(io::ErrorKind::InvalidFilename))?;
    let mut aside = path.with_file_name(format!("{}.corrupt-{stamp}", file_name.to_string_lossy()));
    let mut counter = 2;
    while aside.exists() {
        aside = path.with_file_name(format!("{}.corrupt-{stamp}-{counter}", file_name.to_string_lossy()));
        counter += 1;
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_special_files_are_never_written_over_nor_read_whole() {
        let dir = std::env::temp_dir().join(format!("ecrin-special-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        let real = dir.join("real.png");
        fs::write(&real, b"kept").expect("file");
        let link = dir.join("link.png");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        let error = write_atomically(&link, b"new").expect_err("a link is refused");
        assert!(error.to_string().contains("real.png"), "{error}");
        assert!(fs::symlink_metadata(&link).expect("still there").file_type().is_symlink(), "the link stays");
        assert_eq!(fs::read(&real).expect("read"), b"kept");
        // A device (only its type is looked at: nothing is written to it).
        assert!(write_atomically(Path::new("/dev/null"), b"x").is_err());
        use std::os::unix::fs::FileTypeExt as _;
        assert!(fs::metadata("/dev/null").expect("dev").file_type().is_char_device(), "the device is untouched");
        assert!(write_atomically(&dir, b"x").is_err(), "a folder");
        // Reading: an endless device and a pipe without a writer are refused at once.
        for special in ["/dev/zero", "/dev/urandom"] {
            let error = read_bounded(Path::new(special), 1024).expect_err(special);
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{special}: {error}");
        }
        let fifo = dir.join("pipe.ron");
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            assert!(read_text(&fifo, 1024).is_err(), "a pipe is not waited on");
        }
        // A byte-order mark is not text.
        fs::write(dir.join("bom.ron"), "\u{feff}(version: 1)").expect("bom");
        assert_eq!(read_text(&dir.join("bom.ron"), 1024).expect("read"), "(version: 1)");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_set_aside_keeps_its_bytes_under_a_dated_name_never_over_another() {
        let dir = std::env::temp_dir().join(format!("ecrin-aside-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("settings.ron");
        for bytes in [b"first".as_slice(), b"second"] {
            fs::write(&path, bytes).expect("write");
            let aside = set_aside(&path, "2026-12-01-120000").expect("set aside");
            assert!(!path.exists());
            assert_eq!(fs::read(&aside).expect("read"), bytes);
        }
        assert!(dir.join("settings.ron.corrupt-2026-12-01-120000-2").exists(), "the second beside the first");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_temporary_left_by_a_killed_writer_goes_with_the_next_write() {
        let dir = std::env::temp_dir().join(format!("ecrin-stale-tmp-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        let target = dir.join("autosave.ron");
        // No process has this id (above Linux's pid_max); a running one's (ours, 1) is kept.
        let killed = dir.join(".autosave.ron.4000000001.tmp");
        let running = dir.join(".autosave.ron.1.tmp");
        let other = dir.join(".settings.ron.4000000001.tmp");
        let users = dir.join("notes.tmp");
        for file in [&killed, &running, &other, &users] {
            fs::write(file, b"half").expect("temporary");
        }
        write_atomically(&target, b"whole").expect("write");
        for gone in [&killed, &other] {
            assert_eq!(gone.exists(), !cfg!(target_os = "linux"), "a killed writer's temporary removed");
        }
        assert!(running.exists() && users.exists(), "a live writer's temporary, and the user's own file, kept");
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("ecrin-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let target = dir.join("a.ron");
        write_atomically(&target, b"first").expect("first write");
        write_atomically(&target, b"second").expect("second write");
        assert_eq!(fs::read(&target).expect("read back"), b"second");
        let names: Vec<_> = fs::read_dir(&dir).expect("list").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn failing_write_keeps_the_previous_file() {
        let dir = std::env::temp_dir().join(format!("ecrin-atomic-fail-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let target = dir.join("keep.ron");
        write_atomically(&target, b"precious").expect("write");
        // A directory where the temporary would go cannot be written: the rename target must survive.
        let missing_dir_target = dir.join("no-such-dir").join("keep.ron");
        assert!(write_atomically(&missing_dir_target, b"x").is_err());
        assert_eq!(fs::read(&target).expect("read back"), b"precious");
        fs::remove_dir_all(&dir).ok();
    }
}
