//! The finger in front of the band's back: a cylinder fitted to the finger that punches the picture back to the
//! transparent ground wherever it is in front, so the part of the ring behind the finger is hidden and the photo
//! shows through there. It writes depth and a colour of nothing (blend factors zero: whatever its fragment says,
//! the pixel becomes 0, alpha included), so it works whichever of it and the band the renderer draws first — a
//! depth-only occluder drawn after the band's back would leave it showing.

use bevy::mesh::MeshVertexBufferLayoutRef;
use bevy::pbr::{MaterialPipeline, MaterialPipelineKey};
use bevy::prelude::*;
use bevy::render::render_resource::{
    AsBindGroup, BlendComponent, BlendFactor, BlendOperation, BlendState, ColorWrites, RenderPipelineDescriptor,
    SpecializedMeshPipelineError,
};
use bevy::shader::ShaderRef;

/// Depth and a transparent nothing.
#[derive(Asset, TypePath, AsBindGroup, Clone, Debug, Default)]
pub struct PunchOut {}

impl Material for PunchOut {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Default
    }

    fn specialize(
        _pipeline: &MaterialPipeline,
        descriptor: &mut RenderPipelineDescriptor,
        _layout: &MeshVertexBufferLayoutRef,
        _key: MaterialPipelineKey<Self>,
    ) -> Result<(), SpecializedMeshPipelineError> {
        let nothing = BlendComponent {
            src_factor: BlendFactor::Zero,
            dst_factor: BlendFactor::Zero,
            operation: BlendOperation::Add,
        };
        if let Some(fragment) = descriptor.fragment.as_mut() {
            for target in fragment.targets.iter_mut().flatten() {
                target.blend = Some(BlendState { color: nothing, alpha: nothing });
                target.write_mask = ColorWrites::ALL;
            }
        }
        Ok(())
    }
}

/// The finger, in the ring's frame: along Z through the origin, a hair inside the band's inner circle (it must
/// not cover the band's inside where that faces the camera), long enough to reach past any head.
pub fn finger_mesh(inner_radius_mm: f32) -> Mesh {
    Cylinder::new(inner_radius_mm * 0.97, 80.0).mesh().resolution(96).build()
}

/// The occluder's entity: the cylinder turned from Bevy's Y axis onto the finger's Z.
pub fn spawn_finger(world: &mut World, inner_radius_mm: f32) -> Entity {
    let mesh = world.resource_mut::<Assets<Mesh>>().add(finger_mesh(inner_radius_mm));
    let material = world.resource_mut::<Assets<PunchOut>>().add(PunchOut::default());
    world
        .spawn((
            Mesh3d(mesh),
            MeshMaterial3d(material),
            Transform::from_rotation(Quat::from_rotation_x(std::f32::consts::FRAC_PI_2)),
            bevy::light::NotShadowCaster,
        ))
        .id()
}
