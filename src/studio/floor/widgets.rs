//! Small egui pieces every panel may use: a metal's swatch colour, a number field that reads and writes numbers as
//! the language does.

use crate::design::Alloy;
use crate::i18n::{Language, format};
use bevy_egui::egui::{self, Color32, Rgba};

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
