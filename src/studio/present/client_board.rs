//! What else the client's screen shows when the advisor chooses: the board's variants side by side (one camera per
//! variant in its own part of the window, all following the advisor's camera, so sizes compare truly) and the
//! estimated price, in the client's language, over the picture.

use super::Presenting;
use super::screen::{ClientCamera, ClientOverlay, ClientTile, ClientWindow, spawn_client_tile};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::Languages;
use crate::studio::lighting::{Presentation, StudioEnvironment};
use crate::studio::pricing::Pricing;
use bevy::camera::{CameraOutputMode, RenderTarget, Viewport};
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy::window::WindowRef;
use bevy_egui::{EguiContext, EguiSchedule, egui};

/// The egui camera over the client's picture (drawn after its 3D cameras, never clearing them).
pub fn spawn_overlay(commands: &mut Commands, target: RenderTarget) {
    commands.spawn((
        ClientOverlay,
        Camera2d,
        bevy::camera::visibility::RenderLayers::none(),
        Camera {
            order: 90,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
        target,
        EguiSchedule::new(super::screen::ClientScreenPass),
    ));
}

/// One client camera per variant on the board when the advisor shows it there, each in its tile of the window; the
/// main piece alone, the whole window, otherwise.
pub fn match_client_tiles(
    mut commands: Commands,
    presenting: Res<Presenting>,
    current: Res<CurrentDesign>,
    environment: Res<StudioEnvironment>,
    presentation: Res<Presentation>,
    windows: Query<(Entity, &Window), With<ClientWindow>>,
    mut tiles: Query<(Entity, &ClientTile, &mut Camera, &RenderTarget), With<ClientCamera>>,
) {
    let count = if presenting.screen_board { current.history.variants().len() } else { 1 };
    for (window, window_size) in &windows {
        let size = window_size.physical_size();
        let rects = crate::studio::board::tile_rects(UVec2::ZERO, size, count);
        let in_window =
            |target: &RenderTarget| matches!(target, RenderTarget::Window(WindowRef::Entity(w)) if *w == window);
        for (camera, tile, mut settings, target) in &mut tiles {
            if !in_window(target) {
                continue;
            }
            if tile.0 >= count {
                commands.entity(camera).despawn();
                continue;
            }
            let viewport = (count > 1 && size.x > 0 && size.y > 0).then(|| Viewport {
                physical_position: rects[tile.0].0,
                physical_size: rects[tile.0].1.max(UVec2::ONE),
                ..default()
            });
            let same = |a: &Option<Viewport>, b: &Option<Viewport>| match (a, b) {
                (Some(a), Some(b)) => a.physical_position == b.physical_position && a.physical_size == b.physical_size,
                (None, None) => true,
                _ => false,
            };
            if !same(&settings.viewport, &viewport) {
                settings.viewport = viewport;
            }
        }
        for slot in 1..count {
            if tiles.iter().any(|(_, tile, _, target)| tile.0 == slot && in_window(target)) {
                continue;
            }
            let target = RenderTarget::Window(WindowRef::Entity(window));
            spawn_client_tile(&mut commands, slot, &environment, &presentation, target);
        }
    }
}

/// The estimated price on the client's screen, in the client's language, when the advisor shows it: the main
/// piece's, or each variant's in its own tile.
pub fn client_screen_words(
    presenting: Res<Presenting>,
    pricing: Option<Res<Pricing>>,
    current: Res<CurrentDesign>,
    languages: Option<Res<Languages>>,
    windows: Query<&Window, With<ClientWindow>>,
    mut overlays: Query<&mut EguiContext, With<ClientOverlay>>,
) {
    if !presenting.screen_price {
        return;
    }
    let (Some(pricing), Ok(window)) = (pricing, windows.single()) else { return };
    let client = languages.map(|l| l.client).unwrap_or_default();
    let designs = current.history.variants().designs();
    let count = if presenting.screen_board { designs.len() } else { 1 };
    // Tiles in the window's logical points (egui's), as `match_client_tiles` lays them out.
    let rects = crate::studio::board::tile_rects(UVec2::ZERO, window.physical_size(), count);
    let scale = window.scale_factor().max(0.1);
    for mut context in &mut overlays {
        let ctx = context.get_mut();
        for (slot, (position, size)) in rects.iter().enumerate() {
            let design = if count == 1 { current.design() } else { &designs[slot] };
            let Some(price) = crate::studio::pricing::retail_price(&pricing, design, client) else { continue };
            let bottom_left = egui::pos2(position.x as f32 / scale + 32.0, (position.y + size.y) as f32 / scale - 28.0);
            egui::Area::new(egui::Id::new(("client price", slot)))
                .fixed_pos(bottom_left)
                .pivot(egui::Align2::LEFT_BOTTOM)
                .show(ctx, |ui| {
                    // On a dark veil: legible over a white porcelain hand as over the velvet.
                    egui::Frame::new()
                        .fill(egui::Color32::from_black_alpha(150))
                        .corner_radius(8.0)
                        .inner_margin(egui::Margin::symmetric(18, 8))
                        .show(ui, |ui| {
                            let colour = egui::Color32::from_rgb(240, 232, 220);
                            ui.label(
                                egui::RichText::new(price).size(if count == 1 { 42.0 } else { 32.0 }).color(colour),
                            );
                        });
                });
        }
    }
}
