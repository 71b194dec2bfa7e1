//! The window camera: orbit, zoom and touch (pan-orbit), a turntable, a view reset, and the viewport left free
//! by the panels.

use super::StudioSystems;
use super::lighting::{StudioEnvironment, studio_camera_components};
use crate::i18n::Language;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use bevy_panorbit_camera::{PanOrbitCamera, PanOrbitCameraPlugin};

/// The 3D view of the ring.
#[derive(Component)]
pub struct StudioCamera;

/// What the advisor asks of the view.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewCommand {
    /// Turn the piece slowly, or stop.
    Turntable(bool),
    /// Back to the piece's default framing.
    Reset,
    /// Inside the band, on the engraving (as `View::Engraving` frames it).
    EngravingCloseUp,
}

crate::carried!(ViewCommand);

/// The view's state.
#[derive(Resource, Default)]
pub struct ViewControls {
    pub turntable: bool,
    pub reset_requested: bool,
    pub close_up_requested: bool,
    /// True while the pointer is over a panel: the orbit controls ignore it then.
    pub pointer_over_panel: bool,
}

/// Turntable speed, radians per second (a full turn in 12 s, calm enough to talk over).
const TURNTABLE_SPEED: f32 = std::f32::consts::TAU / 12.0;

/// The default view: three-quarter from the front, slightly above, so the stone faces the client.
pub fn default_view(focus_y: f32) -> PanOrbitCamera {
    PanOrbitCamera {
        focus: Vec3::new(0.0, focus_y, 0.0),
        target_focus: Vec3::new(0.0, focus_y, 0.0),
        yaw: Some(0.55),
        target_yaw: 0.55,
        pitch: Some(0.62),
        target_pitch: 0.62,
        radius: Some(40.0),
        target_radius: 40.0,
        zoom_lower_limit: 12.0,
        zoom_upper_limit: Some(160.0),
        ..default()
    }
}

/// Height the camera looks at for necklaces, mm below the base of the neck: the whole neckline in view.
const NECKLINE_FOCUS_Y_MM: f32 = -60.0;

/// The default view of a design: the ring close up, or a necklace on the bust (from the front, a little to the
/// side, the whole neckline in view).
pub fn view_for(design: &crate::design::Design) -> PanOrbitCamera {
    if design.source.collection().is_some() {
        return house_view(design);
    }
    match &design.necklace {
        None => default_view(crate::geometry::shank::band_top_mm(design.ring_size_mm) * 0.55),
        // The same framing for every length, so that the client sees where each one falls.
        Some(_) => {
            let focus = Vec3::new(0.0, NECKLINE_FOCUS_Y_MM, 0.0);
            PanOrbitCamera {
                focus,
                target_focus: focus,
                yaw: Some(0.3),
                target_yaw: 0.3,
                pitch: Some(0.12),
                target_pitch: 0.12,
                radius: Some(420.0),
                target_radius: 420.0,
                zoom_lower_limit: 40.0,
                zoom_upper_limit: Some(1200.0),
                ..default()
            }
        }
    }
}

/// A house's model framed whole, centred on its bounds, from the same angle as Écrin's rings (the default ring view
/// until the model is loaded).
fn house_view(design: &crate::design::Design) -> PanOrbitCamera {
    // Only a model already made at this size (never resized on the frame).
    let ready = crate::geometry::house::key_for(design).is_some_and(crate::geometry::house::is_ready);
    let bounds = if ready { crate::geometry::assemble::assemble(design).bounds() } else { None };
    let Some((lo, hi)) = bounds else {
        return default_view(crate::geometry::shank::band_top_mm(design.ring_size_mm) * 0.55);
    };
    let centre = (lo + hi) / 2.0;
    // Écrin's ring (≈ 24 mm across) is framed at 40 mm: the same proportion for any size.
    let radius = ((hi - lo).max_element() * 1.7).clamp(8.0, 400.0);
    PanOrbitCamera {
        focus: centre,
        target_focus: centre,
        radius: Some(radius),
        target_radius: radius,
        zoom_lower_limit: radius * 0.3,
        zoom_upper_limit: Some(radius * 4.0),
        ..default_view(centre.y)
    }
}

/// The view the studio's camera goes back to (*Reset*, another piece) where a feature frames the main piece its own
/// way — the display hand keeps it —; `None`: the piece's own framing (`view_for`).
#[derive(Resource, Default)]
pub struct HomeView(pub Option<PanOrbitCamera>);

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(PanOrbitCameraPlugin)
        .init_resource::<ViewControls>()
        .init_resource::<HomeView>()
        .add_message::<ViewCommand>()
        .add_systems(Startup, spawn_camera)
        .add_systems(Update, control_the_view.in_set(StudioSystems::ApplyCommands))
        .add_systems(Update, (turntable_and_reset, block_orbit_over_panels).in_set(StudioSystems::Camera));
}

fn control_the_view(mut commands: MessageReader<ViewCommand>, mut controls: ResMut<ViewControls>) {
    for command in commands.read() {
        match *command {
            ViewCommand::Turntable(turning) => controls.turntable = turning,
            ViewCommand::Reset => controls.reset_requested = true,
            ViewCommand::EngravingCloseUp => controls.close_up_requested = true,
        }
    }
}

