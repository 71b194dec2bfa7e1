//! The frame measured so that a ratio can be trusted: the same frames in three runs, the least median kept and the
//! spread between the runs printed; and where the frame's time goes on the GPU, pass by pass (Bevy's render
//! diagnostics: wgpu timestamp queries, on adapters that have them — lavapipe has).

use super::bench::{emit, median_and_p95};
use crate::studio::headless::Offscreen;
use bevy::diagnostic::DiagnosticsStore;
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// Runs of a measure.
pub const RUNS: usize = 3;

/// A measure of the frame, ms: the median and p95 of the frames' times, and each render pass's median GPU time.
#[derive(Clone, Debug, Default)]
pub struct FrameMeasure {
    pub median_ms: f64,
    pub p95_ms: f64,
    /// Each top-level render pass's median time on the GPU (empty where the adapter has no timestamp queries).
    pub passes: BTreeMap<String, f64>,
    /// How far apart the runs' medians were: (largest − least) / least.
    pub spread: f64,
}

impl FrameMeasure {
    /// The frame's time on the GPU, its passes' sum, where the adapter timed them.
    pub fn gpu_ms(&self) -> Option<f64> {
        (!self.passes.is_empty()).then(|| self.passes.values().sum())
    }
}

/// Each top-level render pass's latest GPU time the renderer reported, and when it reported it.
fn latest_pass_times(offscreen: &mut Offscreen) -> Vec<(String, Instant, f64)> {
    let Some(store) = offscreen.world_mut().get_resource::<DiagnosticsStore>() else { return Vec::new() };
    store
        .iter()
        .filter_map(|diagnostic| {
            let path: Vec<&str> = diagnostic.path().components().collect();
            let ["render", pass, "elapsed_gpu"] = path[..] else { return None };
            let measurement = diagnostic.measurement()?;
            // As a metric's name: Bevy's pass names may hold spaces ("early prepass").
            Some((pass.replace(' ', "_"), measurement.time, measurement.value))
        })
        .collect()
}

/// One run of `frames` frames while the view turns.
fn one_run(offscreen: &mut Offscreen, frames: usize) -> FrameMeasure {
    // Reports of frames drawn before the run are not the run's.
    let mut reported: HashMap<String, Instant> =
        latest_pass_times(offscreen).into_iter().map(|(pass, at, _)| (pass, at)).collect();
    let mut times = Vec::with_capacity(frames);
    let mut passes: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for _ in 0..frames.max(1) {
        offscreen.orbit_by(0.02);
        let start = Instant::now();
        offscreen.update();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        for (pass, at, value) in latest_pass_times(offscreen) {
            if reported.insert(pass.clone(), at) != Some(at) {
                passes.entry(pass).or_default().push(value);
            }
        }
    }
    let (median_ms, p95_ms) = median_and_p95(&mut times);
    let passes = passes.into_iter().map(|(pass, mut values)| (pass, median_and_p95(&mut values).0)).collect();
    FrameMeasure { median_ms, p95_ms, passes, spread: 0.0 }
}

/// `RUNS` runs of a share of `frames` each: the run with the least median, and the spread between the runs.
pub fn measure_frames(offscreen: &mut Offscreen, frames: usize) -> FrameMeasure {
    let runs: Vec<FrameMeasure> = (0..RUNS).map(|_| one_run(offscreen, frames.div_ceil(RUNS))).collect();
    least_of(runs)
}

fn least_of(runs: Vec<FrameMeasure>) -> FrameMeasure {
    let Some((mut least, spread)) = least_and_spread(runs, |run| run.median_ms) else { return FrameMeasure::default() };
    least.spread = spread;
    least
}

/// The run with the least figure, and the spread between the runs: (most − least) / least (0 when the least is 0).
pub(super) fn least_and_spread<T>(runs: Vec<T>, figure: impl Fn(&T) -> f64) -> Option<(T, f64)> {
    let most = runs.iter().map(&figure).fold(0.0, f64::max);
    let least = runs.into_iter().min_by(|a, b| figure(a).total_cmp(&figure(b)))?;
    let value = figure(&least);
    let spread = if value > 0.0 { (most - value) / value } else { 0.0 };
    Some((least, spread))
}

/// Prints a measure as `<name>_ms_median`, `_ms_p95`, `_ms_spread`, `<name>_gpu_ms` and each pass's
/// `pass_<pass>_gpu_ms` (`with_passes`).
pub fn emit_frame(name: &str, measure: &FrameMeasure, with_passes: bool) {
    emit(&format!("{name}_ms_median"), measure.median_ms, "ms");
    emit(&format!("{name}_ms_p95"), measure.p95_ms, "ms");
    emit(&format!("{name}_ms_spread"), measure.spread, "ratio");
    if let Some(gpu) = measure.gpu_ms() {
        emit(&format!("{name}_gpu_ms"), gpu, "ms");
    }
    if with_passes {
        for (pass, ms) in &measure.passes {
            emit(&format!("pass_{pass}_gpu_ms"), *ms, "ms");
        }
    }
}

/// A ratio of two measures, from the GPU's pass times where both have them.
pub fn gpu_ratio(numerator: &FrameMeasure, denominator: &FrameMeasure) -> Option<f64> {
    Some(numerator.gpu_ms()? / denominator.gpu_ms()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_run_is_kept_with_the_spread_and_the_gpu_time_is_its_passes() {
        let run = |median_ms, passes: &[(&str, f64)]| FrameMeasure {
            median_ms,
            p95_ms: median_ms * 1.1,
            passes: passes.iter().map(|(pass, ms)| (pass.to_string(), *ms)).collect(),
            spread: 0.0,
        };
        let best = least_of(vec![run(12.0, &[]), run(10.0, &[("opaque", 6.0), ("bloom", 2.0)]), run(11.0, &[])]);
        assert_eq!(best.median_ms, 10.0);
        assert!((best.spread - 0.2).abs() < 1e-12);
        assert_eq!(best.gpu_ms(), Some(8.0));
        assert_eq!(run(5.0, &[]).gpu_ms(), None);
        assert_eq!(gpu_ratio(&best, &run(4.0, &[("opaque", 4.0)])), Some(2.0));
        assert!(least_and_spread(Vec::<f64>::new(), |v| *v).is_none());
        assert_eq!(least_and_spread(vec![0.0, 3.0], |v| *v), Some((0.0, 0.0)));
    }
}
