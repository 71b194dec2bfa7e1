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

/// What the house allows a client to change on the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowed {
    /// Ring sizes the band may be resized to (EU, inner circumference in mm).
    pub ring_sizes_mm: (f32, f32),
    /// Species the centre stone may be (empty: any Écrin knows).
    #[serde(default)]
    pub centre_species: Vec<Species>,
}

impl Default for Allowed {
    fn default() -> Self {
        Allowed {
            ring_sizes_mm: (crate::design::ring_size::EU_MIN, crate::design::ring_size::EU_MAX),
            centre_species: Vec::new(),
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
}

impl Manifest {
    /// The manifest's text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(false).indentor("    ".to_string());
        ron::ser::to_string_pretty(self, config).unwrap_or_else(|error| format!("// not written: {error}"))
    }

    /// Parses a manifest; the error says where and what.
    pub fn from_ron(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = ron::from_str(text)
            .map_err(|e| format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code))?;
        if manifest.version != MANIFEST_VERSION {
            return Err(format!("version {} (this Écrin reads version {MANIFEST_VERSION})", manifest.version));
        }
        if manifest.setup.stones.iter().any(|s| s.part >= manifest.setup.parts.len()) {
            return Err("a stone names a part the model does not have".into());
        }
        if !(manifest.setup.scale_to_mm.is_finite() && manifest.setup.scale_to_mm > 0.0) {
            return Err(format!("scale_to_mm {} is not a positive number", manifest.setup.scale_to_mm));
        }
        Ok(manifest)
    }
}
