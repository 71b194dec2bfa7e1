//! The windowless studio (works on Mesa lavapipe): the same scene plugins as the studio, a camera rendering into an
//! image, frames driven one by one. Every picture is made by `export::Exporter`, which drives this (views in tiles,
//! turntables, comparisons); used directly only where no picture is made to keep: the bench's frame timings, the
//! soak and the headless tests.
//! `ready.rs`: running frames until the studio is ready; `sequence.rs`: pictures in a row (a turntable's frames),
//! each drawn while the ones before it are read back; `board.rs`: the variants board in one picture; `error.rs`:
//! why no picture came; `client_screen.rs`: the client's screen as a second picture; `views.rs`: where the camera
//! stands for each view.

mod board;
mod client_screen;
mod error;
pub mod memory;
mod ready;
mod sequence;
mod views;

pub use ready::LoadingFrame;
pub use views::{orbit_position, view_transform};

use super::lighting::{StudioEnvironment, studio_camera_components};
use super::scene_plugin;
use crate::approval::View;
use crate::design::Design;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::models::assets_dir;
use bevy::app::AppExit;
use bevy::camera::RenderTarget;
use bevy::log::LogPlugin;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::ExitCondition;
use bevy::winit::WinitPlugin;

pub use error::{Awaited, OffscreenError};

/// The last image read back from the offscreen target.
#[derive(Resource, Default)]
struct Captured(Option<Image>);

/// Exposure of the stone-only check: darker than the studio so that few pixels clip without a tonemapper.
pub const STONE_CHECK_EXPOSURE: bevy::camera::Exposure = bevy::camera::Exposure { ev100: 12.0 };

/// The offscreen target and its framing.
#[derive(Resource, Clone)]
struct OffscreenTarget {
    image: Handle<Image>,
    framing: Framing,
}

/// What the offscreen camera frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Framing {
    /// The studio's default three-quarter view of the whole ring.
    #[default]
    Ring,
    /// A close-up of the head and the stone.
    Stone,
}

/// A headless studio rendering `design` at `width`×`height`.
pub struct Offscreen {
    app: App,
    pub frames: u64,
    /// Frames the last capture ran, from its request to the picture read back.
    pub capture_frames: u32,
    /// The screenshot asked for and not yet back.
    capture_request: Option<Entity>,
}

impl Offscreen {
    pub fn new(design: Design, width: u32, height: u32) -> Offscreen {
        Offscreen::framed(design, width, height, Framing::Ring)
    }

    pub fn framed(design: Design, width: u32, height: u32, framing: Framing) -> Offscreen {
        Offscreen::built(design, width, height, framing, |_| {})
    }

    /// As `new`, with the studio's autosave writing the session to `autosave` (the soak runs a day this way).
    pub fn autosaving(design: Design, width: u32, height: u32, autosave: std::path::PathBuf) -> Offscreen {
        Offscreen::built(design, width, height, Framing::Ring, move |app| {
            app.add_plugins(super::recovery::plugin).insert_resource(super::recovery::Autosave::at(autosave));
        })
    }

    /// As `new`, with more of the studio's features (`more` adds their headless plugins and resources): the bench
    /// measures a feature's cost on the frame this way.
    pub fn with_features(design: Design, width: u32, height: u32, more: impl FnOnce(&mut App)) -> Offscreen {
        Offscreen::built(design, width, height, Framing::Ring, more)
    }

    fn built(design: Design, width: u32, height: u32, framing: Framing, more: impl FnOnce(&mut App)) -> Offscreen {
        let mut app = windowless_app(design);
        app.add_plugins(scene_plugin);
        more(&mut app);
        let image = app.world_mut().resource_mut::<Assets<Image>>().add(Image::new_target_texture(
            width,
            height,
            TextureFormat::Rgba8UnormSrgb,
            None,
        ));
        app.insert_resource(OffscreenTarget { image, framing });
        app.add_systems(Startup, spawn_offscreen_camera)
            .add_systems(Update, reframe_for_the_piece.in_set(super::StudioSystems::Camera));
        app.finish();
        app.cleanup();
        Offscreen { app, frames: 0, capture_frames: 0, capture_request: None }
    }

