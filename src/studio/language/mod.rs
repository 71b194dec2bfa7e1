//! The studio's two languages: the advisor's (every word of the studio) and the client's (the approval pack, the
//! board picture). Switched live from the panel (`LanguageCommand`), remembered in the user's settings
//! (`settings.rs`, written off the frame, with the autosaves' period that *Client data* chooses); the first start
//! follows the system's locale.

pub mod panel;
pub mod settings;

use crate::i18n::Language;
use crate::studio::StudioSystems;
use crate::studio::floor::Languages;
use crate::studio::floor::StatusLine;
use crate::studio::floor::background::Background;
use bevy::prelude::*;
use settings::{KeptAutosaves, Settings};

/// Change a language (the panel's pickers).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageCommand {
    Advisor(Language),
    Client(Language),
}

crate::carried!(LanguageCommand);

/// The settings being written, if any (one write at a time; the last asked for wins).
#[derive(Resource, Default)]
struct SettingsWrite {
    running: Option<Background<Result<(), settings::SettingsError>>>,
    pending: Option<Settings>,
}

/// Languages and commands only, with settings from `settings` (tests pass a scratch folder; `None`: not saved).
pub fn plugin_with(settings_file: Option<std::path::PathBuf>) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let read = settings_file.as_deref().map(Settings::read).unwrap_or(Ok(None));
        let (languages, kept, unreadable) = match read {
            Ok(settings) => (
                settings.as_ref().map_or_else(Languages::default, |s| s.languages()),
                settings.map_or_else(KeptAutosaves::default, |s| KeptAutosaves(s.keep_autosaves_days)),
                None,
            ),
            Err(reason) => {
                (Languages::default(), KeptAutosaves::default(), settings_file.clone().map(|file| (file, reason)))
            }
        };
        if let Some((file, reason)) = unreadable {
            app.add_systems(Startup, move |mut status: ResMut<crate::studio::floor::StatusLine>| {
                *status = crate::studio::floor::files::set_aside_unreadable(&file, &reason);
            });
        }
        app.insert_resource(languages)
            .insert_resource(kept)
            .insert_resource(SettingsFile(settings_file.clone()))
            .init_resource::<SettingsWrite>()
            .add_message::<LanguageCommand>()
            .add_systems(Update, (apply, save).chain().in_set(StudioSystems::ApplyCommands));
    }
}

/// The studio's plugin: settings in the user's configuration folder; the window's title follows the advisor's
/// language.
pub(crate) fn plugin(app: &mut App) {
    plugin_with(settings::settings_path())(app);
    app.add_systems(Update, retitle_window.after(StudioSystems::ApplyCommands));
}

/// The languages the studio starts in: the user's settings, else the system's.
pub fn at_start() -> Languages {
    settings::settings_path().as_deref().and_then(Settings::load).map_or_else(Languages::default, |s| s.languages())
}

fn retitle_window(languages: Res<Languages>, mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>) {
    if languages.is_changed() {
        for mut window in &mut windows {
            window.title = crate::tr!(languages.advisor, "window-title");
        }
    }
}

/// Where the settings live (`None`: nowhere, in tests).
#[derive(Resource)]
struct SettingsFile(Option<std::path::PathBuf>);

/// Applies the language commands; the settings are written when a language or the autosaves' period changed.
fn apply(
    mut commands: MessageReader<LanguageCommand>,
    mut languages: ResMut<Languages>,
    kept: Res<KeptAutosaves>,
    mut write: ResMut<SettingsWrite>,
) {
    let before = *languages;
    for command in commands.read() {
        match *command {
            LanguageCommand::Advisor(language) => languages.advisor = language,
            LanguageCommand::Client(language) => languages.client = language,
        }
    }
    if *languages != before || (kept.is_changed() && !kept.is_added()) {
        write.pending = Some(Settings::of(*languages, *kept));
    }
}

/// Writes the settings asked for, off the frame, one write at a time; a failure is told, the studio goes on.
fn save(mut write: ResMut<SettingsWrite>, file: Res<SettingsFile>, mut status: ResMut<StatusLine>) {
    if let Some(running) = &write.running {
        match running.outcome() {
            None => return,
            Some(Some(Err(error))) => {
                // Said in the advisor's language when the status line is drawn.
                *status = StatusLine::error(crate::i18n::errors::Said::new(move |l| error.in_language(l)))
            }
            Some(_) => {}
        }
        write.running = None;
    }
    let Some(path) = file.0.clone() else {
        write.pending = None;
        return;
    };
    if let Some(settings) = write.pending.take() {
        write.running = Some(Background::thread(move |sender| {
            let _ = sender.send(settings.save(&path));
        }));
    }
}
