//! The import dialog: what Écrin found in a model — what it is, its units, each part's role (band metal, head
//! metal — the second metal of a two-tone piece —, stones, or left out), its stones — for the designer to correct
//! and name before it goes into the collection, with what the house allows a client to change on it (ring sizes,
//! centre stones). Emits commands.

use crate::collection::Allowed;
use crate::design::{Species, ring_size};
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
            let size = setup.inner_diameter_mm.map(|d| format!(" · inner Ø {d:.2} mm")).unwrap_or_default();
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
            stones_grid(ui, setup);
            ui.add_space(4.0);
            house_rules(ui, &mut dialog.allowed, setup);
            ui.horizontal(|ui| {
                let any_shown = setup.parts.iter().any(|p| p.role != PartUse::LeftOut);
                ui.add_enabled_ui(any_shown && !dialog.name.trim().is_empty(), |ui| {
                    if ui.button("Add to the collection").clicked() {
                        out.push(
                            CollectionCommand::Add {
                                path: dialog.path.clone(),
                                name: Some(dialog.name.trim().to_string()),
                                setup: Some(Box::new(setup.clone())),
                                allowed: dialog.allowed.clone(),
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

/// What the house allows a client to change: the ring sizes it makes the model in (EU, when the band can be
/// resized) and the centre stones it sets in it (none ticked: any).
fn house_rules(ui: &mut egui::Ui, allowed: &mut Allowed, setup: &crate::geometry::house::HouseSetup) {
    ui.strong("The house allows");
    if setup.inner_diameter_mm.is_some() {
        ui.horizontal(|ui| {
            let (min, max) = &mut allowed.ring_sizes_mm;
            ui.label("Ring sizes, EU");
            let range = ring_size::EU_MIN..=ring_size::EU_MAX;
            ui.add(egui::DragValue::new(min).range(range.clone()).speed(0.5).max_decimals(0));
            ui.label("to");
            ui.add(egui::DragValue::new(max).range(range).speed(0.5).max_decimals(0));
            *max = max.max(*min);
        });
    }
    // The centre stone's size, where the head is a part of its own (it follows the stone).
    if let Some(modelled) = setup.centre_mm().filter(|_| setup.restoneable()) {
        ui.horizontal(|ui| {
            let mut resizable = allowed.centre_mm.is_some();
            ui.checkbox(&mut resizable, "Centre stone from");
            let (mut min, mut max) = allowed.centre_mm.unwrap_or((modelled * 0.8, modelled * 1.25));
            ui.add_enabled(resizable, egui::DragValue::new(&mut min).range(2.0..=modelled).speed(0.05).suffix(" mm"));
            ui.label("to");
            ui.add_enabled(resizable, egui::DragValue::new(&mut max).range(modelled..=20.0).speed(0.05).suffix(" mm"));
            allowed.centre_mm = resizable.then_some((min, max));
        });
    }
    ui.label("Centre stones (none ticked: any)");
    ui.horizontal_wrapped(|ui| {
        for species in Species::ALL {
            let mut allowed_here = allowed.centre_species.contains(&species);
            if ui.checkbox(&mut allowed_here, species.label()).changed() {
                allowed.centre_species.retain(|&s| s != species);
                if allowed_here {
                    allowed.centre_species.push(species);
                }
            }
        }
    });
}

/// Each stone found: where it is set and the cut its outline is closest to, for the designer to correct (one
/// centre stone at most: making a stone the centre makes the former centre a side stone).
fn stones_grid(ui: &mut egui::Ui, setup: &mut crate::geometry::house::HouseSetup) {
    if setup.stones.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Stones ({})", setup.stones.len())).id_salt("import stones").show(ui, |ui| {
        egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
            let mut new_centre = None;
            egui::Grid::new("import stones grid").striped(true).show(ui, |ui| {
                for (index, stone) in setup.stones.iter_mut().enumerate() {
                    ui.label(format!("{} · {:.2} mm", index + 1, stone.size_mm));
                    ui.horizontal(|ui| {
                        for (seat, word) in
                            [(StoneSeat::Centre, "Centre"), (StoneSeat::Side, "Side"), (StoneSeat::Melee, "Melee")]
                        {
                            if ui.selectable_label(stone.seat == seat, word).clicked() && stone.seat != seat {
                                stone.seat = seat;
                                if seat == StoneSeat::Centre {
                                    new_centre = Some(index);
                                }
                            }
                        }
                    });
                    egui::ComboBox::from_id_salt(("import stone cut", index))
                        .selected_text(stone.cut.label())
                        .width(130.0)
                        .show_ui(ui, |ui| {
                            for cut in crate::design::Cut::ALL {
                                ui.selectable_value(&mut stone.cut, cut, cut.label());
                            }
                        });
                    ui.end_row();
                }
            });
            if let Some(centre) = new_centre {
                for (index, stone) in setup.stones.iter_mut().enumerate() {
                    if index != centre && stone.seat == StoneSeat::Centre {
                        stone.seat = StoneSeat::Side;
                    }
                }
            }
        });
    });
}
