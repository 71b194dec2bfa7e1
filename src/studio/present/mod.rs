//! Present mode, for one screen shared with the client: the side panel goes, the piece fills the window, and a strip
//! of large choices lets the client try metals and stones themselves — each change journaled as the client's
//! (`DocumentCommand::ByClient`). Esc or the corner button gives the screen back to the advisor; nothing of the
//! design changes on entering or leaving. This feature owns `PresentCommand`.

pub mod panel;
pub mod screen;

use super::StudioSystems;
use bevy::prelude::*;

/// What the advisor asks of present mode.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum PresentCommand {
    /// Show the piece to the client, with its estimated price or without.
    Enter {
        show_price: bool,
    },
    Leave,
    /// The client's own screen (`screen.rs`): a second window, full screen on a second display.
    OpenScreen,
    CloseScreen,
    /// The client's screen turns the piece slowly by itself (`true`) or shows it as the advisor turns it.
    TurnOnClientScreen(bool),
}

/// Whether the studio is presenting to the client, and what the advisor chose to show.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct Presenting {
    pub on: bool,
    pub show_price: bool,
    /// The client's own screen is open.
    pub screen_open: bool,
    /// The client's screen turns the piece slowly by itself instead of following the advisor's camera.
    pub screen_turning: bool,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Presenting>()
        .add_message::<PresentCommand>()
        .add_systems(Update, (leave_on_escape, carry_out_commands).chain().in_set(StudioSystems::Input));
}

fn carry_out_commands(mut commands: MessageReader<PresentCommand>, mut presenting: ResMut<Presenting>) {
    for command in commands.read() {
        *presenting = match *command {
            PresentCommand::Enter { show_price } => Presenting { on: true, show_price, ..*presenting },
            PresentCommand::Leave => Presenting { on: false, ..*presenting },
            // The client's screen (`screen.rs`).
            PresentCommand::OpenScreen | PresentCommand::CloseScreen => *presenting,
            PresentCommand::TurnOnClientScreen(turning) => Presenting { screen_turning: turning, ..*presenting },
        };
    }
}

fn leave_on_escape(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    presenting: Res<Presenting>,
    mut commands: MessageWriter<PresentCommand>,
) {
    if presenting.on && keys.is_some_and(|keys| keys.just_pressed(KeyCode::Escape)) {
        commands.write(PresentCommand::Leave);
    }
}
