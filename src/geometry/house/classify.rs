//! Reading a part's names as a jeweller reads a file (no Bevy): the words of a name (split at case changes, a copy's
//! number dropped), a slip of the keyboard forgiven in long words, the signal that decides what a part is
//! (material name, gem extension, mesh name, node name, metallic finish — in that order) and the `Reason` said for it;
//! the alloy a metal's names say.

use super::read::MaterialSignals;
use super::{PartUse, Zone};
use crate::design::Alloy;
use serde::Serialize;

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

/// The words of a name: lower case, split on anything not a letter or digit and where a lower-case letter meets a
/// capital ("SmallDiamnd" → ["small", "diamnd"]), a trailing number dropped ("all-diamonds.1217" → ["all",
/// "diamonds"]).
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && previous_lower)) && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase();
    }
    if !current.is_empty() {
        words.push(current);
    }
    // A fineness (750, 585, 925) is kept; a copy's number (".003", ".1217") is not.
    while words.len() > 1
        && words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && (w.len() != 3 || w.starts_with('0')))
    {
        words.pop();
    }
    words
}

/// Whether two words differ by at most one letter left out, added, changed or two swapped (Damerau).
fn one_slip_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        (x, y) if x > y => ra[1..] == *rb,
        _ => *ra == rb[1..],
    }
}

