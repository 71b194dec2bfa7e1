//! `ecrin batch`: catalogue renders of many presets into a folder; `--shard i/n` splits a large catalogue across
//! machines; a bad preset is reported and skipped, the rest complete; the exit code says whether all succeeded.

use crate::design::preset;
use crate::studio::headless::{Framing, Offscreen};
use crate::studio::lighting::Presentation;
use crate::studio::state::StudioCommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Parses "i/n" (1-based): this machine's share of a catalogue split in n.
pub fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (i, n) = text.split_once('/').ok_or_else(|| format!("--shard {text}: expected i/n, e.g. 2/4"))?;
    let (i, n): (usize, usize) = (
        i.trim().parse().map_err(|_| format!("--shard {text}: {i} is not a number"))?,
        n.trim().parse().map_err(|_| format!("--shard {text}: {n} is not a number"))?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(format!("--shard {text}: needs 1 ≤ i ≤ n"));
    }
    Ok((i, n))
}

/// The presets of shard i of n, in a stable order (sorted paths, every n-th from the i-th).
pub fn shard_of(mut presets: Vec<PathBuf>, (i, n): (usize, usize)) -> Vec<PathBuf> {
    presets.sort();
    presets.into_iter().enumerate().filter(|(k, _)| k % n == i - 1).map(|(_, p)| p).collect()
}

pub struct BatchOptions {
    pub size: u32,
    pub framing: Framing,
    pub presentation: Presentation,
}

/// Renders every preset of the shard into `out/<stem>.png`; returns the exit code.
pub fn run(presets: Vec<PathBuf>, out: &Path, shard: (usize, usize), options: BatchOptions) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("{}: cannot create the output folder: {error}", out.display());
        return ExitCode::from(2);
    }
    let mut failures = 0;
    let mut offscreen: Option<Offscreen> = None;
    for path in shard_of(presets, shard) {
        let design = match preset::load(&path) {
            Ok(design) => design,
            Err(error) => {
                eprintln!("skipped: {error}");
                failures += 1;
                continue;
            }
        };
        let target = out.join(format!("{}.png", path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default()));
        match render_one(&mut offscreen, design, &options).and_then(|image| save_png(&image, &target)) {
            Ok(()) => println!("{}", target.display()),
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                failures += 1;
            }
        }
    }
    if let Some(offscreen) = offscreen {
        offscreen.exit();
    }
    if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// One renderer for the whole batch: the next design is loaded into it like a preset opened in the studio.
fn render_one(
    offscreen: &mut Option<Offscreen>,
    design: crate::design::Design,
    options: &BatchOptions,
) -> Result<image::RgbaImage, String> {
    match offscreen {
        Some(renderer) => {
            renderer.send(StudioCommand::Design(crate::design::DesignCommand::Load(Box::new(design))));
            for _ in 0..600 {
                renderer.update();
                if renderer.scene_matches_design() {
                    break;
                }
            }
            renderer.settle(600)?;
            renderer.capture()
        }
        None => {
            let mut renderer = Offscreen::framed(design, options.size, options.size, options.framing);
            renderer.run_until_ready(3000)?;
            if options.presentation != Presentation::default() {
                renderer.present(options.presentation)?;
            }
            let image = renderer.capture();
            *offscreen = Some(renderer);
            image
        }
    }
}

fn save_png(image: &image::RgbaImage, target: &Path) -> Result<(), String> {
    let mut bytes = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).map_err(|e| e.to_string())?;
    crate::atomic_file::write_atomically(target, &bytes).map_err(|e| format!("{}: cannot write: {e}", target.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_a_catalogue_without_overlap() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("5/4").is_err() && parse_shard("0/4").is_err() && parse_shard("x").is_err());
        let all: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("p{i}.ron"))).collect();
        let mut seen: Vec<PathBuf> = (1..=3).flat_map(|i| shard_of(all.clone(), (i, 3))).collect();
        seen.sort();
        assert_eq!(seen, all);
    }
}
