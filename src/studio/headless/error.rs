//! Why the offscreen renderer could not give a picture, and that in the reader's language.

/// Why the offscreen renderer could not give a picture.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OffscreenError {
    /// A model of the library could not be loaded (its path is in the message).
    #[error("{0}")]
    Loading(String),
    #[error("the renderer stopped")]
    Stopped,
    #[error("{what:?} after {frames} frames")]
    TooManyFrames { what: Awaited, frames: u64 },
    #[error("no offscreen {0}")]
    Missing(&'static str),
    #[error("cannot read the rendered image: {0}")]
    Unreadable(String),
    #[error("the rendered image never came back from the GPU")]
    NoPicture,
}

/// What the offscreen renderer waited for in vain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaited {
    /// The board's pieces to be composed.
    BoardComposed,
    /// The studio to be ready.
    StudioReady,
    /// The pipelines to be compiled.
    Pipelines,
}

impl OffscreenError {
    /// The failure in a language (the renderer's own words quoted).
    pub fn in_language(&self, l: crate::i18n::Language) -> String {
        use crate::tr;
        match self {
            OffscreenError::Loading(words) => words.clone(),
            OffscreenError::Stopped => tr!(l, "render-stopped"),
            OffscreenError::TooManyFrames { what, frames } => {
                let frames = frames.to_string();
                match what {
                    Awaited::BoardComposed => tr!(l, "render-board-not-composed", frames = frames),
                    Awaited::StudioReady => tr!(l, "render-studio-not-ready", frames = frames),
                    Awaited::Pipelines => tr!(l, "render-pipelines-compiling", frames = frames),
                }
            }
            OffscreenError::Missing(what) => tr!(l, "render-missing", what = *what),
            OffscreenError::Unreadable(reason) => tr!(l, "render-unreadable", reason = reason),
            OffscreenError::NoPicture => tr!(l, "render-no-picture"),
        }
    }
}
