//! Each environment's image-based light filtered once, then kept: Bevy's generator (`GeneratedEnvironmentMapLight`,
//! compute shaders) filters its cubemap into diffuse and specular maps again at every frame for every camera that
//! carries one — on lavapipe a fifth of the processor while the studio draws (`perf`, the idle studio), on a GPU
//! work for nothing, since a studio light never changes once made. Here one entity that is not a camera carries the
//! generator for one environment until the render world says the frame that filtered it is on its way; its maps are
//! then kept, the generator goes, and every camera lit by the environment (`EnvironmentLit`) carries the kept maps
//! as a plain `EnvironmentMapLight`. A change of light filters the new environment once (a few frames; the old light
//! stays shown until then); going back to one already filtered is immediate. Where the generator cannot run (an
//! adapter without compute shaders: Bevy leaves its plugin out; a generator pipeline that fails), the render world
//! says so and the cameras go without image-based light rather than wait for it.

use super::{ENVIRONMENT_INTENSITY, Presentation, StudioEnvironment};
use crate::optics::environment::LightingEnvironment;
use bevy::light::{EnvironmentMapLight, GeneratedEnvironmentMapLight};
use bevy::pbr::generate::{GeneratorBindGroups, GeneratorPipelines, RenderEnvironmentMap, filtering_system};
use bevy::prelude::*;
use bevy::render::render_resource::{CachedPipelineState, PipelineCache};
use bevy::render::sync_world::MainEntity;
use bevy::render::{Render, RenderApp};
use bevy::shader::ShaderCacheError;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A camera lit by the studio's environment: it carries the current environment's kept maps.
#[derive(Component, Clone, Copy, Default)]
pub struct EnvironmentLit;

/// The environments filtered so far, and the one filtering now.
#[derive(Resource, Default)]
pub struct FilteredLights {
    kept: HashMap<LightingEnvironment, EnvironmentMapLight>,
    filtering: Option<(Entity, LightingEnvironment)>,
    /// The renderer cannot filter (no generator, or one of its pipelines failed): no image-based light.
    cannot_filter: bool,
}

impl FilteredLights {
    /// The kept light of an environment, once filtered.
    pub fn of(&self, environment: LightingEnvironment) -> Option<&EnvironmentMapLight> {
        self.kept.get(&environment)
    }

    /// Whether an environment's light is as it will be shown: filtered and kept, or never (the renderer cannot).
    pub fn settled(&self, environment: LightingEnvironment) -> bool {
        self.cannot_filter || self.kept.contains_key(&environment)
    }
}

/// The entity carrying the generator for one environment.
#[derive(Component)]
struct Filtering(LightingEnvironment);

/// What the render world says: the generator entities whose filtering frame it has recorded (their main-world
/// entities), and whether it cannot filter at all.
#[derive(Resource, Clone, Default)]
struct FilteredSaid {
    filtered: Arc<Mutex<Vec<Entity>>>,
    cannot: Arc<AtomicBool>,
}

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
    // Bevy makes the generator's pipelines at the renderer's start-up, or leaves its plugin out.
    let Some(pipelines) = pipelines else {
        said.cannot.store(true, Ordering::Relaxed);
        return;
    };
    let ids = [
        pipelines.downsample_first,
        pipelines.downsample_second,
        pipelines.copy,
        pipelines.radiance,
        pipelines.irradiance,
    ];
    // A shader not loaded yet is tried again (Bevy's pipeline cache); one that cannot be made is not.
    let failed = |id| {
        matches!(
            cache.get_compute_pipeline_state(id),
            CachedPipelineState::Err(ShaderCacheError::ProcessShaderError(_) | ShaderCacheError::CreateShaderModule(_))
        )
    };
    if ids.iter().any(|&id| failed(id)) {
        said.cannot.store(true, Ordering::Relaxed);
        return;
    }
    let ready = ids.iter().all(|&id| cache.get_compute_pipeline(id).is_some());
    if !ready || generators.is_empty() {
        return;
    }
    if let Ok(mut filtered) = said.filtered.lock() {
        filtered.extend(generators.iter().map(|main| main.id()));
    }
}

/// Keeps the maps of the environment whose filtering is on its way, and takes its generator away.
fn keep_filtered(
    mut commands: Commands,
    said: Res<FilteredSaid>,
    generators: Query<(&Filtering, &EnvironmentMapLight)>,
    mut lights: ResMut<FilteredLights>,
) {
    if said.cannot.load(Ordering::Relaxed) && !lights.cannot_filter {
        warn!("the renderer cannot filter the environment light: the piece is shown without image-based light");
        lights.cannot_filter = true;
        if let Some((generator, _)) = lights.filtering.take() {
            commands.entity(generator).despawn();
        }
    }
    let filtered: Vec<Entity> = said.filtered.lock().map(|mut said| said.drain(..).collect()).unwrap_or_default();
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
    if lights.cannot_filter || lights.filtering.is_some() || lights.kept.contains_key(&current) {
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
    if lights.cannot_filter {
        return true;
    }
    let Some(light) = lights.of(presentation.environment) else { return false };
    let Some(mut cameras) = world.try_query_filtered::<Option<&EnvironmentMapLight>, With<EnvironmentLit>>() else {
        return true;
    };
    cameras.iter(world).all(|shown| shown.is_some_and(|shown| same_maps(shown, light)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::studio::lighting::presentation_plugin;

    fn lighting_app() -> App {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, presentation_plugin, plugin));
        let cubemaps = LightingEnvironment::ALL.into_iter().map(|environment| (environment, Handle::default()));
        app.insert_resource(StudioEnvironment {
            cubemaps: cubemaps.collect(),
            backdrop: Handle::default(),
            white_backdrop: Handle::default(),
            black_backdrop: Handle::default(),
            cubemap: Handle::default(),
        });
        app.world_mut().spawn(EnvironmentLit);
        app
    }

    fn generators(app: &mut App) -> usize {
        let world = app.world_mut();
        world.query::<&GeneratedEnvironmentMapLight>().iter(world).count()
    }

    #[test]
    fn the_light_waits_for_its_filtering_and_a_renderer_that_cannot_filter_waits_for_nothing() {
        let mut app = lighting_app();
        app.update();
        assert_eq!(generators(&mut app), 1, "the current light is given to the generator");
        assert!(!light_shown(app.world()), "shown before it was filtered");
        app.update();
        assert_eq!(generators(&mut app), 1, "one generator at a time");

        // The render world says it cannot filter: no generator is left and nothing waits.
        app.world().resource::<FilteredSaid>().cannot.store(true, Ordering::Relaxed);
        app.update();
        assert_eq!(generators(&mut app), 0);
        assert!(light_shown(app.world()));
        let presentation = *app.world().resource::<Presentation>();
        assert!(app.world().resource::<FilteredLights>().settled(presentation.environment));
    }
}
