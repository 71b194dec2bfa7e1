//! Composes the ring from glTF components (shank + head + stone) where the piece's Assembly places them, and keeps
//! it in step with the design — one ring per variant on the board, each under its piece (`pieces.rs`) with the
//! piece's own materials.
//!
//! A new component is spawned hidden (a head together with its stone, seated where the head file's `seat.center`
//! node says) and shown once its glTF instances are ready — in the same frame, right after the scene spawner —
//! replacing the old one: a change shows on the next frame, never with a missing part.

use super::StudioSystems;
use super::gem::{GemMaterials, GemPart, StoneRendering, check_stone_mesh};
use super::materials::{PartRole, RingMaterials, part_role};
use super::pieces::{Piece, PieceDesign, PieceShape, PieceSpawn, piece_of};
use crate::design::{Cut, Design, Setting, ShankStyle};
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::Assembly;
use crate::geometry::library::Component;
use crate::geometry::shank::band_positions_moved;
use crate::studio::floor::models::ModelLibrary;
use bevy::camera::visibility::VisibilitySystems;
use bevy::gltf::GltfMaterialName;
use bevy::mesh::VertexAttributeValues;
use bevy::prelude::*;
use bevy::world_serialization::WorldInstanceReady;
use std::collections::HashMap;

/// The root of a composed ring (centre of the finger at the origin, millimetres), a child of its piece.
#[derive(Component)]
pub struct RingRoot;

/// A shank instance of a style.
#[derive(Component, Clone, Copy)]
pub struct ShankPart(pub ShankStyle);

/// A head instance for a setting and cut.
#[derive(Component, Clone, Copy)]
pub struct HeadPart(pub Setting, pub Cut);

/// The centre stone, child of a head's seat.
#[derive(Component, Clone, Copy)]
pub struct StonePart {
    pub head: Entity,
    pub cut: Cut,
}

/// Spawned but not shown until ready (then it replaces its predecessor).
#[derive(Component)]
pub struct Pending;

/// Its glTF instance has spawned and got the studio's materials.
#[derive(Component)]
struct InstanceReady;

/// The shank mesh as modelled (reference size), kept so every ring size is derived from the original; and the
/// piece it belongs to.
#[derive(Component)]
struct ReferenceBand(Handle<Mesh>, Entity);

/// A stone set in the band (pavé, channel), placed where the Assembly says for the ring size; and its piece.
#[derive(Component)]
struct BandStone(Entity);

/// What a ring on screen currently shows (on each ring root); lets tests and the bench know the scene caught up
/// with the design.
#[derive(Component, Default, Debug, PartialEq)]
pub struct ShownRing {
    pub shank: Option<ShankStyle>,
    pub head: Option<(Setting, Cut)>,
    pub stone_ready: bool,
}

impl ShownRing {
    pub fn matches(&self, design: &Design) -> bool {
        self.shank == Some(design.shank) && self.head == Some((design.setting, design.stone.cut)) && self.stone_ready
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            spawn_ring_roots.in_set(PieceSpawn),
            (swap_components, place_parts, show_the_composed_ring)
                .chain()
                .after(PieceSpawn)
                .in_set(StudioSystems::SyncScene),
        ),
    )
    .add_systems(PostUpdate, reveal_ready_parts.before(VisibilitySystems::VisibilityPropagate))
    .add_observer(on_part_ready);
}

/// Écrin's ring and its floor give way to a house's model (`collection/`) or to a necklace (`necklace/`); while
/// loading they are drawn anyway, so that their pipelines are ready whatever the studio opened with. Visibility is
/// set only when one of these changes (a view may hide a part for a moment: the stage in a test of the floor).
fn show_the_composed_ring(
    state: Option<Res<State<super::StudioState>>>,
    pieces: Query<Ref<PieceShape>>,
    mut composed: Query<(Ref<ChildOf>, &mut Visibility), Or<(With<RingRoot>, With<super::stage::Stage>)>>,
) {
    let loading = state.as_ref().is_some_and(|s| *s.get() == super::StudioState::Loading);
    let everything = state.is_some_and(|s| s.is_changed());
    for (parent, mut visibility) in &mut composed {
        let Ok(shape) = pieces.get(parent.parent()) else { continue };
        if everything || shape.is_changed() || parent.is_added() {
            let replaced = !loading && (shape.necklace.is_some() || shape.house.is_some());
            *visibility = if replaced { Visibility::Hidden } else { Visibility::Inherited };
        }
    }
}

