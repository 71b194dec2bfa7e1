//! Gem cuts as exact convex polyhedra generated from the trade's proportions.
//!
//! A stone is modelled at unit length (its longest girdle dimension = 1) with the girdle in the XZ plane
//! (y = 0 at the girdle's middle), the table facing +Y and the length along X. Every facet is a plane:
//! brilliant cuts get table, 8 stars, 8 bezels, 16 upper-girdle, girdle, 16 lower-girdle and 8 pavilion mains;
//! step cuts (emerald, asscher) get three crown steps and three pavilion steps on every side.

use super::outline::Outline;
use super::polyhedron::{ConvexPolyhedron, Plane};
use crate::design::Cut;
use glam::Vec3;
use std::f32::consts::TAU;
use std::sync::OnceLock;

/// Proportions of a cut, as a cutter states them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Proportions {
    /// Table width as a fraction of the girdle (per direction).
    pub table: f32,
    /// Crown angle in degrees, measured across the stone's width.
    pub crown_angle_deg: f32,
    /// Pavilion angle in degrees, measured across the stone's width.
    pub pavilion_angle_deg: f32,
    /// Girdle thickness as a fraction of the length.
    pub girdle: f32,
    /// How much steeper than the pavilion mains the lower-girdle facets are, degrees (fuller pavilions: princess).
    pub lower_girdle_extra_deg: f32,
    /// Brilliant facets or step facets.
    pub step_cut: bool,
    /// A brilliant crown over a stepped (chevron) pavilion, fuller near the girdle than a cone (princess).
    pub stepped_pavilion: bool,
}

/// The usual proportions of each cut. Round: Tolkowsky's ideal (table 53 %, crown 34.5°, pavilion 40.75°)
/// with a 2 % girdle, as real stones have (notes).
pub fn proportions(cut: Cut) -> Proportions {
    let brilliant = |table, crown_angle_deg, pavilion_angle_deg| Proportions {
        table,
        crown_angle_deg,
        pavilion_angle_deg,
        girdle: 0.02,
        lower_girdle_extra_deg: 1.6,
        step_cut: false,
        stepped_pavilion: false,
    };
    match cut {
        Cut::RoundBrilliant => brilliant(0.53, 34.5, 40.75),
        Cut::Oval => brilliant(0.56, 34.0, 41.0),
        Cut::Cushion => brilliant(0.60, 35.0, 41.0),
        // Princess: chevron pavilion, fuller near the girdle than a cone.
        Cut::Princess => Proportions { stepped_pavilion: true, ..brilliant(0.70, 32.0, 44.0) },
        Cut::Pear => brilliant(0.56, 34.0, 41.0),
        Cut::Marquise => brilliant(0.56, 34.0, 41.0),
        Cut::Radiant => brilliant(0.64, 34.0, 43.0),
        Cut::Heart => brilliant(0.56, 34.0, 41.0),
        Cut::Emerald => Proportions { step_cut: true, ..brilliant(0.64, 38.0, 44.0) },
        Cut::Asscher => Proportions { step_cut: true, ..brilliant(0.60, 38.0, 44.0) },
    }
}

/// The facet planes of a cut at unit length, with its usual proportions.
pub fn facet_planes(cut: Cut) -> Vec<Plane> {
    facet_planes_with(cut, &proportions(cut))
}

