//! Preset library and file dialogs: lists the shipped presets and the advisor's own, opens and saves them.
//! Native dialogs (rfd) run on a worker thread so the studio keeps drawing while one is open.

use super::StudioSystems;
use super::state::StudioCommand;
use crate::design::preset;
use bevy::prelude::*;
use bevy_egui::egui;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// The shipped sample presets: `$ECRIN_PRESETS`, else `./presets`, else the source tree's.
pub fn shipped_presets_dir() -> PathBuf {
    std::env::var_os("ECRIN_PRESETS")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("presets")).filter(|p| p.is_dir()))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets"))
}

/// The advisor's own presets, in the user's data folder (never leaves the machine).
pub fn user_presets_dir() -> PathBuf {
    directories::ProjectDirs::from("studio", "Ecrin", "Ecrin")
        .map(|dirs| dirs.data_dir().join("presets"))
        .unwrap_or_else(|| PathBuf::from("my-presets"))
}

/// What a dialog came back with.
enum DialogResult {
    Open(PathBuf),
    SaveAs(PathBuf),
    /// Presets to open side by side on the board.
    Compare(Vec<PathBuf>),
}

/// What a dialog asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialog {
    Open,
    SaveAs,
    Compare,
}

/// Listing of the preset folders and the dialog in flight.
#[derive(Resource, Default)]
pub struct PresetBrowser {
    pub shipped: Vec<PathBuf>,
    pub own: Vec<PathBuf>,
    /// Presets ticked in the lists, to open side by side.
    pub ticked: Vec<PathBuf>,
    dialog: Option<Mutex<Receiver<Option<DialogResult>>>>,
    listed_at: Option<f64>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PresetBrowser>()
        .add_systems(Update, (refresh_listing, receive_dialog).in_set(StudioSystems::Input));
}

fn refresh_listing(time: Res<Time>, mut browser: ResMut<PresetBrowser>) {
    let now = time.elapsed_secs_f64();
    if browser.listed_at.is_some_and(|at| now - at < 2.0) {
        return;
    }
    browser.shipped = preset::list(&shipped_presets_dir());
    browser.own = preset::list(&user_presets_dir());
    browser.listed_at = Some(now);
}

fn receive_dialog(mut browser: ResMut<PresetBrowser>, mut commands: MessageWriter<StudioCommand>) {
    let Some(receiver) = &browser.dialog else { return };
    let received = receiver.lock().ok().and_then(|r| r.try_recv().ok());
    let Some(result) = received else { return };
    browser.dialog = None;
    browser.listed_at = None;
    match result {
        Some(DialogResult::Open(path)) => {
            commands.write(StudioCommand::OpenPreset(path));
        }
        Some(DialogResult::SaveAs(path)) => {
            commands.write(StudioCommand::SavePreset(Some(path)));
        }
        Some(DialogResult::Compare(paths)) if paths.len() == 1 => {
            commands.write(StudioCommand::OpenPreset(paths[0].clone()));
        }
        Some(DialogResult::Compare(paths)) => {
            commands.write(StudioCommand::OpenPresets(paths));
        }

        None => {}
    }
}

/// A file name for a design name: lower-case letters, digits and dashes.
pub fn file_stem_for(name: &str) -> String {
    crate::approval::pack::safe_file_stem(&name.to_lowercase())
}

fn spawn_dialog(browser: &mut PresetBrowser, kind: Dialog, suggested: String) {
    let (sender, receiver) = channel();
    let start = user_presets_dir();
    let _ = std::fs::create_dir_all(&start);
    std::thread::spawn(move || {
        let presets = rfd::FileDialog::new().add_filter("Écrin preset", &[preset::EXTENSION]).set_directory(&start);
        let result = match kind {
            Dialog::Open => presets.pick_file().map(DialogResult::Open),
            Dialog::SaveAs => presets
                .set_file_name(format!("{suggested}.{}", preset::EXTENSION))
                .save_file()
                .map(DialogResult::SaveAs),
            Dialog::Compare => presets.set_title("Presets to compare (2 to 4)").pick_files().map(DialogResult::Compare),
        };
        let _ = sender.send(result);
    });
    browser.dialog = Some(Mutex::new(receiver));
}

