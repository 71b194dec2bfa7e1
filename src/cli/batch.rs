//! `ecrin batch`: catalogue renders of many presets into a folder; `--shard i/n` splits a large catalogue across
//! machines; a bad preset is reported and skipped, the rest complete; the exit code says whether all succeeded.

use crate::approval::View;
use crate::studio::export::{ExportSettings, Exporter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Parses "i/n" (1-based): this machine's share of a catalogue split in n.
pub fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    // Parsed while the command line is read, before `--lang` is set: the language is asked only to say an error.
    let l = super::language;
    let (i, n) = text.split_once('/').ok_or_else(|| crate::tr!(l(), "cli-shard-form", text = text))?;
    let number =
        |part: &str| part.trim().parse().map_err(|_| crate::tr!(l(), "cli-shard-number", text = text, part = part));
    let (i, n): (usize, usize) = (number(i)?, number(n)?);
    if n == 0 || i == 0 || i > n {
        return Err(crate::tr!(l(), "cli-shard-range", text = text));
    }
    Ok((i, n))
}

/// The presets of shard i of n, in a stable order (sorted paths, every n-th from the i-th).
pub fn shard_of(mut presets: Vec<PathBuf>, (i, n): (usize, usize)) -> Vec<PathBuf> {
    presets.sort();
    presets.into_iter().enumerate().filter(|(k, _)| k % n == i - 1).map(|(_, p)| p).collect()
}

/// The file of a preset's render: `<stem>.png` for one view, `<stem>-<view>.png` for several.
pub fn render_path(out: &Path, stem: &str, view: View, several: bool) -> PathBuf {
    if several { out.join(format!("{stem}-{}.png", view.slug())) } else { out.join(format!("{stem}.png")) }
}

/// Renders every preset of the shard into `out`; returns the exit code.
pub fn run(
    presets: Vec<PathBuf>,
    out: &Path,
    shard: (usize, usize),
    settings: ExportSettings,
    views: &[View],
) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(out) {
        let folder = out.display().to_string();
        eprintln!(
            "{}",
            crate::tr!(super::language(), "status-cannot-create-folder", folder = folder, reason = error.to_string())
        );
        return ExitCode::from(2);
    }
    let mut failures = 0;
    let mut exporter: Option<Exporter> = None;
    for path in shard_of(presets, shard) {
        let design = match super::load_preset(&path) {
            Ok(design) => design,
            Err(error) => {
                eprintln!("{}", crate::tr!(super::language(), "cli-skipped", reason = error));
                failures += 1;
                continue;
            }
        };
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let shown: Vec<View> = views.iter().copied().filter(|view| view.shows(&design)).collect();
        for view in views.iter().filter(|view| !shown.contains(view)) {
            let (file, view) = (path.display().to_string(), view.slug());
            eprintln!("{}", crate::tr!(super::language(), "cli-view-not-shown", file = file, view = view));
        }
        let ready = match exporter.as_mut() {
            Some(renderer) => renderer.show(design),
            None => Exporter::new(design, settings).map(|renderer| {
                exporter = Some(renderer);
            }),
        };
        if let Err(error) = ready {
            eprintln!("{}: {error}", path.display());
            failures += 1;
            continue;
        }
        let Some(renderer) = exporter.as_mut() else { continue };
        for &view in &shown {
            let target = render_path(out, &stem, view, views.len() > 1);
            let rendered =
                renderer.render(view, &mut || true).map_err(|e| e.in_language(super::language())).and_then(|image| {
                    match image {
                        Some(image) => {
                            crate::png::save_png(&image, &target).map_err(|e| e.in_language(super::language()))
                        }
                        None => Err(crate::tr!(super::language(), "cli-render-cancelled")),
                    }
                });
            match rendered {
                Ok(()) => println!("{}", target.display()),
                Err(error) => {
                    eprintln!("{}: {error}", path.display());
                    failures += 1;
                }
            }
        }
    }
    if let Some(exporter) = exporter {
        exporter.finish();
    }
    if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
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
