//! The ring on the display hand: the hand view renders a hand sized to the ring, in the finish asked for; the
//! panel's controls emit the hand's commands in both languages.

use super::changed_centre;
use bevy::prelude::*;
use bevy_egui::egui;
use ecrin::approval::View;
use ecrin::design::{Design, DesignCommand};
use ecrin::geometry::hand::{HandFinish, scale_for};
use ecrin::i18n::Language;
use ecrin::studio::floor::commands::StudioCommand;
use ecrin::studio::hand::panel::hand_ui;
use ecrin::studio::hand::{HandCommand, HandFraming, HandRoot, HandView};
use ecrin::studio::headless::{Framing, Offscreen, view_transform};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

pub(crate) fn place_cameras(offscreen: &mut Offscreen, transform: Transform) {
    let world = offscreen.world_mut();
    let mut cameras = world.query_filtered::<&mut Transform, With<Camera3d>>();
    for mut camera in cameras.iter_mut(world) {
        *camera = transform;
    }
}

fn hand_scales(offscreen: &mut Offscreen) -> Vec<f32> {
    let world = offscreen.world_mut();
    let mut roots = world.query_filtered::<(&Transform, &Visibility), With<HandRoot>>();
    roots.iter(world).filter(|(_, v)| **v != Visibility::Hidden).map(|(t, _)| t.scale.x).collect()
}

/// Mean colour of the pixels that differ from `background` (the hand's).
fn mean_colour_of_changes(picture: &image::RgbaImage, background: &image::RgbaImage) -> [f32; 3] {
    let (mut sum, mut n) = ([0.0f32; 3], 0.0f32);
    for (x, y, p) in picture.enumerate_pixels() {
        let q = background.get_pixel(x, y);
        if (0..3).map(|c| (p[c] as i32 - q[c] as i32).abs()).sum::<i32>() > 60 {
            for c in 0..3 {
                sum[c] += f32::from(p[c]);
            }
            n += 1.0;
        }
    }
    sum.map(|s| s / n.max(1.0))
}

#[test]
fn the_hand_view_shows_the_ring_on_a_hand_sized_to_it_in_the_finish_asked_for() {
    let size = 128;
    let mut offscreen = Offscreen::new(Design::default(), size, size);
    offscreen.run_until_ready(3000).expect("studio ready");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let from_the_hand_view = view_transform(&offscreen.design(), Framing::Ring, View::Hand);
    place_cameras(&mut offscreen, from_the_hand_view);
    let bare = offscreen.capture().expect("the ring alone");
    assert!(hand_scales(&mut offscreen).is_empty(), "no hand until the advisor asks for it");

    offscreen.show_hand(true).expect("the hand shows");
    let porcelain = offscreen.capture().expect("on the hand");
    porcelain.save(out.join("hand-porcelain.png")).ok();
    let (_, _, hand_pixels) = changed_centre(&porcelain, &bare, 20);
    assert!(hand_pixels > (size * size / 3) as usize, "the hand fills the view: {hand_pixels} px");
    let [r, g, b] = mean_colour_of_changes(&porcelain, &bare);
    assert!(r > 150.0 && (r - b).abs() < 25.0 && (r - g).abs() < 20.0, "porcelain is pale and neutral: {r} {g} {b}");

    // Sized to the ring: the main piece's hand is scaled with the ring size.
    let ring_size = offscreen.design().ring_size_mm;
    assert_eq!(hand_scales(&mut offscreen), vec![scale_for(ring_size)]);
    offscreen.send(DesignCommand::SetRingSize(62.0));
    offscreen.settle(600).expect("settled");
    assert_eq!(hand_scales(&mut offscreen), vec![scale_for(62.0)]);

    // A skin tone: warm, darker than porcelain.
    offscreen.send(HandCommand::Finish(HandFinish::MediumSkin));
    offscreen.settle(600).expect("settled");
    let resized_view = view_transform(&offscreen.design(), Framing::Ring, View::Hand);
    place_cameras(&mut offscreen, resized_view);
    let skin = offscreen.capture().expect("on a skin-toned hand");
    skin.save(out.join("hand-medium-skin.png")).ok();
    let [r, g, b] = mean_colour_of_changes(&skin, &bare);
    assert!(r > b + 30.0 && r > g + 10.0, "a skin tone is warm: {r} {g} {b}");

    // Hidden again: nothing of the hand is left.
    offscreen.show_hand(false).expect("hidden");
    assert!(hand_scales(&mut offscreen).is_empty());
    offscreen.exit();
}

