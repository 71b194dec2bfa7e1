//! The centre stone's light map in the studio (ASET-style, `crate::optics::aset`): a window beside the piece that
//! shows, face-up, where the stone's light comes from — the observer (blue), high light (red), low light (green) —
//! and where it leaks (black), with each zone's share: what an advisor shows a client to explain why one cut is
//! brighter than another. The map is traced off the frame when the window opens and again when the stone changes.
//! This feature owns `LightMapCommand`.

pub mod panel;

use super::StudioSystems;
use crate::design::{Cut, Design, Species};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::background::Background;
use bevy::prelude::*;
use bevy_egui::egui;

/// Side of the traced map, pixels.
pub const MAP_SIZE: u32 = 192;

/// What the advisor asks of the light map.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LightMapCommand {
    Open,
    Close,
}

crate::carried!(LightMapCommand);

/// What the map depends on: the stone's cut and species, and the house's model it sits in.
#[derive(Clone, Debug, PartialEq)]
struct StoneKey {
    cut: Cut,
    species: Species,
    model: Option<String>,
    size_centi: u32,
}

impl StoneKey {
    fn of(design: &Design) -> StoneKey {
        StoneKey {
            cut: design.stone.cut,
            species: design.stone.species,
            model: design.source.collection().map(|m| m.hash.clone()),
            size_centi: (design.stone.size_mm * 100.0).round() as u32,
        }
    }
}

/// A traced map: its picture and the share of each zone (`optics::aset::Zone::ALL` order); `None` when the piece
/// has no centre stone that can be traced.
pub type Traced = Option<(egui::ColorImage, [f32; 4])>;

/// The light map's window and its latest picture.
#[derive(Resource, Default)]
pub struct LightMap {
    pub open: bool,
    /// The stone the picture shows (or is being traced for).
    key: Option<StoneKey>,
    /// The latest map, waiting to become a texture (the panel makes it: it holds the egui context).
    pub traced: Option<Traced>,
    /// The texture the window shows, and its zones' shares.
    pub shown: Option<(egui::TextureHandle, [f32; 4])>,
    tracing: Option<Background<Traced>>,
}

impl LightMap {
    /// Whether a map is being traced now.
    pub fn is_tracing(&self) -> bool {
        self.tracing.is_some()
    }
}

/// The light map's commands and its tracing (headless apps and tests run it without the window).
pub fn headless_plugin(app: &mut App) {
    app.init_resource::<LightMap>()
        .add_message::<LightMapCommand>()
        .add_systems(Update, (carry_out_commands, follow_the_stone).chain().in_set(StudioSystems::Input));
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(headless_plugin).add_systems(bevy_egui::EguiPrimaryContextPass, panel::light_map_ui);
}

fn carry_out_commands(mut commands: MessageReader<LightMapCommand>, mut map: ResMut<LightMap>) {
    for command in commands.read() {
        match command {
            LightMapCommand::Open => map.open = true,
            LightMapCommand::Close => {
                map.open = false;
                map.shown = None;
                map.traced = None;
                map.key = None;
            }
        }
    }
}

/// The traced map of a design's centre stone.
pub fn trace(design: &Design) -> Traced {
    let map = crate::optics::aset::design_map(design, MAP_SIZE)?;
    let picture = map.picture();
    let size = [picture.width() as usize, picture.height() as usize];
    Some((egui::ColorImage::from_rgba_unmultiplied(size, picture.as_raw()), map.shares()))
}

/// While the window is open: traces the map when the stone changes (off the frame), and takes the result when it
/// comes. A stone changed while tracing is traced again once the first is in.
fn follow_the_stone(mut map: ResMut<LightMap>, current: Res<CurrentDesign>) {
    if !map.open {
        return;
    }
    if let Some(tracing) = &map.tracing {
        match tracing.outcome() {
            None => return,
            Some(traced) => {
                map.traced = Some(traced.flatten());
                map.tracing = None;
            }
        }
    }
    let key = StoneKey::of(current.design());
    if map.key.as_ref() != Some(&key) {
        let design = current.design().clone();
        map.tracing = Some(Background::compute(move || trace(&design)));
        map.key = Some(key);
    }
}
