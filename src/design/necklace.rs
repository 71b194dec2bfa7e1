//! Necklaces: a chain (style, length) and an optional pendant carrying the design's stone.

use serde::{Deserialize, Serialize};

/// How the chain's links are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ChainStyle {
    /// Oval links, each turned a quarter to the next.
    #[default]
    Cable,
    /// Cable links twisted and flattened so that they lie flat.
    Curb,
    /// Square links with flat sides.
    Box,
    /// Links set in a spiral, like a twisted rope.
    Rope,
}

impl ChainStyle {
    pub const ALL: [ChainStyle; 4] = [ChainStyle::Cable, ChainStyle::Curb, ChainStyle::Box, ChainStyle::Rope];

    pub fn slug(self) -> &'static str {
        match self {
            ChainStyle::Cable => "cable",
            ChainStyle::Curb => "curb",
            ChainStyle::Box => "box",
            ChainStyle::Rope => "rope",
        }
    }
}

/// What hangs from the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum PendantStyle {
    /// The chain alone.
    None,
    /// The design's stone in four prongs under a bail.
    #[default]
    Solitaire,
    /// The stone framed by a halo of small diamonds.
    Halo,
    /// The stone hanging below a short bar (a drop pendant).
    Drop,
}

impl PendantStyle {
    pub const ALL: [PendantStyle; 4] =
        [PendantStyle::None, PendantStyle::Solitaire, PendantStyle::Halo, PendantStyle::Drop];
}

/// Standard chain lengths, mm (40, 42, 45, 50, 60 cm); any length in `LENGTH_MM` is allowed.
pub const STANDARD_LENGTHS_MM: [f32; 5] = [400.0, 420.0, 450.0, 500.0, 600.0];
pub const LENGTH_MM: (f32, f32) = (350.0, 900.0);

/// A necklace: the chain and the pendant (which carries the design's stone).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Necklace {
    pub chain: ChainStyle,
    /// Length of the chain, clasp to clasp, mm.
    pub length_mm: f32,
    pub pendant: PendantStyle,
}

impl Default for Necklace {
    fn default() -> Self {
        Necklace { chain: ChainStyle::Cable, length_mm: 450.0, pendant: PendantStyle::Solitaire }
    }
}

/// Where a chain falls on the wearer, as a jeweller says it (the words: `i18n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fall {
    BaseOfNeck,
    Collarbone,
    JustBelowCollarbone,
    BelowCollarbone,
    Chest,
}

impl Fall {
    pub const ALL: [Fall; 5] =
        [Fall::BaseOfNeck, Fall::Collarbone, Fall::JustBelowCollarbone, Fall::BelowCollarbone, Fall::Chest];
}

/// Where a chain of this length falls.
pub fn where_it_falls(length_mm: f32) -> Fall {
    match length_mm {
        l if l < 410.0 => Fall::BaseOfNeck,
        l if l < 440.0 => Fall::Collarbone,
        l if l < 480.0 => Fall::JustBelowCollarbone,
        l if l < 550.0 => Fall::BelowCollarbone,
        _ => Fall::Chest,
    }
}
