//! The studio's dialogs take turns: the preparing overlay, the offer to restore the last session, the import dialog
//! of a model — one at a time, the next when the one in front is answered (a restore offer after a crash never hides
//! the model being imported, nor sits over it).

use crate::i18n::Language;
use crate::studio::StudioState;
use crate::studio::floor::Languages;
use crate::studio::floor::commands::Route;
use crate::studio::import::Import;
use crate::studio::loading::LoadingProgress;
use crate::studio::recovery::RecoveryOffer;
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// The studio's dialogs, in the order they take their turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// The studio is preparing: nothing can be answered yet.
    Loading,
    /// Restore the last session? It decides which design the rest applies to.
    Recovery,
    /// A model being imported: its corrections.
    Import,
}

/// The one dialog shown now, of those waiting (the next shows when it is answered).
pub fn front_dialog(loading: bool, recovery_offered: bool, importing: bool) -> Option<Dialog> {
    [(loading, Dialog::Loading), (recovery_offered, Dialog::Recovery), (importing, Dialog::Import)]
        .into_iter()
        .find_map(|(waiting, dialog)| waiting.then_some(dialog))
}

/// Draws the dialog in front, if any.
pub fn show_front_dialog(
    mut contexts: EguiContexts,
    state: Res<State<StudioState>>,
    progress: Res<LoadingProgress>,
    offer: Res<RecoveryOffer>,
    mut import: ResMut<Import>,
    languages: Res<Languages>,
    mut route: Route,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = languages.advisor;
    let loading = *state.get() == StudioState::Loading;
    let importing = import.dialog.is_some() || import.size_question.is_some();
    match front_dialog(loading, offer.0.is_some(), importing) {
        Some(Dialog::Loading) => loading_overlay(ctx, &progress, l),
        Some(Dialog::Recovery) => {
            if let Some(session) = &offer.0 {
                route.send(crate::studio::recovery::panel::recovery_window(ctx, session, l));
            }
        }
        Some(Dialog::Import) => {
            if let Some(dialog) = import.dialog.as_mut() {
                route.send(crate::studio::import::panel::import_dialog(ctx, dialog, l));
            } else if let Some(question) = import.size_question.as_mut() {
                route.send(crate::studio::import::panel::size_question(ctx, question, l));
            }
        }
        None => {}
    }
    Ok(())
}

pub fn loading_overlay(ctx: &egui::Context, progress: &LoadingProgress, l: Language) {
    egui::Window::new(tr!(l, "studio-preparing"))
        .id(egui::Id::new("loading"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            if let Some(error) = &progress.error {
                ui.colored_label(egui::Color32::from_rgb(255, 120, 100), error.in_language(l));
                return;
            }
            let shaders = if progress.waiting_pipelines == 0 { 1.0 } else { 0.5 };
            let fraction = 0.7 * progress.models + 0.3 * shaders * progress.models;
            ui.add(egui::ProgressBar::new(fraction).show_percentage().desired_width(320.0));
            ui.label(if progress.models < 1.0 {
                tr!(l, "studio-loading-models")
            } else {
                tr!(l, "studio-compiling-shaders", count = progress.waiting_pipelines)
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogs_take_turns_one_at_a_time() {
        assert_eq!(front_dialog(true, true, true), Some(Dialog::Loading));
        assert_eq!(front_dialog(false, true, true), Some(Dialog::Recovery), "the import waits for the answer");
        assert_eq!(front_dialog(false, false, true), Some(Dialog::Import), "then it shows");
        assert_eq!(front_dialog(false, false, false), None);
    }
}
