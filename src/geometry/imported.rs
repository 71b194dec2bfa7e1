//! A boutique's own glTF ring, loaded into Écrin's terms (no Bevy): every part's triangles in millimetres, turned so
//! the ring sits as Écrin's do (finger along Z, head up +Y, finger centre at the origin), classified metal / gem
//! (the import report's classes, or the advisor's corrections), and stones split into single stones so that each
//! convex one can be traced by the gem shader.

use super::import::{ImportReport, PartClass, inspect};
use super::mesh::MeshData;
use glam::{Mat3, Mat4, Vec3};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One part ready to show: its mesh around `origin` (mm, studio frame).
#[derive(Clone, Debug)]
pub struct ImportedPart {
    pub label: String,
    pub class: PartClass,
    pub origin: Vec3,
    pub mesh: MeshData,
}

/// A model ready to show in the studio.
#[derive(Clone, Debug)]
pub struct ImportedModel {
    pub file: PathBuf,
    pub units: &'static str,
    pub parts: Vec<ImportedPart>,
    /// The stone with the largest volume: the centre stone (it takes the design's species).
    pub centre_stone: Option<usize>,
}

/// Raw triangles of one report part, in file units after node transforms.
struct RawPart {
    label: String,
    mesh: MeshData,
}

fn read_buffers(path: &Path, document: &gltf::Gltf) -> Result<Vec<Vec<u8>>, String> {
    let base = path.parent().unwrap_or(Path::new("."));
    document
        .buffers()
        .map(|buffer| match buffer.source() {
            gltf::buffer::Source::Bin => document.blob.clone().ok_or_else(|| "the binary chunk is missing".to_string()),
            gltf::buffer::Source::Uri(uri) if uri.starts_with("data:") => {
                Err("embedded (base64) buffers are not supported: export as .glb or .gltf with a .bin".to_string())
            }
            gltf::buffer::Source::Uri(uri) => {
                std::fs::read(base.join(uri)).map_err(|e| format!("buffer file {uri}: {e}"))
            }
        })
        .collect()
}

fn collect(node: &gltf::Node, parent: Mat4, buffers: &[Vec<u8>], out: &mut Vec<RawPart>) {
    let transform = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
    let normal_matrix = Mat3::from_mat4(transform).inverse().transpose();
    if let Some(mesh) = node.mesh() {
        for primitive in mesh.primitives() {
            if primitive.get(&gltf::Semantic::Positions).is_none() {
                continue;
            }
            let reader = primitive.reader(|b| buffers.get(b.index()).map(Vec::as_slice));
            let positions: Vec<[f32; 3]> = reader
                .read_positions()
                .map(|p| p.map(|p| transform.transform_point3(p.into()).into()).collect())
                .unwrap_or_default();
            let normals: Vec<[f32; 3]> = reader
                .read_normals()
                .map(|n| n.map(|n| (normal_matrix * Vec3::from(n)).normalize_or_zero().into()).collect())
                .unwrap_or_default();
            let count = positions.len() as u32;
            let indices: Vec<u32> =
                reader.read_indices().map(|i| i.into_u32().collect()).unwrap_or_else(|| (0..count).collect());
            let indices = whole_triangles_in_range(&indices, count);
            let label = [primitive.material().name(), mesh.name(), node.name()]
                .into_iter()
                .flatten()
                .find(|n| !n.is_empty())
                .unwrap_or("part")
                .to_string();
            let normals = if normals.len() == positions.len() { normals } else { Vec::new() };
            out.push(RawPart { label, mesh: MeshData { positions, normals, indices } });
        }
    }
    for child in node.children() {
        collect(&child, transform, buffers, out);
    }
}

/// The triangles of an index list whose three corners all exist (`< vertex_count`): a triangle with a corner out
/// of range is dropped whole, so every later triangle keeps its own corners; a trailing incomplete triangle too.
fn whole_triangles_in_range(indices: &[u32], vertex_count: u32) -> Vec<u32> {
    indices.chunks_exact(3).filter(|t| t.iter().all(|&i| i < vertex_count)).flatten().copied().collect()
}

