//! Writing binary glTF (.glb) with the gltf crates: named meshes, named materials (gems with the Khronos
//! extensions for refraction, dispersion and body colour) and named nodes, and a camera when one is given.

use super::mesh::MeshData;
use glam::Affine3A;
use gltf_json as json;
use json::validation::Checked::Valid;
use json::validation::USize64;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Material of a part: the name tells the studio how to render it (`metal*` or `gem*`); an empty name is written
/// as no name (as some exporters do).
#[derive(Clone, Copy)]
pub struct GlbMaterial<'a> {
    pub name: &'a str,
    pub base_colour: [f32; 4],
    pub metallic: f32,
    pub roughness: f32,
    /// A gem: KHR_materials_transmission (1) and KHR_materials_ior, as web configurators mark it, and its
    /// dispersion and body colour when known.
    pub gem: Option<GlbGem>,
}

/// How a gem bends and colours light, in the Khronos extensions' terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlbGem {
    /// KHR_materials_ior: the refractive index at the sodium D line.
    pub ior: f32,
    /// KHR_materials_dispersion: 20 / the Abbe number.
    pub dispersion: Option<f32>,
    /// KHR_materials_volume: the linear colour white light turns into after `attenuation_distance` mm inside.
    pub attenuation: Option<([f32; 3], f32)>,
}

impl GlbGem {
    /// A gem known only by its refractive index.
    pub fn ior(ior: f32) -> GlbGem {
        GlbGem { ior, dispersion: None, attenuation: None }
    }
}

/// A perspective camera placed in the scene (glTF's camera looks down its node's −Z, +Y up).
#[derive(Clone, Copy, Debug)]
pub struct GlbCamera {
    pub yfov: f32,
    pub aspect_ratio: f32,
    pub znear: f32,
    pub transform: Affine3A,
}

pub struct GlbMesh<'a> {
    pub name: &'a str,
    pub material: usize,
    pub data: &'a MeshData,
}

pub struct GlbNode {
    pub name: String,
    pub mesh: Option<usize>,
    pub transform: Affine3A,
}