/// The word of `list` a name's word is, as typed: exactly, or — for words of five letters or more, where a slip
/// cannot turn one word into another of the list — one slip away ("Diamnd", "Saphire", "Emrald").
fn word_in<'a>(name: &str, list: &[&'a str]) -> Option<(String, &'a str)> {
    let words = words(name);
    let exact = words.iter().find_map(|w| list.iter().find(|&&l| l == w).map(|&l| (w.clone(), l)));
    exact.or_else(|| {
        words.iter().filter(|w| w.chars().count() >= 5).find_map(|w| {
            list.iter().find(|&&l| l.chars().count() >= 5 && one_slip_apart(w, l)).map(|&l| (w.clone(), l))
        })
    })
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

/// Which signal of the file decided what a part is (shown by `ecrin inspect` and the import dialog).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "signal", rename_all = "snake_case")]
pub enum Reason {
    /// The designer's correction (the import dialog, or `--part` / `--as` of the command line).
    Corrected,
    /// A word of the primitive's material name (`word` as typed, `means` the word it was read as).
    MaterialName { word: String, means: String },
    /// A gem extension of the material (transmission, volume, a gem's index of refraction, dispersion).
    GemExtension { extension: String },
    /// A word of the mesh's (the object's) name.
    MeshName { word: String, means: String },
    /// A word of the node's name.
    NodeName { word: String, means: String },
    /// The material is metallic (a metallic factor near 1 in a material the file defines).
    Metallic { metallic: f32 },
    /// Two metals whose names do not say which is the head's: this one lies nearer the centre stone.
    NearestTheStone,
    /// Nothing in the file says what it is: left out until the designer says.
    NothingSaid,
}

/// What a name says a part is: a stone (gem words win in one name: "Diamond setting" is a stone), else metal — of
/// the head when a head word is there too.
fn named_use(name: &str) -> Option<(PartUse, String, String)> {
    if let Some((word, means)) = word_in(name, &GEM_WORDS) {
        return Some((PartUse::Stone, word, means.to_string()));
    }
    let colour = word_in(name, &["rose", "yellow", "white"]);
    let (word, means) = word_in(name, &METAL_WORDS).or(colour)?;
    let zone = if word_in(name, &HEAD_WORDS).is_some() { Zone::Head } else { Zone::Band };
    Some((PartUse::Metal(zone), word, means.to_string()))
}

/// The gem extension a material carries, if any.
fn gem_extension(material: &MaterialSignals) -> Option<String> {
    if material.transmission.is_some_and(|t| t > 0.0) {
        return Some("KHR_materials_transmission".into());
    }
    if material.volume {
        return Some("KHR_materials_volume".into());
    }
    if material.ior.is_some_and(|ior| ior > 1.6) {
        return Some("KHR_materials_ior".into());
    }
    material
        .extensions
        .iter()
        .find(|e| {
            let e = e.to_lowercase();
            e.contains("dispersion") || e.contains("diamond") || e.contains("gem")
        })
        .cloned()
}

/// What a part is, and why, as a jeweller reads a file: the primitive's material name first (the most specific
/// signal: a head named "Oval" after the cut it holds, in a "Rose Gold" material, is metal); then a gem extension;
/// then the mesh's and the node's names ("Ring" holding "Small Diamnd" primitives holds stones); last a metallic
/// finish — after the names, because a metallic factor of 1 is also what an exporter writes by default. Head words
/// anywhere in the names put metal in the head's zone.
pub fn classify(material: &MaterialSignals, mesh: &str, node: &str) -> Option<(PartUse, Reason)> {
    let head = [material.name.as_str(), mesh, node].iter().any(|n| word_in(n, &HEAD_WORDS).is_some());
    let in_zone = |found: PartUse| match found {
        PartUse::Metal(_) if head => PartUse::Metal(Zone::Head),
        other => other,
    };
    if let Some((found, word, means)) = named_use(&material.name) {
        return Some((in_zone(found), Reason::MaterialName { word, means }));
    }
    if let Some(extension) = gem_extension(material) {
        return Some((PartUse::Stone, Reason::GemExtension { extension }));
    }
    if let Some((found, word, means)) = named_use(mesh) {
        return Some((in_zone(found), Reason::MeshName { word, means }));
    }
    if let Some((found, word, means)) = named_use(node) {
        return Some((in_zone(found), Reason::NodeName { word, means }));
    }
    if material.given && material.metallic > 0.9 {
        let zone = if head { Zone::Head } else { Zone::Band };
        return Some((PartUse::Metal(zone), Reason::Metallic { metallic: material.metallic }));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> MaterialSignals {
        MaterialSignals { given: true, name: name.into(), roughness: 0.5, ..Default::default() }
    }

    #[test]
    fn the_material_name_beats_the_objects_and_slips_are_read() {
        // A head named after the cut it holds, in a rose-gold material: metal, whatever its object says.
        let (found, reason) = classify(&named("Rose Gold"), "Oval Diamond", "Princess").expect("read");
        assert_eq!(found, PartUse::Metal(Zone::Band));
        assert_eq!(reason, Reason::MaterialName { word: "gold".into(), means: "gold".into() });
        // An object named "Ring" whose primitives' materials are misspelt stones.
        for (material, means) in [("Small Diamnd", "diamond"), ("Blue Saphire", "sapphire"), ("Emrald.002", "emerald")]
        {
            let (found, reason) = classify(&named(material), "Ring", "Ring").expect("read");
            assert_eq!(found, PartUse::Stone, "{material}");
            assert!(
                matches!(reason, Reason::MaterialName { means: ref m, .. } if m == means),
                "{material}: {reason:?}"
            );
        }
        assert_eq!(words("SmallDiamnd.003"), ["small", "diamnd"]);
        // Short words are never guessed at ("band" is not "bend"'s slip, nor "gold" "cold"'s).
        assert_eq!(classify(&named("Cold"), "", ""), None);
        // A gem extension beats the object's name; the object's name beats a metallic finish.
        let glass = MaterialSignals { transmission: Some(1.0), ..named("Material.001") };
        assert_eq!(classify(&glass, "Shank", "").map(|c| c.0), Some(PartUse::Stone));
        let shiny = MaterialSignals { metallic: 1.0, ..named("Material.001") };
        assert_eq!(classify(&shiny, "all-diamonds.1217", "").map(|c| c.0), Some(PartUse::Stone));
        assert!(matches!(classify(&shiny, "Cube", ""), Some((PartUse::Metal(Zone::Band), Reason::Metallic { .. }))));
        // glTF's default material is metallic: it says nothing.
        let default = MaterialSignals { given: false, metallic: 1.0, ..Default::default() };
        assert_eq!(classify(&default, "Cube", ""), None);
    }
}
