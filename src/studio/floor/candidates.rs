//! Designs the board shows after the variants without their being the document's: Écrin's proposals within a
//! budget (`studio/proposals/`), candidates until a person takes one. The pieces, the board's tiles and their cameras
//! read the board's designs here — the variants, then the candidates — so a candidate is drawn exactly as a variant
//! is, and taking or setting it aside is a command, never an edit of the board.

use super::CurrentDesign;
use crate::design::Design;
use crate::design::variants::MAX_VARIANTS;
use bevy::prelude::*;

/// The candidates on the board, in order (at most as many as leave the board four tiles).
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub struct BoardCandidates(pub Vec<Design>);

impl BoardCandidates {
    /// How many candidates the board has room for beside `variants` variants.
    pub fn room(variants: usize) -> usize {
        MAX_VARIANTS.saturating_sub(variants)
    }
}

/// The designs the board shows, slot by slot: the variants, then the candidates there is room for.
pub fn board_designs<'a>(current: &'a CurrentDesign, candidates: Option<&'a BoardCandidates>) -> Vec<&'a Design> {
    let variants = current.history.variants().designs();
    let room = BoardCandidates::room(variants.len());
    variants.iter().chain(candidates.into_iter().flat_map(|c| c.0.iter().take(room))).collect()
}

/// The design of one slot of the board.
pub fn board_design<'a>(
    current: &'a CurrentDesign,
    candidates: Option<&'a BoardCandidates>,
    slot: usize,
) -> Option<&'a Design> {
    board_designs(current, candidates).get(slot).copied()
}

/// How many tiles the board has.
pub fn board_count(current: &CurrentDesign, candidates: Option<&BoardCandidates>) -> usize {
    board_designs(current, candidates).len()
}
