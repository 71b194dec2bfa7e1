//! The house's collection (no Bevy): a folder the boutique owns, holding a copy of each model named by its content
//! hash (`models/<hash>.glb`, or `models/<hash>/` for a .gltf with its buffers) and a RON manifest per model
//! (`<id>.ron`, `manifest.rs`). Adding analyses the model once; opening a design of it checks the file is the one
//! the design was made on, builds it in Écrin's frame and registers it (`geometry::house`), so that the Assembly,
//! the estimates, the studio and the documents all see it. `ecrin collection …` and the studio use this module.

mod add;
pub mod check;
pub mod combine;
mod designs;
pub mod manifest;
mod orphans;

use crate::design::Design;
use crate::design::source::CollectionRef;
use crate::geometry::house::analyse::{AnalysisError, Corrections, GivenScale, Unit, analyse};
use crate::geometry::house::read::{ReadError, read_parts, uri_inside_folder};
use crate::geometry::house::{HouseModel, HouseSetup, register, registered};
use crate::progress::Progress;
pub use designs::{design_of, prepare};
pub use manifest::{Allowed, MANIFEST_VERSION, MAX_MANIFEST_BYTES, Manifest};
pub use orphans::ORPHAN_AGE;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Why a collection operation failed. Every message names the model or the file.
#[derive(Debug, Error)]
pub enum CollectionError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{file}: {source}")]
    Analysis { file: String, source: AnalysisError },
    #[error("{path}: {problem}")]
    Manifest { path: String, problem: manifest::ManifestProblem },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "no model {id:?} in the collection {folder}: add its file to the collection again (Add to the collection…), or open the design with the folder that holds it (--collection); the design is kept as it is"
    )]
    NotFound { id: String, folder: String },
    #[error(
        "the model {name:?} ({id}) has changed since this design was made (its file is not the one the design names): add the new file to the collection and make the design again; the design is kept as it is"
    )]
    Changed { id: String, name: String },
    #[error("{path}: not a glTF model (.glb or .gltf)")]
    NotAModel { path: String },
    #[error("loading the model {0:?} was cancelled; the design is kept, open it again to show the model")]
    Cancelled(String),
    #[error("these models cannot be combined: {problem}")]
    Combine { problem: combine::CombineProblem },
    /// A name given for a model that is none (empty, only spaces, control characters, too long).
    #[error("{given:?} is not a name for a model (1 to {max} printable characters)")]
    Name { given: String, max: usize },
    /// The model's manifest would be larger than a manifest may be read: nothing is copied.
    #[error("{path}: its description would take {size} bytes, more than the {max} a manifest may have")]
    ManifestTooLarge { path: String, size: u64, max: u64 },
}

pub(crate) fn io(path: &Path) -> impl Fn(std::io::Error) -> CollectionError + '_ {
    move |source| CollectionError::Io { path: path.display().to_string(), source }
}

/// The collection folder used when none is given: `collection/` in the user data directory.
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("studio", "Ecrin", "Ecrin")
        .map(|dirs| dirs.data_dir().join("collection"))
        .unwrap_or_else(|| PathBuf::from("collection"))
}

/// A slug for an id: lower-case letters and digits joined by '-' ("Solitaire Lune" → "solitaire-lune").
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() { "model".into() } else { slug }
}

