//! Necklaces in the studio: the piece's Assembly — links along the curve its length gives on the bust, the clasp,
//! the pendant (bail, drop bar, head, stone) and the display bust (true human scale, can be hidden) — drawn from
//! the glTF library's components, rebuilt when the necklace, the stone's cut or size changes, shown instead of the
//! ring. Every link is one entity sharing the link's mesh and the metal (drawn together by Bevy's batching).
//! During loading everything is drawn once so that its GPU pipelines are ready before the studio shows.

use super::gem::SlotGems;
use super::materials::SlotMetals;
use super::models::ModelLibrary;
use super::pieces::{Piece, PieceSpawn, missing_slots, root_components, slot_design};
use super::state::CurrentDesign;
use super::{StudioState, StudioSystems};
use crate::design::necklace::Necklace;
use crate::design::{Cut, Design};
use crate::geometry::assembly::{MetalZone, PartRole, Seat, assemble};
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

/// The root of a necklace and its bust (one per variant, with `Piece(slot)`), and what was built under it.
#[derive(Component, Default)]
pub struct NecklaceRoot {
    built: Option<(Necklace, Cut, u32)>,
}

/// The bust's linen, shared by every variant's bust.
#[derive(Resource)]
struct BustLinen(Handle<StandardMaterial>);

/// A display part (the bust), hidden when the advisor hides the bust.
#[derive(Component)]
struct BustPart;

/// The parts built for one necklace (rebuilt when it changes).
#[derive(Component)]
struct NecklacePart;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BustShown>().add_systems(Startup, make_linen).add_systems(
        Update,
        (spawn_roots.in_set(PieceSpawn), (build_necklace, show_or_hide).chain().after(PieceSpawn))
            .in_set(StudioSystems::SyncScene),
    );
}

fn make_linen(mut commands: Commands, mut materials: ResMut<Assets<StandardMaterial>>) {
    // A neutral display bust: warm pale linen, matte, like a boutique's neck form.
    let linen = materials.add(StandardMaterial {
        base_color: Color::srgb(0.50, 0.47, 0.43),
        perceptual_roughness: 0.85,
        reflectance: 0.3,
        ..default()
    });
    commands.insert_resource(BustLinen(linen));
}

/// A necklace root for every variant that has none yet (the main view's at start).
fn spawn_roots(mut commands: Commands, current: Res<CurrentDesign>, roots: Query<&Piece, With<NecklaceRoot>>) {
    for slot in missing_slots(&current, roots.iter().map(|p| p.0)) {
        commands.spawn((
            NecklaceRoot::default(),
            Name::new(format!("necklace {}", slot + 1)),
            root_components(slot),
            Transform::default(),
        ));
    }
}

/// The necklace a design shows (during loading: a sample one, so its pipelines compile).
fn shown_necklace(design: &Design, loading: bool) -> Option<Necklace> {
    design.necklace.or(loading.then(Necklace::default))
}

/// Rebuilds the parts of each variant whose necklace, stone cut or size changed, from its Assembly (once the
/// library's files are loaded).
#[allow(clippy::too_many_arguments)]
fn build_necklace(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    state: Option<Res<State<StudioState>>>,
    mut roots: Query<(Entity, &Piece, &mut NecklaceRoot)>,
    parts: Query<(Entity, &ChildOf), With<NecklacePart>>,
    (metals, gems, linen): (Res<SlotMetals>, Option<Res<SlotGems>>, Res<BustLinen>),
    library: Res<ModelLibrary>,
    (documents, gltf_meshes): (Res<Assets<Gltf>>, Res<Assets<GltfMesh>>),
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    for (root, piece, mut shown) in &mut roots {
        let Some(design) = slot_design(&current, piece.0) else { continue };
        let Some(necklace) = shown_necklace(design, loading) else { continue };
        let key = (necklace, design.stone.cut, design.stone.size_mm.to_bits());
        let Some(ring) = metals.0.get(piece.0) else { continue };
        let gems = gems.as_ref().and_then(|slots| slots.0.get(piece.0));
        if shown.built == Some(key) {
            continue;
        }
        let assembly = assemble(&Design { necklace: Some(necklace), ..design.clone() });
        // Every part's mesh, or wait for the library (it is loaded before the studio shows).
        let mut spawned = Vec::new();
        for (placed, part, at) in assembly.parts() {
            let Some(mesh) = library.mesh(placed.component, part.mesh, &documents, &gltf_meshes) else { return };
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
                PartRole::Display => part.insert((BustPart, MeshMaterial3d(linen.0.clone()))),
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
        shown.built = Some(key);
    }
}

/// The necklace shows for necklace designs (and while loading); the bust as the advisor chooses.
fn show_or_hide(
    current: Res<CurrentDesign>,
    state: Option<Res<State<StudioState>>>,
    bust_shown: Res<BustShown>,
    mut roots: Query<(&Piece, &mut Visibility), (With<NecklaceRoot>, Without<BustPart>)>,
    mut busts: Query<&mut Visibility, (With<BustPart>, Without<NecklaceRoot>)>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    let wanted = |visible: bool| if visible { Visibility::Inherited } else { Visibility::Hidden };
    for (piece, mut visibility) in &mut roots {
        let necklace = slot_design(&current, piece.0).is_some_and(|d| shown_necklace(d, loading).is_some());
        visibility.set_if_neq(wanted(necklace));
    }
    for mut visibility in &mut busts {
        visibility.set_if_neq(wanted(bust_shown.0 || loading));
    }
}
