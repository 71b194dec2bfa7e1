//! The ring on a display hand (a view setting, like the bust): each ring piece gets the Assembly's display hand,
//! scaled so that its ring finger fills the ring at the design's size, in porcelain, velvet or a skin tone; the
//! camera frames the hand — the back of the hand, a three-quarter view, or the hand turning gently as a client
//! turns theirs to catch the light.

pub mod panel;

use super::camera::{HomeView, StudioCamera};
use super::display::{DisplayMaterials, set_hand_finish};
use super::pieces::{Piece, PieceDesign, PieceSpawn};
use super::{StudioState, StudioSystems};
use crate::design::Design;
use crate::geometry::assemble::display_hand;
use crate::geometry::assembly::{DisplaySurface, PartRole};
use crate::geometry::hand::HandFinish;
use crate::studio::floor::models::ModelLibrary;
use bevy::gltf::{Gltf, GltfMesh};
use bevy::prelude::*;
use bevy_panorbit_camera::PanOrbitCamera;

/// How the camera shows the hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum HandFraming {
    /// From above the wrist: the back of the hand, fingers away, as the client sees their own hand.
    #[default]
    Back,
    /// From the little finger's side and lower: the ring's profile on the finger.
    ThreeQuarter,
    /// The hand turning slowly to and fro.
    Turning,
}

impl HandFraming {
    pub const ALL: [HandFraming; 3] = [HandFraming::Back, HandFraming::ThreeQuarter, HandFraming::Turning];

    /// Its name's message key.
    pub fn key(self) -> &'static str {
        match self {
            HandFraming::Back => "hand-framing-back",
            HandFraming::ThreeQuarter => "hand-framing-three-quarter",
            HandFraming::Turning => "hand-framing-turning",
        }
    }
}

/// Whether rings show on the hand, in which finish and framing (a view setting: not part of the design).
#[derive(Resource, Clone, Copy, Debug, PartialEq, Default)]
pub struct HandView {
    pub shown: bool,
    pub finish: HandFinish,
    pub framing: HandFraming,
}

/// What the advisor asks of the hand view.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum HandCommand {
    Show(bool),
    Finish(HandFinish),
    Frame(HandFraming),
}

crate::carried!(HandCommand);

/// The root of a piece's display hand (a child of its piece); its scale follows the ring size.
#[derive(Component)]
pub struct HandRoot;

/// A part of a display hand (skin or nails).
#[derive(Component)]
struct HandPart;

/// How long the turning hand takes to go to one side and back, seconds.
const TURNING_PERIOD_S: f32 = 9.0;
/// How far it turns either side of the three-quarter view, radians.
const TURNING_SWING: f32 = 0.55;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HandView>()
        .add_message::<HandCommand>()
        .add_systems(Update, handle_commands.in_set(StudioSystems::ApplyCommands))
        .add_systems(
            Update,
            (
                spawn_roots.in_set(PieceSpawn),
                (build_hands, follow_ring_sizes, show_or_hide)
                    .chain()
                    .after(PieceSpawn)
                    .in_set(StudioSystems::SyncScene),
            ),
        )
        .add_systems(Update, follow_finish.run_if(resource_changed::<HandView>).in_set(StudioSystems::SyncMaterials))
        .add_systems(Update, keep_the_home_view.in_set(StudioSystems::SyncScene))
        .add_systems(Update, frame_the_hand.in_set(StudioSystems::Camera));
}

/// The camera goes back to the hand's framing while a ring is shown on the hand.
fn keep_the_home_view(
    view: Res<HandView>,
    current: Res<crate::studio::floor::CurrentDesign>,
    home: Option<ResMut<HomeView>>,
) {
    let Some(mut home) = home else { return };
    if !view.is_changed() && !current.is_changed() && !home.is_added() {
        return;
    }
    let design = current.history.variants().designs().first().cloned().unwrap_or_default();
    home.0 = (view.shown && design.necklace.is_none()).then(|| hand_camera(&design, view.framing));
}

fn handle_commands(mut commands: MessageReader<HandCommand>, mut view: ResMut<HandView>) {
    for command in commands.read() {
        let mut next = *view;
        match *command {
            HandCommand::Show(shown) => next.shown = shown,
            HandCommand::Finish(finish) => next.finish = finish,
            HandCommand::Frame(framing) => next.framing = framing,
        }
        view.set_if_neq(next);
    }
}

/// A hand root under every new piece.
fn spawn_roots(mut commands: Commands, pieces: Query<(Entity, &Piece), Added<Piece>>) {
    for (piece, slot) in &pieces {
        commands.spawn((
            HandRoot,
            Name::new(format!("hand {}", slot.0 + 1)),
            Transform::default(),
            Visibility::Hidden,
            ChildOf(piece),
        ));
    }
}

