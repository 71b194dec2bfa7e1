//! A4 pages laid out in millimetres and written as PDF: text in the shipped DejaVu Sans Condensed (regular and
//! bold), embedded subsetted with its Unicode map so that every word can be selected and searched; rules, dimension
//! lines, filled outlines and pictures. What is drawn is first kept as marks (plain data: tests read them), then
//! written by krilla in `finish`. Text is measured with rustybuzz, the shaper krilla draws it with, so a line wrapped
//! here is the line printed.

use super::PdfError;
use image::RgbaImage;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use std::sync::{Arc, OnceLock};

/// A4 portrait, mm.
pub const A4_WIDTH_MM: f32 = 210.0;
pub const A4_HEIGHT_MM: f32 = 297.0;
/// Points (the PDF's unit) in a millimetre.
const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// A line of text takes this many times its size.
const LINE_SPACING: f32 = 1.3;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// The ink of the pages (the PNG sheet's).
pub const INK: [u8; 3] = [0x22, 0x20, 0x1e];
pub const MUTED: [u8; 3] = [0x77, 0x72, 0x6c];
pub const RULE: [u8; 3] = [0xd8, 0xd2, 0xca];

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }

    fn face(self) -> &'static rustybuzz::Face<'static> {
        static FACES: OnceLock<[rustybuzz::Face<'static>; 2]> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            // The shipped fonts are read at build time; a font that does not parse is a broken build, found by tests.
            let face = |bytes| rustybuzz::Face::from_slice(bytes, 0).expect("the shipped DejaVu fonts parse");
            [face(REGULAR), face(BOLD)]
        });
        &faces[self as usize]
    }
}

/// How a piece of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Points.
    pub size: f32,
    pub weight: Weight,
    pub colour: [u8; 3],
}

impl Style {
    pub const fn new(size: f32, weight: Weight, colour: [u8; 3]) -> Style {
        Style { size, weight, colour }
    }

    /// The height of one line, mm.
    pub fn line_mm(self) -> f32 {
        self.size * LINE_SPACING / POINTS_PER_MM
    }

    /// The width of `text` on one line, mm.
    pub fn width_mm(self, text: &str) -> f32 {
        let face = self.weight.face();
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 / f32::from(face.units_per_em() as u16) * self.size / POINTS_PER_MM
    }

    /// From the top of a line to its baseline, mm.
    fn ascent_mm(self) -> f32 {
        let face = self.weight.face();
        f32::from(face.ascender()) / face.units_per_em() as f32 * self.size / POINTS_PER_MM
    }
}

/// A stroke's look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    /// mm.
    pub width: f32,
    pub colour: [u8; 3],
    /// Dashes and gaps, mm (none: a solid line).
    pub dash: Option<f32>,
}

/// One thing drawn on a page, in mm from the page's top-left corner.
#[derive(Clone, Debug)]
pub enum Mark {
    /// One line of text; `top` is the top of its line.
    Text { x: f32, top: f32, style: Style, text: String },
    /// A straight line.
    Line { from: [f32; 2], to: [f32; 2], pen: Pen },
    /// Closed outlines, filled by the non-zero rule (overlapping parts make one area) and/or stroked.
    Outline { loops: Vec<Vec<[f32; 2]>>, fill: Option<[u8; 3]>, pen: Option<Pen> },
    /// A picture in a rectangle (x, y, width, height), transparent pixels on the paper.
    Picture { rect: [f32; 4], picture: Arc<RgbaImage> },
}

/// Pages being laid out.
#[derive(Default)]
pub struct Pages {
    pages: Vec<Vec<Mark>>,
}

impl Pages {
    /// A first, empty page.
    pub fn new() -> Pages {
        Pages { pages: vec![Vec::new()] }
    }

    /// Starts a new page; what follows is drawn on it.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    /// The marks of every page (tests read what a page says).
    pub fn marks(&self) -> &[Vec<Mark>] {
        &self.pages
    }

