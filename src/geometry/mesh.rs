//! Indexed triangle meshes and the builders the model library uses: sweeps, tubes and spheres.

use glam::{Affine3A, Vec3};
use std::collections::HashMap;

/// An indexed triangle mesh with per-vertex normals, in millimetres (or in stone lengths for unit parts).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeshData {
    pub positions: Vec<[f32; 3]>,
    pub normals: Vec<[f32; 3]>,
    pub indices: Vec<u32>,
}

impl MeshData {
    /// Appends another mesh, keeping its triangles apart from ours.
    pub fn append(&mut self, other: &MeshData) {
        let base = self.positions.len() as u32;
        self.positions.extend_from_slice(&other.positions);
        self.normals.extend_from_slice(&other.normals);
        self.indices.extend(other.indices.iter().map(|i| i + base));
    }

    /// This mesh moved by an affine transform (normals by its inverse transpose).
    pub fn transformed(&self, transform: Affine3A) -> MeshData {
        let normal_matrix = transform.matrix3.inverse().transpose();
        MeshData {
            positions: self.positions.iter().map(|&p| transform.transform_point3(p.into()).into()).collect(),
            normals: self.normals.iter().map(|&n| (normal_matrix * Vec3::from(n)).normalize_or_zero().into()).collect(),
            indices: self.indices.clone(),
        }
    }

    /// Axis-aligned bounds (min, max); zero for an empty mesh.
    pub fn bounds(&self) -> (Vec3, Vec3) {
        if self.positions.is_empty() {
            return (Vec3::ZERO, Vec3::ZERO);
        }
        self.positions
            .iter()
            .fold((Vec3::splat(f32::MAX), Vec3::splat(f32::MIN)), |(lo, hi), &p| (lo.min(p.into()), hi.max(p.into())))
    }

    /// Enclosed volume by the divergence theorem (exact for a closed, outward-wound mesh).
    pub fn volume(&self) -> f32 {
        self.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| Vec3::from(self.positions[i as usize]));
                a.dot(b.cross(c)) / 6.0
            })
            .sum()
    }

    /// Each triangle split in four at its edges' midpoints (shared by the triangles on both sides, so a closed
    /// mesh stays closed): the same surface in four times the triangles, as a dense export carries it.
    pub fn subdivided(&self) -> MeshData {
        let mut out = self.clone();
        out.indices = Vec::with_capacity(self.indices.len() * 4);
        let mut midpoints: HashMap<(u32, u32), u32> = HashMap::new();
        let mut midpoint = |out: &mut MeshData, a: u32, b: u32| {
            *midpoints.entry((a.min(b), a.max(b))).or_insert_with(|| {
                let [pa, pb] = [a, b].map(|i| Vec3::from(self.positions[i as usize]));
                let [na, nb] = [a, b].map(|i| self.normals.get(i as usize).map_or(Vec3::Y, |&n| Vec3::from(n)));
                out.positions.push(((pa + pb) / 2.0).into());
                out.normals.push((na + nb).normalize_or(Vec3::Y).into());
                (out.positions.len() - 1) as u32
            })
        };
        for t in self.indices.chunks_exact(3) {
            let (a, b, c) = (t[0], t[1], t[2]);
            let (ab, bc, ca) = (midpoint(&mut out, a, b), midpoint(&mut out, b, c), midpoint(&mut out, c, a));
            out.indices.extend_from_slice(&[a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca]);
        }
        out
    }

    /// Recomputes smooth normals from the triangles (area weighted).
    pub fn recompute_smooth_normals(&mut self) {
        let mut normals = vec![Vec3::ZERO; self.positions.len()];
        for t in self.indices.chunks_exact(3) {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| Vec3::from(self.positions[i as usize]));
            let face = (b - a).cross(c - a);
            for &i in t {
                normals[i as usize] += face;
            }
        }
        self.normals = normals.into_iter().map(|n| n.normalize_or(Vec3::Y).into()).collect();
    }
}

