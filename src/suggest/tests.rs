//! The search's promises, over every shipped preset and several budgets: each proposal fits with the boutique's own
//! list (priced again through the estimate the panel shows), what is kept is kept, what the house never proposes
//! never appears, the reasons' figures are the estimates', proposals differ in what they change, an impossible
//! budget says the closest, and the same question gives the same answer.

use super::rules::{Never, ProposalRules};
use super::*;
use crate::design::{Alloy, preset};
use std::path::Path;

fn list() -> PriceList {
    PriceList::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron")).expect("sample list")
}

fn presets() -> Vec<(String, Design)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let mut found: Vec<_> = std::fs::read_dir(&folder).expect("presets").flatten().map(|e| e.path()).collect();
    found.sort();
    found
        .into_iter()
        .map(|path| (path.display().to_string(), preset::load(&path).expect("a shipped preset reads")))
        .collect()
}

fn proposals(outcome: &Outcome) -> Vec<&Proposal> {
    match outcome {
        Outcome::Proposals(found) => found.iter().collect(),
        _ => Vec::new(),
    }
}

#[test]
fn every_proposal_fits_the_budget_with_the_boutiques_list_and_its_figures_are_the_estimates() {
    let list = list();
    let rules = ProposalRules::default();
    let mut seen = 0;
    for (name, design) in presets() {
        let table = Table::of(&design, &list, Keep::default(), &rules, &[]).expect("priced");
        let retail = table.retail();
        assert_eq!(retail, list.estimate(&design).expect("priced").retail, "{name}");
        for share in [0.95, 0.85, 0.7, 0.5, 0.3] {
            let budget = retail * share;
            let outcome = table.within(budget);
            let found = proposals(&outcome);
            assert!(found.len() <= MAX_PROPOSALS, "{name}");
            for proposal in &found {
                seen += 1;
                let estimate = list.estimate(&proposal.design).expect("a proposal is priced");
                assert!(estimate.retail <= budget, "{name} at {budget}: {} does not fit", estimate.retail);
                let r = &proposal.reasons;
                assert_eq!((r.retail.before, r.retail.after), (retail, estimate.retail), "{name}");
                assert!((r.metal_grams.after - estimate.weights.metal_grams()).abs() < 1e-4, "{name}");
                assert!((r.centre_carats.after - estimate.weights.centre_carats).abs() < 1e-5, "{name}");
                let small: f32 = crate::estimate::small_stones(&proposal.design).iter().sum();
                assert!((r.side_carats.after - small).abs() < 1e-4, "{name}: {} vs {small}", r.side_carats.after);
                assert!(proposal.design.validate().is_ok(), "{name}");
                // Never what the workshop would refuse.
                assert!(
                    !crate::workshop::checks::breaks_a_hard_limit(&proposal.design),
                    "{name}: {:?}",
                    proposal.changes
                );
                // The client's own choices stay: the cut, the ring size, the engraving, the finish.
                assert_eq!(proposal.design.stone.cut, design.stone.cut);
                assert_eq!(proposal.design.ring_size_mm, design.ring_size_mm);
                assert_eq!(proposal.design.metal.finish, design.metal.finish);
                assert_eq!(proposal.design.engraving, design.engraving);
                assert!(!proposal.changes.is_empty() && proposal.given_up > 0.0, "{name}");
                // Never another piece: at most what a proposal may give up, never under half the carats.
                assert!(proposal.given_up <= options::MOST_GIVEN_UP, "{name}: {}", proposal.given_up);
                assert!(r.centre_carats.after >= 0.5 * r.centre_carats.before - 1e-3, "{name}: {:?}", r.centre_carats);
                if let Some(face) = r.face_up {
                    let expected = (proposal.design.stone.size_mm / design.stone.size_mm).powi(2);
                    assert!((face.spread_share - expected).abs() < 1e-3, "{name}: {face:?}");
                }
            }
            // Each proposal another way to the budget: none changes all that an earlier one changes, and more.
            for (i, later) in found.iter().enumerate() {
                for earlier in &found[..i] {
                    let changed = |p: &Proposal| -> Vec<std::mem::Discriminant<Change>> {
                        p.changes.iter().map(std::mem::discriminant).collect()
                    };
                    let (a, b) = (changed(earlier), changed(later));
                    assert!(!a.iter().all(|c| b.contains(c)), "{name}: {b:?} holds all of {a:?}");
                    assert!(earlier.given_up <= later.given_up, "{name}");
                }
            }
        }
        assert_eq!(table.within(retail), Outcome::Within { retail }, "{name}");
    }
    assert!(seen > 40, "only {seen} proposals over the presets");
}

