//! Approval packs from the studio: the pack is made by `ecrin pack` in a child process (its own renderer), so a
//! long export never freezes the studio; its progress lines drive a progress bar; Cancel asks it to stop cleanly
//! (it then leaves nothing behind). Packs go to the user's Documents folder, "Écrin approvals".

use crate::approval::iso_date;
use crate::approval::pack::safe_file_stem;
use crate::design::journal::now;
use crate::design::preset;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::StudioSystems;
use crate::studio::floor::KeptPictures;
use crate::studio::floor::background::{ChildEvent, ChildJob, ChildLost, Polled};
use crate::studio::floor::files::{approvals_dir, unused_folder};
use crate::studio::floor::{CurrentDesign, StatusLine};
use crate::studio::pricing::Pricing;
use bevy::prelude::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What the advisor asked the approval pack to hold.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PackOrder {
    /// Printed on the sheet when not empty (privacy: optional).
    pub client: String,
    pub include_journal: bool,
    /// The ring on the display hand as one more view.
    pub hand_view: bool,
}

/// Write the approval pack of the design being edited (in the background), or stop the one running.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum PackCommand {
    Write(PackOrder),
    Cancel,
}

crate::carried!(PackCommand);

/// The pack being written, as the panel shows it.
#[derive(Resource, Default)]
pub struct PackJob {
    running: Option<Running>,
    /// Step done, steps in all, what is being made (the child's words, already in the advisor's language).
    pub progress: Option<(usize, usize, Said)>,
}

struct Running {
    child: ChildJob,
    input: PathBuf,
    folder: PathBuf,
    /// The try-on's snapshots handed to the child (private files, removed when it ends) and how many.
    try_on: Vec<PathBuf>,
}

impl PackJob {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PackJob>()
        .add_message::<PackCommand>()
        .add_systems(Update, (start_or_cancel, follow_job).chain().after(StudioSystems::ApplyCommands));
}

fn start_or_cancel(
    mut commands: MessageReader<PackCommand>,
    current: Res<CurrentDesign>,
    pricing: Option<Res<Pricing>>,
    mut job: ResMut<PackJob>,
    mut status: ResMut<StatusLine>,
    languages: Option<Res<crate::studio::floor::Languages>>,
    hand: Option<Res<crate::studio::hand::HandView>>,
    kept: Option<Res<KeptPictures>>,
) {
    let finish = hand.map(|view| view.finish).unwrap_or_default();
    let snapshots = kept.as_ref().map_or(&[][..], |kept| kept.pictures.as_slice());
    let languages = languages.map(|l| *l).unwrap_or_default();
    for command in commands.read() {
        match command {
            PackCommand::Write(_) if job.is_running() => {
                *status = StatusLine::error(said!("status-pack-busy"));
            }
            PackCommand::Write(order) => {
                let source = pricing.as_ref().and_then(|p| p.list.is_some().then(|| p.source.clone()).flatten());
                // The try-on's pictures go only into a pack that names the client: the erasure finds them by it.
                let try_on = if order.client.trim().is_empty() { &[][..] } else { snapshots };
                match start(&current, order, source.as_deref(), languages, finish, try_on) {
                    Ok(running) => {
                        let folder = running.folder.display().to_string();
                        *status = StatusLine::info(said!("status-pack-writing", folder = folder));
                        job.progress = Some((0, 1, said!("pack-step-starting")));
                        job.running = Some(running);
                    }
                    Err(said) => *status = StatusLine::error(said),
                }
            }
            PackCommand::Cancel => {
                if let Some(running) = job.running.as_mut() {
                    running.child.tell("cancel");
                    job.progress = job.progress.take().map(|(d, t, _)| (d, t, said!("pack-step-cancelling")));
                }
            }
        }
    }
}

