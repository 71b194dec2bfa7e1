//! The approval sheet as a PDF: what the PNG sheet shows (`approval::sheet::SheetContent`: the renders, the
//! engraving close up, the spec table, how the design was reached, the place to sign), with real text in the
//! client's language — selectable, searchable, printed at A4 by any reader — and the fonts embedded.

use super::PdfError;
use super::page::{A4_HEIGHT_MM, A4_WIDTH_MM, INK, MUTED, Pages, Pen, RULE, Style, Weight};
use crate::approval::sheet::{STORY_LINES, SheetContent};
use image::RgbaImage;
use std::sync::Arc;

const MARGIN: f32 = 16.0;
const TITLE: Style = Style::new(22.0, Weight::Bold, INK);
const BRAND: Style = Style::new(13.0, Weight::Regular, MUTED);
const NAME: Style = Style::new(14.0, Weight::Regular, MUTED);
const LABEL: Style = Style::new(9.5, Weight::Regular, MUTED);
const VALUE: Style = Style::new(9.5, Weight::Regular, INK);
const CAPTION: Style = Style::new(8.5, Weight::Regular, MUTED);
const HEADING: Style = Style::new(10.5, Weight::Bold, INK);
const STORY: Style = Style::new(8.0, Weight::Regular, MUTED);
const SMALL: Style = Style::new(7.5, Weight::Regular, MUTED);
const HAIRLINE: Pen = Pen { width: 0.2, colour: RULE, dash: None };
/// The engraving's strip at its tallest, mm.
const STRIP_HEIGHT: f32 = 30.0;
/// The label column of the spec table, mm.
const LABEL_WIDTH: f32 = 44.0;
/// Where the signature block starts at the latest, mm from the top (the journal fills only what is above it).
const SIGNATURE_TOP: f32 = A4_HEIGHT_MM - 40.0;

/// The approval sheet as an A4 PDF in the content's language.
pub fn approval_pdf(content: &SheetContent) -> Result<Vec<u8>, PdfError> {
    approval_pages(content).finish(&title(content), content.language.code(), crate::design::journal::now())
}

fn title(content: &SheetContent) -> String {
    let name = content.rows.first().map_or("", |r| r.value.as_str());
    format!("{} — {name}", content.language.tr("sheet-title"))
}

/// The sheet laid out (tests read its marks).
pub fn approval_pages(content: &SheetContent) -> Pages {
    let l = content.language;
    let mut pages = Pages::new();
    let inner = A4_WIDTH_MM - 2.0 * MARGIN;
    let right = A4_WIDTH_MM - MARGIN;

    pages.line_right(right, MARGIN + 2.0, BRAND, "Écrin");
    pages.line_fitting(MARGIN, MARGIN, inner - 25.0, TITLE, &l.tr("sheet-title"));
    let name = content.rows.first().map_or("", |r| r.value.as_str());
    pages.line_fitting(MARGIN, MARGIN + 10.0, inner, NAME, name);
    pages.rule([MARGIN, MARGIN + 18.0], [right, MARGIN + 18.0], HAIRLINE);

    // The hero on the left, the other views stacked on the right with their captions.
    let top = MARGIN + 22.0;
    let hero_side = 96.0;
    pages.picture([MARGIN, top, hero_side, hero_side], &Arc::new(on_paper(content.hero)));
    let column = MARGIN + hero_side + 6.0;
    let column_width = right - column;
    let slot = hero_side / content.views.len().max(1) as f32;
    for (index, (caption, picture)) in content.views.iter().enumerate() {
        let y = top + index as f32 * slot;
        let side = (slot - 5.0).min(column_width);
        let shown = pages.picture([column, y, column_width, side], &Arc::new(on_paper(picture)));
        let caption_width = CAPTION.width_mm(caption);
        pages.line(shown[0] + (shown[2] - caption_width) / 2.0, y + side + 0.5, CAPTION, caption);
    }

    // The engraving close up: its middle band (where its camera puts the text), across the page.
    let mut y = top + hero_side + 5.0;
    if let Some((caption, close_up)) = content.engraving {
        let (width, height) = close_up.dimensions();
        let (band_top, rows) = (height * 33 / 100, (height * 25 / 100).max(1));
        let strip = image::imageops::crop_imm(close_up, 0, band_top, width, rows).to_image();
        // Across the page, at most `STRIP_HEIGHT` tall (a narrower close-up is centred).
        let strip_height = (inner * rows as f32 / width.max(1) as f32).min(STRIP_HEIGHT);
        pages.picture([MARGIN, y, inner, strip_height], &Arc::new(on_paper(&strip)));
        y += strip_height + 1.0;
        y += pages.paragraph(MARGIN, y, inner, CAPTION, caption) + 3.0;
    }

    // The spec table.
    for row in content.rows.iter().skip(1) {
        pages.paragraph(MARGIN, y, LABEL_WIDTH - 2.0, LABEL, &row.label);
        let height = pages.paragraph(MARGIN + LABEL_WIDTH, y, inner - LABEL_WIDTH, VALUE, &row.value);
        y += height.max(LABEL.line_mm()) + 1.2;
        pages.rule([MARGIN, y - 0.6], [right, y - 0.6], HAIRLINE);
    }

    // How the design was reached: as many of the journal's last lines as fit above the signature (which goes on a
    // page of its own rather than off this one, should a house's long names fill it).
    let signature = if y + 6.0 <= SIGNATURE_TOP {
        SIGNATURE_TOP
    } else {
        pages.new_page();
        y = MARGIN;
        MARGIN + 10.0
    };
    if !content.story.is_empty() && y + 4.0 + HEADING.line_mm() + STORY.line_mm() < signature - 4.0 {
        y += 4.0;
        pages.line(MARGIN, y, HEADING, &l.tr("sheet-story"));
        y += HEADING.line_mm() + 1.0;
        let room = ((signature - 4.0 - y) / STORY.line_mm()).floor().max(1.0) as usize;
        let shown = STORY_LINES.min(content.story.len());
        let mut lines: Vec<&String> = content.story[content.story.len() - shown..].iter().collect();
        let mut earlier = content.earlier + content.story.len() - shown;
        while !lines.is_empty() && lines.len() + usize::from(earlier > 0) > room {
            lines.remove(0);
            earlier += 1;
        }
        if earlier > 0 {
            let shown = crate::i18n::format::number(l, earlier as f64, 0);
            let said = crate::tr!(l, "sheet-story-earlier", count = earlier, shown = shown);
            pages.line_fitting(MARGIN + 4.0, y, inner - 4.0, STORY, &said);
            y += STORY.line_mm();
        }
        for line in lines {
            pages.line_fitting(MARGIN + 4.0, y, inner - 4.0, STORY, line);
            y += STORY.line_mm();
        }
    }

    // The signature: always on the page, below everything else.
    let half = inner / 2.0 - 4.0;
    pages.line_fitting(MARGIN, signature, half, VALUE, &l.tr("sheet-approved-by"));
    pages.line_fitting(MARGIN + inner / 2.0 + 4.0, signature, half, VALUE, &l.tr("sheet-signature-date"));
    let line_y = signature + 14.0;
    let ink = Pen { width: 0.3, colour: MUTED, dash: None };
    pages.rule([MARGIN, line_y], [MARGIN + half, line_y], ink);
    pages.rule([MARGIN + inner / 2.0 + 4.0, line_y], [right, line_y], ink);
    pages.paragraph(MARGIN, line_y + 3.0, inner, SMALL, &l.tr("sheet-small-print"));
    pages
}

