//! `ecrin bench`: start-up time, frame times at 1280×720, change latency and peak memory, as JSON lines
//! `{"metric": NAME, "value": NUMBER, "unit": UNIT}`.

use crate::approval::View;
use crate::design::{Alloy, Design, DesignCommand};
use crate::studio::floor::commands::StudioCommand;
use crate::studio::gem::StoneRendering;
use crate::studio::headless::Offscreen;
use crate::studio::lighting::PresentationCommand;
use bevy::prelude::{Camera3d, Transform, With};
use std::process::ExitCode;
use std::time::Instant;

pub(super) fn emit(metric: &str, value: f64, unit: &str) {
    println!("{{\"metric\": \"{metric}\", \"value\": {value:.3}, \"unit\": \"{unit}\"}}");
}

/// Peak resident memory of this process, MB (Linux: VmHWM).
pub fn peak_rss_mb() -> Option<f64> {
    crate::studio::headless::memory::resident_part("VmHWM:")
}

/// Median and 95th percentile of a sample, in its unit.
pub fn median_and_p95(samples: &mut [f64]) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// Mean colour of an image's pixels that differ from the first pixel's colour (the backdrop).
pub(super) fn mean_difference(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    let total: u64 =
        a.pixels().zip(b.pixels()).map(|(p, q)| (0..3).map(|c| p[c].abs_diff(q[c]) as u64).sum::<u64>()).sum();
    total as f64 / (a.width() * a.height()) as f64
}

/// Median and p95 frame time (ms) over `frames` frames while the view turns.
pub(super) fn frame_times(offscreen: &mut Offscreen, frames: usize) -> (f64, f64) {
    let mut times = Vec::with_capacity(frames);
    for _ in 0..frames.max(1) {
        offscreen.orbit_by(0.02);
        let start = Instant::now();
        offscreen.update();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    median_and_p95(&mut times)
}

/// Every change the panel can make, in an order that visits every alloy, finish, species, cut × setting, band
/// and lighting environment.
pub fn every_option() -> Vec<StudioCommand> {
    use crate::design::{Cut, Finish, Setting, ShankStyle, Species};
    use crate::optics::environment::LightingEnvironment;
    let mut commands: Vec<StudioCommand> = Vec::new();
    let design = |c: DesignCommand| StudioCommand::from(c);
    commands.extend(Alloy::ALL.map(|a| design(DesignCommand::SetAlloy(a))));
    commands.extend(Finish::ALL.map(|f| design(DesignCommand::SetFinish(f))));
    commands.extend(Species::ALL.map(|s| design(DesignCommand::SetSpecies(s))));
    for setting in Setting::ALL {
        commands.push(design(DesignCommand::SetSetting(setting)));
        commands.extend(Cut::ALL.map(|c| design(DesignCommand::SetCut(c))));
    }
    commands.extend(ShankStyle::ALL.map(|s| design(DesignCommand::SetShank(s))));
    commands.extend(LightingEnvironment::ALL.map(|e| PresentationCommand::SetEnvironment(e).into()));
    // Necklaces: every chain, length and pendant, then back to the ring.
    use crate::design::necklace::{ChainStyle, Necklace, PendantStyle, STANDARD_LENGTHS_MM};
    let necklace = |n| design(DesignCommand::SetNecklace(Some(n)));
    commands.extend(ChainStyle::ALL.map(|chain| necklace(Necklace { chain, ..Necklace::default() })));
    commands.extend(STANDARD_LENGTHS_MM.map(|length_mm| necklace(Necklace { length_mm, ..Necklace::default() })));
    commands.extend(PendantStyle::ALL.map(|pendant| necklace(Necklace { pendant, ..Necklace::default() })));
    commands.push(design(DesignCommand::SetNecklace(None)));
    commands
}

/// Applies every option, two frames each: the longest frame (ms) and how many frames had pipelines compiling.
fn cycle_every_option(offscreen: &mut Offscreen) -> (f64, usize) {
    let (mut longest, mut waiting) = (0.0f64, 0);
    for command in every_option() {
        offscreen.send(command);
        for _ in 0..2 {
            let start = Instant::now();
            offscreen.update();
            longest = longest.max(start.elapsed().as_secs_f64() * 1000.0);
            if offscreen.pipelines_waiting() > 0 {
                waiting += 1;
            }
        }
    }
    (longest, waiting)
}

/// Which figures a run measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Only {
    Everything,
    /// Start-up and the house's collection.
    Collection,
    /// Start-up, the studio's frame and the hand-off to the workshop.
    HandOff,
    /// Start-up, the studio's frame and the try-on.
    TryOn,
    /// Start-up and Écrin's proposals within a budget.
    Suggest,
    /// The headline figures (`bench_quick`).
    Quick,
    /// Start-up only (`bench_startup` launches the bench so).
    Startup,
}

