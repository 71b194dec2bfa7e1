//! What a workshop checks before it makes a piece (no Bevy): the limits it trusts with their sources (`limits.rs`)
//! and the measures of a design against them (`checks.rs`), read from the Assembly — the studio's panel, `ecrin
//! check` and the hand-offs to the bench read the same findings.

pub mod checks;
pub mod limits;

pub use checks::{Finding, breaks_a_hard_limit, checks};
