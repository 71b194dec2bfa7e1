//! Atomic file writes: write a temporary file beside the target, fsync it, rename it over the target.
//! A crash mid-write never leaves a half-written file and never destroys the previous one.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically (same-directory temporary file, fsync, rename, fsync of the directory).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
