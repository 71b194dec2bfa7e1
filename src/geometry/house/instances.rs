//! Stones of one shape share one mesh (no Bevy). Exports bake every melee of a pavé into its own copy of the same
//! brilliant, moved and turned; read back, a band of 60 melee would be 60 meshes, 60 materials and 60 draws. A stone
//! whose triangles are another's, moved, turned and uniformly scaled, is placed as that one: the model keeps one mesh
//! and one node per stone, as Écrin's own pavé does, so the renderer draws them as instances of one mesh.

use crate::geometry::mesh::MeshData;
use glam::{Affine3A, Mat3, Vec3};

/// How far (as a fraction of the stone's size) a vertex may lie from where the placement puts it: exports round
/// baked positions to single precision.
const TOLERANCE: f32 = 1e-4;

/// The placement taking `prototype` onto `other` — a rotation and uniform scale, then a move — when `other` is the
/// same mesh (same triangles, vertex for vertex) placed elsewhere; `None` otherwise (mirrored, sheared, another
/// topology or shape).
pub fn placement_onto(prototype: &MeshData, other: &MeshData) -> Option<Affine3A> {
    if prototype.positions.len() != other.positions.len()
        || prototype.indices != other.indices
        || prototype.positions.len() < 3
    {
        return None;
    }
    let a: Vec<Vec3> = prototype.positions.iter().map(|&p| Vec3::from(p)).collect();
    let b: Vec<Vec3> = other.positions.iter().map(|&p| Vec3::from(p)).collect();
    let centroid = |points: &[Vec3]| points.iter().copied().sum::<Vec3>() / points.len() as f32;
    let (ca, cb) = (centroid(&a), centroid(&b));
    // Two directions from the centroid, far from each other, fix the frame of each copy.
    let far = (0..a.len()).max_by(|&i, &j| (a[i] - ca).length_squared().total_cmp(&(a[j] - ca).length_squared()))?;
    let u = a[far] - ca;
    let size = u.length();
    if size <= f32::EPSILON {
        return None;
    }
    let across = (0..a.len())
        .max_by(|&i, &j| u.cross(a[i] - ca).length_squared().total_cmp(&u.cross(a[j] - ca).length_squared()))?;
    let scale = (b[far] - cb).length() / size;
    let frame_a = frame(u, a[across] - ca)?;
    let frame_b = frame(b[far] - cb, b[across] - cb)?;
    let linear = frame_b * frame_a.transpose() * scale;
    let placement = Affine3A::from_mat3_translation(linear, cb - linear * ca);
    let tolerance = TOLERANCE * size * scale.max(1.0);
    a.iter().zip(&b).all(|(&p, &q)| placement.transform_point3(p).distance(q) <= tolerance).then_some(placement)
}

/// A right-handed orthonormal frame from two directions (`None` if they are parallel).
fn frame(first: Vec3, second: Vec3) -> Option<Mat3> {
    let x = first.try_normalize()?;
    let z = x.cross(second).try_normalize()?;
    Some(Mat3::from_cols(x, z.cross(x), z))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::unit_polyhedron;
    use glam::Quat;

    #[test]
    fn a_moved_turned_scaled_copy_is_found_with_its_placement_and_others_are_not() {
        let brilliant = unit_polyhedron(Cut::RoundBrilliant).to_mesh();
        let placed = Affine3A::from_scale_rotation_translation(
            Vec3::splat(1.7),
            Quat::from_euler(glam::EulerRot::XYZ, 0.4, -1.1, 2.3),
            Vec3::new(3.0, -9.5, 1.25),
        );
        let copy = brilliant.transformed(placed);
        let found = placement_onto(&brilliant, &copy).expect("the copy is the brilliant placed elsewhere");
        for p in &brilliant.positions {
            let (p, q) = (Vec3::from(*p), placed.transform_point3(Vec3::from(*p)));
            assert!(found.transform_point3(p).distance(q) < 1e-4, "{p} lands at {q}");
        }
        assert!((found.matrix3.determinant() - 1.7f32.powi(3)).abs() < 1e-3, "volume scales by the cube of 1.7");
        // A mirror image is not the same stone turned; another cut is not the same mesh.
        let mirrored = brilliant.transformed(Affine3A::from_scale(Vec3::new(-1.0, 1.0, 1.0)));
        assert!(placement_onto(&brilliant, &mirrored).is_none());
        let stretched = brilliant.transformed(Affine3A::from_scale(Vec3::new(1.0, 1.0, 1.3)));
        assert!(placement_onto(&brilliant, &stretched).is_none());
        assert!(placement_onto(&brilliant, &unit_polyhedron(Cut::Oval).to_mesh()).is_none());
    }
}
