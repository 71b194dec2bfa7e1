//! Resizing a house's ring for a finger (no Bevy). The band region is moved out radially by the same distance
//! everywhere, as Écrin's own band is, so it keeps its width and thickness; the head region — every point within
//! the head's angle from the top, seen along the finger — moves up by that distance without changing shape, so the
//! head stays on the band's top; between the two, over `BLEND` radians, the move turns from one to the other.
//! The head's angle is that of the farthest corner of the head's metal and of its stones, plus a margin.

use glam::{Vec2, Vec3};

/// Angle over which the head's move blends into the band's.
pub const BLEND: f32 = 0.26;
/// Margin added round the head's parts.
pub const MARGIN: f32 = 0.05;

/// Angle of a point from the top (+Y), seen along the finger (Z): 0 on top, π underneath.
pub fn angle_from_top(point: Vec3) -> f32 {
    point.x.abs().atan2(point.y)
}

/// The head's half-angle: the largest angle from the top of the given points (the head's corners), with a margin;
/// 0 for a band alone.
pub fn head_angle(points: impl Iterator<Item = Vec3>) -> f32 {
    points
        .map(angle_from_top)
        .fold(None, |acc: Option<f32>, a| Some(acc.map_or(a, |b| b.max(a))))
        .map_or(0.0, |a| a + MARGIN)
}

/// How far a point moves when the ring's inner radius grows by `shift` mm.
pub fn displacement(point: Vec3, shift: f32, head_angle: f32) -> Vec3 {
    let across = Vec2::new(point.x, point.y);
    let radial = across.normalize_or(Vec2::Y);
    let up = Vec2::Y;
    let t = if head_angle <= 0.0 { 1.0 } else { ((angle_from_top(point) - head_angle) / BLEND).clamp(0.0, 1.0) };
    // Smoothstep: no kink where the band meets the head.
    let t = t * t * (3.0 - 2.0 * t);
    let direction = up.lerp(radial, t);
    (direction * shift).extend(0.0)
}

/// Whether a point is in the band region (it moves out radially in full).
pub fn in_band(point: Vec3, head_angle: f32) -> bool {
    angle_from_top(point) >= head_angle + BLEND
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_moves_out_radially_and_the_head_moves_up_whole() {
        let head = 0.5;
        let bottom = Vec3::new(0.0, -9.0, 1.0);
        assert!(displacement(bottom, 1.0, head).abs_diff_eq(Vec3::new(0.0, -1.0, 0.0), 1e-6));
        let side = Vec3::new(9.0, 0.0, 0.0);
        assert!(displacement(side, 1.0, head).abs_diff_eq(Vec3::X, 1e-6));
        // Every point of the head moves by the same vector: its shape is kept.
        for p in [Vec3::new(0.0, 12.0, 0.0), Vec3::new(2.0, 11.0, 1.0), Vec3::new(-3.0, 10.0, -1.0)] {
            assert!(displacement(p, 1.5, head).abs_diff_eq(Vec3::new(0.0, 1.5, 0.0), 1e-6), "{p}");
        }
        // A band alone moves out everywhere.
        assert!(displacement(Vec3::new(0.0, 9.0, 0.0), 1.0, 0.0).abs_diff_eq(Vec3::Y, 1e-6));
    }
}
