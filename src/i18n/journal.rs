//! The journal in words: "14:02 client: 18k yellow gold → Platinum 950", "variant 2 made the main design", and
//! what a variant has that the main design has not ("Platinum 950 · Oval cut · size 11 (JP)") for board labels.

use crate::design::journal::{Change, JournalEntry, Step, Who, local_offset_seconds, minutes_of_day};
use crate::design::necklace::Necklace;
use crate::design::{Design, Stone, ring_size};

/// Who proposed a change, as the journal says it.
pub fn who(who: Who) -> &'static str {
    match who {
        Who::Advisor => "advisor",
        Who::Client => "client",
    }
}

/// A variant's number as people count them (the main design is variant 1).
fn number(index: usize) -> usize {
    index + 1
}

fn carats(stone: Stone) -> f32 {
    crate::estimate::centre_carats(&Design { stone, ..Design::default() })
}

fn piece(necklace: &Option<Necklace>) -> String {
    match necklace {
        None => "ring".to_string(),
        Some(n) => format!(
            "{} necklace, {:.0} cm, {}",
            n.chain.label().to_lowercase(),
            n.length_mm / 10.0,
            n.pendant.label().to_lowercase()
        ),
    }
}

fn head_alloy(alloy: Option<crate::design::Alloy>) -> String {
    alloy.map_or("head same as band".to_string(), |alloy| format!("head in {}", alloy.label()))
}

/// A change as a jeweller says it: "18k yellow gold → Platinum 950", "stone 0.98 ct → 1.50 ct".
pub fn change(change: &Change) -> String {
    match change {
        Change::Name { from, to } => format!("name “{from}” → “{to}”"),
        Change::Alloy { from, to } => format!("{} → {}", from.label(), to.label()),
        Change::Finish { from, to } => format!("{} → {} finish", from.label(), to.label()),
        Change::HeadAlloy { to, .. } => head_alloy(*to),
        Change::Species { from, to } => format!("{} → {}", from.label(), to.label()),
        Change::SideSpecies { from, to } => format!("side stones {} → {}", from.label(), to.label()),
        Change::Cut { from, to } => format!("{} → {} cut", from.label(), to.label()),
        Change::StoneSize { from, to } => format!("stone {:.2} ct → {:.2} ct", carats(*from), carats(*to)),
        Change::Setting { from, to } => format!("{} → {}", from.label(), to.label()),
        Change::Shank { from, to } => format!("{} → {} band", from.label(), to.label()),
        Change::RingSize { from, to, system } => format!(
            "size {} → {} ({})",
            ring_size::label(*system, *from),
            ring_size::label(*system, *to),
            system.label()
        ),
        Change::Engraving { to, .. } => format!("engraving “{to}”"),
        Change::Piece { from, to } => format!("{} → {}", piece(from), piece(to)),
        Change::VariantMade { variant, from } => {
            format!("variant {} made from variant {}", number(*variant), number(*from))
        }
        Change::VariantRemoved { variant } => format!("variant {} removed", number(*variant)),
        Change::VariantCount { from, to } => format!("{from} variants → {to}"),
        Change::MadeMain { variant } => format!("variant {} made the main design", number(*variant)),
        Change::Favourite { variant: Some(variant) } => format!("variant {} is the favourite", number(*variant)),
        Change::Favourite { variant: None } => "no favourite".to_string(),
        Change::Text(words) => words.clone(),
    }
}

/// What an entry says after its time and who: "undo: variant 2: 18k yellow gold → Platinum 950".
pub fn entry_change(entry: &JournalEntry) -> String {
    let step = match entry.step {
        Some(Step::Undo) => "undo: ",
        Some(Step::Redo) => "redo: ",
        None => "",
    };
    match entry.variant {
        Some(variant) => format!("{step}variant {}: {}", number(variant), change(&entry.change)),
        None => format!("{step}{}", change(&entry.change)),
    }
}

/// "14:02 client: 18k yellow gold → Platinum 950", at the boutique's local time (the machine's time zone).
pub fn line(entry: &JournalEntry) -> String {
    match local_offset_seconds(entry.at) {
        Some(offset) => line_at_offset(entry, offset, ""),
        None => line_at_offset(entry, 0, " UTC"),
    }
}

/// The line at a given offset from UTC (seconds east), with a zone label after the time.
fn line_at_offset(entry: &JournalEntry, offset: i64, zone: &str) -> String {
    let minutes = minutes_of_day(entry.at, offset);
    format!("{:02}:{:02}{zone} {}: {}", minutes / 60, minutes % 60, who(entry.who), entry_change(entry))
}

