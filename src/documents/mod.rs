//! The documents a design leaves the studio with, as PDF (no Bevy): the client's approval sheet (`approval`, the
//! PNG sheet's content with real text) and the workshop's bench sheet (`bench`: dimensioned views, the section
//! through the centre stone and the shank, the stones, the metal to cast, the engraving, the checks). Both are laid
//! out on A4 pages in millimetres (`page`) and written as PDF/A-2b with the shipped fonts embedded.

pub mod approval;
pub mod bench;
pub mod drawing;
pub mod page;

pub use approval::approval_pdf;
pub use bench::{BenchSheet, bench_sheet_pdf};

/// A PDF that could not be written (a bug in the layout or the build, never the user's data).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the shipped fonts could not be read")]
    Fonts,
    #[error("the page has no size")]
    PageSize,
    /// krilla's reason (a validation of PDF/A, a limit of the format).
    #[error("the PDF could not be written: {0}")]
    Writer(String),
}
