//! Convex polyhedra as intersections of half-spaces: a box clipped plane by plane, with exact facets.

use super::mesh::MeshData;
use glam::Vec3;

/// A plane `normal · p = offset`, `normal` pointing out of the solid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    pub normal: Vec3,
    pub offset: f32,
}

impl Plane {
    /// The plane through `point` with the given outward normal (normalised here).
    pub fn through(point: Vec3, normal: Vec3) -> Plane {
        let normal = normal.normalize();
        Plane { normal, offset: normal.dot(point) }
    }

    fn signed_distance(&self, p: Vec3) -> f32 {
        self.normal.dot(p) - self.offset
    }
}

/// A facet: its plane and its vertices, counter-clockwise seen from outside.
#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    pub plane: Plane,
    pub vertices: Vec<Vec3>,
}

impl Facet {
    pub fn area(&self) -> f32 {
        let first = self.vertices[0];
        let doubled: Vec3 = self.vertices.windows(2).skip(1).map(|w| (w[0] - first).cross(w[1] - first)).sum();
        doubled.length() / 2.0
    }
}

/// A convex polyhedron as its facets.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvexPolyhedron {
    pub facets: Vec<Facet>,
}

const EPSILON: f32 = 1e-6;

impl ConvexPolyhedron {
    /// The axis-aligned box `[-half, half]³`.
    pub fn cube(half: f32) -> Self {
        let mut facets = Vec::new();
        for axis in [Vec3::X, Vec3::Y, Vec3::Z] {
            for sign in [1.0, -1.0] {
                let normal = axis * sign;
                let (u, v) = (normal.any_orthonormal_pair().0, normal.any_orthonormal_pair().1);
                let centre = normal * half;
                let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
                    .map(|(a, b)| centre + (u * a + v * b) * half)
                    .to_vec();
                facets.push(Facet { plane: Plane { normal, offset: half }, vertices: wind(corners, normal) });
            }
        }
        ConvexPolyhedron { facets }
    }

    /// Intersection of a large box with the half-spaces behind each plane. Planes that cut nothing leave no facet.
    pub fn from_planes(planes: &[Plane]) -> Self {
        planes.iter().fold(ConvexPolyhedron::cube(4.0), |solid, plane| solid.clipped(plane))
    }

    /// This solid cut by a plane, keeping the part behind it.
    pub fn clipped(&self, plane: &Plane) -> Self {
        let mut facets = Vec::with_capacity(self.facets.len() + 1);
        let mut cap: Vec<Vec3> = Vec::new();
        let mut cut_anything = false;
        for facet in &self.facets {
            let mut kept = Vec::with_capacity(facet.vertices.len() + 1);
            let count = facet.vertices.len();
            for i in 0..count {
                let (a, b) = (facet.vertices[i], facet.vertices[(i + 1) % count]);
                let (da, db) = (plane.signed_distance(a), plane.signed_distance(b));
                if da <= EPSILON {
                    kept.push(a);
                    if da.abs() <= EPSILON {
                        cap.push(a);
                    }
                } else {
                    cut_anything = true;
                }
                if (da > EPSILON && db < -EPSILON) || (da < -EPSILON && db > EPSILON) {
                    let crossing = a + (b - a) * (da / (da - db));
                    kept.push(crossing);
                    cap.push(crossing);
                }
            }
            if kept.len() >= 3 {
                let facet = Facet { plane: facet.plane, vertices: dedup(kept) };
                if facet.vertices.len() >= 3 && facet.area() > EPSILON * EPSILON {
                    facets.push(facet);
                }
            }
        }
        if cut_anything {
            let cap = dedup(cap);
            if cap.len() >= 3 {
                facets.push(Facet { plane: *plane, vertices: wind(cap, plane.normal) });
            }
        }
        ConvexPolyhedron { facets }
    }

    pub fn volume(&self) -> f32 {
        self.facets
            .iter()
            .map(|facet| {
                let first = facet.vertices[0];
                facet.vertices.windows(2).skip(1).map(|w| first.dot(w[0].cross(w[1])) / 6.0).sum::<f32>()
            })
            .sum()
    }

