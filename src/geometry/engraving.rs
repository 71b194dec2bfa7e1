//! The engraving as the bench will cut it: the text set in its lettering's font (`assets/fonts/`: Great Vibes for
//! the script, DejaVu Serif Condensed for the roman, DejaVu Sans Condensed Bold for block capitals — licences beside
//! them), laid out with `ab_glyph` (advances and kerning) along the inside of the band, centred under the finger
//! (opposite the head, where an engraving is read), and rasterised as a depth map over the unrolled inner surface —
//! what the metal shader cuts into the band (a darker floor, walls catching the light).
//!
//! The map's frame: `u` is the arc length along the inner circumference from the band's bottom (mm, + towards +X
//! there), `v` is across the band, the letters' up (mm, v = −z: the letters stand with their tops towards −Z, so
//! they read left to right seen from the +Z side looking in).

use crate::design::engraving::{ENGRAVED_SHARE, EngravingStyle, letter_height_mm};
use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

/// The map's resolution, mm per texel (a 1.2 mm letter is 60 texels tall).
pub const MM_PER_TEXEL: f32 = 0.02;
/// How deep the letters are cut, mm (a hand or machine engraving's usual 0.05–0.1 mm).
pub const DEPTH_MM: f32 = 0.08;

/// The engraving's depth over the inside of the band.
#[derive(Clone, Debug, PartialEq)]
pub struct EngravingMap {
    pub width: u32,
    pub height: u32,
    /// Depth per texel (0: the band's surface, 255: the letters' floor), rows from the highest v down.
    pub depth: Vec<u8>,
    /// The map's extent: u from `u_min` to `u_max`, v from `v_min` to `v_max`, mm.
    pub u_min: f32,
    pub u_max: f32,
    pub v_min: f32,
    pub v_max: f32,
    /// The band's inner radius, mm (where the inner surface is).
    pub inner_radius_mm: f32,
    /// The letters' cap height, mm.
    pub letter_height_mm: f32,
}

/// The font a lettering is cut in.
fn font(style: EngravingStyle) -> Option<FontRef<'static>> {
    let bytes: &'static [u8] = match style {
        EngravingStyle::Script => include_bytes!("../../assets/fonts/GreatVibes-Regular.ttf"),
        EngravingStyle::Serif => include_bytes!("../../assets/fonts/DejaVuSerifCondensed.ttf"),
        EngravingStyle::Block => include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf"),
    };
    FontRef::try_from_slice(bytes).ok()
}

/// The text as it is cut: block letters are capitals.
fn cut_text(text: &str, style: EngravingStyle) -> String {
    let text = text.trim();
    if style == EngravingStyle::Block { text.to_uppercase() } else { text.to_string() }
}

/// The depth map of an engraving inside a ring of `ring_size_mm` (inner circumference) with a band this wide; None
/// when there is nothing to engrave. A text longer than the engraved share of the circumference is condensed to fit
/// (the panel keeps texts within the length the style allows).
pub fn engraving_map(text: &str, style: EngravingStyle, ring_size_mm: f32, band_width_mm: f32) -> Option<EngravingMap> {
    let text = cut_text(text, style);
    if text.is_empty() {
        return None;
    }
    let letter_height = letter_height_mm(band_width_mm);
    let texels_per_mm = 1.0 / MM_PER_TEXEL;
    // Each font scaled so that its capital "H" is as tall as the letters — a script by its small letters, an "x"
    // 0.6 of that (its capitals are flourishes twice as tall) —; a sign the style's font lacks (♥, ∞ in the script)
    // is taken from the serif's.
    let face = |font: FontRef<'static>, reference: char, share: f32| -> Option<(FontRef<'static>, PxScale)> {
        // ab_glyph's scale is the font's height (ascent − descent) in pixels.
        let tall = font.outline(font.glyph_id(reference)).map(|o| (o.bounds.max.y - o.bounds.min.y).abs())?;
        let pixels = letter_height * share * texels_per_mm;
        (tall > 0.0).then(|| (font.clone(), PxScale::from(pixels * font.height_unscaled() / tall)))
    };
    let own = match style {
        EngravingStyle::Script => face(font(style)?, 'x', 0.6)?,
        EngravingStyle::Serif | EngravingStyle::Block => face(font(style)?, 'H', 1.0)?,
    };
    let fallback = face(font(EngravingStyle::Serif)?, 'H', 1.0)?;
    // Glyphs along the baseline (texels, y down), with the font's advances and kerning.
    let mut glyphs = Vec::new();
    let mut x = 0.0;
    let mut previous: Option<(bool, ab_glyph::GlyphId)> = None;
    for c in text.chars() {
        let in_own = own.0.glyph_id(c).0 != 0 || c.is_whitespace();
        let (font, scale) = if in_own { &own } else { &fallback };
        let scaled = font.as_scaled(*scale);
        let id = font.glyph_id(c);
        if let Some((previous_own, previous)) = previous
            && previous_own == in_own
        {
            x += scaled.kern(previous, id);
        }
        glyphs.push((font.clone(), id.with_scale_and_position(*scale, point(x, 0.0))));
        x += scaled.h_advance(id);
        previous = Some((in_own, id));
    }
    let text_width = x.max(1.0);
    let allowed = ring_size_mm * ENGRAVED_SHARE * texels_per_mm;
    let condense = (allowed / text_width).min(1.0);
    let outlines: Vec<_> = glyphs.into_iter().filter_map(|(font, g)| font.outline_glyph(g)).collect();
    let margin = 3.0;
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for outline in &outlines {
        let bounds = outline.px_bounds();
        (x0, y0) = (x0.min(bounds.min.x * condense), y0.min(bounds.min.y));
        (x1, y1) = (x1.max(bounds.max.x * condense), y1.max(bounds.max.y));
    }
    if outlines.is_empty() {
        return None;
    }
    let (x0, y0) = ((x0 - margin).floor(), (y0 - margin).floor());
    let (width, height) = (((x1 + margin).ceil() - x0) as u32, ((y1 + margin).ceil() - y0) as u32);
    if width == 0 || height == 0 {
        return None;
    }
    let mut coverage = vec![0.0f32; (width * height) as usize];
    // Rasterised at full width, then condensed column by column (a narrower cut of the same letters).
    for outline in &outlines {
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, c| {
            let px = ((bounds.min.x + gx as f32 + 0.5) * condense - x0) as i64;
            let py = (bounds.min.y + gy as f32 - y0) as i64;
            if (0..i64::from(width)).contains(&px) && (0..i64::from(height)).contains(&py) {
                let cell = &mut coverage[(py as u32 * width + px as u32) as usize];
                *cell = (*cell + c * condense).min(1.0);
            }
        });
    }
    let depth = soften(&coverage, width, height).iter().map(|&c| (c.clamp(0.0, 1.0) * 255.0).round() as u8).collect();
    // The text centred under the finger: u = 0 halfway along it; the capitals' middle on the band's middle.
    let centre = text_width * condense / 2.0;
    let cap_top = -letter_height * texels_per_mm;
    let v_of_row = |row: f32| (cap_top / 2.0 - row) * MM_PER_TEXEL;
    Some(EngravingMap {
        width,
        height,
        depth,
        u_min: (x0 - centre) * MM_PER_TEXEL,
        u_max: (x0 + width as f32 - centre) * MM_PER_TEXEL,
        v_max: v_of_row(y0),
        v_min: v_of_row(y0 + height as f32),
        inner_radius_mm: ring_size_mm / std::f32::consts::TAU,
        letter_height_mm: letter_height,
    })
}

