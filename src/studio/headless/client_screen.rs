//! The client's screen offscreen (tests and the bench): a second picture of the piece whose camera follows the
//! studio's, as the client's window does (`present/screen.rs`).

use super::{Offscreen, OffscreenError};
use crate::studio::lighting::StudioEnvironment;
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;

impl Offscreen {
    /// Opens the client's screen as a second picture of its own (its camera following the studio's, as the window
    /// does); returns the picture to `capture_of`.
    pub fn open_client_screen(&mut self, width: u32, height: u32) -> Handle<Image> {
        let world = self.app.world_mut();
        let image = world.resource_mut::<Assets<Image>>().add(Image::new_target_texture(
            width,
            height,
            TextureFormat::Rgba8UnormSrgb,
            None,
        ));
        let (environment, presentation) =
            (world.resource::<StudioEnvironment>().clone(), *world.resource::<crate::studio::lighting::Presentation>());
        let mut commands = world.commands();
        let target = RenderTarget::Image(image.clone().into());
        crate::studio::present::screen::spawn_client_camera(&mut commands, &environment, &presentation, target);
        world.flush();
        self.app.add_systems(PostUpdate, crate::studio::present::screen::follow_the_advisors_camera);
        image
    }

    /// Closes the client's screen (its camera goes).
    pub fn close_client_screen(&mut self) {
        let world = self.app.world_mut();
        let mut cameras = world.query_filtered::<Entity, With<crate::studio::present::screen::ClientCamera>>();
        for camera in cameras.iter(world).collect::<Vec<_>>() {
            world.despawn(camera);
        }
    }

    /// Renders one frame of another picture than the studio's (the client's screen) and returns it.
    pub fn capture_of(&mut self, image: &Handle<Image>) -> Result<image::RgbaImage, OffscreenError> {
        self.request_capture_of(image.clone());
        self.wait_capture()
    }
}
