//! `ecrin board`: designers compare up to four presets in one picture — each rendered from the same view, labelled
//! with what differs from the first and its weight (and price, with a price list) against the first's.

use crate::approval::View;
use crate::approval::board::{BoardTile, MAX_VARIANTS, comparison_board, variant_label};
use crate::studio::export::{ExportSettings, Exporter};
use crate::studio::lighting::{Background, Presentation};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct BoardArgs {
    /// Two to four presets; the first is the reference the others are compared with.
    #[arg(required = true, num_args = 2..=4)]
    pub presets: Vec<PathBuf>,
    /// The comparison PNG.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Side of each render, pixels.
    #[arg(long, default_value_t = 512)]
    pub size: u32,
    /// A price list (RON) for price differences.
    #[arg(long)]
    pub prices: Option<PathBuf>,
    /// Background of the renders: white (default), velvet or transparent.
    #[arg(long, default_value = "white", value_parser = super::parse_background)]
    pub background: Background,
    /// Each ring on the display hand (porcelain, velvet, fair, medium or deep) instead of the studio's view.
    #[arg(long, value_parser = super::parse_hand)]
    pub hand: Option<crate::geometry::hand::HandFinish>,
    /// The client's language for the labels: fr or en (default: --lang).
    #[arg(long, value_parser = super::parse_language)]
    pub client_language: Option<crate::i18n::Language>,
}

pub fn run(args: BoardArgs) -> ExitCode {
    let loaded: Result<Vec<_>, _> = args.presets.iter().take(MAX_VARIANTS).map(|p| super::load_preset(p)).collect();
    let (designs, prices) = match (super::or_bad_input(loaded), super::price_list(args.prices.as_deref())) {
        (Ok(designs), Ok(prices)) => (designs, prices),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let presentation = Presentation { background: args.background, ..Presentation::default() };
    let settings =
        ExportSettings { hand: args.hand.unwrap_or_default(), ..ExportSettings::new(args.size, presentation) };
    let view = if args.hand.is_some() { View::Hand } else { View::ThreeQuarter };
    if let Err(message) = settings.check() {
        eprintln!(
            "{}",
            crate::tr!(super::language(), "cli-board-option", reason = message.in_language(super::language()))
        );
        return ExitCode::from(2);
    }
    let rendered = (|| -> Result<Vec<image::RgbaImage>, String> {
        let l = super::language();
        let mut exporter = Exporter::new(designs[0].clone(), settings).map_err(|e| e.in_language(l))?;
        let mut pictures = Vec::new();
        for design in &designs {
            exporter.show(design.clone()).map_err(|e| e.in_language(l))?;
            let picture = exporter.render(view, &mut || true).map_err(|e| e.in_language(l))?;
            pictures.push(picture.ok_or_else(|| crate::tr!(l, "render-stopped"))?);
        }
        exporter.finish();
        Ok(pictures)
    })();
    let pictures = match rendered {
        Ok(pictures) => pictures,
        Err(error) => {
            eprintln!("{}", crate::tr!(super::language(), "cli-board-failed", reason = error.to_string()));
            return ExitCode::FAILURE;
        }
    };
    let language = args.client_language.unwrap_or_else(super::language);
    let tiles: Vec<_> = designs
        .iter()
        .zip(pictures)
        .map(|(design, picture)| {
            let (headline, figures) = variant_label(&designs[0], design, prices.as_ref(), language);
            BoardTile { picture, name: design.name.clone(), headline, figures }
        })
        .collect();
    match crate::png::save_png(&comparison_board(&tiles), &args.output) {
        Ok(()) => {
            println!("{}", args.output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            let reason = error.in_language(super::language());
            eprintln!("{}", crate::tr!(super::language(), "cli-board-failed", reason = reason));
            ExitCode::FAILURE
        }
    }
}