/// The rotation that puts the finger along Z and the head up (+Y): the finger runs along the ring's smallest
/// extent; the head is on the side where the stones are (else along the larger remaining extent).
pub fn orientation(metal: (Vec3, Vec3), gem_centre: Option<Vec3>) -> Mat3 {
    let extent = metal.1 - metal.0;
    let centre = (metal.0 + metal.1) / 2.0;
    let axes = [Vec3::X, Vec3::Y, Vec3::Z];
    let finger = (0..3).min_by(|&a, &b| extent[a].total_cmp(&extent[b])).unwrap_or(2);
    let others: Vec<usize> = (0..3).filter(|&a| a != finger).collect();
    let (up, sign) = match gem_centre {
        Some(gems) => {
            let offset = gems - centre;
            let up = if offset[others[0]].abs() >= offset[others[1]].abs() { others[0] } else { others[1] };
            (up, if offset[up] < 0.0 { -1.0 } else { 1.0 })
        }
        None => (if extent[others[0]] >= extent[others[1]] { others[0] } else { others[1] }, 1.0),
    };
    let (z, y) = (axes[finger], axes[up] * sign);
    let x = y.cross(z);
    // Rows: the file's axes expressed in the studio's (x, y, z).
    Mat3::from_cols(x, y, z).transpose()
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

/// Loads a model for the studio. `classes` overrides the report's classification, part by part (the import
/// dialog); `Unknown` parts are drawn as neutral metal.
pub fn load_model(path: &Path, classes: Option<&[PartClass]>) -> Result<(ImportedModel, ImportReport), String> {
    let report = inspect(path);
    if !report.usable {
        return Err(format!("{}: {}", path.display(), report.problems.join("; ")));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let document = gltf::Gltf::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let buffers = read_buffers(path, &document).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut raw = Vec::new();
    for scene in document.scenes() {
        for node in scene.nodes() {
            collect(&node, Mat4::IDENTITY, &buffers, &mut raw);
        }
    }
    let class_of =
        |index: usize| classes.and_then(|c| c.get(index).copied()).or_else(|| report.parts.get(index).map(|p| p.class));
    let scale = report.scale_to_mm;
    let bounds_of = |wanted: PartClass| {
        let mut bounds: Option<(Vec3, Vec3)> = None;
        for (index, part) in raw.iter().enumerate() {
            if (class_of(index) == Some(wanted)) && !part.mesh.positions.is_empty() {
                let (lo, hi) = part.mesh.bounds();
                bounds = Some(bounds.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
            }
        }
        bounds.map(|(lo, hi)| (lo * scale, hi * scale))
    };
    let all = raw.iter().fold(None, |acc: Option<(Vec3, Vec3)>, part| {
        let (lo, hi) = part.mesh.bounds();
        Some(acc.map_or((lo * scale, hi * scale), |(a, b)| (a.min(lo * scale), b.max(hi * scale))))
    });
    let metal = bounds_of(PartClass::Metal).or(all).ok_or_else(|| format!("{}: no geometry", path.display()))?;
    let gems = bounds_of(PartClass::Gem).map(|(lo, hi)| (lo + hi) / 2.0);
    let rotation = orientation(metal, gems);
    // After turning: the finger's centre is the band's middle across, and one band radius above its bottom.
    let corners = [metal.0, metal.1];
    let turned: Vec<Vec3> = (0..8)
        .map(|i| rotation * Vec3::new(corners[i & 1].x, corners[(i >> 1) & 1].y, corners[(i >> 2) & 1].z))
        .collect();
    let lo = turned.iter().fold(Vec3::splat(f32::MAX), |a, &b| a.min(b));
    let hi = turned.iter().fold(Vec3::splat(f32::MIN), |a, &b| a.max(b));
    let finger_centre = Vec3::new((lo.x + hi.x) / 2.0, lo.y + (hi.x - lo.x) / 2.0, (lo.z + hi.z) / 2.0);
    let place = |p: [f32; 3]| rotation * (Vec3::from(p) * scale) - finger_centre;

    let mut parts = Vec::new();
    for (index, part) in raw.into_iter().enumerate() {
        let class = class_of(index).unwrap_or(PartClass::Unknown);
        let mut mesh = MeshData {
            positions: part.mesh.positions.iter().map(|&p| place(p).into()).collect(),
            normals: part.mesh.normals.iter().map(|&n| (rotation * Vec3::from(n)).normalize_or_zero().into()).collect(),
            indices: part.mesh.indices,
        };
        if mesh.normals.len() != mesh.positions.len() {
            mesh.recompute_smooth_normals();
        }
        let pieces = if class == PartClass::Gem { connected_pieces(&mesh) } else { vec![mesh] };
        let several = pieces.len() > 1;
        for (number, mut piece) in pieces.into_iter().enumerate() {
            let origin = if class == PartClass::Gem {
                let (lo, hi) = piece.bounds();
                (lo + hi) / 2.0
            } else {
                Vec3::ZERO
            };
            for p in &mut piece.positions {
                *p = (Vec3::from(*p) - origin).into();
            }
            let label = if several { format!("{} #{}", part.label, number + 1) } else { part.label.clone() };
            parts.push(ImportedPart { label, class, origin, mesh: piece });
        }
    }
    let centre_stone = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.class == PartClass::Gem)
        .max_by(|a, b| a.1.mesh.volume().abs().total_cmp(&b.1.mesh.volume().abs()))
        .map(|(index, _)| index);
    Ok((ImportedModel { file: path.to_path_buf(), units: report.units, parts, centre_stone }, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_stones_stay_traceable_through_float_noise() {
        // The sample went through Blender-style transforms (metres, Z up): its stones are still convex solids the
        // gem shader can trace; its metal parts are not stones.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(super::super::sample_export::SAMPLE_PATH);
        let (model, _) = load_model(&path, None).expect("model");
        for part in &model.parts {
            let convex = crate::geometry::polyhedron::convex_planes_of_mesh(&part.mesh, 160);
            assert_eq!(convex.is_ok(), part.class == PartClass::Gem, "{}: {:?}", part.label, convex.err());
        }
    }

    #[test]
    fn a_triangle_with_a_corner_out_of_range_goes_whole_and_the_others_keep_their_corners() {
        // Four vertices; the second triangle names vertex 9, which does not exist; the last triangle is incomplete.
        let indices = [0, 1, 2, 1, 9, 3, 1, 2, 3, 0, 2];
        assert_eq!(whole_triangles_in_range(&indices, 4), vec![0, 1, 2, 1, 2, 3]);
        assert!(whole_triangles_in_range(&[7, 8, 9], 4).is_empty());
    }

    #[test]
    fn a_model_with_some_indices_out_of_range_keeps_its_other_triangles_whole() {
        use crate::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
        // A closed metal sphere with one broken triangle put in the middle of its index list.
        let sphere = crate::geometry::mesh::sphere(Vec3::ZERO, 8.0, 24);
        let mut broken = sphere.clone();
        let middle = broken.indices.len() / 3 / 2 * 3;
        broken.indices.splice(middle..middle, [0, 1, 100_000]);
        let material = GlbMaterial {
            name: "metal",
            base_colour: [0.9, 0.8, 0.5, 1.0],
            metallic: 1.0,
            roughness: 0.2,
            gem_ior: None,
        };
        let bytes = write_glb(
            &[material],
            &[GlbMesh { name: "ring", material: 0, data: &broken }],
            &[GlbNode { name: "ring".into(), mesh: Some(0), transform: glam::Affine3A::IDENTITY }],
        )
        .expect("glb");
        let path = std::env::temp_dir().join(format!("ecrin-bad-indices-{}.glb", std::process::id()));
        std::fs::write(&path, bytes).expect("written");
        let loaded = load_model(&path, None);
        let _ = std::fs::remove_file(&path);
        let (model, report) = loaded.expect("the model still opens");
        let metal: f32 = model.parts.iter().map(|p| p.mesh.volume()).sum::<f32>() / report.scale_to_mm.powi(3);
        // Every other triangle kept its corners: the sphere is still closed and has its volume.
        assert!((metal / sphere.volume() - 1.0).abs() < 1e-3, "{metal} mm³ vs {} mm³", sphere.volume());
    }

    #[test]
    fn rings_are_turned_finger_along_z_head_up() {
        // A ring lying in the file's XZ plane with the finger along Y and the stones towards −X.
        let metal = (Vec3::new(-12.0, -1.0, -10.0), Vec3::new(8.0, 1.0, 10.0));
        let rotation = orientation(metal, Some(Vec3::new(-11.0, 0.0, 0.0)));
        assert!((rotation * Vec3::Y).abs_diff_eq(Vec3::Z, 1e-6) || (rotation * Vec3::Y).abs_diff_eq(-Vec3::Z, 1e-6));
        assert!((rotation * Vec3::NEG_X).abs_diff_eq(Vec3::Y, 1e-6), "the stones go up");
        assert!((rotation.determinant() - 1.0).abs() < 1e-6, "a rotation, not a mirror");
    }
}
