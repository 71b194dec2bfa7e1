//! The variants board in the window: with more than one variant the 3D area is split into tiles, one camera per
//! variant seeing only its piece (`pieces.rs`), all orbiting together — the main camera is the one the advisor
//! turns, from any tile, and the others copy it every frame.

pub mod export;
pub mod panel;

use super::StudioSystems;
use super::camera::{StudioCamera, main_design};
use super::hand::{HandView, studio_view};
use super::lighting::{StudioEnvironment, background_skybox, studio_camera_components};
use super::pieces::layer;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::candidates::{BoardCandidates, board_count, board_design};
use bevy::prelude::*;
use bevy::transform::TransformSystems;
use bevy::window::PrimaryWindow;
use bevy_panorbit_camera::{ActiveCameraData, PanOrbitCamera, PanOrbitCameraSystemSet};

/// The camera of a board tile other than the first (which is the main camera's).
#[derive(Component, Clone, Copy, Debug)]
pub struct TileCamera(pub usize);

/// Gap between tiles, physical pixels.
const GAP: u32 = 3;

/// Where each variant's tile lies in the 3D area (physical pixels, position and size): one variant fills it;
/// two stand side by side; three or four make a 2×2 grid.
pub fn tile_rects(area_position: UVec2, area_size: UVec2, count: usize) -> Vec<(UVec2, UVec2)> {
    let (columns, rows) = match count {
        0 | 1 => return vec![(area_position, area_size)],
        2 => (2, 1),
        _ => (2, 2),
    };
    let width = area_size.x.saturating_sub(GAP * (columns - 1)) / columns;
    let height = area_size.y.saturating_sub(GAP * (rows - 1)) / rows;
    (0..count as u32)
        .map(|i| {
            let (column, row) = (i % columns, i / columns);
            (area_position + UVec2::new(column * (width + GAP), row * (height + GAP)), UVec2::new(width, height))
        })
        .collect()
}

/// The 3D area left by the panel and the tiles in it (set by the UI every frame; physical pixels).
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub struct BoardLayout {
    pub tiles: Vec<(UVec2, UVec2)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoardLayout>()
        .add_systems(Update, (match_tile_cameras, place_tile_viewports).chain().in_set(StudioSystems::Camera))
        .add_systems(
            PostUpdate,
            (
                orbit_from_any_tile.before(PanOrbitCameraSystemSet),
                follow_the_main_camera.after(PanOrbitCameraSystemSet).before(TransformSystems::Propagate),
            ),
        );
}

/// One tile camera per design of the board after the first (variants, then candidates).
fn match_tile_cameras(
    mut commands: Commands,
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    environment: Res<StudioEnvironment>,
    presentation: Res<super::lighting::Presentation>,
    tiles: Query<(Entity, &TileCamera)>,
) {
    let count = board_count(&current, candidates.as_deref());
    for (entity, tile) in &tiles {
        if tile.0 >= count {
            commands.entity(entity).despawn();
        }
    }
    for slot in 1..count {
        if tiles.iter().any(|(_, tile)| tile.0 == slot) {
            continue;
        }
        spawn_tile_camera(&mut commands, slot, &environment, &presentation, None);
    }
}

/// The camera of tile `slot` (drawing into the window, or into `target`), drawn after the main camera.
pub fn spawn_tile_camera(
    commands: &mut Commands,
    slot: usize,
    environment: &StudioEnvironment,
    presentation: &super::lighting::Presentation,
    target: Option<bevy::camera::RenderTarget>,
) -> Entity {
    let mut camera = commands.spawn((
        TileCamera(slot),
        Camera3d::default(),
        Camera { order: slot as isize, ..default() },
        layer(slot),
        studio_camera_components(environment),
        super::lighting::SolidBackdrop,
    ));
    if let Some(target) = target {
        camera.insert(target);
    }
    // The presentation as it is now (later changes reach every camera through `lighting.rs`).
    if let Some(skybox) = background_skybox(environment, presentation.background, true) {
        camera.insert(skybox);
    }
    let intensity = super::lighting::bloom_intensity(presentation.background);
    camera.entry::<bevy::post_process::bloom::Bloom>().and_modify(move |mut bloom| bloom.intensity = intensity);
    camera.id()
}

