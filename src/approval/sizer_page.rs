//! The ring sizer a client prints at home: an A4 page at 300 dpi, at true scale, in the client's language — a
//! 10 cm line to check the printer kept the scale, the inner circles of every size from 44 to 68 (EU) to lay a ring
//! that fits on, and a ruler marked with sizes for a strip of paper wrapped round the finger; then the jeweller's
//! advice (`crate::sizer`). The PNG says its resolution, so a print at 100 % is at true scale.

use super::sheet::{INK, MUTED, Typesetter};
use crate::design::ring_size::{self, SizeSystem};
use crate::i18n::{Language, format};
use crate::tr;
use epaint::Color32;
use image::{Rgba, RgbaImage};

/// Print resolution of the page.
pub const DOTS_PER_INCH: f32 = 300.0;
/// A4 portrait, mm.
const PAGE_MM: (f32, f32) = (210.0, 297.0);
const MARGIN_MM: f32 = 15.0;
/// The sizes drawn as circles (EU, inner circumference in mm).
pub const CIRCLE_SIZES: std::ops::RangeInclusive<u32> = 44..=68;
/// The ruler's length, mm (the check line is as long).
pub const RULER_MM: f32 = 100.0;

fn px(mm: f32) -> f32 {
    mm * DOTS_PER_INCH / 25.4
}

/// Where things are on the page, mm from the top left (the tests measure the drawing against them).
pub struct Layout {
    /// The 10 cm check line: its left end and its height on the page.
    pub check_line: (f32, f32),
    /// Each circle's centre, with its size (EU).
    pub circles: Vec<(u32, (f32, f32))>,
    /// The ruler's zero and its baseline's height.
    pub ruler: (f32, f32),
}

pub fn layout() -> Layout {
    let columns = 7;
    let cell = (PAGE_MM.0 - 2.0 * MARGIN_MM) / columns as f32;
    let circles = CIRCLE_SIZES
        .enumerate()
        .map(|(i, size)| {
            let (column, row) = ((i % columns) as f32, (i / columns) as f32);
            (size, (MARGIN_MM + cell * (column + 0.5), 92.0 + row * 33.0))
        })
        .collect();
    Layout { check_line: (MARGIN_MM, 44.0), circles, ruler: (MARGIN_MM + 5.0, 246.0) }
}

/// The page, in `language`.
pub fn sizer_page(language: Language) -> RgbaImage {
    let l = language;
    let mut page = RgbaImage::from_pixel(px(PAGE_MM.0) as u32, px(PAGE_MM.1) as u32, Rgba([255, 255, 255, 255]));
    let mut text = Typesetter::new();
    let width = px(PAGE_MM.0 - 2.0 * MARGIN_MM);
    let at = |mm: f32| px(mm);
    let places = layout();
    text.text(at(MARGIN_MM), at(MARGIN_MM), &tr!(l, "sizer-page-title"), 80.0, INK, width);

    let (x, y) = places.check_line;
    line(&mut page, (x, y), (x + RULER_MM, y), 0.3, INK);
    for end in [x, x + RULER_MM] {
        line(&mut page, (end, y - 3.0), (end, y + 3.0), 0.3, INK);
    }
    text.text(at(x), at(y - 14.0), &tr!(l, "sizer-page-check"), 38.0, INK, width);

    text.text(at(MARGIN_MM), at(62.0), &tr!(l, "sizer-page-ring-title"), 52.0, INK, width);
    text.text(at(MARGIN_MM), at(69.0), &tr!(l, "sizer-page-ring-how"), 36.0, MUTED, width);
    for &(size, (cx, cy)) in &places.circles {
        let radius = ring_size::inner_diameter_mm(size as f32) / 2.0;
        circle(&mut page, (cx, cy), radius, 0.25, INK);
        line(&mut page, (cx - 1.0, cy), (cx + 1.0, cy), 0.15, MUTED);
        line(&mut page, (cx, cy - 1.0), (cx, cy + 1.0), 0.15, MUTED);
        let below = cy + 12.0;
        text.text(at(cx - 5.0), at(below), &size.to_string(), 44.0, INK, at(12.0));
        let others = tr!(
            l,
            "sizer-page-circle-others",
            us = ring_size::label(SizeSystem::Us, size as f32),
            uk = ring_size::label(SizeSystem::Uk, size as f32)
        );
        text.text(at(cx - 11.0), at(below + 5.5), &others, 28.0, MUTED, at(24.0));
    }

    let (zero, baseline) = places.ruler;
    text.text(at(MARGIN_MM), at(214.0), &tr!(l, "sizer-page-strip-title"), 52.0, INK, width);
    text.text(at(MARGIN_MM), at(221.0), &tr!(l, "sizer-page-strip-how"), 36.0, MUTED, width);
    line(&mut page, (zero, baseline), (zero + RULER_MM, baseline), 0.25, INK);
    for mm in 0..=RULER_MM as u32 {
        let long = 5.0 * crate::sizer::ruler_mark(mm);
        let tick = zero + mm as f32;
        line(&mut page, (tick, baseline), (tick, baseline + long), 0.15, INK);
        if mm % 10 == 0 {
            let label = format::number(l, f64::from(mm / 10), 0);
            text.text(at(tick - 1.0), at(baseline + 6.0), &label, 30.0, INK, at(10.0));
        }
    }
    // The sizes over the ruler: the length a strip of each size measures.
    let gold = Color32::from_rgb(0x9a, 0x6b, 0x1e);
    for size in (40..=76).step_by(2) {
        let mark = zero + size as f32;
        let tall = if size % 4 == 0 { 4.0 } else { 2.5 };
        line(&mut page, (mark, baseline - tall), (mark, baseline), 0.2, gold);
        if size % 4 == 0 {
            text.text(at(mark - 1.8), at(baseline - 8.5), &size.to_string(), 30.0, MUTED, at(10.0));
        }
    }
    text.text(at(zero + 80.0), at(baseline - 8.5), &tr!(l, "sizer-page-ruler-sizes"), 28.0, MUTED, at(40.0));
    text.text(at(zero + RULER_MM + 4.0), at(baseline + 1.0), &tr!(l, "sizer-page-ruler-cm"), 28.0, MUTED, at(20.0));

    text.text(at(MARGIN_MM), at(262.0), &tr!(l, "sizer-advice-warm"), 36.0, INK, width);
    let wide = format::millimetres(l, crate::sizer::WIDE_BAND_MM, 0);
    text.text(at(MARGIN_MM), at(272.0), &tr!(l, "sizer-advice-wide-rule", width = wide), 36.0, INK, width);
    text.rasterise(&mut page);
    page
}

