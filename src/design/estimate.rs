//! Weight estimates: the metal from the volume of the band (at the design's ring size) and of the head (scaled to
//! the stone) × the alloy's density; the centre stone from its cut's polyhedron.

use super::Design;
use crate::geometry::ring::{band_positions_for_size, head, shank};
use crate::memo::Memo;

/// Estimated weights, grams and carats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub band_grams: f32,
    pub head_grams: f32,
    pub centre_carats: f32,
}

impl Weights {
    pub fn metal_grams(&self) -> f32 {
        self.band_grams + self.head_grams
    }
}

/// Volume (mm³) of the band at a ring size: the shank mesh moved to that size (watertight, so exact). Cached per
/// style and size: the panel asks every frame.
pub fn band_volume_mm3(design: &Design) -> f32 {
    static VOLUMES: Memo<(super::ShankStyle, u32), f32> = Memo::new();
    VOLUMES.get_or_compute((design.shank, design.ring_size_mm.to_bits()), || {
        let mut band = shank(design.shank);
        band.positions = band_positions_for_size(&band.positions, design.ring_size_mm);
        band.volume()
    })
}

/// Volume of the head's metal at unit stone length (cached: it depends on setting and cut only). Its prongs and
/// rails are modelled as overlapping closed parts, so this slightly overestimates (by their overlaps).
fn unit_head_volume(design: &Design) -> f32 {
    static VOLUMES: Memo<(super::Setting, super::Cut), f32> = Memo::new();
    VOLUMES.get_or_compute((design.setting, design.stone.cut), || head(design.setting, design.stone.cut).metal.volume())
}

/// Number and size (fraction of the centre's length) of the small diamonds a head carries (halo, three-stone).
fn head_small_stones(design: &Design) -> (usize, f32) {
    static STONES: Memo<(super::Setting, super::Cut), (usize, f32)> = Memo::new();
    STONES.get_or_compute((design.setting, design.stone.cut), || match head(design.setting, design.stone.cut).melee {
        Some((_, placements)) => (placements.len(), placements.first().map_or(0.0, |p| p.matrix3.x_axis.length())),
        None => (0, 0.0),
    })
}

/// Carats of each small diamond of the design: halo or side stones, and pavé stones in the band.
pub fn small_diamonds(design: &Design) -> Vec<f32> {
    const DIAMOND_SG: f32 = 3.52;
    let round = |diameter: f32| crate::geometry::cut::carats(super::Cut::RoundBrilliant, diameter, DIAMOND_SG);
    let (count, scale) = head_small_stones(design);
    let mut stones = vec![round(scale * design.stone.size_mm); count];
    for placement in crate::geometry::shank::shank_stones(design.shank) {
        stones.push(round(placement.matrix3.x_axis.length()));
    }
    stones
}

/// Metal volumes of a necklace, mm³: the chain (links and clasp, closed tubes) and the pendant's metal.
fn necklace_volumes(necklace: &super::necklace::Necklace, cut: super::Cut, size_mm: f32) -> (f32, f32) {
    static VOLUMES: Memo<
        (super::necklace::ChainStyle, u32, super::necklace::PendantStyle, super::Cut, u32),
        (f32, f32),
    > = Memo::new();
    let key = (necklace.chain, necklace.length_mm.to_bits(), necklace.pendant, cut, size_mm.to_bits());
    VOLUMES.get_or_compute(key, || {
        let chain = crate::geometry::necklace::chain(necklace.chain, necklace.length_mm).volume();
        let pendant = crate::geometry::necklace::pendant(necklace, cut, size_mm).map_or(0.0, |p| p.metal.volume());
        (chain, pendant)
    })
}

