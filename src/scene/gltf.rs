//! The assembled piece as glTF 2.0 for a path tracer: one node per part in millimetres; metal as PBR
//! metallic-roughness with the alloy's F0 as base colour and the finish's roughness; stones with
//! KHR_materials_ior, KHR_materials_dispersion and KHR_materials_volume (the body colour as attenuation);
//! display supports as a matte dielectric of the colour the studio draws them (`geometry::display_look`); the
//! camera as a glTF camera. Names say what each part is, in the words a house's export would use, so that Écrin's
//! own import reads the file back as the same piece.

use super::SceneView;
use crate::design::{Design, Metal, Species};
use crate::geometry::assembly::{DisplaySurface, MetalZone, PartRole, Seat};
use crate::geometry::glb::{GlbCamera, GlbGem, GlbMaterial, GlbMesh, GlbNode, write_glb_with_camera};
use crate::geometry::hand::HandFinish;
use crate::geometry::placed::PlacedMesh;
use crate::optics::ior::cauchy;
use glam::Affine3A;

/// Path length (mm) over which a stone shows its body colour (`optics::view::absorption_per_mm`'s).
const ATTENUATION_DISTANCE_MM: f32 = 6.0;

/// The Abbe number's dispersion as KHR_materials_dispersion states it (20 / V_d), from a species' RI and its
/// gemmological dispersion (the B–G interval), through the same Cauchy curve as the gem tracer.
pub fn khr_dispersion(refractive_index: f32, dispersion: f32) -> f32 {
    let (a, b) = cauchy(refractive_index, dispersion);
    let n = |um: f32| a + b / (um * um);
    // Fraunhofer F (486.1 nm) and C (656.3 nm) lines; n_d is the RI.
    let abbe = (refractive_index - 1.0) / (n(0.4861) - n(0.6563));
    20.0 / abbe
}

/// A value's name in words: "Yellow18k" → "yellow 18k", "LabGrownDiamond" → "lab grown diamond".
fn words_of(name: &str) -> String {
    let mut words = String::new();
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let starts_word = previous.is_some_and(|p| (c.is_uppercase()) || (c.is_ascii_digit() && !p.is_ascii_digit()));
        if starts_word {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
        previous = Some(c);
    }
    words
}

/// What a part is made of, as one material of the file.
#[derive(Clone, Copy, PartialEq)]
enum Substance {
    Metal(MetalZone, Metal),
    Stone(Seat, Species),
    Display(crate::geometry::display_look::Look),
}

impl Substance {
    fn of(design: &Design, role: PartRole, hand: HandFinish) -> Substance {
        use crate::geometry::display_look::{hand_looks, linen};
        match role {
            PartRole::Metal(zone @ MetalZone::Band) => Substance::Metal(zone, design.metal),
            PartRole::Metal(zone @ MetalZone::Head) => Substance::Metal(zone, design.head_metal()),
            PartRole::Stone { seat, species, .. } => Substance::Stone(seat, species),
            // A ring's support is the hand, a necklace's the bust.
            PartRole::Display(surface) => Substance::Display(match (design.necklace.is_some(), surface) {
                (true, _) => linen(),
                (false, DisplaySurface::Body) => hand_looks(hand).0,
                (false, DisplaySurface::Nail) => hand_looks(hand).1,
            }),
        }
    }

    /// A name a house's export would give it: the alloy and where it is, the species and where it sits.
    fn name(self) -> String {
        match self {
            Substance::Metal(zone, metal) => {
                let place = if zone == MetalZone::Head { "head" } else { "band" };
                format!("metal {place} {}", words_of(&format!("{:?}", metal.alloy)))
            }
            Substance::Stone(Seat::Centre, species) => format!("gem centre {}", words_of(&format!("{species:?}"))),
            Substance::Stone(_, species) => format!("gem melee {}", words_of(&format!("{species:?}"))),
            Substance::Display(_) => "display support".into(),
        }
    }

