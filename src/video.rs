//! The turntable as a video every phone plays: H.264 in an MP4 file. H.264's Constrained Baseline profile is the one
//! every phone, tablet and computer decodes in hardware (AV1 or HEVC are not yet on all of them). The encoder is
//! Cisco's OpenH264, built from its BSD-2-Clause source by the `openh264` crate (no binary is downloaded); the file is
//! written by the `mp4` crate (MIT). Frames on white where transparent (a video has no alpha), their size made even
//! (4:2:0 colour halves it), each frame shown `frame_ms`; a key frame every second so a player can seek; about as
//! faithful as the GIF at a quarter of its size (`BITS_PER_PIXEL`).
//!
//! The same crates read the file back (`decode_mp4`): what the tests and the bench's quality figure (PSNR against the
//! PNG frames) compare.

use bytes::Bytes;
use image::RgbaImage;
use openh264::OpenH264API;
use openh264::decoder::{Decoder, DecoderConfig};
use openh264::encoder::{BitRate, Encoder, EncoderConfig, FrameRate, IntraFramePeriod, Profile, RateControlMode};
use openh264::formats::{RgbSliceU8, YUVBuffer};
use std::io::Cursor;

/// The video's clock: ticks per second.
const TIMESCALE: u32 = 1000;
/// Bits per pixel of each frame the encoder may spend, in its quality mode. Measured on the pear halo's 36-frame turn
/// at 384² (12 fps): 0.6 → 335 KiB, 36.4 dB; 1.5 → 523 KiB, 37.1 dB, where more no longer helps (4:2:0 colour is the
/// limit) — against its GIF's 2 090 KiB and 36.8 dB. (OpenH264 ignores a quantiser range with its rate control off:
/// every range gave the same 232 KiB, 35.0 dB.)
const BITS_PER_PIXEL: f32 = 1.5;

/// Why a video was not made or read.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    #[error("no frames to encode")]
    NoFrames,
    #[error("frames of {0}×{1} pixels are too small for a video")]
    TooSmall(u32, u32),
    #[error("H.264: {0}")]
    Codec(#[from] openh264::Error),
    #[error("MP4: {0}")]
    Container(#[from] mp4::Error),
    #[error("the encoder gave no parameter sets")]
    NoParameterSets,
    #[error("the file holds no H.264 track")]
    NoVideoTrack,
}

/// The frame on white, cut to even sides, as RGB bytes.
fn rgb_on_white(frame: &RgbaImage, width: u32, height: u32) -> Vec<u8> {
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            let [r, g, b, a] = frame.get_pixel(x, y).0;
            let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
            rgb.extend([over(r), over(g), over(b)]);
        }
    }
    rgb
}

/// The NAL units of one encoded frame (start codes taken off) and its type (5: a key frame's slice, 7, 8: the
/// parameter sets).
fn nal_units(stream: &[u8]) -> Vec<&[u8]> {
    openh264::nal_units(stream)
        .map(|unit| {
            let start = unit.iter().position(|&b| b == 1).map_or(0, |at| at + 1);
            &unit[start..]
        })
        .filter(|unit| !unit.is_empty())
        .collect()
}

