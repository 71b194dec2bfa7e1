//! The bench sheet: what a workshop needs to make the piece the client approved, on A4 in the advisor's language —
//! the renders from above and the side with the piece's overall size; the section through the centre stone and the
//! shank (the ring's plane) and along the finger, drawn to scale and dimensioned from the Assembly itself (rays and
//! plane cuts through the metal the STL holds); the ring size in every system; the metal (alloys, finish, volume,
//! weight, what to cast with the sprue and button allowance); the stones (species, cut, size, carats, count, seat);
//! the engraving (text, lettering, where, how high and deep); the workshop's checks with their sources; the design's
//! fingerprint. Refused, like the 3D files, for a design under a hard limit.

use super::PdfError;
use super::drawing::Drawing;
use super::page::{A4_HEIGHT_MM, A4_WIDTH_MM, INK, MUTED, Pages, Pen, RULE, Style, Weight};
use crate::approval::fingerprint;
use crate::design::ring_size::{SizeSystem, inner_diameter_mm, label as size_label};
use crate::design::{Design, Species};
use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::geometry::mesh::MeshData;
use crate::geometry::rays::{crossings, first_solid};
use crate::geometry::section::{SectionPlane, convex_section, section};
use crate::i18n::{Language, format};
use crate::tr;
use crate::workshop::{Finding, checks};
use glam::{Affine3A, Vec3};
use image::RgbaImage;
use std::sync::Arc;

/// The metal melted for a casting beyond the piece's own: 10 % of the piece for its sprues and the button
/// (Romanoff International, *Casting 101 — Wax weight vs. metal weight*: weigh the wax with its sprues, add 10 % for
/// the button).
pub const CASTING_ALLOWANCE: f32 = 0.10;

const MARGIN: f32 = 16.0;
const TITLE: Style = Style::new(20.0, Weight::Bold, INK);
const BRAND: Style = Style::new(13.0, Weight::Regular, MUTED);
const NAME: Style = Style::new(13.0, Weight::Regular, MUTED);
const HEADING: Style = Style::new(10.5, Weight::Bold, INK);
const BODY: Style = Style::new(8.5, Weight::Regular, INK);
const LABEL: Style = Style::new(8.5, Weight::Regular, MUTED);
const WARNING: Style = Style::new(8.5, Weight::Bold, [0xa0, 0x3a, 0x1c]);
const HAIRLINE: Pen = Pen { width: 0.2, colour: RULE, dash: None };
const BOTTOM: f32 = A4_HEIGHT_MM - 10.0;
/// The sections' band of the page, mm: their captions, the drawings and the note under them.
const SECTIONS_HEIGHT: f32 = 92.0;

/// What the bench sheet is made from.
pub struct BenchSheet<'a> {
    pub design: &'a Design,
    /// Renders and their captions (from above, from the side).
    pub views: Vec<(String, &'a RgbaImage)>,
    /// The day it is made, as the reader writes it.
    pub date: String,
    /// The advisor's language (the workshop's).
    pub language: Language,
}

