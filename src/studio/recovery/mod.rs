//! Crash recovery: the session (every variant, the one being edited, the journal) is autosaved (atomically, off the frame) a couple of seconds after it
//! changes; a clean exit removes the autosave; after a crash or kill, the next start offers to restore it.

pub mod panel;

use super::StudioSystems;
use super::document::{CurrentDesign, DocumentCommand, StatusLine};
use crate::design::session::{self, Session};
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

/// Where the studio autosaves its session: beside the user's presets.
pub fn default_autosave_path() -> PathBuf {
    super::presets::user_presets_dir().with_file_name("autosave.ron")
}

/// Days an autosave is kept unless the advisor chose another period (*Client data*, kept in the settings): older,
/// the session is no one's to restore, and it goes (client data kept no longer than needed; the CLI:
/// `ecrin clients remove-old-autosaves --days N`).
pub const KEEP_AUTOSAVES_DAYS: u32 = 30;

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
/// A user file written by a newer Écrin.
#[derive(Debug, thiserror::Error)]
#[error("version {found} (this Écrin reads {reads})")]
pub struct NewerVersion {
    pub found: u32,
    pub reads: u32,
}

/// A small user file (RON, versioned: the settings, the screens' scales): `Ok(None)` when there is none yet, `Err`
/// (why) when it is there but unreadable — too large, not RON, or written by a newer Écrin.
pub fn read_user_file<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    reads: u32,
    version: fn(&T) -> u32,
) -> Result<Option<T>, String> {
    let text = match crate::atomic_file::read_text(path, 64 * 1024) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.to_string()),
    };
    let file = ron::from_str::<T>(&text)
        .map_err(|e| format!("{}: {}", e.span, crate::design::preset::syntax_reason(&e.code)))?;
    if version(&file) > reads {
        return Err(NewerVersion { found: version(&file), reads }.to_string());
    }
    Ok(Some(file))
}

/// A user file that cannot be read (the settings, the screens' scales) set aside beside itself with the date, and
/// what the status line says: where it went, or why it could not be moved.
pub fn set_aside_unreadable(file: &std::path::Path, reason: &str) -> StatusLine {
    warn!("{} could not be read ({reason}): it is set aside", file.display());
    let stamp = crate::approval::file_stamp(crate::design::journal::now());
    let name = file.display().to_string();
    match crate::atomic_file::set_aside(file, &stamp) {
        Ok(aside) => StatusLine::error(crate::said!(
            "status-file-set-aside",
            file = name,
            reason = reason.to_string(),
            aside = aside.display().to_string()
        )),
        Err(error) => {
            StatusLine::error(crate::said!("status-file-unreadable", file = name, reason = error.to_string()))
        }
    }
}

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
