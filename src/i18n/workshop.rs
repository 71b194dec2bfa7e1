//! The workshop's findings in the reader's language: what was measured, its figure, the limit and its source.

use super::{Language, format};
use crate::tr;
use crate::workshop::{BenchFileError, Finding};

impl Finding {
    /// "Prongs (thinnest): 0.45 mm, under 0.60 mm (Gemwares, CAD file requirements): to fix before the bench".
    pub fn in_language(&self, l: Language) -> String {
        let what = l.tr(self.rule.key());
        let measured = format::millimetres(l, self.measured_mm, 2);
        match self.broken {
            Some(limit) => {
                let (least, source) = (format::millimetres(l, limit.min_mm, 2), l.tr(limit.source.key()));
                let key = if limit.hard { "workshop-hard" } else { "workshop-soft" };
                l.tr_with(
                    key,
                    &[
                        ("what", what.into()),
                        ("measured", measured.into()),
                        ("least", least.into()),
                        ("source", source.into()),
                    ],
                )
            }
            None => {
                let least = self.rule.limits().iter().map(|limit| limit.min_mm).fold(0.0, f32::max);
                tr!(l, "workshop-passes", what = what, measured = measured, least = format::millimetres(l, least, 2))
            }
        }
    }
}

/// Why nothing goes to the bench: each hard limit the design is under, with its figure and source.
pub fn refused(l: Language, findings: &[Finding]) -> String {
    let each: Vec<String> = findings.iter().map(|f| f.in_language(l)).collect();
    tr!(l, "bench-files-refused", findings = each.join("; "))
}

impl BenchFileError {
    /// Why the bench's files were not written, naming the file, or each limit the design is under.
    pub fn in_language(&self, l: Language) -> String {
        match self {
            BenchFileError::HardLimits(findings) => refused(l, findings),
            BenchFileError::Format(path) => tr!(l, "bench-files-format", file = path.display().to_string()),
            BenchFileError::NoMetal => tr!(l, "bench-files-no-metal"),
            BenchFileError::Write { file, source } => {
                tr!(l, "cli-cannot-write-file", file = file.display().to_string(), reason = source.to_string())
            }
            BenchFileError::Encode { file, message } => {
                tr!(l, "cli-cannot-write-file", file = file.display().to_string(), reason = message.as_str())
            }
        }
    }
}
