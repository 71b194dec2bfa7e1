//! The bench's memory figures: the resident set and where it goes — the renderer's GPU allocations by what they
//! hold (on Mesa lavapipe the "GPU" is this process's own memory, so they are inside the resident set), the main
//! world's copies of meshes and pictures, and the rest (the renderer's own: lavapipe's compiled shaders and its
//! structures, Bevy, Écrin's tables).

use super::bench::emit;
use crate::studio::headless::Offscreen;
use crate::studio::headless::memory::{GpuUse, resident_mb, resident_part};

const MB: f64 = 1024.0 * 1024.0;

/// Emits `memory_<at>_mb` (resident now) and, for the first call of a run, where it goes (`memory_*_mb`).
pub(super) fn memory_figures(offscreen: &mut Offscreen, at: &str, breakdown: bool, print_labels: bool) {
    let Some(resident) = resident_mb() else { return };
    emit(&format!("memory_{at}_mb"), resident, "MB");
    if !breakdown {
        return;
    }
    let main = offscreen.main_world_memory();
    emit("memory_main_meshes_mb", main.meshes as f64 / MB, "MB");
    emit("memory_main_images_mb", main.images as f64 / MB, "MB");
    let mut counted = (main.meshes + main.images) as f64 / MB;
    if let Some(gpu) = offscreen.gpu_memory() {
        for kind in GpuUse::ALL {
            emit(kind.metric(), gpu.by_use.get(&kind).copied().unwrap_or(0) as f64 / MB, "MB");
        }
        emit("memory_gpu_allocated_mb", gpu.allocated as f64 / MB, "MB");
        // The allocator's blocks: on lavapipe the part no allocation has written is never resident.
        emit("memory_gpu_reserved_mb", gpu.reserved as f64 / MB, "MB");
        counted += gpu.allocated as f64 / MB;
        if print_labels {
            for (label, bytes) in gpu.by_label.iter().take(40) {
                eprintln!("gpu memory: {:>9.2} MB  {label}", *bytes as f64 / MB);
            }
        }
    }
    // The program's code and other files mapped (counted in the resident set, shared with other processes).
    let file = resident_part("RssFile:").unwrap_or(0.0);
    emit("memory_mapped_files_mb", file, "MB");
    counted += file;
    // What none of these counts: the renderer's own (lavapipe's shaders compiled to machine code, its and wgpu's
    // structures), Bevy's worlds, Écrin's tables and the allocator's slack.
    emit("memory_rest_mb", resident - counted, "MB");
}
