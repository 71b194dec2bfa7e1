//! The bench sheet with its renders: the views from above and from the side made offscreen by the `Exporter`, then
//! the sheet laid out by the core (`documents::bench`). Used by `ecrin bench-sheet`; the approval pack makes the
//! sheet from the views it has already rendered.

use crate::approval::View;
use crate::design::Design;
use crate::documents::bench::{BenchSheet, BenchSheetError, bench_sheet_pdf};
use crate::i18n::Language;
use crate::studio::export::{ExportError, ExportSettings, Exporter};
use crate::studio::headless::Framing;
use crate::workshop::{Finding, checks};

/// Why a bench sheet with its renders was not made.
#[derive(Debug, thiserror::Error)]
pub enum RenderedSheetError {
    #[error(transparent)]
    Render(#[from] ExportError),
    #[error(transparent)]
    Sheet(#[from] BenchSheetError),
}

impl RenderedSheetError {
    pub fn in_language(&self, l: Language) -> String {
        match self {
            RenderedSheetError::Render(error) => error.in_language(l),
            RenderedSheetError::Sheet(error) => error.in_language(l),
        }
    }
}

/// The views the bench sheet shows, in its order.
pub const SHEET_VIEWS: [View; 2] = [View::Top, View::Side];

/// The bench sheet of a design as a PDF, in `language`, with views rendered at `settings`. A design under a hard
/// limit is refused before anything is rendered.
pub fn rendered_bench_sheet(
    design: &Design,
    settings: ExportSettings,
    language: Language,
) -> Result<Vec<u8>, RenderedSheetError> {
    let hard: Vec<Finding> = checks(design).iter().copied().filter(Finding::is_hard).collect();
    if !hard.is_empty() {
        return Err(BenchSheetError::HardLimits(hard).into());
    }
    // A necklace's views are of its pendant, not of the bust it hangs on.
    let framing = if design.necklace.is_some() { Framing::Stone } else { settings.framing };
    let mut exporter = Exporter::new(design.clone(), ExportSettings { framing, ..settings })?;
    let mut pictures = Vec::new();
    for view in SHEET_VIEWS {
        if let Some(picture) = exporter.render(view, &mut || true)? {
            pictures.push((view.caption(language), picture));
        }
    }
    exporter.finish();
    let date = crate::i18n::format::date_of(language, crate::design::journal::now());
    let views = pictures.iter().map(|(caption, picture)| (caption.clone(), picture)).collect();
    Ok(bench_sheet_pdf(&BenchSheet { design, views, date, language })?)
}
