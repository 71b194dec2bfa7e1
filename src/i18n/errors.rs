//! The core's errors in the reader's language: "Le fichier bague.ron, ligne 3, colonne 12 : …". The core's own
//! `Display` (English, for logs and tools) stays as it is; what a person reads in the studio comes from here. A
//! third party's words inside an error (the RON parser's, the system's) are quoted as they come.

use super::{Arg, Language, format};
use crate::collection::CollectionError;
use crate::collection::check::FieldProblem;
use crate::collection::combine::CombineProblem;
use crate::collection::manifest::{HouseRule, ManifestProblem};
use crate::design::DesignError;
use crate::design::preset::{OLDEST_READABLE_VERSION, PRESET_VERSION, PresetError};
use crate::geometry::house::analyse::AnalysisError;
use crate::geometry::house::inspect::ImportProblem;
use crate::geometry::house::read::{
    BufferProblem, MAX_FILE_BYTES, MAX_NODE_DEPTH, MAX_NODE_INSTANCES, MAX_TRIANGLES, ReadError,
};
use crate::tr;

/// What went wrong, said in a language, made when it is shown (the status line follows a change of language).
#[derive(Clone)]
pub struct Said(std::sync::Arc<dyn Fn(Language) -> String + Send + Sync>);

impl Said {
    pub fn new(words: impl Fn(Language) -> String + Send + Sync + 'static) -> Said {
        Said(std::sync::Arc::new(words))
    }

    /// A message of the locale files with its arguments.
    pub fn message(key: &'static str, args: Vec<(&'static str, Arg)>) -> Said {
        Said::new(move |l| l.tr_with(key, &args))
    }

    /// Words that come already made (a child process's last line, a third party's message): shown as they are.
    pub fn as_written(text: impl Into<String>) -> Said {
        let text = text.into();
        Said::new(move |_| text.clone())
    }

    pub fn in_language(&self, language: Language) -> String {
        (self.0)(language)
    }
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.in_language(Language::English))
    }
}

/// `Said::message` with named arguments: `said!("key", name = value, …)`.
#[macro_export]
macro_rules! said {
    ($key:literal) => {
        $crate::i18n::errors::Said::message($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::errors::Said::message($key, vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

impl DesignError {
    /// A design a bench cannot make, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        design_error_written(l, error, None)
    }
}

/// A design a bench cannot make, with the refused value as its file writes it ("1e39"), when it is known.
fn design_error_written(l: Language, error: &DesignError, written: Option<&str>) -> String {
    let mm = |v: f32| format::millimetres(l, v, 2);
    let n = |v: f32| format::number(l, f64::from(v), 0);
    // A value refused is shown as the file has it: rounded, 37.999 would read "38.00 mm is outside 38 to 76".
    let given = |v: f32| tr!(l, "unit-mm", value = written.map_or_else(|| format::as_written(l, v), str::to_string));
    match error {
        DesignError::StoneSize { value, min, max } => {
            tr!(l, "error-stone-size", value = given(*value), min = mm(*min), max = mm(*max))
        }
        DesignError::ThreeStoneSize { value, max } => {
            tr!(l, "error-three-stone-size", value = given(*value), max = mm(*max))
        }
        DesignError::RingSize { value, min, max } => {
            tr!(l, "error-ring-size", value = given(*value), min = n(*min), max = n(*max))
        }
        DesignError::EngravingTooLong { count, max } => tr!(l, "error-engraving-length", count = *count, max = *max),
        DesignError::EngravingCharacter(c) => tr!(l, "error-engraving-character", character = c.to_string()),
        DesignError::Name { max } => tr!(l, "error-name", max = *max),
        DesignError::ChainLength { value, min, max } => {
            tr!(l, "error-chain-length", value = given(*value), min = mm(*min), max = mm(*max))
        }
        DesignError::Carat(value) => tr!(l, "error-carat", value = format::as_written(l, *value)),
        DesignError::VariantCount { count, max } => tr!(l, "error-variant-count", count = *count, max = *max),
        DesignError::NoVariant(index) => tr!(l, "error-no-variant", variant = (index + 1).to_string()),
        DesignError::LastVariant => tr!(l, "error-last-variant"),
    }
}

impl PresetError {
    /// A preset that cannot be read or saved, in a language: the file, the line and column where it is known, what.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        let at = |path: &str, line: &usize, column: &usize, what: String| {
            tr!(l, "error-at", file = path, line = line.to_string(), column = column.to_string(), what = what)
        };
        let whole = |path: &str, what: String| tr!(l, "error-in-file", file = path, what = what);
        match error {
            PresetError::Read { path, source } => whole(path, tr!(l, "error-cannot-read", reason = source.to_string())),
            PresetError::Empty { path } => whole(path, tr!(l, "error-empty")),
            PresetError::TooLarge { path, size, max } => {
                whole(path, tr!(l, "error-too-large", size = size.to_string(), max = max.to_string()))
            }
            PresetError::NotUtf8 { path, line, column, byte } => {
                at(path, line, column, tr!(l, "error-not-utf8", byte = format!("0x{byte:02x}")))
            }
            PresetError::Syntax { path, line, column, message } => at(path, line, column, message.clone()),
            PresetError::MissingVersion { path } => whole(path, tr!(l, "error-no-version", version = PRESET_VERSION)),
            PresetError::UnsupportedVersion { path, line, column, found } => at(
                path,
                line,
                column,
                tr!(l, "error-version", found = *found, oldest = OLDEST_READABLE_VERSION, newest = PRESET_VERSION),
            ),
            PresetError::Invalid { path, line, column, source, written } => {
                at(path, line, column, design_error_written(l, source, written.as_deref()))
            }
            PresetError::Write { path, source } => {
                whole(path, tr!(l, "error-cannot-save", reason = source.to_string()))
            }
            PresetError::NotSaved { path, source } => {
                whole(path, tr!(l, "error-not-makeable", reason = source.in_language(l)))
            }
        }
    }
}

impl crate::png::PngError {
    /// A picture that could not be written, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        use crate::png::PngError;
        match error {
            PngError::Encode(reason) => tr!(l, "error-png-encode", reason = reason.to_string()),
            PngError::EncodePrint(reason) => tr!(l, "error-png-encode", reason = reason.to_string()),
            PngError::Write { path, source } => {
                tr!(l, "error-in-file", file = path, what = tr!(l, "error-cannot-write", reason = source.to_string()))
            }
        }
    }
}

