//! Preset library and file dialogs: lists the shipped presets and the advisor's own, opens and saves them.
//! Native dialogs (rfd) run in the background (`background.rs`) so the studio keeps drawing while one is open.

use super::StudioSystems;
use super::document::DocumentCommand;
use crate::design::preset;
use crate::studio::floor::background::Background;
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::files::{file_stem_for, sample_title, shipped_presets_dir, user_presets_dir};
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;
use std::path::{Path, PathBuf};

/// What a dialog came back with.
enum DialogResult {
    Open(PathBuf),
    SaveAs(PathBuf),
    /// Presets to open side by side on the board.
    Compare(Vec<PathBuf>),
}

/// What the advisor asks of the preset files (the dialogs run in the background, `background.rs`).
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum PresetRequest {
    /// The file dialog to open a preset.
    Open,
    /// The file dialog to save under another name (suggested: the design's).
    SaveAs(String),
    /// The file dialog to pick two to four presets to open side by side.
    Compare,
    /// Save straight into My presets under the design's name (works where no file dialog can open).
    SaveToMine(String),
}

crate::carried!(PresetRequest);

/// Listing of the preset folders and the dialog in flight.
#[derive(Resource, Default)]
pub struct PresetBrowser {
    pub shipped: Vec<PathBuf>,
    pub own: Vec<PathBuf>,
    /// Presets ticked in the lists, to open side by side.
    pub ticked: Vec<PathBuf>,
    dialog: Option<Background<Option<DialogResult>>>,
    listed_at: Option<f64>,
    /// The folders being listed (in the background: a frame never waits on the disk).
    listing: Option<Background<(Vec<PathBuf>, Vec<PathBuf>)>>,
}

impl PresetBrowser {
    /// Whether a file dialog is open.
    pub fn asking(&self) -> bool {
        self.dialog.is_some()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PresetBrowser>().add_message::<PresetRequest>().add_systems(
        Update,
        (refresh_listing, carry_out_requests, receive_dialog).chain().in_set(StudioSystems::Input),
    );
}

fn carry_out_requests(
    mut requests: MessageReader<PresetRequest>,
    mut browser: ResMut<PresetBrowser>,
    mut document: MessageWriter<DocumentCommand>,
    mut status: ResMut<StatusLine>,
    languages: Option<Res<crate::studio::floor::Languages>>,
) {
    let language = languages.map(|l| l.advisor).unwrap_or_default();
    for request in requests.read() {
        match request {
            // One dialog at a time.
            PresetRequest::Open | PresetRequest::SaveAs(_) | PresetRequest::Compare if browser.asking() => {}
            PresetRequest::Open | PresetRequest::SaveAs(_) | PresetRequest::Compare => {
                browser.dialog = Some(spawn_dialog(request.clone(), language));
            }
            PresetRequest::SaveToMine(name) => {
                let dir = user_presets_dir();
                match std::fs::create_dir_all(&dir) {
                    Ok(()) => {
                        let path = dir.join(format!("{}.{}", file_stem_for(name), preset::EXTENSION));
                        document.write(DocumentCommand::SavePreset(Some(path)));
                    }
                    Err(error) => {
                        *status = StatusLine::error(crate::said!(
                            "status-cannot-create-folder",
                            folder = dir.display().to_string(),
                            reason = error.to_string()
                        ))
                    }
                }
                browser.listed_at = None;
            }
        }
    }
}

/// Lists the two preset folders every couple of seconds (or when a save or a dialog may have changed them), in the
/// background.
fn refresh_listing(time: Res<Time>, mut browser: ResMut<PresetBrowser>) {
    if let Some(listing) = &browser.listing {
        match listing.outcome() {
            None => return,
            Some(Some((shipped, own))) => (browser.shipped, browser.own) = (shipped, own),
            Some(None) => {}
        }
        browser.listing = None;
    }
    let now = time.elapsed_secs_f64();
    if browser.listed_at.is_some_and(|at| now - at < 2.0) {
        return;
    }
    browser.listing = Some(Background::thread(|sender| {
        let _ = sender.send((preset::list(&shipped_presets_dir()), preset::list(&user_presets_dir())));
    }));
    browser.listed_at = Some(now);
}

fn receive_dialog(mut browser: ResMut<PresetBrowser>, mut commands: MessageWriter<DocumentCommand>) {
    let Some(dialog) = &browser.dialog else { return };
    let Some(result) = dialog.outcome() else { return };
    let result = result.flatten();
    browser.dialog = None;
    browser.listed_at = None;
    match result {
        Some(DialogResult::Open(path)) => {
            commands.write(DocumentCommand::OpenPreset(path));
        }
        Some(DialogResult::SaveAs(path)) => {
            commands.write(DocumentCommand::SavePreset(Some(path)));
        }
        Some(DialogResult::Compare(paths)) if paths.len() == 1 => {
            commands.write(DocumentCommand::OpenPreset(paths[0].clone()));
        }
        Some(DialogResult::Compare(paths)) => {
            commands.write(DocumentCommand::OpenPresets(paths));
        }

        None => {}
    }
}

/// The native dialog for a request, on its own thread (the studio keeps drawing while it is open).
fn spawn_dialog(request: PresetRequest, l: crate::i18n::Language) -> Background<Option<DialogResult>> {
    let (filter, compare) = (crate::tr!(l, "dialog-preset-filter"), crate::tr!(l, "dialog-compare-title"));
    Background::thread(move |sender| {
        let start = user_presets_dir();
        let _ = std::fs::create_dir_all(&start);
        let presets = rfd::FileDialog::new().add_filter(filter, &[preset::EXTENSION]).set_directory(&start);
        let result = match request {
            PresetRequest::Open => presets.pick_file().map(DialogResult::Open),
            PresetRequest::SaveAs(suggested) => presets
                .set_file_name(format!("{}.{}", file_stem_for(&suggested), preset::EXTENSION))
                .save_file()
                .map(DialogResult::SaveAs),
            PresetRequest::Compare => presets.set_title(compare).pick_files().map(DialogResult::Compare),
            PresetRequest::SaveToMine(_) => None,
        };
        let _ = sender.send(result);
    })
}

/// The side panel's file section and what it reads.
#[derive(SystemParam)]
pub struct PresetsSection<'w> {
    browser: ResMut<'w, PresetBrowser>,
    current: Res<'w, CurrentDesign>,
}

