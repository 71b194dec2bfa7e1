//! *Client data* (RGPD) in the studio: the clients named in the approvals folder, with their packs; a client's packs
//! copied into a folder for them (the right of access) or, after a confirmation, deleted (the right to erasure),
//! with what was done on the status line; how many days autosaves are kept (remembered in the settings; a shorter
//! period removes the older ones at once). The folder is read and written off the frame (`approval::clients`).

pub mod panel;

use super::StudioSystems;
use crate::approval::clients;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::floor::StatusLine;
use crate::studio::floor::background::{Background, Polled};
use crate::studio::language::settings::KeptAutosaves;
use bevy::prelude::*;
use std::path::PathBuf;

/// The client-data section's commands.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum ClientDataCommand {
    /// Read the approvals folder again.
    Refresh,
    /// Copy a client's packs into a new folder beside the packs.
    Export(String),
    /// Ask to confirm a client's erasure.
    AskErase(String),
    CancelErase,
    /// Delete a client's packs (the confirmation was given).
    Erase(String),
    /// Keep autosaves this many days (`KeptAutosaves::RANGE`); older ones are removed now.
    KeepAutosaves(u32),
}

crate::carried!(ClientDataCommand);

/// What the section shows and the work in flight.
#[derive(Resource, Default)]
pub struct ClientData {
    pub folder: PathBuf,
    /// Each client named, and how many packs name them (`None`: not read yet).
    pub listed: Option<Vec<(String, usize)>>,
    /// The client whose erasure waits for a confirmation.
    pub confirming: Option<String>,
    scanning: Option<Background<Vec<(String, usize)>>>,
    working: Option<Background<(Said, bool)>>,
}

impl ClientData {
    pub fn busy(&self) -> bool {
        self.scanning.is_some() || self.working.is_some()
    }
}

/// The feature with the approvals folder `folder` (tests pass a scratch one).
pub fn plugin_with(folder: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(ClientData { folder: folder.clone(), ..ClientData::default() })
            .init_resource::<KeptAutosaves>()
            .add_message::<ClientDataCommand>()
            .add_systems(Update, (carry_out, follow_work).chain().in_set(StudioSystems::ApplyCommands));
    }
}

/// The studio's plugin: the approvals folder the packs are written to.
pub fn plugin(app: &mut App) {
    let advisor = app.world().get_resource::<crate::studio::floor::Languages>().map(|l| l.advisor).unwrap_or_default();
    plugin_with(crate::studio::floor::files::approvals_dir(advisor))(app);
}

fn scan(folder: PathBuf) -> Background<Vec<(String, usize)>> {
    Background::compute(move || {
        clients::clients(&folder).into_iter().map(|(name, packs)| (name, packs.len())).collect()
    })
}

fn carry_out(
    mut commands: MessageReader<ClientDataCommand>,
    mut data: ResMut<ClientData>,
    mut kept: ResMut<KeptAutosaves>,
    autosave: Option<Res<crate::studio::recovery::Autosave>>,
) {
    for command in commands.read() {
        match command.clone() {
            ClientDataCommand::KeepAutosaves(days) => {
                let days = KeptAutosaves::within_range(days).0;
                kept.set_if_neq(KeptAutosaves(days));
                // Busy with a copy or an erasure: the period is kept, the older autosaves go at the next start.
                let Some(path) = autosave.as_ref().filter(|_| data.working.is_none()).map(|a| a.path.clone()) else {
                    continue;
                };
                data.working = Some(Background::compute(move || {
                    let removed = clients::remove_old_autosaves(&path, days).len();
                    (said!("status-autosaves-kept", days = days, count = removed), false)
                }));
            }
            ClientDataCommand::Refresh => {
                if data.scanning.is_none() {
                    data.scanning = Some(scan(data.folder.clone()));
                }
            }
            ClientDataCommand::AskErase(client) => data.confirming = Some(client),
            ClientDataCommand::CancelErase => data.confirming = None,
            ClientDataCommand::Export(client) => {
                let stamp = crate::approval::file_stamp(crate::design::journal::now());
                let out = data.folder.join(format!("{} {stamp}", crate::approval::pack::safe_file_stem(&client)));
                let folder = data.folder.clone();
                data.working = Some(Background::compute(move || match clients::export(&folder, &client, &out) {
                    Ok(count) => {
                        let out = out.display().to_string();
                        (said!("status-client-exported", client = client.clone(), count = count, folder = out), false)
                    }
                    Err(error) => (said!("status-client-failed", reason = error.to_string()), true),
                }));
            }
            ClientDataCommand::Erase(client) => {
                data.confirming = None;
                let folder = data.folder.clone();
                data.working = Some(Background::compute(move || match clients::erase(&folder, &client) {
                    Ok(erasure) if erasure.complete() => {
                        (said!("status-client-erased", client = client.clone(), count = erasure.removed.len()), false)
                    }
                    // Said as a fault: the advisor must know the erasure is not proved complete.
                    Ok(erasure) => (
                        said!(
                            "status-client-erased-incomplete",
                            client = client.clone(),
                            count = erasure.removed.len(),
                            unchecked = erasure.unchecked.len(),
                            first = erasure.unchecked[0].path.display().to_string()
                        ),
                        true,
                    ),
                    Err(error) => (said!("status-client-failed", reason = error.to_string()), true),
                }));
            }
        }
    }
}

fn follow_work(mut data: ResMut<ClientData>, mut status: ResMut<StatusLine>) {
    if let Some(scanning) = &data.scanning {
        match scanning.try_next() {
            Polled::Ready(listed) => {
                data.listed = Some(listed);
                data.scanning = None;
            }
            Polled::Finished => data.scanning = None,
            Polled::Waiting => {}
        }
    }
    if let Some(working) = &data.working {
        match working.try_next() {
            Polled::Ready((said, is_error)) => {
                *status = if is_error { StatusLine::error(said) } else { StatusLine::info(said) };
                data.working = None;
                // What is there now.
                data.scanning = Some(scan(data.folder.clone()));
            }
            Polled::Finished => data.working = None,
            Polled::Waiting => {}
        }
    }
}
