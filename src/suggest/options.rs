//! The design's neighbourhood, aspect by aspect — what each aspect may become in a proposal — and what a change
//! gives up, in points a jeweller would agree with: 100 is the whole of the stone's face-up spread.
//!
//! Only changes that keep the piece the client chose are offered: the cut (the stone's shape), the ring size, the
//! engraving, the finish and the chain stay; the metal stays in its colour unless nothing else fits (a colour change
//! costs 40 points); a diamond may become lab-grown (never the other way round: no proposal is dearer in what it
//! gives up than in price); a setting or a band only becomes a simpler one; a stone only becomes smaller. A house's
//! model keeps its shape: only its metal and its stones' species change.

use super::rules::{Never, ProposalRules};
use crate::design::necklace::PendantStyle;
use crate::design::{Alloy, Design, Setting, ShankStyle, Species};
use crate::estimate::price::PriceList;

/// A metal's colour as the client sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Yellow,
    White,
    Rose,
    Silver,
}

pub fn colour(alloy: Alloy) -> Colour {
    match alloy {
        Alloy::Yellow18k | Alloy::Yellow14k | Alloy::Yellow9ct => Colour::Yellow,
        Alloy::White18k | Alloy::White14k | Alloy::Platinum950 | Alloy::Palladium950 => Colour::White,
        Alloy::Rose18k | Alloy::Rose14k => Colour::Rose,
        Alloy::Sterling925 => Colour::Silver,
    }
}

/// How much an alloy stands for (points): what is given up moving down. Platinum first (the dearest and densest,
/// the trade's top), the 18-carat golds, palladium (a platinum-group white metal, lighter), 14 carats, 9 carats.
fn standing(alloy: Alloy) -> f32 {
    match alloy {
        Alloy::Platinum950 => 30.0,
        Alloy::Yellow18k | Alloy::White18k | Alloy::Rose18k => 25.0,
        Alloy::Palladium950 => 20.0,
        Alloy::Yellow14k | Alloy::White14k | Alloy::Rose14k => 15.0,
        Alloy::Yellow9ct => 5.0,
        Alloy::Sterling925 => 0.0,
    }
}

/// The most a proposal may give up: beyond it the piece is another one (a stone at half its carats and a simpler
/// setting is about this much), and Écrin does not propose it.
pub const MOST_GIVEN_UP: f32 = 60.0;

/// What another colour of metal gives up: the client chose the colour, so it comes last.
const COLOUR_CHANGE: f32 = 40.0;
/// A natural diamond made lab-grown: the same look (the same material), another story and value.
const LAB_GROWN_CENTRE: f32 = 12.0;
const LAB_GROWN_SIDE: f32 = 4.0;
/// Any change of setting, band or pendant, besides the presence it loses.
const STYLE_CHANGE: f32 = 3.0;

/// How much a setting shows (points).
fn presence(setting: Setting) -> f32 {
    match setting {
        Setting::DoubleHalo => 30.0,
        Setting::Halo | Setting::ThreeStone => 24.0,
        Setting::HiddenHalo => 14.0,
        Setting::SixProng => 8.0,
        Setting::FourProng | Setting::Bezel => 6.0,
    }
}

fn band_presence(band: ShankStyle) -> f32 {
    match band {
        ShankStyle::Pave | ShankStyle::Channel => 14.0,
        ShankStyle::Twisted | ShankStyle::Cathedral | ShankStyle::Split => 10.0,
        ShankStyle::KnifeEdge => 6.0,
        ShankStyle::ComfortFit => 4.0,
    }
}

fn pendant_presence(pendant: PendantStyle) -> f32 {
    match pendant {
        PendantStyle::Halo => 20.0,
        PendantStyle::Drop => 8.0,
        PendantStyle::Solitaire => 6.0,
        PendantStyle::None => 0.0,
    }
}

fn metal_given_up(from: Alloy, to: Alloy) -> f32 {
    let colour = if colour(from) == colour(to) { 0.0 } else { COLOUR_CHANGE };
    (standing(from) - standing(to)).max(0.0) + colour
}

/// What `after` gives up from `before`, in points (0: nothing).
pub fn given_up(before: &Design, after: &Design) -> f32 {
    let mut points = 0.0;
    if before.metal.alloy != after.metal.alloy {
        points += metal_given_up(before.metal.alloy, after.metal.alloy);
    }
    let (head_before, head_after) = (before.head_metal().alloy, after.head_metal().alloy);
    if before.head_alloy.is_some() && head_before != head_after {
        // The head is the smaller part of the metal: half as much.
        points += 0.5 * metal_given_up(head_before, head_after);
    }
    if before.stone.species != after.stone.species {
        points += LAB_GROWN_CENTRE;
    }
    if before.side_stones() != after.side_stones() {
        points += LAB_GROWN_SIDE;
    }
    let (from, to) = (before.stone.size_mm, after.stone.size_mm);
    if to < from {
        // The face-up spread goes with the square of the length.
        points += 100.0 * (1.0 - (to / from).powi(2));
    }
    if before.setting != after.setting {
        points += (presence(before.setting) - presence(after.setting)).max(0.0) + STYLE_CHANGE;
    }
    if before.shank != after.shank {
        points += (band_presence(before.shank) - band_presence(after.shank)).max(0.0) + STYLE_CHANGE;
    }
    if let (Some(a), Some(b)) = (before.necklace, after.necklace)
        && a.pendant != b.pendant
    {
        points += (pendant_presence(a.pendant) - pendant_presence(b.pendant)).max(0.0) + STYLE_CHANGE;
    }
    points
}

