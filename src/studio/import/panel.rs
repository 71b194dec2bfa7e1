//! The import dialog: what Écrin found in a model — what it is, its units, each part's role (band metal, head
//! metal — the second metal of a two-tone piece —, stones, or left out), its stones — for the designer to correct
//! and name before it goes into the collection, with what the house allows a client to change on it (ring sizes,
//! centre stones). Emits commands.

use crate::collection::Allowed;
use crate::design::{Species, ring_size};
use crate::geometry::house::ModelKind;
use crate::geometry::house::analyse::Unit;
use crate::geometry::house::{PartUse, StoneSeat, Zone};
use crate::i18n::{Language, format};
use crate::studio::collection::CollectionCommand;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::widgets::in_language;
use crate::studio::import::{ImportCommand, ImportDialog, ReadAs, SizeQuestion};
use crate::tr;
use bevy_egui::egui;

/// The import dialog (a window over the studio), in the advisor's language.
pub fn import_dialog(ctx: &egui::Context, dialog: &mut ImportDialog, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let file = dialog.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    egui::Window::new(tr!(l, "import-title", file = file))
        .id(egui::Id::new("import dialog"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let setup = &mut dialog.setup;
            ui.horizontal(|ui| {
                ui.label(tr!(l, "import-name"));
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.name).id(egui::Id::new("import name")).desired_width(220.0),
                );
            });
            let kind = l.term(setup.kind);
            // A whole scale (× 1000 from metres) shows no decimals; 25.4 from inches shows its own.
            let digits = if setup.scale_to_mm.fract() == 0.0 { 0 } else { 3 };
            let scale = format::number(l, f64::from(setup.scale_to_mm), digits);
            let what = tr!(l, "import-what", kind = kind, units = &setup.units, scale = scale);
            let size = setup.inner_diameter_mm.map(|d| format::millimetres(l, d, 2));
            ui.label(match size {
                Some(size) => tr!(l, "import-what-inner", what = what, diameter = size),
                None => what,
            });
            if read_as_row(ui, &mut dialog.read_as, l) {
                out.push(ImportCommand::ReadAs(dialog.path.clone(), dialog.read_as.clone()).into());
            }
            ui.add_space(4.0);
            // A model of many parts scrolls its list, so that the dialog's buttons stay on a 720-pixel screen.
            let list_height = (ctx.viewport_rect().height() * 0.35).max(120.0);
            egui::ScrollArea::vertical().id_salt("import parts list").max_height(list_height).show(ui, |ui| {
                egui::Grid::new("import parts").striped(true).show(ui, |ui| {
                    ui.strong(tr!(l, "import-part"));
                    ui.strong(tr!(l, "import-material"));
                    ui.strong(tr!(l, "import-is"));
                    ui.end_row();
                    for part in setup.parts.iter_mut() {
                        ui.label(if part.node.is_empty() { &part.mesh } else { &part.node });
                        ui.label(&part.material);
                        ui.horizontal(|ui| {
                            ui.selectable_value(
                                &mut part.role,
                                PartUse::Metal(Zone::Band),
                                tr!(l, "import-band-metal"),
                            );
                            ui.selectable_value(
                                &mut part.role,
                                PartUse::Metal(Zone::Head),
                                tr!(l, "import-head-metal"),
                            );
                            ui.selectable_value(&mut part.role, PartUse::Stone, tr!(l, "import-stones"));
                            ui.selectable_value(&mut part.role, PartUse::LeftOut, tr!(l, "import-leave-out"));
                        });
                        ui.end_row();
                    }
                });
            });
            let count = |seat| setup.stones.iter().filter(|s| s.seat == seat).count();
            if let Some(centre) = setup.stones.iter().find(|s| s.seat == StoneSeat::Centre) {
                let size = format::millimetres(l, centre.size_mm, 2);
                ui.label(tr!(l, "import-centre-stone", cut = l.term(centre.cut), size = size));
            }
            ui.label(tr!(l, "import-side-and-melee", side = count(StoneSeat::Side), melee = count(StoneSeat::Melee)));
            stones_grid(ui, setup, l);
            ui.add_space(4.0);
            house_rules(ui, &mut dialog.allowed, setup, l);
            ui.horizontal(|ui| {
                let any_shown = setup.parts.iter().any(|p| p.role != PartUse::LeftOut);
                ui.add_enabled_ui(any_shown && !dialog.name.trim().is_empty(), |ui| {
                    if ui.button(tr!(l, "import-add")).clicked() {
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
                if ui.button(tr!(l, "import-cancel")).clicked() {
                    out.push(ImportCommand::CloseDialog.into());
                }
            });
        });
    out
}

/// What the house allows a client to change: the ring sizes it makes the model in (EU, when the band can be
/// resized) and the centre stones it sets in it (none ticked: any).
fn house_rules(ui: &mut egui::Ui, allowed: &mut Allowed, setup: &crate::geometry::house::HouseSetup, l: Language) {
    ui.strong(tr!(l, "import-house-allows"));
    if setup.inner_diameter_mm.is_some() {
        ui.horizontal(|ui| {
            let (min, max) = &mut allowed.ring_sizes_mm;
            ui.label(tr!(l, "import-ring-sizes"));
            let range = ring_size::EU_MIN..=ring_size::EU_MAX;
            ui.add(egui::DragValue::new(min).range(range.clone()).speed(0.5).max_decimals(0));
            ui.label(tr!(l, "import-to"));
            ui.add(egui::DragValue::new(max).range(range).speed(0.5).max_decimals(0));
            *max = max.max(*min);
        });
    }
    // The centre stone's size, where the head is a part of its own (it follows the stone).
    if let Some(modelled) = setup.centre_mm().filter(|_| setup.restoneable()) {
        ui.horizontal(|ui| {
            let mut resizable = allowed.centre_mm.is_some();
            ui.checkbox(&mut resizable, tr!(l, "import-centre-from"));
            let (mut min, mut max) = allowed.centre_mm.unwrap_or((modelled * 0.8, modelled * 1.25));
            let number = |value| in_language(value, l, 2);
            ui.add_enabled(
                resizable,
                number(egui::DragValue::new(&mut min).range(2.0..=modelled).speed(0.05).suffix(" mm")),
            );
            ui.label(tr!(l, "import-to"));
            ui.add_enabled(
                resizable,
                number(egui::DragValue::new(&mut max).range(modelled..=20.0).speed(0.05).suffix(" mm")),
            );
            allowed.centre_mm = resizable.then_some((min, max));
        });
    }
    ui.label(tr!(l, "import-centre-species"));
    ui.horizontal_wrapped(|ui| {
        for species in Species::ALL {
            let mut allowed_here = allowed.centre_species.contains(&species);
            if ui.checkbox(&mut allowed_here, l.term(species)).changed() {
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
fn stones_grid(ui: &mut egui::Ui, setup: &mut crate::geometry::house::HouseSetup, l: Language) {
    if setup.stones.is_empty() {
        return;
    }
    let header = tr!(l, "import-stones-count", count = setup.stones.len());
    egui::CollapsingHeader::new(header).id_salt("import stones").show(ui, |ui| {
        egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
            let mut new_centre = None;
            egui::Grid::new("import stones grid").striped(true).show(ui, |ui| {
                for (index, stone) in setup.stones.iter_mut().enumerate() {
                    ui.label(format!("{} · {}", index + 1, format::millimetres(l, stone.size_mm, 2)));
                    ui.horizontal(|ui| {
                        for seat in [StoneSeat::Centre, StoneSeat::Side, StoneSeat::Melee] {
                            if ui.selectable_label(stone.seat == seat, l.term(seat)).clicked() && stone.seat != seat {
                                stone.seat = seat;
                                if seat == StoneSeat::Centre {
                                    new_centre = Some(index);
                                }
                            }
                        }
                    });
                    egui::ComboBox::from_id_salt(("import stone cut", index))
                        .selected_text(l.term(stone.cut))
                        .width(130.0)
                        .show_ui(ui, |ui| {
                            for cut in crate::design::Cut::ALL {
                                ui.selectable_value(&mut stone.cut, cut, l.term(cut));
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

/// What the model is read as — its kind, its units, or a ring's inner diameter —; true when the designer asks to
/// read it again so.
fn read_as_row(ui: &mut egui::Ui, read_as: &mut ReadAs, l: Language) -> bool {
    let mut again = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "import-read-as"));
        egui::ComboBox::from_id_salt("import read as kind").selected_text(l.term(read_as.kind)).show_ui(ui, |ui| {
            for kind in ModelKind::ALL {
                ui.selectable_value(&mut read_as.kind, kind, l.term(kind));
            }
        });
        let units = read_as.units.map_or_else(|| tr!(l, "import-units-found"), |u| u.symbol().to_string());
        egui::ComboBox::from_id_salt("import read as units").selected_text(units).show_ui(ui, |ui| {
            ui.selectable_value(&mut read_as.units, None, tr!(l, "import-units-found"));
            for unit in Unit::ALL {
                ui.selectable_value(&mut read_as.units, Some(unit), unit.symbol());
            }
        });
        if matches!(read_as.kind, ModelKind::Ring | ModelKind::Band) && read_as.units.is_none() {
            let mut given = read_as.inner_diameter_mm.is_some();
            ui.checkbox(&mut given, tr!(l, "import-inner-diameter"));
            let mut mm = read_as.inner_diameter_mm.unwrap_or(super::PROPOSED_INNER_DIAMETER_MM);
            let field = in_language(egui::DragValue::new(&mut mm).range(12.1..=24.2).speed(0.05).suffix(" mm"), l, 2);
            ui.add_enabled(given, field);
            read_as.inner_diameter_mm = given.then_some(mm);
        }
        again = ui.button(tr!(l, "import-read-again")).clicked();
    });
    again
}

/// A model whose size Écrin could not read: why, and what it is and its size, as the designer says.
pub fn size_question(ctx: &egui::Context, question: &mut SizeQuestion, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let file = question.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    egui::Window::new(tr!(l, "import-size-title", file = file))
        .id(egui::Id::new("import size question"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(question.why.in_language(l));
            ui.label(tr!(l, "import-size-ask"));
            if read_as_row(ui, &mut question.read_as, l) {
                out.push(ImportCommand::ReadAs(question.path.clone(), question.read_as.clone()).into());
            }
            if ui.button(tr!(l, "import-cancel")).clicked() {
                out.push(ImportCommand::CloseDialog.into());
            }
        });
    out
}
