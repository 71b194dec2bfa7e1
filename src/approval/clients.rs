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

/// Longest client name kept (longer names are cut: a name is a name, not a document).
pub const MAX_CLIENT_CHARS: usize = 100;
/// Largest record read: a record is a few hundred bytes; one larger is not one of Écrin's and is told, not skipped.
const MAX_RECORD_BYTES: u64 = 64 * 1024;

/// A client's name as it is kept: in Unicode normal form C (an "é" typed as e + accent is the same "é"), without
/// control or direction characters or repeated spaces, at most `MAX_CLIENT_CHARS`; none when nothing is left.
pub fn client_name(typed: &str) -> Option<String> {
    let composed = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(typed);
    // Direction overrides and zero-width marks go (a name holding U+202E would be listed reversed).
    let shown: String = composed.chars().filter(|&c| !crate::design::is_invisible_format(c)).collect();
    let words: Vec<&str> =
        shown.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect();
    let name: String = words.join(" ").chars().take(MAX_CLIENT_CHARS).collect();
    (!name.is_empty()).then_some(name)
}

/// What two names are compared by: the kept name (`client_name`), case-folded (full folding: "STRAẞE" is
/// "strasse") and composed again.
fn comparison_key(name: &str) -> String {
    let kept = client_name(name).unwrap_or_default();
    let folded = icu_casemap::CaseMapper::new().fold_string(&kept).into_owned();
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&folded).into_owned()
}

impl ApprovalRecord {
    pub fn new(client: Option<&str>, design: &str, date: &str) -> ApprovalRecord {
        let client = client.and_then(client_name);
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

/// How names are compared: as people read them — the same letters whatever their Unicode form, case or spacing.
fn same_client(a: &str, b: &str) -> bool {
    comparison_key(a) == comparison_key(b)
}

/// A place in the approvals folder that could not be checked for a client's name, and why: an erasure or a copy
/// that meets one cannot say it is complete, and says so.
#[derive(Clone, Debug, PartialEq)]
pub struct Unchecked {
    pub path: PathBuf,
    pub why: UncheckedWhy,
}

/// Why a place was not checked (data: its words are made at the edges).
#[derive(Clone, Debug, PartialEq)]
pub enum UncheckedWhy {
    /// A link: not followed (it may lead anywhere; what it leads to is not Écrin's to delete).
    Link,
    /// A folder without a record: a pack made before packs kept one, or a folder of the user's.
    NoRecord,
    /// A record that cannot be read (too large, not text, broken): the system's or the reader's words.
    UnreadableRecord(String),
}

/// What the approvals folder holds: the packs with their records, and what could not be checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    pub packs: Vec<ClientPack>,
    pub unchecked: Vec<Unchecked>,
}

/// Whether a folder holds packs (a copy made for a client with `export`) rather than being one.
fn holds_packs(folder: &Path) -> bool {
    std::fs::read_dir(folder).into_iter().flatten().flatten().any(|e| e.path().join(RECORD_FILE).is_file())
}

/// Reads every pack of the approvals folder (hidden folders — packs being written — aside). Links are not followed
/// and are told; a folder without a readable record is told, unless it holds packs (a copy, read with `copies_of`).
pub fn scan(approvals: &Path) -> Scan {
    let mut scan = Scan::default();
    for entry in std::fs::read_dir(approvals).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_symlink() {
            scan.unchecked.push(Unchecked { path, why: UncheckedWhy::Link });
            continue;
        }
        if !kind.is_dir() {
            continue;
        }
        let record_path = path.join(RECORD_FILE);
        if std::fs::symlink_metadata(&record_path).is_err() {
            if !holds_packs(&path) {
                scan.unchecked.push(Unchecked { path, why: UncheckedWhy::NoRecord });
            }
            continue;
        }
        let record = crate::atomic_file::read_text(&record_path, MAX_RECORD_BYTES)
            .map_err(|e| e.to_string())
            .and_then(|text| ron::from_str::<ApprovalRecord>(&text).map_err(|e| e.to_string()));
        match record {
            Ok(record) if record.client.is_some() => scan.packs.push(ClientPack { folder: path, record }),
            Ok(_) => {}
            Err(why) => scan.unchecked.push(Unchecked { path: record_path, why: UncheckedWhy::UnreadableRecord(why) }),
        }
    }
    scan.packs.sort_by(|a, b| a.folder.cmp(&b.folder));
    scan.unchecked.sort_by(|a, b| a.path.cmp(&b.path));
    scan
}

/// Every pack of the approvals folder that names a client.
pub fn packs_naming_clients(approvals: &Path) -> Vec<ClientPack> {
    scan(approvals).packs
}

/// The clients named, each with their packs.
pub fn clients(approvals: &Path) -> Vec<(String, Vec<ClientPack>)> {
    let mut by_client: Vec<(String, Vec<ClientPack>)> = Vec::new();
    for pack in packs_naming_clients(approvals) {
        let name = pack.record.client.clone().unwrap_or_default();
        match by_client.iter_mut().find(|(known, _)| same_client(known, &name)) {
            Some((_, packs)) => packs.push(pack),
            None => by_client.push((client_name(&name).unwrap_or(name), vec![pack])),
        }
    }
    by_client.sort_by_key(|(name, _)| comparison_key(name));
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

/// The copies made for a client (`export` into the approvals folder): folders (not links) holding packs that name
/// them.
pub fn copies_of(approvals: &Path, client: &str) -> Vec<PathBuf> {
    std::fs::read_dir(approvals)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.path())
        .filter(|folder| !folder.join(RECORD_FILE).exists() && !packs_of(folder, client).is_empty())
        .collect()
}