/// A model file and the buffer files it names (a .gltf's), with their bytes.
fn model_files(path: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, CollectionError> {
    let bytes = crate::geometry::house::read::read_model_file(path)?;
    let mut files = vec![(PathBuf::from(path.file_name().unwrap_or_default()), bytes)];
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gltf")) {
        let document = crate::geometry::house::read::parse(&files[0].1).map_err(|e| CollectionError::Manifest {
            path: path.display().to_string(),
            problem: manifest::ManifestProblem::NotGltf { reason: e.to_string() },
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        for buffer in document.buffers() {
            if let gltf::buffer::Source::Uri(uri) = buffer.source()
                && uri_inside_folder(uri)
            {
                let bytes = crate::geometry::house::read::read_buffer_file(base, uri).map_err(|problem| {
                    ReadError::Buffer { file: path.display().to_string(), index: buffer.index(), problem }
                })?;
                files.push((PathBuf::from(uri), bytes));
            }
        }
    }
    Ok(files)
}

/// The BLAKE3 hash (hex) of a model's files, in order.
fn hash_of(files: &[(PathBuf, Vec<u8>)]) -> String {
    let mut hasher = blake3::Hasher::new();
    for (_, bytes) in files {
        hasher.update(bytes);
    }
    hasher.finalize().to_hex().to_string()
}

/// A collection folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    pub dir: PathBuf,
}

impl Collection {
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Collection { dir: dir.into() }
    }

    fn manifest_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Held while an add or a removal changes the folder (an advisory lock on `.lock`, let go when dropped, by the
    /// system when a process dies): two adds at once each choose their id and write their manifest in turn, so
    /// neither overwrites the other's.
    fn lock(&self) -> Result<std::fs::File, CollectionError> {
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let path = self.dir.join(".lock");
        let file =
            std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io(&path))?;
        file.lock().map_err(io(&path))?;
        Ok(file)
    }

    /// The stored copy of a model.
    pub fn model_path(&self, manifest: &Manifest) -> PathBuf {
        match manifest.extension.as_str() {
            "gltf" => self.dir.join("models").join(&manifest.hash).join(&manifest.original_file),
            _ => self.dir.join("models").join(format!("{}.glb", manifest.hash)),
        }
    }

    /// A model's thumbnail for the studio's library: rendered once (`ecrin collection thumbnails`), named by the
    /// file's hash, so a model's picture is made again only when its file changes.
    pub fn thumbnail_path(&self, manifest: &Manifest) -> PathBuf {
        self.dir.join("thumbnails").join(format!("{}.png", manifest.hash))
    }

    /// The models without a thumbnail yet.
    pub fn without_thumbnail(&self) -> Vec<Manifest> {
        self.list().into_iter().flatten().filter(|m| !self.thumbnail_path(m).exists()).collect()
    }

    /// Analyses a model file: what Écrin proposes before the designer corrects it.
    pub fn propose(path: &Path) -> Result<HouseSetup, CollectionError> {
        Self::propose_with(path, &Corrections::default())
    }

    /// Analyses a model file with what a script says of it (`collection add --as … --units … --part …`).
    pub fn propose_with(path: &Path, corrections: &Corrections) -> Result<HouseSetup, CollectionError> {
        let parts = read_parts(path)?;
        analyse(&parts, corrections)
            .map(|analysis| analysis.setup)
            .map_err(|source| CollectionError::Analysis { file: path.display().to_string(), source })
    }

    /// The analysis again with the designer's part roles (a part made a stone is split into stones, a stone made
    /// metal weighed), keeping the seats and cuts they gave the stones that are still there.
    pub fn corrected(path: &Path, corrected: &HouseSetup) -> Result<HouseSetup, CollectionError> {
        let parts = read_parts(path)?;
        let uses: Vec<_> = corrected.parts.iter().map(|p| p.role).collect();
        // The units and what the model is, as the designer left them in the dialog.
        let corrections = Corrections {
            kind: Some(corrected.kind),
            scale: Some(match Unit::from_symbol(&corrected.units) {
                Some(unit) if (unit.millimetres() - corrected.scale_to_mm).abs() < 1e-4 => GivenScale::Units(unit),
                _ => GivenScale::Factor(corrected.scale_to_mm),
            }),
            ..Corrections::with_uses(&uses)
        };
        let mut setup = analyse(&parts, &corrections)
            .map_err(|source| CollectionError::Analysis { file: path.display().to_string(), source })?
            .setup;
        for stone in &mut setup.stones {
            if let Some(given) = corrected.stones.iter().find(|s| s.part == stone.part && s.piece == stone.piece) {
                (stone.seat, stone.cut) = (given.seat, given.cut);
            }
        }
        Ok(setup)
    }

    /// Writes a manifest (atomically): the designer's corrections.
    pub fn save(&self, manifest: &Manifest) -> Result<(), CollectionError> {
        let path = self.manifest_path(&manifest.id);
        let text = manifest.to_ron();
        if text.len() as u64 > MAX_MANIFEST_BYTES {
            let (path, size) = (path.display().to_string(), text.len() as u64);
            return Err(CollectionError::ManifestTooLarge { path, size, max: MAX_MANIFEST_BYTES });
        }
        // What is written is what a read accepts (no place outside the collection, numbers in range).
        if let Err(problem) = Manifest::from_ron(&text) {
            return Err(CollectionError::Manifest { path: path.display().to_string(), problem });
        }
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        crate::atomic_file::write_atomically(&path, text.as_bytes()).map_err(io(&path))
    }

    /// Every manifest in the folder, sorted by name; a broken one is an error naming its file.
    pub fn list(&self) -> Vec<Result<Manifest, CollectionError>> {
        let mut found: Vec<Result<Manifest, CollectionError>> = crate::design::preset::list(&self.dir)
            .into_iter()
            .filter_map(|path| {
                let text = match crate::atomic_file::read_text(&path, MAX_MANIFEST_BYTES) {
                    Ok(text) => text,
                    Err(error) => return Some(Err(io(&path)(error))),
                };
                match Manifest::from_ron(&text) {
                    Ok(manifest) => Some(Ok(manifest)),
                    // A design saved in the folder is a preset, not a broken manifest: it is not listed.
                    Err(_) if crate::design::preset::load(&path).is_ok() => None,
                    Err(problem) => Some(Err(CollectionError::Manifest { path: path.display().to_string(), problem })),
                }
            })
            .collect();
        found.sort_by_key(|m| m.as_ref().map(|m| m.name.to_lowercase()).unwrap_or_default());
        found
    }

    /// The manifest of a model.
    pub fn manifest(&self, id: &str) -> Result<Manifest, CollectionError> {
        let path = self.manifest_path(id);
        if !check::is_id(id) || !path.exists() {
            return Err(CollectionError::NotFound { id: id.into(), folder: self.dir.display().to_string() });
        }
        let text = crate::atomic_file::read_text(&path, MAX_MANIFEST_BYTES).map_err(io(&path))?;
        Manifest::from_ron(&text)
            .map_err(|problem| CollectionError::Manifest { path: path.display().to_string(), problem })
    }

    /// Removes a model: its manifest, and its file when no other manifest names it. Only what the collection stored
    /// is removed (`models/<hash>.glb` or `models/<hash>/`; the manifest's fields were checked when it was read).
    pub fn remove(&self, id: &str) -> Result<Manifest, CollectionError> {
        let _lock = self.lock()?;
        let manifest = self.manifest(id)?;
        let path = self.manifest_path(id);
        std::fs::remove_file(&path).map_err(io(&path))?;
        if !self.list().into_iter().flatten().any(|m| m.hash == manifest.hash) {
            let models = self.dir.join("models");
            let stored = self.model_path(&manifest);
            let gone = if manifest.extension == "gltf" {
                std::fs::remove_dir_all(models.join(&manifest.hash))
            } else {
                std::fs::remove_file(models.join(format!("{}.glb", manifest.hash)))
            };
            if let Err(error) = gone {
                return Err(io(&stored)(error));
            }
            // The picture goes with the file (it may never have been rendered).
            let _ = std::fs::remove_file(self.thumbnail_path(&manifest));
        }
        Ok(manifest)
    }

    /// A design of a model, as the house made it: its centre stone's cut and size, its modelled ring size.
    pub fn new_design(&self, id: &str) -> Result<Design, CollectionError> {
        let manifest = self.manifest(id)?;
        Ok(design_of(&manifest))
    }

    /// Makes sure the model a design names is loaded and registered (a no-op when it is): checks the stored file
    /// is the one the design was made on.
    pub fn load(&self, model: &CollectionRef) -> Result<Arc<HouseModel>, CollectionError> {
        self.load_with(model, &Progress::default())
    }

    /// `load`, telling how far it is and stopping between steps when asked to (`CollectionError::Cancelled`).
    pub fn load_with(&self, model: &CollectionRef, progress: &Progress) -> Result<Arc<HouseModel>, CollectionError> {
        if let Some(loaded) = registered(&model.hash) {
            return Ok(loaded);
        }
        let step = |fraction| progress.reached(fraction).map_err(|_| CollectionError::Cancelled(model.name.clone()));
        let manifest = match self.manifest(&model.id) {
            Ok(found) if found.hash == model.hash => found,
            Ok(_) => return Err(CollectionError::Changed { id: model.id.clone(), name: model.name.clone() }),
            // The id may have been renamed: the same file under another id is the same model.
            Err(error) => self.list().into_iter().flatten().find(|m| m.hash == model.hash).ok_or(error)?,
        };
        let path = self.model_path(&manifest);
        step(0.05)?;
        let files = model_files(&path)?;
        step(0.15)?;
        if hash_of(&files) != manifest.hash {
            return Err(CollectionError::Changed { id: model.id.clone(), name: model.name.clone() });
        }
        drop(files);
        step(0.25)?;
        let parts = read_parts(&path)?;
        step(0.6)?;
        let manifest_file = self.manifest_path(&manifest.id);
        let wrong = |problem| CollectionError::Manifest { path: manifest_file.display().to_string(), problem };
        if parts.len() != manifest.setup.parts.len() {
            let (listed, found) = (manifest.setup.parts.len(), parts.len());
            return Err(wrong(manifest::ManifestProblem::PartCount { listed, found }));
        }
        // Each stone must be a piece its part has (known only now that the model is read).
        let pieces: Vec<usize> = parts
            .iter()
            .zip(&manifest.setup.parts)
            .map(|(part, setup)| match setup.role {
                crate::geometry::house::PartUse::Stone => crate::geometry::mesh::connected_pieces(&part.mesh).len(),
                _ => 0,
            })
            .collect();
        if manifest.setup.stones.iter().any(|s| s.piece >= pieces.get(s.part).copied().unwrap_or(0)) {
            let text = crate::atomic_file::read_text(&manifest_file, MAX_MANIFEST_BYTES).unwrap_or_default();
            check::check_pieces(&manifest, &text, &pieces).map_err(wrong)?;
        }
        let built = HouseModel::build(&parts, &manifest.setup);
        step(0.9)?;
        Ok(register(&manifest.hash, built))
    }
}

/// The collection folder of this run: `--collection DIR`, else the default.
static FOLDER: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Sets this run's collection folder (once, at start: the command line's `--collection`).
pub fn use_folder(dir: PathBuf) {
    let _ = FOLDER.set(dir);
}

/// This run's collection.
pub fn current() -> Collection {
    Collection::at(FOLDER.get().cloned().unwrap_or_else(default_dir))
}

#[cfg(test)]
mod tests;
