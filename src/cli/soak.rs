//! `ecrin soak`: a day in the boutique, compressed. Random commands — design and variant changes, undo and redo,
//! presets opened and saved (and designs of the house's models, when the run has a collection: `ecrin --collection
//! DIR soak`), the light and the piece switched, the hand shown — go through the headless studio (the
//! scene drawn offscreen every command, the autosave running), and what a long day could leak is measured: the
//! entities, the meshes, materials and images, and the process's resident memory, after warm-up and at each tenth.
//! Warm-up fills what the studio keeps by design, to its bounds: every preset and house model opened, each house
//! model made at as many sizes as are kept, each light, the hand, and random commands until the undo history holds
//! its `MAX_UNDO_STEPS`; `--commands` are counted after it.
//! Every preset saved is reopened and must equal the design it was saved from. One JSON line per sample, and a
//! last one with the growth; exit code 1 when anything grew by 5 % or more, or a preset did not reopen equal.

use crate::design::command::MAX_UNDO_STEPS;
use crate::design::engraving::EngravingStyle;
use crate::design::necklace::Necklace;
use crate::design::variants::VariantCommand;
use crate::design::{Alloy, Cut, Design, DesignCommand, Finish, Setting, ShankStyle, Species};
use crate::optics::environment::LightingEnvironment;
use crate::studio::document::DocumentCommand;
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::hand::HandCommand;
use crate::studio::headless::Offscreen;
use crate::studio::lighting::PresentationCommand;
use bevy::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// `ecrin soak`'s arguments.
#[derive(clap::Args, Debug)]
pub struct SoakArgs {
    /// Commands run.
    #[arg(long, default_value_t = 5000)]
    pub commands: usize,
    /// The day's seed (the same seed, the same commands).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Size of the offscreen picture, pixels.
    #[arg(long, default_value_t = 96)]
    pub size: u32,
    /// Commands sent before each frame is drawn.
    #[arg(long, default_value_t = 4)]
    pub per_frame: usize,
}

/// What is counted at a sample.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub entities: usize,
    pub meshes: usize,
    pub materials: usize,
    pub images: usize,
    pub gem_materials: usize,
    /// House models loaded, and made-at-a-size models kept (`geometry::house::registry::held`).
    pub house_models_loaded: usize,
    pub house_sizes_kept: usize,
    /// Render pipelines held (each compiled once and kept).
    pub pipelines: usize,
    /// Geometries whose volumes are kept (`estimate::geometries_kept`).
    pub geometries_kept: usize,
    /// Entries of the co-design journal kept (the session's, autosaved with it).
    pub journal_entries: usize,
    pub rss_mb: f64,
}

fn counts(offscreen: &mut Offscreen) -> Counts {
    let pipelines = offscreen.pipelines_held();
    let world = offscreen.world_mut();
    let (house_models_loaded, house_sizes_kept) = crate::geometry::house::registry::held();
    let journal_entries = world.resource::<CurrentDesign>().journal.len();
    Counts {
        entities: world.query::<Entity>().iter(world).count(),
        meshes: world.resource::<Assets<Mesh>>().len(),
        materials: world.resource::<Assets<StandardMaterial>>().len(),
        images: world.resource::<Assets<Image>>().len(),
        gem_materials: world.resource::<Assets<crate::studio::gem::GemMaterial>>().len(),
        house_models_loaded,
        house_sizes_kept,
        pipelines,
        geometries_kept: crate::estimate::geometries_kept(),
        journal_entries,
        rss_mb: crate::studio::headless::memory::resident_mb().unwrap_or(0.0),
    }
}

/// The day's generator: the same seed, the same day.
use crate::seeded::SplitMix as Rng;

