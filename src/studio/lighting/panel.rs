//! The light and background choices of the panel ("Where will you wear it?"). Emits commands only.

use super::{Background, Presentation, PresentationCommand};
use crate::i18n::Language;
use crate::optics::environment::LightingEnvironment;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::widgets::section_title;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui;

/// The side panel's "Where will you wear it?" section.
#[derive(SystemParam)]
pub struct PresentationSection<'w> {
    presentation: Res<'w, Presentation>,
}

impl PresentationSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        section_title(ui, tr!(l, "studio-where-worn"));
        presentation_ui(ui, &self.presentation, l)
    }
}

/// Light and background choices, in the advisor's language.
pub fn presentation_ui(ui: &mut egui::Ui, presentation: &Presentation, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for environment in LightingEnvironment::ALL {
            let selected = presentation.environment == environment;
            if ui.selectable_label(selected, l.term(environment)).clicked() && !selected {
                out.push(PresentationCommand::SetEnvironment(environment).into());
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!(l, "light-background"));
        for background in Background::ALL {
            let selected = presentation.background == background;
            if ui.selectable_label(selected, l.tr(background.key())).clicked() && !selected {
                out.push(PresentationCommand::SetBackground(background).into());
            }
        }
    });
    out
}
