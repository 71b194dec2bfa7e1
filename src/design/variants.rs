//! Variants: up to four designs of one appointment side by side — the one being edited, the favourite, the main
//! design (the first, which the others are compared with) — and the commands that make, mark, promote and remove
//! them. The whole set is what the undo history keeps, so variant operations undo like any change.

use super::journal::{Change, design_changes};
use super::{Design, DesignError};

/// The most variants the board shows.
pub const MAX_VARIANTS: usize = 4;

/// The designs of the appointment: the first is the main design; `active` is the one the panel edits.
#[derive(Clone, Debug, PartialEq)]
pub struct Variants {
    designs: Vec<Design>,
    active: usize,
    favourite: Option<usize>,
}

/// A change to the set of variants.
#[derive(Clone, Debug, PartialEq)]
pub enum VariantCommand {
    /// Copy the variant being edited as a new variant, and edit the copy.
    Duplicate,
    /// Edit this variant (not an undo step of its own: undo shows each change where it was made).
    Select(usize),
    /// Mark this variant as the client's favourite, or unmark it.
    ToggleFavourite(usize),
    /// Make this variant the main design (first on the board, what the others are compared with).
    Promote(usize),
    Remove(usize),
    /// Replace every variant (several presets opened at once, a session restored).
    Replace(Variants),
}

impl Default for Variants {
    fn default() -> Self {
        Variants::single(Design::default())
    }
}

impl Variants {
    pub fn single(design: Design) -> Self {
        Variants { designs: vec![design], active: 0, favourite: None }
    }

    /// Checks a set read from a file (an autosave): 1–4 valid designs, indices in range.
    pub fn checked(designs: Vec<Design>, active: usize, favourite: Option<usize>) -> Result<Self, DesignError> {
        let count = designs.len();
        if !(1..=MAX_VARIANTS).contains(&count) {
            return Err(DesignError::VariantCount { count, max: MAX_VARIANTS });
        }
        for design in &designs {
            design.validate()?;
        }
        let in_range = |index: usize| if index < count { Ok(index) } else { Err(DesignError::NoVariant(index + 1)) };
        Ok(Variants { active: in_range(active)?, favourite: favourite.map(in_range).transpose()?, designs })
    }

    pub fn designs(&self) -> &[Design] {
        &self.designs
    }

    pub fn len(&self) -> usize {
        self.designs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.designs.is_empty()
    }

    /// Index of the variant being edited.
    pub fn active(&self) -> usize {
        self.active
    }

    pub fn favourite(&self) -> Option<usize> {
        self.favourite
    }

    pub fn active_design(&self) -> &Design {
        &self.designs[self.active]
    }

    /// Whether the board (more than one variant) shows.
    pub fn is_board(&self) -> bool {
        self.designs.len() > 1
    }

    /// The same set with the active design replaced (a design command was applied to it).
    pub(super) fn with_active(&self, design: Design) -> Variants {
        let mut next = self.clone();
        next.designs[self.active] = design;
        next
    }

    /// The set after a command, or why not (the set is untouched).
    pub fn apply(&self, command: &VariantCommand) -> Result<Variants, DesignError> {
        let mut next = self.clone();
        let check = |index: usize| if index < self.len() { Ok(index) } else { Err(DesignError::NoVariant(index + 1)) };
        match command {
            VariantCommand::Duplicate => {
                if self.len() >= MAX_VARIANTS {
                    return Err(DesignError::VariantCount { count: self.len() + 1, max: MAX_VARIANTS });
                }
                next.designs.push(self.active_design().clone());
                next.active = self.len();
            }
            VariantCommand::Select(index) => next.active = check(*index)?,
            VariantCommand::ToggleFavourite(index) => {
                let index = check(*index)?;
                next.favourite = if self.favourite == Some(index) { None } else { Some(index) };
            }
            VariantCommand::Promote(index) => {
                let index = check(*index)?;
                let promoted = next.designs.remove(index);
                next.designs.insert(0, promoted);
                next.active = index_after_promotion(self.active, index);
                next.favourite = self.favourite.map(|i| index_after_promotion(i, index));
            }
            VariantCommand::Remove(index) => {
                let index = check(*index)?;
                if self.len() == 1 {
                    return Err(DesignError::LastVariant);
                }
                next.designs.remove(index);
                let after_removal = |i: usize| if i > index { i - 1 } else { i };
                next.active = if self.active == index { index.min(next.len() - 1) } else { after_removal(self.active) };
                next.favourite = self.favourite.filter(|&f| f != index).map(after_removal);
            }
            VariantCommand::Replace(variants) => next = variants.clone(),
        }
        Ok(next)
    }
}

