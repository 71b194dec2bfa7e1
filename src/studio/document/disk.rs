//! Opening and saving presets off the frame: a preset may be 16 MB (a long appointment's journal), and a frame never
//! waits on the disk. The document asks (`DocumentDisk::ask`); the reads and writes run one at a time, in the order
//! asked — a save then an open of the same file reads what was saved —, on the task pool; what comes back is
//! applied by the document like any command (`DocumentCommand::Opened`), or said on the status line.

use super::{DocumentCommand, OpenedPreset};
use crate::design::Design;
use crate::design::journal::JournalEntry;
use crate::design::preset::{self, PresetError};
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::floor::background::Background;
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::prelude::*;
use std::collections::VecDeque;
use std::path::PathBuf;

/// A read or a write of a preset.
pub enum DiskWork {
    Open(PathBuf),
    /// Presets for the board: every one must read (the first that does not is named).
    OpenSideBySide(Vec<PathBuf>),
    /// The design and the journal as they were when the save was asked.
    Save {
        path: PathBuf,
        design: Box<Design>,
        journal: Vec<JournalEntry>,
    },
}

/// What a read or a write came back with.
enum DiskDone {
    Opened { path: PathBuf, read: Result<(Design, Vec<JournalEntry>), PresetError> },
    OpenedAll { read: Result<Vec<OpenedPreset>, PresetError> },
    Saved { path: PathBuf, written: Result<(), PresetError> },
}

/// The document's disk work: waiting, and the one running.
#[derive(Resource, Default)]
pub struct DocumentDisk {
    waiting: VecDeque<DiskWork>,
    running: Option<Background<DiskDone>>,
}

impl DocumentDisk {
    /// Whether a read or a write is waiting or running (tests and the CLI wait for it to end).
    pub fn busy(&self) -> bool {
        self.running.is_some() || !self.waiting.is_empty()
    }

    /// Asks for a read or a write; it starts at once when nothing else runs.
    pub fn ask(&mut self, work: DiskWork) {
        self.waiting.push_back(work);
        self.start_next();
    }

    fn start_next(&mut self) {
        if self.running.is_some() {
            return;
        }
        let Some(work) = self.waiting.pop_front() else { return };
        self.running = Some(Background::compute(move || match work {
            DiskWork::Open(path) => {
                let read = preset::load_with_journal(&path);
                DiskDone::Opened { path, read }
            }
            DiskWork::OpenSideBySide(paths) => {
                let read = paths
                    .into_iter()
                    .map(|path| preset::load(&path).map(|design| OpenedPreset { path, design, journal: Vec::new() }))
                    .collect();
                DiskDone::OpenedAll { read }
            }
            DiskWork::Save { path, design, journal } => {
                let written = preset::save_with_journal(&path, &design, &journal);
                DiskDone::Saved { path, written }
            }
        }));
    }
}

/// A preset's error, said when shown.
pub(super) fn preset_said(error: PresetError) -> Said {
    Said::new(move |l| error.in_language(l))
}

/// What came back: a preset read goes to the document as `Opened`; a save or a failure is said.
pub(super) fn follow_disk_work(
    mut disk: ResMut<DocumentDisk>,
    mut document: MessageWriter<DocumentCommand>,
    mut current: ResMut<CurrentDesign>,
    mut status: ResMut<StatusLine>,
) {
    let Some(running) = &disk.running else { return };
    let Some(done) = running.outcome() else { return };
    disk.running = None;
    match done {
        None => *status = StatusLine::error(said!("status-disk-stopped")),
        Some(DiskDone::Opened { path, read: Ok((design, journal)) }) => {
            document.write(DocumentCommand::Opened(Box::new(OpenedPreset { path, design, journal })));
        }
        Some(DiskDone::OpenedAll { read: Ok(opened) }) => {
            document.write(DocumentCommand::OpenedSideBySide(opened));
        }
        Some(
            DiskDone::Opened { read: Err(error), .. }
            | DiskDone::OpenedAll { read: Err(error) }
            | DiskDone::Saved { written: Err(error), .. },
        ) => {
            warn!("{error}");
            *status = StatusLine::error(preset_said(error));
        }
        Some(DiskDone::Saved { path, written: Ok(()) }) => {
            *status = StatusLine::info(said!("status-saved", file = path.display().to_string()));
            current.file = Some(path);
        }
    }
    disk.start_next();
}
