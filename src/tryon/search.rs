//! Finding the hand in a picture and following it from one camera frame to the next, with the landmark model alone.
//!
//! MediaPipe finds a hand first with a palm detector, then crops around it for the landmark model; the detector does
//! not convert to ONNX (`tools/hand_model/README.md`). Écrin searches instead: the landmark model looks at the whole
//! picture and at overlapping squares of it, each turned four ways (a hand may point anywhere), and the most present
//! hand is kept; then, as MediaPipe's tracker does from one frame to the next, the crop is set again from the
//! landmarks — upright along the wrist-to-middle-finger line, around the hand with a margin — and the model looks
//! again, until the crop stops moving. Following a hand in a live picture is that last step alone, from the previous
//! frame's landmarks: one run of the model per frame.

use super::place::Hand;
use super::{Crop, HandModel, HandPose, TryOnError, WRIST};
use glam::Vec2;
use image::RgbImage;
use std::f32::consts::FRAC_PI_2;

/// Presence under which no hand is taken to be there.
pub const PRESENT: f32 = 0.5;
/// The crop's side around the landmarks' extent (the model was trained with the hand in the middle of its crop).
const MARGIN: f32 = 1.7;
/// The squares searched, as fractions of the picture's longer side (1: the whole picture).
const SEARCH_SCALES: [f32; 2] = [1.0, 0.6];
/// How many times the crop is set again from the landmarks.
const REFINEMENTS: usize = 3;

/// The crop the model should see next for a hand at `pose`: turned so that the wrist is below the middle finger's
/// knuckle, around every landmark with a margin.
pub fn crop_around(pose: &HandPose) -> Crop {
    let wrist = pose.points[WRIST].truncate();
    let middle = pose.points[super::Finger::Middle.knuckle()].truncate();
    let up = (middle - wrist).normalize_or(Vec2::NEG_Y);
    // The crop's up is (sin a, −cos a) on the picture.
    let angle = up.x.atan2(-up.y);
    let (sin, cos) = angle.sin_cos();
    let local = |p: Vec2| Vec2::new(p.x * cos + p.y * sin, -p.x * sin + p.y * cos);
    let (mut lo, mut hi) = (Vec2::splat(f32::MAX), Vec2::splat(f32::MIN));
    for point in &pose.points {
        let at = local(point.truncate());
        lo = lo.min(at);
        hi = hi.max(at);
    }
    let middle_local = (lo + hi) / 2.0;
    let centre = Vec2::new(middle_local.x * cos - middle_local.y * sin, middle_local.x * sin + middle_local.y * cos);
    Crop { centre, side: (hi - lo).max_element() * MARGIN, angle }
}

/// The squares the search looks at: at each scale, squares half a side apart over the picture, each turned four
/// ways.
pub fn search_crops(width: u32, height: u32) -> Vec<Crop> {
    let longer = width.max(height) as f32;
    let mut crops = Vec::new();
    for scale in SEARCH_SCALES {
        let side = longer * scale;
        let steps = |extent: f32| -> Vec<f32> {
            if side >= extent {
                return vec![extent / 2.0];
            }
            let count = ((extent - side) / (side / 2.0)).ceil() as usize + 1;
            (0..count).map(|k| side / 2.0 + (extent - side) * k as f32 / (count - 1) as f32).collect()
        };
        for &y in &steps(height as f32) {
            for &x in &steps(width as f32) {
                for turn in 0..4 {
                    crops.push(Crop { centre: Vec2::new(x, y), side, angle: turn as f32 * FRAC_PI_2 });
                }
            }
        }
    }
    crops
}

/// The hand in a picture, searched for everywhere; `None` when no square shows one. `looks_like`: the hand as it
/// appears on the picture, when the advisor said which it is (a mirrored picture shows the other hand).
///
/// In a dim picture the model may read a left hand's back as a right hand's palm: its landmarks are then mirrored
/// across the hand (the ring finger's on the middle finger). When the model's own reading of the hand disagrees with
/// the advisor's, the picture is mirrored and read again, and that reading is taken if it agrees.
pub fn find_hand(
    model: &HandModel,
    picture: &RgbImage,
    looks_like: Option<Hand>,
) -> Result<Option<HandPose>, TryOnError> {
    let mut best: Option<HandPose> = None;
    for crop in search_crops(picture.width(), picture.height()) {
        let pose = model.run(picture, crop)?;
        if best.as_ref().is_none_or(|b| pose.presence > b.presence) {
            best = Some(pose);
        }
    }
    let found = match best {
        Some(pose) if pose.presence >= PRESENT * 0.5 => refine(model, picture, pose)?,
        _ => None,
    };
    let (Some(pose), Some(wanted)) = (&found, looks_like) else { return Ok(found) };
    if Hand::guessed(pose, false) == wanted {
        return Ok(found);
    }
    let width = picture.width() as f32;
    let mirrored = image::imageops::flip_horizontal(picture);
    let start = HandPose { crop: mirror_crop(pose.crop, width), ..pose.clone() };
    let again = model.run(&mirrored, start.crop)?;
    let again = refine(model, &mirrored, again)?.map(|p| mirror_pose(&p, width));
    Ok(match again {
        Some(again) if Hand::guessed(&again, false) == wanted => Some(again),
        _ => found,
    })
}

