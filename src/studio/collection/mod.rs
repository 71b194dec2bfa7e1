//! The house's collection in the studio: its models listed beside Écrin's styles (`panel.rs`), added from the
//! import dialog (with the designer's corrections) or a dropped file, opened as designs; and the pieces of those
//! designs drawn from the house's model, part by part as the Assembly places them — metal in the piece's metals by
//! zone, convex stones traced by the gem shader (the centre stone in the design's species), others drawn with
//! transmission (the status line names them). A model is loaded off the frame the first time a piece needs it;
//! the piece is framed whole once it is there.

pub mod panel;
pub mod thumbnails;

use super::background::Background;
use super::document::{CurrentDesign, DocumentCommand, StatusLine};
use super::gem::{GemMaterial, MAX_PLANES, gem_params_for_planes, standard_transmission};
use super::lighting::StudioEnvironment;
use super::materials::RingMaterials;
use super::pieces::{Piece, PieceDesign, PieceKind, PieceShape, PieceSpawn, PieceStone};
use super::{StudioSystems, bevy_mesh};
use crate::collection::{Collection, Manifest, design_of};
use crate::design::DesignCommand;
use crate::geometry::assembly::{MetalZone, PartRole, Seat, assemble};
use crate::geometry::house::HouseSetup;
use crate::geometry::library::Component as LibraryComponent;
use crate::geometry::polyhedron::{Plane, convex_planes_of_mesh};
use crate::progress::Progress;
use bevy::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// What the advisor or designer asks of the collection.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum CollectionCommand {
    /// Read the folder again.
    Refresh,
    /// Add a model (the setup as corrected in the import dialog, or as analysed) and open a design of it.
    Add { path: PathBuf, name: Option<String>, setup: Option<Box<HouseSetup>> },
    /// Open a design of a model (one undoable change).
    Open(String),
    /// Remove a model from the collection (its designs keep their presets).
    Remove(String),
    /// Stop loading the models being loaded (their designs are kept).
    CancelLoading,
}

/// The collection as the studio sees it: its listing, and the work in flight.
#[derive(Resource)]
pub struct StudioCollection {
    pub collection: Collection,
    pub models: Vec<Manifest>,
    /// Manifests that could not be read (named).
    pub problems: Vec<String>,
    /// The search box of the panel.
    pub search: String,
    /// The models' pictures (the studio window makes them).
    pub thumbnails: thumbnails::Thumbnails,
    listing: Option<Background<Listing>>,
    adding: Option<Background<Result<Manifest, String>>>,
    /// Models being prepared, by file hash and ring size (hundredths of a mm).
    preparing: HashMap<(String, u32), Preparation>,
    /// Models that could not be prepared (or whose loading was cancelled), by file hash: not tried again until
    /// a design of theirs is opened again.
    failed: HashMap<String, String>,
}

/// A house model being made ready for a piece, off the frame.
struct Preparation {
    name: String,
    /// Whether the model itself is being loaded (not only made at another size): the panel shows its progress.
    first_load: bool,
    progress: Arc<Progress>,
    work: Background<Result<Prepared, String>>,
}

/// A house model made at a size, its meshes ready to hand to the renderer.
struct Prepared {
    component: LibraryComponent,
    meshes: Vec<(usize, Mesh)>,
}

impl StudioCollection {
    pub fn at(collection: Collection) -> Self {
        StudioCollection {
            collection,
            models: Vec::new(),
            problems: Vec::new(),
            search: String::new(),
            thumbnails: Default::default(),
            listing: None,
            adding: None,
            preparing: HashMap::new(),
            failed: HashMap::new(),
        }
    }

    /// Whether a model is being added or loaded.
    pub fn busy(&self) -> bool {
        self.adding.is_some() || !self.preparing.is_empty()
    }

    /// The models being loaded for the first time: name and how far (0 to 1).
    pub fn loading(&self) -> Vec<(String, f32)> {
        let mut loading: Vec<(String, f32)> =
            self.preparing.values().filter(|p| p.first_load).map(|p| (p.name.clone(), p.progress.fraction())).collect();
        loading.sort_by(|a, b| a.0.cmp(&b.0));
        loading
    }

