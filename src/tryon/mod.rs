//! The ring on the client's own hand (no Bevy): a hand found in a picture by MediaPipe's landmark model run locally
//! (`model.rs`, `search.rs`), the chosen finger measured across its edges where the ring sits (`finger.rs`), the
//! ring's pose and scale on the picture from it (`place.rs`), and the rendered ring laid over the picture with the
//! finger in front of the band's back and a contact shadow (`composite.rs`). Nothing here reads or writes a file
//! but the model's; the pictures stay where the caller keeps them. `live.rs` follows a hand over a camera's frames;
//! `card.rs` sizes the finger from a bank card in view.

pub mod card;
pub mod composite;
pub mod finger;
pub mod live;
pub mod model;
pub mod place;
pub mod search;

use glam::Vec3;
use std::path::PathBuf;

pub use model::{Crop, HandModel};

/// Landmarks the model gives: the wrist, then four per digit from its base to its tip (thumb, index, middle, ring,
/// little finger).
pub const LANDMARKS: usize = 21;
/// The wrist's landmark.
pub const WRIST: usize = 0;

/// The fingers a ring goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Finger {
    Index,
    Middle,
    #[default]
    Ring,
    Little,
}

impl Finger {
    pub const ALL: [Finger; 4] = [Finger::Index, Finger::Middle, Finger::Ring, Finger::Little];

    /// The landmark of its base knuckle (MCP); the middle joint (PIP) is the next one.
    pub fn knuckle(self) -> usize {
        match self {
            Finger::Index => 5,
            Finger::Middle => 9,
            Finger::Ring => 13,
            Finger::Little => 17,
        }
    }

    /// The word the command line takes.
    pub fn slug(self) -> &'static str {
        match self {
            Finger::Index => "index",
            Finger::Middle => "middle",
            Finger::Ring => "ring",
            Finger::Little => "little",
        }
    }
}

/// A hand as the model saw it in a picture.
#[derive(Clone, Debug, PartialEq)]
pub struct HandPose {
    /// The 21 landmarks: x, y in the picture's pixels, z the depth from the wrist (towards the camera negative), on
    /// the same scale.
    pub points: [Vec3; LANDMARKS],
    /// How sure the model is that a hand is there, 0–1.
    pub presence: f32,
    /// The model's score for a right hand, 0–1 (MediaPipe's convention: of a mirrored, selfie picture).
    pub right_hand: f32,
    /// The region the model looked at.
    pub crop: Crop,
}

/// The largest picture the try-on reads, pixels per side, and file size (a camera's photo is well under both).
pub const LARGEST_PICTURE_PX: u32 = 12_000;
pub const LARGEST_PICTURE_BYTES: u64 = 80 << 20;
/// The smallest picture side a hand can be found in, pixels.
pub const SMALLEST_PICTURE_PX: u32 = 64;

/// A photo of a hand (PNG or JPEG), refused with the reason when it is not one that can be read.
pub fn read_picture(path: &std::path::Path) -> Result<image::RgbImage, TryOnError> {
    let refused = |reason: String| TryOnError::Picture(path.to_path_buf(), reason);
    let size = std::fs::metadata(path).map_err(|e| refused(e.to_string()))?.len();
    if size > LARGEST_PICTURE_BYTES {
        return Err(TryOnError::PictureBytes(path.to_path_buf(), size));
    }
    let reader = image::ImageReader::open(path)
        .and_then(|reader| reader.with_guessed_format())
        .map_err(|e| refused(e.to_string()))?;
    let (width, height) = reader.into_dimensions().map_err(|e| refused(e.to_string()))?;
    if width.max(height) > LARGEST_PICTURE_PX || width.min(height) < SMALLEST_PICTURE_PX {
        return Err(TryOnError::PictureSize(path.to_path_buf(), width, height));
    }
    let reader = image::ImageReader::open(path)
        .and_then(|reader| reader.with_guessed_format())
        .map_err(|e| refused(e.to_string()))?;
    // A phone's photo says which way up it was taken (EXIF): the hand is found as the client saw it.
    use image::ImageDecoder;
    let mut decoder = reader.into_decoder().map_err(|e| refused(e.to_string()))?;
    let orientation = decoder.orientation().map_err(|e| refused(e.to_string()))?;
    let mut picture = image::DynamicImage::from_decoder(decoder).map_err(|e| refused(e.to_string()))?;
    picture.apply_orientation(orientation);
    Ok(picture.to_rgb8())
}

/// Why the try-on could not run.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TryOnError {
    #[error("{0}: not a picture the try-on can read: {1}")]
    Picture(PathBuf, String),
    #[error("{0}: {1} bytes, more than the {LARGEST_PICTURE_BYTES} a picture may have")]
    PictureBytes(PathBuf, u64),
    #[error("{0}: {1} × {2} pixels, not {SMALLEST_PICTURE_PX}–{LARGEST_PICTURE_PX} on each side")]
    PictureSize(PathBuf, u32, u32),
    #[error("the hand model gave {0} landmark values, not {n}", n = LANDMARKS * 3)]
    Outputs(usize),
    #[error("{0}: the hand model could not be read: {1}")]
    Model(PathBuf, String),
    #[error("the hand model failed: {0}")]
    Inference(String),
    #[error("no camera was found on this computer")]
    NoCamera,
    #[error("the camera failed: {0}")]
    Camera(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_no_photo_of_a_hand_is_refused_with_its_name_and_reason() {
        let folder = std::env::temp_dir().join(format!("ecrin-tryon-read-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("temp folder");
        let text = folder.join("hand.jpg");
        std::fs::write(&text, "not a picture").expect("written");
        assert!(matches!(read_picture(&text), Err(TryOnError::Picture(path, _)) if path == text));
        let tiny = folder.join("tiny.png");
        image::RgbImage::new(20, 30).save(&tiny).expect("saved");
        assert!(matches!(read_picture(&tiny), Err(TryOnError::PictureSize(_, 20, 30))));
        let fine = folder.join("fine.png");
        image::RgbImage::from_pixel(80, 64, image::Rgb([200, 150, 120])).save(&fine).expect("saved");
        assert_eq!(read_picture(&fine).expect("read").dimensions(), (80, 64));
        assert!(matches!(read_picture(&folder.join("absent.png")), Err(TryOnError::Picture(..))));
        let _ = std::fs::remove_dir_all(&folder);
    }
}