impl PresetsSection<'_> {
    pub fn show(&mut self, ui: &mut egui::Ui, l: crate::i18n::Language) -> Vec<StudioCommand> {
        presets_ui(ui, &mut self.browser, self.current.file.as_deref(), &self.current.design().name, l)
    }
}

/// The file section of the panel: Open / Save / Save As and the two preset lists.
pub fn presets_ui(
    ui: &mut egui::Ui,
    browser: &mut PresetBrowser,
    current_file: Option<&Path>,
    design_name: &str,
    l: crate::i18n::Language,
) -> Vec<StudioCommand> {
    use crate::tr;
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr!(l, "presets-title")).strong().size(15.0));
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(!browser.asking(), |ui| {
            if ui.button(tr!(l, "presets-open")).clicked() {
                out.push(PresetRequest::Open.into());
            }
            if ui
                .button(tr!(l, "presets-save"))
                .on_hover_text(current_file.map(|f| f.display().to_string()).unwrap_or_default())
                .clicked()
            {
                match current_file {
                    Some(_) => out.push(DocumentCommand::SavePreset(None).into()),
                    None => out.push(PresetRequest::SaveAs(design_name.to_string()).into()),
                }
            }
            if ui.button(tr!(l, "presets-save-as")).clicked() {
                out.push(PresetRequest::SaveAs(design_name.to_string()).into());
            }
        });
    });
    if ui.button(tr!(l, "presets-save-to-mine")).clicked() {
        out.push(PresetRequest::SaveToMine(design_name.to_string()).into());
    }
    if let Some(file) = current_file {
        ui.label(egui::RichText::new(file.display().to_string()).weak().small());
    }
    // A click opens a preset; ticking two to four opens them side by side.
    let mut ticked = std::mem::take(&mut browser.ticked);
    for (id, title, files) in
        [("shipped", tr!(l, "presets-samples"), &browser.shipped), ("own", tr!(l, "presets-mine"), &browser.own)]
    {
        let header = format!("{title} ({})", files.len());
        egui::CollapsingHeader::new(header).id_salt(id).default_open(true).show(ui, |ui| {
            for path in files {
                let label = sample_title(path, l).filter(|_| id == "shipped").unwrap_or_else(|| {
                    path.file_stem().map(|s| s.to_string_lossy().replace('-', " ")).unwrap_or_default()
                });
                ui.horizontal(|ui| {
                    let mut tick = ticked.contains(path);
                    let room = tick || ticked.len() < crate::design::variants::MAX_VARIANTS;
                    if ui
                        .add_enabled(room, egui::Checkbox::without_text(&mut tick))
                        .on_hover_text(tr!(l, "presets-compare-tick"))
                        .changed()
                    {
                        if tick {
                            ticked.push(path.clone());
                        } else {
                            ticked.retain(|p| p != path);
                        }
                    }
                    if ui.selectable_label(current_file == Some(path.as_path()), label).clicked() {
                        out.push(DocumentCommand::OpenPreset(path.clone()).into());
                    }
                });
            }
        });
    }
    if ticked.len() >= 2 && ui.button(tr!(l, "presets-compare-ticked", count = ticked.len())).clicked() {
        out.push(DocumentCommand::OpenPresets(std::mem::take(&mut ticked)).into());
    }
    browser.ticked = ticked;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_is_listed_in_the_background_while_frames_go_on() {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins).add_plugins(crate::studio::core_plugin).add_plugins(plugin);
        app.insert_resource(crate::studio::floor::CurrentDesign::new(crate::design::Design::default()));
        let mut frames = 0;
        while app.world().resource::<PresetBrowser>().shipped.is_empty() {
            app.update();
            frames += 1;
            assert!(frames < 100_000, "the listing never came back");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let shipped = &app.world().resource::<PresetBrowser>().shipped;
        assert!(shipped.iter().any(|p| p.ends_with("classic-solitaire.ron")), "{shipped:?}");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem_for("Rose-gold oval halo"), "rose-gold-oval-halo");
        assert_eq!(file_stem_for("Émilie & Paul ♥"), "émilie-paul");
        assert_eq!(file_stem_for("../../etc"), "etc");
        assert_eq!(file_stem_for("!!"), "design");
    }
}
