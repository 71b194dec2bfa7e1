//! The jewellery domain, free of Bevy: a ring `Design`, its parts, validation, commands and presets.

pub mod catalogue;
pub mod command;
pub mod engraving;
pub mod journal;
pub mod necklace;
pub mod preset;
pub mod ring_size;
pub mod ron_place;
pub mod session;
pub mod source;
pub mod variants;

pub use catalogue::{Alloy, Finish, GemData, Species};
pub use command::{DesignCommand, History};
pub use ring_size::SizeSystem;
pub use source::PieceSource;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Metal of the piece: alloy and surface finish.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metal {
    pub alloy: Alloy,
    pub finish: Finish,
}

/// Shape of the stone seen from above, with its facet layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cut {
    RoundBrilliant,
    Oval,
    Cushion,
    Princess,
    Emerald,
    Pear,
    Marquise,
    Radiant,
    Asscher,
    Heart,
}

impl Cut {
    pub const ALL: [Cut; 10] = [
        Cut::RoundBrilliant,
        Cut::Oval,
        Cut::Cushion,
        Cut::Princess,
        Cut::Emerald,
        Cut::Pear,
        Cut::Marquise,
        Cut::Radiant,
        Cut::Asscher,
        Cut::Heart,
    ];

    /// File-name stem used for this cut's model files.
    pub fn slug(self) -> &'static str {
        match self {
            Cut::RoundBrilliant => "round",
            Cut::Oval => "oval",
            Cut::Cushion => "cushion",
            Cut::Princess => "princess",
            Cut::Emerald => "emerald",
            Cut::Pear => "pear",
            Cut::Marquise => "marquise",
            Cut::Radiant => "radiant",
            Cut::Asscher => "asscher",
            Cut::Heart => "heart",
        }
    }
}

/// The centre stone. `size_mm` is its length, the longest girdle dimension (the diameter of a round).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stone {
    pub species: Species,
    pub cut: Cut,
    pub size_mm: f32,
}

/// How the centre stone is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Setting {
    FourProng,
    SixProng,
    Bezel,
    Halo,
    /// The centre stone in four prongs between two round diamonds (past, present, future).
    ThreeStone,
    /// Two rows of small diamonds around the centre stone.
    DoubleHalo,
    /// A row of small diamonds under the centre stone's girdle, seen from the side.
    HiddenHalo,
}

impl Setting {
    pub const ALL: [Setting; 7] = [
        Setting::FourProng,
        Setting::SixProng,
        Setting::Bezel,
        Setting::Halo,
        Setting::DoubleHalo,
        Setting::HiddenHalo,
        Setting::ThreeStone,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Setting::FourProng => "prong4",
            Setting::SixProng => "prong6",
            Setting::Bezel => "bezel",
            Setting::Halo => "halo",
            Setting::ThreeStone => "three",
            Setting::DoubleHalo => "halo2",
            Setting::HiddenHalo => "hidden",
        }
    }
}

/// Profile of the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ShankStyle {
    #[default]
    ComfortFit,
    KnifeEdge,
    /// Two round wires twisted around each other.
    Twisted,
    /// A comfort band with a row of small diamonds set along its top.
    Pave,
    /// The shoulders rise in arches towards the head.
    Cathedral,
    /// The band parts into two strands on the shoulders and joins again under the head.
    Split,
    /// Small diamonds set side by side in a channel between two rails.
    Channel,
}

impl ShankStyle {
    pub const ALL: [ShankStyle; 7] = [
        ShankStyle::ComfortFit,
        ShankStyle::KnifeEdge,
        ShankStyle::Cathedral,
        ShankStyle::Split,
        ShankStyle::Twisted,
        ShankStyle::Pave,
        ShankStyle::Channel,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ShankStyle::ComfortFit => "comfort",
            ShankStyle::KnifeEdge => "knife",
            ShankStyle::Twisted => "twisted",
            ShankStyle::Pave => "pave",
            ShankStyle::Cathedral => "cathedral",
            ShankStyle::Split => "split",
            ShankStyle::Channel => "channel",
        }
    }
}

