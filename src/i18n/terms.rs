//! The design's vocabulary named in each language: every value of the design's enums has a message
//! `<kind>-<Value>` ("alloy-Yellow18k", "setting-Bezel") in every locale file, so a jeweller's word can be chosen
//! per language ("Or gris rhodié 18 carats", "Serti clos") rather than translated word for word.

use crate::design::engraving::EngravingStyle;
use crate::design::necklace::{ChainStyle, Fall, PendantStyle};
use crate::design::ring_size::SizeSystem;
use crate::design::{Alloy, Cut, Finish, Setting, ShankStyle, Species};
use crate::geometry::hand::HandFinish;
use crate::geometry::house::{ModelKind, StoneSeat};
use crate::optics::environment::LightingEnvironment;
use crate::tryon::Finger;

/// A value of the design's vocabulary with a name in every language.
pub trait Term: Copy + std::fmt::Debug + 'static {
    /// The first part of its messages' keys.
    const KIND: &'static str;
    /// Every value (the tests check each has its message).
    fn all() -> &'static [Self];
}

/// The message key of a term: "alloy-Yellow18k" (the value's name in the code, as presets store it).
pub fn key<T: Term>(term: T) -> String {
    format!("{}-{term:?}", T::KIND)
}

/// Every term's key, kind by kind (the tests compare them with the locale files).
pub fn all_keys() -> Vec<String> {
    fn keys<T: Term>() -> impl Iterator<Item = String> {
        T::all().iter().map(|&t| key(t))
    }
    keys::<Alloy>()
        .chain(keys::<Finish>())
        .chain(keys::<Species>())
        .chain(keys::<Cut>())
        .chain(keys::<Setting>())
        .chain(keys::<ShankStyle>())
        .chain(keys::<ChainStyle>())
        .chain(keys::<PendantStyle>())
        .chain(keys::<SizeSystem>())
        .chain(keys::<Fall>())
        .chain(keys::<LightingEnvironment>())
        .chain(keys::<ModelKind>())
        .chain(keys::<EngravingStyle>())
        .chain(keys::<StoneSeat>())
        .chain(keys::<HandFinish>())
        .chain(keys::<Finger>())
        .collect()
}

macro_rules! terms {
    ($($kind:literal: $type:ty,)+) => {
        $(impl Term for $type {
            const KIND: &'static str = $kind;
            fn all() -> &'static [Self] {
                &<$type>::ALL
            }
        })+
    };
}

terms! {
    "finger": Finger,
    "alloy": Alloy,
    "finish": Finish,
    "species": Species,
    "cut": Cut,
    "setting": Setting,
    "band": ShankStyle,
    "chain": ChainStyle,
    "pendant": PendantStyle,
    "size-system": SizeSystem,
    "falls": Fall,
    "light": LightingEnvironment,
    "hand": HandFinish,
    "model-kind": ModelKind,
    "seat": StoneSeat,
    "lettering": EngravingStyle,
}