/// Why a bench sheet was not made.
#[derive(Debug, thiserror::Error)]
pub enum BenchSheetError {
    /// The design is under a hard limit: it cannot go to the bench as drawn.
    #[error("under a workshop's hard limit: {}", .0.len())]
    HardLimits(Vec<Finding>),
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

impl BenchSheetError {
    pub fn in_language(&self, l: Language) -> String {
        match self {
            BenchSheetError::HardLimits(findings) => crate::i18n::workshop::refused(l, findings),
            BenchSheetError::Pdf(error) => tr!(l, "error-cannot-write", reason = error.to_string()),
        }
    }
}

/// The bench sheet as a PDF, or why not.
pub fn bench_sheet_pdf(sheet: &BenchSheet) -> Result<Vec<u8>, BenchSheetError> {
    let hard: Vec<Finding> = checks(sheet.design).iter().copied().filter(Finding::is_hard).collect();
    if !hard.is_empty() {
        return Err(BenchSheetError::HardLimits(hard));
    }
    let l = sheet.language;
    let title = format!("{} — {}", l.tr("bench-sheet-title"), sheet.design.name);
    Ok(bench_pages(sheet).finish(&title, l.code(), crate::design::journal::now())?)
}

/// A place on the pages that moves down and onto a new page when what comes does not fit.
struct Cursor {
    y: f32,
}

impl Cursor {
    fn room(&mut self, pages: &mut Pages, height: f32) {
        if self.y + height > BOTTOM {
            pages.new_page();
            self.y = MARGIN;
        }
    }
}

/// The sheet laid out (tests read its marks).
pub fn bench_pages(sheet: &BenchSheet) -> Pages {
    let (design, l) = (sheet.design, sheet.language);
    let mut pages = Pages::new();
    let right = A4_WIDTH_MM - MARGIN;
    let inner = right - MARGIN;

    pages.line_right(right, MARGIN + 2.0, BRAND, "Écrin");
    pages.line_fitting(MARGIN, MARGIN, inner - 25.0, TITLE, &l.tr("bench-sheet-title"));
    pages.line_fitting(MARGIN, MARGIN + 9.0, inner, NAME, &design.name);
    let stamp = tr!(l, "bench-sheet-stamp", date = sheet.date.as_str(), fingerprint = fingerprint(design));
    pages.line_fitting(MARGIN, MARGIN + 15.5, inner, LABEL, &stamp);
    pages.rule([MARGIN, MARGIN + 21.0], [right, MARGIN + 21.0], HAIRLINE);
    let mut at = Cursor { y: MARGIN + 25.0 };

    // The renders, the piece's overall size, and the ring size in every system beside them.
    let side = 48.0;
    for (index, (caption, picture)) in sheet.views.iter().take(2).enumerate() {
        let x = MARGIN + index as f32 * (side + 4.0);
        let paper = Arc::new(super::approval::on_paper(picture));
        pages.picture([x, at.y, side, side], &paper);
        pages.line_fitting(x, at.y + side + 0.5, side, LABEL, caption);
    }
    let column = MARGIN + 2.0 * (side + 4.0) + 2.0;
    let mut y = at.y;
    if design.necklace.is_none() {
        pages.line(column, y, HEADING, &l.tr("spec-ring-size"));
        y += HEADING.line_mm() + 0.5;
        for system in SizeSystem::ALL {
            pages.line(column, y, LABEL, &l.term(system));
            pages.line(column + 30.0, y, BODY, &size_label(system, design.ring_size_mm));
            y += BODY.line_mm();
        }
        // The ring size is the inside circumference (EU sizes are it in mm).
        let rows = [
            ("bench-inner-diameter", format::millimetres(l, inner_diameter_mm(design.ring_size_mm), 2)),
            ("bench-circumference", format::millimetres(l, design.ring_size_mm, 2)),
        ];
        for (key, value) in rows {
            pages.line(column, y, LABEL, &l.tr(key));
            pages.line(column + 30.0, y, BODY, &value);
            y += BODY.line_mm();
        }
        y += 2.0;
    }
    let piece = Drawn::of(design);
    let overall = match (&design.necklace, piece.pendant_bounds) {
        // A pendant's own size (the chain is given by its length): across, down the bust, off it.
        (Some(necklace), Some((low, high))) => {
            let size = high - low;
            tr!(
                l,
                "bench-sheet-pendant",
                width = format::millimetres(l, size.x, 1),
                height = format::millimetres(l, size.y, 1),
                depth = format::millimetres(l, size.z, 1),
                chain = format::millimetres(l, necklace.length_mm, 0)
            )
        }
        _ => {
            let (low, high) = piece.bounds();
            let size = high - low;
            tr!(
                l,
                "bench-sheet-overall",
                width = format::millimetres(l, size.x, 1),
                depth = format::millimetres(l, size.z, 1),
                height = format::millimetres(l, size.y, 1)
            )
        }
    };
    pages.paragraph(column, y, right - column, BODY, &overall);
    at.y += side + 6.0;

    // The sections, to scale and dimensioned (a ring's).
    if design.necklace.is_none() {
        at.room(&mut pages, SECTIONS_HEIGHT);
        sections(&mut pages, &piece, l, at.y);
        at.y += SECTIONS_HEIGHT;
    }

    metal_block(&mut pages, &mut at, design, l);
    stones_block(&mut pages, &mut at, design, l);
    engraving_block(&mut pages, &mut at, design, l);
    checks_block(&mut pages, &mut at, design, l);
    pages
}

/// The piece as the sheet draws it, made once: the metal the STL holds and each stone where it is set (mm).
struct Drawn {
    metal: MeshData,
    stones: Vec<(Seat, MeshData)>,
    /// The bounds of the head's metal and the stones: a necklace's pendant without its chain.
    pendant_bounds: Option<(Vec3, Vec3)>,
}

impl Drawn {
    fn of(design: &Design) -> Drawn {
        let assembly = crate::geometry::assemble::assemble(design);
        let placed = crate::geometry::placed::placed_meshes(&assembly);
        let mut pendant_bounds: Option<(Vec3, Vec3)> = None;
        let mut stones = Vec::new();
        for part in placed {
            let (stone, head) = match part.role {
                PartRole::Stone { seat, .. } => (Some(seat), true),
                PartRole::Metal(MetalZone::Head) => (None, true),
                _ => (None, false),
            };
            if !head {
                continue;
            }
            let mesh = part.data.transformed(part.at);
            if !mesh.positions.is_empty() {
                let (low, high) = mesh.bounds();
                pendant_bounds = Some(pendant_bounds.map_or((low, high), |(l, h)| (l.min(low), h.max(high))));
            }
            if let Some(seat) = stone {
                stones.push((seat, mesh));
            }
        }
        Drawn { metal: crate::workshop::files::metal_mm(design), stones, pendant_bounds }
    }

