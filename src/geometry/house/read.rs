//! Reading a house's glTF file into raw parts (no Bevy): every mesh primitive's triangles in the file's units after
//! node transforms, with every signal real exports carry about what it is — material, mesh and node names, gem
//! extensions (KHR_materials_transmission / volume / ior / dispersion, vendor extensions), PBR parameters.
//! Only the model's own folder is read: a buffer named by a path outside it (`..`, an absolute path, a link that
//! leads out), another scheme or a URL is refused; `data:` buffers are decoded. Nothing is ever fetched. Limits keep
//! a hostile file from taking the machine: file and buffer sizes, triangles (counted per placed instance), the
//! depth of the node tree and the number of placed nodes. Textures are never decoded (Écrin dresses parts itself).

use super::super::mesh::MeshData;
pub use super::file::read_model_file;
use glam::{Mat3, Mat4, Vec3};
use std::path::{Component as PathPart, Path};
use thiserror::Error;

/// Largest model file read (a ring is a few MB; a heavy scan 100 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Most triangles a model may have.
pub const MAX_TRIANGLES: usize = 4_000_000;
/// Deepest node tree read (real exports nest a few levels; a loop would never end).
pub const MAX_NODE_DEPTH: usize = 64;
/// Most nodes placed (a node used by many parents is placed once per parent).
pub const MAX_NODE_INSTANCES: usize = 100_000;

/// What the file says about a part's material.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MaterialSignals {
    /// Whether the primitive names a material at all (glTF's default material is metallic: it says nothing).
    pub given: bool,
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
    /// A GLB whose header declares another length than the file has (padding, or a file cut short).
    #[error("{file}: its header declares {declared} bytes, the file has {size}")]
    DeclaredLength { file: String, declared: u64, size: u64 },
    /// A GLB whose binary chunk carries more than the buffer its JSON declares.
    #[error("{file}: its binary chunk carries {carried} bytes, its buffer declares {declared}")]
    Undeclared { file: String, declared: u64, carried: u64 },
    #[error("{file}: buffer {index}: {problem}")]
    Buffer { file: String, index: usize, problem: BufferProblem },
    #[error("{file}: {count} triangles, more than the {MAX_TRIANGLES} a model may have")]
    TooManyTriangles { file: String, count: usize },
    #[error("{file}: no triangles: nothing to show")]
    Empty { file: String },
    #[error("{file}: its nodes nest deeper than {MAX_NODE_DEPTH} levels (or loop)")]
    TooDeep { file: String },
    #[error("{file}: more than {MAX_NODE_INSTANCES} placed nodes")]
    TooManyNodes { file: String },
}

/// What is wrong with one of a model's buffers (data: `i18n::errors` says it to people).
#[derive(Debug, Clone, PartialEq, Error, serde::Serialize)]
#[serde(tag = "buffer_problem", rename_all = "snake_case")]
pub enum BufferProblem {
    #[error("the binary chunk is missing")]
    NoBinaryChunk,
    #[error("the embedded (data:) buffer cannot be decoded: {reason}")]
    BadDataUri { reason: String },
    #[error("{uri} is outside the model's folder: not read")]
    OutsideFolder { uri: String },
    #[error("{uri}: {reason}")]
    Unreadable { uri: String, reason: String },
    #[error("{found} bytes, the model says {declared}")]
    Short { found: usize, declared: usize },
    #[error("{uri}: {size} bytes, larger than a model can be")]
    TooLarge { uri: String, size: u64 },
    #[error("{uri} is not a file")]
    NotAFile { uri: String },
}

/// Whether a URI names a file inside the model's folder: relative, no `..`, no scheme, not absolute.
pub fn uri_inside_folder(uri: &str) -> bool {
    if uri.contains("://") || uri.contains(':') || uri.starts_with('/') || uri.starts_with('\\') {
        return false;
    }
    Path::new(uri).components().all(|c| matches!(c, PathPart::Normal(_) | PathPart::CurDir))
}

