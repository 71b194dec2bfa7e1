//! The journal in words, in the reader's language: "14:02 client: 18k yellow gold → Platinum 950" /
//! "14:02 client : Or jaune 18 carats (750/1000) → Platine 950", "variant 2 made the main design", and what a
//! variant has that the main design has not ("Platinum 950 · Oval cut · size 11 (JP)") for board labels. The
//! journal is data (`design::journal::Change`): a preset saved in one language reads in the other.

use super::Language;
use super::format::{self, carats as carats_text, time};
use crate::design::journal::{Change, JournalEntry, Step, Who, local_offset_seconds, minutes_of_day};
use crate::design::necklace::Necklace;
use crate::design::ring_size::MeasuredBy;
use crate::design::{Design, Stone, ring_size};
use crate::tr;

/// Who proposed a change, as the journal says it.
pub fn who(language: Language, who: Who) -> String {
    match who {
        Who::Advisor => tr!(language, "who-advisor"),
        Who::Client => tr!(language, "who-client"),
        Who::Ecrin => tr!(language, "who-ecrin"),
    }
}

/// A variant's number as people count them (the main design is variant 1).
fn number(index: usize) -> String {
    (index + 1).to_string()
}

fn carats(language: Language, stone: Stone) -> String {
    carats_text(language, crate::estimate::centre_carats(&Design { stone, ..Design::default() }))
}

fn piece(language: Language, necklace: &Option<Necklace>) -> String {
    match necklace {
        None => tr!(language, "piece-ring"),
        Some(n) => tr!(
            language,
            "piece-necklace",
            chain = language.term(n.chain).to_lowercase(),
            length = super::format::number(language, f64::from(n.length_mm / 10.0), 0),
            pendant = language.term(n.pendant).to_lowercase(),
        ),
    }
}

fn head_alloy(language: Language, alloy: Option<crate::design::Alloy>) -> String {
    match alloy {
        None => tr!(language, "change-head-same"),
        Some(alloy) => tr!(language, "change-head-in", alloy = language.term_in_sentence(alloy)),
    }
}

fn size(system: ring_size::SizeSystem, circumference_mm: f32) -> String {
    ring_size::label(system, circumference_mm)
}