    /// The bounds of the piece (metal and stones).
    fn bounds(&self) -> (Vec3, Vec3) {
        let (mut low, mut high) = self.metal.bounds();
        for (_, stone) in &self.stones {
            let (stone_low, stone_high) = stone.bounds();
            (low, high) = (low.min(stone_low), high.max(stone_high));
        }
        (low, high)
    }

    /// The centre stone's lowest point (its culet).
    fn culet(&self) -> Option<Vec3> {
        let (_, centre) = self.stones.iter().find(|(seat, _)| *seat == Seat::Centre)?;
        centre.positions.iter().map(|&p| Vec3::from(p)).min_by(|a, b| a.y.total_cmp(&b.y))
    }
}

/// The section in the ring's plane (through the centre stone and the shank) and along the finger, side by side.
fn sections(pages: &mut Pages, piece: &Drawn, l: Language, top: f32) {
    let (metal, stones) = (&piece.metal, &piece.stones);
    let front = SectionPlane { origin: Vec3::ZERO, u: Vec3::X, v: Vec3::Y };
    let along = SectionPlane { origin: Vec3::ZERO, u: Vec3::Z, v: Vec3::Y };
    let cut = |plane: &SectionPlane| {
        let metal_loops = section(metal, plane);
        let stone_loops: Vec<Vec<[f32; 2]>> = stones.iter().filter_map(|(_, s)| convex_section(s, plane)).collect();
        (metal_loops, stone_loops)
    };
    let (front_metal, front_stones) = cut(&front);
    let (along_metal, along_stones) = cut(&along);
    let bounds = |loops: &[&[Vec<[f32; 2]>]]| {
        let mut min = [f32::MAX; 2];
        let mut max = [f32::MIN; 2];
        for p in loops.iter().flat_map(|set| set.iter().flatten()) {
            min = [min[0].min(p[0]), min[1].min(p[1])];
            max = [max[0].max(p[0]), max[1].max(p[1])];
        }
        (min, max)
    };
    let (front_min, front_max) = bounds(&[&front_metal, &front_stones]);
    let (along_min, along_max) = bounds(&[&along_metal, &along_stones]);
    if front_min[0] > front_max[0] {
        return;
    }
    // One scale for both: the larger drawing decides.
    let height = SECTIONS_HEIGHT - 12.0;
    let area_front = [MARGIN, top + 6.0, 110.0, height];
    let area_along = [MARGIN + 114.0, top + 6.0, A4_WIDTH_MM - 2.0 * MARGIN - 114.0, height];
    let Some(fits_front) = Drawing::fitting(front_min, front_max, area_front, 10.0) else { return };
    let scale = Drawing::fitting(along_min, along_max, area_along, 10.0).map_or(fits_front.scale, |d| d.scale);
    let scale = scale.min(fits_front.scale);
    let front_drawing = Drawing::centred(front_min, front_max, area_front, scale);
    let along_drawing = Drawing::centred(along_min, along_max, area_along, scale);

    pages.line_fitting(MARGIN, top, 110.0, HEADING, &l.tr("bench-section-front"));
    pages.line_fitting(area_along[0], top, area_along[2], HEADING, &l.tr("bench-section-along"));
    let note = tr!(l, "bench-dimensions-in-mm", scale = front_drawing.scale_text(l));
    pages.line_fitting(MARGIN, top + SECTIONS_HEIGHT - 5.5, A4_WIDTH_MM - 2.0 * MARGIN, LABEL, &note);
    front_drawing.section(pages, &front_metal, &front_stones);
    along_drawing.section(pages, &along_metal, &along_stones);

    let figure = |mm: f32| format::number(l, f64::from(mm), 2);
    let band = |origin: Vec3, direction: Vec3| crossings([(metal, Affine3A::IDENTITY)], origin, direction);
    // Inside diameter across the finger's axis.
    let (right_in, left_in) = (band(Vec3::ZERO, Vec3::X).first().copied(), band(Vec3::ZERO, -Vec3::X).first().copied());
    if let (Some(r), Some(lft)) = (right_in, left_in) {
        front_drawing.dimension(pages, [-lft, 0.0], [r, 0.0], 0.0, &format!("⌀ {}", figure(r + lft)));
    }
    // The shank under the finger, and its width there.
    let far = 100.0;
    if let Some((enter, leave)) = first_solid(&band(Vec3::new(0.0, -far, 0.0), Vec3::Y)) {
        let (outside, inside) = (-far + enter, -far + leave);
        front_drawing.dimension(pages, [0.0, outside], [0.0, inside], 0.0, &figure(leave - enter));
        let middle = (outside + inside) / 2.0;
        if let Some((a, b)) = first_solid(&band(Vec3::new(0.0, middle, -far), Vec3::Z)) {
            let (z0, z1) = (-far + a, -far + b);
            along_drawing.dimension(pages, [z1, outside], [z0, outside], 6.0, &figure(b - a));
        }
    }
    // The overall height, and the culet's clearance above the finger.
    front_drawing.dimension(
        pages,
        [front_min[0], front_min[1]],
        [front_min[0], front_max[1]],
        6.0,
        &figure(front_max[1] - front_min[1]),
    );
    if let (Some(culet), Some(&inside_top)) = (piece.culet(), band(Vec3::ZERO, Vec3::Y).first())
        && culet.y > inside_top
    {
        let clearance = figure(culet.y - inside_top);
        front_drawing.dimension(pages, [culet.x, inside_top], [culet.x, culet.y], 0.0, &clearance);
    }
    // The head's width along the finger.
    if along_max[0] > along_min[0] {
        along_drawing.dimension(
            pages,
            [along_min[0], along_max[1]],
            [along_max[0], along_max[1]],
            5.0,
            &figure(along_max[0] - along_min[0]),
        );
    }
}

/// Label–value rows under a heading.
fn rows(pages: &mut Pages, at: &mut Cursor, heading: &str, rows: &[(String, String)]) {
    let inner = A4_WIDTH_MM - 2.0 * MARGIN;
    at.room(pages, HEADING.line_mm() + BODY.line_mm() * rows.len().min(3) as f32 + 4.0);
    pages.line(MARGIN, at.y, HEADING, heading);
    at.y += HEADING.line_mm() + 0.8;
    for (label, value) in rows {
        at.room(pages, BODY.line_mm());
        pages.paragraph(MARGIN, at.y, 48.0, LABEL, label);
        let height = pages.paragraph(MARGIN + 50.0, at.y, inner - 50.0, BODY, value);
        at.y += height + 0.6;
    }
    at.y += 3.0;
}

fn metal_block(pages: &mut Pages, at: &mut Cursor, design: &Design, l: Language) {
    let list = crate::workshop::files::bench_list(design);
    let metal = crate::approval::metal_text(l, design);
    let weights = crate::estimate::weights(design);
    let mut lines = vec![
        (l.tr("spec-metal"), metal),
        (
            l.tr("bench-metal-volume"),
            tr!(l, "bench-cubic-mm", volume = format::number(l, f64::from(list.metal.volume_mm3), 1)),
        ),
    ];
    if weights.solid {
        let grams = weights.metal_grams();
        let cast = grams * (1.0 + CASTING_ALLOWANCE);
        lines.push((l.tr("spec-metal-weight"), format::grams(l, grams)));
        lines.push((
            l.tr("bench-metal-cast"),
            tr!(
                l,
                "bench-metal-cast-value",
                grams = format::grams(l, cast),
                percent = format::number(l, f64::from(CASTING_ALLOWANCE * 100.0), 0)
            ),
        ));
    } else {
        lines.push((l.tr("spec-metal-weight"), l.tr("spec-weight-unavailable")));
    }
    rows(pages, at, &l.tr("bench-sheet-metal"), &lines);
}

fn stones_block(pages: &mut Pages, at: &mut Cursor, design: &Design, l: Language) {
    let stones = crate::workshop::files::stones(design);
    if stones.is_empty() {
        return;
    }
    // Alike stones in one line: the seat, species, cut and size the setter orders by.
    let mut groups: Vec<(Seat, Species, crate::design::Cut, f32, usize, f32, [f32; 3])> = Vec::new();
    for stone in &stones {
        let size = (stone.size_mm * 100.0).round() / 100.0;
        match groups.iter_mut().find(|g| g.0 == stone.seat && g.1 == stone.species && g.2 == stone.cut && g.3 == size) {
            Some(group) => {
                group.4 += 1;
                group.5 += stone.carats;
            }
            None => groups.push((stone.seat, stone.species, stone.cut, size, 1, stone.carats, stone.position_mm)),
        }
    }
    let lines: Vec<(String, String)> = groups
        .iter()
        .map(|&(seat, species, cut, size, count, carats, position)| {
            let seat_words = l.tr(match seat {
                Seat::Centre => "bench-seat-centre",
                Seat::Head => "bench-seat-head",
                Seat::Band => "bench-seat-band",
            });
            let mut value = tr!(
                l,
                "bench-stone-line",
                count = count,
                species = l.term(species),
                cut = l.term(cut).to_lowercase(),
                size = format::millimetres(l, size, 2),
                carats = if carats.is_finite() { format::carats(l, carats) } else { l.tr("bench-carats-unknown") }
            );
            if seat == Seat::Centre {
                let [x, y, z] = position.map(|c| format::number(l, f64::from(c), 2));
                value =
                    tr!(l, "bench-stone-centre", stone = value, setting = l.term(design.setting), x = x, y = y, z = z);
            }
            (seat_words, value)
        })
        .collect();
    rows(pages, at, &l.tr("bench-sheet-stones"), &lines);
}

fn engraving_block(pages: &mut Pages, at: &mut Cursor, design: &Design, l: Language) {
    if design.necklace.is_some() || design.engraving.trim().is_empty() {
        return;
    }
    let band = crate::estimate::band_width_mm(design).unwrap_or(crate::geometry::shank::BAND_WIDTH_MM);
    let map =
        crate::geometry::engraving::engraving_map(&design.engraving, design.engraving_style, design.ring_size_mm, band);
    let mut lines = vec![
        (l.tr("bench-engraving-text"), tr!(l, "bench-quoted", text = design.engraving.trim())),
        (l.tr("bench-engraving-lettering"), l.term(design.engraving_style)),
        (l.tr("bench-engraving-where"), l.tr("bench-engraving-inside")),
    ];
    if let Some(map) = map {
        lines.push((
            l.tr("bench-engraving-size"),
            tr!(
                l,
                "bench-engraving-size-value",
                height = format::millimetres(l, map.letter_height_mm, 2),
                length = format::millimetres(l, map.u_max - map.u_min, 1),
                depth = format::millimetres(l, crate::geometry::engraving::DEPTH_MM, 2)
            ),
        ));
    }
    rows(pages, at, &l.tr("spec-engraving"), &lines);
}

fn checks_block(pages: &mut Pages, at: &mut Cursor, design: &Design, l: Language) {
    let findings = checks(design);
    let inner = A4_WIDTH_MM - 2.0 * MARGIN;
    at.room(pages, HEADING.line_mm() + 3.0 * BODY.line_mm());
    pages.line(MARGIN, at.y, HEADING, &l.tr("workshop-title"));
    at.y += HEADING.line_mm() + 0.8;
    if findings.is_empty() {
        pages.paragraph(MARGIN, at.y, inner, BODY, &l.tr("workshop-not-checked"));
        at.y += BODY.line_mm();
    }
    for finding in findings.iter() {
        let style = if finding.broken.is_some() { WARNING } else { BODY };
        let text = finding.in_language(l);
        let height = crate::documents::page::wrap(style, &text, inner).len() as f32 * style.line_mm();
        at.room(pages, height);
        at.y += pages.paragraph(MARGIN, at.y, inner, style, &text) + 0.4;
    }
    at.room(pages, 2.0 * LABEL.line_mm());
    at.y += 2.0;
    let sources: Vec<String> = [crate::workshop::limits::Source::Stuller, crate::workshop::limits::Source::Gemwares]
        .iter()
        .map(|s| l.tr(s.key()))
        .collect();
    pages.paragraph(MARGIN, at.y, inner, LABEL, &tr!(l, "bench-sources", sources = sources.join(" ; ")));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::page::Mark;

    fn sheet(design: &Design, language: Language) -> Pages {
        bench_pages(&BenchSheet { design, views: Vec::new(), date: "2026-12-06".into(), language })
    }

    fn presets() -> Vec<Design> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
        crate::design::preset::list(&folder)
            .iter()
            .filter_map(|path| crate::design::preset::load(path).ok())
            .filter(|design| design.source.collection().is_none())
            .collect()
    }

