//! The variants board's controls: the panel's Variants section (duplicate, compare presets, export the board) and,
//! over each tile, what differs from the main design with weight and price, and Edit / favourite / Make main /
//! Remove. Like every panel, they only emit commands.

use crate::approval::board::variant_label;
use crate::design::variants::{MAX_VARIANTS, VariantCommand, Variants};
use crate::estimate::price::PriceList;
use crate::i18n::Language;
use crate::studio::document::DocumentCommand;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy_egui::egui;

/// The gold of the studio's accents (the active tile's frame, the favourite's star).
const GOLD: egui::Color32 = egui::Color32::from_rgb(232, 206, 150);

/// What the Variants section asked for besides commands.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct VariantsRequest {
    /// Write the board as one comparison picture (next to the approval packs).
    pub export_board: bool,
    /// Choose presets to compare.
    pub open_several: bool,
}

/// The panel's Variants row, under Undo / Redo: make a variant, compare presets, and on the board, which variant the
/// panel edits and the board picture.
pub fn variants_ui(
    ui: &mut egui::Ui,
    variants: &Variants,
    exporting: bool,
    l: Language,
) -> (Vec<StudioCommand>, VariantsRequest) {
    let (mut out, mut request): (Vec<StudioCommand>, _) = (Vec::new(), VariantsRequest::default());
    ui.horizontal_wrapped(|ui| {
        let room = variants.len() < MAX_VARIANTS;
        if ui
            .add_enabled(room, egui::Button::new(tr!(l, "variants-duplicate")))
            .on_hover_text(tr!(l, "variants-duplicate-hover", most = MAX_VARIANTS.to_string()))
            .clicked()
        {
            out.push(DocumentCommand::Variant(VariantCommand::Duplicate).into());
        }
        if ui.button(tr!(l, "variants-compare")).on_hover_text(tr!(l, "variants-compare-hover")).clicked() {
            request.open_several = true;
        }
    });
    if variants.is_board() {
        ui.horizontal_wrapped(|ui| {
            let (which, count) = ((variants.active() + 1).to_string(), variants.len().to_string());
            ui.label(egui::RichText::new(tr!(l, "variants-editing", which = which, count = count)).color(GOLD));
            let label = if exporting { tr!(l, "variants-exporting") } else { tr!(l, "variants-export") };
            if ui
                .add_enabled(!exporting, egui::Button::new(label))
                .on_hover_text(tr!(l, "variants-export-hover"))
                .clicked()
            {
                request.export_board = true;
            }
        });
    }
    (out, request)
}

/// Labels and buttons over each tile (`tiles`: the tiles in egui points, in variant order).
pub fn tile_overlays(
    ctx: &egui::Context,
    variants: &Variants,
    tiles: &[egui::Rect],
    prices: Option<&PriceList>,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    if !variants.is_board() {
        return out;
    }
    let first = &variants.designs()[0];
    let frames = ctx.layer_painter(egui::LayerId::new(egui::Order::Background, "board frames".into()));
    for (index, (design, rect)) in variants.designs().iter().zip(tiles).enumerate() {
        let active = index == variants.active();
        let favourite = variants.favourite() == Some(index);
        if active {
            frames.rect_stroke(rect.shrink(1.0), 0.0, egui::Stroke::new(2.0, GOLD), egui::StrokeKind::Inside);
        }
        let (headline, figures) = variant_label(first, design, prices, l);
        egui::Area::new(egui::Id::new(("variant tile", index)))
            .fixed_pos(rect.min + egui::vec2(10.0, 8.0))
            .order(egui::Order::Middle)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(egui::Color32::from_black_alpha(150))
                    .corner_radius(4.0)
                    .inner_margin(6.0)
                    .show(ui, |ui| {
                        ui.set_max_width(rect.width() - 40.0);
                        let number = (index + 1).to_string();
                        let title = match index {
                            0 => tr!(l, "tile-main-title", name = &design.name),
                            _ => tr!(l, "tile-title", number = number, name = &design.name),
                        };
                        let title = if favourite { format!("{title} ★") } else { title };
                        let colour = if favourite { GOLD } else { egui::Color32::WHITE };
                        ui.label(egui::RichText::new(title).strong().color(colour));
                        if index > 0 {
                            let same = design == first;
                            let headline = if same { tr!(l, "tile-same-as-main") } else { headline };
                            ui.label(egui::RichText::new(headline).color(egui::Color32::WHITE));
                        }
                        ui.label(egui::RichText::new(figures).small().color(egui::Color32::LIGHT_GRAY));
                        ui.horizontal(|ui| {
                            if active {
                                ui.label(egui::RichText::new(tr!(l, "tile-editing")).color(GOLD));
                            } else if ui.button(tr!(l, "tile-edit")).on_hover_text(tr!(l, "tile-edit-hover")).clicked()
                            {
                                out.push(DocumentCommand::Variant(VariantCommand::Select(index)).into());
                            }
                            let star = if favourite { "★" } else { "☆" };
                            let favourite_label = format!("{star} {}", tr!(l, "tile-favourite"));
                            if ui.button(favourite_label).on_hover_text(tr!(l, "tile-favourite-hover")).clicked() {
                                out.push(DocumentCommand::Variant(VariantCommand::ToggleFavourite(index)).into());
                            }
                            if index > 0
                                && ui
                                    .button(tr!(l, "tile-make-main"))
                                    .on_hover_text(tr!(l, "tile-make-main-hover"))
                                    .clicked()
                            {
                                out.push(DocumentCommand::Variant(VariantCommand::Promote(index)).into());
                            }
                            if ui.button(tr!(l, "tile-remove")).clicked() {
                                out.push(DocumentCommand::Variant(VariantCommand::Remove(index)).into());
                            }
                        });
                    });
            });
    }
    out
}
