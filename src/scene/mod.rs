//! The scene as it leaves Écrin, for an independent renderer to draw and a comparison to read (no Bevy): the
//! assembled piece as glTF 2.0 — one node per part, millimetres, physical materials (`gltf.rs`) —, the light as
//! equirectangular Radiance HDR pictures (`environment.rs`), the camera with the exposure and the tonemapper
//! (`camera.json`), and which pixel shows what (`mask.rs`). The studio adds its own render of the same view.

pub mod environment;
pub mod gltf;
pub mod mask;

use crate::design::Design;
use crate::geometry::placed::placed_meshes;
use crate::optics::environment::LightingEnvironment;
use glam::{Quat, Vec3};
use std::path::{Path, PathBuf};

/// The files of an exported scene, by name inside its folder.
pub const PIECE_FILE: &str = "piece.glb";
pub const ENVIRONMENT_FILE: &str = "environment.hdr";
pub const BACKDROP_FILE: &str = "backdrop.hdr";
pub const CAMERA_FILE: &str = "camera.json";
pub const MASK_FILE: &str = "mask.png";
/// Écrin's own render of the view (written by the studio's side).
pub const RENDER_FILE: &str = "ecrin.png";

/// A pinhole camera as Bevy's default perspective camera sees: looking down its local −Z, +Y up, a vertical field
/// of view, square pixels; pixel (x, y) counted from the top left, sampled at its centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneView {
    pub position: Vec3,
    pub rotation: Quat,
    pub yfov: f32,
    pub width: u32,
    pub height: u32,
}

impl SceneView {
    /// Where a pixel's centre lies on the image plane at distance 1 (x right, y up).
    fn plane_point(&self, x: f32, y: f32) -> (f32, f32) {
        let half = (self.yfov / 2.0).tan();
        let aspect = self.width as f32 / self.height as f32;
        let u = (2.0 * x / self.width as f32 - 1.0) * half * aspect;
        let v = (1.0 - 2.0 * y / self.height as f32) * half;
        (u, v)
    }

    /// The unit direction through the centre of pixel (x, y), world frame.
    pub fn ray(&self, x: u32, y: u32) -> Vec3 {
        let (u, v) = self.plane_point(x as f32 + 0.5, y as f32 + 0.5);
        (self.rotation * Vec3::new(u, v, -1.0)).normalize()
    }

    /// Where a world point falls in the picture (continuous pixel coordinates, centres at +0.5) and its distance
    /// along the view; `None` behind the camera.
    pub fn project(&self, point: Vec3) -> Option<(f32, f32, f32)> {
        let local = self.rotation.inverse() * (point - self.position);
        let depth = -local.z;
        if depth <= 1e-3 {
            return None;
        }
        let half = (self.yfov / 2.0).tan();
        let aspect = self.width as f32 / self.height as f32;
        let x = (local.x / depth / (half * aspect) + 1.0) * 0.5 * self.width as f32;
        let y = (1.0 - local.y / depth / half) * 0.5 * self.height as f32;
        Some((x, y, depth))
    }
}

/// How the picture is made from radiance: what the camera and the tonemapper do.
#[derive(Clone, Copy, Debug)]
pub struct Exposure {
    /// Display-linear value = the environment's radiance × this (the studio's environment intensity × the camera's
    /// exposure).
    pub environment_scale: f32,
    /// The backdrop is seen as its radiance × this.
    pub backdrop_scale: f32,
}

/// What an exported scene is made of, besides the design.
pub struct SceneSettings<'a> {
    pub view: SceneView,
    pub environment: LightingEnvironment,
    pub exposure: Exposure,
    /// What the camera sees behind the piece, by direction (display-linear before `backdrop_scale`).
    pub backdrop: &'a (dyn Fn(Vec3) -> Vec3 + Sync),
    /// Whether the backdrop is transparent in Écrin's render (alpha 0 there).
    pub transparent: bool,
    /// Internal bounces Écrin's gem tracer follows.
    pub gem_bounces: usize,
    /// The ring on the display hand (the hand view): the hand is part of the scene.
    pub with_hand: bool,
    /// What the display hand is made of.
    pub hand: crate::geometry::hand::HandFinish,
}

