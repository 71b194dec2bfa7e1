//! The studio's egui side panel and loading screen. Panels only emit commands — each feature's own, carried as
//! `StudioCommand`s and routed to the feature that handles them; the 3D viewport gets what the panel leaves free.

pub mod dialogs;
pub mod panel;

use super::board::export::{BoardExport, ExportBoard};
use super::board::{BoardLayout, tile_rects};
use super::camera::{ViewCommand, ViewControls};
use super::collection::house_rules;
use super::document::DocumentCommand;
use super::import::Import;
use super::lighting::Presentation;
use super::loading::LoadingProgress;
use super::necklace::ShowBust;
use super::pack::job::{PackJob, PackOrder};
use super::presets::{self, PresetBrowser, PresetRequest};
use super::pricing::{Pricing, retail_price};
use super::recovery::RecoveryOffer;
use super::{StudioState, StudioSystems};
use crate::i18n::{Language, format};
use crate::studio::floor::Languages;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::{CurrentDesign, StatusLine};
use crate::tr;
use bevy::camera::CameraOutputMode;
use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui};
use dialogs::{Dialog, front_dialog, loading_overlay};
use panel::{PanelDrafts, design_panel, reset_drafts};

/// Width of the side panel, logical pixels.
const PANEL_WIDTH: f32 = 340.0;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<Drafts>()
        .add_systems(Startup, spawn_ui_camera)
        .add_systems(Update, use_the_studio_fonts)
        .add_systems(EguiPrimaryContextPass, studio_ui)
        .add_systems(Update, keyboard_shortcuts.in_set(StudioSystems::Input));
}

