//! Necklaces in the studio: the display bust (true human scale, can be hidden), the chain of real links along the
//! curve its length gives on the bust, and the pendant with the design's stone — rebuilt from the core's geometry
//! when the design changes, shown instead of the ring. During loading everything is drawn once so that its GPU
//! pipelines are ready before the studio shows.

use super::gem::GemMaterials;
use super::materials::RingMaterials;
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

/// The root of the necklace and its bust.
#[derive(Component)]
pub struct NecklaceRoot;

#[derive(Component)]
struct BustPart;

/// The parts built for one necklace (rebuilt when it changes).
#[derive(Component)]
struct NecklacePart;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BustShown>()
        .add_systems(Startup, spawn_root)
        .add_systems(Update, (build_necklace, show_or_hide).chain().in_set(StudioSystems::SyncScene));
}

fn spawn_root(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let root = commands.spawn((NecklaceRoot, Name::new("necklace"), Transform::default(), Visibility::default())).id();
    // A neutral display bust: warm pale linen, matte, like a boutique's neck form.
    let mut form = bust();
    form.recompute_smooth_normals();
    let linen = materials.add(StandardMaterial {
        base_color: Color::srgb(0.50, 0.47, 0.43),
        perceptual_roughness: 0.85,
        reflectance: 0.3,
        ..default()
    });
    commands.spawn((
        BustPart,
        Name::new("bust"),
        Mesh3d(meshes.add(bevy_mesh(&form))),
        MeshMaterial3d(linen),
        ChildOf(root),
    ));
}

/// The necklace a design shows (during loading: a sample one, so its pipelines compile).
fn shown_necklace(design: &Design, loading: bool) -> Option<Necklace> {
    design.necklace.or(loading.then(Necklace::default))
}

#[allow(clippy::too_many_arguments)]
fn build_necklace(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    state: Option<Res<State<StudioState>>>,
    root: Single<Entity, With<NecklaceRoot>>,
    parts: Query<Entity, With<NecklacePart>>,
    ring: Res<RingMaterials>,
    gems: Option<Res<GemMaterials>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut built: Local<Option<(Necklace, Cut, u32)>>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    let design = current.design();
    let Some(necklace) = shown_necklace(design, loading) else { return };
    let key = (necklace, design.stone.cut, design.stone.size_mm.to_bits());
    if *built == Some(key) {
        return;
    }
    for part in &parts {
        commands.entity(part).despawn();
    }
    let chain_mesh = meshes.add(bevy_mesh(&chain(necklace.chain, necklace.length_mm)));
    commands.spawn((
        NecklacePart,
        Name::new("chain"),
        Mesh3d(chain_mesh),
        MeshMaterial3d(ring.metal.clone()),
        ChildOf(*root),
    ));
    if let Some(made) = pendant(&necklace, design.stone.cut, design.stone.size_mm) {
        let metal = meshes.add(bevy_mesh(&made.metal));
        commands.spawn((
            NecklacePart,
            Name::new("pendant"),
            Mesh3d(metal),
            MeshMaterial3d(ring.head_metal.clone()),
            ChildOf(*root),
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
                    ChildOf(*root),
                ));
            }
            let melee = meshes.add(bevy_mesh(&stone_mesh(Cut::RoundBrilliant)));
            for placement in made.melee {
                commands.spawn((
                    NecklacePart,
                    Mesh3d(melee.clone()),
                    MeshMaterial3d(gems.melee.clone()),
                    Transform::from_matrix(Mat4::from(placement)),
                    ChildOf(*root),
                ));
            }
        }
    }
    *built = Some(key);
}

/// The necklace shows for necklace designs (and while loading); the bust as the advisor chooses.
fn show_or_hide(
    current: Res<CurrentDesign>,
    state: Option<Res<State<StudioState>>>,
    bust_shown: Res<BustShown>,
    mut roots: Query<&mut Visibility, (With<NecklaceRoot>, Without<BustPart>)>,
    mut busts: Query<&mut Visibility, (With<BustPart>, Without<NecklaceRoot>)>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    let wanted = |visible: bool| if visible { Visibility::Inherited } else { Visibility::Hidden };
    let necklace = shown_necklace(current.design(), loading).is_some();
    for mut visibility in &mut roots {
        visibility.set_if_neq(wanted(necklace));
    }
    for mut visibility in &mut busts {
        visibility.set_if_neq(wanted(bust_shown.0 || loading));
    }
}
