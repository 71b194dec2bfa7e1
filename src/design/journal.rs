//! The co-design journal: every change to the design, when, and who proposed it — the story of the appointment
//! (read as "14:02 client: 18k yellow gold → Platinum 950"). Entries are data (`Change::Alloy { from, to }`);
//! their words are made where they are read (`crate::i18n::journal`).

use super::necklace::Necklace;
use super::{Alloy, Cut, Design, Finish, Setting, ShankStyle, SizeSystem, Species, Stone};
use serde::{Deserialize, Serialize};

/// Who proposed a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Who {
    #[default]
    Advisor,
    Client,
    /// Écrin itself: its proposals within a budget (`crate::suggest`), which a person then takes or sets aside.
    Ecrin,
}

/// Undo and redo bring a change back or take it away: the journal says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Undo,
    Redo,
}

/// One entry of the journal: when, who, and what changed — as data; its words are made where it is read
/// (`crate::i18n::journal`), in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    /// Seconds since 1970-01-01 UTC.
    pub at: u64,
    pub who: Who,
    /// Set when the change came from undo or redo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    /// The variant (index, 0 the main design) the change was made to, when the board had several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<usize>,
    pub change: Change,
}

/// What changed: the aspect and its values before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Name {
        from: String,
        to: String,
    },
    Alloy {
        from: Alloy,
        to: Alloy,
    },
    Finish {
        from: Finish,
        to: Finish,
    },
    /// Two-tone: the head's alloy (`None`: same as the band).
    HeadAlloy {
        from: Option<Alloy>,
        to: Option<Alloy>,
    },
    Species {
        from: Species,
        to: Species,
    },
    /// The side stones' species.
    SideSpecies {
        from: Species,
        to: Species,
    },
    Cut {
        from: Cut,
        to: Cut,
    },
    /// The centre stone's size; the stones before and after (their carats follow from cut, species and size).
    StoneSize {
        from: Stone,
        to: Stone,
    },
    Setting {
        from: Setting,
        to: Setting,
    },
    Shank {
        from: ShankStyle,
        to: ShankStyle,
    },
    /// Inner circumferences (mm), read in the size system of the design after the change.
    RingSize {
        from: f32,
        to: f32,
        system: SizeSystem,
    },
    Engraving {
        from: String,
        to: String,
    },
    EngravingStyle {
        from: super::engraving::EngravingStyle,
        to: super::engraving::EngravingStyle,
    },
    /// The client's size was measured (on the screen): what was read, mm — a ring's inner diameter or a paper
    /// strip's length. The size it gave follows as a `RingSize` change.
    SizeMeasured {
        by: super::ring_size::MeasuredBy,
        measured_mm: f32,
    },
    /// A ring (`None`) or a necklace.
    Piece {
        from: Option<Necklace>,
        to: Option<Necklace>,
    },
    /// A variant was added as a copy of another (indices, 0 the main design).
    VariantMade {
        variant: usize,
        from: usize,
    },
    VariantRemoved {
        variant: usize,
    },
    /// The set of variants was replaced (presets opened side by side): how many before and after.
    VariantCount {
        from: usize,
        to: usize,
    },
    /// A variant was made the main design.
    MadeMain {
        variant: usize,
    },
    Favourite {
        variant: Option<usize>,
    },
    /// Écrin proposed a variant within a budget (said by `Who::Ecrin`): what it would change.
    Proposed {
        budget: f32,
        currency: String,
        changes: Vec<Change>,
    },
    /// A person took the proposal said just before (its changes follow as their own entries, by that person).
    ProposalTaken,
    /// A person set the proposal said just before aside.
    ProposalSetAside,
    /// An entry of a file written before the journal was data (preset version 3–4, session version 1), kept as
    /// its words.
    Text(String),
}

impl JournalEntry {
    /// A change made now (not an undo or a redo), to the only design or to a variant of several.
    pub fn new(at: u64, who: Who, variant: Option<usize>, change: Change) -> Self {
        JournalEntry { at, who, step: None, variant, change }
    }
}

/// A journal entry as files before preset version 5 and session version 2 wrote it: the change in English words.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LegacyEntry {
    at: u64,
    who: Who,
    change: String,
}

impl From<LegacyEntry> for JournalEntry {
    fn from(old: LegacyEntry) -> Self {
        JournalEntry::new(old.at, old.who, None, Change::Text(old.change))
    }
}

/// Minutes since midnight at a given offset from UTC (seconds east): the clock time of an entry.
pub fn minutes_of_day(at: u64, offset: i64) -> i64 {
    (at as i64 + offset).div_euclid(60).rem_euclid(24 * 60)
}

