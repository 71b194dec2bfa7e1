//! The ring as the live picture needs it: a camera of the studio's renderer drawing the main piece into a square
//! picture on a transparent ground, from where the ring is seen on the finger (`RingPlacement::camera`, the same
//! camera the photo try-on renders from), with the finger's punch-out cylinder in front of the band's back; the
//! camera's frame uploaded as a picture for the panel to draw under it. While it runs the studio's own camera rests
//! (the picture covers its view), the stage's floor and the display hand are hidden; all come back when it stops.

use super::LiveTryOn;
use crate::studio::StudioSystems;
use crate::studio::camera::StudioCamera;
use crate::studio::floor::background::Background;
use crate::studio::hand::HandCommand;
use crate::studio::pieces::layer;
use crate::studio::stage::Stage;
use crate::studio::tryon::occluder;
use crate::studio::tryon::paint::RingPainter;
use bevy::asset::RenderAssetUsages;
use bevy::camera::{Exposure, RenderTarget};
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::render::view::Msaa;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

/// The side of the ring's square picture, pixels (drawn scaled to the ring's size on the screen).
pub const RING_SIDE: u32 = 512;

/// What the live view draws with, while a session runs.
#[derive(Resource)]
pub struct LiveView {
    /// The ring on a transparent ground.
    pub ring: Handle<Image>,
    /// The camera's newest frame.
    pub picture: Handle<Image>,
    /// The frame the picture holds.
    pub picture_frame: u64,
    camera: Entity,
    finger: Entity,
    /// The square the ring's picture covers on the frame: centre and side, frame pixels.
    pub square: Option<(Vec2, f32)>,
    /// The picture's light on the ring: gain and tint (linear).
    pub light: crate::tryon::composite::PictureLight,
}

/// The try-on's camera.
#[derive(Component)]
pub struct TryOnCamera;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Snapshots>()
        .add_systems(
            Update,
            (open_or_close, show_the_frame, place_the_ring_camera, take_snapshot, keep_snapshots)
                .chain()
                .in_set(StudioSystems::Camera),
        )
        .add_systems(crate::studio::present::screen::ClientScreenPass, super::picture::show_on_client_screen);
}

/// Snapshots on their way: the ring's picture read back from the GPU, then laid over the frame off the frame.
#[derive(Resource, Default)]
struct Snapshots {
    laying: Vec<Background<Option<image::RgbImage>>>,
}

/// What a snapshot lays the ring's picture over.
#[derive(Clone)]
struct SnapshotScene {
    picture: std::sync::Arc<image::RgbImage>,
    placement: crate::tryon::place::RingPlacement,
    finger: crate::tryon::finger::FingerMeasure,
    tint: [f32; 3],
    side: f32,
}

/// Reads the ring's picture back (Bevy's screenshot of the image target) with the frame it was drawn for.
fn take_snapshot(mut commands: Commands, mut live: ResMut<LiveTryOn>, view: Option<Res<LiveView>>) {
    if !live.snapshot_wanted {
        return;
    }
    live.snapshot_wanted = false;
    let (Some(view), Some(session)) = (view, live.session.as_ref()) else { return };
    let (Some(frame), Some((_, side)), Some(placement)) = (&session.shown, view.square, session.placement) else {
        return;
    };
    let Some(crate::tryon::live::Look::Seen { finger: Some(finger), .. }) = session.looked.as_ref().map(|l| &l.look)
    else {
        return;
    };
    let scene =
        SnapshotScene { picture: frame.picture.clone(), placement, finger: *finger, tint: view.light.tint, side };
    commands.spawn(Screenshot::image(view.ring.clone())).observe(
        move |captured: On<ScreenshotCaptured>, mut snapshots: ResMut<Snapshots>| {
            let (ring, scene) = (captured.image.clone(), scene.clone());
            snapshots.laying.push(Background::compute(move || lay_snapshot(&ring, &scene)));
        },
    );
}

/// The frame with the ring laid over it as the screen shows it, with the photo try-on's contact shadow.
fn lay_snapshot(ring: &Image, scene: &SnapshotScene) -> Option<image::RgbImage> {
    let ring = ring.clone().try_into_dynamic().ok()?.into_rgba8();
    let ring = crate::studio::export::resolve(ring, 1);
    let side = scene.side.round().max(1.0) as u32;
    let ring = image::imageops::resize(&ring, side, side, image::imageops::FilterType::Triangle);
    let mut picture = scene.picture.as_ref().clone();
    // The gain is already in the ring (the try-on camera's exposure); the tint is the picture's.
    let light = crate::tryon::composite::PictureLight { gain: 1.0, tint: scene.tint };
    let placement = &scene.placement;
    crate::tryon::composite::lay_ring(&mut picture, &ring, placement.centre, light, &scene.finger, placement.px_per_mm);
    Some(picture)
}

/// Snapshots laid are kept (in memory) by the try-on.
fn keep_snapshots(mut snapshots: ResMut<Snapshots>, mut kept: ResMut<crate::studio::floor::KeptPictures>) {
    snapshots.laying.retain(|work| match work.outcome() {
        None => true,
        Some(laid) => {
            kept.pictures.extend(laid.flatten());
            false
        }
    });
}

