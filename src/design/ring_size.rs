//! Ring sizes: stored as the inner circumference in mm (ISO 8653 / EU / FR), shown in the client's system.
//!
//! Conversions (../shared/notes/jewellery-data.md):
//! - EU/FR (ISO 8653): size = inner circumference in mm.
//! - US/CA: inner diameter mm = 11.63 + 0.8128 × size.
//! - UK/AU: letters, from the table below (British Standard BS 6820 chart as published by UK assay offices;
//!   sources differ by up to half a size).
//! - Japan (JIS S 4700): diameter ≈ (n + 38) / 3 mm.

use serde::{Deserialize, Serialize};
use std::f32::consts::PI;

/// Smallest and largest ring sizes a bench makes, EU (inner circumference, mm).
pub const EU_MIN: f32 = 38.0;
pub const EU_MAX: f32 = 76.0;

/// UK letter sizes and their inner circumference in mm (whole letters; half sizes interpolate).
pub const UK_TABLE: [(&str, f32); 32] = [
    ("A", 37.8),
    ("B", 39.1),
    ("C", 40.4),
    ("D", 41.7),
    ("E", 42.9),
    ("F", 44.2),
    ("G", 45.5),
    ("H", 46.8),
    ("I", 48.0),
    ("J", 49.3),
    ("K", 50.6),
    ("L", 51.9),
    ("M", 53.1),
    ("N", 54.4),
    ("O", 55.7),
    ("P", 57.0),
    ("Q", 58.3),
    ("R", 59.5),
    ("S", 60.8),
    ("T", 62.1),
    ("U", 63.4),
    ("V", 64.6),
    ("W", 65.9),
    ("X", 67.2),
    ("Y", 68.5),
    ("Z", 69.7),
    ("Z+1", 71.0),
    ("Z+2", 72.3),
    ("Z+3", 73.5),
    ("Z+4", 74.8),
    ("Z+5", 76.1),
    ("Z+6", 77.3),
];

/// How a client's size was measured (the journal keeps it; `crate::sizer` measures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasuredBy {
    /// A ring that fits, laid on the screen: its inner diameter.
    RingOnScreen,
    /// A strip of paper round the finger, read on the screen's true-scale ruler: the circumference.
    PaperStrip,
}

/// The sizing system a client knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum SizeSystem {
    #[default]
    Eu,
    Us,
    Uk,
    Jp,
}

impl SizeSystem {
    pub const ALL: [SizeSystem; 4] = [SizeSystem::Eu, SizeSystem::Us, SizeSystem::Uk, SizeSystem::Jp];

    /// Step between neighbouring sizes in this system's own numbers (UK: half letters).
    pub fn step(self) -> f32 {
        match self {
            SizeSystem::Eu | SizeSystem::Jp => 1.0,
            SizeSystem::Us | SizeSystem::Uk => 0.5,
        }
    }
}

/// Inner circumference (mm) of a size given in a system. UK sizes are given as a letter index (A = 0, A½ = 0.5).
pub fn circumference_mm(system: SizeSystem, value: f32) -> f32 {
    match system {
        SizeSystem::Eu => value,
        SizeSystem::Us => PI * (11.63 + 0.8128 * value),
        SizeSystem::Jp => PI * (value + 38.0) / 3.0,
        SizeSystem::Uk => {
            let last = UK_TABLE.len() - 1;
            let clamped = value.clamp(0.0, last as f32);
            let lower = (clamped.floor() as usize).min(last);
            let upper = (lower + 1).min(last);
            let t = clamped - lower as f32;
            UK_TABLE[lower].1 * (1.0 - t) + UK_TABLE[upper].1 * t
        }
    }
}

