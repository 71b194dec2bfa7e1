//! The client's approval, without the GUI: what the approval sheet says about a design (spec table, estimates,
//! date, fingerprint), the sheet itself (`sheet`) and the pack folder written all-or-nothing (`pack`).

pub mod board;
pub mod clients;
pub mod pack;
pub mod proposals;
pub mod sheet;
pub mod sizer_page;

use crate::design::ring_size::{SizeSystem, label as size_label};
use crate::design::{Design, preset};
use crate::estimate::price::PriceList;
use crate::estimate::{small_stones, weights};
use crate::i18n::{Language, format};
use crate::tr;

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
    /// A ring on the display hand, seen over the back of the hand (`--views hand`; not one of `all`).
    Hand,
    /// A close-up inside the band, on the engraving (`--views engraving`; not one of `all`).
    Engraving,
    /// The centre stone face-up as a reflector scope shows it: where its light comes from (`optics::aset`;
    /// `--views aset`; not one of `all`).
    Aset,
}

/// A word of a view list that names no view (`ecrin render --views`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no view is named “{0}”")]
pub struct UnknownView(pub String);

impl View {
    pub const ALL: [View; 4] = [View::ThreeQuarter, View::Front, View::Side, View::Top];

    /// Its caption's message key ("view-front"): "Front" / "Face".
    pub fn key(self) -> &'static str {
        match self {
            View::Front => "view-front",
            View::Side => "view-side",
            View::Top => "view-top",
            View::ThreeQuarter => "view-three-quarter",
            View::Hand => "view-hand",
            View::Engraving => "view-engraving",
            View::Aset => "view-aset",
        }
    }

    /// Its caption in a language.
    pub fn caption(self, language: Language) -> String {
        language.tr(self.key())
    }

    /// File-name part: "front", "side", "top", "three-quarter".
    pub fn slug(self) -> &'static str {
        match self {
            View::Front => "front",
            View::Side => "side",
            View::Top => "top",
            View::ThreeQuarter => "three-quarter",
            View::Hand => "hand",
            View::Engraving => "engraving",
            View::Aset => "aset",
        }
    }

    /// Whether the view shows something of this design: the hand and the engraving's close-up are a ring's (the
    /// close-up only when something is engraved).
    pub fn shows(self, design: &Design) -> bool {
        match self {
            View::Hand => design.necklace.is_none(),
            View::Engraving => design.necklace.is_none() && !design.engraving.trim().is_empty(),
            View::Front | View::Side | View::Top | View::ThreeQuarter => true,
            View::Aset => crate::optics::aset::centre_stone_planes(design).is_some(),
        }
    }

    /// Orbit yaw and pitch (radians) of the camera; `None` for the studio's own three-quarter view.
    pub fn direction(self) -> Option<(f32, f32)> {
        match self {
            View::Front => Some((0.0, 0.0)),
            View::Side => Some((std::f32::consts::FRAC_PI_2, 0.0)),
            View::Top => Some((0.0, std::f32::consts::FRAC_PI_2)),
            View::ThreeQuarter | View::Hand | View::Engraving | View::Aset => None,
        }
    }

    /// Parses "front", "side", "top", "three-quarter" (or "3/4"), "hand", "engraving", or "all" (the four views of
    /// the ring).
    /// An unknown word comes back as the error (the command line says it in its language).
    pub fn parse_list(text: &str) -> Result<Vec<View>, UnknownView> {
        if text.eq_ignore_ascii_case("all") {
            return Ok(View::ALL.to_vec());
        }
        text.split(',')
            .map(|word| {
                let word = word.trim();
                View::ALL
                    .into_iter()
                    .chain([View::Hand, View::Engraving, View::Aset])
                    .find(|v| v.slug().eq_ignore_ascii_case(word) || (word == "3/4" && *v == View::ThreeQuarter))
                    .ok_or_else(|| UnknownView(word.to_string()))
            })
            .collect()
    }
}

/// One line of the spec table: what (its message key, stable for tests and tools, and its words in the sheet's
/// language), and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecRow {
    pub key: &'static str,
    pub label: String,
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

