//! Measures of a model's shapes (no Bevy): a stone's table and the family of its girdle outline with its length,
//! whether a metal has a hole for the finger, and the circle of a band's inner surface.

use crate::design::Cut;
use crate::geometry::mesh::MeshData;
use glam::{Mat3, Vec2, Vec3};

/// The normal of a stone's largest flat facet (its table), pointing out of the stone.
pub fn table_normal(stone: &MeshData) -> Option<Vec3> {
    let centre = {
        let (lo, hi) = stone.bounds();
        (lo + hi) / 2.0
    };
    let mut facets: Vec<(Vec3, f32)> = Vec::new();
    for t in stone.indices.chunks_exact(3) {
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| Vec3::from(stone.positions[i as usize]));
        let cross = (b - a).cross(c - a);
        let area = cross.length() / 2.0;
        if area <= 0.0 {
            continue;
        }
        let mut normal = cross.normalize();
        if normal.dot(a - centre) < 0.0 {
            normal = -normal;
        }
        match facets.iter_mut().find(|(n, _)| n.dot(normal) > 0.999) {
            Some(found) => found.1 += area,
            None => facets.push((normal, area)),
        }
    }
    facets.into_iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(n, _)| n)
}

/// Whether a ring-like metal has a hole for the finger: seen along `finger`, no metal near the middle.
pub fn has_finger_hole(metal: &[&MeshData], turn: Mat3) -> bool {
    let points: Vec<Vec2> =
        metal.iter().flat_map(|m| m.positions.iter()).map(|&p| (turn * Vec3::from(p)).truncate()).collect();
    let Some((lo, hi)) = points
        .iter()
        .fold(None, |acc: Option<(Vec2, Vec2)>, &p| Some(acc.map_or((p, p), |(a, b)| (a.min(p), b.max(p)))))
    else {
        return false;
    };
    let half = (hi.x - lo.x) / 2.0;
    let middle = Vec2::new((lo.x + hi.x) / 2.0, lo.y + half);
    half > 0.0 && points.iter().all(|p| p.distance(middle) > 0.45 * half)
}

