//! The style guide's window: the question asked, its choices as pictures with their words (words alone until the
//! pictures are drawn), *Back*, *Skip* and *Close*; then a spinner while the starting designs are made. Like every
//! panel, it only emits commands.

use super::{StyleGuide, StyleGuideCommand};
use crate::i18n::Language;
use crate::studio::floor::Languages;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::pricing::Pricing;
use crate::suggest::style::{Answers, Choice, Question, choices};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// Side of a choice's picture in the window, points.
const PICTURE: f32 = 132.0;

/// What the window shows.
pub struct GuideView<'a> {
    pub step: usize,
    pub answers: &'a Answers,
    pub making: bool,
    pub drawing_pictures: bool,
    /// The price list's currency (the budget bands' words).
    pub currency: &'a str,
}

pub fn style_guide_ui(
    mut contexts: EguiContexts,
    mut guide: ResMut<StyleGuide>,
    languages: Res<Languages>,
    pricing: Option<Res<Pricing>>,
    mut route: Route,
) -> Result {
    if !guide.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let currency = pricing.as_ref().and_then(|p| p.list.as_ref()).map_or("", |list| list.currency.as_str());
    let guide = &mut *guide;
    let view = GuideView {
        step: guide.step,
        answers: &guide.answers,
        making: guide.is_making(),
        drawing_pictures: guide.pictures.is_rendering(),
        currency,
    };
    let pictures = &mut guide.pictures;
    route.send(style_guide_window(&ctx, &view, &mut |slug| pictures.texture(&ctx, slug), languages.advisor));
    Ok(())
}

/// The window: pure — what it shows in, commands out (`picture`: a choice's texture by slug, when drawn).
pub fn style_guide_window(
    ctx: &egui::Context,
    view: &GuideView,
    picture: &mut dyn FnMut(&str) -> Option<egui::TextureHandle>,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::Window::new(tr!(l, "style-title"))
        .id(egui::Id::new("style guide"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            let Some(question) = Question::ALL.get(view.step).copied() else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!(l, "style-making"));
                });
                return;
            };
            let (step, count) = ((view.step + 1).to_string(), Question::ALL.len().to_string());
            ui.label(egui::RichText::new(tr!(l, "style-step", step = step, count = count)).weak());
            ui.heading(question.in_language(l));
            ui.add_space(6.0);
            let offered = choices(question, view.answers);
            let columns = if offered.len() > 4 { 3 } else { offered.len().max(1) };
            egui::Grid::new("style choices").spacing(egui::vec2(10.0, 10.0)).show(ui, |ui| {
                for (i, choice) in offered.iter().enumerate() {
                    if choice_button(ui, *choice, picture, view.currency, l) {
                        out.push(StyleGuideCommand::Answer(*choice).into());
                    }
                    if (i + 1) % columns == 0 {
                        ui.end_row();
                    }
                }
            });
            if view.drawing_pictures {
                ui.label(egui::RichText::new(tr!(l, "style-rendering")).weak().small());
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if view.step > 0 && ui.button(tr!(l, "style-back")).clicked() {
                    out.push(StyleGuideCommand::Back.into());
                }
                if ui.button(tr!(l, "style-skip")).clicked() {
                    out.push(StyleGuideCommand::Skip.into());
                }
                if ui.button(tr!(l, "style-close")).clicked() {
                    out.push(StyleGuideCommand::Close.into());
                }
            });
        });
    out
}

/// One choice: its picture over its words, or its words alone; whether it was clicked.
fn choice_button(
    ui: &mut egui::Ui,
    choice: Choice,
    picture: &mut dyn FnMut(&str) -> Option<egui::TextureHandle>,
    currency: &str,
    l: Language,
) -> bool {
    let words = choice.in_language(l, currency);
    let button = match picture(&choice.slug()) {
        Some(texture) => {
            let image = egui::Image::new(&texture).fit_to_exact_size(egui::vec2(PICTURE, PICTURE));
            egui::Button::image_and_text(image, words).image_tint_follows_text_color(false)
        }
        None => egui::Button::new(words).min_size(egui::vec2(PICTURE, 40.0)),
    };
    ui.add(button).clicked()
}
