//! Turntable export: frames all around the piece, written as a looping animated GIF, as an MP4 video every phone plays
//! (`crate::video`: H.264) and as PNG frames.

use super::export::{ExportError, ExportSettings, Exporter};
use crate::design::Design;
use image::codecs::gif::{GifEncoder, Repeat};
use image::{Delay, Frame, RgbaImage};
use std::path::{Path, PathBuf};

/// Renders `count` frames around the piece (one full turn from the three-quarter view), as exports are made.
pub fn turntable_frames(design: Design, settings: ExportSettings, count: u32) -> Result<Vec<RgbaImage>, ExportError> {
    let mut exporter = Exporter::new(design, settings)?;
    let mut frames = Vec::with_capacity(count as usize);
    exporter.render_turn(count, &mut |_, frame| {
        frames.push(frame);
        true
    })?;
    exporter.finish();
    Ok(frames)
}

/// A frame's own 256-colour palette (NeuQuant), as a colour map for Floyd–Steinberg dithering.
struct Palette(color_quant::NeuQuant);

impl image::imageops::colorops::ColorMap for Palette {
    type Color = image::Rgba<u8>;

    fn index_of(&self, color: &image::Rgba<u8>) -> usize {
        self.0.index_of(&color.0)
    }

    fn map_color(&self, color: &mut image::Rgba<u8>) {
        self.0.map_pixel(&mut color.0);
    }
}

/// The frame reduced to 256 colours with Floyd–Steinberg dithering: metal gradients stay smooth instead of
/// banding (the GIF encoder then keeps these colours exactly).
pub fn dithered(frame: &RgbaImage) -> RgbaImage {
    let mut reduced = frame.clone();
    if reduced.width() < 2 || reduced.height() < 2 {
        return reduced;
    }
    let palette = Palette(color_quant::NeuQuant::new(10, 256, frame.as_raw()));
    image::imageops::dither(&mut reduced, &palette);
    reduced
}

