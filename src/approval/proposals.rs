//! What the approval sheet says of Écrin's proposals: which of the design's choices came from a proposal Écrin made
//! within a budget, and who took it — read from the journal (Écrin's `Proposed` entry, then a person's
//! `ProposalTaken`), keeping only the choices the design still has (a proposal taken, then undone, is not the
//! client's design any more).

use super::SpecRow;
use crate::design::Design;
use crate::design::journal::{Change, JournalEntry, Who};
use crate::i18n::{Language, format};
use crate::tr;

/// Whether the design still has what a change made.
fn still_holds(change: &Change, design: &Design) -> bool {
    match change {
        Change::Alloy { to, .. } => design.metal.alloy == *to,
        Change::HeadAlloy { to, .. } => design.head_alloy == *to,
        Change::Species { to, .. } => design.stone.species == *to,
        Change::SideSpecies { to, .. } => design.side_stones() == *to,
        Change::StoneSize { to, .. } => (design.stone.size_mm - to.size_mm).abs() < 1e-4,
        Change::Setting { to, .. } => design.setting == *to,
        Change::Shank { to, .. } => design.shank == *to,
        Change::Piece { to, .. } => design.necklace == *to,
        _ => false,
    }
}

/// The sheet's row on Écrin's proposals the design holds, with who took each ("taken by the client: 14k yellow gold
/// instead of 18k… (within 5 000 €)"); none when no proposal was taken.
pub fn proposals_row(journal: &[JournalEntry], design: &Design, l: Language) -> Option<SpecRow> {
    let mut taken = Vec::new();
    for pair in journal.windows(2) {
        let (proposed, decided) = (&pair[0], &pair[1]);
        let Change::Proposed { budget, currency, changes } = &proposed.change else { continue };
        if proposed.who != Who::Ecrin || decided.change != Change::ProposalTaken {
            continue;
        }
        let held: Vec<String> = changes
            .iter()
            .filter(|change| still_holds(change, design))
            .map(|change| crate::i18n::journal::change(l, change))
            .collect();
        if held.is_empty() {
            continue;
        }
        let who = crate::i18n::journal::who(l, decided.who);
        let budget = format::price(l, f64::from(*budget), currency);
        taken.push(tr!(l, "spec-proposal-taken", who = who, changes = held.join(" · "), budget = budget));
    }
    (!taken.is_empty()).then(|| SpecRow {
        key: "spec-proposals",
        label: l.tr("spec-proposals"),
        value: taken.join("; "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Alloy;
    use crate::design::journal::design_changes;

    #[test]
    fn the_row_names_who_took_the_proposal_and_drops_what_was_undone() {
        let before = Design::default();
        let mut after = before.clone();
        after.metal.alloy = Alloy::Yellow14k;
        let proposed =
            Change::Proposed { budget: 5000.0, currency: "EUR".into(), changes: design_changes(&before, &after) };
        let journal = vec![
            JournalEntry::new(10, Who::Ecrin, None, proposed),
            JournalEntry::new(20, Who::Client, None, Change::ProposalTaken),
        ];
        for l in Language::ALL {
            let row = proposals_row(&journal, &after, l).expect("a proposal was taken");
            assert!(row.value.contains(&crate::i18n::journal::who(l, Who::Client)), "{}", row.value);
            assert!(row.value.contains(&l.term(Alloy::Yellow14k)), "{}", row.value);
        }
        // Undone: the design is 18k again; set aside: nothing was taken.
        assert!(proposals_row(&journal, &before, Language::English).is_none());
        let aside = vec![journal[0].clone(), JournalEntry::new(20, Who::Advisor, None, Change::ProposalSetAside)];
        assert!(proposals_row(&aside, &after, Language::English).is_none());
    }
}
