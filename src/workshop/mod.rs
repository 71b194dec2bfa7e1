//! What a workshop checks before it makes a piece (no Bevy): the limits it trusts with their sources (`limits.rs`)
//! and the measures of a design against them (`checks.rs`), read from the Assembly — the studio's panel, `ecrin
//! check` and the hand-offs to the bench read the same findings — and the files the bench receives (`files.rs`:
//! the metal as STL or 3MF, the stone list), refused under a hard limit.

pub mod checks;
pub mod files;
pub mod limits;
pub mod stones;
pub mod thickness;

pub use checks::{Finding, breaks_a_hard_limit, checks};
pub use files::{BenchFileError, write_bench_files};
