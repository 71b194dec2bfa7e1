//! Ring components: shanks (in mm, at a reference size) and heads (in stone lengths, sized to the stone).
//!
//! Ring frame: the finger runs along Z, the ring lies in the XY plane, the head sits on top (+Y).
//! A head's origin is the top of the shank; its `seat` is where the centre stone's girdle centre goes.

use super::cut::{dimensions_mm, proportions, unit_polyhedron};
use super::mesh::{MeshData, sweep, wire};
use super::outline::Outline;
use crate::design::{Cut, Setting, ShankStyle};
use glam::{Affine3A, Vec2, Vec3};
use std::f32::consts::{PI, TAU};

/// Inner diameter (mm) the shank models are made at; the studio offsets the band radially for other sizes.
pub const REFERENCE_INNER_DIAMETER_MM: f32 = 17.0;
/// Band width along the finger and thickness, mm.
pub const BAND_WIDTH_MM: f32 = 2.2;
pub const BAND_THICKNESS_MM: f32 = 1.7;

/// The band: its cross-section swept around the finger (a twisted band: two wires).
pub fn shank(style: ShankStyle) -> MeshData {
    match style {
        ShankStyle::Twisted => return super::shank::twisted_band(),
        ShankStyle::Cathedral => return super::shank::cathedral_band(),
        ShankStyle::Split => return super::shank::split_band(),
        ShankStyle::Channel => return super::shank::channel_band(),
        ShankStyle::ComfortFit | ShankStyle::KnifeEdge | ShankStyle::Pave => {}
    }
    let inner_radius = REFERENCE_INNER_DIAMETER_MM / 2.0;
    let profile: Vec<[f32; 3]> = band_profile(style).into_iter().map(|(radial, along)| [1.0, radial, along]).collect();
    let segments = 160;
    let path: Vec<(Vec3, Vec3, Vec3)> = (0..segments)
        .map(|i| {
            let theta = TAU * i as f32 / segments as f32;
            let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
            (outward * inner_radius, outward, Vec3::Z)
        })
        .collect();
    sweep(&path, &profile)
}

/// The band's cross-section: (radial offset from the inner surface, position along the finger), mm,
/// counter-clockwise.
pub fn band_profile(style: ShankStyle) -> Vec<(f32, f32)> {
    let (half_w, t) = (BAND_WIDTH_MM / 2.0, BAND_THICKNESS_MM);
    let samples = 48;
    (0..samples)
        .map(|j| {
            let angle = TAU * j as f32 / samples as f32;
            let (c, s) = (angle.cos(), angle.sin());
            // Superellipse: flat-ish sides, domed top and a gently domed (comfort) inside.
            let along = half_w * c.signum() * c.abs().powf(0.45);
            let radial = match style {
                // Twisted, cathedral, split and channel bands are made in shank.rs from the comfort profile.
                ShankStyle::ComfortFit
                | ShankStyle::Pave
                | ShankStyle::Twisted
                | ShankStyle::Cathedral
                | ShankStyle::Split
                | ShankStyle::Channel => t / 2.0 + t / 2.0 * s.signum() * s.abs().powf(0.6),
                // Knife edge: the outer half rises to a ridge along the band's middle.
                ShankStyle::KnifeEdge if s > 0.0 => t * (0.42 + 0.58 * (1.0 - (along / half_w).abs()).powf(0.9)),
                ShankStyle::KnifeEdge => t * 0.42 * (1.0 - s.abs().powf(0.6)),
            };
            (radial, along)
        })
        .collect()
}

/// How far the band moves out from the reference size for a ring size, mm (negative: in).
pub fn band_shift_mm(ring_size_mm: f32) -> f32 {
    (crate::design::ring_size::inner_diameter_mm(ring_size_mm) - REFERENCE_INNER_DIAMETER_MM) / 2.0
}

/// A point of the band (or a stone set in it) moved out radially by `shift` mm, the finger axis kept.
pub fn moved_with_band(point: Vec3, shift: f32) -> Vec3 {
    let radius = point.x.hypot(point.y);
    let scale = if radius > 1e-6 { (radius + shift) / radius } else { 1.0 };
    Vec3::new(point.x * scale, point.y * scale, point.z)
}

