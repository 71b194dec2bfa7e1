//! The Bevy studio: thin plugins over the domain core, one feature per file, ordered by `StudioSystems`.

pub mod board;
pub mod camera;
pub mod clients;
pub mod collection;
pub mod display;
pub mod document;
pub mod engraving;
pub mod export;
pub mod floor;
pub mod gem;
pub mod hand;
pub mod headless;
pub mod import;
pub mod language;
pub mod light_map;
pub mod lighting;
pub mod loading;
pub mod materials;
pub mod necklace;
pub mod pack;
pub mod pieces;
pub mod present;
pub mod presets;
pub mod pricing;
pub mod proposals;
pub mod recovery;
pub mod scene;
pub mod scene_export;
pub mod sizer;
pub mod stage;
pub mod style_guide;
pub mod tryon;
pub mod turntable;
pub mod ui;
pub mod window_fit;
pub mod workshop;

use bevy::prelude::*;

/// The order of the studio's work in `Update`, one chained set.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StudioSystems {
    /// Keyboard shortcuts, dialogs coming back: they only write commands.
    Input,
    /// The one system that changes the design.
    ApplyCommands,
    /// Derive the 3D scene from the design.
    SyncScene,
    /// Derive materials from the design.
    SyncMaterials,
    /// Camera moves that follow the scene.
    Camera,
}

/// Whether the studio is still preparing (models loading, shaders compiling) or ready to use.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StudioState {
    #[default]
    Loading,
    Ready,
}

/// A Bevy mesh of one of the core's triangle meshes (positions, normals, indices).
pub(crate) fn bevy_mesh(data: &crate::geometry::mesh::MeshData) -> Mesh {
    Mesh::new(bevy::mesh::PrimitiveTopology::TriangleList, bevy::asset::RenderAssetUsages::default())
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, data.positions.clone())
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, data.normals.clone())
        .with_inserted_indices(bevy::mesh::Indices::U32(data.indices.clone()))
}

/// Puts a WGSL source compiled into the binary under a fixed shader handle (Écrin's shaders ship inside it).
pub(crate) fn embed_shader(app: &mut App, handle: &Handle<Shader>, source: &'static str, path: &str) {
    if let Some(mut shaders) = app.world_mut().get_resource_mut::<Assets<Shader>>() {
        let _ = shaders.insert(handle.id(), Shader::from_wgsl(source, path.to_string()));
    }
}

/// Design state and commands only: runs under `MinimalPlugins` (headless app tests).
pub fn core_plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            StudioSystems::Input,
            StudioSystems::ApplyCommands,
            StudioSystems::SyncScene,
            StudioSystems::SyncMaterials,
            StudioSystems::Camera,
        )
            .chain(),
    );
    app.add_plugins(document::plugin).init_resource::<floor::BoardCandidates>();
}

/// Everything that draws the ring (needs the renderer): models, scene, materials, lighting, loading.
pub fn scene_plugin(app: &mut App) {
    app.init_state::<StudioState>();
    app.add_plugins((
        core_plugin,
        floor::models::plugin,
        pieces::plugin,
        lighting::plugin,
        materials::plugin,
        gem::plugin,
        scene::plugin,
        stage::plugin,
        import::plugin,
        collection::plugin,
        necklace::plugin,
        display::plugin,
        hand::plugin,
        engraving::plugin,
        loading::plugin,
    ));
    app.add_plugins(tryon::plugin);
}

/// The interactive studio in a window: the scene plus camera controls, panels and preset dialogs.
pub fn window_plugin(app: &mut App) {
    app.add_plugins((
        scene_plugin,
        camera::plugin,
        board::plugin,
        board::export::plugin,
        ui::plugin,
        presets::plugin,
        pricing::plugin,
        recovery::plugin,
        pack::job::plugin,
        collection::thumbnails::plugin,
        language::plugin,
        window_fit::plugin,
        sizer::plugin,
        present::plugin,
        present::screen::plugin,
    ));
    app.add_plugins((clients::plugin, light_map::plugin, workshop::plugin, proposals::plugin, style_guide::plugin));
}

/// Opens the studio window (blocks until it is closed).
pub fn run_window(preset: Option<std::path::PathBuf>, camera: Option<u32>) {
    let mut app = App::new();
    floor::asset_files::read_assets_whole(&mut app);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: crate::tr!(language::at_start().advisor, "window-title"),
                    resolution: (1600u32, 900u32).into(),
                    ..default()
                }),
                // The client's screen may stay open: closing the studio's window ends the studio.
                exit_condition: bevy::window::ExitCondition::OnPrimaryClosed,
                ..default()
            })
            .set(AssetPlugin { file_path: floor::models::assets_dir().to_string_lossy().into_owned(), ..default() }),
    )
    // A new design is named in the advisor's language and shows ring sizes as the country of the system's locale
    // reads them (switchable in the panel).
    .insert_resource(floor::CurrentDesign::new(crate::design::Design {
        name: crate::tr!(language::at_start().advisor, "new-design-name"),
        size_system: crate::i18n::local_size_system(),
        ..crate::design::Design::default()
    }))
    .add_plugins(window_plugin);
    if let Some(index) = camera {
        let resolution = tryon::live::source::RESOLUTIONS[1];
        let camera = tryon::live::source::SourceKind::Camera { index, resolution };
        app.world_mut().write_message(tryon::live::TryOnCommand::Start(camera));
    }
    if let Some(path) = preset {
        if tryon::live::source::is_photo(&path) {
            app.world_mut()
                .write_message(tryon::live::TryOnCommand::Start(tryon::live::source::SourceKind::Photo(path)));
        } else if import::is_model(&path) {
            app.world_mut().write_message(import::ImportCommand::Open(path));
        } else {
            app.world_mut().write_message(document::DocumentCommand::OpenPreset(path));
        }
    }
    app.run();
}