    #[test]
    fn the_sections_inside_diameter_is_the_ring_sizes_and_every_line_stays_on_the_page() {
        let designs = presets();
        assert!(designs.len() >= 5, "the shipped presets");
        for design in designs.iter().filter(|d| d.necklace.is_none()) {
            let pages = sheet(design, Language::English);
            let text = pages.text();
            // The inside diameter across the section, measured by rays through the metal, is the ring size's.
            let expected = inner_diameter_mm(design.ring_size_mm);
            let figure = text.lines().find_map(|line| line.strip_prefix("⌀ ")).expect("the inside diameter");
            let drawn: f32 = figure.parse().expect("a figure");
            assert!((drawn - expected).abs() < 0.05, "{}: ⌀ {drawn} for {expected}", design.name);
            assert!(text.contains(&fingerprint(design)), "{}", design.name);
            // The section is drawn: metal filled, stones outlined.
            let outlines = pages.marks().iter().flatten().filter(|m| matches!(m, Mark::Outline { .. })).count();
            assert!(outlines >= 2, "{}", design.name);
            for mark in pages.marks().iter().flatten() {
                if let Mark::Text { x, top, style, text } = mark {
                    let right = x + style.width_mm(text);
                    assert!(*x >= 0.0 && right <= A4_WIDTH_MM - 5.0, "{}: {text} at {x}–{right}", design.name);
                    assert!(*top >= 0.0 && top + style.line_mm() <= A4_HEIGHT_MM - 5.0, "{text} at {top}");
                }
            }
        }
    }

