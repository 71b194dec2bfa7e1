//! The approval sheet: a printable A4 page (150 dpi) with the renders, the spec table, how the design was reached
//! and a place to sign. Drawn on the CPU: pictures scaled with a Lanczos filter, text laid out and rasterised by
//! epaint (egui's text engine, with its built-in fonts and DejaVu Sans Condensed, shipped in `assets/fonts/`, for the
//! signs they lack — the journal's "→" — nothing is downloaded). What the sheet shows is bounded: the journal's last
//! `STORY_LINES` entries, each on one line, and how many came before; the signature block is always on the page.

use super::SpecRow;
use crate::i18n::Language;
use epaint::text::{FontDefinitions, Fonts, TextOptions};
use epaint::{Color32, FontId, Galley};
use image::imageops::FilterType;
use image::{Rgba, RgbaImage};
use std::sync::Arc;

/// A4 portrait at 150 dots per inch.
pub const SHEET_WIDTH: u32 = 1240;
pub const SHEET_HEIGHT: u32 = 1754;
const MARGIN: u32 = 80;
pub(super) const INK: Color32 = Color32::from_rgb(0x22, 0x20, 0x1e);
pub(super) const MUTED: Color32 = Color32::from_rgb(0x77, 0x72, 0x6c);
const RULE: Rgba<u8> = Rgba([0xd8, 0xd2, 0xca, 0xff]);

/// The journal entries the sheet shows at most (the last ones).
pub const STORY_LINES: usize = 8;
/// Longest piece of a journal line laid out (a line is cut to the page's width after it).
const STORY_LINE_CHARS: usize = 200;

/// The fonts of the sheet and of the studio: egui's own, then DejaVu Sans Condensed for every sign they lack
/// (arrows, typographic signs).
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let name = "DejaVuSansCondensed".to_string();
    let bytes = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
    fonts.font_data.insert(name.clone(), Arc::new(epaint::text::FontData::from_static(bytes)));
    for family in [epaint::FontFamily::Proportional, epaint::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(name.clone());
    }
    fonts
}

/// What the sheet shows.
pub struct SheetContent<'a> {
    /// The main picture (three-quarter view).
    pub hero: &'a RgbaImage,
    /// Smaller views with their captions (front, side, top).
    pub views: Vec<(&'a str, &'a RgbaImage)>,
    /// The engraving's close-up inside the band (when something is engraved) and its caption: shown as a strip
    /// across the page, on the text.
    pub engraving: Option<(&'a str, &'a RgbaImage)>,
    pub rows: &'a [SpecRow],
    /// "How the design was reached": the last journal lines (at most `STORY_LINES` are shown; empty when left out).
    pub story: &'a [String],
    /// How many journal entries came before `story` (said as "… and 1 240 earlier").
    pub earlier: usize,
    /// The client's language: the sheet's own words.
    pub language: Language,
}

/// Text placed on the page, rasterised once every string is laid out (they share one glyph atlas).
pub(super) struct Typesetter {
    fonts: Fonts,
    placed: Vec<(f32, f32, Arc<Galley>)>,
}

impl Typesetter {
    pub(super) fn new() -> Typesetter {
        Typesetter { fonts: Fonts::new(TextOptions::default(), fonts()), placed: Vec::new() }
    }

    /// Lays out `text` at (x, y), wrapped at `width`; returns the height it takes.
    pub(super) fn text(&mut self, x: f32, y: f32, text: &str, size: f32, colour: Color32, width: f32) -> f32 {
        let galley =
            self.fonts.with_pixels_per_point(1.0).layout(text.to_string(), FontId::proportional(size), colour, width);
        let height = galley.size().y;
        self.placed.push((x, y, galley));
        height
    }

