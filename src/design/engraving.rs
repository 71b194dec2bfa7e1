//! The engraving inside the band: its lettering style and how many characters fit. Letters are cut along the inner
//! circumference, as tall as the band's width allows, on the part of it a bench engraves (not under the head, not
//! across the sizing area): so the length allowed follows from the style, the ring size and the band's width.
//!
//! Écrin's figures (a bench's usual practice, not a standard): letters 0.55 × the band's width tall, between 0.8 and
//! 2 mm; each character takes its height × the style's advance (block capitals 1.0, serif 1.1, a joined script
//! 1.6 — its loops and joins make it the widest); three quarters of the inner circumference are engraved.

use serde::{Deserialize, Serialize};

/// How the letters are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EngravingStyle {
    /// A joined script (anglaise).
    Script,
    /// Roman letters with serifs (romaine).
    #[default]
    Serif,
    /// Block capitals without serifs (bâton).
    Block,
}

impl EngravingStyle {
    pub const ALL: [EngravingStyle; 3] = [EngravingStyle::Script, EngravingStyle::Serif, EngravingStyle::Block];

    /// Length along the band one character takes, in letter heights (spacing included).
    pub fn advance(self) -> f32 {
        match self {
            EngravingStyle::Script => 1.6,
            EngravingStyle::Serif => 1.1,
            EngravingStyle::Block => 1.0,
        }
    }
}

/// Share of the inner circumference that is engraved.
pub const ENGRAVED_SHARE: f32 = 0.75;

/// Letter height for a band this wide, mm.
pub fn letter_height_mm(band_width_mm: f32) -> f32 {
    (0.55 * band_width_mm).clamp(0.8, 2.0)
}

/// How many characters fit inside a ring of this size (inner circumference, mm) and band width, in a style (never
/// more than a bench engraves at all, `limits::ENGRAVING_MAX_CHARS`).
pub fn max_characters(style: EngravingStyle, ring_size_mm: f32, band_width_mm: f32) -> usize {
    let advance = letter_height_mm(band_width_mm) * style.advance();
    let fit = (ring_size_mm * ENGRAVED_SHARE / advance).floor().max(0.0) as usize;
    fit.min(super::limits::ENGRAVING_MAX_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_takes_more_room_than_capitals_and_a_small_ring_holds_less() {
        // Size 48, Écrin's 2.2 mm band: 36 mm engraved, letters 1.21 mm tall.
        assert_eq!(max_characters(EngravingStyle::Script, 48.0, 2.2), 18);
        assert_eq!(max_characters(EngravingStyle::Serif, 48.0, 2.2), 27);
        assert_eq!(max_characters(EngravingStyle::Block, 48.0, 2.2), 29);
        assert!(max_characters(EngravingStyle::Script, 60.0, 2.2) > 18);
        // A wide band takes taller letters: fewer of them; never more than a bench engraves at all.
        assert!(max_characters(EngravingStyle::Serif, 48.0, 6.0) < 27);
        assert_eq!(max_characters(EngravingStyle::Block, 76.0, 1.0), super::super::limits::ENGRAVING_MAX_CHARS);
    }
}
