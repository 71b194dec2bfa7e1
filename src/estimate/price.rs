//! The boutique's price list (RON, edited by the boutique) and the live price estimate of a design.

use super::Weights;
use crate::design::{Alloy, Design, Species};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

/// Price of a species per carat for stones up to a size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StonePrice {
    pub species: Species,
    /// This band covers stones up to this weight (carats); bands are read in order.
    pub up_to_carats: f32,
    pub per_carat: f32,
}

/// A boutique's price list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceList {
    pub version: u32,
    pub currency: String,
    /// Price per gram of finished alloy.
    pub metal_per_gram: BTreeMap<Alloy, f32>,
    /// The workshop's making charge per piece.
    pub making_charge: f32,
    /// Setting one stone (centre or small).
    pub setting_per_stone: f32,
    /// Stone prices by species and size band.
    pub stones: Vec<StonePrice>,
    /// Retail multiplier on the cost.
    pub markup: f32,
    /// Retail prices are rounded up to a multiple of this.
    pub round_to: f32,
}

/// What the estimate is made of, in the list's currency.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceEstimate {
    pub weights: Weights,
    pub metal: f32,
    pub stones: f32,
    pub setting: f32,
    pub making: f32,
    /// Cost × markup, rounded up.
    pub retail: f32,
}

#[derive(Clone, Debug, Error, PartialEq)]
pub enum PriceError {
    #[error("{path}: {problem}")]
    Read { path: String, problem: ListProblem },
    #[error("the price list has no price per gram for {0:?}")]
    NoMetalPrice(Alloy),
    #[error("the price list has no price for a {carats:.2} ct {species:?}")]
    NoStonePrice { species: Species, carats: f32 },
    #[error("the metal's weight is unavailable (the model is not a closed solid)")]
    NoWeight,
    #[error("a stone's weight is unavailable (it is not a closed solid)")]
    NoStoneWeight,
}

/// What is wrong with a price list file (data: `i18n::errors` says it to people).
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ListProblem {
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("{line}:{column}: {reason}")]
    Syntax { line: usize, column: usize, reason: String },
    #[error("version {found} is not supported (this Écrin reads version 1)")]
    Version { found: u32 },
    /// A number outside what a price list can mean (negative, not a number, a markup of 0 or 1e30), at its place.
    #[error("{line}:{column}: {field} {value} is outside {min} to {max}")]
    Value { field: String, line: usize, column: usize, value: f32, min: f32, max: f32 },
}

