//! Analysing a house's model (no Bevy): what each part is (its names read by `classify`, the designer's corrections over them),
//! what the model is (a ring, a band alone, a head alone, a stone alone), its units (from what it is: a lone stone
//! 2.6 units wide is a 2.6 mm stone), the turn that puts it in Écrin's frame, and each stone's seat, cut family and
//! size. The result is a proposal (`HouseSetup`) the designer corrects in the import dialog.

use super::classify::{Reason, classify};
use super::read::RawPart;
use super::shape::{cut_family, finger_circle, has_finger_hole, table_normal};
use super::{HouseSetup, ModelKind, PartSetup, PartUse, StoneSeat, StoneSetup, Zone};
use crate::geometry::mesh::MeshData;
use crate::geometry::mesh::connected_pieces;
use glam::{Mat3, Vec3};

/// A ring in two metals whose names do not say which is the head's: the metal whose parts lie nearest the centre
/// stone is the head's (a white-gold head on a rose band), the other the band's.
fn two_tone_head(
    parts: &[RawPart],
    mut uses: Vec<PartUse>,
    stone: Option<Vec3>,
    reasons: &mut [Reason],
) -> Vec<PartUse> {
    let metals: Vec<usize> = (0..parts.len()).filter(|&i| matches!(uses[i], PartUse::Metal(_))).collect();
    let named_head = metals.iter().any(|&i| uses[i] == PartUse::Metal(Zone::Head));
    let mut materials: Vec<&str> = metals.iter().map(|&i| parts[i].material.name.as_str()).collect();
    materials.sort_unstable();
    materials.dedup();
    let (Some(stone), false, 2) = (stone, named_head, materials.len()) else { return uses };
    let distance = |material: &str| {
        metals
            .iter()
            .filter(|&&i| parts[i].material.name == material)
            .map(|&i| {
                let (lo, hi) = parts[i].mesh.bounds();
                ((lo + hi) / 2.0).distance(stone)
            })
            .fold(f32::MAX, f32::min)
    };
    let head = if distance(materials[0]) < distance(materials[1]) { materials[0] } else { materials[1] };
    for &i in &metals {
        if parts[i].material.name == head && reasons[i] != Reason::Corrected {
            uses[i] = PartUse::Metal(Zone::Head);
            reasons[i] = Reason::NearestTheStone;
        }
    }
    uses
}

/// Bounds of a set of meshes.
fn bounds<'a>(meshes: impl Iterator<Item = &'a MeshData>) -> Option<(Vec3, Vec3)> {
    meshes.filter(|m| !m.positions.is_empty()).map(MeshData::bounds).reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The turn (file axes → studio axes) that puts a ring's finger along Z and its head up (+Y): the finger runs
/// along the metal's smallest extent; up points from the metal's middle to `towards` (the stones), else along the
/// larger remaining extent.
fn ring_turn(metal: (Vec3, Vec3), towards: Option<Vec3>) -> Mat3 {
    let extent = metal.1 - metal.0;
    let centre = (metal.0 + metal.1) / 2.0;
    let axes = [Vec3::X, Vec3::Y, Vec3::Z];
    let finger = (0..3).min_by(|&a, &b| extent[a].total_cmp(&extent[b])).unwrap_or(2);
    let others: Vec<usize> = (0..3).filter(|&a| a != finger).collect();
    let (up, sign) = match towards {
        Some(point) => {
            let offset = point - centre;
            let up = if offset[others[0]].abs() >= offset[others[1]].abs() { others[0] } else { others[1] };
            (up, if offset[up] < 0.0 { -1.0 } else { 1.0 })
        }
        None => (if extent[others[0]] >= extent[others[1]] { others[0] } else { others[1] }, 1.0),
    };
    turn_from(axes[up] * sign, axes[finger])
}

/// The rotation taking `up` to +Y and `along` (made perpendicular) to +Z.
fn turn_from(up: Vec3, along: Vec3) -> Mat3 {
    let y = up.normalize_or(Vec3::Y);
    let z = (along - y * along.dot(y)).normalize_or(y.any_orthonormal_vector());
    let x = y.cross(z);
    Mat3::from_cols(x, y, z).transpose()
}

/// A unit a model may be drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Millimetre,
    Centimetre,
    Metre,
    Inch,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Millimetre, Unit::Centimetre, Unit::Metre, Unit::Inch];

    /// Its symbol, as stored in a manifest and typed after `--units`.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Millimetre => "mm",
            Unit::Centimetre => "cm",
            Unit::Metre => "m",
            Unit::Inch => "in",
        }
    }

    /// Millimetres in one of it.
    pub fn millimetres(self) -> f32 {
        match self {
            Unit::Millimetre => 1.0,
            Unit::Centimetre => 10.0,
            Unit::Metre => 1000.0,
            Unit::Inch => 25.4,
        }
    }

    /// The unit a symbol names.
    pub fn from_symbol(symbol: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.symbol() == symbol)
    }
}

