//! The design panel: metal, stone, setting, size and engraving controls. It reads the design and only returns
//! commands; it never changes anything itself (tested with egui_kittest).

use crate::collection::Allowed;
use crate::design::ring_size::{self, SizeSystem};
use crate::design::{Alloy, Cut, Design, DesignCommand, Finish, Setting, ShankStyle, Species, limits};
use crate::geometry::cut::dimensions_mm;
use bevy_egui::egui::{self, Color32, Rgba, RichText};

/// Text being typed that is not yet a command.
#[derive(Default, Clone, Debug)]
pub struct PanelDrafts {
    pub target_carats: f32,
    pub engraving: Option<String>,
    pub name: Option<String>,
}

/// Colour of a metal swatch: the alloy's F0 shown as sRGB.
pub fn swatch_colour(alloy: Alloy) -> Color32 {
    let [r, g, b] = alloy.f0_linear();
    Color32::from(Rgba::from_rgb(r, g, b))
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// Draws the controls for `design` (a model of the house's collection: only what the house allows, `rules`);
/// returns the commands the advisor or client asked for.
pub fn design_panel(
    ui: &mut egui::Ui,
    design: &Design,
    drafts: &mut PanelDrafts,
    rules: Option<&Allowed>,
) -> Vec<DesignCommand> {
    let mut out = Vec::new();

    let name = drafts.name.get_or_insert_with(|| design.name.clone());
    if ui.add(egui::TextEdit::singleline(name).hint_text("Design name")).lost_focus() && *name != design.name {
        out.push(DesignCommand::SetName(name.clone()));
    }

    // A house's model keeps its own head, band and stones' cut and size: only what it allows is offered.
    let house = design.source.collection();
    match house {
        Some(model) => {
            section(ui, "Model");
            ui.label(format!("{} — the house's collection", model.name)).on_hover_text(
                "Its band, head and stones are the house's; metal, centre stone, size and engraving change",
            );
        }
        None => out.extend(crate::studio::necklace::panel::piece_section(ui, design)),
    }

    section(ui, "Metal");
    ui.horizontal_wrapped(|ui| {
        for alloy in Alloy::ALL {
            let selected = design.metal.alloy == alloy;
            let swatch = egui::Button::new(RichText::new(alloy.label()).color(Color32::BLACK).size(12.0))
                .fill(swatch_colour(alloy))
                .stroke(if selected { egui::Stroke::new(3.0, Color32::WHITE) } else { egui::Stroke::NONE })
                .min_size(egui::vec2(94.0, 30.0));
            if ui.add(swatch).clicked() && !selected {
                out.push(DesignCommand::SetAlloy(alloy));
            }
        }
    });
    ui.horizontal(|ui| {
        for finish in Finish::ALL {
            if ui.selectable_label(design.metal.finish == finish, finish.label()).clicked()
                && design.metal.finish != finish
            {
                out.push(DesignCommand::SetFinish(finish));
            }
        }
    });

    ui.horizontal(|ui| {
        ui.label("Head");
        let shown = design.head_alloy.map_or("Same as band", Alloy::label);
        egui::ComboBox::from_id_salt("head_alloy").selected_text(shown).width(180.0).show_ui(ui, |ui| {
            if ui.selectable_label(design.head_alloy.is_none(), "Same as band").clicked() && design.head_alloy.is_some()
            {
                out.push(DesignCommand::SetHeadAlloy(None));
            }
            for alloy in Alloy::ALL.into_iter().filter(|&a| a != design.metal.alloy) {
                if ui.selectable_label(design.head_alloy == Some(alloy), alloy.label()).clicked() {
                    out.push(DesignCommand::SetHeadAlloy(Some(alloy)));
                }
            }
        });
    })
    .response
    .on_hover_text("Two-tone: a different metal for the head, e.g. white gold prongs on a yellow band");
    // A house's model at a new size is made off the frame: its weight follows once it is there.
    let estimable = design.source.collection().is_none()
        || crate::geometry::house::key_for(design).is_some_and(crate::geometry::house::is_ready);
    let weights = estimable.then(|| crate::estimate::weights(design));
    let (band, head) = if design.necklace.is_some() { ("chain", "pendant") } else { ("band", "head") };
    if weights.is_none() {
        ui.label(egui::RichText::new("Weighing the model…").weak());
    } else if let Some(weights) = weights.filter(|w| w.solid) {
        ui.label(format!(
            "≈ {:.2} g of metal ({band} {:.2} g, {head} {:.2} g)",
            weights.metal_grams(),
            weights.band_grams,
            weights.head_grams
        ))
        .on_hover_text("Estimated from the model's volume at this ring size and the alloy's density");
    } else {
        ui.label("Weight unavailable: the model is not a closed solid")
            .on_hover_text(format!("Open surfaces: {}", crate::estimate::open_metal(design).join(", ")));
    }

    section(ui, "Stone");
    // A house's model without a centre stone (a head set on a band, waiting for its stone) has no species to choose.
    let stoneless = house.is_some_and(|model| {
        crate::geometry::house::registered(&model.hash).is_some_and(|h| h.setup.centre_mm().is_none())
    });
    if !stoneless {
        egui::ComboBox::from_id_salt("species").selected_text(design.stone.species.label()).width(220.0).show_ui(
            ui,
            |ui| {
                for species in Species::ALL.into_iter().filter(|&s| rules.is_none_or(|r| r.allows_species(s))) {
                    if ui.selectable_label(design.stone.species == species, species.label()).clicked()
                        && design.stone.species != species
                    {
                        out.push(DesignCommand::SetSpecies(species));
                    }
                }
            },
        );
    }
    // Side stones (a halo, shoulders, pavé, a house model's melee): their own species.
    if estimable && !crate::estimate::small_stones(design).is_empty() {
        side_stones(ui, design, &mut out);
    }
    if let Some(model) = house {
        // The head follows the stone where the model's head is a part of its own and the house allows it.
        let restoneable = crate::geometry::house::registered(&model.hash).is_some_and(|h| h.setup.restoneable());
        let range = rules.and_then(|r| r.centre_mm).filter(|_| restoneable);
        let carats = weights.map_or(String::from("…"), |w| format!("{:.2}", w.centre_carats));
        match range {
            _ if stoneless => {
                ui.label(RichText::new("This model has no centre stone").weak());
            }
            Some((min, max)) => {
                let mut size = design.stone.size_mm;
                let slider = egui::Slider::new(&mut size, min..=max).step_by(0.05).suffix(" mm").text("length");
                if ui.add(slider).changed() && size != design.stone.size_mm {
                    out.push(DesignCommand::SetStoneSize(size));
                }
                ui.label(format!("{}  ·  {carats} ct", design.stone.cut.label()));
            }
            None => {
                let (cut, size) = (design.stone.cut.label(), design.stone.size_mm);
                ui.label(format!("{cut} {size:.2} mm  ·  {carats} ct (as modelled)"));
            }
        }
        ring_sections(ui, design, drafts, rules, &mut out);
        return out;
    }
    egui::Grid::new("cuts").num_columns(3).show(ui, |ui| {
        for (i, cut) in Cut::ALL.into_iter().enumerate() {
            if ui.selectable_label(design.stone.cut == cut, cut.label()).clicked() && design.stone.cut != cut {
                out.push(DesignCommand::SetCut(cut));
            }
            if i % 3 == 2 {
                ui.end_row();
            }
        }
    });
    let (min, max) = limits::STONE_MM;
    let mut size = design.stone.size_mm;
    let slider = egui::Slider::new(&mut size, min..=max).step_by(0.05).suffix(" mm").text("length");
    if ui.add(slider).changed() && size != design.stone.size_mm {
        out.push(DesignCommand::SetStoneSize(size));
    }
    let (length, width, depth) = dimensions_mm(design.stone.cut, design.stone.size_mm);
    ui.label(format!("{length:.2} × {width:.2} × {depth:.2} mm  ·  {:.2} ct", crate::estimate::centre_carats(design)));
    let metrics = crate::optics::metrics::metrics_for(design.stone.cut, design.stone.species);
    ui.label(format!("brilliance {:.2}  ·  fire {:.2}", metrics.light_return, metrics.fire)).on_hover_text(
        "Light return and fire of this cut in this stone, from Écrin's ray tracer (face-up, standard light)",
    );
    ui.horizontal(|ui| {
        if drafts.target_carats <= 0.0 {
            drafts.target_carats = (crate::estimate::centre_carats(design) * 100.0).round() / 100.0;
        }
        ui.label("Target weight");
        ui.add(egui::DragValue::new(&mut drafts.target_carats).range(0.01..=60.0).speed(0.01).suffix(" ct"));
        // The drag value keeps the target positive and finite: the size for it always exists.
        if ui.button("Set size").clicked()
            && let Ok(command) = crate::estimate::set_carats(design, drafts.target_carats)
        {
            out.push(command);
        }
    });

    if design.necklace.is_none() {
        ring_sections(ui, design, drafts, None, &mut out);
    }
    out
}

/// Setting, band, ring size and engraving: for rings only.
fn ring_sections(
    ui: &mut egui::Ui,
    design: &Design,
    drafts: &mut PanelDrafts,
    rules: Option<&Allowed>,
    out: &mut Vec<DesignCommand>,
) {
    if design.source.is_ecrin() {
        style_sections(ui, design, out);
    }
    size_and_engraving(ui, design, drafts, rules, out);
}

/// Écrin's setting and band styles.
fn style_sections(ui: &mut egui::Ui, design: &Design, out: &mut Vec<DesignCommand>) {
    section(ui, "Setting");
    ui.horizontal_wrapped(|ui| {
        for setting in Setting::ALL {
            if ui.selectable_label(design.setting == setting, setting.label()).clicked() && design.setting != setting {
                out.push(DesignCommand::SetSetting(setting));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Band");
        for shank in ShankStyle::ALL {
            if ui.selectable_label(design.shank == shank, shank.label()).clicked() && design.shank != shank {
                out.push(DesignCommand::SetShank(shank));
            }
        }
    });
}

/// Ring size (within the sizes the house makes its model in) and engraving.
fn size_and_engraving(
    ui: &mut egui::Ui,
    design: &Design,
    drafts: &mut PanelDrafts,
    rules: Option<&Allowed>,
    out: &mut Vec<DesignCommand>,
) {
    section(ui, "Ring size");
    ui.horizontal(|ui| {
        for system in SizeSystem::ALL {
            if ui.selectable_label(design.size_system == system, system.label()).clicked()
                && design.size_system != system
            {
                out.push(DesignCommand::SetSizeSystem(system));
            }
        }
    });
    ui.horizontal(|ui| {
        let system = design.size_system;
        let current = ring_size::size_in(system, design.ring_size_mm);
        let (smaller, larger) = (
            ring_size::circumference_mm(system, current - system.step()),
            ring_size::circumference_mm(system, current + system.step()),
        );
        let allowed = |size: f32| rules.is_none_or(|r| r.allows_size_change(design.ring_size_mm, size));
        if ui.add_enabled(allowed(smaller), egui::Button::new("−")).clicked() {
            out.push(DesignCommand::SetRingSize(smaller));
        }
        ui.label(RichText::new(ring_size::label(system, design.ring_size_mm)).strong().size(18.0));
        if ui.add_enabled(allowed(larger), egui::Button::new("+")).clicked() {
            out.push(DesignCommand::SetRingSize(larger));
        }
        ui.label(format!(
            "EU {}  ·  Ø {:.2} mm",
            ring_size::label(SizeSystem::Eu, design.ring_size_mm),
            ring_size::inner_diameter_mm(design.ring_size_mm)
        ));
    });
    // Only a narrower range than Écrin's own is worth saying.
    if let Some((min, max)) = rules.map(|r| r.ring_sizes_mm).filter(|&r| r != Allowed::default().ring_sizes_mm) {
        ui.label(RichText::new(format!("The house makes it in EU {min:.0} to {max:.0}")).weak());
    }

    section(ui, "Engraving");
    let engraving = drafts.engraving.get_or_insert_with(|| design.engraving.clone());
    let response = ui.add(
        egui::TextEdit::singleline(engraving).hint_text("inside the band").char_limit(limits::ENGRAVING_MAX_CHARS + 10),
    );
    if response.changed() && *engraving != design.engraving {
        out.push(DesignCommand::SetEngraving(engraving.clone()));
    }
    if !response.has_focus() {
        // Show what the design holds (a refused text comes back to the last valid one).
        drafts.engraving = Some(design.engraving.clone());
    }
    ui.label(
        RichText::new(format!("{}/{} characters", design.engraving.chars().count(), limits::ENGRAVING_MAX_CHARS))
            .weak(),
    );
}

/// A design replaced from outside (preset opened, undo): forget the drafts so the fields show it.
pub fn reset_drafts(drafts: &mut PanelDrafts) {
    *drafts = PanelDrafts::default();
}

/// The side stones' species, beside the centre stone's.
fn side_stones(ui: &mut egui::Ui, design: &Design, out: &mut Vec<DesignCommand>) {
    ui.horizontal(|ui| {
        ui.label("Side stones");
        let side = design.side_stones();
        egui::ComboBox::from_id_salt("side_species").selected_text(side.label()).width(170.0).show_ui(ui, |ui| {
            for species in Species::ALL {
                if ui.selectable_label(side == species, species.label()).clicked() && side != species {
                    out.push(DesignCommand::SetSideSpecies(species));
                }
            }
        });
    })
    .response
    .on_hover_text("The halo's, the shoulders' or the pavé's stones: diamonds, or coloured stones round the centre");
}
