//! The collection's part of `ecrin bench`: a house's model opened from the library (a heavy one of about a million
//! triangles: from the click to the first frame that shows it, and how many frames were held up while it loaded),
//! and a pavé house ring of 60 and more melee against a house solitaire (frame time ratio, same run).

use super::bench::{emit, frame_times, median_and_p95};
use super::bench_frames::{gpu_ratio, measure_frames};
use crate::collection::{Collection, design_of};
use crate::design::{Design, Setting, ShankStyle};
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::{PartRole, Seat};
use crate::geometry::sample_export::cad_export;
use crate::studio::collection::{CollectionCommand, StudioCollection};
use crate::studio::headless::Offscreen;
use std::time::Instant;

/// A heavy export: at least this many triangles of metal.
const HEAVY_TRIANGLES: usize = 1_000_000;

/// Adds three house models to a fresh collection in the temporary folder, opens each in the studio and emits the
/// collection's figures. Leaves the studio on Écrin's default ring.
pub fn collection_figures(offscreen: &mut Offscreen, frames: usize) -> Result<(), String> {
    in_a_scratch_folder(|folder| measure(offscreen, frames, folder, true))
}

/// Only the pavé against the solitaire (house and Écrin's), without the heavy model: `ecrin bench --quick`.
pub fn pave_figures(offscreen: &mut Offscreen, frames: usize) -> Result<(), String> {
    in_a_scratch_folder(|folder| measure(offscreen, frames, folder, false))
}

