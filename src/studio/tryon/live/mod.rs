//! The live try-on in the studio: a camera's frames (or a photo) as the picture, the hand's worker looking at the
//! newest frame off the frame (`worker.rs`), the ring drawn by a camera of the studio's own renderer placed as the
//! ring lies on the finger (`view.rs`), smoothed and faded (`tryon::live`), over the picture (`panel.rs`). The
//! advisor starts and stops it; nothing of it is written anywhere.

pub mod panel;
pub mod picture;
pub mod source;
pub mod view;
pub mod worker;

use self::source::{CameraChoice, FrameSource, Newest, SourceEvent, SourceKind};
use self::worker::{HandWorker, Looked, WorkerEvent};
use crate::studio::StudioSystems;
use crate::studio::floor::KeptPictures;
use crate::studio::floor::background::{Background, Polled};
use crate::tryon::live::{Fade, Look, SmoothPlacement};
use crate::tryon::place::{Hand, RingPlacement, place_ring};
use crate::tryon::{Finger, TryOnError};
use bevy::prelude::*;
use std::time::Instant;

/// What the advisor asks of the live try-on.
#[derive(Message, Clone, Debug)]
pub enum TryOnCommand {
    /// Look for the computer's cameras (off the frame).
    ListCameras,
    Start(SourceKind),
    /// Choose a photo in a dialog, then start on it.
    ChoosePhoto,
    Stop,
    Finger(Finger),
    /// The hand the ring goes on (`None`: the model's guess).
    Hand(Option<Hand>),
    /// Show the camera's picture as a mirror (the client sees their hand move as in a mirror; the ring follows).
    Mirror(bool),
    /// The camera to start (its index) and the resolution asked of it.
    Camera(u32),
    Resolution((u32, u32)),
    /// The advisor's tick: the client agreed that pictures of their hand be kept (for the approval pack).
    Consent(bool),
    /// Keep the picture as it is now, with the ring (only with the consent ticked).
    Snapshot,
    /// Forget the pictures kept.
    ForgetSnapshots,
    /// Size the finger from a bank card in view: the picture the hand was last seen in is held still for the card's
    /// corners to be clicked.
    CardStart,
    /// A corner of the card clicked, in the held picture's pixels.
    CardCorner(glam::Vec2),
    /// Back to the live picture.
    CardEnd,
}

impl PartialEq for TryOnCommand {
    fn eq(&self, other: &Self) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}

crate::carried!(TryOnCommand);

/// The cameras found, once looked for.
#[derive(Default)]
pub enum CameraList {
    #[default]
    NotLooked,
    Looking(Background<Result<Vec<CameraChoice>, TryOnError>>),
    Found(Vec<CameraChoice>),
    Failed(TryOnError),
}

/// Where the live try-on stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LiveState {
    #[default]
    Off,
    /// The source or the model is starting.
    Starting,
    Running,
    Failed(TryOnError),
}

/// The live try-on's settings and session.
#[derive(Resource, Default)]
pub struct LiveTryOn {
    pub state: LiveState,
    pub finger: Finger,
    pub hand: Option<Hand>,
    pub cameras: CameraList,
    pub camera: Option<u32>,
    pub resolution: (u32, u32),
    /// The camera's picture is shown as a mirror.
    pub mirrored: bool,
    pub(crate) session: Option<Session>,
    /// The client agreed that pictures of their hand be kept (unticked at each start).
    pub consent: bool,
    /// A snapshot asked for, taken at the next frame the ring is drawn.
    pub(crate) snapshot_wanted: bool,
    /// The size from a card, while it is measured (and its result until the next start).
    pub card: Option<CardMeasure>,
    photo_dialog: Option<Background<Option<std::path::PathBuf>>>,
}

