//! Drawings for the bench: a piece cut by a plane (its metal filled, its stones outlined, as a section is drawn),
//! to a standard scale chosen to fit its place on the page, and dimension lines — extension lines, arrows and the
//! figure in millimetres — on what was measured.

use super::page::{INK, MUTED, Pages, Pen, Style, Weight};

/// The scales a drawing is made at (page mm per piece mm): the usual enlargements of jewellery drawings.
pub const SCALES: [f32; 8] = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0];

const METAL_FILL: [u8; 3] = [0xc9, 0xc3, 0xba];
const STONE_PEN: Pen = Pen { width: 0.2, colour: [0x4a, 0x6a, 0x8a], dash: Some(0.8) };
const CUT_PEN: Pen = Pen { width: 0.25, colour: INK, dash: None };
const DIMENSION_PEN: Pen = Pen { width: 0.15, colour: INK, dash: None };
const EXTENSION_PEN: Pen = Pen { width: 0.1, colour: MUTED, dash: None };
pub const FIGURE: Style = Style::new(7.0, Weight::Regular, INK);
/// Arrowheads, mm on the page.
const ARROW: f32 = 1.4;

/// Where a drawing is on the page: piece point (0, 0) at `origin`, `scale` page mm per piece mm, up the piece is up
/// the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drawing {
    pub origin: [f32; 2],
    pub scale: f32,
}

impl Drawing {
    /// The largest standard scale at which what spans `min`–`max` (piece mm) fits in `area` (x, y, width, height on
    /// the page) with `room` mm left on every side for the dimensions, centred there; None when not even 1:1 fits.
    pub fn fitting(min: [f32; 2], max: [f32; 2], area: [f32; 4], room: f32) -> Option<Drawing> {
        let [_, _, width, height] = area;
        let (span_x, span_y) = ((max[0] - min[0]).max(1e-3), (max[1] - min[1]).max(1e-3));
        let scale = SCALES
            .iter()
            .rev()
            .copied()
            .find(|s| span_x * s <= width - 2.0 * room && span_y * s <= height - 2.0 * room)?;
        Some(Drawing::centred(min, max, area, scale))
    }

    /// What spans `min`–`max` (piece mm) at `scale`, centred in `area`.
    pub fn centred(min: [f32; 2], max: [f32; 2], area: [f32; 4], scale: f32) -> Drawing {
        let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
        let middle = [area[0] + area[2] / 2.0, area[1] + area[3] / 2.0];
        Drawing { origin: [middle[0] - centre[0] * scale, middle[1] + centre[1] * scale], scale }
    }

    /// Where a piece point is on the page.
    pub fn at(&self, point: [f32; 2]) -> [f32; 2] {
        [self.origin[0] + point[0] * self.scale, self.origin[1] - point[1] * self.scale]
    }

    /// The scale as a drawing says it: "2.5:1".
    pub fn scale_text(&self, language: crate::i18n::Language) -> String {
        let digits = if self.scale.fract() == 0.0 { 0 } else { 1 };
        format!("{}:1", crate::i18n::format::number(language, f64::from(self.scale), digits))
    }

    /// The section: the metal's loops filled (overlapping parts as one), the stones' outlined.
    pub fn section(&self, pages: &mut Pages, metal: &[Vec<[f32; 2]>], stones: &[Vec<[f32; 2]>]) {
        let on_page = |loops: &[Vec<[f32; 2]>]| -> Vec<Vec<[f32; 2]>> {
            loops.iter().map(|l| l.iter().map(|&p| self.at(p)).collect()).collect()
        };
        pages.outline(on_page(metal), Some(METAL_FILL), Some(CUT_PEN));
        pages.outline(on_page(stones), None, Some(STONE_PEN));
    }

