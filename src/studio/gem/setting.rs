//! The centre stone sees its setting: when a piece's shape changes, what its centre stone sees of the metal around it
//! (`optics::setting::SettingView`) is traced off the frame (`Background`) and uploaded as a table the gem shader reads;
//! its metals' colours follow the design. Until a new table arrives the stone keeps the last one (a few frames at
//! most); pictures wait for it (`settings_traced`).

use super::{GemMaterial, GemMaterials};
use crate::geometry::assemble::assemble;
use crate::optics::setting::{COLUMNS, ROWS, SettingMetals, SettingView};
use crate::studio::StudioSystems;
use crate::studio::floor::background::Background;
use crate::studio::pieces::{Piece, PieceDesign, PieceKind, PieceMetal, PieceShape, PieceSpawn, piece_of};
use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

/// On a piece: what its centre stone sees of its setting.
#[derive(Component)]
pub struct StoneSetting {
    /// The table the centre stones' materials read (replaced in place when traced again).
    table: Handle<Image>,
    /// The table's centre in the stone's frame and the metal's highest point above it, once traced (none: not yet,
    /// or the piece has no centre stone).
    traced: Option<(Vec3, f32)>,
    /// The tracing under way, if any.
    work: Option<Background<Option<SettingView>>>,
}

impl StoneSetting {
    pub(super) fn new(table: Handle<Image>) -> Self {
        StoneSetting { table, traced: None, work: None }
    }
}

/// A centre stone that is not one of the piece's own gem materials (a house's model's): it reads the piece's table too.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct SeesSetting;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (trace_settings, receive_settings, show_new_stones_their_setting, follow_setting_metals)
            .chain()
            .after(PieceSpawn)
            .in_set(StudioSystems::SyncMaterials),
    );
}

/// Whether every piece's table is up to date with its shape (pictures wait for it).
pub fn settings_traced(world: &World) -> bool {
    let Some(mut settings) = world.try_query::<&StoneSetting>() else { return true };
    settings.iter(world).all(|setting| setting.work.is_none())
}

/// The table as an image: one RGBA32F texel per direction (`optics::setting`'s layout).
fn table_image(texels: &[[f32; 4]]) -> Image {
    let bytes: Vec<u8> = texels.iter().flatten().flat_map(|v| v.to_le_bytes()).collect();
    Image::new(
        Extent3d { width: COLUMNS as u32, height: ROWS as u32, depth_or_array_layers: 1 },
        TextureDimension::D2,
        bytes,
        TextureFormat::Rgba32Float,
        RenderAssetUsages::RENDER_WORLD,
    )
}

/// A table with no metal in it.
pub(super) fn empty_table() -> Image {
    table_image(&SettingView::empty(Vec3::ZERO).texels)
}

/// A piece whose shape changed (or whose house model arrived) has its setting traced again, off the frame.
fn trace_settings(mut pieces: Query<(&PieceDesign, &mut StoneSetting), Or<(Changed<PieceShape>, Changed<PieceKind>)>>) {
    for (PieceDesign(design), mut setting) in &mut pieces {
        let design = design.clone();
        setting.work = Some(Background::compute(move || SettingView::of(&assemble(&design))));
    }
}

