//! Necklaces in the studio: the piece's Assembly — links along the curve its length gives on the bust, the clasp,
//! the pendant (bail, drop bar, head, stone) and the display bust (true human scale, can be hidden) — drawn from
//! the glTF library's components, rebuilt when the necklace, the stone's cut or size changes, shown instead of the
//! ring. Every link is one entity sharing the link's mesh and the metal (drawn together by Bevy's batching).
//! During loading everything is drawn once so that its GPU pipelines are ready before the studio shows.

pub mod panel;

use super::display::DisplayMaterials;
use super::gem::GemMaterials;
use super::materials::RingMaterials;
use super::pieces::{Piece, PieceDesign, PieceShape, PieceSpawn};
use super::{StudioState, StudioSystems};
use crate::design::Design;
use crate::design::necklace::Necklace;
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::studio::floor::models::ModelLibrary;
use bevy::gltf::{Gltf, GltfMesh};
use bevy::prelude::*;

/// Whether the bust shows (a view setting, not part of the design).
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct BustShown(pub bool);

impl Default for BustShown {
    fn default() -> Self {
        BustShown(true)
    }
}

/// The root of a necklace and its bust (one per variant, a child of its piece).
#[derive(Component)]
pub struct NecklaceRoot;

/// On a necklace root whose parts must be (re)built from its piece's Assembly: its shape changed, or the library
/// was not loaded yet when it did.
#[derive(Component)]
struct Unbuilt;

/// A display part (the bust), hidden when the advisor hides the bust.
#[derive(Component)]
struct BustPart;

/// The parts built for one necklace (rebuilt when it changes).
#[derive(Component)]
struct NecklacePart;

/// Show or hide the display bust under a necklace (a view setting).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShowBust(pub bool);

crate::carried!(ShowBust);

fn show_bust(mut commands: MessageReader<ShowBust>, mut shown: ResMut<BustShown>) {
    for ShowBust(show) in commands.read() {
        shown.0 = *show;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BustShown>()
        .add_message::<ShowBust>()
        .add_systems(Update, show_bust.in_set(StudioSystems::ApplyCommands))
        .add_systems(
            Update,
            (
                spawn_roots.in_set(PieceSpawn),
                (mark_changed_shapes, build_necklace, show_or_hide)
                    .chain()
                    .after(PieceSpawn)
                    .in_set(StudioSystems::SyncScene),
            ),
        );
}

/// A necklace root under every new piece.
fn spawn_roots(mut commands: Commands, pieces: Query<(Entity, &Piece), Added<Piece>>) {
    for (piece, slot) in &pieces {
        commands.spawn((
            NecklaceRoot,
            Unbuilt,
            Name::new(format!("necklace {}", slot.0 + 1)),
            Transform::default(),
            Visibility::default(),
            ChildOf(piece),
        ));
    }
}

/// A piece's shape changed (or the studio finished loading, when a sample necklace was shown): its necklace is
/// rebuilt.
fn mark_changed_shapes(
    mut commands: Commands,
    state: Option<Res<State<StudioState>>>,
    pieces: Query<Ref<PieceShape>>,
    roots: Query<(Entity, &ChildOf), With<NecklaceRoot>>,
) {
    let state_changed = state.is_some_and(|s| s.is_changed());
    for (root, parent) in &roots {
        if state_changed || pieces.get(parent.parent()).is_ok_and(|shape| shape.is_changed()) {
            commands.entity(root).insert(Unbuilt);
        }
    }
}

/// The necklace a design shows (during loading: a sample one, so its pipelines compile).
fn shown_necklace(design: &Design, loading: bool) -> Option<Necklace> {
    design.necklace.or(loading.then(Necklace::default))
}

/// Rebuilds the parts of each necklace marked `Unbuilt` from its piece's Assembly, once the library's files and the
/// piece's materials are there.
#[allow(clippy::too_many_arguments)]
fn build_necklace(
    mut commands: Commands,
    state: Option<Res<State<StudioState>>>,
    roots: Query<(Entity, &ChildOf), (With<NecklaceRoot>, With<Unbuilt>)>,
    pieces: Query<(&PieceDesign, &RingMaterials, Option<&GemMaterials>)>,
    parts: Query<(Entity, &ChildOf), With<NecklacePart>>,
    display: Option<Res<DisplayMaterials>>,
    library: Res<ModelLibrary>,
    (documents, gltf_meshes): (Res<Assets<Gltf>>, Res<Assets<GltfMesh>>),
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    for (root, parent) in &roots {
        let Ok((PieceDesign(design), ring, gems)) = pieces.get(parent.parent()) else { continue };
        let Some(necklace) = shown_necklace(design, loading) else {
            // A ring: nothing to show under this root.
            for (part, _) in parts.iter().filter(|(_, parent)| parent.parent() == root) {
                commands.entity(part).despawn();
            }
            commands.entity(root).remove::<Unbuilt>();
            continue;
        };
        let assembly = assemble(&Design { necklace: Some(necklace), ..design.clone() });
        // Every part's mesh, or wait for the library (it is loaded before the studio shows).
        let mut spawned = Vec::new();
        for (placed, part, at) in assembly.parts() {
            let Some(mesh) =
                placed.component.library().and_then(|c| library.mesh(c, part.mesh, &documents, &gltf_meshes))
            else {
                return;
            };
            let transform = Transform::from_matrix(Mat4::from(at));
            spawned.push((part.role, mesh, transform));
        }
        for (part, _) in parts.iter().filter(|(_, parent)| parent.parent() == root) {
            commands.entity(part).despawn();
        }
        for (role, mesh, transform) in spawned {
            let mut part = commands.spawn((NecklacePart, Mesh3d(mesh), transform, ChildOf(root)));
            match role {
                PartRole::Metal(MetalZone::Band) => part.insert(MeshMaterial3d(ring.metal.clone())),
                PartRole::Metal(MetalZone::Head) => part.insert(MeshMaterial3d(ring.head_metal.clone())),
                PartRole::Display(_) => match &display {
                    Some(display) => part.insert((BustPart, MeshMaterial3d(display.linen.clone()))),
                    None => {
                        part.despawn();
                        continue;
                    }
                },
                PartRole::Stone { seat, cut, .. } => {
                    let material = gems.and_then(|gems| match seat {
                        Seat::Centre => gems.centre.get(&cut).cloned(),
                        Seat::Head | Seat::Band => Some(gems.melee.clone()),
                    });
                    match material {
                        Some(material) => part.insert(MeshMaterial3d(material)),
                        // No stone materials (a view without them): the stone is left out.
                        None => {
                            part.despawn();
                            continue;
                        }
                    }
                }
            };
        }
        commands.entity(root).remove::<Unbuilt>();
    }
}

/// The necklace shows for necklace designs (and while loading); the bust as the advisor chooses.
fn show_or_hide(
    state: Option<Res<State<StudioState>>>,
    bust_shown: Res<BustShown>,
    pieces: Query<&PieceDesign>,
    mut roots: Query<(&ChildOf, &mut Visibility), (With<NecklaceRoot>, Without<BustPart>)>,
    mut busts: Query<&mut Visibility, (With<BustPart>, Without<NecklaceRoot>)>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    let wanted = |visible: bool| if visible { Visibility::Inherited } else { Visibility::Hidden };
    for (parent, mut visibility) in &mut roots {
        let necklace = pieces.get(parent.parent()).is_ok_and(|d| shown_necklace(&d.0, loading).is_some());
        visibility.set_if_neq(wanted(necklace));
    }
    for mut visibility in &mut busts {
        visibility.set_if_neq(wanted(bust_shown.0 || loading));
    }
}
