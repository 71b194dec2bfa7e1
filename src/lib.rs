//! Écrin — a desktop jewellery co-design studio: the Bevy-free core and the Bevy studio on top.
//!
//! Core layers, each using only those before it: `design` (the vocabulary) ← `geometry` (components and the
//! Assembly) ← `optics`, `estimate` ← `i18n` (words) ← `approval`. `studio` and `cli` sit on top.

pub mod approval;
pub mod atomic_file;
pub mod bake_cache;
pub mod cli;
pub mod collection;
pub mod colour;
pub mod design;
pub mod documents;
pub mod estimate;
pub mod geometry;
pub mod i18n;
#[cfg(test)]
mod layering;
pub mod memo;
pub mod optics;
pub mod png;
pub mod progress;
pub mod scene;
pub mod seeded;
pub mod sizer;
pub mod studio;
pub mod suggest;
pub mod tryon;
pub mod video;
pub mod workshop;