/// The band's vertices (modelled at the reference size) moved out radially by `shift` mm (`band_shift_mm` of a
/// ring size): every point shifts by the same distance, so the band keeps its width and thickness.
pub fn band_positions_moved(positions: &[[f32; 3]], shift: f32) -> Vec<[f32; 3]> {
    positions.iter().map(|&p| moved_with_band(Vec3::from(p), shift).into()).collect()
}

/// Height of the band's top above the finger's axis for a ring size: the band keeps its thickness.
pub fn band_top_mm(ring_size_mm: f32) -> f32 {
    crate::design::ring_size::inner_diameter_mm(ring_size_mm) / 2.0 + BAND_THICKNESS_MM
}

/// Height of the shank's top above the ring's centre at the reference size, mm.
pub fn reference_shank_top_mm() -> f32 {
    REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM
}

/// Height of the stone's girdle centre above the head's origin, in stone lengths: the culet clears the band.
pub fn seat_height(cut: Cut) -> f32 {
    let (_, _, depth) = dimensions_mm(cut, 1.0);
    let (_, hi) = unit_polyhedron(cut).bounds();
    depth - hi.y + 0.06
}

/// A head: the metal parts and the small stones (unit melee mesh and its placements), in stone lengths.
pub struct Head {
    pub metal: MeshData,
    pub melee: Option<(MeshData, Vec<Affine3A>)>,
    pub seat: Vec3,
}

/// The head of a setting, made for a stone of this cut at unit length.
pub fn head(setting: Setting, cut: Cut) -> Head {
    let outline = Outline::of(cut);
    let seat = Vec3::Y * seat_height(cut);
    let crown_edge = proportions(cut).girdle / 2.0;
    // The prongs' knee and the upper gallery, 0.30 stone lengths under the seat — but never under the head's
    // base (shallow stones sit low).
    let knee = (-0.30f32).max(0.08 - seat.y);
    let mut metal = MeshData::default();
    let mut melee = None;
    let prong = |azimuth: f32, radius: f32| -> MeshData {
        let rim = outline.point_towards(azimuth);
        let at = |scale: f32, y: f32| Vec3::new(rim.x * scale, seat.y + y, rim.y * scale);
        let foot = Vec3::new(rim.x * 0.22, 0.0, rim.y * 0.22);
        wire(
            &[foot, at(0.80, knee), at(1.03, -0.06), at(1.03, crown_edge + 0.03), at(0.93, crown_edge + 0.07)],
            &[radius * 0.8, radius, radius, radius, radius * 1.1],
            16,
        )
    };
    let gallery = |scale: f32, y: f32, thickness: f32| -> MeshData {
        let path: Vec<(Vec3, Vec3, Vec3)> = outline
            .ring(64)
            .into_iter()
            .map(|(p, n)| (Vec3::new(p.x * scale, seat.y + y, p.y * scale), Vec3::new(n.x, 0.0, n.y), Vec3::Y))
            .collect();
        sweep(&path, &round_profile(thickness))
    };
    // Pointed cuts (pear, marquise, heart) have their points guarded by V-tips; the other prongs go round.
    let tips = tip_azimuths(cut);
    match setting {
        // A three-stone head holds its centre in four prongs; the side stones are added below.
        Setting::FourProng
        | Setting::SixProng
        | Setting::Halo
        | Setting::DoubleHalo
        | Setting::HiddenHalo
        | Setting::ThreeStone => {
            let (count, offset, radius) = match setting {
                Setting::SixProng => (6, 0.0, 0.05),
                Setting::Halo | Setting::DoubleHalo => (4, PI / 4.0, 0.04),
                _ => (4, PI / 4.0, 0.055),
            };
            let offset = if tips.is_empty() { offset } else { tips[0] };
            for azimuth in (0..count).map(|i| offset + TAU * i as f32 / count as f32) {
                let at_tip = tips.iter().any(|&tip| angle_between(tip, azimuth) < 0.2);
                if !at_tip {
                    metal.append(&prong(azimuth, radius));
                }
            }
            for &tip in &tips {
                metal.append(&v_tip(&outline, seat, crown_edge, knee, tip, radius));
            }
            metal.append(&gallery(0.80, knee, 0.035));
            metal.append(&gallery(0.30, -seat.y + 0.05, 0.04));
        }
        Setting::Bezel => {
            // Collar: a wall around the girdle with a lip rolled over the crown's edge, then a cup to the base.
            let wall = 0.07;
            let top = seat.y + crown_edge;
            let profile = [
                [1.0, -0.015, top + 0.05],
                [1.0, -0.02, seat.y - 0.12],
                [0.35, 0.0, 0.02],
                [0.30, 0.0, 0.0],
                [0.40, wall, 0.0],
                [1.0, wall, seat.y - 0.2],
                [1.0, wall, top + 0.03],
                [1.0, wall * 0.5, top + 0.075],
            ];
            // Path on the girdle outline at the head's base: the profile's k scales toward the axis.
            let path: Vec<(Vec3, Vec3, Vec3)> = outline
                .ring(96)
                .into_iter()
                .map(|(p, n)| (Vec3::new(p.x, 0.0, p.y), Vec3::new(n.x, 0.0, n.y), Vec3::Y))
                .collect();
            let collar = sweep(&path, &profile);
            metal.append(&collar);
        }
    }
    if matches!(setting, Setting::Halo | Setting::DoubleHalo) {
        let rows = if setting == Setting::DoubleHalo { 2 } else { 1 };
        let (frame, stones) = super::halo::halo(&outline, seat.y, rows);
        metal.append(&frame);
        melee = Some(stones);
    }
    if setting == Setting::HiddenHalo {
        let (frame, stones) = super::halo::hidden_halo(&outline, seat.y);
        metal.append(&frame);
        melee = Some(stones);
    }
    if setting == Setting::ThreeStone {
        let (side_metal, stones) = side_stones(&outline);
        metal.append(&side_metal);
        melee = Some(stones);
    }
    Head { metal, melee, seat }
}

