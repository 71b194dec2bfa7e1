//! The component library: every part Écrin composes pieces from (shanks, heads, stones, chain links, clasp, bail,
//! the display bust and hand), the file each is kept in, and what the file holds (`model.rs`'s `ComponentModel`,
//! made here from the core's geometry; written by `ecrin generate-assets`). The floor of composition: the Assembly
//! (`assembly.rs`) places these components and a house's models (`house/`), never the other way.

use super::glb::GlbError;
use super::model::{ComponentModel, Material, ModelLayout, ModelMesh, ModelNode, SEAT_NODE};
use super::{cut, necklace, ring, shank};
use crate::design::necklace::ChainStyle;
use crate::design::{Cut, Setting, ShankStyle};
use glam::Affine3A;
use std::path::Path;
use std::sync::Arc;

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
                let (nodes, materials) = hand_layout();
                let meshes = [form.skin, form.nails]
                    .into_iter()
                    .zip(materials)
                    .zip(&nodes)
                    .map(|((data, material), node)| ModelMesh { name: node.name.clone(), material, data })
                    .collect();
                ComponentModel { meshes, nodes }
            }
        }
    }

    /// What its file holds, made once per run and shared (the Assembly and the estimates ask often).
    pub fn model(self) -> Arc<ComponentModel> {
        static MODELS: crate::memo::Memo<Component, Arc<ComponentModel>> = crate::memo::Memo::new();
        MODELS.get_or_compute(self, || Arc::new(self.make_model()))
    }

    /// Its nodes and its meshes' materials (the Assembly's parts), without making what is slow to make: the hand's
    /// layout is known before its form (seconds to mesh) is, so composing a ring on the hand waits for nothing.
    pub fn layout(self) -> Arc<ModelLayout> {
        static LAYOUTS: crate::memo::Memo<Component, Arc<ModelLayout>> = crate::memo::Memo::new();
        LAYOUTS.get_or_compute(self, || {
            Arc::new(match self {
                Component::Hand => {
                    let (nodes, materials) = hand_layout();
                    ModelLayout { nodes, materials }
                }
                _ => ModelLayout::of(&self.model()),
            })
        })
    }

    /// Its file's bytes.
    pub fn glb(self) -> Result<Vec<u8>, GlbError> {
        self.model().glb()
    }
}

/// The display hand's nodes, one per mesh at the origin (the skin, then the nails), and their materials.
fn hand_layout() -> (Vec<ModelNode>, Vec<Material>) {
    let parts = [("hand", Material::Display), ("nails", Material::Nail)];
    let nodes = parts
        .iter()
        .enumerate()
        .map(|(mesh, (name, _))| ModelNode { name: (*name).into(), mesh: Some(mesh), transform: Affine3A::IDENTITY })
        .collect();
    (nodes, parts.map(|(_, material)| material).to_vec())
}

/// Every model of the library: (path relative to assets/, GLB bytes). Deterministic.
pub fn all_models() -> Result<Vec<(String, Vec<u8>)>, GlbError> {
    Component::all().into_iter().map(|component| Ok((component.path(), component.glb()?))).collect()
}

/// Why the library could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteLibraryError {
    /// A model could not be made (a bug: the library is generated).
    #[error("{0}")]
    Build(#[from] GlbError),
    #[error("{}: cannot create the folder: {source}", folder.display())]
    Folder { folder: std::path::PathBuf, source: std::io::Error },
    #[error("{}: cannot write: {source}", file.display())]
    Write { file: std::path::PathBuf, source: std::io::Error },
}

/// Writes files (the library's, the samples') under `assets_dir` (atomically, file by file). Returns how many files.
pub fn write_files(assets_dir: &Path, models: &[(String, Vec<u8>)]) -> Result<usize, WriteLibraryError> {
    for (relative, bytes) in models {
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
    use crate::geometry::model::{DISPLAY_MATERIAL, GEM_PREFIX, METAL_PREFIX, NAIL_MATERIAL};

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

    #[test]
    fn every_components_layout_is_its_models() {
        for component in Component::all() {
            assert_eq!(*component.layout(), ModelLayout::of(&component.model()), "{component:?}");
        }
    }
}
