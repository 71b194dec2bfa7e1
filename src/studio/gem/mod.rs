//! The gem material: `shaders/gem.wgsl` traces each pixel through the stone's facet planes (one material per cut,
//! species parameters edited in place when the stone changes, so no new pipeline is ever needed); the centre stone
//! also sees its setting (`setting.rs`).

mod setting;
mod walk;

pub use setting::{SeesSetting, StoneSetting, settings_traced};

use super::StudioSystems;
use super::lighting::{ENVIRONMENT_INTENSITY, StudioEnvironment};
use super::pieces::{Piece, PieceSpawn, PieceStone, piece_of};
use crate::design::{Cut, Species};
use crate::geometry::cut::facet_planes;
use crate::geometry::polyhedron::StoneMeshError;
use crate::optics::ChannelIor;
use crate::optics::metrics::BOUNCES;
use crate::optics::view::absorption_per_mm;
use bevy::asset::uuid_handle;
use bevy::ecs::system::EntityCommands;
use bevy::mesh::MeshVertexBufferLayoutRef;
use bevy::pbr::{MaterialPipeline, MaterialPipelineKey};
use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, RenderPipelineDescriptor, ShaderType, SpecializedMeshPipelineError};
use bevy::shader::ShaderRef;
use std::collections::HashMap;

/// Facet planes the shader holds (the largest cut has fewer; a test checks it).
pub const MAX_PLANES: usize = 160;

const GEM_SHADER: Handle<Shader> = uuid_handle!("5b0c6a53-2f0e-4d0a-9a8e-0c3f4e1d7a21");

#[derive(ShaderType, Clone, Copy, Debug)]
pub struct GemParams {
    pub planes: [Vec4; MAX_PLANES],
    /// Refractive index for red, green, blue; w: the observer's soft edge (radians, `optics::observer::EDGE`).
    pub ior: Vec4,
    pub absorption: Vec4,
    pub plane_count: u32,
    pub bounces: u32,
    pub environment_intensity: f32,
    /// Half the angle the observer subtends (radians, `optics::observer::HALF_ANGLE`); 0: no observer.
    pub observer_half_angle: f32,
    /// What the stone sees of its setting (`optics::setting`): xyz the table's centre in the stone's frame, w 1 when
    /// this stone reads the table (a centre stone whose setting is traced), 0 otherwise.
    pub setting_centre: Vec4,
    /// The band's and the head's metal as the stone sees them: F0, linear RGB (w unused).
    pub band_metal: Vec4,
    pub head_metal: Vec4,
    /// The highest the setting's metal reaches above the table's centre (stone lengths, `SettingView::top`).
    pub setting_top: f32,
    /// 1: the exit is found by walking the tables below (`optics::walk`); 0: by testing every plane.
    pub walk: u32,
    pub walk_spans: [UVec4; walk::SPAN_VECTORS],
    pub walk_neighbours: [UVec4; walk::NEIGHBOUR_VECTORS],
    pub walk_start: [UVec4; walk::START_VECTORS],
}

impl GemParams {
    /// These parameters in another species (the planes and their tables stay).
    pub fn with_species(self, species: Species) -> GemParams {
        let data = species.data();
        let ior = ChannelIor::new(data.refractive_index, data.dispersion).0;
        GemParams {
            ior: Vec3::from(ior).extend(crate::optics::observer::EDGE),
            absorption: Vec3::from(absorption_per_mm(species)).extend(0.0),
            ..self
        }
    }

    /// These parameters with another's view of the setting (its table's centre and its metals).
    pub fn with_setting_of(self, other: &GemParams) -> GemParams {
        GemParams {
            setting_centre: other.setting_centre,
            setting_top: other.setting_top,
            band_metal: other.band_metal,
            head_metal: other.head_metal,
            ..self
        }
    }
}

/// A faceted stone traced per pixel.
#[derive(Asset, TypePath, AsBindGroup, Clone, Debug)]
pub struct GemMaterial {
    #[uniform(0)]
    pub params: GemParams,
    #[texture(1, dimension = "cube")]
    #[sampler(2)]
    pub environment: Handle<Image>,
    /// The setting as the stone sees it (`optics::setting::SettingView`'s texels, RGBA32F; read without filtering).
    #[texture(3, sample_type = "float", filterable = false)]
    pub setting: Handle<Image>,
}

