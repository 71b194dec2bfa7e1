//! The loading state: the studio shows only once every model is loaded, the ring is composed, its light filtered
//! (`lighting::filtered`) and the GPU has no pipeline left to compile — so no later change waits on the pipeline
//! cache.

use super::StudioState;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::models::ModelLibrary;
use bevy::camera::Viewport;
use bevy::prelude::*;
use bevy::render::ExtractSchedule;
use bevy::render::render_resource::PipelineCache;
use bevy::render::{MainWorld, RenderApp};

/// Frames in a row with nothing compiling before the studio counts as ready.
const QUIET_FRAMES: u32 = 3;

/// What the loading screen shows.
#[derive(Resource, Default, Debug, Clone)]
pub struct LoadingProgress {
    pub models: f32,
    pub waiting_pipelines: usize,
    pub quiet_frames: u32,
    /// Why the studio cannot start (a model of the library that does not load), said in the advisor's language.
    pub error: Option<crate::i18n::errors::Said>,
}

/// Number of render pipelines still compiling, copied from the render world every frame.
#[derive(Resource, Default, Debug, Clone, Copy)]
pub struct PipelinesWaiting(pub usize);

/// Number of render pipelines the renderer holds, compiled or compiling (each is kept for the rest of the run),
/// copied from the render world every frame.
#[derive(Resource, Default, Debug, Clone, Copy)]
pub struct PipelinesHeld(pub usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LoadingProgress>()
        .add_systems(Update, track_loading.run_if(in_state(StudioState::Loading)))
        // After every system that places a camera (the board gives the studio's its part of the window).
        .add_systems(PostUpdate, draw_small_while_loading.run_if(in_state(StudioState::Loading)))
        .add_systems(OnEnter(StudioState::Ready), draw_whole_when_ready);
    pipeline_counter(app);
}

/// Side of the part a camera draws while the studio loads, as a share of its own part's.
const LOADING_SHARE: u32 = 8;

/// A camera drawing a small part of its picture while the studio loads: what it drew before, and the small part.
#[derive(Component)]
struct DrawingSmallWhileLoading {
    before: Option<Viewport>,
    small: Viewport,
}

fn same_part(a: Option<&Viewport>, b: &Viewport) -> bool {
    a.is_some_and(|a| (a.physical_position, a.physical_size) == (b.physical_position, b.physical_size))
}

/// While the studio loads, every 3D camera draws an eighth of its part's sides, in its middle (around the loading
/// window) and of the same shape, so that the same things are in view and the same pipelines compile: the frames
/// until ready then leave the processor to compiling them (lavapipe compiles each with LLVM on the cores the frames
/// are drawn on; `ecrin bench`: `startup_until_ready_ms`).
fn draw_small_while_loading(
    mut commands: Commands,
    mut cameras: Query<(Entity, &mut Camera, Option<&mut DrawingSmallWhileLoading>), With<Camera3d>>,
) {
    for (entity, mut camera, drawing) in &mut cameras {
        if drawing.as_ref().is_some_and(|drawing| same_part(camera.viewport.as_ref(), &drawing.small)) {
            continue;
        }
        let Some(target) = camera.physical_target_size() else { continue };
        let (position, size) =
            camera.viewport.as_ref().map_or((UVec2::ZERO, target), |part| (part.physical_position, part.physical_size));
        let side = (size / LOADING_SHARE).max(UVec2::ONE);
        let small = Viewport { physical_position: position + (size - side) / 2, physical_size: side, ..default() };
        let before = camera.viewport.replace(small.clone());
        match drawing {
            Some(mut drawing) => *drawing = DrawingSmallWhileLoading { before, small },
            None => {
                commands.entity(entity).insert(DrawingSmallWhileLoading { before, small });
            }
        }
    }
}

fn draw_whole_when_ready(mut commands: Commands, mut cameras: Query<(Entity, &mut Camera, &DrawingSmallWhileLoading)>) {
    for (entity, mut camera, drawing) in &mut cameras {
        if same_part(camera.viewport.as_ref(), &drawing.small) {
            camera.viewport = drawing.before.clone();
        }
        commands.entity(entity).remove::<DrawingSmallWhileLoading>();
    }
}

/// Keeps `PipelinesWaiting` up to date from the render world.
pub(super) fn pipeline_counter(app: &mut App) {
    app.init_resource::<PipelinesWaiting>().init_resource::<PipelinesHeld>();
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app.add_systems(ExtractSchedule, count_waiting_pipelines);
    }
}

fn count_waiting_pipelines(mut main_world: ResMut<MainWorld>, pipelines: Res<PipelineCache>) {
    if let Some(mut waiting) = main_world.get_resource_mut::<PipelinesWaiting>() {
        waiting.0 = pipelines.waiting_pipelines().count();
    }
    if let Some(mut held) = main_world.get_resource_mut::<PipelinesHeld>() {
        held.0 = pipelines.pipelines().count();
    }
}

fn track_loading(
    server: Res<AssetServer>,
    library: Res<ModelLibrary>,
    rings: Query<(&ChildOf, &super::scene::ShownRing)>,
    pieces: Query<&super::pieces::Piece>,
    current: Res<CurrentDesign>,
    lights: Option<Res<crate::studio::lighting::filtered::FilteredLights>>,
    presentation: Option<Res<crate::studio::lighting::Presentation>>,
    waiting: Res<PipelinesWaiting>,
    mut progress: ResMut<LoadingProgress>,
    mut next: ResMut<NextState<StudioState>>,
) {
    let (models, failed) = library.progress(&server);
    progress.models = models;
    progress.waiting_pipelines = waiting.0;
    if let Some(path) = failed {
        if progress.error.is_none() {
            let said = crate::said!("loading-model-failed", file = path.to_string());
            error!("{said:?}");
            progress.error = Some(said);
        }
        return;
    }
    let main_ring_shown = rings
        .iter()
        .any(|(parent, shown)| pieces.get(parent.parent()).is_ok_and(|p| p.0 == 0) && shown.matches(current.design()));
    // The current environment's light filtered and kept (`lighting::filtered`); none in apps without a renderer.
    let light_shown = match (lights, presentation) {
        (Some(lights), Some(presentation)) => lights.settled(presentation.environment),
        _ => true,
    };
    let composed = models >= 1.0 && main_ring_shown && light_shown;
    progress.quiet_frames = if composed && waiting.0 == 0 { progress.quiet_frames + 1 } else { 0 };
    if progress.quiet_frames >= QUIET_FRAMES {
        info!("studio ready");
        next.set(StudioState::Ready);
    }
}