    fn material(self, name: &str) -> GlbMaterial<'_> {
        match self {
            Substance::Metal(_, metal) => {
                let [r, g, b] = metal.alloy.f0_linear();
                GlbMaterial {
                    name,
                    base_colour: [r, g, b, 1.0],
                    metallic: 1.0,
                    roughness: metal.finish.roughness(),
                    gem: None,
                }
            }
            Substance::Stone(_, species) => {
                let data = species.data();
                let absorption = crate::optics::view::absorption_per_mm(species);
                let colour = absorption.map(|a| (-a * ATTENUATION_DISTANCE_MM).exp());
                let gem = GlbGem {
                    ior: data.refractive_index,
                    dispersion: Some(khr_dispersion(data.refractive_index, data.dispersion)),
                    attenuation: Some((colour, ATTENUATION_DISTANCE_MM)),
                };
                GlbMaterial { name, base_colour: [1.0; 4], metallic: 0.0, roughness: 0.0, gem: Some(gem) }
            }
            Substance::Display(look) => {
                // The studio lights its supports at `DISPLAY_LIGHT` of the environment; a path tracer lights every
                // surface alike, so the support's albedo carries that share (the same light leaves it).
                let [r, g, b] = look.linear_colour().map(|c| c * crate::geometry::display_look::DISPLAY_LIGHT);
                GlbMaterial { name, base_colour: [r, g, b, 1.0], metallic: 0.0, roughness: look.roughness, gem: None }
            }
        }
    }
}

/// The GLB bytes of the piece's parts (each with its material) and the camera, if one is given.
pub fn piece_glb(
    design: &Design,
    parts: &[PlacedMesh],
    view: Option<&SceneView>,
    hand: HandFinish,
) -> Result<Vec<u8>, crate::geometry::glb::GlbError> {
    let mut substances: Vec<Substance> = Vec::new();
    let mut meshes: Vec<(String, usize, &PlacedMesh)> = Vec::new();
    let mut nodes = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for part in parts {
        let substance = Substance::of(design, part.role, hand);
        let material = substances.iter().position(|&l| l == substance).unwrap_or_else(|| {
            substances.push(substance);
            substances.len() - 1
        });
        let key = format!("{}/{material}", part.key);
        let mesh = match meshes.iter().position(|(k, ..)| *k == key) {
            Some(index) => index,
            None => {
                meshes.push((key, material, part));
                meshes.len() - 1
            }
        };
        // One node per part, named by what it is; repeated parts (links, melee) numbered.
        let count = seen.entry(part.name.clone()).or_default();
        *count += 1;
        let name = if *count == 1 { part.name.clone() } else { format!("{}.{:03}", part.name, *count - 1) };
        nodes.push(GlbNode { name, mesh: Some(mesh), transform: part.at });
    }
    let names: Vec<String> = substances.iter().map(|substance| substance.name()).collect();
    let materials: Vec<GlbMaterial> =
        substances.iter().zip(&names).map(|(substance, name)| substance.material(name)).collect();
    let glb_meshes: Vec<GlbMesh> = meshes
        .iter()
        .map(|(_, material, part)| GlbMesh { name: &part.name, material: *material, data: &part.data })
        .collect();
    let camera = view.map(|view| GlbCamera {
        yfov: view.yfov,
        aspect_ratio: view.width as f32 / view.height as f32,
        znear: 0.1,
        transform: Affine3A::from_rotation_translation(view.rotation, view.position),
    });
    write_glb_with_camera(&materials, &glb_meshes, &nodes, camera)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_words_a_house_would_write() {
        assert_eq!(words_of("Yellow18k"), "yellow 18k");
        assert_eq!(words_of("Platinum950"), "platinum 950");
        assert_eq!(words_of("LabGrownDiamond"), "lab grown diamond");
    }

    #[test]
    fn diamond_disperses_as_its_abbe_number_says() {
        // Diamond's Abbe number is about 55 (n_d 2.417, n_F − n_C ≈ 0.025).
        let abbe = 20.0 / khr_dispersion(2.418, 0.044);
        assert!((52.0..58.0).contains(&abbe), "{abbe}");
    }
}
