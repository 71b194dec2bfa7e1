//! The light and background choices of the panel ("Where will you wear it?"). Emits commands only.

use super::{Background, Presentation, PresentationCommand};
use crate::optics::environment::LightingEnvironment;
use crate::studio::commands::StudioCommand;
use bevy_egui::egui;

/// Light and background choices.
pub fn presentation_ui(ui: &mut egui::Ui, presentation: &Presentation) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.horizontal(|ui| {
        for environment in LightingEnvironment::ALL {
            let selected = presentation.environment == environment;
            if ui.selectable_label(selected, environment.label()).clicked() && !selected {
                out.push(PresentationCommand::SetEnvironment(environment).into());
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Background");
        for background in Background::ALL {
            let selected = presentation.background == background;
            if ui.selectable_label(selected, background.label()).clicked() && !selected {
                out.push(PresentationCommand::SetBackground(background).into());
            }
        }
    });
    out
}