impl crate::estimate::price::PriceError {
    /// Why the price list gives no price, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        use crate::estimate::price::PriceError;
        match error {
            PriceError::Read { path, problem } => {
                use crate::estimate::price::ListProblem;
                let what = match problem {
                    ListProblem::Unreadable(reason) => tr!(l, "error-cannot-read", reason = reason),
                    ListProblem::Syntax { line, column, reason } => {
                        tr!(l, "error-syntax-at", line = line.to_string(), column = column.to_string(), reason = reason)
                    }
                    ListProblem::Version { found } => tr!(l, "error-newer-version", found = *found, supported = 1u32),
                    ListProblem::Value { field, line, column, value, min, max } => tr!(
                        l,
                        "error-syntax-at",
                        line = line.to_string(),
                        column = column.to_string(),
                        reason = tr!(
                            l,
                            "error-manifest-field",
                            field = field,
                            problem =
                                field_problem(l, &FieldProblem::OutOfRange { value: *value, min: *min, max: *max })
                        )
                    ),
                };
                tr!(l, "error-in-file", file = path, what = what)
            }
            PriceError::NoMetalPrice(alloy) => tr!(l, "error-no-metal-price", alloy = l.term(*alloy)),
            PriceError::NoStonePrice { species, carats } => {
                tr!(l, "error-no-stone-price", carats = format::carats(l, *carats), species = l.term(*species))
            }
            PriceError::NoWeight => tr!(l, "error-no-weight"),
            PriceError::NoStoneWeight => tr!(l, "error-no-stone-weight"),
        }
    }
}

impl HouseRule {
    /// A rule of the house's that a design breaks, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let rule = self;
        let n = |v: f32| format::number(l, f64::from(v), 0);
        let mm = |v: f32| format::millimetres(l, v, 2);
        match rule {
            HouseRule::RingSize { model, size, min, max } => {
                tr!(l, "rule-ring-size", model = model, size = n(*size), min = n(*min), max = n(*max))
            }
            HouseRule::CentreSpecies { model, species, allowed } => {
                let allowed = allowed.iter().map(|&s| l.term(s)).collect::<Vec<_>>().join(", ");
                tr!(l, "rule-centre-species", model = model, species = l.term_in_sentence(*species), allowed = allowed)
            }
            HouseRule::CentreSize { model, size, allowed: Some((min, max)), .. } => {
                tr!(l, "rule-centre-size-range", model = model, size = mm(*size), min = mm(*min), max = mm(*max))
            }
            HouseRule::CentreSize { model, size, allowed: None, modelled } => {
                tr!(l, "rule-centre-size-modelled", model = model, size = mm(*size), modelled = mm(*modelled))
            }
        }
    }
}