/// What an erasure did: the folders removed, and the places it could not check (links, folders without a
/// readable record — in the approvals folder and in the copies). Complete only when nothing is unchecked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Erasure {
    pub removed: Vec<PathBuf>,
    pub unchecked: Vec<Unchecked>,
}

impl Erasure {
    /// Whether the erasure can say every place was checked.
    pub fn complete(&self) -> bool {
        self.unchecked.is_empty()
    }
}

/// The right to erasure: every pack naming the client deleted, and the copies made for them in the approvals
/// folder. Returns the report — the folders removed, and what could not be checked; a folder that cannot be
/// removed stops the erasure and is named.
pub fn erase(approvals: &Path, client: &str) -> Result<Erasure, ClientError> {
    let found = scan(approvals);
    let mut unchecked = found.unchecked;
    let copies = copies_of(approvals, client);
    for copy in &copies {
        unchecked.extend(scan(copy).unchecked);
    }
    let mut removed = Vec::new();
    let packs = found.packs.into_iter().filter(|p| p.record.client.as_deref().is_some_and(|c| same_client(c, client)));
    for folder in packs.map(|p| p.folder).chain(copies).collect::<Vec<_>>() {
        std::fs::remove_dir_all(&folder).map_err(io(&folder))?;
        removed.push(folder);
    }
    Ok(Erasure { removed, unchecked })
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

        let erasure = erase(&approvals, "Léa Martin").expect("erased");
        assert_eq!(erasure.removed.len(), 3, "the two packs and the copy made for her: {erasure:?}");
        assert!(erasure.complete(), "{erasure:?}");
        assert!(!copy.exists());
        assert!(packs_of(&approvals, "Léa Martin").is_empty());
        assert!(approvals.join("Alliance").exists() && approvals.join("Catalogue").exists(), "the others kept");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn look_alike_names_are_one_client_and_what_cannot_be_checked_is_told() {
        let root = std::env::temp_dir().join(format!("ecrin-clients-forms-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let approvals = root.join("Validations");
        // "Léa" with a composed é, with e + a combining accent, in capitals with a double space.
        pack(&approvals, "Solitaire", Some("L\u{e9}a Martin"));
        // (Written as an older Écrin wrote it: the name as typed, not composed.)
        pack(&approvals, "Alliance", None);
        let raw = ApprovalRecord { client: Some("Le\u{301}a Martin".into()), ..ApprovalRecord::new(None, "A", "2026") };
        std::fs::write(approvals.join("Alliance").join(RECORD_FILE), raw.to_ron()).expect("record");
        pack(&approvals, "Bague", Some("LÉA  MARTIN"));
        pack(&approvals, "Autre", Some("Lea Martin"));
        let names: Vec<(String, usize)> = clients(&approvals).into_iter().map(|(n, p)| (n, p.len())).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.contains(&("Léa Martin".to_string(), 3)), "one client, three packs: {names:?}");
        // A record too large to read, a pack reached through a link, an old pack without a record.
        let large = approvals.join("Grand");
        std::fs::create_dir_all(&large).expect("folder");
        std::fs::write(large.join(RECORD_FILE), "x".repeat(100_000)).expect("large record");
        let elsewhere = root.join("Ailleurs");
        pack(&elsewhere, "Lien", Some("Léa Martin"));
        std::os::unix::fs::symlink(elsewhere.join("Lien"), approvals.join("Lien")).expect("link");
        std::fs::create_dir_all(approvals.join("Ancien")).expect("old pack");
        let erasure = erase(&approvals, "LE\u{301}A MARTIN").expect("erased");
        assert_eq!(erasure.removed.len(), 3, "{erasure:?}");
        assert!(approvals.join("Autre").exists(), "Lea (no accent) is someone else");
        assert!(!erasure.complete());
        let why: Vec<&UncheckedWhy> = erasure.unchecked.iter().map(|u| &u.why).collect();
        assert_eq!(why.len(), 3, "{erasure:?}");
        assert!(matches!(why[0], UncheckedWhy::NoRecord), "Ancien: {why:?}");
        assert!(matches!(why[1], UncheckedWhy::UnreadableRecord(_)), "Grand: {why:?}");
        assert!(matches!(why[2], UncheckedWhy::Link), "Lien: {why:?}");
        assert!(elsewhere.join("Lien").exists(), "what a link leads to is not deleted through it");
        // A name is capped on the way in, and its form kept composed.
        let record = ApprovalRecord::new(Some(&format!("Le\u{301}a {}", "x".repeat(500))), "Solitaire", "2026-12-05");
        let kept = record.client.expect("a name");
        assert_eq!(kept.chars().count(), MAX_CLIENT_CHARS);
        assert!(kept.starts_with("L\u{e9}a "));
        assert_eq!(client_name(" \u{7} "), None);
        assert_eq!(client_name("L\u{e9}a \u{202e}nitraM").as_deref(), Some("L\u{e9}a nitraM"), "no override kept");
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
