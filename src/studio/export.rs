//! Export renders — the one owner of "render a picture offscreen": every view, turntable frame, gem comparison, pack,
//! board, thumbnail, bench export and scene export is made by an `Exporter`, which drives the windowless studio
//! (`headless::Offscreen`) and never the other way. A view of the design at any size up to 8192 px — supersampled (rendered larger, then each
//! block of samples averaged in linear light), in tiles when the picture is larger than one GPU texture may be
//! (each tile renders a sub-view of the same camera) — with straight alpha, so transparent PNGs have clean edges.

use super::gem::StoneRendering;
use super::headless::{Framing, Offscreen, OffscreenError, view_transform};
use super::lighting::Presentation;
use crate::approval::View;
use crate::design::Design;
use bevy::camera::SubCameraView;
use bevy::post_process::bloom::Bloom;
use bevy::prelude::*;
use bevy::render::renderer::RenderDevice;
use image::RgbaImage;

/// Largest tile rendered at once, pixels (memory on a software renderer stays reasonable).
pub const MAX_TILE: u32 = 4096;
/// Largest picture an export makes, pixels per side.
pub const MAX_EXPORT: u32 = 8192;

/// How pictures are made.
#[derive(Clone, Copy, Debug)]
pub struct ExportSettings {
    /// Side of the finished picture, pixels.
    pub size: u32,
    /// Samples per pixel along each axis (1–4).
    pub supersample: u32,
    pub framing: Framing,
    pub presentation: Presentation,
    /// Tile side limit (defaults to the GPU's texture limit and `MAX_TILE`); tests set it small.
    pub max_tile: Option<u32>,
    /// What the display hand of the hand view is made of.
    pub hand: crate::geometry::hand::HandFinish,
    /// The picture a path tracer's is compared with (`ecrin export-scene`): no bloom and no contact-shadow floor,
    /// neither of which the exported scene holds.
    pub reference: bool,
}

impl ExportSettings {
    pub fn new(size: u32, presentation: Presentation) -> ExportSettings {
        ExportSettings {
            size,
            supersample: 1,
            framing: Framing::Ring,
            presentation,
            max_tile: None,
            hand: Default::default(),
            reference: false,
        }
    }

