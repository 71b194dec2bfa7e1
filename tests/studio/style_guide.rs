//! The style guide: the client's answers (any skipped) lay up to four starting designs on the board in one undoable
//! step, each named by the answers that led to it, and the guide forgets them; its window offers each question's
//! choices and emits only the guide's commands, in both languages.

use super::{command_app, send};
use bevy::prelude::*;
use bevy_egui::egui;
use ecrin::design::{Alloy, Cut, Setting};
use ecrin::i18n::Language;
use ecrin::studio::floor::CurrentDesign;
use ecrin::studio::floor::commands::StudioCommand;
use ecrin::studio::style_guide::panel::{GuideView, style_guide_window};
use ecrin::studio::style_guide::{StyleGuide, StyleGuideCommand};
use ecrin::suggest::options::Colour;
use ecrin::suggest::style::{Answers, Choice, Question, Silhouette};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn the_answers_lay_starting_designs_on_the_board_and_are_forgotten() {
    let mut app = command_app();
    app.add_plugins(ecrin::studio::style_guide::headless_plugin);
    app.update();
    send(&mut app, StyleGuideCommand::Open);
    send(&mut app, StyleGuideCommand::Answer(Choice::Necklace(false)));
    send(&mut app, StyleGuideCommand::Answer(Choice::Colour(Colour::Rose)));
    // Back forgets the colour; answered again as white.
    send(&mut app, StyleGuideCommand::Back);
    assert_eq!(app.world().resource::<StyleGuide>().answers.colour, None);
    send(&mut app, StyleGuideCommand::Answer(Choice::Colour(Colour::White)));
    // An answer to another question than the one asked is not taken for it.
    send(&mut app, StyleGuideCommand::Answer(Choice::Shape(Cut::Pear)));
    assert_eq!(app.world().resource::<StyleGuide>().answers.shape, None);
    assert_eq!(app.world().resource::<StyleGuide>().question(), Some(Question::Shape));
    send(&mut app, StyleGuideCommand::Answer(Choice::Shape(Cut::Oval)));
    send(&mut app, StyleGuideCommand::Answer(Choice::Stone(ecrin::design::Species::Diamond)));
    send(&mut app, StyleGuideCommand::Skip);
    for _ in 0..2000 {
        app.update();
        if !app.world().resource::<StyleGuide>().open {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    app.update();
    let guide = app.world().resource::<StyleGuide>();
    assert!(!guide.open && guide.answers == Answers::default(), "the answers are forgotten");
    // The silhouette was skipped: four silhouettes of a white-gold oval diamond ring, named by the answers.
    let current = app.world().resource::<CurrentDesign>();
    let designs = current.history.variants().designs();
    let settings: Vec<Setting> = designs.iter().map(|d| d.setting).collect();
    assert_eq!(settings, [Setting::SixProng, Setting::Halo, Setting::ThreeStone, Setting::Bezel]);
    for design in designs {
        assert_eq!((design.metal.alloy, design.stone.cut), (Alloy::White18k, Cut::Oval));
        let white = ecrin::suggest::style::Choice::Colour(Colour::White).in_language(Language::English, "");
        assert!(design.name.contains(&white), "{}", design.name);
    }
    assert!(designs[1].name.contains(&Language::English.term(Setting::Halo)), "{}", designs[1].name);
    // One undoable step.
    send(&mut app, ecrin::studio::document::DocumentCommand::Undo);
    assert_eq!(app.world().resource::<CurrentDesign>().history.variants().len(), 1);
}

#[test]
fn the_window_offers_the_questions_choices_and_emits_the_guides_commands_in_both_languages() {
    for l in Language::ALL {
        let answers = Answers::default().with(Choice::Necklace(true));
        let mut harness = Harness::builder().with_size(egui::vec2(900.0, 700.0)).build_ui_state(
            move |ui, out: &mut Vec<StudioCommand>| {
                let view =
                    GuideView { step: 2, answers: &answers, making: false, drawing_pictures: false, currency: "EUR" };
                out.extend(style_guide_window(ui.ctx(), &view, &mut |_| None, l));
            },
            Vec::new(),
        );
        harness.run();
        // A necklace's silhouettes: its pendants (a drop among them, no three-stone).
        let drop = Choice::Silhouette(Silhouette::Drop).in_language(l, "EUR");
        harness.get_by_label(&drop).click();
        harness.run();
        assert_eq!(harness.state(), &vec![StyleGuideCommand::Answer(Choice::Silhouette(Silhouette::Drop)).into()]);
        let three = Choice::Silhouette(Silhouette::ThreeStone).in_language(l, "EUR");
        assert!(harness.query_by_label(&three).is_none(), "{l:?}: a necklace offered three stones");
        harness.state_mut().clear();
        for (key, command) in [
            ("style-skip", StyleGuideCommand::Skip),
            ("style-back", StyleGuideCommand::Back),
            ("style-close", StyleGuideCommand::Close),
        ] {
            harness.get_by_label(&l.tr(key)).click();
            harness.run();
            assert_eq!(harness.state().last(), Some(&command.into()), "{l:?}: {key}");
        }
    }
}
