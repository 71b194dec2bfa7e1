//! Proposals within a budget that the advisor can explain: deterministic, local, never applied by themselves.
//!
//! **The search** is an exhaustive one over the design's neighbourhood (`options.rs`): every combination of what each
//! aspect may become — the metal's alloys (in its colour first), a diamond lab-grown, the centre stone smaller in
//! steps of its carats and just under the list's carat bands, a simpler setting, a plainer band, a halo pendant a
//! solitaire — is priced with the boutique's own list (`PriceList::estimate_with`, the estimate the price panel
//! shows; each shape's volumes computed once) and given a cost in what it gives up (`options::given_up`, points).
//! The proposals for a budget are then a **diverse top three of least given up**: the candidates that fit, in order
//! of what they give up (then the fewer changes, then the dearer: the client keeps more of what they pay for), each
//! taken unless the aspects it changes include all of those of one already taken — so "14k instead of 18k" is not followed by "14k
//! and a smaller stone", and each proposal is another way to the budget. Exhaustive because the neighbourhood is
//! small (a few thousand designs) and must be exact (every proposal fits, the best is never missed); the table is
//! made once per design, off the frame, and a budget only walks it — the budget slider never waits on a search.

pub mod options;
pub mod reasons;
pub mod rules;
pub mod style;

use crate::design::journal::{Change, design_changes};
use crate::design::{Design, Setting, ShankStyle, Species};
use crate::estimate::Volumes;
use crate::estimate::price::{PriceError, PriceEstimate, PriceList};
use reasons::{Before, Reasons};
use rules::ProposalRules;
use std::collections::HashMap;
use std::sync::Arc;
use thiserror::Error;

/// The most proposals shown at once.
pub const MAX_PROPOSALS: usize = 3;

/// What the client will not change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keep {
    /// The alloy itself.
    pub metal: bool,
    /// The metal's colour (yellow, white, rose).
    pub metal_colour: bool,
    /// The centre stone's species (no lab-grown).
    pub species: bool,
    /// The centre stone's size.
    pub size: bool,
    /// The setting (a necklace's pendant style).
    pub setting: bool,
    pub band: bool,
    /// The side stones' species.
    pub side_stones: bool,
}

impl Keep {
    /// The words of `--keep`: cut (always kept), metal, metal-colour, stone, size, setting, band, side-stones.
    pub const WORDS: [&'static str; 8] =
        ["cut", "metal", "metal-colour", "stone", "size", "setting", "band", "side-stones"];

    /// A comma-separated keep list; the first word that is none, when one is not.
    pub fn parse(text: &str) -> Result<Keep, String> {
        let mut keep = Keep::default();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match word.to_ascii_lowercase().as_str() {
                // The cut is the stone's shape: no proposal changes it.
                "cut" => {}
                "metal" => keep.metal = true,
                "metal-colour" | "metal-color" | "colour" | "color" => keep.metal_colour = true,
                "stone" | "species" => keep.species = true,
                "size" => keep.size = true,
                "setting" | "pendant" => keep.setting = true,
                "band" | "shank" => keep.band = true,
                "side-stones" => keep.side_stones = true,
                _ => return Err(word.to_string()),
            }
        }
        Ok(keep)
    }
}

/// The aspects a candidate changes, as bits (which proposals differ in).
mod aspect {
    pub const METAL: u8 = 1;
    pub const HEAD_METAL: u8 = 2;
    pub const SPECIES: u8 = 4;
    pub const SIDE_STONES: u8 = 8;
    pub const SIZE: u8 = 16;
    pub const SETTING: u8 = 32;
    pub const BAND: u8 = 64;
    pub const PENDANT: u8 = 128;
}

/// A design of the neighbourhood, priced.
#[derive(Clone, Debug)]
struct Candidate {
    design: Design,
    estimate: PriceEstimate,
    side_carats: f32,
    given_up: f32,
    aspects: u8,
}

/// A proposal: the design, what it changes (journal data), what it gives up (points) and its reasons in figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub design: Design,
    pub changes: Vec<Change>,
    pub given_up: f32,
    pub reasons: Reasons,
}

/// What a budget finds.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The design is within the budget already: nothing to propose.
    Within { retail: f32 },
    /// Up to three proposals, least given up first.
    Proposals(Vec<Proposal>),
    /// Nothing in the neighbourhood fits: the closest (the cheapest) is said.
    NothingFits { closest: Box<Proposal> },
}

/// Why there are no proposals at all.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum SuggestError {
    #[error("the house has turned proposals off")]
    Off,
    #[error("the design has no price: {0}")]
    NoPrice(PriceError),
}

/// The design's neighbourhood, priced and in the order proposals are taken from: made once per design.
#[derive(Clone, Debug)]
pub struct Table {
    current: Candidate,
    currency: String,
    candidates: Vec<Candidate>,
}

