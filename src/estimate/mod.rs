//! Estimates read from the Assembly: the weight of metal (each metal part's volume × its alloy's density; the band
//! at the design's ring size), the carats of every stone (its cut's polyhedron × its species' specific gravity),
//! and the retail price (`price.rs`). Nothing here knows where a part sits: the Assembly says.

pub mod price;

use crate::design::{Cut, Design, DesignCommand, DesignError, ShankStyle, Species};
use crate::geometry::assemble::{GeometryKey, assemble, geometry_key};
use crate::geometry::assembly::ModelRef;
use crate::geometry::assembly::{Assembly, MetalZone, PartRole, Seat};
use crate::geometry::shank::band_positions_moved;
use crate::memo::Memo;
use std::sync::Arc;

/// Estimated weights, grams and carats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub band_grams: f32,
    pub head_grams: f32,
    pub centre_carats: f32,
    /// Whether every metal part is a closed solid: otherwise its volume is no weight, and the metal's grams are
    /// unavailable (a house's model with open surfaces: `open_metal` names them).
    pub solid: bool,
}

impl Weights {
    pub fn metal_grams(&self) -> f32 {
        self.band_grams + self.head_grams
    }
}

/// A stone of a piece: where it is set, its cut and species, its length (mm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoneSize {
    pub seat: Seat,
    pub cut: Cut,
    pub species: Species,
    pub length_mm: f32,
    /// The stone's own volume (a house's stone, modelled as it is cut), mm³; Écrin's stones follow their cut.
    pub volume_mm3: Option<f32>,
    /// Where it sits in the piece (mm, the piece's frame): an Écrin stone's girdle centre, a house's stone's middle.
    pub position_mm: glam::Vec3,
}

impl StoneSize {
    /// Its carats; NaN for a house's stone whose volume could not be measured (shown as "unavailable", never priced).
    pub fn carats(&self) -> f32 {
        let sg = self.species.data().specific_gravity;
        match self.volume_mm3 {
            // mm³ × g/cm³ / 1000 = g; 1 ct = 0.2 g.
            Some(volume) if volume.is_finite() && volume > 0.0 => volume * sg / 200.0,
            Some(_) => f32::NAN,
            None => crate::geometry::cut::carats(self.cut, self.length_mm, sg),
        }
    }
}

/// What a piece's weights follow from: the volume of metal by zone (mm³) and its stones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Volumes {
    pub band_mm3: f32,
    pub head_mm3: f32,
    pub stones: Vec<StoneSize>,
    /// Metal parts that are not closed solids (by name): their volume is not their weight.
    pub open_metal: Vec<String>,
}

/// Volume (mm³) of a component's mesh in its own frame; for a band moved out by `shift` mm, of the moved mesh
/// (watertight, so exact). Cached: the panel asks every frame.
fn mesh_volume(component: ModelRef, mesh: usize, shift: Option<f32>) -> f32 {
    static VOLUMES: Memo<(ModelRef, usize, Option<u32>), f32> = Memo::new();
    VOLUMES.get_or_compute((component, mesh, shift.map(f32::to_bits)), || {
        let model = component.model();
        let Some(mesh) = model.meshes.get(mesh) else { return 0.0 };
        match shift {
            Some(shift) => {
                let mut moved = mesh.data.clone();
                moved.positions = band_positions_moved(&mesh.data.positions, shift);
                moved.volume()
            }
            None => mesh.data.volume(),
        }
    })
}

impl Volumes {
    /// The same piece with its stones in other species (the centre's, then the side stones'): what the Assembly of
    /// a design differing only in its species holds — its shape does not follow the species.
    pub fn in_species(&self, centre: Species, side: Species) -> Volumes {
        let mut volumes = self.clone();
        for stone in &mut volumes.stones {
            stone.species = if stone.seat == Seat::Centre { centre } else { side };
        }
        volumes
    }
}