/// A change as a jeweller says it: "18k yellow gold → Platinum 950", "stone 0.98 ct → 1.50 ct".
pub fn change(language: Language, change: &Change) -> String {
    let l = language;
    let from_to = |from: String, to: String| tr!(l, "change-from-to", from = from, to = to);
    match change {
        Change::Name { from, to } => tr!(l, "change-name", from = from, to = to),
        Change::Alloy { from, to } => from_to(l.term(*from), l.term(*to)),
        Change::Finish { from, to } => {
            tr!(l, "change-finish", from = l.term_in_sentence(*from), to = l.term_in_sentence(*to))
        }
        Change::HeadAlloy { to, .. } => head_alloy(l, *to),
        Change::Species { from, to } => from_to(l.term(*from), l.term(*to)),
        Change::SideSpecies { from, to } => tr!(l, "change-side-species", from = l.term(*from), to = l.term(*to)),
        Change::Cut { from, to } => {
            tr!(l, "change-cut", from = l.term_in_sentence(*from), to = l.term_in_sentence(*to))
        }
        Change::StoneSize { from, to } => tr!(l, "change-stone-size", from = carats(l, *from), to = carats(l, *to)),
        Change::Setting { from, to } => from_to(l.term(*from), l.term(*to)),
        Change::Shank { from, to } => {
            tr!(l, "change-band", from = l.term_in_sentence(*from), to = l.term_in_sentence(*to))
        }
        Change::RingSize { from, to, system } => {
            tr!(l, "change-ring-size", from = size(*system, *from), to = size(*system, *to), system = l.term(*system))
        }
        Change::Engraving { to, .. } => tr!(l, "change-engraving", text = to),
        Change::EngravingStyle { from, to } => {
            tr!(l, "change-engraving-style", from = l.term_in_sentence(*from), to = l.term_in_sentence(*to))
        }
        Change::SizeMeasured { by, measured_mm } => {
            let measured = format::millimetres(l, *measured_mm, 1);
            match by {
                MeasuredBy::RingOnScreen => tr!(l, "change-size-measured-ring", diameter = measured),
                MeasuredBy::PaperStrip => tr!(l, "change-size-measured-strip", length = measured),
            }
        }
        Change::Piece { from, to } => from_to(piece(l, from), piece(l, to)),
        Change::VariantMade { variant, from } => {
            tr!(l, "change-variant-made", variant = number(*variant), from = number(*from))
        }
        Change::VariantRemoved { variant } => tr!(l, "change-variant-removed", variant = number(*variant)),
        Change::VariantCount { from, to } => {
            tr!(l, "change-variant-count", from = from.to_string(), to = to.to_string())
        }
        Change::MadeMain { variant } => tr!(l, "change-made-main", variant = number(*variant)),
        Change::Favourite { variant: Some(variant) } => tr!(l, "change-favourite", variant = number(*variant)),
        Change::Favourite { variant: None } => tr!(l, "change-no-favourite"),
        Change::Proposed { budget, currency, changes } => {
            let changes: Vec<String> = changes.iter().map(|c| self::change(l, c)).collect();
            let budget = format::price(l, f64::from(*budget), currency);
            tr!(l, "change-proposed", budget = budget, changes = changes.join(" · "))
        }
        Change::ProposalTaken => tr!(l, "change-proposal-taken"),
        Change::ProposalSetAside => tr!(l, "change-proposal-set-aside"),
        // Entries written before the journal was data keep the words they were written in.
        Change::Text(words) => words.clone(),
    }
}

/// What an entry says after its time and who: "undo: variant 2: 18k yellow gold → Platinum 950".
pub fn entry_change(language: Language, entry: &JournalEntry) -> String {
    let what = change(language, &entry.change);
    let what = match entry.variant {
        Some(variant) => tr!(language, "journal-in-variant", variant = number(variant), change = what),
        None => what,
    };
    match entry.step {
        Some(Step::Undo) => tr!(language, "journal-undo", change = what),
        Some(Step::Redo) => tr!(language, "journal-redo", change = what),
        None => what,
    }
}

/// "14:02 client: 18k yellow gold → Platinum 950", at the boutique's local time (the machine's time zone).
pub fn line(language: Language, entry: &JournalEntry) -> String {
    match local_offset_seconds(entry.at) {
        Some(offset) => line_at_offset(language, entry, offset, false),
        None => line_at_offset(language, entry, 0, true),
    }
}

/// The line at a given offset from UTC (seconds east); `utc` says the time is UTC's.
fn line_at_offset(language: Language, entry: &JournalEntry, offset: i64, utc: bool) -> String {
    let minutes = minutes_of_day(entry.at, offset);
    let at = time(language, (minutes / 60) as u8, (minutes % 60) as u8);
    let (who, change) = (who(language, entry.who), entry_change(language, entry));
    if utc {
        tr!(language, "journal-line-utc", time = at, who = who, change = change)
    } else {
        tr!(language, "journal-line", time = at, who = who, change = change)
    }
}

