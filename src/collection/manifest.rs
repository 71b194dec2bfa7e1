//! A collection model's manifest: a versioned RON file beside the stored copy of the model, saying what the model
//! is in Écrin's terms (the analysis, as the designer corrected it) and what the house allows for it.
//!
//! ```ron
//! (version: 1, id: "solitaire-lune", name: "Solitaire Lune", original_file: "lune.glb", hash: "9f2c…",
//!  setup: (kind: Ring, units: "m", scale_to_mm: 1000.0, …), allowed: (ring_sizes_mm: (44.0, 66.0), …))
//! ```

use crate::design::Species;
use crate::geometry::house::HouseSetup;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and reads.
pub const MANIFEST_VERSION: u32 = 1;
/// Largest manifest read — and written: an add whose manifest would be larger is refused before anything is copied.
/// A model's stones are one line each (about 80 bytes) and its parts a few lines: 16 MB holds the 4 million
/// triangles a model may have (`geometry::house::read::MAX_TRIANGLES`) cut into stones of 20 triangles or more.
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// What the house allows a client to change on the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowed {
    /// Ring sizes the band may be resized to (EU, inner circumference in mm).
    pub ring_sizes_mm: (f32, f32),
    /// Species the centre stone may be (empty: any Écrin knows).
    #[serde(default)]
    pub centre_species: Vec<Species>,
    /// Lengths the centre stone may be set at, mm, for a model whose head can follow it (absent: only as
    /// modelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre_mm: Option<(f32, f32)>,
}

impl Default for Allowed {
    fn default() -> Self {
        Allowed {
            ring_sizes_mm: (crate::design::ring_size::EU_MIN, crate::design::ring_size::EU_MAX),
            centre_species: Vec::new(),
            centre_mm: None,
        }
    }
}

/// A model of the collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    /// Unique in the collection: a slug of the name.
    pub id: String,
    pub name: String,
    /// The file's name when it was added.
    pub original_file: String,
    /// BLAKE3 of the stored file's bytes (hex); the copy is `models/<hash>.<ext>`.
    pub hash: String,
    /// "glb" or "gltf".
    pub extension: String,
    pub setup: HouseSetup,
    #[serde(default)]
    pub allowed: Allowed,
    /// A ring Écrin made of a band and a head of the collection: their ids, and the height its head was set at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_from: Option<MadeFrom>,
}

/// Where a combined ring comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MadeFrom {
    pub band: String,
    pub head: String,
    /// Where the head's base was set over the finger's centre, mm.
    pub head_at_mm: f32,
}

impl Manifest {
    /// The manifest's text: a field a line down to the setup's lists, then each part and each stone on one line.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(false).indentor("    ".to_string()).depth_limit(3);
        ron::ser::to_string_pretty(self, config).unwrap_or_else(|error| format!("// not written: {error}"))
    }

    /// Parses a manifest and checks every field (`check.rs`); the error says where and what.
    pub fn from_ron(text: &str) -> Result<Manifest, ManifestProblem> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let manifest: Manifest = ron::from_str(text).map_err(|e| ManifestProblem::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            reason: crate::design::preset::syntax_reason(&e.code),
        })?;
        if manifest.version != MANIFEST_VERSION {
            return Err(ManifestProblem::Version { found: manifest.version });
        }
        super::check::check(&manifest, text)?;
        Ok(manifest)
    }
}

/// What is wrong with a manifest or the model it describes (data: `i18n::errors` says it to people).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ManifestProblem {
    #[error("line {line}, column {column}: {reason}")]
    Syntax { line: usize, column: usize, reason: String },
    #[error("version {found} (this Écrin reads version {MANIFEST_VERSION})")]
    Version { found: u32 },
    #[error("line {line}, column {column}: {field}: {problem}")]
    Field { field: String, line: usize, column: usize, problem: super::check::FieldProblem },
    #[error("{listed} parts listed, the model has {found}")]
    PartCount { listed: usize, found: usize },
    #[error("not a valid glTF file: {reason}")]
    NotGltf { reason: String },
}

