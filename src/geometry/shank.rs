//! The band (in mm, at a reference size): its swept profile, how it moves out for a ring size, and the styles beyond a
//! swept profile — a twisted band of two wires, cathedral shoulders, a split shank, a channel band — with the small
//! stones of pavé and channel bands.
//! Ring frame: the finger runs along Z, the ring lies in the XY plane, the head (`ring.rs`) on top (+Y).

use super::mesh::sweep;
use super::mesh::{MeshData, closed_grid};
use crate::design::ShankStyle;
use glam::{Affine3A, Quat, Vec3};
use std::f32::consts::{PI, TAU};

/// Inner diameter (mm) the shank models are made at; the studio offsets the band radially for other sizes.
pub const REFERENCE_INNER_DIAMETER_MM: f32 = 17.0;
/// Band width along the finger and thickness, mm.
pub const BAND_WIDTH_MM: f32 = 2.2;
pub const BAND_THICKNESS_MM: f32 = 1.7;

/// The band: its cross-section swept around the finger (a twisted band: two wires).
pub fn shank(style: ShankStyle) -> MeshData {
    match style {
        ShankStyle::Twisted => return twisted_band(),
        ShankStyle::Cathedral => return cathedral_band(),
        ShankStyle::Split => return split_band(),
        ShankStyle::Channel => return channel_band(),
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

/// Radius of each of the twisted band's two wires, mm.
pub const TWIST_WIRE_RADIUS_MM: f32 = 0.55;
/// Distance of each wire's centre from the band's centre line, mm.
const TWIST_OFFSET_MM: f32 = 0.45;
/// Full turns the two wires make around each other over the ring.
const TWISTS: f32 = 22.0;

/// Two round wires twisting around the band's centre line (each a closed tube).
pub fn twisted_band() -> MeshData {
    let inner_radius = REFERENCE_INNER_DIAMETER_MM / 2.0;
    let centre_offset = BAND_THICKNESS_MM / 2.0;
    let (segments, sides) = (720, 12);
    let mut band = MeshData::default();
    for strand in 0..2 {
        let phase = PI * strand as f32;
        let centre = |theta: f32| {
            let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
            let twist = TWISTS * theta + phase;
            outward * (inner_radius + centre_offset + TWIST_OFFSET_MM * twist.cos())
                + Vec3::Z * (TWIST_OFFSET_MM * twist.sin())
        };
        band.append(&closed_grid(segments, sides, |i, j| {
            let theta = TAU * i as f32 / segments as f32;
            // The wire's round cross-section lies across its own path (the helix), not across the band.
            let tangent = (centre(theta + 1e-3) - centre(theta - 1e-3)).normalize();
            let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
            let normal = (outward - tangent * outward.dot(tangent)).normalize();
            let binormal = tangent.cross(normal);
            let around = TAU * j as f32 / sides as f32;
            centre(theta) + (normal * around.cos() + binormal * around.sin()) * TWIST_WIRE_RADIUS_MM
        }));
    }
    band
}

fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A band whose cross-section changes around the ring: `section(theta)` gives the same number of
/// (radial offset from the inner surface, position along the finger) points for every angle, counter-clockwise as
/// `band_profile`; theta is 0 at the top.
fn varying_band(segments: usize, section: impl Fn(f32) -> Vec<(f32, f32)>) -> MeshData {
    let inner = REFERENCE_INNER_DIAMETER_MM / 2.0;
    let sections: Vec<Vec<(f32, f32)>> = (0..segments).map(|i| section(TAU * i as f32 / segments as f32)).collect();
    let points = sections.first().map_or(0, Vec::len);
    closed_grid(segments, points, |i, j| {
        let theta = TAU * i as f32 / segments as f32;
        let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
        let (radial, along) = sections[i][j];
        outward * (inner + radial) + Vec3::Z * along
    })
}

/// Angle from the top, 0 to π, of a band angle.
fn from_top(theta: f32) -> f32 {
    let wrapped = theta.rem_euclid(TAU);
    wrapped.min(TAU - wrapped)
}

/// How far the cathedral shoulders rise above the band (mm) at an angle from the top: nothing right under the
/// head (it sits on the band's top), most beside it, back to the plain band down the sides.
pub fn cathedral_rise_mm(angle_from_top: f32) -> f32 {
    1.9 * smoothstep(0.06, 0.26, angle_from_top) * (1.0 - smoothstep(0.32, 0.95, angle_from_top))
}

/// Cathedral shoulders: the comfort band thickens outward into arches on each side of the head, narrowing as it
/// rises (a web rather than a slab).
pub fn cathedral_band() -> MeshData {
    let comfort = band_profile(ShankStyle::ComfortFit);
    varying_band(240, |theta| {
        let rise = cathedral_rise_mm(from_top(theta));
        let grow = 1.0 + rise / BAND_THICKNESS_MM;
        let narrow = 1.0 - 0.3 * rise / 1.9;
        comfort.iter().map(|&(radial, along)| (radial * grow, along * narrow)).collect()
    })
}

/// Half the gap between the split shank's two strands (mm) at an angle from the top: the strands part on the
/// shoulders and meet again under the head and down the sides.
pub fn split_gap_mm(angle_from_top: f32) -> f32 {
    1.0 * smoothstep(0.12, 0.5, angle_from_top) * (1.0 - smoothstep(0.75, 1.5, angle_from_top))
}

/// A split shank: two strands, each half the band's width, side by side where they meet.
pub fn split_band() -> MeshData {
    let comfort = band_profile(ShankStyle::ComfortFit);
    let strand_half = BAND_WIDTH_MM / 4.0;
    let mut band = MeshData::default();
    for side in [1.0f32, -1.0] {
        band.append(&varying_band(240, |theta| {
            let centre = side * (strand_half + split_gap_mm(from_top(theta)));
            comfort.iter().map(|&(radial, along)| (radial * 0.95, centre + along * 0.5)).collect()
        }));
    }
    band
}

/// Channel stones' diameter, mm (they fit between the rails).
pub const CHANNEL_STONE_MM: f32 = 1.2;
/// Half the channel's width and its depth below the rails' top, mm.
const CHANNEL_HALF_WIDTH_MM: f32 = 0.63;
const CHANNEL_DEPTH_MM: f32 = 0.55;
/// How far round the band the channel runs (radians from the top, each side).
const CHANNEL_REACH: f32 = 2.0;

/// A channel band: the comfort band's inside, square sides, two rails on top with the channel between them.
/// The channel closes (its floor rises to the rails) where the stones end.
pub fn channel_band() -> MeshData {
    let (half_w, t) = (BAND_WIDTH_MM / 2.0, BAND_THICKNESS_MM);
    let comfort = band_profile(ShankStyle::ComfortFit);
    // The inside: the comfort profile's lower half, from one side to the other.
    let inside: Vec<(f32, f32)> = comfort.iter().copied().filter(|&(radial, _)| radial < t / 2.0 - 1e-4).collect();
    varying_band(240, |theta| {
        let depth = CHANNEL_DEPTH_MM * (1.0 - smoothstep(CHANNEL_REACH, CHANNEL_REACH + 0.25, from_top(theta)));
        let mut section = vec![
            (t / 2.0, half_w),
            (t - 0.08, half_w),
            (t, half_w - 0.08),
            (t, CHANNEL_HALF_WIDTH_MM + 0.05),
            (t - depth, CHANNEL_HALF_WIDTH_MM),
            (t - depth, -CHANNEL_HALF_WIDTH_MM),
            (t, -CHANNEL_HALF_WIDTH_MM - 0.05),
            (t, -half_w + 0.08),
            (t - 0.08, -half_w),
            (t / 2.0, -half_w),
        ];
        section.extend(inside.iter().copied());
        section
    })
}

/// Where the channel's stones sit: side by side along the channel on both shoulders, girdles just under the
/// rails' top (held by them), tables facing out.
pub fn channel_stones() -> Vec<Affine3A> {
    let girdle_radius = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM - 0.1;
    stones_along(girdle_radius, CHANNEL_STONE_MM, 1.02, 0.42, CHANNEL_REACH - 0.05)
}

/// The small stones a shank carries (pavé, channel), as placements of a unit round brilliant.
pub fn shank_stones(style: ShankStyle) -> Vec<Affine3A> {
    match style {
        ShankStyle::Pave => pave_stones(),
        ShankStyle::Channel => channel_stones(),
        _ => Vec::new(),
    }
}

/// Round stones of `size` mm every `size × spacing` along the band between two angles from the top, both sides.
fn stones_along(girdle_radius: f32, size: f32, spacing: f32, first: f32, last: f32) -> Vec<Affine3A> {
    let step = (size * spacing) / girdle_radius;
    let count = ((last - first) / step).floor() as usize + 1;
    let mut placements = Vec::new();
    for side in [1.0f32, -1.0] {
        for k in 0..count {
            let theta = side * (first + step * k as f32);
            let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
            let rotation = Quat::from_rotation_arc(Vec3::Y, outward);
            placements.push(Affine3A::from_scale_rotation_translation(
                Vec3::splat(size),
                rotation,
                outward * girdle_radius,
            ));
        }
    }
    placements
}

/// Diameter of a pavé stone, mm.
pub const PAVE_STONE_MM: f32 = 1.3;

/// Where the pavé stones sit (unit round brilliants scaled to `PAVE_STONE_MM`, table facing out): along the top of
/// the band on both shoulders, leaving room for the head, down to the sides of the finger.
pub fn pave_stones() -> Vec<Affine3A> {
    let outer_radius = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM;
    // The girdle sits on the band's outer surface: the crown shows, the pavilion is set into the metal.
    // From 0.42 rad from the top (the head's base needs the top of the band) down to the sides of the finger.
    stones_along(outer_radius + 0.02, PAVE_STONE_MM, 1.08, 0.42, 1.9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::Vec2;
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
    fn twisted_wires_weigh_what_two_helical_wires_weigh() {
        // Hand calculation: two tubes of radius r along a helix around the centre line (Pappus per wire).
        let centre_radius = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM / 2.0;
        let turn = TAU * centre_radius;
        let helix = (turn * turn + (TWISTS * TAU * TWIST_OFFSET_MM).powi(2)).sqrt();
        let expected = 2.0 * PI * TWIST_WIRE_RADIUS_MM.powi(2) * helix;
        let volume = twisted_band().volume();
        assert!((volume / expected - 1.0).abs() < 0.05, "{volume} vs {expected}");
        let (lo, hi) = twisted_band().bounds();
        assert!((hi.y - (REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM)).abs() < 0.3, "top {}", hi.y);
        assert!((hi.z - lo.z) < 2.4, "width {}", hi.z - lo.z);
    }

    #[test]
    fn pave_stones_sit_on_the_shoulders_without_touching() {
        let stones = pave_stones();
        assert!(stones.len() >= 16, "{}", stones.len());
        for (i, a) in stones.iter().enumerate() {
            // Clear of the head: none on the top of the band.
            assert!(a.translation.y < REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM - 0.3);
            for b in &stones[i + 1..] {
                assert!(a.translation.distance(b.translation) >= PAVE_STONE_MM, "stones overlap");
            }
        }
    }
}