    /// Every line of text, in order (what a reader extracts).
    pub fn text(&self) -> String {
        let mut lines = Vec::new();
        for mark in self.pages.iter().flatten() {
            if let Mark::Text { text, .. } = mark {
                lines.push(text.as_str());
            }
        }
        lines.join("\n")
    }

    fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// One line of text at (x, top); returns its width, mm.
    pub fn line(&mut self, x: f32, top: f32, style: Style, text: &str) -> f32 {
        let text = text.lines().next().unwrap_or("").to_string();
        let width = style.width_mm(&text);
        if !text.trim().is_empty() {
            self.mark(Mark::Text { x, top, style, text });
        }
        width
    }

    /// One line of text whose right end is at `right`.
    pub fn line_right(&mut self, right: f32, top: f32, style: Style, text: &str) {
        let width = style.width_mm(text);
        self.line(right - width, top, style, text);
    }

    /// Text wrapped at `width` (at spaces; a word longer than the line is cut); returns the height it takes, mm.
    pub fn paragraph(&mut self, x: f32, top: f32, width: f32, style: Style, text: &str) -> f32 {
        let lines = wrap(style, text, width);
        for (index, line) in lines.iter().enumerate() {
            self.line(x, top + index as f32 * style.line_mm(), style, line);
        }
        lines.len().max(1) as f32 * style.line_mm()
    }

    /// `text` on one line no wider than `width`: cut at the last character that fits, with "…".
    pub fn line_fitting(&mut self, x: f32, top: f32, width: f32, style: Style, text: &str) {
        let first = text.lines().next().unwrap_or("");
        let fitted = fit_one_line(style, first, width, first.len() < text.len());
        self.line(x, top, style, &fitted);
    }

    pub fn rule(&mut self, from: [f32; 2], to: [f32; 2], pen: Pen) {
        self.mark(Mark::Line { from, to, pen });
    }

    pub fn outline(&mut self, loops: Vec<Vec<[f32; 2]>>, fill: Option<[u8; 3]>, pen: Option<Pen>) {
        if loops.iter().any(|l| l.len() >= 2) {
            self.mark(Mark::Outline { loops, fill, pen });
        }
    }

    /// A picture fitted into a box (x, y, width, height), centred, its proportions kept; returns where it went.
    pub fn picture(&mut self, area: [f32; 4], picture: &Arc<RgbaImage>) -> [f32; 4] {
        let [x, y, width, height] = area;
        let (w, h) = (picture.width().max(1) as f32, picture.height().max(1) as f32);
        let scale = (width / w).min(height / h);
        let (shown_w, shown_h) = (w * scale, h * scale);
        let rect = [x + (width - shown_w) / 2.0, y + (height - shown_h) / 2.0, shown_w, shown_h];
        self.mark(Mark::Picture { rect, picture: picture.clone() });
        rect
    }

