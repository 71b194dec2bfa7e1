//! The sizer window: the card's frame to match, then the circle (a ring laid on the screen) or the true-scale ruler
//! (a paper strip), the size in every system with its uncertainty, the jeweller's advice and the buttons that set
//! it. Drawn at true scale from the screen's calibration; emits commands only.

use super::{CurrentScreen, Sizer, SizerCommand, SizerDraft};
use crate::collection::Allowed;
use crate::design::Design;
use crate::design::ring_size::{self, MeasuredBy, SizeSystem};
use crate::i18n::{Language, format};
use crate::sizer::{Advice, CARD_MM, Calibration, Reading, WIDE_BAND_MM, advice};
use crate::studio::document::DocumentCommand;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::Languages;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// Buttons a finger can press: 9 mm on a 96-dpi screen.
const TOUCH_POINTS: f32 = 34.0;
const LINE: egui::Color32 = egui::Color32::from_rgb(232, 206, 150);

pub(super) fn sizer_ui(
    mut contexts: EguiContexts,
    mut sizer: ResMut<Sizer>,
    screen: Res<CurrentScreen>,
    current: Res<CurrentDesign>,
    house: Res<crate::studio::collection::StudioCollection>,
    languages: Res<Languages>,
    mut route: Route,
) -> Result {
    if !sizer.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let calibration = sizer.calibration(&screen.0);
    let band_width = crate::estimate::band_width_mm(current.design());
    let printing = sizer.is_printing();
    let rules = crate::studio::collection::house_rules(&current, &house);
    let commands = sizer_window(
        ctx,
        &mut sizer.draft,
        calibration,
        &screen.0,
        current.design(),
        (band_width, rules.as_ref()),
        printing,
        languages.advisor,
    );
    route.send(commands);
    Ok(())
}

/// The sizer window for `design` on the screen named `screen` (its calibration, if matched).
#[allow(clippy::too_many_arguments)]
pub fn sizer_window(
    ctx: &egui::Context,
    draft: &mut SizerDraft,
    calibration: Option<Calibration>,
    screen: &str,
    design: &Design,
    piece: (Option<f32>, Option<&Allowed>),
    printing: bool,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let mut open = true;
    egui::Window::new(tr!(l, "sizer-title"))
        .id(egui::Id::new("sizer"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.spacing_mut().interact_size.y = TOUCH_POINTS;
            match calibration {
                None => match_card(ui, draft, screen, &mut out, l),
                Some(calibration) => measure(ui, draft, calibration, screen, design, piece, &mut out, l),
            }
            ui.separator();
            ui.horizontal(|ui| {
                let print = ui.add_enabled(!printing, egui::Button::new(tr!(l, "sizer-print")));
                if print.on_hover_text(tr!(l, "sizer-print-hover")).clicked() {
                    out.push(SizerCommand::WritePrintable.into());
                }
                if ui.button(tr!(l, "sizer-close")).clicked() {
                    out.push(SizerCommand::Close.into());
                }
            });
        });
    if !open {
        out.push(SizerCommand::Close.into());
    }
    out
}

