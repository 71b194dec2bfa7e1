//! The design panel: metal, stone, setting, size and engraving controls. It reads the design and only returns
//! commands — the design's own, and the windows it opens (the sizer, the light map, the engraving's close-up) as those
//! features' commands; it never changes anything itself (tested with egui_kittest).

use crate::collection::Allowed;
use crate::design::engraving::{self, EngravingStyle};
use crate::design::ring_size::{self, SizeSystem};
use crate::design::{Alloy, Cut, Design, DesignCommand, Finish, Setting, ShankStyle, Species, limits};
use crate::geometry::cut::dimensions_mm;
use crate::i18n::{Language, format};
use crate::studio::camera::ViewCommand;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::widgets::{in_language, parse_number, swatch_colour};
use crate::studio::light_map::LightMapCommand;
use crate::studio::sizer::SizerCommand;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::{Local, Res};
use bevy_egui::egui::{self, Color32, RichText};

/// The side panel's design section: the design's controls and the text being typed in them, forgotten when the
/// design is replaced from outside (a preset opened, undo).
#[derive(SystemParam)]
pub struct DesignSection<'w, 's> {
    current: Res<'w, CurrentDesign>,
    drafts: Local<'s, (PanelDrafts, u64)>,
}

impl DesignSection<'_, '_> {
    /// The section, for a model of the house's collection only what the house allows (`rules`).
    pub fn show(&mut self, ui: &mut egui::Ui, rules: Option<&Allowed>, l: Language) -> Vec<StudioCommand> {
        let (drafts, revision) = &mut *self.drafts;
        if *revision != self.current.revision {
            reset_drafts(drafts);
            *revision = self.current.revision;
        }
        design_panel(ui, self.current.design(), drafts, rules, l)
    }
}

/// Text being typed that is not yet a command.
#[derive(Default, Clone, Debug)]
pub struct PanelDrafts {
    pub target_carats: f32,
    pub engraving: Option<String>,
    pub name: Option<String>,
}