/// Each camera draws in its tile.
fn place_tile_viewports(
    layout: Res<BoardLayout>,
    mut main: Query<&mut Camera, (With<StudioCamera>, Without<TileCamera>)>,
    mut tiles: Query<(&TileCamera, &mut Camera), Without<StudioCamera>>,
) {
    let viewport = |slot: usize| {
        layout.tiles.get(slot).map(|&(physical_position, physical_size)| bevy::camera::Viewport {
            physical_position,
            physical_size,
            ..default()
        })
    };
    let set = |camera: &mut Camera, wanted: Option<bevy::camera::Viewport>| {
        let same = |a: &Option<bevy::camera::Viewport>| {
            a.as_ref().map(|v| (v.physical_position, v.physical_size))
                == wanted.as_ref().map(|v| (v.physical_position, v.physical_size))
        };
        if wanted.is_some() && !same(&camera.viewport) {
            camera.viewport = wanted;
        }
    };
    for mut camera in &mut main {
        set(&mut camera, viewport(0));
    }
    for (tile, mut camera) in &mut tiles {
        set(&mut camera, viewport(tile.0));
    }
}

/// On the board, a drag or a scroll over any tile turns or zooms the main camera (the others follow it).
fn orbit_from_any_tile(
    layout: Res<BoardLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    main: Query<Entity, With<StudioCamera>>,
    mut active: ResMut<ActiveCameraData>,
) {
    if layout.tiles.len() < 2 {
        if active.manual {
            *active = ActiveCameraData::default();
        }
        return;
    }
    let Ok(camera) = main.single() else { return };
    let scale = window.scale_factor();
    let cursor = window.cursor_position().map(|p| p * scale);
    let under = cursor.and_then(|p| {
        layout.tiles.iter().find(|(position, size)| {
            let (min, max) = (position.as_vec2(), (position + size).as_vec2());
            p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y
        })
    });
    let tile_size = under.or(layout.tiles.first()).map(|(_, size)| size.as_vec2() / scale);
    *active = ActiveCameraData {
        entity: Some(camera),
        viewport_size: tile_size,
        window_size: Some(Vec2::new(window.width(), window.height())),
        manual: true,
    };
}

/// The tile cameras turn with the main camera and zoom and pan as much, each framing its own piece (a necklace
/// variant next to a ring is seen whole, as the main view would frame it), with the same lens.
fn follow_the_main_camera(
    current: Res<CurrentDesign>,
    candidates: Option<Res<BoardCandidates>>,
    main: Query<(&Transform, &Projection, &PanOrbitCamera), With<StudioCamera>>,
    mut tiles: Query<(&TileCamera, &mut Transform, &mut Projection), Without<StudioCamera>>,
    hand: Option<Res<HandView>>,
) {
    let Ok((transform, projection, orbit)) = main.single() else { return };
    // On the hand, each ring is framed on its own hand (a larger ring size, a larger hand).
    let view_for = |design| studio_view(design, hand.as_deref());
    let main_framing = view_for(main_design(&current));
    let zoom = orbit.radius.unwrap_or(main_framing.target_radius) / main_framing.target_radius;
    let panned = orbit.focus - main_framing.target_focus;
    for (tile, mut tile_transform, mut tile_projection) in &mut tiles {
        let Some(design) = board_design(&current, candidates.as_deref(), tile.0) else { continue };
        let framing = view_for(design);
        let scale = framing.target_radius / main_framing.target_radius;
        let focus = framing.target_focus + panned * scale;
        let wanted = Transform::from_translation(focus + transform.rotation * Vec3::Z * framing.target_radius * zoom)
            .with_rotation(transform.rotation);
        if *tile_transform != wanted {
            *tile_transform = wanted;
        }
        if let (Projection::Perspective(main), Projection::Perspective(tile)) = (projection, &mut *tile_projection)
            && main.fov != tile.fov
        {
            tile.fov = main.fov;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_split_the_area_without_overlapping() {
        let (position, size) = (UVec2::new(340, 0), UVec2::new(1260, 900));
        assert_eq!(tile_rects(position, size, 1), vec![(position, size)]);
        for count in 2..=4 {
            let tiles = tile_rects(position, size, count);
            assert_eq!(tiles.len(), count);
            for (i, (p, s)) in tiles.iter().enumerate() {
                assert!(p.x >= position.x && p.x + s.x <= position.x + size.x, "{count}: tile {i} inside");
                assert!(p.y + s.y <= size.y && s.x > 600 && s.y > 400, "{count}: tile {i} {s}");
                for (q, t) in &tiles[i + 1..] {
                    let apart = p.x + s.x <= q.x || q.x + t.x <= p.x || p.y + s.y <= q.y || q.y + t.y <= p.y;
                    assert!(apart, "{count}: tiles overlap");
                }
            }
        }
    }
}
