//! The try-on's errors, and its size from a card, in the reader's language.

use super::Language;
use crate::tr;
use crate::tryon::TryOnError;
use crate::tryon::card::SizeEstimate;

impl SizeEstimate {
    /// The range in the reader's words: its ends in mm and EU sizes, the most likely value — or, when the edges are
    /// doubted, that the picture cannot say more; and where a firmer answer is (the sizer with a ring).
    pub fn in_language(&self, l: Language) -> String {
        let mm = |value: f32| super::format::number(l, f64::from(value), 1);
        let size = |value: f32| super::format::number(l, f64::from(value.round()), 0);
        let (low, high, low_size, high_size) =
            (mm(self.low_mm), mm(self.high_mm), size(self.low_mm), size(self.high_mm));
        if self.doubted_for_breadth_mm.is_some() {
            return tr!(l, "tryon-card-doubted", low = low, high = high, low_size = low_size, high_size = high_size);
        }
        let likely = mm(self.likely_mm);
        tr!(l, "tryon-card-result", low = low, high = high, low_size = low_size, high_size = high_size, likely = likely)
    }
}

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
