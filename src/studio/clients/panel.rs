//! The *Client data* section: each client named by the approval packs, a copy for them, their erasure after a
//! confirmation. Emits commands only.

use super::{ClientData, ClientDataCommand};
use crate::i18n::Language;
use crate::studio::commands::StudioCommand;
use crate::tr;
use bevy_egui::egui;

/// The section (collapsed until opened: the list is read when it opens).
pub fn client_data_ui(ui: &mut egui::Ui, data: &ClientData, l: Language) -> Vec<StudioCommand> {
    let mut emitted = Vec::new();
    let header = egui::CollapsingHeader::new(l.tr("client-data-title")).id_salt("panel-client-data").show(ui, |ui| {
        ui.label(egui::RichText::new(l.tr("client-data-where")).small().weak());
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