/// Each hand root without parts gets them from the library's hand, once its meshes are loaded.
fn build_hands(
    mut commands: Commands,
    roots: Query<(Entity, Option<&Children>), With<HandRoot>>,
    library: Res<ModelLibrary>,
    display: Option<Res<DisplayMaterials>>,
    (documents, gltf_meshes): (Res<Assets<Gltf>>, Res<Assets<GltfMesh>>),
) {
    let Some(display) = display else { return };
    let Some(hand) = display_hand(&Design::default()) else { return };
    for (root, children) in &roots {
        if children.is_some_and(|c| !c.is_empty()) {
            continue;
        }
        for part in &hand.parts {
            let Some(mesh) =
                hand.component.library().and_then(|c| library.mesh(c, part.mesh, &documents, &gltf_meshes))
            else {
                return;
            };
            let material = match part.role {
                PartRole::Display(DisplaySurface::Nail) => display.nails.clone(),
                _ => display.hand.clone(),
            };
            let local = Transform::from_matrix(Mat4::from(part.local));
            commands.spawn((HandPart, Mesh3d(mesh), MeshMaterial3d(material), local, ChildOf(root)));
        }
    }
}

/// The hand scaled for the piece's ring size (the Assembly's placement).
fn follow_ring_sizes(
    pieces: Query<&PieceDesign, Changed<PieceDesign>>,
    mut roots: Query<(&ChildOf, &mut Transform), With<HandRoot>>,
) {
    for (parent, mut transform) in &mut roots {
        let Ok(PieceDesign(design)) = pieces.get(parent.parent()) else { continue };
        let placement = display_hand(&Design { necklace: None, ..design.clone() }).map(|hand| hand.transform);
        let wanted = Transform::from_matrix(Mat4::from(placement.unwrap_or_default()));
        transform.set_if_neq(wanted);
    }
}

/// The hand shows under rings when the advisor asks for it (and while loading, so its pipeline is ready).
fn show_or_hide(
    state: Option<Res<State<StudioState>>>,
    view: Res<HandView>,
    pieces: Query<&PieceDesign>,
    mut roots: Query<(&ChildOf, &mut Visibility), With<HandRoot>>,
) {
    let loading = state.is_some_and(|s| *s.get() == StudioState::Loading);
    for (parent, mut visibility) in &mut roots {
        let ring = pieces.get(parent.parent()).is_ok_and(|PieceDesign(design)| design.necklace.is_none());
        let shown = loading || (view.shown && ring);
        visibility.set_if_neq(if shown { Visibility::Inherited } else { Visibility::Hidden });
    }
}

fn follow_finish(
    view: Res<HandView>,
    display: Option<Res<DisplayMaterials>>,
    mut assets: ResMut<Assets<super::display::DisplayMaterial>>,
    mut last: Local<Option<HandFinish>>,
) {
    let Some(display) = display else { return };
    if *last != Some(view.finish) {
        set_hand_finish(&display, &mut assets, view.finish);
        *last = Some(view.finish);
    }
}

/// The camera for a ring on the hand (hand frame scaled to the ring size; the ring at the origin).
pub fn hand_camera(design: &Design, framing: HandFraming) -> PanOrbitCamera {
    let scale = crate::geometry::hand::scale_for(design.ring_size_mm);
    let (focus, yaw, pitch, radius) = match framing {
        HandFraming::Back => (Vec3::new(6.0, 0.0, 12.0), 0.1, 1.15, 150.0),
        HandFraming::ThreeQuarter | HandFraming::Turning => (Vec3::new(0.0, 5.0, 4.0), -0.8, 0.62, 105.0),
    };
    let focus = focus * scale;
    let radius = radius * scale;
    PanOrbitCamera {
        focus,
        target_focus: focus,
        yaw: Some(yaw),
        target_yaw: yaw,
        pitch: Some(pitch),
        target_pitch: pitch,
        radius: Some(radius),
        target_radius: radius,
        zoom_lower_limit: 12.0,
        zoom_upper_limit: Some(radius * 3.0),
        ..default()
    }
}

/// The view the studio's camera goes back to: the hand's framing when a ring is on the hand, else the piece's.
pub fn studio_view(design: &Design, view: Option<&HandView>) -> PanOrbitCamera {
    match view {
        Some(view) if view.shown && design.necklace.is_none() => hand_camera(design, view.framing),
        _ => crate::studio::camera::view_for(design),
    }
}

/// Showing or hiding the hand, or another framing, reframes the studio's camera; the turning hand turns.
fn frame_the_hand(
    time: Res<Time>,
    view: Res<HandView>,
    current: Res<crate::studio::floor::CurrentDesign>,
    mut cameras: Query<&mut PanOrbitCamera, With<StudioCamera>>,
    mut framed: Local<Option<(bool, HandFraming)>>,
) {
    let design = current.history.variants().designs().first().cloned().unwrap_or_default();
    let turning = view.shown && view.framing == HandFraming::Turning && design.necklace.is_none();
    // Another finish keeps the camera where the advisor put it.
    let reframe = *framed != Some((view.shown, view.framing));
    *framed = Some((view.shown, view.framing));
    if !reframe && !turning {
        return;
    }
    let wanted = studio_view(&design, Some(&view));
    for mut camera in &mut cameras {
        if reframe {
            super::camera::aim_at(&mut camera, &wanted);
        }
        if turning {
            let phase = time.elapsed_secs() * std::f32::consts::TAU / TURNING_PERIOD_S;
            camera.target_yaw = wanted.target_yaw + TURNING_SWING * phase.sin();
        }
    }
}
