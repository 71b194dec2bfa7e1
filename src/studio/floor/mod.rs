//! The studio's floor: what every feature may read and nothing above it — the open document and its status line
//! (`document.rs`), the languages (`languages.rs`), the user's folders and files (`files.rs`), small shared egui
//! pieces (`widgets.rs`), work off the frame (`background.rs`), the library's loaded models (`models.rs`), the
//! pictures kept with the client's consent (`kept.rs`), the candidates the board shows beside the variants
//! (`candidates.rs`), the carrier of the features' commands (`commands.rs`) and the assets folder as the asset
//! server reads it (`asset_files.rs`). The floor imports no feature:
//! `src/layering.rs` fails otherwise.

pub mod asset_files;
pub mod background;
pub mod candidates;
pub mod commands;
pub mod document;
pub mod files;
pub mod kept;
pub mod languages;
pub mod models;
pub mod widgets;

pub use candidates::BoardCandidates;
pub use document::{CurrentDesign, StatusLine};
pub use kept::KeptPictures;
pub use languages::Languages;
