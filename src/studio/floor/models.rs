//! The glTF model library: every component file is loaded once at start-up and kept, so a change of setting
//! or cut swaps to an already-loaded model and shows at once.

use crate::geometry::library::Component;
use bevy::asset::RenderAssetUsages;
use bevy::asset::UntypedAssetId;
use bevy::gltf::{Gltf, GltfAssetLabel, GltfLoaderSettings, GltfMesh};
use bevy::prelude::*;
use bevy::world_serialization::WorldAsset;
use std::collections::HashMap;
use std::path::PathBuf;

/// Handles to every component file of the library.
#[derive(Resource, Default)]
pub struct ModelLibrary {
    /// Each file's scene, for components spawned whole (a ring's band, head and stone).
    scenes: HashMap<Component, Handle<WorldAsset>>,
    /// Each file as a glTF document: its meshes, for parts placed one by one (a necklace's links).
    documents: HashMap<Component, Handle<Gltf>>,
}

impl ModelLibrary {
    fn all(&self) -> impl Iterator<Item = UntypedAssetId> + '_ {
        let scenes = self.scenes.values().map(|h| h.id().untyped());
        scenes.chain(self.documents.values().map(|h| h.id().untyped()))
    }

    /// A component's scene.
    pub fn scene(&self, component: Component) -> Option<&Handle<WorldAsset>> {
        self.scenes.get(&component)
    }

    /// A mesh of a component's file, by its index in the file (as the Assembly's parts name it).
    pub fn mesh(
        &self,
        component: Component,
        mesh: usize,
        documents: &Assets<Gltf>,
        meshes: &Assets<GltfMesh>,
    ) -> Option<Handle<Mesh>> {
        let document = documents.get(self.documents.get(&component)?)?;
        Some(meshes.get(document.meshes.get(mesh)?)?.primitives.first()?.mesh.clone())
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

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<ModelLibrary>().add_systems(Startup, load_library);
}

fn load_library(server: Res<AssetServer>, mut library: ResMut<ModelLibrary>) {
    for component in Component::all() {
        let path = component.path();
        let usage = mesh_usage(component);
        let settings = move |settings: &mut GltfLoaderSettings| settings.load_meshes = usage;
        let scene = GltfAssetLabel::Scene(0).from_asset(path.clone());
        library.scenes.insert(component, server.load_builder().with_settings(settings).load(scene));
        library.documents.insert(component, server.load_builder().with_settings(settings).load(path));
    }
}

/// Where a component's meshes are kept. Only the render world's copy, for most: the main world reads the vertices of
/// bands (resized from the reference band for each ring size) and of centre stones (checked as convex solids the
/// gem shader can trace); the heads' and the display pieces' meshes are only drawn (their stones are checked by
/// `studio::gem`'s test of the library), and a second copy of each in the main world was a third of the meshes'
/// memory (`ecrin bench`: `memory_main_meshes_mb`).
pub fn mesh_usage(component: Component) -> RenderAssetUsages {
    match component {
        Component::Shank(_) | Component::Stone(_) => RenderAssetUsages::default(),
        _ => RenderAssetUsages::RENDER_WORLD,
    }
}