/// Splits a mesh into its connected pieces (vertices welded by position, as exports duplicate them per face).
pub fn connected_pieces(mesh: &MeshData) -> Vec<MeshData> {
    let (lo, hi) = mesh.bounds();
    let step = ((hi - lo).max_element() * 1e-5).max(1e-9);
    let mut welded: HashMap<[i64; 3], usize> = HashMap::new();
    let key = |p: [f32; 3]| p.map(|c| (c / step).round() as i64);
    let ids: Vec<usize> = mesh
        .positions
        .iter()
        .map(|&p| {
            let next = welded.len();
            *welded.entry(key(p)).or_insert(next)
        })
        .collect();
    let mut parent: Vec<usize> = (0..welded.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for triangle in mesh.indices.chunks_exact(3) {
        let a = root(&mut parent, ids[triangle[0] as usize]);
        for &corner in &triangle[1..] {
            let b = root(&mut parent, ids[corner as usize]);
            parent[b] = a;
        }
    }
    let mut pieces: HashMap<usize, MeshData> = HashMap::new();
    let mut remap: HashMap<(usize, u32), u32> = HashMap::new();
    let mut order = Vec::new();
    for triangle in mesh.indices.chunks_exact(3) {
        let piece_id = root(&mut parent, ids[triangle[0] as usize]);
        let piece = pieces.entry(piece_id).or_insert_with(|| {
            order.push(piece_id);
            MeshData::default()
        });
        for &index in triangle {
            let local = *remap.entry((piece_id, index)).or_insert_with(|| {
                piece.positions.push(mesh.positions[index as usize]);
                if let Some(&n) = mesh.normals.get(index as usize) {
                    piece.normals.push(n);
                }
                piece.positions.len() as u32 - 1
            });
            piece.indices.push(local);
        }
    }
    order.into_iter().filter_map(|id| pieces.remove(&id)).collect()
}

/// A closed surface swept along a closed path: at path point `i`, profile point `[k, a, b]` lands at
/// `k·origin_i + a·outward_i + b·up_i`. Path and profile are both closed loops (a torus-like, watertight mesh).
/// The profile must run counter-clockwise in the (a, b) plane for outward normals when the path runs
/// counter-clockwise around `up`.
pub fn sweep(path: &[(Vec3, Vec3, Vec3)], profile: &[[f32; 3]]) -> MeshData {
    closed_grid(path.len(), profile.len(), |i, j| {
        let ((origin, outward, up), [k, a, b]) = (path[i], profile[j]);
        origin * k + outward * a + up * b
    })
}

/// A closed surface from an n × m grid of points closed in both directions (torus topology), wound outward.
pub fn closed_grid(n: usize, m: usize, point: impl Fn(usize, usize) -> Vec3) -> MeshData {
    let mut mesh = MeshData::default();
    for i in 0..n {
        for j in 0..m {
            mesh.positions.push(point(i, j).into());
        }
    }
    for i in 0..n {
        for j in 0..m {
            let at = |i: usize, j: usize| ((i % n) * m + (j % m)) as u32;
            let (p00, p10, p01, p11) = (at(i, j), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1));
            mesh.indices.extend_from_slice(&[p00, p10, p11, p00, p11, p01]);
        }
    }
    mesh.recompute_smooth_normals();
    if mesh.volume() < 0.0 {
        for t in mesh.indices.chunks_exact_mut(3) {
            t.swap(1, 2);
        }
        mesh.recompute_smooth_normals();
    }
    mesh
}

/// A UV sphere.
pub fn sphere(centre: Vec3, radius: f32, segments: usize) -> MeshData {
    let rings = segments / 2;
    let mut mesh = MeshData::default();
    for r in 0..=rings {
        // The poles exactly on the axis and the seam's two columns at exactly one place: every vertex that stands
        // for one point of the surface has its exact position (an exported STL welds them: closed, not torn).
        let polar = std::f32::consts::PI * r as f32 / rings as f32;
        let (sin_polar, cos_polar) = match r {
            0 => (0.0, 1.0),
            r if r == rings => (0.0, -1.0),
            _ => (polar.sin(), polar.cos()),
        };
        for s in 0..=segments {
            let azimuth = std::f32::consts::TAU * (s % segments) as f32 / segments as f32;
            let normal = Vec3::new(sin_polar * azimuth.cos(), cos_polar, sin_polar * azimuth.sin());
            mesh.positions.push((centre + normal * radius).into());
            mesh.normals.push(normal.into());
        }
    }
    let row = segments as u32 + 1;
    for r in 0..rings as u32 {
        for s in 0..segments as u32 {
            let (a, b) = (r * row + s, (r + 1) * row + s);
            mesh.indices.extend_from_slice(&[a, a + 1, b, a + 1, b + 1, b]);
        }
    }
    mesh
}

