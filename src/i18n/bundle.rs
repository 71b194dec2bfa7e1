//! The Fluent bundles, one per language, built once from the locale files embedded in the binary
//! (`assets/locales/<code>.ftl`). Messages are formatted without Unicode isolation marks (the fonts Écrin draws
//! with have no glyph for them). A key missing from a bundle shows as the key itself — never a crash — and the
//! tests fail on it (`i18n::tests`).

use super::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The locale files, by language.
pub(super) fn source(language: Language) -> &'static str {
    match language {
        Language::English => include_str!("../../assets/locales/en.ftl"),
        Language::French => include_str!("../../assets/locales/fr.ftl"),
    }
}

/// A message's argument: text shown as it is (already formatted for the language), or a count that selects a
/// plural form.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(count: usize) -> Arg {
        Arg::Count(i64::try_from(count).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(count: u32) -> Arg {
        Arg::Count(i64::from(count))
    }
}

type Bundle = FluentBundle<FluentResource>;

fn build(language: Language) -> Bundle {
    let tag = language.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    bundle.set_use_isolating(false);
    // A syntax error keeps the messages that parsed; the tests parse every file strictly.
    let resource = FluentResource::try_new(source(language).to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let [english, french] = BUNDLES.get_or_init(|| [build(Language::English), build(Language::French)]);
    match language {
        Language::English => english,
        Language::French => french,
    }
}

/// Whether a bundle has a message.
pub(super) fn has(language: Language, key: &str) -> bool {
    bundle(language).has_message(key)
}

/// The message `key` formatted with `args`; the key itself when the bundle lacks it.
pub(super) fn message(language: Language, key: &str, args: &[(&str, Arg)]) -> String {
    formatted(language, key, None, args)
}

/// An attribute of a message (`key.attribute`), or the message itself when it has no such attribute.
pub(super) fn attribute(language: Language, key: &str, attribute: &str) -> String {
    formatted(language, key, Some(attribute), &[])
}

fn formatted(language: Language, key: &str, attribute: Option<&str>, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(language);
    let Some(message) = bundle.get_message(key) else {
        return key.to_string();
    };
    let pattern = attribute.and_then(|a| message.get_attribute(a)).map(|a| a.value()).or_else(|| message.value());
    let Some(pattern) = pattern else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Count(count) => fluent_args.set(*name, FluentValue::from(*count)),
        }
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}
