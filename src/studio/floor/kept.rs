//! Pictures of the client's hand kept with their consent — the try-on makes them, the approval pack takes them —
//! held in memory only, never written by the studio itself: on the floor because two features share them.

use bevy::prelude::*;

/// The pictures kept, until an approval pack naming the client takes them (or they are forgotten, or the studio
/// closes).
#[derive(Resource, Default)]
pub struct KeptPictures {
    pub pictures: Vec<image::RgbImage>,
}
