//! The languages the studio speaks: the advisor's (the studio's words) and the client's (the client's screen, the
//! approval pack, the board picture). `language/` changes them and keeps them in the settings.

use crate::i18n::Language;
use bevy::prelude::*;

/// The advisor's language and the client's.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Languages {
    /// What the studio says.
    pub advisor: Language,
    /// What the approval pack and the board picture say.
    pub client: Language,
}

impl Default for Languages {
    fn default() -> Self {
        let system = Language::from_environment();
        Languages { advisor: system, client: system }
    }
}
