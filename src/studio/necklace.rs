//! Necklaces in the studio: the display bust (true human scale, can be hidden), the chain of real links along the
//! curve its length gives on the bust, and the pendant with the design's stone — rebuilt from the core's geometry
//! when the design changes, shown instead of the ring. During loading everything is drawn once so that its GPU
//! pipelines are ready before the studio shows.

use super::gem::SlotGems;
use super::materials::SlotMetals;
use super::pieces::{Piece, PieceSpawn, missing_slots, root_components, slot_design};
use super::state::CurrentDesign;
use super::{StudioState, StudioSystems, bevy_mesh};
use crate::design::necklace::Necklace;
use crate::design::{Cut, Design};
use crate::geometry::necklace::{bust, chain, pendant, stone_mesh};
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

/// The bust's mesh and linen, shared by every variant's bust.
#[derive(Resource)]
struct BustLook {
    mesh: Handle<Mesh>,
    linen: Handle<StandardMaterial>,
}

#[derive(Component)]
struct BustPart;

/// The parts built for one necklace (rebuilt when it changes).
#[derive(Component)]
struct NecklacePart;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BustShown>().add_systems(Startup, make_bust).add_systems(
        Update,
        (spawn_roots.in_set(PieceSpawn), (build_necklace, show_or_hide).chain().after(PieceSpawn))
            .in_set(StudioSystems::SyncScene),
    );
}

fn make_bust(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    // A neutral display bust: warm pale linen, matte, like a boutique's neck form.
    let mut form = bust();
    form.recompute_smooth_normals();
    let linen = materials.add(StandardMaterial {
        base_color: Color::srgb(0.50, 0.47, 0.43),
        perceptual_roughness: 0.85,
        reflectance: 0.3,
        ..default()
    });
    commands.insert_resource(BustLook { mesh: meshes.add(bevy_mesh(&form)), linen });
}

/// A necklace root with its bust for every variant that has none yet (the main view's at start).
fn spawn_roots(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    look: Res<BustLook>,
    roots: Query<&Piece, With<NecklaceRoot>>,
) {
    for slot in missing_slots(&current, roots.iter().map(|p| p.0)) {
        let root = commands
            .spawn((
                NecklaceRoot::default(),
                Name::new(format!("necklace {}", slot + 1)),
                root_components(slot),
                Transform::default(),
            ))
            .id();
        commands.spawn((
            BustPart,
            Name::new("bust"),
            Mesh3d(look.mesh.clone()),
            MeshMaterial3d(look.linen.clone()),
            ChildOf(root),
        ));
    }
}

/// The necklace a design shows (during loading: a sample one, so its pipelines compile).
fn shown_necklace(design: &Design, loading: bool) -> Option<Necklace> {
    design.necklace.or(loading.then(Necklace::default))
}

/// Rebuilds the chain and pendant of each variant whose necklace, stone cut or size changed.
fn build_necklace(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    state: Option<Res<State<StudioState>>>,
    mut roots: Query<(Entity, &Piece, &mut NecklaceRoot)>,
    parts: Query<(Entity, &ChildOf), With<NecklacePart>>,
    (metals, gems): (Res<SlotMetals>, Option<Res<SlotGems>>),
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    for (root, piece, mut shown) in &mut roots {
        let Some(design) = slot_design(&current, piece.0) else { continue };
        let Some(necklace) = shown_necklace(design, loading) else { continue };
        let key = (necklace, design.stone.cut, design.stone.size_mm.to_bits());
        let Some(ring) = metals.0.get(piece.0) else { continue };
        if shown.built == Some(key) {
            continue;
        }
        for (part, _) in parts.iter().filter(|(_, parent)| parent.parent() == root) {
            commands.entity(part).despawn();
        }
        let chain_mesh = meshes.add(bevy_mesh(&chain(necklace.chain, necklace.length_mm)));
        commands.spawn((
            NecklacePart,
            Name::new("chain"),
            Mesh3d(chain_mesh),
            MeshMaterial3d(ring.metal.clone()),
            ChildOf(root),
        ));
        let gems = gems.as_ref().and_then(|slots| slots.0.get(piece.0));
        if let Some(made) = pendant(&necklace, design.stone.cut, design.stone.size_mm) {
            let metal = meshes.add(bevy_mesh(&made.metal));
            commands.spawn((
                NecklacePart,
                Name::new("pendant"),
                Mesh3d(metal),
                MeshMaterial3d(ring.head_metal.clone()),
                ChildOf(root),
            ));
            if let Some(gems) = gems {
                let stone = meshes.add(bevy_mesh(&stone_mesh(design.stone.cut)));
                if let Some(material) = gems.centre.get(&design.stone.cut) {
                    commands.spawn((
                        NecklacePart,
                        Name::new("pendant stone"),
                        Mesh3d(stone),
                        MeshMaterial3d(material.clone()),
                        Transform::from_matrix(Mat4::from(made.stone)),
                        ChildOf(root),
                    ));
                }
                let melee = meshes.add(bevy_mesh(&stone_mesh(Cut::RoundBrilliant)));
                for placement in made.melee {
                    commands.spawn((
                        NecklacePart,
                        Mesh3d(melee.clone()),
                        MeshMaterial3d(gems.melee.clone()),
                        Transform::from_matrix(Mat4::from(placement)),
                        ChildOf(root),
                    ));
                }
            }
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