/// The GLB bytes of one scene holding these nodes (every node a root of the scene).
/// Why a glTF could not be written (Écrin writes its own data: a bug, or a number JSON cannot hold).
#[derive(Debug, thiserror::Error)]
pub enum GlbError {
    #[error("its JSON could not be written: {0}")]
    Json(#[from] gltf::json::Error),
    #[error("the GLB could not be put together: {0}")]
    Pack(#[from] gltf::Error),
}

pub fn write_glb(materials: &[GlbMaterial], meshes: &[GlbMesh], nodes: &[GlbNode]) -> Result<Vec<u8>, GlbError> {
    write_glb_with_camera(materials, meshes, nodes, None)
}

/// The glTF material extensions of a gem.
fn gem_extensions(gem: GlbGem) -> json::extensions::material::Material {
    use json::extensions::material as khr;
    let mut others = serde_json::Map::new();
    if let Some(dispersion) = gem.dispersion {
        others.insert("KHR_materials_dispersion".into(), serde_json::json!({ "dispersion": dispersion }));
    }
    khr::Material {
        transmission: Some(khr::Transmission {
            transmission_factor: khr::TransmissionFactor(1.0),
            ..Default::default()
        }),
        ior: Some(khr::Ior { ior: khr::IndexOfRefraction(gem.ior), ..Default::default() }),
        volume: gem.attenuation.map(|(colour, distance)| khr::Volume {
            // A stone is a closed volume: its thickness is what its own mesh encloses (no texture).
            thickness_factor: khr::ThicknessFactor(1.0),
            thickness_texture: None,
            attenuation_distance: khr::AttenuationDistance(distance),
            attenuation_color: khr::AttenuationColor(colour),
            extras: Default::default(),
        }),
        others,
        ..Default::default()
    }
}

/// As `write_glb`, with a camera node when one is given.
pub fn write_glb_with_camera(
    materials: &[GlbMaterial],
    meshes: &[GlbMesh],
    nodes: &[GlbNode],
    camera: Option<GlbCamera>,
) -> Result<Vec<u8>, GlbError> {
    let mut root = json::Root::default();
    root.asset.generator = Some("Écrin generate-assets".into());
    if materials.iter().any(|m| m.gem.is_some()) {
        root.extensions_used = vec!["KHR_materials_transmission".into(), "KHR_materials_ior".into()];
    }
    if materials.iter().any(|m| m.gem.is_some_and(|g| g.attenuation.is_some())) {
        root.extensions_used.push("KHR_materials_volume".into());
    }
    if materials.iter().any(|m| m.gem.is_some_and(|g| g.dispersion.is_some())) {
        root.extensions_used.push("KHR_materials_dispersion".into());
    }
    let mut bin: Vec<u8> = Vec::new();
    let buffer = root.push(json::Buffer {
        byte_length: USize64(0),
        extensions: None,
        extras: Default::default(),
        name: None,
        uri: None,
    });
    let material_indices: Vec<_> = materials
        .iter()
        .map(|m| {
            root.push(json::Material {
                name: (!m.name.is_empty()).then(|| m.name.into()),
                extensions: m.gem.map(gem_extensions),
                pbr_metallic_roughness: json::material::PbrMetallicRoughness {
                    base_color_factor: json::material::PbrBaseColorFactor(m.base_colour),
                    metallic_factor: json::material::StrengthFactor(m.metallic),
                    roughness_factor: json::material::StrengthFactor(m.roughness),
                    ..Default::default()
                },
                ..Default::default()
            })
        })
        .collect();
    let mut push_view = |root: &mut json::Root, bytes: &[u8], target: json::buffer::Target| {
        let offset = bin.len();
        bin.extend_from_slice(bytes);
        while !bin.len().is_multiple_of(4) {
            bin.push(0);
        }
        root.push(json::buffer::View {
            buffer,
            byte_length: USize64::from(bytes.len()),
            byte_offset: Some(USize64::from(offset)),
            byte_stride: None,
            extensions: None,
            extras: Default::default(),
            name: None,
            target: Some(Valid(target)),
        })
    };
    let mut mesh_indices = Vec::new();
    for mesh in meshes {
        let (lo, hi) = mesh.data.bounds();
        let floats = |values: &[[f32; 3]]| values.iter().flatten().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
        let accessor =
            |root: &mut json::Root, view, count: usize, component, type_, bounds: Option<([f32; 3], [f32; 3])>| {
                root.push(json::Accessor {
                    buffer_view: Some(view),
                    byte_offset: Some(USize64(0)),
                    count: USize64::from(count),
                    component_type: Valid(json::accessor::GenericComponentType(component)),
                    extensions: None,
                    extras: Default::default(),
                    type_: Valid(type_),
                    min: bounds.map(|(lo, _)| json::Value::from(lo.to_vec())),
                    max: bounds.map(|(_, hi)| json::Value::from(hi.to_vec())),
                    name: None,
                    normalized: false,
                    sparse: None,
                })
            };
        let count = mesh.data.positions.len();
        let view = push_view(&mut root, &floats(&mesh.data.positions), json::buffer::Target::ArrayBuffer);
        let positions = accessor(
            &mut root,
            view,
            count,
            json::accessor::ComponentType::F32,
            json::accessor::Type::Vec3,
            Some((lo.into(), hi.into())),
        );
        let view = push_view(&mut root, &floats(&mesh.data.normals), json::buffer::Target::ArrayBuffer);
        let normals =
            accessor(&mut root, view, count, json::accessor::ComponentType::F32, json::accessor::Type::Vec3, None);
        let index_bytes: Vec<u8> = mesh.data.indices.iter().flat_map(|i| i.to_le_bytes()).collect();
        let view = push_view(&mut root, &index_bytes, json::buffer::Target::ElementArrayBuffer);
        let indices = accessor(
            &mut root,
            view,
            mesh.data.indices.len(),
            json::accessor::ComponentType::U32,
            json::accessor::Type::Scalar,
            None,
        );
        let attributes = BTreeMap::from([
            (Valid(json::mesh::Semantic::Positions), positions),
            (Valid(json::mesh::Semantic::Normals), normals),
        ]);
        mesh_indices.push(root.push(json::Mesh {
            extensions: None,
            extras: Default::default(),
            name: Some(mesh.name.into()),
            primitives: vec![json::mesh::Primitive {
                attributes,
                extensions: None,
                extras: Default::default(),
                indices: Some(indices),
                material: material_indices.get(mesh.material).copied(),
                mode: Valid(json::mesh::Mode::Triangles),
                targets: None,
            }],
            weights: None,
        }));
    }
    let mut node_indices: Vec<_> = nodes
        .iter()
        .map(|node| {
            let (scale, rotation, translation) = node.transform.to_scale_rotation_translation();
            root.push(json::Node {
                name: Some(node.name.clone()),
                mesh: node.mesh.and_then(|i| mesh_indices.get(i).copied()),
                translation: (translation != glam::Vec3::ZERO).then(|| translation.into()),
                rotation: (rotation != glam::Quat::IDENTITY).then(|| json::scene::UnitQuaternion(rotation.into())),
                scale: (scale != glam::Vec3::ONE).then(|| scale.into()),
                ..Default::default()
            })
        })
        .collect();
    if let Some(camera) = camera {
        let index = root.push(json::Camera {
            name: Some("view".into()),
            type_: Valid(json::camera::Type::Perspective),
            orthographic: None,
            perspective: Some(json::camera::Perspective {
                aspect_ratio: Some(camera.aspect_ratio),
                yfov: camera.yfov,
                zfar: None,
                znear: camera.znear,
                extensions: None,
                extras: Default::default(),
            }),
            extensions: None,
            extras: Default::default(),
        });
        let (_, rotation, translation) = camera.transform.to_scale_rotation_translation();
        node_indices.push(root.push(json::Node {
            name: Some("camera".into()),
            camera: Some(index),
            translation: Some(translation.into()),
            rotation: Some(json::scene::UnitQuaternion(rotation.into())),
            ..Default::default()
        }));
    }
    let scene = root.push(json::Scene {
        extensions: None,
        extras: Default::default(),
        name: Some("ecrin".into()),
        nodes: node_indices,
    });
    root.scene = Some(scene);
    root.buffers[0].byte_length = USize64::from(bin.len());
    let json_text = json::serialize::to_string(&root)?;
    let glb = gltf::binary::Glb {
        header: gltf::binary::Header { magic: *b"glTF", version: 2, length: 0 },
        json: Cow::Owned(json_text.into_bytes()),
        bin: Some(Cow::Owned(bin)),
    };
    let mut bytes = Vec::new();
    glb.to_writer(&mut bytes)?;
    Ok(bytes)
}
