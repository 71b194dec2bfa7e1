//! The locale files against each other and against the code: both parse strictly, hold the same messages with the
//! same attributes and the same variables; every term of the design's vocabulary has its message; every message
//! the code asks for by name exists, and every message is asked for somewhere; and no sentence a person reads is
//! written in the code instead of the locale files.

use super::{Language, bundle, terms};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message (and `message.attribute`) of a language's file with the variables it uses.
pub(crate) fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(bundle::source(language)) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", language.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                out.insert(message.id.name.to_string(), variables);
                for attribute in &message.attributes {
                    let mut variables = BTreeSet::new();
                    pattern_variables(&attribute.value, &mut variables);
                    out.insert(format!("{}.{}", message.id.name, attribute.id.name), variables);
                }
            }
            Entry::Junk { content } => panic!("{}.ftl: cannot read {content:?}", language.code()),
            _ => {}
        }
    }
    out
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Every source file of the crate but this one, with its text.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 50, "the sources were found");
    out
}

/// The keys the code names in `tr!(language, "key"…)`, `said!("key"…)`, `.tr("key")` and `.tr_with("key", …)`.
fn keys_asked_for(text: &str) -> Vec<String> {
    // Code only: comments show how to call (`tr!(lang, "key")`).
    let code: String = text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let text = code.as_str();
    let literal = |rest: &str| -> Option<String> {
        let rest = rest.trim_start().strip_prefix('"')?;
        Some(rest[..rest.find('"')?].to_string())
    };
    let mut keys = Vec::new();
    // `tr!(` as a word (not the end of `include_str!(`).
    let starts_word = |at: usize| !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
    for (at, _) in text.match_indices("tr!(").filter(|(at, _)| starts_word(*at)) {
        let rest = &text[at + 4..];
        keys.extend(rest.find(',').and_then(|comma| literal(&rest[comma + 1..])));
    }
    for (at, _) in text.match_indices("said!(").filter(|(at, _)| starts_word(*at)) {
        keys.extend(literal(&text[at + 6..]));
    }
    for marker in [".tr(", ".tr_with("] {
        keys.extend(text.match_indices(marker).filter_map(|(at, _)| literal(&text[at + marker.len()..])));
    }
    keys
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let (english, french) = (messages(Language::English), messages(Language::French));
    let only = |a: &BTreeMap<String, BTreeSet<String>>, b: &BTreeMap<String, BTreeSet<String>>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&english, &french), Vec::<String>::new(), "in en.ftl, missing from fr.ftl");
    assert_eq!(only(&french, &english), Vec::<String>::new(), "in fr.ftl, missing from en.ftl");
    for (key, variables) in &english {
        assert_eq!(Some(variables), french.get(key), "{key}: different variables in fr.ftl");
    }
}

#[test]
fn every_term_and_every_key_the_code_asks_for_exists() {
    for language in Language::ALL {
        for key in terms::all_keys() {
            assert!(bundle::has(language, &key), "{key} missing from {}.ftl", language.code());
        }
        for (file, text) in sources() {
            for key in keys_asked_for(&text) {
                assert!(bundle::has(language, &key), "{file} asks for {key:?}, missing from {}.ftl", language.code());
            }
        }
    }
}

#[test]
fn every_message_is_used() {
    let sources = sources();
    let terms: BTreeSet<String> = terms::all_keys().into_iter().collect();
    let unused: Vec<String> = messages(Language::English)
        .into_keys()
        .filter(|key| {
            let (message, attribute) = key.split_once('.').map_or((key.as_str(), None), |(m, a)| (m, Some(a)));
            // The command line's help is asked for by the command tree (checked in `cli::help`'s tests), the
            // shipped presets' titles by their file names (checked in `studio::presets`' tests).
            let command_tree = message.starts_with("help-ecrin")
                || message.starts_with("help-any--")
                || message.starts_with("sample-");
            let named = terms.contains(message)
                || command_tree
                || sources.iter().any(|(_, text)| text.contains(&format!("\"{message}\"")));
            // Attributes are asked for by a function that names them (`.short` by `Language::short_term`).
            let attribute_used =
                attribute.is_none_or(|a| sources.iter().any(|(_, text)| text.contains(&format!("\"{a}\""))));
            !(named && attribute_used)
        })
        .collect();
    assert_eq!(unused, Vec::<String>::new(), "messages nothing asks for");
}