/// Seconds east of UTC of the machine's local time at `at` (seconds since 1970), where the system can tell.
#[allow(unsafe_code)]
// `tm_gmtoff` is a C long: already i64 on 64-bit systems, not on 32-bit ones.
#[allow(clippy::useless_conversion)]
pub fn local_offset_seconds(at: u64) -> Option<i64> {
    #[cfg(unix)]
    {
        let time = libc::time_t::try_from(at).ok()?;
        // SAFETY: `localtime_r` reads `time` and writes only into `parts`, which outlives the call; it is the
        // thread-safe form (no shared static buffer). A zeroed `tm` is a valid value of that plain C struct.
        let mut parts: libc::tm = unsafe { std::mem::zeroed() };
        let filled = unsafe { libc::localtime_r(&time, &mut parts) };
        (!filled.is_null()).then_some(i64::from(parts.tm_gmtoff)).filter(|offset| offset.abs() <= 18 * 3600)
    }
    #[cfg(not(unix))]
    {
        let _ = at;
        None
    }
}

/// Seconds since 1970 now (0 if the clock is before 1970).
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// What differs between two designs, aspect by aspect.
pub fn design_changes(before: &Design, after: &Design) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut note = |same: bool, change: Change| {
        if !same {
            changes.push(change);
        }
    };
    note(before.name == after.name, Change::Name { from: before.name.clone(), to: after.name.clone() });
    let (a, b) = (before.metal, after.metal);
    note(a.alloy == b.alloy, Change::Alloy { from: a.alloy, to: b.alloy });
    note(a.finish == b.finish, Change::Finish { from: a.finish, to: b.finish });
    note(before.head_alloy == after.head_alloy, Change::HeadAlloy { from: before.head_alloy, to: after.head_alloy });
    let (s, t) = (before.stone, after.stone);
    note(s.species == t.species, Change::Species { from: s.species, to: t.species });
    let (side_before, side_after) = (before.side_stones(), after.side_stones());
    note(side_before == side_after, Change::SideSpecies { from: side_before, to: side_after });
    note(s.cut == t.cut, Change::Cut { from: s.cut, to: t.cut });
    note((s.size_mm - t.size_mm).abs() < 1e-4, Change::StoneSize { from: s, to: t });
    note(before.setting == after.setting, Change::Setting { from: before.setting, to: after.setting });
    note(before.shank == after.shank, Change::Shank { from: before.shank, to: after.shank });
    note(
        (before.ring_size_mm - after.ring_size_mm).abs() < 1e-4,
        Change::RingSize { from: before.ring_size_mm, to: after.ring_size_mm, system: after.size_system },
    );
    note(
        before.engraving == after.engraving,
        Change::Engraving { from: before.engraving.clone(), to: after.engraving.clone() },
    );
    note(
        before.engraving_style == after.engraving_style,
        Change::EngravingStyle { from: before.engraving_style, to: after.engraving_style },
    );
    note(before.necklace == after.necklace, Change::Piece { from: before.necklace, to: after.necklace });
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::DesignCommand;

    #[test]
    fn changes_are_data_aspect_by_aspect() {
        let before = Design::default();
        let after = DesignCommand::SetAlloy(Alloy::Platinum950).apply_to(&before).expect("valid");
        assert_eq!(
            design_changes(&before, &after),
            vec![Change::Alloy { from: Alloy::Yellow18k, to: Alloy::Platinum950 }]
        );
        let bigger = DesignCommand::SetStoneSize(7.4).apply_to(&after).expect("valid");
        assert_eq!(design_changes(&after, &bigger), vec![Change::StoneSize { from: after.stone, to: bigger.stone }]);
        assert!(design_changes(&before, &before).is_empty());
        // The clock: minutes of the day at an offset (Paris in winter; west of UTC, back over midnight).
        assert_eq!(minutes_of_day(14 * 3600 + 2 * 60, 3600), 15 * 60 + 2);
        assert_eq!(minutes_of_day(3600, -5 * 3600), 20 * 60);
        // The studio's clock: the machine's offset is known and within the world's time zones.
        assert!(local_offset_seconds(1_795_434_120).is_some_and(|offset| offset.abs() <= 14 * 3600));
    }

    #[test]
    fn an_entry_reads_back_as_data_and_an_old_one_as_its_words() {
        let entry = JournalEntry {
            at: 1_700_000_000,
            who: Who::Client,
            step: Some(Step::Undo),
            variant: Some(1),
            change: Change::Cut { from: Cut::RoundBrilliant, to: Cut::Oval },
        };
        let text = ron::to_string(&entry).expect("serialises");
        assert!(text.contains("Cut(from:RoundBrilliant,to:Oval)"), "{text}");
        assert_eq!(ron::from_str::<JournalEntry>(&text).expect("reads back"), entry);
        let old: LegacyEntry =
            ron::from_str(r#"(at: 5, who: Advisor, change: "18k yellow gold → Platinum 950")"#).expect("old entry");
        let old = JournalEntry::from(old);
        assert_eq!(old.change, Change::Text("18k yellow gold → Platinum 950".into()));
        assert_eq!((old.at, old.who, old.step, old.variant), (5, Who::Advisor, None, None));
    }
}