    /// A clear message for sizes the export cannot make.
    pub fn check(&self) -> Result<(), ExportError> {
        if !(16..=MAX_EXPORT).contains(&self.size) {
            return Err(ExportError::Size(self.size));
        }
        if !(1..=4).contains(&self.supersample) {
            return Err(ExportError::Supersample(self.supersample));
        }
        Ok(())
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    #[error("size {0}: must be 16–{MAX_EXPORT} pixels")]
    Size(u32),
    #[error("supersample {0}: must be 1–4")]
    Supersample(u32),
    #[error("no centre stone that can be traced")]
    NoStone,
    #[error(transparent)]
    Render(#[from] OffscreenError),
}

impl ExportError {
    /// The failure in a language.
    pub fn in_language(&self, l: crate::i18n::Language) -> String {
        use crate::tr;
        match self {
            ExportError::Size(size) => tr!(l, "export-size", size = size.to_string(), max = MAX_EXPORT.to_string()),
            ExportError::Supersample(samples) => tr!(l, "export-supersample", samples = samples.to_string()),
            ExportError::NoStone => tr!(l, "export-no-stone"),
            ExportError::Render(error) => error.in_language(l),
        }
    }
}

/// Tiles per side and the tile side (in samples) for a picture of `samples` per side.
pub fn tiling(samples: u32, supersample: u32, max_tile: u32) -> (u32, u32) {
    let per_side = samples.div_ceil(max_tile.max(supersample));
    // Whole pixels per tile, so every block of samples falls in one tile.
    let pixels = (samples / supersample).div_ceil(per_side);
    (per_side, pixels * supersample)
}

/// Where the last picture's time went (the bench's export figures).
#[derive(Clone, Copy, Debug, Default)]
pub struct ExportTimings {
    /// Rendering and reading back every tile, ms.
    pub capture_ms: f64,
    /// Frames run for them (each renders the whole tile).
    pub capture_frames: u32,
    /// Turning samples into straight-alpha pixels, ms.
    pub resolve_ms: f64,
}

/// A renderer of export pictures for one design (kept ready between pictures).
pub struct Exporter {
    offscreen: Offscreen,
    design: Design,
    settings: ExportSettings,
    tiles_per_side: u32,
    tile: u32,
    timings: ExportTimings,
}

impl Exporter {
    pub fn new(design: Design, settings: ExportSettings) -> Result<Exporter, ExportError> {
        settings.check()?;
        let samples = settings.size * settings.supersample;
        // Sizing the tile needs the GPU's limit: a first, small app tells it only if no limit is given.
        let limit = settings.max_tile.unwrap_or(MAX_TILE);
        let (mut tiles_per_side, mut tile) = tiling(samples, settings.supersample, limit);
        let mut offscreen = Offscreen::framed(design.clone(), tile, tile, settings.framing);
        let device_limit =
            offscreen.world_mut().get_resource::<RenderDevice>().map(|d| d.limits().max_texture_dimension_2d);
        if let Some(device_limit) = device_limit.filter(|&l| l < tile) {
            (tiles_per_side, tile) = tiling(samples, settings.supersample, device_limit);
            offscreen.exit();
            offscreen = Offscreen::framed(design.clone(), tile, tile, settings.framing);
        }
        offscreen.run_until_ready(3000)?;
        if settings.presentation != Presentation::default() {
            offscreen.present(settings.presentation)?;
        }
        if settings.hand != Default::default() {
            offscreen.send(super::hand::HandCommand::Finish(settings.hand));
            offscreen.settle(600)?;
        }
        if tiles_per_side > 1 || settings.reference {
            // Bloom spreads light across tile borders, which separate tiles cannot agree on.
            let mut blooms = offscreen.world_mut().query::<&mut Bloom>();
            for mut bloom in blooms.iter_mut(offscreen.world_mut()) {
                bloom.intensity = 0.0;
            }
        }
        if settings.reference {
            offscreen.hide_stage()?;
        }
        Ok(Exporter { offscreen, design, settings, tiles_per_side, tile, timings: ExportTimings::default() })
    }

    /// Shows another design (as the studio opens a preset): one renderer serves a whole catalogue.
    pub fn show(&mut self, design: Design) -> Result<(), ExportError> {
        let command = crate::design::DesignCommand::Load(Box::new(design.clone()));
        self.offscreen.send(command);
        for _ in 0..600 {
            self.offscreen.update();
            if self.offscreen.scene_matches_design() && self.offscreen.design() == design {
                break;
            }
        }
        self.offscreen.settle(600)?;
        self.design = design;
        Ok(())
    }

    /// Sets the bloom of the pictures that follow (the look's tests compare a picture with and without it).
    pub fn set_bloom(&mut self, intensity: f32) {
        let world = self.offscreen.world_mut();
        let mut blooms = world.query::<&mut Bloom>();
        for mut bloom in blooms.iter_mut(world) {
            bloom.intensity = intensity;
        }
    }

    /// Where the last picture's time went.
    pub fn last_timings(&self) -> ExportTimings {
        self.timings
    }

    /// Tiles per picture.
    pub fn tiles(&self) -> u32 {
        self.tiles_per_side * self.tiles_per_side
    }

    /// One view. `keep_going` is asked before each tile; `Ok(None)` when it said stop. The light map (ASET) comes
    /// from the gem tracer, not the renderer.
    pub fn render(
        &mut self,
        view: View,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Result<Option<RgbaImage>, ExportError> {
        if view == View::Aset {
            let map = crate::optics::aset::design_map(&self.design, self.settings.size);
            return map.map(|map| Some(map.picture())).ok_or(ExportError::NoStone);
        }
        self.offscreen.show_hand(view == View::Hand && self.design.necklace.is_none())?;
        let transform = view_transform(&self.design, self.settings.framing, view);
        self.render_from(transform, keep_going)
    }

    /// The three-quarter view turned by `angle` (radians) about the piece's vertical axis: a turntable's frame.
    pub fn render_turned(
        &mut self,
        angle: f32,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Result<Option<RgbaImage>, ExportError> {
        self.offscreen.show_hand(false)?;
        let mut transform = view_transform(&self.design, self.settings.framing, View::ThreeQuarter);
        transform.rotate_around(Vec3::ZERO, Quat::from_rotation_y(angle));
        self.render_from(transform, keep_going)
    }

    /// A full turn around the piece in `count` pictures from the three-quarter view (a turntable), handed to
    /// `take(index, picture)` in order; it says whether to go on (`Ok(false)` when it said stop). Where the picture
    /// fits one tile, one frame a picture (`Offscreen::capture_row`: each drawn while the ones before it are read
    /// back); in tiles, one view after another.
    pub fn render_turn(
        &mut self,
        count: u32,
        take: &mut dyn FnMut(usize, RgbaImage) -> bool,
    ) -> Result<bool, ExportError> {
        let angle = |index: usize| std::f32::consts::TAU * index as f32 / count.max(1) as f32;
        if self.tiles_per_side > 1 {
            for index in 0..count as usize {
                let Some(picture) = self.render_turned(angle(index), &mut || true)? else { return Ok(false) };
                if !take(index, picture) {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        self.offscreen.show_hand(false)?;
        let facing = view_transform(&self.design, self.settings.framing, View::ThreeQuarter);
        let supersample = self.settings.supersample;
        self.timings = ExportTimings::default();
        let started = std::time::Instant::now();
        let mut place = |world: &mut World, index: usize| {
            let mut transform = facing;
            transform.rotate_around(Vec3::ZERO, Quat::from_rotation_y(angle(index)));
            let mut cameras = world.query_filtered::<(&mut Transform, &mut Camera), With<Camera3d>>();
            for (mut camera_transform, mut camera) in cameras.iter_mut(world) {
                *camera_transform = transform;
                camera.sub_camera_view = None;
            }
        };
        let mut resolve_ms = 0.0;
        let going = self.offscreen.capture_row(count as usize, &mut place, &mut |index, samples| {
            let resolved = std::time::Instant::now();
            let picture = resolve(samples, supersample);
            resolve_ms += resolved.elapsed().as_secs_f64() * 1000.0;
            take(index, picture)
        })?;
        self.timings.capture_ms = started.elapsed().as_secs_f64() * 1000.0 - resolve_ms;
        self.timings.resolve_ms = resolve_ms;
        self.timings.capture_frames = self.offscreen.capture_frames;
        Ok(going)
    }

    /// The piece seen by a camera anywhere in its frame with a vertical field of view (radians), on the display
    /// hand or not: the try-on draws the ring as it lies on a picture of a hand, its test set the hand. The camera's
    /// field is the studio's again afterwards.
    pub fn render_looking(
        &mut self,
        transform: Transform,
        fov: f32,
        with_hand: bool,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Result<Option<RgbaImage>, ExportError> {
        self.offscreen.show_hand(with_hand)?;
        let distance = transform.translation.length();
        let studio = self.set_field(fov, (distance * 2.0).max(1000.0));
        let picture = self.render_from(transform, keep_going);
        self.set_field(studio.0, studio.1);
        picture
    }

    /// Sets the cameras' field of view and far plane; gives back what they were.
    fn set_field(&mut self, fov: f32, far: f32) -> (f32, f32) {
        let world = self.offscreen.world_mut();
        let mut cameras = world.query_filtered::<&mut Projection, With<Camera3d>>();
        let mut was = (PerspectiveProjection::default().fov, PerspectiveProjection::default().far);
        for mut projection in cameras.iter_mut(world) {
            if let Projection::Perspective(perspective) = &mut *projection {
                was = (perspective.fov, perspective.far);
                perspective.fov = fov;
                perspective.far = far;
            }
        }
        was
    }

    /// The windowless studio it drives (the try-on adds the finger's occluder, its test set changes the hand's
    /// finish and the light between pictures).
    pub fn offscreen_mut(&mut self) -> &mut Offscreen {
        &mut self.offscreen
    }

    /// The gem comparison of the three-quarter view: the left half Écrin's traced gem, the right half the same
    /// design with Bevy's `StandardMaterial` transmission.
    pub fn render_gem_comparison(&mut self) -> Result<RgbaImage, ExportError> {
        let size = self.settings.size;
        let mut comparison = RgbaImage::new(size * 2, size);
        for (rendering, left) in [(StoneRendering::Traced, 0), (StoneRendering::StandardTransmission, size)] {
            self.offscreen.set_stone_rendering(rendering)?;
            let picture = self.render(View::ThreeQuarter, &mut || true)?.unwrap_or_else(|| RgbaImage::new(size, size));
            image::imageops::replace(&mut comparison, &picture, i64::from(left), 0);
        }
        self.offscreen.set_stone_rendering(StoneRendering::Traced)?;
        Ok(comparison)
    }

    /// The view from a camera transform.
    fn render_from(
        &mut self,
        transform: Transform,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Result<Option<RgbaImage>, ExportError> {
        let (size, ss, tile) = (self.settings.size, self.settings.supersample, self.tile);
        let mut picture = RgbaImage::new(size, size);
        self.timings = ExportTimings::default();
        for ty in 0..self.tiles_per_side {
            for tx in 0..self.tiles_per_side {
                if !keep_going() {
                    return Ok(None);
                }
                let sub_view = (self.tiles_per_side > 1).then(|| SubCameraView {
                    full_size: UVec2::splat(size * ss),
                    offset: Vec2::new((tx * tile) as f32, (ty * tile) as f32),
                    size: UVec2::splat(tile),
                });
                let world = self.offscreen.world_mut();
                let mut cameras = world.query_filtered::<(&mut Transform, &mut Camera), With<Camera3d>>();
                for (mut camera_transform, mut camera) in cameras.iter_mut(world) {
                    *camera_transform = transform;
                    camera.sub_camera_view = sub_view;
                }
                let captured = std::time::Instant::now();
                let samples_image = self.offscreen.capture()?;
                self.timings.capture_ms += captured.elapsed().as_secs_f64() * 1000.0;
                self.timings.capture_frames += self.offscreen.capture_frames;
                let resolved = std::time::Instant::now();
                let pixels = resolve(samples_image, ss);
                self.timings.resolve_ms += resolved.elapsed().as_secs_f64() * 1000.0;
                if self.tiles_per_side == 1 {
                    // One tile is the whole picture: no second copy of it (64 MB at 4096²).
                    return Ok(Some(pixels));
                }
                // The picture is `size` wide; the tiles may reach a little past it (whole tiles), cut there.
                image::imageops::replace(&mut picture, &pixels, i64::from(tx * tile / ss), i64::from(ty * tile / ss));
            }
        }
        Ok(Some(picture))
    }

    pub fn finish(self) {
        self.offscreen.exit();
    }
}

fn srgb_to_linear(c: u8) -> f32 {
    crate::colour::srgb_to_linear(f32::from(c) / 255.0)
}

/// Averages each `factor`×`factor` block of samples into one pixel, in linear light, and turns the renderer's
/// premultiplied colour into the straight alpha a PNG expects (edges over transparency keep their true colour).
pub fn resolve(samples: RgbaImage, factor: u32) -> RgbaImage {
    let factor = factor.max(1);
    if factor == 1 {
        return straightened(samples);
    }
    let (width, height) = (samples.width() / factor, samples.height() / factor);
    RgbaImage::from_fn(width, height, |x, y| {
        let mut sum = [0.0f32; 4];
        for sy in 0..factor {
            for sx in 0..factor {
                let [r, g, b, a] = samples.get_pixel(x * factor + sx, y * factor + sy).0;
                for (total, value) in sum.iter_mut().zip([srgb_to_linear(r), srgb_to_linear(g), srgb_to_linear(b)]) {
                    *total += value;
                }
                sum[3] += f32::from(a) / 255.0;
            }
        }
        let alpha = sum[3] / (factor * factor) as f32;
        if alpha <= 0.0 {
            return image::Rgba([0, 0, 0, 0]);
        }
        let straight = |total: f32| crate::colour::linear_to_srgb8(total / (factor * factor) as f32 / alpha);
        image::Rgba([straight(sum[0]), straight(sum[1]), straight(sum[2]), (alpha * 255.0).round() as u8])
    })
}

/// One sample per pixel: only the pixels the piece's edges make partly transparent change (an opaque pixel's
/// colour is already straight; sRGB → linear → sRGB gives every byte back, a test), in place.
fn straightened(mut samples: RgbaImage) -> RgbaImage {
    for pixel in samples.pixels_mut() {
        let [r, g, b, a] = pixel.0;
        pixel.0 = match a {
            255 => continue,
            0 => [0, 0, 0, 0],
            _ => {
                let alpha = f32::from(a) / 255.0;
                let straight = |c: u8| crate::colour::linear_to_srgb8(srgb_to_linear(c) / alpha);
                [straight(r), straight(g), straight(b), a]
            }
        };
    }
    samples
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_cover_the_picture_in_whole_pixels() {
        assert_eq!(tiling(1024, 1, 4096), (1, 1024));
        assert_eq!(tiling(8192, 1, 4096), (2, 4096));
        assert_eq!(tiling(16384, 2, 4096), (4, 4096));
        let (per_side, tile) = tiling(1000 * 3, 3, 1024);
        assert!(per_side * tile >= 3000 && tile % 3 == 0 && tile <= 1024, "{per_side} × {tile}");
    }

    #[test]
    fn resolve_averages_in_linear_light_and_straightens_alpha() {
        // Half the samples white, half black: mid-grey in linear light (sRGB 188), not sRGB 128.
        let samples =
            RgbaImage::from_fn(2, 2, |x, _| if x == 0 { image::Rgba([255; 4]) } else { image::Rgba([0, 0, 0, 255]) });
        assert_eq!(resolve(samples, 2).get_pixel(0, 0).0, [188, 188, 188, 255]);
        // A gold edge half over transparency: the colour stays gold, the alpha halves.
        let gold = [230, 180, 80];
        let premultiplied = |c: u8| crate::colour::linear_to_srgb8(srgb_to_linear(c) * 0.5);
        let edge = image::Rgba([premultiplied(gold[0]), premultiplied(gold[1]), premultiplied(gold[2]), 128]);
        let pixel = resolve(RgbaImage::from_pixel(1, 1, edge), 1).get_pixel(0, 0).0;
        for (got, want) in pixel.iter().zip(gold) {
            assert!(got.abs_diff(want) <= 2, "{pixel:?}");
        }
        assert_eq!(resolve(RgbaImage::new(2, 2), 2).get_pixel(0, 0).0, [0, 0, 0, 0]);
        // One sample per pixel: opaque pixels as they were, transparent ones cleared, edges straightened as above.
        let row = RgbaImage::from_fn(3, 1, |x, _| {
            [image::Rgba([200, 150, 60, 255]), edge, image::Rgba([9, 9, 9, 0])][x as usize]
        });
        let resolved = resolve(row, 1);
        assert_eq!(resolved.get_pixel(0, 0).0, [200, 150, 60, 255]);
        assert_eq!(resolved.get_pixel(1, 0).0, pixel);
        assert_eq!(resolved.get_pixel(2, 0).0, [0, 0, 0, 0]);
    }

    #[test]
    fn every_srgb_byte_comes_back_through_linear_light() {
        for byte in 0..=255u8 {
            assert_eq!(crate::colour::linear_to_srgb8(srgb_to_linear(byte)), byte);
        }
    }
}
