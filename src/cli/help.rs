//! `ecrin --help` and the command line's errors in the reader's language. clap builds the commands from the code;
//! their words come from the locale files: `help-<command path>` for a command ("help-ecrin",
//! "help-ecrin-collection-add"), `help-<command path>--<argument>` for an argument, or `help-any--<argument>` for one that
//! several commands share (the render settings). clap's own headings and the `[default: …]` notes are replaced too;
//! the usage line's placeholders (`[OPTIONS]`, `<PRESETS>`) stay the syntax clap writes.

use crate::i18n::Language;
use crate::tr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

/// Parses the command line with help and errors in the language it asks for (`--lang`, else the system's); prints
/// the help, the version or what is wrong, and exits, as clap does.
pub fn parse_localized() -> super::Cli {
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = language_asked(&arguments);
    // The value parsers' messages (`--light nuit`) are said in it too.
    if let Some(language) = asked {
        crate::i18n::set_process_language(language);
    }
    let language = asked.unwrap_or_else(Language::from_environment);
    let command = localized(super::Cli::command(), language);
    let parsed = command.try_get_matches_from(&arguments).and_then(|mut m| super::Cli::from_arg_matches_mut(&mut m));
    match parsed {
        Ok(cli) => cli,
        Err(error) if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => error.exit(),
        Err(error) => {
            eprintln!("{}", error_message(language, &error));
            eprintln!("{}", language.tr("help-more"));
            std::process::exit(2)
        }
    }
}

/// The `--lang` of a command line, read before clap (which needs the language to speak).
fn language_asked(arguments: &[std::ffi::OsString]) -> Option<Language> {
    let words: Vec<String> = arguments.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    words.iter().enumerate().find_map(|(at, word)| match word.strip_prefix("--lang") {
        Some("") => words.get(at + 1).and_then(|next| Language::parse(next)),
        Some(rest) => rest.strip_prefix('=').and_then(Language::parse),
        None => None,
    })
}

/// The command tree with every text in `language`.
pub fn localized(command: Command, language: Language) -> Command {
    localize(command, language, "ecrin")
}

fn localize(mut command: Command, l: Language, path: &str) -> Command {
    let top = path == "ecrin";
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        l.tr("help-usage")
    );
    command = command
        .about(l.tr(&format!("help-{path}")))
        .long_about(None::<&str>)
        .help_template(template)
        .subcommand_help_heading(l.tr("help-heading-commands"))
        .disable_help_flag(true)
        .disable_help_subcommand(true);
    let ids: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in ids {
        let key = argument_key(path, &id);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() { "help-heading-arguments" } else { "help-heading-options" };
            let defaults: Vec<String> =
                arg.get_default_values().iter().map(|value| value.to_string_lossy().into_owned()).collect();
            let help = l.tr(&key);
            let arg = arg.long_help(None::<&str>).help_heading(l.tr(heading));
            if defaults.is_empty() || !arg.get_action().takes_values() {
                return arg.help(help);
            }
            let help = format!("{help} {}", tr!(l, "help-default", value = defaults.join(", ")));
            arg.help(help).hide_default_value(true)
        });
    }
    command = command.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(l.tr("help-help"))
            .help_heading(l.tr("help-heading-options")),
    );
    if top {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(l.tr("help-version"))
                .help_heading(l.tr("help-heading-options")),
        );
    }
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    for name in names {
        let inner = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |sub| localize(sub, l, &inner));
    }
    command
}

/// The message of an argument: its command's own, else the one its commands share.
fn argument_key(path: &str, id: &str) -> String {
    let id = id.replace('_', "-");
    let own = format!("help-{path}--{id}");
    if Language::English.has(&own) { own } else { format!("help-any--{id}") }
}

/// Every message the command tree asks for (for the locale files' tests).
pub fn all_keys() -> Vec<String> {
    fn walk(command: &Command, path: &str, keys: &mut Vec<String>) {
        keys.push(format!("help-{path}"));
        keys.extend(command.get_arguments().map(|arg| argument_key(path, arg.get_id().as_str())));
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path}-{}", sub.get_name()), keys);
        }
    }
    let mut keys = Vec::new();
    walk(&super::Cli::command(), "ecrin", &mut keys);
    keys.sort();
    keys.dedup();
    keys
}

