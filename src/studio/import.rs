//! The boutique's own models in the studio: open a .glb/.gltf (dialog or drop it on the window), check the import
//! report, correct the metal / stone classification in the import dialog, and show it in place of Écrin's ring —
//! metal parts take the design's metal, convex stones the traced gem (the largest: the design's species; the others:
//! diamond), other stones Bevy's transmission; metal and stone changes show live. (`scene.rs` hides Écrin's ring
//! meanwhile.)

use super::gem::{GemMaterial, MAX_PLANES, gem_params_for_planes, standard_transmission};
use super::lighting::StudioEnvironment;
use super::materials::RingMaterials;
use super::pieces::{Piece, PieceStone};
use super::state::{StatusLine, StudioCommand};
use super::{StudioSystems, bevy_mesh};
use crate::design::Species;
use crate::geometry::import::{ImportReport, PartClass, inspect};
use crate::geometry::imported::{ImportedModel, load_model};
use crate::geometry::polyhedron::convex_planes_of_mesh;
use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// The import dialog: the report and the classification the advisor may correct, part by part.
pub struct ImportDialog {
    pub path: PathBuf,
    pub report: ImportReport,
    pub classes: Vec<PartClass>,
}

/// Import state: the dialog, the model shown instead of Écrin's ring, the file dialog in flight.
#[derive(Resource, Default)]
pub struct Import {
    pub dialog: Option<ImportDialog>,
    pub shown: Option<PathBuf>,
    file_dialog: Option<Mutex<Receiver<Option<PathBuf>>>>,
}

impl Import {
    /// Opens the desktop's file dialog for a model (on a worker thread).
    pub fn pick_file(&mut self) {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new().add_filter("glTF model", &["glb", "gltf"]).pick_file();
            let _ = sender.send(picked);
        });
        self.file_dialog = Some(Mutex::new(receiver));
    }

    pub fn picking(&self) -> bool {
        self.file_dialog.is_some()
    }
}

/// The root of an imported model.
#[derive(Component)]
pub struct ImportedRoot;

/// An imported stone traced by the gem shader.
#[derive(Component)]
struct ImportedGem {
    centre: bool,
    material: Handle<GemMaterial>,
    planes: Vec<crate::geometry::polyhedron::Plane>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Import>().add_systems(
        Update,
        (
            (receive_file_dialog, dropped_files).in_set(StudioSystems::Input),
            carry_out_commands.in_set(StudioSystems::SyncScene),
            follow_design.in_set(StudioSystems::SyncMaterials),
        ),
    );
}

/// Whether a file is a glTF model (by its extension).
pub fn is_model(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("glb") || e.eq_ignore_ascii_case("gltf"))
}

fn receive_file_dialog(mut import: ResMut<Import>, mut commands: MessageWriter<StudioCommand>) {
    let Some(receiver) = &import.file_dialog else { return };
    let Some(picked) = receiver.lock().ok().and_then(|r| r.try_recv().ok()) else { return };
    import.file_dialog = None;
    if let Some(path) = picked {
        commands.write(StudioCommand::ImportModel(path));
    }
}

