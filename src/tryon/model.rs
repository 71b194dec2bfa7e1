//! The hand landmark model run on the CPU: MediaPipe's Hand Landmarker (`assets/tryon/hand_landmark_full.onnx`,
//! Apache-2.0, converted by `tools/hand_model/convert.sh`) through Sonos' `tract` — pure Rust, nothing to download.
//!
//! The model sees a square crop of the picture, 224 × 224 RGB in 0–1 (channels first), the hand upright in it (the
//! wrist at the bottom, the fingers up); it gives 21 landmarks in the crop's pixels (x, y, and z: depth relative to
//! the wrist, on the same scale as x), the hand's presence (0–1) and its handedness. A `Crop` is a square of the
//! picture turned by any angle: the search (`search.rs`) and the tracker choose it.

use super::{HandPose, LANDMARKS, TryOnError};
use glam::{Vec2, Vec3};
use image::RgbImage;
use std::path::Path;
use tract_onnx::prelude::*;

/// The model's input side, pixels.
pub const INPUT_SIDE: usize = 224;

/// A square of the picture turned by `angle`, the region the model looks at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crop {
    /// Its centre, picture pixels.
    pub centre: Vec2,
    /// Its side, picture pixels.
    pub side: f32,
    /// How far the crop's "up" is turned from the picture's, radians, clockwise on the picture (y runs down).
    pub angle: f32,
}

impl Crop {
    /// The picture's point at a point of the crop in the model's pixels (0–224 across).
    pub fn to_picture(&self, at: Vec2) -> Vec2 {
        let local = (at / INPUT_SIDE as f32 - Vec2::splat(0.5)) * self.side;
        let (sin, cos) = self.angle.sin_cos();
        self.centre + Vec2::new(local.x * cos - local.y * sin, local.x * sin + local.y * cos)
    }

    /// The whole picture in one square (the longer side; the rest is black).
    pub fn whole(width: u32, height: u32) -> Crop {
        Crop { centre: Vec2::new(width as f32, height as f32) / 2.0, side: width.max(height) as f32, angle: 0.0 }
    }
}

type Plan = Arc<TypedRunnableModel>;

/// The landmark model, optimised and ready to run (one per thread that runs it; running takes `&self`).
pub struct HandModel {
    plan: Plan,
}

impl HandModel {
    /// Reads and optimises the model file (a fraction of a second).
    pub fn load(path: &Path) -> Result<HandModel, TryOnError> {
        let unreadable = |error: TractError| TryOnError::Model(path.to_path_buf(), format!("{error:#}"));
        let side = INPUT_SIDE;
        let plan = tract_onnx::onnx()
            .model_for_path(path)
            .and_then(|model| model.with_input_fact(0, f32::fact([1, 3, side, side]).into()))
            .and_then(|model| model.into_optimized())
            .and_then(|model| model.into_runnable())
            .map_err(unreadable)?;
        Ok(HandModel { plan })
    }

    /// The landmarks of the hand in `crop` of `picture`, in the picture's pixels.
    pub fn run(&self, picture: &RgbImage, crop: Crop) -> Result<HandPose, TryOnError> {
        let input = crop_input(picture, crop);
        let tensor = Tensor::from_shape(&[1, 3, INPUT_SIDE, INPUT_SIDE], &input)
            .map_err(|e| TryOnError::Inference(format!("{e:#}")))?;
        let outputs = self.plan.run(tvec!(tensor.into())).map_err(|e| TryOnError::Inference(format!("{e:#}")))?;
        let values = |k: usize| -> Result<Vec<f32>, TryOnError> {
            let output = outputs.get(k).ok_or(TryOnError::Outputs(0))?;
            let view = output.to_plain_array_view::<f32>().map_err(|e| TryOnError::Inference(format!("{e:#}")))?;
            Ok(view.iter().copied().collect())
        };
        let (landmarks, presence, handedness) = (values(0)?, values(1)?, values(2)?);
        if landmarks.len() != LANDMARKS * 3 {
            return Err(TryOnError::Outputs(landmarks.len()));
        }
        let scale = crop.side / INPUT_SIDE as f32;
        let points = std::array::from_fn(|k| {
            let at = crop.to_picture(Vec2::new(landmarks[3 * k], landmarks[3 * k + 1]));
            Vec3::new(at.x, at.y, landmarks[3 * k + 2] * scale)
        });
        let first = |v: Vec<f32>| v.first().copied().unwrap_or(0.0);
        Ok(HandPose { points, presence: first(presence), right_hand: first(handedness), crop })
    }
}