    /// Facets larger than a tiny fraction of the surface (what a loupe would count).
    pub fn visible_facet_count(&self, min_area: f32) -> usize {
        self.facets.iter().filter(|f| f.area() > min_area).count()
    }

    /// Flat-shaded triangle mesh (every facet keeps its own normal so edges stay crisp).
    pub fn to_mesh(&self) -> MeshData {
        let mut mesh = MeshData::default();
        for facet in &self.facets {
            let base = mesh.positions.len() as u32;
            for &v in &facet.vertices {
                mesh.positions.push(v.into());
                mesh.normals.push(facet.plane.normal.into());
            }
            for i in 1..facet.vertices.len() as u32 - 1 {
                mesh.indices.extend_from_slice(&[base, base + i, base + i + 1]);
            }
        }
        mesh
    }

    pub fn bounds(&self) -> (Vec3, Vec3) {
        self.facets
            .iter()
            .flat_map(|f| f.vertices.iter())
            .fold((Vec3::splat(f32::MAX), Vec3::splat(f32::MIN)), |(lo, hi), &v| (lo.min(v), hi.max(v)))
    }
}

/// Removes points closer than a tolerance to one already kept.
fn dedup(points: Vec<Vec3>) -> Vec<Vec3> {
    let mut kept: Vec<Vec3> = Vec::with_capacity(points.len());
    for p in points {
        if kept.iter().all(|k| k.distance_squared(p) > 1e-10) {
            kept.push(p);
        }
    }
    kept
}

/// Orders coplanar points counter-clockwise around `normal` (they are the vertices of a convex polygon).
fn wind(points: Vec<Vec3>, normal: Vec3) -> Vec<Vec3> {
    let centre = points.iter().copied().sum::<Vec3>() / points.len() as f32;
    let (u, v) = normal.any_orthonormal_pair();
    let mut with_angle: Vec<(f32, Vec3)> =
        points.into_iter().map(|p| ((p - centre).dot(v).atan2((p - centre).dot(u)), p)).collect();
    with_angle.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut ordered: Vec<Vec3> = with_angle.into_iter().map(|(_, p)| p).collect();
    // any_orthonormal_pair gives u × v = ±normal; make the winding counter-clockwise about the outward normal.
    if u.cross(v).dot(normal) < 0.0 {
        ordered.reverse();
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_clipped_to_a_unit_cube() {
        let planes: Vec<Plane> = [Vec3::X, Vec3::NEG_X, Vec3::Y, Vec3::NEG_Y, Vec3::Z, Vec3::NEG_Z]
            .map(|n| Plane::through(n * 0.5, n))
            .to_vec();
        let solid = ConvexPolyhedron::from_planes(&planes);
        assert_eq!(solid.facets.len(), 6);
        assert!((solid.volume() - 1.0).abs() < 1e-4);
        assert!((solid.to_mesh().volume() - 1.0).abs() < 1e-4, "mesh winding must be outward");
    }

    #[test]
    fn a_corner_cut_removes_a_tetrahedron() {
        let mut planes: Vec<Plane> = [Vec3::X, Vec3::NEG_X, Vec3::Y, Vec3::NEG_Y, Vec3::Z, Vec3::NEG_Z]
            .map(|n| Plane::through(n * 0.5, n))
            .to_vec();
        // Cuts the corner (0.5, 0.5, 0.5) at distance 0.5 along each edge: removes 0.5³/6.
        planes.push(Plane::through(Vec3::new(0.0, 0.5, 0.5), Vec3::ONE));
        let solid = ConvexPolyhedron::from_planes(&planes);
        assert_eq!(solid.facets.len(), 7);
        assert!((solid.volume() - (1.0 - 0.125 / 6.0)).abs() < 1e-4);
    }
}

/// Why a mesh cannot be traced as a convex stone.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum StoneMeshError {
    #[error("the mesh has no positions")]
    NoPositions,
    #[error("the mesh's indices point past its vertices")]
    IndexPastVertices,
    #[error("the mesh has no volume (flat, empty or open)")]
    Degenerate,
    #[error("the mesh is not convex: a vertex lies {distance:.4} outside facet plane {plane}")]
    NotConvex { plane: usize, distance: f32 },
    #[error("the mesh has {count} distinct facet planes, more than the {max} the gem shader holds")]
    TooManyFacets { count: usize, max: usize },
}