/// Why a scene could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SceneError {
    #[error("{file}: {source}")]
    Write { file: String, source: std::io::Error },
    #[error("{file}: {source}")]
    Piece { file: String, source: crate::geometry::glb::GlbError },
    #[error("{file}: {source}")]
    Mask { file: String, source: image::ImageError },
}

/// Writes the piece, the light, the camera and the mask into `folder` (made if missing); returns the files.
pub fn write_scene(design: &Design, settings: &SceneSettings, folder: &Path) -> Result<Vec<PathBuf>, SceneError> {
    let write_error = |file: &Path, source| SceneError::Write { file: file.display().to_string(), source };
    std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
    let mut assembly = crate::geometry::assemble::assemble(design);
    if settings.with_hand {
        assembly.components.extend(crate::geometry::assemble::display_hand(design));
    }
    let parts = placed_meshes(&assembly);
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: Vec<u8>| {
        let path = folder.join(name);
        crate::atomic_file::write_atomically(&path, &bytes).map_err(|e| write_error(&path, e))?;
        written.push(path);
        Ok::<(), SceneError>(())
    };
    let file_of = |name: &str| folder.join(name).display().to_string();
    write(
        PIECE_FILE,
        gltf::piece_glb(design, &parts, Some(&settings.view), settings.hand)
            .map_err(|source| SceneError::Piece { file: file_of(PIECE_FILE), source })?,
    )?;
    let light = settings.environment;
    let flip = |d: Vec3| Vec3::new(d.x, d.y, -d.z);
    write(ENVIRONMENT_FILE, environment::equirect_hdr(2048, &|d| light.radiance(flip(d))))?;
    write(BACKDROP_FILE, environment::equirect_hdr(256, settings.backdrop))?;
    write(CAMERA_FILE, camera_json(design, settings).into_bytes())?;
    let regions = mask::region_mask(&parts, &settings.view);
    let mask = mask::mask_png(&regions, &settings.view)
        .map_err(|source| SceneError::Mask { file: file_of(MASK_FILE), source })?;
    write(MASK_FILE, mask)?;
    Ok(written)
}

/// The camera, the exposure and the tonemapper, and how to read the other files, as JSON.
fn camera_json(design: &Design, settings: &SceneSettings) -> String {
    let view = settings.view;
    let forward = view.rotation * Vec3::NEG_Z;
    let up = view.rotation * Vec3::Y;
    let value = serde_json::json!({
        "format": "ecrin-scene 1",
        "design": design.name,
        "units": "mm",
        "camera": {
            "position": view.position.to_array(),
            "rotation_xyzw": view.rotation.to_array(),
            "forward": forward.to_array(),
            "up": up.to_array(),
            "yfov_radians": view.yfov,
            "width": view.width,
            "height": view.height,
            "pixel_centres": "pixel (x, y) from the top left is sampled at (x + 0.5, y + 0.5)",
        },
        "environment": {
            "file": ENVIRONMENT_FILE,
            "name": format!("{:?}", settings.environment),
            "scale": settings.exposure.environment_scale,
            "mapping": environment::MAPPING,
        },
        "backdrop": {
            "file": BACKDROP_FILE,
            "scale": settings.exposure.backdrop_scale,
            "seen_by": "camera rays that leave the scene; the piece is lit by the environment only",
            "transparent": settings.transparent,
        },
        "observer": {
            "half_angle_radians": crate::optics::observer::HALF_ANGLE,
            "edge_radians": crate::optics::observer::EDGE,
            "radiance": [0.0, 0.0, 0.0],
            "where": "a black disc at the eye, centred on the direction from the piece to the eye: it blocks the light from behind the viewer",
        },
        "tonemapper": "khronos_pbr_neutral",
        "output": "sRGB-encoded 8-bit PNG of the tonemapped display-linear values",
        "gem": {
            "bounces": settings.gem_bounces,
            "channel_wavelengths_um": crate::optics::ior::CHANNEL_WAVELENGTHS_UM,
            "dispersion": "each colour channel is traced with its own refractive index",
        },
        "render": RENDER_FILE,
        "mask": { "file": MASK_FILE, "colours": mask::colours_json() },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