impl Material for GemMaterial {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Handle(GEM_SHADER)
    }

    fn specialize(
        _pipeline: &MaterialPipeline,
        descriptor: &mut RenderPipelineDescriptor,
        _layout: &MeshVertexBufferLayoutRef,
        _key: MaterialPipelineKey<Self>,
    ) -> Result<(), SpecializedMeshPipelineError> {
        // The fragment needs the instance to go from world space back to the stone's facet frame.
        descriptor.vertex.shader_defs.push("VERTEX_OUTPUT_INSTANCE_INDEX".into());
        if let Some(fragment) = descriptor.fragment.as_mut() {
            fragment.shader_defs.push("VERTEX_OUTPUT_INSTANCE_INDEX".into());
        }
        Ok(())
    }
}

/// Shader parameters of a cut in a species (each cut's walk tables made once per run).
pub fn gem_params(cut: Cut, species: Species) -> GemParams {
    static WALKS: std::sync::OnceLock<Vec<crate::optics::walk::FacetWalk>> = std::sync::OnceLock::new();
    let walks = WALKS.get_or_init(|| Cut::ALL.map(|c| crate::optics::walk::FacetWalk::of(&facet_planes(c))).to_vec());
    match Cut::ALL.iter().position(|&c| c == cut).and_then(|index| walks.get(index)) {
        Some(walk) => gem_params_for_walk(walk, species),
        None => gem_params_for_planes(&facet_planes(cut), species),
    }
}

/// Shader parameters of any convex stone (its facet planes in its own frame, in mm or stone lengths).
pub fn gem_params_for_planes(planes: &[crate::geometry::polyhedron::Plane], species: Species) -> GemParams {
    gem_params_for_walk(&crate::optics::walk::FacetWalk::of(planes), species)
}

fn gem_params_for_walk(stone: &crate::optics::walk::FacetWalk, species: Species) -> GemParams {
    let planes = &stone.planes;
    let mut packed = [Vec4::ZERO; MAX_PLANES];
    for (slot, plane) in packed.iter_mut().zip(planes) {
        *slot = plane.normal.extend(plane.offset);
    }
    let tables = walk::WalkTables::pack(stone);
    let walked = tables.unwrap_or(walk::WalkTables::EMPTY);
    GemParams {
        planes: packed,
        ior: Vec4::ZERO,
        absorption: Vec4::ZERO,
        plane_count: planes.len().min(MAX_PLANES) as u32,
        bounces: BOUNCES as u32,
        environment_intensity: ENVIRONMENT_INTENSITY,
        observer_half_angle: crate::optics::observer::HALF_ANGLE,
        setting_centre: Vec4::ZERO,
        band_metal: Vec4::ZERO,
        head_metal: Vec4::ZERO,
        setting_top: 0.0,
        walk: u32::from(tables.is_some()),
        walk_spans: walked.spans,
        walk_neighbours: walked.neighbours,
        walk_start: walked.start,
    }
    .with_species(species)
}

/// One gem material per cut for the centre stone, one for the melee (round, in the side stones' species); and Bevy's own
/// screen-space transmission materials, kept for the side-by-side comparison and the benchmark. One set per piece
/// (on the piece entity).
#[derive(Component, Clone)]
pub struct GemMaterials {
    pub centre: HashMap<Cut, Handle<GemMaterial>>,
    pub melee: Handle<GemMaterial>,
    pub standard_centre: Handle<StandardMaterial>,
    pub standard_melee: Handle<StandardMaterial>,
    /// The table of what the centre stone sees of its setting, shared by the centre materials (`StoneSetting`).
    pub setting: Handle<Image>,
}

/// How stones are drawn: Écrin's traced gem (the studio) or StandardMaterial transmission (comparison only).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoneRendering {
    #[default]
    Traced,
    StandardTransmission,
}

/// A stone part: which material it takes in either rendering.
#[derive(Component, Clone, Copy, Debug)]
pub struct GemPart {
    pub melee: bool,
    pub cut: Cut,
    /// False when the stone's mesh is not a convex solid the shader can trace (then: Bevy's transmission).
    pub traceable: bool,
}

