//! A mesh cut by a plane, as a drawing's section is: the closed outlines where the plane meets each closed part,
//! in the plane's own two axes. Each triangle that crosses the plane gives one segment; segments are chained into
//! loops through the edges they cross (a welded part's neighbouring triangles share them), so a closed part gives
//! closed loops, turned as its faces are (filled by the non-zero rule, overlapping parts make one area).

use super::mesh::MeshData;
use glam::Vec3;
use std::collections::HashMap;

/// A plane and the two axes a drawing of it uses: points are drawn at (`u`·p, `v`·p) after `origin` is taken off.
#[derive(Clone, Copy, Debug)]
pub struct SectionPlane {
    pub origin: Vec3,
    /// Across the drawing (to the right).
    pub u: Vec3,
    /// Up the drawing.
    pub v: Vec3,
}

impl SectionPlane {
    /// The plane's normal (`u` × `v`).
    pub fn normal(&self) -> Vec3 {
        self.u.cross(self.v).normalize_or_zero()
    }

    fn drawn(&self, point: Vec3) -> [f32; 2] {
        let relative = point - self.origin;
        [relative.dot(self.u), relative.dot(self.v)]
    }
}

/// Where an edge (a pair of vertices, smaller first) crosses the plane.
type EdgeKey = (u32, u32);

fn edge(a: u32, b: u32) -> EdgeKey {
    (a.min(b), a.max(b))
}

/// The outlines where `plane` cuts `mesh` (its indices joining its parts' triangles), each loop closed (its first
/// point not repeated), in the plane's axes. A part the plane only touches gives nothing.
pub fn section(mesh: &MeshData, plane: &SectionPlane) -> Vec<Vec<[f32; 2]>> {
    let normal = plane.normal();
    let side: Vec<f32> = mesh.positions.iter().map(|&p| (Vec3::from(p) - plane.origin).dot(normal)).collect();
    // A vertex exactly on the plane is moved off it a hair, so that every crossing is on an edge.
    let side: Vec<f32> = side.into_iter().map(|d| if d == 0.0 { 1e-7 } else { d }).collect();
    let crossing = |a: u32, b: u32| -> [f32; 2] {
        let (pa, pb) = (Vec3::from(mesh.positions[a as usize]), Vec3::from(mesh.positions[b as usize]));
        let t = side[a as usize] / (side[a as usize] - side[b as usize]);
        plane.drawn(pa.lerp(pb, t))
    };
    // Each crossing triangle: the segment from the edge where it goes from above to below the plane to the edge where
    // it comes back, so that loops run the same way round for every part.
    let mut next: HashMap<EdgeKey, EdgeKey> = HashMap::new();
    let mut points: HashMap<EdgeKey, [f32; 2]> = HashMap::new();
    for triangle in mesh.indices.chunks_exact(3) {
        let corners = [triangle[0], triangle[1], triangle[2]];
        let mut down = None;
        let mut up = None;
        for k in 0..3 {
            let (a, b) = (corners[k], corners[(k + 1) % 3]);
            let (above_a, above_b) = (side[a as usize] > 0.0, side[b as usize] > 0.0);
            if above_a && !above_b {
                down = Some((a, b));
            } else if !above_a && above_b {
                up = Some((a, b));
            }
        }
        if let (Some((a, b)), Some((c, d))) = (down, up) {
            let (from, to) = (edge(a, b), edge(c, d));
            points.entry(from).or_insert_with(|| crossing(a, b));
            points.entry(to).or_insert_with(|| crossing(c, d));
            next.insert(from, to);
        }
    }
    // Chain the segments into loops.
    let mut loops = Vec::new();
    let mut starts: Vec<EdgeKey> = next.keys().copied().collect();
    starts.sort_unstable();
    for start in starts {
        if !next.contains_key(&start) {
            continue;
        }
        let mut outline = Vec::new();
        let mut at = start;
        while let Some(following) = next.remove(&at) {
            outline.push(points[&at]);
            at = following;
            if at == start {
                break;
            }
        }
        if outline.len() >= 3 {
            loops.push(outline);
        }
    }
    loops
}

/// The outline where `plane` cuts a convex solid (a cut stone): the convex hull of where its triangles' edges cross
/// the plane — whole whatever its vertices' sharing (a faceted stone's faces each have their own corners), turned
/// anticlockwise. None when the plane misses it.
pub fn convex_section(mesh: &MeshData, plane: &SectionPlane) -> Option<Vec<[f32; 2]>> {
    let normal = plane.normal();
    let side = |p: [f32; 3]| (Vec3::from(p) - plane.origin).dot(normal);
    let mut points = Vec::new();
    for triangle in mesh.indices.chunks_exact(3) {
        for k in 0..3 {
            let (a, b) = (mesh.positions[triangle[k] as usize], mesh.positions[triangle[(k + 1) % 3] as usize]);
            let (da, db) = (side(a), side(b));
            if (da > 0.0) != (db > 0.0) {
                let t = da / (da - db);
                points.push(plane.drawn(Vec3::from(a).lerp(Vec3::from(b), t)));
            }
        }
    }
    let hull = convex_hull(points);
    (hull.len() >= 3).then_some(hull)
}

