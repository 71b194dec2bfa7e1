//! The proposals' panel section (under the estimate): the client's budget on a slider, what the client keeps, and
//! each proposal with its reasons in figures and *Take* / *Set aside*; over the board's candidate tiles, the same
//! two buttons under "Proposed by Écrin". Like every panel, it only emits commands.

use super::{ProposalCommand, Proposals};
use crate::i18n::{Language, format};
use crate::studio::board::BoardLayout;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::widgets::{section_title, tile_label};
use crate::studio::floor::{CurrentDesign, Languages};
use crate::studio::pricing::Pricing;
use crate::suggest::{Keep, Outcome, Proposal};
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, egui};

/// Écrin's mark on its proposals (a soft violet: not the studio's gold, which marks the advisor's own choices).
pub const ECRIN: egui::Color32 = egui::Color32::from_rgb(190, 170, 240);

/// What the section shows, read from the feature's state.
pub struct ProposalsView<'a> {
    pub budget: Option<f32>,
    pub keep: Keep,
    /// The design's own price and the list's currency, when it has one.
    pub priced: Option<(f32, &'a str)>,
    pub searching: bool,
    pub outcome: Option<&'a Result<Outcome, crate::suggest::SuggestError>>,
    /// Why the house's proposal settings cannot be used.
    pub rules_problem: Option<String>,
    pub turned_off: bool,
}

/// The side panel's proposals section.
#[derive(SystemParam)]
pub struct ProposalsSection<'w> {
    proposals: Res<'w, Proposals>,
    pricing: Res<'w, Pricing>,
    current: Res<'w, CurrentDesign>,
}

impl ProposalsSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let list = self.pricing.list.as_ref();
        let retail = list.and_then(|list| list.estimate(self.current.design()).ok()).map(|e| e.retail);
        let view = ProposalsView {
            budget: self.proposals.budget,
            keep: self.proposals.keep,
            priced: retail.zip(list.map(|list| list.currency.as_str())),
            searching: self.proposals.is_searching(),
            outcome: self.proposals.outcome.as_ref(),
            rules_problem: self.proposals.rules.as_ref().err().map(|e| e.in_language(l)),
            turned_off: self.proposals.rules.as_ref().is_ok_and(|r| !r.proposals),
        };
        proposals_ui(ui, &view, l)
    }
}

/// The budget's slider runs from a fifth of the design's price to a little over it, in steps a client speaks in.
fn budget_range(retail: f32) -> (f32, f32, f64) {
    let step = if retail > 20_000.0 {
        500.0
    } else if retail > 2_000.0 {
        100.0
    } else {
        10.0
    };
    let high = ((retail * 1.1) / step).ceil() * step;
    let low = ((retail * 0.2) / step).floor() * step;
    (low, high.max(low + step), f64::from(step))
}

/// The section: pure — what it shows in, commands out.
pub fn proposals_ui(ui: &mut egui::Ui, view: &ProposalsView, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    section_title(ui, tr!(l, "proposals-title"));
    if let Some(problem) = &view.rules_problem {
        ui.label(egui::RichText::new(problem).weak());
        return out;
    }
    if view.turned_off {
        ui.label(egui::RichText::new(tr!(l, "proposal-off")).weak());
        return out;
    }
    let Some((retail, currency)) = view.priced else {
        ui.label(egui::RichText::new(tr!(l, "proposals-no-price")).weak());
        return out;
    };
    let mut on = view.budget.is_some();
    let toggle = ui
        .add(egui::Checkbox::new(&mut on, tr!(l, "proposals-budget-on")))
        .on_hover_text(tr!(l, "proposals-budget-on-hover"));
    let (low, high, step) = budget_range(retail);
    if toggle.changed() {
        let budget = on.then(|| (retail * 0.85 / step as f32).floor() * step as f32);
        out.push(ProposalCommand::Budget(budget.map(|b| b.max(low))).into());
    }
    let Some(budget) = view.budget else { return out };
    let mut dragged = budget;
    let slider = egui::Slider::new(&mut dragged, low..=high.max(budget))
        .custom_formatter(|value, _| format::price(l, value, currency))
        .custom_parser(crate::studio::floor::widgets::parse_number);
    // Moved by the advisor: the budget in the steps a client speaks in (only a change is sent: a budget set
    // between steps stays until the slider moves).
    let moved = ui.add(slider).on_hover_text(tr!(l, "proposals-budget-hover")).changed();
    let stepped = (dragged / step as f32).round() * step as f32;
    if moved && stepped != budget {
        out.push(ProposalCommand::Budget(Some(stepped)).into());
    }
    out.extend(keep_ui(ui, view.keep, l));
    match view.outcome {
        _ if view.searching => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(egui::RichText::new(tr!(l, "proposals-searching")).weak());
            });
        }
        None => {}
        Some(Err(error)) => {
            ui.label(egui::RichText::new(error.in_language(l)).weak());
        }
        Some(Ok(Outcome::Within { retail })) => {
            let (price, budget) =
                (format::price(l, f64::from(*retail), currency), format::price(l, f64::from(budget), currency));
            ui.label(tr!(l, "proposal-within", price = price, budget = budget));
        }
        Some(Ok(Outcome::NothingFits { closest })) => {
            let price = format::price(l, f64::from(closest.reasons.retail.after), currency);
            let budget = format::price(l, f64::from(budget), currency);
            let headline = closest.headline(l);
            ui.label(tr!(l, "proposal-nothing-fits", budget = budget, price = price, headline = headline));
        }
        Some(Ok(Outcome::Proposals(found))) => {
            for (index, proposal) in found.iter().enumerate() {
                out.extend(proposal_card(ui, index, proposal, l));
            }
        }
    }
    out
}