/// Side stones of a three-stone ring, as a fraction of the centre stone's length.
pub const SIDE_STONE_SCALE: f32 = 0.55;

/// The side stones of a three-stone head: a round diamond in four prongs on each side of the centre along the
/// head's Z (which the studio turns to run along the band), set a little lower as the band falls away.
fn side_stones(outline: &Outline) -> (MeshData, (MeshData, Vec<Affine3A>)) {
    let side = head(Setting::FourProng, Cut::RoundBrilliant);
    let offset = outline.support(PI / 2.0) + 0.05 + SIDE_STONE_SCALE * 0.5;
    let mut metal = MeshData::default();
    let mut placements = Vec::new();
    for sign in [1.0f32, -1.0] {
        let place = Affine3A::from_scale_rotation_translation(
            Vec3::splat(SIDE_STONE_SCALE),
            glam::Quat::IDENTITY,
            Vec3::new(0.0, -0.12, sign * offset),
        );
        metal.append(&side.metal.transformed(place));
        // A post under each side head reaches down into the band, which falls away from the top: long enough to
        // meet it under the largest three-stone centre (8 mm), short enough to stay inside it under the smallest.
        let base = Vec3::new(0.0, -0.12, sign * offset);
        let (largest, outer) = (crate::design::limits::THREE_STONE_MAX_MM, reference_shank_top_mm());
        let out = offset * 0.93 * largest;
        let fall = (outer - (outer * outer - out * out).max(0.0).sqrt()) / largest;
        let end = Vec3::new(0.0, -(fall + 0.06), sign * offset * 0.93);
        metal.append(&wire(&[base + Vec3::Y * 0.02, end], &[0.045, 0.035], 12));
        placements.push(place * Affine3A::from_translation(side.seat));
    }
    (metal, (unit_polyhedron(Cut::RoundBrilliant).to_mesh(), placements))
}

/// A round cross-section for wires swept along a path.
fn round_profile(radius: f32) -> Vec<[f32; 3]> {
    (0..12).map(|j| TAU * j as f32 / 12.0).map(|a| [1.0, radius * a.cos(), radius * a.sin()]).collect()
}

/// Azimuths of a cut's points (pear and heart: one, marquise: two), where V-tips guard them.
pub fn tip_azimuths(cut: Cut) -> Vec<f32> {
    match cut {
        Cut::Marquise => vec![0.0, PI],
        Cut::Pear | Cut::Heart => vec![0.0],
        _ => Vec::new(),
    }
}

fn angle_between(a: f32, b: f32) -> f32 {
    let d = (a - b).rem_euclid(TAU);
    d.min(TAU - d)
}