/// Tables traced: uploaded, and the piece's centre stones told where the table's centre is.
fn receive_settings(
    mut pieces: Query<(Entity, &mut StoneSetting, &GemMaterials)>,
    stones: Query<(Entity, &MeshMaterial3d<GemMaterial>), With<SeesSetting>>,
    (parents, is_piece): (Query<&ChildOf>, Query<(), With<Piece>>),
    mut images: ResMut<Assets<Image>>,
    mut materials: ResMut<Assets<GemMaterial>>,
) {
    for (piece, mut setting, gems) in &mut pieces {
        let Some(outcome) = setting.work.as_ref().and_then(Background::outcome) else { continue };
        setting.work = None;
        let view = outcome.flatten();
        let texels = view.as_ref().map_or_else(|| SettingView::empty(Vec3::ZERO).texels, |v| v.texels.clone());
        if images.insert(&setting.table, table_image(&texels)).is_err() {
            warn!("the setting's table could not be replaced; the stone keeps the last one");
        }
        setting.traced = view.map(|v| (v.centre, v.top));
        let house_stones = stones.iter().filter(|(stone, _)| piece_of(*stone, &parents, &is_piece) == Some(piece));
        for handle in gems.centre.values().chain(house_stones.map(|(_, material)| &material.0)) {
            point_at_table(&mut materials, handle, &setting);
        }
    }
}

/// Tells a centre stone's material where its piece's table is and where its centre lies.
fn point_at_table(materials: &mut Assets<GemMaterial>, handle: &Handle<GemMaterial>, setting: &StoneSetting) {
    let (centre, top) = setting.traced.map_or((Vec4::ZERO, 0.0), |(centre, top)| (centre.extend(1.0), top));
    let Some(current) = materials.get(handle) else { return };
    if (current.params.setting_centre != centre
        || current.params.setting_top != top
        || current.setting != setting.table)
        && let Some(mut material) = materials.get_mut(handle)
    {
        material.params.setting_centre = centre;
        material.params.setting_top = top;
        material.setting = setting.table.clone();
    }
}

/// A house's stone drawn after its piece's table was traced reads it at once.
fn show_new_stones_their_setting(
    stones: Query<(Entity, &MeshMaterial3d<GemMaterial>), Added<SeesSetting>>,
    pieces: Query<&StoneSetting>,
    (parents, is_piece): (Query<&ChildOf>, Query<(), With<Piece>>),
    mut materials: ResMut<Assets<GemMaterial>>,
) {
    for (stone, material) in &stones {
        if let Some(setting) = piece_of(stone, &parents, &is_piece).and_then(|piece| pieces.get(piece).ok()) {
            point_at_table(&mut materials, &material.0, setting);
        }
    }
}

/// The metal the stones see is the piece's: its colours follow the design's alloys.
fn follow_setting_metals(
    pieces: Query<(Entity, &PieceDesign, &GemMaterials), Or<(Changed<PieceMetal>, Added<GemMaterials>)>>,
    new_stones: Query<(Entity, &MeshMaterial3d<GemMaterial>), Added<SeesSetting>>,
    stones: Query<(Entity, &MeshMaterial3d<GemMaterial>), With<SeesSetting>>,
    all_pieces: Query<(&PieceDesign, &GemMaterials)>,
    (parents, is_piece): (Query<&ChildOf>, Query<(), With<Piece>>),
    mut materials: ResMut<Assets<GemMaterial>>,
) {
    let mut colour = |handle: &Handle<GemMaterial>, metals: SettingMetals| {
        let (band, head) = (Vec3::from(metals.band).extend(0.0), Vec3::from(metals.head).extend(0.0));
        let Some(current) = materials.get(handle) else { return };
        if (current.params.band_metal, current.params.head_metal) != (band, head)
            && let Some(mut material) = materials.get_mut(handle)
        {
            (material.params.band_metal, material.params.head_metal) = (band, head);
        }
    };
    for (piece, PieceDesign(design), gems) in &pieces {
        let metals = SettingMetals::of(design);
        for handle in gems.centre.values() {
            colour(handle, metals);
        }
        for (_, material) in stones.iter().filter(|(s, _)| piece_of(*s, &parents, &is_piece) == Some(piece)) {
            colour(&material.0, metals);
        }
    }
    for (stone, material) in &new_stones {
        if let Some((PieceDesign(design), _)) =
            piece_of(stone, &parents, &is_piece).and_then(|piece| all_pieces.get(piece).ok())
        {
            colour(&material.0, SettingMetals::of(design));
        }
    }
}