impl ReadError {
    /// A model that cannot be read, in a language (the system's and the glTF reader's own words quoted).
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        let whole = |file: &str, what: String| tr!(l, "error-in-file", file = file, what = what);
        match error {
            ReadError::Io { file, source } => whole(file, tr!(l, "error-cannot-read", reason = source.to_string())),
            ReadError::TooLarge { file, size } => {
                let (size, max) = (size.to_string(), MAX_FILE_BYTES.to_string());
                whole(file, tr!(l, "error-model-too-large", size = size, max = max))
            }
            ReadError::NotGltf { file, message } => whole(file, tr!(l, "error-not-gltf", reason = message)),
            ReadError::DeclaredLength { file, declared, size } => {
                whole(file, tr!(l, "error-glb-length", declared = declared.to_string(), size = size.to_string()))
            }
            ReadError::Undeclared { file, declared, carried } => whole(
                file,
                tr!(l, "error-glb-undeclared", declared = declared.to_string(), carried = carried.to_string()),
            ),
            ReadError::Buffer { file, index, problem } => {
                whole(file, tr!(l, "error-buffer", index = index.to_string(), reason = buffer_problem(l, problem)))
            }
            ReadError::TooManyTriangles { file, count } => {
                let (count, max) = (count.to_string(), MAX_TRIANGLES.to_string());
                whole(file, tr!(l, "error-too-many-triangles", count = count, max = max))
            }
            ReadError::Empty { file } => whole(file, tr!(l, "error-no-triangles")),
            ReadError::TooDeep { file } => {
                whole(file, tr!(l, "error-nodes-too-deep", max = MAX_NODE_DEPTH.to_string()))
            }
            ReadError::TooManyNodes { file } => {
                whole(file, tr!(l, "error-too-many-nodes", max = MAX_NODE_INSTANCES.to_string()))
            }
        }
    }
}

impl ImportProblem {
    /// What `ecrin inspect` found in a model, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let problem = self;
        let number = |n: f32, digits: u8| format::number(l, f64::from(n), digits);
        match problem {
            ImportProblem::Unreadable { reason } => tr!(l, "error-cannot-read", reason = reason),
            ImportProblem::TooLarge { size, max } => {
                tr!(l, "error-model-too-large", size = size.to_string(), max = max.to_string())
            }
            ImportProblem::NotGltf { reason } => tr!(l, "error-not-gltf", reason = reason),
            ImportProblem::DeclaredLength { declared, size } => {
                tr!(l, "error-glb-length", declared = declared.to_string(), size = size.to_string())
            }
            ImportProblem::Undeclared { declared, carried } => {
                tr!(l, "error-glb-undeclared", declared = declared.to_string(), carried = carried.to_string())
            }
            ImportProblem::Buffer { index, what } => {
                tr!(l, "error-buffer", index = index.to_string(), reason = buffer_problem(l, what))
            }
            ImportProblem::NoMeshes => tr!(l, "error-no-triangles"),
            ImportProblem::TooManyTriangles { count, max } => {
                tr!(l, "error-too-many-triangles", count = count.to_string(), max = max.to_string())
            }
            ImportProblem::TooDeep { max } => tr!(l, "error-nodes-too-deep", max = max.to_string()),
            ImportProblem::TooManyNodes { max } => tr!(l, "error-too-many-nodes", max = max.to_string()),
            ImportProblem::NothingKnown => tr!(l, "error-nothing-known"),
            ImportProblem::UnknownUnits { extent, kind } => {
                tr!(l, "error-units", extent = number(*extent, 1), kind = l.term_in_sentence(*kind))
            }
            ImportProblem::Unwearable { inner, .. } => tr!(l, "error-units-unwearable", inner = number(*inner, 3)),
            ImportProblem::NoFingerHole => tr!(l, "error-no-finger-hole"),
            ImportProblem::GivenDiameter { given } => {
                tr!(l, "error-given-diameter", given = format::millimetres(l, *given, 2))
            }
            ImportProblem::GivenScale { given } => tr!(l, "error-given-scale", given = given.to_string()),
            ImportProblem::NoPartNamed { name } => tr!(l, "error-no-part-named", name = name),
            ImportProblem::MissingTexture { uri } => tr!(l, "error-texture-missing", uri = uri),
            ImportProblem::TextureOutsideFolder { uri } => tr!(l, "error-buffer-outside", uri = uri),
            ImportProblem::UnclassifiedPart { mesh, material } => {
                tr!(l, "error-part-unclassified", mesh = mesh, material = material)
            }
            ImportProblem::NoMetal => tr!(l, "error-no-metal-part"),
        }
    }
}