pub fn run(frames: usize, only: Only, memory_labels: bool) -> ExitCode {
    let started = super::PROCESS_START.get().copied().unwrap_or_else(Instant::now);
    let since_start = || started.elapsed().as_secs_f64() * 1000.0;
    // The renderer's diagnostics time each pass on the GPU (no cost to the frame measured here).
    let mut offscreen = Offscreen::with_features(Design::default(), 1280, 720, |app| {
        app.add_plugins(bevy::render::diagnostic::RenderDiagnosticsPlugin);
    });
    // Where start-up goes: the app built (plugins, the renderer and its device), then frames until ready (the
    // library read and made into meshes, the environments baked, the pipelines compiled, the piece composed).
    let built_ms = since_start();
    let loading = match offscreen.run_until_ready_timed(5000) {
        Ok(frames) => frames,
        Err(error) => {
            eprintln!("bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    let ready_ms = since_start();
    // The first frame with the ring on screen is the one after ready.
    if let Err(error) = offscreen.capture() {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    emit("startup_ms", since_start(), "ms");
    emit("startup_app_built_ms", built_ms, "ms");
    emit("startup_until_ready_ms", ready_ms - built_ms, "ms");
    emit("startup_frames_until_ready", loading.len() as f64, "frames");
    startup_split(&loading);
    emit("startup_first_picture_ms", since_start() - ready_ms, "ms");
    if only == Only::Startup {
        offscreen.exit();
        return ExitCode::SUCCESS;
    }
    if matches!(only, Only::Everything | Only::Suggest) {
        // Machine-free and under a second: first, so that a quick run has them.
        super::bench_quick::gem_work_figures();
        if let Err(error) = super::bench_suggest::suggest_figures(&halo_ring()) {
            eprintln!("bench: {error}");
            return ExitCode::FAILURE;
        }
        if only == Only::Suggest {
            offscreen.exit();
            return match super::bench_suggest::live_suggest_figures(&Design::default(), frames) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("bench: {error}");
                    ExitCode::FAILURE
                }
            };
        }
    }
    if only == Only::Quick {
        let outcome = super::bench_quick::quick_figures(&mut offscreen, frames, memory_labels);
        offscreen.exit();
        return match outcome.and_then(export_4096_figures).and_then(|()| super::bench_startup::cold_and_warm_figures())
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("bench: {error}");
                ExitCode::FAILURE
            }
        };
    }
    if only == Only::Collection {
        return match super::bench_collection::collection_figures(&mut offscreen, frames) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("bench: {error}");
                ExitCode::FAILURE
            }
        };
    }

    let frame = super::bench_frames::measure_frames(&mut offscreen, frames);
    super::bench_frames::emit_frame("frame", &frame, true);
    let median = frame.median_ms;
    super::bench_memory::memory_figures(&mut offscreen, "idle", only == Only::Everything, memory_labels);
    if only == Only::TryOn {
        offscreen.exit();
        return match super::bench_try_on::try_on_figures(median) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("bench: {error}");
                ExitCode::FAILURE
            }
        };
    }
    if only == Only::HandOff {
        checks_figure(&halo_ring());
        offscreen.exit();
        return match export_figures(median) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("bench: {error}");
                ExitCode::FAILURE
            }
        };
    }

    // No hitches: cycle through every option the panel offers; after loading no frame may wait on a pipeline.
    let (max_frame_ms, waiting_frames) = cycle_every_option(&mut offscreen);
    emit("max_frame_ms_after_load", max_frame_ms, "ms");
    emit("frames_waiting_on_pipelines", waiting_frames as f64, "frames");
    offscreen.send(DesignCommand::Load(Box::default()));
    offscreen.send(PresentationCommand::SetEnvironment(crate::optics::environment::LightingEnvironment::Studio));
    for _ in 0..4 {
        offscreen.update();
    }

    // The same scene with Bevy's StandardMaterial transmission stones, same run.
    if let Err(error) = offscreen.set_stone_rendering(StoneRendering::StandardTransmission) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    let (standard_median, _) = frame_times(&mut offscreen, frames);
    emit("frame_ms_median_standard_transmission", standard_median, "ms");
    emit("gem_vs_standard_frame_ratio", median / standard_median, "ratio");
    if let Err(error) = offscreen.set_stone_rendering(StoneRendering::Traced) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }

    // Change latency: change the metal and capture frame after frame until the picture differs.
    let before = match offscreen.capture() {
        Ok(image) => image,
        Err(error) => {
            eprintln!("bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    offscreen.send(DesignCommand::SetAlloy(Alloy::White18k));
    let mut latency = None;
    for frame in 1..=10 {
        match offscreen.capture() {
            Ok(after) if mean_difference(&before, &after) > 0.5 => {
                latency = Some(frame);
                break;
            }
            Ok(_) => {}
            Err(error) => {
                eprintln!("bench: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    emit("change_latency_frames", latency.map_or(-1.0, f64::from), "frames");

    // A change of setting swaps the head model: frames until the new one is on screen.
    offscreen.send(DesignCommand::SetSetting(crate::design::Setting::Halo));
    offscreen.update();
    let mut swap_frames = 1;
    while !offscreen.scene_matches_design() && swap_frames < 120 {
        offscreen.update();
        swap_frames += 1;
    }
    emit("setting_change_frames", f64::from(swap_frames), "frames");
    checks_figure(&offscreen.design());

    // The client's screen: a second 1280×720 picture of the piece following the studio's camera, against the
    // studio alone, same run.
    let (alone, _) = frame_times(&mut offscreen, frames);
    offscreen.open_client_screen(1280, 720);
    if let Err(error) = offscreen.settle(600) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    let (with_client, _) = frame_times(&mut offscreen, frames);
    emit("frame_ms_median_with_client_screen", with_client, "ms");
    emit("present_window_frame_ratio", with_client / alone, "ratio");
    offscreen.close_client_screen();

    // The ring on the display hand (its ~190 000 triangles, framed over the back of the hand) against the ring
    // alone in the studio's view, same run.
    let (ring_alone, _) = frame_times(&mut offscreen, frames);
    let design = offscreen.design();
    let ring_view = crate::studio::headless::view_transform(&design, Default::default(), View::ThreeQuarter);
    let hand_view = crate::studio::headless::view_transform(&design, Default::default(), View::Hand);
    if let Err(error) = offscreen.show_hand(true) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    place_cameras(&mut offscreen, hand_view);
    let (on_hand, _) = frame_times(&mut offscreen, frames);
    emit("frame_ms_median_hand_view", on_hand, "ms");
    emit("hand_view_vs_ring_frame_ratio", on_hand / ring_alone, "ratio");
    if let Err(error) = offscreen.show_hand(false) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    place_cameras(&mut offscreen, ring_view);

    // The house's collection: a pavé against a solitaire, and a heavy model opened while frames keep coming.
    if let Err(error) = super::bench_collection::collection_figures(&mut offscreen, frames) {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }

    // The variants board: four variants in four tiles of the same picture, against the single view just before.
    let (single_median, _) = frame_times(&mut offscreen, frames);
    emit("frame_ms_median_before_board", single_median, "ms");
    let variants = [
        DesignCommand::SetAlloy(Alloy::Platinum950),
        DesignCommand::SetCut(crate::design::Cut::Oval),
        DesignCommand::SetAlloy(Alloy::Rose18k),
    ];
    for change in variants {
        offscreen.send(crate::studio::document::DocumentCommand::Variant(
            crate::design::variants::VariantCommand::Duplicate,
        ));
        offscreen.send(change);
    }
    match offscreen.show_board(600) {
        Ok(waiting) => emit("board_frames_waiting_on_pipelines", waiting as f64, "frames"),
        Err(error) => {
            eprintln!("bench: {error}");
            return ExitCode::FAILURE;
        }
    }
    let (board_median, _) = frame_times(&mut offscreen, frames);
    emit("frame_ms_median_board_4", board_median, "ms");
    emit("board_4_vs_single_frame_ratio", board_median / single_median, "ratio");
    if let Some(peak) = peak_rss_mb() {
        emit("peak_rss_mb", peak, "MB");
    }
    offscreen.exit();
    let outcome = export_figures(median)
        .and_then(|()| super::bench_try_on::try_on_figures(median))
        .and_then(|()| super::bench_startup::cold_and_warm_figures());
    if let Err(error) = outcome {
        eprintln!("bench: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Where the frames until ready went: reading the model library (and the first frames' set-up), then compiling the
/// pipelines, then the frames with nothing compiling the studio waits for before it counts as ready.
fn startup_split(frames: &[crate::studio::headless::LoadingFrame]) {
    let models = frames.iter().take_while(|f| !f.models_loaded).count() + 1;
    let (reading, rest) = frames.split_at(models.min(frames.len()));
    let compiling = rest.iter().rposition(|f| f.pipelines_waiting > 0).map_or(0, |last| last + 1);
    let (compiling, quiet) = rest.split_at(compiling);
    let total = |frames: &[crate::studio::headless::LoadingFrame]| frames.iter().map(|f| f.ms).sum::<f64>();
    emit("startup_reading_models_ms", total(reading), "ms");
    emit("startup_compiling_ms", total(compiling), "ms");
    emit("startup_compiling_frames", compiling.len() as f64, "frames");
    emit("startup_quiet_frames_ms", total(quiet), "ms");
}

/// Puts the offscreen cameras at a view.
fn place_cameras(offscreen: &mut Offscreen, transform: Transform) {
    let world = offscreen.world_mut();
    let mut cameras = world.query_filtered::<&mut Transform, With<Camera3d>>();
    for mut camera in cameras.iter_mut(world) {
        *camera = transform;
    }
}

/// The workshop's checks of a design never measured before (the panel computes them on the frame that shows a new
/// geometry, then keeps them): the mean over 21 ring sizes of the design, each a new geometry, against a studio frame
/// in `frame_ms_median`.
fn checks_figure(design: &Design) {
    let sizes: Vec<f32> = (0..21).map(|i| 44.0 + i as f32 + 0.37).collect();
    let start = Instant::now();
    for ring_size_mm in sizes.iter().copied() {
        crate::workshop::checks(&Design { ring_size_mm, ..design.clone() });
    }
    emit("checks_ms", start.elapsed().as_secs_f64() * 1000.0 / sizes.len() as f64, "ms");
}

/// Export speed: one 4096×4096 picture (rendered, read back, PNG-encoded) and a 36-frame turntable at 1024
/// (frames and the dithered GIF), each after its renderer is ready; the 4096 export against one studio frame.
fn export_figures(studio_frame_ms: f64) -> Result<(), String> {
    use crate::studio::export::{ExportSettings, Exporter};
    use crate::studio::lighting::Presentation;
    export_4096_figures(studio_frame_ms)?;

    let mut turntable = Exporter::new(Design::default(), ExportSettings::new(1024, Presentation::default()))
        .map_err(|e| e.to_string())?;
    // One frame of the turntable's own studio at 1024² (the turn's measure): 12 frames turning, after a first
    // picture so that every pipeline is made.
    turntable.render_turned(0.0, &mut || true).map_err(|e| e.to_string())?;
    let (frame_1024_ms, _) = frame_times(turntable.offscreen_mut(), 12);
    let start = Instant::now();
    let mut frames = Vec::with_capacity(36);
    let whole = turntable
        .render_turn(36, &mut |_, frame| {
            frames.push(frame);
            true
        })
        .map_err(|e| e.to_string())?;
    if !whole {
        return Err("the turntable stopped".into());
    }
    let frames_ms = start.elapsed().as_secs_f64() * 1000.0;
    let gif = crate::studio::turntable::encode_gif(&frames, 100).map_err(|e| e.to_string())?;
    let turntable_ms = start.elapsed().as_secs_f64() * 1000.0;
    emit("turntable_36_ms", turntable_ms, "ms");
    // Where it goes: the 36 frames (each one render at 1024 and its read-back), then the dithered GIF; against 36
    // frames of the same studio at 1024² (goal: ≤ 1.5).
    emit("turntable_frames_ms", frames_ms, "ms");
    emit("turntable_gif_ms", turntable_ms - frames_ms, "ms");
    emit("turntable_capture_frames", f64::from(turntable.last_timings().capture_frames), "frames");
    emit("frame_1024_ms_median", frame_1024_ms, "ms");
    emit("turntable_vs_36_frames_ratio", turntable_ms / (36.0 * frame_1024_ms), "ratio");
    turntable.finish();
    turntable_video_figures(&frames, &gif)?;
    bench_hand_off_figures(&frames[0], &frames[9])
}

/// One 4096×4096 export after its renderer is ready — rendered, read back, resolved, PNG-encoded — against one
/// studio frame, and where its time goes: `export_4096_capture_ms` (the frames from the request to the picture read
/// back, `export_4096_capture_frames` of them, each rendering the whole target), `export_4096_resolve_ms` (samples to
/// straight-alpha pixels), `export_4096_png_ms`.
pub(super) fn export_4096_figures(studio_frame_ms: f64) -> Result<(), String> {
    use crate::studio::export::{ExportSettings, Exporter};
    use crate::studio::lighting::Presentation;
    let mut exporter = Exporter::new(Design::default(), ExportSettings::new(4096, Presentation::default()))
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let picture =
        exporter.render(View::ThreeQuarter, &mut || true).map_err(|e| e.to_string())?.ok_or("the export stopped")?;
    let rendered_ms = start.elapsed().as_secs_f64() * 1000.0;
    let png_start = Instant::now();
    let _png = crate::png::png_bytes(&picture).map_err(|e| e.to_string())?;
    let png_ms = png_start.elapsed().as_secs_f64() * 1000.0;
    let export_ms = start.elapsed().as_secs_f64() * 1000.0;
    let timings = exporter.last_timings();
    if let Some(peak) = peak_rss_mb() {
        emit("peak_rss_after_export_mb", peak, "MB");
    }
    // The export's own renderer: what its 4096² targets hold (multisampled HDR colour and depth, the resolved
    // textures, the picture and its read-back), against all it allocated.
    if let Some(gpu) = exporter.offscreen_mut().gpu_memory() {
        use crate::studio::headless::memory::GpuUse;
        let mb = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
        emit("export_4096_gpu_targets_mb", mb(gpu.by_use.get(&GpuUse::Targets).copied().unwrap_or(0)), "MB");
        emit("export_4096_gpu_allocated_mb", mb(gpu.allocated), "MB");
    }
    exporter.finish();
    emit("export_4096_ms", export_ms, "ms");
    emit("export_4096_vs_frame_ratio", export_ms / studio_frame_ms, "ratio");
    emit("export_4096_capture_ms", timings.capture_ms, "ms");
    emit("export_4096_capture_frames", f64::from(timings.capture_frames), "frames");
    emit("export_4096_resolve_ms", timings.resolve_ms, "ms");
    emit("export_4096_other_ms", rendered_ms - timings.capture_ms - timings.resolve_ms, "ms");
    emit("export_4096_png_ms", png_ms, "ms");
    Ok(())
}

/// The turntable's video against its GIF: sizes, the time to encode the video, and each one's mean PSNR against the
/// rendered frames (the GIF's decoded by `image`, the video's by OpenH264).
fn turntable_video_figures(frames: &[image::RgbaImage], gif: &[u8]) -> Result<(), String> {
    use image::AnimationDecoder;
    let start = Instant::now();
    let mp4 = crate::video::turntable_mp4(frames, 100).map_err(|e| e.to_string())?;
    emit("turntable_mp4_encode_ms", start.elapsed().as_secs_f64() * 1000.0, "ms");
    let decoder = image::codecs::gif::GifDecoder::new(std::io::Cursor::new(gif)).map_err(|e| e.to_string())?;
    let gif_frames: Vec<image::RgbaImage> = decoder
        .into_frames()
        .collect_frames()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|f| f.into_buffer())
        .collect();
    let video = crate::video::decode_mp4(&mp4).map_err(|e| e.to_string())?;
    let mean_psnr = |shown: &[image::RgbaImage]| {
        let pairs = frames.iter().zip(shown);
        pairs.clone().map(|(a, b)| crate::video::psnr(a, b)).sum::<f64>() / pairs.count().max(1) as f64
    };
    emit("turntable_gif_kb", gif.len() as f64 / 1024.0, "KiB");
    emit("turntable_mp4_kb", mp4.len() as f64 / 1024.0, "KiB");
    emit("turntable_gif_psnr_db", mean_psnr(&gif_frames), "dB");
    emit("turntable_mp4_psnr_db", mean_psnr(&video.frames), "dB");
    Ok(())
}

/// The halo ring the hand-off figures are made with: the default design in a halo around a 7 mm stone (around a
/// 6.4 mm one, the halo's prongs and beads are under the workshop's least sizes and nothing goes to the bench).
pub(super) fn halo_ring() -> Design {
    let design = Design { setting: crate::design::Setting::Halo, ..Design::default() };
    Design { stone: crate::design::Stone { size_mm: 7.0, ..design.stone }, ..design }
}

/// The bench's hand-off for the halo ring: its metal written as STL, 3MF and the whole piece as .glb (with its stone
/// list), and its bench sheet made from two 1024 renders.
fn bench_hand_off_figures(top: &image::RgbaImage, side: &image::RgbaImage) -> Result<(), String> {
    let design = halo_ring();
    let folder = std::env::temp_dir().join(format!("ecrin-bench-files-{}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    for extension in ["stl", "3mf", "glb"] {
        let start = Instant::now();
        crate::workshop::write_bench_files(&design, &folder.join(format!("halo.{extension}")))
            .map_err(|e| e.to_string())?;
        emit(&format!("export_model_{extension}_ms"), start.elapsed().as_secs_f64() * 1000.0, "ms");
    }
    let _ = std::fs::remove_dir_all(&folder);
    let start = Instant::now();
    let views = vec![("top".to_string(), top), ("side".to_string(), side)];
    let sheet =
        crate::documents::BenchSheet { design: &design, views, date: String::new(), language: Default::default() };
    crate::documents::bench_sheet_pdf(&sheet).map_err(|e| e.to_string())?;
    emit("bench_sheet_ms", start.elapsed().as_secs_f64() * 1000.0, "ms");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_of_a_known_sample() {
        let mut samples: Vec<f64> = (1..=100).map(f64::from).collect();
        let (median, p95) = median_and_p95(&mut samples);
        assert!((50.0..=51.0).contains(&median));
        assert!((94.0..=96.0).contains(&p95));
    }
}
