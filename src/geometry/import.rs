//! Reading a boutique's own glTF model (no Bevy): classify its parts as metal or gem from every signal its file
//! carries — gem extensions, PBR, and the names real exports use ("ROSE GOLD.003", "Yellow Gold", "18K",
//! "DIAMOND.002", "Ruby"…) —, detect its units from a ring's size, and list what stops it from being used.
//! `ecrin inspect` prints this report as JSON.

use glam::{Mat4, Vec3};
use serde::Serialize;
use std::path::Path;

/// Largest file we read (a ring or pendant is a few MB; beyond this it is not a jewellery component).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Most triangles a component may have and still render smoothly on a boutique's machine.
pub const MAX_TRIANGLES: usize = 2_000_000;

/// What a part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartClass {
    Metal,
    Gem,
    Unknown,
}

/// One mesh primitive of the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartReport {
    pub node: String,
    pub mesh: String,
    pub material: String,
    pub class: PartClass,
    pub triangles: usize,
    /// Bounds in the file's own units, after node transforms: [min, max].
    pub bounds: [[f32; 3]; 2],
}

/// The import report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportReport {
    pub file: String,
    pub parts: Vec<PartReport>,
    /// "mm", "cm", "m" or "unknown".
    pub units: &'static str,
    /// Factor that brings the file's units to millimetres.
    pub scale_to_mm: f32,
    pub triangles: usize,
    pub problems: Vec<ImportProblem>,
    /// Whether the studio can use the model (no blocking problem).
    pub usable: bool,
}

/// What stops a model from being used, or what the import dialog will ask about (words: `i18n::errors`).
#[derive(Clone, Debug, PartialEq, Serialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ImportProblem {
    #[error("cannot read the file: {reason}")]
    Unreadable { reason: String },
    #[error("{size} bytes: larger than the {max} bytes a jewellery model can be")]
    TooLarge { size: u64, max: u64 },
    #[error("not a valid glTF file: {reason}")]
    NotGltf { reason: String },
    #[error("its header declares {declared} bytes, the file has {size}")]
    DeclaredLength { declared: u64, size: u64 },
    #[error("its binary chunk carries {carried} bytes, its buffer declares {declared}")]
    Undeclared { declared: u64, carried: u64 },
    #[error("buffer {index} refers to a binary chunk the file does not have")]
    NoBinaryChunk { index: usize },
    #[error("buffer {index}: file {uri} is shorter than the model says")]
    ShortBuffer { index: usize, uri: String, found: u64, declared: u64 },
    #[error("buffer {index}: file {uri} is missing")]
    MissingBuffer { index: usize, uri: String },
    #[error("texture {uri} is missing (Écrin's own materials replace it)")]
    MissingTexture { uri: String },
    #[error("no meshes: nothing to show")]
    NoMeshes,
    #[error("{count} triangles: more than the {max} a component may have")]
    TooManyTriangles { count: usize, max: usize },
    #[error("cannot tell the units: the model is {extent:.4} across (expected a ring or pendant of 10–60 mm)")]
    UnknownUnits { extent: f32 },
    #[error("part {mesh:?} (material {material:?}) is neither clearly metal nor gem: choose in the import dialog")]
    UnclassifiedPart { mesh: String, material: String },
    #[error("no part is recognised as metal")]
    NoMetal,
    #[error("{uri} is outside the model's folder: not read")]
    OutsideFolder { uri: String },
    #[error("its nodes nest deeper than {max} levels (or loop)")]
    TooDeep { max: usize },
    #[error("more than {max} placed nodes")]
    TooManyNodes { max: usize },
}

/// Classifies a part by its names alone (material, mesh, node) as the collection's analysis does.
pub fn classify(names: &[&str]) -> PartClass {
    let material = super::house::read::MaterialSignals {
        name: names.first().copied().unwrap_or("").to_string(),
        ..Default::default()
    };
    let (mesh, node) = (names.get(1).copied().unwrap_or(""), names.get(2).copied().unwrap_or(""));
    class_of(&material, mesh, node)
}

/// Classifies a part from every signal its file carries (`house::analyse::classify`: gem extensions, names, PBR).
pub fn class_of(material: &super::house::read::MaterialSignals, mesh: &str, node: &str) -> PartClass {
    match super::house::analyse::classify(material, mesh, node) {
        Some(super::house::PartUse::Stone) => PartClass::Gem,
        Some(super::house::PartUse::Metal(_)) => PartClass::Metal,
        Some(super::house::PartUse::LeftOut) | None => PartClass::Unknown,
    }
}

/// Units from the model's largest extent, assuming a ring or pendant (10–60 mm across).
pub fn detect_units(extent: f32) -> (&'static str, f32) {
    match extent {
        e if (5.0..=80.0).contains(&e) => ("mm", 1.0),
        e if (0.5..=8.0).contains(&e) => ("cm", 10.0),
        e if (0.005..=0.08).contains(&e) => ("m", 1000.0),
        _ => ("unknown", 1.0),
    }
}