/// The volumes of an Assembly's metal parts by zone, and its stones.
pub fn volumes_of(assembly: &Assembly) -> Volumes {
    let mut volumes = Volumes::default();
    for (placed, part, at) in assembly.parts() {
        // Parts are placed by rotations, translations and uniform scales: volumes scale by the determinant.
        let scale = at.matrix3.determinant().abs();
        match part.role {
            PartRole::Metal(zone) => {
                // A house's metal parts were checked when the model was loaded (resizing keeps them closed).
                if let ModelRef::House(key) = placed.component
                    && crate::geometry::house::registry::house_of(key)
                        .is_some_and(|h| h.open_metal.contains(&part.node))
                {
                    volumes.open_metal.push(part.node.clone());
                }
                let volume = mesh_volume(placed.component, part.mesh, placed.band_shift_mm) * scale;
                match zone {
                    MetalZone::Band => volumes.band_mm3 += volume,
                    MetalZone::Head => volumes.head_mm3 += volume,
                }
            }
            PartRole::Stone { seat, cut, species } => {
                let size = match placed.component {
                    // A house's stone as modelled: its volume and its length.
                    ModelRef::House(key) => {
                        let model = placed.component.model();
                        let mesh = model.meshes.get(part.mesh).map(|m| &m.data);
                        let length = mesh.map_or(0.0, |m| (m.bounds().1 - m.bounds().0).max_element());
                        // A stone that is no closed solid has no volume to weigh: its carats are unavailable.
                        let open = crate::geometry::house::registry::house_of(key)
                            .is_some_and(|h| h.open_stones.contains(&part.node));
                        let volume =
                            if open { f32::NAN } else { mesh_volume(placed.component, part.mesh, None) * scale };
                        let middle = mesh.map_or(glam::Vec3::ZERO, |m| (m.bounds().0 + m.bounds().1) / 2.0);
                        let (length_mm, position_mm) = (length * scale.cbrt(), at.transform_point3(middle));
                        StoneSize { seat, cut, species, length_mm, volume_mm3: Some(volume), position_mm }
                    }
                    _ => {
                        let position_mm = at.translation.into();
                        StoneSize { seat, cut, species, length_mm: scale.cbrt(), volume_mm3: None, position_mm }
                    }
                };
                volumes.stones.push(size)
            }
            PartRole::Display(_) => {}
        }
    }
    volumes
}

/// The volumes of the geometries last asked for (`memo::DEFAULT_CAPACITY` of them).
static DESIGN_VOLUMES: Memo<GeometryKey, Arc<Volumes>> = Memo::new();

/// How many geometries' volumes are kept (bounded: what a long day of changes holds).
pub fn geometries_kept() -> usize {
    DESIGN_VOLUMES.len()
}

/// The volumes of a design's piece (cached per geometry).
pub fn volumes(design: &Design) -> Arc<Volumes> {
    let key = geometry_key(design);
    DESIGN_VOLUMES.get_or_compute(key, || Arc::new(volumes_of(&assemble(design))))
}

/// Estimated weights of a design: the band's metal (a necklace's chain and clasp) and the head's (a pendant's),
/// each in its alloy; the centre stone's carats (0 for a chain without a pendant).
pub fn weights(design: &Design) -> Weights {
    weights_from(design, &volumes(design))
}

/// The weights of a design from its piece's volumes (`volumes_of` its Assembly, or `volumes(design)`).
pub fn weights_from(design: &Design, volumes: &Volumes) -> Weights {
    // g/cm³ × mm³ / 1000 = g.
    let grams = |mm3: f32, density: f32| mm3 * density / 1000.0;
    Weights {
        band_grams: grams(volumes.band_mm3, design.metal.alloy.density_g_cm3()),
        head_grams: grams(volumes.head_mm3, design.head_metal().alloy.density_g_cm3()),
        // (A fold from +0: an empty sum of floats is -0, "-0.00 ct" on a model without a centre stone.)
        centre_carats: volumes
            .stones
            .iter()
            .filter(|s| s.seat == Seat::Centre)
            .map(StoneSize::carats)
            .fold(0.0, |sum, ct| sum + ct),
        solid: volumes.open_metal.is_empty(),
    }
}

