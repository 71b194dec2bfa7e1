//! The client's approval, without the GUI: what the approval sheet says about a design (spec table, estimates,
//! date, fingerprint), the sheet itself (`sheet`) and the pack folder written all-or-nothing (`pack`).

pub mod board;
pub mod pack;
pub mod sheet;

use crate::design::ring_size::{SizeSystem, label as size_label};
use crate::design::{Design, preset};
use crate::estimate::price::PriceList;
use crate::estimate::{small_stones, weights};

/// A direction to look at the piece from, as in a jeweller's catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Facing the ring (the band's circle, the head on top).
    Front,
    /// From the side (the profile of the head and stone).
    Side,
    /// From above (the table of the stone).
    Top,
    /// The studio's default view, a little above and to the side.
    ThreeQuarter,
}

impl View {
    pub const ALL: [View; 4] = [View::ThreeQuarter, View::Front, View::Side, View::Top];

    pub fn label(self) -> &'static str {
        match self {
            View::Front => "Front",
            View::Side => "Side",
            View::Top => "Top",
            View::ThreeQuarter => "Three-quarter",
        }
    }

    /// File-name part: "front", "side", "top", "three-quarter".
    pub fn slug(self) -> &'static str {
        match self {
            View::Front => "front",
            View::Side => "side",
            View::Top => "top",
            View::ThreeQuarter => "three-quarter",
        }
    }

    /// Orbit yaw and pitch (radians) of the camera; `None` for the studio's own three-quarter view.
    pub fn direction(self) -> Option<(f32, f32)> {
        match self {
            View::Front => Some((0.0, 0.0)),
            View::Side => Some((std::f32::consts::FRAC_PI_2, 0.0)),
            View::Top => Some((0.0, std::f32::consts::FRAC_PI_2)),
            View::ThreeQuarter => None,
        }
    }

    /// Parses "front", "side", "top", "three-quarter" (or "3/4"), or "all".
    pub fn parse_list(text: &str) -> Result<Vec<View>, String> {
        if text.eq_ignore_ascii_case("all") {
            return Ok(View::ALL.to_vec());
        }
        text.split(',')
            .map(|word| {
                let word = word.trim();
                View::ALL
                    .into_iter()
                    .find(|v| v.slug().eq_ignore_ascii_case(word) || (word == "3/4" && *v == View::ThreeQuarter))
                    .ok_or_else(|| format!("unknown view {word:?}: front, side, top, three-quarter or all"))
            })
            .collect()
    }
}

/// One line of the spec table: what, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecRow {
    pub label: &'static str,
    pub value: String,
}

/// A short, stable fingerprint of a design (FNV-1a 64 over its canonical preset text, journal excluded): the same
/// design always gives the same fingerprint, on any machine, so an approved sheet can be matched to its preset.
pub fn fingerprint(design: &Design) -> String {
    let text = preset::to_ron_string(design);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let hex = format!("{hash:016X}");
    format!("{}-{}-{}-{}", &hex[0..4], &hex[4..8], &hex[8..12], &hex[12..16])
}