/// Writes the design to a private input file and starts `ecrin pack` on it.
fn start(
    current: &CurrentDesign,
    order: &PackOrder,
    prices: Option<&Path>,
    languages: crate::studio::floor::Languages,
    finish: crate::geometry::hand::HandFinish,
    try_on: &[image::RgbImage],
) -> Result<Running, Said> {
    let design = current.design();
    let work = crate::studio::floor::files::user_presets_dir().with_file_name("packing");
    std::fs::create_dir_all(&work).map_err(|e| {
        said!("status-cannot-create-folder", folder = work.display().to_string(), reason = e.to_string())
    })?;
    let input = work.join(format!("pack-input-{}.ron", std::process::id()));
    let journal = if order.include_journal { current.journal.as_slice() } else { &[] };
    preset::save_with_journal(&input, design, journal).map_err(|e| Said::new(move |l| e.in_language(l)))?;
    let parent = approvals_dir(languages.advisor);
    std::fs::create_dir_all(&parent).map_err(|e| {
        said!("status-cannot-create-folder", folder = parent.display().to_string(), reason = e.to_string())
    })?;
    let folder = unused_folder(&parent, &format!("{} {}", safe_file_stem(&design.name), iso_date(now())));
    let mut args: Vec<OsString> = vec!["pack".into(), input.clone().into(), "--out".into(), folder.clone().into()];
    args.push("--cancel-on-stdin".into());
    // Progress in the advisor's language; the sheet, file names and journal in the client's.
    args.extend(["--lang".into(), languages.advisor.code().into()]);
    args.extend(["--client-language".into(), languages.client.code().into()]);
    if !order.client.trim().is_empty() {
        args.extend(["--client".into(), order.client.trim().into()]);
    }
    if !order.include_journal {
        args.push("--no-journal".into());
    }
    if let Some(prices) = prices {
        args.extend(["--prices".into(), prices.into()]);
    }
    if order.hand_view && design.necklace.is_none() {
        args.extend(["--hand-view".into(), "--hand".into(), finish.slug().into()]);
    }
    let mut pictures = Vec::new();
    for (index, picture) in try_on.iter().enumerate() {
        let path = work.join(format!("pack-try-on-{}-{}.png", std::process::id(), index + 1));
        if let Err(e) = picture.save(&path) {
            remove_all(&pictures);
            return Err(said!("status-cannot-write", file = path.display().to_string(), reason = e.to_string()));
        }
        args.extend(["--try-on".into(), path.clone().into()]);
        pictures.push(path);
    }
    let child = ChildJob::start(&args).map_err(|e| {
        remove_all(&pictures);
        said!("status-export-cannot-start", reason = e.to_string())
    })?;
    Ok(Running { child, input, folder, try_on: pictures })
}

fn remove_all(files: &[PathBuf]) {
    for file in files {
        let _ = std::fs::remove_file(file);
    }
}

/// "[3/42] Side view" → (3, 42, "Side view").
pub fn parse_progress(line: &str) -> Option<(usize, usize, String)> {
    let rest = line.strip_prefix('[')?;
    let (counts, doing) = rest.split_once("] ")?;
    let (done, total) = counts.split_once('/')?;
    Some((done.parse().ok()?, total.parse().ok()?, doing.to_string()))
}

/// Reads what the child said since the last frame, without waiting: progress lines, then how it ended.
fn follow_job(mut job: ResMut<PackJob>, mut status: ResMut<StatusLine>, kept: Option<ResMut<KeptPictures>>) {
    let Some(running) = job.running.as_ref() else { return };
    let mut progress = None;
    let mut ended = None;
    loop {
        match running.child.events.try_next() {
            Polled::Ready(ChildEvent::Line(line)) => progress = parse_progress(&line).or(progress),
            Polled::Ready(ChildEvent::Exited { status, last_error }) => ended = Some((status, last_error)),
            Polled::Waiting => break,
            Polled::Finished => {
                ended = ended.or(Some((Err(ChildLost::Silent), None)));
                break;
            }
        }
    }
    if let Some((done, total, doing)) = progress {
        job.progress = Some((done, total, Said::as_written(doing)));
    }
    let Some((code, last_error)) = ended else { return };
    let Some(running) = job.running.take() else { return };
    let _ = std::fs::remove_file(&running.input);
    remove_all(&running.try_on);
    *status = match code {
        Ok(code) if code.code() == Some(0) => {
            // The snapshots are in the pack now: the studio forgets them.
            if let Some(mut kept) = kept {
                let handed = running.try_on.len().min(kept.pictures.len());
                kept.pictures.drain(..handed);
            }
            StatusLine::info(said!("status-pack-written", folder = running.folder.display().to_string()))
        }
        Ok(code) if code.code() == Some(3) => StatusLine::info(said!("status-pack-cancelled")),
        Ok(code) => StatusLine::error(match last_error {
            Some(line) => Said::as_written(line),
            None => said!("status-export-failed", code = code.to_string()),
        }),
        Err(ChildLost::Silent) => StatusLine::error(said!("status-export-silent")),
        Err(ChildLost::Wait(reason)) => StatusLine::error(said!("status-export-stopped", reason = reason)),
    };
    job.progress = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines_are_read() {
        assert_eq!(parse_progress("[3/42] Side view"), Some((3, 42, "Side view".into())));
        assert_eq!(parse_progress("done: /tmp/x"), None);
    }
}