/// A rule of the house's that a design of its model breaks (data: its words are made by `i18n::errors`).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum HouseRule {
    #[error("EU size {size:.0} is outside the sizes the house makes “{model}” in (EU {min:.0}–{max:.0})")]
    RingSize { model: String, size: f32, min: f32, max: f32 },
    #[error("the house does not set a {species:?} centre stone in “{model}” (it allows: {allowed:?})")]
    CentreSpecies { model: String, species: Species, allowed: Vec<Species> },
    /// `allowed`: the lengths the house allows, or `None` when the stone is only as modelled (`modelled` mm).
    #[error(
        "the house does not set a {size:.2} mm centre stone in “{model}” (allowed: {allowed:?}, modelled {modelled:.2} mm)"
    )]
    CentreSize { model: String, size: f32, allowed: Option<(f32, f32)>, modelled: f32 },
}

impl Allowed {
    /// Whether the centre stone may be of a species.
    pub fn allows_species(&self, species: Species) -> bool {
        self.centre_species.is_empty() || self.centre_species.contains(&species)
    }

    /// Whether the centre stone may be `size_mm` long on a model whose stone is `modelled_mm` long.
    pub fn allows_stone(&self, size_mm: f32, modelled_mm: f32) -> bool {
        (size_mm - modelled_mm).abs() < 0.005 || self.centre_mm.is_some_and(|(min, max)| (min..=max).contains(&size_mm))
    }

    /// Whether the band may be made at a ring size (inner circumference, mm).
    pub fn allows_size(&self, size_mm: f32) -> bool {
        self.beyond_sizes(size_mm) <= 0.05
    }

    /// Whether a change of ring size is allowed: into the sizes the house makes, or towards them from outside (a
    /// design made before the rule).
    pub fn allows_size_change(&self, from_mm: f32, to_mm: f32) -> bool {
        self.allows_size(to_mm) || self.beyond_sizes(to_mm) < self.beyond_sizes(from_mm)
    }

    /// How far a ring size is from the sizes the house makes (mm; 0 inside).
    fn beyond_sizes(&self, size_mm: f32) -> f32 {
        let (min, max) = self.ring_sizes_mm;
        (min - size_mm).max(size_mm - max).max(0.0)
    }
}

impl Manifest {
    /// The house's rules for this model that a design breaks (none for a design of another model). The ring size
    /// counts only for models the size changes.
    pub fn rules_broken(&self, design: &crate::design::Design) -> Vec<HouseRule> {
        let mut broken = Vec::new();
        if design.source.collection().is_none_or(|m| m.hash != self.hash) {
            return broken;
        }
        let resizable = matches!(
            self.setup.kind,
            crate::geometry::house::ModelKind::Ring | crate::geometry::house::ModelKind::Band
        ) && self.setup.inner_diameter_mm.is_some();
        if resizable && !self.allowed.allows_size(design.ring_size_mm) {
            let (min, max) = self.allowed.ring_sizes_mm;
            broken.push(HouseRule::RingSize { model: self.name.clone(), size: design.ring_size_mm, min, max });
        }
        if let Some(modelled) = self.setup.centre_mm()
            && !self.allowed.allows_stone(design.stone.size_mm, modelled)
        {
            let allowed = self.allowed.centre_mm.filter(|_| self.setup.restoneable());
            let size = design.stone.size_mm;
            broken.push(HouseRule::CentreSize { model: self.name.clone(), size, allowed, modelled });
        }
        if !self.allowed.allows_species(design.stone.species) {
            broken.push(HouseRule::CentreSpecies {
                model: self.name.clone(),
                species: design.stone.species,
                allowed: self.allowed.centre_species.clone(),
            });
        }
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_design_outside_the_house_rules_is_told_and_may_only_come_back_inside() {
        let allowed = Allowed {
            ring_sizes_mm: (48.0, 60.0),
            centre_species: vec![Species::Diamond, Species::Ruby],
            centre_mm: Some((5.0, 7.5)),
        };
        assert!(allowed.allows_size(48.0) && allowed.allows_size(60.0) && !allowed.allows_size(61.0));
        // From EU 64 (made before the rule): down towards the range, not further up.
        assert!(allowed.allows_size_change(64.0, 63.0) && !allowed.allows_size_change(64.0, 65.0));
        assert!(allowed.allows_species(Species::Ruby) && !allowed.allows_species(Species::Emerald));
        assert!(Allowed::default().allows_species(Species::Emerald), "no species listed: any");
        assert!(allowed.allows_stone(7.5, 6.0) && !allowed.allows_stone(8.0, 6.0));
        assert!(Allowed::default().allows_stone(6.0, 6.0) && !Allowed::default().allows_stone(6.5, 6.0));
    }
}
