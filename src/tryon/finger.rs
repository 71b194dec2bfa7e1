//! The finger where the ring sits, measured on the picture: its axis from the landmarks, its width across its two
//! edges.
//!
//! The ring sits on the first phalanx, between the base knuckle (MCP) and the middle joint (PIP): `RING_PLACE` of
//! the way along, as on Écrin's display hand. Across the finger there, lines are read on the picture at several places along it; on each, the
//! colour's change is smoothed and each side's edge is the first strong change going out from the axis (a finger
//! beside it, of the same skin, shows the shadow between them as the first change). The width is the median of the
//! lines, their spread its uncertainty; the edges' middles give the axis again, truer than the landmarks (which sit
//! on the joints, not always on the finger's middle line).

use super::{Finger, HandPose};
use glam::Vec2;
use image::RgbImage;

/// Where the ring sits along the first phalanx, from the base knuckle towards the middle joint: where it sits on
/// Écrin's display hand.
pub const RING_PLACE: f32 = crate::geometry::hand::RING_AT;
/// Lines read across the finger, spread over this fraction of the phalanx's length.
const LINES: usize = 9;
const LINES_SPREAD: f32 = 0.3;
/// A finger's width is about this fraction of its first phalanx's length (the display hand: 17.2 / 40; adults'
/// ring fingers: about 18 / 45 mm); edges are looked for from 0.5 to 1.8 times half of it from the axis.
const WIDTH_PER_LENGTH: f32 = 0.42;
const NEAREST: f32 = 0.5;
const FARTHEST: f32 = 1.8;
/// The largest turn between the landmarks' axis and the edges' middle line for the latter to be taken, radians
/// (the landmarks' axis is within 5° of the truth on the test set, the edges' mostly within 2°: tried on seed 7).
const AXIS_AGREEMENT: f32 = 0.1;
/// An edge is the first change at least this share of the strongest one on its side.
const FIRST_STRONG: f32 = 0.5;

/// The edges are doubted when the width they give is outside these shares of the one the hand's breadth foretells:
/// below, an edge found inside the finger (a crease, a shadow); above, one found beyond it. Set on the test set's
/// seed 7 (the breadth foretold the true width within −2…+17 %; the two edge blunders read 0.73 and 0.81 of it).
pub const EDGES_WITHIN: (f32, f32) = (0.88, 1.25);

/// The finger measured where the ring sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FingerMeasure {
    pub finger: Finger,
    /// Where the ring's centre is, on the finger's axis, picture pixels.
    pub place: Vec2,
    /// Along the finger towards its tip, unit.
    pub along: Vec2,
    /// The finger's width there, pixels (the median of the lines across it).
    pub width_px: f32,
    /// How much the lines disagree: their median absolute difference from the width, pixels.
    pub spread_px: f32,
    /// The first phalanx's length on the picture (knuckle to middle joint), pixels.
    pub phalanx_px: f32,
    /// The width the hand's breadth foretells (`width_from_breadth`), pixels: a check on the edges.
    pub breadth_width_px: Option<f32>,
}

impl FingerMeasure {
    /// Whether the edges' width is outside `within` of the one the hand's breadth foretells.
    pub fn edges_doubted(&self, (narrowest, widest): (f32, f32)) -> bool {
        self.breadth_width_px
            .is_some_and(|foretold| foretold > 0.0 && !(narrowest..=widest).contains(&(self.width_px / foretold)))
    }

    /// The width the ring is drawn at: the edges', or the breadth's when the edges are doubted (`EDGES_WITHIN`).
    pub fn drawing_width_px(&self) -> f32 {
        match self.breadth_width_px {
            Some(foretold) if self.edges_doubted(EDGES_WITHIN) => foretold,
            _ => self.width_px,
        }
    }
}

