//! Cut metrics from the reference tracer, under a standard lighting: the stone seen face-up from within a small
//! cone around the vertical, lit by the upper hemisphere.
//!
//! - Light return (brilliance): the share of light entering the crown that leaves again towards the lit upper
//!   hemisphere (more than 15° above the girdle plane) — by reciprocity, how bright the stone looks face-up.
//! - Fire: the share of returned light whose red and blue parts leave more than 0.5° apart (up to 2°, where
//!   colours separate fully to the eye), i.e. light that reaches the viewer as colour flashes.

use super::ior::ChannelIor;
use super::trace::{ChannelTrace, trace_channel};
use crate::geometry::polyhedron::Plane;
use glam::Vec3;

/// Internal bounces followed (the shader's default too).
pub const BOUNCES: usize = 8;

/// Light return and fire of a stone, both 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CutMetrics {
    pub light_return: f32,
    pub fire: f32,
}

fn returned(trace: &ChannelTrace) -> f32 {
    trace.exits.iter().filter(|e| e.0.y > 0.26).map(|e| e.1).sum()
}

/// Metrics of a stone given by its facet planes (unit length, table up).
pub fn cut_metrics(planes: &[Plane], ior: ChannelIor) -> CutMetrics {
    let (mut light, mut fire, mut rays) = (0.0, 0.0, 0);
    let grid = 24;
    for i in 0..grid {
        for j in 0..grid {
            let x = -0.48 + 0.96 * (i as f32 + 0.5) / grid as f32;
            let z = -0.48 + 0.96 * (j as f32 + 0.5) / grid as f32;
            // Viewing cone: tilt up to ~10° from vertical, varied across the grid.
            let tilt = 0.17 * ((i * 7 + j * 3) % 11) as f32 / 10.0;
            let azimuth = (i * 5 + j * 11) as f32;
            let dir = Vec3::new(tilt * azimuth.cos(), -1.0, tilt * azimuth.sin()).normalize();
            let origin = Vec3::new(x, 0.0, z) - dir * 3.0;
            let traces = ior.0.map(|n| trace_channel(planes, origin, dir, n, 0.0, BOUNCES));
            if traces[1].reflection.is_none() {
                continue; // missed the stone
            }
            rays += 1;
            light += traces.iter().map(returned).sum::<f32>() / 3.0;
            for (red, blue) in traces[0].exits.iter().zip(&traces[2].exits) {
                if red.0.y > 0.26 && blue.0.y > 0.26 {
                    let spread = red.0.angle_between(blue.0).to_degrees();
                    fire += red.1.min(blue.1) * ((spread - 0.5) / 1.5).clamp(0.0, 1.0);
                }
            }
        }
    }
    let rays = rays.max(1) as f32;
    CutMetrics { light_return: light / rays, fire: fire / rays }
}

/// Metrics of a cut in a species with its usual proportions (computed once per pair, then cached).
pub fn metrics_for(cut: crate::design::Cut, species: crate::design::Species) -> CutMetrics {
    static METRICS: crate::memo::Memo<(crate::design::Cut, crate::design::Species), CutMetrics> =
        crate::memo::Memo::new();
    METRICS.get_or_compute((cut, species), || {
        let data = species.data();
        let planes = crate::geometry::cut::facet_planes(cut);
        cut_metrics(&planes, ChannelIor::new(data.refractive_index, data.dispersion))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Cut, Species};
    use crate::geometry::cut::{facet_planes_with, proportions};

    fn round_with_pavilion(angle: f32) -> Vec<Plane> {
        let p = proportions(Cut::RoundBrilliant);
        facet_planes_with(Cut::RoundBrilliant, &crate::geometry::cut::Proportions { pavilion_angle_deg: angle, ..p })
    }

    fn of(species: Species) -> ChannelIor {
        let data = species.data();
        ChannelIor::new(data.refractive_index, data.dispersion)
    }

    #[test]
    fn a_well_cut_round_returns_more_light_than_a_shallow_or_deep_one() {
        let ideal = cut_metrics(&round_with_pavilion(40.75), of(Species::Diamond));
        let shallow = cut_metrics(&round_with_pavilion(38.0), of(Species::Diamond));
        let deep = cut_metrics(&round_with_pavilion(43.0), of(Species::Diamond));
        assert!(ideal.light_return > shallow.light_return, "ideal {ideal:?} shallow {shallow:?}");
        assert!(ideal.light_return > deep.light_return, "ideal {ideal:?} deep {deep:?}");
        assert!(ideal.light_return > 0.5 && ideal.light_return < 1.0, "{ideal:?}");
    }

    #[test]
    fn moissanite_shows_more_fire_than_diamond_and_diamond_more_than_sapphire() {
        let planes = round_with_pavilion(40.75);
        let moissanite = cut_metrics(&planes, of(Species::Moissanite));
        let diamond = cut_metrics(&planes, of(Species::Diamond));
        let sapphire = cut_metrics(&planes, of(Species::BlueSapphire));
        assert!(moissanite.fire > diamond.fire, "{moissanite:?} vs {diamond:?}");
        assert!(diamond.fire > sapphire.fire, "{diamond:?} vs {sapphire:?}");
    }
}
