//! Reading a house's glTF file into raw parts (no Bevy): every mesh primitive's triangles in the file's units after
//! node transforms, with every signal real exports carry about what it is — material, mesh and node names, gem
//! extensions (KHR_materials_transmission / volume / ior / dispersion, vendor extensions), PBR parameters.
//! Only the model's own folder is read: a buffer named by a path outside it, an absolute path or a URL is refused.

use super::super::mesh::MeshData;
use glam::{Mat3, Mat4, Vec3};
use std::path::{Component as PathPart, Path};
use thiserror::Error;

/// Largest model file read (a ring is a few MB; a heavy scan 100 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Most triangles a model may have.
pub const MAX_TRIANGLES: usize = 4_000_000;

/// What the file says about a part's material.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MaterialSignals {
    pub name: String,
    pub metallic: f32,
    pub roughness: f32,
    pub base_colour: [f32; 4],
    /// Transmission factor (KHR_materials_transmission), if the extension is there.
    pub transmission: Option<f32>,
    /// Index of refraction (KHR_materials_ior), if given.
    pub ior: Option<f32>,
    /// KHR_materials_volume present.
    pub volume: bool,
    /// Names of other material extensions (KHR_materials_dispersion, vendor diamond extensions…).
    pub extensions: Vec<String>,
}

/// One mesh primitive as read.
#[derive(Clone, Debug)]
pub struct RawPart {
    pub node: String,
    pub mesh_name: String,
    pub material: MaterialSignals,
    /// Triangles in the file's units, node transforms applied.
    pub mesh: MeshData,
}

/// Why a model could not be read. Each message names the file.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{file}: cannot read: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: {size} bytes, larger than the {MAX_FILE_BYTES} bytes a jewellery model can be")]
    TooLarge { file: String, size: u64 },
    #[error("{file}: not a valid glTF file: {message}")]
    NotGltf { file: String, message: String },
    #[error("{file}: buffer {index}: {problem}")]
    Buffer { file: String, index: usize, problem: BufferProblem },
    #[error("{file}: {count} triangles, more than the {MAX_TRIANGLES} a model may have")]
    TooManyTriangles { file: String, count: usize },
    #[error("{file}: no triangles: nothing to show")]
    Empty { file: String },
}

/// What is wrong with one of a model's buffers (data: `i18n::errors` says it to people).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum BufferProblem {
    #[error("the binary chunk is missing")]
    NoBinaryChunk,
    #[error("embedded (base64) buffers are not read: export as .glb")]
    Embedded,
    #[error("{uri} is outside the model's folder: not read")]
    OutsideFolder { uri: String },
    #[error("{uri}: {reason}")]
    Unreadable { uri: String, reason: String },
    #[error("{found} bytes, the model says {declared}")]
    Short { found: usize, declared: usize },
}

/// Whether a URI names a file inside the model's folder: relative, no `..`, no scheme, not absolute.
pub fn uri_inside_folder(uri: &str) -> bool {
    if uri.contains("://") || uri.contains(':') || uri.starts_with('/') || uri.starts_with('\\') {
        return false;
    }
    Path::new(uri).components().all(|c| matches!(c, PathPart::Normal(_) | PathPart::CurDir))
}

fn read_buffers(path: &Path, document: &gltf::Gltf) -> Result<Vec<Vec<u8>>, ReadError> {
    let file = path.display().to_string();
    let base = path.parent().unwrap_or(Path::new("."));
    document
        .buffers()
        .map(|buffer| {
            let error = |problem| ReadError::Buffer { file: file.clone(), index: buffer.index(), problem };
            let bytes = match buffer.source() {
                gltf::buffer::Source::Bin => {
                    document.blob.clone().ok_or_else(|| error(BufferProblem::NoBinaryChunk))?
                }
                gltf::buffer::Source::Uri(uri) if uri.starts_with("data:") => {
                    return Err(error(BufferProblem::Embedded));
                }
                gltf::buffer::Source::Uri(uri) if !uri_inside_folder(uri) => {
                    return Err(error(BufferProblem::OutsideFolder { uri: uri.to_string() }));
                }
                gltf::buffer::Source::Uri(uri) => std::fs::read(base.join(uri))
                    .map_err(|e| error(BufferProblem::Unreadable { uri: uri.to_string(), reason: e.to_string() }))?,
            };
            if bytes.len() < buffer.length() {
                return Err(error(BufferProblem::Short { found: bytes.len(), declared: buffer.length() }));
            }
            Ok(bytes)
        })
        .collect()
}