/// A circle through points (least squares, Kåsa): centre and radius.
fn fit_circle(points: &[Vec2]) -> Option<(Vec2, f32)> {
    let n = points.len() as f64;
    if n < 3.0 {
        return None;
    }
    let (mut sx, mut sy, mut sxx, mut syy, mut sxy, mut sxz, mut syz, mut sz) =
        (0.0f64, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for p in points {
        let (x, y) = (p.x as f64, p.y as f64);
        let z = x * x + y * y;
        (sx, sy, sxx, syy, sxy, sxz, syz, sz) =
            (sx + x, sy + y, sxx + x * x, syy + y * y, sxy + x * y, sxz + x * z, syz + y * z, sz + z);
    }
    // Solve [sxx sxy sx; sxy syy sy; sx sy n] [a b c] = [-sxz -syz -sz] for x² + y² + a x + b y + c = 0.
    let m = glam::DMat3::from_cols_array(&[sxx, sxy, sx, sxy, syy, sy, sx, sy, n]);
    if m.determinant().abs() < 1e-12 {
        return None;
    }
    let abc = m.inverse() * glam::DVec3::new(-sxz, -syz, -sz);
    let centre = glam::DVec2::new(-abc.x / 2.0, -abc.y / 2.0);
    let radius = (centre.length_squared() - abc.z).max(0.0).sqrt();
    Some((centre.as_vec2(), radius as f32))
}

/// The finger's centre (studio frame, after turning and scaling) and the inner radius of a band: a circle fitted
/// to the inner surface of the band's lower half (the head cannot disturb it there).
pub fn finger_circle(metal: &[MeshData]) -> Option<(Vec2, f32)> {
    let points: Vec<Vec2> = metal.iter().flat_map(|m| m.positions.iter()).map(|&p| Vec3::from(p).truncate()).collect();
    let (lo, hi) =
        points.iter().fold((Vec2::splat(f32::MAX), Vec2::splat(f32::MIN)), |(a, b), &p| (a.min(p), b.max(p)));
    let guess = Vec2::new((lo.x + hi.x) / 2.0, lo.y + (hi.x - lo.x) / 2.0);
    let lower: Vec<Vec2> = points.iter().copied().filter(|p| p.y < guess.y).collect();
    let nearest = lower.iter().map(|p| p.distance(guess)).fold(f32::MAX, f32::min);
    let farthest = lower.iter().map(|p| p.distance(guess)).fold(0.0, f32::max);
    let inner: Vec<Vec2> =
        lower.iter().copied().filter(|p| p.distance(guess) < nearest + 0.2 * (farthest - nearest)).collect();
    let (centre, _) = fit_circle(&inner)?;
    // The finger touches the band where it is nearest: the inner radius is the smallest distance, not the fit's.
    let radius = lower.iter().map(|p| p.distance(centre)).fold(f32::MAX, f32::min);
    Some((centre, radius))
}

/// The girdle outline's family from a stone's shape seen from above: its length over width, how much of its
/// bounding rectangle it fills, and whether it is symmetric end to end (pears and hearts are not).
pub fn cut_family(stone: &MeshData, up: Vec3) -> (Cut, f32) {
    let y = up.normalize_or(Vec3::Y);
    let x0 = y.any_orthonormal_vector();
    let z0 = y.cross(x0);
    let flat: Vec<Vec2> =
        stone.positions.iter().map(|&p| Vec2::new(Vec3::from(p).dot(x0), Vec3::from(p).dot(z0))).collect();
    // The girdle's length and width: the sides of its smallest bounding rectangle (tried every degree), so that a
    // square's length is its side, not its diagonal.
    let (mut best_area, mut best_dir) = (f32::MAX, Vec2::X);
    for step in 0..90 {
        let dir = Vec2::from_angle(step as f32 * std::f32::consts::PI / 180.0);
        let extent = |axis: Vec2| {
            let (a, b) = flat.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.dot(axis)), b.max(p.dot(axis))));
            b - a
        };
        let (along, across) = (extent(dir), extent(dir.perp()));
        if along * across < best_area - 1e-6 {
            best_area = along * across;
            best_dir = if along >= across { dir } else { dir.perp() };
        }
    }
    let across = best_dir.perp();
    let along: Vec<f32> = flat.iter().map(|p| p.dot(best_dir)).collect();
    let side: Vec<f32> = flat.iter().map(|p| p.dot(across)).collect();
    let (alo, ahi) = along.iter().fold((f32::MAX, f32::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let (slo, shi) = side.iter().fold((f32::MAX, f32::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let (length, width) = (ahi - alo, shi - slo);
    if length <= 0.0 || width <= 0.0 {
        return (Cut::RoundBrilliant, length);
    }
    let hull = convex_hull(&flat);
    let area = polygon_area(&hull);
    let fill = area / (length * width);
    let aspect = length / width;
    // A pear's or a heart's area lies more towards one end: its centroid is off the middle along the length.
    let offset = (polygon_centroid(&hull).dot(best_dir) - (alo + ahi) / 2.0) / length;
    // …and its two ends differ: a point at one end, lobes at the other (tried both ways for a heart as wide as long).
    let ends_differ = |axis: Vec2| {
        let (lo, hi) = flat.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.dot(axis)), b.max(p.dot(axis))));
        let span = hi - lo;
        let width_near = |from: f32, to: f32| {
            let (a, b) = flat
                .iter()
                .filter(|p| (from..=to).contains(&p.dot(axis)))
                .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.dot(axis.perp())), b.max(p.dot(axis.perp()))));
            (b - a).max(0.0)
        };
        let (first, last) = (width_near(lo, lo + 0.2 * span), width_near(hi - 0.2 * span, hi));
        (first - last).abs() > 0.25 * first.max(last)
    };
    let lopsided = offset.abs() > 0.03 || ends_differ(best_dir) || ends_differ(best_dir.perp());
    let cut = if aspect < 1.1 {
        match fill {
            _ if lopsided => Cut::Heart,
            f if f > 0.98 => Cut::Princess,
            f if f > 0.94 => Cut::Asscher,
            f if f > 0.88 => Cut::Cushion,
            _ => Cut::RoundBrilliant,
        }
    } else {
        match fill {
            _ if lopsided => Cut::Pear,
            f if f < 0.72 => Cut::Marquise,
            f if f < 0.88 => Cut::Oval,
            f if f < 0.978 => Cut::Emerald,
            _ => Cut::Radiant,
        }
    };
    (cut, length)
}

fn convex_hull(points: &[Vec2]) -> Vec<Vec2> {
    let mut sorted: Vec<Vec2> = points.to_vec();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    sorted.dedup_by(|a, b| a.distance(*b) < 1e-7);
    if sorted.len() < 3 {
        return sorted;
    }
    let cross = |o: Vec2, a: Vec2, b: Vec2| (a - o).perp_dot(b - o);
    let mut hull: Vec<Vec2> = Vec::new();
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Vec2>> =
            if pass == 0 { Box::new(sorted.iter()) } else { Box::new(sorted.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// The centroid of a polygon's area.
fn polygon_centroid(points: &[Vec2]) -> Vec2 {
    let n = points.len();
    let (mut sum, mut twice_area) = (Vec2::ZERO, 0.0);
    for i in 0..n {
        let (a, b) = (points[i], points[(i + 1) % n]);
        let cross = a.perp_dot(b);
        sum += (a + b) * cross;
        twice_area += cross;
    }
    if twice_area.abs() < 1e-12 { Vec2::ZERO } else { sum / (3.0 * twice_area) }
}

fn polygon_area(points: &[Vec2]) -> f32 {
    let n = points.len();
    (0..n).map(|i| points[i].perp_dot(points[(i + 1) % n])).sum::<f32>().abs() / 2.0
}