#[test]
fn the_hand_controls_emit_the_hands_commands_in_both_languages() {
    for l in [Language::French, Language::English] {
        let hidden = HandView::default();
        let mut harness = Harness::new_ui_state(
            move |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(hand_ui(ui, &hidden, l)),
            Vec::new(),
        );
        harness.run();
        assert!(harness.query_by_label(&l.tr(HandFraming::ThreeQuarter.key())).is_none(), "framings once shown");
        harness.get_by_label(&l.tr("hand-shown")).click();
        harness.run();
        assert!(harness.state().contains(&HandCommand::Show(true).into()), "{:?}", harness.state());

        let shown = HandView { shown: true, ..HandView::default() };
        let mut harness = Harness::new_ui_state(
            move |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(hand_ui(ui, &shown, l)),
            Vec::new(),
        );
        harness.run();
        harness.get_by_label(&l.tr(HandFraming::Turning.key())).click();
        harness.run();
        harness.get_by_role(egui::accesskit::Role::ComboBox).click();
        harness.run();
        harness.get_by_label(&l.term(HandFinish::DeepSkin)).click();
        harness.run();
        let emitted = harness.state();
        assert!(emitted.contains(&HandCommand::Frame(HandFraming::Turning).into()), "{emitted:?}");
        assert!(emitted.contains(&HandCommand::Finish(HandFinish::DeepSkin).into()), "{emitted:?}");
    }
}

#[test]
fn the_board_compares_stone_sizes_each_on_its_own_hand() {
    use ecrin::design::variants::VariantCommand;
    use ecrin::studio::document::DocumentCommand;
    use ecrin::studio::lighting::{Background, Presentation};
    let (width, height) = (256, 128);
    let small = Design { stone: ecrin::design::Stone { size_mm: 5.1, ..Design::default().stone }, ..Design::default() };
    let mut offscreen = Offscreen::new(small.clone(), width, height);
    offscreen.run_until_ready(3000).expect("studio ready");
    offscreen.present(Presentation { background: Background::White, ..Presentation::default() }).expect("white");
    offscreen.send(DocumentCommand::Variant(VariantCommand::Duplicate));
    offscreen.send(DesignCommand::SetStoneSize(7.4));
    offscreen.show_board(600).expect("the board's pieces are composed");
    offscreen.show_hand(true).expect("on the hand");
    // A skin tone: a porcelain hand on white is white on white.
    offscreen.send(HandCommand::Finish(HandFinish::FairSkin));
    offscreen.settle(600).expect("settled");
    place_cameras(&mut offscreen, view_transform(&small, Framing::Ring, View::Hand));
    let board = offscreen.capture().expect("board");
    board.save(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("board-on-hands.png")).ok();
    // Each tile is mostly its hand (not the white background): the 0.5 ct on the left, the 1.5 ct on the right.
    let covered = |x0: u32| {
        let mut count = 0;
        for y in 0..height {
            for x in x0..x0 + width / 2 - 2 {
                count += usize::from(board.get_pixel(x, y).0[..3].iter().any(|&c| c < 235));
            }
        }
        count
    };
    let tile = (width / 2 * height) as usize;
    let (left, right) = (covered(0), covered(width / 2 + 2));
    assert!(left > tile / 3 && right > tile / 3, "a hand in each tile ({left}, {right} px of {tile})");
    assert_eq!(hand_scales(&mut offscreen).len(), 2, "one hand per variant");
    offscreen.exit();
}
