//! The boutique's own models in the studio: open a .glb/.gltf (dialog or drop it on the window), check the import
//! report, correct the metal / stone classification in the import dialog, and show it in place of Écrin's ring —
//! metal parts take the design's metal, convex stones the traced gem (the largest: the design's species; the others:
//! diamond), other stones Bevy's transmission; metal and stone changes show live. (`scene.rs` hides Écrin's ring
//! meanwhile.)

pub mod panel;

use super::background::Background;
use super::document::{DocumentCommand, StatusLine};
use super::gem::{GemMaterial, MAX_PLANES, gem_params_for_planes, standard_transmission};
use super::lighting::StudioEnvironment;
use super::materials::RingMaterials;
use super::pieces::{Piece, PieceStone};
use super::{StudioSystems, bevy_mesh};
use crate::design::Species;
use crate::geometry::import::{ImportReport, PartClass, inspect};
use crate::geometry::imported::{ImportedModel, load_model};
use crate::geometry::polyhedron::convex_planes_of_mesh;
use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use std::path::PathBuf;

/// The import dialog: the report and the classification the advisor may correct, part by part.
pub struct ImportDialog {
    pub path: PathBuf,
    pub report: ImportReport,
    pub classes: Vec<PartClass>,
}

/// What the advisor asks of a boutique's model.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// The desktop's file dialog, to choose a model.
    Pick,
    /// Check a model (in the background) and open the import dialog with what was found.
    Open(PathBuf),
    /// Show the model with the (corrected) classification of its parts (read in the background).
    Show(PathBuf, Vec<PartClass>),
    CloseDialog,
    /// Back to Écrin's own ring.
    ShowComposedRing,
}

/// What the analysis of a model found (in the background: a model may hold millions of triangles).
enum Analysis {
    Report(PathBuf, ImportReport),
    Model(PathBuf, Result<ImportedModel, String>),
}

/// Import state: the dialog, the model shown instead of Écrin's ring, the file dialog and the analysis in flight.
#[derive(Resource, Default)]
pub struct Import {
    pub dialog: Option<ImportDialog>,
    pub shown: Option<PathBuf>,
    file_dialog: Option<Background<Option<PathBuf>>>,
    analysis: Option<Background<Analysis>>,
}

impl Import {
    pub fn picking(&self) -> bool {
        self.file_dialog.is_some()
    }

    /// Whether a model is being analysed.
    pub fn analysing(&self) -> bool {
        self.analysis.is_some()
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
    app.init_resource::<Import>().add_message::<ImportCommand>().add_systems(
        Update,
        (
            (receive_file_dialog, dropped_files).in_set(StudioSystems::Input),
            (carry_out_commands, receive_analysis).chain().in_set(StudioSystems::SyncScene),
            follow_design.in_set(StudioSystems::SyncMaterials),
        ),
    );
}

/// Whether a file is a glTF model (by its extension).
pub fn is_model(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("glb") || e.eq_ignore_ascii_case("gltf"))
}

fn receive_file_dialog(mut import: ResMut<Import>, mut commands: MessageWriter<ImportCommand>) {
    let Some(dialog) = &import.file_dialog else { return };
    let Some(picked) = dialog.outcome() else { return };
    let picked = picked.flatten();
    import.file_dialog = None;
    if let Some(path) = picked {
        commands.write(ImportCommand::Open(path));
    }
}

/// A model dropped on the window opens the import dialog; a dropped preset opens like Open….
fn dropped_files(
    mut drops: MessageReader<FileDragAndDrop>,
    mut models: MessageWriter<ImportCommand>,
    mut presets: MessageWriter<DocumentCommand>,
    mut status: ResMut<StatusLine>,
) {
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            if is_model(path_buf) {
                models.write(ImportCommand::Open(path_buf.clone()));
            } else if path_buf.extension().is_some_and(|e| e == crate::design::preset::EXTENSION) {
                presets.write(DocumentCommand::OpenPreset(path_buf.clone()));
            } else {
                *status =
                    StatusLine::error(format!("{}: not a model (.glb, .gltf) or a preset (.ron)", path_buf.display()));
            }
        }
    }
}

fn carry_out_commands(
    mut messages: MessageReader<ImportCommand>,
    mut import: ResMut<Import>,
    mut status: ResMut<StatusLine>,
    mut commands: Commands,
    shown: Query<Entity, With<ImportedRoot>>,
) {
    for message in messages.read() {
        match message {
            ImportCommand::Pick if import.picking() => {}
            ImportCommand::Pick => {
                import.file_dialog = Some(Background::thread(|sender| {
                    let picked = rfd::FileDialog::new().add_filter("glTF model", &["glb", "gltf"]).pick_file();
                    let _ = sender.send(picked);
                }));
            }
            ImportCommand::Open(path) => {
                let path = path.clone();
                *status = StatusLine::info(format!("Checking {}…", path.display()));
                import.analysis = Some(Background::compute(move || {
                    let report = inspect(&path);
                    Analysis::Report(path, report)
                }));
            }
            ImportCommand::Show(path, classes) => {
                let (path, classes) = (path.clone(), classes.clone());
                *status = StatusLine::info(format!("Reading {}…", path.display()));
                import.analysis = Some(Background::compute(move || {
                    let model = load_model(&path, Some(&classes)).map(|(model, _)| model);
                    Analysis::Model(path, model)
                }));
            }
            ImportCommand::CloseDialog => import.dialog = None,
            ImportCommand::ShowComposedRing => {
                for entity in &shown {
                    commands.entity(entity).despawn();
                }
                import.shown = None;
            }
        }
    }
}

/// The analysis came back: the import dialog opens with the report, or the model replaces the ring.
#[allow(clippy::too_many_arguments)]
fn receive_analysis(
    mut import: ResMut<Import>,
    mut status: ResMut<StatusLine>,
    mut commands: Commands,
    shown: Query<Entity, With<ImportedRoot>>,
    mut meshes: ResMut<Assets<Mesh>>,
    (mut gems, mut standard): (ResMut<Assets<GemMaterial>>, ResMut<Assets<StandardMaterial>>),
    pieces: Query<(&Piece, &RingMaterials, &PieceStone)>,
    environment: Res<StudioEnvironment>,
) {
    let Some(analysis) = &import.analysis else { return };
    let found = match analysis.outcome() {
        None => return,
        Some(Some(found)) => found,
        Some(None) => {
            import.analysis = None;
            *status = StatusLine::error("the model's analysis stopped without a result");
            return;
        }
    };
    import.analysis = None;
    match found {
        Analysis::Report(path, report) if !report.usable => {
            *status = StatusLine::error(format!("{}: {}", path.display(), report.problems.join("; ")));
        }
        Analysis::Report(path, report) => {
            *status = StatusLine::default();
            let classes = report.parts.iter().map(|p| p.class).collect();
            import.dialog = Some(ImportDialog { path, report, classes });
        }
        Analysis::Model(_, Err(message)) => *status = StatusLine::error(message),
        Analysis::Model(path, Ok(model)) => {
            // The model shows in the main view: it takes the main piece's materials and stone.
            let Some((_, ring, stone)) = pieces.iter().find(|(piece, ..)| piece.0 == 0) else { return };
            for entity in &shown {
                commands.entity(entity).despawn();
            }
            let summary =
                spawn_model(&mut commands, &model, &mut meshes, &mut gems, &mut standard, ring, &environment, stone.0);
            *status = StatusLine::info(format!("Showing {} ({}, {summary})", path.display(), model.units));
            import.shown = Some(path);
            import.dialog = None;
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