    /// Only the centre stone, at the origin, with Écrin's gem material, seen by a plain camera (no HDR, bloom,
    /// anti-aliasing or tonemapping): the GPU side of the shader-vs-CPU-tracer check.
    pub fn stone_only(design: Design, size: u32, camera: &crate::optics::view::PinholeCamera) -> Offscreen {
        let mut app = windowless_app(design.clone());
        app.add_plugins((
            super::core_plugin,
            super::pieces::plugin,
            super::lighting::plugin,
            super::gem::plugin,
            super::loading::pipeline_counter,
        ));
        let image = app.world_mut().resource_mut::<Assets<Image>>().add(Image::new_target_texture(
            size,
            size,
            TextureFormat::Rgba8UnormSrgb,
            None,
        ));
        app.insert_resource(OffscreenTarget { image: image.clone(), framing: Framing::Stone });
        app.finish();
        app.cleanup();
        app.update();
        let mesh = super::bevy_mesh(&crate::geometry::cut::unit_polyhedron(design.stone.cut).to_mesh());
        let world = app.world_mut();
        let mesh = world.resource_mut::<Assets<Mesh>>().add(mesh);
        let mut pieces = world.query::<(&super::pieces::Piece, &super::gem::GemMaterials)>();
        let main = pieces.iter(world).find(|(piece, _)| piece.0 == 0).map(|(_, gems)| gems);
        let material = main.and_then(|gems| gems.centre.get(&design.stone.cut)).cloned();
        if let Some(material) = material {
            world.spawn((
                Mesh3d(mesh),
                MeshMaterial3d(material),
                Transform::from_scale(Vec3::splat(design.stone.size_mm)),
            ));
        }
        world.spawn((
            Camera3d::default(),
            RenderTarget::Image(image.into()),
            Transform::from_translation(camera.position).looking_at(camera.target, Vec3::Y),
            Projection::Perspective(PerspectiveProjection { fov: camera.fov_y, ..default() }),
            bevy::core_pipeline::tonemapping::Tonemapping::None,
            bevy::render::view::Msaa::Off,
            STONE_CHECK_EXPOSURE,
        ));
        Offscreen { app, frames: 1, capture_frames: 0, capture_request: None }
    }

    /// Runs one frame.
    pub fn update(&mut self) {
        self.app.update();
        self.frames += 1;
    }

    /// Draws stones with Écrin's gem shader or with Bevy's transmission (comparison), then waits for any new
    /// pipeline to compile.
    pub fn set_stone_rendering(&mut self, rendering: super::gem::StoneRendering) -> Result<(), OffscreenError> {
        *self.app.world_mut().resource_mut::<super::gem::StoneRendering>() = rendering;
        self.settle(600)
    }

    /// Changes light and background, then runs frames until the cameras show the new light's filtered maps.
    pub fn present(&mut self, presentation: super::lighting::Presentation) -> Result<(), OffscreenError> {
        *self.app.world_mut().resource_mut::<super::lighting::Presentation>() = presentation;
        self.settle(600)?;
        self.wait_for_current_scene();
        Ok(())
    }

    /// Shows or hides the display hand under the ring (the hand view), and lets the scene follow.
    pub fn show_hand(&mut self, shown: bool) -> Result<(), OffscreenError> {
        if self.app.world().get_resource::<super::hand::HandView>().is_some_and(|view| view.shown != shown) {
            self.send(super::hand::HandCommand::Show(shown));
            self.settle(600)?;
        }
        Ok(())
    }

