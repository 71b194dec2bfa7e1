//! The assets folder as the asset server reads it: each file read whole into a buffer of its own size.
//!
//! Bevy's file reader (with its `multi_threaded` feature) streams every open file through a pipe of several MB, and
//! the studio opens its whole model library at once: at start-up those pipes together peaked at 646 MB of heap
//! (heaptrack on `ecrin render`), most of it kept by the allocator afterwards (`ecrin bench`: `memory_rest_mb`).
//! Read whole, a 300 kB model takes 300 kB. Everything but reading a file (its `.meta`, folders) is Bevy's own reader.

use bevy::asset::AssetApp;
use bevy::asset::io::file::FileAssetReader;
use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSourceBuilder, AssetSourceId, PathStream, Reader, VecReader,
};
use bevy::prelude::App;
use std::path::{Path, PathBuf};

/// Reads the assets folder's files whole.
struct WholeFileReader {
    root: PathBuf,
    bevy: FileAssetReader,
}

impl AssetReader for WholeFileReader {
    async fn read<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        let full_path = self.root.join(path);
        match std::fs::read(&full_path) {
            Ok(bytes) => Ok(VecReader::new(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(AssetReaderError::NotFound(full_path)),
            Err(error) => Err(error.into()),
        }
    }

    async fn read_meta<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        self.bevy.read_meta(path).await
    }

    async fn read_directory<'a>(&'a self, path: &'a Path) -> Result<Box<PathStream>, AssetReaderError> {
        self.bevy.read_directory(path).await
    }

    async fn is_directory<'a>(&'a self, path: &'a Path) -> Result<bool, AssetReaderError> {
        self.bevy.is_directory(path).await
    }
}

/// Makes the assets folder (`models::assets_dir`) the default asset source, read whole. Before `AssetPlugin`.
pub fn read_assets_whole(app: &mut App) {
    let root = super::models::assets_dir();
    app.register_asset_source(
        AssetSourceId::Default,
        AssetSourceBuilder::new(move || {
            Box::new(WholeFileReader { root: root.clone(), bevy: FileAssetReader::new(&root) })
        }),
    );
}
