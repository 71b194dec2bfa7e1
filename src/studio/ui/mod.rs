//! The studio's egui layout: which feature's section goes where in the side panel, the present strip in its place,
//! the dialogs in turn, the board's tiles in what the panels leave (`PanelSpace`). Each section is its feature's
//! widget with the few resources it reads (a `SystemParam`), and sends its own feature's commands; this file only
//! orders them.

pub mod dialogs;
pub mod panel;

use super::board::panel::{VariantsSection, fit_tiles, show_tile_overlays};
use super::camera::{ViewButtons, note_pointer_over_panels};
use super::clients::panel::ClientDataSection;
use super::collection::panel::CollectionSection;
use super::document::DocumentCommand;
use super::document::panel::JournalSection;
use super::hand::panel::HandSection;
use super::import::Import;
use super::language::panel::advisor_language_ui;
use super::lighting::panel::PresentationSection;
use super::necklace::panel::BustCheckbox;
use super::pack::panel::ApprovalSection;
use super::present::Presenting;
use super::present::panel::{PresentControls, show_present_strip};
use super::presets::PresetsSection;
use super::pricing::PriceSection;
use super::proposals::panel::{ProposalsSection, show_candidate_overlays};
use super::recovery::RecoveryOffer;
use super::tryon::live::panel::{TryOnSection, show_live_view};
use super::tryon::live::view::LiveView;
use super::workshop::panel::WorkshopSection;
use super::{StudioState, StudioSystems};
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::widgets::{PanelSpace, section_title, status_line};
use crate::studio::floor::{CurrentDesign, Languages, StatusLine};
use crate::tr;
use bevy::camera::CameraOutputMode;
use bevy::camera::visibility::RenderLayers;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy_egui::{EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui};
use dialogs::show_front_dialog;
use panel::DesignSection;

/// Width of the side panel, logical pixels.
const PANEL_WIDTH: f32 = 340.0;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<PanelSpace>()
        .add_systems(Startup, spawn_ui_camera)
        .add_systems(Update, use_the_studio_fonts)
        .add_systems(
            EguiPrimaryContextPass,
            (
                // Present mode's strip, or the advisor's panel: what they take, the 3D view does not get.
                show_present_strip.run_if(presenting),
                side_panel.run_if(not(presenting)),
                show_front_dialog,
                fit_tiles,
                show_live_view.run_if(resource_exists::<LiveView>),
                show_tile_overlays.run_if(tiles_free),
                show_candidate_overlays.run_if(tiles_free),
                // Last: whether any of them holds the pointer.
                note_pointer_over_panels,
            )
                .chain(),
        )
        .add_systems(Update, keyboard_shortcuts.in_set(StudioSystems::Input));
}

/// Every egui context (the studio's, the client's screen's) draws with the sheet's fonts: egui's own, and DejaVu Sans
/// Condensed for the signs they lack (the journal's "→" was a "□").
fn use_the_studio_fonts(mut contexts: Query<&mut bevy_egui::EguiContext, Added<bevy_egui::EguiContext>>) {
    for mut context in &mut contexts {
        context.get_mut().set_fonts(crate::approval::sheet::fonts());
    }
}

fn spawn_ui_camera(mut commands: Commands, mut settings: ResMut<EguiGlobalSettings>) {
    // egui draws on its own camera over the 3D view, which is shrunk to the area the panel leaves free.
    settings.auto_create_primary_context = false;
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            // After the 3D views (the main camera and the board's tiles).
            order: 10,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
    ));
}

/// The sections of the side panel, top to bottom, each with the few resources it reads.
#[derive(SystemParam)]
struct SidePanelSections<'w, 's> {
    variants: VariantsSection<'w>,
    design: DesignSection<'w, 's>,
    /// The estimate and Écrin's proposals within a budget, which read it.
    price: (PriceSection<'w>, ProposalsSection<'w>),
    workshop: WorkshopSection<'w>,
    journal: JournalSection<'w>,
    presentation: PresentationSection<'w>,
    present: PresentControls<'w, 's>,
    view: ViewButtons<'w>,
    bust: BustCheckbox<'w>,
    hand: HandSection<'w>,
    try_on: TryOnSection<'w>,
    presets: PresetsSection<'w>,
    collection: CollectionSection<'w>,
    import: Res<'w, Import>,
    approval: ApprovalSection<'w, 's>,
    clients: ClientDataSection<'w>,
}

