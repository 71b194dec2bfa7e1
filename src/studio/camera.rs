//! The window camera: orbit, zoom and touch (pan-orbit), a turntable, a view reset, and the viewport left free
//! by the panels.

use super::StudioSystems;
use super::lighting::{StudioEnvironment, studio_camera_components};
use super::state::CurrentDesign;
use bevy::prelude::*;
use bevy_panorbit_camera::{PanOrbitCamera, PanOrbitCameraPlugin};

/// The 3D view of the ring.
#[derive(Component)]
pub struct StudioCamera;

/// Camera requests from the panels.
#[derive(Resource, Default)]
pub struct ViewControls {
    pub turntable: bool,
    pub reset_requested: bool,
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

/// Where the camera looks: a little above the ring's centre, between band and stone.
fn focus_height(current: &CurrentDesign) -> f32 {
    super::scene::shank_top_mm(current.design()) * 0.55
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(PanOrbitCameraPlugin)
        .init_resource::<ViewControls>()
        .add_systems(Startup, spawn_camera)
        .add_systems(Update, (turntable_and_reset, block_orbit_over_panels).in_set(StudioSystems::Camera));
}

fn spawn_camera(mut commands: Commands, environment: Res<StudioEnvironment>, current: Res<CurrentDesign>) {
    let view = default_view(focus_height(&current));
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
) {
    for mut camera in &mut cameras {
        if controls.reset_requested {
            let reset = default_view(focus_height(&current));
            camera.target_focus = reset.target_focus;
            camera.target_yaw = reset.target_yaw;
            camera.target_pitch = reset.target_pitch;
            camera.target_radius = reset.target_radius;
        }
        if controls.turntable {
            camera.target_yaw += TURNTABLE_SPEED * time.delta_secs();
        }
    }
    controls.reset_requested = false;
}

fn block_orbit_over_panels(controls: Res<ViewControls>, mut cameras: Query<&mut PanOrbitCamera, With<StudioCamera>>) {
    for mut camera in &mut cameras {
        let enabled = !controls.pointer_over_panel;
        if camera.enabled != enabled {
            camera.enabled = enabled;
        }
    }
}