fn bounds_of(accessor: &gltf::Accessor) -> Option<(Vec3, Vec3)> {
    let read = |value: Option<gltf::json::Value>| -> Option<Vec3> {
        let array = value?;
        let numbers: Vec<f32> = array.as_array()?.iter().filter_map(|v| v.as_f64().map(|f| f as f32)).collect();
        (numbers.len() == 3).then(|| Vec3::new(numbers[0], numbers[1], numbers[2]))
    };
    Some((read(accessor.min())?, read(accessor.max())?))
}

/// Reads a .glb or .gltf file and reports on it. Never panics on bad input: problems go into the report.
pub fn inspect(path: &Path) -> ImportReport {
    let mut report = ImportReport {
        file: path.display().to_string(),
        parts: Vec::new(),
        units: "unknown",
        scale_to_mm: 1.0,
        triangles: 0,
        problems: Vec::new(),
        usable: false,
    };
    let bytes = match super::house::read::read_model_file(path) {
        Ok(bytes) => bytes,
        Err(super::house::read::ReadError::TooLarge { size, .. }) => {
            report.problems.push(ImportProblem::TooLarge { size, max: MAX_FILE_BYTES });
            return report;
        }
        Err(super::house::read::ReadError::NotGltf { message, .. }) => {
            report.problems.push(ImportProblem::NotGltf { reason: message });
            return report;
        }
        Err(super::house::read::ReadError::DeclaredLength { declared, size, .. }) => {
            report.problems.push(ImportProblem::DeclaredLength { declared, size });
            return report;
        }
        Err(super::house::read::ReadError::Undeclared { declared, carried, .. }) => {
            report.problems.push(ImportProblem::Undeclared { declared, carried });
            return report;
        }
        Err(super::house::read::ReadError::Io { source, .. }) => {
            report.problems.push(ImportProblem::Unreadable { reason: source.to_string() });
            return report;
        }
        Err(other) => {
            report.problems.push(ImportProblem::Unreadable { reason: other.to_string() });
            return report;
        }
    };
    let document = match super::house::read::parse(&bytes) {
        Ok(document) => document,
        Err(reason) => {
            report.problems.push(ImportProblem::NotGltf { reason });
            return report;
        }
    };
    let mut blocking = false;
    let base = path.parent().unwrap_or(Path::new("."));
    for buffer in document.buffers() {
        match buffer.source() {
            gltf::buffer::Source::Bin if document.blob.is_none() => {
                report.problems.push(ImportProblem::NoBinaryChunk { index: buffer.index() });
                blocking = true;
            }
            gltf::buffer::Source::Bin => {}
            gltf::buffer::Source::Uri(uri) if uri.starts_with("data:") => {}
            // Named outside the folder, or a link inside it that leads out.
            gltf::buffer::Source::Uri(uri)
                if !super::house::read::uri_inside_folder(uri)
                    || (base.join(uri).exists() && super::house::read::file_inside_folder(base, uri).is_none()) =>
            {
                report.problems.push(ImportProblem::OutsideFolder { uri: uri.to_string() });
                blocking = true;
            }
            gltf::buffer::Source::Uri(uri) => match std::fs::metadata(base.join(uri)) {
                Ok(meta) if meta.len() >= buffer.length() as u64 => {}
                Ok(meta) => {
                    let (index, uri) = (buffer.index(), uri.to_string());
                    let (found, declared) = (meta.len(), buffer.length() as u64);
                    report.problems.push(ImportProblem::ShortBuffer { index, uri, found, declared });
                    blocking = true;
                }
                Err(_) => {
                    report.problems.push(ImportProblem::MissingBuffer { index: buffer.index(), uri: uri.to_string() });
                    blocking = true;
                }
            },
        }
    }
    // Textures are never decoded (Écrin's materials replace them): only whether their file is there.
    for image in document.images() {
        if let gltf::image::Source::Uri { uri, .. } = image.source()
            && !uri.starts_with("data:")
        {
            if !super::house::read::uri_inside_folder(uri) {
                report.problems.push(ImportProblem::OutsideFolder { uri: uri.to_string() });
            } else if !base.join(uri).exists() {
                report.problems.push(ImportProblem::MissingTexture { uri: uri.to_string() });
            }
        }
    }
    let mut walk = Walk { overall: None, nodes: 0, over: None };
    for scene in document.scenes() {
        for node in scene.nodes() {
            collect_parts(&node, Mat4::IDENTITY, 0, &mut report.parts, &mut walk);
        }
    }
    let overall = walk.overall;
    if let Some(over) = walk.over {
        report.problems.push(over);
        blocking = true;
    }
    report.triangles = report.parts.iter().map(|p| p.triangles).sum();
    if report.parts.is_empty() {
        report.problems.push(ImportProblem::NoMeshes);
        blocking = true;
    }
    if report.triangles > MAX_TRIANGLES {
        report.problems.push(ImportProblem::TooManyTriangles { count: report.triangles, max: MAX_TRIANGLES });
        blocking = true;
    }
    if let Some((lo, hi)) = overall {
        let (units, scale) = detect_units((hi - lo).max_element());
        report.units = units;
        report.scale_to_mm = scale;
        if units == "unknown" {
            report.problems.push(ImportProblem::UnknownUnits { extent: (hi - lo).max_element() });
            blocking = true;
        }
    }
    for part in &report.parts {
        if part.class == PartClass::Unknown {
            let (mesh, material) = (part.mesh.clone(), part.material.clone());
            report.problems.push(ImportProblem::UnclassifiedPart { mesh, material });
        }
    }
    if !report.parts.iter().any(|p| p.class == PartClass::Metal) && !report.parts.is_empty() {
        report.problems.push(ImportProblem::NoMetal);
    }
    report.usable = !blocking;
    report
}