/// What the day's next command is (and, for a save, where it goes).
fn next_command(
    rng: &mut Rng,
    presets: &[PathBuf],
    folder: &std::path::Path,
    index: usize,
    variants: usize,
) -> StudioCommand {
    let design = |command: DesignCommand| StudioCommand::from(DocumentCommand::Design(command));
    match rng.below(20) {
        0 => design(DesignCommand::SetAlloy(*rng.pick(&Alloy::ALL))),
        1 => design(DesignCommand::SetFinish(*rng.pick(&Finish::ALL))),
        2 => design(DesignCommand::SetSpecies(*rng.pick(&Species::ALL))),
        3 => design(DesignCommand::SetCut(*rng.pick(&Cut::ALL))),
        4 => design(DesignCommand::SetStoneSize(4.0 + rng.below(50) as f32 / 10.0)),
        5 => design(DesignCommand::SetSetting(*rng.pick(&Setting::ALL))),
        6 => design(DesignCommand::SetShank(*rng.pick(&ShankStyle::ALL))),
        7 => design(DesignCommand::SetRingSize(46.0 + rng.below(20) as f32)),
        8 => design(DesignCommand::SetEngraving(rng.pick(&["", "Toujours", "L & M 2026", "♥ Léa"]).to_string())),
        9 => design(DesignCommand::SetEngravingStyle(*rng.pick(&EngravingStyle::ALL))),
        10 => design(DesignCommand::SetNecklace(*rng.pick(&[None, Some(Necklace::default())]))),
        11 => StudioCommand::from(DocumentCommand::Undo),
        12 => StudioCommand::from(DocumentCommand::Redo),
        13 if variants < 4 => StudioCommand::from(DocumentCommand::Variant(VariantCommand::Duplicate)),
        13 | 14 if variants > 1 => {
            let variant = rng.below(variants);
            let command = rng
                .pick(&[
                    VariantCommand::Select(variant),
                    VariantCommand::Remove(variant),
                    VariantCommand::Promote(variant),
                    VariantCommand::ToggleFavourite(variant),
                ])
                .clone();
            StudioCommand::from(DocumentCommand::Variant(command))
        }
        15 => StudioCommand::from(DocumentCommand::OpenPreset(rng.pick(presets).clone())),
        16 => StudioCommand::from(DocumentCommand::SavePreset(Some(folder.join(format!("saved-{index}.ron"))))),
        17 => StudioCommand::from(PresentationCommand::SetEnvironment(*rng.pick(&LightingEnvironment::ALL))),
        18 => StudioCommand::from(HandCommand::Show(rng.below(2) == 0)),
        _ => design(DesignCommand::SetSideSpecies(*rng.pick(&Species::ALL))),
    }
}

fn print(label: &str, command: usize, c: &Counts) {
    println!(
        "{{\"soak\":\"{label}\",\"command\":{command},\"entities\":{},\"meshes\":{},\"materials\":{},\"images\":{},\"gem_materials\":{},\"house_models_loaded\":{},\"house_sizes_kept\":{},\"pipelines\":{},\"geometries_kept\":{},\"journal_entries\":{},\"rss_mb\":{:.1}}}",
        c.entities,
        c.meshes,
        c.materials,
        c.images,
        c.gem_materials,
        c.house_models_loaded,
        c.house_sizes_kept,
        c.pipelines,
        c.geometries_kept,
        c.journal_entries,
        c.rss_mb
    );
}

/// Growth from `warm` to `end`, percent (0 when nothing was there).
fn growth(warm: f64, end: f64) -> f64 {
    if warm <= 0.0 { 0.0 } else { (end - warm) / warm * 100.0 }
}

/// What a soak found.
#[derive(Clone, Debug, Default)]
pub struct SoakReport {
    pub commands: usize,
    /// Random commands of the warm-up (until the undo history was full), before the counted ones.
    pub warm_up_commands: usize,
    /// The house's models among the presets opened (those of this run's collection).
    pub house_models: usize,
    /// Counted at the same state (one ring, no hand, the studio light) after warm-up and at each tenth of the
    /// counted commands.
    pub warm: Counts,
    pub samples: Vec<(usize, Counts)>,
    pub presets_saved: usize,
    pub presets_reopened_equal: usize,
    /// The first presets that did not reopen equal, and why.
    pub unequal: Vec<String>,
    pub autosave_reads: bool,
}