/// The cut's walls: the coverage blurred over a texel or two (a graver leaves sloped walls, not cliffs).
fn soften(coverage: &[f32], width: u32, height: u32) -> Vec<f32> {
    let (w, h) = (width as i64, height as i64);
    let mut out = coverage.to_vec();
    for _ in 0..2 {
        let source = out.clone();
        for y in 0..h {
            for x in 0..w {
                let mut sum = 0.0;
                for (dx, dy) in [(-1, -1), (0, -1), (1, -1), (-1, 0), (0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)] {
                    let (sx, sy) = ((x + dx).clamp(0, w - 1), (y + dy).clamp(0, h - 1));
                    sum += source[(sy * w + sx) as usize];
                }
                out[(y * w + x) as usize] = sum / 9.0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inked_rows(map: &EngravingMap) -> usize {
        (0..map.height).filter(|&y| (0..map.width).any(|x| map.depth[(y * map.width + x) as usize] > 128)).count()
    }

    #[test]
    fn letters_are_as_tall_as_the_band_allows_and_centred_under_the_finger() {
        assert!(engraving_map("   ", EngravingStyle::Serif, 52.0, 2.2).is_none(), "nothing to engrave");
        let block = engraving_map("HIH", EngravingStyle::Block, 52.0, 2.2).expect("a map");
        // Capitals 0.55 × 2.2 mm = 1.21 mm tall: about 60 texels of ink.
        let tall = inked_rows(&block) as f32 * MM_PER_TEXEL;
        assert!((tall - 1.21).abs() < 0.1, "{tall} mm");
        assert!((block.u_min + block.u_max).abs() < 0.2, "centred: {} to {}", block.u_min, block.u_max);
        assert!(block.v_min < -0.5 && block.v_max > 0.5, "across the band's middle");
        assert!((block.inner_radius_mm - 52.0 / std::f32::consts::TAU).abs() < 1e-4);
    }

    #[test]
    fn block_letters_are_capitals_and_a_script_runs_longer_and_a_long_text_is_condensed_to_fit() {
        let lower = engraving_map("amour", EngravingStyle::Block, 52.0, 2.2).expect("a map");
        let upper = engraving_map("AMOUR", EngravingStyle::Block, 52.0, 2.2).expect("a map");
        assert_eq!(lower, upper);
        let script = engraving_map("Pour toujours", EngravingStyle::Script, 52.0, 2.2).expect("a map");
        let serif = engraving_map("Pour toujours", EngravingStyle::Serif, 52.0, 2.2).expect("a map");
        assert!(script.u_max - script.u_min > 0.0 && serif.u_max - serif.u_min > 0.0);
        // Signs the script's font lacks come from the serif's: a heart is inked, not a missing-glyph box.
        let heart = engraving_map("A ♥ B", EngravingStyle::Script, 52.0, 2.2).expect("a map");
        let plain = engraving_map("A B", EngravingStyle::Script, 52.0, 2.2).expect("a map");
        assert!(heart.u_max - heart.u_min > plain.u_max - plain.u_min + 0.5);
        let long = engraving_map(&"M".repeat(60), EngravingStyle::Block, 44.0, 2.2).expect("a map");
        assert!(long.u_max - long.u_min <= 44.0 * ENGRAVED_SHARE + 0.2, "{} mm", long.u_max - long.u_min);
    }
}
