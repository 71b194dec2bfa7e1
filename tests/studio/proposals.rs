//! Écrin's proposals in the studio: a budget below the design's price brings up to three proposals, priced off the
//! frame, shown on the board as candidates while the design stays as it was; taking one makes it the design and the
//! journal says Écrin proposed it and who took it; setting one aside brings the next. The panel's section and the
//! candidates' buttons emit only the proposals' commands, in both languages.

use super::{command_app, send};
use bevy::prelude::*;
use bevy_egui::egui;
use ecrin::design::Design;
use ecrin::design::journal::{Change, Who};
use ecrin::estimate::price::PriceList;
use ecrin::i18n::Language;
use ecrin::studio::floor::commands::StudioCommand;
use ecrin::studio::floor::{BoardCandidates, CurrentDesign};
use ecrin::studio::pricing::Pricing;
use ecrin::studio::proposals::panel::{ProposalsView, candidate_overlays, proposals_ui};
use ecrin::studio::proposals::{ProposalCommand, Proposals};
use ecrin::suggest::Outcome;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sample_list() -> PriceList {
    PriceList::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron")).expect("list")
}

/// An app with the document and the proposals, priced with the sample list.
fn proposals_app() -> App {
    let mut app = command_app();
    app.insert_resource(Pricing { list: Some(sample_list()), source: None, problem: None });
    app.add_plugins(ecrin::studio::proposals::headless_plugin);
    app.update();
    app
}

