//! Physical catalogue: metal alloys and gem species with their optical and mass data, each figure sourced.
//!
//! Sources (see ../shared/notes/jewellery-data.md):
//! - [RTR4] Real-Time Rendering 4th ed., Table 9.2 — F0 (linear RGB) of pure metals.
//! - [Stuller] Stuller specific-gravity chart — alloy densities in g/cm³.
//! - [GIA] GIA gem reference data — refractive index (RI), dispersion (B–G interval), specific gravity (SG).

use serde::{Deserialize, Serialize};

/// Linear-RGB specular colour (F0) of a pure metal, [RTR4] Table 9.2.
mod pure_f0 {
    pub const GOLD: [f32; 3] = [1.000, 0.782, 0.344];
    pub const SILVER: [f32; 3] = [0.972, 0.960, 0.915];
    pub const PLATINUM: [f32; 3] = [0.673, 0.637, 0.585];
    pub const PALLADIUM: [f32; 3] = [0.733, 0.697, 0.652];
    pub const COPPER: [f32; 3] = [0.955, 0.638, 0.538];
}

/// Copper's absorption band dominates an alloy's colour more than its mass fraction says: mixing F0 linearly
/// by mass makes 18k rose barely differ from 18k yellow. Copper's fraction is weighted by this factor before
/// normalising (chosen by eye under the studio environment against shop-window photographs).
const COPPER_COLOUR_WEIGHT: f32 = 2.5;

/// F0 of an alloy derived from its mass fractions (gold, silver, copper, palladium): no measured F0 exists for
/// carat golds in [RTR4], so we mix the pure metals' F0 (zinc counted as silver: both are near-neutral, bright).
fn mix_alloy_f0(gold: f32, silver: f32, copper: f32, palladium: f32) -> [f32; 3] {
    let copper = copper * COPPER_COLOUR_WEIGHT;
    let total = gold + silver + copper + palladium;
    let mut f0 = [0.0; 3];
    for (c, value) in f0.iter_mut().enumerate() {
        *value = (gold * pure_f0::GOLD[c]
            + silver * pure_f0::SILVER[c]
            + copper * pure_f0::COPPER[c]
            + palladium * pure_f0::PALLADIUM[c])
            / total;
    }
    f0
}

/// White golds are sold rhodium plated: the plating, not the alloy, is what a client sees. Rhodium is bright and
/// neutral, between silver and platinum; no F0 for it in [RTR4], so 60 % silver + 40 % platinum by eye.
fn rhodium_plating_f0() -> [f32; 3] {
    let mut f0 = [0.0; 3];
    for (c, value) in f0.iter_mut().enumerate() {
        *value = 0.6 * pure_f0::SILVER[c] + 0.4 * pure_f0::PLATINUM[c];
    }
    f0
}

/// The alloys a boutique sells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Alloy {
    Yellow18k,
    White18k,
    Rose18k,
    Yellow14k,
    White14k,
    Rose14k,
    Yellow9ct,
    Platinum950,
    Palladium950,
    Sterling925,
}

impl Alloy {
    pub const ALL: [Alloy; 10] = [
        Alloy::Yellow18k,
        Alloy::White18k,
        Alloy::Rose18k,
        Alloy::Yellow14k,
        Alloy::White14k,
        Alloy::Rose14k,
        Alloy::Yellow9ct,
        Alloy::Platinum950,
        Alloy::Palladium950,
        Alloy::Sterling925,
    ];

