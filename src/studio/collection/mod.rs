//! The house's collection in the studio: its models listed beside Écrin's styles with their pictures (`panel.rs`,
//! `thumbnails.rs`), added from the import dialog (with the designer's corrections and the house's rules) or a
//! dropped file, opened as designs; the pieces of those designs made ready off the frame (`prepare.rs`) and drawn
//! from the house's model (`draw.rs`). A design that breaks the house's rules for its model is told on the status
//! line.

pub mod draw;
pub mod panel;
mod prepare;
pub mod thumbnails;

pub use draw::{HouseRoot, ShownHouse, houses_match_designs};

use super::StudioSystems;
use super::document::DocumentCommand;
use crate::collection::{Allowed, Collection, Manifest, design_of};
use crate::design::DesignCommand;
use crate::geometry::house::HouseSetup;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::floor::background::Background;
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// What the advisor or designer asks of the collection.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum CollectionCommand {
    /// Read the folder again.
    Refresh,
    /// Add a model (the setup as corrected in the import dialog, or as analysed) and open a design of it.
    Add { path: PathBuf, name: Option<String>, setup: Option<Box<HouseSetup>>, allowed: Allowed },
    /// Open a design of a model (one undoable change).
    Open(String),
    /// Remove a model from the collection (its designs keep their presets).
    Remove(String),
    /// Stop loading the models being loaded (their designs are kept).
    CancelLoading,
    /// Set a head of the collection on a band of it: a new model of the collection, whose design opens.
    Combine { band: String, head: String },
}

crate::carried!(CollectionCommand);

/// The collection as the studio sees it: its listing, and the work in flight.
#[derive(Resource)]
pub struct StudioCollection {
    pub collection: Collection,
    pub models: Vec<Manifest>,
    /// Manifests that could not be read (named).
    /// Manifests that could not be read, said in the advisor's language.
    pub problems: Vec<Said>,
    /// The search box of the panel.
    pub search: String,
    /// The models' pictures (the studio window makes them).
    pub thumbnails: thumbnails::Thumbnails,
    listing: Option<Background<Listing>>,
    adding: Option<Background<Result<Manifest, Said>>>,
    /// Models being prepared, by file hash, ring size and centre stone size (hundredths of a mm).
    preparing: HashMap<(String, u32, u32), prepare::Preparation>,
    /// Models that could not be prepared (or whose loading was cancelled), by file hash: not tried again until
    /// a design of theirs is opened again.
    failed: HashMap<String, Said>,
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

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(StudioCollection::at(crate::collection::current()))
        .init_resource::<prepare::HouseMeshes>()
        .add_message::<CollectionCommand>()
        .add_systems(Startup, |mut commands: MessageWriter<CollectionCommand>| {
            commands.write(CollectionCommand::Refresh);
        })
        .add_systems(
            Update,
            ((carry_out_commands, receive_background_work, tell_broken_rules)
                .chain()
                .in_set(StudioSystems::ApplyCommands),),
        )
        .add_plugins(draw::plugin);
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
            CollectionCommand::Add { path, name, setup, allowed } => {
                let (path, name, setup, allowed) = (path.clone(), name.clone(), setup.clone(), allowed.clone());
                *status = StatusLine::info(said!("status-collection-adding", file = path.display().to_string()));
                state.adding = Some(Background::compute(move || {
                    collection.add_with(&path, name.as_deref(), setup.map(|s| *s), allowed).map_err(collection_said)
                }));
            }
            CollectionCommand::Open(id) => match state.models.iter().find(|m| m.id == *id).cloned() {
                Some(manifest) => {
                    // A model whose loading failed or was cancelled is tried again.
                    state.failed.remove(&manifest.hash);
                    documents.write(DocumentCommand::Design(DesignCommand::Load(Box::new(design_of(&manifest)))));
                }
                None => *status = StatusLine::error(said!("status-collection-no-model", id = id)),
            },
            CollectionCommand::CancelLoading => state.cancel_loading(),
            CollectionCommand::Combine { band, head } => {
                let (band, head) = (band.clone(), head.clone());
                *status = StatusLine::info(said!("status-collection-combining"));
                state.adding =
                    Some(Background::compute(move || collection.combine(&band, &head, None).map_err(collection_said)));
            }
            CollectionCommand::Remove(id) => {
                // Off the frame: the files go, then the folder is listed again.
                let id = id.clone();
                state.listing = Some(Background::compute(move || {
                    let removed = collection.remove(&id).map(|m| m.name).map_err(collection_said);
                    listing(&collection, Some(removed))
                }));
            }
        }
    }
}

/// The folder's models and the manifests that could not be read; with what a removal did, when there was one.
fn listing(collection: &Collection, removed: Option<Result<String, Said>>) -> Listing {
    let (mut models, mut problems) = (Vec::new(), Vec::new());
    for entry in collection.list() {
        match entry {
            Ok(manifest) => models.push(manifest),
            Err(error) => problems.push(collection_said(error)),
        }
    }
    Listing { models, problems, removed }
}

/// A collection's error, said when shown.
pub(crate) fn collection_said(error: crate::collection::CollectionError) -> Said {
    Said::new(move |l| error.in_language(l))
}

/// A listing of the folder (after a removal: what it did).
struct Listing {
    models: Vec<Manifest>,
    problems: Vec<Said>,
    removed: Option<Result<String, Said>>,
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
                Some(Ok(name)) => *status = StatusLine::info(said!("status-collection-removed", name = name)),
                Some(Err(said)) => *status = StatusLine::error(said),
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
                *status = StatusLine::info(said!("status-collection-added", name = &manifest.name, id = &manifest.id));
                documents.write(DocumentCommand::Design(DesignCommand::Load(Box::new(design_of(&manifest)))));
                commands.write(CollectionCommand::Refresh);
            }
            Some(Err(said)) => *status = StatusLine::error(said),
            None => *status = StatusLine::error(said!("status-collection-add-stopped")),
        }
    }
}

/// A design of a house's model that breaks the house's rules for it (a preset made before the rule, a size typed
/// on the board) is told on the status line when it becomes the current design or changes; nothing is refused.
fn tell_broken_rules(
    current: Res<CurrentDesign>,
    state: Res<StudioCollection>,
    mut status: ResMut<StatusLine>,
    mut told: Local<Option<(crate::design::Design, usize)>>,
) {
    let design = current.design();
    let seen = (design.clone(), state.models.len());
    if told.as_ref() == Some(&seen) {
        return;
    }
    *told = Some(seen);
    let Some(model) = design.source.collection() else { return };
    let Some(manifest) = state.models.iter().find(|m| m.hash == model.hash) else { return };
    let broken = manifest.rules_broken(design);
    if !broken.is_empty() {
        *status = StatusLine::info(Said::new(move |l| {
            broken.iter().map(|rule| rule.in_language(l)).collect::<Vec<_>>().join("; ")
        }));
    }
}

/// A model of the house's collection: what the house allows for it.
pub fn house_rules(
    current: &crate::studio::floor::CurrentDesign,
    house: &StudioCollection,
) -> Option<crate::collection::Allowed> {
    let model = current.design().source.collection()?;
    house.models.iter().find(|m| m.hash == model.hash).map(|m| m.allowed.clone())
}
