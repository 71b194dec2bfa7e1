//! Metal and gem materials derived from the design. Three shared materials are edited in place, so a change of
//! alloy, finish or species never creates a new material nor a new GPU pipeline.

use super::StudioSystems;
use super::state::CurrentDesign;
use crate::design::{Design, Species};
use crate::geometry::library::{GEM_PREFIX, METAL_PREFIX};
use bevy::prelude::*;

/// What a glTF part is, from its material name (README "Model convention").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartRole {
    Metal,
    CentreStone,
    Melee,
}

/// Classifies a glTF material name: `metal*` → metal, `gem.melee*` → small stones, other `gem*` → centre stone.
pub fn part_role(material_name: &str) -> Option<PartRole> {
    let name = material_name.to_ascii_lowercase();
    if name.starts_with(METAL_PREFIX) {
        Some(PartRole::Metal)
    } else if name.starts_with("gem.melee") {
        Some(PartRole::Melee)
    } else if name.starts_with(GEM_PREFIX) {
        Some(PartRole::CentreStone)
    } else {
        None
    }
}

/// The studio's shared materials.
#[derive(Resource)]
pub struct RingMaterials {
    pub metal: Handle<StandardMaterial>,
    pub centre_stone: Handle<StandardMaterial>,
    pub melee: Handle<StandardMaterial>,
}

impl RingMaterials {
    pub fn for_role(&self, role: PartRole) -> Handle<StandardMaterial> {
        match role {
            PartRole::Metal => self.metal.clone(),
            PartRole::CentreStone => self.centre_stone.clone(),
            PartRole::Melee => self.melee.clone(),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, create_materials)
        .add_systems(Update, sync_materials.in_set(StudioSystems::SyncMaterials));
}

/// Polished metal of the design's alloy: its F0 as base colour, fully metallic.
pub fn metal_material(design: &Design, material: &mut StandardMaterial) {
    let [r, g, b] = design.metal.alloy.f0_linear();
    material.base_color = Color::linear_rgb(r, g, b);
    material.metallic = 1.0;
    material.perceptual_roughness = design.metal.finish.roughness();
    material.reflectance = 0.5;
}

/// A faceted stone, until the ray-traced gem shader (gem issue) replaces it. A stone's brilliance is the
/// environment sent back through its pavilion by total internal reflection: each facet returns a bright or dark
/// piece of the surroundings. A mostly mirror-like facet surface (metallic) tinted by the body colour shows that
/// facet pattern; the dielectric part keeps the surface reflection of the species' refractive index.
pub fn gem_material(species: Species, material: &mut StandardMaterial) {
    let data = species.data();
    let [r, g, b] = data.body_colour_srgb;
    // Colourless stones: a grey mirror, so bright and dark facets alternate instead of one white glare.
    let tint = if data.body_colour_srgb.iter().all(|&c| c > 0.95) { 0.5 } else { 0.9 };
    material.base_color = Color::srgb(r * tint, g * tint, b * tint);
    material.metallic = 0.8;
    material.perceptual_roughness = 0.03;
    // StandardMaterial's reflectance maps to F0 = 0.16 · reflectance²; a gem's F0 = ((n − 1)/(n + 1))².
    let n = data.refractive_index;
    let f0 = ((n - 1.0) / (n + 1.0)).powi(2);
    material.reflectance = (f0 / 0.16).sqrt().min(1.0);
    material.ior = n;
}

fn create_materials(
    mut commands: Commands,
    mut materials: ResMut<Assets<StandardMaterial>>,
    current: Option<Res<CurrentDesign>>,
) {
    let design = current.map(|c| c.design().clone()).unwrap_or_default();
    let mut metal = StandardMaterial::default();
    metal_material(&design, &mut metal);
    let mut centre = StandardMaterial::default();
    gem_material(design.stone.species, &mut centre);
    let mut melee = StandardMaterial::default();
    gem_material(Species::Diamond, &mut melee);
    commands.insert_resource(RingMaterials {
        metal: materials.add(metal),
        centre_stone: materials.add(centre),
        melee: materials.add(melee),
    });
}

fn sync_materials(
    current: Res<CurrentDesign>,
    ring: Res<RingMaterials>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut shown: Local<Option<(crate::design::Metal, Species)>>,
) {
    let design = current.design();
    let wanted = (design.metal, design.stone.species);
    if *shown == Some(wanted) {
        return;
    }
    if let Some(mut metal) = materials.get_mut(&ring.metal) {
        metal_material(design, &mut metal);
    }
    if let Some(mut stone) = materials.get_mut(&ring.centre_stone) {
        gem_material(design.stone.species, &mut stone);
    }
    *shown = Some(wanted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_classified_by_material_name() {
        assert_eq!(part_role("metal"), Some(PartRole::Metal));
        assert_eq!(part_role("metal.head"), Some(PartRole::Metal));
        assert_eq!(part_role("gem.center"), Some(PartRole::CentreStone));
        assert_eq!(part_role("gem.melee"), Some(PartRole::Melee));
        assert_eq!(part_role("Material.001"), None);
    }

    #[test]
    fn diamond_reflects_more_than_quartz() {
        let (mut diamond, mut amethyst) = (StandardMaterial::default(), StandardMaterial::default());
        gem_material(Species::Diamond, &mut diamond);
        gem_material(Species::Amethyst, &mut amethyst);
        assert!(diamond.reflectance > amethyst.reflectance);
    }
}