/// A ring's inner diameter someone can wear, mm: EU sizes 38 to 76 are 12.1 to 24.2 mm (`design::ring_size`), with
/// half a millimetre either side for a model drawn at a size just outside them.
pub const WEARABLE_INNER_MM: std::ops::RangeInclusive<f32> = 11.6..=24.7;

/// The units that make a model of this kind a plausible size, from its largest extent (`extent`) and, for a ring or
/// a band, the diameter of its finger hole (`inner`, both in the file's units): a ring's must be one someone can
/// wear (`WEARABLE_INNER_MM`); without a hole, its extent says.
pub fn units_for(kind: ModelKind, extent: f32, inner: Option<f32>) -> Option<Unit> {
    let plausible = match kind {
        ModelKind::Ring | ModelKind::Band => 14.0..=45.0,
        ModelKind::Head => 2.5..=30.0,
        ModelKind::Stone => 0.8..=25.0,
    };
    Unit::ALL.into_iter().find(|unit| match (kind, inner) {
        (ModelKind::Ring | ModelKind::Band, Some(inner)) => WEARABLE_INNER_MM.contains(&(inner * unit.millimetres())),
        _ => plausible.contains(&(extent * unit.millimetres())),
    })
}

/// How a model's size is given instead of read: its units, the inner diameter its ring has (any scale), or the
/// factor to millimetres itself (a setup kept as the designer left it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GivenScale {
    Units(Unit),
    InnerDiameterMm(f32),
    Factor(f32),
}

/// The units a factor to millimetres names ("cm" for 10), else the factor itself ("× 0.2540").
fn scale_label(scale: f32) -> String {
    let named = Unit::ALL.into_iter().find(|u| (u.millimetres() / scale - 1.0).abs() < 1e-3);
    named.map_or_else(|| format!("× {scale:.4}"), |u| u.symbol().to_string())
}

/// What a designer (the import dialog) or a script (`collection add --as … --units … --part …`) says instead of
/// what Écrin reads: each part's use (by index; `None`: as read), what the model is, its scale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corrections {
    pub uses: Vec<Option<PartUse>>,
    /// Uses by a part's node, mesh or material name (any case); every part of that name takes it.
    pub named: Vec<(String, PartUse)>,
    pub kind: Option<ModelKind>,
    pub scale: Option<GivenScale>,
}

impl Corrections {
    /// Every part's use as given (the import dialog's list, one per part).
    pub fn with_uses(uses: &[PartUse]) -> Self {
        Corrections { uses: uses.iter().copied().map(Some).collect(), ..Default::default() }
    }
}

