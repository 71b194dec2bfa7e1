//! The rendered ring laid over the picture of the hand: lit as the picture is lit, with a soft contact shadow on the
//! finger around the band.
//!
//! Light. The studio's environment lights the ring; the picture's own light is matched by a gain and a tint on the
//! ring's colour in linear light, which is what changing every light's strength and colour does before tone mapping:
//! the gain follows the picture's mean luminance around the hand (the square root of its ratio to a photographer's
//! mid-grey, 0.18: a camera exposes for mid-grey, so a dim room still reads dim, and a bright one bright — bounded to
//! half and one and a half), the tint the picture's average colour (grey world) taken halfway (the eye adapts to a
//! room's colour but not wholly).
//!
//! Shadow. Where the band meets the finger it shades the skin beside it: the ring's coverage blurred over half a
//! millimetre darkens the picture by up to `SHADOW_STRENGTH`, on the finger only (across it, within its width).

use super::finger::FingerMeasure;
use crate::colour::srgb_to_linear;
use glam::Vec2;
use image::{RgbImage, RgbaImage};

/// How much the contact shadow darkens the skin right beside the band.
pub const SHADOW_STRENGTH: f32 = 0.45;
/// The contact shadow's reach, mm.
pub const SHADOW_REACH_MM: f32 = 0.5;
/// A photographer's mid-grey (linear).
const MID_GREY: f32 = 0.18;

/// The picture's light, as a gain and a tint on the ring's colour (linear RGB).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureLight {
    pub gain: f32,
    pub tint: [f32; 3],
}

/// The light of the picture around `centre`, within `radius` pixels.
pub fn light_of(picture: &RgbImage, centre: Vec2, radius: f32) -> PictureLight {
    let (mut sum, mut count) = ([0.0f64; 3], 0u32);
    let (lo, hi) = (centre - Vec2::splat(radius), centre + Vec2::splat(radius));
    let clamp_x = |v: f32| (v.max(0.0) as u32).min(picture.width());
    let clamp_y = |v: f32| (v.max(0.0) as u32).min(picture.height());
    for y in (clamp_y(lo.y)..clamp_y(hi.y)).step_by(2) {
        for x in (clamp_x(lo.x)..clamp_x(hi.x)).step_by(2) {
            let pixel = picture.get_pixel(x, y).0;
            for (s, c) in sum.iter_mut().zip(pixel) {
                *s += f64::from(srgb_to_linear(f32::from(c) / 255.0));
            }
            count += 1;
        }
    }
    if count == 0 {
        return PictureLight { gain: 1.0, tint: [1.0; 3] };
    }
    let mean = sum.map(|s| (s / f64::from(count)) as f32);
    let luminance = 0.2126 * mean[0] + 0.7152 * mean[1] + 0.0722 * mean[2];
    let gain = (luminance / MID_GREY).sqrt().clamp(0.5, 1.5);
    let tint = mean.map(|c| {
        let ratio = if luminance > 1e-4 { c / luminance } else { 1.0 };
        (0.5 + 0.5 * ratio).clamp(0.6, 1.4)
    });
    PictureLight { gain, tint }
}

/// Lays `ring` (straight alpha, its middle on `centre`) over `picture`, lit by `light`, its contact shadow on the
/// measured finger.
pub fn lay_ring(
    picture: &mut RgbImage,
    ring: &RgbaImage,
    centre: Vec2,
    light: PictureLight,
    finger: &FingerMeasure,
    px_per_mm: f32,
) {
    let origin = centre - Vec2::new(ring.width() as f32, ring.height() as f32) / 2.0;
    let (ox, oy) = (origin.x.round() as i64, origin.y.round() as i64);
    let coverage: Vec<f32> = ring.pixels().map(|p| f32::from(p.0[3]) / 255.0).collect();
    let reach = (SHADOW_REACH_MM * px_per_mm).max(1.0);
    let shadow = blurred(&coverage, ring.width() as usize, ring.height() as usize, reach);
    let across = finger.along.perp();
    for (x, y, pixel) in ring.enumerate_pixels() {
        let (px, py) = (ox + i64::from(x), oy + i64::from(y));
        if px < 0 || py < 0 || px >= i64::from(picture.width()) || py >= i64::from(picture.height()) {
            continue;
        }
        let k = (y * ring.width() + x) as usize;
        let alpha = coverage[k];
        let at = Vec2::new(px as f32 + 0.5, py as f32 + 0.5);
        let on_finger = ((at - finger.place).dot(across)).abs() < finger.width_px / 2.0;
        let shade = if on_finger { 1.0 - SHADOW_STRENGTH * (shadow[k] * 2.0).min(1.0) * (1.0 - alpha) } else { 1.0 };
        let under = picture.get_pixel(px as u32, py as u32).0;
        let mixed: [u8; 3] = std::array::from_fn(|c| {
            let behind = srgb_to_linear(f32::from(under[c]) / 255.0) * shade;
            let ring_colour = srgb_to_linear(f32::from(pixel.0[c]) / 255.0) * light.gain * light.tint[c];
            crate::colour::linear_to_srgb8(ring_colour * alpha + behind * (1.0 - alpha))
        });
        picture.put_pixel(px as u32, py as u32, image::Rgb(mixed));
    }
}

