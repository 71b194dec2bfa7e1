//! Tests that every combination the panel offers is a ring without gaps or interpenetration at the joins: the
//! head's base meets the band's top, the stones clear the metal they must not touch, the band's stones sit in it.

use super::cut::{facet_planes, unit_polyhedron};
use super::polyhedron::Plane;
use super::ring::head;
use super::shank::shank_stones;
use super::shank::{BAND_THICKNESS_MM, REFERENCE_INNER_DIAMETER_MM, reference_shank_top_mm, shank};
use crate::design::{Cut, Setting, ShankStyle};
use glam::{Affine3A, Quat, Vec3};

/// Stone sizes a bench makes (mm): small, usual, large.
const SIZES: [f32; 3] = [4.0, 6.5, 12.0];

/// How the studio places a head on the band (`scene.rs`): on the band's top, turned a quarter about Y, scaled.
fn head_place(size: f32) -> Affine3A {
    Affine3A::from_scale_rotation_translation(
        Vec3::splat(size),
        Quat::from_rotation_y(std::f32::consts::FRAC_PI_2),
        Vec3::new(0.0, reference_shank_top_mm(), 0.0),
    )
}

/// How deep `point` is inside a convex solid (positive inside), given its planes.
fn depth_inside(planes: &[Plane], point: Vec3) -> f32 {
    planes.iter().map(|p| p.offset - p.normal.dot(point)).fold(f32::MAX, f32::min)
}

/// Stone sizes a setting is made for (a three-stone ring takes centre stones up to 10 mm).
fn sizes(setting: Setting) -> [f32; 3] {
    if setting == Setting::ThreeStone { [4.0, 6.5, crate::design::limits::THREE_STONE_MAX_MM] } else { SIZES }
}

#[test]
fn every_head_meets_the_band_without_a_gap() {
    let outer = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM;
    for setting in Setting::ALL {
        for cut in Cut::ALL {
            let metal = &head(setting, cut).metal;
            for size in sizes(setting) {
                // Each part of the head (the centre's basket; a three-stone's side heads) reaches the band's outer
                // surface where it stands: touching or sunk into it to be soldered (never through to the finger),
                // never floating above it.
                let points: Vec<Vec3> =
                    metal.positions.iter().map(|&p| head_place(size).transform_point3(p.into())).collect();
                // Along the band, the centre's basket ends with the centre stone's outline; the side heads are beyond.
                let along_band = |p: &Vec3| p.x / size;
                let reach = super::outline::Outline::of(cut).support(std::f32::consts::FRAC_PI_2) + 0.02;
                let parts: Vec<(&str, Box<dyn Fn(&Vec3) -> bool>)> = if setting == Setting::ThreeStone {
                    vec![
                        ("centre", Box::new(move |p: &Vec3| along_band(p).abs() <= reach)),
                        ("side", Box::new(move |p: &Vec3| along_band(p) > reach)),
                        ("other side", Box::new(move |p: &Vec3| along_band(p) < -reach)),
                    ]
                } else {
                    vec![("head", Box::new(|_: &Vec3| true))]
                };
                for (name, in_part) in parts {
                    let gap =
                        points.iter().filter(|p| in_part(p)).map(|p| p.x.hypot(p.y) - outer).fold(f32::MAX, f32::min);
                    assert!(
                        (-(BAND_THICKNESS_MM - 0.05)..=0.02).contains(&gap),
                        "{setting:?} {cut:?} {size} mm: the {name}'s base is {gap:.3} mm from the band's surface"
                    );
                }
            }
        }
    }
}

#[test]
fn centre_stones_clear_every_band_and_small_stones_clear_the_band() {
    let outer = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM;
    for setting in Setting::ALL {
        for cut in Cut::ALL {
            let made = head(setting, cut);
            let planes = facet_planes(cut);
            for size in sizes(setting) {
                let place = head_place(size);
                let stone_place = place * Affine3A::from_translation(made.seat);
                // The centre stone's culet stays above the band's top.
                let (lo, _) = unit_polyhedron(cut).bounds();
                let culet = stone_place.transform_point3(Vec3::new(0.0, lo.y, 0.0)).y - reference_shank_top_mm();
                assert!(culet > 0.0, "{setting:?} {cut:?} {size} mm: culet {culet:.3} mm into the band");
                // No band of any style reaches into the centre stone (cathedral shoulders, split strands…).
                let to_stone = stone_place.inverse();
                for style in ShankStyle::ALL {
                    let band = shank(style);
                    let deepest = band
                        .positions
                        .iter()
                        .map(|&p| depth_inside(&planes, to_stone.transform_point3(p.into())) * size)
                        .fold(f32::MIN, f32::max);
                    assert!(deepest < 0.0, "{style:?} band {deepest:.3} mm inside a {size} mm {cut:?} ({setting:?})");
                }
                // Halo, side and hidden-halo stones stay outside the band (their culets above its outer surface).
                if let Some((_, placements)) = &made.melee {
                    for stone in placements {
                        let culet_at = (place * *stone).transform_point3(Vec3::new(0.0, lo.y.min(-0.4), 0.0));
                        let radius = culet_at.x.hypot(culet_at.y);
                        let over_band = culet_at.z.abs() > 1.1 || radius > outer - 0.05;
                        assert!(over_band, "{setting:?} {cut:?} {size} mm: a small stone's culet is in the band");
                    }
                }
            }
        }
    }
}

#[test]
fn band_stones_are_set_into_their_band() {
    let outer = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM;
    for style in ShankStyle::ALL {
        for stone in shank_stones(style) {
            let girdle = stone.translation;
            let radius = girdle.x.hypot(girdle.y);
            // The girdle at the band's outer surface (pavé) or just under the rails (channel): the crown shows, the
            // pavilion is held in the metal.
            assert!((outer - 0.15..=outer + 0.05).contains(&radius), "{style:?}: girdle at radius {radius:.3}");
            assert!(girdle.z.abs() < 1e-4, "{style:?}: stones run along the band's middle");
        }
    }
    assert!(shank_stones(ShankStyle::Channel).len() > shank_stones(ShankStyle::Pave).len());
}

#[test]
fn shoulders_rise_and_strands_part_where_they_should() {
    let top = reference_shank_top_mm();
    let cathedral = shank(ShankStyle::Cathedral);
    let (_, hi) = cathedral.bounds();
    assert!(hi.y > top + 0.3, "cathedral shoulders rise beside the head (top {:.2} vs band {top:.2})", hi.y);
    let under_head = cathedral.positions.iter().filter(|p| p[0].abs() < 0.3).map(|p| p[1]).fold(f32::MIN, f32::max);
    assert!((under_head - top).abs() < 0.1, "the head's seat on the band stays level ({under_head:.2})");
    // Split: a gap between the strands on the shoulders (no metal near the middle at 30° from the top).
    let split = shank(ShankStyle::Split);
    let shoulder = Vec3::new(0.5f32.sin(), 0.5f32.cos(), 0.0) * (top - 0.5);
    let metal_near = split.positions.iter().any(|&p| (Vec3::from(p) - shoulder).length() < 0.4);
    assert!(!metal_near, "the split shank's strands part on the shoulders");
}
