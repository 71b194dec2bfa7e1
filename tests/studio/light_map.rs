//! The centre stone's light map: traced off the frame when the advisor opens it and again when the stone changes;
//! the design panel's button asks for it and the window's Close closes it, in both languages.

use super::{command_app, send};
use bevy::prelude::*;
use ecrin::design::{Cut, DesignCommand};
use ecrin::i18n::Language;
use ecrin::studio::floor::commands::StudioCommand;
use ecrin::studio::light_map::panel::light_map_window;
use ecrin::studio::light_map::{LightMap, LightMapCommand, Traced};
use ecrin::studio::ui::panel::{PanelDrafts, design_panel};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Frames until the map being traced comes in (each frame only looks at the worker's channel).
fn traced(app: &mut App) -> Traced {
    for _ in 0..2000 {
        app.update();
        if let Some(traced) = app.world_mut().resource_mut::<LightMap>().traced.take() {
            return traced;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the light map never came");
}

#[test]
fn the_light_map_is_traced_off_the_frame_and_follows_the_stone() {
    let mut app = command_app();
    app.add_plugins(ecrin::studio::light_map::headless_plugin);
    app.update();
    assert!(!app.world().resource::<LightMap>().is_tracing(), "nothing is traced before the advisor asks");
    send(&mut app, LightMapCommand::Open);
    let (picture, round) = traced(&mut app).expect("the round brilliant's map");
    assert_eq!(picture.size, [ecrin::studio::light_map::MAP_SIZE as usize; 2]);
    assert!((round.iter().sum::<f32>() - 1.0).abs() < 1e-3, "{round:?}");
    assert!(round[0] > 0.2, "a well-cut round returns the observer's contrast: {round:?}");
    // Another cut: traced again, other shares.
    send(&mut app, DesignCommand::SetCut(Cut::Emerald));
    let (_, emerald) = traced(&mut app).expect("the emerald cut's map");
    assert!((emerald[0] - round[0]).abs() > 0.02 || (emerald[1] - round[1]).abs() > 0.02, "{emerald:?} {round:?}");
    send(&mut app, LightMapCommand::Close);
    let map = app.world().resource::<LightMap>();
    assert!(!map.open && map.shown.is_none());
}

#[test]
fn the_panel_asks_for_the_light_map_and_its_window_closes_in_both_languages() {
    for l in Language::ALL {
        let design = ecrin::design::Design::default();
        let mut harness = Harness::new_ui_state(
            |ui, (drafts, emitted): &mut (PanelDrafts, Vec<StudioCommand>)| {
                emitted.extend(design_panel(ui, &design, drafts, None, l));
            },
            (PanelDrafts::default(), Vec::new()),
        );
        harness.run();
        harness.get_by_label(&l.tr("light-map-open")).click();
        harness.run();
        // The light map's own command, sent as the light map's (no flag passed sideways).
        assert_eq!(harness.state().1, [LightMapCommand::Open.into()], "{l:?}");

        let traced = ecrin::studio::light_map::trace(&design).expect("a map");
        let mut window = Harness::builder().with_size(bevy_egui::egui::vec2(600.0, 700.0)).build_ui_state(
            move |ui, (shown, out): &mut (Option<_>, Vec<_>)| {
                if shown.is_none() {
                    let (image, shares) = traced.clone();
                    *shown = Some((ui.ctx().load_texture("map", image, Default::default()), shares));
                }
                out.extend(light_map_window(ui.ctx(), shown.as_ref(), false, false, l));
            },
            (None, Vec::new()),
        );
        window.run();
        window.get_by_label(&l.tr("light-map-close")).click();
        window.run();
        let emitted = &window.state().1;
        assert!(emitted.contains(&LightMapCommand::Close.into()), "{l:?}: {emitted:?}");
    }
}