    /// Specular colour F0, linear RGB (derivations in the functions above).
    pub fn f0_linear(self) -> [f32; 3] {
        match self {
            // 18k yellow: 75 % Au, 12.5 % Ag, 12.5 % Cu.
            Alloy::Yellow18k => mix_alloy_f0(0.75, 0.125, 0.125, 0.0),
            // 18k rose, the trade's 5N red gold: 75 % Au, 25 % Cu.
            Alloy::Rose18k => mix_alloy_f0(0.75, 0.0, 0.25, 0.0),
            // 14k yellow: 58.5 % Au, 17 % Ag, 19 % Cu, 5.5 % Zn (paler than 18k, as in a shop window).
            Alloy::Yellow14k => mix_alloy_f0(0.585, 0.225, 0.19, 0.0),
            // 14k rose: 58.5 % Au, 2 % Ag, 39.5 % Cu.
            Alloy::Rose14k => mix_alloy_f0(0.585, 0.02, 0.395, 0.0),
            // 9ct yellow: 37.5 % Au, 42.5 % Ag, 20 % Cu (pale, silvery yellow).
            Alloy::Yellow9ct => mix_alloy_f0(0.375, 0.425, 0.20, 0.0),
            Alloy::White18k | Alloy::White14k => rhodium_plating_f0(),
            // Pt950: 95 % Pt, 5 % Ru (ruthenium is grey like platinum).
            Alloy::Platinum950 => pure_f0::PLATINUM,
            Alloy::Palladium950 => pure_f0::PALLADIUM,
            // Sterling: 92.5 % Ag, 7.5 % Cu.
            Alloy::Sterling925 => mix_alloy_f0(0.0, 0.925, 0.075, 0.0),
        }
    }

    /// Density in g/cm³ ([Stuller]; Pt950 and Pd950 from the notes' ranges).
    pub fn density_g_cm3(self) -> f32 {
        match self {
            Alloy::Yellow18k => 15.58,
            Alloy::White18k => 14.64,
            Alloy::Rose18k => 15.18,
            Alloy::Yellow14k => 13.07,
            Alloy::White14k => 12.61,
            Alloy::Rose14k => 13.26,
            Alloy::Yellow9ct => 11.1,
            Alloy::Platinum950 => 20.7,
            Alloy::Palladium950 => 12.0,
            Alloy::Sterling925 => 10.40,
        }
    }
}

/// Surface finish of the metal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Finish {
    Polished,
    Satin,
    Brushed,
    Hammered,
}

impl Finish {
    pub const ALL: [Finish; 4] = [Finish::Polished, Finish::Satin, Finish::Brushed, Finish::Hammered];

    /// Perceptual roughness of the finish (judged by eye: polished is a mirror, satin a soft sheen).
    pub fn roughness(self) -> f32 {
        match self {
            Finish::Polished => 0.07,
            Finish::Satin => 0.32,
            Finish::Brushed => 0.24,
            Finish::Hammered => 0.12,
        }
    }
}

/// Gem species and colour varieties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Species {
    Diamond,
    LabGrownDiamond,
    BlueSapphire,
    PinkSapphire,
    YellowSapphire,
    Ruby,
    Emerald,
    Amethyst,
    Aquamarine,
    Topaz,
    Tourmaline,
    Tanzanite,
    Morganite,
    Moissanite,
}

/// Optical and mass data of a species.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GemData {
    /// Refractive index at 587.6 nm (mid of the range given by [GIA]).
    pub refractive_index: f32,
    /// Dispersion, B–G interval (n at 430.8 nm − n at 686.7 nm) [GIA].
    pub dispersion: f32,
    /// Specific gravity [GIA].
    pub specific_gravity: f32,
    /// Body colour a client recognises, sRGB 0–1 (trade colour of a ~1 ct stone, by eye).
    pub body_colour_srgb: [f32; 3],
}

impl Species {
    pub const ALL: [Species; 14] = [
        Species::Diamond,
        Species::LabGrownDiamond,
        Species::BlueSapphire,
        Species::PinkSapphire,
        Species::YellowSapphire,
        Species::Ruby,
        Species::Emerald,
        Species::Amethyst,
        Species::Aquamarine,
        Species::Topaz,
        Species::Tourmaline,
        Species::Tanzanite,
        Species::Morganite,
        Species::Moissanite,
    ];