/// Estimated weights of a design: for a ring the band and the head; for a necklace the chain (as "band") and the
/// pendant (as "head").
pub fn weights(design: &Design) -> Weights {
    if let Some(necklace) = &design.necklace {
        let (chain, pendant) = necklace_volumes(necklace, design.stone.cut, design.stone.size_mm);
        return Weights {
            band_grams: chain * design.metal.alloy.density_g_cm3() / 1000.0,
            head_grams: pendant * design.head_metal().alloy.density_g_cm3() / 1000.0,
            centre_carats: if necklace.pendant == super::necklace::PendantStyle::None {
                0.0
            } else {
                design.centre_carats()
            },
        };
    }
    // g/cm³ × mm³ / 1000 = g.
    let band_grams = band_volume_mm3(design) * design.metal.alloy.density_g_cm3() / 1000.0;
    let head_volume = unit_head_volume(design) * design.stone.size_mm.powi(3);
    let head_grams = head_volume * design.head_metal().alloy.density_g_cm3() / 1000.0;
    Weights { band_grams, head_grams, centre_carats: design.centre_carats() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_weighs_what_its_links_weigh() {
        use crate::design::necklace::{ChainStyle, Necklace, PendantStyle};
        use crate::geometry::necklace::link_dimensions;
        // Hand calculation: links × one link's torus-like volume (Pappus: wire section × path length).
        let necklace = Necklace { chain: ChainStyle::Cable, length_mm: 450.0, pendant: PendantStyle::None };
        let design = Design { necklace: Some(necklace), ..Design::default() };
        let (length, width, wire, pitch) = link_dimensions(ChainStyle::Cable);
        let (a, b) = (length / 2.0 - wire, width / 2.0 - wire);
        let perimeter = std::f32::consts::PI * (3.0 * (a + b) - ((3.0 * a + b) * (a + 3.0 * b)).sqrt());
        let links = (450.0 / pitch).floor();
        let by_hand =
            links * std::f32::consts::PI * wire * wire * perimeter * design.metal.alloy.density_g_cm3() / 1000.0;
        let estimated = weights(&design).band_grams;
        // The clasp adds a little; the link mesh is a polygon (slightly less than the true torus).
        assert!(estimated > 0.95 * by_hand && estimated < 1.1 * by_hand, "{estimated} g vs {by_hand} g by hand");
        // A longer chain weighs more; a pendant adds its metal and its stone.
        let longer = Design { necklace: Some(Necklace { length_mm: 600.0, ..necklace }), ..design.clone() };
        assert!(weights(&longer).band_grams > weights(&design).band_grams * 1.25);
        let with_pendant =
            Design { necklace: Some(Necklace { pendant: PendantStyle::Solitaire, ..necklace }), ..design.clone() };
        assert!(weights(&with_pendant).head_grams > 0.1 && weights(&with_pendant).centre_carats > 0.5);
        assert_eq!(weights(&design).centre_carats, 0.0);
    }
    use crate::design::{Alloy, ShankStyle};
    use crate::geometry::ring::band_profile;

    /// Pappus: a band's volume is its cross-section area × the path of the section's centroid.
    fn hand_calculated_band_grams(design: &Design) -> f32 {
        let profile = band_profile(design.shank);
        let n = profile.len();
        let (mut area, mut moment) = (0.0, 0.0);
        for i in 0..n {
            let ((r0, z0), (r1, z1)) = (profile[i], profile[(i + 1) % n]);
            let cross = r0 * z1 - r1 * z0;
            area += cross / 2.0;
            moment += (r0 + r1) * cross / 6.0;
        }
        let centroid_offset = moment / area;
        let inner_radius = crate::design::ring_size::inner_diameter_mm(design.ring_size_mm) / 2.0;
        let volume = area.abs() * std::f32::consts::TAU * (inner_radius + centroid_offset);
        volume * design.metal.alloy.density_g_cm3() / 1000.0
    }

    #[test]
    fn band_weight_matches_a_hand_calculation_within_five_percent() {
        // Profile bands (the twisted band's wires have their own hand calculation in shank.rs).
        for shank in [ShankStyle::ComfortFit, ShankStyle::KnifeEdge, ShankStyle::Pave] {
            for (size, alloy) in [(48.0, Alloy::Yellow18k), (56.0, Alloy::Platinum950), (64.0, Alloy::Sterling925)] {
                let design = Design {
                    shank,
                    ring_size_mm: size,
                    metal: crate::design::Metal { alloy, ..Design::default().metal },
                    ..Design::default()
                };
                let estimate = weights(&design).band_grams;
                let by_hand = hand_calculated_band_grams(&design);
                assert!(
                    (estimate / by_hand - 1.0).abs() < 0.05,
                    "{shank:?} {size} {alloy:?}: {estimate} g vs {by_hand} g"
                );
            }
        }
        // Sanity: a 2.2 × 1.7 mm comfort band in 18k at EU 52 weighs a few grams, as in a shop.
        let grams = weights(&Design::default()).band_grams;
        assert!((2.0..6.0).contains(&grams), "{grams} g");
    }

    #[test]
    fn platinum_weighs_more_than_gold_and_bigger_sizes_more_than_smaller() {
        let gold = Design::default();
        let platinum =
            Design { metal: crate::design::Metal { alloy: Alloy::Platinum950, ..gold.metal }, ..gold.clone() };
        assert!(weights(&platinum).metal_grams() > 1.25 * weights(&gold).metal_grams());
        let bigger = Design { ring_size_mm: 62.0, ..gold.clone() };
        assert!(weights(&bigger).band_grams > weights(&gold).band_grams);
        let two_tone = Design { head_alloy: Some(Alloy::Platinum950), ..gold.clone() };
        assert!(weights(&two_tone).head_grams > weights(&gold).head_grams);
        assert_eq!(weights(&two_tone).band_grams, weights(&gold).band_grams);
    }
}