/// The card's frame, its size adjusted until the card held against the screen covers it exactly.
fn match_card(ui: &mut egui::Ui, draft: &mut SizerDraft, screen: &str, out: &mut Vec<StudioCommand>, l: Language) {
    ui.set_max_width(draft.card_width_points.max(360.0) + 16.0);
    ui.label(tr!(l, "sizer-calibrate-how"));
    let size = egui::vec2(draft.card_width_points, draft.card_width_points * CARD_MM.1 / CARD_MM.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_stroke(rect, 3.0 * size.x / CARD_MM.0, egui::Stroke::new(1.0, LINE), egui::StrokeKind::Inside);
    painter.line_segment([rect.left_top(), rect.left_top() + egui::vec2(24.0, 0.0)], egui::Stroke::new(3.0, LINE));
    painter.line_segment([rect.left_top(), rect.left_top() + egui::vec2(0.0, 24.0)], egui::Stroke::new(3.0, LINE));
    ui.horizontal(|ui| {
        ui.spacing_mut().slider_width = (draft.card_width_points - 2.0 * TOUCH_POINTS - 24.0).max(120.0);
        if ui.add(egui::Button::new("−").min_size(egui::vec2(TOUCH_POINTS, TOUCH_POINTS))).clicked() {
            draft.card_width_points -= 1.0;
        }
        ui.add(egui::Slider::new(&mut draft.card_width_points, 150.0..=900.0).show_value(false));
        if ui.add(egui::Button::new("+").min_size(egui::vec2(TOUCH_POINTS, TOUCH_POINTS))).clicked() {
            draft.card_width_points += 1.0;
        }
        draft.card_width_points = draft.card_width_points.clamp(150.0, 900.0);
    });
    if ui.button(tr!(l, "sizer-calibrated")).clicked() {
        let card_width_points = draft.card_width_points;
        out.push(SizerCommand::Calibrate { screen: screen.to_string(), card_width_points }.into());
    }
}

/// The circle or the ruler at true scale, the reading, the advice, and the buttons that set the size.
#[allow(clippy::too_many_arguments)]
fn measure(
    ui: &mut egui::Ui,
    draft: &mut SizerDraft,
    calibration: Calibration,
    screen: &str,
    design: &Design,
    (band_width_mm, rules): (Option<f32>, Option<&Allowed>),
    out: &mut Vec<StudioCommand>,
    l: Language,
) {
    ui.set_max_width(calibration.points(104.0).max(380.0));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut draft.method, MeasuredBy::RingOnScreen, tr!(l, "sizer-by-ring"));
        ui.selectable_value(&mut draft.method, MeasuredBy::PaperStrip, tr!(l, "sizer-by-strip"));
    });
    let reading = match draft.method {
        MeasuredBy::RingOnScreen => {
            ui.label(tr!(l, "sizer-ring-how"));
            circle(ui, calibration, draft.ring_diameter_mm);
            stepper(ui, &mut draft.ring_diameter_mm, 0.05, 12.0..=24.5, tr!(l, "sizer-diameter"), l);
            Reading::ring(calibration, calibration.points(draft.ring_diameter_mm))
        }
        MeasuredBy::PaperStrip => {
            ui.label(tr!(l, "sizer-strip-how"));
            ruler(ui, calibration, draft.strip_mm, l);
            stepper(ui, &mut draft.strip_mm, 0.5, ring_size::EU_MIN..=ring_size::EU_MAX, tr!(l, "sizer-length"), l);
            Reading::strip(calibration, draft.strip_mm)
        }
    };
    let Ok(reading) = reading else { return };
    let mm = |v: f32, digits| format::millimetres(l, v, digits);
    let (circumference, uncertainty) = (mm(reading.circumference_mm, 1), mm(reading.uncertainty_mm, 1));
    let diameter = mm(reading.inner_diameter_mm(), 2);
    ui.label(
        egui::RichText::new(tr!(
            l,
            "sizer-reading",
            circumference = circumference,
            uncertainty = uncertainty,
            diameter = diameter
        ))
        .strong(),
    );
    // The client's system first, then the others.
    let systems =
        std::iter::once(design.size_system).chain(SizeSystem::ALL.into_iter().filter(|&s| s != design.size_system));
    for system in systems {
        let (low, size, high) = reading.sizes(system);
        let name = l.term(system);
        ui.label(match low == high {
            true => tr!(l, "sizer-size", system = name, size = size),
            false => tr!(l, "sizer-size-range", system = name, size = size, low = low, high = high),
        });
    }
    let measured = (reading.circumference_mm * 10.0).round() / 10.0;
    let set = |circumference_mm: f32| {
        StudioCommand::from(DocumentCommand::MeasuredRingSize {
            by: reading.method,
            measured_mm: reading.measured_mm,
            circumference_mm,
        })
    };
    let label = |c: f32| ring_size::label(design.size_system, c);
    let advice = advice(&reading, band_width_mm);
    for &advice in &advice {
        match advice {
            Advice::MeasureWarm => ui.label(egui::RichText::new(tr!(l, "sizer-advice-warm")).weak()),
            Advice::WideBand { width_mm, suggested_mm } => ui.label(tr!(
                l,
                "sizer-advice-wide",
                width = mm(width_mm, 1),
                rule = mm(WIDE_BAND_MM, 0),
                size = label(suggested_mm)
            )),
        };
    }
    // A house's model is made in the sizes the house allows.
    let allowed = |c: f32| rules.is_none_or(|r| r.allows_size_change(design.ring_size_mm, c));
    if let Some((min, max)) = rules.map(|r| r.ring_sizes_mm).filter(|_| !allowed(measured)) {
        let (min, max) = (format::number(l, f64::from(min), 0), format::number(l, f64::from(max), 0));
        ui.label(egui::RichText::new(tr!(l, "panel-house-sizes", min = min, max = max)).weak());
    }
    ui.horizontal_wrapped(|ui| {
        let button = egui::Button::new(tr!(l, "sizer-apply", size = label(measured)));
        if ui.add_enabled(allowed(measured), button).clicked() {
            out.push(set(measured));
        }
        if let Some(&Advice::WideBand { suggested_mm, .. }) =
            advice.iter().find(|a| matches!(a, Advice::WideBand { .. }))
        {
            let suggested = (suggested_mm * 10.0).round() / 10.0;
            let button = egui::Button::new(tr!(l, "sizer-apply-wide", size = label(suggested)));
            if ui.add_enabled(allowed(suggested), button).clicked() {
                out.push(set(suggested));
            }
        }
    });
    ui.horizontal(|ui| {
        let scale = format::number(l, f64::from(calibration.points_per_mm), 2);
        let name = if screen.is_empty() { tr!(l, "sizer-screen-unknown") } else { screen.to_string() };
        ui.label(egui::RichText::new(tr!(l, "sizer-screen", scale = scale, screen = name)).weak().small());
        if ui.small_button(tr!(l, "sizer-recalibrate")).clicked() {
            out.push(SizerCommand::Recalibrate.into());
        }
    });
}