/// The finger sized from a card in view.
#[derive(Clone, Debug)]
pub struct CardMeasure {
    /// The picture held still while the corners are clicked, and the finger measured on it.
    pub frame: source::Frame,
    pub finger: crate::tryon::finger::FingerMeasure,
    /// The corners clicked so far (picture pixels).
    pub corners: Vec<glam::Vec2>,
    /// The range, once four corners are in.
    pub estimate: Option<crate::tryon::card::SizeEstimate>,
    /// Whether the picture is still held (the corners are being clicked or the result read).
    pub holding: bool,
}

/// A running try-on.
pub(crate) struct Session {
    kind: SourceKind,
    newest: Newest,
    source: FrameSource,
    worker: HandWorker,
    /// The frame shown now.
    pub shown: Option<source::Frame>,
    /// What the worker saw last.
    pub looked: Option<Looked>,
    smooth: SmoothPlacement,
    pub fade: Fade,
    /// The ring where it is drawn (smoothed): held while it fades out.
    pub placement: Option<RingPlacement>,
    pub started: Instant,
    /// Frames of the studio drawn since the start, and looks of the worker received.
    pub frames: u64,
    pub looks: u64,
    /// The time the try-on's own systems took in the last frame, ms (`ecrin bench`: a frame that waited on the
    /// worker would show it here).
    pub frame_work_ms: f32,
}

impl LiveTryOn {
    pub fn running(&self) -> bool {
        self.session.is_some()
    }

    /// Whether a camera (or pictures played as one) is running: a photo is not.
    pub fn is_live(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.kind.is_live())
    }

    /// Whether the frame shown now is turned as a mirror (`None`: no frame yet).
    pub fn session_frame_mirrored(&self) -> Option<bool> {
        self.session.as_ref()?.shown.as_ref().map(|frame| frame.mirrored)
    }

    /// The session's figures: frames of the studio drawn and looks of the worker received since it started.
    pub fn counts(&self) -> Option<(u64, u64)> {
        self.session.as_ref().map(|s| (s.frames, s.looks))
    }

    /// Where the ring is drawn (smoothed) and its opacity.
    pub fn ring(&self) -> Option<(RingPlacement, f32)> {
        let session = self.session.as_ref()?;
        session.placement.map(|placement| (placement, session.fade.opacity))
    }

    /// The time the try-on's own systems took in the last frame, ms.
    pub fn frame_work_ms(&self) -> Option<f32> {
        self.session.as_ref().map(|s| s.frame_work_ms)
    }

    /// The model's time on the last frame it looked at, ms.
    pub fn model_ms(&self) -> Option<f32> {
        self.session.as_ref()?.looked.as_ref().map(|looked| looked.model_ms)
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.insert_resource(LiveTryOn { resolution: source::RESOLUTIONS[1], ..default() })
        .init_resource::<KeptPictures>()
        .add_message::<TryOnCommand>()
        .add_systems(Update, (handle_commands, look_for_cameras).in_set(StudioSystems::ApplyCommands))
        .add_systems(Update, follow_the_hand.in_set(StudioSystems::SyncScene))
        .add_plugins(view::plugin);
}