/// What a design has where it differs from another, aspect by aspect (the name left out): "Platinum 950",
/// "Oval cut", "1.50 ct", "size 11 (JP)" — a variant's headline on the board.
pub fn what_it_has(language: Language, difference: &Change) -> Option<String> {
    let l = language;
    Some(match difference {
        Change::Name { .. } => return None,
        Change::Alloy { to, .. } => l.term(*to),
        Change::Finish { to, .. } => tr!(l, "has-finish", finish = l.term_in_sentence(*to)),
        Change::HeadAlloy { to, .. } => head_alloy(l, *to),
        Change::Species { to, .. } => l.term(*to),
        Change::SideSpecies { to, .. } => tr!(l, "has-side-species", species = l.term(*to)),
        Change::Cut { to, .. } => tr!(l, "has-cut", cut = l.term_in_sentence(*to)),
        Change::StoneSize { to, .. } => carats(l, *to),
        Change::Setting { to, .. } => l.term(*to),
        Change::Shank { to, .. } => tr!(l, "has-band", band = l.term_in_sentence(*to)),
        Change::RingSize { to, system, .. } => {
            tr!(l, "has-ring-size", size = size(*system, *to), system = l.term(*system))
        }
        Change::Engraving { to, .. } => tr!(l, "change-engraving", text = to),
        Change::Piece { to, .. } => piece(l, to),
        other => change(l, other),
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
            .map(|(variant, change)| {
                entry_change(Language::English, &JournalEntry::new(0, Who::Advisor, variant, change))
            })
            .collect()
    }

    fn describe_changes(before: &Design, after: &Design) -> Vec<String> {
        design_changes(before, after).iter().map(|c| change(Language::English, c)).collect()
    }

    #[test]
    fn changes_read_like_the_appointment() {
        let before = Design::default();
        let after = DesignCommand::SetAlloy(Alloy::Platinum950).apply_to(&before).expect("valid");
        assert_eq!(describe_changes(&before, &after), vec!["18k yellow gold → Platinum 950".to_string()]);
        let text = |words: &str| Change::Text(words.into());
        let entry = JournalEntry::new(14 * 3600 + 2 * 60, Who::Client, None, text("18k yellow gold → Platinum 950"));
        assert_eq!(
            line_at_offset(Language::English, &entry, 0, true),
            "14:02 UTC client: 18k yellow gold → Platinum 950"
        );
        // Paris in winter; and a time zone west of UTC going back over midnight.
        assert_eq!(
            line_at_offset(Language::English, &entry, 3600, false),
            "15:02 client: 18k yellow gold → Platinum 950"
        );
        let early = JournalEntry { at: 3600, ..entry.clone() };
        assert_eq!(
            line_at_offset(Language::English, &early, -5 * 3600, false),
            "20:00 client: 18k yellow gold → Platinum 950"
        );
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
        assert_eq!(
            line_at_offset(Language::English, &data, 0, true),
            line_at_offset(Language::English, &entry, 0, true)
        );
        let undone = JournalEntry { step: Some(Step::Undo), variant: Some(1), ..data };
        assert_eq!(entry_change(Language::English, &undone), "undo: variant 2: 18k yellow gold → Platinum 950");
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

    #[test]
    fn the_journal_is_data_and_reads_in_the_readers_language() {
        let entry = JournalEntry::new(
            14 * 3600 + 2 * 60,
            Who::Client,
            Some(1),
            Change::Alloy { from: Alloy::Yellow18k, to: Alloy::Platinum950 },
        );
        let nb = '\u{a0}';
        assert_eq!(
            line_at_offset(Language::French, &entry, 0, false),
            format!("14:02 client{nb}: variante 2{nb}: Or jaune 18 carats (750/1000) → Platine 950")
        );
        assert_eq!(
            line_at_offset(Language::English, &entry, 0, false),
            "14:02 client: variant 2: 18k yellow gold → Platinum 950"
        );
        let before = Design::default();
        let bigger = crate::estimate::set_carats(&before, 1.5).and_then(|c| c.apply_to(&before)).expect("valid");
        let french: Vec<String> =
            design_changes(&before, &bigger).iter().map(|c| change(Language::French, c)).collect();
        assert_eq!(french, [format!("pierre 0,98{nb}ct → 1,50{nb}ct")]);
        // Words written before the journal was data stay as they were written.
        assert_eq!(change(Language::French, &Change::Text("old words".into())), "old words");
    }
}
