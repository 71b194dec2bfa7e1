//! What a script says of a model instead of letting Écrin read it (`ecrin inspect` and `ecrin collection add`
//! take the same options, so that what `inspect` shows is what `add` stores): what it is, its units or its
//! ring's inner diameter, and parts' uses by name.

use crate::geometry::house::analyse::{Corrections, GivenScale, Unit};
use crate::geometry::house::{ModelKind, PartUse, Zone};

/// The options.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ModelArgs {
    /// What the model is: ring, band, head or stone.
    #[arg(long = "as", value_name = "ring|band|head|stone", value_parser = kind_of)]
    pub kind: Option<ModelKind>,
    /// The units it is drawn in.
    #[arg(long, value_name = "mm|cm|m|in", value_parser = unit_of, conflicts_with = "inner_diameter")]
    pub units: Option<Unit>,
    /// Its ring's inner diameter in mm (a model drawn at any scale).
    #[arg(long, value_name = "MM", value_parser = diameter_of)]
    pub inner_diameter: Option<f32>,
    /// A part's use, by its node, mesh or material name: NAME=band|head|stone|ignore (may be repeated).
    #[arg(long = "part", value_name = "NAME=USE", value_parser = part_of)]
    pub parts: Vec<(String, PartUse)>,
}

impl ModelArgs {
    /// The corrections the analysis applies.
    pub fn corrections(&self) -> Corrections {
        let scale = match (self.units, self.inner_diameter) {
            (Some(unit), _) => Some(GivenScale::Units(unit)),
            (None, Some(diameter)) => Some(GivenScale::InnerDiameterMm(diameter)),
            (None, None) => None,
        };
        Corrections { kind: self.kind, scale, named: self.parts.clone(), ..Default::default() }
    }
}

fn kind_of(text: &str) -> Result<ModelKind, String> {
    match text.to_ascii_lowercase().as_str() {
        "ring" => Ok(ModelKind::Ring),
        "band" => Ok(ModelKind::Band),
        "head" => Ok(ModelKind::Head),
        "stone" => Ok(ModelKind::Stone),
        _ => Err(crate::tr!(super::language(), "cli-unknown-kind", text = text)),
    }
}

fn unit_of(text: &str) -> Result<Unit, String> {
    Unit::from_symbol(&text.to_ascii_lowercase())
        .ok_or_else(|| crate::tr!(super::language(), "cli-unknown-unit", text = text))
}

fn diameter_of(text: &str) -> Result<f32, String> {
    match text.trim().replace(',', ".").parse::<f32>() {
        Ok(mm) if mm.is_finite() && mm > 0.0 => Ok(mm),
        _ => Err(crate::tr!(super::language(), "cli-bad-diameter", text = text)),
    }
}

fn part_of(text: &str) -> Result<(String, PartUse), String> {
    let bad = || crate::tr!(super::language(), "cli-bad-part", text = text);
    let (name, role) = text.rsplit_once('=').ok_or_else(bad)?;
    let role = match role.trim().to_ascii_lowercase().as_str() {
        "band" => PartUse::Metal(Zone::Band),
        "head" => PartUse::Metal(Zone::Head),
        "stone" => PartUse::Stone,
        "ignore" => PartUse::LeftOut,
        _ => return Err(bad()),
    };
    if name.trim().is_empty() {
        return Err(bad());
    }
    Ok((name.trim().to_string(), role))
}