    pub fn data(self) -> GemData {
        // Corundum (ruby, sapphires): RI 1.762–1.770, dispersion 0.018, SG 4.00 [GIA].
        const CORUNDUM: (f32, f32, f32) = (1.766, 0.018, 4.00);
        let ((refractive_index, dispersion, specific_gravity), body_colour_srgb) = match self {
            // Diamond: RI 2.417–2.419, dispersion 0.044, SG 3.52 [GIA]; lab-grown is the same material.
            Species::Diamond | Species::LabGrownDiamond => ((2.418, 0.044, 3.52), [1.0, 1.0, 1.0]),
            Species::BlueSapphire => (CORUNDUM, [0.10, 0.22, 0.72]),
            Species::PinkSapphire => (CORUNDUM, [0.95, 0.45, 0.68]),
            Species::YellowSapphire => (CORUNDUM, [1.0, 0.82, 0.25]),
            Species::Ruby => (CORUNDUM, [0.80, 0.05, 0.18]),
            // Emerald: RI 1.577–1.583, dispersion 0.014, SG 2.72 [GIA].
            Species::Emerald => ((1.580, 0.014, 2.72), [0.10, 0.62, 0.35]),
            // Amethyst: RI 1.544–1.553, dispersion 0.013, SG 2.65 [GIA].
            Species::Amethyst => ((1.548, 0.013, 2.65), [0.58, 0.30, 0.80]),
            // Aquamarine: RI 1.577–1.583, dispersion 0.014, SG 2.70 [GIA].
            Species::Aquamarine => ((1.580, 0.014, 2.70), [0.55, 0.82, 0.92]),
            // Topaz: RI ≈1.61–1.64, dispersion 0.014, SG 3.54 [GIA].
            Species::Topaz => ((1.625, 0.014, 3.54), [0.20, 0.45, 0.62]),
            // Tourmaline: RI ≈1.62–1.64, dispersion 0.017, SG 3.06 [GIA].
            Species::Tourmaline => ((1.630, 0.017, 3.06), [0.22, 0.55, 0.30]),
            // Tanzanite: RI 1.691–1.700, dispersion 0.019–0.030 (sources differ; mid 0.025), SG 3.35 [GIA].
            Species::Tanzanite => ((1.695, 0.025, 3.35), [0.35, 0.30, 0.80]),
            // Morganite (beryl): RI ≈1.58–1.59, dispersion 0.014, SG 2.66–2.80 (mid 2.73) [GIA].
            Species::Morganite => ((1.585, 0.014, 2.73), [0.98, 0.75, 0.72]),
            // Moissanite: RI 2.65–2.69, dispersion 0.104, SG 3.22 [GIA].
            Species::Moissanite => ((2.670, 0.104, 3.22), [1.0, 1.0, 0.98]),
        };
        GemData { refractive_index, dispersion, specific_gravity, body_colour_srgb }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Redness of a metal colour: green relative to red (lower is pinker).
    fn green_over_red(alloy: Alloy) -> f32 {
        let [r, g, _] = alloy.f0_linear();
        g / r
    }

    #[test]
    fn rose_golds_are_pinker_and_lower_carats_paler() {
        assert!(green_over_red(Alloy::Rose18k) < green_over_red(Alloy::Yellow18k) - 0.03);
        assert!(green_over_red(Alloy::Rose14k) < green_over_red(Alloy::Yellow14k) - 0.03);
        // Yellowness = how much less blue than red: 18k > 14k > 9ct.
        let yellowness = |a: Alloy| a.f0_linear()[0] - a.f0_linear()[2];
        assert!(yellowness(Alloy::Yellow18k) > yellowness(Alloy::Yellow14k));
        assert!(yellowness(Alloy::Yellow14k) > yellowness(Alloy::Yellow9ct));
    }

    #[test]
    fn white_metals_are_neutral_and_distinct() {
        for alloy in [Alloy::White18k, Alloy::Platinum950, Alloy::Palladium950, Alloy::Sterling925] {
            let [r, _, b] = alloy.f0_linear();
            assert!(r - b < 0.12, "{alloy:?} is not neutral");
        }
        // Platinum is visibly darker than rhodium-plated white gold, silver the brightest.
        let brightness = |a: Alloy| a.f0_linear().iter().sum::<f32>();
        assert!(brightness(Alloy::Platinum950) < brightness(Alloy::White18k) - 0.2);
        assert!(brightness(Alloy::Sterling925) > brightness(Alloy::White18k));
    }
}
