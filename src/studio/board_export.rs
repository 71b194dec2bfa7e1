//! Export of the variants board from the studio: the variants are written as private presets and `ecrin board`
//! renders them in a child process (its own renderer, the same pictures as the CLI's), so the studio keeps
//! drawing; the status line says where the picture went, or what went wrong.

use super::StudioSystems;
use super::pricing::Pricing;
use super::state::{CurrentDesign, StatusLine, StudioCommand};
use crate::design::preset;
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// Where the studio writes a board picture: next to the approval packs, "<main design> board <date>.png", never
/// over an earlier one.
pub fn board_picture_path(main_design_name: &str) -> PathBuf {
    let base = format!(
        "{} board {}",
        crate::approval::pack::safe_file_stem(main_design_name),
        crate::approval::iso_date(crate::design::journal::now())
    );
    super::packing::unused_path(&super::packing::approvals_dir(), &base, ".png")
}

/// The board picture being made, if any.
#[derive(Resource, Default)]
pub struct BoardExport {
    running: Option<Mutex<Receiver<Result<PathBuf, String>>>>,
}

impl BoardExport {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoardExport>()
        .add_systems(Update, (start_export, follow_export).chain().after(StudioSystems::ApplyCommands));
}

fn start_export(
    mut commands: MessageReader<StudioCommand>,
    current: Res<CurrentDesign>,
    pricing: Option<Res<Pricing>>,
    mut export: ResMut<BoardExport>,
    mut status: ResMut<StatusLine>,
) {
    for command in commands.read() {
        let StudioCommand::ExportBoard(output) = command else { continue };
        if export.is_running() {
            continue;
        }
        let designs = current.history.variants().designs().to_vec();
        if designs.len() < 2 {
            *status = StatusLine::error("The board needs two variants or more (Duplicate as a variant)");
            continue;
        }
        let prices = pricing.as_ref().and_then(|p| p.list.is_some().then(|| p.source.clone()).flatten());
        let (sender, receiver) = channel();
        *status = StatusLine::info(format!("Rendering the board to {}…", output.display()));
        let output = output.clone();
        std::thread::spawn(move || {
            let _ = sender.send(render_board(&designs, &output, prices.as_deref()));
        });
        export.running = Some(Mutex::new(receiver));
    }
}

/// Writes the designs as presets in a private folder and runs `ecrin board` on them (blocking: a worker thread).
fn render_board(designs: &[crate::design::Design], output: &Path, prices: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create the folder: {e}", parent.display()))?;
    }
    let work = super::presets::user_presets_dir().with_file_name("board");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: cannot create the folder: {e}", work.display()))?;
    let inputs: Vec<PathBuf> = (1..=designs.len())
        .map(|i| work.join(format!("board-{}-{i}.{}", std::process::id(), preset::EXTENSION)))
        .collect();
    let written: Result<(), String> = designs
        .iter()
        .zip(&inputs)
        .try_for_each(|(design, path)| preset::save(path, design).map_err(|e| e.to_string()));
    let result = written.and_then(|()| {
        let executable = std::env::current_exe().map_err(|e| format!("cannot find Écrin's own program: {e}"))?;
        let mut command = Command::new(executable);
        command.arg("board").args(&inputs).arg("--output").arg(output);
        if let Some(prices) = prices {
            command.arg("--prices").arg(prices);
        }
        let finished = command.output().map_err(|e| format!("cannot start the board export: {e}"))?;
        if finished.status.success() {
            Ok(output.to_path_buf())
        } else {
            let errors = String::from_utf8_lossy(&finished.stderr);
            let last = errors.lines().rev().find(|l| !l.trim().is_empty()).map(str::to_string);
            Err(last.unwrap_or_else(|| format!("the board export failed ({})", finished.status)))
        }
    });
    for input in &inputs {
        let _ = std::fs::remove_file(input);
    }
    result
}

fn follow_export(mut export: ResMut<BoardExport>, mut status: ResMut<StatusLine>) {
    let Some(receiver) = &export.running else { return };
    let Some(result) = receiver.lock().ok().and_then(|r| r.try_recv().ok()) else { return };
    *status = match result {
        Ok(path) => StatusLine::info(format!("Board written: {}", path.display())),
        Err(message) => StatusLine::error(message),
    };
    export.running = None;
}
