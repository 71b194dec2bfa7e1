//! `ecrin collection add | list | remove | new-design`: the house's collection from the command line (scripts,
//! tests, a designer's batch of models).

use crate::collection::{CollectionError, current};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum CollectionCommand {
    /// Analyse a model and add it to the collection (a copy named by its hash, and its manifest); prints its id.
    Add {
        model: PathBuf,
        /// The house's name for it (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// The collection's models: id, name, what each is, its stones.
    List,
    /// Remove a model (its manifest; its file when no other model uses it).
    Remove { id: String },
    /// Write a preset of a model as the house made it, to start designs (and tests) from.
    NewDesign {
        id: String,
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn fail(error: CollectionError) -> ExitCode {
    eprintln!("{error}");
    ExitCode::from(2)
}

pub fn run(command: CollectionCommand) -> ExitCode {
    let collection = current();
    match command {
        CollectionCommand::Add { model, name } => match collection.add(&model, name.as_deref(), None) {
            Ok(manifest) => {
                println!("{}", manifest.id);
                ExitCode::SUCCESS
            }
            Err(error) => fail(error),
        },
        CollectionCommand::List => {
            let mut all_good = true;
            for entry in collection.list() {
                match entry {
                    Ok(m) => {
                        let stones = m.setup.stones.len();
                        let size =
                            m.setup.inner_diameter_mm.map(|d| format!(", inner ⌀ {d:.2} mm")).unwrap_or_default();
                        println!(
                            "{}\t{}\t{} in {} ({}{size}), {stones} stones",
                            m.id,
                            m.name,
                            m.setup.kind.word(),
                            m.setup.units,
                            m.original_file
                        );
                    }
                    Err(error) => {
                        all_good = false;
                        eprintln!("{error}");
                    }
                }
            }
            if all_good { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        CollectionCommand::Remove { id } => match collection.remove(&id) {
            Ok(manifest) => {
                println!("removed {} ({})", manifest.id, manifest.name);
                ExitCode::SUCCESS
            }
            Err(error) => fail(error),
        },
        CollectionCommand::NewDesign { id, output } => match collection.new_design(&id) {
            Ok(design) => match crate::design::preset::save(&output, &design) {
                Ok(()) => {
                    println!("{}", output.display());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("{error}");
                    ExitCode::from(2)
                }
            },
            Err(error) => fail(error),
        },
    }
}
