//! The finger's size from a bank card in view — as a range, never one confident size. The card (ISO/IEC 7810 ID-1,
//! 85.60 × 53.98 mm) gives the picture's scale: its four corners (clicked, any order) fix the homography from the
//! card's plane to the picture, and the millimetres one pixel spans at the ring's place, at the depth of that plane
//! (a length facing the camera: the finger's width is a cylinder's silhouette, never foreshortened, however the card
//! is tilted). The finger's measured width (`finger.rs`) in millimetres then bounds its circumference between an
//! ellipse as deep as `SizeAssumptions::shape` allows and a circle: the likely value is the ellipse halfway. The
//! range around it holds what is not known, each part as a share: the finger's shape (half that span), the width's
//! own spread and edge error, the corners' click error, and how far the finger may stand off the card's plane (over
//! the card's nearest distance, from its size on the picture and the widest camera field assumed, and over how
//! squarely the plane faces the camera). The parts are combined in quadrature — bounded, independent errors — and
//! kept, so one can see which dominates. The edges are checked against the hand's breadth
//! (`finger::width_from_breadth`): when they disagree, the range runs across both.

use super::finger::FingerMeasure;
use glam::{DMat3, DVec3, Vec2};
use std::f32::consts::PI;

/// The card's sides, mm (ISO/IEC 7810 ID-1).
pub const CARD_MM: (f32, f32) = (85.60, 53.98);

/// What the estimate takes as given; each widens the range.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct SizeAssumptions {
    /// How far a clicked corner may be from the true one, px.
    pub corner_px: f32,
    /// How far a finger's edge may be from where it was found, px (each side).
    pub edge_px: f32,
    /// How far the card may be from the finger's depth, mm (held beside the hand, or lying under it).
    pub depth_mm: f32,
    /// The finger's depth over its width where the ring sits: from this to 1 (a circle).
    pub shape: f32,
    /// The widest horizontal field of view of the camera assumed, degrees (the nearer the card must be).
    pub widest_field_deg: f32,
    /// The edges are doubted when the finger's measured width is below the first share of what its hand's breadth
    /// foretells (an edge found inside the finger: a crease, a shadow) or above the second (one found beyond it).
    pub edges_within: (f32, f32),
    /// How far a finger's true width may be from what its hand's breadth foretells, as a share: the breadth's own
    /// range when the edges are doubted.
    pub breadth_spread: f32,
}

impl Default for SizeAssumptions {
    fn default() -> Self {
        SizeAssumptions {
            corner_px: 2.0,
            edge_px: 1.0,
            depth_mm: 10.0,
            shape: 0.85,
            widest_field_deg: 70.0,
            edges_within: super::finger::EDGES_WITHIN,
            breadth_spread: 0.2,
        }
    }
}

/// The finger's circumference where the ring sits, as a range, with where its uncertainty comes from.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct SizeEstimate {
    /// The finger's width on the card's scale, mm.
    pub width_mm: f32,
    pub low_mm: f32,
    pub likely_mm: f32,
    pub high_mm: f32,
    /// Shares of the likely circumference: the width's measure, the corners, the depth, the finger's unknown shape
    /// (half the span from the flattest ellipse to a circle); and all four together (the range's half-width).
    pub width_share: f32,
    pub corners_share: f32,
    pub depth_share: f32,
    pub shape_share: f32,
    pub combined_share: f32,
    /// The card's nearest possible distance from the camera, mm.
    pub card_distance_mm: f32,
    /// When the edges are doubted — the measured width is outside `SizeAssumptions::edges_within` of the one the
    /// hand's breadth foretells —, the latter, mm: the range then runs from the lower of the two ranges to the higher
    /// of them (the breadth's own as wide as `breadth_spread`), the likely value halfway.
    pub doubted_for_breadth_mm: Option<f32>,
}

/// A plane-to-picture projective map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Homography(DMat3);