/// A V-tip: a post outside the stone's point and two arms folded over the crown along the point's two edges.
fn v_tip(outline: &Outline, seat: Vec3, crown_edge: f32, knee: f32, azimuth: f32, radius: f32) -> MeshData {
    let rim = outline.point_towards(azimuth);
    let at = |p: Vec2, scale: f32, y: f32| Vec3::new(p.x * scale, seat.y + y, p.y * scale);
    let foot = Vec3::new(rim.x * 0.22, 0.0, rim.y * 0.22);
    let mut tip = wire(
        &[foot, at(rim, 0.80, knee), at(rim, 1.04, -0.06), at(rim, 1.04, crown_edge + 0.03)],
        &[radius * 0.8, radius, radius, radius],
        16,
    );
    for side in [-1.0f32, 1.0] {
        // The arm follows the outline's edge from the point for about a fifth of the stone's width.
        let along = outline.point_towards(azimuth + side * 0.5);
        let end = rim.lerp(along, 0.55);
        tip.append(&wire(
            &[at(rim, 1.04, crown_edge + 0.03), at(end, 0.97, crown_edge + 0.06)],
            &[radius, radius * 0.85],
            12,
        ));
    }
    tip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stones_set_in_the_band_move_out_with_it() {
        let stone = Vec3::new(3.0, 9.6, 0.2);
        let bigger = moved_with_band(stone, band_shift_mm(66.0));
        let shift = (66.0 / std::f32::consts::PI - REFERENCE_INNER_DIAMETER_MM) / 2.0;
        let radius = |p: Vec3| p.truncate().length();
        assert!((radius(bigger) - radius(stone) - shift).abs() < 1e-3);
        assert_eq!(bigger.z, stone.z, "the finger axis is untouched");
    }

    #[test]
    fn shank_is_a_closed_band_of_the_reference_size() {
        for style in [ShankStyle::ComfortFit, ShankStyle::KnifeEdge, ShankStyle::Pave] {
            let band = shank(style);
            let (lo, hi) = band.bounds();
            assert!((hi.y - reference_shank_top_mm()).abs() < 0.05, "{style:?} top {}", hi.y);
            assert!((hi.z - lo.z - BAND_WIDTH_MM).abs() < 0.05, "{style:?} width");
            let inner = band.positions.iter().map(|p| Vec2::new(p[0], p[1]).length()).fold(f32::MAX, f32::min);
            assert!((inner - REFERENCE_INNER_DIAMETER_MM / 2.0).abs() < 0.05, "{style:?} inner radius {inner}");
            assert!(band.volume() > 0.0);
        }
    }

    #[test]
    fn ring_size_moves_the_inner_surface_without_thickening_the_band() {
        let band = shank(ShankStyle::ComfortFit);
        for size in [44.0, 52.0, 68.0] {
            let moved = band_positions_moved(&band.positions, band_shift_mm(size));
            let radii: Vec<f32> = moved.iter().map(|p| p[0].hypot(p[1])).collect();
            let inner = radii.iter().copied().fold(f32::MAX, f32::min);
            let outer = radii.iter().copied().fold(f32::MIN, f32::max);
            assert!((2.0 * std::f32::consts::PI * inner - size).abs() < 0.05, "size {size}: inner {inner}");
            assert!((outer - inner - BAND_THICKNESS_MM).abs() < 0.02, "size {size}: thickness {}", outer - inner);
        }
    }

    #[test]
    fn stone_clears_the_band_and_the_head_reaches_the_shank() {
        for cut in Cut::ALL {
            let (lo, _) = unit_polyhedron(cut).bounds();
            assert!(seat_height(cut) + lo.y > 0.0, "{cut:?}: culet below the head's base");
            for setting in Setting::ALL {
                let head = head(setting, cut);
                let (low, high) = head.metal.bounds();
                assert!(low.y <= 0.01, "{setting:?}/{cut:?}: the head floats above the shank ({})", low.y);
                assert!(high.y > head.seat.y, "{setting:?}/{cut:?}: nothing holds the stone");
                let with_small_stones =
                    matches!(setting, Setting::Halo | Setting::DoubleHalo | Setting::HiddenHalo | Setting::ThreeStone);
                assert_eq!(head.melee.is_some(), with_small_stones);
            }
        }
    }

    #[test]
    fn halo_stones_surround_the_centre_without_overlapping() {
        let head = head(Setting::Halo, Cut::Oval);
        let (_, placements) = head.melee.expect("halo has melee");
        assert!(placements.len() >= 14, "{}", placements.len());
        for (i, a) in placements.iter().enumerate() {
            for b in &placements[i + 1..] {
                assert!(a.translation.distance(b.translation) >= 0.16 * 0.99);
            }
        }
    }
}
