//! The live try-on's controls and picture. In the View section (rings): look for the cameras, choose one and its
//! resolution, start it or a photo; while it runs, stop, the finger and the hand. Over the 3D area: the camera's
//! picture with the ring drawn where it lies on the finger, lit by the picture's light and faded as the hand comes
//! and goes, and a line saying what the try-on sees. Returns commands; draws only.

use super::picture::{LiveTextures, paint_live_picture};
use super::source::RESOLUTIONS;
use super::view::LiveView;
use super::{CameraList, LiveState, LiveTryOn, TryOnCommand};
use crate::i18n::Language;
use crate::studio::board::BoardLayout;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::studio::floor::{KeptPictures, Languages};
use crate::tr;
use crate::tryon::Finger;
use crate::tryon::live::Look;
use crate::tryon::place::Hand;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, egui};

/// The try-on's rows in the View section.
#[derive(SystemParam)]
pub struct TryOnSection<'w> {
    live: Res<'w, LiveTryOn>,
    kept: Res<'w, KeptPictures>,
}

impl TryOnSection<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        try_on_ui(ui, &self.live, &self.kept, l)
    }
}

/// The try-on's rows.
pub fn try_on_ui(ui: &mut egui::Ui, live: &LiveTryOn, kept: &KeptPictures, l: Language) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.label(egui::RichText::new(tr!(l, "tryon-live-title")).strong());
    if live.running() {
        ui.horizontal_wrapped(|ui| {
            if ui.add(egui::Button::new(tr!(l, "tryon-live-stop"))).clicked() {
                out.push(TryOnCommand::Stop.into());
            }
            let finger = |f: Finger| l.term(f);
            egui::ComboBox::from_id_salt("tryon-finger").selected_text(finger(live.finger)).show_ui(ui, |ui| {
                for f in Finger::ALL {
                    if ui.selectable_label(live.finger == f, finger(f)).clicked() && f != live.finger {
                        out.push(TryOnCommand::Finger(f).into());
                    }
                }
            });
            let hand = |h: Option<Hand>| match h {
                None => tr!(l, "tryon-hand-guessed"),
                Some(Hand::Left) => tr!(l, "tryon-hand-left"),
                Some(Hand::Right) => tr!(l, "tryon-hand-right"),
            };
            egui::ComboBox::from_id_salt("tryon-hand").selected_text(hand(live.hand)).show_ui(ui, |ui| {
                for h in [None, Some(Hand::Left), Some(Hand::Right)] {
                    if ui.selectable_label(live.hand == h, hand(h)).clicked() && h != live.hand {
                        out.push(TryOnCommand::Hand(h).into());
                    }
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            let mut agreed = live.consent;
            let tick = ui.checkbox(&mut agreed, tr!(l, "tryon-consent")).on_hover_text(tr!(l, "tryon-consent-hover"));
            if tick.changed() {
                out.push(TryOnCommand::Consent(agreed).into());
            }
            let can = live.consent && live.ring().is_some();
            let button = ui.add_enabled(can, egui::Button::new(tr!(l, "tryon-snapshot")));
            if button.on_hover_text(tr!(l, "tryon-snapshot-hover")).clicked() {
                out.push(TryOnCommand::Snapshot.into());
            }
        });
        ui.horizontal_wrapped(|ui| {
            let can = live.ring().is_some() && !live.card.as_ref().is_some_and(|c| c.holding);
            let button = ui.add_enabled(can, egui::Button::new(tr!(l, "tryon-card-start")));
            if button.on_hover_text(tr!(l, "tryon-card-start-hover")).clicked() {
                out.push(TryOnCommand::CardStart.into());
            }
            if live.is_live() {
                let mut mirrored = live.mirrored;
                let tick =
                    ui.checkbox(&mut mirrored, tr!(l, "tryon-mirror")).on_hover_text(tr!(l, "tryon-mirror-hover"));
                if tick.changed() {
                    out.push(TryOnCommand::Mirror(mirrored).into());
                }
            }
        });
        if let Some(estimate) = live.card.as_ref().and_then(|c| c.estimate) {
            ui.label(estimate.in_language(l));
            if ui.button(tr!(l, "sizer-open")).clicked() {
                out.push(crate::studio::sizer::SizerCommand::Open.into());
            }
        }
        kept_ui(ui, kept, &mut out, l);
        return out;
    }
    kept_ui(ui, kept, &mut out, l);
    ui.horizontal_wrapped(|ui| {
        match &live.cameras {
            CameraList::Found(found) if !found.is_empty() => {
                let chosen = found.iter().find(|c| Some(c.index) == live.camera).unwrap_or(&found[0]);
                egui::ComboBox::from_id_salt("tryon-camera").selected_text(chosen.name.clone()).show_ui(ui, |ui| {
                    for camera in found {
                        let picked = ui.selectable_label(camera.index == chosen.index, camera.name.clone());
                        if picked.clicked() && camera.index != chosen.index {
                            out.push(TryOnCommand::Camera(camera.index).into());
                        }
                    }
                });
                let size = |(w, h): (u32, u32)| format!("{w} × {h}");
                egui::ComboBox::from_id_salt("tryon-resolution").selected_text(size(live.resolution)).show_ui(
                    ui,
                    |ui| {
                        for resolution in RESOLUTIONS {
                            let picked = ui.selectable_label(resolution == live.resolution, size(resolution));
                            if picked.clicked() && resolution != live.resolution {
                                out.push(TryOnCommand::Resolution(resolution).into());
                            }
                        }
                    },
                );
                let kind = super::source::SourceKind::Camera { index: chosen.index, resolution: live.resolution };
                if ui.button(tr!(l, "tryon-live-start")).clicked() {
                    out.push(TryOnCommand::Start(kind).into());
                }
            }
            CameraList::Looking(_) => {
                ui.spinner();
                ui.label(tr!(l, "tryon-live-looking-for-cameras"));
            }
            _ => {
                let button = ui.button(tr!(l, "tryon-live-camera")).on_hover_text(tr!(l, "tryon-live-camera-hover"));
                if button.clicked() {
                    out.push(TryOnCommand::ListCameras.into());
                }
            }
        }
        if ui.button(tr!(l, "tryon-live-photo")).on_hover_text(tr!(l, "tryon-live-photo-hover")).clicked() {
            out.push(TryOnCommand::ChoosePhoto.into());
        }
    });
    let problem = match (&live.cameras, &live.state) {
        (_, LiveState::Failed(error)) | (CameraList::Failed(error), _) => Some(error.in_language(l)),
        (CameraList::Found(found), _) if found.is_empty() => Some(crate::tryon::TryOnError::NoCamera.in_language(l)),
        _ => None,
    };
    if let Some(problem) = problem {
        ui.colored_label(egui::Color32::from_rgb(230, 150, 120), problem);
    }
    out
}

/// The pictures kept for the approval pack, and forgetting them.
fn kept_ui(ui: &mut egui::Ui, kept: &KeptPictures, out: &mut Vec<StudioCommand>, l: Language) {
    if kept.pictures.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "tryon-snapshots-kept", count = kept.pictures.len()));
        if ui.button(tr!(l, "tryon-snapshots-forget")).clicked() {
            out.push(TryOnCommand::ForgetSnapshots.into());
        }
    });
}

