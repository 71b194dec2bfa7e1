//! The try-on: the ring drawn on a picture of the client's hand (`tryon` in the core finds the hand and where the
//! ring lies). `paint.rs` draws the ring as it lies on the picture with the studio's own renderer (the `Exporter`),
//! the finger in front of the band's back (`occluder.rs`).

pub mod live;
pub mod occluder;
pub mod paint;
pub mod test_set;

use bevy::prelude::*;

/// The shipped landmark model's file.
pub fn model_path() -> std::path::PathBuf {
    crate::studio::floor::models::assets_dir().join("tryon").join("hand_landmark_full.onnx")
}

/// What every renderer of the studio needs for the try-on: the finger's punch-out material.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((MaterialPlugin::<occluder::PunchOut>::default(), live::plugin));
}
