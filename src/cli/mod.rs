//! Command line: the studio (default), `render`, `check`, `bench` and `generate-assets`.

pub mod batch;
pub mod bench;
mod bench_collection;
mod bench_frames;
mod bench_memory;
mod bench_quick;
pub mod bench_sheet;
mod bench_startup;
mod bench_suggest;
pub mod bench_try_on;
pub mod board;
mod check;
pub mod clients;
pub mod collection;
pub mod export_model;
pub mod export_scene;
pub mod help;
pub mod model_args;
pub mod pack;
pub mod render;
pub mod soak;
pub mod style_guide;
pub mod suggest;
pub mod try_on;
pub mod try_on_test;

use crate::design::preset;
use crate::i18n::Language;
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
    /// The house's collection folder (default: `collection/` in the user data directory).
    #[arg(long, global = true)]
    pub collection: Option<PathBuf>,
    /// The language of what Écrin says: fr or en (default: the system's, LANG).
    #[arg(long, global = true, value_parser = parse_language)]
    pub lang: Option<Language>,
}

/// "fr", "en", "fr_FR.UTF-8"… (a clap value).
pub(crate) fn parse_language(text: &str) -> Result<Language, String> {
    Language::parse(text).ok_or_else(|| crate::tr!(language(), "cli-unknown-language", text = text))
}

/// The language the command speaks (`--lang`, else the system's), set once at start.
pub(crate) fn language() -> Language {
    crate::i18n::process_language()
}

/// How a render is made: size, framing, light and background.
#[derive(clap::Args, Debug, Clone)]
pub struct ViewArgs {
    /// Width and height in pixels (16–8192).
    #[arg(long, default_value_t = 1024)]
    pub size: u32,
    /// Frame the head and stone instead of the whole ring.
    #[arg(long)]
    pub closeup: bool,
    /// Lighting: studio, boutique, daylight, evening or packshot.
    #[arg(long, default_value = "studio", value_parser = parse_light)]
    pub light: LightingEnvironment,
    /// Background: velvet, white or transparent.
    #[arg(long, default_value = "velvet", value_parser = parse_background)]
    pub background: Background,
    /// Render this many samples per pixel along each axis and average them (1–4): smoother prongs and edges.
    #[arg(long, default_value_t = 1)]
    pub supersample: u32,
    /// Views: front, side, top, three-quarter, hand, comma-separated, or all. Several views add "-<view>" to the names.
    #[arg(long, default_value = "three-quarter", value_parser = parse_views)]
    pub views: Views,
    /// The display hand of the hand view: porcelain, velvet, fair, medium or deep.
    #[arg(long, default_value = "porcelain", value_parser = parse_hand)]
    pub hand: crate::geometry::hand::HandFinish,
}

/// The views a render makes (a clap value).
#[derive(Clone, Debug)]
pub struct Views(pub Vec<crate::approval::View>);

fn parse_views(text: &str) -> Result<Views, String> {
    crate::approval::View::parse_list(text)
        .map(Views)
        .map_err(|unknown| crate::tr!(language(), "cli-unknown-view", word = unknown.0))
}

impl ViewArgs {
    fn framing(&self) -> studio::headless::Framing {
        if self.closeup { studio::headless::Framing::Stone } else { studio::headless::Framing::Ring }
    }

    fn presentation(&self) -> Presentation {
        Presentation { environment: self.light, background: self.background }
    }

    fn check_size(&self) -> Result<(), String> {
        self.export_settings().check().map_err(|error| format!("--{}", error.in_language(language())))
    }

