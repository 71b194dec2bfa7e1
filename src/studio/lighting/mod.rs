//! Lighting made by code: every `LightingEnvironment` baked into an HDR cubemap at start-up, used as image-based
//! light (GPU-prefiltered once per environment, `filtered.rs`) so metal has something to reflect, and by the gem
//! shader; the background; bloom and a product tonemapper. The cubemaps are kept in the user's cache between runs
//! (`baked.rs`).

pub mod baked;
pub mod filtered;
pub mod panel;

use super::StudioSystems;
use crate::optics::environment::LightingEnvironment;
use bevy::asset::RenderAssetUsages;
use bevy::camera::Hdr;
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::light::Skybox;
use bevy::post_process::bloom::Bloom;
use bevy::prelude::*;
use bevy::render::render_resource::{
    Extent3d, TextureDimension, TextureFormat, TextureViewDescriptor, TextureViewDimension,
};
use bevy::render::view::Msaa;
pub use filtered::{EnvironmentLit, light_shown};
use std::collections::HashMap;

/// Face size of the generated environment cubemaps, texels.
const CUBEMAP_SIZE: u32 = 256;
/// Strength of the environment light (the camera's exposure brings it to display range).
pub const ENVIRONMENT_INTENSITY: f32 = 2200.0;

/// Glow around highlights (stones' sparkle, polished edges), kept subtle.
const BLOOM_INTENSITY: f32 = 0.15;

/// Bloom as a lens glints on a jewel's brightest points: only what is far past the tonemapper's white scatters,
/// and only a little way. Bevy's natural bloom scatters every pixel and filled a face-up diamond's dark facets
/// (35 % of its face dark without it, 22 % with it) and lit the velvet around the stone (`tests/studio/look.rs`).
fn jewellery_bloom(intensity: f32) -> Bloom {
    Bloom {
        intensity,
        low_frequency_boost: 0.0,
        low_frequency_boost_curvature: 0.0,
        high_pass_frequency: 0.3,
        prefilter: bevy::post_process::bloom::BloomPrefilter { threshold: 2.0, threshold_softness: 0.3 },
        // A threshold needs additive compositing (Bevy's documentation of `prefilter`).
        composite_mode: bevy::post_process::bloom::BloomCompositeMode::Additive,
        ..Bloom::NATURAL
    }
}

/// What is behind the piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Background {
    /// Deep warm charcoal, like a jeweller's display velvet.
    #[default]
    Velvet,
    /// White, for e-commerce pictures.
    White,
    /// Transparent (for exports; the window shows black).
    Transparent,
}

impl Background {
    pub const ALL: [Background; 3] = [Background::Velvet, Background::White, Background::Transparent];

    /// Its name's message key.
    pub fn key(self) -> &'static str {
        match self {
            Background::Velvet => "background-velvet",
            Background::White => "background-white",
            Background::Transparent => "background-transparent",
        }
    }

    pub fn clear_colour(self) -> Color {
        match self {
            Background::Velvet => Color::srgb(0.085, 0.08, 0.078),
            // HDR white well past the tonemapper's shoulder, so the picture's background is pure white (255).
            Background::White => Color::linear_rgb(16.0, 16.0, 16.0),
            Background::Transparent => Color::NONE,
        }
    }
}

/// How the piece is presented: light and background (a view setting, not part of the design).
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Presentation {
    pub environment: LightingEnvironment,
    pub background: Background,
}

/// The environment cubemaps, one per lighting environment, made at start-up.
#[derive(Resource, Clone)]
pub struct StudioEnvironment {
    pub cubemaps: HashMap<LightingEnvironment, Handle<Image>>,
    /// The velvet backdrop: a soft vertical gradient, lighter above, drawn as a skybox.
    pub backdrop: Handle<Image>,
    /// Plain backdrops of the white and transparent (black in the window) backgrounds, for the cameras that draw
    /// over a picture another camera has cleared (`SolidBackdrop`).
    pub white_backdrop: Handle<Image>,
    pub black_backdrop: Handle<Image>,
    /// The cubemap of the environment shown now.
    pub cubemap: Handle<Image>,
}

/// The advisor's choice of light and background (not part of the design, not undone).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentationCommand {
    SetEnvironment(LightingEnvironment),
    SetBackground(Background),
}

crate::carried!(PresentationCommand);