/// The frames as an MP4 video (H.264), each shown `frame_ms`.
pub fn turntable_mp4(frames: &[RgbaImage], frame_ms: u32) -> Result<Vec<u8>, VideoError> {
    let first = frames.first().ok_or(VideoError::NoFrames)?;
    let (width, height) = (first.width() & !1, first.height() & !1);
    if width < 16 || height < 16 {
        return Err(VideoError::TooSmall(first.width(), first.height()));
    }
    let frame_ms = frame_ms.max(1);
    let fps = 1000.0 / frame_ms as f32;
    let bits = (width * height) as f32 * fps * BITS_PER_PIXEL;
    // Every frame kept (no skipping: the turn has as many frames as the GIF; OpenH264 says on stderr that its rate is
    // then not held — the size follows the detail).
    let config = EncoderConfig::new()
        .profile(Profile::Baseline)
        .rate_control_mode(RateControlMode::Quality)
        .bitrate(BitRate::from_bps(bits.clamp(200_000.0, 40_000_000.0) as u32))
        .max_frame_rate(FrameRate::from_hz(fps))
        .intra_frame_period(IntraFramePeriod::from_num_frames(fps.round().max(1.0) as u32))
        .skip_frames(false);
    let mut encoder = Encoder::with_api_config(OpenH264API::from_source(), config)?;
    let mut parameter_sets: (Option<Vec<u8>>, Option<Vec<u8>>) = (None, None);
    let mut samples = Vec::with_capacity(frames.len());
    for frame in frames {
        let rgb = rgb_on_white(frame, width.min(frame.width()), height.min(frame.height()));
        let yuv = YUVBuffer::from_rgb_source(RgbSliceU8::new(&rgb, (width as usize, height as usize)));
        let stream = encoder.encode(&yuv)?.to_vec();
        // The sample: each slice with its length before it (MP4 holds no start codes), the parameter sets kept for
        // the track's header.
        let mut sample = Vec::with_capacity(stream.len());
        let mut key = false;
        for unit in nal_units(&stream) {
            match unit[0] & 0x1f {
                7 => parameter_sets.0 = Some(unit.to_vec()),
                8 => parameter_sets.1 = Some(unit.to_vec()),
                kind => {
                    key |= kind == 5;
                    sample.extend_from_slice(&(unit.len() as u32).to_be_bytes());
                    sample.extend_from_slice(unit);
                }
            }
        }
        samples.push((sample, key));
    }
    let (Some(seq_param_set), Some(pic_param_set)) = parameter_sets else {
        return Err(VideoError::NoParameterSets);
    };
    let brand = |text: &str| text.parse::<mp4::FourCC>();
    let config = mp4::Mp4Config {
        major_brand: brand("isom")?,
        minor_version: 512,
        compatible_brands: vec![brand("isom")?, brand("iso2")?, brand("avc1")?, brand("mp41")?],
        timescale: TIMESCALE,
    };
    let mut writer = mp4::Mp4Writer::write_start(Cursor::new(Vec::new()), &config)?;
    writer.add_track(&mp4::TrackConfig {
        track_type: mp4::TrackType::Video,
        timescale: TIMESCALE,
        language: "und".into(),
        media_conf: mp4::MediaConfig::AvcConfig(mp4::AvcConfig {
            width: width as u16,
            height: height as u16,
            seq_param_set,
            pic_param_set,
        }),
    })?;
    for (index, (bytes, is_sync)) in samples.into_iter().enumerate() {
        let sample = mp4::Mp4Sample {
            start_time: index as u64 * u64::from(frame_ms),
            duration: frame_ms,
            rendering_offset: 0,
            is_sync,
            bytes: Bytes::from(bytes),
        };
        writer.write_sample(1, &sample)?;
    }
    writer.write_end()?;
    Ok(writer.into_writer().into_inner())
}

/// What an MP4 file holds: its frames decoded, and each frame's time on screen (ms).
pub struct DecodedVideo {
    pub frames: Vec<RgbaImage>,
    pub frame_ms: Vec<u32>,
}

/// Reads an MP4 file's H.264 track back into pictures.
pub fn decode_mp4(bytes: &[u8]) -> Result<DecodedVideo, VideoError> {
    let mut reader = mp4::Mp4Reader::read_header(Cursor::new(bytes), bytes.len() as u64)?;
    let (track_id, width, height, timescale, sps, pps, count) = {
        let track = reader
            .tracks()
            .values()
            .find(|t| t.media_type().is_ok_and(|m| m == mp4::MediaType::H264))
            .ok_or(VideoError::NoVideoTrack)?;
        (
            track.track_id(),
            u32::from(track.width()),
            u32::from(track.height()),
            track.timescale().max(1),
            track.sequence_parameter_set()?.to_vec(),
            track.picture_parameter_set()?.to_vec(),
            track.sample_count(),
        )
    };
    let mut decoder = Decoder::with_api_config(OpenH264API::from_source(), DecoderConfig::new())?;
    let annex_b = |unit: &[u8]| [&[0, 0, 0, 1][..], unit].concat();
    let mut packet = [annex_b(&sps), annex_b(&pps)].concat();
    let mut frames = Vec::new();
    let mut frame_ms = Vec::new();
    let mut rgba = vec![0u8; (width * height * 4) as usize];
    for index in 1..=count {
        let Some(sample) = reader.read_sample(track_id, index)? else { continue };
        frame_ms.push((u64::from(sample.duration) * 1000 / u64::from(timescale)) as u32);
        // Length-prefixed units back to start codes.
        let mut at = 0;
        let data = &sample.bytes[..];
        while at + 4 <= data.len() {
            let length = u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]) as usize;
            let end = (at + 4 + length).min(data.len());
            packet.extend(annex_b(&data[at + 4..end]));
            at = end;
        }
        if let Some(picture) = decoder.decode(&packet)? {
            picture.write_rgba8(&mut rgba);
            frames.extend(RgbaImage::from_raw(width, height, rgba.clone()));
        }
        packet.clear();
    }
    for picture in decoder.flush_remaining()? {
        picture.write_rgba8(&mut rgba);
        frames.extend(RgbaImage::from_raw(width, height, rgba.clone()));
    }
    Ok(DecodedVideo { frames, frame_ms })
}

