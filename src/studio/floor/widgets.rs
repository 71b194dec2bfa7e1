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

/// A label over the top-left corner of a board's tile (a variant's, a candidate's): a dark card no wider than the
/// tile, drawn over the 3D view.
pub fn tile_label(ctx: &egui::Context, id: egui::Id, tile: egui::Rect, contents: impl FnOnce(&mut egui::Ui)) {
    egui::Area::new(id).fixed_pos(tile.min + egui::vec2(10.0, 8.0)).order(egui::Order::Middle).show(ctx, |ui| {
        egui::Frame::new().fill(Color32::from_black_alpha(150)).corner_radius(4.0).inner_margin(6.0).show(ui, |ui| {
            ui.set_max_width(tile.width() - 40.0);
            contents(ui);
        });
    });
}

/// Pictures decoded off the frame, made into egui textures the first time they are shown (a window needs the egui
/// context to make one): the collection's thumbnails, the style guide's pictures.
#[derive(Default)]
pub struct PictureTextures {
    /// Pictures read, by key, waiting to become textures.
    pub decoded: Vec<(String, egui::ColorImage)>,
    /// Textures by key.
    pub textures: std::collections::HashMap<String, egui::TextureHandle>,
}

impl PictureTextures {
    /// The texture of a picture, made from its decoded picture the first time (`name`: the texture's, for egui).
    pub fn texture(&mut self, ctx: &egui::Context, key: &str, name: &str) -> Option<egui::TextureHandle> {
        if let Some(at) = self.decoded.iter().position(|(k, _)| k == key) {
            let (key, image) = self.decoded.swap_remove(at);
            let texture = ctx.load_texture(format!("{name}-{key}"), image, egui::TextureOptions::LINEAR);
            self.textures.insert(key, texture);
        }
        self.textures.get(key).cloned()
    }
}
