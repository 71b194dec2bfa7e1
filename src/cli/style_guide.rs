//! `ecrin style-guide --out DIR`: the style guide's pictures (`suggest::style`), one PNG per choice named by its slug,
//! rendered by Écrin's own renderer — what the studio's guide shows; the studio runs it as a child process once per
//! set of pictures and keeps them in the user's cache. Pictures already there are kept.

use super::language;
use crate::suggest::style::{picture_choices, picture_design};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct StyleGuideArgs {
    /// The folder the pictures are written to.
    #[arg(long)]
    pub out: PathBuf,
    /// Side of each picture, pixels (64–512).
    #[arg(long, default_value_t = 192)]
    pub size: u32,
}

/// Renders the pictures missing from `folder`; the paths written.
pub fn render_pictures(folder: &Path, size: u32) -> Result<Vec<PathBuf>, String> {
    use crate::studio::export::{ExportSettings, Exporter};
    let l = language();
    std::fs::create_dir_all(folder).map_err(|e| {
        crate::tr!(l, "status-cannot-create-folder", folder = folder.display().to_string(), reason = e.to_string())
    })?;
    let mut settings = ExportSettings::new(size, crate::studio::lighting::Presentation::default());
    settings.supersample = 2;
    let mut exporter: Option<Exporter> = None;
    let mut written = Vec::new();
    for choice in picture_choices() {
        let path = folder.join(format!("{}.png", choice.slug()));
        let Some(design) = picture_design(choice).filter(|_| !path.exists()) else { continue };
        let exporter = match exporter.as_mut() {
            Some(exporter) => {
                exporter.show(design).map_err(|e| e.in_language(l))?;
                exporter
            }
            None => exporter.insert(Exporter::new(design, settings).map_err(|e| e.in_language(l))?),
        };
        // A stone's shape is seen face up; everything else from three quarters, as the studio first shows it.
        let view = match choice {
            crate::suggest::style::Choice::Shape(_) => crate::approval::View::Top,
            _ => crate::approval::View::ThreeQuarter,
        };
        let Some(picture) = exporter.render(view, &mut || true).map_err(|e| e.in_language(l))? else {
            continue;
        };
        crate::png::save_png(&picture, &path).map_err(|e| e.in_language(l))?;
        println!("{}", path.display());
        written.push(path);
    }
    if let Some(exporter) = exporter {
        exporter.finish();
    }
    Ok(written)
}

pub fn run(args: StyleGuideArgs) -> ExitCode {
    match render_pictures(&args.out, args.size.clamp(64, 512)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
