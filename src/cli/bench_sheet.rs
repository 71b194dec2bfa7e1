//! `ecrin bench-sheet`: the bench sheet of a preset as a PDF (A4, the --lang language): renders with the piece's
//! size, the sections to scale with their dimensions, the stones, the metal to cast, the engraving, the checks. A
//! design under a workshop's hard limit is refused with each limit and its source (exit 1).

use super::language;
use crate::studio::export::ExportSettings;
use crate::studio::lighting::Presentation;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct BenchSheetArgs {
    /// The design (a preset; a house's model is loaded from the collection).
    pub preset: PathBuf,
    /// The PDF to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Side of the renders on the sheet, pixels.
    #[arg(long, default_value_t = 768)]
    pub size: u32,
}

pub fn run(args: BenchSheetArgs) -> ExitCode {
    let l = language();
    let design = match super::or_bad_input(super::load_preset(&args.preset)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    if let Err(error) = crate::atomic_file::check_output(&args.output) {
        let file = args.output.display().to_string();
        eprintln!("{}", crate::tr!(l, "error-in-file", file = file, what = error.to_string()));
        return ExitCode::from(2);
    }
    let settings = ExportSettings::new(args.size, Presentation::default());
    let bytes = match crate::studio::workshop::sheet::rendered_bench_sheet(&design, settings, l) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}", error.in_language(l));
            return ExitCode::FAILURE;
        }
    };
    match crate::atomic_file::write_atomically(&args.output, &bytes) {
        Ok(()) => {
            println!("{}", args.output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            let (file, reason) = (args.output.display().to_string(), error.to_string());
            eprintln!("{}", crate::tr!(l, "cli-cannot-write-file", file = file, reason = reason));
            ExitCode::FAILURE
        }
    }
}
