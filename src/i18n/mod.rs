//! Words, made at the edges: what the studio, the documents and the CLI say about data (a journal entry, a
//! variant's difference). Today in English only; the languages of the boutique and its clients go here (one
//! bundle per language), and nothing below this layer — design, geometry, estimates — holds a sentence to translate.

pub mod journal;