/// The facet planes of a triangle mesh that should be a convex stone (unit-free), or why it is not one.
/// Coplanar triangles share a plane; every face must lie on the supporting plane of its normal.
pub fn convex_planes_of_mesh(mesh: &MeshData, max_planes: usize) -> Result<Vec<Plane>, StoneMeshError> {
    let volume = mesh.volume();
    let (lo, hi) = mesh.bounds();
    let extent = (hi - lo).max_element();
    if !(volume.is_finite() && extent > 0.0 && volume > 1e-6 * extent.powi(3)) {
        return Err(StoneMeshError::Degenerate);
    }
    // A convex solid's every face lies on the supporting plane of its normal (no vertex beyond it). Exported stones
    // carry float noise (node transforms, unit scaling), so faces may sit 0.05 % of the size off that plane;
    // planes come from the largest triangles first (their normals are the most precise).
    let tolerance = 5e-4 * extent;
    // Slivers thinner than 0.1 % of the size have no reliable normal: the facets they belong to come from their
    // larger triangles, and a plane missed there would move the stone's surface by less than the noise.
    let mut triangles: Vec<(f32, [Vec3; 3], Vec3)> = mesh
        .indices
        .chunks_exact(3)
        .filter_map(|t| {
            let corners = [t[0], t[1], t[2]].map(|i| Vec3::from(mesh.positions[i as usize]));
            let normal = (corners[1] - corners[0]).cross(corners[2] - corners[0]);
            let longest = (0..3).map(|i| (corners[(i + 1) % 3] - corners[i]).length()).fold(0.0, f32::max);
            let height = normal.length() / longest.max(f32::MIN_POSITIVE);
            (height > 1e-3 * extent).then_some((normal.length(), corners, normal))
        })
        .collect();
    triangles.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut planes: Vec<Plane> = Vec::new();
    for (area, corners, normal) in triangles {
        let normal = normal / area;
        let support = mesh.positions.iter().map(|&p| normal.dot(Vec3::from(p))).fold(f32::MIN, f32::max);
        let depth = corners.iter().map(|&c| support - normal.dot(c)).fold(0.0, f32::max);
        if depth > tolerance {
            return Err(StoneMeshError::NotConvex { plane: planes.len(), distance: depth });
        }
        let plane = Plane { normal, offset: support };
        let known = planes
            .iter()
            .any(|p| p.normal.dot(plane.normal) > 1.0 - 1e-4 && (p.offset - plane.offset).abs() < tolerance);
        if !known {
            planes.push(plane);
        }
    }
    if planes.len() > max_planes {
        return Err(StoneMeshError::TooManyFacets { count: planes.len(), max: max_planes });
    }
    Ok(planes)
}

#[cfg(test)]
mod stone_mesh_tests {
    use super::*;

    #[test]
    fn concave_and_flat_meshes_are_refused() {
        // Two unit cubes side by side form a convex box; an L of three cubes is not convex.
        let cube = |x: f32, y: f32| {
            ConvexPolyhedron::cube(0.5).to_mesh().transformed(glam::Affine3A::from_translation(Vec3::new(x, y, 0.0)))
        };
        let mut l_shape = cube(0.0, 0.0);
        l_shape.append(&cube(1.0, 0.0));
        l_shape.append(&cube(0.0, 1.0));
        assert!(matches!(convex_planes_of_mesh(&l_shape, 100), Err(StoneMeshError::NotConvex { .. })));
        let flat = MeshData {
            positions: vec![[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]],
            normals: vec![[0.0, 1.0, 0.0]; 3],
            indices: vec![0, 1, 2, 0, 2, 1],
        };
        assert_eq!(convex_planes_of_mesh(&flat, 100), Err(StoneMeshError::Degenerate));
        assert_eq!(convex_planes_of_mesh(&MeshData::default(), 100), Err(StoneMeshError::Degenerate));
    }
}
