//! `ecrin inspect`'s report on a model: what the collection would store — the same reading (`read`) and the same
//! analysis (`analyse`), with the same corrections — as data: what the model is, its units, each part's use and
//! the signal that decided it, its stones, and what stops it from being used or what the designer should look at.

use super::analyse::{Analysis, AnalysisError, Corrections, analyse, given_uses, part_uses};
use super::classify::Reason;
use super::read::{self, BufferProblem, ReadError};
use super::{ModelKind, PartUse, StoneSetup};
use serde::Serialize;
use std::path::Path;

/// One primitive of the model, as the analysis read it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartReport {
    pub node: String,
    pub mesh: String,
    pub material: String,
    /// What it is: band or head metal, stones, or left out.
    pub role: PartUse,
    /// Why.
    pub reason: Reason,
    pub triangles: usize,
    /// Bounds in the file's own units, node transforms applied: [min, max].
    pub bounds: [[f32; 3]; 2],
}

/// The report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InspectReport {
    pub file: String,
    /// What the model is (when it could be analysed).
    pub kind: Option<ModelKind>,
    /// The file's units ("mm", "cm", "m", "in", or the scale given through an inner diameter).
    pub units: Option<String>,
    /// Factor that brings the file's units to millimetres.
    pub scale_to_mm: Option<f32>,
    /// A ring's inner diameter as modelled, mm.
    pub inner_diameter_mm: Option<f32>,
    pub triangles: usize,
    pub parts: Vec<PartReport>,
    pub stones: Vec<StoneSetup>,
    pub problems: Vec<ImportProblem>,
    /// Whether the collection can take the model (no blocking problem).
    pub usable: bool,
}

/// What stops a model from being used (the first group), or what the designer should look at (the last four).
/// Words: `i18n::errors::import_problem`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ImportProblem {
    Unreadable {
        reason: String,
    },
    TooLarge {
        size: u64,
        max: u64,
    },
    NotGltf {
        reason: String,
    },
    DeclaredLength {
        declared: u64,
        size: u64,
    },
    Undeclared {
        declared: u64,
        carried: u64,
    },
    Buffer {
        index: usize,
        what: BufferProblem,
    },
    NoMeshes,
    TooManyTriangles {
        count: usize,
        max: usize,
    },
    TooDeep {
        max: usize,
    },
    TooManyNodes {
        max: usize,
    },
    /// No part is metal or stone.
    NothingKnown,
    /// No unit makes the model a plausible size for what it is.
    UnknownUnits {
        extent: f32,
        kind: ModelKind,
    },
    /// A ring whose finger hole is no size someone can wear in any unit (its inner diameter must be given).
    Unwearable {
        inner: f32,
        kind: ModelKind,
    },
    NoFingerHole,
    GivenDiameter {
        given: f32,
    },
    GivenScale {
        given: f32,
    },
    NoPartNamed {
        name: String,
    },
    /// A texture file that is not there (Écrin's own materials replace it).
    MissingTexture {
        uri: String,
    },
    /// A texture named outside the model's folder: not read.
    TextureOutsideFolder {
        uri: String,
    },
    /// A part nothing in the file says anything about: left out until the designer says.
    UnclassifiedPart {
        mesh: String,
        material: String,
    },
    NoMetal,
}

impl From<&ReadError> for ImportProblem {
    fn from(error: &ReadError) -> Self {
        match error {
            ReadError::Io { source, .. } => ImportProblem::Unreadable { reason: source.to_string() },
            ReadError::TooLarge { size, .. } => ImportProblem::TooLarge { size: *size, max: read::MAX_FILE_BYTES },
            ReadError::NotGltf { message, .. } => ImportProblem::NotGltf { reason: message.clone() },
            ReadError::DeclaredLength { declared, size, .. } => {
                ImportProblem::DeclaredLength { declared: *declared, size: *size }
            }
            ReadError::Undeclared { declared, carried, .. } => {
                ImportProblem::Undeclared { declared: *declared, carried: *carried }
            }
            ReadError::Buffer { index, problem, .. } => ImportProblem::Buffer { index: *index, what: problem.clone() },
            ReadError::TooManyTriangles { count, .. } => {
                ImportProblem::TooManyTriangles { count: *count, max: read::MAX_TRIANGLES }
            }
            ReadError::Empty { .. } => ImportProblem::NoMeshes,
            ReadError::TooDeep { .. } => ImportProblem::TooDeep { max: read::MAX_NODE_DEPTH },
            ReadError::TooManyNodes { .. } => ImportProblem::TooManyNodes { max: read::MAX_NODE_INSTANCES },
        }
    }
}