/// The finger's width where the ring sits, from its edges; `None` when the lines found no edges.
pub fn measure(picture: &RgbImage, pose: &HandPose, finger: Finger) -> Option<FingerMeasure> {
    let base = pose.points[finger.knuckle()].truncate();
    let joint = pose.points[finger.knuckle() + 1].truncate();
    let phalanx_px = (joint - base).length();
    if phalanx_px < 4.0 {
        return None;
    }
    let along = (joint - base) / phalanx_px;
    let across = along.perp();
    let half_guess = WIDTH_PER_LENGTH * phalanx_px / 2.0;
    let mut widths = Vec::new();
    let mut middles = Vec::new();
    for k in 0..LINES {
        let t = RING_PLACE + LINES_SPREAD * (k as f32 / (LINES - 1) as f32 - 0.5);
        let centre = base + along * phalanx_px * t;
        if let Some((left, right)) = edges_across(picture, centre, across, half_guess) {
            widths.push(right - left);
            middles.push((t, centre + across * (left + right) / 2.0));
        }
    }
    if widths.len() < LINES / 2 {
        return None;
    }
    let width_px = median(&mut widths.clone());
    let spread_px = median(&mut widths.iter().map(|w| (w - width_px).abs()).collect::<Vec<_>>());
    // The axis through the edges' middles (least squares along t), read at the ring's place.
    let n = middles.len() as f32;
    let mean_t = middles.iter().map(|(t, _)| t).sum::<f32>() / n;
    let mean_at = middles.iter().map(|(_, at)| *at).sum::<Vec2>() / n;
    let variance = middles.iter().map(|(t, _)| (t - mean_t).powi(2)).sum::<f32>();
    let slope = middles.iter().map(|(t, at)| (*at - mean_at) * (t - mean_t)).sum::<Vec2>() / variance.max(1e-6);
    let place = mean_at + slope * (RING_PLACE - mean_t);
    // The edges' middle line is truer than the landmarks' in most pictures, but a short, noisy one: it is kept
    // only where it agrees with the landmarks within `AXIS_AGREEMENT`.
    let fitted = slope.normalize_or_zero();
    let along = if fitted.angle_to(along).abs() < AXIS_AGREEMENT { fitted } else { along };
    let breadth_width_px = width_from_breadth(pose, finger);
    Some(FingerMeasure { finger, place, along, width_px, spread_px, phalanx_px, breadth_width_px })
}

/// The finger's width where the ring sits as its hand's breadth foretells it, pixels: the span between the index's
/// and the little finger's base knuckles (landmarks 5 and 17, with the model's depth, on the same scale, to undo
/// the hand's turn) times the display hand's proportion of that finger's width to that span. Fingers and hands grow
/// together, so this is a rough width, not a measure (a check on the edges: the edges are measured, this is not);
/// `None` when the span is too short to say.
pub fn width_from_breadth(pose: &HandPose, finger: Finger) -> Option<f32> {
    // Each finger's width over the knuckle span, on the display hand (made once: the worker asks every frame).
    static PROPORTIONS: std::sync::LazyLock<[f32; 4]> = std::sync::LazyLock::new(|| {
        use crate::geometry::hand;
        let display = hand::landmarks();
        let span = display[Finger::Index.knuckle()].distance(display[Finger::Little.knuckle()]);
        hand::ring_place_widths().map(|width| width / span)
    });
    let span = pose.points[Finger::Index.knuckle()].distance(pose.points[Finger::Little.knuckle()]);
    let proportion = PROPORTIONS[Finger::ALL.iter().position(|&f| f == finger)?];
    (span >= 8.0).then_some(span * proportion)
}

/// The two edges on the line through `centre` along `across`, as signed distances from `centre`, pixels.
fn edges_across(picture: &RgbImage, centre: Vec2, across: Vec2, half_guess: f32) -> Option<(f32, f32)> {
    const STEP: f32 = 0.5;
    let reach = half_guess * FARTHEST;
    let count = (2.0 * reach / STEP) as usize + 1;
    let colours: Vec<[f32; 3]> =
        (0..count).map(|k| super::model::sample(picture, centre + across * (k as f32 * STEP - reach))).collect();
    // The change of colour from sample to sample, smoothed over about a pixel and a half.
    let smooth = |k: usize| {
        let lo = k.saturating_sub(1);
        let hi = (k + 1).min(count - 1);
        let mut sum = [0.0; 3];
        for colour in &colours[lo..=hi] {
            for (s, c) in sum.iter_mut().zip(colour) {
                *s += c / (hi - lo + 1) as f32;
            }
        }
        sum
    };
    let smoothed: Vec<[f32; 3]> = (0..count).map(smooth).collect();
    let change: Vec<f32> = (0..count)
        .map(|k| {
            let (a, b) = (smoothed[k.saturating_sub(1)], smoothed[(k + 1).min(count - 1)]);
            ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
        })
        .collect();
    let middle = (count - 1) / 2;
    let nearest = ((half_guess * NEAREST) / STEP) as usize;
    let outward_right: Vec<usize> = (middle + nearest..count).collect();
    let outward_left: Vec<usize> = (0..=middle.saturating_sub(nearest)).rev().collect();
    let right = first_strong(&change, &outward_right)?;
    let left = first_strong(&change, &outward_left)?;
    let at = |k: f32| k * STEP - reach;
    Some((at(left), at(right)))
}