/// A straight stroke `width` mm wide between two points (mm).
fn line(page: &mut RgbaImage, from: (f32, f32), to: (f32, f32), width: f32, colour: Color32) {
    let (a, b) = ((px(from.0), px(from.1)), (px(to.0), px(to.1)));
    let half = px(width) / 2.0;
    let (x0, x1) = (a.0.min(b.0) - half - 1.0, a.0.max(b.0) + half + 1.0);
    let (y0, y1) = (a.1.min(b.1) - half - 1.0, a.1.max(b.1) + half + 1.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = (dx * dx + dy * dy).max(1e-6);
    for y in y0.max(0.0) as u32..=y1.max(0.0) as u32 {
        for x in x0.max(0.0) as u32..=x1.max(0.0) as u32 {
            let (qx, qy) = (x as f32 + 0.5, y as f32 + 0.5);
            let t = (((qx - a.0) * dx + (qy - a.1) * dy) / length2).clamp(0.0, 1.0);
            let distance = (qx - a.0 - t * dx).hypot(qy - a.1 - t * dy);
            ink(page, x, y, colour, half + 0.5 - distance);
        }
    }
}

/// A circle's outline centred on `radius` mm, `width` mm wide.
fn circle(page: &mut RgbaImage, centre: (f32, f32), radius: f32, width: f32, colour: Color32) {
    let (cx, cy, r, half) = (px(centre.0), px(centre.1), px(radius), px(width) / 2.0);
    let reach = r + half + 1.0;
    for y in (cy - reach).max(0.0) as u32..=(cy + reach) as u32 {
        for x in (cx - reach).max(0.0) as u32..=(cx + reach) as u32 {
            let distance = ((x as f32 + 0.5 - cx).hypot(y as f32 + 0.5 - cy) - r).abs();
            ink(page, x, y, colour, half + 0.5 - distance);
        }
    }
}

/// Ink over a pixel with a coverage of 0–1 (clamped).
fn ink(page: &mut RgbaImage, x: u32, y: u32, colour: Color32, coverage: f32) {
    let coverage = coverage.clamp(0.0, 1.0);
    if coverage <= 0.0 || x >= page.width() || y >= page.height() {
        return;
    }
    let pixel = page.get_pixel_mut(x, y);
    for (channel, value) in pixel.0.iter_mut().zip([colour.r(), colour.g(), colour.b()]) {
        *channel = (f32::from(*channel) * (1.0 - coverage) + f32::from(value) * coverage).round() as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dark pixels along a row between two columns.
    fn dark_columns(page: &RgbaImage, y: u32, columns: std::ops::Range<u32>) -> Vec<u32> {
        columns.filter(|&x| page.get_pixel(x, y).0[0] < 128).collect()
    }

    #[test]
    fn the_page_is_at_true_scale() {
        let page = sizer_page(Language::French);
        assert_eq!((page.width(), page.height()), (2480, 3507));
        let places = layout();
        // The check line is 10 cm: 1181 px at 300 dpi, end to end, its end strokes (0.3 mm) half outside it.
        let (x, y) = places.check_line;
        let dark = dark_columns(&page, px(y) as u32, 0..page.width());
        let (first, last) = (dark.first().copied().unwrap_or(0), dark.last().copied().unwrap_or(0));
        let stroke = px(0.3);
        assert!((first as f32 + stroke / 2.0 - px(x)).abs() <= 1.5, "{first}");
        assert!(((last - first) as f32 - stroke - px(RULER_MM)).abs() <= 2.0, "{}", last - first);
        // The EU 54 circle's inner edge is 17.19 mm across.
        let &(_, (cx, cy)) = places.circles.iter().find(|(size, _)| *size == 54).expect("size 54");
        let row = dark_columns(&page, px(cy) as u32, px(cx - 12.0) as u32..px(cx + 12.0) as u32);
        let edges: Vec<u32> = row.iter().copied().filter(|&c| (c as f32 - px(cx)).abs() > px(3.0)).collect();
        let across = (edges.last().copied().unwrap_or(0) as f32 - edges.first().copied().unwrap_or(0) as f32) / px(1.0);
        assert!((across - 54.0 / std::f32::consts::PI).abs() < 0.3, "{across} mm");
    }

    #[test]
    fn the_page_speaks_the_clients_language() {
        // Different words, the same drawing: the pages differ only where the text is.
        let (french, english) = (sizer_page(Language::French), sizer_page(Language::English));
        assert_ne!(french, english);
        let places = layout();
        let &(_, (cx, cy)) = places.circles.first().expect("a circle");
        assert_eq!(french.get_pixel(px(cx) as u32, px(cy) as u32), english.get_pixel(px(cx) as u32, px(cy) as u32));
    }
}
