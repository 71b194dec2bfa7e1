//! The one PNG writer: pictures (renders, sheets, boards, turntable frames) encoded as PNG and written atomically.

use std::path::Path;
use thiserror::Error;

/// Why a picture could not be written.
#[derive(Debug, Error)]
pub enum PngError {
    #[error("cannot encode a PNG: {0}")]
    Encode(#[from] image::ImageError),
    #[error("{path}: cannot write: {source}")]
    Write { path: String, source: std::io::Error },
}

/// A picture as PNG bytes.
pub fn png_bytes(picture: &image::RgbaImage) -> Result<Vec<u8>, PngError> {
    let mut bytes = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)?;
    Ok(bytes)
}

/// Writes a picture as a PNG file, atomically (the previous file survives any failure).
pub fn save_png(picture: &image::RgbaImage, path: &Path) -> Result<(), PngError> {
    let bytes = png_bytes(picture)?;
    crate::atomic_file::write_atomically(path, &bytes)
        .map_err(|source| PngError::Write { path: path.display().to_string(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_reads_back_and_an_unwritable_place_is_named() {
        let picture = image::RgbaImage::from_pixel(3, 2, image::Rgba([200, 150, 60, 255]));
        let bytes = png_bytes(&picture).expect("encoded");
        let back = image::load_from_memory(&bytes).expect("decoded").to_rgba8();
        assert_eq!(back, picture);
        let nowhere = std::path::Path::new("/nonexistent-folder-of-ecrin/picture.png");
        let error = save_png(&picture, nowhere).expect_err("no such folder").to_string();
        assert!(error.starts_with("/nonexistent-folder-of-ecrin/picture.png: cannot write"), "{error}");
    }
}