/// What the client keeps, as ticks (each a new keep list).
fn keep_ui(ui: &mut egui::Ui, keep: Keep, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.label(egui::RichText::new(tr!(l, "proposals-keeps")).weak());
    ui.horizontal_wrapped(|ui| {
        let mut ticks = [
            ("proposals-keep-colour", keep.metal_colour),
            ("proposals-keep-metal", keep.metal),
            ("proposals-keep-stone", keep.species),
            ("proposals-keep-size", keep.size),
            ("proposals-keep-setting", keep.setting),
            ("proposals-keep-band", keep.band),
        ];
        let mut changed = false;
        for (key, value) in &mut ticks {
            changed |= ui.checkbox(value, l.tr(key)).changed();
        }
        if changed {
            let [colour, metal, stone, size, setting, band] = ticks.map(|(_, v)| v);
            let keep = Keep {
                metal_colour: colour,
                metal,
                species: stone,
                size,
                setting,
                band,
                side_stones: keep.side_stones,
            };
            out.push(ProposalCommand::Keep(keep).into());
        }
    });
    out
}

/// One proposal: Écrin's mark, what it changes, its figures, and the two buttons.
fn proposal_card(ui: &mut egui::Ui, index: usize, proposal: &Proposal, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.0, ECRIN)).show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        let number = (index + 1).to_string();
        ui.label(egui::RichText::new(tr!(l, "proposals-card-title", number = number)).color(ECRIN).strong());
        ui.label(proposal.headline(l));
        for line in proposal.reasons.in_language(l) {
            ui.label(egui::RichText::new(line).small());
        }
        out.extend(decide_buttons(ui, index, l));
    });
    out
}

/// *Take* and *Set aside*.
fn decide_buttons(ui: &mut egui::Ui, index: usize, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.horizontal(|ui| {
        if ui.button(tr!(l, "proposals-take")).on_hover_text(tr!(l, "proposals-take-hover")).clicked() {
            out.push(ProposalCommand::Take(index).into());
        }
        if ui.button(tr!(l, "proposals-set-aside")).on_hover_text(tr!(l, "proposals-set-aside-hover")).clicked() {
            out.push(ProposalCommand::SetAside(index).into());
        }
    });
    out
}

/// Over each candidate tile of the board: "Proposed by Écrin", what it changes and its price, *Take* / *Set aside*.
pub fn show_candidate_overlays(
    mut contexts: EguiContexts,
    layout: Res<BoardLayout>,
    current: Res<CurrentDesign>,
    proposals: Res<Proposals>,
    languages: Res<Languages>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut route: Route,
) -> Result {
    let shown = proposals.shown();
    if shown.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let scale = window.scale_factor();
    let first = current.history.variants().len();
    let tiles: Vec<egui::Rect> = layout
        .tiles
        .iter()
        .skip(first)
        .map(|(position, size)| {
            let min = position.as_vec2() / scale;
            let max = (position + size).as_vec2() / scale;
            egui::Rect::from_min_max(egui::pos2(min.x, min.y), egui::pos2(max.x, max.y))
        })
        .collect();
    route.send(candidate_overlays(ctx, shown, &tiles, languages.advisor));
    Ok(())
}

/// The candidates' labels and buttons (`tiles`: the candidates' tiles in egui points, in order).
pub fn candidate_overlays(
    ctx: &egui::Context,
    shown: &[Proposal],
    tiles: &[egui::Rect],
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let frames = ctx.layer_painter(egui::LayerId::new(egui::Order::Background, "candidate frames".into()));
    for (index, (proposal, rect)) in shown.iter().zip(tiles).enumerate() {
        frames.rect_stroke(rect.shrink(1.0), 0.0, egui::Stroke::new(2.0, ECRIN), egui::StrokeKind::Inside);
        tile_label(ctx, egui::Id::new(("candidate tile", index)), *rect, |ui| {
            let number = (index + 1).to_string();
            let title = tr!(l, "proposals-card-title", number = number);
            ui.label(egui::RichText::new(title).strong().color(ECRIN));
            ui.label(egui::RichText::new(proposal.headline(l)).color(egui::Color32::WHITE));
            let price = proposal.reasons.in_language(l).into_iter().next().unwrap_or_default();
            ui.label(egui::RichText::new(price).small().color(egui::Color32::LIGHT_GRAY));
            out.extend(decide_buttons(ui, index, l));
        });
    }
    out
}
