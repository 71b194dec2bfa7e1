//! The client's data (RGPD). A client's name is written in one place only: the approval pack made for them — on its
//! sheet, and in the pack's record (`approval.ron`: the client, the design, the date — data, so that it can be found
//! again). Presets, sessions and journals never hold it (the journal says "the client", not who). So the right of
//! access lists and copies the packs naming a client, and the right to erasure deletes them, after a confirmation,
//! with a report of every folder removed. Old autosaves (the last session, kept for a crash) are removed after a
//! chosen number of days. Nothing here, nor anywhere in Écrin, leaves the machine.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The record every approval pack carries.
pub const RECORD_FILE: &str = "approval.ron";
const RECORD_VERSION: u32 = 1;

/// What a pack says about whom it was made for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalRecord {
    pub version: u32,
    /// The client's name as the advisor typed it (none: the pack names nobody).
    pub client: Option<String>,
    pub design: String,
    /// When the pack was made (ISO date).
    pub date: String,
}

impl ApprovalRecord {
    pub fn new(client: Option<&str>, design: &str, date: &str) -> ApprovalRecord {
        let client = client.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
        ApprovalRecord { version: RECORD_VERSION, client, design: design.to_owned(), date: date.to_owned() }
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }
}

/// A pack found in the approvals folder, and whom it names.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientPack {
    pub folder: PathBuf,
    pub record: ApprovalRecord,
}

/// Why a client's data could not be copied or erased (each names the place).
#[derive(Debug, Error)]
pub enum ClientError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: already exists (choose another folder)")]
    Exists { path: String },
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> ClientError + '_ {
    move |source| ClientError::Io { path: path.display().to_string(), source }
}

/// How names are compared: trimmed, whatever the case.
fn same_client(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Every pack of the approvals folder that names a client (folders without a readable record are not counted).
pub fn packs_naming_clients(approvals: &Path) -> Vec<ClientPack> {
    let mut found: Vec<ClientPack> = std::fs::read_dir(approvals)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|entry| {
            let folder = entry.path();
            let text = crate::atomic_file::read_text(&folder.join(RECORD_FILE), 64 * 1024).ok()?;
            let record: ApprovalRecord = ron::from_str(&text).ok()?;
            record.client.is_some().then_some(ClientPack { folder, record })
        })
        .collect();
    found.sort_by(|a, b| a.folder.cmp(&b.folder));
    found
}

/// The clients named, each with their packs.
pub fn clients(approvals: &Path) -> Vec<(String, Vec<ClientPack>)> {
    let mut by_client: Vec<(String, Vec<ClientPack>)> = Vec::new();
    for pack in packs_naming_clients(approvals) {
        let name = pack.record.client.clone().unwrap_or_default();
        match by_client.iter_mut().find(|(known, _)| same_client(known, &name)) {
            Some((_, packs)) => packs.push(pack),
            None => by_client.push((name, vec![pack])),
        }
    }
    by_client.sort_by_key(|(name, _)| name.to_lowercase());
    by_client
}

/// The packs naming one client.
pub fn packs_of(approvals: &Path, client: &str) -> Vec<ClientPack> {
    packs_naming_clients(approvals)
        .into_iter()
        .filter(|p| p.record.client.as_deref().is_some_and(|c| same_client(c, client)))
        .collect()
}