/// What clap found wrong, in a language ("argument inattendu « --taille »").
fn error_message(l: Language, error: &clap::Error) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(number)) => number.to_string(),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let what = match error.kind() {
        ErrorKind::UnknownArgument => tr!(l, "help-error-unknown-argument", argument = argument),
        // (clap keeps the name typed under its own kind: the command's name was lost, "unknown command “”".)
        ErrorKind::InvalidSubcommand => {
            tr!(l, "help-error-unknown-command", command = context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => tr!(l, "help-error-missing", argument = argument),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            tr!(l, "help-error-missing-command")
        }
        ErrorKind::ArgumentConflict => {
            tr!(l, "help-error-conflict", argument = argument, other = context(ContextKind::PriorArg))
        }
        ErrorKind::ValueValidation => {
            // The reason is a value parser's own, already in the reader's language.
            let reason = std::error::Error::source(error).map(ToString::to_string).unwrap_or_default();
            tr!(l, "help-error-value", argument = argument, reason = reason)
        }
        ErrorKind::InvalidValue => tr!(
            l,
            "help-error-invalid-value",
            argument = argument,
            value = context(ContextKind::InvalidValue),
            valid = context(ContextKind::ValidValue)
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            tr!(l, "help-error-value-count", argument = argument)
        }
        // The rest (a value that is not UTF-8, an `=` missing…) are rare: clap's own words.
        _ => error.kind().as_str().map_or_else(|| error.to_string(), str::to_string),
    };
    tr!(l, "help-error", what = what)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help_of(language: Language, path: &[&str]) -> String {
        let mut command = localized(super::super::Cli::command(), language);
        command.build();
        let mut at = &mut command;
        for name in path {
            at = at.find_subcommand_mut(name).expect("a subcommand");
        }
        at.render_help().to_string()
    }

    #[test]
    fn the_help_speaks_french_with_lang_fr() {
        let top = help_of(Language::French, &[]);
        assert!(top.contains("Utilisation") && top.contains("Commandes") && top.contains("Options"), "{top}");
        let pack = help_of(Language::French, &["pack"]);
        assert!(pack.contains("fiche de validation") && pack.contains("par défaut"), "{pack}");
        let english = help_of(Language::English, &["pack"]);
        assert!(english.contains("Usage") && english.contains("default"), "{english}");
    }

    #[test]
    fn every_command_and_option_has_its_words_and_no_other_help_is_written() {
        let asked: std::collections::BTreeSet<String> = all_keys().into_iter().collect();
        for language in Language::ALL {
            let written: std::collections::BTreeSet<String> = crate::i18n::tests::messages(language)
                .into_keys()
                .filter(|key| key.starts_with("help-ecrin") || key.starts_with("help-any--"))
                .collect();
            let missing: Vec<&String> = asked.difference(&written).collect();
            let unused: Vec<&String> = written.difference(&asked).collect();
            assert!(missing.is_empty() && unused.is_empty(), "{language:?}: missing {missing:?}, unused {unused:?}");
        }
    }

    #[test]
    fn the_language_is_read_before_clap() {
        let words = |text: &str| text.split(' ').map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(language_asked(&words("ecrin --lang fr render --help")), Some(Language::French));
        assert_eq!(language_asked(&words("ecrin check x.ron --lang=en")), Some(Language::English));
        assert_eq!(language_asked(&words("ecrin check --lang")), None);
    }

    #[test]
    fn clap_errors_are_said_in_french() {
        let command = localized(super::super::Cli::command(), Language::French);
        let error = command.try_get_matches_from(["ecrin", "render", "--taille", "3"]).expect_err("unknown");
        let message = error_message(Language::French, &error);
        assert!(message.contains("--taille") && message.contains("inattendu"), "{message}");
        let command = localized(super::super::Cli::command(), Language::French);
        let error = command.try_get_matches_from(["ecrin", "rendre", "x.ron"]).expect_err("no such command");
        let message = error_message(Language::French, &error);
        assert!(message.contains("rendre"), "the name typed is said: {message}");
    }
}
