//! The *Client data* section: each client named by the approval packs, a copy for them, their erasure after a
//! confirmation; how many days unsaved sessions (autosaves) are kept. Emits commands only.

use super::{ClientData, ClientDataCommand};
use crate::i18n::Language;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::language::settings::KeptAutosaves;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui;

/// The side panel's *Client data* section.
#[derive(SystemParam)]
pub struct ClientDataSection<'w> {
    data: Res<'w, ClientData>,
    kept: Res<'w, KeptAutosaves>,
}

impl ClientDataSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        client_data_ui(ui, &self.data, *self.kept, l)
    }
}

/// The section (collapsed until opened: the list is read when it opens).
pub fn client_data_ui(ui: &mut egui::Ui, data: &ClientData, kept: KeptAutosaves, l: Language) -> Vec<StudioCommand> {
    let mut emitted = Vec::new();
    let header = egui::CollapsingHeader::new(l.tr("client-data-title")).id_salt("panel-client-data").show(ui, |ui| {
        ui.label(egui::RichText::new(l.tr("client-data-where")).small().weak());
        if let Some(days) = autosaves_period(ui, data, kept, l) {
            emitted.push(ClientDataCommand::KeepAutosaves(days).into());
        }
        let Some(listed) = &data.listed else {
            ui.label(l.tr("client-data-reading"));
            return;
        };
        if listed.is_empty() {
            ui.label(l.tr("client-data-none"));
        }
        for (client, packs) in listed {
            ui.label(tr!(l, "client-data-line", client = client, count = *packs));
            ui.horizontal_wrapped(|ui| {
                let idle = !data.busy();
                if ui.add_enabled(idle, egui::Button::new(l.tr("client-data-export"))).clicked() {
                    emitted.push(ClientDataCommand::Export(client.clone()).into());
                }
                if ui.add_enabled(idle, egui::Button::new(l.tr("client-data-erase"))).clicked() {
                    emitted.push(ClientDataCommand::AskErase(client.clone()).into());
                }
            });
            if data.confirming.as_deref() == Some(client.as_str()) {
                ui.label(
                    egui::RichText::new(tr!(l, "client-data-erase-confirm", client = client, count = *packs))
                        .color(egui::Color32::from_rgb(255, 170, 120)),
                );
                ui.horizontal(|ui| {
                    if ui.button(l.tr("client-data-erase-yes")).clicked() {
                        emitted.push(ClientDataCommand::Erase(client.clone()).into());
                    }
                    if ui.button(l.tr("client-data-cancel")).clicked() {
                        emitted.push(ClientDataCommand::CancelErase.into());
                    }
                });
            }
        }
    });
    let opened = header.header_response.clicked() && header.body_returned.is_none();
    if opened || (header.body_returned.is_some() && data.listed.is_none() && !data.busy()) {
        emitted.push(ClientDataCommand::Refresh.into());
    }
    emitted
}

/// How many days autosaves are kept, chosen among a few periods (one choice, one command).
fn autosaves_period(ui: &mut egui::Ui, data: &ClientData, kept: KeptAutosaves, l: Language) -> Option<u32> {
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(l.tr("client-data-autosaves")).on_hover_text(l.tr("client-data-autosaves-hint"));
        let days = |count: u32| tr!(l, "client-data-days", count = count);
        ui.add_enabled_ui(!data.busy(), |ui| {
            egui::ComboBox::from_id_salt("client-data-autosaves-days").selected_text(days(kept.0)).show_ui(ui, |ui| {
                for period in KeptAutosaves::CHOICES {
                    if ui.selectable_label(period == kept.0, days(period)).clicked() && period != kept.0 {
                        chosen = Some(period);
                    }
                }
            });
        });
    });
    chosen
}
