//! The live try-on's time (no Bevy): the hand followed from frame to frame with one run of the model per frame, and
//! when it is lost, looked for again one square of `search::search_crops` per frame — so the worker never spends
//! seconds on a frame the client has already moved past; the ring's placement smoothed over time by One-Euro
//! filters (Casiez, Roussel, Vogel, CHI 2012: a low-pass whose cut-off rises with speed — little jitter while the
//! hand rests, little lag when it moves); the ring faded in and out rather than jumping.

use super::composite::{PictureLight, light_of};
use super::finger::{FingerMeasure, measure};
use super::place::RingPlacement;
use super::search::{PRESENT, follow, refine, search_crops};
use super::{Finger, HandModel, HandPose, TryOnError};
use glam::{Mat3, Quat, Vec2};
use image::RgbImage;
use std::f32::consts::TAU;

/// What the tracker saw in one frame.
#[derive(Clone, Debug, PartialEq)]
// A few hundred bytes, made a dozen times a second: not worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Look {
    /// The hand, and the finger measured where the ring sits (`None` when its edges could not be found), with the
    /// picture's light there.
    Seen { pose: HandPose, finger: Option<FingerMeasure>, light: PictureLight },
    /// No hand yet: the search goes on over the next frames.
    Searching,
}

/// Follows a hand over frames.
#[derive(Clone, Debug)]
pub struct Tracker {
    pub finger: Finger,
    last: Option<HandPose>,
    next_square: usize,
}

impl Tracker {
    pub fn new(finger: Finger) -> Tracker {
        Tracker { finger, last: None, next_square: 0 }
    }

    /// Whether the hand is being followed (else searched for).
    pub fn following(&self) -> bool {
        self.last.is_some()
    }

    /// One step on a frame: one run of the model while the hand is followed; while it is lost, one square of the
    /// search, and a few runs to settle on the hand when a square holds one.
    pub fn look(&mut self, model: &HandModel, picture: &RgbImage) -> Result<Look, TryOnError> {
        if let Some(last) = &self.last {
            self.last = follow(model, picture, last)?;
        }
        if self.last.is_none() {
            let squares = search_crops(picture.width(), picture.height());
            let square = squares[self.next_square % squares.len()];
            self.next_square = (self.next_square + 1) % squares.len();
            let pose = model.run(picture, square)?;
            if pose.presence >= PRESENT * 0.5 {
                self.last = refine(model, picture, pose)?;
            }
        }
        let Some(pose) = self.last.clone() else { return Ok(Look::Searching) };
        let finger = measure(picture, &pose, self.finger);
        let (centre, radius) = match &finger {
            Some(f) => (f.place, f.phalanx_px * 2.0),
            None => {
                let knuckle = pose.points[self.finger.knuckle()].truncate();
                (knuckle, (pose.points[self.finger.knuckle() + 1].truncate() - knuckle).length() * 2.0)
            }
        };
        let light = light_of(picture, centre, radius.max(8.0));
        Ok(Look::Seen { pose, finger, light })
    }
}

/// A One-Euro filter of one value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneEuro {
    /// The cut-off at rest, Hz: lower is steadier.
    pub min_cutoff_hz: f32,
    /// How much the cut-off rises per unit of speed (units per second): higher follows fast moves more closely.
    pub beta: f32,
    /// The cut-off of the speed's own filter, Hz.
    pub speed_cutoff_hz: f32,
    last: Option<(f64, f32, f32)>,
}

/// The share of a new sample a first-order low-pass at `cutoff_hz` takes after `dt` seconds.
fn smoothing(cutoff_hz: f32, dt: f32) -> f32 {
    let tau = 1.0 / (TAU * cutoff_hz);
    1.0 / (1.0 + tau / dt)
}

impl OneEuro {
    pub const fn new(min_cutoff_hz: f32, beta: f32) -> OneEuro {
        OneEuro { min_cutoff_hz, beta, speed_cutoff_hz: 1.0, last: None }
    }

    /// The filtered value of `value` sampled at `time_s` (seconds; samples out of order are ignored).
    pub fn filter(&mut self, time_s: f64, value: f32) -> f32 {
        let Some((then, filtered, speed)) = self.last else {
            self.last = Some((time_s, value, 0.0));
            return value;
        };
        let dt = (time_s - then) as f32;
        if dt <= 0.0 {
            return filtered;
        }
        let raw_speed = (value - filtered) / dt;
        let speed = speed + smoothing(self.speed_cutoff_hz, dt) * (raw_speed - speed);
        let cutoff = self.min_cutoff_hz + self.beta * speed.abs();
        let next = filtered + smoothing(cutoff, dt) * (value - filtered);
        self.last = Some((time_s, next, speed));
        next
    }

    /// Forgets the past: the next sample is taken as it is.
    pub fn reset(&mut self) {
        self.last = None;
    }
}

/// The ring's placement smoothed over time: the centre in millimetres on the finger (so the filter's speed is the
/// hand's, whatever its distance), the scale as a logarithm, the turn as a quaternion kept on one side.
#[derive(Clone, Debug)]
pub struct SmoothPlacement {
    centre: [OneEuro; 2],
    scale: OneEuro,
    turn: [OneEuro; 4],
    last_turn: Option<Quat>,
}

/// At rest the centre is steadied below 1 Hz; a hand moving 100 mm/s lifts the cut-off to 11 Hz.
const CENTRE: OneEuro = OneEuro::new(1.0, 0.1);
const SCALE: OneEuro = OneEuro::new(0.5, 1.0);
const TURN: OneEuro = OneEuro::new(1.0, 2.0);