/// Why a model cannot be analysed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnalysisError {
    #[error("no part is metal or stone: name the parts' materials, or choose in the import dialog")]
    NothingKnown,
    #[error("cannot tell the units: the model is {extent} units across, which is no size for a {}", kind.word())]
    Units { extent: f32, kind: ModelKind },
    /// A ring whose finger hole is no size someone can wear in any unit: its size must be given.
    #[error(
        "no unit makes this ring one someone can wear: its finger hole is {inner} units across; give its inner \
         diameter (--inner-diameter MM) or its units (--units)"
    )]
    Unwearable { inner: f32, kind: ModelKind },
    /// An inner diameter given for a model with no finger hole found.
    #[error("an inner diameter was given, but the model has no finger hole to measure (a head or a stone?)")]
    NoFingerHole,
    #[error("no part is named “{name}” (its node, mesh or material)")]
    NoPartNamed { name: String },
    #[error("a scale of {given} is no scale")]
    GivenScale { given: f32 },
    /// An inner diameter given, or made by the units given, that no one wears.
    #[error("an inner diameter of {given} mm is no ring size (12.1 to 24.2 mm: EU 38 to 76)")]
    GivenDiameter { given: f32 },
}

/// Each part's use as corrected: by index, else by name (a name no part has is an error: a script's typo).
pub fn given_uses(parts: &[RawPart], corrections: &Corrections) -> Result<Vec<Option<PartUse>>, AnalysisError> {
    let mut given: Vec<Option<PartUse>> =
        (0..parts.len()).map(|i| corrections.uses.get(i).copied().flatten()).collect();
    for (name, use_) in &corrections.named {
        let named =
            |p: &RawPart| [&p.node, &p.mesh_name, &p.material.name].iter().any(|n| n.eq_ignore_ascii_case(name));
        let mut found = false;
        for (slot, part) in given.iter_mut().zip(parts) {
            if named(part) {
                *slot = Some(*use_);
                found = true;
            }
        }
        if !found {
            return Err(AnalysisError::NoPartNamed { name: name.clone() });
        }
    }
    Ok(given)
}

/// Each part's use and its reason, part by part: the designer's word where given, else what the file's signals say
/// (`classify`), else left out. Before the model as a whole is read (the head's zone of a two-tone ring comes later).
pub fn part_uses(parts: &[RawPart], given: &[Option<PartUse>]) -> Vec<(PartUse, Reason)> {
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| match given.get(i).copied().flatten() {
            Some(given) => (given, Reason::Corrected),
            None => classify(&p.material, &p.mesh_name, &p.node).unwrap_or((PartUse::LeftOut, Reason::NothingSaid)),
        })
        .collect()
}

/// A model's analysis: the setup proposed, and why each part is what it is (one reason per part).
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub setup: HouseSetup,
    pub reasons: Vec<Reason>,
}

