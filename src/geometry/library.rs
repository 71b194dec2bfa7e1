//! The component library: every part Écrin composes pieces from (shanks, heads, stones, chain links, clasp, bail,
//! the display bust), what each file holds, and its writing as `.glb` (`ecrin generate-assets`). The Assembly
//! (`assembly.rs`) places these components; the studio loads the files; both read the same `ComponentModel`.
//!
//! Convention (README "Model convention"): a mesh whose material name starts with `metal` is rendered in the
//! design's metal; `gem` is rendered as a stone (`gem.center` the centre stone, `gem.melee` small stones);
//! the empty node `seat.center` marks the centre stone's girdle centre (table towards +Y).

use super::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
use super::mesh::MeshData;
use super::{cut, necklace, ring, shank};
use crate::design::necklace::ChainStyle;
use crate::design::{Cut, Setting, ShankStyle};
use glam::Affine3A;
use std::path::Path;
use std::sync::Arc;

pub const SEAT_NODE: &str = "seat.center";
/// Material of display props (the bust, the hand): neither metal nor gem.
pub const DISPLAY_MATERIAL: &str = "display.bust";
/// The display hand's nails (a little glossier than the hand).
pub const NAIL_MATERIAL: &str = "display.nail";
pub const METAL_PREFIX: &str = "metal";
pub const GEM_PREFIX: &str = "gem";

/// One file of the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    /// A band at the reference size, with the small stones set in it (pavé, channel).
    Shank(ShankStyle),
    /// A head made for a unit-length stone of the cut, with its halo or side stones and its seat.
    Head(Setting, Cut),
    /// A unit-length stone of the cut.
    Stone(Cut),
    /// One link of a chain, along X.
    ChainLink(ChainStyle),
    /// The spring-ring clasp, along X.
    Clasp,
    /// The pendant's bail, the loop the chain runs through.
    Bail,
    /// The bar a drop pendant hangs from, down from the bail.
    DropBar,
    /// The display bust necklaces are shown on.
    Bust,
    /// The display hand rings are shown on (`hand.rs`), at the reference ring size.
    Hand,
    /// A model of the house's collection at a ring size (`house.rs`): not a file of the library.
    House(super::house::HouseKey),
}

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
#[derive(Clone)]
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

impl ComponentModel {
    /// One mesh on one node at the origin.
    fn single(name: &'static str, material: Material, data: MeshData) -> Self {
        ComponentModel {
            meshes: vec![ModelMesh { name: name.into(), material, data }],
            nodes: vec![ModelNode { name: name.into(), mesh: Some(0), transform: Affine3A::IDENTITY }],
        }
    }

    /// Adds the small stones (a unit round brilliant placed many times, `gem.melee.NN`).
    fn with_melee(mut self, placements: &[Affine3A]) -> Self {
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
}

impl Component {
    /// Every component of the library.
    pub fn all() -> Vec<Component> {
        let mut all: Vec<Component> = ShankStyle::ALL.into_iter().map(Component::Shank).collect();
        all.extend(ChainStyle::ALL.into_iter().map(Component::ChainLink));
        all.extend([Component::Clasp, Component::Bail, Component::DropBar, Component::Bust, Component::Hand]);
        for cut in Cut::ALL {
            all.push(Component::Stone(cut));
            all.extend(Setting::ALL.into_iter().map(|setting| Component::Head(setting, cut)));
        }
        all
    }

    /// Path of its file, relative to the assets folder.
    pub fn path(self) -> String {
        match self {
            Component::Shank(style) => format!("models/shanks/{}.glb", style.slug()),
            Component::Head(setting, cut) => format!("models/heads/{}_{}.glb", setting.slug(), cut.slug()),
            Component::Stone(cut) => format!("models/stones/{}.glb", cut.slug()),
            Component::ChainLink(style) => format!("models/necklace/link_{}.glb", style.slug()),
            Component::Clasp => "models/necklace/clasp.glb".into(),
            Component::Bail => "models/necklace/bail.glb".into(),
            Component::DropBar => "models/necklace/drop_bar.glb".into(),
            Component::Bust => "models/necklace/bust.glb".into(),
            Component::Hand => "models/display/hand.glb".into(),
            Component::House(key) => format!("collection/{:016x}.glb", key.model),
        }
    }

