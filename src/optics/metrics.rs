//! Cut metrics from the reference tracer, with the observer in the scene (`optics::observer`), as light-performance
//! studies and reflector scopes (ASET, Ideal-Scope) measure them: the stone seen face-up from within a small cone
//! around the vertical, lit by the upper hemisphere except where the observer stands.
//!
//! - Light return (brightness): the share of light entering the crown that leaves again towards the lit upper
//!   hemisphere (more than 15° above the girdle plane) and not from behind the viewer — by reciprocity, how bright
//!   the stone looks face-up. Light the observer blocks is not returned: a cut that sends the eye back to itself
//!   looks dark, as a deep pavilion's "nailhead" centre does.
//! - Fire: the share of returned light whose red and blue parts leave more than 0.5° apart (up to 2°, where
//!   colours separate fully to the eye), i.e. light that reaches the viewer as colour flashes.
//! - Contrast: the share of the face-up light (entry reflection included) that is the observer's darkness — the
//!   dark pattern (arrows in a round brilliant) that gives a stone its crisp look; the blue of an ASET image.
//!
//! How cuts rank on published proportion sets (GIA's cut study and its grading descriptions, Tolkowsky's design,
//! GIA's study of fire) is pinned by the tests below; README says where the figures come from.

use super::ior::ChannelIor;
use super::observer;
use super::trace::{ChannelTrace, Exit, trace_channel};
use crate::geometry::polyhedron::Plane;
use glam::Vec3;

/// Internal bounces followed (the shader's default too).
pub const BOUNCES: usize = 8;

/// The lit zone starts 15° above the girdle plane (sine of the elevation).
const LIT_FROM: f32 = 0.26;

/// Light return, fire and contrast of a stone, each 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CutMetrics {
    pub light_return: f32,
    pub fire: f32,
    pub contrast: f32,
}

/// The light of one channel's trace that reaches the viewer at `eye` from the lit zone (by reciprocity: where it
/// leaves towards), and the part of everything leaving upwards that is the observer's.
fn returned(trace: &ChannelTrace, eye: Vec3) -> (f32, f32, f32) {
    let lit = |d: Vec3| d.y > LIT_FROM;
    let (mut back, mut upwards, mut observer) = (0.0, 0.0, 0.0);
    for &Exit { towards: d, weight: w, .. } in &trace.exits {
        if lit(d) {
            let blocked = observer::blocked(eye, d);
            back += w * (1.0 - blocked);
            upwards += w;
            observer += w * blocked;
        }
    }
    if let Some((d, w)) = trace.reflection.filter(|(d, _)| lit(*d)) {
        upwards += w;
        observer += w * observer::blocked(eye, d);
    }
    (back, upwards, observer)
}