impl SoakReport {
    /// The largest growth after warm-up of each count, percent: entities, meshes, materials, images, gem
    /// materials, memory.
    pub fn growth(&self) -> [f64; 6] {
        let most = |f: fn(&Counts) -> f64| self.samples.iter().map(|(_, c)| f(c)).fold(f64::MIN, f64::max);
        let w = &self.warm;
        [
            growth(w.entities as f64, most(|c| c.entities as f64)),
            growth(w.meshes as f64, most(|c| c.meshes as f64)),
            growth(w.materials as f64, most(|c| c.materials as f64)),
            growth(w.images as f64, most(|c| c.images as f64)),
            growth(w.gem_materials as f64, most(|c| c.gem_materials as f64)),
            growth(w.rss_mb, self.samples.last().map_or(0.0, |(_, c)| c.rss_mb)),
        ]
    }

    /// Nothing grew by 5 % or more, every preset reopened equal, the autosave reads.
    pub fn held(&self) -> bool {
        self.growth().iter().all(|g| *g < 5.0)
            && self.presets_reopened_equal == self.presets_saved
            && self.autosave_reads
    }
}

/// One command of the day (a save, the last of its frame, remembered with the design it wrote).
fn day_step(
    offscreen: &mut Offscreen,
    rng: &mut Rng,
    presets: &[PathBuf],
    folder: &std::path::Path,
    index: usize,
    per_frame: usize,
    saved: &mut Vec<(PathBuf, Design)>,
) {
    let variants = offscreen.world_mut().resource::<CurrentDesign>().history.variants().len();
    let command = next_command(rng, presets, folder, index, variants);
    let save = match command.get::<DocumentCommand>() {
        Some(DocumentCommand::SavePreset(Some(path))) => Some(path.clone()),
        _ => None,
    };
    if save.is_some() {
        // Presets open off the frame: the one asked before lands first, so the save writes what is shown.
        offscreen.wait_for_disk();
    }
    offscreen.send(command);
    if let Some(path) = save {
        // A save is the last command of its frame: the design it writes is the one shown after that frame (a preset
        // asked to open in the same frame lands after it, off the frame); the file is waited for.
        offscreen.update();
        let design = offscreen.design();
        offscreen.wait_for_disk();
        saved.push((path, design));
    } else if (index + 1).is_multiple_of(per_frame.max(1)) {
        offscreen.update();
    }
}

/// Brings the studio to the state every sample is counted in, and lets the scene follow.
fn same_state(offscreen: &mut Offscreen) -> Result<Counts, String> {
    use crate::design::variants::Variants;
    offscreen.wait_for_disk();
    offscreen.send(DocumentCommand::Variant(VariantCommand::Replace(Variants::single(Design::default()))));
    offscreen.send(HandCommand::Show(false));
    offscreen.send(PresentationCommand::SetEnvironment(LightingEnvironment::Studio));
    for _ in 0..10 {
        offscreen.update();
    }
    offscreen.settle(600).map_err(|e| e.to_string())?;
    Ok(counts(offscreen))
}

/// Fills, before anything is counted, what the studio keeps by design for the rest of a run: every preset opened
/// once (the house's models loaded and kept), each house model made at as many ring sizes as are kept
/// (`RESIZED_KEPT`), each light, the hand shown. What grows after that is what a day would leak.
fn warm_up(offscreen: &mut Offscreen, presets: &[PathBuf]) -> Result<(), String> {
    use crate::geometry::house::{RESIZED_KEPT, is_ready, key_for};
    for preset in presets {
        offscreen.send(DocumentCommand::OpenPreset(preset.clone()));
        offscreen.update();
        offscreen.wait_for_disk();
        if offscreen.design().source.collection().is_none() {
            continue;
        }
        for step in 0..RESIZED_KEPT {
            let size = 48.0 + 2.0 * step as f32;
            offscreen.send(DocumentCommand::Design(DesignCommand::SetRingSize(size)));
            let mut frames = 0;
            while !key_for(&offscreen.design()).is_some_and(is_ready) {
                offscreen.update();
                frames += 1;
                if frames > 3000 {
                    return Err(format!("{}: not made at {size} mm in {frames} frames", preset.display()));
                }
            }
        }
    }
    for environment in LightingEnvironment::ALL {
        offscreen.send(PresentationCommand::SetEnvironment(environment));
        offscreen.update();
    }
    offscreen.send(HandCommand::Show(true));
    offscreen.settle(600).map_err(|e| e.to_string())
}

