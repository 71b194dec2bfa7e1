//! Start-up from a cold and from a warm cache, each in a process of its own: `ecrin bench --startup-only` launched
//! with its caches (`XDG_CACHE_HOME`: the driver's compiled shaders, Mesa's and NVIDIA's; Écrin's baked lighting) in
//! a fresh folder, then three times again with the folder the first launch filled. Timed from the launch to the line
//! that says the first picture is back, so loading the program counts too.

use super::bench::emit;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Warm starts measured (the least is kept, the spread printed).
const WARM_RUNS: usize = 3;

/// What one launch took, ms: from the launch to its first frame on screen, and its own split.
struct Launch {
    launch_to_frame_ms: f64,
    until_ready_ms: f64,
}

/// Launches `ecrin bench --startup-only` with its caches in `cache`.
fn launch(cache: &Path) -> Result<Launch, String> {
    let program = std::env::current_exe().map_err(|e| format!("the bench's own program: {e}"))?;
    let start = Instant::now();
    let mut child = Command::new(&program)
        .args(["bench", "--startup-only"])
        .env("XDG_CACHE_HOME", cache)
        .env_remove("MESA_SHADER_CACHE_DIR")
        .env_remove("MESA_SHADER_CACHE_DISABLE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let mut launched = Launch { launch_to_frame_ms: f64::NAN, until_ready_ms: f64::NAN };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let value = |metric: &str| figure_of(&line, metric);
            if value("startup_ms").is_some() {
                launched.launch_to_frame_ms = start.elapsed().as_secs_f64() * 1000.0;
            }
            if let Some(ms) = value("startup_until_ready_ms") {
                launched.until_ready_ms = ms;
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{}: {e}", program.display()))?;
    if !status.success() || launched.launch_to_frame_ms.is_nan() {
        return Err(format!("{} bench --startup-only: {status}", program.display()));
    }
    Ok(launched)
}

/// The value of `metric` in one of the bench's JSON lines, if the line is that metric's.
fn figure_of(line: &str, metric: &str) -> Option<f64> {
    let rest = line.strip_prefix(&format!("{{\"metric\": \"{metric}\", \"value\": "))?;
    rest.split(',').next()?.trim().parse().ok()
}

/// `startup_cold_ms` and `startup_warm_ms` (the least of three, `startup_warm_ms_spread`), each with
/// `_until_ready_ms`; the caches' folder is removed after.
pub fn cold_and_warm_figures() -> Result<(), String> {
    let cache = std::env::temp_dir().join(format!("ecrin-bench-startup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    std::fs::create_dir_all(&cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let outcome = (|| {
        let cold = launch(&cache)?;
        let warm = (0..WARM_RUNS).map(|_| launch(&cache)).collect::<Result<Vec<_>, _>>()?;
        emit("startup_cold_ms", cold.launch_to_frame_ms, "ms");
        emit("startup_cold_until_ready_ms", cold.until_ready_ms, "ms");
        if let Some((least, spread)) = super::bench_frames::least_and_spread(warm, |w| w.launch_to_frame_ms) {
            emit("startup_warm_ms", least.launch_to_frame_ms, "ms");
            emit("startup_warm_until_ready_ms", least.until_ready_ms, "ms");
            emit("startup_warm_ms_spread", spread, "ratio");
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&cache);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_read_from_its_own_line_only() {
        let line = "{\"metric\": \"startup_ms\", \"value\": 4503.909, \"unit\": \"ms\"}";
        assert_eq!(figure_of(line, "startup_ms"), Some(4503.909));
        assert_eq!(figure_of(line, "startup"), None);
        assert_eq!(figure_of("bench: no adapter", "startup_ms"), None);
    }
}
