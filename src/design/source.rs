//! Where a piece's shape comes from: Écrin's own styles (band, setting and cut chosen in the panel), or a model of
//! the house's collection, named by its id in the collection and the content hash of its file, so that a preset
//! knows when the file it was designed on has changed.

use serde::{Deserialize, Serialize};

/// The source of a design's shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PieceSource {
    /// Écrin's generated catalogue: the design's shank, setting and cut.
    #[default]
    Ecrin,
    /// A model of the house's collection.
    Collection(CollectionRef),
}

/// A model of the house's collection as a preset names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionRef {
    /// The model's id in the collection (a slug of its name, unique in the folder).
    pub id: String,
    /// The model's name as the house calls it ("Solitaire Lune").
    pub name: String,
    /// BLAKE3 hash of the model's file (hex): the design was made on exactly this file.
    pub hash: String,
}

impl PieceSource {
    pub fn is_ecrin(&self) -> bool {
        matches!(self, PieceSource::Ecrin)
    }

    /// The collection model, if the piece is one.
    pub fn collection(&self) -> Option<&CollectionRef> {
        match self {
            PieceSource::Ecrin => None,
            PieceSource::Collection(model) => Some(model),
        }
    }
}
