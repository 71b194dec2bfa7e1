//! The try-on's test set, made with Écrin itself: the display hand — whose joints, finger axis and finger width at
//! the ring's place are known exactly — rendered alone (no ring) in each skin tone, under each light, on dark and
//! white grounds, from cameras turned about it, nearer and farther, the picture turned. Each picture comes with its
//! ground truth projected through the camera that drew it, in the picture's pixels.

use crate::design::Design;
use crate::geometry::hand::{HandFinish, landmarks, scale_for};
use crate::optics::environment::LightingEnvironment;
use crate::scene::SceneView;
use crate::studio::export::{ExportError, ExportSettings, Exporter};
use crate::studio::hand::{HandCommand, HandFraming, HandRoot, hand_camera};
use crate::studio::headless::orbit_position;
use crate::studio::lighting::{Background, Presentation};
use bevy::prelude::*;
use image::RgbImage;

/// The skin tones measured (the porcelain and velvet finishes are a mannequin's, not a client's).
pub const SKIN_TONES: [HandFinish; 3] = [HandFinish::FairSkin, HandFinish::MediumSkin, HandFinish::DeepSkin];

/// One picture of the set: how it is made.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Case {
    pub finish: HandFinish,
    pub environment: LightingEnvironment,
    pub white_ground: bool,
    /// The camera turned about the hand from the hand view's (radians) and its distance's factor.
    pub yaw: f32,
    pub pitch: f32,
    pub distance: f32,
    /// The picture turned about its middle, radians.
    pub roll: f32,
    pub ring_size_mm: f32,
}

/// The set: `per_tone` cases in each skin tone, drawn by a seeded generator (the same seed, the same set).
pub fn cases(per_tone: usize, seed: u64) -> Vec<Case> {
    let mut draw = crate::seeded::SplitMix::new(seed);
    let mut uniform = |lo: f32, hi: f32| lo + (hi - lo) * (draw.next_u64() % 10_000) as f32 / 10_000.0;
    let mut out = Vec::new();
    for finish in SKIN_TONES {
        for k in 0..per_tone {
            let environment = LightingEnvironment::ALL[k % LightingEnvironment::ALL.len()];
            out.push(Case {
                finish,
                environment,
                white_ground: k % 2 == 1,
                yaw: uniform(-0.5, 0.5),
                pitch: uniform(-0.35, 0.3),
                distance: uniform(0.9, 1.5),
                roll: uniform(-std::f32::consts::PI, std::f32::consts::PI),
                ring_size_mm: [48.0, 52.0, 54.0, 57.0, 62.0][k % 5],
            });
        }
    }
    out
}

/// What the picture shows, exactly: in the picture's pixels (y down) and the camera's frame (x right, y down, z
/// away from the camera).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Truth {
    pub landmarks: Vec<[f32; 2]>,
    pub ring_centre: [f32; 2],
    /// Along the finger towards its tip, on the picture (unit).
    pub along: [f32; 2],
    pub px_per_mm: f32,
    pub finger_width_px: f32,
    /// Out of the back of the hand at the ring (the head's way), in the camera's frame.
    pub head: [f32; 3],
    /// The corners of a bank card lying beside the hand, on the plane the fingers rest on (`CARD_AT`), on the
    /// picture (not drawn in it: its corners are what the advisor clicks).
    pub card_corners: [[f32; 2]; 4],
}

/// Where the test set's card lies in the hand's frame at the reference size (mm): beyond the little finger, on the
/// plane under the ring finger (9 mm below its axis: the card lies where the fingers rest), its long side along the
/// fingers.
pub const CARD_AT: Vec3 = Vec3::new(-55.0, -9.0, 20.0);

/// Pictures of the display hand alone, with their truth.
pub struct HandPictures {
    exporter: Exporter,
    size: u32,
    shown: Option<(HandFinish, LightingEnvironment, bool, u32)>,
}

impl HandPictures {
    pub fn new(design: Design, size: u32) -> Result<HandPictures, ExportError> {
        let settings = ExportSettings { reference: true, ..ExportSettings::new(size, Presentation::default()) };
        Ok(HandPictures { exporter: Exporter::new(design, settings)?, size, shown: None })
    }

