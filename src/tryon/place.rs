//! The ring's place on the picture: its centre on the finger's axis where the finger was measured, its scale from
//! the finger's width (what the hand's breadth foretells when it doubts the edges) and the design's ring size, and its turn from the hand's landmarks — the band's axis along the
//! finger, its head on the back of the hand.
//!
//! Frames. The picture's camera: x right, y down, z into the picture (the landmark model's depth grows away from
//! the camera). The ring's (Écrin's, `geometry::hand`): the finger along Z with the fingertips towards −Z, the back
//! of the hand (the head) towards +Y. The ring is small beside its distance from the camera: it is drawn by a camera
//! with a narrow field (`FIELD_OF_VIEW`) whose picture is scaled to the finger.

use super::finger::FingerMeasure;
use super::{HandPose, WRIST};
use glam::{Mat3, Vec2, Vec3};
use std::f32::consts::PI;

/// The drawing camera's vertical field of view, radians: near enough to a parallel view for a ring.
pub const FIELD_OF_VIEW: f32 = 0.1;

/// Which hand the ring goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Hand {
    Left,
    Right,
}

impl Hand {
    /// The other hand (what a mirror shows).
    pub fn other(self) -> Hand {
        match self {
            Hand::Left => Hand::Right,
            Hand::Right => Hand::Left,
        }
    }

    /// The hand the model says it saw: its score is for the picture as it is given (on Écrin's display hand, a left
    /// hand, it scores 0.03–0.26 in most pictures of the test set, but up to 0.84 in a few: the advisor's word comes
    /// first); a mirrored (selfie) picture shows the other hand.
    pub fn guessed(pose: &HandPose, mirrored: bool) -> Hand {
        if (pose.right_hand >= 0.5) != mirrored { Hand::Right } else { Hand::Left }
    }
}

/// Where and how the ring lies on the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingPlacement {
    /// The ring's centre (the finger's axis at the ring's place), picture pixels.
    pub centre: Vec2,
    /// Picture pixels per millimetre at the ring.
    pub px_per_mm: f32,
    /// The ring's axes in the picture's camera frame: columns X (across the finger), Y (the head's way), Z (along
    /// the finger towards the wrist).
    pub turn: Mat3,
    /// How sure the width is: the lines' spread as a share of the width.
    pub width_spread: f32,
}

/// The ring on the measured finger of `pose`, for an inner circumference of `ring_size_mm`.
pub fn place_ring(pose: &HandPose, finger: &FingerMeasure, hand: Hand, ring_size_mm: f32) -> RingPlacement {
    let inner_diameter = ring_size_mm / PI;
    let base = pose.points[finger.finger.knuckle()];
    let joint = pose.points[finger.finger.knuckle() + 1];
    // Along the finger: the measured axis on the picture, the landmarks' depth for its tilt.
    let length_px = finger.phalanx_px.max(1.0);
    let towards_tip = finger.along.extend((joint.z - base.z) / length_px).normalize_or(Vec3::NEG_Y);
    let z = -towards_tip;
    let back = back_of_hand(&pose.points, hand);
    let y = (back - z * back.dot(z)).normalize_or(Vec3::NEG_Z);
    let x = y.cross(z);
    RingPlacement {
        centre: finger.place,
        px_per_mm: finger.drawing_width_px() / inner_diameter,
        turn: Mat3::from_cols(x, y, z),
        width_spread: finger.spread_px / finger.width_px.max(1.0),
    }
}

/// Out of the back of the hand: the normal of the palm's plane (the wrist, the index and little fingers' knuckles),
/// turned by the hand (a right hand is a left hand mirrored).
pub fn back_of_hand(points: &[Vec3; super::LANDMARKS], hand: Hand) -> Vec3 {
    let wrist = points[WRIST];
    let across_palm = (points[5] - wrist).cross(points[17] - wrist);
    match hand {
        Hand::Left => across_palm,
        Hand::Right => -across_palm,
    }
}

/// A camera in the ring's frame that draws the ring as it lies on the picture, at the middle of a square picture
/// of `side_px`: its position, the point it looks at and its up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingCamera {
    pub position: Vec3,
    pub target: Vec3,
    pub up: Vec3,
    /// Vertical field of view, radians.
    pub fov: f32,
}