impl AnalysisError {
    /// What the analysis of a model could not tell, in a language.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        match error {
            AnalysisError::NothingKnown => tr!(l, "error-nothing-known"),
            AnalysisError::Units { extent, kind } => {
                tr!(
                    l,
                    "error-units",
                    extent = format::number(l, f64::from(*extent), 1),
                    kind = l.term_in_sentence(*kind)
                )
            }
            AnalysisError::Unwearable { inner, .. } => {
                tr!(l, "error-units-unwearable", inner = format::number(l, f64::from(*inner), 3))
            }
            AnalysisError::NoFingerHole => tr!(l, "error-no-finger-hole"),
            AnalysisError::GivenDiameter { given } => {
                tr!(l, "error-given-diameter", given = format::millimetres(l, *given, 2))
            }
            AnalysisError::GivenScale { given } => tr!(l, "error-given-scale", given = given.to_string()),
            AnalysisError::NoPartNamed { name } => tr!(l, "error-no-part-named", name = name),
        }
    }
}

impl CollectionError {
    /// A collection operation that failed, in a language: the model or the file, and what to do.
    pub fn in_language(&self, l: Language) -> String {
        let error = self;
        match error {
            CollectionError::Read(error) => error.in_language(l),
            CollectionError::Analysis { file, source } => {
                tr!(l, "error-in-file", file = file, what = source.in_language(l))
            }
            CollectionError::Manifest { path, problem } => {
                tr!(l, "error-in-file", file = path, what = manifest_problem(l, problem))
            }
            CollectionError::Io { path, source } => tr!(l, "error-in-file", file = path, what = source.to_string()),
            CollectionError::NotFound { id, folder } => tr!(l, "error-model-not-found", id = id, folder = folder),
            CollectionError::Changed { id, name } => tr!(l, "error-model-changed", id = id, name = name),
            CollectionError::NotAModel { path } => {
                tr!(l, "error-in-file", file = path, what = tr!(l, "error-not-a-model"))
            }
            CollectionError::Cancelled(name) => tr!(l, "error-loading-cancelled", name = name),
            CollectionError::Name { given, max } => {
                // Shown escaped (a control or direction character visible as its code) and cut: a name of 4 000
                // characters is not repeated whole.
                let escaped = given.escape_debug().to_string();
                let mut shown: String = escaped.chars().take(60).collect();
                if shown.len() < escaped.len() {
                    shown.push('…');
                }
                tr!(l, "error-model-name", given = shown, max = *max)
            }
            CollectionError::ManifestTooLarge { path, size, max } => tr!(
                l,
                "error-in-file",
                file = path,
                what = tr!(l, "error-manifest-too-large", size = size.to_string(), max = max.to_string())
            ),
            CollectionError::Combine { problem } => {
                let reason = match problem {
                    CombineProblem::WrongKind { id, wanted, found } => tr!(
                        l,
                        "error-combine-kind",
                        id = id,
                        wanted = l.term_in_sentence(*wanted),
                        found = l.term_in_sentence(*found)
                    ),
                    CombineProblem::NoTop { id } => tr!(l, "error-combine-no-top", id = id),
                    CombineProblem::Write { reason } => reason.clone(),
                };
                tr!(l, "error-cannot-combine", reason = reason)
            }
        }
    }
}

/// What is wrong with a model's buffer, in a language (the system's words quoted).
fn buffer_problem(l: Language, problem: &BufferProblem) -> String {
    match problem {
        BufferProblem::NoBinaryChunk => tr!(l, "error-buffer-no-chunk"),
        BufferProblem::NotAFile { uri } => tr!(l, "error-buffer-not-a-file", uri = uri),
        BufferProblem::BadDataUri { reason } => tr!(l, "error-buffer-data-uri", reason = reason),
        BufferProblem::TooLarge { uri, size } => {
            let too_large = tr!(l, "error-model-too-large", size = size.to_string(), max = MAX_FILE_BYTES.to_string());
            tr!(l, "error-buffer-unreadable", uri = uri, reason = too_large)
        }
        BufferProblem::OutsideFolder { uri } => tr!(l, "error-buffer-outside", uri = uri),
        BufferProblem::Unreadable { uri, reason } => tr!(l, "error-buffer-unreadable", uri = uri, reason = reason),
        BufferProblem::Short { found, declared } => {
            tr!(l, "error-buffer-short", found = found.to_string(), declared = declared.to_string())
        }
    }
}

