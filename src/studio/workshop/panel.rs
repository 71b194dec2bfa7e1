//! The side panel's *Bench checks*: the workshop's findings for the design as it changes — each measure with its
//! figure, and for what falls short, the limit and its source; hard limits in red (to fix before the bench), soft
//! ones in amber — then *Export for the bench…* and *Bench sheet (PDF)…* (greyed, saying why, under a hard limit). It reads the core's checks
//! (`crate::workshop`, computed once per geometry) and emits only the workshop's command.

use super::sheet_job::BenchSheetJob;
use super::{BenchExport, WorkshopCommand};
use crate::i18n::Language;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use crate::workshop::checks;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui::{self, Color32, RichText};

/// The section and what it reads.
#[derive(SystemParam)]
pub struct WorkshopSection<'w> {
    current: Res<'w, CurrentDesign>,
    export: Res<'w, BenchExport>,
    sheet: Res<'w, BenchSheetJob>,
}

impl WorkshopSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let design = self.current.design();
        checks_ui(ui, design, l);
        let mut asked: Vec<StudioCommand> = Vec::new();
        ui.horizontal_wrapped(|ui| {
            asked.extend(export_ui(ui, design, self.export.busy(), l));
            asked.extend(bench_sheet_ui(ui, design, self.sheet.busy(), l));
        });
        asked
    }
}

/// A hand-off button (its label's and hover's locale keys): greyed while `busy`, and under a hard limit, saying why.
fn hand_off_button(
    ui: &mut egui::Ui,
    design: &crate::design::Design,
    busy: bool,
    l: Language,
    [label, hover]: [&str; 2],
) -> bool {
    let refused = crate::workshop::breaks_a_hard_limit(design);
    let hover = if refused { tr!(l, "workshop-export-refused") } else { l.tr(hover) };
    let button = egui::Button::new(l.tr(label));
    let clicked = ui.add_enabled(!busy && !refused, button).on_hover_text(&hover).on_disabled_hover_text(&hover);
    clicked.clicked()
}

/// *Bench sheet (PDF)…*: greyed while one is being made, and under a hard limit (saying why).
pub fn bench_sheet_ui(
    ui: &mut egui::Ui,
    design: &crate::design::Design,
    busy: bool,
    l: Language,
) -> Option<StudioCommand> {
    let clicked = hand_off_button(ui, design, busy, l, ["workshop-sheet", "workshop-sheet-hover"]);
    clicked.then(|| WorkshopCommand::BenchSheet.into())
}

/// *Export for the bench…*: greyed while a file is chosen or written, and under a hard limit (saying why).
pub fn export_ui(ui: &mut egui::Ui, design: &crate::design::Design, busy: bool, l: Language) -> Option<StudioCommand> {
    let clicked = hand_off_button(ui, design, busy, l, ["workshop-export", "workshop-export-hover"]);
    clicked.then(|| WorkshopCommand::ExportModel.into())
}

/// The checks of a design, summed up in one line, each one under it when opened.
pub fn checks_ui(ui: &mut egui::Ui, design: &crate::design::Design, l: Language) {
    let findings = checks(design);
    if findings.is_empty() {
        ui.label(RichText::new(tr!(l, "workshop-not-checked")).weak());
        return;
    }
    let hard = findings.iter().filter(|f| f.is_hard()).count();
    let soft = findings.iter().filter(|f| f.is_soft()).count();
    let (summary, colour) = match (hard, soft) {
        (0, 0) => (tr!(l, "workshop-summary-pass", count = findings.len()), Color32::LIGHT_GREEN),
        (0, _) => (tr!(l, "workshop-summary", hard = hard, soft = soft), AMBER),
        _ => (tr!(l, "workshop-summary", hard = hard, soft = soft), RED),
    };
    egui::CollapsingHeader::new(RichText::new(format!("{} — {summary}", tr!(l, "workshop-title"))).color(colour))
        .id_salt("panel-workshop")
        .default_open(hard > 0)
        .show(ui, |ui| {
            for finding in findings.iter() {
                let colour = if finding.is_hard() {
                    RED
                } else if finding.is_soft() {
                    AMBER
                } else {
                    ui.visuals().text_color()
                };
                ui.add(egui::Label::new(RichText::new(finding.in_language(l)).color(colour).small()).wrap());
            }
        });
}

const RED: Color32 = Color32::from_rgb(255, 120, 100);
const AMBER: Color32 = Color32::from_rgb(240, 190, 90);