    /// The picture of a case and its truth.
    pub fn picture(&mut self, design: &Design, case: &Case) -> Result<(RgbImage, Truth), ExportError> {
        let key = (case.finish, case.environment, case.white_ground, (case.ring_size_mm * 100.0) as u32);
        if self.shown != Some(key) {
            let design = Design { ring_size_mm: case.ring_size_mm, ..design.clone() };
            self.exporter.show(design)?;
            let background = if case.white_ground { Background::White } else { Background::Velvet };
            let offscreen = self.exporter.offscreen_mut();
            offscreen.present(Presentation { environment: case.environment, background })?;
            offscreen.send(HandCommand::Finish(case.finish));
            offscreen.settle(600)?;
            self.shown = Some(key);
        }
        let design = Design { ring_size_mm: case.ring_size_mm, ..design.clone() };
        let transform = camera_for(&design, case);
        let fov = PerspectiveProjection::default().fov;
        let offscreen = self.exporter.offscreen_mut();
        offscreen.show_hand(true)?;
        hide_all_but_the_hand(offscreen.world_mut());
        let picture = self.exporter.render_looking(transform, fov, true, &mut || true)?;
        let picture = picture.unwrap_or_default();
        let rgb = image::DynamicImage::ImageRgba8(picture).to_rgb8();
        Ok((rgb, truth(&design, transform, fov, self.size)))
    }

    pub fn finish(self) {
        self.exporter.finish();
    }
}

/// The hand view's camera turned by the case.
pub fn camera_for(design: &Design, case: &Case) -> Transform {
    let scale = scale_for(design.ring_size_mm);
    let orbit = hand_camera(design, HandFraming::Back);
    // The whole hand from the wrist to the fingertips (the landmark model wants the hand whole in its crop).
    let focus = Vec3::new(8.0, 0.0, 20.0) * scale;
    let radius = orbit.target_radius * 1.35 * case.distance;
    let position = orbit_position(focus, orbit.target_yaw + case.yaw, orbit.target_pitch + case.pitch, radius);
    let mut transform = Transform::from_translation(position).looking_at(focus, Vec3::Y);
    let forward = transform.forward();
    transform.rotate_around(position, Quat::from_axis_angle(*forward, case.roll));
    transform
}

/// Every drawn part of the scene but the display hand hidden (the ring, the stage).
fn hide_all_but_the_hand(world: &mut World) {
    let mut meshes = world.query_filtered::<Entity, With<Mesh3d>>();
    let all: Vec<Entity> = meshes.iter(world).collect();
    for entity in all {
        let mut at = entity;
        let mut in_hand = false;
        while let Some(parent) = world.get::<ChildOf>(at).map(|c| c.parent()) {
            if world.get::<HandRoot>(parent).is_some() {
                in_hand = true;
                break;
            }
            at = parent;
        }
        if !in_hand {
            world.entity_mut(entity).insert(Visibility::Hidden);
        }
    }
}

/// The case's truth through the camera at `view`.
pub fn truth(design: &Design, view: Transform, fov: f32, size: u32) -> Truth {
    let scale = scale_for(design.ring_size_mm);
    let camera =
        SceneView { position: view.translation, rotation: view.rotation, yfov: fov, width: size, height: size };
    // Every point of the truth lies in front of the camera (the cases look at the hand).
    let project = |point: Vec3| camera.project(point).map_or((Vec2::ZERO, 1.0), |(x, y, d)| (Vec2::new(x, y), d));
    let points: Vec<[f32; 2]> = landmarks().iter().map(|&p| project(p * scale).0.to_array()).collect();
    let (centre, depth) = project(Vec3::ZERO);
    let (towards_tip, _) = project(Vec3::NEG_Z * 5.0);
    let px_per_mm = size as f32 / 2.0 / (fov / 2.0).tan() / depth;
    let to_camera = view.compute_affine().inverse();
    // Bevy's camera frame (y up, z towards the viewer) to the picture's (y down, z away).
    let head = to_camera.transform_vector3(Vec3::Y);
    Truth {
        landmarks: points,
        ring_centre: centre.to_array(),
        along: (towards_tip - centre).normalize_or_zero().to_array(),
        px_per_mm,
        finger_width_px: design.ring_size_mm / std::f32::consts::PI * px_per_mm,
        head: [head.x, -head.y, -head.z],
        card_corners: card_corners_seen(scale, &project),
    }
}

/// The card's corners on the picture: its middle moves with the hand's scale, its size is a card's.
fn card_corners_seen(scale: f32, project: &impl Fn(Vec3) -> (Vec2, f32)) -> [[f32; 2]; 4] {
    let (long, short) = crate::tryon::card::CARD_MM;
    let middle = CARD_AT * scale;
    [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
        .map(|(x, z)| project(middle + Vec3::new(x * short / 2.0, 0.0, z * long / 2.0)).0.to_array())
}