/// The advisor's side panel (not while presenting): the header, then each feature's section in turn, then the
/// status line. Each section sends its own feature's commands.
fn side_panel(
    mut contexts: EguiContexts,
    state: Res<State<StudioState>>,
    current: Res<CurrentDesign>,
    status: Res<StatusLine>,
    languages: Res<Languages>,
    mut sections: SidePanelSections,
    mut space: ResMut<PanelSpace>,
    mut route: Route,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = languages.advisor;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "studio".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let ready = *state.get() == StudioState::Ready;
    let panel = egui::Panel::left("design").exact_size(PANEL_WIDTH).resizable(false).show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            route.send(header_ui(ui, &current, &languages));
            let s = &mut sections;
            ui.add_enabled_ui(ready, |ui| {
                route.send(s.variants.show(ui, l));
                let rules = s.collection.rules();
                route.send(s.design.show(ui, rules.as_ref(), l));
                s.price.0.show(ui, l);
                route.send(s.price.1.show(ui, l));
                route.send(s.workshop.show(ui, l));
                route.send(s.journal.show(ui, l));
                route.send(s.presentation.show(ui, l));
                section_title(ui, tr!(l, "studio-view"));
                route.send(s.present.show(ui, l));
                ui.horizontal_wrapped(|ui| {
                    route.send(s.view.show(ui, l));
                    route.send(s.bust.show(ui, l));
                });
                if current.design().necklace.is_none() {
                    route.send(s.hand.show(ui, l));
                    route.send(s.try_on.show(ui, l));
                }
                route.send(s.presets.show(ui, l));
                let add_model = s.import.add_model_command();
                route.send(s.collection.show(ui, add_model, l));
                route.send(s.approval.show(ui));
                route.send(s.clients.show(ui, l));
            });
            status_line(ui, &status, l);
        });
    });
    *space = PanelSpace { left: panel.response.rect.width(), bottom_edge: f32::INFINITY };
    Ok(())
}

/// The panel's first row: Écrin, Undo / Redo, the advisor's language.
fn header_ui(ui: &mut egui::Ui, current: &CurrentDesign, languages: &Languages) -> Vec<StudioCommand> {
    let l = languages.advisor;
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(egui::RichText::new("Écrin").size(22.0).color(egui::Color32::from_rgb(232, 206, 150)));
        ui.add_enabled_ui(current.history.can_undo(), |ui| {
            if ui.button(tr!(l, "studio-undo")).on_hover_text("Ctrl+Z").clicked() {
                out.push(DocumentCommand::Undo.into());
            }
        });
        ui.add_enabled_ui(current.history.can_redo(), |ui| {
            if ui.button(tr!(l, "studio-redo")).on_hover_text("Ctrl+Shift+Z").clicked() {
                out.push(DocumentCommand::Redo.into());
            }
        });
        out.extend(advisor_language_ui(ui, languages));
    });
    out
}

fn presenting(presenting: Res<Presenting>) -> bool {
    presenting.on
}

/// The board's tiles take buttons only when nothing is in front of them.
fn tiles_free(state: Res<State<StudioState>>, offer: Res<RecoveryOffer>, presenting: Res<Presenting>) -> bool {
    *state.get() == StudioState::Ready && offer.0.is_none() && !presenting.on
}

fn keyboard_shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    mut contexts: EguiContexts,
    mut commands: MessageWriter<DocumentCommand>,
) {
    if contexts.ctx_mut().is_ok_and(|ctx| ctx.egui_wants_keyboard_input()) {
        return;
    }
    let control = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if control && keys.just_pressed(KeyCode::KeyZ) {
        commands.write(if shift { DocumentCommand::Redo } else { DocumentCommand::Undo });
    } else if control && keys.just_pressed(KeyCode::KeyY) {
        commands.write(DocumentCommand::Redo);
    }
}