/// The calendar date (UTC) of a time in seconds since 1970, as YYYY-MM-DD.
pub fn iso_date(seconds_since_1970: u64) -> String {
    // Days to civil date (Howard Hinnant's algorithm).
    let days = (seconds_since_1970 / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The ring size as the client reads it, with the EU size beside it when the client uses another system.
pub fn ring_size_text(design: &Design) -> String {
    let eu = format!("EU {}", size_label(SizeSystem::Eu, design.ring_size_mm));
    if design.size_system == SizeSystem::Eu {
        eu
    } else {
        format!("{} {} ({eu})", design.size_system.label(), size_label(design.size_system, design.ring_size_mm))
    }
}

/// The metal's weight in words: the estimate, or why there is none (a house's model that is not a closed solid has
/// a volume that is no weight).
pub fn metal_weight_text(design: &Design) -> String {
    let weights = weights(design);
    if weights.solid {
        format!("≈ {:.2} g (estimate)", weights.metal_grams())
    } else {
        "weight unavailable (the model is not a closed solid)".to_string()
    }
}

/// The spec table of the approval sheet. The price line appears only with a price list; a price the list
/// cannot give (an alloy or a stone size it lacks) is said so, not guessed.
pub fn spec_rows(design: &Design, prices: Option<&PriceList>, client: Option<&str>, date: &str) -> Vec<SpecRow> {
    let row = |label, value: String| SpecRow { label, value };
    let head = design.head_metal();
    let mut metal = format!("{}, {}", design.metal.alloy.label(), design.metal.finish.label().to_lowercase());
    if head.alloy != design.metal.alloy {
        metal.push_str(&format!("; head in {}", head.alloy.label()));
    }
    let stone = format!(
        "{} {}, {:.2} mm, ≈ {:.2} ct",
        design.stone.species.label(),
        design.stone.cut.label().to_lowercase(),
        design.stone.size_mm,
        crate::estimate::centre_carats(design)
    );
    let mut rows = vec![row("Design", design.name.clone())];
    if let Some(client) = client.filter(|c| !c.trim().is_empty()) {
        rows.push(row("Client", client.trim().to_string()));
    }
    rows.push(row("Metal", metal));
    match (&design.necklace, design.source.collection()) {
        // A house's model: its own head and band, named by the house.
        (None, Some(model)) => {
            rows.extend([row("Model", format!("{} (the house's collection)", model.name)), row("Centre stone", stone)])
        }
        (None, None) => rows.extend([
            row("Centre stone", stone),
            row("Setting", design.setting.label().to_string()),
            row("Band", design.shank.label().to_string()),
        ]),
        (Some(necklace), _) => {
            let length = necklace.length_mm;
            let falls = crate::design::necklace::where_it_falls(length);
            rows.push(row("Chain", format!("{}, {:.0} cm (falls {falls})", necklace.chain.label(), length / 10.0)));
            if necklace.pendant != crate::design::necklace::PendantStyle::None {
                rows.push(row("Pendant", format!("{}: {stone}", necklace.pendant.label())));
            }
        }
    }
    let small = small_stones(design);
    if !small.is_empty() {
        let total: f32 = small.iter().sum();
        let label =
            if design.side_stones() == crate::design::Species::Diamond { "Small diamonds" } else { "Side stones" };
        let species = design.side_stones().label();
        rows.push(row(label, format!("{} stones ({species}), ≈ {total:.2} ct in all", small.len())));
    }
    if design.necklace.is_none() {
        rows.push(row("Ring size", ring_size_text(design)));
        let engraving =
            if design.engraving.is_empty() { "—".to_string() } else { format!("“{}”", design.engraving) };
        rows.push(row("Engraving", engraving));
    }
    rows.push(row("Metal weight", metal_weight_text(design)));
    if let Some(list) = prices {
        let price = match list.estimate(design) {
            Ok(estimate) => format!("{:.0} {} (estimate)", estimate.retail, list.currency),
            Err(error) => format!("on request ({error})"),
        };
        rows.push(row("Price", price));
    }
    rows.push(row("Date", date.to_string()));
    rows.push(row("Fingerprint", fingerprint(design)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_is_stable_and_tells_designs_apart() {
        let design = Design::default();
        assert_eq!(fingerprint(&design), fingerprint(&design.clone()));
        assert_eq!(fingerprint(&design).len(), 19);
        let mut other = design.clone();
        other.ring_size_mm += 1.0;
        assert_ne!(fingerprint(&design), fingerprint(&other));
    }

    #[test]
    fn views_parse_from_the_command_line() {
        assert_eq!(View::parse_list("all"), Ok(View::ALL.to_vec()));
        assert_eq!(View::parse_list("front, top"), Ok(vec![View::Front, View::Top]));
        assert!(View::parse_list("back").is_err_and(|e| e.contains("back")));
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_795_219_200 + 86_399), "2026-11-21");
    }

    #[test]
    fn the_spec_names_what_the_client_approves() {
        let design = Design { size_system: SizeSystem::Us, engraving: "Toujours".into(), ..Design::default() };
        let rows = spec_rows(&design, None, Some("  "), "2026-11-23");
        let value = |label| rows.iter().find(|r| r.label == label).map(|r| r.value.clone());
        assert!(value("Ring size").is_some_and(|v| v.starts_with("US ") && v.contains("EU ")), "{rows:?}");
        assert_eq!(value("Engraving").as_deref(), Some("“Toujours”"));
        assert_eq!(value("Client"), None, "a blank client name is left out");
        assert_eq!(value("Price"), None, "no price without a price list");
        assert_eq!(value("Fingerprint"), Some(fingerprint(&design)));
        let necklace = Design { necklace: Some(crate::design::necklace::Necklace::default()), ..design.clone() };
        let necklace_rows = spec_rows(&necklace, None, None, "2026-11-23");
        assert!(necklace_rows.iter().any(|r| r.label == "Chain" && r.value.contains("45 cm")), "{necklace_rows:?}");
        assert!(!necklace_rows.iter().any(|r| r.label == "Ring size"), "a necklace has no ring size");
        let with_client = spec_rows(&design, None, Some("Mme Durand"), "2026-11-23");
        assert!(with_client.iter().any(|r| r.label == "Client" && r.value == "Mme Durand"));
    }
}