/// The walk through the node tree: the model's bounds so far and the limits (`house::read`'s).
struct Walk {
    overall: Option<(Vec3, Vec3)>,
    nodes: usize,
    over: Option<ImportProblem>,
}

fn collect_parts(node: &gltf::Node, parent: Mat4, depth: usize, parts: &mut Vec<PartReport>, walk: &mut Walk) {
    use super::house::read::{MAX_NODE_DEPTH, MAX_NODE_INSTANCES};
    if walk.over.is_some() {
        return;
    }
    walk.nodes += 1;
    if depth >= MAX_NODE_DEPTH {
        walk.over = Some(ImportProblem::TooDeep { max: MAX_NODE_DEPTH });
        return;
    }
    if walk.nodes > MAX_NODE_INSTANCES {
        walk.over = Some(ImportProblem::TooManyNodes { max: MAX_NODE_INSTANCES });
        return;
    }
    let overall = &mut walk.overall;
    let transform = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
    if let Some(mesh) = node.mesh() {
        for primitive in mesh.primitives() {
            let Some(positions) = primitive.get(&gltf::Semantic::Positions) else { continue };
            let triangles = primitive.indices().map_or(positions.count(), |i| i.count()) / 3;
            let signals = super::house::read::signals(&primitive.material());
            let class = class_of(&signals, mesh.name().unwrap_or(""), node.name().unwrap_or(""));
            let material = signals.name;
            let (mut lo, mut hi) = (Vec3::splat(f32::MAX), Vec3::splat(f32::MIN));
            if let Some((min, max)) = bounds_of(&positions) {
                for corner in 0..8 {
                    let p = Vec3::new(
                        if corner & 1 == 0 { min.x } else { max.x },
                        if corner & 2 == 0 { min.y } else { max.y },
                        if corner & 4 == 0 { min.z } else { max.z },
                    );
                    let world = transform.transform_point3(p);
                    lo = lo.min(world);
                    hi = hi.max(world);
                }
                *overall = Some(overall.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
            }
            parts.push(PartReport {
                node: node.name().unwrap_or("").to_string(),
                mesh: mesh.name().unwrap_or("").to_string(),
                material,
                class,
                triangles,
                bounds: [lo.into(), hi.into()],
            });
        }
    }
    for child in node.children() {
        collect_parts(&child, transform, depth + 1, parts, walk);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_real_exports_are_classified() {
        for metal in ["ROSE GOLD.003", "Yellow Gold", "metal.002", "18K", "White_Gold", "Platinum", "Shank"] {
            assert_eq!(classify(&[metal]), PartClass::Metal, "{metal}");
        }
        for gem in ["DIAMOND.002", "gem", "stone", "Ruby", "Emerald_Cut_Stone", "Melee.014", "CZ"] {
            assert_eq!(classify(&[gem]), PartClass::Gem, "{gem}");
        }
        assert_eq!(classify(&["Material.001", "Cube"]), PartClass::Unknown);
        // The material name decides first; then the mesh and node names.
        assert_eq!(classify(&["Material.001", "Diamond_center"]), PartClass::Gem);
    }

    #[test]
    fn unnamed_parts_are_known_by_their_gem_extensions_and_metallic_finish() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let [head, _, stone] = super::super::sample_export::WEB_PATHS.map(|p| inspect(&samples.join(p)));
        assert_eq!(head.parts.iter().map(|p| p.class).collect::<Vec<_>>(), [PartClass::Metal], "metallic 1");
        assert_eq!(stone.parts.iter().map(|p| p.class).collect::<Vec<_>>(), [PartClass::Gem], "transmission, ior");
    }

    #[test]
    fn units_follow_a_rings_size() {
        assert_eq!(detect_units(21.0), ("mm", 1.0));
        assert_eq!(detect_units(2.1), ("cm", 10.0));
        assert_eq!(detect_units(0.021), ("m", 1000.0));
        assert_eq!(detect_units(4000.0).0, "unknown");
    }
}