/// A ring as the advisor and the client design it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Design {
    pub name: String,
    pub metal: Metal,
    /// The head's alloy when it differs from the band's (two-tone, e.g. a white-gold head on a yellow band).
    #[serde(default)]
    pub head_alloy: Option<Alloy>,
    pub stone: Stone,
    /// The side stones' species — halo, shoulders, pavé, a house model's side stones and melee — when they are not
    /// diamonds (absent: diamonds, as in every preset before version 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_species: Option<Species>,
    pub setting: Setting,
    #[serde(default)]
    pub shank: ShankStyle,
    /// Inner circumference in mm (= EU/FR size).
    pub ring_size_mm: f32,
    /// The system the client reads sizes in.
    #[serde(default)]
    pub size_system: SizeSystem,
    #[serde(default)]
    pub engraving: String,
    /// How the engraving's letters are drawn (new in version 8; before: serif).
    #[serde(default)]
    pub engraving_style: engraving::EngravingStyle,
    /// A necklace instead of a ring: chain and pendant (the stone, metal and finish above are the pendant's and the
    /// chain's). Absent: a ring (new in version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub necklace: Option<necklace::Necklace>,
    /// Where the piece's shape comes from: Écrin's own styles (absent, as in every preset before version 6) or a
    /// model of the house's collection.
    #[serde(default, skip_serializing_if = "PieceSource::is_ecrin")]
    pub source: PieceSource,
}

/// Limits of what a bench makes.
pub mod limits {
    pub const STONE_MM: (f32, f32) = (2.0, 20.0);
    pub const ENGRAVING_MAX_CHARS: usize = 30;
    /// Largest centre stone of a three-stone ring: beyond it the side stones would reach round the finger.
    pub const THREE_STONE_MAX_MM: f32 = 8.0;
    pub const NAME_MAX_CHARS: usize = 60;
}

/// A design a bench cannot make: names the field and the allowed range.
#[derive(Debug, Error, PartialEq)]
pub enum DesignError {
    #[error("stone.size_mm: {value} mm is outside {min}–{max} mm")]
    StoneSize { value: f32, min: f32, max: f32 },
    #[error(
        "stone.size_mm: {value} mm is too large for a three-stone ring (at most {max} mm: the side stones would reach round the finger)"
    )]
    ThreeStoneSize { value: f32, max: f32 },
    #[error("ring_size_mm: {value} mm is outside EU {min}–{max} (inner circumference in mm)")]
    RingSize { value: f32, min: f32, max: f32 },
    #[error("engraving: {count} characters, at most {max}")]
    EngravingTooLong { count: usize, max: usize },
    #[error("engraving: {0:?} cannot be engraved (letters, digits, spaces and . , ' & - + ♥ ∞ only)")]
    EngravingCharacter(char),
    #[error("name: must be 1–{max} printable characters")]
    Name { max: usize },
    #[error("necklace.length_mm: {value} mm is outside {min}–{max} mm")]
    ChainLength { value: f32, min: f32, max: f32 },
    #[error("target carat weight: {0} ct is not a positive number")]
    Carat(f32),
    #[error("variants: {count}, the board holds 1 to {max}")]
    VariantCount { count: usize, max: usize },
    #[error("variant {0} does not exist")]
    NoVariant(usize),
    #[error("the last variant cannot be removed (it is the design)")]
    LastVariant,
}

/// Whether a character changes how text around it is shown without being seen itself: the bidirectional overrides,
/// embeddings and isolates (a name holding U+202E is listed reversed), zero-width marks and joiners, the BOM. Names
/// (a design's, a model's, a client's) never hold one.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Characters an engraver's machine cuts: Latin letters (with accents), digits and a few symbols.
pub fn is_engravable(c: char) -> bool {
    c.is_alphanumeric() && (c.is_ascii() || ('\u{c0}'..='\u{17f}').contains(&c)) || " .,'&-+♥∞!?:/()#@".contains(c)
}