    #[test]
    fn the_sheet_names_the_stones_the_metal_to_cast_and_the_engraving_in_the_advisors_language() {
        let design = Design { engraving: "Toujours".into(), ..Design::default() };
        let text = sheet(&design, Language::French).text();
        for words in [
            "Fiche d’atelier",
            "Coupe par la pierre de centre et l’anneau",
            "Diamètre intérieur",
            "Pierres à sertir",
            "1 × Diamant",
            "Métal à couler",
            "«\u{a0}Toujours\u{a0}»",
            "Contrôles d’atelier",
            "Stuller",
        ] {
            assert!(text.contains(words), "{words}: {text}");
        }
        // What to cast is the piece's weight and the allowance.
        let grams = crate::estimate::weights(&design).metal_grams();
        let cast = format::grams(Language::French, grams * 1.1);
        assert!(text.contains(&cast), "{cast}: {text}");
        // A halo's small stones are one line with their count.
        let halo = Design { setting: crate::design::Setting::Halo, ..Design::default() };
        let count = crate::workshop::files::stones(&halo).iter().filter(|s| s.seat == Seat::Head).count();
        let text = sheet(&halo, Language::English).text();
        assert!(count > 8 && text.contains(&format!("{count} × Diamond")), "{count}: {text}");
    }

    #[test]
    fn a_design_under_a_hard_limit_gets_no_bench_sheet() {
        let small = Design { setting: crate::design::Setting::SixProng, ..Design::default() };
        let small = Design { stone: crate::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
        let refused = bench_sheet_pdf(&BenchSheet {
            design: &small,
            views: Vec::new(),
            date: String::new(),
            language: Language::English,
        });
        let Err(error) = refused else { panic!("refused") };
        assert!(error.in_language(Language::English).contains("Gemwares"), "{error}");
        let made = bench_sheet_pdf(&BenchSheet {
            design: &Design::default(),
            views: Vec::new(),
            date: String::new(),
            language: Language::English,
        });
        assert!(made.is_ok_and(|bytes| bytes.starts_with(b"%PDF-")));
    }
}
