//! A house's own model as a source of assemblies (no Bevy). `read` takes a glTF file apart, `analyse` proposes what
//! each part is (the `HouseSetup` a collection's manifest stores, corrected by the designer), and `HouseModel::build`
//! puts it in Écrin's ring frame in millimetres — finger along Z, head up (+Y), the finger's centre at the origin —
//! as a `ComponentModel` whose nodes carry their roles. Loaded models are kept by content hash
//! (`register` / `registered`); `Component::House` names one at a ring size, resized by `resize`.

pub mod analyse;
pub mod classify;
mod file;
pub mod inspect;
pub mod instances;
pub mod read;
pub mod registry;
pub mod resize;
pub mod restone;
pub mod shape;
pub mod solid;

pub use registry::{HouseKey, RESIZED_KEPT, component_model, is_ready, key_for, model_key, register, registered};
pub use solid::{encloses_volume, is_closed, is_solid};

use super::mesh::MeshData;
use super::mesh::connected_pieces;
use super::model::{ComponentModel, Material, ModelMesh, ModelNode};
use crate::design::Cut;
use glam::{Affine3A, Mat3, Vec3};
use serde::{Deserialize, Serialize};

/// Which alloy a metal part takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zone {
    /// The band's (the design's metal).
    Band,
    /// The head's: the second metal of a two-tone piece.
    Head,
}

/// What a part of the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartUse {
    Metal(Zone),
    /// Stones: each connected piece of the part is one stone.
    Stone,
    /// Not shown, not weighed (a display stand, a construction curve exported as a mesh).
    LeftOut,
}

/// Where a stone is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StoneSeat {
    /// The centre stone: takes the design's species.
    Centre,
    /// Side stones (a three-stone's, a halo's larger ones).
    Side,
    /// Small diamonds: pavé, halo, channel.
    Melee,
}

impl StoneSeat {
    pub const ALL: [StoneSeat; 3] = [StoneSeat::Centre, StoneSeat::Side, StoneSeat::Melee];
}

/// What a model is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ModelKind {
    /// A band with its head and stones: resized for the finger.
    Ring,
    /// A band alone (maybe with melee): resized for the finger.
    Band,
    /// A head (or a pendant) without a band.
    Head,
    /// A stone alone.
    Stone,
}

impl ModelKind {
    pub const ALL: [ModelKind; 4] = [ModelKind::Ring, ModelKind::Band, ModelKind::Head, ModelKind::Stone];

    pub fn word(self) -> &'static str {
        match self {
            ModelKind::Ring => "ring",
            ModelKind::Band => "band",
            ModelKind::Head => "head",
            ModelKind::Stone => "stone",
        }
    }
}

/// A part of the file as the manifest records it (its names identify it to a person).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSetup {
    pub node: String,
    pub mesh: String,
    pub material: String,
    pub role: PartUse,
}

/// One stone: the `piece`-th connected piece of part `part`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoneSetup {
    pub part: usize,
    pub piece: usize,
    pub seat: StoneSeat,
    /// The cut family its outline is closest to.
    pub cut: Cut,
    /// Its length (the girdle's longest dimension), mm.
    pub size_mm: f32,
}

/// How to read a model in Écrin's terms: what the manifest stores, what the dialog corrects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseSetup {
    pub kind: ModelKind,
    /// The file's units ("mm", "cm", "m", "in").
    pub units: String,
    pub scale_to_mm: f32,
    /// The rotation taking the file's axes to Écrin's (columns).
    pub turn: [[f32; 3]; 3],
    /// Where the finger's centre (a head's or stone's base) is after turning and scaling, mm.
    pub origin_mm: [f32; 3],
    /// The ring's inner diameter as modelled (rings and bands), mm.
    pub inner_diameter_mm: Option<f32>,
    pub parts: Vec<PartSetup>,
    pub stones: Vec<StoneSetup>,
}

/// What a node of a house model is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NodeRole {
    Metal(Zone),
    /// Index into the setup's stones.
    Stone(usize),
}

