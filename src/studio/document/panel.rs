//! The journal section of the panel: who is proposing (advisor or client), the timeline of changes, clearing it,
//! and whether saved presets carry it. Emits commands only.

use crate::design::journal::{JournalEntry, Who};
use crate::studio::commands::StudioCommand;
use crate::studio::document::DocumentCommand;
use bevy_egui::egui;

/// Draws the journal controls and the timeline (latest change last).
pub fn journal_ui(ui: &mut egui::Ui, journal: &[JournalEntry], proposer: Who, in_saves: bool) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Journal").strong().size(15.0));
    ui.horizontal(|ui| {
        ui.label("Proposed by");
        for who in [Who::Advisor, Who::Client] {
            let label = if who == Who::Advisor { "Advisor" } else { "Client" };
            if ui.selectable_label(proposer == who, label).clicked() && proposer != who {
                out.push(DocumentCommand::SetProposer(who).into());
            }
        }
    });
    let mut keep = in_saves;
    if ui.checkbox(&mut keep, "Keep the journal in saved presets").changed() {
        out.push(DocumentCommand::KeepJournalInSaves(keep).into());
    }
    egui::CollapsingHeader::new(format!(
        "How we got here ({} change{})",
        journal.len(),
        if journal.len() == 1 { "" } else { "s" }
    ))
    .default_open(false)
    .show(ui, |ui| {
        egui::ScrollArea::vertical().max_height(160.0).stick_to_bottom(true).show(ui, |ui| {
            for entry in journal {
                ui.label(egui::RichText::new(crate::i18n::journal::line(entry)).small());
            }
        });
        if !journal.is_empty() && ui.button("Clear the journal").clicked() {
            out.push(DocumentCommand::ClearJournal.into());
        }
    });
    out
}
