//! Whether a house's part can be weighed: its volume is its weight only when its surface is a closed solid whose
//! triangles all turn the same way, enclosing a positive volume. Exports carry open surfaces, triangles turned the
//! wrong way and inside-out parts; those are "weight unavailable", never a wrong or negative figure.

use super::super::mesh::MeshData;
use glam::Vec3;
use std::collections::HashMap;

/// Each edge of a mesh with its vertices welded by position: how many triangles cross it, and how many more cross
/// it one way than the other.
fn welded_edges(mesh: &MeshData) -> HashMap<(u32, u32), (i32, i32)> {
    let (lo, hi) = mesh.bounds();
    let step = ((hi - lo).max_element() * 1e-5).max(1e-9);
    let mut welded: HashMap<[i64; 3], u32> = HashMap::new();
    let ids: Vec<u32> = mesh
        .positions
        .iter()
        .map(|p| {
            let next = welded.len() as u32;
            *welded.entry(p.map(|c| (c / step).round() as i64)).or_insert(next)
        })
        .collect();
    let mut edges: HashMap<(u32, u32), (i32, i32)> = HashMap::new();
    for t in mesh.indices.chunks_exact(3) {
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| ids[i as usize]);
        for (u, v) in [(a, b), (b, c), (c, a)] {
            if u != v {
                let edge = edges.entry((u.min(v), u.max(v))).or_default();
                edge.0 += 1;
                edge.1 += if u < v { 1 } else { -1 };
            }
        }
    }
    edges
}

/// Whether a surface encloses a volume facing out: no two triangles that share an edge turn opposite ways (both
/// would cross it the same way), its triangles' area vectors sum to nothing (true of any closed surface whose
/// triangles all turn the same way, even with a vertex lying on another triangle's edge — as the sliver facets of
/// a cut's girdle leave), and the volume they enclose is a positive number. A triangle turned the wrong way or an
/// inside-out surface fails: its volume is meaningless, never a negative weight.
pub fn encloses_volume(mesh: &MeshData) -> bool {
    if mesh.indices.is_empty() || welded_edges(mesh).values().any(|&(_, signed)| signed.abs() >= 2) {
        return false;
    }
    let corner = |i: u32| Vec3::from(mesh.positions[i as usize]);
    let (mut sum, mut total) = (Vec3::ZERO, 0.0f32);
    for t in mesh.indices.chunks_exact(3) {
        let area = (corner(t[1]) - corner(t[0])).cross(corner(t[2]) - corner(t[0]));
        sum += area;
        total += area.length();
    }
    let volume = mesh.volume();
    total > 0.0 && sum.length() <= 1e-3 * total && volume.is_finite() && volume > 0.0
}

/// Whether a metal part's volume is its weight: a closed solid (`is_closed`) enclosing a volume facing out.
pub fn is_solid(mesh: &MeshData) -> bool {
    is_closed(mesh) && encloses_volume(mesh)
}

/// Whether a mesh is a closed solid: with its vertices welded by position, no edge is a border (every edge is
/// shared by an even number of triangles: two, or four where two closed pieces touch along it).
pub fn is_closed(mesh: &MeshData) -> bool {
    !mesh.indices.is_empty() && welded_edges(mesh).values().all(|&(count, _)| count % 2 == 0)
}
