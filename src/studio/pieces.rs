//! One piece entity per design of the board: slot 0 is the main view (the design, or the board's first tile), slots
//! 1–3 the board's other tiles — the other variants, then Écrin's candidates (`floor::candidates`). A piece carries
//! its design and what features react to — its shape (what the Assembly depends on), its metals, its stone's
//! species — as components set only when they differ, so each feature's systems run on `Changed<…>` of the aspect
//! they draw. Every part of the piece (ring, floor, necklace) descends from it and is put on the slot's render layer,
//! so each tile's camera sees only its own piece — all of them at the origin, where the shaders expect a piece
//! (brushed direction, contact shadow).

use super::StudioSystems;
use crate::design::necklace::Necklace;
use crate::design::{Cut, Design, Metal, Setting, ShankStyle, Species};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::candidates::{BoardCandidates, board_count, board_designs};
use bevy::app::{HierarchyPropagatePlugin, Propagate, PropagateSet};
use bevy::camera::visibility::{RenderLayers, VisibilitySystems};
use bevy::prelude::*;

/// A variant's piece: its index on the board.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Piece(pub usize);

/// The design a piece shows.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct PieceDesign(pub Design);

/// What the piece's Assembly depends on: changes when a part must move, be swapped or be rebuilt.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct PieceShape {
    pub shank: ShankStyle,
    pub setting: Setting,
    pub cut: Cut,
    pub stone_mm: f32,
    pub ring_size_mm: f32,
    pub necklace: Option<Necklace>,
    /// A house's model (the key of its file's hash).
    pub house: Option<u64>,
}

impl PieceShape {
    pub fn of(design: &Design) -> Self {
        PieceShape {
            shank: design.shank,
            setting: design.setting,
            cut: design.stone.cut,
            stone_mm: design.stone.size_mm,
            ring_size_mm: design.ring_size_mm,
            necklace: design.necklace,
            house: design.source.collection().map(|m| crate::geometry::house::model_key(&m.hash)),
        }
    }
}

/// Whether the piece is a ring or a necklace (views frame the two differently).
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Ring,
    Necklace,
    /// A model of the house's collection, loaded yet or not (it is framed once it is).
    House {
        loaded: bool,
    },
}

impl PieceKind {
    pub fn of(design: &Design) -> Self {
        match (&design.source, &design.necklace) {
            (crate::design::PieceSource::Collection(model), _) => {
                // Loaded once the model has been made at some size (a change of size keeps it loaded).
                let key = crate::geometry::house::model_key(&model.hash);
                PieceKind::House { loaded: crate::geometry::house::registry::any_ready(key) }
            }
            (_, Some(_)) => PieceKind::Necklace,
            (_, None) => PieceKind::Ring,
        }
    }
}

/// The piece's metals: the band's, and the head's (two-tone).
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct PieceMetal {
    pub band: Metal,
    pub head: Metal,
}

/// The species of the piece's stones: its centre stone's and its side stones'.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct PieceStone {
    pub centre: Species,
    /// The side stones' (halo, shoulders, pavé, melee).
    pub side: Species,
}

impl PieceStone {
    pub fn of(design: &Design) -> Self {
        PieceStone { centre: design.stone.species, side: design.side_stones() }
    }
}

/// The render layer of a slot's piece (and of the camera of its tile).
pub fn layer(slot: usize) -> RenderLayers {
    RenderLayers::layer(slot)
}

/// The piece a part belongs to: its nearest ancestor (or itself) that is a piece.
pub fn piece_of(entity: Entity, parents: &Query<&ChildOf>, pieces: &Query<(), With<Piece>>) -> Option<Entity> {
    std::iter::once(entity).chain(parents.iter_ancestors(entity)).find(|e| pieces.contains(*e))
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(HierarchyPropagatePlugin::<RenderLayers>::new(PostUpdate))
        .configure_sets(PostUpdate, PropagateSet::<RenderLayers>::default().before(VisibilitySystems::CheckVisibility))
        .configure_sets(Update, PieceSpawn.in_set(StudioSystems::SyncScene))
        .add_systems(
            Update,
            (remove_gone_variants, spawn_pieces, follow_designs)
                .chain()
                .in_set(StudioSystems::SyncScene)
                .before(PieceSpawn),
        );
}

/// Systems that give new pieces their parts and materials (after the pieces are made and follow their designs).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PieceSpawn;

/// A variant removed (or a candidate gone): the pieces past the board's last go, with everything under them.
fn remove_gone_variants(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    pieces: Query<(Entity, &Piece)>,
) {
    let count = board_count(&current, candidates.as_deref());
    for (entity, piece) in &pieces {
        if piece.0 >= count {
            commands.entity(entity).despawn();
        }
    }
}

/// A piece for every design of the board that has none yet (the main view's at start).
fn spawn_pieces(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    pieces: Query<&Piece>,
) {
    let present: Vec<usize> = pieces.iter().map(|p| p.0).collect();
    for (slot, design) in board_designs(&current, candidates.as_deref()).into_iter().enumerate() {
        if present.contains(&slot) {
            continue;
        }
        commands.spawn((
            Piece(slot),
            Name::new(format!("piece {}", slot + 1)),
            PieceDesign(design.clone()),
            PieceShape::of(design),
            PieceKind::of(design),
            PieceMetal { band: design.metal, head: design.head_metal() },
            PieceStone::of(design),
            Propagate(layer(slot)),
            Transform::default(),
            Visibility::default(),
        ));
    }
}

/// Each piece follows its variant's design; an aspect's component changes only when that aspect does.
fn follow_designs(
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    mut pieces: Query<(&Piece, &mut PieceDesign, &mut PieceShape, &mut PieceKind, &mut PieceMetal, &mut PieceStone)>,
) {
    if !current.is_changed() && !candidates.as_ref().is_some_and(|c| c.is_changed()) {
        return;
    }
    let designs = board_designs(&current, candidates.as_deref());
    for (piece, mut design, mut shape, mut kind, mut metal, mut stone) in &mut pieces {
        let Some(&wanted) = designs.get(piece.0) else { continue };
        if design.0 == *wanted {
            continue;
        }
        design.0 = wanted.clone();
        shape.set_if_neq(PieceShape::of(wanted));
        kind.set_if_neq(PieceKind::of(wanted));
        metal.set_if_neq(PieceMetal { band: wanted.metal, head: wanted.head_metal() });
        stone.set_if_neq(PieceStone::of(wanted));
    }
}
