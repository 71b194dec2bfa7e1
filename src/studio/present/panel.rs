//! What the client sees and touches in present mode: a strip of large metal and stone swatches along the bottom of
//! the window, the estimated price when the advisor shows it, and a corner button back to the advisor's view.
//! Emits commands only; the client's changes go as `DocumentCommand::ByClient`.

use super::PresentCommand;
use crate::collection::Allowed;
use crate::design::{Alloy, Design, DesignCommand, Species};
use crate::i18n::Language;
use crate::studio::document::DocumentCommand;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::widgets::swatch_colour;
use crate::tr;
use bevy_egui::egui::{self, Color32, RichText};

/// A swatch's side, points: well over the 9 mm a fingertip needs on a 96-dpi screen (34 points).
pub const SWATCH_POINTS: f32 = 58.0;

/// The strip and the corner button, over the piece; `price` is the estimate when the advisor shows it. Returns the
/// commands and the strip's top edge (points), above which the piece is framed.
pub fn present_strip(
    ctx: &egui::Context,
    design: &Design,
    rules: Option<&Allowed>,
    price: Option<String>,
    l: Language,
) -> (Vec<StudioCommand>, f32) {
    let mut out: Vec<StudioCommand> = Vec::new();
    let by_client = |change: DesignCommand| StudioCommand::from(DocumentCommand::ByClient(change));
    egui::Area::new(egui::Id::new("present back")).anchor(egui::Align2::RIGHT_TOP, [-16.0, 16.0]).show(ctx, |ui| {
        let back = egui::Button::new(RichText::new(tr!(l, "present-leave")).size(18.0))
            .min_size(egui::vec2(SWATCH_POINTS * 2.0, SWATCH_POINTS * 0.7));
        if ui.add(back).on_hover_text(tr!(l, "present-leave-hover")).clicked() {
            out.push(PresentCommand::Leave.into());
        }
    });
    let strip = egui::Area::new(egui::Id::new("present strip")).anchor(egui::Align2::CENTER_BOTTOM, [0.0, -16.0]).show(
        ctx,
        |ui| {
            egui::Frame::popup(ui.style()).fill(Color32::from_black_alpha(150)).show(ui, |ui| {
                if let Some(price) = price {
                    ui.vertical_centered(|ui| ui.label(RichText::new(price).size(24.0).strong()));
                }
                ui.horizontal(|ui| {
                    for alloy in Alloy::ALL {
                        let chosen = design.metal.alloy == alloy;
                        if swatch(ui, swatch_colour(alloy), &l.short_term(alloy), chosen, &l.term(alloy)) && !chosen {
                            out.push(by_client(DesignCommand::SetAlloy(alloy)));
                        }
                    }
                });
                // A house's model: only the stones the house sets in it.
                let species = Species::ALL.into_iter().filter(|&s| rules.is_none_or(|r| r.allows_species(s)));
                ui.horizontal(|ui| {
                    for species in species {
                        let [r, g, b] = species.data().body_colour_srgb.map(|c| (c.clamp(0.0, 1.0) * 255.0) as u8);
                        let chosen = design.stone.species == species;
                        let name = l.term(species);
                        if swatch(ui, Color32::from_rgb(r, g, b), &l.short_term(species), chosen, &name) && !chosen {
                            out.push(by_client(DesignCommand::SetSpecies(species)));
                        }
                    }
                });
            });
        },
    );
    (out, strip.response.rect.top())
}

/// One large swatch with its name under it; whether it was pressed.
fn swatch(ui: &mut egui::Ui, colour: Color32, name: &str, chosen: bool, hover: &str) -> bool {
    ui.vertical(|ui| {
        ui.set_width(SWATCH_POINTS + 8.0);
        let ring = if chosen { egui::Stroke::new(3.0, Color32::WHITE) } else { egui::Stroke::new(1.0, Color32::GRAY) };
        let button = egui::Button::new("").fill(colour).stroke(ring).corner_radius(SWATCH_POINTS / 2.0);
        let response = ui.add_sized([SWATCH_POINTS, SWATCH_POINTS], button);
        // The swatch's name, for screen readers and for the tests that find it by name.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, name));
        let pressed = response.on_hover_text(hover).clicked();
        ui.add(egui::Label::new(RichText::new(name).size(12.0)).wrap());
        pressed
    })
    .inner
}
