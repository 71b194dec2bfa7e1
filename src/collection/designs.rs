//! Designs of the collection's models: the design a manifest describes as the house made it (its stone, its metals
//! as the parts are named, a ring size the house makes), and what a design of a model needs before it is shown —
//! the model loaded, made at the design's sizes, weighed (`Collection::prepare_with`).

use super::{Collection, CollectionError, Manifest, current};
use crate::design::source::CollectionRef;
use crate::design::{Design, PieceSource, Species};
use crate::geometry::house::{PartUse, StoneSeat, Zone};
use crate::progress::Progress;

/// The design a manifest describes as the house made it.
pub fn design_of(manifest: &Manifest) -> Design {
    let mut design = Design {
        name: manifest.name.chars().take(crate::design::limits::NAME_MAX_CHARS).collect(),
        ..Design::default()
    };
    if let Some(centre) = manifest.setup.stones.iter().find(|s| s.seat == StoneSeat::Centre) {
        design.stone.cut = centre.cut;
        let (min, max) = crate::design::limits::STONE_MM;
        design.stone.size_mm = centre.size_mm.clamp(min, max);
    }
    if let Some(&species) = manifest.allowed.centre_species.first() {
        design.stone.species = species;
    } else {
        design.stone.species = Species::Diamond;
    }
    // The metals as the house named them ("ROSE GOLD.003" band, "White Gold" prongs): a two-tone piece opens
    // two-tone.
    let alloy_of = |zone| {
        manifest
            .setup
            .parts
            .iter()
            .filter(|p| p.role == PartUse::Metal(zone))
            .find_map(|p| crate::geometry::house::classify::alloy_named(&[&p.material, &p.mesh, &p.node]))
    };
    if let Some(alloy) = alloy_of(Zone::Band) {
        design.metal.alloy = alloy;
    }
    design.head_alloy = alloy_of(Zone::Head).filter(|&a| a != design.metal.alloy);
    if let Some(diameter) = manifest.setup.inner_diameter_mm {
        let (min, max) = manifest.allowed.ring_sizes_mm;
        design.ring_size_mm = (diameter * std::f32::consts::PI).round().clamp(min, max);
    }
    design.source = PieceSource::Collection(CollectionRef {
        id: manifest.id.clone(),
        name: manifest.name.clone(),
        hash: manifest.hash.clone(),
    });
    design
}

/// Loads the model a design names from this run's collection, if it names one (see `Collection::prepare_with`).
pub fn prepare(design: &Design) -> Result<(), CollectionError> {
    current().prepare_with(design, &Progress::default())
}

impl Collection {
    /// Everything a design of a house's model needs before it is shown, done once: the model loaded, made at the
    /// design's ring size, its weights and its band's width estimated (the panel and the sizer read them on the
    /// frame: they must be ready before). Nothing for Écrin's own designs.
    pub fn prepare_with(&self, design: &Design, progress: &Progress) -> Result<(), CollectionError> {
        let Some(model) = design.source.collection() else { return Ok(()) };
        self.load_with(model, progress)?;
        if let Some(key) = crate::geometry::house::key_for(design) {
            crate::geometry::house::component_model(key);
        }
        progress.reached(0.95).map_err(|_| CollectionError::Cancelled(model.name.clone()))?;
        crate::estimate::weights(design);
        crate::estimate::band_width_mm(design);
        Ok(())
    }
}