fn handle_commands(
    mut commands: MessageReader<TryOnCommand>,
    mut live: ResMut<LiveTryOn>,
    mut kept: ResMut<KeptPictures>,
    languages: Option<Res<crate::studio::floor::Languages>>,
) {
    for command in commands.read() {
        match command.clone() {
            TryOnCommand::ListCameras => {
                if !matches!(live.cameras, CameraList::Looking(_)) {
                    live.cameras = CameraList::Looking(Background::thread(|sender| {
                        let _ = sender.send(source::cameras());
                    }));
                }
            }
            TryOnCommand::Start(kind) => start(&mut live, kind),
            TryOnCommand::ChoosePhoto => {
                let l = languages.as_ref().map_or(crate::i18n::Language::English, |l| l.advisor);
                let filter = crate::tr!(l, "dialog-tryon-photo-filter");
                live.photo_dialog = Some(Background::thread(move |sender| {
                    let chosen = rfd::FileDialog::new().add_filter(filter, &source::PHOTO_EXTENSIONS).pick_file();
                    let _ = sender.send(chosen);
                }));
            }
            TryOnCommand::Stop => {
                live.session = None;
                live.state = LiveState::Off;
            }
            TryOnCommand::Finger(finger) => {
                live.finger = finger;
                // The worker measures the finger: it starts again on the same source.
                if let Some(kind) = live.session.as_ref().map(|s| s.kind.clone()) {
                    start(&mut live, kind);
                }
            }
            TryOnCommand::Hand(hand) => live.hand = hand,
            TryOnCommand::Mirror(mirrored) => {
                live.mirrored = mirrored;
                if let Some(session) = live.session.as_mut() {
                    session.newest.mirror(mirrored && session.kind.is_live());
                    // What was seen on the picture turned the other way is no place for the ring now.
                    session.looked = None;
                    session.placement = None;
                    session.smooth.reset();
                }
            }
            TryOnCommand::Consent(agreed) => {
                live.consent = agreed;
                // Consent withdrawn: what was kept goes.
                if !agreed {
                    kept.pictures.clear();
                }
            }
            TryOnCommand::Snapshot => live.snapshot_wanted = live.consent && live.ring().is_some(),
            TryOnCommand::ForgetSnapshots => kept.pictures.clear(),
            TryOnCommand::CardStart => live.card = hold_for_the_card(&mut live),
            TryOnCommand::CardCorner(at) => {
                if let Some(card) = live.card.as_mut().filter(|c| c.holding && c.corners.len() < 4) {
                    card.corners.push(at);
                    if let Ok(corners) = <[glam::Vec2; 4]>::try_from(card.corners.as_slice()) {
                        let width = card.frame.picture.width();
                        let assumptions = crate::tryon::card::SizeAssumptions::default();
                        card.estimate = crate::tryon::card::estimate(corners, width, &card.finger, &assumptions);
                    }
                }
            }
            TryOnCommand::CardEnd => {
                if let Some(card) = live.card.as_mut() {
                    card.holding = false;
                }
            }
            TryOnCommand::Camera(index) => live.camera = Some(index),
            TryOnCommand::Resolution(resolution) => live.resolution = resolution,
        }
    }
    let chosen = live.photo_dialog.as_ref().and_then(|dialog| dialog.outcome());
    if let Some(chosen) = chosen {
        live.photo_dialog = None;
        if let Some(path) = chosen.flatten() {
            start(&mut live, SourceKind::Photo(path));
        }
    }
}

/// The picture the hand was last seen in, held, with its finger's measure (none: the hand or its finger's edges
/// are not seen now).
fn hold_for_the_card(live: &mut LiveTryOn) -> Option<CardMeasure> {
    let session = live.session.as_mut()?;
    let looked = session.looked.as_ref()?;
    let Look::Seen { finger: Some(finger), .. } = &looked.look else { return None };
    session.shown = Some(looked.frame.clone());
    Some(CardMeasure {
        frame: looked.frame.clone(),
        finger: *finger,
        corners: Vec::new(),
        estimate: None,
        holding: true,
    })
}

fn start(live: &mut LiveTryOn, kind: SourceKind) {
    live.session = None;
    live.consent = false;
    live.card = None;
    let newest = Newest::default();
    newest.mirror(live.mirrored && kind.is_live());
    let source = FrameSource::start(kind.clone(), newest.clone());
    let worker = HandWorker::start(crate::studio::tryon::model_path(), newest.clone(), live.finger);
    live.session = Some(Session {
        kind,
        newest,
        source,
        worker,
        shown: None,
        looked: None,
        smooth: SmoothPlacement::default(),
        fade: Fade::default(),
        placement: None,
        started: Instant::now(),
        frames: 0,
        looks: 0,
        frame_work_ms: 0.0,
    });
    live.state = LiveState::Starting;
}