/// The convex hull of points, anticlockwise (Andrew's monotone chain).
fn convex_hull(mut points: Vec<[f32; 2]>) -> Vec<[f32; 2]> {
    points.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let turn = |o: [f32; 2], a: [f32; 2], b: [f32; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    let mut hull: Vec<[f32; 2]> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let ordered: Box<dyn Iterator<Item = &[f32; 2]>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in ordered {
            while hull.len() >= start + 2 && turn(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// The signed area of a loop (positive when it turns anticlockwise in the drawing's axes).
pub fn area(outline: &[[f32; 2]]) -> f32 {
    let mut twice = 0.0;
    for (index, a) in outline.iter().enumerate() {
        let b = outline[(index + 1) % outline.len()];
        twice += a[0] * b[1] - b[0] * a[1];
    }
    twice / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::mesh::sphere;

    /// The mesh with the vertices that stand for one point made one (a sphere's seam and poles), as the bench's
    /// metal is (`workshop::files::metal_mm`).
    fn welded(mesh: &MeshData) -> MeshData {
        let mut out = MeshData::default();
        let mut seen: HashMap<[u32; 3], u32> = HashMap::new();
        for &i in &mesh.indices {
            let p = mesh.positions[i as usize];
            let index = *seen.entry(p.map(|c| (c + 0.0).to_bits())).or_insert_with(|| {
                out.positions.push(p);
                out.positions.len() as u32 - 1
            });
            out.indices.push(index);
        }
        out
    }

    fn plane_z() -> SectionPlane {
        SectionPlane { origin: Vec3::ZERO, u: Vec3::X, v: Vec3::Y }
    }

    #[test]
    fn a_sphere_cut_through_its_centre_is_one_closed_circle_of_its_radius() {
        let ball = welded(&sphere(Vec3::new(1.0, 2.0, 0.0), 3.0, 48));
        let loops = section(&ball, &plane_z());
        assert_eq!(loops.len(), 1, "one loop");
        for point in &loops[0] {
            let r = ((point[0] - 1.0).powi(2) + (point[1] - 2.0).powi(2)).sqrt();
            assert!((r - 3.0).abs() < 0.03, "{r}");
        }
        let circle = std::f32::consts::PI * 9.0;
        assert!((area(&loops[0]).abs() - circle).abs() / circle < 0.01, "{}", area(&loops[0]));
        assert!(section(&ball, &SectionPlane { origin: Vec3::new(0.0, 0.0, 5.0), ..plane_z() }).is_empty());
    }

    #[test]
    fn a_convex_solid_cut_anywhere_is_one_closed_outline_whatever_its_vertices() {
        // An unwelded sphere (its seam's vertices apart) is still one convex outline.
        let ball = sphere(Vec3::ZERO, 2.0, 32);
        let outline = convex_section(&ball, &plane_z()).expect("cut");
        let circle = std::f32::consts::PI * 4.0;
        assert!(area(&outline) > 0.0, "anticlockwise");
        assert!((area(&outline) - circle).abs() / circle < 0.02, "{}", area(&outline));
        let off = SectionPlane { origin: Vec3::new(0.0, 0.0, 3.0), ..plane_z() };
        assert!(convex_section(&ball, &off).is_none());
    }

    #[test]
    fn a_ring_cut_across_gives_two_loops_turned_alike() {
        // A torus around Y (a ring lying flat) cut by the plane z = 0: two discs of its tube, either side.
        let (major, minor) = (10.0_f32, 1.0_f32);
        let torus = crate::geometry::mesh::closed_grid(64, 24, |i, j| {
            let (a, b) = (i as f32 / 64.0 * std::f32::consts::TAU, j as f32 / 24.0 * std::f32::consts::TAU);
            let r = major + minor * b.cos();
            Vec3::new(r * a.cos(), minor * b.sin(), r * a.sin())
        });
        let loops = section(&torus, &plane_z());
        assert_eq!(loops.len(), 2, "{loops:?}");
        let areas: Vec<f32> = loops.iter().map(|l| area(l)).collect();
        assert!(areas[0].signum() == areas[1].signum(), "{areas:?}");
        let disc = std::f32::consts::PI * minor * minor;
        assert!(areas.iter().all(|a| (a.abs() - disc).abs() / disc < 0.03), "{areas:?}");
    }
}