/// Runs `commands` random commands (`per_frame` of them before each frame) through an offscreen studio whose
/// autosave writes into a scratch folder.
pub fn soak(commands: usize, seed: u64, size: u32, per_frame: usize) -> Result<SoakReport, String> {
    let folder = std::env::temp_dir().join(format!("ecrin-soak-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut presets = crate::design::preset::list(&crate::studio::floor::models::assets_dir().join("../presets"));
    if presets.is_empty() {
        return Err("presets/".into());
    }
    // The house's models too, when this run has a collection (`ecrin --collection DIR soak`): a design of each.
    for manifest in crate::collection::current().list().into_iter().flatten() {
        let path = folder.join(format!("house-{}.ron", manifest.id));
        if crate::design::preset::save(&path, &crate::collection::design_of(&manifest)).is_ok() {
            presets.push(path);
        }
    }
    let house_models = presets.iter().filter(|p| p.starts_with(&folder)).count();
    let mut offscreen = Offscreen::autosaving(Design::default(), size, size, folder.join("autosave.ron"));
    offscreen.run_until_ready(2000).map_err(|e| e.to_string())?;
    warm_up(&mut offscreen, &presets)?;
    let mut rng = Rng::new(seed);
    let tenth = (commands / 10).max(1);
    let mut report = SoakReport { commands, house_models, ..SoakReport::default() };
    let mut saved: Vec<(PathBuf, Design)> = Vec::new();
    // The rest of the warm-up: random commands (saves kept and checked like the others) until the undo history is
    // full; `index` goes on counting, the counted commands follow.
    let mut index = 0;
    while offscreen.world_mut().resource::<CurrentDesign>().history.undo_steps() < MAX_UNDO_STEPS {
        day_step(&mut offscreen, &mut rng, &presets, &folder, index, per_frame, &mut saved);
        index += 1;
        if index > 20 * MAX_UNDO_STEPS {
            return Err("the undo history did not fill".into());
        }
    }
    report.warm_up_commands = index;
    report.warm = same_state(&mut offscreen)?;
    print("warm", index, &report.warm);
    for counted in 0..commands {
        day_step(&mut offscreen, &mut rng, &presets, &folder, index, per_frame, &mut saved);
        index += 1;
        if (counted + 1).is_multiple_of(tenth) {
            let sample = same_state(&mut offscreen)?;
            print("sample", index, &sample);
            report.samples.push((counted + 1, sample));
        }
    }
    report.presets_saved = saved.len();
    for (path, design) in &saved {
        match crate::design::preset::load(path) {
            Ok(back) if &back == design => report.presets_reopened_equal += 1,
            Ok(back) => report.unequal.push(format!("{}: reopened as {back:?}, saved from {design:?}", path.display())),
            Err(error) => report.unequal.push(error.to_string()),
        }
    }
    report.unequal.truncate(5);
    // The autosave of the last change is written a moment after it; a clean exit would remove it.
    for _ in 0..40 {
        offscreen.update();
    }
    report.autosave_reads = crate::design::session::load(&folder.join("autosave.ron")).is_ok();
    drop(offscreen);
    let _ = std::fs::remove_dir_all(&folder);
    Ok(report)
}

pub fn run(commands: usize, seed: u64, size: u32, per_frame: usize) -> ExitCode {
    let report = match soak(commands, seed, size, per_frame) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let g = report.growth();
    println!(
        "{{\"soak\":\"end\",\"commands\":{commands},\"per_frame\":{per_frame},\"seed\":{seed},\"entities_growth_pct\":{:.1},\"meshes_growth_pct\":{:.1},\"materials_growth_pct\":{:.1},\"images_growth_pct\":{:.1},\"gem_materials_growth_pct\":{:.1},\"rss_growth_pct\":{:.1},\"presets_saved\":{},\"presets_reopened_equal\":{},\"autosave_reads\":{},\"house_models\":{},\"warm_up_commands\":{}}}",
        g[0],
        g[1],
        g[2],
        g[3],
        g[4],
        g[5],
        report.presets_saved,
        report.presets_reopened_equal,
        report.autosave_reads,
        report.house_models,
        report.warm_up_commands
    );
    for unequal in &report.unequal {
        eprintln!("{unequal}");
    }
    if report.held() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
