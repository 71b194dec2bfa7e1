//! The loading state: the studio shows only once every model is loaded, the ring is composed and the GPU has
//! no pipeline left to compile — so no later change waits on the pipeline cache.

use super::StudioState;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::models::ModelLibrary;
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
    app.init_resource::<LoadingProgress>().add_systems(Update, track_loading.run_if(in_state(StudioState::Loading)));
    pipeline_counter(app);
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
    let composed = models >= 1.0 && main_ring_shown;
    progress.quiet_frames = if composed && waiting.0 == 0 { progress.quiet_frames + 1 } else { 0 };
    if progress.quiet_frames >= QUIET_FRAMES {
        info!("studio ready");
        next.set(StudioState::Ready);
    }
}
