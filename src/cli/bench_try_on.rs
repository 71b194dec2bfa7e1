//! The try-on's figures of `ecrin bench`: the landmark model's time on this CPU — the search of a whole picture once,
//! then following the hand (one run per camera frame, what a live picture costs) — and painting the ring over the
//! picture, against a studio frame; the live try-on's cost in a studio frame.

use super::bench::{emit, median_and_p95};
use crate::design::Design;
use crate::geometry::hand::HandFinish;
use crate::optics::environment::LightingEnvironment;
use crate::studio::tryon::paint::RingPainter;
use crate::studio::tryon::test_set::{Case, HandPictures};
use crate::tryon::place::{Hand, place_ring};
use crate::tryon::{Finger, HandModel, finger, search};
use std::time::Instant;

/// Runs of the model when following the hand.
const FOLLOWED_FRAMES: usize = 40;

/// The figures, on a 640 × 640 picture of the display hand (medium skin, studio light); `studio_frame_ms`: the
/// studio's frame median of the same run.
pub fn try_on_figures(studio_frame_ms: f64) -> Result<(), String> {
    let l = super::language();
    let design = Design::default();
    let case = Case {
        finish: HandFinish::MediumSkin,
        environment: LightingEnvironment::Studio,
        white_ground: false,
        yaw: 0.1,
        pitch: -0.1,
        distance: 1.1,
        roll: 0.5,
        ring_size_mm: design.ring_size_mm,
    };
    let mut pictures = HandPictures::new(design.clone(), 640).map_err(|e| e.in_language(l))?;
    let (picture, _) = pictures.picture(&design, &case).map_err(|e| e.in_language(l))?;
    pictures.finish();
    let model = HandModel::load(&super::try_on::model_path()).map_err(|e| e.in_language(l))?;
    let started = Instant::now();
    let found = search::find_hand(&model, &picture, Some(Hand::Left)).map_err(|e| e.in_language(l))?;
    emit("tryon_search_ms", started.elapsed().as_secs_f64() * 1000.0, "ms");
    let picture_name = "display-hand.png".to_string();
    let pose = found.ok_or_else(|| crate::tr!(l, "cli-tryon-no-hand", file = picture_name.clone()))?;
    let mut times = Vec::with_capacity(FOLLOWED_FRAMES);
    let mut last = pose.clone();
    for _ in 0..FOLLOWED_FRAMES {
        let started = Instant::now();
        let next = search::follow(&model, &picture, &last).map_err(|e| e.in_language(l))?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        last = next.unwrap_or_else(|| pose.clone());
    }
    let (p50, p95) = median_and_p95(&mut times);
    emit("tryon_inference_ms_p50", p50, "ms");
    emit("tryon_inference_ms_p95", p95, "ms");
    emit("tryon_inference_vs_frame_ratio", p50 / studio_frame_ms, "ratio");
    let measured = finger::measure(&picture, &pose, Finger::Ring).ok_or_else(|| {
        crate::tr!(l, "cli-tryon-no-finger", file = picture_name.clone(), finger = Finger::Ring.slug().to_string())
    })?;
    let placement = place_ring(&pose, &measured, Hand::Left, design.ring_size_mm);
    let mut painter = RingPainter::new(design.clone(), RingPainter::square_side(&design, &placement))
        .map_err(|e| e.in_language(l))?;
    let mut paints = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        painter.paint(&picture, &placement, &measured).map_err(|e| e.in_language(l))?;
        paints.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    painter.finish();
    let (paint_ms, _) = median_and_p95(&mut paints);
    emit("tryon_paint_ms", paint_ms, "ms");
    emit("tryon_paint_vs_frame_ratio", paint_ms / studio_frame_ms, "ratio");
    live_figures(&design, picture, p50)
}

/// Frames of the studio measured with and without the live try-on.
const LIVE_FRAMES: usize = 30;

/// The live try-on against the studio's frame, in one studio (1280 × 720): frames without it, then with the picture
/// played as a camera at 30 frames a second and the worker following the hand (on this machine the worker's thread
/// shares the CPU with the software renderer: its cost is in the ratio). `tryon_frames_blocked`: frames in which
/// the try-on's own systems took longer than one run of the model — a frame that waited on the worker.
fn live_figures(design: &Design, picture: image::RgbImage, inference_ms: f64) -> Result<(), String> {
    use crate::studio::headless::Offscreen;
    use crate::studio::tryon::live::source::SourceKind;
    use crate::studio::tryon::live::{LiveTryOn, TryOnCommand};
    let l = super::language();
    let mut studio = Offscreen::new(design.clone(), 1280, 720);
    studio.run_until_ready(3000).map_err(|e| e.in_language(l))?;
    let timed = |studio: &mut Offscreen, work: &mut Vec<f64>| {
        let mut times = Vec::with_capacity(LIVE_FRAMES);
        for _ in 0..LIVE_FRAMES {
            let started = Instant::now();
            studio.update();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            let live = studio.world_mut().resource::<LiveTryOn>();
            work.extend(live.frame_work_ms().map(f64::from));
        }
        median_and_p95(&mut times).0
    };
    let without = timed(&mut studio, &mut Vec::new());
    let played = SourceKind::Played { pictures: vec![std::sync::Arc::new(picture)], per_second: 30.0 };
    studio.send(TryOnCommand::Start(played));
    // Until the ring is shown (the hand found, the try-on camera's pipelines ready), at most two minutes.
    let started = Instant::now();
    while started.elapsed().as_secs() < 120 {
        studio.update();
        let live = studio.world_mut().resource::<LiveTryOn>();
        if live.ring().is_some_and(|(_, opacity)| opacity >= 1.0) {
            break;
        }
    }
    studio.settle(300).map_err(|e| e.in_language(l))?;
    let mut work = Vec::new();
    let with = timed(&mut studio, &mut work);
    let looks = studio.world_mut().resource::<LiveTryOn>().counts().map_or(0, |(_, looks)| looks);
    studio.exit();
    emit("tryon_frame_ratio", with / without, "ratio");
    emit("tryon_frames_blocked", work.iter().filter(|ms| **ms > inference_ms).count() as f64, "frames");
    emit("tryon_frame_work_ms_max", work.iter().copied().fold(0.0, f64::max), "ms");
    emit("tryon_live_looks", looks as f64, "looks");
    Ok(())
}