/// Checks that a stone mesh is a convex solid with few enough facets for the gem shader.
/// A mesh whose vertices were handed to the render world only (`floor::models::mesh_usage`: the library's heads,
/// whose stones the library's test checks) cannot be read here: nothing to check.
pub fn check_stone_mesh(mesh: &Mesh) -> Result<(), StoneMeshError> {
    use bevy::mesh::{Indices, VertexAttributeValues};
    let Ok(positions) = mesh.try_attribute_option(Mesh::ATTRIBUTE_POSITION) else { return Ok(()) };
    let Some(VertexAttributeValues::Float32x3(positions)) = positions else {
        return Err(StoneMeshError::NoPositions);
    };
    let indices: Vec<u32> = match mesh.try_indices_option().ok().flatten() {
        Some(Indices::U32(indices)) => indices.clone(),
        Some(Indices::U16(indices)) => indices.iter().map(|&i| u32::from(i)).collect(),
        None => (0..positions.len() as u32).collect(),
    };
    if indices.iter().any(|&i| i as usize >= positions.len()) {
        return Err(StoneMeshError::IndexPastVertices);
    }
    let data = crate::geometry::mesh::MeshData { positions: positions.clone(), normals: Vec::new(), indices };
    crate::geometry::polyhedron::convex_planes_of_mesh(&data, MAX_PLANES).map(|_| ())
}

/// Bevy's transmissive StandardMaterial for a species: one screen-space refraction, no internal reflections.
pub fn standard_transmission(species: Species) -> StandardMaterial {
    let data = species.data();
    let [r, g, b] = data.body_colour_srgb;
    StandardMaterial {
        base_color: Color::srgb(r, g, b),
        perceptual_roughness: 0.02,
        metallic: 0.0,
        specular_transmission: 1.0,
        ior: data.refractive_index,
        thickness: 4.0,
        reflectance: 1.0,
        ..default()
    }
}

