//! Each environment's image-based light filtered once, then kept: Bevy's generator (`GeneratedEnvironmentMapLight`,
//! compute shaders) filters its cubemap into diffuse and specular maps again at every frame for every camera that
//! carries one — on lavapipe a fifth of the processor while the studio draws (`perf`, the idle studio), on a GPU
//! work for nothing, since a studio light never changes once made. Here one entity that is not a camera carries the
//! generator for one environment until the render world says the frame that filtered it is on its way; its maps are
//! then kept, the generator goes, and every camera lit by the environment (`EnvironmentLit`) carries the kept maps
//! as a plain `EnvironmentMapLight`. A change of light filters the new environment once (a few frames; the old light
//! stays shown until then); going back to one already filtered is immediate.

use super::{ENVIRONMENT_INTENSITY, Presentation, StudioEnvironment};
use crate::optics::environment::LightingEnvironment;
use bevy::light::{EnvironmentMapLight, GeneratedEnvironmentMapLight};
use bevy::pbr::generate::{GeneratorBindGroups, GeneratorPipelines, RenderEnvironmentMap, filtering_system};
use bevy::prelude::*;
use bevy::render::render_resource::PipelineCache;
use bevy::render::sync_world::MainEntity;
use bevy::render::{Render, RenderApp};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A camera lit by the studio's environment: it carries the current environment's kept maps.
#[derive(Component, Clone, Copy, Default)]
pub struct EnvironmentLit;

/// The environments filtered so far, and the one filtering now.
#[derive(Resource, Default)]
pub struct FilteredLights {
    kept: HashMap<LightingEnvironment, EnvironmentMapLight>,
    filtering: Option<(Entity, LightingEnvironment)>,
}

impl FilteredLights {
    /// The kept light of an environment, once filtered.
    pub fn of(&self, environment: LightingEnvironment) -> Option<&EnvironmentMapLight> {
        self.kept.get(&environment)
    }
}

/// The entity carrying the generator for one environment.
#[derive(Component)]
struct Filtering(LightingEnvironment);

/// Generator entities whose filtering frame the render world has recorded (their main-world entities).
#[derive(Resource, Clone, Default)]
struct FilteredSaid(Arc<Mutex<Vec<Entity>>>);

pub(super) fn plugin(app: &mut App) {
    let said = FilteredSaid::default();
    app.init_resource::<FilteredLights>()
        .insert_resource(said.clone())
        .add_systems(PostUpdate, (keep_filtered, filter_the_current_light, light_cameras).chain());
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app.insert_resource(said).add_systems(Render, say_filtered.after(filtering_system));
    }
}

/// Render world: every generator entity whose maps this frame filtered (the generator's five pipelines ready and
/// its bind groups made, so its downsampling and filtering passes were recorded).
fn say_filtered(
    generators: Query<&MainEntity, (With<GeneratorBindGroups>, With<RenderEnvironmentMap>)>,
    pipelines: Option<Res<GeneratorPipelines>>,
    cache: Res<PipelineCache>,
    said: Res<FilteredSaid>,
) {
    let Some(pipelines) = pipelines else { return };
    let ids = [pipelines.downsample_first, pipelines.downsample_second, pipelines.copy];
    let ready = ids
        .iter()
        .chain(&[pipelines.radiance, pipelines.irradiance])
        .all(|&id| cache.get_compute_pipeline(id).is_some());
    if !ready || generators.is_empty() {
        return;
    }
    if let Ok(mut said) = said.0.lock() {
        said.extend(generators.iter().map(|main| main.id()));
    }
}

/// Keeps the maps of the environment whose filtering is on its way, and takes its generator away.
fn keep_filtered(
    mut commands: Commands,
    said: Res<FilteredSaid>,
    generators: Query<(&Filtering, &EnvironmentMapLight)>,
    mut lights: ResMut<FilteredLights>,
) {
    let filtered: Vec<Entity> = said.0.lock().map(|mut said| said.drain(..).collect()).unwrap_or_default();
    for entity in filtered {
        let Ok((filtering, light)) = generators.get(entity) else { continue };
        lights.kept.insert(filtering.0, light.clone());
        if lights.filtering.is_some_and(|(filtering, _)| filtering == entity) {
            lights.filtering = None;
        }
        commands.entity(entity).despawn();
    }
}

/// Starts filtering the environment shown now when it has not been yet (one at a time).
fn filter_the_current_light(
    mut commands: Commands,
    presentation: Res<Presentation>,
    environment: Option<Res<StudioEnvironment>>,
    mut lights: ResMut<FilteredLights>,
) {
    let current = presentation.environment;
    if lights.filtering.is_some() || lights.kept.contains_key(&current) {
        return;
    }
    let Some(cubemap) = environment.as_ref().and_then(|environment| environment.cubemaps.get(&current)) else {
        return;
    };
    let generator = GeneratedEnvironmentMapLight {
        environment_map: cubemap.clone(),
        intensity: ENVIRONMENT_INTENSITY,
        ..default()
    };
    let entity = commands.spawn((generator, Filtering(current))).id();
    lights.filtering = Some((entity, current));
}

/// Every camera lit by the environment carries the current environment's maps — or, before any is kept (the
/// studio's first frames), the maps being filtered, so the cameras' pipelines are the ones they will keep.
fn light_cameras(
    mut commands: Commands,
    presentation: Res<Presentation>,
    lights: Res<FilteredLights>,
    generators: Query<&EnvironmentMapLight, With<Filtering>>,
    cameras: Query<(Entity, Option<&EnvironmentMapLight>), (With<EnvironmentLit>, Without<Filtering>)>,
) {
    let light = lights.of(presentation.environment).or_else(|| {
        let (generator, _) = lights.filtering?;
        lights.kept.is_empty().then(|| generators.get(generator).ok()).flatten()
    });
    let Some(light) = light else { return };
    for (camera, shown) in &cameras {
        if !shown.is_some_and(|shown| same_maps(shown, light)) {
            commands.entity(camera).insert(light.clone());
        }
    }
}

fn same_maps(a: &EnvironmentMapLight, b: &EnvironmentMapLight) -> bool {
    a.diffuse_map == b.diffuse_map && a.specular_map == b.specular_map
}

/// Whether every camera lit by the environment shows the current environment's filtered light (pictures and the
/// studio's readiness wait for it).
pub fn light_shown(world: &World) -> bool {
    let (Some(lights), Some(presentation)) =
        (world.get_resource::<FilteredLights>(), world.get_resource::<Presentation>())
    else {
        return true;
    };
    let Some(light) = lights.of(presentation.environment) else { return false };
    let Some(mut cameras) = world.try_query_filtered::<Option<&EnvironmentMapLight>, With<EnvironmentLit>>() else {
        return true;
    };
    cameras.iter(world).all(|shown| shown.is_some_and(|shown| same_maps(shown, light)))
}
