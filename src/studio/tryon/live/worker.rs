//! The hand's worker: its own thread loads the landmark model once, then takes the newest frame whenever it is
//! free and looks at it (`tryon::live::Tracker`: one run of the model while it follows the hand, one square of the
//! search while it looks for one). The studio reads what it saw when it comes and never waits for it: a frame of
//! the studio costs the same whether the worker is busy or not (`ecrin bench`: `tryon_frames_blocked`).

use super::source::{Frame, Newest};
use crate::studio::floor::background::Background;
use crate::tryon::live::{Look, Tracker};
use crate::tryon::{Finger, HandModel, TryOnError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the worker saw in a frame, and how long the model took.
#[derive(Clone, Debug)]
pub struct Looked {
    pub frame: Frame,
    pub look: Look,
    pub model_ms: f32,
}

/// What the worker says.
#[derive(Clone, Debug)]
pub enum WorkerEvent {
    Looked(Box<Looked>),
    /// The model could not be loaded or run: the worker stops.
    Failed(TryOnError),
}

/// The worker; dropping it stops it after the frame it is on.
pub struct HandWorker {
    stop: Arc<AtomicBool>,
    pub events: Background<WorkerEvent>,
}

/// How long the worker rests when no new frame has come.
const IDLE: Duration = Duration::from_millis(3);

impl HandWorker {
    pub fn start(model_path: PathBuf, newest: Newest, finger: Finger) -> HandWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let events = Background::thread(move |sender| {
            let model = match HandModel::load(&model_path) {
                Ok(model) => model,
                Err(error) => {
                    let _ = sender.send(WorkerEvent::Failed(error));
                    return;
                }
            };
            let mut tracker = Tracker::new(finger);
            let mut last: Option<Frame> = None;
            // Squares searched on the same still picture: once all were, it holds no hand the model can see.
            let mut searched = 0;
            while !stopped.load(Ordering::Relaxed) {
                let seen = last.as_ref().map_or(0, |f| f.number);
                let frame = match newest.newer_than(seen) {
                    Some(frame) => frame,
                    // A still picture (a photo, a paused camera): the search goes on over it; a hand followed on it
                    // is not looked at again.
                    None => match &last {
                        Some(frame) if !tracker.following() && searched < squares(frame) => frame.clone(),
                        _ => {
                            std::thread::sleep(IDLE);
                            continue;
                        }
                    },
                };
                let start = Instant::now();
                let look = match tracker.look(&model, &frame.picture) {
                    Ok(look) => look,
                    Err(error) => {
                        let _ = sender.send(WorkerEvent::Failed(error));
                        return;
                    }
                };
                let model_ms = start.elapsed().as_secs_f32() * 1000.0;
                let same = last.as_ref().is_some_and(|f| f.number == frame.number);
                searched = match look {
                    Look::Searching if same => searched + 1,
                    Look::Searching => 1,
                    Look::Seen { .. } => 0,
                };
                last = Some(frame.clone());
                if sender.send(WorkerEvent::Looked(Box::new(Looked { frame, look, model_ms }))).is_err() {
                    return;
                }
            }
        });
        HandWorker { stop, events }
    }
}

/// How many squares a search of the frame's picture looks at.
fn squares(frame: &Frame) -> usize {
    crate::tryon::search::search_crops(frame.picture.width(), frame.picture.height()).len()
}

impl Drop for HandWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
