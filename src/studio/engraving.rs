//! The engraving cut into each ring's band: when a piece's text, lettering, ring size or band width changes, its
//! depth map is laid out again (`geometry::engraving`, a few milliseconds) and handed to the band's metal material
//! (`shaders/metal.wgsl` cuts it), edited in place: the same material and pipeline, a new texture.

use super::StudioSystems;
use super::materials::{MetalMaterial, RingMaterials};
use super::pieces::{PieceDesign, PieceSpawn};
use crate::design::Design;
use crate::design::engraving::EngravingStyle;
use crate::geometry::engraving::{DEPTH_MM, EngravingMap, MM_PER_TEXEL, engraving_map};
use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

/// What a piece's engraving was cut from, and its map (on the piece).
#[derive(Component, Clone, Debug, PartialEq)]
pub struct EngravingCut {
    key: EngravingKey,
    pub image: Option<Handle<Image>>,
}

/// What the cut depends on: the text, its lettering, the ring size and the band's width (hundredths of a mm).
#[derive(Clone, Debug, PartialEq)]
struct EngravingKey {
    text: String,
    style: EngravingStyle,
    ring_size_centi: i32,
    band_width_centi: i32,
}

impl EngravingKey {
    fn of(design: &Design) -> Self {
        // A necklace has no band to engrave.
        let text = if design.necklace.is_some() { String::new() } else { design.engraving.trim().to_string() };
        EngravingKey {
            text,
            style: design.engraving_style,
            ring_size_centi: (design.ring_size_mm * 100.0).round() as i32,
            // A model whose band width is unknown is engraved as Écrin's band would be.
            band_width_centi: (band_width_mm(design) * 100.0).round() as i32,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, cut_engravings.after(PieceSpawn).in_set(StudioSystems::SyncMaterials));
}

/// The map as a texture: one channel of depth, sampled smoothly.
fn map_image(map: &EngravingMap) -> Image {
    Image::new(
        Extent3d { width: map.width, height: map.height, depth_or_array_layers: 1 },
        TextureDimension::D2,
        map.depth.clone(),
        TextureFormat::R8Unorm,
        RenderAssetUsages::RENDER_WORLD,
    )
}

/// The band's width under the finger, mm (Écrin's own when a house's model's cannot be measured).
pub fn band_width_mm(design: &Design) -> f32 {
    crate::estimate::band_width_mm(design).unwrap_or(crate::geometry::shank::BAND_WIDTH_MM)
}

/// Each piece whose engraving changed gets its new cut (or none).
fn cut_engravings(
    mut commands: Commands,
    pieces: Query<
        (Entity, &PieceDesign, &RingMaterials, Option<&EngravingCut>),
        Or<(Changed<PieceDesign>, Added<RingMaterials>)>,
    >,
    mut materials: ResMut<Assets<MetalMaterial>>,
    mut images: ResMut<Assets<Image>>,
) {
    for (piece, PieceDesign(design), ring, cut) in &pieces {
        let key = EngravingKey::of(design);
        if cut.is_some_and(|cut| cut.key == key) {
            continue;
        }
        let map = engraving_map(&key.text, key.style, design.ring_size_mm, key.band_width_centi as f32 / 100.0);
        let image = map.as_ref().map(|map| images.add(map_image(map)));
        if let Some(old) = cut.and_then(|cut| cut.image.as_ref()) {
            images.remove(old);
        }
        if let Some(mut material) = materials.get_mut(&ring.metal) {
            let params = &mut material.extension.params;
            match &map {
                Some(map) => {
                    params.engraving_extent = Vec4::new(map.u_min, map.u_max, map.v_min, map.v_max);
                    params.engraving = Vec4::new(map.inner_radius_mm, DEPTH_MM, 1.0, MM_PER_TEXEL);
                }
                None => params.engraving = Vec4::ZERO,
            }
            material.extension.engraving = image.clone();
        }
        commands.entity(piece).insert(EngravingCut { key, image });
    }
}