/// What the try-on says over its picture.
pub fn seeing_key(live: &LiveTryOn) -> &'static str {
    let Some(session) = live.session.as_ref() else { return "tryon-live-off" };
    match session.looked.as_ref().map(|looked| &looked.look) {
        _ if live.state == LiveState::Starting => "tryon-live-starting",
        None | Some(Look::Searching) => "tryon-live-searching",
        Some(Look::Seen { finger: None, .. }) => "tryon-live-no-finger",
        Some(Look::Seen { .. }) => "tryon-live-seen",
    }
}

/// The picture and the ring over the 3D area while the try-on runs.
pub fn show_live_view(
    mut contexts: EguiContexts,
    live: Res<LiveTryOn>,
    view: Option<Res<LiveView>>,
    layout: Res<BoardLayout>,
    languages: Res<Languages>,
    images: Res<Assets<Image>>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut route: Route,
) -> Result {
    let Some(view) = view else { return Ok(()) };
    if !live.running() {
        return Ok(());
    }
    let ids = LiveTextures::of(&view, |image| contexts.add_image(image));
    let ctx = contexts.ctx_mut()?;
    let scale = window.scale_factor();
    let (Some(first), Some(last)) = (layout.tiles.first(), layout.tiles.last()) else { return Ok(()) };
    let area = egui::Rect::from_min_max(
        egui::pos2(first.0.x as f32 / scale, first.0.y as f32 / scale),
        egui::pos2((last.0.x + last.1.x) as f32 / scale, (last.0.y + last.1.y) as f32 / scale),
    );
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Background, egui::Id::new("tryon-live")));
    if let Some((picture, fit)) = paint_live_picture(&painter, area, &live, &view, ids, &images)
        && let Some(card) = live.card.as_ref().filter(|c| c.holding)
    {
        route.send(card_clicks(ctx, &painter, picture, fit, card));
    }
    let l = languages.advisor;
    let mut out: Vec<StudioCommand> = Vec::new();
    egui::Area::new(egui::Id::new("tryon-live-status")).fixed_pos(area.min + egui::vec2(12.0, 12.0)).show(ctx, |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.set_max_width(area.width() * 0.6);
            match live.card.as_ref().filter(|c| c.holding) {
                Some(card) => {
                    match card.estimate {
                        Some(estimate) => ui.label(estimate.in_language(l)),
                        None => ui.label(tr!(l, "tryon-card-click", left = (4 - card.corners.len()) as u32)),
                    };
                    if ui.button(tr!(l, "tryon-card-end")).clicked() {
                        out.push(TryOnCommand::CardEnd.into());
                    }
                }
                None => {
                    ui.horizontal(|ui| {
                        ui.label(l.tr(seeing_key(&live)));
                        if ui.button(tr!(l, "tryon-live-stop")).clicked() {
                            out.push(TryOnCommand::Stop.into());
                        }
                    });
                }
            }
        });
    });
    route.send(out);
    Ok(())
}

