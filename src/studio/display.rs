//! The display supports' material (the bust's linen, the hand's porcelain, velvet or skin, its nails):
//! Bevy's PBR for the specular, the environment's smooth spherical-harmonic irradiance for the diffuse
//! (`shaders/display.wgsl`, `optics::irradiance`), kept in step with the light the advisor chooses. One material
//! type for every finish: a change of finish or light edits the materials in place, no new pipeline.

use super::StudioSystems;
use super::lighting::{ENVIRONMENT_INTENSITY, Presentation};
use crate::geometry::display_look::{DISPLAY_LIGHT, Look, hand_looks, linen};
use crate::geometry::hand::HandFinish;
use bevy::asset::uuid_handle;
use bevy::pbr::{ExtendedMaterial, MaterialExtension};
use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::ShaderRef;

pub type DisplayMaterial = ExtendedMaterial<StandardMaterial, DisplaySurface>;

const DISPLAY_SHADER: Handle<Shader> = uuid_handle!("5b7d2c41-8e3a-4f1b-a6c9-2d4e8f0b7a13");

#[derive(ShaderType, Clone, Copy, Debug, Default, PartialEq)]
pub struct DisplaySurfaceParams {
    /// Irradiance over π as spherical harmonics, times the environment light's intensity (rgb, w unused).
    pub irradiance: [Vec4; 9],
    /// rgb: the sheen's colour; w: its strength (velvet's pile at grazing angles).
    pub sheen: Vec4,
}

/// The part of a display material the shader adds to Bevy's.
#[derive(Asset, AsBindGroup, TypePath, Clone, Debug, Default)]
pub struct DisplaySurface {
    #[uniform(100)]
    pub params: DisplaySurfaceParams,
}

impl MaterialExtension for DisplaySurface {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Handle(DISPLAY_SHADER)
    }
}

/// The display supports' materials, shared by every piece's bust and hand.
#[derive(Resource, Clone)]
pub struct DisplayMaterials {
    /// The bust's warm pale linen, matte, like a boutique's neck form.
    pub linen: Handle<DisplayMaterial>,
    pub hand: Handle<DisplayMaterial>,
    pub nails: Handle<DisplayMaterial>,
}

fn apply_look(material: &mut DisplayMaterial, look: &Look) {
    let [r, g, b] = look.colour;
    material.base.base_color = Color::srgb(r, g, b);
    material.base.perceptual_roughness = look.roughness;
    material.base.reflectance = look.reflectance;
    let ([r, g, b], strength) = look.sheen;
    let sheen = Color::srgb(r, g, b).to_linear();
    material.extension.params.sheen = Vec4::new(sheen.red, sheen.green, sheen.blue, strength);
}

fn new_material(look: &Look, irradiance: [Vec4; 9]) -> DisplayMaterial {
    let mut material = DisplayMaterial { base: StandardMaterial::default(), extension: DisplaySurface::default() };
    apply_look(&mut material, look);
    material.extension.params.irradiance = irradiance;
    material
}

/// The environment's irradiance as the shader takes it.
fn irradiance_of(presentation: &Presentation) -> [Vec4; 9] {
    let strength = ENVIRONMENT_INTENSITY * DISPLAY_LIGHT;
    super::lighting::baked::environment_irradiance(presentation.environment).0.map(|c| (c * strength).extend(0.0))
}

/// Gives the hand's materials a finish (edited in place).
pub fn set_hand_finish(materials: &DisplayMaterials, assets: &mut Assets<DisplayMaterial>, finish: HandFinish) {
    let (hand, nails) = hand_looks(finish);
    for (handle, look) in [(&materials.hand, hand), (&materials.nails, nails)] {
        if let Some(mut material) = assets.get_mut(handle) {
            apply_look(&mut material, &look);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    super::embed_shader(app, &DISPLAY_SHADER, include_str!("../../shaders/display.wgsl"), "shaders/display.wgsl");
    app.add_plugins(MaterialPlugin::<DisplayMaterial>::default()).add_systems(Startup, make_materials).add_systems(
        Update,
        follow_the_light.run_if(resource_changed::<Presentation>).in_set(StudioSystems::SyncMaterials),
    );
}

fn make_materials(
    mut commands: Commands,
    mut assets: ResMut<Assets<DisplayMaterial>>,
    presentation: Res<Presentation>,
) {
    let irradiance = irradiance_of(&presentation);
    // The other lights' irradiance worked out off the frame now, so a change of light later finds it ready.
    bevy::tasks::AsyncComputeTaskPool::get()
        .spawn(async {
            for environment in crate::optics::environment::LightingEnvironment::ALL {
                super::lighting::baked::environment_irradiance(environment);
            }
        })
        .detach();
    let (hand, nails) = hand_looks(HandFinish::default());
    commands.insert_resource(DisplayMaterials {
        linen: assets.add(new_material(&linen(), irradiance)),
        hand: assets.add(new_material(&hand, irradiance)),
        nails: assets.add(new_material(&nails, irradiance)),
    });
}

/// A new light: every display surface receives it.
fn follow_the_light(
    presentation: Res<Presentation>,
    materials: Option<Res<DisplayMaterials>>,
    mut assets: ResMut<Assets<DisplayMaterial>>,
) {
    let Some(materials) = materials else { return };
    let irradiance = irradiance_of(&presentation);
    for handle in [&materials.linen, &materials.hand, &materials.nails] {
        if let Some(mut material) = assets.get_mut(handle)
            && material.extension.params.irradiance != irradiance
        {
            material.extension.params.irradiance = irradiance;
        }
    }
}