/// The calendar date (UTC) of a time in seconds since 1970, as YYYY-MM-DD (file names: the same in every language).
pub fn iso_date(seconds_since_1970: u64) -> String {
    let (year, month, day) = crate::i18n::format::civil_date(seconds_since_1970);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A date and time for a file's name (`2026-12-01-143005`, UTC): sorts as it reads.
pub fn file_stamp(seconds_since_1970: u64) -> String {
    let time = seconds_since_1970 % 86_400;
    let (hours, minutes, seconds) = (time / 3600, time / 60 % 60, time % 60);
    format!("{}-{hours:02}{minutes:02}{seconds:02}", iso_date(seconds_since_1970))
}

/// The ring size as the client reads it, with the EU size beside it when the client uses another system.
pub fn ring_size_text(language: Language, design: &Design) -> String {
    let eu = format!("EU {}", size_label(SizeSystem::Eu, design.ring_size_mm));
    if design.size_system == SizeSystem::Eu {
        eu
    } else {
        let size = size_label(design.size_system, design.ring_size_mm);
        tr!(language, "spec-ring-size-other", system = language.term(design.size_system), size = size, eu = eu)
    }
}

/// The metal's weight in words: the estimate, or why there is none (a house's model that is not a closed solid has
/// a volume that is no weight).
pub fn metal_weight_text(language: Language, design: &Design) -> String {
    let weights = weights(design);
    if weights.solid {
        tr!(language, "spec-weight-value", weight = format::grams(language, weights.metal_grams()))
    } else {
        tr!(language, "spec-weight-unavailable")
    }
}

/// The metal in words: "18k yellow gold (750/1000), polished", and the head's alloy when it is another.
pub fn metal_text(l: Language, design: &Design) -> String {
    let head = design.head_metal();
    let metal = tr!(
        l,
        "spec-metal-value",
        alloy = l.term(design.metal.alloy),
        finish = l.term(design.metal.finish).to_lowercase()
    );
    if head.alloy == design.metal.alloy {
        metal
    } else {
        tr!(l, "spec-head-in", metal = metal, alloy = l.term_in_sentence(head.alloy))
    }
}

/// The centre stone in words: "Diamond round brilliant, 6.50 mm, ≈ 0.98 ct".
fn stone_text(language: Language, design: &Design) -> String {
    let l = language;
    tr!(
        l,
        "spec-stone-value",
        species = l.term(design.stone.species),
        cut = l.term(design.stone.cut).to_lowercase(),
        size = format::millimetres(l, design.stone.size_mm, 2),
        carats = format::carats(l, crate::estimate::centre_carats(design)),
    )
}

/// The spec table of the approval sheet, in the client's language. The price line appears only with a price list;
/// a price the list cannot give (an alloy or a stone size it lacks) is said so, not guessed.
pub fn spec_rows(
    design: &Design,
    prices: Option<&PriceList>,
    client: Option<&str>,
    date: &str,
    language: Language,
) -> Vec<SpecRow> {
    let l = language;
    let row = |key: &'static str, value: String| SpecRow { key, label: l.tr(key), value };
    let metal = metal_text(l, design);
    let stone = stone_text(l, design);
    let mut rows = vec![row("spec-design", design.name.clone())];
    if let Some(client) = client.filter(|c| !c.trim().is_empty()) {
        rows.push(row("spec-client", client.trim().to_string()));
    }
    rows.push(row("spec-metal", metal));
    match (&design.necklace, design.source.collection()) {
        // A house's model: its own head and band, named by the house.
        (None, Some(model)) => rows.extend([
            row("spec-model", tr!(l, "spec-model-value", name = &model.name)),
            row("spec-centre-stone", stone),
        ]),
        (None, None) => rows.extend([
            row("spec-centre-stone", stone),
            row("spec-setting", l.term(design.setting)),
            row("spec-band", l.term(design.shank)),
        ]),
        (Some(necklace), _) => {
            let length = necklace.length_mm;
            let falls = l.term(crate::design::necklace::where_it_falls(length));
            let cm = format::number(l, f64::from(length / 10.0), 0);
            rows.push(row(
                "spec-chain",
                tr!(l, "spec-chain-value", chain = l.term(necklace.chain), length = cm, falls = falls),
            ));
            if necklace.pendant != crate::design::necklace::PendantStyle::None {
                rows.push(row(
                    "spec-pendant",
                    tr!(l, "spec-pendant-value", pendant = l.term(necklace.pendant), stone = stone),
                ));
            }
        }
    }
    let small = small_stones(design);
    if !small.is_empty() {
        let total: f32 = small.iter().sum();
        let key = if design.side_stones() == crate::design::Species::Diamond {
            "spec-small-diamonds"
        } else {
            "spec-side-stones"
        };
        let value = tr!(
            l,
            "spec-small-value",
            count = small.len(),
            species = l.term_in_sentence(design.side_stones()),
            carats = format::carats(l, total)
        );
        rows.push(row(key, value));
    }
    if design.necklace.is_none() {
        rows.push(row("spec-ring-size", ring_size_text(l, design)));
        let engraving = if design.engraving.is_empty() {
            tr!(l, "spec-no-engraving")
        } else {
            tr!(l, "spec-engraving-value", text = &design.engraving, style = l.term_in_sentence(design.engraving_style))
        };
        rows.push(row("spec-engraving", engraving));
    }
    rows.push(row("spec-metal-weight", metal_weight_text(l, design)));
    if let Some(list) = prices {
        let price = match list.estimate(design) {
            Ok(estimate) => {
                tr!(l, "spec-price-value", price = format::price(l, f64::from(estimate.retail), &list.currency))
            }
            Err(error) => tr!(l, "spec-price-on-request", reason = error.in_language(l)),
        };
        rows.push(row("spec-price", price));
    }
    rows.push(row("spec-date", date.to_string()));
    rows.push(row("spec-fingerprint", fingerprint(design)));
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
        assert_eq!(View::parse_list("back"), Err(UnknownView("back".into())));
    }

    #[test]
    fn dates_in_file_names_are_iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_795_219_200 + 86_399), "2026-11-21");
    }

    #[test]
    fn the_spec_names_what_the_client_approves() {
        let en = Language::English;
        let design = Design { size_system: SizeSystem::Us, engraving: "Toujours".into(), ..Design::default() };
        let rows = spec_rows(&design, None, Some("  "), "2026-11-23", en);
        let value = |key| rows.iter().find(|r| r.key == key).map(|r| r.value.clone());
        assert!(value("spec-ring-size").is_some_and(|v| v.starts_with("US ") && v.contains("EU ")), "{rows:?}");
        assert_eq!(value("spec-engraving").as_deref(), Some("“Toujours” in serif"));
        assert_eq!(value("spec-client"), None, "a blank client name is left out");
        assert_eq!(value("spec-price"), None, "no price without a price list");
        assert_eq!(value("spec-fingerprint"), Some(fingerprint(&design)));
        let necklace = Design { necklace: Some(crate::design::necklace::Necklace::default()), ..design.clone() };
        let necklace_rows = spec_rows(&necklace, None, None, "2026-11-23", en);
        assert!(necklace_rows.iter().any(|r| r.key == "spec-chain" && r.value.contains("45 cm")), "{necklace_rows:?}");
        assert!(!necklace_rows.iter().any(|r| r.key == "spec-ring-size"), "a necklace has no ring size");
        let with_client = spec_rows(&design, None, Some("Mme Durand"), "2026-11-23", en);
        assert!(with_client.iter().any(|r| r.key == "spec-client" && r.value == "Mme Durand"));
    }

    #[test]
    fn a_french_sheet_says_it_in_french_from_the_french_bundle() {
        let fr = Language::French;
        let design = Design { engraving: "Toujours".into(), ..Design::default() };
        let rows = spec_rows(&design, None, Some("Mme Durand"), "29 novembre 2026", fr);
        for row in &rows {
            assert_eq!(row.label, fr.tr(row.key), "{} comes from fr.ftl", row.key);
            assert_ne!(row.label, row.key, "{} is in fr.ftl", row.key);
        }
        let value = |key| rows.iter().find(|r| r.key == key).map(|r| r.value.clone()).unwrap_or_default();
        let label = |key| rows.iter().find(|r| r.key == key).map(|r| r.label.clone()).unwrap_or_default();
        assert_eq!(label("spec-ring-size"), "Tour de doigt");
        assert!(value("spec-metal").starts_with("Or jaune 18 carats (750/1000), poli miroir"), "{rows:?}");
        let stone = value("spec-centre-stone");
        assert!(
            stone.starts_with("Diamant, taille brillant rond, ") && stone.contains(",") && stone.contains("\u{a0}mm"),
            "{stone}"
        );
        assert!(value("spec-metal-weight").contains(",") && value("spec-metal-weight").ends_with("(estimation)"));
        assert_eq!(value("spec-engraving"), "«\u{a0}Toujours\u{a0}» en romaine");
    }
}