/// The held picture takes the card's corners: a click is a corner (in the picture's pixels); those clicked are
/// drawn, joined in the order they go round the card.
fn card_clicks(
    ctx: &egui::Context,
    painter: &egui::Painter,
    picture: egui::Rect,
    fit: f32,
    card: &super::CardMeasure,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let on_screen = |at: glam::Vec2| picture.min + egui::vec2(at.x, at.y) * fit;
    let gold = egui::Color32::from_rgb(232, 206, 150);
    if let Ok(corners) = <[glam::Vec2; 4]>::try_from(card.corners.as_slice()) {
        let (around, _) = crate::tryon::card::card_corners(corners);
        let outline: Vec<egui::Pos2> = around.iter().map(|&c| on_screen(c)).collect();
        painter.add(egui::Shape::closed_line(outline, egui::Stroke::new(1.5, gold)));
    }
    for &corner in &card.corners {
        painter.circle_stroke(on_screen(corner), 6.0, egui::Stroke::new(2.0, gold));
    }
    if card.corners.len() < 4 {
        let clicked = ctx.input(|i| i.pointer.primary_clicked().then(|| i.pointer.interact_pos()).flatten());
        if let Some(at) = clicked.filter(|at| picture.contains(*at)) {
            let in_picture = (at - picture.min) / fit;
            out.push(TryOnCommand::CardCorner(glam::Vec2::new(in_picture.x, in_picture.y)).into());
        }
    }
    out
}