/// What is wrong with a manifest, in a language (the RON parser's words quoted).
/// What is wrong with one field of a manifest, in a language.
fn field_problem(l: Language, problem: &FieldProblem) -> String {
    let value = |v: &f32| format::as_written(l, *v);
    match problem {
        FieldProblem::NotANumber { value: v } => tr!(l, "error-field-not-a-number", value = value(v)),
        FieldProblem::OutOfRange { value: v, min, max } => {
            tr!(l, "error-field-range", value = value(v), min = value(min), max = value(max))
        }
        FieldProblem::Reversed => tr!(l, "error-field-reversed"),
        FieldProblem::NotARotation => tr!(l, "error-field-rotation"),
        FieldProblem::NotAHash => tr!(l, "error-field-hash"),
        FieldProblem::NotAnExtension { found } => tr!(l, "error-field-extension", found = found),
        FieldProblem::NotAFileName { found } => tr!(l, "error-field-file-name", found = found),
        FieldProblem::NotAnId { found } => tr!(l, "error-field-id", found = found),
        FieldProblem::NotAName { max } => tr!(l, "error-field-name", max = *max),
        FieldProblem::NoSuchPart { part, parts } => tr!(l, "error-field-part", part = *part, parts = *parts),
        FieldProblem::NotStones { part } => tr!(l, "error-field-not-stones", part = *part),
        FieldProblem::NoSuchPiece { piece, pieces } => tr!(l, "error-field-piece", piece = *piece, pieces = *pieces),
    }
}

fn manifest_problem(l: Language, problem: &ManifestProblem) -> String {
    match problem {
        ManifestProblem::Syntax { line, column, reason } => {
            tr!(l, "error-syntax-at", line = line.to_string(), column = column.to_string(), reason = reason)
        }
        ManifestProblem::Version { found } => {
            tr!(l, "error-newer-version", found = *found, supported = crate::collection::manifest::MANIFEST_VERSION)
        }
        ManifestProblem::Field { field, line, column, problem } => tr!(
            l,
            "error-syntax-at",
            line = line.to_string(),
            column = column.to_string(),
            reason = tr!(l, "error-manifest-field", field = field, problem = field_problem(l, problem))
        ),
        ManifestProblem::PartCount { listed, found } => {
            tr!(l, "error-manifest-parts", listed = *listed, found = *found)
        }
        ManifestProblem::NotGltf { reason } => tr!(l, "error-not-gltf", reason = reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_preset_is_told_in_french_with_its_file_line_and_column() {
        let error = PresetError::Invalid {
            path: "bague.ron".into(),
            line: 3,
            column: 12,
            source: DesignError::StoneSize { value: 25.0, min: 2.0, max: 20.0 },
            written: None,
        };
        let nb = '\u{a0}';
        assert_eq!(
            error.in_language(Language::French),
            format!(
                "Le fichier bague.ron, ligne 3, colonne 12{nb}: la pierre mesure 25,00{nb}mm, hors de 2,00{nb}mm à 20,00{nb}mm"
            )
        );
        assert_eq!(
            error.in_language(Language::English),
            "bague.ron:3:12: stone length 25.00 mm is outside 2.00 mm to 20.00 mm"
        );
        let rule = HouseRule::CentreSpecies {
            model: "Lune".into(),
            species: crate::design::Species::Emerald,
            allowed: vec![crate::design::Species::Diamond, crate::design::Species::Ruby],
        };
        assert_eq!(
            rule.in_language(Language::French),
            format!(
                "«{nb}Lune{nb}»{nb}: la maison n’y sertit pas de pierre centrale en émeraude (elle permet{nb}: Diamant, Rubis)"
            )
        );
        let missing = CollectionError::NotFound { id: "lune".into(), folder: "/tmp/c".into() };
        assert!(
            missing.in_language(Language::French).starts_with("aucun modèle «"),
            "{}",
            missing.in_language(Language::French)
        );
        let said = Said::new(move |l| PresetError::Empty { path: "x.ron".into() }.in_language(l));
        assert_ne!(said.in_language(Language::French), said.in_language(Language::English), "made when shown");
    }
}
