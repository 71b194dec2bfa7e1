//! The one PNG writer: pictures (renders, sheets, boards, turntable frames) encoded as PNG and written atomically.

use std::path::Path;
use thiserror::Error;

/// Why a picture could not be written.
#[derive(Debug, Error)]
pub enum PngError {
    #[error("cannot encode a PNG: {0}")]
    Encode(#[from] image::ImageError),
    #[error("cannot encode a PNG: {0}")]
    EncodePrint(#[from] png::EncodingError),
    #[error("{path}: cannot write: {source}")]
    Write { path: String, source: std::io::Error },
}

/// A picture as PNG bytes.
pub fn png_bytes(picture: &image::RgbaImage) -> Result<Vec<u8>, PngError> {
    let mut bytes = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)?;
    Ok(bytes)
}

/// A picture to print as PNG bytes that say its resolution (a `pHYs` chunk), so that it prints at true scale.
pub fn print_png_bytes(picture: &image::RgbaImage, dots_per_inch: f32) -> Result<Vec<u8>, PngError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, picture.width(), picture.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let per_metre = (dots_per_inch / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(picture.as_raw())?;
    writer.finish()?;
    Ok(bytes)
}

/// Writes a picture to print (see `print_png_bytes`) atomically.
pub fn save_print_png(picture: &image::RgbaImage, dots_per_inch: f32, path: &Path) -> Result<(), PngError> {
    let bytes = print_png_bytes(picture, dots_per_inch)?;
    crate::atomic_file::write_atomically(path, &bytes)
        .map_err(|source| PngError::Write { path: path.display().to_string(), source })
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

    #[test]
    fn a_picture_to_print_says_its_resolution() {
        let picture = image::RgbaImage::from_pixel(4, 4, image::Rgba([10, 20, 30, 255]));
        let bytes = print_png_bytes(&picture, 300.0).expect("encoded");
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let reader = decoder.read_info().expect("a PNG");
        let dims = reader.info().pixel_dims.expect("pHYs");
        assert_eq!((dims.xppu, dims.unit), (11_811, png::Unit::Meter));
        assert_eq!(image::load_from_memory(&bytes).expect("decoded").to_rgba8(), picture);
    }
}
