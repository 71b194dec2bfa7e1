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
    /// "14:02 UTC client: 18k yellow gold → Platinum 950".
    pub fn line(&self) -> String {
        let minutes = (self.at / 60) % (24 * 60);
        format!("{:02}:{:02} UTC {}: {}", minutes / 60, minutes % 60, self.who.label(), self.change)
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
        assert_eq!(entry.line(), "14:02 UTC client: 18k yellow gold → Platinum 950");
        let bigger = DesignCommand::SetStoneCarats(1.5).apply_to(&before).expect("valid");
        assert_eq!(describe_changes(&before, &bigger), vec!["stone 0.98 ct → 1.50 ct".to_string()]);
        assert!(describe_changes(&before, &before).is_empty());
    }
}