impl GemMaterials {
    /// Inserts the material this part takes in the given rendering (and removes the other kind).
    pub fn apply(&self, entity: &mut EntityCommands, part: GemPart, rendering: StoneRendering) {
        let rendering = if part.traceable { rendering } else { StoneRendering::StandardTransmission };
        match rendering {
            StoneRendering::Traced => {
                let handle = if part.melee { Some(self.melee.clone()) } else { self.centre.get(&part.cut).cloned() };
                if let Some(handle) = handle {
                    entity
                        .remove::<(MeshMaterial3d<StandardMaterial>, MeshMaterial3d<super::materials::MetalMaterial>)>()
                        .insert(MeshMaterial3d(handle));
                }
            }
            StoneRendering::StandardTransmission => {
                let handle = if part.melee { self.standard_melee.clone() } else { self.standard_centre.clone() };
                entity
                    .remove::<(MeshMaterial3d<GemMaterial>, MeshMaterial3d<super::materials::MetalMaterial>)>()
                    .insert(MeshMaterial3d(handle));
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    super::embed_shader(app, &GEM_SHADER, include_str!("../../../shaders/gem.wgsl"), "shaders/gem.wgsl");
    setting::plugin(app);
    app.add_plugins(MaterialPlugin::<GemMaterial>::default()).init_resource::<StoneRendering>().add_systems(
        Update,
        (
            give_pieces_gems.in_set(PieceSpawn),
            (follow_piece_stones, switch_stone_rendering.run_if(resource_changed::<StoneRendering>))
                .in_set(StudioSystems::SyncMaterials),
            see_the_environment
                .run_if(resource_changed::<StudioEnvironment>)
                .after(super::lighting::apply_presentation)
                .in_set(StudioSystems::SyncMaterials),
        ),
    );
}

/// The stones see the light the presentation chose (the cameras switch to it in `lighting/`).
fn see_the_environment(
    environment: Res<StudioEnvironment>,
    pieces_gems: Query<&GemMaterials>,
    mut gem_assets: ResMut<Assets<GemMaterial>>,
) {
    for gems in &pieces_gems {
        for handle in gems.centre.values().chain([&gems.melee]) {
            if let Some(mut gem) = gem_assets.get_mut(handle)
                && gem.environment != environment.cubemap
            {
                gem.environment = environment.cubemap.clone();
            }
        }
    }
}

/// New pieces get their own stones' materials (same material types: no new pipeline) and the table of what their
/// centre stone sees of its setting (empty until traced).
fn give_pieces_gems(
    mut commands: Commands,
    pieces: Query<(Entity, &PieceStone), Without<GemMaterials>>,
    environment: Res<StudioEnvironment>,
    mut materials: ResMut<Assets<GemMaterial>>,
    mut standard: ResMut<Assets<StandardMaterial>>,
    mut images: ResMut<Assets<Image>>,
) {
    for (piece, stone) in &pieces {
        let table = images.add(setting::empty_table());
        let mut make = |cut, species| {
            materials.add(GemMaterial {
                params: gem_params(cut, species),
                environment: environment.cubemap.clone(),
                setting: table.clone(),
            })
        };
        let centre = Cut::ALL.iter().map(|&cut| (cut, make(cut, stone.centre))).collect();
        let melee = make(Cut::RoundBrilliant, stone.side);
        let standard_centre = standard.add(standard_transmission(stone.centre));
        let standard_melee = standard.add(standard_transmission(stone.side));
        commands.entity(piece).insert((
            GemMaterials { centre, melee, standard_centre, standard_melee, setting: table.clone() },
            StoneSetting::new(table),
        ));
    }
}

fn switch_stone_rendering(
    mut commands: Commands,
    rendering: Res<StoneRendering>,
    parts: Query<(Entity, &GemPart)>,
    (parents, pieces, gems): (Query<&ChildOf>, Query<(), With<Piece>>, Query<&GemMaterials>),
) {
    for (entity, part) in &parts {
        if let Some(gems) = piece_of(entity, &parents, &pieces).and_then(|piece| gems.get(piece).ok()) {
            gems.apply(&mut commands.entity(entity), *part, *rendering);
        }
    }
}

/// A piece's stones changed species: their materials are edited in place (the planes stay).
fn follow_piece_stones(
    pieces: Query<(&PieceStone, &GemMaterials), Changed<PieceStone>>,
    mut materials: ResMut<Assets<GemMaterial>>,
    mut standard: ResMut<Assets<StandardMaterial>>,
) {
    for (stone, gems) in &pieces {
        for handle in gems.centre.values() {
            if let Some(mut material) = materials.get_mut(handle) {
                material.params = material.params.with_species(stone.centre);
            }
        }
        if let Some(mut material) = materials.get_mut(&gems.melee) {
            material.params = material.params.with_species(stone.side);
        }
        if let Some(mut material) = standard.get_mut(&gems.standard_centre) {
            *material = standard_transmission(stone.centre);
        }
        if let Some(mut material) = standard.get_mut(&gems.standard_melee) {
            *material = standard_transmission(stone.side);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bevy_mesh(data: crate::geometry::mesh::MeshData) -> Mesh {
        Mesh::new(bevy::mesh::PrimitiveTopology::TriangleList, bevy::asset::RenderAssetUsages::default())
            .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, data.positions)
            .with_inserted_indices(bevy::mesh::Indices::U32(data.indices))
    }

    #[test]
    fn only_convex_stone_meshes_are_traced() {
        let stone = crate::geometry::cut::unit_polyhedron(Cut::Pear).to_mesh();
        assert_eq!(check_stone_mesh(&bevy_mesh(stone)), Ok(()));
        let mut two_stones = crate::geometry::cut::unit_polyhedron(Cut::RoundBrilliant).to_mesh();
        let moved = two_stones.transformed(bevy::math::Affine3A::from_translation(Vec3::X * 1.5));
        two_stones.append(&moved);
        let problem = check_stone_mesh(&bevy_mesh(two_stones)).expect_err("two stones are not one convex solid");
        assert!(matches!(problem, StoneMeshError::NotConvex { .. }), "{problem}");
    }

    /// The library's heads are drawn from the render world's copy only (`floor::models::mesh_usage`), where the
    /// studio cannot check their stones: every stone of every library model is checked here instead (the committed
    /// files are the generator's: `committed_models_are_what_the_generator_writes`).
    #[test]
    fn every_stone_of_the_library_is_a_solid_the_shader_traces() {
        use crate::geometry::library::Component;
        use crate::geometry::model::Material;
        for component in Component::all() {
            for mesh in &component.model().meshes {
                if matches!(mesh.material, Material::CentreStone | Material::Melee) {
                    let planes = crate::geometry::polyhedron::convex_planes_of_mesh(&mesh.data, MAX_PLANES);
                    assert!(planes.is_ok(), "{}: {}: {:?}", component.path(), mesh.name, planes.err());
                }
            }
        }
    }

    #[test]
    fn every_cut_fits_the_shader() {
        for cut in Cut::ALL {
            assert!(facet_planes(cut).len() <= MAX_PLANES, "{cut:?} has {} planes", facet_planes(cut).len());
        }
    }
}
