//! `ecrin render`: one preset to a PNG (views, supersampling, tiles beyond the GPU's limit), a turntable, the
//! gem comparison, or many presets into a folder (catalogue renders, as `batch`).

use super::{ViewArgs, batch};
use crate::approval::View;
use crate::studio;
use crate::studio::export::Exporter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct RenderArgs {
    pub presets: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub shard: (usize, usize),
    pub view: ViewArgs,
    pub gem_compare: bool,
    pub turntable: Option<u32>,
}

/// The file of one view: `x.png` for a single view, `x-front.png`… for several.
pub fn view_path(output: &Path, view: View, several: bool) -> PathBuf {
    if !several {
        return output.to_path_buf();
    }
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "render".into());
    let extension = output.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_else(|| "png".into());
    output.with_file_name(format!("{stem}-{}.{extension}", view.slug()))
}

pub fn run(args: RenderArgs) -> ExitCode {
    if let Err(message) = args.view.check_size() {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    if let Some(out) = &args.out {
        return batch::run(args.presets, out, args.shard, args.view.export_settings(), &args.view.views.0);
    }
    let (Some(output), [path]) = (&args.output, args.presets.as_slice()) else {
        eprintln!("{}", crate::tr!(super::language(), "cli-render-usage"));
        return ExitCode::from(2);
    };
    let design = match super::or_bad_input(super::load_preset(path)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    let view = &args.view;
    // A link, a device or a folder where a picture would go is refused before anything is rendered: writing would
    // replace it (the picture is written beside it and renamed over it).
    let several = view.views.0.len() > 1 && args.turntable.is_none() && !args.gem_compare;
    let targets = view.views.0.iter().map(|&wanted| view_path(output, wanted, several)).chain([output.clone()]);
    for target in targets {
        if let Err(error) = crate::atomic_file::check_output(&target) {
            let (l, file) = (super::language(), target.display().to_string());
            eprintln!("{}", crate::tr!(l, "error-in-file", file = file, what = error.to_string()));
            return ExitCode::from(2);
        }
    }
    if let Some(count) = args.turntable {
        if !(2..=720).contains(&count) {
            eprintln!("{}", crate::tr!(super::language(), "cli-turntable-frames", count = count.to_string()));
            return ExitCode::from(2);
        }
        let written = studio::turntable::turntable_frames(design, view.export_settings(), count)
            .map_err(|e| e.in_language(super::language()))
            .and_then(|frames| {
                studio::turntable::write_turntable(&frames, output, 3000 / count.max(1))
                    .map_err(|e| e.in_language(super::language()))
            });
        return match written {
            Ok(folder) => {
                let (file, folder) = (output.display().to_string(), folder.display().to_string());
                let video = output.with_extension("mp4").display().to_string();
                let l = super::language();
                println!(
                    "{}",
                    crate::tr!(l, "cli-turntable-written", file = file, count = count, video = video, folder = folder)
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", crate::tr!(super::language(), "cli-turntable-failed", reason = error));
                ExitCode::FAILURE
            }
        };
    }
    if args.gem_compare {
        let rendered = Exporter::new(design, view.export_settings())
            .and_then(|mut exporter| exporter.render_gem_comparison())
            .map_err(|e| e.in_language(super::language()))
            .and_then(|image| crate::png::save_png(&image, output).map_err(|e| e.in_language(super::language())));
        return report(rendered.map(|()| vec![output.clone()]));
    }
    report(render_views(design, view, output))
}

fn render_views(design: crate::design::Design, view: &ViewArgs, output: &Path) -> Result<Vec<PathBuf>, String> {
    let l = super::language();
    let views = &view.views.0;
    for wanted in views.iter().filter(|wanted| !wanted.shows(&design)) {
        let (file, view) = (design.name.clone(), wanted.slug());
        eprintln!("{}", crate::tr!(l, "cli-view-not-shown", file = file, view = view));
    }
    let shown: Vec<_> = views.iter().copied().filter(|wanted| wanted.shows(&design)).collect();
    let mut exporter = Exporter::new(design, view.export_settings()).map_err(|e| e.in_language(l))?;
    let mut written = Vec::new();
    for &wanted in &shown {
        let Some(picture) = exporter.render(wanted, &mut || true).map_err(|e| e.in_language(l))? else { break };
        let path = view_path(output, wanted, views.len() > 1);
        crate::png::save_png(&picture, &path).map_err(|e| e.in_language(l))?;
        written.push(path);
    }
    exporter.finish();
    Ok(written)
}

fn report(result: Result<Vec<PathBuf>, String>) -> ExitCode {
    match result {
        Ok(paths) => {
            for path in paths {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", crate::tr!(super::language(), "cli-render-failed", reason = error));
            ExitCode::FAILURE
        }
    }
}
