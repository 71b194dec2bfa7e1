//! `ecrin export-model`: the metal of a preset for the bench, as STL or 3MF in millimetres, with the stone list
//! beside it (`workshop::files`); a design under a workshop's hard limit is refused with each limit and its source.

use super::language;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ExportModelArgs {
    /// The design (a preset; a house's model is loaded from the collection).
    pub preset: PathBuf,
    /// The metal's file: .stl or .3mf (the stone list is written beside it).
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: ExportModelArgs) -> ExitCode {
    let l = language();
    let design = match super::or_bad_input(super::load_preset(&args.preset)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    match crate::workshop::write_bench_files(&design, &args.output) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(error @ crate::workshop::BenchFileError::Format(_)) => {
            eprintln!("{}", error.in_language(l));
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("{}", error.in_language(l));
            ExitCode::FAILURE
        }
    }
}
