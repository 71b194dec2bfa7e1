//! What a component's file holds, whoever made it (Écrin's library or a house's model): meshes with their
//! material roles, nodes that place them, and the empty seat node; and its writing as `.glb`.
//!
//! Convention (README "Model convention"): a mesh whose material name starts with `metal` is rendered in the
//! design's metal; `gem` is rendered as a stone (`gem.center` the centre stone, `gem.melee` small stones);
//! the empty node `seat.center` marks the centre stone's girdle centre (table towards +Y).

use super::cut;
use super::glb::{GlbError, GlbMaterial, GlbMesh, GlbNode, write_glb};
use super::mesh::MeshData;
use crate::design::Cut;
use glam::Affine3A;

pub const SEAT_NODE: &str = "seat.center";
/// Material of display props (the bust, the hand): neither metal nor gem.
pub const DISPLAY_MATERIAL: &str = "display.bust";
/// The display hand's nails (a little glossier than the hand).
pub const NAIL_MATERIAL: &str = "display.nail";
pub const METAL_PREFIX: &str = "metal";
pub const GEM_PREFIX: &str = "gem";

/// What a mesh of a component is made of (its material name in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Material {
    Metal,
    CentreStone,
    Melee,
    Display,
    Nail,
}

impl Material {
    pub fn name(self) -> &'static str {
        match self {
            Material::Metal => "metal",
            Material::CentreStone => "gem.center",
            Material::Melee => "gem.melee",
            Material::Display => DISPLAY_MATERIAL,
            Material::Nail => NAIL_MATERIAL,
        }
    }

    fn glb(self) -> GlbMaterial<'static> {
        let (base_colour, metallic, roughness) = match self {
            Material::Metal => ([0.9, 0.75, 0.4, 1.0], 1.0, 0.1),
            Material::CentreStone | Material::Melee => ([1.0, 1.0, 1.0, 1.0], 0.0, 0.0),
            Material::Display => ([0.5, 0.47, 0.43, 1.0], 0.0, 0.85),
            Material::Nail => ([0.6, 0.57, 0.53, 1.0], 0.0, 0.4),
        };
        GlbMaterial { name: self.name(), base_colour, metallic, roughness, gem: None }
    }
}

/// A mesh of a component file.
#[derive(Clone)]
pub struct ModelMesh {
    pub name: String,
    pub material: Material,
    pub data: MeshData,
}

/// A node of a component file: a mesh placed in the component's frame, or an empty marker (the seat).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelNode {
    pub name: String,
    pub mesh: Option<usize>,
    pub transform: Affine3A,
}

/// What a component file holds.
#[derive(Clone)]
pub struct ComponentModel {
    pub meshes: Vec<ModelMesh>,
    pub nodes: Vec<ModelNode>,
}

/// A component's nodes and what each of its meshes is made of, without the meshes: all the Assembly's parts need.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelLayout {
    pub nodes: Vec<ModelNode>,
    /// Each mesh's material, by the mesh's index.
    pub materials: Vec<Material>,
}

impl ModelLayout {
    /// The layout of a model.
    pub fn of(model: &ComponentModel) -> Self {
        ModelLayout { nodes: model.nodes.clone(), materials: model.meshes.iter().map(|m| m.material).collect() }
    }
}

impl ComponentModel {
    /// One mesh on one node at the origin.
    pub(super) fn single(name: &'static str, material: Material, data: MeshData) -> Self {
        ComponentModel {
            meshes: vec![ModelMesh { name: name.into(), material, data }],
            nodes: vec![ModelNode { name: name.into(), mesh: Some(0), transform: Affine3A::IDENTITY }],
        }
    }

    /// Adds the small stones (a unit round brilliant placed many times, `gem.melee.NN`).
    pub(super) fn with_melee(mut self, placements: &[Affine3A]) -> Self {
        if placements.is_empty() {
            return self;
        }
        let melee = self.meshes.len();
        let data = cut::unit_polyhedron(Cut::RoundBrilliant).to_mesh();
        self.meshes.push(ModelMesh { name: "melee".into(), material: Material::Melee, data });
        for (i, &transform) in placements.iter().enumerate() {
            self.nodes.push(ModelNode { name: format!("gem.melee.{i:02}"), mesh: Some(melee), transform });
        }
        self
    }

    /// The seat node's transform, where the file has one.
    pub fn seat(&self) -> Option<Affine3A> {
        self.nodes.iter().find(|n| n.name == SEAT_NODE).map(|n| n.transform)
    }

    /// Its file's bytes (`.glb`).
    pub fn glb(&self) -> Result<Vec<u8>, GlbError> {
        let model = self;
        let mut materials: Vec<Material> = Vec::new();
        for mesh in &model.meshes {
            if !materials.contains(&mesh.material) {
                materials.push(mesh.material);
            }
        }
        let material_of = |m: Material| materials.iter().position(|&x| x == m).unwrap_or(0);
        let glb_materials: Vec<GlbMaterial> = materials.iter().map(|m| m.glb()).collect();
        let meshes: Vec<GlbMesh> = model
            .meshes
            .iter()
            .map(|m| GlbMesh { name: &m.name, material: material_of(m.material), data: &m.data })
            .collect();
        let nodes: Vec<GlbNode> = model
            .nodes
            .iter()
            .map(|n| GlbNode { name: n.name.clone(), mesh: n.mesh, transform: n.transform })
            .collect();
        write_glb(&glb_materials, &meshes, &nodes)
    }
}
