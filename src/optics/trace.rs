//! The reference tracer: a ray meets a convex faceted stone, part reflects (Fresnel), part refracts in, then
//! bounces inside — totally reflected beyond the critical angle, otherwise split by Fresnel — and leaves through
//! facets, attenuated by absorption along its path. `shaders/gem.wgsl` runs the same steps per pixel.

use super::walk::{FacetWalk, Tests};
use crate::geometry::polyhedron::Plane;
use glam::Vec3;

/// Unpolarised Fresnel reflectance for light going from index `n1` into `n2` at incidence cosine `cos_i`
/// (1 beyond the critical angle: total internal reflection).
pub fn fresnel(cos_i: f32, n1: f32, n2: f32) -> f32 {
    let cos_i = cos_i.clamp(0.0, 1.0);
    let eta = n1 / n2;
    let sin_t2 = eta * eta * (1.0 - cos_i * cos_i);
    if sin_t2 >= 1.0 {
        return 1.0;
    }
    let cos_t = (1.0 - sin_t2).sqrt();
    let rs = (n1 * cos_i - n2 * cos_t) / (n1 * cos_i + n2 * cos_t);
    let rp = (n1 * cos_t - n2 * cos_i) / (n1 * cos_t + n2 * cos_i);
    0.5 * (rs * rs + rp * rp)
}

/// Refracted direction of unit `d` through a surface with unit normal `n` facing against `d`, ratio `eta` = n1/n2;
/// `None` beyond the critical angle.
pub fn refract(d: Vec3, n: Vec3, eta: f32) -> Option<Vec3> {
    let cos_i = -n.dot(d);
    let sin_t2 = eta * eta * (1.0 - cos_i * cos_i);
    if sin_t2 >= 1.0 {
        return None;
    }
    Some((d * eta + n * (eta * cos_i - (1.0 - sin_t2).sqrt())).normalize())
}

pub fn reflect(d: Vec3, n: Vec3) -> Vec3 {
    d - n * (2.0 * d.dot(n))
}

/// Where a ray from outside enters the convex solid: distance and the entry facet's outward normal.
pub fn entry(planes: &[Plane], origin: Vec3, dir: Vec3) -> Option<(f32, Vec3)> {
    let (mut t_in, mut t_out, mut normal) = (f32::MIN, f32::MAX, Vec3::ZERO);
    for plane in planes {
        let along = plane.normal.dot(dir);
        let gap = plane.offset - plane.normal.dot(origin);
        if along.abs() < 1e-9 {
            if gap < 0.0 {
                return None;
            }
        } else if along < 0.0 {
            if gap / along > t_in {
                t_in = gap / along;
                normal = plane.normal;
            }
        } else {
            t_out = t_out.min(gap / along);
        }
    }
    (t_in <= t_out && t_in > 0.0).then_some((t_in, normal))
}

/// Light leaving a stone: where (stone frame), which way and how much of the ray's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Exit {
    pub at: Vec3,
    pub towards: Vec3,
    pub weight: f32,
}

/// What one colour channel of a ray does with a stone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChannelTrace {
    /// Surface reflection at the entry: direction and weight.
    pub reflection: Option<(Vec3, f32)>,
    /// Light leaving the stone after internal paths, in order.
    pub exits: Vec<Exit>,
    /// Still inside after the last bounce (not among `exits`): where it is and the direction it travels then.
    pub trapped: Exit,
    /// Absorbed by the body colour along the paths.
    pub absorbed: f32,
    /// Plane tests the shader makes for this channel's bounces (the exits found by `walk`).
    pub plane_tests: Tests,
}

impl ChannelTrace {
    /// Every weight together: at most 1 (energy is conserved up to absorption and trapping).
    pub fn total(&self) -> f32 {
        self.reflection.map_or(0.0, |r| r.1)
            + self.exits.iter().map(|e| e.weight).sum::<f32>()
            + self.trapped.weight
            + self.absorbed
    }
}

/// Where the first colour channel of a ray left the stone at each bounce: the next channels' walks start there (their
/// paths part slowly with dispersion, so they mostly leave by the same facets; `shaders/gem.wgsl` `exit_hints`).
#[derive(Clone, Copy, Debug, Default)]
pub struct ExitHints([Option<usize>; 16]);

impl ExitHints {
    fn walk(&mut self, stone: &FacetWalk, bounce: usize, origin: Vec3, dir: Vec3) -> (f32, usize, Tests) {
        let hint = self.0.get(bounce).copied().flatten();
        let found = stone.exit_from(origin, dir, hint);
        if let Some(slot) = self.0.get_mut(bounce).filter(|slot| slot.is_none()) {
            *slot = Some(found.1);
        }
        found
    }
}