#[derive(Resource, Default)]
struct Drafts {
    panel: PanelDrafts,
    revision: u64,
    /// The approval pack's options being filled in.
    pack: PackOrder,
    /// Present mode shows the estimated price (the advisor's choice).
    present_with_price: bool,
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

fn studio_ui(
    mut contexts: EguiContexts,
    current: Res<CurrentDesign>,
    status: Res<StatusLine>,
    state: Res<State<StudioState>>,
    progress: Res<LoadingProgress>,
    mut drafts: ResMut<Drafts>,
    mut browser: ResMut<PresetBrowser>,
    mut view: ResMut<ViewControls>,
    presentation: Res<Presentation>,
    offer: Res<RecoveryOffer>,
    pricing: Res<Pricing>,
    (job, mut import, bust, mut house): (
        Res<PackJob>,
        ResMut<Import>,
        Res<super::necklace::BustShown>,
        ResMut<super::collection::StudioCollection>,
    ),
    (mut layout, board_export, languages, presenting, hand, client_data): (
        ResMut<BoardLayout>,
        Res<BoardExport>,
        Res<Languages>,
        Res<super::present::Presenting>,
        Res<super::hand::HandView>,
        (Res<super::clients::ClientData>, Res<super::language::settings::KeptAutosaves>),
    ),
    mut route: Route,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = languages.advisor;
    if drafts.revision != current.revision {
        reset_drafts(&mut drafts.panel);
        drafts.revision = current.revision;
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        "studio".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let mut emitted: Vec<StudioCommand> = Vec::new();
    // Presenting to the client: no panel, the piece fills the window, the client's strip over it.
    let mut strip_top = f32::INFINITY;
    if presenting.on {
        let price = presenting.show_price.then(|| retail_price(&pricing, current.design(), l)).flatten();
        let rules = house_rules(&current, &house);
        let (commands, top) = super::present::panel::present_strip(ctx, current.design(), rules.as_ref(), price, l);
        emitted.extend(commands);
        strip_top = top;
    }
    let panel_width = if presenting.on {
        0.0
    } else {
        egui::Panel::left("design")
            .exact_size(PANEL_WIDTH)
            .resizable(false)
            .show(&mut root, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.heading(
                            egui::RichText::new("Écrin").size(22.0).color(egui::Color32::from_rgb(232, 206, 150)),
                        );
                        ui.add_enabled_ui(current.history.can_undo(), |ui| {
                            if ui.button(tr!(l, "studio-undo")).on_hover_text("Ctrl+Z").clicked() {
                                emitted.push(DocumentCommand::Undo.into());
                            }
                        });
                        ui.add_enabled_ui(current.history.can_redo(), |ui| {
                            if ui.button(tr!(l, "studio-redo")).on_hover_text("Ctrl+Shift+Z").clicked() {
                                emitted.push(DocumentCommand::Redo.into());
                            }
                        });
                        emitted.extend(super::language::panel::advisor_language_ui(ui, &languages));
                    });
                    let ready = *state.get() == StudioState::Ready;
                    let rules = house_rules(&current, &house);
                    ui.add_enabled_ui(ready, |ui| {
                        let (variant_commands, request) = super::board::panel::variants_ui(
                            ui,
                            current.history.variants(),
                            board_export.is_running(),
                            l,
                        );
                        emitted.extend(variant_commands);
                        if request.open_several {
                            emitted.push(PresetRequest::Compare.into());
                        }
                        if request.export_board {
                            emitted.push(ExportBoard(None).into());
                        }
                        emitted.extend(
                            design_panel(ui, current.design(), &mut drafts.panel, rules.as_ref(), l)
                                .into_iter()
                                .map(StudioCommand::from),
                        );
                        if std::mem::take(&mut drafts.panel.sizer_asked) {
                            emitted.push(super::sizer::SizerCommand::Open.into());
                        }
                        if std::mem::take(&mut drafts.panel.light_map_asked) {
                            emitted.push(super::light_map::LightMapCommand::Open.into());
                        }
                        if std::mem::take(&mut drafts.panel.engraving_close_up_asked) {
                            emitted.push(ViewCommand::EngravingCloseUp.into());
                        }
                        price_ui(ui, &pricing, current.design(), l);
                        emitted.extend(super::document::panel::journal_ui(
                            ui,
                            &current.journal,
                            current.proposer,
                            current.journal_in_saves,
                            l,
                        ));
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(tr!(l, "studio-where-worn")).strong().size(15.0));
                        emitted.extend(super::lighting::panel::presentation_ui(ui, &presentation, l));
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(tr!(l, "studio-view")).strong().size(15.0));
                        ui.horizontal_wrapped(|ui| {
                            if ui.button(tr!(l, "present-enter")).on_hover_text(tr!(l, "present-enter-hover")).clicked()
                            {
                                let show_price = drafts.present_with_price;
                                emitted.push(super::present::PresentCommand::Enter { show_price }.into());
                            }
                            ui.checkbox(&mut drafts.present_with_price, tr!(l, "present-with-price"));
                        });
                        let (key, command) = match presenting.screen_open {
                            false => ("client-screen-open", super::present::PresentCommand::OpenScreen),
                            true => ("client-screen-close", super::present::PresentCommand::CloseScreen),
                        };
                        ui.horizontal_wrapped(|ui| {
                            if ui.button(l.tr(key)).on_hover_text(tr!(l, "client-screen-hover")).clicked() {
                                emitted.push(command.into());
                            }
                            let mut turning = presenting.screen_turning;
                            if presenting.screen_open
                                && ui.checkbox(&mut turning, tr!(l, "client-screen-turning")).changed()
                            {
                                emitted.push(super::present::PresentCommand::TurnOnClientScreen(turning).into());
                            }
                        });
                        if presenting.screen_open {
                            ui.horizontal_wrapped(|ui| {
                                let mut price = presenting.screen_price;
                                if ui.checkbox(&mut price, tr!(l, "client-screen-price")).changed() {
                                    emitted.push(super::present::PresentCommand::PriceOnClientScreen(price).into());
                                }
                                let mut board = presenting.screen_board;
                                if current.history.variants().is_board()
                                    && ui.checkbox(&mut board, tr!(l, "client-screen-board")).changed()
                                {
                                    emitted.push(super::present::PresentCommand::BoardOnClientScreen(board).into());
                                }
                            });
                        }
                        ui.horizontal_wrapped(|ui| {
                            let mut turning = view.turntable;
                            if ui.checkbox(&mut turning, tr!(l, "studio-turntable")).changed() {
                                emitted.push(ViewCommand::Turntable(turning).into());
                            }
                            if ui.button(tr!(l, "studio-reset-view")).clicked() {
                                emitted.push(ViewCommand::Reset.into());
                            }
                            if current.design().necklace.is_some() {
                                let mut shown = bust.0;
                                if ui.checkbox(&mut shown, tr!(l, "studio-bust")).changed() {
                                    emitted.push(ShowBust(shown).into());
                                }
                            }
                        });
                        if current.design().necklace.is_none() {
                            emitted.extend(super::hand::panel::hand_ui(ui, &hand, l));
                        }
                        emitted.extend(presets::presets_ui(
                            ui,
                            &mut browser,
                            current.file.as_deref(),
                            &current.design().name,
                            l,
                        ));
                        let add_model = (!import.picking() && !import.analysing())
                            .then(|| super::import::ImportCommand::Pick.into());
                        emitted.extend(super::collection::panel::collection_ui(ui, &mut house, add_model, l));
                        let variants = current.history.variants();
                        let of_variant = variants.is_board().then(|| (variants.active() + 1, variants.len()));
                        emitted.extend(super::pack::panel::approval_ui(
                            ui,
                            &job,
                            &mut drafts.pack,
                            of_variant,
                            &languages,
                            current.design().necklace.is_none(),
                        ));
                        emitted.extend(super::clients::panel::client_data_ui(ui, &client_data.0, *client_data.1, l));
                    });
                    if !status.is_empty() {
                        ui.add_space(8.0);
                        let colour = if status.is_error {
                            egui::Color32::from_rgb(255, 120, 100)
                        } else {
                            egui::Color32::LIGHT_GREEN
                        };
                        ui.label(egui::RichText::new(status.text(l)).color(colour));
                    }
                });
            })
            .response
            .rect
            .width()
    };
    // One dialog at a time, the others wait their turn.
    let loading = *state.get() == StudioState::Loading;
    let importing = import.dialog.is_some() || import.size_question.is_some();
    match front_dialog(loading, offer.0.is_some(), importing) {
        Some(Dialog::Loading) => loading_overlay(ctx, &progress, l),
        Some(Dialog::Recovery) => {
            if let Some(session) = &offer.0 {
                emitted.extend(super::recovery::panel::recovery_window(ctx, session, l));
            }
        }
        Some(Dialog::Import) => {
            if let Some(dialog) = import.dialog.as_mut() {
                emitted.extend(super::import::panel::import_dialog(ctx, dialog, l));
            } else if let Some(question) = import.size_question.as_mut() {
                emitted.extend(super::import::panel::size_question(ctx, question, l));
            }
        }
        None => {}
    }
    view.pointer_over_panel = ctx.egui_wants_pointer_input() || ctx.is_pointer_over_egui();
    route.send(emitted);

    // The 3D area right of the panel, split into the board's tiles when there are variants.
    let scale = window.scale_factor();
    let left = (panel_width * scale) as u32;
    // Presenting: the piece is framed above the client's strip.
    let bottom = ((strip_top - 8.0) * scale).clamp(16.0, window.physical_height() as f32) as u32;
    let full = UVec2::new(window.physical_width(), window.physical_height().min(bottom));
    if full.x > left + 16 && full.y > 16 {
        let tiles =
            tile_rects(UVec2::new(left, 0), UVec2::new(full.x - left, full.y), current.history.variants().len());
        if layout.tiles != tiles {
            layout.tiles = tiles;
        }
    }
    if *state.get() == StudioState::Ready && offer.0.is_none() && !presenting.on {
        let points: Vec<egui::Rect> = layout
            .tiles
            .iter()
            .map(|(position, size)| {
                let min = position.as_vec2() / scale;
                let max = (position + size).as_vec2() / scale;
                egui::Rect::from_min_max(egui::pos2(min.x, min.y), egui::pos2(max.x, max.y))
            })
            .collect();
        let overlays =
            super::board::panel::tile_overlays(ctx, current.history.variants(), &points, pricing.list.as_ref(), l);
        route.send(overlays);
    }
    Ok(())
}