/// Proposes a setup for a model, with the designer's corrections applied over what the file says.
pub fn analyse(parts: &[RawPart], corrections: &Corrections) -> Result<Analysis, AnalysisError> {
    let given = given_uses(parts, corrections)?;
    let (uses, mut reasons): (Vec<PartUse>, Vec<Reason>) = part_uses(parts, &given).into_iter().unzip();
    let metal: Vec<&MeshData> =
        parts.iter().zip(&uses).filter(|(_, u)| matches!(u, PartUse::Metal(_))).map(|(p, _)| &p.mesh).collect();
    // Every stone, in a fixed order: part by part, connected piece by piece.
    let mut stones: Vec<(usize, usize, MeshData)> = Vec::new();
    for (index, (part, use_)) in parts.iter().zip(&uses).enumerate() {
        if *use_ == PartUse::Stone {
            stones.extend(connected_pieces(&part.mesh).into_iter().enumerate().map(|(n, m)| (index, n, m)));
        }
    }
    if metal.is_empty() && stones.is_empty() {
        return Err(AnalysisError::NothingKnown);
    }
    let volume = |m: &MeshData| m.volume().abs();
    let largest = stones.iter().enumerate().max_by(|a, b| volume(&a.1.2).total_cmp(&volume(&b.1.2))).map(|(i, _)| i);
    let all = bounds(metal.iter().copied().chain(stones.iter().map(|s| &s.2))).unwrap_or_default();
    let extent = (all.1 - all.0).max_element();
    // Turned so that a ring's finger runs along Z, or a stone's table faces up.
    let metal_bounds = bounds(metal.iter().copied());
    let centre_stone = largest.map(|i| &stones[i].2);
    let stone_centre = centre_stone.map(|s| {
        let (lo, hi) = s.bounds();
        (lo + hi) / 2.0
    });
    let ring_like = metal_bounds.map(|b| ring_turn(b, stone_centre)).filter(|&turn| has_finger_hole(&metal, turn));
    let kind = corrections.kind.unwrap_or(match (&ring_like, centre_stone) {
        (Some(_), Some(stone)) if (stone.bounds().1 - stone.bounds().0).max_element() > 0.15 * extent => {
            ModelKind::Ring
        }
        (Some(_), _) => ModelKind::Band,
        (None, _) if metal.is_empty() && stones.len() == 1 => ModelKind::Stone,
        (None, _) => ModelKind::Head,
    });
    // A ring given as one is turned as one even where no hole was found.
    let ring_like = match kind {
        ModelKind::Ring | ModelKind::Band => ring_like.or_else(|| metal_bounds.map(|b| ring_turn(b, stone_centre))),
        ModelKind::Head | ModelKind::Stone => None,
    };
    // The finger hole's diameter in the file's units (a ring's or a band's).
    let inner = ring_like.and_then(|turn| {
        let turned: Vec<MeshData> = metal.iter().map(|m| turned_by(m, turn, 1.0)).collect();
        finger_circle(&turned).map(|(_, radius)| 2.0 * radius).filter(|d| *d > 0.0)
    });
    let (units, scale) = match corrections.scale {
        // Units told for a ring are taken when they make it one someone can wear.
        Some(GivenScale::Units(unit)) => match inner.map(|inner| inner * unit.millimetres()) {
            Some(given) if !WEARABLE_INNER_MM.contains(&given) => return Err(AnalysisError::GivenDiameter { given }),
            _ => (unit.symbol().to_string(), unit.millimetres()),
        },
        Some(GivenScale::InnerDiameterMm(given)) => {
            if !WEARABLE_INNER_MM.contains(&given) {
                return Err(AnalysisError::GivenDiameter { given });
            }
            let inner = inner.ok_or(AnalysisError::NoFingerHole)?;
            (scale_label(given / inner), given / inner)
        }
        Some(GivenScale::Factor(scale)) if scale.is_finite() && scale > 0.0 => (scale_label(scale), scale),
        Some(GivenScale::Factor(given)) => return Err(AnalysisError::GivenScale { given }),
        None => match units_for(kind, extent, inner) {
            Some(unit) => (unit.symbol().to_string(), unit.millimetres()),
            None if matches!(kind, ModelKind::Ring | ModelKind::Band) && inner.is_some() => {
                return Err(AnalysisError::Unwearable { inner: inner.unwrap_or_default(), kind });
            }
            None => return Err(AnalysisError::Units { extent, kind }),
        },
    };
    let turn = match ring_like {
        Some(turn) => turn,
        None => {
            let up = centre_stone.and_then(table_normal).unwrap_or(Vec3::Y);
            // The stone's length runs along the finger, as Écrin shows heads on a ring.
            let along = centre_stone.map_or(Vec3::Z, |s| {
                let (lo, hi) = s.bounds();
                let e = hi - lo;
                [Vec3::X, Vec3::Y, Vec3::Z]
                    .into_iter()
                    .filter(|a| a.dot(up).abs() < 0.7)
                    .max_by(|a, b| e.dot(*a).total_cmp(&e.dot(*b)))
                    .unwrap_or(Vec3::Z)
            });
            turn_from(up, along)
        }
    };
    let place = |m: &MeshData| turned_by(m, turn, scale);
    let turned_metal: Vec<MeshData> = metal.iter().map(|m| place(m)).collect();
    let (origin, inner_diameter_mm) = match kind {
        ModelKind::Ring | ModelKind::Band => match finger_circle(&turned_metal) {
            Some((centre, radius)) => {
                let z = bounds(turned_metal.iter()).map_or(0.0, |(lo, hi)| (lo.z + hi.z) / 2.0);
                (Vec3::new(centre.x, centre.y, z), Some(2.0 * radius))
            }
            None => (Vec3::ZERO, None),
        },
        ModelKind::Head | ModelKind::Stone => {
            let turned =
                bounds(turned_metal.iter().chain(stones.iter().map(|s| place(&s.2)).collect::<Vec<_>>().iter()))
                    .unwrap_or_default();
            (Vec3::new((turned.0.x + turned.1.x) / 2.0, turned.0.y, (turned.0.z + turned.1.z) / 2.0), None)
        }
    };
    let centre_volume = largest.map_or(0.0, |i| volume(&stones[i].2));
    let stone_setups = stones
        .iter()
        .enumerate()
        .map(|(i, (part, piece, mesh))| {
            // Seen from above its own table (melee in a band face out, not up).
            let up = table_normal(mesh).unwrap_or(turn.transpose() * Vec3::Y);
            let (cut, length) = cut_family(mesh, up);
            let seat = if Some(i) == largest && kind != ModelKind::Band {
                StoneSeat::Centre
            } else if volume(mesh) > 0.2 * centre_volume {
                StoneSeat::Side
            } else {
                StoneSeat::Melee
            };
            StoneSetup { part: *part, piece: *piece, seat, cut, size_mm: length * scale }
        })
        .collect();
    let uses = two_tone_head(parts, uses, stone_centre, &mut reasons);
    let part_setups = parts
        .iter()
        .zip(&uses)
        .map(|(p, &role)| PartSetup {
            node: p.node.clone(),
            mesh: p.mesh_name.clone(),
            material: p.material.name.clone(),
            role,
        })
        .collect();
    let setup = HouseSetup {
        kind,
        units,
        scale_to_mm: scale,
        turn: turn.to_cols_array_2d(),
        origin_mm: origin.into(),
        inner_diameter_mm,
        parts: part_setups,
        stones: stone_setups,
    };
    Ok(Analysis { setup, reasons })
}