/// The Écrin ring a ring root draws: the design's own, or for a house's model (whose root is hidden, its parts drawn
/// by `collection/`) the same choices in Écrin's styles, so that the studio's pipelines are ready for both.
fn ecrin_ring(design: &Design) -> Design {
    Design { source: crate::design::PieceSource::Ecrin, ..design.clone() }
}

/// A ring root under every new piece.
fn spawn_ring_roots(mut commands: Commands, pieces: Query<(Entity, &Piece), Added<Piece>>) {
    for (piece, slot) in &pieces {
        commands.spawn((
            RingRoot,
            ShownRing::default(),
            Name::new(format!("ring {}", slot.0 + 1)),
            Transform::default(),
            Visibility::default(),
            ChildOf(piece),
        ));
    }
}

/// Where the Assembly puts a component of the piece (the head on the band's top, scaled to the stone).
fn placement(assembly: &Assembly, wanted: Component) -> Option<Transform> {
    assembly.find(|c| c == wanted).map(|c| Transform::from_matrix(Mat4::from(c.transform)))
}

/// The band's shift for the ring size (the Assembly's), mm.
fn band_shift(assembly: &Assembly) -> f32 {
    assembly.components.iter().find_map(|c| c.band_shift_mm).unwrap_or(0.0)
}

/// Spawns the components each ring's design needs that are neither shown nor pending, and drops pending ones that
/// the design no longer wants (the advisor clicked on before they were ready).
#[allow(clippy::too_many_arguments)]
fn swap_components(
    mut commands: Commands,
    library: Res<ModelLibrary>,
    roots: Query<(Entity, &ChildOf), With<RingRoot>>,
    pieces: Query<&PieceDesign>,
    shanks: Query<(Entity, &ShankPart, Has<Pending>, &ChildOf)>,
    heads: Query<(Entity, &HeadPart, Has<Pending>, &ChildOf)>,
) {
    for (root, piece) in &roots {
        let Ok(PieceDesign(design)) = pieces.get(piece.parent()) else { continue };
        let mut shank_present = false;
        for (entity, shank, pending, _) in shanks.iter().filter(|(.., parent)| parent.parent() == root) {
            if shank.0 == design.shank {
                shank_present = true;
            } else if pending {
                commands.entity(entity).despawn();
            }
        }
        if !shank_present && let Some(handle) = library.scene(Component::Shank(design.shank)) {
            commands.spawn((
                ShankPart(design.shank),
                Pending,
                WorldAssetRoot(handle.clone()),
                Visibility::Hidden,
                Transform::default(),
                ChildOf(root),
            ));
        }
        let key = (design.setting, design.stone.cut);
        let mut head_present = false;
        for (entity, head, pending, _) in heads.iter().filter(|(.., parent)| parent.parent() == root) {
            if (head.0, head.1) == key {
                head_present = true;
            } else if pending {
                commands.entity(entity).despawn();
            }
        }
        if head_present {
            continue;
        }
        let assembly = assemble(&ecrin_ring(design));
        let (head_component, stone_component) = (Component::Head(key.0, key.1), Component::Stone(key.1));
        let (head_at, stone_at) = (placement(&assembly, head_component), placement(&assembly, stone_component));
        let scenes = (library.scene(head_component), library.scene(stone_component));
        if let (Some(head_scene), Some(stone_scene), Some(head_at), Some(stone_at)) =
            (scenes.0, scenes.1, head_at, stone_at)
        {
            // The stone rides on its head: its place relative to the head's.
            let seat = Transform::from_matrix(head_at.to_matrix().inverse() * stone_at.to_matrix());
            let head = commands
                .spawn((
                    HeadPart(key.0, key.1),
                    Pending,
                    WorldAssetRoot(head_scene.clone()),
                    Visibility::Hidden,
                    head_at,
                    ChildOf(root),
                ))
                .id();
            commands.spawn((StonePart { head, cut: key.1 }, WorldAssetRoot(stone_scene.clone()), seat, ChildOf(head)));
        }
    }
}