    /// Hides the contact-shadow floor under every piece (a picture compared with a path tracer, whose scene has no
    /// floor).
    pub fn hide_stage(&mut self) -> Result<(), OffscreenError> {
        let world = self.app.world_mut();
        let mut stages = world.query_filtered::<&mut Visibility, With<super::stage::Stage>>();
        for mut visibility in stages.iter_mut(world) {
            *visibility = Visibility::Hidden;
        }
        self.settle(60)
    }

    /// Render pipelines the renderer holds, compiled or compiling (each kept for the rest of the run).
    pub fn pipelines_held(&self) -> usize {
        self.app.world().get_resource::<super::loading::PipelinesHeld>().map_or(0, |held| held.0)
    }

    /// Render pipelines compiling right now.
    pub fn pipelines_waiting(&self) -> usize {
        self.app.world().resource::<super::loading::PipelinesWaiting>().0
    }

    /// Queues a command (of any feature) for the next frame.
    pub fn send(&mut self, command: impl Into<StudioCommand>) {
        command.into().send_to(self.app.world_mut());
    }

    pub fn design(&self) -> Design {
        self.app.world().resource::<CurrentDesign>().design().clone()
    }

    /// Asks for a capture of the next frame, once every centre stone sees its setting as the piece now is; then
    /// `wait_capture`.
    pub fn request_capture(&mut self) {
        let image = self.app.world().resource::<OffscreenTarget>().image.clone();
        self.request_capture_of(image);
    }

    /// `request_capture` of any picture the studio draws (the offscreen target, the client's screen).
    fn request_capture_of(&mut self, image: Handle<Image>) {
        self.capture_frames = 0;
        self.wait_for_current_scene();
        self.app.world_mut().resource_mut::<Captured>().0 = None;
        let request = self.app.world_mut().spawn(Screenshot::image(image)).observe(store_capture).id();
        self.capture_request = Some(request);
    }

    /// Runs frames (at most 600) until every centre stone sees its setting as the piece now is and the cameras show
    /// the current light's filtered maps: a picture shows the scene as it is.
    fn wait_for_current_scene(&mut self) {
        for _ in 0..600 {
            let world = self.app.world();
            if super::gem::settings_traced(world) && super::lighting::light_shown(world) {
                break;
            }
            self.update();
            self.capture_frames += 1;
        }
    }

    /// Runs frames until the requested capture is read back.
    ///
    /// The picture comes back a few frames after the one that drew it (the renderer works a frame behind, then the
    /// copy is mapped off the frame): once that frame is on its way, the cameras rest until the picture is back, so
    /// the frames in between draw nothing (an export at 4096 px rendered the whole picture four times).
    pub fn wait_capture(&mut self) -> Result<image::RgbaImage, OffscreenError> {
        let mut resting: Vec<Entity> = Vec::new();
        let outcome = (|| {
            for _ in 0..60 {
                self.update();
                self.capture_frames += 1;
                if let Some(image) = self.app.world_mut().resource_mut::<Captured>().0.take() {
                    let dynamic = image.try_into_dynamic().map_err(|e| OffscreenError::Unreadable(e.to_string()))?;
                    return Ok(dynamic.into_rgba8());
                }
                let drawn = self.capture_request.is_some_and(|request| {
                    self.app.world().get::<bevy::render::view::screenshot::Capturing>(request).is_some()
                });
                if drawn && resting.is_empty() {
                    resting = self.rest_cameras();
                }
            }
            Err(OffscreenError::NoPicture)
        })();
        self.wake_cameras(resting);
        self.capture_request = None;
        outcome
    }

    /// Stops every active camera; gives back the ones it stopped.
    fn rest_cameras(&mut self) -> Vec<Entity> {
        let world = self.app.world_mut();
        let mut cameras = world.query::<(Entity, &mut Camera)>();
        let mut stopped = Vec::new();
        for (entity, mut camera) in cameras.iter_mut(world) {
            if camera.is_active {
                camera.is_active = false;
                stopped.push(entity);
            }
        }
        stopped
    }