fn section(ui: &mut egui::Ui, title: String) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// Draws the controls for `design` in the advisor's language (a model of the house's collection: only what the
/// house allows, `rules`); returns the commands the advisor or client asked for.
pub fn design_panel(
    ui: &mut egui::Ui,
    design: &Design,
    drafts: &mut PanelDrafts,
    rules: Option<&Allowed>,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();

    let name = drafts.name.get_or_insert_with(|| design.name.clone());
    if ui.add(egui::TextEdit::singleline(name).hint_text(tr!(l, "panel-design-name"))).lost_focus()
        && *name != design.name
    {
        out.push(DesignCommand::SetName(name.clone()).into());
    }

    // A house's model keeps its own head, band and stones' cut and size: only what it allows is offered.
    let house = design.source.collection();
    match house {
        Some(model) => {
            section(ui, tr!(l, "panel-model"));
            ui.label(tr!(l, "panel-model-value", name = &model.name)).on_hover_text(tr!(l, "panel-model-hover"));
        }
        None => out
            .extend(crate::studio::necklace::panel::piece_section(ui, design, l).into_iter().map(StudioCommand::from)),
    }

    section(ui, tr!(l, "panel-metal"));
    ui.horizontal_wrapped(|ui| {
        for alloy in Alloy::ALL {
            let selected = design.metal.alloy == alloy;
            let swatch = egui::Button::new(RichText::new(l.short_term(alloy)).color(Color32::BLACK).size(12.0))
                .fill(swatch_colour(alloy))
                .stroke(if selected { egui::Stroke::new(3.0, Color32::WHITE) } else { egui::Stroke::NONE })
                .min_size(egui::vec2(94.0, 30.0));
            if ui.add(swatch).on_hover_text(l.term(alloy)).clicked() && !selected {
                out.push(DesignCommand::SetAlloy(alloy).into());
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for finish in Finish::ALL {
            if ui.selectable_label(design.metal.finish == finish, l.term(finish)).clicked()
                && design.metal.finish != finish
            {
                out.push(DesignCommand::SetFinish(finish).into());
            }
        }
    });

    ui.horizontal(|ui| {
        ui.label(tr!(l, "panel-head"));
        let same = tr!(l, "panel-head-same");
        let shown = design.head_alloy.map_or(same.clone(), |a| l.short_term(a));
        egui::ComboBox::from_id_salt("head_alloy").selected_text(shown).width(180.0).show_ui(ui, |ui| {
            if ui.selectable_label(design.head_alloy.is_none(), same).clicked() && design.head_alloy.is_some() {
                out.push(DesignCommand::SetHeadAlloy(None).into());
            }
            for alloy in Alloy::ALL.into_iter().filter(|&a| a != design.metal.alloy) {
                if ui.selectable_label(design.head_alloy == Some(alloy), l.term(alloy)).clicked() {
                    out.push(DesignCommand::SetHeadAlloy(Some(alloy)).into());
                }
            }
        });
    })
    .response
    .on_hover_text(tr!(l, "panel-head-hover"));
    // A house's model at a new size is made off the frame: its weight follows once it is there.
    let estimable = design.source.collection().is_none()
        || crate::geometry::house::key_for(design).is_some_and(crate::geometry::house::is_ready);
    let weights = estimable.then(|| crate::estimate::weights(design));
    let key = if design.necklace.is_some() { "panel-weight-necklace" } else { "panel-weight-ring" };
    if weights.is_none() {
        ui.label(egui::RichText::new(tr!(l, "panel-weighing")).weak());
    } else if let Some(weights) = weights.filter(|w| w.solid) {
        let grams = |g: f32| format::grams(l, g);
        let (total, band, head) = (grams(weights.metal_grams()), grams(weights.band_grams), grams(weights.head_grams));
        ui.label(l.tr_with(key, &[("total", total.into()), ("band", band.into()), ("head", head.into())]))
            .on_hover_text(tr!(l, "panel-weight-hover"));
    } else {
        let open = crate::estimate::open_metal(design).join(", ");
        ui.label(tr!(l, "panel-weight-unavailable")).on_hover_text(tr!(l, "panel-open-surfaces", parts = open));
    }

    section(ui, tr!(l, "panel-stone"));
    // A house's model without a centre stone (a head set on a band, waiting for its stone) has no species to choose.
    let stoneless = house.is_some_and(|model| {
        crate::geometry::house::registered(&model.hash).is_some_and(|h| h.setup.centre_mm().is_none())
    });
    if !stoneless {
        egui::ComboBox::from_id_salt("species").selected_text(l.term(design.stone.species)).width(220.0).show_ui(
            ui,
            |ui| {
                for species in Species::ALL.into_iter().filter(|&s| rules.is_none_or(|r| r.allows_species(s))) {
                    if ui.selectable_label(design.stone.species == species, l.term(species)).clicked()
                        && design.stone.species != species
                    {
                        out.push(DesignCommand::SetSpecies(species).into());
                    }
                }
            },
        );
    }
    // Side stones (a halo, shoulders, pavé, a house model's melee): their own species.
    if estimable && !crate::estimate::small_stones(design).is_empty() {
        side_stones(ui, design, &mut out, l);
    }
    if let Some(model) = house {
        // The head follows the stone where the model's head is a part of its own and the house allows it.
        let restoneable = crate::geometry::house::registered(&model.hash).is_some_and(|h| h.setup.restoneable());
        let range = rules.and_then(|r| r.centre_mm).filter(|_| restoneable);
        let carats = weights.map_or(String::from("…"), |w| format::carats(l, w.centre_carats));
        match range {
            _ if stoneless => {
                ui.label(RichText::new(tr!(l, "panel-no-centre-stone")).weak());
            }
            Some((min, max)) => {
                stone_length_slider(ui, design, (min, max), &mut out, l);
                ui.label(format!("{}  ·  {carats}", l.term(design.stone.cut)));
            }
            None => {
                let size = format::millimetres(l, design.stone.size_mm, 2);
                ui.label(tr!(
                    l,
                    "panel-stone-as-modelled",
                    cut = l.term(design.stone.cut),
                    size = size,
                    carats = carats
                ));
            }
        }
        ring_sections(ui, design, drafts, rules, &mut out, l);
        return out;
    }
    egui::Grid::new("cuts").num_columns(3).show(ui, |ui| {
        for (i, cut) in Cut::ALL.into_iter().enumerate() {
            if ui.selectable_label(design.stone.cut == cut, l.term(cut)).clicked() && design.stone.cut != cut {
                out.push(DesignCommand::SetCut(cut).into());
            }
            if i % 3 == 2 {
                ui.end_row();
            }
        }
    });
    stone_length_slider(ui, design, limits::STONE_MM, &mut out, l);
    let (length, width, depth) = dimensions_mm(design.stone.cut, design.stone.size_mm);
    let n = |mm: f32| format::number(l, f64::from(mm), 2);
    let carats = format::carats(l, crate::estimate::centre_carats(design));
    ui.label(tr!(l, "panel-stone-dimensions", length = n(length), width = n(width), depth = n(depth), carats = carats));
    let metrics = crate::optics::metrics::metrics_for(design.stone.cut, design.stone.species);
    let (brilliance, fire, contrast) = (n(metrics.light_return), n(metrics.fire), n(metrics.contrast));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "panel-brilliance-fire", brilliance = brilliance, fire = fire, contrast = contrast))
            .on_hover_text(tr!(l, "panel-brilliance-hover"));
        let light_map = ui.add(egui::Button::new(tr!(l, "light-map-open"))).on_hover_text(tr!(l, "light-map-explain"));
        if light_map.clicked() {
            out.push(LightMapCommand::Open.into());
        }
    });
    ui.horizontal(|ui| {
        if drafts.target_carats <= 0.0 {
            drafts.target_carats = (crate::estimate::centre_carats(design) * 100.0).round() / 100.0;
        }
        ui.label(tr!(l, "panel-target-weight"));
        let target = egui::DragValue::new(&mut drafts.target_carats).range(0.01..=60.0).speed(0.01).suffix(" ct");
        ui.add(in_language(target, l, 2));
        // The drag value keeps the target positive and finite: the size for it always exists.
        if ui.button(tr!(l, "panel-set-size")).clicked()
            && let Ok(command) = crate::estimate::set_carats(design, drafts.target_carats)
        {
            out.push(command.into());
        }
    });

    if design.necklace.is_none() {
        ring_sections(ui, design, drafts, None, &mut out, l);
    }
    out
}