/// Each frame `dithered`, each on a thread of its own.
fn dithered_together(frames: &[RgbaImage]) -> Vec<RgbaImage> {
    std::thread::scope(|scope| {
        let threads: Vec<_> = frames.iter().map(|frame| scope.spawn(move || dithered(frame))).collect();
        threads
            .into_iter()
            .map(|thread| thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// Why a turntable could not be written (said in a language by `message`).
#[derive(Debug, thiserror::Error)]
pub enum TurntableError {
    #[error("the GIF could not be encoded: {0}")]
    Gif(#[from] image::ImageError),
    #[error("{}: cannot create the folder: {source}", folder.display())]
    Folder { folder: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Frame(#[from] crate::png::PngError),
    #[error("{}: cannot write: {source}", file.display())]
    Write { file: PathBuf, source: std::io::Error },
    #[error("the video could not be encoded: {0}")]
    Video(#[from] crate::video::VideoError),
}

impl TurntableError {
    /// What went wrong, in a language, naming the file.
    pub fn in_language(&self, l: crate::i18n::Language) -> String {
        match self {
            TurntableError::Gif(error) => crate::tr!(l, "error-cannot-write", reason = error.to_string()),
            TurntableError::Folder { folder, source } => crate::tr!(
                l,
                "status-cannot-create-folder",
                folder = folder.display().to_string(),
                reason = source.to_string()
            ),
            TurntableError::Frame(error) => error.in_language(l),
            TurntableError::Video(error) => crate::tr!(l, "error-cannot-write", reason = error.to_string()),
            TurntableError::Write { file, source } => {
                let what = crate::tr!(l, "error-cannot-write", reason = source.to_string());
                crate::tr!(l, "error-in-file", file = file.display().to_string(), what = what)
            }
        }
    }
}

/// The bytes of a looping GIF of the frames, `frame_ms` each, dithered.
pub fn encode_gif(frames: &[RgbaImage], frame_ms: u32) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = Vec::new();
    {
        // Speed 10: NeuQuant palette per frame, a good balance of colour fidelity and time for metal gradients.
        let mut encoder = GifEncoder::new_with_speed(&mut bytes, 10);
        encoder.set_repeat(Repeat::Infinite)?;
        // Frames are dithered a few at a time, one on each core; the encoder takes them in order.
        let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        for batch in frames.chunks(cores) {
            for frame in dithered_together(batch) {
                let delay = Delay::from_numer_denom_ms(frame_ms, 1);
                encoder.encode_frame(Frame::from_parts(frame, 0, 0, delay))?;
            }
        }
    }
    Ok(bytes)
}

/// Writes the GIF at `output`, the video beside it (`<stem>.mp4`) and the PNG frames in `<stem>-frames/`, each file
/// atomically.
pub fn write_turntable(frames: &[RgbaImage], output: &Path, frame_ms: u32) -> Result<PathBuf, TurntableError> {
    let gif = encode_gif(frames, frame_ms)?;
    let video = crate::video::turntable_mp4(frames, frame_ms)?;
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "turntable".into());
    let folder = output.with_file_name(format!("{stem}-frames"));
    std::fs::create_dir_all(&folder).map_err(|source| TurntableError::Folder { folder: folder.clone(), source })?;
    for (i, frame) in frames.iter().enumerate() {
        crate::png::save_png(frame, &folder.join(format!("{stem}-{i:03}.png")))?;
    }
    let mp4 = output.with_extension("mp4");
    crate::atomic_file::write_atomically(&mp4, &video).map_err(|source| TurntableError::Write { file: mp4, source })?;
    crate::atomic_file::write_atomically(output, &gif)
        .map_err(|source| TurntableError::Write { file: output.to_path_buf(), source })?;
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gif_loops_and_keeps_every_frame() {
        let frames: Vec<RgbaImage> =
            (0..4u8).map(|i| RgbaImage::from_fn(16, 16, |x, _| image::Rgba([i * 60, x as u8 * 10, 90, 255]))).collect();
        let bytes = encode_gif(&frames, 80).expect("gif");
        assert_eq!(&bytes[..6], b"GIF89a");
        // The NETSCAPE2.0 application extension makes it loop.
        assert!(bytes.windows(11).any(|w| w == b"NETSCAPE2.0"));
        let decoder = image::codecs::gif::GifDecoder::new(std::io::Cursor::new(bytes)).expect("decoder");
        let decoded = image::AnimationDecoder::into_frames(decoder).collect_frames().expect("frames");
        assert_eq!(decoded.len(), 4);
    }

    #[test]
    fn gradients_are_dithered_not_banded() {
        // A smooth gradient with more shades than a GIF palette holds.
        let gradient = RgbaImage::from_fn(256, 64, |x, y| image::Rgba([x as u8, (y * 4) as u8, 255 - x as u8, 255]));
        let reduced = dithered(&gradient);
        let mut colours = std::collections::HashSet::new();
        for pixel in reduced.pixels() {
            colours.insert(pixel.0);
        }
        assert!(colours.len() <= 256);
        // Averaged over 8×8 blocks the dithered picture matches the original closely (error diffusion).
        let block_mean = |image: &RgbaImage, bx: u32, by: u32, c: usize| {
            let mut sum = 0.0;
            for y in by * 8..by * 8 + 8 {
                for x in bx * 8..bx * 8 + 8 {
                    sum += f64::from(image.get_pixel(x, y)[c]);
                }
            }
            sum / 64.0
        };
        // The same palette without dithering: each pixel to its nearest colour (bands).
        let palette = Palette(color_quant::NeuQuant::new(10, 256, gradient.as_raw()));
        let mut banded = gradient.clone();
        for pixel in banded.pixels_mut() {
            image::imageops::colorops::ColorMap::map_color(&palette, pixel);
        }
        let block_error = |image: &RgbaImage| {
            let mut total = 0.0;
            for by in 0..8 {
                for bx in 0..32 {
                    for c in 0..3 {
                        total += (block_mean(&gradient, bx, by, c) - block_mean(image, bx, by, c)).abs();
                    }
                }
            }
            total / (8.0 * 32.0 * 3.0)
        };
        let (dithered_error, banded_error) = (block_error(&reduced), block_error(&banded));
        assert!(
            dithered_error < 0.6 * banded_error && dithered_error < 3.0,
            "dithered {dithered_error:.2} vs banded {banded_error:.2}"
        );
    }
}