impl From<&AnalysisError> for ImportProblem {
    fn from(error: &AnalysisError) -> Self {
        match *error {
            AnalysisError::NothingKnown => ImportProblem::NothingKnown,
            AnalysisError::Units { extent, kind } => ImportProblem::UnknownUnits { extent, kind },
            AnalysisError::Unwearable { inner, kind } => ImportProblem::Unwearable { inner, kind },
            AnalysisError::NoFingerHole => ImportProblem::NoFingerHole,
            AnalysisError::GivenDiameter { given } => ImportProblem::GivenDiameter { given },
            AnalysisError::GivenScale { given } => ImportProblem::GivenScale { given },
            AnalysisError::NoPartNamed { ref name } => ImportProblem::NoPartNamed { name: name.clone() },
        }
    }
}

/// Reads and analyses a model as the collection would, with `corrections` (the command line's `--as`, `--units`,
/// `--inner-diameter`, `--part`). Never panics on bad input: what is wrong goes into the report.
pub fn inspect(path: &Path, corrections: &Corrections) -> InspectReport {
    let mut report = InspectReport {
        file: path.display().to_string(),
        kind: None,
        units: None,
        scale_to_mm: None,
        inner_diameter_mm: None,
        triangles: 0,
        parts: Vec::new(),
        stones: Vec::new(),
        problems: Vec::new(),
        usable: false,
    };
    let model = match read::read_model(path) {
        Ok(model) => model,
        Err(error) => {
            report.problems.push(ImportProblem::from(&error));
            return report;
        }
    };
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for uri in &model.textures {
        if !read::uri_inside_folder(uri) {
            report.problems.push(ImportProblem::TextureOutsideFolder { uri: uri.clone() });
        } else if !base.join(uri).exists() {
            report.problems.push(ImportProblem::MissingTexture { uri: uri.clone() });
        }
    }
    let parts = &model.parts;
    report.triangles = parts.iter().map(|p| p.mesh.indices.len() / 3).sum();
    let analysis = analyse(parts, corrections);
    if let Ok(Analysis { setup, .. }) = &analysis {
        report.kind = Some(setup.kind);
        report.units = Some(setup.units.clone());
        report.scale_to_mm = Some(setup.scale_to_mm);
        report.inner_diameter_mm = setup.inner_diameter_mm;
        report.stones = setup.stones.clone();
    }
    // Each part's use: as analysed, else as the signals alone say (the model could not be analysed as a whole).
    let read = match &analysis {
        Ok(found) => found.setup.parts.iter().map(|p| p.role).zip(found.reasons.iter().cloned()).collect(),
        Err(_) => part_uses(parts, &given_uses(parts, corrections).unwrap_or_default()),
    };
    for (part, (role, reason)) in parts.iter().zip(read) {
        let (lo, hi) = part.mesh.bounds();
        report.parts.push(PartReport {
            node: part.node.clone(),
            mesh: part.mesh_name.clone(),
            material: part.material.name.clone(),
            role,
            reason,
            triangles: part.mesh.indices.len() / 3,
            bounds: [lo.into(), hi.into()],
        });
    }
    if let Err(error) = &analysis {
        report.problems.push(ImportProblem::from(error));
    }
    for part in report.parts.iter().filter(|p| p.reason == Reason::NothingSaid) {
        let (mesh, material) = (part.mesh.clone(), part.material.clone());
        report.problems.push(ImportProblem::UnclassifiedPart { mesh, material });
    }
    let lone_stone = report.kind == Some(ModelKind::Stone);
    if !lone_stone && !report.parts.iter().any(|p| matches!(p.role, PartUse::Metal(_))) {
        report.problems.push(ImportProblem::NoMetal);
    }
    report.usable = analysis.is_ok();
    report
}
