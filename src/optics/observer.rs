//! The observer is part of the scene. Whoever looks at a stone — a person, a camera and the photographer behind it —
//! stands between the stone and the light from their own direction and blocks it. Gem-grading viewing environments
//! and reflector scopes (ASET, Ideal-Scope) are built on this: a well-cut round brilliant seen face-up returns the
//! observer's darkness from the facets whose light comes from straight above, which is what draws its arrows. Without
//! the observer a stone under a bright environment is a glowing disc.
//!
//! The observer is a dark disc centred on the direction from the piece to the eye, 15° in half-angle: the zone the
//! AGS Laboratories' ASET assigns to the observer's obstruction (light from 75°–90° of elevation over a face-up
//! stone, drawn blue; Sasian et al., "Evaluation of brilliance, fire, and scintillation in round brilliant
//! gemstones", Optical Engineering 46(9), 2007, whose ASET maps also use wider obscurations), about a head 19 cm
//! wide at a viewing distance of 35 cm. Its edge is softened over 1° (a head is not a sharp disc, and a hard edge
//! would alias). It is black: the viewer's face and clothes are dark against the lights. `shaders/gem.wgsl` and
//! `shaders/metal.wgsl` take the same figures.

use glam::Vec3;

/// Half the angle the observer subtends, seen from the piece (radians).
pub const HALF_ANGLE: f32 = 15.0 * std::f32::consts::PI / 180.0;
/// Width of the observer's soft edge (radians).
pub const EDGE: f32 = 1.0 * std::f32::consts::PI / 180.0;

/// How much of the light arriving from `d` the observer standing towards `eye` (unit, from the piece) blocks:
/// 1 inside the disc, 0 outside, smooth across its edge.
pub fn blocked(eye: Vec3, d: Vec3) -> f32 {
    let angle = eye.dot(d).clamp(-1.0, 1.0).acos();
    let t = ((HALF_ANGLE + EDGE / 2.0 - angle) / EDGE).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The radiance arriving from `d` with the observer in the scene.
pub fn seen(eye: Vec3, d: Vec3, environment: Vec3) -> Vec3 {
    environment * (1.0 - blocked(eye, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_observer_blocks_the_light_from_behind_the_eye_only() {
        let eye = Vec3::Y;
        assert_eq!(blocked(eye, Vec3::Y), 1.0);
        assert_eq!(blocked(eye, Vec3::new(0.0, 1.0, 0.2).normalize()), 1.0, "11° from the eye");
        assert_eq!(blocked(eye, Vec3::new(0.0, 1.0, 0.33).normalize()), 0.0, "18° from the eye");
        assert_eq!(blocked(eye, Vec3::X), 0.0);
        let edge = blocked(eye, Vec3::new(0.0, HALF_ANGLE.cos(), HALF_ANGLE.sin()));
        assert!((edge - 0.5).abs() < 1e-3, "{edge}");
    }
}