    /// `text` on one line no wider than `width`: cut at the last character that fits, with "…" (a long line is
    /// first cut to `STORY_LINE_CHARS` characters, so that nothing huge is ever laid out).
    fn one_line(&mut self, text: &str, size: f32, width: f32) -> String {
        let first_line = text.lines().next().unwrap_or("");
        let mut chars: Vec<char> = first_line.chars().take(STORY_LINE_CHARS).collect();
        let cut = chars.len() < text.chars().count();
        let line = |chars: &[char], cut: bool| chars.iter().collect::<String>() + if cut { "…" } else { "" };
        if !cut && self.width(&line(&chars, false), size) <= width {
            return line(&chars, false);
        }
        // The longest start that fits, found by halving.
        let (mut fits, mut over) = (0, chars.len() + 1);
        while over - fits > 1 {
            let mid = (fits + over) / 2;
            if self.width(&line(&chars[..mid], true), size) <= width { fits = mid } else { over = mid }
        }
        chars.truncate(fits);
        line(&chars, true)
    }

    /// Width of a single line of text.
    fn width(&mut self, text: &str, size: f32) -> f32 {
        self.fonts.with_pixels_per_point(1.0).layout_no_wrap(text.to_string(), FontId::proportional(size), INK).size().x
    }

    /// Blends every glyph into the page.
    pub(super) fn rasterise(self, page: &mut RgbaImage) {
        let atlas = self.fonts.image();
        let [atlas_width, atlas_height] = atlas.size;
        for (x, y, galley) in &self.placed {
            for row in &galley.rows {
                let colour = galley.job.sections.first().map_or(INK, |s| s.format.color);
                for glyph in &row.glyphs {
                    let uv = glyph.uv_rect;
                    if uv.is_nothing() {
                        continue;
                    }
                    let left = (x + row.pos.x + glyph.pos.x + uv.offset.x).round() as i64;
                    let top = (y + row.pos.y + glyph.pos.y + uv.offset.y).round() as i64;
                    for v in uv.min[1]..uv.max[1] {
                        for u in uv.min[0]..uv.max[0] {
                            let (u, v) = (usize::from(u), usize::from(v));
                            if u >= atlas_width || v >= atlas_height {
                                continue;
                            }
                            let coverage = atlas.pixels[v * atlas_width + u].a();
                            let px = left + (u - usize::from(uv.min[0])) as i64;
                            let py = top + (v - usize::from(uv.min[1])) as i64;
                            blend(page, px, py, colour, coverage);
                        }
                    }
                }
            }
        }
    }
}

/// Blends `colour` into one page pixel with `coverage` (0–255).
fn blend(page: &mut RgbaImage, x: i64, y: i64, colour: Color32, coverage: u8) {
    if coverage == 0 || x < 0 || y < 0 || x >= i64::from(page.width()) || y >= i64::from(page.height()) {
        return;
    }
    let pixel = page.get_pixel_mut(x as u32, y as u32);
    let a = u16::from(coverage);
    for (channel, ink) in pixel.0.iter_mut().zip([colour.r(), colour.g(), colour.b()]) {
        *channel = ((u16::from(*channel) * (255 - a) + u16::from(ink) * a) / 255) as u8;
    }
}

fn rule(page: &mut RgbaImage, x: u32, y: u32, width: u32) {
    for px in x..(x + width).min(page.width()) {
        if y < page.height() {
            page.put_pixel(px, y, RULE);
        }
    }
}

/// A picture scaled to fit a square box, centred on a white ground (transparent pixels become white).
pub(super) fn place_picture(page: &mut RgbaImage, picture: &RgbaImage, x: u32, y: u32, side: u32) {
    let scaled = image::imageops::resize(picture, side, side, FilterType::Lanczos3);
    for (px, py, pixel) in scaled.enumerate_pixels() {
        let [r, g, b, a] = pixel.0;
        let over_white = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        let (tx, ty) = (x + px, y + py);
        if tx < page.width() && ty < page.height() {
            page.put_pixel(tx, ty, Rgba([over_white(r), over_white(g), over_white(b), 255]));
        }
    }
}