#[test]
fn an_impossible_budget_says_the_closest_which_is_the_cheapest_design_of_the_neighbourhood() {
    let list = list();
    for (name, design) in presets() {
        let table = Table::of(&design, &list, Keep::default(), &ProposalRules::default(), &[]).expect("priced");
        let Outcome::NothingFits { closest } = table.within(1.0) else { panic!("{name}: something fits 1.0") };
        let cheapest = table.candidates.iter().map(|c| c.estimate.retail).fold(f32::MAX, f32::min);
        assert_eq!(closest.reasons.retail.after, cheapest, "{name}");
        assert!(closest.reasons.retail.after < table.retail(), "{name}: the closest is no cheaper");
    }
}

#[test]
fn kept_aspects_are_kept_and_what_the_house_never_proposes_never_appears() {
    let list = list();
    let halo = presets().into_iter().find(|(n, _)| n.contains("sapphire-and-diamond-halo")).expect("halo").1;
    let keep = Keep::parse("cut,metal-colour,size,band").expect("words");
    let rules = ProposalRules {
        never: vec![Never::Species(Species::LabGrownDiamond), Never::Alloy(Alloy::White14k)],
        ..ProposalRules::default()
    };
    let table = Table::of(&halo, &list, keep, &rules, &[]).expect("priced");
    for share in [0.9, 0.75, 0.6] {
        for proposal in proposals(&table.within(table.retail() * share)) {
            let d = &proposal.design;
            assert_eq!(options::colour(d.metal.alloy), options::colour(halo.metal.alloy));
            assert_eq!((d.stone.size_mm, d.shank), (halo.stone.size_mm, halo.shank));
            assert!(d.metal.alloy != Alloy::White14k);
            assert!(d.stone.species != Species::LabGrownDiamond && d.side_stones() != Species::LabGrownDiamond);
        }
    }
    assert_eq!(Keep::parse("cut, oval"), Err("oval".to_string()));
    let off = ProposalRules { proposals: false, ..ProposalRules::default() };
    assert_eq!(Table::of(&halo, &list, Keep::default(), &off, &[]).err(), Some(SuggestError::Off));
}

#[test]
fn the_least_given_up_comes_first_and_the_same_question_gets_the_same_answer() {
    let list = list();
    let solitaire = Design::default();
    let retail = list.estimate(&solitaire).expect("priced").retail;
    let first = propose(&solitaire, &list, retail * 0.8, Keep::default(), &ProposalRules::default(), &[]);
    let again = propose(&solitaire, &list, retail * 0.8, Keep::default(), &ProposalRules::default(), &[]);
    assert_eq!(first, again);
    let found = proposals(first.as_ref().expect("priced"));
    assert!(!found.is_empty());
    // Nothing in the neighbourhood that fits gives up less than the first proposal.
    let table = Table::of(&solitaire, &list, Keep::default(), &ProposalRules::default(), &[]).expect("priced");
    let least = table
        .candidates
        .iter()
        .filter(|c| c.estimate.retail <= retail * 0.8)
        .map(|c| c.given_up)
        .fold(f32::MAX, f32::min);
    assert_eq!(found[0].given_up, least);
    // A house's model allowing only natural diamonds gets no lab-grown proposal.
    let natural =
        Table::of(&solitaire, &list, Keep::default(), &ProposalRules::default(), &[Species::Diamond]).expect("priced");
    assert!(natural.candidates.iter().all(|c| c.design.stone.species == Species::Diamond));
}