/// Follows the piece's shape, as the Assembly places the parts: the head rides on the band's top and scales with
/// the stone; the band's inner diameter follows the ring size without thickening, and the stones set in it with it.
fn place_parts(
    changed: Query<(Entity, &PieceDesign), Changed<PieceShape>>,
    roots: Query<&ChildOf, With<RingRoot>>,
    mut heads: Query<(&mut Transform, &ChildOf), With<HeadPart>>,
    bands: Query<(&Mesh3d, &ReferenceBand)>,
    mut set_in_band: Query<(&mut Transform, &Name, &BandStone), Without<HeadPart>>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let assemblies: HashMap<Entity, Assembly> =
        changed.iter().map(|(piece, d)| (piece, assemble(&ecrin_ring(&d.0)))).collect();
    if assemblies.is_empty() {
        return;
    }
    for (mut transform, parent) in &mut heads {
        let assembly = roots.get(parent.parent()).ok().and_then(|piece| assemblies.get(&piece.parent()));
        let wanted = assembly.and_then(|a| a.find(|c| matches!(c, Component::Head(..))));
        if let Some(wanted) = wanted.map(|head| Transform::from_matrix(Mat4::from(head.transform)))
            && *transform != wanted
        {
            *transform = wanted;
        }
    }
    for (mesh, reference) in &bands {
        let Some(assembly) = assemblies.get(&reference.1) else { continue };
        let positions = meshes.get(&reference.0).and_then(|m| band_positions(m, band_shift(assembly)));
        if let (Some(positions), Some(mut sized)) = (positions, meshes.get_mut(&mesh.0)) {
            sized.insert_attribute(Mesh::ATTRIBUTE_POSITION, positions);
        }
    }
    for (mut transform, name, stone) in &mut set_in_band {
        if let Some(at) = assemblies.get(&stone.0).and_then(|assembly| band_stone(assembly, name)) {
            transform.translation = at;
        }
    }
}

/// Where the Assembly puts a stone set in the band (by its node's name), in the band's frame.
fn band_stone(assembly: &Assembly, name: &Name) -> Option<Vec3> {
    let band = assembly.find(|c| matches!(c, Component::Shank(_)))?;
    band.parts.iter().find(|part| part.node == name.as_str()).map(|part| part.local.translation.into())
}

/// The reference band's vertices moved out by the band's shift for the ring size.
fn band_positions(reference: &Mesh, shift: f32) -> Option<Vec<[f32; 3]>> {
    match reference.attribute(Mesh::ATTRIBUTE_POSITION) {
        Some(VertexAttributeValues::Float32x3(positions)) => Some(band_positions_moved(positions, shift)),
        _ => None,
    }
}