/// The facet planes of a cut's outline at unit length with given proportions (e.g. a badly cut stone).
pub fn facet_planes_with(cut: Cut, p: &Proportions) -> Vec<Plane> {
    let outline = Outline::of(cut);
    let half_girdle = p.girdle / 2.0;
    let min_support = outline.min_support();
    let crown_height = (1.0 - p.table) * min_support * p.crown_angle_deg.to_radians().tan();
    let pavilion_depth = min_support * p.pavilion_angle_deg.to_radians().tan();
    let table_y = half_girdle + crown_height;
    let mut planes = vec![Plane { normal: Vec3::Y, offset: table_y }];
    // Pavilion steps on one side: from the girdle's underside down to the keel or culet.
    let pavilion_steps = |azimuth: f32, support: f32, profile: &[(f32, f32)]| {
        step_planes(azimuth, support, support, -half_girdle, pavilion_depth, profile, -1.0)
    };
    // Girdle: one vertical facet per outline edge.
    planes.extend(outline.edge_planes());
    if p.step_cut {
        // Crown and pavilion in three steps; each step's profile is convex (steeper near the girdle).
        let crown_profile = [(0.0, 0.0), (0.33, 0.42), (0.67, 0.76), (1.0, 1.0)];
        let pavilion_profile = [(0.0, 0.0), (0.33, 0.38), (0.67, 0.71), (1.0, 1.0)];
        for (azimuth, support) in outline.edge_supports() {
            let inset = (1.0 - p.table) * support;
            planes.extend(step_planes(azimuth, support, inset, half_girdle, crown_height, &crown_profile, 1.0));
            planes.extend(pavilion_steps(azimuth, support, &pavilion_profile));
        }
    } else {
        let mains = 8;
        for i in 0..mains {
            let main = TAU * i as f32 / mains as f32;
            let between = main + TAU / (2.0 * mains as f32);
            // Bezel (upper main): from the girdle up to the table, at the angle that reaches the table height.
            let bezel = slope_to(crown_height, (1.0 - p.table) * outline.support(main));
            planes.push(inclined(main, outline.support(main), half_girdle, bezel, 1.0));
            // Star: from the table edge, shallower than the bezel.
            let star = 0.6 * slope_to(crown_height, (1.0 - p.table) * outline.support(between));
            planes.push(inclined(between, p.table * outline.support(between), table_y, star, 1.0));
            // Pavilion main: from the girdle to the culet (stepped pavilions are added below).
            let pavilion = slope_to(pavilion_depth, outline.support(main));
            if !p.stepped_pavilion {
                planes.push(inclined(main, outline.support(main), -half_girdle, pavilion, -1.0));
            }
            for quarter in [0.25, 0.75] {
                let azimuth = main + TAU * quarter / mains as f32;
                let support = outline.support(azimuth);
                let upper = slope_to(crown_height, (1.0 - p.table) * support) + 7f32.to_radians();
                planes.push(inclined(azimuth, support, half_girdle, upper, 1.0));
                let lower = slope_to(pavilion_depth, support) + p.lower_girdle_extra_deg.to_radians();
                if !p.stepped_pavilion {
                    planes.push(inclined(azimuth, support, -half_girdle, lower, -1.0));
                }
            }
        }
        if p.stepped_pavilion {
            for (azimuth, support) in outline.edge_supports() {
                planes.extend(pavilion_steps(azimuth, support, &PAVILION_STEPS));
            }
        }
    }
    planes
}

/// Chevron pavilion steps (princess): (fraction of the run inward, fraction of the depth).
const PAVILION_STEPS: [(f32, f32); 4] = [(0.0, 0.0), (0.30, 0.45), (0.62, 0.80), (1.0, 1.0)];

/// Angle whose tangent is rise / run.
fn slope_to(rise: f32, run: f32) -> f32 {
    (rise / run.max(1e-4)).atan()
}

/// Plane facing azimuth `azimuth` (in XZ), through the horizontal line at distance `support` and height `y`,
/// inclined by `angle` from the girdle plane; `up` = 1 for crown facets, −1 for pavilion facets.
fn inclined(azimuth: f32, support: f32, y: f32, angle: f32, up: f32) -> Plane {
    let direction = Vec3::new(azimuth.cos(), 0.0, azimuth.sin());
    let normal = direction * angle.sin() + Vec3::Y * (up * angle.cos());
    Plane::through(direction * support + Vec3::Y * y, normal)
}

/// The steps of a step cut on one side: profile points (fraction of the run inward, fraction of the height).
fn step_planes(
    azimuth: f32,
    support: f32,
    run: f32,
    y0: f32,
    height: f32,
    profile: &[(f32, f32)],
    up: f32,
) -> Vec<Plane> {
    profile
        .windows(2)
        .map(|w| {
            let ((r0, h0), (r1, h1)) = (w[0], w[1]);
            let angle = slope_to((h1 - h0) * height, (r1 - r0) * run);
            inclined(azimuth, support - r0 * run, y0 + up * h0 * height, angle, up)
        })
        .collect()
}

/// The polyhedron of a cut at unit length (computed once per cut).
pub fn unit_polyhedron(cut: Cut) -> &'static ConvexPolyhedron {
    static CACHE: OnceLock<Vec<ConvexPolyhedron>> = OnceLock::new();
    let all = CACHE.get_or_init(|| Cut::ALL.iter().map(|&c| ConvexPolyhedron::from_planes(&facet_planes(c))).collect());
    let index = Cut::ALL.iter().position(|&c| c == cut).unwrap_or(0);
    &all[index]
}