impl Default for SmoothPlacement {
    fn default() -> Self {
        SmoothPlacement { centre: [CENTRE; 2], scale: SCALE, turn: [TURN; 4], last_turn: None }
    }
}

impl SmoothPlacement {
    /// The placement seen at `time_s`, smoothed.
    pub fn filter(&mut self, time_s: f64, seen: RingPlacement) -> RingPlacement {
        let px_per_mm = self.scale.filter(time_s, seen.px_per_mm.max(1e-3).ln()).exp();
        let centre_mm = seen.centre / seen.px_per_mm.max(1e-3);
        let centre = Vec2::new(self.centre[0].filter(time_s, centre_mm.x), self.centre[1].filter(time_s, centre_mm.y));
        let mut turn = Quat::from_mat3(&seen.turn).normalize();
        // q and −q are the same turn: stay on the side of the last one, or the filter would pass through nothing.
        if self.last_turn.is_some_and(|last| last.dot(turn) < 0.0) {
            turn = -turn;
        }
        let parts = turn.to_array();
        let mut smoothed = [0.0; 4];
        for ((out, filter), part) in smoothed.iter_mut().zip(&mut self.turn).zip(parts) {
            *out = filter.filter(time_s, part);
        }
        let turn = Quat::from_array(smoothed).normalize();
        self.last_turn = Some(turn);
        RingPlacement { centre: centre * px_per_mm, px_per_mm, turn: Mat3::from_quat(turn), ..seen }
    }

    /// Forgets the past (the hand came back after being lost: the ring starts where it is seen).
    pub fn reset(&mut self) {
        *self = SmoothPlacement::default();
    }
}

/// How long the ring takes to appear or fade out, seconds.
pub const FADE_S: f32 = 0.25;

/// The ring's opacity over the picture: up while the hand is seen, down while it is lost.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fade {
    pub opacity: f32,
}

impl Fade {
    pub fn step(&mut self, seen: bool, dt_s: f32) {
        let change = dt_s.max(0.0) / FADE_S;
        self.opacity = if seen { (self.opacity + change).min(1.0) } else { (self.opacity - change).max(0.0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::Vec3;

    #[test]
    fn the_filter_steadies_a_resting_value_and_follows_a_moving_one() {
        // A value resting at 10 with ±0.5 of jitter, 30 samples a second.
        let mut resting = OneEuro::new(1.0, 0.1);
        let mut worst: f32 = 0.0;
        for k in 0..90 {
            let jitter = if k % 2 == 0 { 0.5 } else { -0.5 };
            let out = resting.filter(k as f64 / 30.0, 10.0 + jitter);
            if k > 30 {
                worst = worst.max((out - 10.0).abs());
            }
        }
        assert!(worst < 0.15, "jitter left: {worst}");
        // A value moving at 100 units a second: the filter lags it by less than a tenth of a second's move.
        let mut moving = OneEuro::new(1.0, 0.1);
        let mut lag = 0.0;
        for k in 0..60 {
            let t = k as f64 / 30.0;
            lag = 100.0 * t as f32 - moving.filter(t, 100.0 * t as f32);
        }
        assert!(lag > 0.0 && lag < 10.0, "lag: {lag}");
        // With the speed's term off, the same move is followed from much further behind.
        let mut slow = OneEuro::new(1.0, 0.0);
        let mut slow_lag = 0.0;
        for k in 0..60 {
            let t = k as f64 / 30.0;
            slow_lag = 100.0 * t as f32 - slow.filter(t, 100.0 * t as f32);
        }
        assert!(slow_lag > 2.0 * lag, "{slow_lag} vs {lag}");
    }

    fn placement(centre: Vec2, angle: f32) -> RingPlacement {
        RingPlacement { centre, px_per_mm: 10.0, turn: Mat3::from_rotation_z(angle), width_spread: 0.02 }
    }

    #[test]
    fn the_smoothed_ring_keeps_its_turn_through_the_quaternions_sign() {
        let mut smooth = SmoothPlacement::default();
        let first = smooth.filter(0.0, placement(Vec2::new(100.0, 50.0), 0.3));
        assert!((first.centre - Vec2::new(100.0, 50.0)).length() < 1e-3);
        // The same turn written with the other sign: nothing moves.
        let turn = Quat::from_mat3(&Mat3::from_rotation_z(0.3));
        let flipped = RingPlacement { turn: Mat3::from_quat(-turn), ..placement(Vec2::new(100.0, 50.0), 0.3) };
        let again = smooth.filter(1.0 / 30.0, flipped);
        assert!((again.turn * Vec3::X - first.turn * Vec3::X).length() < 1e-3);
        // Held still for a second, it settles where it is; moved, it goes there.
        let mut at = again;
        for k in 2..40 {
            at = smooth.filter(k as f64 / 30.0, placement(Vec2::new(130.0, 50.0), 0.3));
        }
        assert!((at.centre.x - 130.0).abs() < 1.0, "{}", at.centre);
        assert!((at.px_per_mm - 10.0).abs() < 1e-3);
    }

    #[test]
    fn the_ring_fades_out_when_the_hand_is_lost_and_back_in_when_found() {
        let mut fade = Fade::default();
        fade.step(true, FADE_S / 2.0);
        assert!((fade.opacity - 0.5).abs() < 1e-6);
        fade.step(true, 1.0);
        assert_eq!(fade.opacity, 1.0);
        fade.step(false, FADE_S / 4.0);
        assert!((fade.opacity - 0.75).abs() < 1e-6);
        fade.step(false, 1.0);
        assert_eq!(fade.opacity, 0.0);
    }
}