    /// What its file holds, made from the core's geometry (deterministic). Costly for heads: use `model`.
    pub fn make_model(self) -> ComponentModel {
        match self {
            Component::Shank(style) => ComponentModel::single("shank", Material::Metal, shank::shank(style))
                .with_melee(&shank::shank_stones(style)),
            Component::Head(setting, cut) => {
                let head = ring::head(setting, cut);
                let mut model = ComponentModel::single("head", Material::Metal, head.metal);
                model.nodes.push(ModelNode {
                    name: SEAT_NODE.into(),
                    mesh: None,
                    transform: Affine3A::from_translation(head.seat),
                });
                model.with_melee(head.melee.as_ref().map_or(&[][..], |(_, placements)| placements))
            }
            Component::Stone(cut) => {
                ComponentModel::single("stone", Material::CentreStone, cut::unit_polyhedron(cut).to_mesh())
            }
            Component::ChainLink(style) => ComponentModel::single("link", Material::Metal, necklace::link(style)),
            Component::Clasp => ComponentModel::single("clasp", Material::Metal, necklace::clasp()),
            Component::Bail => ComponentModel::single("bail", Material::Metal, necklace::bail()),
            Component::DropBar => ComponentModel::single("drop_bar", Material::Metal, necklace::drop_bar()),
            Component::Bust => {
                let mut form = necklace::bust();
                form.recompute_smooth_normals();
                ComponentModel::single("bust", Material::Display, form)
            }
            Component::Hand => {
                let form = super::hand::hand();
                ComponentModel {
                    meshes: vec![
                        ModelMesh { name: "hand".into(), material: Material::Display, data: form.skin },
                        ModelMesh { name: "nails".into(), material: Material::Nail, data: form.nails },
                    ],
                    nodes: vec![
                        ModelNode { name: "hand".into(), mesh: Some(0), transform: Affine3A::IDENTITY },
                        ModelNode { name: "nails".into(), mesh: Some(1), transform: Affine3A::IDENTITY },
                    ],
                }
            }
            Component::House(key) => super::house::component_model(key).as_ref().clone(),
        }
    }

    /// What its file holds, made once per run and shared (the Assembly and the estimates ask often).
    pub fn model(self) -> Arc<ComponentModel> {
        if let Component::House(key) = self {
            return super::house::component_model(key);
        }
        static MODELS: crate::memo::Memo<Component, Arc<ComponentModel>> = crate::memo::Memo::new();
        MODELS.get_or_compute(self, || Arc::new(self.make_model()))
    }

    /// Its file's bytes.
    pub fn glb(self) -> Result<Vec<u8>, String> {
        let model = self.model();
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

/// Every model of the library: (path relative to assets/, GLB bytes). Deterministic.
pub fn all_models() -> Result<Vec<(String, Vec<u8>)>, String> {
    Component::all().into_iter().map(|component| Ok((component.path(), component.glb()?))).collect()
}

/// Why the library could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteLibraryError {
    /// A model could not be made (a bug: the library is generated).
    #[error("{0}")]
    Build(String),
    #[error("{}: cannot create the folder: {source}", folder.display())]
    Folder { folder: std::path::PathBuf, source: std::io::Error },
    #[error("{}: cannot write: {source}", file.display())]
    Write { file: std::path::PathBuf, source: std::io::Error },
}

/// Writes the whole library under `assets_dir` (atomically, file by file). Returns how many files.
pub fn write_all(assets_dir: &Path) -> Result<usize, WriteLibraryError> {
    let mut models = all_models().map_err(WriteLibraryError::Build)?;
    models.extend(super::sample_export::all_samples().map_err(WriteLibraryError::Build)?);
    for (relative, bytes) in &models {
        let file = assets_dir.join(relative);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|source| WriteLibraryError::Folder { folder: folder.to_path_buf(), source })?;
        }
        crate::atomic_file::write_atomically(&file, bytes)
            .map_err(|source| WriteLibraryError::Write { file: file.clone(), source })?;
    }
    Ok(models.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_reads_back_with_named_parts() {
        for (path, bytes) in all_models().expect("models") {
            let gltf = gltf::Gltf::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
            let materials: Vec<_> = gltf.materials().filter_map(|m| m.name().map(str::to_owned)).collect();
            let known = |n: &String| {
                n.starts_with(METAL_PREFIX) || n.starts_with(GEM_PREFIX) || n == DISPLAY_MATERIAL || n == NAIL_MATERIAL
            };
            assert!(materials.iter().all(known), "{path}");
            let has_seat = gltf.nodes().any(|n| n.name() == Some(SEAT_NODE));
            assert_eq!(has_seat, path.starts_with("models/heads/"), "{path}");
        }
    }
}
