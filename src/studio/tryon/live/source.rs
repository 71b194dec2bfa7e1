//! Where the live try-on's pictures come from: a camera (nokhwa, on its own thread: opening a camera can take
//! seconds and every frame waits on the device), a photo (read once), or a sequence of pictures played at a frame
//! rate (the bench and the tests, which have no camera). Whatever makes frames puts the newest in a `Newest` slot;
//! the studio and the hand's worker each take the newest when they are ready and never wait for one — older frames
//! are simply overwritten, never queued.

use crate::studio::floor::background::Background;
use crate::tryon::TryOnError;
use image::RgbImage;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant};

/// One picture of the sequence.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Counted from 1 by its source.
    pub number: u64,
    pub picture: Arc<RgbImage>,
    pub taken: Instant,
    /// Turned left to right (as a mirror).
    pub mirrored: bool,
}

/// The newest frame of a source, turned as a mirror when asked (a camera facing the client: they see their hand move
/// as in a mirror).
#[derive(Clone, Default)]
pub struct Newest(Arc<Mutex<Option<Frame>>>, Arc<AtomicBool>);

impl Newest {
    /// Puts a picture in place of the last one (mirrored left to right when `mirror` asked it).
    pub fn put(&self, mut picture: RgbImage) {
        let mirrored = self.1.load(Ordering::Relaxed);
        if mirrored {
            image::imageops::flip_horizontal_in_place(&mut picture);
        }
        let mut slot = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let number = slot.as_ref().map_or(1, |f| f.number + 1);
        *slot = Some(Frame { number, picture: Arc::new(picture), taken: Instant::now(), mirrored });
    }

    /// Whether the pictures put from now on are mirrored.
    pub fn mirror(&self, mirrored: bool) {
        self.1.store(mirrored, Ordering::Relaxed);
    }

    /// The newest frame if it is newer than `seen`, without waiting: `None` also when the maker holds the slot this
    /// very moment (the next look finds it).
    pub fn newer_than(&self, seen: u64) -> Option<Frame> {
        let slot = match self.0.try_lock() {
            Ok(slot) => slot,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        slot.as_ref().filter(|f| f.number > seen).cloned()
    }
}

/// A camera the advisor can choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameraChoice {
    pub index: u32,
    pub name: String,
}

/// The resolutions offered (the camera gives the closest it has).
pub const RESOLUTIONS: [(u32, u32); 3] = [(640, 480), (1280, 720), (1920, 1080)];

/// Whether a file is a photo the try-on reads (by its name).
pub fn is_photo(path: &std::path::Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    extension.is_some_and(|e| PHOTO_EXTENSIONS.contains(&e.as_str()))
}

/// The photos' extensions.
pub const PHOTO_EXTENSIONS: [&str; 3] = ["jpg", "jpeg", "png"];

/// The frames a source gives.
#[derive(Clone, Debug)]
pub enum SourceKind {
    Camera {
        index: u32,
        resolution: (u32, u32),
    },
    Photo(PathBuf),
    /// Pictures played in turn, over and over, at a frame rate.
    Played {
        pictures: Vec<Arc<RgbImage>>,
        per_second: f32,
    },
}

impl SourceKind {
    /// A camera, or pictures played as one (a photo is a single picture the client holds up: never mirrored).
    pub fn is_live(&self) -> bool {
        !matches!(self, SourceKind::Photo(_))
    }
}

/// What a source says about itself.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceEvent {
    /// It gives frames of this size.
    Started { width: u32, height: u32 },
    /// It could not start, or stopped giving frames.
    Failed(TryOnError),
}

/// A source at work on its own thread; dropping it stops it.
pub struct FrameSource {
    stop: Arc<AtomicBool>,
    pub events: Background<SourceEvent>,
}

impl FrameSource {
    /// Starts giving frames into `newest`.
    pub fn start(kind: SourceKind, newest: Newest) -> FrameSource {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let events = Background::thread(move |sender| {
            let say = |event| {
                let _ = sender.send(event);
            };
            match kind {
                SourceKind::Photo(path) => match crate::tryon::read_picture(&path) {
                    Ok(picture) => {
                        say(SourceEvent::Started { width: picture.width(), height: picture.height() });
                        newest.put(picture);
                    }
                    Err(error) => say(SourceEvent::Failed(error)),
                },
                SourceKind::Played { pictures, per_second } => play(&pictures, per_second, &newest, &stopped, say),
                SourceKind::Camera { index, resolution } => {
                    if let Err(error) = film(index, resolution, &newest, &stopped, &say) {
                        say(SourceEvent::Failed(error));
                    }
                }
            }
        });
        FrameSource { stop, events }
    }
}