/// Metrics of a stone given by its facet planes (unit length, table up).
pub fn cut_metrics(planes: &[Plane], ior: ChannelIor) -> CutMetrics {
    let stone = super::walk::FacetWalk::of(planes);
    let (mut light, mut fire, mut rays) = (0.0, 0.0, 0);
    let (mut upwards, mut dark) = (0.0, 0.0);
    let grid = 24;
    for i in 0..grid {
        for j in 0..grid {
            let x = -0.48 + 0.96 * (i as f32 + 0.5) / grid as f32;
            let z = -0.48 + 0.96 * (j as f32 + 0.5) / grid as f32;
            // Viewing cone: tilt up to ~10° from vertical, varied across the grid.
            let tilt = 0.17 * ((i * 7 + j * 3) % 11) as f32 / 10.0;
            let azimuth = (i * 5 + j * 11) as f32;
            let dir = Vec3::new(tilt * azimuth.cos(), -1.0, tilt * azimuth.sin()).normalize();
            let eye = -dir;
            let origin = Vec3::new(x, 0.0, z) - dir * 3.0;
            let mut hints = super::trace::ExitHints::default();
            let traces = ior.0.map(|n| trace_channel(&stone, origin, dir, n, 0.0, BOUNCES, &mut hints));
            if traces[1].reflection.is_none() {
                continue; // missed the stone
            }
            rays += 1;
            for trace in &traces {
                let (back, up, observer) = returned(trace, eye);
                light += back / 3.0;
                upwards += up;
                dark += observer;
            }
            for (red, blue) in traces[0].exits.iter().zip(&traces[2].exits) {
                if red.towards.y > LIT_FROM && blue.towards.y > LIT_FROM {
                    let seen = 1.0 - observer::blocked(eye, red.towards).max(observer::blocked(eye, blue.towards));
                    let spread = red.towards.angle_between(blue.towards).to_degrees();
                    fire += red.weight.min(blue.weight) * seen * ((spread - 0.5) / 1.5).clamp(0.0, 1.0);
                }
            }
        }
    }
    let rays = rays.max(1) as f32;
    CutMetrics { light_return: light / rays, fire: fire / rays, contrast: dark / upwards.max(1e-6) }
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

    fn of(species: Species) -> ChannelIor {
        let data = species.data();
        ChannelIor::new(data.refractive_index, data.dispersion)
    }

    /// A round diamond cut to a published proportion set: table (fraction), crown and pavilion angles (degrees).
    fn round(table: f32, crown_angle_deg: f32, pavilion_angle_deg: f32) -> CutMetrics {
        let p = proportions(Cut::RoundBrilliant);
        let planes = facet_planes_with(
            Cut::RoundBrilliant,
            &crate::geometry::cut::Proportions { table, crown_angle_deg, pavilion_angle_deg, ..p },
        );
        cut_metrics(&planes, of(Species::Diamond))
    }

    /// Tolkowsky's design (Diamond Design, 1919): table 53 %, crown 34.5°, pavilion 40.75°.
    fn tolkowsky() -> CutMetrics {
        round(0.53, 34.5, 40.75)
    }

    #[test]
    fn shallow_pavilions_look_darker_than_tolkowskys_design_as_gia_describes_them() {
        // GIA's cut grades (4Cs, "Cut": a Good stone whose "somewhat shallow pavilion angle produces dark pavilion
        // mains"); GIA's Excellent pavilions start at 40.6°. Darker: less light returned, more of it the observer's.
        let ideal = tolkowsky();
        for pavilion in [39.0, 40.0] {
            let shallow = round(0.57, 34.0, pavilion);
            assert!(shallow.light_return < ideal.light_return, "{pavilion}°: {shallow:?} vs {ideal:?}");
            assert!(shallow.contrast > ideal.contrast, "{pavilion}°: {shallow:?} vs {ideal:?}");
        }
    }

    #[test]
    fn a_shallow_low_crown_shows_localised_darkness() {
        // GIA (4Cs, "Cut"): "the shallow crown angle and low crown height lead to … localized darkness
        // (especially in the table area)" — a Good stone.
        let ideal = tolkowsky();
        let low = round(0.60, 27.0, 40.8);
        assert!(low.light_return < ideal.light_return, "{low:?} vs {ideal:?}");
        assert!(low.contrast > ideal.contrast, "{low:?} vs {ideal:?}");
    }

    #[test]
    fn a_steep_crown_and_a_small_table_show_more_fire() {
        // GIA's study of fire (Reinitz et al., "Modeling the appearance of the round brilliant cut diamond: an
        // analysis of fire", Gems & Gemology 37(3), 2001): fire grows with the crown angle and as the table shrinks.
        let steep_small = round(0.53, 36.0, 40.8);
        let shallow_large = round(0.60, 30.0, 40.8);
        assert!(steep_small.fire > 1.5 * shallow_large.fire, "{steep_small:?} vs {shallow_large:?}");
    }

    #[test]
    fn a_very_deep_pavilion_returns_less_light_than_tolkowskys_design() {
        // Past GIA's charts (which stop near 43°): a 44.5° pavilion sends the light that enters the table back out
        // near the vertical, where the observer stands — the dark "nailhead" centre.
        let deep = round(0.57, 34.0, 44.5);
        assert!(deep.light_return < tolkowsky().light_return, "{deep:?}");
    }

    #[test]
    fn tolkowskys_design_shows_its_arrows_in_a_third_of_its_light() {
        // The observer's share face-up for a well-cut round (the dark arrows): about a third, as the studio's top
        // view (tests/studio/look.rs) and ASET images of well-cut stones show.
        let ideal = tolkowsky();
        assert!((0.25..0.45).contains(&ideal.contrast), "{ideal:?}");
        assert!(ideal.light_return > 0.35 && ideal.light_return < 0.8, "{ideal:?}");
    }

    #[test]
    fn moissanite_shows_more_fire_than_diamond_and_diamond_more_than_sapphire() {
        let p = proportions(Cut::RoundBrilliant);
        let planes = facet_planes_with(Cut::RoundBrilliant, &p);
        let moissanite = cut_metrics(&planes, of(Species::Moissanite));
        let diamond = cut_metrics(&planes, of(Species::Diamond));
        let sapphire = cut_metrics(&planes, of(Species::BlueSapphire));
        assert!(moissanite.fire > diamond.fire, "{moissanite:?} vs {diamond:?}");
        assert!(diamond.fire > sapphire.fire, "{diamond:?} vs {sapphire:?}");
    }
}
