//! Finding a client's ring size on the screen (no Bevy): the screen's scale from a bank card held against it, then a
//! ring that fits laid on the screen and a circle matched to its inner edge, or a strip of paper wrapped round the
//! finger and read against a true-scale ruler; each gives the inner circumference with the uncertainty the matching
//! allows, and the size in every system. `approval::sizer_page` draws the sizer a client prints at home.
//!
//! The card is ISO/IEC 7810 ID-1, 85.60 × 53.98 mm (every bank card). A person lines up an edge on a screen to about
//! one point (a logical pixel) on each side: `EDGE_POINTS`. The advice a jeweller gives with a size:
//! - a band 6 mm wide or more sits tighter: about half a size more (Rithm, "Ring sizing guide": "thicker ring bands
//!   (larger than 6mm) … go for half a size up"; Hello Ring, "Ring size tips": "from 6mm … a quarter to a half size
//!   larger");
//! - fingers are larger in the evening and in heat, smaller when cold, by up to half a size (Ellem, "Size guide":
//!   "the best time to measure is at the end of the day … cold … up to half a size smaller"; Rithm, same guide).

use crate::design::ring_size::{self, MeasuredBy, SizeSystem};
use serde::{Deserialize, Serialize};
use std::f32::consts::PI;

/// An ISO/IEC 7810 ID-1 card (a bank card), width × height in mm.
pub const CARD_MM: (f32, f32) = (85.60, 53.98);
/// How closely a person lines a drawn edge up with a real one, in points; a width has two edges, their errors
/// independent (so √2 × this on a width).
pub const EDGE_POINTS: f32 = 1.0;
/// How closely a person reads a length on a ruler with millimetre marks, mm.
pub const RULER_READING_MM: f32 = 1.0;
/// A band this wide or wider sits tighter on the finger (see the module's sources).
pub const WIDE_BAND_MM: f32 = 6.0;
/// Half a size, as inner circumference: half a US size (0.4064 mm of diameter).
pub const HALF_SIZE_MM: f32 = 0.5 * 0.8128 * PI;

/// Screens' scales a card can be matched on: from a 30 dpi wall screen to a 500 dpi phone.
const POINTS_PER_MM: std::ops::RangeInclusive<f32> = 1.0..=20.0;

/// A screen's scale, found by matching a rectangle to a card held against it. Read from a file, a scale no screen
/// has (NaN, 0, negative, 1e30 — a hand-edited `screens.ron`) is refused at its place: the sizer draws at true
/// scale from it, and a wrong scale would measure a wrong ring size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ScaleRead")]
pub struct Calibration {
    /// Logical points per millimetre on this screen.
    pub points_per_mm: f32,
}

/// A calibration as a file holds it, before it is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleRead {
    points_per_mm: f32,
}

impl TryFrom<ScaleRead> for Calibration {
    type Error = SizerError;

    fn try_from(read: ScaleRead) -> Result<Calibration, SizerError> {
        let points_per_mm = read.points_per_mm;
        if points_per_mm.is_finite() && POINTS_PER_MM.contains(&points_per_mm) {
            Ok(Calibration { points_per_mm })
        } else {
            Err(SizerError::NoScreensScale(points_per_mm))
        }
    }
}

/// Why a calibration or a measurement was refused.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum SizerError {
    #[error("a card {0} points wide is no screen's scale (1 to 20 points per mm)")]
    ImpossibleScale(f32),
    #[error("an inner circumference of {0} mm is no ring size")]
    OutOfRange(f32),
    #[error("{0} points per mm is no screen's scale (1 to 20)")]
    NoScreensScale(f32),
}

impl Calibration {
    /// The scale from the width, in points, of the rectangle matched to the card.
    pub fn from_card_width(points: f32) -> Result<Calibration, SizerError> {
        let points_per_mm = points / CARD_MM.0;
        if points_per_mm.is_finite() && POINTS_PER_MM.contains(&points_per_mm) {
            Ok(Calibration { points_per_mm })
        } else {
            Err(SizerError::ImpossibleScale(points))
        }
    }

    /// The card's width on this screen, points.
    pub fn card_width_points(&self) -> f32 {
        CARD_MM.0 * self.points_per_mm
    }

    /// The scale's own uncertainty, as a fraction of any length measured with it.
    pub fn relative_uncertainty(&self) -> f32 {
        std::f32::consts::SQRT_2 * EDGE_POINTS / self.card_width_points()
    }

    pub fn millimetres(&self, points: f32) -> f32 {
        points / self.points_per_mm
    }

    pub fn points(&self, millimetres: f32) -> f32 {
        millimetres * self.points_per_mm
    }
}

/// A measured size: the inner circumference and how far it may be off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub method: MeasuredBy,
    /// What was measured, mm: the inner diameter (a ring) or the strip's length (the circumference).
    pub measured_mm: f32,
    pub circumference_mm: f32,
    /// One uncertainty either way, mm of circumference.
    pub uncertainty_mm: f32,
}

impl Reading {
    /// A ring on the screen whose inner edge a circle of `diameter_points` matches.
    pub fn ring(calibration: Calibration, diameter_points: f32) -> Result<Reading, SizerError> {
        let diameter = calibration.millimetres(diameter_points);
        let relative =
            (std::f32::consts::SQRT_2 * EDGE_POINTS / diameter_points).hypot(calibration.relative_uncertainty());
        Reading::checked(MeasuredBy::RingOnScreen, diameter, diameter * PI, diameter * PI * relative)
    }

    /// A strip of paper that measured `length_mm` on the on-screen ruler.
    pub fn strip(calibration: Calibration, length_mm: f32) -> Result<Reading, SizerError> {
        let uncertainty = RULER_READING_MM.hypot(length_mm * calibration.relative_uncertainty());
        Reading::checked(MeasuredBy::PaperStrip, length_mm, length_mm, uncertainty)
    }

