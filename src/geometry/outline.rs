//! Girdle outlines of the cuts seen from above: convex polygons in the XZ plane, length 1 along X.

use super::polyhedron::Plane;
use crate::design::Cut;
use glam::{Vec2, Vec3};
use std::f32::consts::{PI, TAU};

/// A convex girdle outline, counter-clockwise in (x, z), centred, length 1 along X.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub points: Vec<Vec2>,
}

/// Points of an ellipse with semi-axes a, b.
fn ellipse(a: f32, b: f32, n: usize) -> Vec<Vec2> {
    (0..n).map(|i| TAU * i as f32 / n as f32).map(|t| Vec2::new(a * t.cos(), b * t.sin())).collect()
}

/// Rectangle of half-sizes (a, b) with 45° corner cuts of length `corner` along each side.
fn cut_corner_rectangle(a: f32, b: f32, corner: f32) -> Vec<Vec2> {
    let mut points = Vec::new();
    for (sx, sz) in [(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)] {
        points.push(Vec2::new(sx * a, sz * (b - corner)));
        points.push(Vec2::new(sx * (a - corner), sz * b));
    }
    points
}

/// Lens (vesica) of length `length` and width `width`: the intersection of two discs, pointed at both ends.
fn lens(length: f32, width: f32, n: usize) -> Vec<Vec2> {
    let (half_l, half_w) = (length / 2.0, width / 2.0);
    let centre_offset = (half_l * half_l - half_w * half_w) / (2.0 * half_w);
    let radius = centre_offset + half_w;
    let reach = (half_l / radius).asin();
    let mut points = Vec::new();
    for side in [1.0f32, -1.0] {
        for i in 0..n {
            let t = -reach + 2.0 * reach * i as f32 / n as f32;
            points.push(Vec2::new(side * radius * t.sin(), side * (radius * t.cos() - centre_offset)));
        }
    }
    points
}