/// A closed tube of varying radius along a polyline, with a sphere at every joint and end (rounded wire).
pub fn wire(points: &[Vec3], radii: &[f32], segments: usize) -> MeshData {
    wire_from(points, radii, segments, true)
}

/// A wire growing out of a joint another wire already rounds: no sphere at its first point (the same sphere twice
/// would be metal counted twice, and two coincident surfaces in a file for the bench).
pub fn branch(points: &[Vec3], radii: &[f32], segments: usize) -> MeshData {
    wire_from(points, radii, segments, false)
}

fn wire_from(points: &[Vec3], radii: &[f32], segments: usize, first_sphere: bool) -> MeshData {
    let mut mesh = MeshData::default();
    for (i, (&point, &radius)) in points.iter().zip(radii).enumerate() {
        if i > 0 || first_sphere {
            mesh.append(&sphere(point, radius, segments));
        }
        // Two joints at one place make no tube (its two caps would be one disc twice, facing apart).
        if i + 1 < points.len() && point.distance(points[i + 1]) > 1e-4 * radius {
            mesh.append(&cone_segment(point, points[i + 1], radius, radii[i + 1], segments));
        }
    }
    mesh
}

/// An open truncated cone between two points (its ends are covered by the wire's spheres).
fn cone_segment(from: Vec3, to: Vec3, radius_from: f32, radius_to: f32, segments: usize) -> MeshData {
    let axis = (to - from).normalize_or(Vec3::Y);
    let side = axis.any_orthonormal_vector();
    let other = axis.cross(side);
    let slope = (radius_from - radius_to) / (to - from).length().max(1e-6);
    let mut mesh = MeshData::default();
    for s in 0..=segments {
        // The seam's two columns at exactly one place (see `sphere`).
        let angle = std::f32::consts::TAU * (s % segments) as f32 / segments as f32;
        let radial = side * angle.cos() + other * angle.sin();
        let normal = (radial + axis * slope).normalize();
        for (centre, radius) in [(from, radius_from), (to, radius_to)] {
            mesh.positions.push((centre + radial * radius).into());
            mesh.normals.push(normal.into());
        }
    }
    for s in 0..segments as u32 {
        let (a, b) = (2 * s, 2 * s + 2);
        mesh.indices.extend_from_slice(&[a, b, a + 1, b, b + 1, a + 1]);
    }
    // End caps (hidden inside the joints' spheres) make the segment a closed solid, so that volumes — metal
    // weights — do not depend on where the part stands.
    let centre_from = mesh.positions.len() as u32;
    mesh.positions.extend([from.to_array(), to.to_array()]);
    mesh.normals.extend([(-axis).to_array(), axis.to_array()]);
    for s in 0..segments as u32 {
        let (a, b) = (2 * s, 2 * s + 2);
        mesh.indices.extend_from_slice(&[centre_from, b, a, centre_from + 1, a + 1, b + 1]);
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swept_torus_has_the_analytic_volume() {
        // Torus: major radius 10, minor radius 1 → V = 2π²·R·r².
        let path: Vec<_> = (0..256)
            .map(|i| {
                let t = std::f32::consts::TAU * i as f32 / 256.0;
                let outward = Vec3::new(t.cos(), t.sin(), 0.0);
                (outward * 10.0, outward, Vec3::Z)
            })
            .collect();
        let profile: Vec<_> = (0..128)
            .map(|j| {
                let t = std::f32::consts::TAU * j as f32 / 128.0;
                [1.0, t.cos(), t.sin()]
            })
            .collect();
        let mesh = sweep(&path, &profile);
        let exact = 2.0 * std::f32::consts::PI.powi(2) * 10.0;
        assert!((mesh.volume() - exact).abs() / exact < 0.002, "{} vs {exact}", mesh.volume());
    }

    #[test]
    fn sphere_volume_and_bounds() {
        let mesh = sphere(Vec3::new(1.0, 2.0, 3.0), 2.0, 64);
        let exact = 4.0 / 3.0 * std::f32::consts::PI * 8.0;
        assert!((mesh.volume() - exact).abs() / exact < 0.01);
        let (lo, hi) = mesh.bounds();
        assert!((lo - Vec3::new(-1.0, 0.0, 1.0)).length() < 1e-4 && (hi - Vec3::new(3.0, 4.0, 5.0)).length() < 1e-4);
    }
}
