//! A head and a band of the collection made one ring. Their manifests say where they join: a band alone is built
//! with the finger's centre at the origin and its top on +Y (the head's seat is the top of its metal over the
//! finger), a head alone with its base at the origin and its stone's table up. The head is set on the band's top
//! (sunk `SINK_MM` into it, as a jeweller solders it), and the two are written as one model in Écrin's frame
//! (millimetres, Y up, finger along Z): its band metal, its head metal (a part of its own, so the ring is two-tone
//! at will and its centre stone can change size with the head), and every stone with its seat. The new model joins
//! the collection like any other; its manifest names the band and the head it was made from.

use super::manifest::MadeFrom;
use super::{Allowed, Collection, CollectionError, Manifest};
use crate::design::source::CollectionRef;
use crate::geometry::glb::{GlbGem, GlbMaterial, GlbMesh, GlbNode, write_glb};
use crate::geometry::house::{HouseModel, HouseSetup, ModelKind, NodeRole, PartSetup, PartUse, StoneSetup, Zone};
use crate::geometry::mesh::MeshData;
use glam::{Affine3A, Vec3};
use std::sync::Arc;

/// How far the head's base goes into the band's top, mm (no gap where they are soldered).
pub const SINK_MM: f32 = 0.05;

/// The top of a band over the finger: the highest point of its metal within half a millimetre of the top line.
fn band_top_mm(band: &HouseModel) -> Option<f32> {
    band.model
        .nodes
        .iter()
        .zip(&band.roles)
        .filter(|(_, role)| matches!(role, NodeRole::Metal(_)))
        .filter_map(|(node, _)| band.model.meshes.get(node.mesh?).map(|m| (node.transform, m)))
        .flat_map(|(at, mesh)| mesh.data.positions.iter().map(move |&p| at.transform_point3(p.into())))
        .filter(|p| p.x.abs() < 0.5 && p.y > 0.0)
        .map(|p| p.y)
        .fold(None, |top: Option<f32>, y| Some(top.map_or(y, |t| t.max(y))))
}

/// One part of the combined model: its mesh where the ring puts it, its role, and its stone's setup.
struct CombinedPart {
    name: String,
    data: MeshData,
    role: PartUse,
    stone: Option<StoneSetup>,
}

/// The parts of one model placed by `at`; metal in `zone`.
fn parts_of(model: &HouseModel, at: Affine3A, zone: Zone, prefix: &str, out: &mut Vec<CombinedPart>) {
    for (node, &role) in model.model.nodes.iter().zip(&model.roles) {
        let Some(mesh) = node.mesh.and_then(|m| model.model.meshes.get(m)) else { continue };
        let data = mesh.data.transformed(at * node.transform);
        let name = format!("{prefix}: {}", node.name);
        match role {
            NodeRole::Metal(_) => out.push(CombinedPart { name, data, role: PartUse::Metal(zone), stone: None }),
            NodeRole::Stone(i) => {
                let Some(stone) = model.setup.stones.get(i) else { continue };
                let stone = StoneSetup { part: out.len(), piece: 0, ..stone.clone() };
                out.push(CombinedPart { name, data, role: PartUse::Stone, stone: Some(stone) });
            }
        }
    }
}

/// Why a head and a band cannot be made one ring (data: `i18n::errors` says it to people).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CombineProblem {
    #[error("“{id}” is a {}, not a {}", found.word(), wanted.word())]
    WrongKind { id: String, wanted: ModelKind, found: ModelKind },
    #[error("“{id}” has no metal over the finger to set a head on")]
    NoTop { id: String },
    #[error("{reason}")]
    Write { reason: String },
}