/// What a design has where it differs from another, aspect by aspect (the name left out): "Platinum 950",
/// "Oval cut", "1.50 ct", "size 11 (JP)" — a variant's headline on the board.
pub fn what_it_has(difference: &Change) -> Option<String> {
    Some(match difference {
        Change::Name { .. } => return None,
        Change::Alloy { to, .. } => to.label().to_string(),
        Change::Finish { to, .. } => format!("{} finish", to.label()),
        Change::HeadAlloy { to, .. } => head_alloy(*to),
        Change::Species { to, .. } => to.label().to_string(),
        Change::SideSpecies { to, .. } => format!("{} side stones", to.label()),
        Change::Cut { to, .. } => format!("{} cut", to.label()),
        Change::StoneSize { to, .. } => format!("{:.2} ct", carats(*to)),
        Change::Setting { to, .. } => to.label().to_string(),
        Change::Shank { to, .. } => format!("{} band", to.label()),
        Change::RingSize { to, system, .. } => format!("size {} ({})", ring_size::label(*system, *to), system.label()),
        Change::Engraving { to, .. } => format!("engraving “{to}”"),
        Change::Piece { to, .. } => piece(to),
        other => change(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::journal::design_changes;
    use crate::design::variants::{VariantCommand, Variants, variant_changes};
    use crate::design::{Alloy, DesignCommand};

    /// The journal's words for what changed between two sets of variants.
    fn describe_variant_changes(before: &Variants, after: &Variants) -> Vec<String> {
        variant_changes(before, after)
            .into_iter()
            .map(|(variant, change)| entry_change(&JournalEntry::new(0, Who::Advisor, variant, change)))
            .collect()
    }

    fn describe_changes(before: &Design, after: &Design) -> Vec<String> {
        design_changes(before, after).iter().map(change).collect()
    }

    #[test]
    fn changes_read_like_the_appointment() {
        let before = Design::default();
        let after = DesignCommand::SetAlloy(Alloy::Platinum950).apply_to(&before).expect("valid");
        assert_eq!(describe_changes(&before, &after), vec!["18k yellow gold → Platinum 950".to_string()]);
        let text = |words: &str| Change::Text(words.into());
        let entry = JournalEntry::new(14 * 3600 + 2 * 60, Who::Client, None, text("18k yellow gold → Platinum 950"));
        assert_eq!(line_at_offset(&entry, 0, " UTC"), "14:02 UTC client: 18k yellow gold → Platinum 950");
        // Paris in winter; and a time zone west of UTC going back over midnight.
        assert_eq!(line_at_offset(&entry, 3600, ""), "15:02 client: 18k yellow gold → Platinum 950");
        let early = JournalEntry { at: 3600, ..entry.clone() };
        assert_eq!(line_at_offset(&early, -5 * 3600, ""), "20:00 client: 18k yellow gold → Platinum 950");
        let bigger = crate::estimate::set_carats(&before, 1.5).and_then(|c| c.apply_to(&before)).expect("valid");
        assert_eq!(describe_changes(&before, &bigger), vec!["stone 0.98 ct → 1.50 ct".to_string()]);
        assert!(describe_changes(&before, &before).is_empty());
        // An entry made as data reads the same as the words it replaces; undo and redo say so.
        let data = JournalEntry::new(
            entry.at,
            Who::Client,
            None,
            Change::Alloy { from: Alloy::Yellow18k, to: Alloy::Platinum950 },
        );
        assert_eq!(line_at_offset(&data, 0, " UTC"), line_at_offset(&entry, 0, " UTC"));
        let undone = JournalEntry { step: Some(Step::Undo), variant: Some(1), ..data };
        assert_eq!(entry_change(&undone), "undo: variant 2: 18k yellow gold → Platinum 950");
    }

    fn platinum() -> Design {
        let mut design = Design::default();
        design.metal.alloy = Alloy::Platinum950;
        design
    }

    #[test]
    fn the_journal_tells_which_variant_changed() {
        let variants =
            Variants::checked(vec![Design::default(), platinum(), Design::default()], 1, Some(0)).expect("valid");
        let promoted = variants.apply(&VariantCommand::Promote(1)).expect("exists");
        assert_eq!(describe_variant_changes(&variants, &promoted), ["variant 2 made the main design"]);
        let variants = Variants::checked(vec![Design::default(), platinum()], 1, Some(1)).expect("valid");
        let removed = variants.apply(&VariantCommand::Remove(1)).expect("exists");
        assert_eq!(describe_variant_changes(&variants, &removed), ["variant 2 removed"]);

        let two = Variants::single(Design::default()).apply(&VariantCommand::Duplicate).expect("room");
        assert_eq!(describe_variant_changes(&Variants::default(), &two), ["variant 2 made from variant 1"]);
        let changed = Variants::checked(vec![Design::default(), platinum()], 1, None).expect("valid");
        let lines = describe_variant_changes(&two, &changed);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("variant 2: ") && lines[0].contains("Platinum"), "{lines:?}");
        let selected = changed.apply(&VariantCommand::Select(0)).expect("exists");
        assert!(describe_variant_changes(&changed, &selected).is_empty(), "choosing what to edit is no change");
        let marked = selected.apply(&VariantCommand::ToggleFavourite(1)).expect("exists");
        assert_eq!(describe_variant_changes(&selected, &marked), ["variant 2 is the favourite"]);
    }
}