/// Carat weight of a stone of this cut and length (mm): volume (mm³) × SG / 200.
pub fn carats(cut: Cut, length_mm: f32, specific_gravity: f32) -> f32 {
    unit_polyhedron(cut).volume() * length_mm.powi(3) * specific_gravity / 200.0
}

/// Length (mm) at which a stone of this cut weighs `carats`.
pub fn size_for_carats(cut: Cut, carats: f32, specific_gravity: f32) -> f32 {
    (carats * 200.0 / (specific_gravity * unit_polyhedron(cut).volume())).cbrt()
}

/// Length, width and total depth of a stone of this cut at the given length (mm).
pub fn dimensions_mm(cut: Cut, length_mm: f32) -> (f32, f32, f32) {
    let (lo, hi) = unit_polyhedron(cut).bounds();
    let size = (hi - lo) * length_mm;
    (size.x, size.z, size.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_brilliant_has_57_facets_plus_girdle_and_tolkowsky_depth() {
        let solid = unit_polyhedron(Cut::RoundBrilliant);
        let girdle_facets = Outline::of(Cut::RoundBrilliant).edge_planes().len();
        assert_eq!(solid.visible_facet_count(1e-7), 57 + girdle_facets);
        let (_, _, depth) = dimensions_mm(Cut::RoundBrilliant, 1.0);
        // 59.3 % knife-edge + 2 % girdle (notes).
        assert!((depth - 0.613).abs() < 0.01, "depth {depth}");
    }

    #[test]
    fn one_carat_round_diamond_is_about_6_4_mm() {
        let size = size_for_carats(Cut::RoundBrilliant, 1.0, 3.52);
        assert!((6.3..6.6).contains(&size), "{size} mm");
    }

    #[test]
    fn carats_agree_with_trade_formulas_within_ten_percent() {
        // Trade formulas (notes): round d²·h·0.0061, oval avg-diameter²·h·0.0062, others L·W·h·k.
        // Heart (not in the notes): L·W·h·0.0059, the figure of the usual estimation tables.
        let sg = 3.52;
        for cut in Cut::ALL {
            let length = 8.0;
            let (l, w, h) = dimensions_mm(cut, length);
            let trade = match cut {
                Cut::RoundBrilliant => l * l * h * 0.0061,
                Cut::Oval => ((l + w) / 2.0).powi(2) * h * 0.0062,
                Cut::Princess => l * w * h * 0.0083,
                Cut::Emerald | Cut::Asscher => l * w * h * 0.0080,
                Cut::Pear => l * w * h * 0.0060,
                Cut::Marquise => l * w * h * 0.0058,
                Cut::Cushion => l * w * h * 0.0074,
                Cut::Radiant => l * w * h * 0.0081,
                Cut::Heart => l * w * h * 0.0059,
            };
            let exact = carats(cut, length, sg);
            let ratio = exact / trade;
            assert!((0.9..=1.1).contains(&ratio), "{cut:?}: {exact:.3} ct vs trade {trade:.3} ct (×{ratio:.3})");
        }
    }

    #[test]
    fn every_cut_is_a_closed_convex_solid_with_its_table_up() {
        for cut in Cut::ALL {
            let solid = unit_polyhedron(cut);
            let mesh_volume = solid.to_mesh().volume();
            assert!((mesh_volume - solid.volume()).abs() < 1e-5, "{cut:?}");
            assert!(solid.volume() > 0.02, "{cut:?} volume {}", solid.volume());
            let (lo, hi) = solid.bounds();
            assert!((hi.x - lo.x - 1.0).abs() < 0.01, "{cut:?} length {}", hi.x - lo.x);
            let width = hi.z - lo.z;
            assert!(hi.y > 0.08 * width && lo.y < -0.35 * width, "{cut:?} crown {} pavilion {}", hi.y, lo.y);
            assert!(solid.facets.iter().any(|f| f.plane.normal == Vec3::Y), "{cut:?} has a table");
        }
    }

    #[test]
    fn cut_meshes_give_back_their_facets() {
        for cut in Cut::ALL {
            let solid = unit_polyhedron(cut);
            let planes = super::super::polyhedron::convex_planes_of_mesh(&solid.to_mesh(), 1000).expect("convex");
            // Sliver facets may come back as two nearly equal planes; the solid they bound is the same.
            assert!((solid.facets.len()..=solid.facets.len() + 2).contains(&planes.len()), "{cut:?}");
            let rebuilt = ConvexPolyhedron::from_planes(&planes).volume();
            assert!((rebuilt - solid.volume()).abs() < 1e-4 * solid.volume().max(1e-3), "{cut:?}");
        }
    }
}
