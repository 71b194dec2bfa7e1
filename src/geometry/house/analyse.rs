//! Analysing a house's model (no Bevy): what each part is (metal of the band or the head, a stone, or left out),
//! what the model is (a ring, a band alone, a head alone, a stone alone), its units (from what it is: a lone stone
//! 2.6 units wide is a 2.6 mm stone), the turn that puts it in Écrin's frame, and each stone's seat, cut family and
//! size. The result is a proposal (`HouseSetup`) the designer corrects in the import dialog.

use super::read::{MaterialSignals, RawPart};
use super::shape::{cut_family, finger_circle, has_finger_hole, table_normal};
use super::{HouseSetup, ModelKind, PartSetup, PartUse, StoneSeat, StoneSetup, Zone};
use crate::design::Alloy;
use crate::geometry::mesh::MeshData;
use crate::geometry::mesh::connected_pieces;
use glam::{Mat3, Vec3};

/// Words that name stones in exports (lower case, duplicate suffixes removed).
const GEM_WORDS: [&str; 25] = [
    "diamond",
    "diamonds",
    "gem",
    "gems",
    "stone",
    "stones",
    "ruby",
    "sapphire",
    "emerald",
    "amethyst",
    "aquamarine",
    "topaz",
    "tourmaline",
    "tanzanite",
    "morganite",
    "moissanite",
    "zirconia",
    "cz",
    "crystal",
    "melee",
    "brilliant",
    "garnet",
    "peridot",
    "opal",
    "pave",
];
/// Words that name metals in exports.
const METAL_WORDS: [&str; 24] = [
    "gold",
    "metal",
    "platinum",
    "silver",
    "palladium",
    "rhodium",
    "titanium",
    "18k",
    "14k",
    "10k",
    "9k",
    "9ct",
    "22k",
    "750",
    "585",
    "925",
    "950",
    "shank",
    "band",
    "prong",
    "prongs",
    "bezel",
    "head",
    "gallery",
];
/// Words that put a metal part in the head's zone.
const HEAD_WORDS: [&str; 9] = ["head", "prong", "prongs", "bezel", "gallery", "setting", "crown", "basket", "halo"];

/// The words of a name: lower case, split on anything not a letter or digit, a trailing number dropped
/// ("all-diamonds.1217" → ["all", "diamonds"]).
fn words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let mut words: Vec<String> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
    while words.len() > 1 && words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && w.len() != 3) {
        words.pop();
    }
    words
}

/// The alloy a metal part's names say, as exports name them ("ROSE GOLD.003", "18K White", "PT950", "Silver 925"):
/// the colour and the fineness when named, 18k gold when only the colour is. `None` when the names say no alloy.
pub fn alloy_named(names: &[&str]) -> Option<Alloy> {
    let words: Vec<String> = names.iter().flat_map(|n| words(n)).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&["platinum", "pt950", "pt"]) {
        return Some(Alloy::Platinum950);
    }
    if has(&["palladium", "pd950"]) {
        return Some(Alloy::Palladium950);
    }
    if has(&["silver", "925", "sterling"]) {
        return Some(Alloy::Sterling925);
    }
    let (rose, white, yellow) = (has(&["rose", "pink", "red", "rg"]), has(&["white", "wg"]), has(&["yellow", "yg"]));
    if !(rose || white || yellow || has(&["gold"])) {
        return None;
    }
    let (nine, fourteen) = (has(&["9k", "9ct", "375"]), has(&["14k", "585"]));
    Some(match (rose, white, nine, fourteen) {
        (_, _, true, _) => Alloy::Yellow9ct,
        (true, _, _, true) => Alloy::Rose14k,
        (_, true, _, true) => Alloy::White14k,
        (_, _, _, true) => Alloy::Yellow14k,
        (true, _, _, _) => Alloy::Rose18k,
        (_, true, _, _) => Alloy::White18k,
        _ => Alloy::Yellow18k,
    })
}

fn names_say(names: &[&str], list: &[&str]) -> bool {
    names.iter().any(|n| words(n).iter().any(|w| list.contains(&w.as_str())))
}

