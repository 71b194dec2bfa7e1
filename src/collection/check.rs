//! Every field of a manifest checked as a preset's are, once it is read: a manifest is a file anyone can edit, and
//! the paths Écrin builds from it (the stored copy, its folder, the manifest itself) must stay inside the collection —
//! a hash is 64 hex digits, an extension one of two, an id a slug, a file name a name —, its numbers must be finite
//! and in range (the turn a rotation, a scale a scale), and its indices must name what exists. A wrong field is told
//! with its place in the file (`file:line:column`), never used.

use super::manifest::{Manifest, ManifestProblem};
use crate::design::ron_place::{Step, locate};
use crate::geometry::house::PartUse;

/// What is wrong with one field (data: `i18n::errors` says it to people).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FieldProblem {
    #[error("{value} is not a number")]
    NotANumber { value: f32 },
    #[error("{value} is outside {min} to {max}")]
    OutOfRange { value: f32, min: f32, max: f32 },
    #[error("the lowest value is above the highest")]
    Reversed,
    #[error("not a rotation (its columns must be unit length, at right angles, and not mirrored)")]
    NotARotation,
    #[error("not a content hash (64 hexadecimal digits)")]
    NotAHash,
    #[error("{found:?} is not a model's extension (glb or gltf)")]
    NotAnExtension { found: String },
    #[error("{found:?} is not a file name (no folders, no control characters)")]
    NotAFileName { found: String },
    #[error("{found:?} is not an id (lower-case letters, digits and '-')")]
    NotAnId { found: String },
    #[error("a name has 1 to {max} printable characters (no control or direction characters)")]
    NotAName { max: usize },
    #[error("part {part} does not exist (the model has {parts})")]
    NoSuchPart { part: usize, parts: usize },
    #[error("part {part} is not a part of stones")]
    NotStones { part: usize },
    #[error("stone {piece} of its part does not exist (the part has {pieces})")]
    NoSuchPiece { piece: usize, pieces: usize },
}

/// Longest manifest id (a slug of a name of at most `NAME_MAX_CHARS`, and "-NN").
const MAX_ID: usize = 100;

/// Whether a text is an id the collection makes: a slug (`collection::slug`), possibly with "-2", "-3"….
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && !id.starts_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether a text is a BLAKE3 hash as the collection writes it (64 lower-case hexadecimal digits).
pub fn is_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether a text is a plain file name (no folder, not `.` or `..`, no control characters).
pub fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.chars().any(|c| c == '/' || c == '\\' || c.is_control())
}

/// Longest name a manifest may hold (an add names a model in at most `NAME_MAX_CHARS`; older adds took a file's
/// whole stem).
pub const MAX_NAME: usize = 200;

/// Whether a text is a name a person gave a model: 1 to `max` characters, none of them a control character or an
/// invisible format character (`design::is_invisible_format`), not only spaces.
pub fn is_name(name: &str, max: usize) -> bool {
    !name.trim().is_empty()
        && name.chars().count() <= max
        && !name.chars().any(|c| c.is_control() || crate::design::is_invisible_format(c))
}

/// A field's path as the file writes it (`setup.stones[3].piece`), and its steps.
struct Field<'a> {
    steps: Vec<Step<'a>>,
}