/// A component's glTF instance spawned: give its parts the studio's materials (by material name) and mark it.
fn on_part_ready(
    ready: On<WorldInstanceReady>,
    mut commands: Commands,
    children: Query<&Children>,
    parts: Query<
        (Has<ShankPart>, Has<HeadPart>, Option<&StonePart>),
        Or<(With<ShankPart>, With<HeadPart>, With<StonePart>)>,
    >,
    rendering: Res<StoneRendering>,
    material_names: Query<(&GltfMaterialName, Option<&Mesh3d>)>,
    mut meshes: ResMut<Assets<Mesh>>,
    named: Query<(&Name, &Transform)>,
    (parents, is_piece): (Query<&ChildOf>, Query<(), With<Piece>>),
    pieces: Query<(&PieceDesign, &RingMaterials, &GemMaterials)>,
) {
    let entity = ready.entity;
    let Ok((is_shank, is_head, stone)) = parts.get(entity) else { return };
    let Some(piece) = piece_of(entity, &parents, &is_piece) else { return };
    let Ok((PieceDesign(design), ring_materials, gems)) = pieces.get(piece) else { return };
    let assembly = assemble(&ecrin_ring(design));
    for descendant in children.iter_descendants(entity) {
        let Ok((material_name, mesh)) = material_names.get(descendant) else { continue };
        let Some(role) = part_role(&material_name.0) else {
            warn!("part with material {:?} is neither metal nor gem: left as modelled", material_name.0);
            continue;
        };
        let mut part = commands.entity(descendant);
        let gem = match (role, stone) {
            (PartRole::Metal, _) => None,
            (PartRole::Melee, _) => Some(GemPart { melee: true, cut: Cut::RoundBrilliant, traceable: true }),
            (PartRole::CentreStone, Some(stone)) => Some(GemPart { melee: false, cut: stone.cut, traceable: true }),
            // The centre stone nested under a head: its own instance is handled when it is ready.
            (PartRole::CentreStone, None) => continue,
        };
        // A stone the shader cannot trace (not convex, degenerate) falls back to Bevy's transmission, with a warning.
        let gem = gem.map(|gem| match mesh.and_then(|m| meshes.get(&m.0)).map(check_stone_mesh) {
            Some(Err(problem)) => {
                warn!("stone part {:?}: {problem}; drawn with StandardMaterial transmission instead", material_name.0);
                GemPart { traceable: false, ..gem }
            }
            _ => gem,
        });
        match gem {
            // Stones are traced by the gem shader (or, for comparison, Bevy's transmission).
            Some(gem) => {
                part.insert(gem);
                gems.apply(&mut part, gem, *rendering);
            }
            None => {
                let metal = if is_head { &ring_materials.head_metal } else { &ring_materials.metal };
                part.remove::<MeshMaterial3d<StandardMaterial>>().insert(MeshMaterial3d(metal.clone()));
            }
        }
        if let (true, PartRole::Metal, Some(mesh)) = (is_shank, role, mesh) {
            // The band is resized from its reference mesh: keep the original, draw a copy.
            let sized = meshes.get(&mesh.0).and_then(|reference| {
                let positions = band_positions(reference, band_shift(&assembly))?;
                Some(reference.clone().with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions))
            });
            if let Some(sized) = sized {
                part.insert((ReferenceBand(mesh.0.clone(), piece), Mesh3d(meshes.add(sized))));
            }
        }
    }
    if is_shank {
        for descendant in children.iter_descendants(entity) {
            if let Ok((name, transform)) = named.get(descendant)
                && let Some(at) = band_stone(&assembly, name)
            {
                commands.entity(descendant).insert((BandStone(piece), transform.with_translation(at)));
            }
        }
    }
    commands.entity(entity).insert(InstanceReady);
}

/// Right after the scene spawner: shows pending components whose instances are ready (a head once its stone is
/// ready too) and removes the ones they replace, ring by ring.
fn reveal_ready_parts(
    mut commands: Commands,
    pending_shanks: Query<(Entity, &ShankPart, &ChildOf), (With<Pending>, With<InstanceReady>)>,
    pending_heads: Query<(Entity, &HeadPart, &ChildOf), (With<Pending>, With<InstanceReady>)>,
    stones: Query<&StonePart, With<InstanceReady>>,
    shown_shanks: Query<(Entity, &ChildOf), (With<ShankPart>, Without<Pending>)>,
    shown_heads: Query<(Entity, &ChildOf), (With<HeadPart>, Without<Pending>)>,
    mut rings: Query<&mut ShownRing>,
) {
    for (entity, shank, parent) in &pending_shanks {
        replace_under(&mut commands, &shown_shanks, parent.parent(), entity);
        if let Ok(mut shown) = rings.get_mut(parent.parent()) {
            shown.shank = Some(shank.0);
        }
    }
    for (entity, head, parent) in &pending_heads {
        if !stones.iter().any(|stone| stone.head == entity) {
            continue;
        }
        replace_under(&mut commands, &shown_heads, parent.parent(), entity);
        if let Ok(mut shown) = rings.get_mut(parent.parent()) {
            shown.head = Some((head.0, head.1));
            shown.stone_ready = true;
        }
    }
}

/// Shows `new` in place of the parts of its kind under the same ring root.
fn replace_under<F: bevy::ecs::query::QueryFilter>(
    commands: &mut Commands,
    old: &Query<(Entity, &ChildOf), F>,
    root: Entity,
    new: Entity,
) {
    old.iter().filter(|(_, parent)| parent.parent() == root).for_each(|(e, _)| commands.entity(e).despawn());
    commands.entity(new).remove::<Pending>().insert(Visibility::Inherited);
}
