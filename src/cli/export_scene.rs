//! `ecrin export-scene`: one view of a preset as a scene an independent renderer can draw — the piece as glTF, the
//! light as HDR, the camera and exposure as JSON, the region mask — and Écrin's own render of it
//! (`studio::scene_export`). `tools/reference/` renders it with a path tracer and compares.

use super::{language, parse_background, parse_light};
use crate::approval::View;
use crate::optics::environment::LightingEnvironment;
use crate::studio::export::ExportSettings;
use crate::studio::headless::Framing;
use crate::studio::lighting::{Background, Presentation};
use crate::studio::scene_export::{SceneExportError, export_scene};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ExportSceneArgs {
    /// The design (a preset; a house's model is loaded from the collection).
    pub preset: PathBuf,
    /// The folder to write into (made if missing).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The view: front, side, top, three-quarter, hand or engraving.
    #[arg(long, default_value = "three-quarter", value_parser = parse_view)]
    pub view: View,
    #[arg(long, default_value = "studio", value_parser = parse_light)]
    pub light: LightingEnvironment,
    #[arg(long, default_value = "velvet", value_parser = parse_background)]
    pub background: Background,
    /// Width and height in pixels (16–8192).
    #[arg(long, default_value_t = 512)]
    pub size: u32,
    #[arg(long)]
    pub closeup: bool,
}

fn parse_view(text: &str) -> Result<View, String> {
    match View::parse_list(text).as_deref() {
        // The light map is a picture of the tracer's, not a camera's view of a scene.
        Ok([view]) if *view != View::Aset => Ok(*view),
        Ok(_) => Err(crate::tr!(language(), "cli-one-view", text = text)),
        Err(unknown) => Err(crate::tr!(language(), "cli-unknown-view", word = unknown.0.as_str())),
    }
}

pub fn run(args: ExportSceneArgs) -> ExitCode {
    let l = language();
    let design = match super::or_bad_input(super::load_preset(&args.preset)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    if !args.view.shows(&design) {
        let (file, view) = (design.name.clone(), args.view.slug());
        eprintln!("{}", crate::tr!(l, "cli-view-not-shown", file = file, view = view));
        return ExitCode::from(2);
    }
    let settings = ExportSettings {
        framing: if args.closeup { Framing::Stone } else { Framing::Ring },
        ..ExportSettings::new(args.size, Presentation { environment: args.light, background: args.background })
    };
    match export_scene(design, args.view, settings, &args.output) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            let reason = match &error {
                SceneExportError::Scene(crate::scene::SceneError::Write { file, source }) => {
                    crate::tr!(l, "cli-cannot-write-file", file = file.as_str(), reason = source.to_string())
                }
                SceneExportError::Scene(crate::scene::SceneError::Piece { file, source }) => {
                    crate::tr!(l, "cli-cannot-write-file", file = file.as_str(), reason = source.to_string())
                }
                SceneExportError::Scene(crate::scene::SceneError::Mask { file, source }) => {
                    crate::tr!(l, "cli-cannot-write-file", file = file.as_str(), reason = source.to_string())
                }
                SceneExportError::Render(error) => error.in_language(l),
                SceneExportError::Picture(error) => error.in_language(l),
            };
            eprintln!("{}", crate::tr!(l, "cli-export-scene-failed", reason = reason));
            ExitCode::FAILURE
        }
    }
}