/// A mesh turned into Écrin's axes and scaled to millimetres.
fn turned_by(mesh: &MeshData, turn: Mat3, scale: f32) -> MeshData {
    MeshData {
        positions: mesh.positions.iter().map(|&p| (turn * Vec3::from(p) * scale).into()).collect(),
        normals: Vec::new(),
        indices: mesh.indices.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Cut, Setting, ShankStyle};
    use crate::geometry::house::read::MaterialSignals;
    use glam::Affine3A;

    fn part(node: &str, mesh_name: &str, material: MaterialSignals, mesh: MeshData) -> RawPart {
        RawPart { node: node.into(), mesh_name: mesh_name.into(), material, mesh }
    }

    fn named(name: &str) -> MaterialSignals {
        MaterialSignals { given: true, name: name.into(), roughness: 0.5, ..Default::default() }
    }

    /// A ring in millimetres: a 17 mm band, a four-prong head and a 6.5 mm oval on top, scaled by `scale`.
    fn ring(scale: f32, head: (&str, &str), stone: (&str, &str)) -> Vec<RawPart> {
        let top = crate::geometry::shank::band_top_mm(
            crate::geometry::shank::REFERENCE_INNER_DIAMETER_MM * std::f32::consts::PI,
        );
        let at = |m: MeshData, place: Affine3A| m.transformed(Affine3A::from_scale(Vec3::splat(scale)) * place);
        let head_at = Affine3A::from_scale_rotation_translation(Vec3::splat(6.5), glam::Quat::IDENTITY, Vec3::Y * top);
        let made = crate::geometry::ring::head(Setting::FourProng, Cut::Oval);
        let stone_at = head_at * Affine3A::from_translation(made.seat);
        let stone_mesh = crate::geometry::cut::unit_polyhedron(Cut::Oval).to_mesh();
        vec![
            part(
                "Shank",
                "Shank",
                named("18K Yellow Gold"),
                at(crate::geometry::shank::shank(ShankStyle::ComfortFit), Affine3A::IDENTITY),
            ),
            part(head.0, head.0, named(head.1), at(made.metal, head_at)),
            part(stone.0, stone.0, named(stone.1), at(stone_mesh, stone_at)),
        ]
    }

    fn uses(analysis: &Analysis) -> Vec<PartUse> {
        analysis.setup.parts.iter().map(|p| p.role).collect()
    }

    #[test]
    fn units_give_a_ring_someone_can_wear_or_ask_for_its_size() {
        let names = (("Prongs", "Rose Gold"), ("Centre", "Diamond"));
        for (scale, unit) in [(1.0, "mm"), (0.1, "cm"), (0.001, "m"), (1.0 / 25.4, "in")] {
            let parts = ring(scale, names.0, names.1);
            let found = analyse(&parts, &Corrections::default()).expect("a ring");
            assert_eq!((found.setup.kind, found.setup.units.as_str()), (ModelKind::Ring, unit), "{scale}");
            let inner = found.setup.inner_diameter_mm.expect("a finger hole");
            assert!((inner - 17.0).abs() < 0.3, "{unit}: {inner}");
            assert_eq!(uses(&found)[1], PartUse::Metal(Zone::Head), "prongs are the head's");
        }
        // Drawn at 1.64 × a wearable size (a 27.8 mm hole in cm): no unit makes it wearable; its size is asked.
        let parts = ring(0.164, names.0, names.1);
        assert!(matches!(analyse(&parts, &Corrections::default()), Err(AnalysisError::Unwearable { .. })));
        let given = Corrections { scale: Some(GivenScale::InnerDiameterMm(17.3)), ..Default::default() };
        let found = analyse(&parts, &given).expect("sized");
        assert!((found.setup.inner_diameter_mm.expect("hole") - 17.3).abs() < 0.05);
        assert!(found.setup.units.starts_with('×'), "{}", found.setup.units);
        let inches = Corrections { scale: Some(GivenScale::Units(Unit::Inch)), ..Default::default() };
        let error = analyse(&parts, &inches).expect_err("no one wears a 71 mm ring");
        assert!(matches!(error, AnalysisError::GivenDiameter { given } if (given - 70.6).abs() < 1.0), "{error:?}");
        let mm = Corrections { scale: Some(GivenScale::Units(Unit::Millimetre)), ..Default::default() };
        assert!(analyse(&ring(1.0, names.0, names.1), &mm).is_ok());
        let huge = Corrections { scale: Some(GivenScale::InnerDiameterMm(40.0)), ..Default::default() };
        assert_eq!(analyse(&parts, &huge), Err(AnalysisError::GivenDiameter { given: 40.0 }));
    }

    #[test]
    fn corrections_by_name_and_kind_win() {
        let parts = ring(1.0, ("Oval", "Material.002"), ("Centre", "Material.003"));
        let found = analyse(&parts, &Corrections::default()).expect("a ring of named shank");
        assert_eq!(uses(&found)[1..], [PartUse::LeftOut, PartUse::LeftOut]);
        assert_eq!(found.reasons[1], Reason::NothingSaid);
        let named = vec![("oval".to_string(), PartUse::Metal(Zone::Head)), ("CENTRE".into(), PartUse::Stone)];
        let corrected = analyse(&parts, &Corrections { named, ..Default::default() }).expect("corrected");
        assert_eq!(uses(&corrected), [PartUse::Metal(Zone::Band), PartUse::Metal(Zone::Head), PartUse::Stone]);
        assert_eq!(corrected.reasons[1..], [Reason::Corrected, Reason::Corrected]);
        let typo = vec![("Ovale".to_string(), PartUse::Stone)];
        let error = analyse(&parts, &Corrections { named: typo, ..Default::default() });
        assert_eq!(error, Err(AnalysisError::NoPartNamed { name: "Ovale".into() }));
        let as_band = analyse(&parts, &Corrections { kind: Some(ModelKind::Band), ..Default::default() });
        assert_eq!(as_band.expect("a band").setup.kind, ModelKind::Band);
    }
}
