//! Small egui pieces every panel may use: a metal's swatch colour, a number field that reads and writes numbers as
//! the language does, a section's title, the status line; and what the egui panels leave to the 3D view.

use super::StatusLine;
use crate::design::Alloy;
use crate::i18n::{Language, format};
use bevy::prelude::Resource;
use bevy_egui::egui::{self, Color32, Rgba, RichText};

/// What the panels drawn this frame take from the window, in egui points: the side panel's width on the left, the
/// top of the client's strip at the bottom (`f32::INFINITY` when there is none). The 3D view gets the rest.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct PanelSpace {
    pub left: f32,
    pub bottom_edge: f32,
}

impl Default for PanelSpace {
    fn default() -> Self {
        PanelSpace { left: 0.0, bottom_edge: f32::INFINITY }
    }
}

/// A section's title in the side panel.
pub fn section_title(ui: &mut egui::Ui, title: String) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// The status line: what was last done or went wrong, in the advisor's language.
pub fn status_line(ui: &mut egui::Ui, status: &StatusLine, l: Language) {
    if status.is_empty() {
        return;
    }
    ui.add_space(8.0);
    let colour = if status.is_error { Color32::from_rgb(255, 120, 100) } else { Color32::LIGHT_GREEN };
    ui.label(RichText::new(status.text(l)).color(colour));
}

/// Colour of a metal swatch: the alloy's F0 shown as sRGB.
pub fn swatch_colour(alloy: Alloy) -> Color32 {
    let [r, g, b] = alloy.f0_linear();
    Color32::from(Rgba::from_rgb(r, g, b))
}

/// A number typed in either language's way: "1,02", "1.02", "1 020,5" (spaces and no-break spaces of grouping left out).
pub fn parse_number(text: &str) -> Option<f64> {
    text.replace(',', ".").replace(['\u{a0}', '\u{202f}', ' '], "").trim().parse().ok()
}

/// A number field that writes and reads numbers as the language does ("1,02" in French).
pub fn in_language(value: egui::DragValue<'_>, l: Language, digits: u8) -> egui::DragValue<'_> {
    value.custom_formatter(move |value, _| format::number(l, value, digits)).custom_parser(parse_number)
}