/// Size number in a system for an inner circumference, rounded to that system's step.
pub fn size_in(system: SizeSystem, circumference_mm: f32) -> f32 {
    let raw = match system {
        SizeSystem::Eu => circumference_mm,
        SizeSystem::Us => (circumference_mm / PI - 11.63) / 0.8128,
        SizeSystem::Jp => circumference_mm * 3.0 / PI - 38.0,
        SizeSystem::Uk => {
            let last = UK_TABLE.len() - 1;
            let upper = UK_TABLE.iter().position(|&(_, c)| c >= circumference_mm).unwrap_or(last).max(1);
            let (c0, c1) = (UK_TABLE[upper - 1].1, UK_TABLE[upper].1);
            ((upper - 1) as f32 + (circumference_mm - c0) / (c1 - c0)).clamp(0.0, last as f32)
        }
    };
    (raw / system.step()).round() * system.step()
}

/// Human label of a size in a system, e.g. "52", "6½", "M½", "12".
pub fn label(system: SizeSystem, circumference_mm: f32) -> String {
    let value = size_in(system, circumference_mm);
    let half = (value.fract() - 0.5).abs() < 0.01;
    let whole = value.floor();
    match system {
        SizeSystem::Uk => {
            let index = (whole.max(0.0) as usize).min(UK_TABLE.len() - 1);
            format!("{}{}", UK_TABLE[index].0, if half { "½" } else { "" })
        }
        _ if half => format!("{whole}½"),
        _ => format!("{value}"),
    }
}

/// Inner diameter in mm of a ring of this circumference.
pub fn inner_diameter_mm(circumference_mm: f32) -> f32 {
    circumference_mm / PI
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_matches_the_formula_table() {
        // US 6 ≈ 16.5 mm, US 7 ≈ 17.3 mm inner diameter (notes).
        assert!((inner_diameter_mm(circumference_mm(SizeSystem::Us, 6.0)) - 16.51).abs() < 0.02);
        assert!((inner_diameter_mm(circumference_mm(SizeSystem::Us, 7.0)) - 17.32).abs() < 0.02);
    }

    #[test]
    fn eu_52_is_about_16_55_mm() {
        assert!((inner_diameter_mm(52.0) - 16.55).abs() < 0.01);
    }

    #[test]
    fn every_system_round_trips_on_its_own_steps() {
        for system in SizeSystem::ALL {
            let (lo, hi) = match system {
                SizeSystem::Eu => (38.0, 76.0),
                SizeSystem::Us => (2.0, 14.0),
                SizeSystem::Uk => (0.0, 31.0),
                SizeSystem::Jp => (1.0, 33.0),
            };
            let mut value = lo;
            while value <= hi {
                let back = size_in(system, circumference_mm(system, value));
                assert!((back - value).abs() < 1e-3, "{system:?} {value} came back as {back}");
                value += system.step();
            }
        }
    }

    #[test]
    fn uk_letters_match_the_table_and_us_neighbours() {
        // UK L = 51.9 mm matches US 6 (51.87 mm); US 7 (54.45 mm) is the table's N (54.4 mm).
        assert_eq!(label(SizeSystem::Uk, 51.9), "L");
        assert_eq!(label(SizeSystem::Uk, circumference_mm(SizeSystem::Us, 6.0)), "L");
        assert_eq!(label(SizeSystem::Uk, circumference_mm(SizeSystem::Us, 7.0)), "N");
        assert_eq!(label(SizeSystem::Uk, 55.05), "N½");
        assert_eq!(label(SizeSystem::Us, 54.4), "7");
    }

    #[test]
    fn japanese_sizes_follow_jis() {
        // JIS 9 → diameter 15.67 mm; JIS 13 → 17.0 mm.
        assert!((inner_diameter_mm(circumference_mm(SizeSystem::Jp, 9.0)) - 15.667).abs() < 0.01);
        assert_eq!(label(SizeSystem::Jp, PI * 17.0), "13");
        assert_eq!(label(SizeSystem::Eu, 52.2), "52");
        assert_eq!(label(SizeSystem::Us, circumference_mm(SizeSystem::Us, 6.5)), "6½");
    }
}
