//! Command line: the studio (default), `render`, `check`, `bench` and `generate-assets`.

pub mod batch;
pub mod bench;

use crate::design::preset;
use crate::optics::environment::LightingEnvironment;
use crate::studio;
use crate::studio::lighting::{Background, Presentation};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

/// When the process started (for `startup_ms`).
pub(crate) static PROCESS_START: OnceLock<Instant> = OnceLock::new();

#[derive(Parser, Debug)]
#[command(name = "ecrin", version, about = "Écrin — jewellery co-design studio")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How a render is made: size, framing, light and background.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct ViewArgs {
    /// Width and height in pixels (16–8192).
    #[arg(long, default_value_t = 1024)]
    pub size: u32,
    /// Frame the head and stone instead of the whole ring.
    #[arg(long)]
    pub closeup: bool,
    /// Lighting: studio, boutique, daylight or evening.
    #[arg(long, default_value = "studio", value_parser = parse_light)]
    pub light: LightingEnvironment,
    /// Background: velvet, white or transparent.
    #[arg(long, default_value = "velvet", value_parser = parse_background)]
    pub background: Background,
}

impl ViewArgs {
    fn framing(&self) -> studio::headless::Framing {
        if self.closeup { studio::headless::Framing::Stone } else { studio::headless::Framing::Ring }
    }

    fn presentation(&self) -> Presentation {
        Presentation { environment: self.light, background: self.background }
    }

    fn check_size(&self) -> Result<(), String> {
        (16..=8192)
            .contains(&self.size)
            .then_some(())
            .ok_or_else(|| format!("--size {}: must be 16–8192 pixels", self.size))
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the studio window (the default).
    Studio {
        /// A preset to open at start.
        preset: Option<PathBuf>,
    },
    /// Render a preset to a PNG without opening a window.
    Render {
        preset: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        view: ViewArgs,
        /// Two pictures side by side: Écrin's gem shader (left) and Bevy's StandardMaterial transmission (right).
        #[arg(long)]
        gem_compare: bool,
        /// A turntable of this many frames instead of one picture: `-o x.gif` gets the looping GIF, and
        /// `x-frames/` beside it the PNG frames.
        #[arg(long)]
        turntable: Option<u32>,
    },
    /// Render many presets into a folder (catalogue renders); bad presets are reported and skipped.
    Batch {
        presets: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// This machine's share of the catalogue, i/n (1-based).
        #[arg(long, default_value = "1/1", value_parser = batch::parse_shard)]
        shard: (usize, usize),
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Check presets: print what each one is, or what is wrong with it.
    Check { presets: Vec<PathBuf> },
    /// Measure start-up, frame times, change latency and memory; one JSON object per line.
    Bench {
        /// Frames measured per figure.
        #[arg(long, default_value_t = 120)]
        frames: usize,
    },
    /// Report on a glTF model (.glb / .gltf) as JSON: parts and their classification, units, problems.
    /// Exit code 1 when the model cannot be used.
    Inspect { model: PathBuf },
    /// Write the glTF model library into assets/models/.
    GenerateAssets {
        #[arg(long, default_value = "assets")]
        assets: PathBuf,
    },
}

fn parse_light(text: &str) -> Result<LightingEnvironment, String> {
    LightingEnvironment::ALL
        .into_iter()
        .find(|e| e.label().eq_ignore_ascii_case(text))
        .ok_or_else(|| format!("unknown lighting {text:?}: studio, boutique, daylight or evening"))
}

fn parse_background(text: &str) -> Result<Background, String> {
    Background::ALL
        .into_iter()
        .find(|b| b.label().eq_ignore_ascii_case(text))
        .ok_or_else(|| format!("unknown background {text:?}: velvet, white or transparent"))
}

pub fn run(cli: Cli) -> ExitCode {
    PROCESS_START.get_or_init(Instant::now);
    match cli.command.unwrap_or(Command::Studio { preset: None }) {
        Command::Studio { preset } => {
            studio::run_window(preset);
            ExitCode::SUCCESS
        }
        Command::Render { preset: path, output, view, gem_compare, turntable } => {
            if let Err(message) = view.check_size() {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
            let (size, framing, presentation) = (view.size, view.framing(), view.presentation());
            let design = match preset::load(&path) {
                Ok(design) => design,
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::from(2);
                }
            };
            if let Some(count) = turntable {
                if !(2..=720).contains(&count) {
                    eprintln!("--turntable {count}: must be 2–720 frames");
                    return ExitCode::from(2);
                }
                let written = studio::turntable::turntable_frames(design, size, count, framing, presentation)
                    .and_then(|frames| studio::turntable::write_turntable(&frames, &output, 3000 / count.max(1)));
                return match written {
                    Ok(folder) => {
                        println!("{} ({count} frames; PNG frames in {})", output.display(), folder.display());
                        ExitCode::SUCCESS
                    }
                    Err(error) => {
                        eprintln!("turntable failed: {error}");
                        ExitCode::FAILURE
                    }
                };
            }
            match studio::headless::render_to_png(design, size, &output, gem_compare, framing, presentation) {
                Ok(()) => {
                    println!("{}", output.display());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("render failed: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { presets } => {
            let mut all_good = true;
            for path in presets {
                match preset::load(&path) {
                    Ok(d) => println!(
                        "{}: ok — “{}”: {} ≈ {:.2} g, {} {} {:.2} mm ({:.2} ct, brilliance {:.2}, fire {:.2}), {}",
                        path.display(),
                        d.name,
                        d.metal.alloy.label(),
                        crate::design::estimate::weights(&d).metal_grams(),
                        d.stone.species.label(),
                        d.stone.cut.label(),
                        d.stone.size_mm,
                        d.centre_carats(),
                        crate::optics::metrics::metrics_for(d.stone.cut, d.stone.species).light_return,
                        crate::optics::metrics::metrics_for(d.stone.cut, d.stone.species).fire,
                        d.setting.label()
                    ),
                    Err(error) => {
                        all_good = false;
                        println!("{error}");
                    }
                }
            }
            if all_good { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Command::Bench { frames } => bench::run(frames),
        Command::Batch { presets, out, shard, view } => {
            if let Err(message) = view.check_size() {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
            let options =
                batch::BatchOptions { size: view.size, framing: view.framing(), presentation: view.presentation() };
            batch::run(presets, &out, shard, options)
        }
        Command::Inspect { model } => {
            let report = crate::geometry::import::inspect(&model);
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(error) => eprintln!("cannot write the report: {error}"),
            }
            if report.usable { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Command::GenerateAssets { assets } => match crate::geometry::library::write_all(&assets) {
            Ok(count) => {
                println!("wrote {count} models under {}", assets.join("models").display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
    }
}