    /// The pages as a PDF/A-2b file: `title`, `language` (BCP 47) and the time it is made (seconds since 1970, UTC)
    /// in its metadata.
    pub fn finish(self, title: &str, language: &str, made_at: u64) -> Result<Vec<u8>, PdfError> {
        use krilla::configure::{Archival, ConfigurationBuilder};
        let configuration = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_B)
            .finish()
            .map_err(|error| PdfError::Writer(format!("{error:?}")))?;
        let settings = krilla::SerializeSettings { configuration, ..krilla::SerializeSettings::default() };
        let mut document = Document::new_with(settings);
        let fonts = [Weight::Regular, Weight::Bold].map(|weight| Font::new(weight.bytes().into(), 0));
        let [Some(regular), Some(bold)] = fonts else {
            return Err(PdfError::Fonts);
        };
        let size =
            Size::from_wh(A4_WIDTH_MM * POINTS_PER_MM, A4_HEIGHT_MM * POINTS_PER_MM).ok_or(PdfError::PageSize)?;
        for marks in &self.pages {
            let mut page = document.start_page_with(PageSettings::new(size));
            let mut surface = page.surface();
            surface.push_transform(&Transform::from_scale(POINTS_PER_MM, POINTS_PER_MM));
            for mark in marks {
                match mark {
                    Mark::Text { x, top, style, text } => {
                        let font = if style.weight == Weight::Bold { bold.clone() } else { regular.clone() };
                        surface.set_fill(Some(fill(style.colour)));
                        surface.set_stroke(None);
                        let baseline = Point::from_xy(*x, top + style.ascent_mm());
                        // Sizes are in points; the page is scaled to millimetres.
                        surface.draw_text(baseline, font, style.size / POINTS_PER_MM, text, false, TextDirection::Auto);
                    }
                    Mark::Line { from, to, pen } => {
                        let mut builder = PathBuilder::new();
                        builder.move_to(from[0], from[1]);
                        builder.line_to(to[0], to[1]);
                        if let Some(path) = builder.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(stroke(*pen)));
                            surface.draw_path(&path);
                        }
                    }
                    Mark::Outline { loops, fill: inside, pen } => {
                        let mut builder = PathBuilder::new();
                        for points in loops.iter().filter(|l| l.len() >= 2) {
                            builder.move_to(points[0][0], points[0][1]);
                            for point in &points[1..] {
                                builder.line_to(point[0], point[1]);
                            }
                            builder.close();
                        }
                        if let Some(path) = builder.finish() {
                            surface.set_fill(inside.map(|colour| Fill { rule: FillRule::NonZero, ..fill(colour) }));
                            surface.set_stroke(pen.map(stroke));
                            surface.draw_path(&path);
                        }
                    }
                    Mark::Picture { rect, picture } => {
                        let [x, y, width, height] = *rect;
                        let image = krilla::image::Image::from_rgba8(
                            picture.as_raw().clone(),
                            picture.width(),
                            picture.height(),
                        );
                        if let Some(size) = Size::from_wh(width, height) {
                            surface.push_transform(&Transform::from_translate(x, y));
                            surface.draw_image(image, size);
                            surface.pop();
                        }
                    }
                }
            }
            surface.pop();
            surface.finish();
            page.finish();
        }
        let (year, month, day) = crate::i18n::format::civil_date(made_at);
        let time = made_at % 86_400;
        let date = krilla::metadata::DateTime::new(u16::try_from(year).unwrap_or(1970))
            .month(month)
            .day(day)
            .hour((time / 3600) as u8)
            .minute((time / 60 % 60) as u8)
            .second((time % 60) as u8)
            .utc_offset_hour(0)
            .utc_offset_minute(0);
        let metadata = krilla::metadata::Metadata::new()
            .creation_date(date)
            .title(title.to_string())
            .language(language.to_string())
            .creator("Écrin".to_string());
        document.set_metadata(metadata);
        document.finish().map_err(|error| PdfError::Writer(format!("{error:?}")))
    }
}

fn fill(colour: [u8; 3]) -> Fill {
    Fill {
        paint: rgb::Color::new(colour[0], colour[1], colour[2]).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        paint: rgb::Color::new(pen.colour[0], pen.colour[1], pen.colour[2]).into(),
        width: pen.width,
        line_cap: LineCap::Butt,
        dash: pen.dash.map(|length| StrokeDash { array: vec![length, length * 0.6], offset: 0.0 }),
        ..Stroke::default()
    }
}

/// `text` cut into lines no wider than `width`.
pub fn wrap(style: Style, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if style.width_mm(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word longer than the line is cut where it fits.
            let mut rest: Vec<char> = word.chars().collect();
            while style.width_mm(&rest.iter().collect::<String>()) > width && rest.len() > 1 {
                let fits = longest_start(style, &rest, width, "").max(1);
                lines.push(rest[..fits].iter().collect());
                rest.drain(..fits);
            }
            line = rest.into_iter().collect();
        }
        lines.push(line);
    }
    lines
}