fn spawn_camera(mut commands: Commands, environment: Res<StudioEnvironment>, current: Res<CurrentDesign>) {
    let view = view_for(main_design(&current));
    commands.spawn((
        StudioCamera,
        Camera3d::default(),
        Transform::from_xyz(30.0, 30.0, 40.0).looking_at(view.focus, Vec3::Y),
        view,
        studio_camera_components(&environment),
    ));
}

fn turntable_and_reset(
    time: Res<Time>,
    mut controls: ResMut<ViewControls>,
    current: Res<CurrentDesign>,
    mut cameras: Query<&mut PanOrbitCamera, With<StudioCamera>>,
    pieces: Query<(&super::pieces::Piece, Ref<super::pieces::PieceKind>)>,
    home: Option<Res<HomeView>>,
) {
    // A change between ring and necklace reframes the view (and the first frame frames whatever the studio
    // opened with, e.g. a necklace preset given at start: the main piece's kind is new then).
    let piece_changed = pieces.iter().any(|(piece, kind)| piece.0 == 0 && kind.is_changed());
    for mut camera in &mut cameras {
        if controls.reset_requested || piece_changed {
            let framed = home.as_ref().and_then(|home| home.0);
            aim_at(&mut camera, &framed.unwrap_or_else(|| view_for(main_design(&current))));
        }
        if piece_changed {
            // Another piece: jump to its framing (the orbit controls start from there, even on the first frame).
            camera.focus = reset_focus(&current);
            camera.yaw = Some(camera.target_yaw);
            camera.pitch = Some(camera.target_pitch);
            camera.radius = Some(camera.target_radius);
            camera.force_update = true;
        }
        if controls.close_up_requested {
            aim_at(&mut camera, &engraving_close_up(main_design(&current)));
        }
        if controls.turntable {
            camera.target_yaw += TURNTABLE_SPEED * time.delta_secs();
        }
    }
    controls.reset_requested = false;
    controls.close_up_requested = false;
}

/// Turns the orbit towards a framing: its targets (the camera glides there) and its zoom limits.
pub fn aim_at(camera: &mut PanOrbitCamera, framing: &PanOrbitCamera) {
    camera.target_focus = framing.target_focus;
    camera.target_yaw = framing.target_yaw;
    camera.target_pitch = framing.target_pitch;
    camera.target_radius = framing.target_radius;
    camera.zoom_lower_limit = framing.zoom_lower_limit;
    camera.zoom_upper_limit = framing.zoom_upper_limit;
}

/// Angle above the band's bottom inside the engraving is seen from.
pub const ENGRAVING_ELEVATION_DEGREES: f32 = 55.0;
/// The camera's distance from the engraving, in inner radii: the whole inside of the band in view.
pub const ENGRAVING_DISTANCE_RADII: f32 = 3.4;

/// The orbit that looks inside the band on its engraving: from the +Z side, above the band's bottom inside (where
/// the text is centred), through the ring under the head.
pub fn engraving_close_up(design: &crate::design::Design) -> PanOrbitCamera {
    let inner_radius = design.ring_size_mm / std::f32::consts::TAU;
    let focus = Vec3::new(0.0, -inner_radius * 0.92, 0.0);
    let (pitch, radius) = (ENGRAVING_ELEVATION_DEGREES.to_radians(), inner_radius * ENGRAVING_DISTANCE_RADII);
    PanOrbitCamera {
        focus,
        target_focus: focus,
        yaw: Some(0.0),
        target_yaw: 0.0,
        pitch: Some(pitch),
        target_pitch: pitch,
        radius: Some(radius),
        target_radius: radius,
        zoom_lower_limit: 8.0,
        ..default_view(focus.y)
    }
}

fn reset_focus(current: &CurrentDesign) -> Vec3 {
    view_for(main_design(current)).target_focus
}

/// The design the main camera frames: the main design (the board's first tile; the only one without variants).
pub fn main_design(current: &CurrentDesign) -> &crate::design::Design {
    &current.history.variants().designs()[0]
}

fn block_orbit_over_panels(controls: Res<ViewControls>, mut cameras: Query<&mut PanOrbitCamera, With<StudioCamera>>) {
    for mut camera in &mut cameras {
        let enabled = !controls.pointer_over_panel;
        if camera.enabled != enabled {
            camera.enabled = enabled;
        }
    }
}

/// The View section's camera controls: the turntable and the reset.
#[derive(SystemParam)]
pub struct ViewButtons<'w> {
    view: Res<'w, ViewControls>,
}

impl ViewButtons<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let mut out: Vec<StudioCommand> = Vec::new();
        let mut turning = self.view.turntable;
        if ui.checkbox(&mut turning, tr!(l, "studio-turntable")).changed() {
            out.push(ViewCommand::Turntable(turning).into());
        }
        if ui.button(tr!(l, "studio-reset-view")).clicked() {
            out.push(ViewCommand::Reset.into());
        }
        out
    }
}

/// After every egui drawing of the frame: whether the pointer is over a panel or window (the orbit ignores it then).
pub fn note_pointer_over_panels(mut contexts: EguiContexts, mut view: ResMut<ViewControls>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let over = ctx.egui_wants_pointer_input() || ctx.is_pointer_over_egui();
    if view.pointer_over_panel != over {
        view.pointer_over_panel = over;
    }
    Ok(())
}