impl Table {
    /// Prices every design of the neighbourhood. `allowed`: the centre species a house's model allows (empty: any).
    pub fn of(
        design: &Design,
        list: &PriceList,
        keep: Keep,
        rules: &ProposalRules,
        allowed: &[Species],
    ) -> Result<Table, SuggestError> {
        if !rules.proposals {
            return Err(SuggestError::Off);
        }
        let mut shapes = Shapes::default();
        let current = price(design, design, list, &mut shapes).map_err(SuggestError::NoPrice)?;
        let alloys = options::alloys(design.metal.alloy, keep.metal, keep.metal_colour, list, rules);
        let heads: Vec<Option<crate::design::Alloy>> = match design.head_alloy {
            None => vec![None],
            Some(head) => {
                options::alloys(head, keep.metal, keep.metal_colour, list, rules).into_iter().map(Some).collect()
            }
        };
        let species = options::species(design.stone.species, keep.species, allowed, rules);
        // Side stones' species only where the piece has side stones.
        let sides = if current.side_carats > 0.0 {
            options::species(design.side_stones(), keep.side_stones, &[], rules)
        } else {
            vec![design.side_stones()]
        };
        let sizes = options::sizes(design, &species, keep.size, list, rules);
        let settings = options::settings(design, keep.setting, rules);
        let bands = options::bands(design, keep.band, rules);
        let pendants = options::pendants(design, keep.setting);
        let mut candidates = Vec::new();
        for &setting in &settings {
            for &shank in &bands {
                for &pendant in &pendants {
                    for &size in &sizes {
                        for &centre in &species {
                            for &side in &sides {
                                for &alloy in &alloys {
                                    for &head in &heads {
                                        let mut proposed = design.clone();
                                        proposed.metal.alloy = alloy;
                                        proposed.head_alloy = head;
                                        proposed.stone.species = centre;
                                        proposed.side_species = design
                                            .side_species
                                            .map(|_| side)
                                            .or((side != Species::Diamond).then_some(side));
                                        proposed.stone.size_mm = size;
                                        proposed.setting = setting;
                                        proposed.shank = shank;
                                        if let (Some(necklace), Some(pendant)) = (&mut proposed.necklace, pendant) {
                                            necklace.pendant = pendant;
                                        }
                                        if proposed == *design || proposed.validate().is_err() {
                                            continue;
                                        }
                                        if let Ok(candidate) = price(design, &proposed, list, &mut shapes)
                                            && candidate.given_up <= options::MOST_GIVEN_UP
                                            && shapes.makeable(&proposed)
                                        {
                                            candidates.push(candidate);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Least given up first, then the fewer changes (platinum for white gold gives up nothing, yet "a smaller
        // stone" is a simpler way than "a smaller stone and platinum"), then the dearer; then the order made.
        candidates.sort_by(|a, b| {
            a.given_up
                .total_cmp(&b.given_up)
                .then(a.aspects.count_ones().cmp(&b.aspects.count_ones()))
                .then(b.estimate.retail.total_cmp(&a.estimate.retail))
        });
        Ok(Table { current, currency: list.currency.clone(), candidates })
    }

    /// How many designs were priced.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The design the table was made for.
    pub fn design(&self) -> &Design {
        &self.current.design
    }

    /// The price list's currency.
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The design's own retail price.
    pub fn retail(&self) -> f32 {
        self.current.estimate.retail
    }

    /// The proposals for a budget.
    pub fn within(&self, budget: f32) -> Outcome {
        self.within_except(budget, &[])
    }

    /// The proposals for a budget, leaving out designs a person set aside (the next ways to the budget come up).
    pub fn within_except(&self, budget: f32, set_aside: &[Design]) -> Outcome {
        if self.current.estimate.retail <= budget {
            return Outcome::Within { retail: self.current.estimate.retail };
        }
        let mut taken: Vec<&Candidate> = Vec::new();
        for candidate in
            self.candidates.iter().filter(|c| c.estimate.retail <= budget && !set_aside.contains(&c.design))
        {
            if taken.iter().any(|t| candidate.aspects & t.aspects == t.aspects) {
                continue;
            }
            taken.push(candidate);
            if taken.len() == MAX_PROPOSALS {
                break;
            }
        }
        if taken.is_empty() {
            let closest = self
                .candidates
                .iter()
                .min_by(|a, b| a.estimate.retail.total_cmp(&b.estimate.retail).then(a.given_up.total_cmp(&b.given_up)));
            return match closest {
                Some(closest) => Outcome::NothingFits { closest: Box::new(self.proposal(closest)) },
                None => Outcome::NothingFits { closest: Box::new(self.proposal(&self.current)) },
            };
        }
        Outcome::Proposals(taken.into_iter().map(|c| self.proposal(c)).collect())
    }

    fn proposal(&self, candidate: &Candidate) -> Proposal {
        let current = &self.current;
        let reasons = Reasons::of(
            &self.currency,
            (&current.design, &current.estimate),
            (&candidate.design, &candidate.estimate),
            Before::of(current.side_carats, candidate.side_carats),
        );
        Proposal {
            design: candidate.design.clone(),
            changes: design_changes(&current.design, &candidate.design),
            given_up: candidate.given_up,
            reasons,
        }
    }
}

/// The proposals for a design and a budget, in one call (the CLI's; the studio keeps the table).
pub fn propose(
    design: &Design,
    list: &PriceList,
    budget: f32,
    keep: Keep,
    rules: &ProposalRules,
    allowed: &[Species],
) -> Result<Outcome, SuggestError> {
    Ok(Table::of(design, list, keep, rules, allowed)?.within(budget))
}

/// What a shape of Écrin's depends on, besides what the search never changes: setting, band, stone length, pendant.
type Shape = (Setting, ShankStyle, u32, Option<crate::design::necklace::PendantStyle>);

fn shape_of(design: &Design) -> Shape {
    (design.setting, design.shank, design.stone.size_mm.to_bits(), design.necklace.map(|n| n.pendant))
}

/// The volumes of each shape the search meets, computed once (not through the studio's memo table: a search's
/// thousands of shapes would push out what the panel asks every frame), and whether the bench can make it. A
/// house's model keeps its shape: the studio's own memo holds it.
#[derive(Default)]
struct Shapes {
    by_shape: HashMap<Shape, Arc<Volumes>>,
    by_species: HashMap<(Shape, Species, Species), Arc<Volumes>>,
    makeable: HashMap<Shape, bool>,
    /// The species of the design searched around: shapes are measured in them (the workshop's memo keeps one
    /// measure per shape, not one per species).
    first_species: Option<(Species, Species)>,
}

impl Shapes {
    /// Whether the bench can make the design: no workshop check under a hard limit (a halo's beads and prongs shrink
    /// with its stone — Écrin never proposes what the workshop would refuse). Measured once per shape, on the shape
    /// in the searched design's species (the checks measure metal and stone outlines, which species do not change).
    fn makeable(&mut self, design: &Design) -> bool {
        if design.source.collection().is_some() {
            return !crate::workshop::checks::breaks_a_hard_limit(design);
        }
        let first = self.first_species;
        *self.makeable.entry(shape_of(design)).or_insert_with(|| {
            let mut measured = design.clone();
            if let Some((centre, side)) = first {
                measured.stone.species = centre;
                measured.side_species = Some(side).filter(|s| *s != Species::Diamond);
            }
            !crate::workshop::checks::breaks_a_hard_limit(&measured)
        })
    }

    fn volumes(&mut self, design: &Design) -> Arc<Volumes> {
        if design.source.collection().is_some() {
            return crate::estimate::volumes(design);
        }
        self.first_species.get_or_insert((design.stone.species, design.side_stones()));
        let shape = shape_of(design);
        let key = (shape, design.stone.species, design.side_stones());
        if let Some(found) = self.by_species.get(&key) {
            return found.clone();
        }
        let base = self
            .by_shape
            .entry(shape)
            .or_insert_with(|| Arc::new(crate::estimate::volumes_of(&crate::geometry::assemble::assemble(design))))
            .clone();
        let volumes = Arc::new(base.in_species(design.stone.species, design.side_stones()));
        self.by_species.insert(key, volumes.clone());
        volumes
    }
}

/// A design of the neighbourhood priced, with what it gives up from `current`.
fn price(current: &Design, design: &Design, list: &PriceList, shapes: &mut Shapes) -> Result<Candidate, PriceError> {
    let volumes = shapes.volumes(design);
    let estimate = list.estimate_with(design, &volumes)?;
    let side_carats = crate::estimate::small_stones_of(&volumes).iter().sum();
    let mut aspects = 0;
    let mut differs = |same: bool, bit: u8| {
        if !same {
            aspects |= bit;
        }
    };
    differs(current.metal.alloy == design.metal.alloy, aspect::METAL);
    differs(current.head_alloy == design.head_alloy, aspect::HEAD_METAL);
    differs(current.stone.species == design.stone.species, aspect::SPECIES);
    differs(current.side_stones() == design.side_stones(), aspect::SIDE_STONES);
    differs(current.stone.size_mm == design.stone.size_mm, aspect::SIZE);
    differs(current.setting == design.setting, aspect::SETTING);
    differs(current.shank == design.shank, aspect::BAND);
    differs(current.necklace.map(|n| n.pendant) == design.necklace.map(|n| n.pendant), aspect::PENDANT);
    Ok(Candidate {
        design: design.clone(),
        estimate,
        side_carats,
        given_up: options::given_up(current, design),
        aspects,
    })
}

#[cfg(test)]
mod tests;
