//! The limits a workshop trusts, each with its source: what a piece must have to be cast, finished and set without
//! the setter rebuilding it (and changing what the client approved). Two published sets, read as primary documents:
//!
//! - [Stuller] Stuller, *Production Standards — Best Practices for CAD/CAM Services* (Stuller.com/CADCAMServices):
//!   culet ≥ 0.5 mm above the finger rail; shank 1.2 mm thick and 1.7 mm wide at least, because production removes up
//!   to 0.2 mm (read from the figure's two dimensions of the shank's section); design elements ≥ 0.5 mm,
//!   overlapping 0.15 mm; openings ≥ 0.4 mm; a seat cuts at most 25 % into a prong.
//! - [Gemwares] Gemwares, *CAD file requirements* (casting house): surfaces ≥ 0.8 mm; prongs ≥ 0.6 mm, reaching 10 %
//!   past the stone; engraving ≥ 0.3 mm wide and 0.5 mm deep; up to 0.25 mm lost in filing and polishing.
//!
//! - [Girdles] two stones may be set girdle to girdle but never into each other: overlapping girdles chip when the
//!   stones are tightened (a setter's rule — D. Wilkinson, *A place for everything*, on laying out stones — with no
//!   published figure beyond it: the limit is the touch, 0 mm).
//!
//! Where they differ on slim metal (Stuller's elements 0.5 mm, Gemwares' surfaces 0.8 mm), Stuller's is the hard limit
//! — it is the production floor of a house that casts fine jewellery every day, and a 0.8 mm floor would refuse every
//! gallery rail a fine solitaire has — and Gemwares' the soft one: below it, the piece is castable but the bench
//! should look. Prongs take Gemwares' 0.6 mm as hard (Stuller gives no figure for them).

use crate::geometry::ring::HeadElement;
use serde::Serialize;

/// Where a limit is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Source {
    Stuller,
    Gemwares,
    Girdles,
}

impl Source {
    /// The locale files' key of the source's name.
    pub fn key(self) -> &'static str {
        match self {
            Source::Stuller => "source-stuller",
            Source::Gemwares => "source-gemwares",
            Source::Girdles => "source-girdles",
        }
    }
}

/// What is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Rule {
    /// The shank's thickness under the finger (from the finger to the outside).
    ShankThickness,
    /// The shank's width under the finger (along the finger).
    ShankWidth,
    /// From the centre stone's culet to the finger.
    CuletClearance,
    /// The centre stone's prongs at their thinnest.
    Prongs,
    /// A three-stone ring's side stones' prongs.
    SideProngs,
    /// A slim element of the head.
    Element(HeadElement),
    /// The window between the prongs' two gallery rails.
    RailOpening,
    /// A house's head at its thinnest, gauged on its mesh (its prongs and rails are not known by name: held to the
    /// slim elements' limits).
    HouseHeadMetal,
    /// A pendant's bail, the wire the chain passes through.
    Bail,
    /// The narrowest gap between two stones' surfaces (halo, pavé, side stones, the centre).
    StoneSpacing,
    /// The share of a prong (or a bezel's wall) left behind the centre stone's girdle where its seat is cut: a
    /// share, not millimetres (Stuller: a seat cuts at most 25 % into a prong).
    MetalBehindSeat,
}

/// What a rule's figure is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Unit {
    Millimetres,
    /// A fraction (0–1), said as a percentage.
    Share,
}

/// A limit: the least a measure may be, whether it is hard (no bench hand-off below it) or soft (a warning), and its
/// source.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Limit {
    pub least: f32,
    pub hard: bool,
    pub source: Source,
}

const fn hard(least: f32, source: Source) -> Limit {
    Limit { least, hard: true, source }
}

const fn soft(least: f32, source: Source) -> Limit {
    Limit { least, hard: false, source }
}

impl Rule {
    /// The limits of the rule, hard first.
    pub fn limits(self) -> &'static [Limit] {
        const SHANK_THICKNESS: [Limit; 1] = [hard(1.2, Source::Stuller)];
        const SHANK_WIDTH: [Limit; 1] = [hard(1.7, Source::Stuller)];
        const CULET_CLEARANCE: [Limit; 1] = [hard(0.5, Source::Stuller)];
        const PRONGS: [Limit; 1] = [hard(0.6, Source::Gemwares)];
        const ELEMENTS: [Limit; 2] = [hard(0.5, Source::Stuller), soft(0.8, Source::Gemwares)];
        const OPENINGS: [Limit; 1] = [hard(0.4, Source::Stuller)];
        const SPACING: [Limit; 1] = [hard(0.0, Source::Girdles)];
        const SEAT: [Limit; 1] = [hard(0.75, Source::Stuller)];
        match self {
            Rule::ShankThickness => &SHANK_THICKNESS,
            Rule::ShankWidth => &SHANK_WIDTH,
            Rule::CuletClearance => &CULET_CLEARANCE,
            Rule::Prongs | Rule::SideProngs => &PRONGS,
            Rule::Element(_) | Rule::HouseHeadMetal | Rule::Bail => &ELEMENTS,
            Rule::RailOpening => &OPENINGS,
            Rule::StoneSpacing => &SPACING,
            Rule::MetalBehindSeat => &SEAT,
        }
    }

    /// What its figures are in.
    pub fn unit(self) -> Unit {
        match self {
            Rule::MetalBehindSeat => Unit::Share,
            _ => Unit::Millimetres,
        }
    }

    /// The locale files' key of what the rule measures.
    pub fn key(self) -> &'static str {
        match self {
            Rule::ShankThickness => "workshop-shank-thickness",
            Rule::ShankWidth => "workshop-shank-width",
            Rule::CuletClearance => "workshop-culet-clearance",
            Rule::Prongs => "workshop-prongs",
            Rule::SideProngs => "workshop-side-prongs",
            Rule::Element(HeadElement::UpperRail) => "workshop-upper-rail",
            Rule::Element(HeadElement::LowerRail) => "workshop-lower-rail",
            Rule::Element(HeadElement::BezelWall) => "workshop-bezel-wall",
            Rule::Element(HeadElement::HaloBead) => "workshop-halo-bead",
            Rule::Element(HeadElement::SideRail) => "workshop-side-rail",
            Rule::Element(HeadElement::SidePost) => "workshop-side-post",
            Rule::RailOpening => "workshop-rail-opening",
            Rule::HouseHeadMetal => "workshop-house-head-metal",
            Rule::Bail => "workshop-bail",
            Rule::StoneSpacing => "workshop-stone-spacing",
            Rule::MetalBehindSeat => "workshop-metal-behind-seat",
        }
    }
}
