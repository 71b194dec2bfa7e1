//! The offer after a crash: restore the last session (every variant and the journal) or start afresh. Emits
//! commands only.

use super::RecoveryCommand;
use crate::i18n::Language;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy_egui::egui;

/// After a crash: offer the design (and variants) the last session was working on, in the advisor's language.
pub fn recovery_window(
    ctx: &egui::Context,
    session: &crate::design::session::Session,
    l: Language,
) -> Vec<StudioCommand> {
    let design = session.variants.active_design();
    let others = match session.variants.len() {
        1 => String::new(),
        count => format!(" {}", tr!(l, "recovery-variants-kept", count = count)),
    };
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::Window::new(tr!(l, "recovery-title"))
        .id(egui::Id::new("recovery"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let what = tr!(
                l,
                "recovery-what",
                name = &design.name,
                alloy = l.term(design.metal.alloy),
                species = l.term(design.stone.species),
                cut = l.term(design.stone.cut).to_lowercase()
            );
            ui.label(format!("{what}{others}"));
            ui.horizontal(|ui| {
                if ui.button(tr!(l, "recovery-restore")).clicked() {
                    out.push(RecoveryCommand::Restore.into());
                }
                if ui.button(tr!(l, "recovery-discard")).clicked() {
                    out.push(RecoveryCommand::Discard.into());
                }
            });
        });
    out
}
