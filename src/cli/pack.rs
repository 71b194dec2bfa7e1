//! `ecrin pack`: the approval pack of a preset. Prints one progress line per step ("[3/42] Side view"); with
//! `--cancel-on-stdin`, a line "cancel" on standard input stops it cleanly (the studio runs it that way).

use crate::optics::environment::LightingEnvironment;
use crate::studio::export::ExportSettings;
use crate::studio::headless::Framing;
use crate::studio::lighting::{Background, Presentation};
use crate::studio::pack::{PackRequest, write_pack};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(clap::Args, Debug)]
pub struct PackArgs {
    /// The design (a preset; its journal comes along unless --no-journal).
    pub preset: PathBuf,
    /// The folder to create.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the folder if it exists (only once the new pack is complete).
    #[arg(long)]
    pub replace: bool,
    /// Size of the view renders, pixels (16–8192).
    #[arg(long, default_value_t = 1024)]
    pub size: u32,
    /// Samples per pixel along each axis for the views (1–4).
    #[arg(long, default_value_t = 2)]
    pub supersample: u32,
    /// Turntable frames (0: none).
    #[arg(long, default_value_t = 36)]
    pub turntable: u32,
    /// Size of the turntable frames, pixels.
    #[arg(long, default_value_t = 512)]
    pub turntable_size: u32,
    /// Lighting: studio, boutique, daylight, evening or packshot.
    #[arg(long, default_value = "studio", value_parser = super::parse_light)]
    pub light: LightingEnvironment,
    /// Background: white (default, prints well), velvet or transparent.
    #[arg(long, default_value = "white", value_parser = super::parse_background)]
    pub background: Background,
    /// The client's name on the sheet (left out when not given).
    #[arg(long)]
    pub client: Option<String>,
    /// A price list (RON) for the price estimate; without it the sheet shows weights only.
    #[arg(long)]
    pub prices: Option<PathBuf>,
    /// Add the ring on the display hand to the views (a necklace has its bust in every view).
    #[arg(long)]
    pub hand_view: bool,
    /// The display hand: porcelain, velvet, fair, medium or deep.
    #[arg(long, default_value = "porcelain", value_parser = super::parse_hand)]
    pub hand: crate::geometry::hand::HandFinish,
    /// Leave the co-design journal out of the pack.
    #[arg(long)]
    pub no_journal: bool,
    /// The client's language for the sheet, the file names and the journal's lines: fr or en (default: --lang).
    #[arg(long, value_parser = super::parse_language)]
    pub client_language: Option<crate::i18n::Language>,
    /// Stop cleanly when a line "cancel" arrives on standard input.
    #[arg(long)]
    pub cancel_on_stdin: bool,
    /// A picture of the ring on the client's hand, kept with the client's consent (the try-on's snapshot; repeat
    /// for several).
    #[arg(long = "try-on")]
    pub try_on: Vec<std::path::PathBuf>,
}

pub fn run(args: PackArgs) -> ExitCode {
    let loaded = super::or_bad_input(super::load_preset_with_journal(&args.preset));
    let ((design, journal), prices) = match (loaded, super::price_list(args.prices.as_deref())) {
        (Ok(loaded), Ok(prices)) => (loaded, prices),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let presentation = Presentation { environment: args.light, background: args.background };
    let views = ExportSettings {
        size: args.size,
        supersample: args.supersample,
        framing: Framing::Ring,
        presentation,
        max_tile: None,
        hand: args.hand,
        reference: false,
    };
    let turntable_check = ExportSettings { size: args.turntable_size, supersample: 1, ..views };
    for check in [views.check(), if args.turntable > 0 { turntable_check.check() } else { Ok(()) }] {
        if let Err(message) = check {
            eprintln!(
                "{}",
                crate::tr!(super::language(), "cli-pack-option", reason = message.in_language(super::language()))
            );
            return ExitCode::from(2);
        }
    }
    if args.turntable > 720 {
        eprintln!("{}", crate::tr!(super::language(), "cli-turntable-frames", count = args.turntable.to_string()));
        return ExitCode::from(2);
    }
    let mut try_on = Vec::new();
    for path in &args.try_on {
        match crate::tryon::read_picture(path) {
            Ok(picture) => try_on.push(picture),
            Err(error) => {
                eprintln!("{}", error.in_language(super::language()));
                return ExitCode::from(2);
            }
        }
    }
    let request = PackRequest {
        try_on,
        design,
        journal,
        include_journal: !args.no_journal,
        hand_view: args.hand_view,
        client: args.client,
        prices,
        views,
        turntable_frames: args.turntable,
        turntable_size: args.turntable_size,
        destination: args.out,
        replace: args.replace,
        client_language: args.client_language.unwrap_or_else(super::language),
        language: super::language(),
    };
    let cancelled = Arc::new(AtomicBool::new(false));
    if args.cancel_on_stdin {
        let flag = cancelled.clone();
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                if line.is_ok_and(|l| l.trim() == "cancel") {
                    flag.store(true, Ordering::Relaxed);
                    return;
                }
            }
        });
    }
    let mut progress = |step: crate::studio::pack::PackProgress| {
        println!("[{}/{}] {}", step.done + 1, step.total, step.doing);
        let _ = std::io::stdout().flush();
        !cancelled.load(Ordering::Relaxed)
    };
    match write_pack(&request, &mut progress) {
        Ok(Some(folder)) => {
            println!("done: {}", folder.display());
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("{}", crate::tr!(super::language(), "status-pack-cancelled"));
            ExitCode::from(3)
        }
        Err(error) => {
            eprintln!(
                "{}",
                crate::tr!(super::language(), "cli-pack-failed", reason = error.in_language(request.language))
            );
            ExitCode::FAILURE
        }
    }
}