#[test]
fn locale_tags_and_posix_locales_name_a_language() {
    assert_eq!(Language::parse("fr_FR.UTF-8"), Some(Language::French));
    assert_eq!(Language::parse("fr-CA"), Some(Language::French));
    assert_eq!(Language::parse("en_GB"), Some(Language::English));
    assert_eq!(Language::parse("C"), None);
    assert_eq!(Language::parse("de_DE"), None);
    assert_eq!(Language::French.term(crate::design::Setting::Bezel), "Serti clos");
    use crate::design::ring_size::SizeSystem;
    let systems = ["fr_FR.UTF-8", "en_US.UTF-8", "en_GB", "ja_JP.UTF-8", "de-DE", "fr", "C"].map(super::size_system_of);
    let expected = [
        SizeSystem::Eu,
        SizeSystem::Us,
        SizeSystem::Uk,
        SizeSystem::Jp,
        SizeSystem::Eu,
        SizeSystem::Eu,
        SizeSystem::Eu,
    ];
    assert_eq!(systems, expected, "a new design shows sizes as the client's country reads them");
    assert_eq!(Language::English.tr("no-such-message"), "no-such-message", "a missing key shows, never crashes");
}

/// The sentences of a source file a person could read: string literals of two words or more (placeholders aside),
/// outside comments, tests, log lines, panics and identifiers (egui ids, Bevy names). The core's `#[error]` texts are
/// its English for logs and tools (people read `i18n::errors`); clap's `--help` (doc comments, `#[command]`) is
/// English.
fn sentences(text: &str) -> Vec<(usize, String)> {
    // Identifiers and file formats: egui ids, Bevy names, a component's mesh names, the glTF generator field.
    const NOT_READ: [&str; 18] = [
        "warn!(",
        "info!(",
        "debug!(",
        "trace!(",
        "error!(",
        "#[error(",
        ".expect(",
        "panic!(",
        "unreachable!(",
        "Id::new(",
        "id_salt(",
        "Name::new(",
        "make_persistent_id(",
        "LayerId::new(",
        "Grid::new(",
        "ComponentModel::single(",
        ".generator",
        "#[command(",
    ];
    let mut out = Vec::new();
    let mut in_attribute = false;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        // An `#[error(` attribute over several lines.
        if trimmed == "#[error(" {
            in_attribute = true;
        }
        if in_attribute {
            in_attribute = !trimmed.starts_with(")]");
            continue;
        }
        if trimmed.starts_with("//") || NOT_READ.iter().any(|marker| line.contains(marker)) {
            continue;
        }
        // A comment written into a file (RON's `//`) is the file's, not a sentence to translate.
        for literal in line.split('"').skip(1).step_by(2).filter(|l| !l.starts_with("//")) {
            // Placeholders are data, not words.
            let mut words = String::new();
            let mut depth = 0;
            for c in literal.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => words.push(c),
                    _ => {}
                }
            }
            let long_words = words.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).count();
            if long_words >= 2 && words.trim().contains(' ') {
                out.push((number + 1, literal.to_string()));
            }
        }
    }
    out
}

#[test]
fn no_sentence_is_written_outside_the_locale_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut written = Vec::new();
    for (file, text) in sources() {
        let relative = Path::new(&file).strip_prefix(&src).map(|p| p.display().to_string()).unwrap_or(file.clone());
        // Test-only files, the bench and the soak (JSON lines for engineers; the renderer's labels as wgpu writes them)
        // speak to developers; the samples of what houses
        // send hold the names their CAD tools write ("ROSE GOLD.003"), and an exported scene's files say how a path tracer
        // reads them: file contents, not sentences.
        let for_developers = [
            "scene/mod.rs",
            "scene/environment.rs",
            "scene/gltf.rs",
            "layering.rs",
            "geometry/joins.rs",
            "cli/bench.rs",
            "cli/bench_collection.rs",
            "cli/bench_frames.rs",
            "cli/bench_memory.rs",
            "cli/bench_quick.rs",
            "cli/bench_startup.rs",
            "studio/headless/memory.rs",
            "cli/soak.rs",
            "geometry/sample_export.rs",
        ];
        if for_developers.contains(&relative.as_str()) || relative.ends_with("tests.rs") {
            continue;
        }
        written.extend(sentences(&text).into_iter().map(|(line, s)| format!("{relative}:{line}: {s:?}")));
    }
    assert_eq!(written, Vec::<String>::new(), "sentences in the code: put them in assets/locales/*.ftl");
}

#[test]
fn the_scan_finds_sentences_and_leaves_data_alone() {
    let text = "let a = \"Save the design\";\nlet b = \"panel-side-stones\";\nlet c = format!(\"{base} ({counter})\");\n\
                // \"a comment here\"\nwarn!(\"a log line\");\nlet id = egui::Id::new(\"import dialog\");\n\
                #[cfg(test)]\nlet t = \"in a test module\";";
    let found: Vec<String> = sentences(text).into_iter().map(|(_, s)| s).collect();
    assert_eq!(found, ["Save the design"]);
}
