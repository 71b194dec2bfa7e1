//! The glTF model library: every component file is loaded once at start-up and kept, so a change of setting
//! or cut swaps to an already-loaded model and shows at once.

use crate::design::{Cut, Setting, ShankStyle};
use crate::geometry::library;
use bevy::asset::UntypedAssetId;
use bevy::gltf::{Gltf, GltfAssetLabel, GltfNode};
use bevy::prelude::*;
use bevy::world_serialization::WorldAsset;
use std::collections::HashMap;
use std::path::PathBuf;

/// Handles to every model of the library, by what it is.
#[derive(Resource, Default)]
pub struct ModelLibrary {
    pub shanks: HashMap<ShankStyle, Handle<WorldAsset>>,
    pub heads: HashMap<(Setting, Cut), Handle<WorldAsset>>,
    pub stones: HashMap<Cut, Handle<WorldAsset>>,
    /// The head files as glTF documents, to read the `seat.center` node before the head is spawned.
    pub head_documents: HashMap<(Setting, Cut), Handle<Gltf>>,
}

impl ModelLibrary {
    fn all(&self) -> impl Iterator<Item = UntypedAssetId> + '_ {
        let scenes = self.shanks.values().chain(self.heads.values()).chain(self.stones.values());
        scenes.map(|h| h.id().untyped()).chain(self.head_documents.values().map(|h| h.id().untyped()))
    }

    /// Where a head seats its stone (the `seat.center` node), once the head file is loaded.
    pub fn seat(&self, key: (Setting, Cut), documents: &Assets<Gltf>, nodes: &Assets<GltfNode>) -> Option<Transform> {
        let document = documents.get(self.head_documents.get(&key)?)?;
        Some(nodes.get(document.named_nodes.get(library::SEAT_NODE)?)?.transform)
    }

    /// Fraction of the library loaded, and the first model that failed (path), if any.
    pub fn progress(&self, server: &AssetServer) -> (f32, Option<String>) {
        let total = self.all().count().max(1);
        let mut loaded = 0;
        for id in self.all() {
            if server.is_loaded_with_dependencies(id) {
                loaded += 1;
            } else if server.load_state(id).is_failed() {
                let path = server.get_path(id).map(|p| p.to_string()).unwrap_or_default();
                return (loaded as f32 / total as f32, Some(path));
            }
        }
        (loaded as f32 / total as f32, None)
    }
}

/// The folder holding `models/`: `$ECRIN_ASSETS`, else `./assets`, else beside the executable, else the source tree.
pub fn assets_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("ECRIN_ASSETS").map(PathBuf::from),
        Some(PathBuf::from("assets")),
        std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join("assets"))),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("models").is_dir())
        .map(|dir| dir.canonicalize().unwrap_or(dir))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets"))
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ModelLibrary>().add_systems(Startup, load_library);
}

fn load_library(server: Res<AssetServer>, mut library_handles: ResMut<ModelLibrary>) {
    let load = |path: String| server.load(GltfAssetLabel::Scene(0).from_asset(path));
    for style in ShankStyle::ALL {
        library_handles.shanks.insert(style, load(library::shank_path(style)));
    }
    for cut in Cut::ALL {
        library_handles.stones.insert(cut, load(library::stone_path(cut)));
        for setting in Setting::ALL {
            library_handles.heads.insert((setting, cut), load(library::head_path(setting, cut)));
            library_handles.head_documents.insert((setting, cut), server.load(library::head_path(setting, cut)));
        }
    }
}
