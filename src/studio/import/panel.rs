//! The import dialog: what Écrin found in a model — what it is, its units, each part's role (band metal, head
//! metal — the second metal of a two-tone piece —, stones, or left out), its stones — for the designer to correct
//! and name before it goes into the collection. Emits commands.

use crate::geometry::house::{PartUse, StoneSeat, Zone};
use crate::studio::collection::CollectionCommand;
use crate::studio::commands::StudioCommand;
use crate::studio::import::{ImportCommand, ImportDialog};
use bevy_egui::egui;

/// The import dialog (a window over the studio).
pub fn import_dialog(ctx: &egui::Context, dialog: &mut ImportDialog) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let file = dialog.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    egui::Window::new(format!("Add {file} to the collection"))
        .id(egui::Id::new("import dialog"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let setup = &mut dialog.setup;
            ui.horizontal(|ui| {
                ui.label("Name");
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.name).id(egui::Id::new("import name")).desired_width(220.0),
                );
            });
            let size = setup.inner_diameter_mm.map(|d| format!(" · inner ⌀ {d:.2} mm")).unwrap_or_default();
            ui.label(format!("A {} in {} (× {} to mm){size}", setup.kind.word(), setup.units, setup.scale_to_mm));
            ui.add_space(4.0);
            egui::Grid::new("import parts").striped(true).show(ui, |ui| {
                ui.strong("Part");
                ui.strong("Material");
                ui.strong("Is");
                ui.end_row();
                for part in setup.parts.iter_mut() {
                    ui.label(if part.node.is_empty() { &part.mesh } else { &part.node });
                    ui.label(&part.material);
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut part.role, PartUse::Metal(Zone::Band), "Band metal");
                        ui.selectable_value(&mut part.role, PartUse::Metal(Zone::Head), "Head metal");
                        ui.selectable_value(&mut part.role, PartUse::Stone, "Stones");
                        ui.selectable_value(&mut part.role, PartUse::LeftOut, "Leave out");
                    });
                    ui.end_row();
                }
            });
            let count = |seat| setup.stones.iter().filter(|s| s.seat == seat).count();
            if let Some(centre) = setup.stones.iter().find(|s| s.seat == StoneSeat::Centre) {
                ui.label(format!("Centre stone: {}, {:.2} mm", centre.cut.label(), centre.size_mm));
            }
            ui.label(format!("{} side stones, {} melee", count(StoneSeat::Side), count(StoneSeat::Melee)));
            ui.horizontal(|ui| {
                let any_shown = setup.parts.iter().any(|p| p.role != PartUse::LeftOut);
                ui.add_enabled_ui(any_shown && !dialog.name.trim().is_empty(), |ui| {
                    if ui.button("Add to the collection").clicked() {
                        out.push(
                            CollectionCommand::Add {
                                path: dialog.path.clone(),
                                name: Some(dialog.name.trim().to_string()),
                                setup: Some(Box::new(setup.clone())),
                            }
                            .into(),
                        );
                        out.push(ImportCommand::CloseDialog.into());
                    }
                });
                if ui.button("Cancel").clicked() {
                    out.push(ImportCommand::CloseDialog.into());
                }
            });
        });
    out
}
