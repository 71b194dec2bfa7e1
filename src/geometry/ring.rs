//! Ring heads (in stone lengths, sized to the stone); the band they stand on is `shank.rs`.
//!
//! Ring frame: the finger runs along Z, the ring lies in the XY plane, the head sits on top (+Y).
//! A head's origin is the top of the shank; its `seat` is where the centre stone's girdle centre goes.

use super::cut::{dimensions_mm, proportions, unit_polyhedron};
use super::mesh::{MeshData, branch, sweep, wire};
use super::outline::Outline;
use super::shank::reference_shank_top_mm;
use crate::design::{Cut, Setting};
use glam::{Affine3A, Vec2, Vec3};
use std::f32::consts::{PI, TAU};

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
    head_with(setting, cut, prong_radius(setting), UPPER_RAIL.1)
}

/// A head with its prongs and gallery rails of these radii (stone lengths).
fn head_with(setting: Setting, cut: Cut, prong_radius: f32, rail_radius: f32) -> Head {
    let outline = Outline::of(cut);
    let seat = Vec3::Y * seat_height(cut);
    let crown_edge = proportions(cut).girdle / 2.0;
    // The prongs' knee and the upper gallery, 0.30 stone lengths under the seat — but never under the head's
    // base (shallow stones sit low).
    let knee = knee_height(seat.y);
    let mut metal = MeshData::default();
    let mut melee = None;
    let prong = |azimuth: f32, radius: f32| -> MeshData {
        let rim = outline.point_towards(azimuth);
        let at = |scale: f32, y: f32| Vec3::new(rim.x * scale, seat.y + y, rim.y * scale);
        let seated = |y: f32| seated_prong(rim, radius, seat.y + y);
        let foot = Vec3::new(rim.x * 0.22, 0.0, rim.y * 0.22);
        wire(
            &[foot, at(0.80, knee), seated(-0.06), seated(crown_edge + 0.03), at(0.93, crown_edge + 0.07)],
            &[radius, radius, radius, radius, radius * 1.1],
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
                Setting::SixProng => (6, 0.0, prong_radius),
                _ => (4, PI / 4.0, prong_radius),
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
            metal.append(&gallery(UPPER_RAIL.0, knee, rail_radius));
            if has_lower_rail(cut) {
                metal.append(&gallery(LOWER_RAIL.0, -seat.y + LOWER_RAIL_HEIGHT, rail_radius));
            }
        }
        Setting::Bezel => {
            // Collar: a wall around the girdle with a lip rolled over the crown's edge, then a cup to the base.
            let wall = BEZEL_WALL;
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
        let (frame, stones) = super::halo::hidden_halo(&outline, seat.y, cut);
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

/// How far into a prong the girdle's seat is cut, as a share of the prong's diameter: a fifth, inside Stuller's "at
/// most 25 %" with room for the setter's bur.
pub const SEAT_CUT: f32 = 0.20;

/// Where a prong (or a V-tip's post) stands beside the girdle, at height `y`: out from the girdle's point `rim` so
/// that the girdle's seat cuts `SEAT_CUT` of its diameter.
fn seated_prong(rim: Vec2, radius: f32, y: f32) -> Vec3 {
    let out = rim + rim.normalize_or_zero() * radius * (1.0 - 2.0 * SEAT_CUT);
    Vec3::new(out.x, y, out.y)
}

/// A prong's radius from its foot to the crown, in stone lengths (its tip 1.1 of it; a V-tip's arms 0.85).
pub fn prong_radius(setting: Setting) -> f32 {
    match setting {
        Setting::SixProng => 0.05,
        Setting::Halo | Setting::DoubleHalo => 0.045,
        _ => 0.055,
    }
}

/// The prongs' upper gallery rail (at the knee) and the lower one near the head's base: the scale of the stone's
/// outline each follows, and the radius of its round section, in stone lengths — 0.5 mm across (Stuller's least
/// element) from a 5.4 mm stone up.
const UPPER_RAIL: (f32, f32) = (0.80, 0.047);
const LOWER_RAIL: (f32, f32) = (0.30, 0.047);
/// The lower rail's height above the head's base, stone lengths.
const LOWER_RAIL_HEIGHT: f32 = 0.05;
/// A bezel's wall, stone lengths.
const BEZEL_WALL: f32 = 0.07;

/// The knee's height below the seat: 0.30 stone lengths, but never under the head's base (shallow stones sit low).
fn knee_height(seat_y: f32) -> f32 {
    (-0.30f32).max(0.08 - seat_y)
}

/// The window between the prongs' two rails, in the plane through the head's axis at the outline's nearest point,
/// stone lengths (negative where the rails would cross).
fn rail_window(cut: Cut) -> f32 {
    let outline = Outline::of(cut);
    let seat_y = seat_height(cut);
    let near = (0..32).map(|i| outline.point_towards(TAU * i as f32 / 32.0).length()).fold(f32::MAX, f32::min);
    let across = near * (UPPER_RAIL.0 - LOWER_RAIL.0);
    let up = seat_y + knee_height(seat_y) - LOWER_RAIL_HEIGHT;
    (across * across + up * up).sqrt() - UPPER_RAIL.1 - LOWER_RAIL.1
}

/// The narrowest window a head keeps between its rails, stone lengths: 0.4 mm (Stuller's least opening) from a
/// 5.4 mm stone, where the rails reach Stuller's 0.5 mm too.
const LEAST_RAIL_WINDOW: f32 = 0.075;

/// Whether a head of this cut has a lower rail: a narrow or shallow stone (a marquise's, a pear's) sits so low that its
/// two rails would leave a window too small to clean and polish — one rail holds its prongs then.
fn has_lower_rail(cut: Cut) -> bool {
    rail_window(cut) >= LEAST_RAIL_WINDOW
}

/// A head's metal as a workshop measures it, in stone lengths (× the stone's length: mm): the prongs at their
/// thinnest (`None`: no prongs), each slim element (rails, a bezel's wall, a halo's beads) and the window between the
/// prongs' two rails (`None` where the rails merge).
#[derive(Clone, Debug, PartialEq)]
pub struct HeadMeasures {
    pub prong_diameter: Option<f32>,
    pub elements: Vec<(HeadElement, f32)>,
    pub rail_opening: Option<f32>,
}

/// A slim element of a head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum HeadElement {
    UpperRail,
    LowerRail,
    BezelWall,
    HaloBead,
    /// A three-stone ring's side heads' gallery rails.
    SideRail,
    /// The post under each side head.
    SidePost,
}

/// What a workshop measures on a head (made by `head`, from the same figures).
pub fn head_measures(setting: Setting, cut: Cut) -> HeadMeasures {
    let pronged = !matches!(setting, Setting::Bezel);
    let pointed = !tip_azimuths(cut).is_empty();
    let prong_diameter = pronged.then(|| 2.0 * prong_radius(setting) * if pointed { 0.85 } else { 1.0 });
    let mut elements = Vec::new();
    let mut rail_opening = None;
    if pronged {
        elements.push((HeadElement::UpperRail, 2.0 * UPPER_RAIL.1));
        if has_lower_rail(cut) {
            elements.push((HeadElement::LowerRail, 2.0 * LOWER_RAIL.1));
            rail_opening = Some(rail_window(cut));
        }
    } else {
        elements.push((HeadElement::BezelWall, BEZEL_WALL));
    }
    if matches!(setting, Setting::Halo | Setting::DoubleHalo) {
        elements.push((HeadElement::HaloBead, 2.0 * super::halo::BEAD_RADIUS));
    }
    if setting == Setting::ThreeStone {
        elements.push((HeadElement::SideRail, 2.0 * SIDE_RAIL_RADIUS * SIDE_STONE_SCALE));
        elements.push((HeadElement::SidePost, 2.0 * SIDE_POST_RADIUS));
    }
    HeadMeasures { prong_diameter, elements, rail_opening }
}

/// Side stones of a three-stone ring, as a fraction of the centre stone's length.
pub const SIDE_STONE_SCALE: f32 = 0.55;
/// A side stone's prongs and gallery rails, in the side stone's lengths: sturdier for their small stone than a
/// centre's, so that beside a 6.1 mm centre stone (side stones 3.3 mm) they reach the workshop's least — prongs
/// 0.6 mm (Gemwares), rails 0.5 mm (Stuller).
pub const SIDE_PRONG_RADIUS: f32 = 0.09;
pub const SIDE_RAIL_RADIUS: f32 = 0.075;
/// The post under each side head down into the band, at its thinnest (its foot), in the centre stone's lengths:
/// 0.5 mm across (Stuller's least element) beside a 5.6 mm centre stone.
pub const SIDE_POST_RADIUS: f32 = 0.045;

/// The side stones of a three-stone head: a round diamond in four prongs on each side of the centre along the
/// head's Z (which the studio turns to run along the band), set a little lower as the band falls away.
fn side_stones(outline: &Outline) -> (MeshData, (MeshData, Vec<Affine3A>)) {
    let side = head_with(Setting::FourProng, Cut::RoundBrilliant, SIDE_PRONG_RADIUS, SIDE_RAIL_RADIUS);
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
        metal.append(&wire(&[base + Vec3::Y * 0.02, end], &[SIDE_POST_RADIUS + 0.005, SIDE_POST_RADIUS], 12));
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
    let top = seated_prong(rim, radius, seat.y + crown_edge + 0.03);
    let mut tip = wire(
        &[foot, at(rim, 0.80, knee), seated_prong(rim, radius, seat.y - 0.06), top],
        &[radius, radius, radius, radius],
        16,
    );
    for side in [-1.0f32, 1.0] {
        // The arm follows the outline's edge from the point for about a fifth of the stone's width.
        let along = outline.point_towards(azimuth + side * 0.5);
        let end = rim.lerp(along, 0.55);
        tip.append(&branch(&[top, at(end, 0.97, crown_edge + 0.06)], &[radius, radius * 0.85], 12));
    }
    tip
}

#[cfg(test)]
mod tests {
    use super::*;

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