impl Homography {
    /// The map taking each of `from` to the matching `to` (four points, no three in a line).
    pub fn through(from: [Vec2; 4], to: [Vec2; 4]) -> Option<Homography> {
        // h33 = 1; two rows per correspondence: u = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), likewise v.
        let mut rows = [[0.0f64; 9]; 8];
        for (k, (p, q)) in from.iter().zip(&to).enumerate() {
            let (x, y, u, v) = (f64::from(p.x), f64::from(p.y), f64::from(q.x), f64::from(q.y));
            rows[2 * k] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            rows[2 * k + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        let h = solve(rows)?;
        let m = DMat3::from_cols_array(&[h[0], h[3], h[6], h[1], h[4], h[7], h[2], h[5], 1.0]);
        Some(Homography(m))
    }

    pub fn map(&self, p: Vec2) -> Vec2 {
        let v = self.0 * DVec3::new(f64::from(p.x), f64::from(p.y), 1.0);
        Vec2::new((v.x / v.z) as f32, (v.y / v.z) as f32)
    }

    pub fn inverse(&self) -> Option<Homography> {
        let inverse = self.0.inverse();
        inverse.is_finite().then_some(Homography(inverse))
    }
}

/// Gaussian elimination with partial pivoting of an 8 × 8 system (its last column the right-hand side).
fn solve(mut rows: [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for column in 0..8 {
        let pivot = (column..8).max_by(|&a, &b| rows[a][column].abs().total_cmp(&rows[b][column].abs()))?;
        if rows[pivot][column].abs() < 1e-12 {
            return None;
        }
        rows.swap(column, pivot);
        for row in 0..8 {
            if row != column {
                let factor = rows[row][column] / rows[column][column];
                let pivot_row = rows[column];
                for (value, p) in rows[row].iter_mut().zip(pivot_row) {
                    *value -= factor * p;
                }
            }
        }
    }
    let mut solution = [0.0; 8];
    for (k, value) in solution.iter_mut().enumerate() {
        *value = rows[k][8] / rows[k][k];
    }
    Some(solution)
}

/// The corners in order around the card (by angle about their middle), and the card's corners in mm to match —
/// the long sides where the picture's longer sides are.
pub fn card_corners(clicked: [Vec2; 4]) -> ([Vec2; 4], [Vec2; 4]) {
    let middle = clicked.iter().copied().sum::<Vec2>() / 4.0;
    let mut around = clicked;
    around.sort_by(|a, b| (*a - middle).to_angle().total_cmp(&(*b - middle).to_angle()));
    let side = |a: usize, b: usize| (around[a] - around[b]).length();
    let (w, h) = CARD_MM;
    let first_is_long = side(0, 1) + side(2, 3) >= side(1, 2) + side(3, 0);
    let mm = if first_is_long {
        [Vec2::ZERO, Vec2::new(w, 0.0), Vec2::new(w, h), Vec2::new(0.0, h)]
    } else {
        [Vec2::ZERO, Vec2::new(0.0, h), Vec2::new(w, h), Vec2::new(w, 0.0)]
    };
    (around, mm)
}

/// Millimetres per pixel on the card's plane at `at`: the fewest of any direction there, and the most. A length on
/// the plane facing the camera takes the fewest (the plane's scale at that depth); one running away from the camera
/// is foreshortened and takes the most — their ratio is the cosine of the plane's tilt from facing the camera. A
/// finger's width is the silhouette of a cylinder, never foreshortened: it takes the fewest, whatever the card's tilt.
pub fn mm_per_px(to_card: &Homography, at: Vec2) -> (f32, f32) {
    let d = |step: Vec2| to_card.map(at + step * 0.5) - to_card.map(at - step * 0.5);
    let (x, y) = (d(Vec2::X), d(Vec2::Y));
    // The singular values of the 2×2 Jacobian [x y].
    let sum = x.length_squared() + y.length_squared();
    let det = (x.x * y.y - x.y * y.x).abs();
    let root = (sum * sum - 4.0 * det * det).max(0.0).sqrt();
    (((sum - root) / 2.0).max(0.0).sqrt(), ((sum + root) / 2.0).sqrt())
}

/// The perimeter of an ellipse of half-axes `a`, `b` (Ramanujan's second approximation).
pub fn ellipse_perimeter(a: f32, b: f32) -> f32 {
    let h = ((a - b) / (a + b)).powi(2);
    PI * (a + b) * (1.0 + 3.0 * h / (10.0 + (4.0 - 3.0 * h).sqrt()))
}

/// The finger's circumference from the card's corners on a picture `picture_width` pixels wide.
pub fn estimate(
    clicked: [Vec2; 4],
    picture_width: u32,
    finger: &FingerMeasure,
    assumptions: &SizeAssumptions,
) -> Option<SizeEstimate> {
    let (around, mm) = card_corners(clicked);
    let to_card = Homography::through(mm, around)?.inverse()?;
    let (scale, most) = mm_per_px(&to_card, finger.place);
    // How squarely the card's plane faces the camera (1: square on); the finger stands above that plane, and the
    // ray to it meets the plane farther off the more the plane is tilted.
    let facing = (scale / most.max(f32::EPSILON)).clamp(0.3, 1.0);
    if !(scale.is_finite() && scale > 0.0) {
        return None;
    }
    let width_mm = finger.width_px * scale;
    let width_share = (finger.spread_px.powi(2) + 2.0 * assumptions.edge_px.powi(2)).sqrt() / finger.width_px.max(1.0);
    let sides_px: f32 = (0..4).map(|k| (around[k] - around[(k + 1) % 4]).length()).sum::<f32>() / 4.0;
    // Two corners fix each side: their errors add in quadrature.
    let corners_share = assumptions.corner_px * std::f32::consts::SQRT_2 / sides_px.max(1.0);
    // The nearest the card can be: the widest field makes the shortest focal length.
    let long_px = (0..4).map(|k| (around[k] - around[(k + 1) % 4]).length()).fold(0.0, f32::max);
    let focal_px = picture_width as f32 / 2.0 / (assumptions.widest_field_deg.to_radians() / 2.0).tan();
    let card_distance_mm = focal_px * CARD_MM.0 / long_px.max(1.0);
    let depth_share = assumptions.depth_mm / facing / card_distance_mm.max(1.0);
    let circumference = |width_mm: f32| {
        let half = width_mm / 2.0;
        let flattest = ellipse_perimeter(half, half * assumptions.shape);
        let likely = ellipse_perimeter(half, half * (1.0 + assumptions.shape) / 2.0);
        (likely, (PI * width_mm - flattest) / 2.0 / likely)
    };
    let (likely, shape_share) = circumference(width_mm);
    let outer_shares = corners_share.powi(2) + depth_share.powi(2) + shape_share.powi(2);
    let combined_share = (width_share.powi(2) + outer_shares).sqrt();
    let mut estimate = SizeEstimate {
        width_mm,
        low_mm: likely * (1.0 - combined_share),
        likely_mm: likely,
        high_mm: likely * (1.0 + combined_share),
        width_share,
        corners_share,
        depth_share,
        shape_share,
        combined_share,
        card_distance_mm,
        doubted_for_breadth_mm: None,
    };
    let foretold = finger.breadth_width_px.filter(|_| finger.edges_doubted(assumptions.edges_within));
    if let Some(foretold_px) = foretold {
        let foretold_mm = foretold_px * scale;
        let (foretold_likely, _) = circumference(foretold_mm);
        let share = (assumptions.breadth_spread.powi(2) + outer_shares).sqrt();
        estimate.low_mm = estimate.low_mm.min(foretold_likely * (1.0 - share));
        estimate.high_mm = estimate.high_mm.max(foretold_likely * (1.0 + share));
        estimate.likely_mm = (estimate.low_mm + estimate.high_mm) / 2.0;
        estimate.combined_share = (estimate.high_mm - estimate.low_mm) / 2.0 / estimate.likely_mm;
        estimate.doubted_for_breadth_mm = Some(foretold_mm);
    }
    Some(estimate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tryon::Finger;

    /// A pinhole looking down at a table from 300 mm, focal length 600 px, the picture 640 px wide: a point of the
    /// table at (x, z) mm (z towards the camera) on the picture.
    fn seen(x: f32, y: f32, z: f32) -> Vec2 {
        let depth = 300.0 - z;
        Vec2::new(320.0 + 600.0 * x / depth, 240.0 + 600.0 * y / depth)
    }

    #[test]
    fn the_homography_maps_the_card_onto_its_picture_and_back() {
        let mm = [Vec2::ZERO, Vec2::new(85.6, 0.0), Vec2::new(85.6, 53.98), Vec2::new(0.0, 53.98)];
        let tilted = |p: Vec2| seen(p.x - 40.0, p.y * 0.9, p.y * 0.4);
        let picture = mm.map(tilted);
        let h = Homography::through(mm, picture).expect("four points");
        let inside = Vec2::new(30.0, 20.0);
        assert!((h.map(inside) - tilted(inside)).length() < 1e-3, "a plane's map is projective");
        let back = h.inverse().expect("invertible");
        assert!((back.map(tilted(inside)) - inside).length() < 1e-3);
        // Clicked in any order, the corners are sorted around the card, its long sides found.
        let shuffled = [picture[2], picture[0], picture[3], picture[1]];
        let (around, card) = card_corners(shuffled);
        let h = Homography::through(card, around).expect("four points");
        let long = (h.map(card[1]) - h.map(card[0])).length();
        let short = (h.map(card[2]) - h.map(card[1])).length();
        assert!(if card[1].x > 0.0 { long > short } else { long < short }, "{card:?}");
    }

    #[test]
    fn a_finger_beside_the_card_is_sized_within_its_range_and_the_range_names_its_parts() {
        // A 17.2 mm finger (a circle: circumference 54.0 mm) lying on the table beside the card.
        let corners = [(-90.0, -30.0), (-4.4, -30.0), (-4.4, 23.98), (-90.0, 23.98)].map(|(x, y)| seen(x, y, 0.0));
        let width_mm = 54.0 / PI;
        let place = seen(40.0, 0.0, 0.0);
        let width_px = (seen(40.0 + width_mm / 2.0, 0.0, 0.0) - seen(40.0 - width_mm / 2.0, 0.0, 0.0)).length();
        let finger = FingerMeasure {
            finger: Finger::Ring,
            place,
            along: Vec2::NEG_Y,
            width_px,
            spread_px: 0.5,
            phalanx_px: 60.0,
            breadth_width_px: None,
        };
        let estimate = estimate(corners, 640, &finger, &SizeAssumptions::default()).expect("an estimate");
        assert!((estimate.width_mm - width_mm).abs() < 0.01, "{estimate:?}");
        assert!(estimate.low_mm < 54.0 && 54.0 <= estimate.high_mm, "{estimate:?}");
        assert!(estimate.low_mm < estimate.likely_mm && estimate.likely_mm < estimate.high_mm);
        // The parts: the card at 300 mm (a 56° field here), taken as seen by a camera up to 70° wide, is at least
        // 228 mm away.
        assert!((estimate.card_distance_mm - 228.6).abs() < 1.0, "{estimate:?}");
        assert!((estimate.depth_share - 10.0 / estimate.card_distance_mm).abs() < 1e-6);
        assert!(estimate.shape_share > 0.03 && estimate.shape_share < 0.045, "{estimate:?}");
        // A card held 10 mm nearer than the finger: the finger reads 3 % narrower, and the range still holds it.
        let nearer = [(-90.0, -30.0), (-4.4, -30.0), (-4.4, 23.98), (-90.0, 23.98)].map(|(x, y)| seen(x, y, 10.0));
        let off = super::estimate(nearer, 640, &finger, &SizeAssumptions::default()).expect("an estimate");
        assert!(off.width_mm < width_mm * 0.975, "{off:?}");
        assert!(off.low_mm < 54.0 && 54.0 <= off.high_mm, "{off:?}");
        // The hand's breadth agreeing with the edges (within `edges_within`) changes nothing.
        let agreeing = FingerMeasure { breadth_width_px: Some(width_px * 1.1), ..finger };
        assert_eq!(super::estimate(corners, 640, &agreeing, &SizeAssumptions::default()), Some(estimate));
        // An edge found inside the finger (two thirds of its width): the breadth doubts it, and the range, wider,
        // holds the truth; named as doubted.
        let blunder =
            FingerMeasure { width_px: width_px * 2.0 / 3.0, breadth_width_px: Some(width_px * 1.05), ..finger };
        let doubted = super::estimate(corners, 640, &blunder, &SizeAssumptions::default()).expect("an estimate");
        assert!(doubted.low_mm < 54.0 && 54.0 <= doubted.high_mm, "{doubted:?}");
        assert!(doubted.low_mm < 54.0 * 0.7 && doubted.high_mm < 54.0 * 1.35, "from the edges' to the breadth's");
        assert!((doubted.doubted_for_breadth_mm.expect("doubted") - width_mm * 1.05).abs() < 0.05, "{doubted:?}");
    }

    #[test]
    fn a_card_tilted_away_from_the_camera_still_sizes_the_finger_facing_it() {
        // The table tilted 50° from facing the camera (about the picture's x axis): the card's plane is foreshortened
        // up and down, the finger lying across that way — its silhouette is not.
        let tilt = 50f32.to_radians();
        let on_table = |x: f32, y: f32| seen(x, y * tilt.cos(), y * tilt.sin());
        let corners = [(-90.0, -30.0), (-4.4, -30.0), (-4.4, 23.98), (-90.0, 23.98)].map(|(x, y)| on_table(x, y));
        let width_mm = 54.0 / PI;
        let place = on_table(40.0, 0.0);
        let width_px = (seen(40.0, width_mm / 2.0, 0.0) - seen(40.0, -width_mm / 2.0, 0.0)).length();
        let finger = FingerMeasure {
            finger: Finger::Ring,
            place,
            along: Vec2::X,
            width_px,
            spread_px: 0.5,
            phalanx_px: 60.0,
            breadth_width_px: None,
        };
        let estimate = estimate(corners, 640, &finger, &SizeAssumptions::default()).expect("an estimate");
        assert!((estimate.width_mm / width_mm - 1.0).abs() < 0.01, "{estimate:?}");
        // The finger may stand off a tilted plane farther along the ray: the depth's part grows by 1 / cos 50°.
        let square_on = 10.0 / estimate.card_distance_mm;
        assert!((estimate.depth_share / square_on - 1.0 / tilt.cos()).abs() < 0.05, "{estimate:?}");
    }

    #[test]
    fn an_ellipse_perimeter_is_a_circles_when_round_and_less_when_flat() {
        assert!((ellipse_perimeter(10.0, 10.0) - 2.0 * PI * 10.0).abs() < 1e-4);
        // A 2:1 ellipse: 48.4422 (the exact value to four places).
        assert!((ellipse_perimeter(10.0, 5.0) - 48.4422).abs() < 1e-3);
    }
}