    /// Asks every model being loaded to stop (the designs are kept; opening one again tries again).
    pub fn cancel_loading(&self) {
        for preparation in self.preparing.values().filter(|p| p.first_load) {
            preparation.progress.cancel();
        }
    }
}

/// The root of the house's model under a piece.
#[derive(Component)]
pub struct HouseRoot;

/// On a house root whose parts must be (re)built.
#[derive(Component)]
struct Unbuilt;

/// A part built for a house's model.
#[derive(Component)]
struct HousePart;

/// What a house root shows: the model's key and ring size, once built (tests and the bench wait for it).
#[derive(Component, Default, Debug, PartialEq)]
pub struct ShownHouse(pub Option<(u64, u32)>);

/// A house's stone traced by the gem shader.
#[derive(Component)]
struct HouseGem {
    centre: bool,
    material: Handle<GemMaterial>,
    planes: Vec<Plane>,
}

/// Meshes of house models by component and mesh (a resized model has its own component), and the components
/// whose meshes are all there.
#[derive(Resource, Default)]
struct HouseMeshes {
    meshes: HashMap<(LibraryComponent, usize), Handle<Mesh>>,
    ready: HashSet<LibraryComponent>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(StudioCollection::at(crate::collection::current()))
        .init_resource::<HouseMeshes>()
        .add_message::<CollectionCommand>()
        .add_systems(Startup, |mut commands: MessageWriter<CollectionCommand>| {
            commands.write(CollectionCommand::Refresh);
        })
        .add_systems(
            Update,
            (
                (carry_out_commands, receive_background_work).chain().in_set(StudioSystems::ApplyCommands),
                spawn_roots.in_set(PieceSpawn),
                (prepare_models, mark_changed_shapes, build_house, follow_species)
                    .chain()
                    .after(PieceSpawn)
                    .in_set(StudioSystems::SyncScene),
            ),
        );
}

fn carry_out_commands(
    mut messages: MessageReader<CollectionCommand>,
    mut state: ResMut<StudioCollection>,
    mut documents: MessageWriter<DocumentCommand>,
    mut status: ResMut<StatusLine>,
) {
    for message in messages.read() {
        let collection = state.collection.clone();
        match message {
            CollectionCommand::Refresh => {
                state.failed.clear();
                state.listing = Some(Background::compute(move || listing(&collection, None)));
            }
            CollectionCommand::Add { path, name, setup } => {
                let (path, name, setup) = (path.clone(), name.clone(), setup.clone());
                *status = StatusLine::info(format!("Adding {} to the collection…", path.display()));
                state.adding = Some(Background::compute(move || {
                    collection.add(&path, name.as_deref(), setup.map(|s| *s)).map_err(|e| e.to_string())
                }));
            }
            CollectionCommand::Open(id) => match state.models.iter().find(|m| m.id == *id).cloned() {
                Some(manifest) => {
                    // A model whose loading failed or was cancelled is tried again.
                    state.failed.remove(&manifest.hash);
                    documents.write(DocumentCommand::Design(DesignCommand::Load(Box::new(design_of(&manifest)))));
                }
                None => *status = StatusLine::error(format!("no model {id:?} in the collection")),
            },
            CollectionCommand::CancelLoading => state.cancel_loading(),
            CollectionCommand::Remove(id) => {
                // Off the frame: the files go, then the folder is listed again.
                let id = id.clone();
                state.listing = Some(Background::compute(move || {
                    let removed = collection.remove(&id).map(|m| m.name).map_err(|e| e.to_string());
                    listing(&collection, Some(removed))
                }));
            }
        }
    }
}

/// The folder's models and the manifests that could not be read; with what a removal did, when there was one.
fn listing(collection: &Collection, removed: Option<Result<String, String>>) -> Listing {
    let (mut models, mut problems) = (Vec::new(), Vec::new());
    for entry in collection.list() {
        match entry {
            Ok(manifest) => models.push(manifest),
            Err(error) => problems.push(error.to_string()),
        }
    }
    Listing { models, problems, removed }
}

/// A listing of the folder (after a removal: what it did).
struct Listing {
    models: Vec<Manifest>,
    problems: Vec<String>,
    removed: Option<Result<String, String>>,
}

