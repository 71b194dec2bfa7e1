//! Pictures in a row (a turntable's frames): each frame is drawn while the pictures before it are still on their way
//! back from the GPU (up to `IN_FLIGHT_BYTES` of them; the cameras rest while none can be drawn), so a row costs
//! about one frame a picture. One at a time (`Offscreen::capture`), every picture waits for its read-back with the
//! cameras resting: a 1024² turntable frame cost two studio frames and more.

use super::{Offscreen, OffscreenError, OffscreenTarget};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Capturing, Screenshot, ScreenshotCaptured};
use std::collections::BTreeMap;

/// Bytes of pictures on their way back at most at once (each the target's size until taken): eight at 1024².
const IN_FLIGHT_BYTES: usize = 32 << 20;

/// Frames a row waits for its next picture before it gives up.
const PATIENCE_FRAMES: u32 = 60;

/// The row's pictures read back and not yet taken, by their place in the row.
#[derive(Resource, Default)]
struct RowCaptured(BTreeMap<usize, Image>);

impl Offscreen {
    /// Draws `count` pictures in a row: `place(world, index)` sets the scene of picture `index` (turns the camera)
    /// just before its frame; `take(index, picture)` gets them in order and says whether to go on. `Ok(false)` when
    /// `take` said stop. The pictures are the scene as the frames drew it: the row waits first, as a capture does,
    /// for the stones' settings and the light (`wait_for_current_scene`).
    pub fn capture_row(
        &mut self,
        count: usize,
        place: &mut dyn FnMut(&mut World, usize),
        take: &mut dyn FnMut(usize, image::RgbaImage) -> bool,
    ) -> Result<bool, OffscreenError> {
        self.capture_frames = 0;
        self.wait_for_current_scene();
        self.app.world_mut().insert_resource(RowCaptured::default());
        let target = self.app.world().resource::<OffscreenTarget>().image.clone();
        let picture_bytes = self.app.world().resource::<Assets<Image>>().get(&target).map_or(1, |image| {
            let size = image.size();
            (size.x * size.y * 4) as usize
        });
        let in_flight = (IN_FLIGHT_BYTES / picture_bytes.max(1)).clamp(2, 8);
        let (mut drawn, mut taken, mut last) = (0, 0, None);
        let mut resting: Vec<Entity> = Vec::new();
        let mut waited = 0;
        let outcome = 'row: loop {
            if taken == count {
                break Ok(true);
            }
            if drawn < count && drawn - taken < in_flight {
                self.wake_cameras(std::mem::take(&mut resting));
                place(self.app.world_mut(), drawn);
                let index = drawn;
                let world = self.app.world_mut();
                let mut request = world.spawn(Screenshot::image(target.clone()));
                request.observe(
                    // A row stopped early is gone when its last pictures come back.
                    move |mut captured: On<ScreenshotCaptured>, row: Option<ResMut<RowCaptured>>| {
                        if let Some(mut row) = row {
                            row.0.insert(index, std::mem::take(&mut captured.event_mut().image));
                        }
                    },
                );
                last = Some(request.id());
                drawn += 1;
            } else if resting.is_empty() && last.is_some_and(|request| self.on_its_way(request)) {
                // No picture to draw until one comes back: the frames until then draw nothing.
                resting = self.rest_cameras();
            }
            self.update();
            self.capture_frames += 1;
            while let Some(image) = self.app.world_mut().resource_mut::<RowCaptured>().0.remove(&taken) {
                waited = 0;
                let picture = match image.try_into_dynamic() {
                    Ok(picture) => picture.into_rgba8(),
                    Err(error) => break 'row Err(OffscreenError::Unreadable(error.to_string())),
                };
                let index = taken;
                taken += 1;
                if !take(index, picture) {
                    break 'row Ok(false);
                }
            }
            waited += 1;
            if waited > PATIENCE_FRAMES {
                break Err(OffscreenError::NoPicture);
            }
        };
        self.wake_cameras(resting);
        self.app.world_mut().remove_resource::<RowCaptured>();
        outcome
    }

    /// Whether a requested picture's frame is drawn (its copy on its way back, or already back).
    fn on_its_way(&self, request: Entity) -> bool {
        self.app.world().get_entity(request).map_or(true, |entity| entity.contains::<Capturing>())
    }
}