/// A model dropped on the window opens the import dialog; a dropped preset opens like Open….
fn dropped_files(mut drops: MessageReader<FileDragAndDrop>, mut commands: MessageWriter<StudioCommand>) {
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            if is_model(path_buf) {
                commands.write(StudioCommand::ImportModel(path_buf.clone()));
            } else if path_buf.extension().is_some_and(|e| e == crate::design::preset::EXTENSION) {
                commands.write(StudioCommand::OpenPreset(path_buf.clone()));
            } else {
                commands.write(StudioCommand::ReportError(format!(
                    "{}: not a model (.glb, .gltf) or a preset (.ron)",
                    path_buf.display()
                )));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn carry_out_commands(
    mut messages: MessageReader<StudioCommand>,
    mut import: ResMut<Import>,
    mut status: ResMut<StatusLine>,
    mut commands: Commands,
    shown: Query<Entity, With<ImportedRoot>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut gems: ResMut<Assets<GemMaterial>>,
    mut standard: ResMut<Assets<StandardMaterial>>,
    pieces: Query<(&Piece, &RingMaterials, &PieceStone)>,
    environment: Res<StudioEnvironment>,
) {
    for message in messages.read() {
        match message {
            StudioCommand::ImportModel(path) => {
                let report = inspect(path);
                if !report.usable {
                    *status = StatusLine::error(format!("{}: {}", path.display(), report.problems.join("; ")));
                    continue;
                }
                let classes = report.parts.iter().map(|p| p.class).collect();
                import.dialog = Some(ImportDialog { path: path.clone(), report, classes });
            }
            StudioCommand::CloseImportDialog => import.dialog = None,
            StudioCommand::ShowImported(path, classes) => match load_model(path, Some(classes)) {
                Ok((model, _)) => {
                    // The model shows in the main view: it takes the main piece's materials and stone.
                    let Some((_, ring, stone)) = pieces.iter().find(|(piece, ..)| piece.0 == 0) else { continue };
                    for entity in &shown {
                        commands.entity(entity).despawn();
                    }
                    let species = stone.0;
                    let summary = spawn_model(
                        &mut commands,
                        &model,
                        &mut meshes,
                        &mut gems,
                        &mut standard,
                        ring,
                        &environment,
                        species,
                    );
                    *status = StatusLine::info(format!("Showing {} ({}, {summary})", path.display(), model.units));
                    import.shown = Some(path.clone());
                    import.dialog = None;
                }
                Err(message) => *status = StatusLine::error(message),
            },
            StudioCommand::ShowComposedRing => {
                for entity in &shown {
                    commands.entity(entity).despawn();
                }
                import.shown = None;
            }
            _ => {}
        }
    }
}

/// Spawns the parts; returns what was shown, in words.
#[allow(clippy::too_many_arguments)]
fn spawn_model(
    commands: &mut Commands,
    model: &ImportedModel,
    meshes: &mut Assets<Mesh>,
    gems: &mut Assets<GemMaterial>,
    standard: &mut Assets<StandardMaterial>,
    ring: &RingMaterials,
    environment: &StudioEnvironment,
    species: Species,
) -> String {
    let root =
        commands.spawn((ImportedRoot, Name::new("imported model"), Transform::default(), Visibility::default())).id();
    let (mut metal, mut traced, mut fallback) = (0, 0, 0);
    for (index, part) in model.parts.iter().enumerate() {
        let mesh = Mesh3d(meshes.add(bevy_mesh(&part.mesh)));
        let place = Transform::from_translation(part.origin);
        let name = Name::new(part.label.clone());
        match part.class {
            PartClass::Metal => {
                metal += 1;
                commands.spawn((mesh, MeshMaterial3d(ring.metal.clone()), place, name, ChildOf(root)));
            }
            PartClass::Gem => {
                let centre = model.centre_stone == Some(index);
                let stone_species = if centre { species } else { Species::Diamond };
                match convex_planes_of_mesh(&part.mesh, MAX_PLANES) {
                    Ok(planes) => {
                        traced += 1;
                        let material = gems.add(GemMaterial {
                            params: gem_params_for_planes(&planes, stone_species),
                            environment: environment.cubemap.clone(),
                        });
                        let gem = ImportedGem { centre, material: material.clone(), planes };
                        commands.spawn((mesh, MeshMaterial3d(material), place, name, gem, ChildOf(root)));
                    }
                    Err(_) => {
                        fallback += 1;
                        let material = standard.add(standard_transmission(stone_species));
                        commands.spawn((mesh, MeshMaterial3d(material), place, name, ChildOf(root)));
                    }
                }
            }
            PartClass::Unknown => {}
        }
    }
    let mut words = format!("{metal} metal parts, {traced} stones traced");
    if fallback > 0 {
        words.push_str(&format!(", {fallback} not convex: drawn with transmission"));
    }
    words
}

/// Keeps the imported stones in step with the main piece's species and the light.
fn follow_design(
    environment: Res<StudioEnvironment>,
    pieces: Query<(&Piece, Ref<PieceStone>)>,
    stones: Query<&ImportedGem>,
    mut gems: ResMut<Assets<GemMaterial>>,
) {
    let Some((_, stone)) = pieces.iter().find(|(piece, _)| piece.0 == 0) else { return };
    if !(environment.is_changed() || stone.is_changed()) {
        return;
    }
    let species = stone.0;
    for stone in &stones {
        if let Some(mut material) = gems.get_mut(&stone.material) {
            let stone_species = if stone.centre { species } else { Species::Diamond };
            material.params = gem_params_for_planes(&stone.planes, stone_species);
            material.environment = environment.cubemap.clone();
        }
    }
}