/// Carats of each small stone of the design (in its side stones' species): halo or side stones, and pavé stones in
/// the band.
pub fn small_stones(design: &Design) -> Vec<f32> {
    small_stones_of(&volumes(design))
}

/// Carats of each small stone among a piece's volumes.
pub fn small_stones_of(volumes: &Volumes) -> Vec<f32> {
    volumes.stones.iter().filter(|s| s.seat != Seat::Centre).map(StoneSize::carats).collect()
}

/// The metal parts whose volume is no weight (not closed solids), by name.
pub fn open_metal(design: &Design) -> Vec<String> {
    volumes(design).open_metal.clone()
}

/// Estimated weight of the design's centre stone in carats (whether or not the piece shows one).
pub fn centre_carats(design: &Design) -> f32 {
    if design.source.collection().is_some() {
        // A house's centre stone is as modelled.
        return weights(design).centre_carats;
    }
    crate::geometry::cut::carats(design.stone.cut, design.stone.size_mm, design.stone.species.data().specific_gravity)
}

/// How wide a ring's band is along the finger, mm, under the finger where it touches most (the lower half of the
/// band, away from the head): what decides whether it needs a larger size (`crate::sizer`). `None` for a necklace
/// or a model not loaded yet.
pub fn band_width_mm(design: &Design) -> Option<f32> {
    static WIDTHS: Memo<(ShankStyle, Option<(String, bool)>), Option<f32>> = Memo::new();
    if design.necklace.is_some() {
        return None;
    }
    let house =
        design.source.collection().map(|m| (m.hash.clone(), crate::geometry::house::registered(&m.hash).is_some()));
    WIDTHS.get_or_compute((design.shank, house), || {
        let assembly = assemble(design);
        let mut along: Option<(f32, f32)> = None;
        for (placed, part, at) in assembly.parts() {
            if part.role != PartRole::Metal(MetalZone::Band) {
                continue;
            }
            let model = placed.component.model();
            let Some(mesh) = model.meshes.get(part.mesh) else { continue };
            for &position in &mesh.data.positions {
                let p = at.transform_point3(glam::Vec3::from(position));
                if p.y < 0.0 {
                    along = Some(along.map_or((p.z, p.z), |(lo, hi)| (lo.min(p.z), hi.max(p.z))));
                }
            }
        }
        along.map(|(lo, hi)| hi - lo)
    })
}

