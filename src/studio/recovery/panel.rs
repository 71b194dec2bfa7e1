//! The offer after a crash: restore the last session (every variant and the journal) or start afresh. Emits
//! commands only.

use super::RecoveryCommand;
use crate::studio::commands::StudioCommand;
use bevy_egui::egui;

/// After a crash: offer the design (and variants) the last session was working on.
pub fn recovery_window(ctx: &egui::Context, session: &crate::design::session::Session) -> Vec<StudioCommand> {
    let design = session.variants.active_design();
    let others = match session.variants.len() {
        1 => String::new(),
        count => format!(" It had {count} variants side by side; they were kept too."),
    };
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::Window::new("Restore the last session?")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "Écrin was not closed properly. The last design, “{}” ({}, {} {}), was kept.{others}",
                design.name,
                design.metal.alloy.label(),
                design.stone.species.label(),
                design.stone.cut.label()
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore it").clicked() {
                    out.push(RecoveryCommand::Restore.into());
                }
                if ui.button("Start afresh").clicked() {
                    out.push(RecoveryCommand::Discard.into());
                }
            });
        });
    out
}
