//! The live picture drawn with egui, wherever it is shown: the camera's frame fitted to an area on a black ground,
//! the ring's own picture over it where the ring lies, tinted by the picture's light and faded as the hand comes and
//! goes. The advisor's 3D area (`panel.rs`) and the client's screen draw the same picture; nothing here decides.

use super::LiveTryOn;
use super::view::LiveView;
use crate::colour::linear_to_srgb8;
use crate::studio::present::screen::{ClientOverlay, ClientWindow};
use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiTextureHandle, EguiUserTextures, egui};

/// The frame and the ring as egui textures.
#[derive(Clone, Copy)]
pub struct LiveTextures {
    pub picture: egui::TextureId,
    pub ring: egui::TextureId,
}

impl LiveTextures {
    /// The view's images as textures every egui context can draw (the user textures are shared), added by `add`
    /// (`EguiContexts::add_image` or `EguiUserTextures::add_image`).
    pub fn of(view: &LiveView, mut add: impl FnMut(EguiTextureHandle) -> egui::TextureId) -> LiveTextures {
        LiveTextures {
            picture: add(EguiTextureHandle::Weak(view.picture.id())),
            ring: add(EguiTextureHandle::Weak(view.ring.id())),
        }
    }
}

/// Draws the frame fitted into `area` (black around it) and the ring on it; returns where the frame lies and its
/// scale (screen points per frame pixel), or `None` when there is no frame yet.
pub fn paint_live_picture(
    painter: &egui::Painter,
    area: egui::Rect,
    live: &LiveTryOn,
    view: &LiveView,
    textures: LiveTextures,
    images: &Assets<Image>,
) -> Option<(egui::Rect, f32)> {
    painter.rect_filled(area, 0.0, egui::Color32::BLACK);
    let session = live.session.as_ref()?;
    session.shown.as_ref()?;
    let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    let frame_size = images.get(&view.picture).map(|image| image.size().as_vec2()).unwrap_or(Vec2::ONE);
    let fit = (area.width() / frame_size.x).min(area.height() / frame_size.y);
    let picture = egui::Rect::from_center_size(area.center(), egui::vec2(frame_size.x, frame_size.y) * fit);
    painter.image(textures.picture, picture, uv, egui::Color32::WHITE);
    if let Some((centre, side)) = view.square {
        let at = picture.min + egui::vec2(centre.x, centre.y) * fit;
        let ring = egui::Rect::from_center_size(at, egui::Vec2::splat(side * fit));
        painter.image(textures.ring, ring, uv, ring_tint(view.light.tint, session.fade.opacity));
    }
    Some((picture, fit))
}

/// The ring's colour multiplier: the picture's tint at full strength (its gain is in the ring camera's exposure),
/// with the fade's opacity.
fn ring_tint(tint: [f32; 3], opacity: f32) -> egui::Color32 {
    let strongest = tint.iter().copied().fold(1e-3, f32::max);
    let [r, g, b] = tint.map(|c| linear_to_srgb8(c / strongest));
    egui::Color32::from_rgba_unmultiplied(r, g, b, (opacity.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// While the try-on runs, the client's screen shows its picture — the client sees the ring on their own hand, as
/// the advisor does — over the whole window (the piece's own view rests meanwhile, as the studio's does).
pub fn show_on_client_screen(
    live: Res<LiveTryOn>,
    view: Option<Res<LiveView>>,
    images: Res<Assets<Image>>,
    mut textures: ResMut<EguiUserTextures>,
    windows: Query<&Window, With<ClientWindow>>,
    mut overlays: Query<&mut EguiContext, With<ClientOverlay>>,
) {
    let (Some(view), Ok(window)) = (view, windows.single()) else { return };
    if !live.running() {
        return;
    }
    let ids = LiveTextures::of(&view, |image| textures.add_image(image));
    let scale = window.scale_factor().max(0.1);
    let size = window.physical_size().as_vec2() / scale;
    let area = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.x, size.y));
    for mut context in &mut overlays {
        let ctx = context.get_mut();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Background, egui::Id::new("tryon-client")));
        paint_live_picture(&painter, area, &live, &view, ids, &images);
    }
}