/// The command that makes the centre stone weigh `carats` (its length for its cut and species), or why not.
pub fn set_carats(design: &Design, carats: f32) -> Result<DesignCommand, DesignError> {
    if !(carats.is_finite() && carats > 0.0) {
        return Err(DesignError::Carat(carats));
    }
    let sg = design.stone.species.data().specific_gravity;
    Ok(DesignCommand::SetStoneSize(crate::geometry::cut::size_for_carats(design.stone.cut, carats, sg)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_is_as_wide_as_its_profile_under_the_finger() {
        let width = band_width_mm(&Design::default()).expect("a ring");
        assert!((width - crate::geometry::shank::BAND_WIDTH_MM).abs() < 0.05, "{width}");
        let necklace = Design { necklace: Some(Default::default()), ..Design::default() };
        assert_eq!(band_width_mm(&necklace), None);
    }

    /// Weights of the shipped presets: band or chain grams, head or pendant grams, centre carats, small diamonds'
    /// carats — as Écrin computed them before the Assembly (commit 117ab32), the heads' since their rails, halo beads
    /// and halo prongs were made to the workshop's least sizes (issue 28; bands, stones and the bezels unchanged), a
    /// V-tip's rounded end stopped being counted three times (the pear), and the prongs stood out to a seat of a fifth
    /// of their diameter with their feet as thick as they are (issue 28 again), and a pear's head kept one gallery rail
    /// where two left too small a window.
    const FIGURES_BEFORE_THE_ASSEMBLY: [(&str, f32, f32, f32, f32); 10] = [
        ("classic-solitaire", 3.0736, 0.3093, 0.9754, 0.0),
        ("emerald-in-yellow-gold-bezel", 3.2344, 0.9814, 0.8112, 0.0),
        ("morganite-pear-halo", 2.5703, 0.9200, 0.8142, 0.2111),
        ("oval-pendant-necklace", 6.7512, 0.5528, 0.9891, 0.0),
        ("platinum-emerald-cut-bezel", 3.0673, 1.5825, 1.2740, 0.0),
        ("princess-lab-diamond", 2.7047, 0.1636, 0.8848, 0.0),
        ("rose-gold-oval-halo", 3.0679, 0.8071, 0.9891, 0.1561),
        ("ruby-oval-four-prong", 1.8320, 0.2668, 0.7530, 0.0),
        ("sapphire-and-diamond-halo", 2.9889, 0.6239, 1.5076, 0.1255),
        ("two-tone-solitaire", 2.3448, 0.2691, 1.0218, 0.0),
    ];

    #[test]
    fn weights_read_from_the_assembly_agree_with_the_figures_before_it() {
        let presets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
        for (name, band, head, centre, small) in FIGURES_BEFORE_THE_ASSEMBLY {
            let path = presets.join(format!("{name}.ron"));
            let design = crate::design::preset::load(&path).unwrap_or_else(|e| panic!("{e}"));
            let weights = weights(&design);
            let close = |a: f32, b: f32| (a - b).abs() <= 0.002 + 0.001 * b;
            assert!(close(weights.band_grams, band), "{name}: band {} g, was {band} g", weights.band_grams);
            assert!(close(weights.head_grams, head), "{name}: head {} g, was {head} g", weights.head_grams);
            assert!(close(weights.centre_carats, centre), "{name}: {} ct, was {centre} ct", weights.centre_carats);
            let melee: f32 = small_stones(&design).iter().sum();
            assert!(close(melee, small), "{name}: small diamonds {melee} ct, was {small} ct");
        }
    }

    #[test]
    fn side_stones_weigh_as_their_species_and_the_centre_stone_is_untouched() {
        let halo = Design { setting: crate::design::Setting::Halo, ..Design::default() };
        let sapphires = DesignCommand::SetSideSpecies(Species::BlueSapphire).apply_to(&halo).expect("valid");
        let (diamonds_ct, sapphires_ct): (f32, f32) =
            (small_stones(&halo).iter().sum(), small_stones(&sapphires).iter().sum());
        // Same stones, same volume: the carats go as the specific gravities (3.99 / 3.52).
        let ratio = Species::BlueSapphire.data().specific_gravity / Species::Diamond.data().specific_gravity;
        assert!(diamonds_ct > 0.05, "a halo has small stones: {diamonds_ct} ct");
        assert!((sapphires_ct / diamonds_ct - ratio).abs() < 1e-3, "{sapphires_ct} / {diamonds_ct} ct");
        assert_eq!(weights(&halo).centre_carats, weights(&sapphires).centre_carats);
        let back = DesignCommand::SetSideSpecies(Species::Diamond).apply_to(&sapphires).expect("valid");
        assert_eq!(back, halo, "diamond side stones are the default, saved as nothing");
    }

    #[test]
    fn carat_target_gives_a_size_that_weighs_that_much() {
        let design = Design::default();
        let command = set_carats(&design, 1.0).expect("1 ct fits");
        let design = command.apply_to(&design).expect("valid");
        // A 1.00 ct round brilliant diamond is about 6.4–6.5 mm across (notes).
        assert!((6.2..6.7).contains(&design.stone.size_mm), "{}", design.stone.size_mm);
        assert!((centre_carats(&design) - 1.0).abs() < 0.01);
        assert_eq!(set_carats(&design, -1.0), Err(DesignError::Carat(-1.0)));
    }

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
    use crate::geometry::shank::band_profile;

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
