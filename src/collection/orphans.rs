//! Stored copies no manifest names. An add writes the copy first and the manifest after it, so an add killed between
//! the two leaves a whole copy named by its hash that nothing lists; the next add in the folder removes those
//! (a copy younger than `ORPHAN_AGE` is left alone: it may be another add's, between its two writes). Nothing is
//! removed while a manifest cannot be read: which copies it names is not known.

use super::Collection;
use std::path::PathBuf;
use std::time::Duration;

/// How old a copy without a manifest must be before it is removed.
pub const ORPHAN_AGE: Duration = Duration::from_secs(3600);

/// Whether a stored entry's name is a BLAKE3 hash in hex (a `.glb` copy or a glTF's folder), so that nothing
/// else someone put in the folder is touched.
fn hash_named(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".glb").unwrap_or(name);
    (stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit())).then_some(stem)
}

impl Collection {
    /// Removes the stored copies older than `older_than` that no manifest names. Returns what was removed.
    pub fn remove_orphans(&self, older_than: Duration) -> Vec<PathBuf> {
        let mut named = Vec::new();
        for manifest in self.list() {
            match manifest {
                Ok(manifest) => named.push(manifest.hash),
                Err(_) => return Vec::new(),
            }
        }
        let old = |entry: &std::fs::DirEntry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > older_than)
        };
        let mut removed = Vec::new();
        for entry in std::fs::read_dir(self.dir.join("models")).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(hash) = hash_named(&name) else { continue };
            if named.iter().any(|n| n == hash) || !old(&entry) {
                continue;
            }
            let path = entry.path();
            let gone = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            if gone.is_ok() {
                removed.push(path);
            }
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_copies_no_manifest_names_are_removed() {
        let root = std::env::temp_dir().join(format!("ecrin-orphans-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let collection = Collection::at(&root);
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/house-ring-rhino.glb");
        let kept = collection.add(&sample, Some("Bague Éloïse"), None).expect("added");
        let models = root.join("models");
        let orphan = models.join(format!("{}.glb", "ab".repeat(32)));
        let fresh = models.join(format!("{}.glb", "cd".repeat(32)));
        let not_ours = models.join("notes.txt");
        for file in [&orphan, &fresh, &not_ours] {
            std::fs::write(file, b"glTF").expect("file");
        }
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
        for file in [&orphan, &not_ours, &collection.model_path(&kept)] {
            std::fs::File::options().write(true).open(file).and_then(|f| f.set_modified(long_ago)).expect("aged");
        }
        assert_eq!(collection.remove_orphans(ORPHAN_AGE), vec![orphan.clone()]);
        assert!(collection.model_path(&kept).exists(), "a copy a manifest names stays, however old");
        assert!(fresh.exists(), "a young copy may be another add's, between its two writes");
        assert!(not_ours.exists(), "what is not named by a hash is not ours");

        std::fs::write(root.join("broken.ron"), "(version: 1, id: ").expect("a broken manifest");
        std::fs::File::options().write(true).open(&fresh).and_then(|f| f.set_modified(long_ago)).expect("aged");
        assert!(collection.remove_orphans(ORPHAN_AGE).is_empty(), "which copies it names is not known");
        let _ = std::fs::remove_dir_all(&root);
    }
}