/// The first local peak, going outward, at least `FIRST_STRONG` of the strongest change; with a parabola's sub-sample
/// place.
fn first_strong(change: &[f32], outward: &[usize]) -> Option<f32> {
    let strongest = outward.iter().map(|&k| change[k]).fold(0.0f32, f32::max);
    if strongest < 8.0 {
        return None;
    }
    for window in outward.windows(3) {
        let (before, here, after) = (change[window[0]], change[window[1]], change[window[2]]);
        if here >= FIRST_STRONG * strongest && here >= before && here >= after {
            let curvature = before - 2.0 * here + after;
            let offset = if curvature.abs() > 1e-6 { 0.5 * (before - after) / curvature } else { 0.0 };
            // `outward` runs either way: the offset is along it.
            let direction = window[2] as f32 - window[1] as f32;
            return Some(window[1] as f32 + offset.clamp(-0.5, 0.5) * direction);
        }
    }
    None
}

fn median(values: &mut [f32]) -> f32 {
    values.sort_by(f32::total_cmp);
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tryon::Crop;
    use glam::Vec3;

    /// A finger drawn as a bar of skin on a dark ground, `width` px wide, along `direction` through (200, 200).
    fn bar(width: f32, direction: Vec2) -> RgbImage {
        let across = direction.perp();
        RgbImage::from_fn(400, 400, |x, y| {
            let p = Vec2::new(x as f32 + 0.5, y as f32 + 0.5) - Vec2::splat(200.0);
            // Anti-aliased edges: the pixel's cover of the bar.
            let cover = (width / 2.0 - p.dot(across).abs() + 0.5).clamp(0.0, 1.0);
            let skin = [224.0, 172.0, 140.0];
            let ground = [40.0, 38.0, 44.0];
            image::Rgb(std::array::from_fn(|c| (ground[c] + (skin[c] - ground[c]) * cover) as u8))
        })
    }

    fn pose_on(direction: Vec2, offset: Vec2) -> HandPose {
        let mut points = [Vec3::ZERO; crate::tryon::LANDMARKS];
        let knuckle = Finger::Ring.knuckle();
        points[knuckle] = (Vec2::splat(200.0) - direction * 50.0 + offset).extend(0.0);
        points[knuckle + 1] = (Vec2::splat(200.0) + direction * 50.0 + offset).extend(0.0);
        HandPose { points, presence: 1.0, right_hand: 0.5, crop: Crop::whole(400, 400) }
    }

    #[test]
    fn a_fingers_width_is_read_across_its_edges_even_with_the_landmarks_off_its_middle() {
        for (width, direction) in [(42.0, Vec2::Y), (37.3, Vec2::new(0.6, -0.8)), (45.5, Vec2::X)] {
            let picture = bar(width, direction);
            let measured =
                measure(&picture, &pose_on(direction, direction.perp() * 6.0), Finger::Ring).expect("edges found");
            assert!((measured.width_px - width).abs() < 0.6, "{width}: {measured:?}");
            // The ring's place comes back onto the bar's middle line, `RING_PLACE` along the phalanx.
            let expected = Vec2::splat(200.0) + direction * (100.0 * RING_PLACE - 50.0);
            assert!((measured.place - expected).length() < 0.6, "{measured:?}");
            assert!(measured.spread_px < 0.5);
        }
    }

    #[test]
    fn a_finger_touching_its_neighbour_is_measured_to_the_shadow_between_them() {
        // Two bars of the same skin side by side, a dark crease of 3 px between them.
        let picture = RgbImage::from_fn(400, 400, |x, _| {
            let x = x as f32 + 0.5;
            if (179.0..221.0).contains(&x) || (224.0..266.0).contains(&x) {
                image::Rgb([224, 172, 140])
            } else if (221.0..224.0).contains(&x) {
                image::Rgb([120, 80, 60])
            } else {
                image::Rgb([40, 38, 44])
            }
        });
        let measured = measure(&picture, &pose_on(Vec2::Y, Vec2::ZERO), Finger::Ring).expect("edges found");
        assert!((measured.width_px - 42.0).abs() < 1.5, "{measured:?}");
    }

    #[test]
    fn the_display_hands_breadth_foretells_its_own_fingers_width_however_it_is_turned() {
        // The display hand's joints at 3 px per mm, turned: the span between the knuckles is read in 3D.
        let turn = glam::Quat::from_euler(glam::EulerRot::YXZ, 0.6, -0.4, 1.1);
        let points = crate::geometry::hand::landmarks().map(|p| turn * p * 3.0);
        let pose = HandPose { points, presence: 1.0, right_hand: 0.5, crop: Crop::whole(400, 400) };
        let ring = width_from_breadth(&pose, Finger::Ring).expect("a span");
        assert!((ring - 3.0 * crate::geometry::hand::REFERENCE_RING_SIZE_MM / std::f32::consts::PI).abs() < 0.01);
        let little = width_from_breadth(&pose, Finger::Little).expect("a span");
        assert!(little < ring, "{little} {ring}");
    }
}
