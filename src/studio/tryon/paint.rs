//! The ring painted onto a picture of a hand: rendered by the `Exporter` from the camera the placement gives
//! (`tryon::place`), on a transparent background, without the stage's floor or bloom, the finger in front of the
//! band's back; then laid over the picture, lit as it is, with its contact shadow (`tryon::composite`).

use super::occluder;
use crate::design::Design;
use crate::studio::export::{ExportError, ExportSettings, Exporter};
use crate::studio::lighting::{Background, Presentation};
use crate::tryon::composite::{PictureLight, lay_ring, light_of};
use crate::tryon::finger::FingerMeasure;
use crate::tryon::place::RingPlacement;
use bevy::prelude::*;
use image::{RgbImage, RgbaImage};

/// The square rendered around the ring, as a multiple of the ring's outer size on the picture (room for a tall head
/// seen from the side).
const SQUARE_PER_RING: f32 = 2.6;
/// The largest square rendered, pixels: a ring more than 590 px across on the picture (a close-up on a 4K camera) is
/// cut at the square's edges.
const LARGEST_SQUARE: u32 = 1536;

/// A renderer of the design's ring over pictures of a hand (kept between pictures: a live camera paints many).
pub struct RingPainter {
    exporter: Exporter,
    side: u32,
    finger: Entity,
}

impl RingPainter {
    /// A painter drawing squares of `side` pixels (`square_side` gives it for a placement).
    pub fn new(design: Design, side: u32) -> Result<RingPainter, ExportError> {
        let presentation = Presentation { background: Background::Transparent, ..Presentation::default() };
        let settings = ExportSettings { reference: true, ..ExportSettings::new(side, presentation) };
        let inner_radius = design.ring_size_mm / std::f32::consts::TAU;
        let mut exporter = Exporter::new(design, settings)?;
        let finger = occluder::spawn_finger(exporter.offscreen_mut().world_mut(), inner_radius);
        // The occluder's pipeline compiles over the next frames; until it is ready the finger hides nothing.
        exporter.offscreen_mut().settle(600)?;
        Ok(RingPainter { exporter, side, finger })
    }

    /// The side of the square to render for a ring placed at `placement` (whole pixels, even).
    pub fn square_side(design: &Design, placement: &RingPlacement) -> u32 {
        let outer_mm = design.ring_size_mm / std::f32::consts::PI + 2.0 * design.stone.size_mm.max(4.0);
        let side = (outer_mm * placement.px_per_mm * SQUARE_PER_RING).ceil() as u32;
        (side.clamp(64, LARGEST_SQUARE) + 1) & !1
    }

    /// Whether the finger hides the band's back (it does; a test sees the whole band without it).
    pub fn hide_behind_the_finger(&mut self, hidden: bool) {
        let visibility = if hidden { Visibility::Inherited } else { Visibility::Hidden };
        self.exporter.offscreen_mut().world_mut().entity_mut(self.finger).insert(visibility);
    }

    /// The ring as it lies on the picture: a square of `side` pixels centred on the ring, straight alpha.
    pub fn ring(&mut self, placement: &RingPlacement) -> Result<RgbaImage, ExportError> {
        let camera = placement.camera(self.side as f32);
        let transform = Transform::from_translation(camera.position).looking_at(camera.target, camera.up);
        let picture = self.exporter.render_looking(transform, camera.fov, false, &mut || true)?;
        Ok(picture.unwrap_or_else(|| RgbaImage::new(self.side, self.side)))
    }

    /// The picture with the ring on the finger, lit as the picture is.
    pub fn paint(
        &mut self,
        picture: &RgbImage,
        placement: &RingPlacement,
        finger: &FingerMeasure,
    ) -> Result<(RgbImage, PictureLight), ExportError> {
        let ring = self.ring(placement)?;
        let light = light_of(picture, placement.centre, finger.phalanx_px * 2.0);
        let mut out = picture.clone();
        lay_ring(&mut out, &ring, placement.centre, light, finger, placement.px_per_mm);
        Ok((out, light))
    }

    pub fn finish(self) {
        self.exporter.finish();
    }
}
