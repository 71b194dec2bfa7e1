//! The hand view's controls in the View section: the ring on the hand, its finish, the framing. Returns commands.

use super::{HandCommand, HandFraming, HandView};
use crate::geometry::hand::HandFinish;
use crate::i18n::Language;
use crate::studio::floor::commands::StudioCommand;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui;

/// The hand's rows in the View section.
#[derive(SystemParam)]
pub struct HandSection<'w> {
    view: Res<'w, HandView>,
}

impl HandSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        hand_ui(ui, &self.view, l)
    }
}

/// The hand's row(s) for a ring.
pub fn hand_ui(ui: &mut egui::Ui, view: &HandView, l: Language) -> Vec<StudioCommand> {
    let mut emitted = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let mut shown = view.shown;
        let checkbox = ui.checkbox(&mut shown, l.tr("hand-shown"));
        if checkbox.on_hover_text(l.tr("hand-shown-hover")).changed() {
            emitted.push(HandCommand::Show(shown).into());
        }
        if !view.shown {
            return;
        }
        egui::ComboBox::from_id_salt("hand-finish").selected_text(l.term(view.finish)).show_ui(ui, |ui| {
            for finish in HandFinish::ALL {
                if ui.selectable_label(view.finish == finish, l.term(finish)).clicked() && finish != view.finish {
                    emitted.push(HandCommand::Finish(finish).into());
                }
            }
        });
    });
    if view.shown {
        ui.horizontal_wrapped(|ui| {
            for framing in HandFraming::ALL {
                let button = egui::Button::selectable(view.framing == framing, l.tr(framing.key()));
                if ui.add(button).clicked() && framing != view.framing {
                    emitted.push(HandCommand::Frame(framing).into());
                }
            }
        });
    }
    emitted
}