/// Traces one colour channel of a ray through a stone (its planes and walk tables in the stone's frame, lengths in
/// stone units; `absorption` per unit length) for up to `bounces` internal reflections. `hints`: shared by a ray's
/// channels (a fresh one for a lone channel).
pub fn trace_channel(
    stone: &FacetWalk,
    origin: Vec3,
    dir: Vec3,
    ior: f32,
    absorption: f32,
    bounces: usize,
    hints: &mut ExitHints,
) -> ChannelTrace {
    let mut result = ChannelTrace::default();
    let Some((t, normal)) = entry(&stone.planes, origin, dir) else { return result };
    let point = origin + dir * t;
    let cos_i = -normal.dot(dir);
    let r = fresnel(cos_i, 1.0, ior);
    result.reflection = Some((reflect(dir, normal), r));
    let Some(mut inside) = refract(dir, normal, 1.0 / ior) else {
        result.reflection = Some((reflect(dir, normal), 1.0));
        return result;
    };
    let mut weight = 1.0 - r;
    let mut position = point;
    for bounce in 0..=bounces {
        let (distance, facet, tests) = hints.walk(stone, bounce, position, inside);
        result.plane_tests += tests;
        let facet = stone.planes[facet].normal;
        let kept = (-absorption * distance).exp();
        result.absorbed += weight * (1.0 - kept);
        weight *= kept;
        position += inside * distance;
        let cos_inside = facet.dot(inside);
        let reflected = fresnel(cos_inside, ior, 1.0);
        if reflected < 1.0
            && let Some(out) = refract(inside, -facet, ior)
        {
            result.exits.push(Exit { at: position, towards: out, weight: weight * (1.0 - reflected) });
        }
        weight *= reflected;
        inside = reflect(inside, facet);
        // Step off the facet so the next exit search does not find it again.
        position += inside * 1e-5;
    }
    result.trapped = Exit { at: position, towards: inside, weight };
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::facet_planes;

    #[test]
    fn total_internal_reflection_starts_exactly_at_the_critical_angle() {
        let n = 2.418f32;
        let critical = (1.0 / n).asin();
        assert!(fresnel((critical - 1e-3).cos(), n, 1.0) < 1.0);
        assert_eq!(fresnel((critical + 1e-3).cos(), n, 1.0), 1.0);
        // Normal incidence on diamond from air: ((n−1)/(n+1))².
        assert!((fresnel(1.0, 1.0, n) - ((n - 1.0) / (n + 1.0)).powi(2)).abs() < 1e-6);
    }

    #[test]
    fn weights_never_exceed_one_and_sum_to_one_without_absorption() {
        let planes = FacetWalk::of(&facet_planes(Cut::RoundBrilliant));
        for i in 0..50 {
            let x = -0.2 + 0.4 * i as f32 / 49.0;
            let dir = Vec3::new(0.1 * (i as f32).sin(), -1.0, 0.05).normalize();
            let trace = trace_channel(
                &planes,
                Vec3::new(x, 2.0, 0.03) - dir * 0.0,
                dir,
                2.418,
                0.0,
                8,
                &mut ExitHints::default(),
            );
            assert!(trace.total() <= 1.0 + 1e-4, "{}", trace.total());
            assert!((trace.total() - 1.0).abs() < 1e-3, "energy lost: {}", trace.total());
            assert!(trace.exits.iter().all(|e| e.weight >= 0.0));
        }
        let absorbing =
            trace_channel(&planes, Vec3::new(0.05, 2.0, 0.0), Vec3::NEG_Y, 1.766, 2.0, 8, &mut ExitHints::default());
        assert!(absorbing.absorbed > 0.1 && absorbing.total() <= 1.0 + 1e-4);
    }

    #[test]
    fn channels_diverge_with_dispersion_and_coincide_without() {
        let planes = FacetWalk::of(&facet_planes(Cut::RoundBrilliant));
        let origin = Vec3::new(0.12, 2.0, 0.07);
        let dir = Vec3::new(-0.25, -1.0, 0.1).normalize();
        let mut hints = ExitHints::default();
        let with = crate::optics::ChannelIor::new(2.418, 0.044)
            .0
            .map(|n| trace_channel(&planes, origin, dir, n, 0.0, 8, &mut hints));
        let first_exit = |t: &ChannelTrace| t.exits.first().map(|e| e.towards).expect("an exit");
        assert!(first_exit(&with[0]).angle_between(first_exit(&with[2])) > 1e-3, "red and blue should part");
        let without = crate::optics::ChannelIor::new(2.418, 0.0)
            .0
            .map(|n| trace_channel(&planes, origin, dir, n, 0.0, 8, &mut ExitHints::default()));
        assert!(first_exit(&without[0]).angle_between(first_exit(&without[2])) < 1e-6);
    }
}
