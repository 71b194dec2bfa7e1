//! `ecrin collection add | list | remove | new-design | combine | thumbnails`: the house's collection from the command line
//! (scripts, tests, a designer's batch of models, the studio's library pictures).

use crate::collection::{Collection, CollectionError, current, design_of};
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
        #[command(flatten)]
        what: super::model_args::ModelArgs,
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
    /// Set a head of the collection on a band of the collection: one ring, added as a new model; prints its id.
    Combine {
        band: String,
        head: String,
        /// The house's name for the ring (default: "HEAD on BAND").
        #[arg(long)]
        name: Option<String>,
    },
    /// Render the thumbnail of every model that has none yet (the studio's library shows them); prints each file.
    Thumbnails {
        /// Width and height, pixels.
        #[arg(long, default_value_t = THUMBNAIL_PX)]
        size: u32,
    },
}

/// The library's thumbnails: square, this many pixels.
pub const THUMBNAIL_PX: u32 = 128;

/// Renders the missing thumbnails with one renderer: each model as the house made it, framed whole from three
/// quarters, written atomically under `thumbnails/`. The paths written, or the first failure.
pub fn render_thumbnails(collection: &Collection, size: u32) -> Result<Vec<PathBuf>, String> {
    use crate::studio::export::{ExportSettings, Exporter};
    let missing = collection.without_thumbnail();
    let Some(first) = missing.first() else { return Ok(Vec::new()) };
    let mut settings = ExportSettings::new(size, crate::studio::lighting::Presentation::default());
    settings.supersample = 2;
    let mut exporter: Option<Exporter> = None;
    let mut written = Vec::new();
    for manifest in &missing {
        let design = design_of(manifest);
        let l = super::language();
        collection.prepare_with(&design, &Default::default()).map_err(|e| e.in_language(l))?;
        let exporter = match exporter.as_mut() {
            Some(exporter) => {
                exporter.show(design).map_err(|e| e.in_language(l))?;
                exporter
            }
            None => exporter.insert(Exporter::new(design, settings).map_err(|e| e.in_language(l))?),
        };
        let picture = exporter
            .render(crate::approval::View::ThreeQuarter, &mut || true)
            .map_err(|e| e.in_language(l))?
            .ok_or_else(|| crate::tr!(super::language(), "cli-thumbnail-stopped", id = &first.id))?;
        let path = collection.thumbnail_path(manifest);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                crate::tr!(
                    l,
                    "status-cannot-create-folder",
                    folder = folder.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        }
        crate::png::save_png(&picture, &path).map_err(|e| e.in_language(l))?;
        written.push(path);
    }
    if let Some(exporter) = exporter {
        exporter.finish();
    }
    Ok(written)
}

fn fail(error: CollectionError) -> ExitCode {
    eprintln!("{}", error.in_language(super::language()));
    ExitCode::from(2)
}

pub fn run(command: CollectionCommand) -> ExitCode {
    let collection = current();
    match command {
        CollectionCommand::Add { model, name, what } => {
            match collection.add_as(&model, name.as_deref(), &what.corrections()) {
                Ok(manifest) => {
                    println!("{}", manifest.id);
                    ExitCode::SUCCESS
                }
                // The option that gave it is named: the name was checked before the model was read.
                Err(error @ CollectionError::Name { .. }) => {
                    eprintln!("--name: {}", error.in_language(super::language()));
                    ExitCode::from(2)
                }
                Err(error) => fail(error),
            }
        }
        CollectionCommand::List => {
            let mut all_good = true;
            for entry in collection.list() {
                match entry {
                    Ok(m) => {
                        let l = super::language();
                        let size = m.setup.inner_diameter_mm.map(|d| crate::i18n::format::millimetres(l, d, 2));
                        let size = size.map(|size| crate::tr!(l, "cli-collection-inner", size = size));
                        let what = crate::tr!(
                            l,
                            "cli-collection-what",
                            kind = l.term_in_sentence(m.setup.kind),
                            units = &m.setup.units,
                            file = &m.original_file,
                            size = size.unwrap_or_default(),
                            count = m.setup.stones.len()
                        );
                        println!("{}\t{}\t{what}", m.id, m.name);
                    }
                    Err(error) => {
                        all_good = false;
                        eprintln!("{}", error.in_language(super::language()));
                    }
                }
            }
            if all_good { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        CollectionCommand::Remove { id } => match collection.remove(&id) {
            Ok(manifest) => {
                println!(
                    "{}",
                    crate::tr!(super::language(), "cli-collection-removed", id = &manifest.id, name = &manifest.name)
                );
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
                    eprintln!("{}", error.in_language(super::language()));
                    ExitCode::from(2)
                }
            },
            Err(error) => fail(error),
        },
        CollectionCommand::Combine { band, head, name } => match collection.combine(&band, &head, name.as_deref()) {
            Ok(manifest) => {
                println!("{}", manifest.id);
                ExitCode::SUCCESS
            }
            Err(error) => fail(error),
        },
        CollectionCommand::Thumbnails { size } => match render_thumbnails(&collection, size.clamp(16, 1024)) {
            Ok(written) => {
                for path in written {
                    println!("{}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", crate::tr!(super::language(), "cli-thumbnails-failed", reason = error));
                ExitCode::FAILURE
            }
        },
    }
}
