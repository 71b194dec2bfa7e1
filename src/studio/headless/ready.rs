//! Waiting for the windowless studio: frames run until it is ready (models loaded, every piece showing its design,
//! no pipeline compiling), until the presets asked for are read or written, until the scene shows the design.

use super::Offscreen;
use super::error::{Awaited, OffscreenError};
use crate::studio::StudioState;
use crate::studio::document::disk::DocumentDisk;
use crate::studio::loading::LoadingProgress;
use bevy::prelude::*;

/// A frame of the studio loading: how long it took, and what the studio was still waiting for after it.
#[derive(Clone, Copy, Debug)]
pub struct LoadingFrame {
    pub ms: f64,
    pub models_loaded: bool,
    pub pipelines_waiting: usize,
}

impl Offscreen {
    /// Runs frames until the studio is ready (models loaded, ring composed, no pipeline compiling).
    pub fn run_until_ready(&mut self, max_frames: u64) -> Result<(), OffscreenError> {
        self.run_until_ready_timed(max_frames).map(|_| ())
    }

    /// As `run_until_ready`, with each frame's time and what the studio was waiting for (the bench's start-up).
    pub fn run_until_ready_timed(&mut self, max_frames: u64) -> Result<Vec<LoadingFrame>, OffscreenError> {
        let mut frames = Vec::new();
        for _ in 0..max_frames {
            let start = std::time::Instant::now();
            self.update();
            let progress = self.app.world().resource::<LoadingProgress>();
            frames.push(LoadingFrame {
                ms: start.elapsed().as_secs_f64() * 1000.0,
                models_loaded: progress.models >= 1.0,
                pipelines_waiting: progress.waiting_pipelines,
            });
            if let Some(error) = &self.app.world().resource::<LoadingProgress>().error {
                return Err(OffscreenError::Loading(error.in_language(crate::i18n::process_language())));
            }
            if *self.app.world().resource::<State<StudioState>>().get() == StudioState::Ready {
                return Ok(frames);
            }
            if self.app.should_exit().is_some() {
                return Err(OffscreenError::Stopped);
            }
        }
        Err(OffscreenError::TooManyFrames { what: Awaited::StudioReady, frames: max_frames })
    }

    /// Runs frames until no pipeline has been compiling for 3 frames in a row.
    pub fn settle(&mut self, max_frames: u64) -> Result<(), OffscreenError> {
        let mut quiet = 0;
        for _ in 0..max_frames {
            self.update();
            let waiting = self.app.world().resource::<crate::studio::loading::PipelinesWaiting>().0;
            quiet = if waiting == 0 { quiet + 1 } else { 0 };
            if quiet >= 3 {
                return Ok(());
            }
        }
        Err(OffscreenError::TooManyFrames { what: Awaited::Pipelines, frames: max_frames })
    }

    /// Runs frames until the presets asked to be opened or saved are read or written, and applied (they are, off
    /// the frame: `document/disk.rs`); at most 30 s.
    pub fn wait_for_disk(&mut self) {
        let started = std::time::Instant::now();
        let busy = |app: &App| app.world().get_resource::<DocumentDisk>().is_some_and(DocumentDisk::busy);
        while busy(&self.app) && started.elapsed().as_secs() < 30 {
            std::thread::sleep(std::time::Duration::from_millis(1));
            self.app.update();
        }
    }

    /// Whether the ring on screen is the current design's (its components swapped in).
    pub fn scene_matches_design(&self) -> bool {
        rings_match_designs(self.app.world())
    }
}

/// Whether every ring of the board (variants and candidates) shows its design (the main view's alone when there is one design).
fn rings_match_designs(world: &World) -> bool {
    let Some(current) = world.get_resource::<crate::studio::floor::CurrentDesign>() else { return false };
    let Some(mut rings) = world.try_query::<(&ChildOf, &crate::studio::scene::ShownRing)>() else { return false };
    let Some(mut pieces) = world.try_query::<&crate::studio::pieces::Piece>() else { return false };
    let candidates = world.get_resource::<crate::studio::floor::BoardCandidates>();
    let designs = crate::studio::floor::candidates::board_designs(current, candidates);
    let matching: Vec<usize> = rings
        .iter(world)
        .filter_map(|(parent, shown)| pieces.get(world, parent.parent()).ok().map(|piece| (piece.0, shown)))
        .filter(|(slot, shown)| designs.get(*slot).is_some_and(|d| shown.matches(d)))
        .map(|(slot, _)| slot)
        .collect();
    // A house's model is not Écrin's ring: its own root says whether it shows its design.
    (0..designs.len()).all(|slot| matching.contains(&slot) || designs[slot].source.collection().is_some())
        && crate::studio::collection::houses_match_designs(world)
}
