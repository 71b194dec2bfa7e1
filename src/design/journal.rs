//! The co-design journal: every change to the design, when, and who proposed it — the story of the appointment
//! ("14:02 client: 18k yellow gold → Platinum 950").

use super::Design;
use super::ring_size;
use serde::{Deserialize, Serialize};

/// Who proposed a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Who {
    #[default]
    Advisor,
    Client,
}

impl Who {
    pub fn label(self) -> &'static str {
        match self {
            Who::Advisor => "advisor",
            Who::Client => "client",
        }
    }
}

/// One change of the journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    /// Seconds since 1970-01-01 UTC.
    pub at: u64,
    pub who: Who,
    /// What changed, in the advisor's words, e.g. "18k yellow gold → Platinum 950".
    pub change: String,
}

impl JournalEntry {
    /// "14:02 client: 18k yellow gold → Platinum 950", at the boutique's local time (the machine's time zone).
    pub fn line(&self) -> String {
        match local_offset_seconds(self.at) {
            Some(offset) => self.line_at_offset(offset, ""),
            None => self.line_at_offset(0, " UTC"),
        }
    }

    /// The line at a given offset from UTC (seconds east), with a zone label after the time.
    fn line_at_offset(&self, offset: i64, zone: &str) -> String {
        let minutes = (self.at as i64 + offset).div_euclid(60).rem_euclid(24 * 60);
        format!("{:02}:{:02}{zone} {}: {}", minutes / 60, minutes % 60, self.who.label(), self.change)
    }
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

/// What differs between two designs, one phrase per aspect, as a jeweller would say it.
pub fn describe_changes(before: &Design, after: &Design) -> Vec<String> {
    let mut changes = Vec::new();
    let mut note = |same: bool, text: String| {
        if !same {
            changes.push(text);
        }
    };
    note(before.name == after.name, format!("name “{}” → “{}”", before.name, after.name));
    let (a, b) = (before.metal, after.metal);
    note(a.alloy == b.alloy, format!("{} → {}", a.alloy.label(), b.alloy.label()));
    note(a.finish == b.finish, format!("{} → {} finish", a.finish.label(), b.finish.label()));
    let head = after.head_alloy.map_or("head same as band".to_string(), |alloy| format!("head in {}", alloy.label()));
    note(before.head_alloy == after.head_alloy, head);
    let (s, t) = (before.stone, after.stone);
    note(s.species == t.species, format!("{} → {}", s.species.label(), t.species.label()));
    note(s.cut == t.cut, format!("{} → {} cut", s.cut.label(), t.cut.label()));
    note(
        (s.size_mm - t.size_mm).abs() < 1e-4,
        format!("stone {:.2} ct → {:.2} ct", before.centre_carats(), after.centre_carats()),
    );
    note(before.setting == after.setting, format!("{} → {}", before.setting.label(), after.setting.label()));
    note(before.shank == after.shank, format!("{} → {} band", before.shank.label(), after.shank.label()));
    let system = after.size_system;
    note(
        (before.ring_size_mm - after.ring_size_mm).abs() < 1e-4,
        format!(
            "size {} → {} ({})",
            ring_size::label(system, before.ring_size_mm),
            ring_size::label(system, after.ring_size_mm),
            system.label()
        ),
    );
    note(before.engraving == after.engraving, format!("engraving “{}”", after.engraving));
    let piece = |design: &Design| match &design.necklace {
        None => "ring".to_string(),
        Some(n) => format!(
            "{} necklace, {:.0} cm, {}",
            n.chain.label().to_lowercase(),
            n.length_mm / 10.0,
            n.pendant.label().to_lowercase()
        ),
    };
    note(before.necklace == after.necklace, format!("{} → {}", piece(before), piece(after)));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Alloy, DesignCommand};

    #[test]
    fn changes_read_like_the_appointment() {
        let before = Design::default();
        let after = DesignCommand::SetAlloy(Alloy::Platinum950).apply_to(&before).expect("valid");
        assert_eq!(describe_changes(&before, &after), vec!["18k yellow gold → Platinum 950".to_string()]);
        let entry =
            JournalEntry {
                at: 14 * 3600 + 2 * 60, who: Who::Client, change: "18k yellow gold → Platinum 950".into()
            };
        assert_eq!(entry.line_at_offset(0, " UTC"), "14:02 UTC client: 18k yellow gold → Platinum 950");
        // Paris in winter; and a time zone west of UTC going back over midnight.
        assert_eq!(entry.line_at_offset(3600, ""), "15:02 client: 18k yellow gold → Platinum 950");
        let early = JournalEntry { at: 3600, ..entry.clone() };
        assert_eq!(early.line_at_offset(-5 * 3600, ""), "20:00 client: 18k yellow gold → Platinum 950");
        // The studio's clock: the machine's offset is known and within the world's time zones.
        assert!(local_offset_seconds(1_795_434_120).is_some_and(|offset| offset.abs() <= 14 * 3600));
        let bigger = DesignCommand::SetStoneCarats(1.5).apply_to(&before).expect("valid");
        assert_eq!(describe_changes(&before, &bigger), vec!["stone 0.98 ct → 1.50 ct".to_string()]);
        assert!(describe_changes(&before, &before).is_empty());
    }
}