/// What a part is, from every signal: a gem extension or transmission marks a stone; then names (material, mesh,
/// node; gem words win: "Diamond setting" is a stone); then PBR (metallic ≈ 1 without transmission: metal).
pub fn classify(material: &MaterialSignals, mesh: &str, node: &str) -> Option<PartUse> {
    let gem_extension = material.transmission.is_some_and(|t| t > 0.0)
        || material.volume
        || material.ior.is_some_and(|ior| ior > 1.6)
        || material.extensions.iter().any(|e| {
            let e = e.to_lowercase();
            e.contains("dispersion") || e.contains("diamond") || e.contains("gem")
        });
    if gem_extension {
        return Some(PartUse::Stone);
    }
    let names = [material.name.as_str(), mesh, node];
    if names_say(&names, &GEM_WORDS) {
        return Some(PartUse::Stone);
    }
    let colour_word = names.iter().any(|n| words(n).iter().any(|w| ["rose", "yellow", "white"].contains(&w.as_str())));
    if names_say(&names, &METAL_WORDS) || colour_word {
        let head = names_say(&names, &HEAD_WORDS);
        return Some(PartUse::Metal(if head { Zone::Head } else { Zone::Band }));
    }
    if material.metallic > 0.9 {
        return Some(PartUse::Metal(Zone::Band));
    }
    None
}

/// A ring in two metals whose names do not say which is the head's: the metal whose parts lie nearest the centre
/// stone is the head's (a white-gold head on a rose band), the other the band's.
fn two_tone_head(parts: &[RawPart], mut uses: Vec<PartUse>, stone: Option<Vec3>) -> Vec<PartUse> {
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
        if parts[i].material.name == head {
            uses[i] = PartUse::Metal(Zone::Head);
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

/// The units that make a model of this kind a plausible size: (name, factor to mm).
pub fn units_for(kind: ModelKind, extent: f32) -> Option<(&'static str, f32)> {
    let plausible = match kind {
        ModelKind::Ring | ModelKind::Band => 14.0..=45.0,
        ModelKind::Head => 2.5..=30.0,
        ModelKind::Stone => 0.8..=25.0,
    };
    [("mm", 1.0), ("cm", 10.0), ("m", 1000.0), ("in", 25.4)]
        .into_iter()
        .find(|&(_, factor)| plausible.contains(&(extent * factor)))
}

/// Why a model cannot be analysed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnalysisError {
    #[error("no part is metal or stone: name the parts' materials, or choose in the import dialog")]
    NothingKnown,
    #[error("cannot tell the units: the model is {extent} units across, which is no size for a {}", kind.word())]
    Units { extent: f32, kind: ModelKind },
}

/// Proposes a setup for a model: `uses` overrides the classification part by part (the dialog's corrections).
pub fn analyse(parts: &[RawPart], uses: Option<&[PartUse]>) -> Result<HouseSetup, AnalysisError> {
    let uses: Vec<PartUse> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            uses.and_then(|u| u.get(i).copied())
                .or_else(|| classify(&p.material, &p.mesh_name, &p.node))
                .unwrap_or(PartUse::LeftOut)
        })
        .collect();
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
    let kind = match (&ring_like, centre_stone) {
        (Some(_), Some(stone)) if (stone.bounds().1 - stone.bounds().0).max_element() > 0.15 * extent => {
            ModelKind::Ring
        }
        (Some(_), _) => ModelKind::Band,
        (None, _) if metal.is_empty() && stones.len() == 1 => ModelKind::Stone,
        (None, _) => ModelKind::Head,
    };
    let (units, scale) = units_for(kind, extent).ok_or(AnalysisError::Units { extent, kind })?;
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
    let place = |m: &MeshData| MeshData {
        positions: m.positions.iter().map(|&p| (turn * Vec3::from(p) * scale).into()).collect(),
        normals: Vec::new(),
        indices: m.indices.clone(),
    };
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
    let uses = two_tone_head(parts, uses, stone_centre);
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
    Ok(HouseSetup {
        kind,
        units: units.into(),
        scale_to_mm: scale,
        turn: turn.to_cols_array_2d(),
        origin_mm: origin.into(),
        inner_diameter_mm,
        parts: part_setups,
        stones: stone_setups,
    })
}