    /// Starts the cameras `rest_cameras` stopped again.
    fn wake_cameras(&mut self, cameras: Vec<Entity>) {
        let world = self.app.world_mut();
        for camera in cameras {
            if let Some(mut camera) = world.get_mut::<Camera>(camera) {
                camera.is_active = true;
            }
        }
    }

    /// Renders one frame and returns it.
    pub fn capture(&mut self) -> Result<image::RgbaImage, OffscreenError> {
        self.request_capture();
        self.wait_capture()
    }

    /// Turns the view around the ring (turntable), radians.
    pub fn orbit_by(&mut self, yaw: f32) {
        let mut cameras = self
            .app
            .world_mut()
            .query_filtered::<&mut Transform, (With<Camera3d>, Without<super::present::screen::ClientCamera>)>();
        for mut transform in cameras.iter_mut(self.app.world_mut()) {
            transform.rotate_around(Vec3::ZERO, Quat::from_rotation_y(yaw));
        }
    }

    /// The app's world, for exports that move the camera or change its settings between captures.
    pub fn world_mut(&mut self) -> &mut World {
        self.app.world_mut()
    }

    /// Stops the renderer cleanly.
    pub fn exit(mut self) {
        self.app.world_mut().write_message(AppExit::Success);
        self.app.update();
    }
}

/// DefaultPlugins without a window (logging set up once per process) and the design to show.
fn windowless_app(design: Design) -> App {
    static LOGGING: std::sync::Once = std::sync::Once::new();
    let mut first = false;
    LOGGING.call_once(|| first = true);
    let plugins = DefaultPlugins
        .set(WindowPlugin { primary_window: None, exit_condition: ExitCondition::DontExit, ..default() })
        .set(AssetPlugin { file_path: assets_dir().to_string_lossy().into_owned(), ..default() })
        .set(LogPlugin { filter: "warn,ecrin=info,wgpu=error,naga=warn".into(), ..default() })
        .disable::<WinitPlugin>();
    let mut app = App::new();
    crate::studio::floor::asset_files::read_assets_whole(&mut app);
    if first {
        app.add_plugins(plugins);
    } else {
        app.add_plugins(plugins.disable::<LogPlugin>());
    }
    app.insert_resource(CurrentDesign::new(design)).init_resource::<Captured>();
    app
}

/// Keeps the picture read back; taken, not copied (the screenshot is this studio's own, nothing else reads it): a
/// copy was a second 64 MB at 4096².
fn store_capture(mut captured: On<ScreenshotCaptured>, mut store: ResMut<Captured>) {
    store.0 = Some(std::mem::take(&mut captured.event_mut().image));
}

fn spawn_offscreen_camera(
    mut commands: Commands,
    target: Res<OffscreenTarget>,
    environment: Res<StudioEnvironment>,
    current: Res<CurrentDesign>,
) {
    commands.spawn((
        // The studio's camera offscreen: what the client's screen follows.
        super::camera::StudioCamera,
        Camera3d::default(),
        RenderTarget::Image(target.image.clone().into()),
        view_transform(current.design(), target.framing, View::ThreeQuarter),
        studio_camera_components(&environment),
    ));
}

/// A change between ring and necklace moves the offscreen camera to the new piece's framing (as the studio's
/// camera does); exports set their own views.
fn reframe_for_the_piece(
    current: Res<CurrentDesign>,
    target: Res<OffscreenTarget>,
    mut cameras: Query<&mut Transform, With<Camera3d>>,
    pieces: Query<(&super::pieces::Piece, Ref<super::pieces::PieceKind>)>,
) {
    // Not on the main piece's first frame: the camera was placed for the design the view opened with.
    let changed = pieces.iter().any(|(piece, kind)| piece.0 == 0 && kind.is_changed() && !kind.is_added());
    if changed {
        for mut transform in &mut cameras {
            *transform = view_transform(current.design(), target.framing, View::ThreeQuarter);
        }
    }
}