fn in_a_scratch_folder(work: impl FnOnce(&std::path::Path) -> Result<(), String>) -> Result<(), String> {
    let folder = std::env::temp_dir().join(format!("ecrin-bench-collection-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let outcome = work(&folder);
    let _ = std::fs::remove_dir_all(&folder);
    outcome
}

fn measure(offscreen: &mut Offscreen, frames: usize, folder: &std::path::Path, heavy: bool) -> Result<(), String> {
    let collection = Collection::at(folder);
    let solitaire = Design { shank: ShankStyle::ComfortFit, setting: Setting::FourProng, ..Design::default() };
    let pave = Design { shank: ShankStyle::Pave, setting: Setting::DoubleHalo, ..Design::default() };
    let melee = assemble(&pave)
        .parts()
        .filter(|(_, part, _)| matches!(part.role, PartRole::Stone { seat, .. } if seat != Seat::Centre))
        .count();
    let mut ids = Vec::new();
    let models = [("Solitaire", &solitaire, 0), ("Pave", &pave, 0), ("Heavy", &Design::default(), HEAVY_TRIANGLES)];
    for (name, design, triangles) in models.into_iter().take(if heavy { 3 } else { 2 }) {
        let path = folder.join(format!("{name}.glb"));
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        std::fs::write(&path, cad_export(design, triangles).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let manifest = collection.add(&path, Some(name), None).map_err(|e| e.to_string())?;
        ids.push(manifest);
    }
    offscreen.world_mut().resource_mut::<StudioCollection>().collection = collection;
    offscreen.send(CollectionCommand::Refresh);

    // A house solitaire, then the pavé: frame times once each is on screen.
    let mut measures = Vec::new();
    let mut groups = (0, 0);
    for manifest in &ids[..2] {
        offscreen.send(crate::design::DesignCommand::Load(Box::new(design_of(manifest))));
        wait_until_shown(offscreen, &manifest.id, 20_000)?;
        offscreen.settle(600).map_err(|e| e.to_string())?;
        measures.push(measure_frames(offscreen, frames));
        groups = crate::studio::collection::draw::house_stone_groups(offscreen.world_mut());
    }
    emit("pave_melee_count", melee as f64, "stones");
    // The pavé's traced stones and the (mesh, material) groups they are drawn in: one group per shape and seat.
    emit("house_pave_traced_stones", groups.0 as f64, "stones");
    emit("house_pave_stone_groups", groups.1 as f64, "groups");
    // The headline ratio: each piece's least median of three runs, the runs' spreads beside it; and from the
    // GPU's pass times where the adapter has them (what the pieces cost to draw, without the frame's other work).
    let [solitaire_frame, pave_frame] = &measures[..] else { return Err("two pieces were measured".into()) };
    emit("pave_60_vs_solitaire_frame_ratio", pave_frame.median_ms / solitaire_frame.median_ms, "ratio");
    emit("pave_60_frame_ms_spread", pave_frame.spread, "ratio");
    emit("solitaire_frame_ms_spread", solitaire_frame.spread, "ratio");
    if let Some(ratio) = gpu_ratio(pave_frame, solitaire_frame) {
        emit("pave_60_vs_solitaire_gpu_ratio", ratio, "ratio");
    }
    let medians = [solitaire_frame.median_ms, pave_frame.median_ms];
    // The same two pieces as Écrin's own (its melee share one mesh and one material): what the house's path adds.
    let mut own = Vec::new();
    for design in [&solitaire, &pave] {
        offscreen.send(crate::design::DesignCommand::Load(Box::new(design.clone())));
        for _ in 0..600 {
            offscreen.update();
            if offscreen.design() == *design && offscreen.scene_matches_design() {
                break;
            }
        }
        offscreen.settle(600).map_err(|e| e.to_string())?;
        own.push(frame_times(offscreen, frames).0);
    }
    emit("ecrin_pave_vs_solitaire_frame_ratio", own[1] / own[0], "ratio");
    emit("house_vs_ecrin_pave_frame_ratio", medians[1] / own[1], "ratio");
    if heavy {
        heavy_model_figures(offscreen, frames, &ids[2].id, own[1])?;
    }
    offscreen.send(crate::design::DesignCommand::Load(Box::default()));
    for _ in 0..2000 {
        offscreen.update();
        if offscreen.design().source.is_ecrin() && offscreen.scene_matches_design() {
            return Ok(());
        }
    }
    Err("Écrin's ring never came back".into())
}

/// The heavy model, from the click in the library to the first frame that shows it; frames held up while it loads
/// (longer than 3× `before_ms`, the median frame of the view before).
fn heavy_model_figures(offscreen: &mut Offscreen, frames: usize, id: &str, before_ms: f64) -> Result<(), String> {
    let start = Instant::now();
    offscreen.send(CollectionCommand::Open(id.to_string()));
    let mut times = Vec::new();
    let mut shown = false;
    for _ in 0..20_000 {
        let frame = Instant::now();
        offscreen.update();
        times.push(frame.elapsed().as_secs_f64() * 1000.0);
        if shown_now(offscreen, id) {
            shown = true;
            break;
        }
    }
    if !shown {
        return Err("the heavy model never showed".into());
    }
    offscreen.capture().map_err(|e| e.to_string())?;
    emit("collection_open_ms", start.elapsed().as_secs_f64() * 1000.0, "ms");
    // What a frame of the heavy model costs once it is there (on a software rasteriser, most of a loading frame).
    let (heavy_median, _) = frame_times(offscreen, frames.min(5));
    emit("frame_ms_median_heavy_model", heavy_median, "ms");
    // Frames held up while it loaded: longer than 3× the median frame of the view just before (Écrin's pavé ring).
    let blocked = times.iter().filter(|&&t| t > 3.0 * before_ms).count();
    emit("collection_frames_blocked", blocked as f64, "frames");
    let (loading_median, loading_p95) = median_and_p95(&mut times);
    emit("collection_loading_frame_ms_median", loading_median, "ms");
    emit("collection_loading_frame_ms_p95", loading_p95, "ms");
    emit("collection_loading_frames", times.len() as f64, "frames");
    Ok(())
}

/// Whether the design is the model's and its piece is on screen, with nothing in flight.
fn shown_now(offscreen: &mut Offscreen, id: &str) -> bool {
    // (The scene matches the design once every house piece shows its model at its size.)
    offscreen.design().source.collection().is_some_and(|m| m.id == id)
        && !offscreen.world_mut().resource::<StudioCollection>().busy()
        && offscreen.scene_matches_design()
}

fn wait_until_shown(offscreen: &mut Offscreen, id: &str, max_frames: usize) -> Result<(), String> {
    for _ in 0..max_frames {
        offscreen.update();
        if shown_now(offscreen, id) {
            return Ok(());
        }
    }
    Err(format!("“{id}” never showed"))
}
