//! The Assembly: the one description of a piece in millimetres — which components (of the library, or a house's
//! model) it is made of, where each goes, and what each part of them is (metal of the band or of the head, a stone and its seat, a
//! display support). Estimates, approval documents, the board and the studio all read it; nothing else knows where
//! a head sits on a band or how a chain lies on the bust. `assemble.rs` makes it from a design.
//!
//! Ring frame: the finger runs along Z, the head on top (+Y). Necklace frame: the bust's (Y up, facing +Z).

use super::house::{HouseKey, component_model};
use super::library::Component;
use super::model::ComponentModel;
pub use super::shank::{band_shift_mm, band_top_mm, moved_with_band};
use crate::design::{Cut, Species};
use glam::{Affine3A, Vec3};
use std::sync::Arc;

/// Which alloy a metal part is made of: the band's, or the head's (two-tone). A chain is the band's metal, a
/// pendant's bail and head the head's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetalZone {
    Band,
    Head,
}

/// Where a stone is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Seat {
    /// The centre stone (a ring's, or a pendant's).
    Centre,
    /// Small stones of the head: halo, side stones.
    Head,
    /// Small stones set in the band: pavé, channel.
    Band,
}

/// Which surface of a display support a part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisplaySurface {
    /// The bust, the hand.
    Body,
    /// The hand's nails.
    Nail,
}

/// What a part of a piece is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PartRole {
    Metal(MetalZone),
    Stone {
        seat: Seat,
        cut: Cut,
        species: Species,
    },
    /// A display support (the bust, the hand): shown, never weighed.
    Display(DisplaySurface),
}

/// A drawn node of a placed component: which node of its file, what it is, where it goes in the component's frame
/// (for a resized band, already moved out with the band).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub node: String,
    /// Index of its mesh in the component's model.
    pub mesh: usize,
    pub role: PartRole,
    pub local: Affine3A,
}

/// Which model a placed component is: a file of Écrin's library, or a house's model at a size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModelRef {
    Library(Component),
    House(HouseKey),
}

impl ModelRef {
    /// What its file holds (made once per run and shared; a house's model as the registry holds it at that size,
    /// empty when the model is not loaded).
    pub fn model(self) -> Arc<ComponentModel> {
        match self {
            ModelRef::Library(component) => component.model(),
            ModelRef::House(key) => component_model(key),
        }
    }

    /// The library component it is, if it is one.
    pub fn library(self) -> Option<Component> {
        match self {
            ModelRef::Library(component) => Some(component),
            ModelRef::House(_) => None,
        }
    }
}

impl From<Component> for ModelRef {
    fn from(component: Component) -> Self {
        ModelRef::Library(component)
    }
}

/// A component placed in the piece.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedComponent {
    pub component: ModelRef,
    /// Where the component's frame goes in the piece, mm.
    pub transform: Affine3A,
    /// The band's region moved out radially for the ring size (mm; 0 at the reference size): its metal's vertices
    /// and the stones set in it move by this much, so the band keeps its width and thickness.
    pub band_shift_mm: Option<f32>,
    pub parts: Vec<Part>,
}

/// Whether a piece is a ring or a necklace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Ring,
    Necklace,
}

/// The one description of a piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Assembly {
    pub kind: PieceKind,
    pub components: Vec<PlacedComponent>,
}

impl Assembly {
    /// Every part with its transform in the piece frame.
    pub fn parts(&self) -> impl Iterator<Item = (&PlacedComponent, &Part, Affine3A)> {
        self.components.iter().flat_map(|c| c.parts.iter().map(move |p| (c, p, c.transform * p.local)))
    }

    /// The first placed library component of a kind.
    pub fn find(&self, wanted: impl Fn(Component) -> bool) -> Option<&PlacedComponent> {
        self.components.iter().find(|c| c.component.library().is_some_and(&wanted))
    }

    /// The piece's bounds in mm (every part's mesh where it is placed), if it has parts.
    pub fn bounds(&self) -> Option<(Vec3, Vec3)> {
        static MESH_BOUNDS: crate::memo::Memo<(ModelRef, usize), Option<(Vec3, Vec3)>> = crate::memo::Memo::new();
        self.parts()
            .filter_map(|(placed, part, at)| {
                let (lo, hi) = MESH_BOUNDS.get_or_compute((placed.component, part.mesh), || {
                    placed.component.model().meshes.get(part.mesh).map(|m| m.data.bounds())
                })?;
                let corners = (0..8).map(|c| {
                    at.transform_point3(Vec3::new(
                        if c & 1 == 0 { lo.x } else { hi.x },
                        if c & 2 == 0 { lo.y } else { hi.y },
                        if c & 4 == 0 { lo.z } else { hi.z },
                    ))
                });
                corners
                    .fold(None, |acc: Option<(Vec3, Vec3)>, p| Some(acc.map_or((p, p), |(a, b)| (a.min(p), b.max(p)))))
            })
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// Where the centre stone sits (a unit stone's placement, piece frame), if the piece has one.
    pub fn centre_seat(&self) -> Option<Affine3A> {
        self.parts().find(|(_, part, _)| matches!(part.role, PartRole::Stone { seat: Seat::Centre, .. })).map(|p| p.2)
    }
}