/// Convex hull (Andrew's monotone chain), counter-clockwise.
fn convex_hull(mut points: Vec<Vec2>) -> Vec<Vec2> {
    points.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    let cross = |o: Vec2, a: Vec2, b: Vec2| (a - o).perp_dot(b - o);
    let mut hull: Vec<Vec2> = Vec::new();
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Vec2>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 1e-9 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

impl Outline {
    /// The outline of a cut, with the usual length-to-width ratio of the trade.
    pub fn of(cut: Cut) -> Outline {
        let raw = match cut {
            Cut::RoundBrilliant => ellipse(0.5, 0.5, 64),
            Cut::Oval => ellipse(0.5, 0.5 / 1.40, 64),
            Cut::Cushion => (0..64)
                .map(|i| TAU * i as f32 / 64.0)
                .map(|t| {
                    // Superellipse |x/a|^4 + |z/b|^4 = 1: a pillow with rounded corners, ratio 1.05.
                    let (c, s) = (t.cos(), t.sin());
                    Vec2::new(0.5 * c.signum() * c.abs().sqrt(), 0.5 / 1.05 * s.signum() * s.abs().sqrt())
                })
                .collect(),
            Cut::Princess => cut_corner_rectangle(0.5, 0.5, 0.02),
            Cut::Emerald => cut_corner_rectangle(0.5, 0.5 / 1.45, 0.1),
            Cut::Asscher => cut_corner_rectangle(0.5, 0.5, 0.15),
            Cut::Radiant => cut_corner_rectangle(0.5, 0.5 / 1.25, 0.08),
            Cut::Marquise => lens(1.0, 0.5, 32),
            Cut::Pear => {
                // Round end (radius r) on −X, pointed end on +X: hull of the disc and the lens of the same width.
                let r = 0.5 / 1.6;
                let mut points: Vec<Vec2> =
                    ellipse(r, r, 48).into_iter().map(|p| p + Vec2::new(r - 0.5, 0.0)).collect();
                points
                    .extend(lens(1.2, 2.0 * r, 32).into_iter().filter(|p| p.x > 0.0).map(|p| p + Vec2::new(-0.1, 0.0)));
                points
            }
            Cut::Heart => {
                // Two lobes on −X and a point on +X. The cleft between the lobes is filled (a convex outline);
                // on a real heart it is shallow: ~3 % of the outline's area.
                let r = 0.27;
                let mut points = Vec::new();
                for side in [1.0, -1.0] {
                    points.extend(ellipse(r, r, 48).into_iter().map(|p| p + Vec2::new(r - 0.5, side * 0.23)));
                }
                points.extend(lens(1.3, 1.0, 32).into_iter().filter(|p| p.x > 0.1).map(|p| p + Vec2::new(-0.15, 0.0)));
                points
            }
        };
        Outline::normalised(convex_hull(raw))
    }

    /// Centres the outline and scales it to length 1 along X.
    fn normalised(points: Vec<Vec2>) -> Outline {
        let (lo, hi) =
            points.iter().fold((Vec2::splat(f32::MAX), Vec2::splat(f32::MIN)), |(lo, hi), &p| (lo.min(p), hi.max(p)));
        let centre = (lo + hi) / 2.0;
        let scale = 1.0 / (hi.x - lo.x);
        Outline { points: points.into_iter().map(|p| (p - centre) * scale).collect() }
    }

    /// Distance from the centre to the supporting line facing `azimuth` (radians, in XZ from +X towards +Z).
    pub fn support(&self, azimuth: f32) -> f32 {
        let direction = Vec2::from_angle(azimuth);
        self.points.iter().map(|p| p.dot(direction)).fold(f32::MIN, f32::max)
    }

    /// Half of the outline's smallest width.
    pub fn min_support(&self) -> f32 {
        (0..360)
            .map(|i| i as f32 * PI / 180.0)
            .map(|a| (self.support(a) + self.support(a + PI)) / 2.0)
            .fold(f32::MAX, f32::min)
    }

    /// Outward normal azimuth and support distance of every edge.
    pub fn edge_supports(&self) -> Vec<(f32, f32)> {
        let n = self.points.len();
        (0..n)
            .map(|i| {
                let (a, b) = (self.points[i], self.points[(i + 1) % n]);
                let normal = (b - a).perp().normalize() * -1.0;
                (normal.y.atan2(normal.x), normal.dot(a))
            })
            .collect()
    }

    /// The vertical girdle facets.
    pub fn edge_planes(&self) -> Vec<Plane> {
        self.edge_supports()
            .into_iter()
            .map(|(azimuth, support)| {
                let normal = Vec3::new(azimuth.cos(), 0.0, azimuth.sin());
                Plane { normal, offset: support }
            })
            .collect()
    }

    /// Where the ray from the centre towards `azimuth` leaves the outline.
    pub fn point_towards(&self, azimuth: f32) -> Vec2 {
        let direction = Vec2::from_angle(azimuth);
        let n = self.points.len();
        (0..n)
            .filter_map(|i| {
                let (a, b) = (self.points[i], self.points[(i + 1) % n]);
                let edge = b - a;
                let denominator = direction.perp_dot(edge);
                if denominator.abs() < 1e-9 {
                    return None;
                }
                let t = a.perp_dot(edge) / denominator;
                let u = a.perp_dot(direction) / denominator;
                (t > 0.0 && (-1e-6..=1.0 + 1e-6).contains(&u)).then_some(direction * t)
            })
            .fold(Vec2::ZERO, |best, p| if p.length() > best.length() { p } else { best })
    }

    /// The outline resampled at `count` evenly spaced azimuths, with outward normals: a path for sweeps.
    pub fn ring(&self, count: usize) -> Vec<(Vec2, Vec2)> {
        let points: Vec<Vec2> = (0..count).map(|i| self.point_towards(TAU * i as f32 / count as f32)).collect();
        (0..count)
            .map(|i| {
                let tangent = points[(i + 1) % count] - points[(i + count - 1) % count];
                (points[i], -tangent.perp().normalize())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_are_unit_length_convex_and_counter_clockwise() {
        for cut in Cut::ALL {
            let outline = Outline::of(cut);
            let n = outline.points.len();
            assert!(n >= 8, "{cut:?}");
            for i in 0..n {
                let (a, b, c) = (outline.points[i], outline.points[(i + 1) % n], outline.points[(i + 2) % n]);
                assert!((b - a).perp_dot(c - b) > 0.0, "{cut:?} is not convex CCW at {i}");
            }
            assert!((outline.support(0.0) + outline.support(PI) - 1.0).abs() < 1e-4);
            for (azimuth, support) in outline.edge_supports() {
                assert!((outline.support(azimuth) - support).abs() < 1e-4, "{cut:?}");
            }
        }
    }

    #[test]
    fn ring_points_lie_on_the_outline_with_outward_normals() {
        let outline = Outline::of(Cut::Oval);
        for (point, normal) in outline.ring(48) {
            assert!(point.dot(normal) > 0.0);
            let azimuth = normal.y.atan2(normal.x);
            assert!(outline.support(azimuth) + 1e-3 >= point.dot(normal));
        }
        let along_x = outline.point_towards(0.0);
        assert!((along_x.x - 0.5).abs() < 1e-3);
    }
}