/// Starts the view when a session starts; puts the studio back when it ends.
#[allow(clippy::too_many_arguments)]
fn open_or_close(
    mut commands: Commands,
    live: Res<LiveTryOn>,
    view: Option<Res<LiveView>>,
    mut images: ResMut<Assets<Image>>,
    mut materials: ResMut<Assets<occluder::PunchOut>>,
    mut meshes: ResMut<Assets<Mesh>>,
    current: Res<crate::studio::floor::CurrentDesign>,
    mut studio_cameras: Query<&mut Camera, (With<StudioCamera>, Without<TryOnCamera>)>,
    mut stages: Query<&mut Visibility, With<Stage>>,
    mut hands: MessageWriter<HandCommand>,
) {
    let running = live.running();
    if running == view.is_some() {
        return;
    }
    for mut camera in &mut studio_cameras {
        camera.is_active = !running;
    }
    // The floor under the piece would show on the picture.
    for mut visibility in &mut stages {
        *visibility = if running { Visibility::Hidden } else { Visibility::Inherited };
    }
    let Some(view) = view else {
        hands.write(HandCommand::Show(false));
        let ring = images.add(Image::new_target_texture(RING_SIDE, RING_SIDE, TextureFormat::Rgba8UnormSrgb, None));
        let picture = images.add(frame_image(1, 1, &[0, 0, 0, 255]));
        let camera = commands
            .spawn((
                TryOnCamera,
                Camera3d::default(),
                Camera { order: -1, clear_color: ClearColorConfig::Custom(Color::NONE), ..default() },
                RenderTarget::Image(ring.clone().into()),
                layer(0),
                bevy::camera::Hdr,
                Tonemapping::KhronosPbrNeutral,
                Msaa::Sample4,
                Exposure::default(),
                crate::studio::lighting::EnvironmentLit,
            ))
            .id();
        let inner_radius = current.design().ring_size_mm / std::f32::consts::TAU;
        let finger = commands
            .spawn((
                Mesh3d(meshes.add(occluder::finger_mesh(inner_radius))),
                MeshMaterial3d(materials.add(occluder::PunchOut::default())),
                Transform::from_rotation(Quat::from_rotation_x(std::f32::consts::FRAC_PI_2)),
                bevy::light::NotShadowCaster,
                layer(0),
                Visibility::Hidden,
            ))
            .id();
        commands.insert_resource(LiveView {
            ring,
            picture,
            picture_frame: 0,
            camera,
            finger,
            square: None,
            light: crate::tryon::composite::PictureLight { gain: 1.0, tint: [1.0; 3] },
        });
        return;
    };
    commands.entity(view.camera).despawn();
    commands.entity(view.finger).despawn();
    commands.remove_resource::<LiveView>();
}

/// An sRGB picture of the frame's size.
fn frame_image(width: u32, height: u32, rgba: &[u8]) -> Image {
    Image::new(
        Extent3d { width, height, depth_or_array_layers: 1 },
        TextureDimension::D2,
        rgba.to_vec(),
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
    )
}

/// The newest frame into the picture the panel draws.
fn show_the_frame(mut live: ResMut<LiveTryOn>, view: Option<ResMut<LiveView>>, mut images: ResMut<Assets<Image>>) {
    let (Some(mut view), Some(session)) = (view, live.session.as_mut()) else { return };
    let Some(frame) = session.shown.as_ref() else { return };
    if frame.number == view.picture_frame {
        return;
    }
    let started = std::time::Instant::now();
    view.picture_frame = frame.number;
    let rgba = image::DynamicImage::ImageRgb8(frame.picture.as_ref().clone()).into_rgba8();
    let image = frame_image(rgba.width(), rgba.height(), rgba.as_raw());
    let _ = images.insert(view.picture.id(), image);
    session.frame_work_ms += started.elapsed().as_secs_f32() * 1000.0;
}

/// The ring's camera where the ring is seen on the finger, its exposure from the picture's light; the finger's
/// cylinder shown with it.
fn place_the_ring_camera(
    live: Res<LiveTryOn>,
    view: Option<ResMut<LiveView>>,
    current: Res<crate::studio::floor::CurrentDesign>,
    mut cameras: Query<(&mut Transform, &mut Projection, &mut Exposure, &mut Camera), With<TryOnCamera>>,
    mut visibilities: Query<&mut Visibility>,
) {
    let (Some(mut view), Some(session)) = (view, live.session.as_ref()) else { return };
    let placement = session.placement.filter(|_| session.fade.opacity > 0.0);
    let shown = placement.is_some();
    if let Ok(mut visibility) = visibilities.get_mut(view.finger) {
        visibility.set_if_neq(if shown { Visibility::Inherited } else { Visibility::Hidden });
    }
    let Ok((mut transform, mut projection, mut exposure, mut camera)) = cameras.get_mut(view.camera) else { return };
    camera.is_active = shown;
    let Some(placement) = placement else {
        view.square = None;
        return;
    };
    let side = RingPainter::square_side(current.design(), &placement) as f32;
    let ring_camera = placement.camera(side);
    *transform = Transform::from_translation(ring_camera.position).looking_at(ring_camera.target, ring_camera.up);
    *projection = Projection::Perspective(PerspectiveProjection { fov: ring_camera.fov, far: 5000.0, ..default() });
    if let Some(crate::tryon::live::Look::Seen { light, .. }) = session.looked.as_ref().map(|l| &l.look) {
        view.light = *light;
    }
    exposure.ev100 = Exposure::default().ev100 - view.light.gain.log2();
    view.square = Some((placement.centre, side));
}