/// − value + with the value in the advisor's numbers.
fn stepper(
    ui: &mut egui::Ui,
    value: &mut f32,
    step: f32,
    range: std::ops::RangeInclusive<f32>,
    what: String,
    l: Language,
) {
    ui.horizontal(|ui| {
        let button = |text| egui::Button::new(text).min_size(egui::vec2(TOUCH_POINTS, TOUCH_POINTS));
        if ui.add(button("−")).clicked() {
            *value -= step;
        }
        let field = egui::DragValue::new(value).range(range.clone()).speed(step).suffix(" mm");
        ui.add(crate::studio::floor::widgets::in_language(field, l, 2));
        if ui.add(button("+")).clicked() {
            *value += step;
        }
        *value = value.clamp(*range.start(), *range.end());
        ui.label(what);
    });
}

/// A circle of `diameter_mm` at true scale, with its centre marked.
fn circle(ui: &mut egui::Ui, calibration: Calibration, diameter_mm: f32) {
    let side = calibration.points(26.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter();
    let centre = rect.center();
    painter.circle_stroke(centre, calibration.points(diameter_mm) / 2.0, egui::Stroke::new(1.0, LINE));
    let mark = egui::Stroke::new(1.0, egui::Color32::GRAY);
    painter.line_segment([centre - egui::vec2(6.0, 0.0), centre + egui::vec2(6.0, 0.0)], mark);
    painter.line_segment([centre - egui::vec2(0.0, 6.0), centre + egui::vec2(0.0, 6.0)], mark);
}

/// A 100 mm ruler at true scale, millimetre marks, the strip's length marked.
fn ruler(ui: &mut egui::Ui, calibration: Calibration, length_mm: f32, l: Language) {
    let length = calibration.points(100.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(length + 24.0, 44.0), egui::Sense::hover());
    let painter = ui.painter();
    let zero = rect.left_top() + egui::vec2(8.0, 4.0);
    let ink = egui::Stroke::new(1.0, egui::Color32::LIGHT_GRAY);
    painter.line_segment([zero, zero + egui::vec2(length, 0.0)], ink);
    for mm in 0..=100u32 {
        let x = calibration.points(mm as f32);
        let tall = 14.0 * crate::sizer::ruler_mark(mm);
        painter.line_segment([zero + egui::vec2(x, 0.0), zero + egui::vec2(x, tall)], ink);
        if mm % 10 == 0 {
            let text = format::number(l, f64::from(mm / 10), 0);
            painter.text(
                zero + egui::vec2(x, 16.0),
                egui::Align2::CENTER_TOP,
                text,
                egui::FontId::proportional(12.0),
                ink.color,
            );
        }
    }
    let at = zero + egui::vec2(calibration.points(length_mm), 0.0);
    painter.line_segment([at - egui::vec2(0.0, 2.0), at + egui::vec2(0.0, 30.0)], egui::Stroke::new(2.0, LINE));
}
