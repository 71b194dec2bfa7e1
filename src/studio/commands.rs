//! The studio's commands: each feature owns its own message type and the one system that handles it —
//! `DocumentCommand` (`document/`), `PresentationCommand` (`lighting/`), `ViewCommand` (`camera.rs`),
//! `ShowBust` (`necklace/`), `PresetRequest` (`presets.rs`), `ImportCommand` (`import/`), `CollectionCommand`
//! (`collection/`), `PackCommand` (`pack/job.rs`), `ExportBoard` (`board/export.rs`), `RecoveryCommand`
//! (`recovery/`), `LanguageCommand` (`language/`), `SizerCommand` (`sizer/`), `PresentCommand` (`present/`), `HandCommand` (`hand/`). Where
//! several features' commands travel together (a panel returns its clicks as a list), they are carried as
//! `StudioCommand`s and routed here, each to its owner.

use super::board::export::ExportBoard;
use super::camera::ViewCommand;
use super::clients::ClientDataCommand;
use super::collection::CollectionCommand;
use super::document::DocumentCommand;
use super::hand::HandCommand;
use super::import::ImportCommand;
use super::language::LanguageCommand;
use super::light_map::LightMapCommand;
use super::lighting::PresentationCommand;
use super::necklace::ShowBust;
use super::pack::job::PackCommand;
use super::present::PresentCommand;
use super::presets::PresetRequest;
use super::recovery::RecoveryCommand;
use super::sizer::SizerCommand;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

/// A command of one feature, carried where several features' commands travel together (a panel's clicks, the
/// bench's sequence, a test's script) and routed to the feature that owns it (`Route`, `send_to`).
#[derive(Clone, Debug, PartialEq)]
pub enum StudioCommand {
    Document(DocumentCommand),
    Presentation(PresentationCommand),
    View(ViewCommand),
    Bust(ShowBust),
    Presets(PresetRequest),
    Import(ImportCommand),
    Collection(CollectionCommand),
    Pack(PackCommand),
    Board(ExportBoard),
    Recovery(RecoveryCommand),
    Language(LanguageCommand),
    Sizer(SizerCommand),
    Present(PresentCommand),
    Hand(HandCommand),
    ClientData(ClientDataCommand),
    LightMap(LightMapCommand),
}

macro_rules! carried {
    ($($command:ty => $variant:ident),* $(,)?) => {
        $(impl From<$command> for StudioCommand {
            fn from(command: $command) -> Self {
                StudioCommand::$variant(command)
            }
        })*
    };
}

carried!(
    DocumentCommand => Document,
    PresentationCommand => Presentation,
    ViewCommand => View,
    ShowBust => Bust,
    PresetRequest => Presets,
    ImportCommand => Import,
    CollectionCommand => Collection,
    PackCommand => Pack,
    ExportBoard => Board,
    RecoveryCommand => Recovery,
    LanguageCommand => Language,
    SizerCommand => Sizer,
    PresentCommand => Present,
    HandCommand => Hand,
    ClientDataCommand => ClientData,
    LightMapCommand => LightMap,
);

impl From<crate::design::DesignCommand> for StudioCommand {
    fn from(command: crate::design::DesignCommand) -> Self {
        StudioCommand::Document(DocumentCommand::Design(command))
    }
}

/// Where each feature's commands go.
#[derive(SystemParam)]
pub struct Route<'w> {
    document: MessageWriter<'w, DocumentCommand>,
    presentation: MessageWriter<'w, PresentationCommand>,
    view: MessageWriter<'w, ViewCommand>,
    bust: MessageWriter<'w, ShowBust>,
    presets: MessageWriter<'w, PresetRequest>,
    import: MessageWriter<'w, ImportCommand>,
    collection: MessageWriter<'w, CollectionCommand>,
    pack: MessageWriter<'w, PackCommand>,
    board: MessageWriter<'w, ExportBoard>,
    recovery: MessageWriter<'w, RecoveryCommand>,
    language: MessageWriter<'w, LanguageCommand>,
    sizer: MessageWriter<'w, SizerCommand>,
    present: MessageWriter<'w, PresentCommand>,
    hand: MessageWriter<'w, HandCommand>,
    client_data: MessageWriter<'w, ClientDataCommand>,
    light_map: MessageWriter<'w, LightMapCommand>,
}

impl StudioCommand {
    /// Writes it to its owner's messages in a world (headless apps, tests, the bench).
    pub fn send_to(self, world: &mut World) {
        match self {
            StudioCommand::Document(c) => _ = world.write_message(c),
            StudioCommand::Presentation(c) => _ = world.write_message(c),
            StudioCommand::View(c) => _ = world.write_message(c),
            StudioCommand::Bust(c) => _ = world.write_message(c),
            StudioCommand::Presets(c) => _ = world.write_message(c),
            StudioCommand::Import(c) => _ = world.write_message(c),
            StudioCommand::Collection(c) => _ = world.write_message(c),
            StudioCommand::Pack(c) => _ = world.write_message(c),
            StudioCommand::Board(c) => _ = world.write_message(c),
            StudioCommand::Recovery(c) => _ = world.write_message(c),
            StudioCommand::Language(c) => _ = world.write_message(c),
            StudioCommand::Sizer(c) => _ = world.write_message(c),
            StudioCommand::Present(c) => _ = world.write_message(c),
            StudioCommand::Hand(c) => _ = world.write_message(c),
            StudioCommand::ClientData(c) => _ = world.write_message(c),
            StudioCommand::LightMap(c) => _ = world.write_message(c),
        }
    }
}

impl Route<'_> {
    /// Sends each command to the feature that owns it.
    pub fn send(&mut self, commands: impl IntoIterator<Item = StudioCommand>) {
        for command in commands {
            match command {
                StudioCommand::Document(c) => _ = self.document.write(c),
                StudioCommand::Presentation(c) => _ = self.presentation.write(c),
                StudioCommand::View(c) => _ = self.view.write(c),
                StudioCommand::Bust(c) => _ = self.bust.write(c),
                StudioCommand::Presets(c) => _ = self.presets.write(c),
                StudioCommand::Import(c) => _ = self.import.write(c),
                StudioCommand::Collection(c) => _ = self.collection.write(c),
                StudioCommand::Pack(c) => _ = self.pack.write(c),
                StudioCommand::Board(c) => _ = self.board.write(c),
                StudioCommand::Recovery(c) => _ = self.recovery.write(c),
                StudioCommand::Language(c) => _ = self.language.write(c),
                StudioCommand::Sizer(c) => _ = self.sizer.write(c),
                StudioCommand::Present(c) => _ = self.present.write(c),
                StudioCommand::Hand(c) => _ = self.hand.write(c),
                StudioCommand::ClientData(c) => _ = self.client_data.write(c),
                StudioCommand::LightMap(c) => _ = self.light_map.write(c),
            }
        }
    }
}