impl Drop for FrameSource {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn play(pictures: &[Arc<RgbImage>], per_second: f32, newest: &Newest, stop: &AtomicBool, say: impl Fn(SourceEvent)) {
    let Some(first) = pictures.first() else { return };
    say(SourceEvent::Started { width: first.width(), height: first.height() });
    let period = Duration::from_secs_f32(1.0 / per_second.max(0.1));
    let start = Instant::now();
    for (k, picture) in pictures.iter().cycle().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        newest.put(RgbImage::clone(picture));
        let due = start + period * (k as u32 + 1);
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
    }
}

/// The cameras this computer has (blocking: call it off the frame). None is an empty list, not an error.
pub fn cameras() -> Result<Vec<CameraChoice>, TryOnError> {
    let found = nokhwa::query(nokhwa::utils::ApiBackend::Auto).map_err(|e| TryOnError::Camera(e.to_string()))?;
    Ok(found
        .into_iter()
        .filter_map(|info| {
            let index = info.index().as_index().ok()?;
            Some(CameraChoice { index, name: info.human_name() })
        })
        .collect())
}

/// Films from camera `index` until told to stop.
fn film(
    index: u32,
    (width, height): (u32, u32),
    newest: &Newest,
    stop: &AtomicBool,
    say: &impl Fn(SourceEvent),
) -> Result<(), TryOnError> {
    use nokhwa::pixel_format::RgbFormat;
    use nokhwa::utils::{CameraFormat, CameraIndex, FrameFormat, RequestedFormat, RequestedFormatType, Resolution};
    let failed = |e: nokhwa::NokhwaError| TryOnError::Camera(e.to_string());
    if cameras()?.is_empty() {
        return Err(TryOnError::NoCamera);
    }
    let wanted = CameraFormat::new(Resolution::new(width, height), FrameFormat::MJPEG, 30);
    let request = RequestedFormat::new::<RgbFormat>(RequestedFormatType::Closest(wanted));
    let mut camera = nokhwa::Camera::new(CameraIndex::Index(index), request).map_err(failed)?;
    camera.open_stream().map_err(failed)?;
    let format = camera.camera_format();
    say(SourceEvent::Started { width: format.width(), height: format.height() });
    while !stop.load(Ordering::Relaxed) {
        let buffer = camera.frame().map_err(failed)?;
        let picture = match buffer.source_frame_format() {
            FrameFormat::MJPEG => mjpeg_frame(buffer.buffer())?,
            _ => buffer.decode_image::<RgbFormat>().map_err(failed)?,
        };
        newest.put(picture);
    }
    let _ = camera.stop_stream();
    Ok(())
}

/// One frame of a motion-JPEG stream, decoded by `image` (nokhwa's own decoder would bring a C library); a broken
/// frame is the camera's error, said, never a panic.
fn mjpeg_frame(bytes: &[u8]) -> Result<RgbImage, TryOnError> {
    image::load_from_memory_with_format(bytes, image::ImageFormat::Jpeg)
        .map(|decoded| decoded.to_rgb8())
        .map_err(|e| TryOnError::Camera(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cameras_jpeg_frame_is_decoded_and_a_broken_one_is_said() {
        let picture = RgbImage::from_fn(64, 48, |x, _| image::Rgb([(x * 4) as u8, 90, 200]));
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&picture).expect("encoded");
        let decoded = mjpeg_frame(&bytes).expect("a frame");
        assert_eq!(decoded.dimensions(), (64, 48));
        assert!((i32::from(decoded.get_pixel(60, 20)[0]) - 240).abs() < 12, "{:?}", decoded.get_pixel(60, 20));
        assert!(matches!(mjpeg_frame(&bytes[..bytes.len() / 3]), Err(TryOnError::Camera(_))));
    }

    #[test]
    fn a_mirrored_source_turns_each_frame_and_says_so() {
        let newest = Newest::default();
        let picture = RgbImage::from_fn(4, 1, |x, _| image::Rgb([x as u8 * 60, 0, 0]));
        newest.put(picture.clone());
        assert!(!newest.newer_than(0).expect("a frame").mirrored);
        newest.mirror(true);
        newest.put(picture);
        let frame = newest.newer_than(1).expect("a frame");
        assert!(frame.mirrored);
        assert_eq!(frame.picture.get_pixel(0, 0)[0], 180, "the right edge now on the left");
    }

    #[test]
    fn readers_see_only_the_newest_frame_and_never_wait_for_it() {
        let newest = Newest::default();
        assert!(newest.newer_than(0).is_none());
        newest.put(RgbImage::new(2, 2));
        newest.put(RgbImage::new(3, 3));
        let frame = newest.newer_than(0).expect("a frame");
        assert_eq!((frame.number, frame.picture.width()), (2, 3));
        assert!(newest.newer_than(2).is_none());
        // While the maker holds the slot, a reader goes on without it.
        let held = newest.0.lock().expect("the slot");
        assert!(newest.newer_than(0).is_none());
        drop(held);
        assert!(newest.newer_than(1).is_some());
    }
}
