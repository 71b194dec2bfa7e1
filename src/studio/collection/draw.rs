//! The pieces of designs of the house's models, drawn part by part as the Assembly places them: metal in the
//! piece's metals by zone, convex stones traced by the gem shader (the centre stone in the design's species, the
//! others in its side stones'), others drawn with transmission (the status line names them); stones of one mesh share
//! one material, so a pavé's melee are drawn as instances. A piece is built once its model is ready at its size
//! (`prepare.rs`).

use super::prepare::{HouseMeshes, shown_ready};
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::ModelRef;
use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::geometry::house::HouseKey;
use crate::studio::StudioSystems;
use crate::studio::floor::{CurrentDesign, StatusLine};
use crate::studio::gem::{GemMaterial, SeesSetting, gem_params_for_planes, standard_transmission};
use crate::studio::lighting::StudioEnvironment;
use crate::studio::materials::RingMaterials;
use crate::studio::pieces::{Piece, PieceDesign, PieceKind, PieceShape, PieceSpawn, PieceStone};
use bevy::prelude::*;
use std::collections::{HashMap, HashSet};

/// The root of the house's model under a piece.
#[derive(Component)]
pub struct HouseRoot;

/// On a house root whose parts must be (re)built.
#[derive(Component)]
struct Unbuilt;

/// A part built for a house's model.
#[derive(Component)]
struct HousePart;

/// What a house root shows: the model at its ring and stone sizes, once built (tests and the bench wait for it).
#[derive(Component, Default, Debug, PartialEq)]
pub struct ShownHouse(pub Option<HouseKey>);

/// A house's stone traced by the gem shader.
#[derive(Component)]
struct HouseGem {
    centre: bool,
    material: Handle<GemMaterial>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            spawn_roots.in_set(PieceSpawn),
            (super::prepare::prepare_models, mark_changed_shapes, build_house, follow_species)
                .chain()
                .after(PieceSpawn)
                .in_set(StudioSystems::SyncScene),
        ),
    );
}

/// A house root under every new piece.
fn spawn_roots(mut commands: Commands, pieces: Query<(Entity, &Piece), Added<Piece>>) {
    for (piece, slot) in &pieces {
        commands.spawn((
            HouseRoot,
            Unbuilt,
            ShownHouse::default(),
            Name::new(format!("house model {}", slot.0 + 1)),
            Transform::default(),
            Visibility::default(),
            ChildOf(piece),
        ));
    }
}

/// A piece's shape or kind changed (a model was loaded): its house model is rebuilt.
fn mark_changed_shapes(
    mut commands: Commands,
    pieces: Query<(Ref<PieceShape>, Ref<PieceKind>)>,
    roots: Query<(Entity, &ChildOf), With<HouseRoot>>,
) {
    for (root, parent) in &roots {
        if pieces.get(parent.parent()).is_ok_and(|(shape, kind)| shape.is_changed() || kind.is_changed()) {
            commands.entity(root).insert(Unbuilt);
        }
    }
}

