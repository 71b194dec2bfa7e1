//! `ecrin bench`'s proposals figures, on the halo ring with the sample price list: the search of the design's
//! neighbourhood (made off the frame, once per design change: `suggest_table_ms`, with how many designs it prices)
//! and one budget's proposals walked from it (what the budget slider costs on the frame: `suggest_ms`, p95 over 100
//! budgets from 30 % to 100 % of the design's price). Machine-free: the CPU only. Then the proposals live in a
//! 1280×720 windowless studio: the frames while a budget's table is made off the frame against the frames before
//! (`suggest_search_frame_ratio`: the longest against the median), how many frames until they show, and a change of
//! metal's latency with the proposals on (`suggest_change_latency_frames`).

use super::bench::{emit, median_and_p95};
use crate::estimate::price::PriceList;
use crate::suggest::rules::ProposalRules;
use crate::suggest::{Keep, Table};
use std::time::Instant;

pub(super) fn suggest_figures(design: &crate::design::Design) -> Result<(), String> {
    let path = crate::studio::floor::models::assets_dir().join("price-list.ron");
    let list = PriceList::load(&path).map_err(|e| e.to_string())?;
    let rules = ProposalRules::default();
    let search = || Table::of(design, &list, Keep::default(), &rules, &[]).map_err(|e| e.to_string());
    let start = Instant::now();
    let table = search()?;
    emit("suggest_table_first_ms", start.elapsed().as_secs_f64() * 1000.0, "ms");
    let mut searches: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let made = search();
            (start.elapsed().as_secs_f64() * 1000.0, made.is_ok())
        })
        .filter(|(_, ok)| *ok)
        .map(|(ms, _)| ms)
        .collect();
    let (median, _) = median_and_p95(&mut searches);
    emit("suggest_table_ms", median, "ms");
    emit("suggest_designs_priced", table.len() as f64, "designs");
    let retail = table.retail();
    let mut walks: Vec<f64> = (0..100)
        .map(|i| {
            let budget = retail * (0.3 + 0.7 * i as f32 / 99.0);
            let start = Instant::now();
            let outcome = table.within(budget);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(outcome);
            ms
        })
        .collect();
    let (_, p95) = median_and_p95(&mut walks);
    emit("suggest_ms", p95, "ms");
    Ok(())
}

/// The proposals in the windowless studio: a budget set on the halo ring, the frames until they show and the
/// longest of them against the studio's median frame, then a change's latency while they are on.
pub(super) fn live_suggest_figures(design: &crate::design::Design, frames: usize) -> Result<(), String> {
    use crate::studio::proposals::{ProposalCommand, Proposals};
    let path = crate::studio::floor::models::assets_dir().join("price-list.ron");
    let list = PriceList::load(&path).map_err(|e| e.to_string())?;
    let retail = list.estimate(design).map_err(|e| e.to_string())?.retail;
    let pricing = crate::studio::pricing::Pricing { list: Some(list), source: Some(path), problem: None };
    let mut offscreen = crate::studio::headless::Offscreen::with_features(design.clone(), 1280, 720, move |app| {
        app.insert_resource(pricing).add_plugins(crate::studio::proposals::headless_plugin);
    });
    offscreen.run_until_ready(5000).map_err(|e| e.to_string())?;
    let (median, _) = super::bench::frame_times(&mut offscreen, frames);
    offscreen.send(ProposalCommand::Budget(Some(retail * 0.8)));
    let (mut longest, mut until_shown) = (0.0f64, 0);
    for frame in 1..=5000 {
        let start = Instant::now();
        offscreen.update();
        longest = longest.max(start.elapsed().as_secs_f64() * 1000.0);
        let proposals = offscreen.world_mut().resource::<Proposals>();
        if !proposals.is_searching() && proposals.outcome.is_some() {
            until_shown = frame;
            break;
        }
    }
    emit("suggest_frames_until_shown", f64::from(until_shown), "frames");
    emit("suggest_search_frame_ratio", longest / median, "ratio");
    let before = offscreen.capture().map_err(|e| e.to_string())?;
    offscreen.send(crate::design::DesignCommand::SetAlloy(crate::design::Alloy::White14k));
    let mut latency = -1.0;
    for frame in 1..=10 {
        let after = offscreen.capture().map_err(|e| e.to_string())?;
        if super::bench::mean_difference(&before, &after) > 0.5 {
            latency = f64::from(frame);
            break;
        }
    }
    emit("suggest_change_latency_frames", latency, "frames");
    offscreen.exit();
    Ok(())
}