/// The presentation and its commands, without the renderer (headless app tests run it under `MinimalPlugins`).
pub fn presentation_plugin(app: &mut App) {
    app.init_resource::<Presentation>()
        .add_message::<PresentationCommand>()
        .add_systems(Update, choose_presentation.in_set(StudioSystems::ApplyCommands));
}

fn choose_presentation(mut commands: MessageReader<PresentationCommand>, mut presentation: ResMut<Presentation>) {
    for command in commands.read() {
        match *command {
            PresentationCommand::SetEnvironment(environment) => presentation.environment = environment,
            PresentationCommand::SetBackground(background) => presentation.background = background,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((presentation_plugin, filtered::plugin))
        .insert_resource(ClearColor(Background::default().clear_colour()))
        // The environment is all the light there is: Bevy's default ambient light (80 cd/m², from every direction
        // at once) would add a flat glow to every surface — on polished metal, a grey veil over its reflections
        // (found against the path tracer, `tools/reference/`).
        .insert_resource(GlobalAmbientLight::NONE)
        // No light casts a shadow map (the environment lights the piece; the contact shadow is the stage's), but
        // Bevy keeps its shadow-map textures at their sizes all the same: 40 MB at the defaults (`ecrin bench
        // --memory-labels`). A light added with shadows would get coarse ones: give it a size then.
        .insert_resource(bevy::light::PointLightShadowMap { size: 16 })
        .insert_resource(bevy::light::DirectionalLightShadowMap { size: 16 })
        .add_systems(PreStartup, create_environments)
        .add_systems(
            Update,
            apply_presentation.run_if(resource_changed::<Presentation>).in_set(StudioSystems::SyncMaterials),
        );
}

/// Direction through texel (x, y) of cube face `face` (order +X, −X, +Y, −Y, +Z, −Z).
fn cube_direction(face: usize, x: u32, y: u32, size: u32) -> Vec3 {
    let u = 2.0 * (x as f32 + 0.5) / size as f32 - 1.0;
    let v = 2.0 * (y as f32 + 0.5) / size as f32 - 1.0;
    match face {
        0 => Vec3::new(1.0, -v, -u),
        1 => Vec3::new(-1.0, -v, u),
        2 => Vec3::new(u, 1.0, v),
        3 => Vec3::new(u, -1.0, -v),
        4 => Vec3::new(u, -v, 1.0),
        _ => Vec3::new(-u, -v, -1.0),
    }
    .normalize()
}

pub use crate::optics::environment::backdrop_radiance;

/// Skybox brightness that shows `backdrop_radiance` as is through the camera's default exposure.
fn backdrop_brightness() -> f32 {
    1.0 / bevy::camera::Exposure::default().exposure()
}

/// A cubemap image of a radiance function.
fn cubemap_of(size: u32, radiance_towards: impl Fn(Vec3) -> Vec3) -> Image {
    cubemap_image(size, cubemap_texels(size, radiance_towards))
}

/// Bytes of a cube's texels of a radiance function: six faces of `size`², RGBA16F.
pub(super) fn cubemap_texels(size: u32, radiance_towards: impl Fn(Vec3) -> Vec3) -> Vec<u8> {
    let mut data = Vec::with_capacity(cubemap_bytes(size));
    for face in 0..6 {
        for y in 0..size {
            for x in 0..size {
                let radiance = radiance_towards(cube_direction(face, x, y, size));
                for channel in [radiance.x, radiance.y, radiance.z, 1.0] {
                    data.extend_from_slice(&half::f16::from_f32(channel).to_le_bytes());
                }
            }
        }
    }
    data
}

pub(super) fn cubemap_bytes(size: u32) -> usize {
    6 * (size * size) as usize * 8
}

/// A cubemap image of texels (`cubemap_texels`).
pub(super) fn cubemap_image(size: u32, data: Vec<u8>) -> Image {
    let mut image = Image::new(
        Extent3d { width: size, height: size, depth_or_array_layers: 6 },
        TextureDimension::D2,
        data,
        TextureFormat::Rgba16Float,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.texture_view_descriptor =
        Some(TextureViewDescriptor { dimension: Some(TextureViewDimension::Cube), ..Default::default() });
    image
}

fn create_environments(mut commands: Commands, mut images: ResMut<Assets<Image>>, presentation: Res<Presentation>) {
    let cubemaps: HashMap<_, _> = LightingEnvironment::ALL
        .into_iter()
        .map(|environment| (environment, images.add(baked::environment_cubemap(environment, CUBEMAP_SIZE))))
        .collect();
    let cubemap = cubemaps.get(&presentation.environment).cloned().unwrap_or_default();
    // Bevy samples cubemaps left-handed (z negated); the gradient only depends on y, so it does not matter here.
    let backdrop = images.add(cubemap_of(32, backdrop_radiance));
    let white = Background::White.clear_colour().to_linear();
    let white_backdrop = images.add(cubemap_of(2, |_| Vec3::new(white.red, white.green, white.blue)));
    let black_backdrop = images.add(cubemap_of(2, |_| Vec3::ZERO));
    commands.insert_resource(StudioEnvironment { cubemaps, backdrop, cubemap, white_backdrop, black_backdrop });
}

/// A camera that shows the studio's background (the studio's, the exports', the board's tiles).
#[derive(Component, Clone, Copy, Default)]
pub struct ShowsBackdrop;

/// A camera that draws into a picture another camera cleared first (a board tile: Bevy clears a window's shared
/// textures once a frame): its background is always drawn, as a skybox, so nothing of the last frame stays.
#[derive(Component)]
pub struct SolidBackdrop;

/// Switches the light every camera sees, and the background (the stones follow: `gem/`).
pub fn apply_presentation(
    mut commands: Commands,
    cameras: Query<(Entity, Has<SolidBackdrop>), With<ShowsBackdrop>>,
    presentation: Res<Presentation>,
    mut environment: ResMut<StudioEnvironment>,
    mut clear: ResMut<ClearColor>,
    mut blooms: Query<&mut Bloom>,
) {
    let Some(cubemap) = environment.cubemaps.get(&presentation.environment).cloned() else { return };
    environment.cubemap = cubemap;
    clear.0 = presentation.background.clear_colour();
    // The velvet gradient is a skybox; white and transparent backgrounds are the clear colour.
    for (camera, solid) in &cameras {
        match background_skybox(&environment, presentation.background, solid) {
            Some(skybox) => commands.entity(camera).insert(skybox),
            None => commands.entity(camera).remove::<Skybox>(),
        };
    }
    let bloom = bloom_intensity(presentation.background);
    for mut settings in &mut blooms {
        if settings.intensity != bloom {
            settings.intensity = bloom;
        }
    }
}

/// A white background would bloom into the piece's edges: highlights only glow on dark backgrounds.
pub fn bloom_intensity(background: Background) -> f32 {
    if background == Background::White { 0.0 } else { BLOOM_INTENSITY }
}

/// What every studio camera (window or offscreen) carries: HDR, IBL (the current environment's kept maps,
/// `filtered.rs`), bloom on highlights, anti-aliasing and
/// Khronos PBR Neutral tonemapping — made for product shots: it keeps base colours (gold stays gold) up to
/// bright highlights, where AgX or ACES would shift hues.
pub fn studio_camera_components(environment: &StudioEnvironment) -> impl Bundle {
    (
        Hdr,
        EnvironmentLit,
        ShowsBackdrop,
        jewellery_bloom(BLOOM_INTENSITY),
        Tonemapping::KhronosPbrNeutral,
        Msaa::Sample4,
        backdrop_skybox(environment),
    )
}

/// The skybox a camera shows for a background: the velvet gradient; white and transparent are the clear colour,
/// or plain skyboxes for cameras that must draw their background (`SolidBackdrop`).
pub fn background_skybox(environment: &StudioEnvironment, background: Background, solid: bool) -> Option<Skybox> {
    let plain =
        |image: &Handle<Image>| Skybox { image: Some(image.clone()), brightness: backdrop_brightness(), ..default() };
    match (background, solid) {
        (Background::Velvet, _) => Some(backdrop_skybox(environment)),
        (Background::White, true) => Some(plain(&environment.white_backdrop)),
        (Background::Transparent, true) => Some(plain(&environment.black_backdrop)),
        (_, false) => None,
    }
}

fn backdrop_skybox(environment: &StudioEnvironment) -> Skybox {
    Skybox { image: Some(environment.backdrop.clone()), brightness: backdrop_brightness(), ..default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_faces_point_where_they_should() {
        assert!(cube_direction(0, 64, 64, 128).x > 0.99);
        assert!(cube_direction(2, 64, 64, 128).y > 0.99);
        assert!(cube_direction(5, 64, 64, 128).z < -0.99);
    }
}
