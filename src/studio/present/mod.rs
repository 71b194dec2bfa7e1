//! Present mode, for one screen shared with the client: the side panel goes, the piece fills the window, and a strip
//! of large choices lets the client try metals and stones themselves — each change journaled as the client's
//! (`DocumentCommand::ByClient`). Esc or the corner button gives the screen back to the advisor; nothing of the
//! design changes on entering or leaving. This feature owns `PresentCommand`.

pub mod client_board;
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
    /// The client's screen shows the estimated price, or not.
    PriceOnClientScreen(bool),
    /// The client's screen shows the board's variants side by side, or the main piece alone.
    BoardOnClientScreen(bool),
}

crate::carried!(PresentCommand);

/// Whether the studio is presenting to the client, and what the advisor chose to show.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct Presenting {
    pub on: bool,
    pub show_price: bool,
    /// The client's own screen is open.
    pub screen_open: bool,
    /// The client's screen turns the piece slowly by itself instead of following the advisor's camera.
    pub screen_turning: bool,
    /// The client's screen shows the estimated price.
    pub screen_price: bool,
    /// The client's screen shows every variant side by side.
    pub screen_board: bool,
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
            PresentCommand::PriceOnClientScreen(price) => Presenting { screen_price: price, ..*presenting },
            PresentCommand::BoardOnClientScreen(board) => Presenting { screen_board: board, ..*presenting },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_advisor_chooses_what_the_clients_screen_shows() {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins).add_plugins(plugin);
        for command in [
            PresentCommand::TurnOnClientScreen(true),
            PresentCommand::PriceOnClientScreen(true),
            PresentCommand::BoardOnClientScreen(true),
        ] {
            app.world_mut().write_message(command);
        }
        app.update();
        let shown = *app.world().resource::<Presenting>();
        assert!(shown.screen_turning && shown.screen_price && shown.screen_board);
        assert!(!shown.on, "the client's screen's choices do not enter present mode");
        app.world_mut().write_message(PresentCommand::PriceOnClientScreen(false));
        app.update();
        assert!(!app.world().resource::<Presenting>().screen_price);
    }
}
