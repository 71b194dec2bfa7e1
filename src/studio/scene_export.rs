//! The scene leaves Écrin (`ecrin export-scene`): the core writes the piece, the light, the camera and the region
//! mask (`crate::scene`); this adds Écrin's own render of the same view — no bloom, no contact-shadow floor, as
//! the exported scene has neither — so that an independent path tracer's picture can be set beside it.

use super::export::{ExportError, ExportSettings, Exporter};
use super::headless::view_transform;
use super::lighting::{Background, ENVIRONMENT_INTENSITY, backdrop_radiance};
use crate::approval::View;
use crate::design::Design;
use crate::scene::{Exposure, SceneError, SceneSettings, SceneView};
use bevy::camera::{Exposure as CameraExposure, PerspectiveProjection};
use glam::Vec3;
use std::path::{Path, PathBuf};

/// Why a scene could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum SceneExportError {
    #[error(transparent)]
    Scene(#[from] SceneError),
    #[error(transparent)]
    Render(#[from] ExportError),
    #[error(transparent)]
    Picture(#[from] crate::png::PngError),
}

/// How display-linear values come from the environment's radiance in the studio's cameras: the environment light's
/// intensity times the default exposure (the gem shader multiplies by both too); the backdrop's skybox cancels the
/// exposure, so it is seen as it is.
pub fn studio_exposure() -> Exposure {
    Exposure { environment_scale: ENVIRONMENT_INTENSITY * CameraExposure::default().exposure(), backdrop_scale: 1.0 }
}

/// What the camera sees where no part is, by background.
fn backdrop(background: Background) -> fn(Vec3) -> Vec3 {
    match background {
        Background::Velvet => backdrop_radiance,
        Background::White => |_| {
            let white = Background::White.clear_colour().to_linear();
            Vec3::new(white.red, white.green, white.blue)
        },
        Background::Transparent => |_| Vec3::ZERO,
    }
}

/// Where the offscreen camera of an export stands for a view, as the core's pinhole (the mask and the exported
/// camera use it).
pub fn scene_view(design: &Design, settings: &ExportSettings, view: View) -> SceneView {
    let transform = view_transform(design, settings.framing, view);
    SceneView {
        position: transform.translation,
        rotation: transform.rotation,
        yfov: PerspectiveProjection::default().fov,
        width: settings.size,
        height: settings.size,
    }
}

/// Writes the scene of `view` into `folder`, and Écrin's render of it; returns every file written.
pub fn export_scene(
    design: Design,
    view: View,
    settings: ExportSettings,
    folder: &Path,
) -> Result<Vec<PathBuf>, SceneExportError> {
    let settings = ExportSettings { supersample: 1, reference: true, ..settings };
    settings.check()?;
    let scene_view = scene_view(&design, &settings, view);
    let background = settings.presentation.background;
    let backdrop = backdrop(background);
    let scene = SceneSettings {
        view: scene_view,
        environment: settings.presentation.environment,
        exposure: studio_exposure(),
        backdrop: &backdrop,
        transparent: background == Background::Transparent,
        gem_bounces: crate::optics::metrics::BOUNCES,
        with_hand: view == View::Hand && design.necklace.is_none(),
        hand: settings.hand,
    };
    let mut written = crate::scene::write_scene(&design, &scene, folder)?;
    let mut exporter = Exporter::new(design, settings)?;
    let picture = exporter.render(view, &mut || true)?;
    exporter.finish();
    if let Some(picture) = picture {
        let path = folder.join(crate::scene::RENDER_FILE);
        crate::png::save_png(&picture, &path)?;
        written.push(path);
    }
    Ok(written)
}
