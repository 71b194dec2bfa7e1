//! The try-on's errors in the reader's language.

use super::Language;
use crate::tr;
use crate::tryon::TryOnError;

impl TryOnError {
    pub fn in_language(&self, l: Language) -> String {
        match self {
            TryOnError::Picture(path, reason) => {
                let what = tr!(l, "error-tryon-picture", reason = reason.clone());
                tr!(l, "error-in-file", file = path.display().to_string(), what = what)
            }
            TryOnError::Model(path, reason) => {
                let what = tr!(l, "error-tryon-model", reason = reason.clone());
                tr!(l, "error-in-file", file = path.display().to_string(), what = what)
            }
            TryOnError::PictureBytes(path, bytes) => {
                let (bytes, most) = (bytes.to_string(), crate::tryon::LARGEST_PICTURE_BYTES.to_string());
                let what = tr!(l, "error-tryon-picture-bytes", bytes = bytes, most = most);
                tr!(l, "error-in-file", file = path.display().to_string(), what = what)
            }
            TryOnError::PictureSize(path, width, height) => {
                let (least, most) =
                    (crate::tryon::SMALLEST_PICTURE_PX.to_string(), crate::tryon::LARGEST_PICTURE_PX.to_string());
                let (width, height) = (width.to_string(), height.to_string());
                let what =
                    tr!(l, "error-tryon-picture-size", width = width, height = height, least = least, most = most);
                tr!(l, "error-in-file", file = path.display().to_string(), what = what)
            }
            TryOnError::Outputs(count) => tr!(l, "error-tryon-outputs", count = count.to_string()),
            TryOnError::Inference(reason) => tr!(l, "error-tryon-inference", reason = reason.clone()),
            TryOnError::NoCamera => tr!(l, "error-tryon-no-camera"),
            TryOnError::Camera(reason) => tr!(l, "error-tryon-camera", reason = reason.clone()),
        }
    }
}
