//! The client's own screen: a second window, full screen on a second display when there is one (else a window),
//! showing the main piece large — no panel — in the studio's light and background, seen as the advisor's camera
//! sees it (it follows the same frame's camera). A display unplugged under it leaves it a window; closing it, from
//! the studio or the window's own button, touches nothing of the design.

use super::PresentCommand;
use crate::studio::StudioSystems;
use crate::studio::camera::StudioCamera;
use crate::studio::floor::Languages;
use crate::studio::lighting::{Presentation, StudioEnvironment};
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::window::{Monitor, MonitorSelection, PrimaryMonitor, WindowMode, WindowRef};
use bevy_panorbit_camera::PanOrbitCameraSystemSet;

/// The client's window, and the display it was opened full screen on.
#[derive(Component, Debug)]
pub struct ClientWindow {
    pub monitor: Option<Entity>,
}

/// A camera drawing into the client's window (or, in tests, into an image): one per variant shown there.
#[derive(Component, Debug)]
pub struct ClientCamera;

/// Which variant a client's camera shows (0: the main piece).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientTile(pub usize);

/// The camera drawing the client's screen's words (the price) over its picture.
#[derive(Component, Debug)]
pub struct ClientOverlay;

/// The egui pass of the client's screen.
#[derive(bevy::ecs::schedule::ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClientScreenPass;

/// The client's screen in the studio (it needs the renderer: `present::plugin` works without it).
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (open_and_close, follow_the_window, super::client_board::match_client_tiles)
            .chain()
            .in_set(StudioSystems::Camera),
    )
    .add_systems(
        PostUpdate,
        follow_the_advisors_camera.after(PanOrbitCameraSystemSet).before(bevy::transform::TransformSystems::Propagate),
    )
    .add_systems(ClientScreenPass, super::client_board::client_screen_words);
}

/// A camera showing the main piece as the studio's camera does, into `target`.
pub fn spawn_client_camera(
    commands: &mut Commands,
    environment: &StudioEnvironment,
    presentation: &Presentation,
    target: RenderTarget,
) -> Entity {
    // A tile's camera of the main piece (its light, background and bloom kept up to date like every tile's), made
    // the client's.
    spawn_client_tile(commands, 0, environment, presentation, target)
}

/// A camera of the client's screen showing variant `slot`.
pub fn spawn_client_tile(
    commands: &mut Commands,
    slot: usize,
    environment: &StudioEnvironment,
    presentation: &Presentation,
    target: RenderTarget,
) -> Entity {
    let camera = crate::studio::board::spawn_tile_camera(commands, slot, environment, presentation, Some(target));
    commands.entity(camera).remove::<crate::studio::board::TileCamera>().insert((
        ClientCamera,
        ClientTile(slot),
        Camera { order: 50 + slot as isize, ..default() },
    ));
    camera
}

#[allow(clippy::too_many_arguments)]
fn open_and_close(
    mut commands: Commands,
    mut asked: MessageReader<PresentCommand>,
    windows: Query<Entity, With<ClientWindow>>,
    cameras: Query<Entity, Or<(With<ClientCamera>, With<ClientOverlay>)>>,
    monitors: Query<(Entity, Has<PrimaryMonitor>), With<Monitor>>,
    environment: Res<StudioEnvironment>,
    presentation: Res<Presentation>,
    languages: Option<Res<Languages>>,
) {
    for command in asked.read() {
        match command {
            PresentCommand::OpenScreen if windows.is_empty() => {
                // Full screen on a display other than the studio's, else a window the advisor can move.
                let other = monitors.iter().find(|(_, primary)| !primary).map(|(entity, _)| entity);
                let mode = other
                    .map_or(WindowMode::Windowed, |m| WindowMode::BorderlessFullscreen(MonitorSelection::Entity(m)));
                let advisor = languages.as_ref().map(|l| l.advisor).unwrap_or_default();
                let window = commands
                    .spawn((
                        Window {
                            title: advisor.tr("client-screen-title"),
                            mode,
                            resolution: (960u32, 600u32).into(),
                            ..default()
                        },
                        ClientWindow { monitor: other },
                    ))
                    .id();
                let target = RenderTarget::Window(WindowRef::Entity(window));
                spawn_client_camera(&mut commands, &environment, &presentation, target.clone());
                super::client_board::spawn_overlay(&mut commands, target);
            }
            PresentCommand::CloseScreen => {
                windows.iter().chain(cameras.iter()).for_each(|entity| commands.entity(entity).despawn());
            }
            _ => {}
        }
    }
}

/// The window closed by its own button: its camera goes; its display unplugged: it becomes a window.
fn follow_the_window(
    mut commands: Commands,
    mut windows: Query<(&mut Window, &mut ClientWindow)>,
    cameras: Query<(Entity, &RenderTarget), Or<(With<ClientCamera>, With<ClientOverlay>)>>,
    monitors: Query<(), With<Monitor>>,
    mut presenting: ResMut<super::Presenting>,
) {
    let open = !windows.is_empty();
    if presenting.screen_open != open {
        presenting.screen_open = open;
    }
    for (camera, target) in &cameras {
        let gone = match target {
            RenderTarget::Window(WindowRef::Entity(window)) => windows.get(*window).is_err(),
            _ => false,
        };
        if gone {
            commands.entity(camera).despawn();
        }
    }
    for (mut window, mut client) in &mut windows {
        if client.monitor.is_some_and(|monitor| monitors.get(monitor).is_err()) {
            client.monitor = None;
            window.mode = WindowMode::Windowed;
        }
    }
}

/// How fast the client's screen turns the piece when it turns by itself: a turn in 20 s.
const TURNING_SPEED: f32 = std::f32::consts::TAU / 20.0;

/// The client's camera stands where the advisor's does, frame by frame — or, turning by itself, goes round the
/// piece at the advisor's distance and height.
pub fn follow_the_advisors_camera(
    time: Res<Time>,
    presenting: Option<Res<super::Presenting>>,
    mut turned: Local<f32>,
    main: Query<
        (&Transform, &Projection, Option<&bevy_panorbit_camera::PanOrbitCamera>),
        (With<StudioCamera>, Without<ClientCamera>),
    >,
    mut clients: Query<(&mut Transform, &mut Projection), With<ClientCamera>>,
) {
    let Ok((transform, projection, orbit)) = main.single() else { return };
    let turning = presenting.is_some_and(|p| p.screen_turning);
    *turned = if turning { *turned + TURNING_SPEED * time.delta_secs() } else { 0.0 };
    let focus = orbit.map_or(Vec3::ZERO, |o| o.focus);
    let mut wanted = *transform;
    wanted.rotate_around(focus, Quat::from_rotation_y(*turned));
    for (mut client_transform, mut client_projection) in &mut clients {
        if *client_transform != wanted {
            *client_transform = wanted;
        }
        if let (Projection::Perspective(main), Projection::Perspective(client)) = (projection, &mut *client_projection)
            && main.fov != client.fov
        {
            client.fov = main.fov;
        }
    }
}
