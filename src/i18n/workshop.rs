//! The workshop's findings in the reader's language: what was measured, its figure, the limit and its source.

use super::{Language, format};
use crate::tr;
use crate::workshop::limits::{Rule, Unit};
use crate::workshop::{BenchFileError, Finding};

/// A figure of a rule in its unit: "0.45 mm", "68 %".
pub fn figure(l: Language, rule: Rule, value: f32) -> String {
    match rule.unit() {
        Unit::Millimetres => format::millimetres(l, value, 2),
        Unit::Share => tr!(l, "workshop-percent", value = format::number(l, f64::from(value) * 100.0, 0)),
    }
}

impl Finding {
    /// "Prongs (thinnest): 0.45 mm, under 0.60 mm (Gemwares, CAD file requirements): to fix before the bench".
    pub fn in_language(&self, l: Language) -> String {
        let what = l.tr(self.rule.key());
        let measured = figure(l, self.rule, self.measured);
        match self.broken {
            Some(limit) => {
                let (least, source) = (figure(l, self.rule, limit.least), l.tr(limit.source.key()));
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
                let least = self.rule.limits().iter().map(|limit| limit.least).fold(f32::MIN, f32::max);
                tr!(l, "workshop-passes", what = what, measured = measured, least = figure(l, self.rule, least))
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
