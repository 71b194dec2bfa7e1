//! The exit walk's tables (`optics::walk`) packed for `shaders/gem.wgsl`: plane indices one byte each, four to a
//! word. A stone whose tables do not fit (more neighbour entries than the shader holds) is traced by testing every
//! plane, as before the walk.

use super::MAX_PLANES;
use crate::optics::walk::{FacetWalk, MAX_NEIGHBOUR_ENTRIES, START_CELLS};
use bevy::math::UVec4;

/// Words of each table, as `UVec4`s.
pub const SPAN_VECTORS: usize = MAX_PLANES / 4;
pub const NEIGHBOUR_VECTORS: usize = MAX_NEIGHBOUR_ENTRIES / 16;
pub const START_VECTORS: usize = START_CELLS / 16;

/// The tables as the shader reads them.
#[derive(Clone, Copy, Debug)]
pub struct WalkTables {
    /// Per plane: where its neighbours start in `neighbours` (low 16 bits) and how many (high 16 bits).
    pub spans: [UVec4; SPAN_VECTORS],
    /// Neighbour plane indices, one byte each.
    pub neighbours: [UVec4; NEIGHBOUR_VECTORS],
    /// The plane to start from by direction cell (`optics::walk::start_cell`), one byte each.
    pub start: [UVec4; START_VECTORS],
}

impl WalkTables {
    pub const EMPTY: WalkTables = WalkTables {
        spans: [UVec4::ZERO; SPAN_VECTORS],
        neighbours: [UVec4::ZERO; NEIGHBOUR_VECTORS],
        start: [UVec4::ZERO; START_VECTORS],
    };

    /// The walk's tables packed, or `None` when they do not fit the shader's.
    pub fn pack(walk: &FacetWalk) -> Option<WalkTables> {
        if walk.planes.len() > MAX_PLANES.min(256) || walk.neighbour_entries() > MAX_NEIGHBOUR_ENTRIES {
            return None;
        }
        let mut tables = WalkTables::EMPTY;
        let mut next = 0usize;
        for (plane, neighbours) in walk.neighbours.iter().enumerate() {
            set_word(&mut tables.spans, plane, next as u32 | (neighbours.len() as u32) << 16);
            for &neighbour in neighbours {
                set_byte(&mut tables.neighbours, next, neighbour as u32);
                next += 1;
            }
        }
        for (cell, &plane) in walk.start.iter().enumerate() {
            set_byte(&mut tables.start, cell, plane as u32);
        }
        Some(tables)
    }
}

fn set_word(words: &mut [UVec4], index: usize, value: u32) {
    words[index / 4][index % 4] = value;
}

fn set_byte(words: &mut [UVec4], index: usize, value: u32) {
    let shift = (index % 4) * 8;
    let word = &mut words[index / 16][(index / 4) % 4];
    *word = (*word & !(0xff << shift)) | ((value & 0xff) << shift);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::facet_planes;

    fn byte(words: &[UVec4], index: usize) -> u32 {
        (words[index / 16][(index / 4) % 4] >> ((index % 4) * 8)) & 0xff
    }

    #[test]
    fn every_cut_fits_and_reads_back_as_the_shader_reads_it() {
        for cut in Cut::ALL {
            let walk = FacetWalk::of(&facet_planes(cut));
            let tables = WalkTables::pack(&walk).unwrap_or_else(|| panic!("{cut:?} does not fit"));
            for (plane, neighbours) in walk.neighbours.iter().enumerate() {
                let span = tables.spans[plane / 4][plane % 4];
                let (first, count) = ((span & 0xffff) as usize, (span >> 16) as usize);
                let read: Vec<u16> = (first..first + count).map(|i| byte(&tables.neighbours, i) as u16).collect();
                assert_eq!(&read, neighbours, "{cut:?} plane {plane}");
            }
            for (cell, &plane) in walk.start.iter().enumerate() {
                assert_eq!(byte(&tables.start, cell), u32::from(plane));
            }
        }
    }
}