/// The listing came back; a model was added (its design opens).
fn receive_background_work(
    mut state: ResMut<StudioCollection>,
    mut documents: MessageWriter<DocumentCommand>,
    mut commands: MessageWriter<CollectionCommand>,
    mut status: ResMut<StatusLine>,
) {
    if let Some(listed) = state.listing.as_ref().and_then(Background::outcome) {
        state.listing = None;
        if let Some(listed) = listed {
            match listed.removed {
                Some(Ok(name)) => *status = StatusLine::info(format!("Removed “{name}” from the collection")),
                Some(Err(message)) => *status = StatusLine::error(message),
                None => {}
            }
            state.models = listed.models;
            state.problems = listed.problems;
        }
    }
    if let Some(added) = state.adding.as_ref().and_then(Background::outcome) {
        state.adding = None;
        match added {
            Some(Ok(manifest)) => {
                *status = StatusLine::info(format!("“{}” is in the collection ({})", manifest.name, manifest.id));
                documents.write(DocumentCommand::Design(DesignCommand::Load(Box::new(design_of(&manifest)))));
                commands.write(CollectionCommand::Refresh);
            }
            Some(Err(message)) => *status = StatusLine::error(message),
            None => *status = StatusLine::error("adding the model stopped without a result"),
        }
    }
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

/// Prepares, off the frame, every house model a piece shows at the piece's ring size — loaded (the first time,
/// with progress and *Cancel*), made at that size, its weights estimated, its meshes made — and hands the meshes to
/// the frame when they are all there; the pieces then learn that it is loaded (they are framed and built).
fn prepare_models(
    mut state: ResMut<StudioCollection>,
    mut status: ResMut<StatusLine>,
    mut house_meshes: ResMut<HouseMeshes>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut pieces: Query<(&PieceDesign, &mut PieceKind)>,
) {
    for (PieceDesign(design), _) in &pieces {
        let Some(model) = design.source.collection() else { continue };
        let wanted = (model.hash.clone(), (design.ring_size_mm * 100.0).round() as u32);
        if shown_ready(design, &house_meshes)
            || state.preparing.contains_key(&wanted)
            || state.failed.contains_key(&model.hash)
        {
            continue;
        }
        let first_load = crate::geometry::house::registered(&model.hash).is_none();
        if first_load {
            *status = StatusLine::info(format!("Loading “{}”…", model.name));
        }
        let progress = Arc::new(Progress::default());
        let (collection, design, shared) = (state.collection.clone(), design.clone(), progress.clone());
        let work = Background::thread(move |sender| {
            let _ = sender.send(prepare(&collection, &design, &shared));
        });
        state.preparing.insert(wanted, Preparation { name: model.name.clone(), first_load, progress, work });
    }
    let finished: Vec<_> = state
        .preparing
        .iter()
        .filter_map(|(wanted, preparation)| preparation.work.outcome().map(|outcome| (wanted.clone(), outcome)))
        .collect();
    for (wanted, outcome) in finished {
        let Some(preparation) = state.preparing.remove(&wanted) else { continue };
        match outcome {
            Some(Ok(prepared)) => {
                for (index, mesh) in prepared.meshes {
                    house_meshes.meshes.insert((prepared.component, index), meshes.add(mesh));
                }
                house_meshes.ready.insert(prepared.component);
                if preparation.first_load {
                    *status = StatusLine::default();
                }
                for (design, mut kind) in &mut pieces {
                    kind.set_if_neq(PieceKind::of(&design.0));
                }
            }
            Some(Err(message)) => {
                *status = if preparation.progress.is_cancelled() {
                    StatusLine::info(message.clone())
                } else {
                    StatusLine::error(message.clone())
                };
                state.failed.insert(wanted.0, message);
            }
            None => {
                state.failed.insert(wanted.0, format!("preparing “{}” stopped without a result", preparation.name));
            }
        }
    }
}

/// Whether a design's house model is on hand at its size: made, and its meshes handed to the frame.
fn shown_ready(design: &crate::design::Design, house_meshes: &HouseMeshes) -> bool {
    crate::geometry::house::key_for(design).is_some_and(|key| {
        crate::geometry::house::is_ready(key) && house_meshes.ready.contains(&LibraryComponent::House(key))
    })
}

/// The work of a preparation, off the frame: the core's preparation, then one Bevy mesh per mesh of the model.
fn prepare(collection: &Collection, design: &crate::design::Design, progress: &Progress) -> Result<Prepared, String> {
    let model = design.source.collection().ok_or("not a model of the collection")?;
    collection.prepare_with(design, progress).map_err(|e| e.to_string())?;
    let key = crate::geometry::house::key_for(design).ok_or("the model did not load")?;
    let component = LibraryComponent::House(key);
    let component_model = component.model();
    let count = component_model.meshes.len().max(1);
    let mut meshes = Vec::with_capacity(count);
    for (index, mesh) in component_model.meshes.iter().enumerate() {
        progress
            .reached(0.95 + 0.05 * index as f32 / count as f32)
            .map_err(|_| crate::collection::CollectionError::Cancelled(model.name.clone()).to_string())?;
        meshes.push((index, bevy_mesh(&mesh.data)));
    }
    Ok(Prepared { component, meshes })
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
        for (placed, part, at) in assembly.parts() {
            let component_model = placed.component.model();
            let Some(data) = component_model.meshes.get(part.mesh).map(|m| &m.data) else { continue };
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
                PartRole::Stone { seat, species, .. } => match convex_planes_of_mesh(data, MAX_PLANES) {
                    Ok(planes) => {
                        let material = gems.add(GemMaterial {
                            params: gem_params_for_planes(&planes, species),
                            environment: environment.cubemap.clone(),
                        });
                        let centre = seat == Seat::Centre;
                        entity.insert((MeshMaterial3d(material.clone()), HouseGem { centre, material, planes }));
                    }
                    Err(_) => {
                        not_convex.push(part.node.clone());
                        entity.insert(MeshMaterial3d(standard.add(standard_transmission(species))));
                    }
                },
                PartRole::Display => {}
            }
        }
        built = true;
        if !not_convex.is_empty() {
            *status = StatusLine::info(format!(
                "“{}”: {} not convex, drawn with transmission instead of the gem tracer ({})",
                model.name,
                not_convex.len(),
                not_convex.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        let key = assembly.components.first().and_then(|c| match c.component {
            LibraryComponent::House(key) => Some((key.model, key.ring_size_centi)),
            _ => None,
        });
        shown.0 = key;
        commands.entity(root).remove::<Unbuilt>();
    }
    if built {
        // Meshes of sizes no piece shows any more are let go (a heavy model is tens of MB per size).
        let in_use: HashSet<LibraryComponent> = pieces
            .iter()
            .filter_map(|(d, _)| crate::geometry::house::key_for(&d.0))
            .map(LibraryComponent::House)
            .collect();
        house_meshes.meshes.retain(|(component, _), _| in_use.contains(component));
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
    for (stone, parent) in &stones {
        let Ok(root_parent) = roots.get(parent.parent()) else { continue };
        let Ok(species) = pieces.get(root_parent.parent()) else { continue };
        if !(environment.is_changed() || species.is_changed()) {
            continue;
        }
        let species = if stone.centre { species.centre } else { species.side };
        if let Some(mut material) = gems.get_mut(&stone.material) {
            material.params = gem_params_for_planes(&stone.planes, species);
            material.environment = environment.cubemap.clone();
        }
    }
}

/// Whether every piece of a house's model shows its design (tests and the bench wait for this).
pub fn houses_match_designs(world: &World) -> bool {
    let Some(current) = world.get_resource::<CurrentDesign>() else { return false };
    let Some(mut roots) = world.try_query::<(&ChildOf, &ShownHouse)>() else { return false };
    let Some(mut pieces) = world.try_query::<&Piece>() else { return false };
    let designs = current.history.variants().designs();
    roots.iter(world).all(|(parent, shown)| {
        let Ok(piece) = pieces.get(world, parent.parent()) else { return true };
        let Some(design) = designs.get(piece.0) else { return true };
        match design.source.collection() {
            None => shown.0.is_none(),
            Some(model) => shown.0.is_some_and(|(key, size)| {
                let resizable = crate::geometry::house::registered(&model.hash).is_some_and(|h| h.resizable());
                let wanted = if resizable { (design.ring_size_mm * 100.0).round() as u32 } else { 0 };
                key == crate::geometry::house::model_key(&model.hash) && size == wanted
            }),
        }
    })
}