/// The bytes of a `data:` URI (base64, or the text itself); the decoder's own words when it is not.
pub fn decode_data_uri(uri: &str) -> Result<Vec<u8>, base64::DecodeError> {
    use base64::Engine as _;
    let rest = uri.strip_prefix("data:").unwrap_or(uri);
    match rest.split_once(',') {
        Some((header, payload)) if !header.ends_with(";base64") => Ok(payload.as_bytes().to_vec()),
        Some((_, payload)) => base64::engine::general_purpose::STANDARD.decode(payload.trim()),
        None => base64::engine::general_purpose::STANDARD.decode(rest),
    }
}

/// The file a URI names inside the model's folder, followed through links: `None` when it leads out of it.
pub fn file_inside_folder(base: &Path, uri: &str) -> Option<std::path::PathBuf> {
    if !uri_inside_folder(uri) {
        return None;
    }
    let base = if base.as_os_str().is_empty() { Path::new(".") } else { base };
    let folder = base.canonicalize().ok()?;
    let file = base.join(uri).canonicalize().ok()?;
    file.starts_with(&folder).then_some(file)
}

/// Parses a glTF or GLB file and checks it as the glTF crate does, without letting its checks panic: the one
/// reference they follow unchecked (a mesh's POSITION accessor) is looked at first. The error is the crate's words.
pub fn parse(bytes: &[u8]) -> Result<gltf::Gltf, gltf::Error> {
    use gltf::json::validation::{Checked, Error as Invalid};
    let unchecked = gltf::Gltf::from_slice_without_validation(bytes)?;
    let json = unchecked.document.into_json();
    let accessors = json.accessors.len();
    for (m, mesh) in json.meshes.iter().enumerate() {
        for (p, primitive) in mesh.primitives.iter().enumerate() {
            let position = primitive.attributes.get(&Checked::Valid(gltf::Semantic::Positions));
            if position.is_some_and(|i| i.value() >= accessors) {
                let path = gltf::json::Path::new().field("meshes").index(m).field("primitives").index(p);
                let path = path.field("attributes").key("POSITION");
                return Err(gltf::Error::Validation(vec![(path, Invalid::IndexOutOfBounds)]));
            }
        }
    }
    let document = gltf::Document::from_json(json)?;
    Ok(gltf::Gltf { document, blob: unchecked.blob })
}

/// Reads one buffer's file: a regular file inside the folder, no larger than a model may be.
pub fn read_buffer_file(base: &Path, uri: &str) -> Result<Vec<u8>, BufferProblem> {
    let unreadable = |reason: String| BufferProblem::Unreadable { uri: uri.to_string(), reason };
    let path = base.join(uri);
    let meta = std::fs::metadata(&path).map_err(|e| unreadable(e.to_string()))?;
    let file = file_inside_folder(base, uri).ok_or_else(|| BufferProblem::OutsideFolder { uri: uri.to_string() })?;
    if !meta.is_file() {
        return Err(BufferProblem::NotAFile { uri: uri.to_string() });
    }
    match crate::atomic_file::read_bounded(&file, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.get_ref().is_some_and(|e| e.is::<crate::atomic_file::TooLarge>()) => {
            Err(BufferProblem::TooLarge { uri: uri.to_string(), size: meta.len() })
        }
        Err(e) if e.get_ref().is_some_and(|e| e.is::<crate::atomic_file::NotAFile>()) => {
            Err(BufferProblem::NotAFile { uri: uri.to_string() })
        }
        Err(e) => Err(unreadable(e.to_string())),
    }
}

