//! `ecrin bench --quick`: the headline figures in a few minutes, to run after every change — start-up, the frame,
//! memory and where it goes, the gem's work per pixel, a pavé against a solitaire, the 4096 export against a frame,
//! and the peak.

use super::bench::{emit, peak_rss_mb};
use super::bench_frames::{emit_frame, measure_frames};
use super::bench_memory::memory_figures;
use crate::studio::headless::Offscreen;

/// The studio's figures; gives back its median frame (ms) for the export's, which runs after the studio has gone.
pub(super) fn quick_figures(offscreen: &mut Offscreen, frames: usize, print_labels: bool) -> Result<f64, String> {
    gem_work_figures();
    let frame = measure_frames(offscreen, frames);
    emit_frame("frame", &frame, true);
    memory_figures(offscreen, "idle", true, print_labels);
    super::bench_collection::pave_figures(offscreen, frames)?;
    memory_figures(offscreen, "after_pave", false, false);
    if let Some(peak) = peak_rss_mb() {
        emit("peak_rss_mb", peak, "MB");
    }
    Ok(frame.median_ms)
}

/// The gem's work per pixel, counted by the CPU mirror of the shader (machine-free): plane tests per pixel of the
/// default design's centre stone in a 96 px three-quarter view (the shader-vs-CPU test's picture) — finding the entry
/// facet and every bounce's exit by walking (`optics::walk`) — against what testing every plane at every bounce
/// takes (one plane per facet, 3 channels × 9 exits and the entry).
pub(super) fn gem_work_figures() {
    use crate::design::Design;
    use crate::optics::view::{PinholeCamera, stone_picture_counted};
    let design = Design::default();
    let camera = PinholeCamera {
        position: glam::Vec3::new(7.0, 13.0, 9.0),
        target: glam::Vec3::new(0.0, -0.6, 0.0),
        fov_y: 0.55,
    };
    let planes = crate::geometry::cut::facet_planes(design.stone.cut);
    let bounces = crate::optics::metrics::BOUNCES;
    let environment = |d: glam::Vec3| crate::optics::environment::LightingEnvironment::Studio.radiance(d);
    let (_, walked) = stone_picture_counted(
        &planes,
        design.stone.size_mm,
        design.stone.species,
        &camera,
        (96, 96),
        bounces,
        environment,
        None,
    );
    let every_plane = (planes.len() * (1 + 3 * (bounces + 1))) as f64;
    emit("gem_plane_tests_per_pixel", walked, "tests");
    emit("gem_plane_tests_per_pixel_every_plane", every_plane, "tests");
    emit("gem_plane_tests_ratio", walked / every_plane, "ratio");
}