/// Frames until the table for the design is in and the budget walked (the search runs off the frame).
fn settled(app: &mut App) -> Outcome {
    for _ in 0..4000 {
        app.update();
        let proposals = app.world().resource::<Proposals>();
        if !proposals.is_searching()
            && let Some(Ok(outcome)) = &proposals.outcome
        {
            return outcome.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the proposals never came");
}

fn journal(app: &App) -> Vec<(Who, Change)> {
    app.world().resource::<CurrentDesign>().journal.iter().map(|e| (e.who, e.change.clone())).collect()
}

#[test]
fn proposals_show_on_the_board_change_nothing_and_the_journal_says_who_took_one() {
    let mut app = proposals_app();
    let before = Design::default();
    let retail = sample_list().estimate(&before).expect("priced").retail;
    send(&mut app, ProposalCommand::Budget(Some(retail * 0.8)));
    let Outcome::Proposals(found) = settled(&mut app) else { panic!("no proposals within 80 %") };
    assert!(!found.is_empty() && found.len() <= 3);
    for proposal in &found {
        assert!(sample_list().estimate(&proposal.design).expect("priced").retail <= retail * 0.8);
    }
    // On the board as candidates; the design and its journal untouched.
    app.update();
    let shown: Vec<Design> = found.iter().map(|p| p.design.clone()).collect();
    assert_eq!(app.world().resource::<BoardCandidates>().0, shown);
    assert_eq!(app.world().resource::<CurrentDesign>().design(), &before);
    assert!(journal(&app).is_empty(), "{:?}", journal(&app));

    // Set the first aside: Écrin's proposal and who set it aside are journaled; another comes up in its place.
    send(&mut app, ProposalCommand::SetAside(0));
    app.update();
    let entries = journal(&app);
    assert!(matches!(&entries[..], [(Who::Ecrin, Change::Proposed { .. }), (Who::Advisor, Change::ProposalSetAside)]));
    let after_aside: Vec<Design> =
        app.world().resource::<Proposals>().shown().iter().map(|p| p.design.clone()).collect();
    assert!(!after_aside.contains(&found[0].design), "the set-aside proposal came back");
    assert_eq!(app.world().resource::<CurrentDesign>().design(), &before);

    // The client takes one: the design becomes it, each change journaled as the client's after Écrin's proposal.
    send(&mut app, ecrin::studio::document::DocumentCommand::SetProposer(Who::Client));
    let taken = app.world().resource::<Proposals>().shown()[0].clone();
    send(&mut app, ProposalCommand::Take(0));
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().design(), &taken.design);
    let entries = journal(&app);
    let Some((Who::Ecrin, Change::Proposed { changes, .. })) = entries.get(2) else { panic!("{entries:?}") };
    assert_eq!(changes, &taken.changes);
    assert_eq!(entries[3], (Who::Client, Change::ProposalTaken));
    assert_eq!(entries.len(), 4 + taken.changes.len(), "{entries:?}");
    assert!(entries[4..].iter().all(|(who, _)| *who == Who::Client));
    // The new design is within the budget: nothing more to propose, no candidates.
    assert!(matches!(settled(&mut app), Outcome::Within { .. }));
    app.update();
    assert!(app.world().resource::<BoardCandidates>().0.is_empty());
    // Undo brings the design back (the journal keeps what happened).
    send(&mut app, ecrin::studio::document::DocumentCommand::Undo);
    assert_eq!(app.world().resource::<CurrentDesign>().design(), &before);
}

#[test]
fn the_panel_and_the_candidate_tiles_emit_only_the_proposals_commands_in_both_languages() {
    let list = sample_list();
    let design = Design::default();
    let retail = list.estimate(&design).expect("priced").retail;
    let outcome = ecrin::suggest::propose(
        &design,
        &list,
        retail * 0.8,
        ecrin::suggest::Keep::default(),
        &ecrin::suggest::rules::ProposalRules::default(),
        &[],
    )
    .map_err(|e| e.to_string());
    let outcome = outcome.expect("proposals");
    let Outcome::Proposals(found) = outcome.clone() else { panic!("no proposals") };
    for l in Language::ALL {
        // No budget yet: the tick asks for one.
        let mut harness = Harness::new_ui_state(
            |ui, (view, out): &mut (Option<Result<Outcome, ecrin::suggest::SuggestError>>, Vec<StudioCommand>)| {
                let shown = ProposalsView {
                    budget: view.as_ref().map(|_| retail * 0.8),
                    keep: Default::default(),
                    priced: Some((retail, "EUR")),
                    searching: false,
                    outcome: view.as_ref(),
                    rules_problem: None,
                    turned_off: false,
                };
                out.extend(proposals_ui(ui, &shown, l));
            },
            (None, Vec::new()),
        );
        harness.run();
        harness.get_by_label(&l.tr("proposals-budget-on")).click();
        harness.run();
        let asked = harness.state().1.clone();
        let [command] = &asked[..] else { panic!("{l:?}: {asked:?}") };
        let Some(ProposalCommand::Budget(Some(budget))) = command.get::<ProposalCommand>() else { panic!("{asked:?}") };
        assert!(*budget < retail && *budget > 0.0, "{l:?}: {budget}");
        // With proposals: each card's Take and Set aside.
        harness.state_mut().0 = Some(Ok(outcome.clone()));
        harness.state_mut().1.clear();
        harness.run();
        let takes = harness.get_all_by_label(&l.tr("proposals-take")).count();
        assert_eq!(takes, found.len(), "{l:?}");
        harness.get_all_by_label(&l.tr("proposals-set-aside")).nth(1).expect("a second card").click();
        harness.run();
        assert_eq!(harness.state().1, [ProposalCommand::SetAside(1).into()], "{l:?}");
        // Over the board's candidate tiles.
        let found_for_tiles = found.clone();
        let mut tiles = Harness::builder().with_size(egui::vec2(1200.0, 800.0)).build_ui_state(
            move |ui, out: &mut Vec<StudioCommand>| {
                let rects: Vec<egui::Rect> = (0..found_for_tiles.len())
                    .map(|i| {
                        egui::Rect::from_min_size(
                            egui::pos2(600.0 * (i % 2) as f32, 400.0 * (i / 2) as f32),
                            egui::vec2(598.0, 398.0),
                        )
                    })
                    .collect();
                out.extend(candidate_overlays(ui.ctx(), &found_for_tiles, &rects, l));
            },
            Vec::new(),
        );
        tiles.run();
        tiles.get_all_by_label(&l.tr("proposals-take")).next().expect("a candidate's Take").click();
        tiles.run();
        assert_eq!(tiles.state(), &vec![ProposalCommand::Take(0).into()], "{l:?}");
    }
}
