//! The journal section of the panel: who is proposing (advisor or client), the timeline of changes, clearing it,
//! and whether saved presets carry it. Emits commands only.

use crate::design::journal::{JournalEntry, Who};
use crate::i18n::Language;
use crate::studio::document::DocumentCommand;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui;

/// The side panel's journal section.
#[derive(SystemParam)]
pub struct JournalSection<'w> {
    current: Res<'w, CurrentDesign>,
}

impl JournalSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let current = &self.current;
        journal_ui(ui, &current.journal, current.proposer, current.journal_in_saves, l)
    }
}

/// Draws the journal controls and the timeline (latest change last), in the advisor's language.
pub fn journal_ui(
    ui: &mut egui::Ui,
    journal: &[JournalEntry],
    proposer: Who,
    in_saves: bool,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr!(l, "journal-title")).strong().size(15.0));
    ui.horizontal(|ui| {
        ui.label(tr!(l, "journal-proposed-by"));
        for who in [Who::Advisor, Who::Client] {
            let label = if who == Who::Advisor { tr!(l, "journal-advisor") } else { tr!(l, "journal-client") };
            if ui.selectable_label(proposer == who, label).clicked() && proposer != who {
                out.push(DocumentCommand::SetProposer(who).into());
            }
        }
    });
    let mut keep = in_saves;
    if ui.checkbox(&mut keep, tr!(l, "journal-keep-in-saves")).changed() {
        out.push(DocumentCommand::KeepJournalInSaves(keep).into());
    }
    egui::CollapsingHeader::new(tr!(l, "journal-how-we-got-here", count = journal.len()))
        .id_salt("journal_timeline")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().max_height(160.0).stick_to_bottom(true).show(ui, |ui| {
                for entry in journal {
                    ui.label(egui::RichText::new(crate::i18n::journal::line(l, entry)).small());
                }
            });
            if !journal.is_empty() && ui.button(tr!(l, "journal-clear")).clicked() {
                out.push(DocumentCommand::ClearJournal.into());
            }
        });
    out
}
