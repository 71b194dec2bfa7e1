//! The engraving as it will be: cut inside the band, seen in the close-up view — the letters change the picture
//! where the text's box is, and nowhere else.

use super::hand::place_cameras;
use bevy::post_process::bloom::Bloom;
use bevy::prelude::*;
use ecrin::approval::View;
use ecrin::design::engraving::EngravingStyle;
use ecrin::design::{Design, DesignCommand};
use ecrin::geometry::engraving::engraving_map;
use ecrin::studio::headless::{Framing, Offscreen, view_transform};
use std::path::PathBuf;

/// Where a point of the world falls in a square picture seen from `camera` (Bevy's default 45° lens).
fn pixel_of(camera: &Transform, point: Vec3, size: u32) -> Vec2 {
    let view = camera.to_matrix().inverse();
    let projection = Mat4::perspective_rh(std::f32::consts::FRAC_PI_4, 1.0, 0.1, 1000.0);
    let clip = projection * view * point.extend(1.0);
    let ndc = clip.truncate() / clip.w;
    Vec2::new((ndc.x + 1.0) / 2.0, (1.0 - ndc.y) / 2.0) * size as f32
}

#[test]
fn the_engraving_is_cut_inside_the_band_and_changes_the_close_up_only_inside_its_text_box() {
    let size = 192;
    let text = "Toujours";
    let blank = Design { engraving_style: EngravingStyle::Block, ..Design::default() };
    let mut offscreen = Offscreen::new(blank.clone(), size, size);
    offscreen.run_until_ready(3000).expect("studio ready");
    // No glow: bloom would spread a change of highlight past the letters.
    let world = offscreen.world_mut();
    for mut bloom in world.query::<&mut Bloom>().iter_mut(world) {
        bloom.intensity = 0.0;
    }
    let close_up = view_transform(&blank, Framing::Ring, View::Engraving);
    place_cameras(&mut offscreen, close_up);
    let plain = offscreen.capture().expect("a plain band");
    offscreen.send(DesignCommand::SetEngraving(text.into()));
    offscreen.settle(600).expect("settled");
    let engraved = offscreen.capture().expect("an engraved band");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    plain.save(out.join("engraving-plain.png")).ok();
    engraved.save(out.join("engraving-block.png")).ok();

    // The text's box on the band's inside, as the camera sees it (a few pixels of margin for the walls' blur).
    let band_width = ecrin::studio::engraving::band_width_mm(&offscreen.design());
    let map = engraving_map(text, EngravingStyle::Block, blank.ring_size_mm, band_width).expect("a map");
    let r = map.inner_radius_mm;
    let on_band = |u: f32, v: f32| Vec3::new(r * (u / r).sin(), -r * (u / r).cos(), -v);
    let (mut lo, mut hi) = (Vec2::splat(f32::MAX), Vec2::splat(f32::MIN));
    for k in 0..=40 {
        let u = map.u_min + (map.u_max - map.u_min) * k as f32 / 40.0;
        for v in [map.v_min, map.v_max] {
            let p = pixel_of(&close_up, on_band(u, v), size);
            (lo, hi) = (lo.min(p), hi.max(p));
        }
    }
    let (lo, hi) = (lo - Vec2::splat(3.0), hi + Vec2::splat(3.0));
    let (mut inside, mut outside) = (0, 0);
    for (x, y, p) in engraved.enumerate_pixels() {
        let q = plain.get_pixel(x, y);
        let differs = (0..3).any(|c| (p[c] as i32 - q[c] as i32).abs() > 12);
        let within = (lo.x..=hi.x).contains(&(x as f32)) && (lo.y..=hi.y).contains(&(y as f32));
        match (differs, within) {
            (true, true) => inside += 1,
            (true, false) => outside += 1,
            _ => {}
        }
    }
    assert!(inside > 150, "the letters show inside their box ({inside} px, box {lo} to {hi})");
    assert!(outside <= inside / 50, "nothing changes outside the text's box ({outside} px vs {inside} inside)");

    // Another lettering is another cut: the script changes the picture again.
    offscreen.send(DesignCommand::SetEngravingStyle(EngravingStyle::Script));
    offscreen.settle(600).expect("settled");
    let script = offscreen.capture().expect("in script");
    script.save(out.join("engraving-script.png")).ok();
    let changed = script.pixels().zip(engraved.pixels()).filter(|(a, b)| a.0 != b.0).count();
    assert!(changed > 100, "the script is not the block letters ({changed} px)");
    offscreen.exit();
}
