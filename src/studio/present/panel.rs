//! What the client sees and touches in present mode: a strip of large metal and stone swatches along the bottom of
//! the window, the estimated price when the advisor shows it, and a corner button back to the advisor's view.
//! Emits commands only; the client's changes go as `DocumentCommand::ByClient`. Also the side panel's controls that
//! enter present mode and open the client's own screen.

use super::{PresentCommand, Presenting};
use crate::collection::Allowed;
use crate::design::{Alloy, Design, DesignCommand, Species};
use crate::i18n::Language;
use crate::studio::collection::{StudioCollection, house_rules};
use crate::studio::document::DocumentCommand;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::widgets::{PanelSpace, swatch_colour};
use crate::studio::floor::{CurrentDesign, Languages};
use crate::studio::pricing::{Pricing, retail_price};
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Color32, RichText};

/// A swatch's side, points: well over the 9 mm a fingertip needs on a 96-dpi screen (34 points).
pub const SWATCH_POINTS: f32 = 58.0;

/// Draws the strip while presenting and says where its top is (the piece is framed above it).
pub fn show_present_strip(
    mut contexts: EguiContexts,
    presenting: Res<Presenting>,
    current: Res<CurrentDesign>,
    collection: Res<StudioCollection>,
    pricing: Res<Pricing>,
    languages: Res<Languages>,
    mut space: ResMut<PanelSpace>,
    mut route: Route,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = languages.advisor;
    let price = presenting.show_price.then(|| retail_price(&pricing, current.design(), l)).flatten();
    let rules = house_rules(&current, &collection);
    let (commands, top) = present_strip(ctx, current.design(), rules.as_ref(), price, l);
    route.send(commands);
    *space = PanelSpace { left: 0.0, bottom_edge: top };
    Ok(())
}

/// The side panel's present-mode and client-screen controls (in its View section).
#[derive(SystemParam)]
pub struct PresentControls<'w, 's> {
    presenting: Res<'w, Presenting>,
    current: Res<'w, CurrentDesign>,
    /// The advisor's choice to show the price when presenting, kept between presentations.
    with_price: Local<'s, bool>,
}

impl PresentControls<'_, '_> {
    pub fn show(&mut self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let mut out: Vec<StudioCommand> = Vec::new();
        let presenting = &self.presenting;
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!(l, "present-enter")).on_hover_text(tr!(l, "present-enter-hover")).clicked() {
                out.push(PresentCommand::Enter { show_price: *self.with_price }.into());
            }
            ui.checkbox(&mut self.with_price, tr!(l, "present-with-price"));
        });
        let (key, command) = match presenting.screen_open {
            false => ("client-screen-open", PresentCommand::OpenScreen),
            true => ("client-screen-close", PresentCommand::CloseScreen),
        };
        ui.horizontal_wrapped(|ui| {
            if ui.button(l.tr(key)).on_hover_text(tr!(l, "client-screen-hover")).clicked() {
                out.push(command.into());
            }
            let mut turning = presenting.screen_turning;
            if presenting.screen_open && ui.checkbox(&mut turning, tr!(l, "client-screen-turning")).changed() {
                out.push(PresentCommand::TurnOnClientScreen(turning).into());
            }
        });
        if presenting.screen_open {
            ui.horizontal_wrapped(|ui| {
                let mut price = presenting.screen_price;
                if ui.checkbox(&mut price, tr!(l, "client-screen-price")).changed() {
                    out.push(PresentCommand::PriceOnClientScreen(price).into());
                }
                let mut board = presenting.screen_board;
                if self.current.history.variants().is_board()
                    && ui.checkbox(&mut board, tr!(l, "client-screen-board")).changed()
                {
                    out.push(PresentCommand::BoardOnClientScreen(board).into());
                }
            });
        }
        out
    }
}

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