fn look_for_cameras(mut live: ResMut<LiveTryOn>) {
    let CameraList::Looking(work) = &live.cameras else { return };
    let Some(outcome) = work.outcome() else { return };
    live.cameras = match outcome {
        Some(Ok(found)) => {
            if live.camera.is_none_or(|index| !found.iter().any(|c| c.index == index)) {
                live.camera = found.first().map(|c| c.index);
            }
            CameraList::Found(found)
        }
        Some(Err(error)) => CameraList::Failed(error),
        None => CameraList::Failed(TryOnError::Camera(String::new())),
    };
}

/// Each frame: the newest picture, what the worker saw last, the ring's smoothed place and its fade — all without
/// waiting on the source or the worker.
fn follow_the_hand(time: Res<Time>, mut live: ResMut<LiveTryOn>, current: Res<crate::studio::floor::CurrentDesign>) {
    // The hand as the picture shows it: a mirrored picture shows the other one.
    let mirrored = live.mirrored && live.session.as_ref().is_some_and(|s| s.kind.is_live());
    let hand = live.hand.map(|hand| if mirrored { hand.other() } else { hand });
    let ring_size_mm = current.design().ring_size_mm;
    let holding = live.card.as_ref().is_some_and(|card| card.holding);
    let live = &mut *live;
    let Some(session) = live.session.as_mut() else { return };
    let started = Instant::now();
    session.frames += 1;
    let mut failed = None;
    loop {
        match session.source.events.try_next() {
            Polled::Ready(SourceEvent::Started { .. }) => live.state = LiveState::Running,
            Polled::Ready(SourceEvent::Failed(error)) => failed = Some(error),
            Polled::Waiting | Polled::Finished => break,
        }
    }
    loop {
        match session.worker.events.try_next() {
            // While the card is measured, the picture and the ring stay as they were.
            Polled::Ready(WorkerEvent::Looked(_)) if holding => session.looks += 1,
            // A look at a frame turned the other way than the picture is now (the mirror was just ticked).
            Polled::Ready(WorkerEvent::Looked(looked)) if looked.frame.mirrored != mirrored => session.looks += 1,
            Polled::Ready(WorkerEvent::Looked(looked)) => {
                session.looks += 1;
                session.looked = Some(*looked);
                let seen = seen_placement(session.looked.as_ref(), hand, ring_size_mm);
                if let (Some(looked), Some(seen)) = (&session.looked, seen) {
                    // Back after being lost: the ring starts where it is seen, not gliding from where it was.
                    if session.fade.opacity == 0.0 {
                        session.smooth.reset();
                    }
                    let at = looked.frame.taken.duration_since(session.started).as_secs_f64();
                    session.placement = Some(session.smooth.filter(at, seen));
                }
            }
            Polled::Ready(WorkerEvent::Failed(error)) => failed = Some(error),
            Polled::Waiting | Polled::Finished => break,
        }
    }
    if let Some(frame) = session.newest.newer_than(session.shown.as_ref().map_or(0, |f| f.number)).filter(|_| !holding)
    {
        session.shown = Some(frame);
    }
    let seen = seen_placement(session.looked.as_ref(), hand, ring_size_mm).is_some();
    session.fade.step(seen, time.delta_secs());
    session.frame_work_ms = started.elapsed().as_secs_f32() * 1000.0;
    if let Some(error) = failed {
        live.session = None;
        live.state = LiveState::Failed(error);
    }
}

/// The ring's place in what the worker saw last, if the hand and the finger's edges were seen; `hand` as the picture
/// shows it.
pub fn seen_placement(looked: Option<&Looked>, hand: Option<Hand>, ring_size_mm: f32) -> Option<RingPlacement> {
    let Look::Seen { pose, finger: Some(finger), .. } = &looked?.look else { return None };
    let hand = hand.unwrap_or_else(|| Hand::guessed(pose, false));
    Some(place_ring(pose, finger, hand, ring_size_mm))
}
