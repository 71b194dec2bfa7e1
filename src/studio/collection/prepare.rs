//! A house's model made ready for a piece, off the frame: loaded the first time (with progress and *Cancel*), made at
//! the piece's ring size, its weights estimated, its meshes made and its stones' facets found on a worker thread; the
//! frame only hands the finished meshes to the renderer, so a model of a million triangles never holds a frame up.

use super::StudioCollection;
use crate::collection::Collection;
use crate::geometry::assembly::ModelRef;
use crate::geometry::model::Material;
use crate::geometry::polyhedron::{Plane, convex_planes_of_mesh};
use crate::i18n::errors::Said;
use crate::progress::Progress;
use crate::said;
use crate::studio::bevy_mesh;
use crate::studio::floor::StatusLine;
use crate::studio::floor::background::Background;
use crate::studio::gem::MAX_PLANES;
use crate::studio::pieces::{PieceDesign, PieceKind};
use bevy::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A house model being made ready for a piece, off the frame.
pub(super) struct Preparation {
    pub(super) name: String,
    /// Whether the model itself is being loaded (not only made at another size): the panel shows its progress.
    pub(super) first_load: bool,
    pub(super) progress: Arc<Progress>,
    work: Background<Result<Prepared, Said>>,
}

/// A house model made at a size, its meshes ready to hand to the renderer.
pub(super) struct Prepared {
    component: ModelRef,
    meshes: Vec<(usize, Mesh)>,
    /// Each stone mesh's facet planes for the gem shader (`None`: not a convex solid the shader can trace).
    planes: Vec<(usize, Option<Vec<Plane>>)>,
}

/// Meshes of house models by component and mesh (a resized model has its own component), and the components
/// whose meshes are all there.
#[derive(Resource, Default)]
pub(super) struct HouseMeshes {
    pub(super) meshes: HashMap<(ModelRef, usize), Handle<Mesh>>,
    /// Stone meshes' facet planes (`None`: not convex), found off the frame.
    pub(super) planes: HashMap<(ModelRef, usize), Option<Vec<Plane>>>,
    pub(super) ready: HashSet<ModelRef>,
}

/// Prepares, off the frame, every house model a piece shows at the piece's ring size — loaded (the first time,
/// with progress and *Cancel*), made at that size, its weights estimated, its meshes made — and hands the meshes to
/// the frame when they are all there; the pieces then learn that it is loaded (they are framed and built).
pub(super) fn prepare_models(
    mut state: ResMut<StudioCollection>,
    mut status: ResMut<StatusLine>,
    mut house_meshes: ResMut<HouseMeshes>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut pieces: Query<(&PieceDesign, &mut PieceKind)>,
) {
    for (PieceDesign(design), _) in &pieces {
        let Some(model) = design.source.collection() else { continue };
        let centi = |mm: f32| (mm * 100.0).round() as u32;
        let wanted = (model.hash.clone(), centi(design.ring_size_mm), centi(design.stone.size_mm));
        // One preparation per model at a time: a slider dragged through many sizes is made at the last one asked
        // once the one in flight is done.
        if shown_ready(design, &house_meshes)
            || state.preparing.keys().any(|(hash, ..)| *hash == model.hash)
            || state.failed.contains_key(&model.hash)
        {
            continue;
        }
        let first_load = crate::geometry::house::registered(&model.hash).is_none();
        if first_load {
            *status = StatusLine::info(said!("status-model-loading", name = &model.name));
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
                for (index, planes) in prepared.planes {
                    house_meshes.planes.insert((prepared.component, index), planes);
                }
                house_meshes.ready.insert(prepared.component);
                if preparation.first_load {
                    *status = StatusLine::default();
                }
                for (design, mut kind) in &mut pieces {
                    kind.set_if_neq(PieceKind::of(&design.0));
                }
            }
            Some(Err(said)) => {
                *status = if preparation.progress.is_cancelled() {
                    StatusLine::info(said.clone())
                } else {
                    StatusLine::error(said.clone())
                };
                state.failed.insert(wanted.0, said);
            }
            None => {
                state.failed.insert(wanted.0, said!("status-preparing-stopped", name = &preparation.name));
            }
        }
    }
}

/// Whether a design's house model is on hand at its size: made, and its meshes handed to the frame.
pub(super) fn shown_ready(design: &crate::design::Design, house_meshes: &HouseMeshes) -> bool {
    crate::geometry::house::key_for(design)
        .is_some_and(|key| crate::geometry::house::is_ready(key) && house_meshes.ready.contains(&ModelRef::House(key)))
}

/// The work of a preparation, off the frame: the core's preparation, then one Bevy mesh per mesh of the model.
fn prepare(collection: &Collection, design: &crate::design::Design, progress: &Progress) -> Result<Prepared, Said> {
    let model = design.source.collection().ok_or_else(|| said!("status-not-a-collection-model"))?;
    collection.prepare_with(design, progress).map_err(super::collection_said)?;
    let key = crate::geometry::house::key_for(design).ok_or_else(|| said!("status-model-did-not-load"))?;
    let component = ModelRef::House(key);
    let component_model = component.model();
    let count = component_model.meshes.len().max(1);
    let (mut meshes, mut planes) = (Vec::with_capacity(count), Vec::new());
    for (index, mesh) in component_model.meshes.iter().enumerate() {
        progress
            .reached(0.95 + 0.05 * index as f32 / count as f32)
            .map_err(|_| super::collection_said(crate::collection::CollectionError::Cancelled(model.name.clone())))?;
        meshes.push((index, bevy_mesh(&mesh.data)));
        if mesh.material != Material::Metal {
            planes.push((index, convex_planes_of_mesh(&mesh.data, MAX_PLANES).ok()));
        }
    }
    Ok(Prepared { component, meshes, planes })
}
