//! `ecrin bench`'s proposals figures, on the halo ring with the sample price list: the search of the design's
//! neighbourhood (made off the frame, once per design change: `suggest_table_ms`, with how many designs it prices)
//! and one budget's proposals walked from it (what the budget slider costs on the frame: `suggest_ms`, p95 over 100
//! budgets from 30 % to 100 % of the design's price). Machine-free: the CPU only.

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
