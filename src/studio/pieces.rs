//! One composed piece per variant: slot 0 is the main view (the design, or the board's first tile), slots 1–3 the
//! board's other tiles. Every root of a slot (ring, stage, necklace) carries `Piece(slot)` and puts its whole
//! hierarchy on the slot's render layer, so each tile's camera sees only its own piece — all of them at the origin,
//! where the shaders expect a piece (brushed direction, contact shadow).

use super::StudioSystems;
use super::state::CurrentDesign;
use crate::design::Design;
use bevy::app::{HierarchyPropagatePlugin, Propagate, PropagateSet};
use bevy::camera::visibility::{RenderLayers, VisibilitySystems};
use bevy::prelude::*;

/// Which variant a root shows (its index on the board).
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Piece(pub usize);

/// The render layer of a slot's piece (and of the camera of its tile).
pub fn layer(slot: usize) -> RenderLayers {
    RenderLayers::layer(slot)
}

/// What every root of a slot carries: its slot and its render layer, handed down to all its parts.
pub fn root_components(slot: usize) -> impl Bundle {
    (Piece(slot), Propagate(layer(slot)), Visibility::default())
}

/// The design a slot shows (`None` once that variant is gone).
pub fn slot_design(current: &CurrentDesign, slot: usize) -> Option<&Design> {
    current.history.variants().designs().get(slot)
}

/// Slots the design has that the given roots do not cover yet.
pub fn missing_slots(current: &CurrentDesign, present: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let present: Vec<usize> = present.into_iter().collect();
    (0..current.history.variants().len()).filter(|slot| !present.contains(slot)).collect()
}

/// The slot a part belongs to: the `Piece` of its nearest ancestor that has one.
pub fn slot_of(entity: Entity, parents: &Query<&ChildOf>, pieces: &Query<&Piece>) -> Option<usize> {
    std::iter::once(entity).chain(parents.iter_ancestors(entity)).find_map(|e| pieces.get(e).ok().map(|p| p.0))
}

/// Whether every variant's ring on screen shows its design (the main view's alone when there is one design).
pub fn rings_match_designs(world: &World) -> bool {
    let Some(current) = world.get_resource::<CurrentDesign>() else { return false };
    let Some(mut rings) =
        world.try_query_filtered::<(&Piece, &super::scene::ShownRing), With<super::scene::RingRoot>>()
    else {
        return false;
    };
    let designs = current.history.variants().designs();
    let matching: Vec<usize> = rings
        .iter(world)
        .filter(|(piece, shown)| designs.get(piece.0).is_some_and(|d| shown.matches(d)))
        .map(|(p, _)| p.0)
        .collect();
    (0..designs.len()).all(|slot| matching.contains(&slot))
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(HierarchyPropagatePlugin::<RenderLayers>::new(PostUpdate))
        .configure_sets(PostUpdate, PropagateSet::<RenderLayers>::default().before(VisibilitySystems::CheckVisibility))
        .add_systems(Update, remove_gone_variants.in_set(StudioSystems::SyncScene).before(PieceSpawn));
}

/// Systems that spawn the roots of new slots run after the removal of gone ones.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PieceSpawn;

/// A variant removed: the roots of slots past the last one go, with everything under them.
fn remove_gone_variants(mut commands: Commands, current: Res<CurrentDesign>, roots: Query<(Entity, &Piece)>) {
    let count = current.history.variants().len();
    for (entity, piece) in &roots {
        if piece.0 >= count {
            commands.entity(entity).despawn();
        }
    }
}