/// The crop as the model's input: RGB in 0–1, channels first, sampled bilinearly; outside the picture black.
pub fn crop_input(picture: &RgbImage, crop: Crop) -> Vec<f32> {
    let plane = INPUT_SIDE * INPUT_SIDE;
    let mut input = vec![0.0f32; 3 * plane];
    for v in 0..INPUT_SIDE {
        for u in 0..INPUT_SIDE {
            let at = crop.to_picture(Vec2::new(u as f32 + 0.5, v as f32 + 0.5));
            let rgb = sample(picture, at);
            for (channel, value) in rgb.iter().enumerate() {
                input[channel * plane + v * INPUT_SIDE + u] = value / 255.0;
            }
        }
    }
    input
}

/// The picture's colour at a point (pixel centres at half pixels), bilinear; black outside.
pub fn sample(picture: &RgbImage, at: Vec2) -> [f32; 3] {
    let (width, height) = (picture.width() as i64, picture.height() as i64);
    let (x, y) = (at.x - 0.5, at.y - 0.5);
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let mut out = [0.0f32; 3];
    for (dx, dy, weight) in
        [(0, 0, (1.0 - fx) * (1.0 - fy)), (1, 0, fx * (1.0 - fy)), (0, 1, (1.0 - fx) * fy), (1, 1, fx * fy)]
    {
        let (px, py) = (x0 as i64 + dx, y0 as i64 + dy);
        if weight <= 0.0 || px < 0 || py < 0 || px >= width || py >= height {
            continue;
        }
        let pixel = picture.get_pixel(px as u32, py as u32).0;
        for (o, c) in out.iter_mut().zip(pixel) {
            *o += weight * f32::from(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turned_crop_maps_its_corners_and_centre_onto_the_picture() {
        let crop = Crop { centre: Vec2::new(100.0, 50.0), side: 40.0, angle: std::f32::consts::FRAC_PI_2 };
        let centre = crop.to_picture(Vec2::splat(112.0));
        assert!((centre - Vec2::new(100.0, 50.0)).length() < 1e-4);
        // The crop's top-middle (its "up") lies a quarter turn clockwise: to the picture's right of the centre.
        let up = crop.to_picture(Vec2::new(112.0, 0.0));
        assert!((up - Vec2::new(120.0, 50.0)).length() < 1e-4, "{up}");
    }

    #[test]
    fn the_input_is_the_crop_in_rgb_channels_first_and_black_outside() {
        let picture =
            RgbImage::from_fn(8, 8, |x, _| if x < 4 { image::Rgb([255, 0, 0]) } else { image::Rgb([0, 0, 255]) });
        let input = crop_input(&picture, Crop { centre: Vec2::new(4.0, 4.0), side: 16.0, angle: 0.0 });
        let plane = INPUT_SIDE * INPUT_SIDE;
        let at = |channel: usize, u: usize, v: usize| input[channel * plane + v * INPUT_SIDE + u];
        // The crop is twice the picture: its middle quarter-left is red, quarter-right blue, its corners black.
        assert!((at(0, 80, 112) - 1.0).abs() < 1e-3 && at(2, 80, 112) < 1e-3);
        assert!((at(2, 144, 112) - 1.0).abs() < 1e-3 && at(0, 144, 112) < 1e-3);
        assert_eq!(at(0, 2, 2) + at(1, 2, 2) + at(2, 2, 2), 0.0);
    }
}
