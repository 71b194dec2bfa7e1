//! The light map's window: the traced picture, the four zones with their colours and shares, and Close. Emits
//! commands only.

use super::{LightMap, LightMapCommand, MAP_SIZE};
use crate::i18n::{Language, format};
use crate::optics::aset::Zone;
use crate::studio::floor::Languages;
use crate::studio::floor::commands::{Route, StudioCommand};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn light_map_ui(
    mut contexts: EguiContexts,
    mut map: ResMut<LightMap>,
    languages: Res<Languages>,
    mut route: Route,
) -> Result {
    if !map.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if let Some(traced) = map.traced.take() {
        map.shown =
            traced.map(|(image, shares)| (ctx.load_texture("light-map", image, egui::TextureOptions::LINEAR), shares));
        if map.shown.is_none() {
            map.traced = Some(None);
        }
    }
    let nothing = matches!(map.traced, Some(None));
    let commands = light_map_window(ctx, map.shown.as_ref(), map.is_tracing(), nothing, languages.advisor);
    route.send(commands);
    Ok(())
}

/// The window: the map when there is one, "tracing…" while it is made, or why there is none.
pub fn light_map_window(
    ctx: &egui::Context,
    shown: Option<&(egui::TextureHandle, [f32; 4])>,
    tracing: bool,
    no_stone: bool,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    let mut open = true;
    egui::Window::new(tr!(l, "light-map-title"))
        .id(egui::Id::new("light-map"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        // Over the view, beside the piece: the panel's stone controls stay free to try another cut.
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-16.0, 16.0))
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(tr!(l, "light-map-explain")).weak());
            match shown {
                Some((texture, shares)) => {
                    let side = egui::vec2(MAP_SIZE as f32 * 1.5, MAP_SIZE as f32 * 1.5);
                    ui.add(egui::Image::new((texture.id(), side)));
                    for (zone, share) in Zone::ALL.iter().zip(shares) {
                        legend_row(ui, *zone, *share, l);
                    }
                }
                None if no_stone => _ = ui.label(tr!(l, "light-map-no-stone")),
                None => _ = ui.label(tr!(l, "light-map-tracing")),
            }
            if tracing && shown.is_some() {
                ui.label(egui::RichText::new(tr!(l, "light-map-tracing")).weak());
            }
            if ui.button(tr!(l, "light-map-close")).clicked() {
                out.push(LightMapCommand::Close.into());
            }
        });
    if !open {
        out.push(LightMapCommand::Close.into());
    }
    out
}

fn legend_row(ui: &mut egui::Ui, zone: Zone, share: f32, l: Language) {
    let [r, g, b] = zone.colour().map(|c| (c * 255.0).round() as u8);
    let percent = format::number(l, f64::from(share * 100.0), 0);
    let words = match zone {
        Zone::Observer => tr!(l, "light-map-observer", percent = percent),
        Zone::High => tr!(l, "light-map-high", percent = percent),
        Zone::Low => tr!(l, "light-map-low", percent = percent),
        Zone::Leak => tr!(l, "light-map-leak", percent = percent),
    };
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
        ui.label(words);
    });
}
