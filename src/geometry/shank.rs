//! Shank styles beyond a swept profile: a twisted band of two wires, and the stones of a pavé band.
//! Same frame as `ring.rs`: finger along Z, ring in the XY plane, head on top (+Y), reference inner diameter.

use super::mesh::{MeshData, closed_grid};
use super::ring::{BAND_THICKNESS_MM, REFERENCE_INNER_DIAMETER_MM};
use glam::{Affine3A, Quat, Vec3};
use std::f32::consts::{PI, TAU};

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

/// Diameter of a pavé stone, mm.
pub const PAVE_STONE_MM: f32 = 1.3;

/// Where the pavé stones sit (unit round brilliants scaled to `PAVE_STONE_MM`, table facing out): along the top of
/// the band on both shoulders, leaving room for the head, down to the sides of the finger.
pub fn pave_stones() -> Vec<Affine3A> {
    let outer_radius = REFERENCE_INNER_DIAMETER_MM / 2.0 + BAND_THICKNESS_MM;
    // The girdle sits on the band's outer surface: the crown shows, the pavilion is set into the metal.
    let girdle_radius = outer_radius + 0.02;
    let step = (PAVE_STONE_MM * 1.08) / girdle_radius;
    let first = 0.42; // radians from the top: the head's base needs the top of the band.
    let last = 1.9;
    let count = ((last - first) / step).floor() as usize + 1;
    let mut placements = Vec::new();
    for side in [1.0f32, -1.0] {
        for k in 0..count {
            let theta = side * (first + step * k as f32);
            let outward = Vec3::new(theta.sin(), theta.cos(), 0.0);
            let rotation = Quat::from_rotation_arc(Vec3::Y, outward);
            placements.push(Affine3A::from_scale_rotation_translation(
                Vec3::splat(PAVE_STONE_MM),
                rotation,
                outward * girdle_radius,
            ));
        }
    }
    placements
}

#[cfg(test)]
mod tests {
    use super::*;

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
