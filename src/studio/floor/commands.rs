//! The carrier of the studio's commands. Each feature owns its own message type and the one system that handles
//! it — `DocumentCommand` (`document/`), `PresentationCommand` (`lighting/`), `ViewCommand` (`camera.rs`),
//! `ShowBust` (`necklace/`), `PresetRequest` (`presets.rs`), `ImportCommand` (`import/`), `CollectionCommand`
//! (`collection/`), `PackCommand` (`pack/job.rs`), `ExportBoard` (`board/export.rs`), `RecoveryCommand`
//! (`recovery/`), `LanguageCommand` (`language/`), `SizerCommand` (`sizer/`), `PresentCommand` (`present/`),
//! `HandCommand` (`hand/`), `ClientDataCommand` (`clients/`), `LightMapCommand` (`light_map/`). Where several
//! features' commands travel together (a panel returns its clicks as a list, the bench and the tests play a
//! script), each is carried as a `StudioCommand` that knows how to write itself to its owner's messages: the
//! carrier names no feature, so no feature climbs back to a hub (each says `From<ItsCommand> for StudioCommand`
//! with `carried!` beside its type).

use bevy::ecs::message::Message;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use std::any::Any;
use std::fmt;

/// A command of one feature, on its way to the feature that owns it (`Route`, `send_to`).
pub struct StudioCommand {
    message: Box<dyn Any + Send + Sync>,
    carrier: &'static Carrier,
}

/// What a carried command's type can do, found once per type.
struct Carrier {
    write: fn(Box<dyn Any + Send + Sync>, &mut World),
    debug: fn(&dyn Any, &mut fmt::Formatter<'_>) -> fmt::Result,
    same: fn(&dyn Any, &dyn Any) -> bool,
    clone: fn(&dyn Any) -> Box<dyn Any + Send + Sync>,
}

/// The carrier of one message type.
trait Carried: Message + Clone + fmt::Debug + PartialEq + Sized {
    const CARRIER: Carrier = Carrier {
        write: |message, world| {
            if let Ok(message) = message.downcast::<Self>() {
                world.write_message(*message);
            }
        },
        debug: |message, f| message.downcast_ref::<Self>().map_or(Ok(()), |m| fmt::Debug::fmt(m, f)),
        same: |a, b| a.downcast_ref::<Self>().is_some_and(|a| b.downcast_ref::<Self>() == Some(a)),
        clone: |message| match message.downcast_ref::<Self>() {
            Some(message) => Box::new(message.clone()),
            None => Box::new(()),
        },
    };
}

impl<M: Message + Clone + fmt::Debug + PartialEq> Carried for M {}

impl StudioCommand {
    /// Carries a feature's command.
    pub fn of<M: Message + Clone + fmt::Debug + PartialEq>(message: M) -> Self {
        StudioCommand { message: Box::new(message), carrier: &<M as Carried>::CARRIER }
    }

    /// The command, if it is of type `M` (tests, the soak).
    pub fn get<M: Message>(&self) -> Option<&M> {
        self.message.downcast_ref::<M>()
    }

    /// Writes it to its owner's messages in a world (headless apps, tests, the bench).
    pub fn send_to(self, world: &mut World) {
        (self.carrier.write)(self.message, world);
    }
}

impl Clone for StudioCommand {
    fn clone(&self) -> Self {
        StudioCommand { message: (self.carrier.clone)(self.message.as_ref()), carrier: self.carrier }
    }
}

impl PartialEq for StudioCommand {
    fn eq(&self, other: &Self) -> bool {
        (self.carrier.same)(self.message.as_ref(), other.message.as_ref())
    }
}

impl fmt::Debug for StudioCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.carrier.debug)(self.message.as_ref(), f)
    }
}

/// `From<Command> for StudioCommand` for a feature's command types (written beside them).
#[macro_export]
macro_rules! carried {
    ($($command:ty),* $(,)?) => {
        $(impl From<$command> for $crate::studio::floor::commands::StudioCommand {
            fn from(command: $command) -> Self {
                $crate::studio::floor::commands::StudioCommand::of(command)
            }
        })*
    };
}

/// Sends carried commands to their owners (at the end of the system that sends them).
#[derive(SystemParam)]
pub struct Route<'w, 's> {
    commands: Commands<'w, 's>,
}

impl Route<'_, '_> {
    /// Sends each command to the feature that owns it.
    pub fn send(&mut self, commands: impl IntoIterator<Item = StudioCommand>) {
        for command in commands {
            self.commands.queue(move |world: &mut World| command.send_to(world));
        }
    }
}
