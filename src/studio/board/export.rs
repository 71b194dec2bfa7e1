//! Export of the variants board from the studio: the variants are written as private presets and `ecrin board`
//! renders them in a child process (its own renderer, the same pictures as the CLI's), so the studio keeps
//! drawing; the status line says where the picture went, or what went wrong.

use crate::design::preset;
use crate::i18n::errors::Said;
use crate::said;
use crate::studio::StudioSystems;
use crate::studio::floor::Languages;
use crate::studio::floor::background::{Background, ChildJob, ChildLost};
use crate::studio::floor::{CurrentDesign, StatusLine};
use crate::studio::pricing::Pricing;
use bevy::prelude::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Where the studio writes a board picture: next to the approval packs, "<main design> planche <date>.png" in the
/// client's language, never over an earlier one.
pub fn board_picture_path(main_design_name: &str, languages: Languages) -> PathBuf {
    let base = format!(
        "{} {} {}",
        crate::approval::pack::safe_file_stem(main_design_name),
        languages.client.tr("file-board"),
        crate::approval::iso_date(crate::design::journal::now())
    );
    crate::studio::floor::files::unused_path(
        &crate::studio::floor::files::approvals_dir(languages.advisor),
        &base,
        ".png",
    )
}

/// Render the board of the variants as one labelled picture (in the background), to this file or, with `None`, to
/// `board_picture_path`.
#[derive(Message, Clone, Debug, PartialEq)]
pub struct ExportBoard(pub Option<PathBuf>);

crate::carried!(ExportBoard);

/// The board picture being made, if any.
#[derive(Resource, Default)]
pub struct BoardExport {
    running: Option<Background<Result<PathBuf, Said>>>,
}

impl BoardExport {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<BoardExport>()
        .add_message::<ExportBoard>()
        .add_systems(Update, (start_export, follow_export).chain().after(StudioSystems::ApplyCommands));
}

fn start_export(
    mut commands: MessageReader<ExportBoard>,
    current: Res<CurrentDesign>,
    pricing: Option<Res<Pricing>>,
    mut export: ResMut<BoardExport>,
    mut status: ResMut<StatusLine>,
    languages: Option<Res<Languages>>,
    hand: Option<Res<crate::studio::hand::HandView>>,
) {
    let languages = languages.map(|l| *l).unwrap_or_default();
    // The board on hands when the studio shows the rings on the hand.
    let on_hand = hand.filter(|view| view.shown).map(|view| view.finish);
    for ExportBoard(output) in commands.read() {
        if export.is_running() {
            *status = StatusLine::error(said!("status-board-busy"));
            continue;
        }
        let designs = current.history.variants().designs().to_vec();
        if designs.len() < 2 {
            *status = StatusLine::error(said!("status-board-needs-two"));
            continue;
        }
        let prices = pricing.as_ref().and_then(|p| p.list.is_some().then(|| p.source.clone()).flatten());
        let output = output.clone().unwrap_or_else(|| board_picture_path(&designs[0].name, languages));
        *status = StatusLine::info(said!("status-board-rendering", file = output.display().to_string()));
        export.running = Some(Background::thread(move |sender| {
            let _ = sender.send(render_board(&designs, &output, prices.as_deref(), languages, on_hand));
        }));
    }
}

/// Writes the designs as presets in a private folder and runs `ecrin board` on them (blocking: a worker thread).
fn render_board(
    designs: &[crate::design::Design],
    output: &Path,
    prices: Option<&Path>,
    languages: Languages,
    on_hand: Option<crate::geometry::hand::HandFinish>,
) -> Result<PathBuf, Said> {
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            said!("status-cannot-create-folder", folder = parent.display().to_string(), reason = e.to_string())
        })?;
    }
    let work = crate::studio::floor::files::user_presets_dir().with_file_name("board");
    std::fs::create_dir_all(&work).map_err(|e| {
        said!("status-cannot-create-folder", folder = work.display().to_string(), reason = e.to_string())
    })?;
    let inputs: Vec<PathBuf> = (1..=designs.len())
        .map(|i| work.join(format!("board-{}-{i}.{}", std::process::id(), preset::EXTENSION)))
        .collect();
    let written: Result<(), Said> = designs
        .iter()
        .zip(&inputs)
        .try_for_each(|(design, path)| preset::save(path, design).map_err(|e| Said::new(move |l| e.in_language(l))));
    let result = written.and_then(|()| {
        let mut args: Vec<OsString> = vec!["board".into()];
        args.extend(inputs.iter().map(|input| input.clone().into_os_string()));
        args.extend(["--output".into(), output.as_os_str().to_owned()]);
        // The picture's labels in the client's language, what it says on failure in the advisor's.
        args.extend(["--lang".into(), languages.advisor.code().into()]);
        args.extend(["--client-language".into(), languages.client.code().into()]);
        if let Some(prices) = prices {
            args.extend(["--prices".into(), prices.as_os_str().to_owned()]);
        }
        if let Some(finish) = on_hand {
            args.extend(["--hand".into(), finish.slug().into()]);
        }
        let child = ChildJob::start(&args).map_err(|e| said!("status-export-cannot-start", reason = e.to_string()))?;
        // The child's last error line is already in the advisor's language (`--lang`).
        match child.wait_for_exit() {
            (Ok(status), _) if status.success() => Ok(output.to_path_buf()),
            (Ok(status), Some(line)) => Err(Said::as_written(format!("{line} ({status})"))),
            (Ok(status), None) => Err(said!("status-export-failed", code = status.to_string())),
            (Err(ChildLost::Silent), _) => Err(said!("status-export-silent")),
            (Err(ChildLost::Wait(reason)), _) => Err(said!("status-export-stopped", reason = reason)),
        }
    });
    for input in &inputs {
        let _ = std::fs::remove_file(input);
    }
    result
}

fn follow_export(mut export: ResMut<BoardExport>, mut status: ResMut<StatusLine>) {
    let Some(running) = &export.running else { return };
    let Some(result) = running.outcome() else { return };
    let result = result.unwrap_or_else(|| Err(said!("status-export-silent")));
    *status = match result {
        Ok(path) => StatusLine::info(said!("status-board-written", file = path.display().to_string())),
        Err(said) => StatusLine::error(said),
    };
    export.running = None;
}