/// How many of `chars`, followed by `tail`, fit in `width` (found by halving).
fn longest_start(style: Style, chars: &[char], width: f32, tail: &str) -> usize {
    let (mut fits, mut over) = (0, chars.len() + 1);
    while over - fits > 1 {
        let middle = (fits + over) / 2;
        let candidate: String = chars[..middle].iter().collect::<String>() + tail;
        if style.width_mm(&candidate) <= width { fits = middle } else { over = middle }
    }
    fits
}

/// One line no wider than `width`, cut with "…" (also when `cut` says more came after it).
fn fit_one_line(style: Style, text: &str, width: f32, cut: bool) -> String {
    // Nothing huge is ever measured: a line is first cut to what a page's width could hold.
    let chars: Vec<char> = text.chars().take(400).collect();
    let cut = cut || chars.len() < text.chars().count();
    let whole: String = chars.iter().collect();
    if !cut && style.width_mm(&whole) <= width {
        return whole;
    }
    let fits = longest_start(style, &chars, width, "…");
    chars[..fits].iter().collect::<String>() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::new(10.0, Weight::Regular, INK);

    #[test]
    fn text_is_measured_as_it_is_printed() {
        // 10 pt DejaVu Sans Condensed: an "M" is 0.78 em wide there (its hmtx), 10 pt = 3.53 mm.
        let m = BODY.width_mm("M");
        assert!((m - 0.78 * 10.0 / POINTS_PER_MM).abs() < 0.2, "{m}");
        assert!(BODY.width_mm("MM") > 1.9 * m);
        assert!(Style { weight: Weight::Bold, ..BODY }.width_mm("Bague") > BODY.width_mm("Bague"));
    }

    #[test]
    fn paragraphs_wrap_at_their_width_and_long_words_are_cut() {
        let text = "Or jaune 18 carats (750/1000), poli miroir, avec une très longue ligne de mots";
        for width in [30.0, 60.0, 120.0] {
            let lines = wrap(BODY, text, width);
            assert!(lines.iter().all(|line| BODY.width_mm(line) <= width), "{width}: {lines:?}");
            assert_eq!(lines.join(" "), text, "no word is lost");
        }
        let long = "x".repeat(300);
        let lines = wrap(BODY, &long, 40.0);
        assert!(lines.len() > 3 && lines.iter().all(|line| BODY.width_mm(line) <= 40.0));
        assert_eq!(lines.concat(), long);
    }

    #[test]
    fn a_line_too_long_is_cut_with_an_ellipsis() {
        let line = fit_one_line(BODY, &"Platine 950 → Or jaune ".repeat(50_000), 80.0, false);
        assert!(line.ends_with('…') && BODY.width_mm(&line) <= 80.0, "{line}");
        assert_eq!(fit_one_line(BODY, "Court", 80.0, false), "Court");
    }

    #[test]
    fn the_pages_make_a_pdf_with_its_words() {
        let mut pages = Pages::new();
        pages.line(20.0, 20.0, BODY, "Fiche d’atelier — « Toujours » ♥ ∞ → 0,60 mm");
        pages.rule([20.0, 30.0], [190.0, 30.0], Pen { width: 0.2, colour: RULE, dash: None });
        pages.outline(vec![vec![[20.0, 40.0], [40.0, 40.0], [30.0, 60.0]]], Some(MUTED), None);
        let picture = Arc::new(RgbaImage::from_pixel(4, 4, image::Rgba([200, 30, 30, 255])));
        pages.picture([50.0, 40.0, 40.0, 20.0], &picture);
        pages.new_page();
        pages.line(20.0, 20.0, BODY, "Page 2");
        let bytes = pages.finish("Fiche", "fr", 1_796_000_000).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("pdfaid:part"), "it says it is PDF/A");
        assert!(text.contains("/Type /Page") || text.contains("/Type/Page"), "pages");
    }
}
