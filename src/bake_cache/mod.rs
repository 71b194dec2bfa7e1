//! What is slow to make and the same every time for the same inputs (a lighting environment's cubemap, its
//! irradiance), kept in the user's cache between runs so that a start after the first reads it instead.
//!
//! One file per bake, holding its key — what it was made from: the inputs, and the program that made it (its
//! version, and the size and time of its executable, so that any other build makes its own) — and its bytes' length
//! and checksum. A file with another key is stale; one whose header, length or checksum does not hold is corrupt and
//! never trusted: either way the bake is made again and the file rewritten (atomically). A cache that cannot be read
//! or written only costs the time of making the bake again.

use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

const MAGIC: &[u8; 8] = b"ECRNBAKE";

/// A folder of bakes.
#[derive(Clone, Debug)]
pub struct BakeCache {
    folder: PathBuf,
}

/// Why a bake's file was not used.
#[derive(Debug, thiserror::Error)]
pub enum BakeFileProblem {
    /// Another program, or other inputs, made it: it is made again (not worth a message).
    #[error("{}: made by another build or from other inputs", file.display())]
    Stale { file: PathBuf },
    /// Cut short, overwritten or otherwise damaged.
    #[error("{}: corrupt ({damage}), made again", file.display())]
    Corrupt { file: PathBuf, damage: Damage },
    #[error("{}: {source}", file.display())]
    Unreadable { file: PathBuf, source: io::Error },
}

/// How a bake's file is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("not a bake")]
    NotABake,
    #[error("cut short")]
    CutShort,
    #[error("wrong length")]
    WrongLength,
    #[error("checksum does not match")]
    Checksum,
}

/// What reading a bake found.
#[derive(Debug)]
pub enum Found {
    Bytes(Vec<u8>),
    /// No file: the first start, or a cleared cache.
    Missing,
    Unusable(BakeFileProblem),
}

impl Found {
    /// The bake's bytes; else what to say, if anything: a missing or stale file is expected and says nothing.
    pub fn usable(self) -> Result<Vec<u8>, Option<BakeFileProblem>> {
        match self {
            Found::Bytes(bytes) => Ok(bytes),
            Found::Missing | Found::Unusable(BakeFileProblem::Stale { .. }) => Err(None),
            Found::Unusable(problem) => Err(Some(problem)),
        }
    }
}

impl BakeCache {
    pub fn at(folder: impl Into<PathBuf>) -> Self {
        BakeCache { folder: folder.into() }
    }

    /// The user's cache (`$XDG_CACHE_HOME/ecrin/bakes` on Linux), or the temporary folder's where there is none.
    pub fn user() -> Self {
        let cache = directories::ProjectDirs::from("studio", "Ecrin", "Ecrin")
            .map(|dirs| dirs.cache_dir().to_path_buf())
            .unwrap_or_else(|| std::env::temp_dir().join("ecrin-cache"));
        BakeCache::at(cache.join("bakes"))
    }

    /// The file of the bake called `name` (letters, digits and dashes).
    pub fn file(&self, name: &str) -> PathBuf {
        self.folder.join(format!("{name}.bake"))
    }

    /// The bake `name` made from `inputs` by this program, if its file holds it whole.
    pub fn read(&self, name: &str, inputs: &str) -> Found {
        let file = self.file(name);
        match std::fs::read(&file) {
            Ok(bytes) => match unpacked(&bytes, &key(inputs)) {
                Ok(payload) => Found::Bytes(payload.to_vec()),
                Err(Unpacked::OtherKey) => Found::Unusable(BakeFileProblem::Stale { file }),
                Err(Unpacked::Corrupt(damage)) => Found::Unusable(BakeFileProblem::Corrupt { file, damage }),
            },
            Err(error) if error.kind() == io::ErrorKind::NotFound => Found::Missing,
            Err(source) => Found::Unusable(BakeFileProblem::Unreadable { file, source }),
        }
    }

    /// Keeps the bake `name` made from `inputs` (atomically: a reader sees the old file or the new, whole).
    pub fn keep(&self, name: &str, inputs: &str, payload: &[u8]) -> io::Result<()> {
        // One writer at a time in this process (the temporary file's name is the process's).
        static WRITING: Mutex<()> = Mutex::new(());
        let _one_at_a_time = WRITING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        std::fs::create_dir_all(&self.folder)?;
        crate::atomic_file::write_atomically(&self.file(name), &packed(&key(inputs), payload))
    }
}

/// The key of a bake: its inputs and the program that makes it.
fn key(inputs: &str) -> String {
    format!("{inputs}\n{}", program_identity())
}

/// This program: its version, and its executable's size and modification time (any rebuild is another program).
fn program_identity() -> &'static str {
    static IDENTITY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IDENTITY.get_or_init(|| {
        let executable = std::env::current_exe().and_then(std::fs::metadata);
        let (size, modified) = executable.map_or((0, 0), |metadata| {
            let modified = metadata.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            (metadata.len(), modified.map_or(0, |d| d.as_nanos()))
        });
        format!("ecrin {} {size} {modified}", env!("CARGO_PKG_VERSION"))
    })
}

/// FNV-1a, 64 bits: enough to tell a damaged file (not a defence against tampering).
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// MAGIC, key length (u32 LE), key, payload length (u64 LE), payload checksum (u64 LE), payload.
fn packed(key: &str, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(MAGIC.len() + 4 + key.len() + 16 + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(key.len() as u32).to_le_bytes());
    bytes.extend_from_slice(key.as_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&checksum(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

enum Unpacked {
    OtherKey,
    Corrupt(Damage),
}

fn unpacked<'a>(bytes: &'a [u8], wanted_key: &str) -> Result<&'a [u8], Unpacked> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(Unpacked::Corrupt(Damage::NotABake))?;
    let (length, rest) = rest.split_first_chunk::<4>().ok_or(Unpacked::Corrupt(Damage::CutShort))?;
    let key_length = u32::from_le_bytes(*length) as usize;
    let (key, rest) = rest.split_at_checked(key_length).ok_or(Unpacked::Corrupt(Damage::CutShort))?;
    if key != wanted_key.as_bytes() {
        // A damaged key reads as another's: made again all the same.
        return Err(Unpacked::OtherKey);
    }
    let (length, rest) = rest.split_first_chunk::<8>().ok_or(Unpacked::Corrupt(Damage::CutShort))?;
    let (sum, payload) = rest.split_first_chunk::<8>().ok_or(Unpacked::Corrupt(Damage::CutShort))?;
    if payload.len() as u64 != u64::from_le_bytes(*length) {
        return Err(Unpacked::Corrupt(Damage::WrongLength));
    }
    if checksum(payload) != u64::from_le_bytes(*sum) {
        return Err(Unpacked::Corrupt(Damage::Checksum));
    }
    Ok(payload)
}

#[cfg(test)]
mod tests;
