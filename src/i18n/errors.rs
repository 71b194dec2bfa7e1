//! The core's errors in the reader's language: "Le fichier bague.ron, ligne 3, colonne 12 : …". The core's own
//! `Display` (English, for logs and tools) stays as it is; what a person reads in the studio comes from here. A
//! third party's words inside an error (the RON parser's, the system's) are quoted as they come.

use super::{Arg, Language, format};
use crate::design::DesignError;
use crate::design::preset::{OLDEST_READABLE_VERSION, PRESET_VERSION, PresetError};
use crate::tr;

/// What went wrong, said in a language, made when it is shown (the status line follows a change of language).
#[derive(Clone)]
pub struct Said(std::sync::Arc<dyn Fn(Language) -> String + Send + Sync>);

impl Said {
    pub fn new(words: impl Fn(Language) -> String + Send + Sync + 'static) -> Said {
        Said(std::sync::Arc::new(words))
    }

    /// A message of the locale files with its arguments.
    pub fn message(key: &'static str, args: Vec<(&'static str, Arg)>) -> Said {
        Said::new(move |l| l.tr_with(key, &args))
    }

    /// Words that come already made (a child process's last line, a third party's message): shown as they are.
    pub fn as_written(text: impl Into<String>) -> Said {
        let text = text.into();
        Said::new(move |_| text.clone())
    }

    pub fn in_language(&self, language: Language) -> String {
        (self.0)(language)
    }
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.in_language(Language::English))
    }
}

/// `Said::message` with named arguments: `said!("key", name = value, …)`.
#[macro_export]
macro_rules! said {
    ($key:literal) => {
        $crate::i18n::errors::Said::message($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::errors::Said::message($key, vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// A design a bench cannot make, in a language.
pub fn design_error(l: Language, error: &DesignError) -> String {
    let mm = |v: f32| format::millimetres(l, v, 2);
    let n = |v: f32| format::number(l, f64::from(v), 0);
    match error {
        DesignError::StoneSize { value, min, max } => {
            tr!(l, "error-stone-size", value = mm(*value), min = mm(*min), max = mm(*max))
        }
        DesignError::ThreeStoneSize { value, max } => {
            tr!(l, "error-three-stone-size", value = mm(*value), max = mm(*max))
        }
        DesignError::RingSize { value, min, max } => {
            tr!(l, "error-ring-size", value = mm(*value), min = n(*min), max = n(*max))
        }
        DesignError::EngravingTooLong { count, max } => tr!(l, "error-engraving-length", count = *count, max = *max),
        DesignError::EngravingCharacter(c) => tr!(l, "error-engraving-character", character = c.to_string()),
        DesignError::Name { max } => tr!(l, "error-name", max = *max),
        DesignError::ChainLength { value, min, max } => {
            tr!(l, "error-chain-length", value = mm(*value), min = mm(*min), max = mm(*max))
        }
        DesignError::Carat(value) => tr!(l, "error-carat", value = format::number(l, f64::from(*value), 2)),
        DesignError::VariantCount { count, max } => tr!(l, "error-variant-count", count = *count, max = *max),
        DesignError::NoVariant(index) => tr!(l, "error-no-variant", variant = (index + 1).to_string()),
        DesignError::LastVariant => tr!(l, "error-last-variant"),
    }
}

/// A preset that cannot be read or saved, in a language: the file, the line and column where it is known, what.
pub fn preset_error(l: Language, error: &PresetError) -> String {
    let at = |path: &str, line: &usize, column: &usize, what: String| {
        tr!(l, "error-at", file = path, line = line.to_string(), column = column.to_string(), what = what)
    };
    let whole = |path: &str, what: String| tr!(l, "error-in-file", file = path, what = what);
    match error {
        PresetError::Read { path, source } => whole(path, tr!(l, "error-cannot-read", reason = source.to_string())),
        PresetError::Empty { path } => whole(path, tr!(l, "error-empty")),
        PresetError::TooLarge { path, size, max } => {
            whole(path, tr!(l, "error-too-large", size = size.to_string(), max = max.to_string()))
        }
        PresetError::NotUtf8 { path, line, column, byte } => {
            at(path, line, column, tr!(l, "error-not-utf8", byte = format!("0x{byte:02x}")))
        }
        PresetError::Syntax { path, line, column, message } => at(path, line, column, message.clone()),
        PresetError::MissingVersion { path } => whole(path, tr!(l, "error-no-version", version = PRESET_VERSION)),
        PresetError::UnsupportedVersion { path, line, column, found } => at(
            path,
            line,
            column,
            tr!(l, "error-version", found = *found, oldest = OLDEST_READABLE_VERSION, newest = PRESET_VERSION),
        ),
        PresetError::Invalid { path, line, column, source } => at(path, line, column, design_error(l, source)),
        PresetError::Write { path, source } => whole(path, tr!(l, "error-cannot-save", reason = source.to_string())),
        PresetError::NotSaved { path, source } => {
            whole(path, tr!(l, "error-not-makeable", reason = design_error(l, source)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_preset_is_told_in_french_with_its_file_line_and_column() {
        let error = PresetError::Invalid {
            path: "bague.ron".into(),
            line: 3,
            column: 12,
            source: DesignError::StoneSize { value: 25.0, min: 2.0, max: 20.0 },
        };
        let nb = '\u{a0}';
        assert_eq!(
            preset_error(Language::French, &error),
            format!(
                "Le fichier bague.ron, ligne 3, colonne 12{nb}: la pierre mesure 25,00{nb}mm, hors de 2,00{nb}mm à 20,00{nb}mm"
            )
        );
        assert_eq!(
            preset_error(Language::English, &error),
            "bague.ron:3:12: stone length 25.00 mm is outside 2.00 mm to 20.00 mm"
        );
        let said = Said::new(move |l| preset_error(l, &PresetError::Empty { path: "x.ron".into() }));
        assert_ne!(said.in_language(Language::French), said.in_language(Language::English), "made when shown");
    }
}