impl PriceList {
    /// Reads and checks a price list file.
    pub fn load(path: &Path) -> Result<PriceList, PriceError> {
        let error = |problem| PriceError::Read { path: path.display().to_string(), problem };
        let text = crate::atomic_file::read_text(path, 1024 * 1024)
            .map_err(|e| error(ListProblem::Unreadable(e.to_string())))?;
        let list: PriceList = ron::from_str(&text).map_err(|e| {
            error(ListProblem::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                reason: crate::design::preset::syntax_reason(&e.code),
            })
        })?;
        if list.version != 1 {
            return Err(error(ListProblem::Version { found: list.version }));
        }
        list.check(&text).map_err(error)?;
        Ok(list)
    }

    /// Every number of the list within what it can mean, the first that is not told at its place in `text`.
    fn check(&self, text: &str) -> Result<(), ListProblem> {
        use crate::design::ron_place::{Step, locate};
        let out = |steps: &[Step], field: String, value: f32, (min, max): (f32, f32)| {
            let (line, column) = locate(text, steps);
            Err(ListProblem::Value { field, line, column, value, min, max })
        };
        let within = |value: f32, (min, max): (f32, f32)| value.is_finite() && (min..=max).contains(&value);
        const PER_GRAM: (f32, f32) = (0.0, 100_000.0);
        for (alloy, &value) in &self.metal_per_gram {
            if !within(value, PER_GRAM) {
                return out(&[Step::Field("metal_per_gram")], format!("metal_per_gram {alloy:?}"), value, PER_GRAM);
            }
        }
        for (field, value, range) in [
            ("making_charge", self.making_charge, (0.0, 10_000_000.0)),
            ("setting_per_stone", self.setting_per_stone, (0.0, 1_000_000.0)),
            ("markup", self.markup, (0.1, 100.0)),
            ("round_to", self.round_to, (0.0, 1_000_000.0)),
        ] {
            if !within(value, range) {
                return out(&[Step::Field(field)], field.to_string(), value, range);
            }
        }
        for (index, stone) in self.stones.iter().enumerate() {
            for (field, value, range) in
                [("up_to_carats", stone.up_to_carats, (0.0, 1000.0)), ("per_carat", stone.per_carat, (0.0, 1e8))]
            {
                if !within(value, range) {
                    let steps = [Step::Field("stones"), Step::Item(index), Step::Field(field)];
                    return out(&steps, format!("stones[{index}].{field}"), value, range);
                }
            }
        }
        Ok(())
    }

    fn per_carat(&self, species: Species, carats: f32) -> Result<f32, PriceError> {
        self.stones
            .iter()
            .find(|band| band.species == species && carats <= band.up_to_carats)
            .map(|band| band.per_carat)
            .ok_or(PriceError::NoStonePrice { species, carats })
    }

    /// The estimate of a design: metal by weight, stones by carat and size band, setting per stone, making
    /// charge, then the markup, rounded up.
    pub fn estimate(&self, design: &Design) -> Result<PriceEstimate, PriceError> {
        self.estimate_with(design, &super::volumes(design))
    }

    /// The estimate of a design whose piece has these volumes (what a search over many designs computes once per
    /// shape).
    pub fn estimate_with(&self, design: &Design, volumes: &super::Volumes) -> Result<PriceEstimate, PriceError> {
        let weights = super::weights_from(design, volumes);
        if !weights.solid {
            return Err(PriceError::NoWeight);
        }
        let price_of = |alloy: Alloy| self.metal_per_gram.get(&alloy).copied().ok_or(PriceError::NoMetalPrice(alloy));
        let metal = weights.band_grams * price_of(design.metal.alloy)?
            + weights.head_grams * price_of(design.head_metal().alloy)?;
        let small = super::small_stones_of(volumes);
        if !weights.centre_carats.is_finite() || small.iter().any(|ct| !ct.is_finite()) {
            return Err(PriceError::NoStoneWeight);
        }
        let centre = weights.centre_carats * self.per_carat(design.stone.species, weights.centre_carats)?;
        let mut stones = centre;
        for &carats in &small {
            stones += carats * self.per_carat(design.side_stones(), carats)?;
        }
        let setting = self.setting_per_stone * (1 + small.len()) as f32;
        let cost = metal + stones + setting + self.making_charge;
        let step = self.round_to.max(0.01);
        let retail = (cost * self.markup / step).ceil() * step;
        // Every figure above is a positive weight times a positive price: a retail price that is not one is a
        // fault, never printed.
        if !(retail.is_finite() && retail >= 0.0) {
            return Err(PriceError::NoWeight);
        }
        Ok(PriceEstimate { weights, metal, stones, setting, making: self.making_charge, retail })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::weights;

    fn sample() -> PriceList {
        PriceList::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron")).expect("sample list")
    }

    #[test]
    fn the_estimate_follows_the_list() {
        let list = sample();
        let design = Design::default();
        let estimate = list.estimate(&design).expect("priced");
        let w = weights(&design);
        let gold = list.metal_per_gram[&Alloy::Yellow18k];
        assert!((estimate.metal - w.metal_grams() * gold).abs() < 1e-3);
        let cost = estimate.metal + estimate.stones + estimate.setting + estimate.making;
        assert!(estimate.retail >= cost * list.markup && estimate.retail < cost * list.markup + list.round_to);
        assert_eq!(estimate.retail % list.round_to, 0.0);
        // Platinum costs more; a bigger stone more again (and may fall into a dearer size band).
        let platinum =
            Design { metal: crate::design::Metal { alloy: Alloy::Platinum950, ..design.metal }, ..design.clone() };
        assert!(list.estimate(&platinum).expect("priced").retail > estimate.retail);
        let bigger = super::super::set_carats(&design, 1.6).and_then(|c| c.apply_to(&design)).expect("valid");
        assert!(list.estimate(&bigger).expect("priced").stones > 1.5 * estimate.stones);
    }

    #[test]
    fn a_halo_adds_its_small_stones_and_their_setting() {
        let list = sample();
        let solitaire = Design::default();
        let halo = Design { setting: crate::design::Setting::Halo, ..solitaire.clone() };
        let (a, b) = (list.estimate(&solitaire).expect("priced"), list.estimate(&halo).expect("priced"));
        assert!(b.stones > a.stones && b.setting > 10.0 * a.setting);
        // Rubies round the centre stone: priced from the list's rubies, not its diamonds.
        let rubies = Design { side_species: Some(Species::Ruby), ..halo.clone() };
        let small: Vec<f32> = super::super::small_stones(&rubies);
        let expected: f32 = small.iter().map(|&ct| ct * list.per_carat(Species::Ruby, ct).expect("ruby price")).sum();
        let centre = super::super::weights(&rubies).centre_carats;
        let centre_price = centre * list.per_carat(Species::Diamond, centre).expect("diamond price");
        let priced = list.estimate(&rubies).expect("priced");
        assert!((priced.stones - centre_price - expected).abs() < 0.01, "{} vs {}", priced.stones, expected);
    }

    #[test]
    fn missing_prices_and_broken_lists_are_named() {
        let mut list = sample();
        list.metal_per_gram.remove(&Alloy::Palladium950);
        let palladium = Design {
            metal: crate::design::Metal { alloy: Alloy::Palladium950, ..Design::default().metal },
            ..Design::default()
        };
        assert_eq!(list.estimate(&palladium), Err(PriceError::NoMetalPrice(Alloy::Palladium950)));
        let path = std::env::temp_dir().join(format!("ecrin-prices-{}.ron", std::process::id()));
        std::fs::write(&path, "(version: 1, currency: \"EUR\", markup: -2.0").expect("write");
        let message = PriceList::load(&path).expect_err("broken").to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        // A hand-edited number no list means: told at its line, never priced with.
        let sample = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron"))
            .expect("sample list");
        for (field, value) in [("markup", "1e30"), ("markup", "0.0"), ("making_charge", "NaN"), ("per_carat", "-5.0")] {
            let at = sample.find(&format!("{field}:")).expect("field") + field.len() + 1;
            let end = at + sample[at..].find([',', ')']).expect("end");
            std::fs::write(&path, format!("{} {value}{}", &sample[..at], &sample[end..])).expect("edited");
            let Err(PriceError::Read { problem: ListProblem::Value { field: named, line, .. }, .. }) =
                PriceList::load(&path)
            else {
                panic!("{field} = {value} read");
            };
            assert!(named.ends_with(field), "{named}");
            let edited = std::fs::read_to_string(&path).expect("edited");
            assert!(edited.lines().nth(line - 1).is_some_and(|l| l.contains(field)), "{field}: line {line}");
        }
    }
}