/// A render on white paper (a transparent background prints as the paper).
pub fn on_paper(picture: &RgbaImage) -> RgbaImage {
    let mut paper = picture.clone();
    for pixel in paper.pixels_mut() {
        let [r, g, b, a] = pixel.0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        pixel.0 = [over(r), over(g), over(b), 255];
    }
    paper
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approval::SpecRow;
    use crate::documents::page::Mark;
    use crate::i18n::Language;

    fn row(key: &'static str, label: &str, value: &str) -> SpecRow {
        SpecRow { key, label: label.into(), value: value.into() }
    }

    #[test]
    fn the_pdf_sheet_says_every_row_and_keeps_the_signature_on_the_page() {
        let red = RgbaImage::from_pixel(64, 64, image::Rgba([200, 30, 30, 255]));
        // As many rows as a full sheet has (a client, a side stone, a price: 13 after the name).
        let mut rows = vec![row("spec-design", "Nom", "Bague Toujours")];
        rows.extend((0..13).map(|i| row("spec-metal", "Métal", &format!("Or jaune 18 carats (750/1000) n° {i}"))));
        let story: Vec<String> = (0..8).map(|i| format!("14:0{i} cliente : Or jaune → Platine 950")).collect();
        let content = SheetContent {
            hero: &red,
            views: vec![("Face", &red), ("Profil", &red), ("Dessus", &red)],
            engraving: Some(("Gravure", &red)),
            rows: &rows,
            story: &story,
            earlier: 1240,
            language: Language::French,
        };
        let pages = approval_pages(&content);
        assert_eq!(pages.marks().len(), 1, "one page");
        let text = pages.text();
        for row in &rows {
            assert!(text.contains(&row.value), "{} is on the sheet", row.value);
        }
        assert!(text.contains(&Language::French.tr("sheet-approved-by")));
        // Nothing is drawn off the page or into its margins.
        for mark in &pages.marks()[0] {
            if let Mark::Text { x, top, style, text } = mark {
                let right = x + style.width_mm(text);
                assert!(*x >= MARGIN - 0.01 && right <= A4_WIDTH_MM - MARGIN + 0.01, "{text}: {x}–{right}");
                assert!(*top + style.line_mm() <= A4_HEIGHT_MM - 5.0, "{text} at {top}");
            }
        }
        let bytes = approval_pdf(&content).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