/// The live price estimate from the boutique's price list (weights alone without one).
fn price_ui(ui: &mut egui::Ui, pricing: &Pricing, design: &crate::design::Design, l: Language) {
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr!(l, "studio-estimate")).strong().size(15.0));
    match (&pricing.list, &pricing.problem) {
        (Some(list), _) => match list.estimate(design) {
            Ok(estimate) => {
                let price = |amount: f32| format::price(l, f64::from(amount), &list.currency);
                let markup = format::number(l, f64::from(list.markup), 2);
                let cost = tr!(
                    l,
                    "studio-price-cost",
                    metal = price(estimate.metal),
                    stones = price(estimate.stones),
                    setting = price(estimate.setting),
                    making = price(estimate.making),
                    markup = markup
                );
                ui.label(egui::RichText::new(price(estimate.retail)).size(18.0).strong()).on_hover_text(cost);
            }
            Err(error) => {
                ui.label(egui::RichText::new(crate::i18n::errors::price_error(l, &error)).weak());
            }
        },
        (None, Some(problem)) => {
            let problem = crate::i18n::errors::price_error(l, problem);
            ui.label(egui::RichText::new(tr!(l, "studio-no-prices", problem = problem)).weak());
        }
        (None, None) => {
            ui.label(egui::RichText::new(tr!(l, "studio-no-price-list")).weak());
        }
    }
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
