//! Words, made at the edges, in the reader's language: what the studio, the documents and the CLI say about data
//! (a journal entry, a variant's difference, a spec row). Every word comes from a Fluent bundle per language
//! (`assets/locales/<code>.ftl`, embedded in the binary: `bundle`); numbers, weights, prices and dates are formatted
//! for the language by ICU4X (`format`); the design's vocabulary — alloys, cuts, settings… — is named from its
//! enums (`terms`). Nothing below this layer — design, geometry, estimates — holds a sentence to translate.

mod bundle;
pub mod errors;
pub mod format;
pub mod journal;
mod suggest;
pub mod terms;
#[cfg(test)]
pub(crate) mod tests;
mod tryon;
pub mod workshop;

pub use bundle::Arg;
pub use terms::Term;

use serde::{Deserialize, Serialize};

/// A language Écrin speaks: the advisor's (the studio) or the client's (the approval pack, the board picture).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    French,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::French, Language::English];

    /// The BCP 47 code: "en", "fr" (also the locale file's name).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
        }
    }

    /// The language's name in itself, as a language menu shows it ("Français", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
        }
    }

    /// A language from a locale tag or a POSIX locale: "fr", "fr-CA", "fr_FR.UTF-8", "en_GB" (`None`: not one of
    /// Écrin's).
    pub fn parse(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|language| language.code() == primary)
    }

    /// The system's language (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them); English when none of
    /// them names a language Écrin speaks.
    pub fn from_environment() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Language::parse(&value))
            .unwrap_or_default()
    }

    /// Whether the locale files have the message `key`.
    pub fn has(self, key: &str) -> bool {
        bundle::has(self, key)
    }

    /// The message `key` in this language, without arguments.
    pub fn tr(self, key: &str) -> String {
        bundle::message(self, key, &[])
    }

    /// The message `key` in this language with its arguments (`tr!` builds the list).
    pub fn tr_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        bundle::message(self, key, args)
    }

    /// A term of the design's vocabulary in this language ("Or jaune 18 carats (750/1000)", "Serti clos").
    pub fn term<T: Term>(self, term: T) -> String {
        self.tr(&terms::key(term))
    }

    /// A term inside a sentence, its first letter in lower case ("tête en or gris rhodié", "head in platinum 950").
    pub fn term_in_sentence<T: Term>(self, term: T) -> String {
        let words = self.term(term);
        let mut letters = words.chars();
        match letters.next() {
            Some(first) => first.to_lowercase().chain(letters).collect(),
            None => words,
        }
    }

    /// A term's short form where room is scarce (a metal swatch: "Or gris 18K"), else the term.
    pub fn short_term<T: Term>(self, term: T) -> String {
        bundle::attribute(self, &terms::key(term), "short")
    }
}

/// The ring-size system of a locale's country ("en_US" → US, "en_GB" or "en_IE" → UK letters, "ja_JP" → JP; the
/// rest of Europe and a locale without a country → EU, the tour de doigt): what a new design shows first.
pub fn size_system_of(tag: &str) -> crate::design::ring_size::SizeSystem {
    use crate::design::ring_size::SizeSystem;
    let region = tag.split(['.', '@']).next().and_then(|t| t.split(['-', '_']).nth(1)).unwrap_or("");
    match region.to_ascii_uppercase().as_str() {
        "US" | "CA" | "MX" => SizeSystem::Us,
        "GB" | "IE" | "AU" | "NZ" | "ZA" => SizeSystem::Uk,
        "JP" => SizeSystem::Jp,
        _ => SizeSystem::Eu,
    }
}

/// The ring-size system of the system's locale (see `size_system_of`).
pub fn local_size_system() -> crate::design::ring_size::SizeSystem {
    let tag =
        ["LC_ALL", "LC_MEASUREMENT", "LANG"].into_iter().filter_map(|n| std::env::var(n).ok()).find(|v| !v.is_empty());
    size_system_of(&tag.unwrap_or_default())
}

/// The language of this process's own messages: the command line's `--lang` once it is set, else the system's.
pub fn process_language() -> Language {
    match PROCESS_LANGUAGE.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Language::English,
        2 => Language::French,
        _ => Language::from_environment(),
    }
}

/// Sets the process's language (the command line's `--lang`).
pub fn set_process_language(language: Language) {
    let code = match language {
        Language::English => 1,
        Language::French => 2,
    };
    PROCESS_LANGUAGE.store(code, std::sync::atomic::Ordering::Relaxed);
}

/// 0: not set (the system's), 1: English, 2: French.
static PROCESS_LANGUAGE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// A message in a language: `tr!(lang, "key")` or `tr!(lang, "key", name = value, …)`; values are `Arg`s (text, or
/// a count that selects a plural form).
#[macro_export]
macro_rules! tr {
    ($language:expr, $key:literal) => {
        $language.tr($key)
    };
    ($language:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $language.tr_with($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}