/// A house model in Écrin's frame, ready to assemble.
pub struct HouseModel {
    pub setup: HouseSetup,
    /// At the modelled size: one node per metal part and per stone (stones centred on their node; stones of one
    /// shape share one mesh, `instances`).
    pub model: ComponentModel,
    /// One role per node of `model`.
    pub roles: Vec<NodeRole>,
    /// Half-angle of the head region seen along the finger (0: no head).
    pub head_angle: f32,
    /// Metal parts that are not closed solids (their volume is no weight): their names.
    pub open_metal: Vec<String>,
    /// Stones whose surface encloses no volume facing out (`encloses_volume`): their nodes' names; their carats are
    /// unavailable.
    pub open_stones: Vec<String>,
}

impl HouseModel {
    /// Puts the read parts in Écrin's frame as the setup says.
    pub fn build(parts: &[read::RawPart], setup: &HouseSetup) -> HouseModel {
        let turn = Mat3::from_cols_array_2d(&setup.turn);
        let origin = Vec3::from(setup.origin_mm);
        let place = |m: &MeshData| {
            let mut placed = MeshData {
                positions: m
                    .positions
                    .iter()
                    .map(|&p| (turn * Vec3::from(p) * setup.scale_to_mm - origin).into())
                    .collect(),
                normals: m.normals.iter().map(|&n| (turn * Vec3::from(n)).normalize_or_zero().into()).collect(),
                indices: m.indices.clone(),
            };
            if placed.normals.len() != placed.positions.len() {
                placed.recompute_smooth_normals();
            }
            placed
        };
        let mut model = ComponentModel { meshes: Vec::new(), nodes: Vec::new() };
        let mut roles = Vec::new();
        let mut open_metal = Vec::new();
        let mut open_stones = Vec::new();
        for (index, (part, part_setup)) in parts.iter().zip(&setup.parts).enumerate() {
            match part_setup.role {
                PartUse::Metal(zone) => {
                    let mesh = place(&part.mesh);
                    let name = label(part_setup, index);
                    if !is_solid(&mesh) {
                        open_metal.push(name.clone());
                    }
                    model.nodes.push(ModelNode {
                        name: name.clone(),
                        mesh: Some(model.meshes.len()),
                        transform: Affine3A::IDENTITY,
                    });
                    model.meshes.push(ModelMesh { name, material: Material::Metal, data: mesh });
                    roles.push(NodeRole::Metal(zone));
                }
                PartUse::Stone => {
                    for (piece, stone) in connected_pieces(&part.mesh).into_iter().enumerate() {
                        let Some(stone_index) = setup.stones.iter().position(|s| s.part == index && s.piece == piece)
                        else {
                            continue;
                        };
                        let mut mesh = place(&stone);
                        let (lo, hi) = mesh.bounds();
                        let centre = (lo + hi) / 2.0;
                        for p in &mut mesh.positions {
                            *p = (Vec3::from(*p) - centre).into();
                        }
                        let material = match setup.stones[stone_index].seat {
                            StoneSeat::Centre => Material::CentreStone,
                            StoneSeat::Side | StoneSeat::Melee => Material::Melee,
                        };
                        let name = format!("{} #{}", label(part_setup, index), piece + 1);
                        if !encloses_volume(&mesh) {
                            open_stones.push(name.clone());
                        }
                        let at = Affine3A::from_translation(centre);
                        // A copy of a stone already met is placed as that one: one mesh, drawn as instances.
                        let same = model.meshes.iter().enumerate().filter(|(_, m)| m.material == material).find_map(
                            |(i, m)| instances::placement_onto(&m.data, &mesh).map(|placement| (i, placement)),
                        );
                        let (mesh_index, transform) = match same {
                            Some((i, placement)) => (i, at * placement),
                            None => {
                                model.meshes.push(ModelMesh { name: name.clone(), material, data: mesh });
                                (model.meshes.len() - 1, at)
                            }
                        };
                        model.nodes.push(ModelNode { name, mesh: Some(mesh_index), transform });
                        roles.push(NodeRole::Stone(stone_index));
                    }
                }
                PartUse::LeftOut => {}
            }
        }
        let head_angle = head_angle_of(&model, &roles, setup);
        HouseModel { setup: setup.clone(), model, roles, head_angle, open_metal, open_stones }
    }

