//! Adding a model to the collection: the name checked before the file is read, the file read within limits and
//! named by its hash (a file already there is not added twice), the analysis (or the designer's corrections) off any
//! lock, then — under the collection's lock, so that two adds at once never take one id — the id chosen, the copy
//! written and the manifest after it (a manifest always names a whole copy). A manifest too large to be read again
//! is refused before anything is copied.

use super::{
    Allowed, Collection, CollectionError, MANIFEST_VERSION, MAX_MANIFEST_BYTES, Manifest, ORPHAN_AGE, check, hash_of,
    io, model_files, slug,
};
use crate::geometry::house::HouseSetup;
use crate::geometry::house::analyse::Corrections;
use std::path::Path;

impl Collection {
    /// Adds a model: stores a copy named by its hash and writes its manifest (`setup`: the designer's corrections;
    /// `None`: the analysis as proposed). A model already in the collection is not added twice: its manifest is
    /// returned.
    pub fn add(&self, path: &Path, name: Option<&str>, setup: Option<HouseSetup>) -> Result<Manifest, CollectionError> {
        self.add_with(path, name, setup, Allowed::default())
    }

    /// `add`, with what a script says of the model (`collection add --as … --units … --part …`) over what the file
    /// says.
    pub fn add_as(
        &self,
        path: &Path,
        name: Option<&str>,
        corrections: &Corrections,
    ) -> Result<Manifest, CollectionError> {
        self.add_checked(path, name, Allowed::default(), |path| Self::propose_with(path, corrections))
    }

    /// `add`, with what the house allows a client to change on the model (ring sizes, centre stones).
    pub fn add_with(
        &self,
        path: &Path,
        name: Option<&str>,
        setup: Option<HouseSetup>,
        allowed: Allowed,
    ) -> Result<Manifest, CollectionError> {
        self.add_checked(path, name, allowed, |path| match setup {
            Some(corrected) => Self::corrected(path, &corrected),
            None => Self::propose(path),
        })
    }

    /// Adds a model whose setup Écrin wrote itself (a combined ring: every part's role and stone known), as given.
    pub fn add_stored(
        &self,
        path: &Path,
        name: Option<&str>,
        setup: HouseSetup,
        allowed: Allowed,
    ) -> Result<Manifest, CollectionError> {
        self.add_checked(path, name, allowed, |_| Ok(setup))
    }

    /// Adds a model with the setup `setup_of` gives for its file (once it is known not to be there already).
    fn add_checked(
        &self,
        path: &Path,
        name: Option<&str>,
        allowed: Allowed,
        setup_of: impl FnOnce(&Path) -> Result<HouseSetup, CollectionError>,
    ) -> Result<Manifest, CollectionError> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let extension = match extension.as_deref() {
            Some("glb") => "glb",
            Some("gltf") => "gltf",
            _ => return Err(CollectionError::NotAModel { path: path.display().to_string() }),
        };
        let max_name = crate::design::limits::NAME_MAX_CHARS;
        if let Some(given) = name
            && !check::is_name(given, max_name)
        {
            return Err(CollectionError::Name { given: given.to_string(), max: max_name });
        }
        let files = model_files(path)?;
        let hash = hash_of(&files);
        if let Some(existing) = self.list().into_iter().flatten().find(|m| m.hash == hash) {
            return Ok(existing);
        }
        let setup = setup_of(path)?;
        let original_file = files[0].0.display().to_string();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("model");
        let from_stem = || {
            let name: String =
                stem.replace(['_', '-'], " ").chars().filter(|c| !c.is_control()).take(max_name).collect();
            if name.trim().is_empty() { "model".to_string() } else { name }
        };
        let name = name.map(str::to_owned).unwrap_or_else(from_stem);
        let mut manifest = Manifest {
            version: MANIFEST_VERSION,
            id: slug(&name),
            name,
            original_file,
            hash,
            extension: extension.into(),
            setup,
            allowed,
            made_from: None,
        };
        // A writer never writes what its reader refuses: a manifest too large to be read again is refused now,
        // before anything is copied (its id may grow by a few characters: "-99").
        let size = manifest.to_ron().len() as u64 + 16;
        if size > MAX_MANIFEST_BYTES {
            let path = path.display().to_string();
            return Err(CollectionError::ManifestTooLarge { path, size, max: MAX_MANIFEST_BYTES });
        }
        let _lock = self.lock()?;
        // Another add of the same file may have finished while this one analysed it.
        if let Some(existing) = self.list().into_iter().flatten().find(|m| m.hash == manifest.hash) {
            return Ok(existing);
        }
        let base_id = manifest.id.clone();
        let mut n = 2;
        while self.manifest_path(&manifest.id).exists() {
            manifest.id = format!("{base_id}-{n}");
            n += 1;
        }
        // The copy first, then the manifest: a manifest always names a complete file.
        let stored = self.model_path(&manifest);
        let folder = stored.parent().unwrap_or(&self.dir).to_path_buf();
        std::fs::create_dir_all(&folder).map_err(io(&folder))?;
        for (index, (relative, bytes)) in files.iter().enumerate() {
            let target = if index == 0 { stored.clone() } else { folder.join(relative) };
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            crate::atomic_file::write_atomically(&target, bytes).map_err(io(&target))?;
        }
        self.save(&manifest)?;
        // The copies of adds killed before their manifest (best effort: an add never fails for them).
        self.remove_orphans(ORPHAN_AGE);
        Ok(manifest)
    }
}
