//! The variants board's controls: the panel's Variants section (duplicate, compare presets, export the board) and,
//! over each tile, what differs from the main design with weight and price, and Edit / favourite / Make main /
//! Remove. Like every panel, they only emit commands.

use crate::approval::board::variant_label;
use crate::design::variants::{MAX_VARIANTS, VariantCommand, Variants};
use crate::estimate::price::PriceList;
use crate::studio::commands::StudioCommand;
use crate::studio::document::DocumentCommand;
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
pub fn variants_ui(ui: &mut egui::Ui, variants: &Variants, exporting: bool) -> (Vec<StudioCommand>, VariantsRequest) {
    let (mut out, mut request): (Vec<StudioCommand>, _) = (Vec::new(), VariantsRequest::default());
    ui.horizontal(|ui| {
        let room = variants.len() < MAX_VARIANTS;
        if ui
            .add_enabled(room, egui::Button::new("Duplicate as a variant"))
            .on_hover_text("Copy this design next to it, then change the copy (up to 4 side by side)")
            .clicked()
        {
            out.push(DocumentCommand::Variant(VariantCommand::Duplicate).into());
        }
        if ui.button("Compare presets…").on_hover_text("Open two to four presets side by side").clicked() {
            request.open_several = true;
        }
    });
    if variants.is_board() {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("Editing variant {} of {}", variants.active() + 1, variants.len()))
                    .color(GOLD),
            );
            let label = if exporting { "Exporting the board…" } else { "Export board picture" };
            if ui
                .add_enabled(!exporting, egui::Button::new(label))
                .on_hover_text("One labelled comparison picture of every variant, in Documents/Écrin approvals")
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
        let (headline, figures) = variant_label(first, design, prices);
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
                        let title = match (index, favourite) {
                            (0, true) => format!("1 · Main design · {} ★", design.name),
                            (0, false) => format!("1 · Main design · {}", design.name),
                            (_, true) => format!("{} · {} ★", index + 1, design.name),
                            (_, false) => format!("{} · {}", index + 1, design.name),
                        };
                        let colour = if favourite { GOLD } else { egui::Color32::WHITE };
                        ui.label(egui::RichText::new(title).strong().color(colour));
                        if index > 0 {
                            let same = design == first;
                            let headline = if same { "same as the main design".to_string() } else { headline };
                            ui.label(egui::RichText::new(headline).color(egui::Color32::WHITE));
                        }
                        ui.label(egui::RichText::new(figures).small().color(egui::Color32::LIGHT_GRAY));
                        ui.horizontal(|ui| {
                            if active {
                                ui.label(egui::RichText::new("Editing").color(GOLD));
                            } else if ui.button("Edit").on_hover_text("Change this variant in the panel").clicked() {
                                out.push(DocumentCommand::Variant(VariantCommand::Select(index)).into());
                            }
                            let star = if favourite { "★ Favourite" } else { "☆ Favourite" };
                            if ui.button(star).on_hover_text("The client's favourite").clicked() {
                                out.push(DocumentCommand::Variant(VariantCommand::ToggleFavourite(index)).into());
                            }
                            if index > 0 && ui.button("Make main").on_hover_text("Make this the main design").clicked()
                            {
                                out.push(DocumentCommand::Variant(VariantCommand::Promote(index)).into());
                            }
                            if ui.button("Remove").clicked() {
                                out.push(DocumentCommand::Variant(VariantCommand::Remove(index)).into());
                            }
                        });
                    });
            });
    }
    out
}