    /// A dimension between two piece points, its line `offset` page mm to their left (seen from `a` to `b`; 0: on
    /// the points themselves), with extension lines, arrows and `figure` beside its middle.
    pub fn dimension(&self, pages: &mut Pages, a: [f32; 2], b: [f32; 2], offset: f32, figure: &str) {
        let (pa, pb) = (self.at(a), self.at(b));
        let along = [pb[0] - pa[0], pb[1] - pa[1]];
        let length = (along[0] * along[0] + along[1] * along[1]).sqrt();
        if length < 1e-3 {
            return;
        }
        let unit = [along[0] / length, along[1] / length];
        // The page's y runs down: the left of a→b is (y, −x).
        let left = [unit[1], -unit[0]];
        let shift = |p: [f32; 2], by: f32| [p[0] + left[0] * by, p[1] + left[1] * by];
        let (da, db) = (shift(pa, offset), shift(pb, offset));
        if offset.abs() > 0.0 {
            let beyond = offset + offset.signum() * 1.0;
            pages.rule(shift(pa, offset.signum() * 0.8), shift(pa, beyond), EXTENSION_PEN);
            pages.rule(shift(pb, offset.signum() * 0.8), shift(pb, beyond), EXTENSION_PEN);
        }
        pages.rule(da, db, DIMENSION_PEN);
        // Arrowheads pointing out to the ends (inside when there is room, as drawings do).
        for (tip, direction) in [(da, [-unit[0], -unit[1]]), (db, unit)] {
            let back = [tip[0] - direction[0] * ARROW, tip[1] - direction[1] * ARROW];
            let side = [direction[1] * ARROW * 0.3, -direction[0] * ARROW * 0.3];
            let head = vec![tip, [back[0] + side[0], back[1] + side[1]], [back[0] - side[0], back[1] - side[1]]];
            pages.outline(vec![head], Some(INK), None);
        }
        // The figure beside the middle: above a line across the page, to the side of one up it.
        let middle = [(da[0] + db[0]) / 2.0, (da[1] + db[1]) / 2.0];
        let width = FIGURE.width_mm(figure);
        if unit[0].abs() >= unit[1].abs() {
            pages.line(middle[0] - width / 2.0, middle[1] - FIGURE.line_mm() - 0.2, FIGURE, figure);
        } else if offset < 0.0 {
            pages.line(middle[0] + 1.0, middle[1] - FIGURE.line_mm() / 2.0, FIGURE, figure);
        } else {
            pages.line(middle[0] - width - 1.0, middle[1] - FIGURE.line_mm() / 2.0, FIGURE, figure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::page::Mark;

    #[test]
    fn a_drawing_takes_the_largest_standard_scale_that_fits() {
        // A ring 21 × 27 mm in a box 80 × 90 mm with 8 mm of room: 2.5:1 (52.5 × 67.5) fits, 3:1 (81 high) does not.
        let drawing = Drawing::fitting([-10.5, -10.5], [10.5, 16.5], [10.0, 20.0, 80.0, 90.0], 8.0).expect("fits");
        assert_eq!(drawing.scale, 2.5);
        // The piece's centre is the box's.
        let centre = drawing.at([0.0, 3.0]);
        assert!((centre[0] - 50.0).abs() < 1e-4 && (centre[1] - 65.0).abs() < 1e-4, "{centre:?}");
        // Up the piece is up the page.
        assert!(drawing.at([0.0, 10.0])[1] < drawing.at([0.0, 0.0])[1]);
        assert_eq!(Drawing::fitting([0.0, 0.0], [300.0, 10.0], [0.0, 0.0, 200.0, 200.0], 5.0), None);
    }

    #[test]
    fn a_dimension_says_its_figure_between_its_arrows() {
        let drawing = Drawing { origin: [100.0, 100.0], scale: 2.0 };
        let mut pages = Pages::new();
        drawing.dimension(&mut pages, [-8.0, 0.0], [8.0, 0.0], 0.0, "⌀ 16,00");
        let marks = &pages.marks()[0];
        let line = marks.iter().find_map(|m| match m {
            Mark::Line { from, to, .. } => Some((*from, *to)),
            _ => None,
        });
        assert_eq!(line, Some(([84.0, 100.0], [116.0, 100.0])), "16 mm at 2:1 is 32 mm on the page");
        let arrows = marks.iter().filter(|m| matches!(m, Mark::Outline { .. })).count();
        assert_eq!(arrows, 2);
        assert_eq!(pages.text(), "⌀ 16,00");
    }
}