/// What a glTF material says about the part it dresses: names, PBR, gem extensions.
pub fn signals(material: &gltf::Material) -> MaterialSignals {
    let pbr = material.pbr_metallic_roughness();
    MaterialSignals {
        name: material.name().unwrap_or("").to_string(),
        metallic: pbr.metallic_factor(),
        roughness: pbr.roughness_factor(),
        base_colour: pbr.base_color_factor(),
        transmission: material.transmission().map(|t| t.transmission_factor()),
        ior: material.ior(),
        volume: material.volume().is_some(),
        extensions: material.extensions().map(|map| map.keys().cloned().collect()).unwrap_or_default(),
    }
}

fn collect(node: &gltf::Node, parent: Mat4, buffers: &[Vec<u8>], depth: usize, out: &mut Vec<RawPart>) {
    // Deeper than any real export: a loop or a hostile file.
    if depth > 64 {
        return;
    }
    let transform = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
    let normal_matrix = Mat3::from_mat4(transform).inverse().transpose();
    if let Some(mesh) = node.mesh() {
        for primitive in mesh.primitives() {
            if primitive.mode() != gltf::mesh::Mode::Triangles {
                continue;
            }
            let reader = primitive.reader(|b| buffers.get(b.index()).map(Vec::as_slice));
            let Some(positions) = reader.read_positions() else { continue };
            let positions: Vec<[f32; 3]> = positions.map(|p| transform.transform_point3(p.into()).into()).collect();
            let normals: Vec<[f32; 3]> = reader
                .read_normals()
                .map(|n| n.map(|n| (normal_matrix * Vec3::from(n)).normalize_or_zero().into()).collect())
                .unwrap_or_default();
            let count = positions.len() as u32;
            let indices: Vec<u32> =
                reader.read_indices().map(|i| i.into_u32().collect()).unwrap_or_else(|| (0..count).collect());
            let indices = whole_finite_triangles(&indices, &positions);
            let normals = if normals.len() == positions.len() { normals } else { Vec::new() };
            out.push(RawPart {
                node: node.name().unwrap_or("").to_string(),
                mesh_name: mesh.name().unwrap_or("").to_string(),
                material: signals(&primitive.material()),
                mesh: MeshData { positions, normals, indices },
            });
        }
    }
    for child in node.children() {
        collect(&child, transform, buffers, depth + 1, out);
    }
}

/// The triangles whose three corners exist and are finite: a triangle with a corner out of range or at NaN goes
/// whole, so every other triangle keeps its own corners; a trailing incomplete triangle too.
pub fn whole_finite_triangles(indices: &[u32], positions: &[[f32; 3]]) -> Vec<u32> {
    let fine = |i: u32| positions.get(i as usize).is_some_and(|p| p.iter().all(|c| c.is_finite()));
    indices.chunks_exact(3).filter(|t| t.iter().all(|&i| fine(i))).flatten().copied().collect()
}

/// Reads every triangle primitive of the file's scenes.
pub fn read_parts(path: &Path) -> Result<Vec<RawPart>, ReadError> {
    let file = path.display().to_string();
    let io = |source| ReadError::Io { file: file.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { file, size });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let document = gltf::Gltf::from_slice(&bytes)
        .map_err(|error| ReadError::NotGltf { file: file.clone(), message: error.to_string() })?;
    let triangles: usize = document
        .meshes()
        .flat_map(|m| m.primitives())
        .filter_map(|p| p.indices().or_else(|| p.get(&gltf::Semantic::Positions)).map(|a| a.count() / 3))
        .sum();
    if triangles > MAX_TRIANGLES {
        return Err(ReadError::TooManyTriangles { file, count: triangles });
    }
    let buffers = read_buffers(path, &document)?;
    let mut parts = Vec::new();
    for scene in document.scenes() {
        for node in scene.nodes() {
            collect(&node, Mat4::IDENTITY, &buffers, 0, &mut parts);
        }
    }
    parts.retain(|p| !p.mesh.indices.is_empty());
    if parts.is_empty() {
        return Err(ReadError::Empty { file });
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_models_folder_are_read() {
        for inside in ["ring.bin", "buffers/ring.bin", "./ring.bin"] {
            assert!(uri_inside_folder(inside), "{inside}");
        }
        for outside in ["../ring.bin", "a/../../b.bin", "/etc/passwd", "C:\\x.bin", "http://x/y.bin", "file:///x"] {
            assert!(!uri_inside_folder(outside), "{outside}");
        }
    }

    #[test]
    fn broken_triangles_go_whole() {
        let positions = [[0.0; 3], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [f32::NAN, 0.0, 0.0]];
        let indices = [0, 1, 2, 0, 1, 3, 0, 1, 9, 2, 1];
        assert_eq!(whole_finite_triangles(&indices, &positions), vec![0, 1, 2]);
    }
}