fn copy_folder(from: &Path, to: &Path) -> Result<usize, ClientError> {
    std::fs::create_dir_all(to).map_err(io(to))?;
    let mut copied = 0;
    for entry in std::fs::read_dir(from).map_err(io(from))?.flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copied += copy_folder(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(io(&target))?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// The right of access: every pack naming the client copied into `to` (a new folder). Returns the files copied.
pub fn export(approvals: &Path, client: &str, to: &Path) -> Result<usize, ClientError> {
    if to.exists() {
        return Err(ClientError::Exists { path: to.display().to_string() });
    }
    let mut copied = 0;
    for pack in packs_of(approvals, client) {
        let name = pack.folder.file_name().map(PathBuf::from).unwrap_or_default();
        copied += copy_folder(&pack.folder, &to.join(name))?;
    }
    std::fs::create_dir_all(to).map_err(io(to))?;
    Ok(copied)
}

/// The copies made for a client (`export` into the approvals folder): folders holding packs that name them.
pub fn copies_of(approvals: &Path, client: &str) -> Vec<PathBuf> {
    std::fs::read_dir(approvals)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|folder| folder.is_dir() && !folder.join(RECORD_FILE).exists() && !packs_of(folder, client).is_empty())
        .collect()
}

/// The right to erasure: every pack naming the client deleted, and the copies made for them in the approvals
/// folder. Returns the folders removed (the report); one that cannot be removed stops the erasure and is named.
pub fn erase(approvals: &Path, client: &str) -> Result<Vec<PathBuf>, ClientError> {
    let mut removed = Vec::new();
    let folders = packs_of(approvals, client).into_iter().map(|p| p.folder).chain(copies_of(approvals, client));
    for folder in folders.collect::<Vec<_>>() {
        std::fs::remove_dir_all(&folder).map_err(io(&folder))?;
        removed.push(folder);
    }
    Ok(removed)
}

/// Autosaves (the last session, and unreadable ones set aside beside it) older than `days`, removed. Returns them.
pub fn remove_old_autosaves(autosave: &Path, days: u32) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (autosave.parent(), autosave.file_name()) else { return Vec::new() };
    let name = name.to_string_lossy().into_owned();
    let limit = std::time::Duration::from_secs(u64::from(days) * 86_400);
    let old = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > limit)
    };
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if (file == name || file.starts_with(&format!("{name}.corrupt-")))
            && old(&path)
            && std::fs::remove_file(&path).is_ok()
        {
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(approvals: &Path, folder: &str, client: Option<&str>) {
        let dir = approvals.join(folder);
        std::fs::create_dir_all(&dir).expect("pack");
        std::fs::write(dir.join("Solitaire-fiche.png"), b"sheet").expect("sheet");
        let record = ApprovalRecord::new(client, "Solitaire", "2026-12-01");
        std::fs::write(dir.join(RECORD_FILE), record.to_ron()).expect("record");
    }

    #[test]
    fn a_clients_packs_are_listed_copied_and_erased_and_no_one_elses() {
        let root = std::env::temp_dir().join(format!("ecrin-clients-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let approvals = root.join("Validations Écrin");
        pack(&approvals, "Solitaire", Some("Léa Martin"));
        pack(&approvals, "Solitaire 2", Some(" léa martin "));
        pack(&approvals, "Alliance", Some("Paul Durand"));
        pack(&approvals, "Catalogue", None);
        let listed = clients(&approvals);
        let names: Vec<(&str, usize)> = listed.iter().map(|(n, p)| (n.as_str(), p.len())).collect();
        assert_eq!(names, [("Léa Martin", 2), ("Paul Durand", 1)]);

        let copy = approvals.join("Léa Martin 2026-12-01");
        assert_eq!(export(&approvals, "LÉA MARTIN", &copy).expect("exported"), 4);
        assert!(copy.join("Solitaire 2").join(RECORD_FILE).exists());
        assert!(matches!(export(&approvals, "Léa Martin", &copy), Err(ClientError::Exists { .. })));
        assert_eq!(clients(&approvals).len(), 2, "a copy is not another client's pack");

        let removed = erase(&approvals, "Léa Martin").expect("erased");
        assert_eq!(removed.len(), 3, "the two packs and the copy made for her: {removed:?}");
        assert!(!copy.exists());
        assert!(packs_of(&approvals, "Léa Martin").is_empty());
        assert!(approvals.join("Alliance").exists() && approvals.join("Catalogue").exists(), "the others kept");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn only_autosaves_older_than_the_period_are_removed() {
        let dir = std::env::temp_dir().join(format!("ecrin-old-autosaves-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("folder");
        let autosave = dir.join("autosave.ron");
        for file in ["autosave.ron", "autosave.ron.corrupt-2026-01-01-000000", "settings.ron"] {
            std::fs::write(dir.join(file), b"x").expect("file");
        }
        assert!(remove_old_autosaves(&autosave, 30).is_empty(), "all are new");
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 86_400);
        for file in ["autosave.ron", "autosave.ron.corrupt-2026-01-01-000000", "settings.ron"] {
            std::fs::File::options()
                .write(true)
                .open(dir.join(file))
                .and_then(|f| f.set_modified(long_ago))
                .expect("aged");
        }
        assert_eq!(remove_old_autosaves(&autosave, 30).len(), 2);
        assert!(dir.join("settings.ron").exists(), "only autosaves go");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