/// Peak signal-to-noise ratio of `shown` against `original` (its RGB on white, over the shown picture's size), dB:
/// 40 and above is hard to tell apart, 30 visibly degraded.
pub fn psnr(original: &RgbaImage, shown: &RgbaImage) -> f64 {
    let (width, height) = (shown.width().min(original.width()), shown.height().min(original.height()));
    let reference = rgb_on_white(original, width, height);
    let seen = rgb_on_white(shown, width, height);
    let squared: f64 = reference.iter().zip(&seen).map(|(&a, &b)| (f64::from(a) - f64::from(b)).powi(2)).sum();
    let mean = squared / reference.len().max(1) as f64;
    if mean == 0.0 { f64::INFINITY } else { 10.0 * (255.0f64.powi(2) / mean).log10() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A turntable-like sequence: a bright disc moving round on a dark gradient, with a transparent corner.
    fn frames(count: usize, side: u32) -> Vec<RgbaImage> {
        (0..count)
            .map(|i| {
                let angle = i as f32 / count as f32 * std::f32::consts::TAU;
                let (cx, cy) = (side as f32 * (0.5 + 0.25 * angle.cos()), side as f32 * (0.5 + 0.25 * angle.sin()));
                RgbaImage::from_fn(side, side, |x, y| {
                    let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
                    let base = (40 + y * 60 / side) as u8;
                    let alpha = if x < 8 && y < 8 { 0 } else { 255 };
                    if d < side as f32 * 0.15 {
                        image::Rgba([230, 190, 120, alpha])
                    } else {
                        image::Rgba([base, base, base + 10, alpha])
                    }
                })
            })
            .collect()
    }

    #[test]
    fn a_turntable_video_reads_back_frame_for_frame_close_to_its_pictures() {
        let pictures = frames(12, 96);
        let bytes = turntable_mp4(&pictures, 100).expect("encoded");
        assert_eq!(&bytes[4..8], b"ftyp", "an MP4 file");
        let video = decode_mp4(&bytes).expect("decoded");
        assert_eq!(video.frames.len(), 12, "every frame");
        assert!(video.frame_ms.iter().all(|&ms| ms == 100), "{:?}", video.frame_ms);
        for (original, shown) in pictures.iter().zip(&video.frames) {
            assert_eq!(shown.dimensions(), (96, 96));
            let quality = psnr(original, shown);
            assert!(quality > 32.0, "{quality:.1} dB");
        }
        // A transparent corner is white in the video.
        assert!(video.frames[0].get_pixel(2, 2).0[..3].iter().all(|&c| c > 200));
    }

    #[test]
    fn odd_sides_are_cut_even_and_nothing_or_too_little_is_refused() {
        let pictures = frames(3, 97);
        let video = decode_mp4(&turntable_mp4(&pictures, 50).expect("encoded")).expect("decoded");
        assert_eq!(video.frames[0].dimensions(), (96, 96));
        assert!(matches!(turntable_mp4(&[], 100), Err(VideoError::NoFrames)));
        assert!(matches!(turntable_mp4(&frames(2, 8), 100), Err(VideoError::TooSmall(8, 8))));
    }
}