impl<'a> Field<'a> {
    fn at(steps: &[Step<'a>]) -> Field<'a> {
        Field { steps: steps.to_vec() }
    }

    fn name(&self) -> String {
        let mut name = String::new();
        for step in &self.steps {
            match step {
                Step::Field(field) if name.is_empty() => name.push_str(field),
                Step::Field(field) => name.push_str(&format!(".{field}")),
                Step::Item(index) => name.push_str(&format!("[{index}]")),
                Step::Some => {}
            }
        }
        name
    }

    fn problem(self, text: &str, problem: FieldProblem) -> ManifestProblem {
        let (line, column) = locate(text, &self.steps);
        ManifestProblem::Field { field: self.name(), line, column, problem }
    }
}

/// A number that must be finite and within `min..=max`.
fn in_range(value: f32, min: f32, max: f32) -> Result<(), FieldProblem> {
    if !value.is_finite() {
        return Err(FieldProblem::NotANumber { value });
    }
    if !(min..=max).contains(&value) {
        return Err(FieldProblem::OutOfRange { value, min, max });
    }
    Ok(())
}

/// A lowest–highest pair within `min..=max`.
fn range_in(pair: (f32, f32), min: f32, max: f32) -> Result<(), (usize, FieldProblem)> {
    in_range(pair.0, min, max).map_err(|p| (0, p))?;
    in_range(pair.1, min, max).map_err(|p| (1, p))?;
    if pair.0 > pair.1 { Err((1, FieldProblem::Reversed)) } else { Ok(()) }
}

/// Whether the columns make a rotation: unit length, at right angles, a right-handed frame (a mirror would turn
/// the model inside out).
fn is_rotation(turn: &[[f32; 3]; 3]) -> bool {
    let m = glam::Mat3::from_cols_array_2d(turn);
    let unit = |v: glam::Vec3| (v.length() - 1.0).abs() < 1e-3;
    unit(m.x_axis)
        && unit(m.y_axis)
        && unit(m.z_axis)
        && m.x_axis.dot(m.y_axis).abs() < 1e-3
        && m.y_axis.dot(m.z_axis).abs() < 1e-3
        && m.x_axis.dot(m.z_axis).abs() < 1e-3
        && m.determinant() > 0.0
}

/// Checks every field of a manifest read from `text`; the first wrong one is told with its place.
pub fn check(manifest: &Manifest, text: &str) -> Result<(), ManifestProblem> {
    use Step::{Field as F, Item as I};
    let wrong = |steps: &[Step], problem| Err(Field::at(steps).problem(text, problem));
    if !is_id(&manifest.id) {
        return wrong(&[F("id")], FieldProblem::NotAnId { found: manifest.id.clone() });
    }
    if !is_name(&manifest.name, MAX_NAME) {
        return wrong(&[F("name")], FieldProblem::NotAName { max: MAX_NAME });
    }
    if !is_file_name(&manifest.original_file) {
        return wrong(&[F("original_file")], FieldProblem::NotAFileName { found: manifest.original_file.clone() });
    }
    if !is_hash(&manifest.hash) {
        return wrong(&[F("hash")], FieldProblem::NotAHash);
    }
    if !matches!(manifest.extension.as_str(), "glb" | "gltf") {
        return wrong(&[F("extension")], FieldProblem::NotAnExtension { found: manifest.extension.clone() });
    }
    let setup = &manifest.setup;
    let s = F("setup");
    if let Err(problem) = in_range(setup.scale_to_mm, 1e-6, 1e6) {
        return wrong(&[s, F("scale_to_mm")], problem);
    }
    for (column, values) in setup.turn.iter().enumerate() {
        for (row, &value) in values.iter().enumerate() {
            if !value.is_finite() {
                return wrong(&[s, F("turn"), I(column), I(row)], FieldProblem::NotANumber { value });
            }
        }
    }
    if !is_rotation(&setup.turn) {
        return wrong(&[s, F("turn")], FieldProblem::NotARotation);
    }
    for (axis, &value) in setup.origin_mm.iter().enumerate() {
        if let Err(problem) = in_range(value, -1000.0, 1000.0) {
            return wrong(&[s, F("origin_mm"), I(axis)], problem);
        }
    }
    if let Some(diameter) = setup.inner_diameter_mm
        && let Err(problem) = in_range(diameter, 5.0, 40.0)
    {
        return wrong(&[s, F("inner_diameter_mm"), Step::Some], problem);
    }
    let parts = setup.parts.len();
    for (index, stone) in setup.stones.iter().enumerate() {
        let here = [s, F("stones"), I(index)];
        match setup.parts.get(stone.part) {
            None => {
                return wrong(
                    &[&here[..], &[F("part")]].concat(),
                    FieldProblem::NoSuchPart { part: stone.part, parts },
                );
            }
            Some(part) if part.role != PartUse::Stone => {
                return wrong(&[&here[..], &[F("part")]].concat(), FieldProblem::NotStones { part: stone.part });
            }
            Some(_) => {}
        }
        if let Err(problem) = in_range(stone.size_mm, 0.05, 100.0) {
            return wrong(&[&here[..], &[F("size_mm")]].concat(), problem);
        }
    }
    let a = F("allowed");
    let (eu_min, eu_max) = (crate::design::ring_size::EU_MIN, crate::design::ring_size::EU_MAX);
    if let Err((item, problem)) = range_in(manifest.allowed.ring_sizes_mm, eu_min, eu_max) {
        return wrong(&[a, F("ring_sizes_mm"), I(item)], problem);
    }
    if let Some(centre) = manifest.allowed.centre_mm
        && let Err((item, problem)) = range_in(centre, 0.5, 50.0)
    {
        return wrong(&[a, F("centre_mm"), Step::Some, I(item)], problem);
    }
    if let Some(made_from) = &manifest.made_from {
        let m = F("made_from");
        for (field, id) in [("band", &made_from.band), ("head", &made_from.head)] {
            if !is_id(id) {
                return wrong(&[m, F(field)], FieldProblem::NotAnId { found: id.clone() });
            }
        }
        if let Err(problem) = in_range(made_from.head_at_mm, -100.0, 100.0) {
            return wrong(&[m, F("head_at_mm")], problem);
        }
    }
    Ok(())
}

/// Each stone's piece checked against the pieces its part has in the model (known once the model is read):
/// `pieces[part]` is how many connected pieces part `part` has.
pub fn check_pieces(manifest: &Manifest, text: &str, pieces: &[usize]) -> Result<(), ManifestProblem> {
    for (index, stone) in manifest.setup.stones.iter().enumerate() {
        let count = pieces.get(stone.part).copied().unwrap_or(0);
        if stone.piece >= count {
            let steps = [Step::Field("setup"), Step::Field("stones"), Step::Item(index), Step::Field("piece")];
            return Err(
                Field::at(&steps).problem(text, FieldProblem::NoSuchPiece { piece: stone.piece, pieces: count })
            );
        }
    }
    Ok(())
}