impl Design {
    /// Checks every field against what a bench can make.
    pub fn validate(&self) -> Result<(), DesignError> {
        let (min, max) = limits::STONE_MM;
        let size = self.stone.size_mm;
        if !(size.is_finite() && (min..=max).contains(&size)) {
            return Err(DesignError::StoneSize { value: size, min, max });
        }
        if self.setting == Setting::ThreeStone && size > limits::THREE_STONE_MAX_MM {
            return Err(DesignError::ThreeStoneSize { value: size, max: limits::THREE_STONE_MAX_MM });
        }
        let (min, max) = (ring_size::EU_MIN, ring_size::EU_MAX);
        if !(self.ring_size_mm.is_finite() && (min..=max).contains(&self.ring_size_mm)) {
            return Err(DesignError::RingSize { value: self.ring_size_mm, min, max });
        }
        let count = self.engraving.chars().count();
        if count > limits::ENGRAVING_MAX_CHARS {
            return Err(DesignError::EngravingTooLong { count, max: limits::ENGRAVING_MAX_CHARS });
        }
        if let Some(c) = self.engraving.chars().find(|&c| !is_engravable(c)) {
            return Err(DesignError::EngravingCharacter(c));
        }
        if let Some(necklace) = &self.necklace {
            let (min, max) = necklace::LENGTH_MM;
            let length = necklace.length_mm;
            if !(length.is_finite() && (min..=max).contains(&length)) {
                return Err(DesignError::ChainLength { value: length, min, max });
            }
        }
        let name_len = self.name.chars().count();
        let unprintable = |c: char| c.is_control() || is_invisible_format(c);
        if name_len == 0 || name_len > limits::NAME_MAX_CHARS || self.name.chars().any(unprintable) {
            return Err(DesignError::Name { max: limits::NAME_MAX_CHARS });
        }
        Ok(())
    }

    /// The alloy of the head (the band's unless two-tone).
    pub fn head_metal(&self) -> Metal {
        Metal { alloy: self.head_alloy.unwrap_or(self.metal.alloy), finish: self.metal.finish }
    }

    /// The side stones' species (diamonds unless chosen otherwise).
    pub fn side_stones(&self) -> Species {
        self.side_species.unwrap_or(Species::Diamond)
    }
}

impl Default for Design {
    /// A classic: 18k yellow gold solitaire, 1 ct round brilliant diamond in six prongs, EU 52.
    fn default() -> Self {
        Design {
            name: "Solitaire".into(),
            metal: Metal { alloy: Alloy::Yellow18k, finish: Finish::Polished },
            head_alloy: None,
            stone: Stone { species: Species::Diamond, cut: Cut::RoundBrilliant, size_mm: 6.4 },
            side_species: None,
            setting: Setting::SixProng,
            shank: ShankStyle::ComfortFit,
            ring_size_mm: 52.0,
            size_system: SizeSystem::Eu,
            engraving: String::new(),
            engraving_style: engraving::EngravingStyle::default(),
            necklace: None,
            source: PieceSource::Ecrin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_design_is_valid() {
        assert_eq!(Design::default().validate(), Ok(()));
    }

    #[test]
    fn out_of_range_fields_are_named_with_their_range() {
        let mut d = Design::default();
        d.stone.size_mm = 25.0;
        let message = d.validate().expect_err("refused").to_string();
        assert!(message.contains("stone.size_mm") && message.contains("2–20"), "{message}");
        d.stone.size_mm = f32::NAN;
        assert!(matches!(d.validate(), Err(DesignError::StoneSize { .. })));

        let d = Design { ring_size_mm: 30.0, ..Design::default() };
        let message = d.validate().expect_err("refused").to_string();
        assert!(message.contains("ring_size_mm") && message.contains("38–76"), "{message}");
    }

    #[test]
    fn engraving_is_limited_in_length_and_characters() {
        let mut d = Design { engraving: "Pour toujours ♥ 14.02.2026".into(), ..Design::default() };
        assert_eq!(d.validate(), Ok(()));
        d.engraving = "x".repeat(31);
        assert_eq!(d.validate(), Err(DesignError::EngravingTooLong { count: 31, max: 30 }));
        d.engraving = "tab\there".into();
        assert_eq!(d.validate(), Err(DesignError::EngravingCharacter('\t')));
        d.engraving = "永遠".into();
        assert_eq!(d.validate(), Err(DesignError::EngravingCharacter('永')));
    }
}