    fn checked(
        method: MeasuredBy,
        measured_mm: f32,
        circumference_mm: f32,
        uncertainty_mm: f32,
    ) -> Result<Reading, SizerError> {
        let range = ring_size::EU_MIN..=ring_size::EU_MAX;
        if circumference_mm.is_finite() && range.contains(&circumference_mm) {
            Ok(Reading { method, measured_mm, circumference_mm, uncertainty_mm })
        } else {
            Err(SizerError::OutOfRange(circumference_mm))
        }
    }

    pub fn inner_diameter_mm(&self) -> f32 {
        ring_size::inner_diameter_mm(self.circumference_mm)
    }

    /// The size in a system, and the sizes at either end of the uncertainty: ("M½", "N", "N½").
    pub fn sizes(&self, system: SizeSystem) -> (String, String, String) {
        let at = |c: f32| ring_size::label(system, c.clamp(ring_size::EU_MIN, ring_size::EU_MAX));
        (
            at(self.circumference_mm - self.uncertainty_mm),
            at(self.circumference_mm),
            at(self.circumference_mm + self.uncertainty_mm),
        )
    }
}

/// A ruler's mark at `mm`, as a share of the centimetre mark's length: 1 at each centimetre, 0.7 at each half,
/// 0.4 at each millimetre (the on-screen ruler and the printed one).
pub fn ruler_mark(mm: u32) -> f32 {
    match (mm % 10, mm % 5) {
        (0, _) => 1.0,
        (_, 0) => 0.7,
        _ => 0.4,
    }
}

/// What a jeweller adds to a size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Advice {
    /// The band is wide: about half a size more (the circumference it suggests).
    WideBand { width_mm: f32, suggested_mm: f32 },
    /// Fingers swell in the evening and in heat: measure warm, at the end of the day.
    MeasureWarm,
}

/// The advice for a reading of a piece whose band is `band_width_mm` wide (none: not a ring).
pub fn advice(reading: &Reading, band_width_mm: Option<f32>) -> Vec<Advice> {
    let mut out = Vec::new();
    if let Some(width_mm) = band_width_mm.filter(|&w| w >= WIDE_BAND_MM) {
        let suggested_mm = (reading.circumference_mm + HALF_SIZE_MM).min(ring_size::EU_MAX);
        out.push(Advice::WideBand { width_mm, suggested_mm });
    }
    out.push(Advice::MeasureWarm);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 96-dpi screen: 96 / 25.4 points per mm.
    fn screen() -> Calibration {
        Calibration::from_card_width(CARD_MM.0 * 96.0 / 25.4).expect("a desktop screen")
    }

    #[test]
    fn a_card_gives_the_screens_scale_and_an_impossible_one_is_refused() {
        let calibration = screen();
        assert!((calibration.points_per_mm - 3.7795).abs() < 1e-3);
        assert!((calibration.millimetres(calibration.points(17.3)) - 17.3).abs() < 1e-4);
        // A point on each side of a 324-point card: 0.44 %.
        assert!((calibration.relative_uncertainty() - std::f32::consts::SQRT_2 / 323.5).abs() < 1e-4);
        assert_eq!(Calibration::from_card_width(30.0), Err(SizerError::ImpossibleScale(30.0)));
        assert!(Calibration::from_card_width(f32::NAN).is_err());
    }

    #[test]
    fn a_17_3_mm_circle_reads_us_7_and_eu_54() {
        let calibration = screen();
        let reading = Reading::ring(calibration, calibration.points(17.3)).expect("a ring size");
        assert!((reading.circumference_mm - 54.35).abs() < 0.01);
        assert_eq!(reading.sizes(SizeSystem::Us).1, "7");
        assert_eq!(reading.sizes(SizeSystem::Eu).1, "54");
        // UK letters as the UK assay offices' chart (ring_size::UK_TABLE) has them; charts half a letter apart
        // name this ring N½.
        assert_eq!(reading.sizes(SizeSystem::Uk).1, "N");
        // A 65-point circle matched to a point each side, on a scale matched as well: ±2.2 % of 54.35 mm, more than
        // a size either way on a 96-dpi screen (a finer screen measures finer).
        assert!((1.1..1.3).contains(&reading.uncertainty_mm), "{}", reading.uncertainty_mm);
        let (low, _, high) = reading.sizes(SizeSystem::Eu);
        assert_eq!((low.as_str(), high.as_str()), ("53", "56"));
        let retina = Calibration::from_card_width(CARD_MM.0 * 220.0 / 25.4).expect("a fine screen");
        let finer = Reading::ring(retina, retina.points(17.3)).expect("a ring size");
        assert!(finer.uncertainty_mm < reading.uncertainty_mm / 2.0);
    }

    #[test]
    fn a_paper_strip_reads_its_length_as_the_circumference() {
        let reading = Reading::strip(screen(), 52.0).expect("a ring size");
        assert_eq!(reading.circumference_mm, 52.0);
        assert!((1.0..1.1).contains(&reading.uncertainty_mm), "{}", reading.uncertainty_mm);
        assert_eq!(Reading::strip(screen(), 120.0), Err(SizerError::OutOfRange(120.0)));
    }

    #[test]
    fn a_wide_band_asks_half_a_size_more() {
        let reading = Reading::strip(screen(), 52.0).expect("a ring size");
        assert_eq!(advice(&reading, Some(2.2)), vec![Advice::MeasureWarm]);
        match advice(&reading, Some(7.0))[0] {
            Advice::WideBand { suggested_mm, .. } => assert!((suggested_mm - 53.28).abs() < 0.01),
            other => panic!("{other:?}"),
        }
    }
}
