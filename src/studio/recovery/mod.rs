//! Crash recovery: the session (every variant, the one being edited, the journal) is autosaved (atomically, off the frame) a couple of seconds after it
//! changes; a clean exit removes the autosave; after a crash or kill, the next start offers to restore it.

pub mod panel;

use super::StudioSystems;
use super::document::DocumentCommand;
use crate::design::session::{self, Session};
use crate::studio::floor::files::{KEEP_AUTOSAVES_DAYS, default_autosave_path};
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::app::AppExit;
use bevy::prelude::*;
use std::path::PathBuf;

/// Seconds a change waits before it is autosaved (a burst of slider moves makes one write).
const AUTOSAVE_DELAY_S: f64 = 2.0;

/// Where the session is autosaved and what was written last.
#[derive(Resource, Clone, Debug)]
pub struct Autosave {
    pub path: PathBuf,
    saved_revision: u64,
    changed_at: Option<f64>,
    /// The write in flight, joined before a clean exit removes the file.
    writing: Option<std::sync::Arc<std::sync::Mutex<Option<std::thread::JoinHandle<()>>>>>,
}

impl Autosave {
    pub fn at(path: PathBuf) -> Self {
        Autosave { path, saved_revision: 0, changed_at: None, writing: None }
    }

    /// Waits for the write in flight, if any.
    pub fn flush(&mut self) {
        if let Some(handle) = self.writing.take().and_then(|w| w.lock().ok().and_then(|mut h| h.take())) {
            let _ = handle.join();
        }
    }
}

impl Default for Autosave {
    fn default() -> Self {
        Autosave::at(default_autosave_path())
    }
}

/// A session found in the autosave at start: the advisor chooses to restore it or not.
#[derive(Resource, Default, Debug, Clone)]
pub struct RecoveryOffer(pub Option<Session>);

/// The advisor's answer to the offer.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryCommand {
    /// Restore the autosaved session (one undoable change of the document).
    Restore,
    /// Let it go.
    Discard,
}

crate::carried!(RecoveryCommand);

/// Autosave and recovery (public so that headless tests can run it under `MinimalPlugins`).
pub fn plugin(app: &mut App) {
    app.init_resource::<Autosave>()
        .init_resource::<RecoveryOffer>()
        .add_message::<RecoveryCommand>()
        .add_systems(Startup, offer_recovery)
        .add_systems(Update, answer_offer.in_set(StudioSystems::Input))
        .add_systems(Update, autosave.after(StudioSystems::ApplyCommands))
        .add_systems(Last, remove_autosave_on_clean_exit);
}

/// The offer answered: the session goes to the document, or away.
fn answer_offer(
    mut answers: MessageReader<RecoveryCommand>,
    mut offer: ResMut<RecoveryOffer>,
    mut document: MessageWriter<DocumentCommand>,
) {
    for answer in answers.read() {
        let session = offer.0.take();
        if let (RecoveryCommand::Restore, Some(session)) = (answer, session) {
            document.write(DocumentCommand::RestoreSession(Box::new(session)));
        }
    }
}

/// At start: an autosave left behind means the last session did not end cleanly. One that cannot be read is set aside
/// with the date (the next autosave would overwrite it), and the studio, starting clean, says where it went.
fn offer_recovery(
    autosave: Res<Autosave>,
    kept: Option<Res<crate::studio::language::settings::KeptAutosaves>>,
    current: Res<CurrentDesign>,
    mut offer: ResMut<RecoveryOffer>,
    mut status: ResMut<StatusLine>,
) {
    let days = kept.map_or(KEEP_AUTOSAVES_DAYS, |kept| kept.0);
    for old in crate::approval::clients::remove_old_autosaves(&autosave.path, days) {
        info!("removed an autosave older than {days} days: {}", old.display());
    }
    if !autosave.path.exists() {
        return;
    }
    match session::load(&autosave.path) {
        Ok(found) if &found.variants != current.history.variants() => {
            info!("found an unsaved session in {}", autosave.path.display());
            offer.0 = Some(found);
        }
        Ok(_) => {}
        Err(error) => {
            warn!("the autosave could not be read, it is set aside: {error}");
            let stamp = crate::approval::file_stamp(crate::design::journal::now());
            let file = autosave.path.display().to_string();
            *status = match crate::atomic_file::set_aside(&autosave.path, &stamp) {
                Ok(aside) => {
                    StatusLine::error(crate::said!("status-autosave-set-aside", file = aside.display().to_string()))
                }
                Err(error) => StatusLine::error(crate::said!(
                    "status-autosave-unreadable",
                    file = file,
                    reason = error.to_string()
                )),
            };
        }
    }
}

/// Writes the session a moment after it changed, on a worker thread (the frame never waits on the disk).
fn autosave(
    time: Res<Time<Real>>,
    current: Res<CurrentDesign>,
    mut autosave: ResMut<Autosave>,
    offer: Res<RecoveryOffer>,
) {
    // While a recovery is on offer, keep the old autosave: it is the only copy of that session.
    if offer.0.is_some() || current.revision == autosave.saved_revision {
        return;
    }
    let now = time.elapsed_secs_f64();
    let changed_at = *autosave.changed_at.get_or_insert(now);
    if now - changed_at < AUTOSAVE_DELAY_S {
        return;
    }
    autosave.flush();
    let saved = Session { variants: current.history.variants().clone(), journal: current.journal.clone() };
    let (path, text) = (autosave.path.clone(), session::to_ron_string(&saved));
    let handle = std::thread::spawn(move || {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(error) = crate::atomic_file::write_atomically(&path, text.as_bytes()) {
            warn!("autosave to {} failed: {error}", path.display());
        }
    });
    autosave.writing = Some(std::sync::Arc::new(std::sync::Mutex::new(Some(handle))));
    autosave.saved_revision = current.revision;
    autosave.changed_at = None;
}

fn remove_autosave_on_clean_exit(
    mut exits: MessageReader<AppExit>,
    mut autosave: ResMut<Autosave>,
    offer: Res<RecoveryOffer>,
) {
    if exits.read().next().is_some() && offer.0.is_none() {
        autosave.flush();
        let _ = std::fs::remove_file(&autosave.path);
    }
}