    fn export_settings(&self) -> studio::export::ExportSettings {
        studio::export::ExportSettings {
            size: self.size,
            supersample: self.supersample,
            framing: self.framing(),
            presentation: self.presentation(),
            max_tile: None,
            hand: self.hand,
            reference: false,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the studio window (the default).
    Studio {
        /// A preset (.ron) to open at start, a boutique's model (.glb / .gltf) to import, or a photo of a hand (.jpg / .png)
        /// to try the ring on.
        preset: Option<PathBuf>,
        /// Start the try-on on this camera (0: the first) at once.
        #[arg(long)]
        camera: Option<u32>,
    },
    /// Render presets to PNG without opening a window: one preset with `-o file.png`, or many with `--out folder`
    /// (catalogue renders, as `batch`).
    Render {
        #[arg(required = true)]
        presets: Vec<PathBuf>,
        /// The PNG (or GIF with --turntable) for one preset.
        #[arg(short, long, conflicts_with = "out")]
        output: Option<PathBuf>,
        /// A folder for the renders of many presets.
        #[arg(long, required_unless_present = "output")]
        out: Option<PathBuf>,
        /// With --out: this machine's share of the catalogue, i/n (1-based).
        #[arg(long, default_value = "1/1", value_parser = batch::parse_shard)]
        shard: (usize, usize),
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
    /// One view of a preset as a scene for an independent renderer: the piece (glTF), the light (HDR), the camera
    /// and exposure (JSON), the region mask, and Écrin's own render of it.
    ExportScene(export_scene::ExportSceneArgs),
    /// The metal of a preset for the bench (STL or 3MF, in millimetres) and its stone list.
    ExportModel(export_model::ExportModelArgs),
    /// The bench sheet of a preset as a PDF: renders, sections to scale with dimensions, stones, metal, checks.
    BenchSheet(bench_sheet::BenchSheetArgs),
    /// The design's ring on the hand in a photo, found and measured on this machine.
    TryOn(try_on::TryOnArgs),
    /// The try-on measured on pictures of Écrin's display hand whose truth is known (README's figures).
    TryOnTest(try_on_test::TryOnTestArgs),
    /// Up to three variants of a preset that fit a budget with the boutique's price list, each with its reasons.
    Suggest(suggest::SuggestArgs),
    /// The style guide's pictures, one PNG per choice, rendered into a folder (the studio's guide shows them).
    StyleGuide(style_guide::StyleGuideArgs),
    /// Compare two to four presets in one PNG (the variants board as a picture).
    Board(board::BoardArgs),
    /// Write an approval pack folder: the views, a turntable, the preset and a printable approval sheet.
    Pack(pack::PackArgs),
    /// Check presets: print what each one is, or what is wrong with it.
    Check { presets: Vec<PathBuf> },
    /// Measure start-up, frame times, change latency and memory; one JSON object per line.
    Bench {
        /// Frames measured per figure.
        #[arg(long, default_value_t = 60)]
        frames: usize,
        /// Only start-up and the house's collection figures (a quicker run while working on the collection).
        #[arg(long)]
        collection_only: bool,
        /// Only start-up, the studio's frame and the hand-off figures: the checks, the bench's 3D files and sheet,
        /// the 4096 export, the turntable and its video (a quicker run while working on the hand-off).
        #[arg(long, conflicts_with = "collection_only")]
        hand_off_only: bool,
        /// Only start-up, the studio's frame and the try-on's figures (the model's time, painting the ring).
        #[arg(long, conflicts_with_all = ["collection_only", "hand_off_only"])]
        try_on_only: bool,
        /// Only start-up and the proposals' figures (the search of the neighbourhood, one budget's walk).
        #[arg(long, conflicts_with_all = ["collection_only", "hand_off_only", "try_on_only"])]
        suggest_only: bool,
        /// The headline figures only, in minutes: start-up, the frame, memory and where it goes, the gem's work per
        /// pixel, pavé against a solitaire, the 4096 export against a frame.
        #[arg(long, conflicts_with_all = ["collection_only", "hand_off_only", "try_on_only", "suggest_only"])]
        quick: bool,
        /// Also print the renderer's GPU allocations by label, largest first (to the error stream).
        #[arg(long)]
        memory_labels: bool,
        /// Only start-up (`startup_ms` and where it goes), then exit: the full and quick runs launch the bench so to
        /// time cold and warm starts.
        #[arg(long, conflicts_with_all = ["collection_only", "hand_off_only", "try_on_only", "suggest_only", "quick"])]
        startup_only: bool,
    },
    /// A day in the boutique, compressed: random commands through the headless studio; what grows is measured.
    Soak(soak::SoakArgs),
    /// Report on a glTF model (.glb / .gltf) as JSON: parts and their classification, units, problems.
    /// Exit code 1 when the model cannot be used.
    Inspect {
        model: PathBuf,
        #[command(flatten)]
        what: model_args::ModelArgs,
    },
    /// The house's collection: add, list and remove models; start a design from one.
    #[command(subcommand)]
    Collection(collection::CollectionCommand),
    /// The client's data (RGPD): the packs naming a client listed, copied for them, or erased; old autosaves removed.
    Clients {
        #[command(subcommand)]
        command: clients::ClientsCommand,
        /// The approvals folder (default: the studio's, in the user's documents).
        #[arg(long)]
        approvals: Option<PathBuf>,
    },
    /// Write the printable ring sizer (an A4 PNG at true scale, 300 dpi) in the --lang language.
    Sizer {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write the glTF model library into assets/models/.
    GenerateAssets {
        #[arg(long, default_value = "assets")]
        assets: PathBuf,
    },
}

/// Bad input (a preset, a price list): print what is wrong with it and give the exit code 2.
pub(crate) fn or_bad_input<T>(result: Result<T, impl std::fmt::Display>) -> Result<T, ExitCode> {
    result.map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(2)
    })
}

/// Reads a preset and loads the collection model it names (a missing or changed model is bad input).
pub(crate) fn load_preset(path: &std::path::Path) -> Result<crate::design::Design, String> {
    load_preset_with_journal(path).map(|(design, _)| design)
}

/// Reads a preset with its journal and loads the collection model it names.
pub(crate) fn load_preset_with_journal(
    path: &std::path::Path,
) -> Result<(crate::design::Design, Vec<crate::design::journal::JournalEntry>), String> {
    let l = language();
    let (design, journal) = preset::load_with_journal(path).map_err(|e| e.in_language(l))?;
    crate::collection::prepare(&design).map_err(|e| {
        let what = e.in_language(l);
        crate::tr!(l, "error-in-file", file = path.display().to_string(), what = what)
    })?;
    Ok((design, journal))
}

/// The price list named on the command line, if any.
pub(crate) fn price_list(
    path: Option<&std::path::Path>,
) -> Result<Option<crate::estimate::price::PriceList>, ExitCode> {
    let loaded = path.map(crate::estimate::price::PriceList::load).transpose();
    or_bad_input(loaded.map_err(|e| e.in_language(language())))
}

pub(crate) fn parse_light(text: &str) -> Result<LightingEnvironment, String> {
    LightingEnvironment::ALL
        .into_iter()
        .find(|e| format!("{e:?}").eq_ignore_ascii_case(text))
        .ok_or_else(|| crate::tr!(language(), "cli-unknown-light", text = text))
}

pub(crate) fn parse_hand(text: &str) -> Result<crate::geometry::hand::HandFinish, String> {
    crate::geometry::hand::HandFinish::ALL
        .into_iter()
        .find(|finish| finish.slug().eq_ignore_ascii_case(text))
        .ok_or_else(|| crate::tr!(language(), "cli-unknown-hand", text = text))
}

pub(crate) fn parse_background(text: &str) -> Result<Background, String> {
    Background::ALL
        .into_iter()
        .find(|b| format!("{b:?}").eq_ignore_ascii_case(text))
        .ok_or_else(|| crate::tr!(language(), "cli-unknown-background", text = text))
}

pub fn run(cli: Cli) -> ExitCode {
    PROCESS_START.get_or_init(Instant::now);
    if let Some(language) = cli.lang {
        crate::i18n::set_process_language(language);
    }
    if let Some(folder) = cli.collection {
        crate::collection::use_folder(folder);
    }
    match cli.command.unwrap_or(Command::Studio { preset: None, camera: None }) {
        Command::Studio { preset, camera } => {
            studio::run_window(preset, camera);
            ExitCode::SUCCESS
        }
        Command::Render { presets, output, out, shard, view, gem_compare, turntable } => {
            render::run(render::RenderArgs { presets, output, out, shard, view, gem_compare, turntable })
        }
        Command::Pack(args) => pack::run(args),
        Command::ExportScene(args) => export_scene::run(args),
        Command::ExportModel(args) => export_model::run(args),
        Command::BenchSheet(args) => bench_sheet::run(args),
        Command::TryOn(args) => try_on::run(args),
        Command::TryOnTest(args) => try_on_test::run(args),
        Command::Board(args) => board::run(args),
        Command::Suggest(args) => suggest::run(args),
        Command::StyleGuide(args) => style_guide::run(args),
        Command::Check { presets } => check::run(presets),
        Command::Bench {
            frames,
            collection_only,
            hand_off_only,
            try_on_only,
            suggest_only,
            quick,
            memory_labels,
            startup_only,
        } => {
            let only = match (collection_only, hand_off_only, try_on_only, suggest_only, quick) {
                _ if startup_only => bench::Only::Startup,
                (true, ..) => bench::Only::Collection,
                (_, true, ..) => bench::Only::HandOff,
                (_, _, true, ..) => bench::Only::TryOn,
                (_, _, _, true, _) => bench::Only::Suggest,
                (.., true) => bench::Only::Quick,
                _ => bench::Only::Everything,
            };
            bench::run(frames, only, memory_labels)
        }
        Command::Soak(args) => soak::run(args.commands, args.seed, args.size, args.per_frame),
        Command::Collection(command) => collection::run(command),
        Command::Clients { command, approvals } => clients::run(command, approvals),
        Command::Batch { presets, out, shard, view } => {
            if let Err(message) = view.check_size() {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
            batch::run(presets, &out, shard, view.export_settings(), &view.views.0)
        }
        Command::Inspect { model, what } => {
            let report = crate::geometry::house::inspect::inspect(&model, &what.corrections());
            // The problems as data, and in words in the reader's language beside them.
            let messages: Vec<String> = report.problems.iter().map(|p| p.in_language(language())).collect();
            let json = serde_json::to_value(&report).map(|mut value| {
                value["messages"] = serde_json::Value::from(messages);
                value
            });
            match json.and_then(|value| serde_json::to_string_pretty(&value)) {
                Ok(json) => println!("{json}"),
                Err(error) => {
                    eprintln!("{}", crate::tr!(language(), "cli-cannot-write-report", reason = error.to_string()))
                }
            }
            if report.usable { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Command::Sizer { output } => {
            let page = crate::approval::sizer_page::sizer_page(language());
            match crate::png::save_print_png(&page, crate::approval::sizer_page::DOTS_PER_INCH, &output) {
                Ok(()) => {
                    println!("{}", output.display());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("{}", error.in_language(language()));
                    ExitCode::FAILURE
                }
            }
        }
        Command::GenerateAssets { assets } => match generate_assets(&assets) {
            Ok(count) => {
                let folder = assets.display().to_string();
                println!("{}", crate::tr!(language(), "cli-wrote-models", count = count, folder = folder));
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", library_error(language(), &error));
                ExitCode::FAILURE
            }
        },
    }
}

/// Why `generate-assets` failed, in the reader's language.
fn library_error(l: crate::i18n::Language, error: &crate::geometry::library::WriteLibraryError) -> String {
    use crate::geometry::library::WriteLibraryError;
    match error {
        WriteLibraryError::Build(reason) => reason.to_string(),
        WriteLibraryError::Folder { folder, source } => crate::tr!(
            l,
            "status-cannot-create-folder",
            folder = folder.display().to_string(),
            reason = source.to_string()
        ),
        WriteLibraryError::Write { file, source } => {
            crate::tr!(l, "cli-cannot-write-file", file = file.display().to_string(), reason = source.to_string())
        }
    }
}

/// The library's files and the house samples, written under `assets` (`ecrin generate-assets`).
fn generate_assets(assets: &std::path::Path) -> Result<usize, crate::geometry::library::WriteLibraryError> {
    use crate::geometry::library::{all_models, write_files};
    let mut files = all_models()?;
    files.extend(crate::geometry::sample_export::all_samples()?);
    write_files(assets, &files)
}