/// What changed between two sets of variants, for the journal: variants made, removed, promoted, marked, and the
/// design changes of each (with the variant they were made to, when there are several); choosing which one to
/// edit is not a change.
pub fn variant_changes(before: &Variants, after: &Variants) -> Vec<(Option<usize>, Change)> {
    let (old, new) = (before.designs(), after.designs());
    let mut changes = Vec::new();
    if new.len() == old.len() + 1 && new[..old.len()] == *old {
        changes.push((None, Change::VariantMade { variant: old.len(), from: before.active }));
    } else if new.len() + 1 == old.len() {
        match (0..old.len()).find(|&i| old[..i] == new[..i] && old[i + 1..] == new[i..]) {
            Some(removed) => changes.push((None, Change::VariantRemoved { variant: removed })),
            None => changes.push((None, Change::VariantCount { from: old.len(), to: new.len() })),
        }
    } else if let Some(promoted) = promoted_index(old, new) {
        changes.push((None, Change::MadeMain { variant: promoted }));
    } else if new.len() == old.len() {
        for (index, (a, b)) in old.iter().zip(new).enumerate() {
            let variant = (new.len() > 1).then_some(index);
            changes.extend(design_changes(a, b).into_iter().map(|change| (variant, change)));
        }
    } else {
        changes.push((None, Change::VariantCount { from: old.len(), to: new.len() }));
    }
    if changes.is_empty() && before.favourite != after.favourite {
        changes.push((None, Change::Favourite { variant: after.favourite }));
    }
    changes
}

/// Where a variant's index lands when `promoted` moves to the front: those before it move one place down.
fn index_after_promotion(i: usize, promoted: usize) -> usize {
    match i {
        i if i == promoted => 0,
        i if i < promoted => i + 1,
        i => i,
    }
}

/// Which variant was moved to the front, when that is the only difference.
fn promoted_index(old: &[Design], new: &[Design]) -> Option<usize> {
    if new.len() != old.len() || new == old {
        return None;
    }
    (1..new.len()).find(|&i| new[0] == old[i] && new[1..=i] == old[..i] && new[i + 1..] == old[i + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Alloy;

    fn platinum() -> Design {
        let mut design = Design::default();
        design.metal.alloy = Alloy::Platinum950;
        design
    }

    #[test]
    fn duplicate_edits_the_copy_and_stops_at_four() {
        let mut variants = Variants::default();
        for count in 2..=MAX_VARIANTS {
            variants = variants.apply(&VariantCommand::Duplicate).expect("room for one more");
            assert_eq!((variants.len(), variants.active()), (count, count - 1));
        }
        assert!(matches!(variants.apply(&VariantCommand::Duplicate), Err(DesignError::VariantCount { .. })));
    }

    #[test]
    fn promote_moves_the_variant_first_and_keeps_marks_on_their_designs() {
        let variants =
            Variants::checked(vec![Design::default(), platinum(), Design::default()], 1, Some(0)).expect("valid");
        let promoted = variants.apply(&VariantCommand::Promote(1)).expect("exists");
        assert_eq!(promoted.designs()[0], platinum());
        assert_eq!(promoted.active(), 0, "the edited design moved with it");
        assert_eq!(promoted.favourite(), Some(1), "the favourite moved one place down");
        assert_eq!(variant_changes(&variants, &promoted), [(None, Change::MadeMain { variant: 1 })]);
    }

    #[test]
    fn removing_keeps_at_least_one_and_names_what_went() {
        let variants = Variants::checked(vec![Design::default(), platinum()], 1, Some(1)).expect("valid");
        let removed = variants.apply(&VariantCommand::Remove(1)).expect("exists");
        assert_eq!((removed.len(), removed.active(), removed.favourite()), (1, 0, None));
        assert_eq!(variant_changes(&variants, &removed), [(None, Change::VariantRemoved { variant: 1 })]);
        assert!(matches!(removed.apply(&VariantCommand::Remove(0)), Err(DesignError::LastVariant)));
        assert!(matches!(variants.apply(&VariantCommand::Promote(5)), Err(DesignError::NoVariant(6))));
    }

    #[test]
    fn the_journal_tells_which_variant_changed() {
        let two = Variants::single(Design::default()).apply(&VariantCommand::Duplicate).expect("room");
        assert_eq!(variant_changes(&Variants::default(), &two), [(None, Change::VariantMade { variant: 1, from: 0 })]);
        let changed = two.with_active(platinum());
        let alloy = Change::Alloy { from: Alloy::Yellow18k, to: Alloy::Platinum950 };
        assert_eq!(variant_changes(&two, &changed), [(Some(1), alloy)]);
        let selected = changed.apply(&VariantCommand::Select(0)).expect("exists");
        assert!(variant_changes(&changed, &selected).is_empty(), "choosing what to edit is no change");
        let marked = selected.apply(&VariantCommand::ToggleFavourite(1)).expect("exists");
        assert_eq!(variant_changes(&selected, &marked), [(None, Change::Favourite { variant: Some(1) })]);
    }
}