impl Collection {
    /// Makes one ring of a band and a head of the collection and adds it (see the module's note); its manifest
    /// allows the band's ring sizes and the head's centre stones.
    pub fn combine(&self, band_id: &str, head_id: &str, name: Option<&str>) -> Result<Manifest, CollectionError> {
        let (band_manifest, head_manifest) = (self.manifest(band_id)?, self.manifest(head_id)?);
        let wrong = |id: &str, wanted: ModelKind, found: ModelKind| CollectionError::Combine {
            problem: CombineProblem::WrongKind { id: id.to_string(), wanted, found },
        };
        if band_manifest.setup.kind != ModelKind::Band {
            return Err(wrong(band_id, ModelKind::Band, band_manifest.setup.kind));
        }
        if head_manifest.setup.kind != ModelKind::Head {
            return Err(wrong(head_id, ModelKind::Head, head_manifest.setup.kind));
        }
        let reference = |m: &Manifest| CollectionRef { id: m.id.clone(), name: m.name.clone(), hash: m.hash.clone() };
        let band: Arc<HouseModel> = self.load(&reference(&band_manifest))?;
        let head: Arc<HouseModel> = self.load(&reference(&head_manifest))?;
        let top = band_top_mm(&band)
            .ok_or_else(|| CollectionError::Combine { problem: CombineProblem::NoTop { id: band_id.to_string() } })?;
        let head_at = Affine3A::from_translation(Vec3::Y * (top - SINK_MM));
        let mut parts = Vec::new();
        parts_of(&band, Affine3A::IDENTITY, Zone::Band, &band_manifest.name, &mut parts);
        parts_of(&head, head_at, Zone::Head, &head_manifest.name, &mut parts);

        // One GLB in Écrin's frame: what the designer would export from the two files put together.
        let metal = GlbMaterial {
            name: "Metal",
            base_colour: [0.95, 0.8, 0.5, 1.0],
            metallic: 1.0,
            roughness: 0.15,
            gem: None,
        };
        let gem = GlbMaterial {
            name: "Diamond",
            base_colour: [1.0; 4],
            metallic: 0.0,
            roughness: 0.0,
            gem: Some(GlbGem::ior(2.42)),
        };
        let meshes: Vec<GlbMesh> = parts
            .iter()
            .map(|p| GlbMesh { name: &p.name, material: usize::from(p.role == PartUse::Stone), data: &p.data })
            .collect();
        let nodes: Vec<GlbNode> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| GlbNode { name: p.name.clone(), mesh: Some(i), transform: Affine3A::IDENTITY })
            .collect();
        let bytes = write_glb(&[metal, gem], &meshes, &nodes)
            .map_err(|e| CollectionError::Combine { problem: CombineProblem::Write { reason: e.to_string() } })?;
        let setup = HouseSetup {
            kind: ModelKind::Ring,
            units: "mm".into(),
            scale_to_mm: 1.0,
            turn: glam::Mat3::IDENTITY.to_cols_array_2d(),
            origin_mm: [0.0; 3],
            inner_diameter_mm: band.setup.inner_diameter_mm,
            parts: parts
                .iter()
                .map(|p| PartSetup {
                    node: p.name.clone(),
                    mesh: p.name.clone(),
                    material: String::new(),
                    role: p.role,
                })
                .collect(),
            stones: parts.iter().filter_map(|p| p.stone.clone()).collect(),
        };
        let allowed = Allowed {
            ring_sizes_mm: band_manifest.allowed.ring_sizes_mm,
            centre_species: head_manifest.allowed.centre_species.clone(),
            centre_mm: head_manifest.allowed.centre_mm,
        };
        // Written beside the collection's files, added (copied under its hash), then let go.
        let file = self.dir.join(format!("combining-{}.glb", std::process::id()));
        std::fs::create_dir_all(&self.dir).map_err(super::io(&self.dir))?;
        std::fs::write(&file, bytes).map_err(super::io(&file))?;
        // (Cut to a name's length: two long names together would be refused as a name.)
        let default_name: String = format!("{} on {}", head_manifest.name, band_manifest.name)
            .chars()
            .take(crate::design::limits::NAME_MAX_CHARS)
            .collect();
        let added = self.add_stored(&file, Some(name.unwrap_or(&default_name)), setup, allowed);
        let _ = std::fs::remove_file(&file);
        let mut manifest = added?;
        manifest.made_from =
            Some(MadeFrom { band: band_manifest.id, head: head_manifest.id, head_at_mm: top - SINK_MM });
        self.save(&manifest)?;
        Ok(manifest)
    }
}