/// The alloys a metal may become: the price list's, not sterling unless it already is (no fine stone is set in
/// silver), in its colour when kept, itself only when the metal is kept.
pub fn alloys(current: Alloy, keep: bool, keep_colour: bool, list: &PriceList, rules: &ProposalRules) -> Vec<Alloy> {
    if keep {
        return vec![current];
    }
    let mut alloys = vec![current];
    alloys.extend(Alloy::ALL.into_iter().filter(|&alloy| {
        alloy != current
            && list.metal_per_gram.contains_key(&alloy)
            && (alloy != Alloy::Sterling925 || current == Alloy::Sterling925)
            && !(keep_colour && colour(alloy) != colour(current))
            && (colour(alloy) == colour(current) || !rules.never.contains(&Never::OtherMetalColour))
            && !rules.never.contains(&Never::Alloy(alloy))
    }));
    alloys
}

/// The species a stone may become: a natural diamond lab-grown, where the house allows it.
pub fn species(current: Species, keep: bool, allowed: &[Species], rules: &ProposalRules) -> Vec<Species> {
    let mut species = vec![current];
    let lab = Species::LabGrownDiamond;
    if !keep
        && current == Species::Diamond
        && !rules.never.contains(&Never::Species(lab))
        && (allowed.is_empty() || allowed.contains(&lab))
    {
        species.push(lab);
    }
    species
}

/// The shares of its carats a smaller centre stone is proposed at.
const CARAT_STEPS: [f32; 11] = [0.97, 0.94, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5];

/// The centre stone's lengths: smaller steps of its carats (97 % down to half), and the sizes just under each of the
/// price list's carat bands below it down to half (0.99 ct where 1.00 ct starts a dearer band), for each species it
/// may be.
pub fn sizes(design: &Design, species: &[Species], keep: bool, list: &PriceList, rules: &ProposalRules) -> Vec<f32> {
    let current = design.stone.size_mm;
    let mut sizes = vec![current];
    if keep || rules.never.contains(&Never::SmallerStone) || design.source.collection().is_some() {
        return sizes;
    }
    let cut = design.stone.cut;
    let (min, _) = crate::design::limits::STONE_MM;
    for &kind in species {
        let sg = kind.data().specific_gravity;
        let carats = crate::geometry::cut::carats(cut, current, sg);
        let length = |carats: f32| crate::geometry::cut::size_for_carats(cut, carats, sg) * 100.0;
        // Steps of the carats, rounded up to the hundredth of a millimetre (never under half); the lengths just
        // under a band's limit rounded down (so that they stay under it).
        let steps = CARAT_STEPS.iter().map(|f| length(f * carats).ceil() / 100.0);
        let bands = list
            .stones
            .iter()
            .filter(|b| b.species == kind && b.up_to_carats < carats && b.up_to_carats >= 0.5 * carats)
            .map(|b| length(b.up_to_carats).floor() / 100.0);
        for size in steps.chain(bands) {
            if size >= min && size < current && !sizes.iter().any(|s| (s - size).abs() < 0.005) {
                sizes.push(size);
            }
        }
    }
    sizes
}

/// The settings a ring's may become: only simpler ones (a halo a solitaire or a bezel; six prongs four).
pub fn settings(design: &Design, keep: bool, rules: &ProposalRules) -> Vec<Setting> {
    let current = design.setting;
    let mut settings = vec![current];
    if keep || design.necklace.is_some() || design.source.collection().is_some() {
        return settings;
    }
    settings.extend(Setting::ALL.into_iter().filter(|&s| {
        s != current
            && presence(s) < presence(current)
            && !rules.never.contains(&Never::Setting(s))
            // Three stones are a ring's story (past, present, future): no solitaire becomes one.
            && s != Setting::ThreeStone
    }));
    settings
}

/// The bands a ring's may become: only plainer ones.
pub fn bands(design: &Design, keep: bool, rules: &ProposalRules) -> Vec<ShankStyle> {
    let current = design.shank;
    let mut bands = vec![current];
    if keep || design.necklace.is_some() || design.source.collection().is_some() {
        return bands;
    }
    bands.extend(ShankStyle::ALL.into_iter().filter(|&b| {
        b != current && band_presence(b) < band_presence(current) && !rules.never.contains(&Never::Band(b))
    }));
    bands
}

/// The pendants a necklace's may become: a halo a solitaire; a pendant is never taken away.
pub fn pendants(design: &Design, keep: bool) -> Vec<Option<PendantStyle>> {
    let Some(necklace) = design.necklace else { return vec![None] };
    let current = necklace.pendant;
    let mut pendants = vec![Some(current)];
    if !keep && current == PendantStyle::Halo {
        pendants.push(Some(PendantStyle::Solitaire));
    }
    pendants
}