/// The centre stone's length, within `range` mm.
fn stone_length_slider(
    ui: &mut egui::Ui,
    design: &Design,
    (min, max): (f32, f32),
    out: &mut Vec<StudioCommand>,
    l: Language,
) {
    let mut size = design.stone.size_mm;
    let slider = egui::Slider::new(&mut size, min..=max)
        .step_by(0.05)
        .suffix(" mm")
        .text(tr!(l, "panel-length"))
        .custom_formatter(|value, _| format::number(l, value, 2))
        .custom_parser(parse_number);
    if ui.add(slider).changed() && size != design.stone.size_mm {
        out.push(DesignCommand::SetStoneSize(size).into());
    }
}

/// Setting, band, ring size and engraving: for rings only.
fn ring_sections(
    ui: &mut egui::Ui,
    design: &Design,
    drafts: &mut PanelDrafts,
    rules: Option<&Allowed>,
    out: &mut Vec<StudioCommand>,
    l: Language,
) {
    if design.source.is_ecrin() {
        style_sections(ui, design, out, l);
    }
    size_and_engraving(ui, design, drafts, rules, out, l);
}

/// Écrin's setting and band styles.
fn style_sections(ui: &mut egui::Ui, design: &Design, out: &mut Vec<StudioCommand>, l: Language) {
    section(ui, tr!(l, "panel-setting"));
    ui.horizontal_wrapped(|ui| {
        for setting in Setting::ALL {
            if ui.selectable_label(design.setting == setting, l.term(setting)).clicked() && design.setting != setting {
                out.push(DesignCommand::SetSetting(setting).into());
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "panel-band"));
        for shank in ShankStyle::ALL {
            if ui.selectable_label(design.shank == shank, l.term(shank)).clicked() && design.shank != shank {
                out.push(DesignCommand::SetShank(shank).into());
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
    out: &mut Vec<StudioCommand>,
    l: Language,
) {
    section(ui, tr!(l, "panel-ring-size"));
    ui.horizontal(|ui| {
        for system in SizeSystem::ALL {
            if ui.selectable_label(design.size_system == system, l.term(system)).clicked()
                && design.size_system != system
            {
                out.push(DesignCommand::SetSizeSystem(system).into());
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
            out.push(DesignCommand::SetRingSize(smaller).into());
        }
        ui.label(RichText::new(ring_size::label(system, design.ring_size_mm)).strong().size(18.0));
        if ui.add_enabled(allowed(larger), egui::Button::new("+")).clicked() {
            out.push(DesignCommand::SetRingSize(larger).into());
        }
        let eu = ring_size::label(SizeSystem::Eu, design.ring_size_mm);
        let diameter = format::millimetres(l, ring_size::inner_diameter_mm(design.ring_size_mm), 2);
        ui.label(tr!(l, "panel-size-eu-diameter", eu = eu, diameter = diameter));
    });
    if ui.button(tr!(l, "sizer-open")).clicked() {
        out.push(SizerCommand::Open.into());
    }
    // Only a narrower range than Écrin's own is worth saying.
    if let Some((min, max)) = rules.map(|r| r.ring_sizes_mm).filter(|&r| r != Allowed::default().ring_sizes_mm) {
        let (min, max) = (format::number(l, f64::from(min), 0), format::number(l, f64::from(max), 0));
        ui.label(RichText::new(tr!(l, "panel-house-sizes", min = min, max = max)).weak());
    }

    section(ui, tr!(l, "panel-engraving"));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "panel-lettering"));
        for style in EngravingStyle::ALL {
            if ui.selectable_label(design.engraving_style == style, l.term(style)).clicked()
                && design.engraving_style != style
            {
                out.push(DesignCommand::SetEngravingStyle(style).into());
            }
        }
    });
    // How many characters this style fits inside this ring: checked as the text is typed.
    let band = crate::estimate::band_width_mm(design).unwrap_or(crate::geometry::shank::BAND_WIDTH_MM);
    let most = engraving::max_characters(design.engraving_style, design.ring_size_mm, band);
    let engraving = drafts.engraving.get_or_insert_with(|| design.engraving.clone());
    let response = ui.add(
        egui::TextEdit::singleline(engraving)
            .hint_text(tr!(l, "panel-engraving-hint"))
            .char_limit(limits::ENGRAVING_MAX_CHARS + 10),
    );
    let typed = engraving.chars().count();
    if response.changed() && *engraving != design.engraving && typed <= most {
        out.push(DesignCommand::SetEngraving(engraving.clone()).into());
    }
    if !response.has_focus() {
        // Show what the design holds (a refused text comes back to the last valid one).
        drafts.engraving = Some(design.engraving.clone());
    }
    let count = typed.max(design.engraving.chars().count());
    if count > most {
        let size = ring_size::label(design.size_system, design.ring_size_mm);
        let style = l.term_in_sentence(design.engraving_style);
        let warning = tr!(l, "panel-engraving-too-long", size = size, style = style, most = most.to_string());
        ui.label(RichText::new(warning).color(Color32::from_rgb(255, 150, 110)));
    } else {
        ui.label(RichText::new(tr!(l, "panel-engraving-count", count = count, most = most.to_string())).weak());
    }
    if !design.engraving.trim().is_empty() && ui.button(tr!(l, "panel-engraving-close-up")).clicked() {
        out.push(ViewCommand::EngravingCloseUp.into());
    }
}

/// A design replaced from outside (preset opened, undo): forget the drafts so the fields show it.
pub fn reset_drafts(drafts: &mut PanelDrafts) {
    *drafts = PanelDrafts::default();
}

/// The side stones' species, beside the centre stone's.
fn side_stones(ui: &mut egui::Ui, design: &Design, out: &mut Vec<StudioCommand>, l: Language) {
    ui.horizontal(|ui| {
        ui.label(tr!(l, "panel-side-stones"));
        let side = design.side_stones();
        // The list takes what the label leaves ("Pierres d'accompagnement" is long), within the panel.
        let width = (ui.available_width() - 24.0).clamp(100.0, 170.0);
        egui::ComboBox::from_id_salt("side_species").selected_text(l.term(side)).width(width).show_ui(ui, |ui| {
            for species in Species::ALL {
                if ui.selectable_label(side == species, l.term(species)).clicked() && side != species {
                    out.push(DesignCommand::SetSideSpecies(species).into());
                }
            }
        });
    })
    .response
    .on_hover_text(tr!(l, "panel-side-stones-hover"));
}