fn mirror_crop(crop: Crop, width: f32) -> Crop {
    Crop { centre: Vec2::new(width - crop.centre.x, crop.centre.y), side: crop.side, angle: -crop.angle }
}

/// A pose read on the mirrored picture, as on the picture.
fn mirror_pose(pose: &HandPose, width: f32) -> HandPose {
    HandPose {
        points: pose.points.map(|p| glam::Vec3::new(width - p.x, p.y, p.z)),
        presence: pose.presence,
        right_hand: 1.0 - pose.right_hand,
        crop: mirror_crop(pose.crop, width),
    }
}

/// The hand in a new frame of a live picture, from where it was in the last: `None` when it is lost.
pub fn follow(model: &HandModel, picture: &RgbImage, last: &HandPose) -> Result<Option<HandPose>, TryOnError> {
    let pose = model.run(picture, crop_around(last))?;
    Ok((pose.presence >= PRESENT).then_some(pose))
}

/// The crop set again from the landmarks until it settles; the hand kept only if present.
pub fn refine(model: &HandModel, picture: &RgbImage, mut pose: HandPose) -> Result<Option<HandPose>, TryOnError> {
    for _ in 0..REFINEMENTS {
        let crop = crop_around(&pose);
        let moved = (crop.centre - pose.crop.centre).length() + (crop.side - pose.crop.side).abs();
        let next = model.run(picture, crop)?;
        if next.presence < pose.presence * 0.8 {
            break;
        }
        pose = next;
        if moved < crop.side * 0.01 {
            break;
        }
    }
    Ok((pose.presence >= PRESENT).then_some(pose))
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::Vec3;

    #[test]
    fn the_crop_stands_the_hand_upright_around_its_landmarks() {
        // A hand pointing to the picture's right: wrist at the left, fingers along +x.
        let mut points = [Vec3::ZERO; super::super::LANDMARKS];
        for (k, point) in points.iter_mut().enumerate() {
            *point = Vec3::new(100.0 + 10.0 * k as f32, 200.0 + if k % 2 == 0 { 20.0 } else { -20.0 }, 0.0);
        }
        points[WRIST] = Vec3::new(90.0, 200.0, 0.0);
        points[super::super::Finger::Middle.knuckle()] = Vec3::new(160.0, 200.0, 0.0);
        let pose = HandPose { points, presence: 1.0, right_hand: 0.5, crop: Crop::whole(10, 10) };
        let crop = crop_around(&pose);
        // Up on the crop is +x on the picture: a quarter turn clockwise.
        assert!((crop.angle - FRAC_PI_2).abs() < 1e-4, "{}", crop.angle);
        // From the wrist (x 90) to the last fingertip (x 300), with the margin; in the middle of that and across.
        assert!((crop.side - 210.0 * MARGIN).abs() < 1e-2, "{}", crop.side);
        assert!((crop.centre - Vec2::new(195.0, 200.0)).length() < 1e-2, "{}", crop.centre);
    }

    #[test]
    fn a_pose_read_on_the_mirrored_picture_is_mirrored_back() {
        let mut points = [Vec3::ZERO; super::super::LANDMARKS];
        points[3] = Vec3::new(10.0, 20.0, -3.0);
        let crop = Crop { centre: Vec2::new(30.0, 40.0), side: 50.0, angle: 0.4 };
        let pose = HandPose { points, presence: 0.9, right_hand: 0.2, crop };
        let back = mirror_pose(&mirror_pose(&pose, 100.0), 100.0);
        assert_eq!(back.points[3], pose.points[3]);
        assert!((back.right_hand - 0.2).abs() < 1e-6 && back.crop == crop);
        let once = mirror_pose(&pose, 100.0);
        assert_eq!(once.points[3], Vec3::new(90.0, 20.0, -3.0));
        // The crop's corner lands on the mirrored corner.
        let corner = crop.to_picture(Vec2::ZERO);
        let mirrored_corner = once.crop.to_picture(Vec2::new(224.0, 0.0));
        assert!((mirrored_corner - Vec2::new(100.0 - corner.x, corner.y)).length() < 1e-3);
    }

    #[test]
    fn the_search_covers_the_picture_at_each_scale_and_turn() {
        let crops = search_crops(640, 480);
        assert!(crops.contains(&Crop { centre: Vec2::new(320.0, 240.0), side: 640.0, angle: 0.0 }));
        let small: Vec<_> = crops.iter().filter(|c| c.side < 640.0).collect();
        // Squares of 384 px on 640 × 480: three across, two down, four turns.
        assert_eq!(small.len(), 3 * 2 * 4);
        for crop in &small {
            assert!(crop.centre.x - crop.side / 2.0 >= -0.01 && crop.centre.x + crop.side / 2.0 <= 640.01);
        }
    }
}