/// Asks (native dialog) which presets to open side by side.
pub fn ask_for_presets_to_compare(browser: &mut PresetBrowser) {
    if browser.dialog.is_none() {
        spawn_dialog(browser, Dialog::Compare, String::new());
    }
}

/// The file section of the panel: Open / Save / Save As and the two preset lists.
pub fn presets_ui(
    ui: &mut egui::Ui,
    browser: &mut PresetBrowser,
    current_file: Option<&Path>,
    design_name: &str,
) -> Vec<StudioCommand> {
    let mut out = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Presets").strong().size(15.0));
    let busy = browser.dialog.is_some();
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!busy, |ui| {
            if ui.button("Open…").clicked() {
                spawn_dialog(browser, Dialog::Open, String::new());
            }
            if ui
                .button("Save")
                .on_hover_text(current_file.map(|f| f.display().to_string()).unwrap_or_default())
                .clicked()
            {
                match current_file {
                    Some(_) => out.push(StudioCommand::SavePreset(None)),
                    None => spawn_dialog(browser, Dialog::SaveAs, file_stem_for(design_name)),
                }
            }
            if ui.button("Save As…").clicked() {
                spawn_dialog(browser, Dialog::SaveAs, file_stem_for(design_name));
            }
        });
    });
    // No dialog needed: straight into My presets under the design's name (works where no file dialog can open).
    if ui.button("Save to My presets").clicked() {
        let dir = user_presets_dir();
        match std::fs::create_dir_all(&dir) {
            Ok(()) => {
                let path = dir.join(format!("{}.{}", file_stem_for(design_name), preset::EXTENSION));
                out.push(StudioCommand::SavePreset(Some(path)));
            }
            Err(error) => {
                out.push(StudioCommand::ReportError(format!("{}: cannot create the folder: {error}", dir.display())))
            }
        }
        browser.listed_at = None;
    }
    if let Some(file) = current_file {
        ui.label(egui::RichText::new(file.display().to_string()).weak().small());
    }
    // A click opens a preset; ticking two to four opens them side by side.
    let mut ticked = std::mem::take(&mut browser.ticked);
    for (title, files) in [("Boutique samples", &browser.shipped), ("My presets", &browser.own)] {
        egui::CollapsingHeader::new(format!("{title} ({})", files.len())).default_open(true).show(ui, |ui| {
            for path in files {
                let label = path.file_stem().map(|s| s.to_string_lossy().replace('-', " ")).unwrap_or_default();
                ui.horizontal(|ui| {
                    let mut tick = ticked.contains(path);
                    let room = tick || ticked.len() < crate::design::variants::MAX_VARIANTS;
                    if ui.add_enabled(room, egui::Checkbox::without_text(&mut tick)).on_hover_text("Compare").changed()
                    {
                        if tick {
                            ticked.push(path.clone());
                        } else {
                            ticked.retain(|p| p != path);
                        }
                    }
                    if ui.selectable_label(current_file == Some(path.as_path()), label).clicked() {
                        out.push(StudioCommand::OpenPreset(path.clone()));
                    }
                });
            }
        });
    }
    if ticked.len() >= 2 && ui.button(format!("Compare the {} ticked side by side", ticked.len())).clicked() {
        out.push(StudioCommand::OpenPresets(std::mem::take(&mut ticked)));
    }
    browser.ticked = ticked;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem_for("Rose-gold oval halo"), "rose-gold-oval-halo");
        assert_eq!(file_stem_for("Émilie & Paul ♥"), "émilie-paul");
        assert_eq!(file_stem_for("../../etc"), "etc");
        assert_eq!(file_stem_for("!!"), "design");
    }
}