impl RingPlacement {
    /// The camera for a square of `side_px` picture pixels centred on the ring.
    pub fn camera(&self, side_px: f32) -> RingCamera {
        let to_ring = self.turn.transpose();
        let forward = to_ring * Vec3::Z;
        let up = to_ring * Vec3::NEG_Y;
        let half_height_mm = side_px / self.px_per_mm / 2.0;
        let distance = half_height_mm / (FIELD_OF_VIEW / 2.0).tan();
        RingCamera { position: -forward * distance, target: Vec3::ZERO, up, fov: FIELD_OF_VIEW }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tryon::{Crop, Finger};

    /// A left hand lying palm down, seen from above, fingers up the picture (the display hand's hand view).
    fn left_hand_from_above() -> HandPose {
        let mut points = [Vec3::ZERO; crate::tryon::LANDMARKS];
        points[WRIST] = Vec3::new(200.0, 400.0, 0.0);
        points[5] = Vec3::new(260.0, 250.0, 0.0); // index knuckle, the thumb's side: right on the picture
        points[17] = Vec3::new(140.0, 260.0, 0.0);
        points[13] = Vec3::new(170.0, 250.0, 0.0);
        points[14] = Vec3::new(170.0, 150.0, 0.0);
        HandPose { points, presence: 1.0, right_hand: 0.1, crop: Crop::whole(400, 400) }
    }

    fn measure_of(pose: &HandPose) -> FingerMeasure {
        FingerMeasure {
            finger: Finger::Ring,
            place: Vec2::new(170.0, 200.0),
            along: Vec2::NEG_Y,
            width_px: 40.0,
            spread_px: 0.4,
            phalanx_px: (pose.points[14] - pose.points[13]).length(),
            breadth_width_px: None,
        }
    }

    #[test]
    fn the_ring_on_a_left_hand_seen_from_above_shows_its_head_to_the_camera() {
        let pose = left_hand_from_above();
        assert_eq!(Hand::guessed(&pose, false), Hand::Left);
        assert_eq!(Hand::guessed(&pose, true), Hand::Right);
        let placement = place_ring(&pose, &measure_of(&pose), Hand::Left, 54.0);
        // The head towards the camera (−z), the band's axis down the picture (towards the wrist: +y).
        assert!((placement.turn.col(1) - Vec3::NEG_Z).length() < 1e-4, "{:?}", placement.turn);
        assert!((placement.turn.col(2) - Vec3::Y).length() < 1e-4);
        // The thumb's side (+X) is on the picture's right.
        assert!((placement.turn.col(0) - Vec3::X).length() < 1e-4);
        assert!((placement.px_per_mm - 40.0 / (54.0 / PI)).abs() < 1e-4);
        // Edges the hand's breadth doubts (a third too narrow): the ring is drawn at the breadth's width; edges it
        // agrees with are kept.
        let doubted = FingerMeasure { width_px: 28.0, breadth_width_px: Some(42.0), ..measure_of(&pose) };
        assert!((place_ring(&pose, &doubted, Hand::Left, 54.0).px_per_mm - 42.0 / (54.0 / PI)).abs() < 1e-4);
        let agreed = FingerMeasure { breadth_width_px: Some(42.0), ..measure_of(&pose) };
        assert!((place_ring(&pose, &agreed, Hand::Left, 54.0).px_per_mm - 40.0 / (54.0 / PI)).abs() < 1e-4);
        // The same picture read as a right hand: it is its palm we see, the head away from the camera.
        let palm = place_ring(&pose, &measure_of(&pose), Hand::Right, 54.0);
        assert!((palm.turn.col(1) - Vec3::Z).length() < 1e-4);
    }

    #[test]
    fn the_camera_sees_the_ring_from_the_pictures_side_at_its_scale() {
        let pose = left_hand_from_above();
        let placement = place_ring(&pose, &measure_of(&pose), Hand::Left, 54.0);
        let camera = placement.camera(200.0);
        // From above the head (+Y in the ring's frame), the fingertips (−Z) up the picture.
        assert!(camera.position.y > 0.0 && camera.position.x.abs() < 1e-3 && camera.position.z.abs() < 1e-3);
        assert!((camera.up - Vec3::NEG_Z).length() < 1e-4, "{:?}", camera.up);
        // 200 px at 2.33 px/mm: 85.9 mm across at the ring.
        let across = 2.0 * camera.position.length() * (camera.fov / 2.0).tan();
        assert!((across - 200.0 / placement.px_per_mm).abs() < 1e-2, "{across}");
    }
}
