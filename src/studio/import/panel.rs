//! The panel's "Boutique model" section and the import dialog: the report of a model (units, parts, problems) with
//! a metal / stone / leave-out choice per part, which the advisor can correct before showing it. Emits commands.

use crate::geometry::import::PartClass;
use crate::studio::commands::StudioCommand;
use crate::studio::import::{Import, ImportCommand, ImportDialog};
use bevy_egui::egui;

/// Open a model, or go back to Écrin's ring while one is shown.
pub fn model_ui(ui: &mut egui::Ui, import: &Import) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Boutique model").strong().size(15.0));
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!import.picking() && !import.analysing(), |ui| {
            if ui.button("Open model…").on_hover_text("A .glb or .gltf — or drop it on the window").clicked() {
                out.push(ImportCommand::Pick.into());
            }
        });
        if import.shown.is_some() && ui.button("Back to Écrin's ring").clicked() {
            out.push(ImportCommand::ShowComposedRing.into());
        }
    });
    if let Some(path) = &import.shown {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        ui.label(egui::RichText::new(format!("Showing {name}: metal and stone choices apply to it")).weak());
    }
    out
}

/// The import dialog (a window over the studio).
pub fn import_dialog(ctx: &egui::Context, dialog: &mut ImportDialog) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let name = dialog.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    egui::Window::new(format!("Import {name}"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "Units: {} (× {} to mm) · {} triangles",
                dialog.report.units, dialog.report.scale_to_mm, dialog.report.triangles
            ));
            ui.add_space(4.0);
            egui::Grid::new("import parts").striped(true).show(ui, |ui| {
                ui.strong("Part");
                ui.strong("Material");
                ui.strong("Triangles");
                ui.strong("Is");
                ui.end_row();
                for (part, class) in dialog.report.parts.iter().zip(dialog.classes.iter_mut()) {
                    let label = if part.mesh.is_empty() { &part.node } else { &part.mesh };
                    ui.label(label);
                    ui.label(&part.material);
                    ui.label(part.triangles.to_string());
                    ui.horizontal(|ui| {
                        ui.selectable_value(class, PartClass::Metal, "Metal");
                        ui.selectable_value(class, PartClass::Gem, "Stone");
                        ui.selectable_value(class, PartClass::Unknown, "Leave out");
                    });
                    ui.end_row();
                }
            });
            for problem in &dialog.report.problems {
                ui.label(egui::RichText::new(problem).color(egui::Color32::from_rgb(240, 190, 120)));
            }
            ui.horizontal(|ui| {
                let any_metal = dialog.classes.contains(&PartClass::Metal);
                ui.add_enabled_ui(any_metal, |ui| {
                    if ui.button("Show it").clicked() {
                        out.push(ImportCommand::Show(dialog.path.clone(), dialog.classes.clone()).into());
                    }
                });
                if ui.button("Cancel").clicked() {
                    out.push(ImportCommand::CloseDialog.into());
                }
            });
        });
    out
}
