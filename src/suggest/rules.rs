//! The house's word on proposals (`proposals.ron`, beside the price list): whether Écrin proposes at all, and which
//! alternatives it never proposes ("no lab-grown diamonds", "no 9 carats"). Read and checked like the price list:
//! a broken file is named with its line and what is wrong, and proposals stay off until it is mended.

use crate::design::{Alloy, Setting, ShankStyle, Species};
use serde::{Deserialize, Serialize};
use std::path::Path;
use thiserror::Error;

/// An alternative the house never proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Never {
    /// This alloy (`Alloy(Yellow9ct)`).
    Alloy(Alloy),
    /// This species, for the centre or the side stones (`Species(LabGrownDiamond)`).
    Species(Species),
    Setting(Setting),
    /// This band (`Band(KnifeEdge)`).
    Band(ShankStyle),
    /// A smaller centre stone.
    SmallerStone,
    /// A metal of another colour (yellow, white, rose, silver).
    OtherMetalColour,
}

/// The house's proposal settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalRules {
    pub version: u32,
    /// Whether Écrin proposes alternatives at all (false: the studio shows no proposals, `ecrin suggest` refuses).
    pub proposals: bool,
    #[serde(default)]
    pub never: Vec<Never>,
}

impl Default for ProposalRules {
    fn default() -> Self {
        ProposalRules { version: 1, proposals: true, never: Vec::new() }
    }
}

/// Why a proposal settings file cannot be used.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum RulesError {
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}:{line}:{column}: {reason}")]
    Syntax { path: String, line: usize, column: usize, reason: String },
    #[error("{path}: version {found} is not supported (this Écrin reads version 1)")]
    Version { path: String, found: u32 },
}

impl ProposalRules {
    /// Reads and checks a proposal settings file.
    pub fn load(path: &Path) -> Result<ProposalRules, RulesError> {
        let shown = path.display().to_string();
        let text = crate::atomic_file::read_text(path, 64 * 1024)
            .map_err(|e| RulesError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
        ProposalRules::parse(&text).map_err(|error| match error {
            ParseError::Syntax { line, column, reason } => RulesError::Syntax { path: shown, line, column, reason },
            ParseError::Version(found) => RulesError::Version { path: shown, found },
        })
    }

    fn parse(text: &str) -> Result<ProposalRules, ParseError> {
        let rules: ProposalRules = ron::from_str(text).map_err(|e| ParseError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            reason: crate::design::preset::syntax_reason(&e.code),
        })?;
        if rules.version != 1 {
            return Err(ParseError::Version(rules.version));
        }
        Ok(rules)
    }
}

enum ParseError {
    Syntax { line: usize, column: usize, reason: String },
    Version(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_sample_reads_and_broken_files_are_named_at_their_line() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/proposals.ron");
        let rules = ProposalRules::load(&sample).expect("the sample reads");
        assert!(rules.proposals && rules.never.is_empty(), "{rules:?}");
        let parsed = ProposalRules::parse("(version: 1, proposals: true, never: [Alloy(Yellow9ct), SmallerStone])");
        assert_eq!(parsed.ok().map(|r| r.never), Some(vec![Never::Alloy(Alloy::Yellow9ct), Never::SmallerStone]));
        let path = std::env::temp_dir().join(format!("ecrin-proposals-{}.ron", std::process::id()));
        std::fs::write(&path, "(version: 1,\n proposals: true,\n never: [Alloy(Gold24k)])").expect("write");
        match ProposalRules::load(&path) {
            Err(RulesError::Syntax { path: named, line, .. }) => {
                assert_eq!(named, path.display().to_string());
                assert_eq!(line, 3);
            }
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, "(version: 2, proposals: true)").expect("write");
        assert!(matches!(ProposalRules::load(&path), Err(RulesError::Version { found: 2, .. })));
        let _ = std::fs::remove_file(&path);
    }
}