fn read_buffers(path: &Path, document: &mut gltf::Gltf) -> Result<Vec<Vec<u8>>, ReadError> {
    let file = path.display().to_string();
    let base = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // The binary chunk is moved, not copied (a glTF has at most one, buffer 0).
    let mut blob = document.blob.take();
    document
        .document
        .buffers()
        .map(|buffer| {
            let error = |problem| ReadError::Buffer { file: file.clone(), index: buffer.index(), problem };
            let bytes = match buffer.source() {
                gltf::buffer::Source::Bin => blob.take().ok_or_else(|| error(BufferProblem::NoBinaryChunk))?,
                gltf::buffer::Source::Uri(uri) if uri.starts_with("data:") => {
                    decode_data_uri(uri).map_err(|e| error(BufferProblem::BadDataUri { reason: e.to_string() }))?
                }
                gltf::buffer::Source::Uri(uri) if !uri_inside_folder(uri) => {
                    return Err(error(BufferProblem::OutsideFolder { uri: uri.to_string() }));
                }
                gltf::buffer::Source::Uri(uri) => read_buffer_file(base, uri).map_err(error)?,
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
        given: material.index().is_some(),
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

/// What the walk through the node tree has used so far, against the limits.
#[derive(Default)]
struct Walk {
    nodes: usize,
    triangles: usize,
    over: Option<Over>,
}

/// Which limit a walk went over.
#[derive(Clone, Copy)]
enum Over {
    Depth,
    Nodes,
    Triangles,
}

fn collect(
    node: &gltf::Node,
    parent: Mat4,
    buffers: &[Vec<u8>],
    depth: usize,
    walk: &mut Walk,
    out: &mut Vec<RawPart>,
) {
    if walk.over.is_some() {
        return;
    }
    walk.nodes += 1;
    if depth >= MAX_NODE_DEPTH {
        walk.over = Some(Over::Depth);
        return;
    }
    if walk.nodes > MAX_NODE_INSTANCES {
        walk.over = Some(Over::Nodes);
        return;
    }
    let transform = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
    let normal_matrix = Mat3::from_mat4(transform).inverse().transpose();
    if let Some(mesh) = node.mesh() {
        for primitive in mesh.primitives() {
            if primitive.mode() != gltf::mesh::Mode::Triangles {
                continue;
            }
            let declared = primitive.indices().or_else(|| primitive.get(&gltf::Semantic::Positions));
            walk.triangles += declared.map_or(0, |a| a.count() / 3);
            if walk.triangles > MAX_TRIANGLES {
                walk.over = Some(Over::Triangles);
                return;
            }
            use gltf::accessor::{DataType, Dimensions};
            let readable = |accessor: Option<gltf::Accessor>, dimensions, types: &[DataType]| {
                accessor.is_some_and(|a| readable(&a, dimensions, types, buffers))
            };
            let positions = primitive.get(&gltf::Semantic::Positions);
            let indices = primitive.indices();
            if !readable(positions, Dimensions::Vec3, &[DataType::F32])
                || (indices.is_some()
                    && !readable(indices, Dimensions::Scalar, &[DataType::U8, DataType::U16, DataType::U32]))
            {
                continue;
            }
            let normals_readable =
                readable(primitive.get(&gltf::Semantic::Normals), Dimensions::Vec3, &[DataType::F32]);
            let reader = primitive.reader(|b| buffers.get(b.index()).map(Vec::as_slice));
            let Some(positions) = reader.read_positions() else { continue };
            let positions: Vec<[f32; 3]> = positions.map(|p| transform.transform_point3(p.into()).into()).collect();
            let normals: Vec<[f32; 3]> = normals_readable
                .then(|| reader.read_normals())
                .flatten()
                .map(|n| n.map(|n| (normal_matrix * Vec3::from(n)).normalize_or_zero().into()).collect())
                .unwrap_or_default();
            let count = positions.len() as u32;
            let indices: Vec<u32> =
                reader.read_indices().map(|i| i.into_u32().collect()).unwrap_or_else(|| (0..count).collect());
            let mut indices = whole_finite_triangles(&indices, &positions);
            // A mirrored placement (a negative determinant: a scale of -1, common in CAD exports) turns the
            // triangles' winding: glTF says their front faces are then clockwise. Turned back, outward stays
            // outward — for volumes (weights) as for drawing.
            if transform.determinant() < 0.0 {
                for triangle in indices.chunks_exact_mut(3) {
                    triangle.swap(1, 2);
                }
            }
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
        collect(&child, transform, buffers, depth + 1, walk, out);
    }
}

/// Whether the glTF crate's reader can read an accessor (it asserts, rather than refuses, what it cannot): the
/// expected type, items in a buffer view, a stride no shorter than an item, every item inside the view and the view
/// inside its buffer; sparse storage is not read.
fn readable(
    accessor: &gltf::Accessor,
    dimensions: gltf::accessor::Dimensions,
    types: &[gltf::accessor::DataType],
    buffers: &[Vec<u8>],
) -> bool {
    if accessor.dimensions() != dimensions
        || !types.contains(&accessor.data_type())
        || accessor.sparse().is_some()
        || accessor.count() == 0
    {
        return false;
    }
    let Some(view) = accessor.view() else { return false };
    let Some(buffer) = buffers.get(view.buffer().index()) else { return false };
    let size = accessor.size();
    let stride = view.stride().unwrap_or(size);
    let view_fits = view.offset().checked_add(view.length()).is_some_and(|end| end <= buffer.len());
    let last_end = stride
        .checked_mul(accessor.count() - 1)
        .and_then(|n| n.checked_add(accessor.offset()))
        .and_then(|n| n.checked_add(size));
    stride >= size && view_fits && last_end.is_some_and(|end| end <= view.length())
}

/// The triangles whose three corners exist and are finite: a triangle with a corner out of range or at NaN goes
/// whole, so every other triangle keeps its own corners; a trailing incomplete triangle too.
pub fn whole_finite_triangles(indices: &[u32], positions: &[[f32; 3]]) -> Vec<u32> {
    let fine = |i: u32| positions.get(i as usize).is_some_and(|p| p.iter().all(|c| c.is_finite()));
    indices.chunks_exact(3).filter(|t| t.iter().all(|&i| fine(i))).flatten().copied().collect()
}

/// Reads every triangle primitive of the file's scenes.
pub fn read_parts(path: &Path) -> Result<Vec<RawPart>, ReadError> {
    read_model(path).map(|model| model.parts)
}

/// A model as read: its parts, and the URIs of the image files it names (never read: Écrin's materials replace
/// them; `inspect` says when one is missing).
pub struct ModelRead {
    pub parts: Vec<RawPart>,
    pub textures: Vec<String>,
}

/// Reads a model's parts (`read_parts`) and the image files it names.
pub fn read_model(path: &Path) -> Result<ModelRead, ReadError> {
    let file = path.display().to_string();
    let bytes = read_model_file(path)?;
    let mut document = parse(&bytes).map_err(|e| ReadError::NotGltf { file: file.clone(), message: e.to_string() })?;
    // The file's bytes are let go as soon as the document holds what it needs: one copy of a model at a time.
    drop(bytes);
    let triangles: usize = document
        .meshes()
        .flat_map(|m| m.primitives())
        .filter_map(|p| p.indices().or_else(|| p.get(&gltf::Semantic::Positions)).map(|a| a.count() / 3))
        .sum();
    if triangles > MAX_TRIANGLES {
        return Err(ReadError::TooManyTriangles { file, count: triangles });
    }
    let textures = document
        .images()
        .filter_map(|image| match image.source() {
            gltf::image::Source::Uri { uri, .. } if !uri.starts_with("data:") => Some(uri.to_string()),
            _ => None,
        })
        .collect();
    let buffers = read_buffers(path, &mut document)?;
    let mut parts = Vec::new();
    let mut walk = Walk::default();
    for scene in document.scenes() {
        for node in scene.nodes() {
            collect(&node, Mat4::IDENTITY, &buffers, 0, &mut walk, &mut parts);
        }
    }
    match walk.over {
        Some(Over::Depth) => return Err(ReadError::TooDeep { file }),
        Some(Over::Nodes) => return Err(ReadError::TooManyNodes { file }),
        Some(Over::Triangles) => return Err(ReadError::TooManyTriangles { file, count: walk.triangles }),
        None => {}
    }
    parts.retain(|p| !p.mesh.indices.is_empty());
    if parts.is_empty() {
        return Err(ReadError::Empty { file });
    }
    Ok(ModelRead { parts, textures })
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
