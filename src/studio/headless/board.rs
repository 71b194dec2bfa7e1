//! The variants board offscreen: one tile per variant in the one picture, each tile's camera seeing only its piece,
//! as the studio's board lays them out (the bench and the board's tests).

use super::error::{Awaited, OffscreenError};
use super::{Offscreen, OffscreenTarget};
use crate::studio::floor::CurrentDesign;
use crate::studio::lighting::StudioEnvironment;
use bevy::camera::RenderTarget;
use bevy::prelude::*;

impl Offscreen {
    /// Shows the current variants as the studio's board: the offscreen picture split into tiles, one camera per
    /// variant seeing only its piece, all from the main camera's place; then waits until every piece is composed.
    /// Returns how many frames had a render pipeline compiling meanwhile.
    pub fn show_board(&mut self, max_frames: u64) -> Result<usize, OffscreenError> {
        // Variant commands sent just before apply first.
        self.update();
        let world = self.app.world_mut();
        let count = world.resource::<CurrentDesign>().history.variants().len();
        let image = world.resource::<OffscreenTarget>().image.clone();
        let size =
            world.resource::<Assets<Image>>().get(&image).map(|i| i.size()).ok_or(OffscreenError::Missing("image"))?;
        let tiles = crate::studio::board::tile_rects(UVec2::ZERO, size, count);
        let mut main = world.query_filtered::<(&mut Camera, &Transform), Without<crate::studio::board::TileCamera>>();
        let mut place = None;
        for (mut camera, transform) in main.iter_mut(world) {
            camera.viewport =
                Some(bevy::camera::Viewport { physical_position: tiles[0].0, physical_size: tiles[0].1, ..default() });
            place = Some(*transform);
        }
        let place = place.ok_or(OffscreenError::Missing("camera"))?;
        let (environment, presentation) =
            (world.resource::<StudioEnvironment>().clone(), *world.resource::<crate::studio::lighting::Presentation>());
        let mut commands = world.commands();
        for (slot, &(physical_position, physical_size)) in tiles.iter().enumerate().skip(1) {
            let target = RenderTarget::Image(image.clone().into());
            let camera =
                crate::studio::board::spawn_tile_camera(&mut commands, slot, &environment, &presentation, Some(target));
            let viewport = bevy::camera::Viewport { physical_position, physical_size, ..default() };
            commands
                .entity(camera)
                .insert(place)
                .entry::<Camera>()
                .and_modify(move |mut c| c.viewport = Some(viewport));
        }
        world.flush();
        // Frames during which a render pipeline was compiling: the board needs none the studio has not compiled.
        let mut waiting_frames = 0;
        for _ in 0..max_frames {
            self.update();
            waiting_frames += usize::from(self.pipelines_waiting() > 0);
            if self.scene_matches_design() {
                for _ in 0..4 {
                    self.update();
                    waiting_frames += usize::from(self.pipelines_waiting() > 0);
                }
                self.settle(max_frames)?;
                return Ok(waiting_frames);
            }
        }
        Err(OffscreenError::TooManyFrames { what: Awaited::BoardComposed, frames: max_frames })
    }
}