    /// Whether the ring size changes the model.
    pub fn resizable(&self) -> bool {
        matches!(self.setup.kind, ModelKind::Ring | ModelKind::Band) && self.setup.inner_diameter_mm.is_some()
    }

    /// How far the band moves out for a ring size (mm; 0 when it is not resizable).
    pub fn shift_mm(&self, ring_size_mm: f32) -> f32 {
        match self.setup.inner_diameter_mm.filter(|_| self.resizable()) {
            Some(modelled) => (crate::design::ring_size::inner_diameter_mm(ring_size_mm) - modelled) / 2.0,
            None => 0.0,
        }
    }

    /// The model at a ring size (metal vertices and stones moved as `resize` says), with its centre stone at
    /// `stone_mm` long where it can be re-stoned (`restone`; `None`: as modelled).
    pub fn made(&self, ring_size_mm: f32, stone_mm: Option<f32>) -> ComponentModel {
        let restoned = stone_mm
            .zip(self.setup.centre_mm())
            .zip(restone::head_base(self))
            .map(|((asked, modelled), base)| restone::with_head_scaled(self, base, asked / modelled.max(0.01)));
        let (source, head_angle) = match &restoned {
            Some(model) => (model, head_angle_of(model, &self.roles, &self.setup)),
            None => (&self.model, self.head_angle),
        };
        let shift = self.shift_mm(ring_size_mm);
        let move_point = |p: Vec3| p + resize::displacement(p, shift, head_angle);
        ComponentModel {
            meshes: source
                .meshes
                .iter()
                .map(|m| ModelMesh {
                    name: m.name.clone(),
                    material: m.material,
                    data: match m.material {
                        Material::Metal if shift != 0.0 => MeshData {
                            positions: m.data.positions.iter().map(|&p| move_point(p.into()).into()).collect(),
                            ..m.data.clone()
                        },
                        _ => m.data.clone(),
                    },
                })
                .collect(),
            // Stones move whole with the point they sit on; a metal part's vertices moved above, its node stays.
            nodes: source
                .nodes
                .iter()
                .map(|n| {
                    let metal =
                        n.mesh.and_then(|m| source.meshes.get(m)).is_some_and(|m| m.material == Material::Metal);
                    let transform = if metal {
                        n.transform
                    } else {
                        Affine3A::from_translation(move_point(n.transform.translation.into()))
                            * Affine3A::from_mat3(n.transform.matrix3.into())
                    };
                    ModelNode { name: n.name.clone(), mesh: n.mesh, transform }
                })
                .collect(),
        }
    }
}

/// A part's name for people: its node's, else its mesh's or material's.
fn label(part: &PartSetup, index: usize) -> String {
    [&part.node, &part.mesh, &part.material]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("part {}", index + 1))
}

/// The head's half-angle seen along the finger (0 for what is not a ring): from the corners of the head's metal and
/// of its centre and side stones (see `resize`).
fn head_angle_of(model: &ComponentModel, roles: &[NodeRole], setup: &HouseSetup) -> f32 {
    match setup.kind {
        ModelKind::Ring => {
            let head_points = model.nodes.iter().zip(roles).flat_map(|(node, role)| {
                let in_head = match role {
                    NodeRole::Metal(zone) => *zone == Zone::Head,
                    NodeRole::Stone(i) => setup.stones.get(*i).is_some_and(|s| s.seat != StoneSeat::Melee),
                };
                let mesh = node.mesh.and_then(|m| model.meshes.get(m)).filter(|_| in_head);
                mesh.map(|m| {
                    let (lo, hi) = m.data.bounds();
                    (0..8).map(move |c| {
                        node.transform.transform_point3(Vec3::new(
                            if c & 1 == 0 { lo.x } else { hi.x },
                            if c & 2 == 0 { lo.y } else { hi.y },
                            if c & 4 == 0 { lo.z } else { hi.z },
                        ))
                    })
                })
                .into_iter()
                .flatten()
            });
            resize::head_angle(head_points.filter(|p| p.y > 0.0))
        }
        ModelKind::Band => 0.0,
        ModelKind::Head | ModelKind::Stone => 0.0,
    }
}
