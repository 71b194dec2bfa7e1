//! The language pickers: the advisor's (the studio's words, in the panel's header) and the client's (in the
//! approval section: the pack and the board picture). Each language is shown by its own name. Emits commands only.

use super::LanguageCommand;
use crate::i18n::Language;
use crate::studio::floor::Languages;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy_egui::egui;

/// A picker of one language, by its own name.
fn picker(
    ui: &mut egui::Ui,
    id: &str,
    current: Language,
    pick: impl Fn(Language) -> LanguageCommand,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::ComboBox::from_id_salt(id).selected_text(current.own_name()).width(110.0).show_ui(ui, |ui| {
        for language in Language::ALL {
            if ui.selectable_label(current == language, language.own_name()).clicked() && current != language {
                out.push(pick(language).into());
            }
        }
    });
    out
}

/// The studio's language (the advisor's).
pub fn advisor_language_ui(ui: &mut egui::Ui, languages: &Languages) -> Vec<StudioCommand> {
    let out = picker(ui, "advisor_language", languages.advisor, LanguageCommand::Advisor);
    ui.label(egui::RichText::new("🌐").weak()).on_hover_text(tr!(languages.advisor, "language-advisor-hover"));
    out
}

/// The client's language, for the pack and the board picture.
pub fn client_language_ui(ui: &mut egui::Ui, languages: &Languages) -> Vec<StudioCommand> {
    let l = languages.advisor;
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.label(tr!(l, "language-client"));
        out = picker(ui, "client_language", languages.client, LanguageCommand::Client);
    })
    .response
    .on_hover_text(tr!(l, "language-client-hover"));
    out
}
