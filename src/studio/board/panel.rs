//! The variants board's controls: the panel's Variants section (duplicate, compare presets, export the board) and,
//! over each tile, what differs from the main design with weight and price, and Edit / favourite / Make main /
//! Remove. Like every panel, they only emit commands.

use super::export::{BoardExport, ExportBoard};
use super::{BoardLayout, tile_rects};
use crate::approval::board::variant_label;
use crate::design::variants::{MAX_VARIANTS, VariantCommand, Variants};
use crate::estimate::price::PriceList;
use crate::i18n::Language;
use crate::studio::document::DocumentCommand;
use crate::studio::floor::candidates::{BoardCandidates, board_count};
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::widgets::{PanelSpace, tile_label};
use crate::studio::floor::{CurrentDesign, Languages};
use crate::studio::presets::PresetRequest;
use crate::studio::pricing::Pricing;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, egui};

/// The gold of the studio's accents (the active tile's frame, the favourite's star).
const GOLD: egui::Color32 = egui::Color32::from_rgb(232, 206, 150);

/// The side panel's Variants section and what it reads.
#[derive(SystemParam)]
pub struct VariantsSection<'w> {
    current: Res<'w, CurrentDesign>,
    export: Res<'w, BoardExport>,
}

impl VariantsSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        variants_ui(ui, self.current.history.variants(), self.export.is_running(), l)
    }
}

/// The 3D area the panels leave, split into the board's tiles when there are variants (physical pixels).
pub fn fit_tiles(
    space: Res<PanelSpace>,
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut layout: ResMut<BoardLayout>,
) {
    let scale = window.scale_factor();
    let left = (space.left * scale) as u32;
    // Presenting: the piece is framed above the client's strip.
    let bottom = ((space.bottom_edge - 8.0) * scale).clamp(16.0, window.physical_height() as f32) as u32;
    let full = UVec2::new(window.physical_width(), window.physical_height().min(bottom));
    if full.x > left + 16 && full.y > 16 {
        let count = board_count(&current, candidates.as_deref());
        let tiles = tile_rects(UVec2::new(left, 0), UVec2::new(full.x - left, full.y), count);
        if layout.tiles != tiles {
            layout.tiles = tiles;
        }
    }
}

/// Each tile's labels and buttons, over the 3D view.
pub fn show_tile_overlays(
    mut contexts: EguiContexts,
    layout: Res<BoardLayout>,
    current: Res<CurrentDesign>,
    pricing: Res<Pricing>,
    languages: Res<Languages>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut route: Route,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let scale = window.scale_factor();
    let points: Vec<egui::Rect> = layout
        .tiles
        .iter()
        .map(|(position, size)| {
            let min = position.as_vec2() / scale;
            let max = (position + size).as_vec2() / scale;
            egui::Rect::from_min_max(egui::pos2(min.x, min.y), egui::pos2(max.x, max.y))
        })
        .collect();
    let variants = current.history.variants();
    route.send(tile_overlays(ctx, variants, &points, pricing.list.as_ref(), languages.advisor));
    Ok(())
}

/// The panel's Variants row, under Undo / Redo: make a variant, compare presets, and on the board, which variant the
/// panel edits and the board picture.
pub fn variants_ui(ui: &mut egui::Ui, variants: &Variants, exporting: bool, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
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
            out.push(PresetRequest::Compare.into());
        }
        if ui.button(tr!(l, "style-open")).on_hover_text(tr!(l, "style-open-hover")).clicked() {
            out.push(crate::studio::style_guide::StyleGuideCommand::Open.into());
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
                out.push(ExportBoard(None).into());
            }
        });
    }
    out
}

/// Labels and buttons over each variant's tile (`tiles`: the board's tiles in egui points, the variants' first).
pub fn tile_overlays(
    ctx: &egui::Context,
    variants: &Variants,
    tiles: &[egui::Rect],
    prices: Option<&PriceList>,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    // One design beside Écrin's candidates is labelled too (the client sees which tile is theirs), without the
    // variants' buttons.
    if !variants.is_board() && tiles.len() < 2 {
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
        tile_label(ctx, egui::Id::new(("variant tile", index)), *rect, |ui| {
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
            if !variants.is_board() {
                return;
            }
            ui.horizontal(|ui| {
                if active {
                    ui.label(egui::RichText::new(tr!(l, "tile-editing")).color(GOLD));
                } else if ui.button(tr!(l, "tile-edit")).on_hover_text(tr!(l, "tile-edit-hover")).clicked() {
                    out.push(DocumentCommand::Variant(VariantCommand::Select(index)).into());
                }
                let star = if favourite { "★" } else { "☆" };
                let favourite_label = format!("{star} {}", tr!(l, "tile-favourite"));
                if ui.button(favourite_label).on_hover_text(tr!(l, "tile-favourite-hover")).clicked() {
                    out.push(DocumentCommand::Variant(VariantCommand::ToggleFavourite(index)).into());
                }
                if index > 0
                    && ui.button(tr!(l, "tile-make-main")).on_hover_text(tr!(l, "tile-make-main-hover")).clicked()
                {
                    out.push(DocumentCommand::Variant(VariantCommand::Promote(index)).into());
                }
                if ui.button(tr!(l, "tile-remove")).clicked() {
                    out.push(DocumentCommand::Variant(VariantCommand::Remove(index)).into());
                }
            });
        });
    }
    out
}