/// Three box blurs of `radius` (close to a Gaussian of that spread).
fn blurred(values: &[f32], width: usize, height: usize, radius: f32) -> Vec<f32> {
    let r = (radius / 3f32.sqrt()).round().max(1.0) as usize;
    let mut out = values.to_vec();
    for _ in 0..3 {
        out = box_pass(&out, width, height, r, true);
        out = box_pass(&out, width, height, r, false);
    }
    out
}

fn box_pass(values: &[f32], width: usize, height: usize, r: usize, along_x: bool) -> Vec<f32> {
    let mut out = vec![0.0; values.len()];
    let (lines, length) = if along_x { (height, width) } else { (width, height) };
    let index = |line: usize, k: usize| if along_x { line * width + k } else { k * width + line };
    for line in 0..lines {
        for k in 0..length {
            let (lo, hi) = (k.saturating_sub(r), (k + r).min(length - 1));
            let sum: f32 = (lo..=hi).map(|j| values[index(line, j)]).sum();
            out[index(line, k)] = sum / (2 * r + 1) as f32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tryon::Finger;

    fn finger_down_the_middle() -> FingerMeasure {
        FingerMeasure {
            finger: Finger::Ring,
            place: Vec2::new(50.0, 50.0),
            along: Vec2::NEG_Y,
            width_px: 40.0,
            spread_px: 0.0,
            phalanx_px: 100.0,
            breadth_width_px: None,
        }
    }

    #[test]
    fn a_grey_picture_at_mid_grey_leaves_the_ring_as_rendered() {
        let grey = crate::colour::linear_to_srgb8(MID_GREY);
        let light = light_of(&RgbImage::from_pixel(64, 64, image::Rgb([grey; 3])), Vec2::splat(32.0), 40.0);
        assert!((light.gain - 1.0).abs() < 0.02, "{light:?}");
        assert!(light.tint.iter().all(|t| (t - 1.0).abs() < 0.02));
        // A warm, dim room: less light, warmer.
        let warm = light_of(&RgbImage::from_pixel(64, 64, image::Rgb([90, 60, 40])), Vec2::splat(32.0), 40.0);
        assert!(warm.gain < 0.8 && warm.tint[0] > warm.tint[2], "{warm:?}");
    }

    #[test]
    fn the_ring_covers_the_picture_and_shades_the_finger_beside_it_only() {
        let mut picture = RgbImage::from_pixel(100, 100, image::Rgb([200, 160, 130]));
        // A band 8 px tall across the whole ring picture, opaque gold.
        let ring = RgbaImage::from_fn(100, 100, |_, y| {
            if (46..54).contains(&y) { image::Rgba([230, 180, 80, 255]) } else { image::Rgba([0, 0, 0, 0]) }
        });
        let light = PictureLight { gain: 1.0, tint: [1.0; 3] };
        lay_ring(&mut picture, &ring, Vec2::splat(50.0), light, &finger_down_the_middle(), 10.0);
        assert_eq!(picture.get_pixel(50, 50).0, [230, 180, 80]);
        // Beside the band on the finger: shaded; far along it, and off the finger: untouched.
        let beside = picture.get_pixel(50, 55).0;
        assert!(beside[0] < 190, "{beside:?}");
        assert_eq!(picture.get_pixel(50, 90).0, [200, 160, 130]);
        assert_eq!(picture.get_pixel(90, 55).0, [200, 160, 130]);
    }
}
