//! The style guide in the studio (`crate::suggest::style`): a window of questions the client answers by pointing at
//! pictures Écrin rendered itself (once, by a child `ecrin style-guide`, kept in the user's cache under a key of the
//! pictures' designs and Écrin's version), any of them skipped; at the end up to four starting designs are made off
//! the frame and laid on the variants board, each named by the answers that led to it. The answers live in this
//! resource only while the guide is open. This feature owns `StyleGuideCommand`.

pub mod panel;
pub mod pictures;

use super::StudioSystems;
use crate::design::variants::{VariantCommand, Variants};
use crate::studio::document::DocumentCommand;
use crate::studio::floor::background::Background;
use crate::studio::floor::commands::Route;
use crate::studio::floor::{Languages, StatusLine};
use crate::studio::pricing::Pricing;
use crate::suggest::style::{Answers, Choice, Question, Start, starting_designs};
use bevy::prelude::*;

/// What the advisor (or the client, pointing) does in the guide.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum StyleGuideCommand {
    Open,
    /// The client's answer to the question asked: the next question comes.
    Answer(Choice),
    /// No answer to this question: the next comes (the board will show its values).
    Skip,
    /// The question before, its answer forgotten.
    Back,
    /// The guide closes; its answers are forgotten.
    Close,
}

crate::carried!(StyleGuideCommand);

/// The guide: whether it is open, the question asked, the answers so far, the designs being made.
#[derive(Resource, Default)]
pub struct StyleGuide {
    pub open: bool,
    /// The question asked now: its place in `Question::ALL` (past the last: the designs are being made).
    pub step: usize,
    pub answers: Answers,
    /// The answers before each question asked (what Back goes to).
    before: Vec<Answers>,
    making: Option<Background<Vec<Start>>>,
    pub pictures: pictures::Pictures,
}

impl StyleGuide {
    /// The question asked now, if any is left.
    pub fn question(&self) -> Option<Question> {
        Question::ALL.get(self.step).copied()
    }

    /// Whether the starting designs are being made.
    pub fn is_making(&self) -> bool {
        self.making.is_some()
    }

    fn forget(&mut self) {
        self.open = false;
        self.step = 0;
        self.answers = Answers::default();
        self.before.clear();
        self.making = None;
    }
}

/// The guide's commands and its designs (headless apps and tests run it without the window and its pictures).
pub fn headless_plugin(app: &mut App) {
    app.init_resource::<StyleGuide>()
        .add_message::<StyleGuideCommand>()
        .add_systems(Update, (carry_out_commands, lay_out_the_starts).chain().in_set(StudioSystems::Input));
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(headless_plugin)
        .add_systems(Update, pictures::keep_pictures.after(StudioSystems::ApplyCommands))
        .add_systems(bevy_egui::EguiPrimaryContextPass, panel::style_guide_ui);
}

fn carry_out_commands(
    mut commands: MessageReader<StyleGuideCommand>,
    mut guide: ResMut<StyleGuide>,
    pricing: Option<Res<Pricing>>,
) {
    for command in commands.read() {
        match command {
            StyleGuideCommand::Open => {
                guide.forget();
                guide.open = true;
            }
            StyleGuideCommand::Close => guide.forget(),
            StyleGuideCommand::Back => {
                if let Some(answers) = guide.before.pop() {
                    guide.answers = answers;
                    guide.step = guide.step.saturating_sub(1);
                    guide.making = None;
                }
            }
            StyleGuideCommand::Answer(_) | StyleGuideCommand::Skip => {
                let Some(question) = guide.question().filter(|_| guide.open) else { continue };
                let answers = guide.answers.clone();
                guide.before.push(answers.clone());
                if let StyleGuideCommand::Answer(choice) = command
                    && choice.question() == question
                {
                    guide.answers = answers.with(*choice);
                }
                guide.step += 1;
                if guide.question().is_none() {
                    let answers = guide.answers.clone();
                    let list = pricing.as_ref().and_then(|p| p.list.clone());
                    guide.making = Some(Background::compute(move || starting_designs(&answers, list.as_ref())));
                }
            }
        }
    }
}

/// The starting designs, once made, become the board's variants (one undoable step), named by their answers in the
/// advisor's language; the guide closes and forgets its answers.
fn lay_out_the_starts(
    mut guide: ResMut<StyleGuide>,
    languages: Option<Res<Languages>>,
    pricing: Option<Res<Pricing>>,
    mut status: ResMut<StatusLine>,
    mut route: Route,
) {
    let Some(made) = guide.making.as_ref().and_then(Background::outcome) else { return };
    let l = languages.map(|l| l.advisor).unwrap_or_default();
    let currency = pricing.and_then(|p| p.list.as_ref().map(|list| list.currency.clone())).unwrap_or_default();
    let designs: Vec<crate::design::Design> = made
        .unwrap_or_default()
        .into_iter()
        .map(|start| crate::design::Design { name: start.name(l, &currency), ..start.design })
        .collect();
    guide.forget();
    match Variants::checked(designs, 0, None) {
        Ok(variants) => route.send([DocumentCommand::Variant(VariantCommand::Replace(variants)).into()]),
        Err(error) => *status = StatusLine::error(crate::i18n::errors::Said::new(move |l| error.in_language(l))),
    }
}