/// Builds the parts of each house root marked `Unbuilt` from its piece's Assembly, once the model is loaded.
#[allow(clippy::too_many_arguments)]
fn build_house(
    mut commands: Commands,
    mut roots: Query<(Entity, &ChildOf, &mut ShownHouse), (With<HouseRoot>, With<Unbuilt>)>,
    pieces: Query<(&PieceDesign, &RingMaterials)>,
    parts: Query<(Entity, &ChildOf), With<HousePart>>,
    mut house_meshes: ResMut<HouseMeshes>,
    (mut gems, mut standard): (ResMut<Assets<GemMaterial>>, ResMut<Assets<StandardMaterial>>),
    environment: Res<StudioEnvironment>,
    mut status: ResMut<StatusLine>,
) {
    let mut built = false;
    for (root, parent, mut shown) in &mut roots {
        let Ok((PieceDesign(design), ring)) = pieces.get(parent.parent()) else { continue };
        let old_parts: Vec<Entity> = parts.iter().filter(|(_, p)| p.parent() == root).map(|(e, _)| e).collect();
        let Some(model) = design.source.collection() else {
            for part in old_parts {
                commands.entity(part).despawn();
            }
            shown.0 = None;
            commands.entity(root).remove::<Unbuilt>();
            // The piece left the house's model: its meshes are let go below.
            built = true;
            continue;
        };
        if !shown_ready(design, &house_meshes) {
            continue;
        }
        for part in old_parts {
            commands.entity(part).despawn();
        }
        let assembly = assemble(design);
        let mut not_convex = Vec::new();
        // Stones of one mesh (a pavé's melee) share one material: Bevy draws them as instances of one mesh.
        let mut traced: HashMap<(usize, bool), Handle<GemMaterial>> = HashMap::new();
        let mut transmissive: HashMap<usize, Handle<StandardMaterial>> = HashMap::new();
        for (placed, part, at) in assembly.parts() {
            let Some(mesh) = house_meshes.meshes.get(&(placed.component, part.mesh)).cloned() else { continue };
            let transform = Transform::from_matrix(Mat4::from(at));
            let mut entity =
                commands.spawn((HousePart, Mesh3d(mesh), transform, Name::new(part.node.clone()), ChildOf(root)));
            match part.role {
                PartRole::Metal(MetalZone::Band) => {
                    entity.insert(MeshMaterial3d(ring.metal.clone()));
                }
                PartRole::Metal(MetalZone::Head) => {
                    entity.insert(MeshMaterial3d(ring.head_metal.clone()));
                }
                PartRole::Stone { seat, species, .. } => {
                    match house_meshes.planes.get(&(placed.component, part.mesh)) {
                        Some(Some(planes)) => {
                            let centre = seat == Seat::Centre;
                            let material = traced
                                .entry((part.mesh, centre))
                                .or_insert_with(|| {
                                    gems.add(GemMaterial {
                                        params: gem_params_for_planes(planes, species),
                                        environment: environment.cubemap.clone(),
                                        // The piece's table once the stone is drawn (`SeesSetting`).
                                        setting: Handle::default(),
                                    })
                                })
                                .clone();
                            entity.insert((MeshMaterial3d(material.clone()), HouseGem { centre, material }));
                            if centre {
                                entity.insert(SeesSetting);
                            }
                        }
                        _ => {
                            not_convex.push(part.node.clone());
                            let material = transmissive
                                .entry(part.mesh)
                                .or_insert_with(|| standard.add(standard_transmission(species)))
                                .clone();
                            entity.insert(MeshMaterial3d(material));
                        }
                    }
                }
                PartRole::Display(_) => {}
            }
        }
        built = true;
        if !not_convex.is_empty() {
            let parts = not_convex.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
            *status = StatusLine::info(crate::said!(
                "status-not-convex",
                name = &model.name,
                count = not_convex.len(),
                parts = parts
            ));
        }
        let key = assembly.components.first().and_then(|c| match c.component {
            ModelRef::House(key) => Some(key),
            _ => None,
        });
        shown.0 = key;
        commands.entity(root).remove::<Unbuilt>();
    }
    if built {
        // Meshes of sizes no piece shows any more are let go (a heavy model is tens of MB per size).
        let in_use: HashSet<ModelRef> =
            pieces.iter().filter_map(|(d, _)| crate::geometry::house::key_for(&d.0)).map(ModelRef::House).collect();
        house_meshes.meshes.retain(|(component, _), _| in_use.contains(component));
        house_meshes.planes.retain(|(component, _), _| in_use.contains(component));
        house_meshes.ready.retain(|component| in_use.contains(component));
    }
}

/// The house's stones follow their piece's centre species and the light.
fn follow_species(
    environment: Res<StudioEnvironment>,
    pieces: Query<Ref<PieceStone>>,
    stones: Query<(&HouseGem, &ChildOf)>,
    roots: Query<&ChildOf, With<HouseRoot>>,
    mut gems: ResMut<Assets<GemMaterial>>,
) {
    // Stones sharing a material (instances of one mesh) edit it once.
    let mut edited = HashSet::new();
    for (stone, parent) in &stones {
        let Ok(root_parent) = roots.get(parent.parent()) else { continue };
        let Ok(species) = pieces.get(root_parent.parent()) else { continue };
        if !(environment.is_changed() || species.is_changed()) {
            continue;
        }
        let species = if stone.centre { species.centre } else { species.side };
        if !edited.insert(stone.material.id()) {
            continue;
        }
        if let Some(mut material) = gems.get_mut(&stone.material) {
            material.params = material.params.with_species(species);
            material.environment = environment.cubemap.clone();
        }
    }
}

/// The house's traced stones on screen and the (mesh, material) groups they fall in: the stones of one group are
/// drawn as instances of one mesh (the bench's `house_pave_stone_groups`).
pub fn house_stone_groups(world: &mut World) -> (usize, usize) {
    let mut stones = world.query_filtered::<(&Mesh3d, &MeshMaterial3d<GemMaterial>), With<HouseGem>>();
    let pairs: Vec<(AssetId<Mesh>, AssetId<GemMaterial>)> =
        stones.iter(world).map(|(mesh, material)| (mesh.0.id(), material.0.id())).collect();
    let groups: HashSet<_> = pairs.iter().collect();
    (pairs.len(), groups.len())
}

/// Whether every piece of a house's model shows its design (tests and the bench wait for this).
pub fn houses_match_designs(world: &World) -> bool {
    let Some(current) = world.get_resource::<CurrentDesign>() else { return false };
    let Some(mut roots) = world.try_query::<(&ChildOf, &ShownHouse)>() else { return false };
    let Some(mut pieces) = world.try_query::<&Piece>() else { return false };
    let candidates = world.get_resource::<crate::studio::floor::BoardCandidates>();
    let designs = crate::studio::floor::candidates::board_designs(current, candidates);
    roots.iter(world).all(|(parent, shown)| {
        let Ok(piece) = pieces.get(world, parent.parent()) else { return true };
        let Some(design) = designs.get(piece.0) else { return true };
        match design.source.collection() {
            None => shown.0.is_none(),
            Some(_) => shown.0.is_some() && shown.0 == crate::geometry::house::key_for(design),
        }
    })
}