/// The approval sheet as an A4 image.
pub fn approval_sheet(content: &SheetContent) -> RgbaImage {
    let mut page = RgbaImage::from_pixel(SHEET_WIDTH, SHEET_HEIGHT, Rgba([255, 255, 255, 255]));
    let mut text = Typesetter::new();
    let inner = (SHEET_WIDTH - 2 * MARGIN) as f32;
    let left = MARGIN as f32;

    let brand = "Écrin";
    let brand_width = text.width(brand, 22.0);
    text.text(left + inner - brand_width, 64.0, brand, 22.0, MUTED, inner);
    let l = content.language;
    text.text(left, 56.0, &l.tr("sheet-title"), 40.0, INK, inner - brand_width - 20.0);
    let name = content.rows.first().map_or("", |r| r.value.as_str());
    text.text(left, 110.0, name, 26.0, MUTED, inner);
    rule(&mut page, MARGIN, 160, SHEET_WIDTH - 2 * MARGIN);

    // Pictures: the hero on the left, the other views stacked on the right.
    let pictures_top = 190;
    let hero_side = 700;
    place_picture(&mut page, content.hero, MARGIN, pictures_top, hero_side);
    let column = MARGIN + hero_side + 40;
    let small = SHEET_WIDTH - MARGIN - column;
    let slot = (hero_side / content.views.len().max(1) as u32).min(small + 34);
    for (index, (caption, picture)) in content.views.iter().enumerate() {
        let y = pictures_top + index as u32 * slot;
        let side = (slot - 34).min(small);
        place_picture(&mut page, picture, column + (small - side) / 2, y, side);
        let caption_width = text.width(caption, 18.0);
        text.text(
            column as f32 + (small as f32 - caption_width) / 2.0,
            (y + side + 4) as f32,
            caption,
            18.0,
            MUTED,
            small as f32,
        );
    }

    // The engraving, close up: the close-up's middle band (where its camera puts the text) across the page.
    let mut y = (pictures_top + hero_side + 40) as f32;
    if let Some((caption, close_up)) = content.engraving {
        let (width, height) = close_up.dimensions();
        let (top, rows) = (height * 33 / 100, (height * 25 / 100).max(1));
        let strip = image::imageops::crop_imm(close_up, 0, top, width, rows).to_image();
        let strip_width = SHEET_WIDTH - 2 * MARGIN;
        let strip_height = strip_width * rows / width.max(1);
        let scaled = image::imageops::resize(&strip, strip_width, strip_height, FilterType::Lanczos3);
        image::imageops::overlay(&mut page, &scaled, i64::from(MARGIN), y as i64);
        y += strip_height as f32 + 6.0;
        y += text.text(left, y, caption, 18.0, MUTED, inner) + 24.0;
    }

    // The spec table.
    let value_x = left + 250.0;
    for row in content.rows.iter().skip(1) {
        text.text(left, y, &row.label, 21.0, MUTED, 240.0);
        let height = text.text(value_x, y, &row.value, 21.0, INK, inner - 250.0);
        y += height.max(26.0) + 10.0;
        rule(&mut page, MARGIN, y as u32 - 5, SHEET_WIDTH - 2 * MARGIN);
    }

    // Signature and the small print, at the foot of the page (below the table, which the design's fields bound):
    // always there — the journal fills only what is left above them.
    let signature_y = ((SHEET_HEIGHT - 200) as f32).max(y + 30.0);

    // How the design was reached (the co-design journal), when the advisor includes it: as many of its last lines as
    // fit above the signature, each on one line, and how many came before.
    const LINE: f32 = 17.0 * 1.4;
    if !content.story.is_empty() && y + 20.0 + 40.0 + LINE < signature_y - 30.0 {
        y += 20.0;
        y += text.text(left, y, &l.tr("sheet-story"), 22.0, INK, inner) + 8.0;
        let room = ((signature_y - 30.0 - y) / (LINE + 4.0)).floor().max(1.0) as usize;
        let shown = STORY_LINES.min(content.story.len());
        let mut lines: Vec<&String> = content.story[content.story.len() - shown..].iter().collect();
        let mut earlier = content.earlier + content.story.len() - shown;
        let reserve = |earlier: usize| usize::from(earlier > 0);
        while !lines.is_empty() && lines.len() + reserve(earlier) > room {
            lines.remove(0);
            earlier += 1;
        }
        if earlier > 0 {
            let shown = crate::i18n::format::number(l, earlier as f64, 0);
            let said = crate::tr!(l, "sheet-story-earlier", count = earlier, shown = shown);
            y += text.text(left + 16.0, y, &said, 17.0, MUTED, inner - 16.0) + 4.0;
        }
        for line in lines {
            let one = text.one_line(line, 17.0, inner - 16.0);
            y += text.text(left + 16.0, y, &one, 17.0, MUTED, f32::INFINITY) + 4.0;
        }
    }

    text.text(left, signature_y, &l.tr("sheet-approved-by"), 20.0, INK, inner / 2.0);
    text.text(left + inner / 2.0 + 20.0, signature_y, &l.tr("sheet-signature-date"), 20.0, INK, inner / 2.0);
    rule(&mut page, MARGIN, signature_y as u32 + 70, (inner / 2.0) as u32 - 20);
    rule(&mut page, MARGIN + (inner / 2.0) as u32 + 20, signature_y as u32 + 70, (inner / 2.0) as u32 - 20);
    text.text(left, signature_y + 90.0, &l.tr("sheet-small-print"), 15.0, MUTED, inner);
    text.rasterise(&mut page);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dark_pixels(page: &RgbaImage, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        let mut count = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                if page.get_pixel(x, y).0[0] < 128 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_sheet_has_the_pictures_and_legible_text() {
        let red = RgbaImage::from_pixel(64, 64, Rgba([200, 30, 30, 255]));
        let row = |key: &'static str, value: &str| SpecRow { key, label: key.into(), value: value.into() };
        let rows = vec![row("spec-design", "Test ring"), row("spec-metal", "18k yellow gold, polished")];
        let content = SheetContent {
            hero: &red,
            views: vec![("Front", &red)],
            engraving: None,
            rows: &rows,
            story: &[],
            earlier: 0,
            language: Language::French,
        };
        let page = approval_sheet(&content);
        assert_eq!((page.width(), page.height()), (SHEET_WIDTH, SHEET_HEIGHT));
        // The hero picture is there, scaled.
        assert_eq!(page.get_pixel(MARGIN + 350, 190 + 350).0, [200, 30, 30, 255]);
        // The title is drawn in dark ink: a good number of dark pixels in its band, none in the empty margin.
        assert!(dark_pixels(&page, MARGIN, 56, 700, 100) > 500);
        assert_eq!(dark_pixels(&page, 0, 0, MARGIN - 10, SHEET_HEIGHT), 0);
        // The spec row's value is drawn where the table starts.
        assert!(dark_pixels(&page, MARGIN + 250, 930, 900, 960) > 100);
    }

    #[test]
    fn an_engraving_is_shown_close_up_across_the_page_before_the_table() {
        // A close-up whose middle band (where its camera puts the text) is blue, the rest grey.
        let close_up = RgbaImage::from_fn(100, 100, |_, y| {
            if (35..55).contains(&y) { Rgba([20, 40, 200, 255]) } else { Rgba([128, 128, 128, 255]) }
        });
        let red = RgbaImage::from_pixel(64, 64, Rgba([200, 30, 30, 255]));
        let row = |key: &'static str, value: &str| SpecRow { key, label: key.into(), value: value.into() };
        let rows = vec![row("spec-design", "Test ring"), row("spec-engraving", "« Toujours » en romaine")];
        let content = SheetContent {
            hero: &red,
            views: vec![("Face", &red)],
            engraving: Some(("Gravure", &close_up)),
            rows: &rows,
            story: &[],
            earlier: 0,
            language: Language::French,
        };
        let page = approval_sheet(&content);
        // The strip spans the text's width across the page, under the pictures.
        let strip_row = 190 + 700 + 40 + 60;
        for x in [MARGIN + 5, SHEET_WIDTH / 2, SHEET_WIDTH - MARGIN - 5] {
            let [r, _, b, _] = page.get_pixel(x, strip_row).0;
            assert!(b > 150 && r < 60, "the close-up's text band at ({x}, {strip_row})");
        }
        // The table moved below it (its caption under the strip, then the rows).
        let strip_end = 930 + (SHEET_WIDTH - 2 * MARGIN) * 25 / 100;
        assert!(dark_pixels(&page, MARGIN + 250, strip_end + 30, 900, strip_end + 100) > 100);
    }

    #[test]
    fn a_long_journal_never_pushes_the_signature_off_the_page() {
        let red = RgbaImage::from_pixel(64, 64, Rgba([200, 30, 30, 255]));
        let row = |key: &'static str, value: &str| SpecRow { key, label: key.into(), value: value.into() };
        let rows: Vec<SpecRow> = (0..10).map(|_| row("spec-metal", "18k yellow gold, polished")).collect();
        // One entry of 2 MB (a hand-edited preset), then seven ordinary ones; 1 240 came before.
        let mut story = vec![format!("14:02 client: {}", "Or jaune → Platine ".repeat(100_000))];
        story.extend((0..7).map(|i| format!("14:0{i} client: Or jaune 18 carats → Platine 950")));
        let content = SheetContent {
            hero: &red,
            views: vec![("Face", &red)],
            engraving: None,
            rows: &rows,
            story: &story,
            earlier: 1240,
            language: Language::French,
        };
        let started = std::time::Instant::now();
        let page = approval_sheet(&content);
        assert!(started.elapsed().as_secs() < 20, "nothing huge is laid out");
        // The signature's words and its two lines are at the foot of the page.
        let signature = SHEET_HEIGHT - 200;
        assert!(dark_pixels(&page, MARGIN, signature, MARGIN + 400, signature + 30) > 100, "« Approuvé par »");
        assert_eq!(page.get_pixel(MARGIN + 10, signature + 70).0, RULE.0, "the signature line");
        // No line of the journal runs into the right margin.
        assert_eq!(dark_pixels(&page, SHEET_WIDTH - MARGIN + 8, 0, SHEET_WIDTH, SHEET_HEIGHT), 0);
    }

    #[test]
    fn the_sheets_fonts_draw_every_sign_of_both_languages() {
        use ab_glyph::Font as _;
        // Whether a font of the family, in its order, has a glyph for a sign (what epaint falls back through).
        let covered = |definitions: &FontDefinitions, c: char| {
            definitions.families[&epaint::FontFamily::Proportional].iter().any(|name| {
                let data = &definitions.font_data[name];
                ab_glyph::FontRef::try_from_slice_and_index(&data.font, data.index).is_ok_and(|f| f.glyph_id(c).0 != 0)
            })
        };
        let sheet = fonts();
        let locales = [include_str!("../../assets/locales/en.ftl"), include_str!("../../assets/locales/fr.ftl")];
        for text in locales {
            // Every character of the messages and terms (Fluent's own syntax is ASCII): « », ’, …, ×, —.
            let missing: std::collections::BTreeSet<char> =
                text.chars().filter(|c| !c.is_control() && !covered(&sheet, *c)).collect();
            assert!(missing.is_empty(), "no glyph for {missing:?}");
        }
        // The journal's arrow, and the engraving's signs (its row on the sheet quotes the text).
        for sign in ['→', '♥', '∞', '«', '»', '’', '…'] {
            assert!(covered(&sheet, sign), "{sign}");
        }
        assert!(!covered(&FontDefinitions::default(), '→'), "egui's own fonts lack the arrow (it was a □)");
    }

    #[test]
    fn transparent_renders_sit_on_white_paper() {
        let clear = RgbaImage::from_pixel(32, 32, Rgba([0, 0, 0, 0]));
        let mut page = RgbaImage::from_pixel(100, 100, Rgba([255, 255, 255, 255]));
        place_picture(&mut page, &clear, 10, 10, 50);
        assert_eq!(page.get_pixel(30, 30).0, [255, 255, 255, 255]);
    }
}
