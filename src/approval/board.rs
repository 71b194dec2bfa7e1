//! The variants board as one comparison picture: up to four designs side by side (two per row), each labelled with
//! what differs from the first and its weight and price against the first's.

use super::sheet::{INK, MUTED, Typesetter, place_picture};
use crate::design::Design;
use crate::design::journal::design_changes;
use crate::estimate::price::PriceList;
use crate::estimate::weights;
use crate::i18n::journal::what_it_has;
use crate::i18n::{Language, format};
use crate::tr;
use image::{Rgba, RgbaImage};

/// Most variants on a board (as in the studio).
pub use crate::design::variants::MAX_VARIANTS;

/// How a variant reads against the first, in a language: "platinum · 1.20 ct oval · halo", then weight and price
/// differences.
pub fn variant_label(
    first: &Design,
    variant: &Design,
    prices: Option<&PriceList>,
    language: Language,
) -> (String, String) {
    let l = language;
    // The name is shown apart; the headline says what the variant has that the first has not.
    let has: Vec<String> = design_changes(first, variant).iter().filter_map(|c| what_it_has(l, c)).collect();
    let headline = if has.is_empty() { tr!(l, "board-reference") } else { has.join(" · ") };
    let grams = weights(variant).metal_grams() - weights(first).metal_grams();
    let weight = format::grams(l, weights(variant).metal_grams());
    let mut figures = match (weights(first).solid, weights(variant).solid) {
        (true, true) => {
            let difference = signed(format::grams(l, grams.abs()), grams);
            tr!(l, "board-metal-difference", weight = weight, difference = difference)
        }
        (_, true) => tr!(l, "board-metal", weight = weight),
        (_, false) => tr!(l, "board-weight-unavailable"),
    };
    if let Some(list) = prices
        && let (Ok(a), Ok(b)) = (list.estimate(first), list.estimate(variant))
    {
        let difference = b.retail - a.retail;
        let price = format::price(l, f64::from(b.retail), &list.currency);
        let change = signed(format::price(l, f64::from(difference.abs()), &list.currency), difference);
        figures.push_str(&format!(" · {price} ({change})"));
    }
    (headline, figures)
}

/// A difference with its sign in front: "+0.42 g", "−120 €" (a true minus sign, as typesetters write it).
fn signed(magnitude: String, value: f32) -> String {
    if value < 0.0 { format!("−{magnitude}") } else { format!("+{magnitude}") }
}

/// One place on the board: the render, the design's name, what differs, the figures.
pub struct BoardTile {
    pub picture: RgbaImage,
    pub name: String,
    pub headline: String,
    pub figures: String,
}

/// Room under each render for its captions, pixels.
pub const CAPTION: u32 = 110;

/// The board picture: each render (square) with its captions below it.
pub fn comparison_board(tiles: &[BoardTile]) -> RgbaImage {
    let side = 512u32;
    let (margin, caption) = (24u32, CAPTION);
    let columns = tiles.len().clamp(1, 2) as u32;
    let rows = (tiles.len() as u32).div_ceil(2).max(1);
    let width = columns * side + (columns + 1) * margin;
    let height = rows * (side + caption) + (rows + 1) * margin;
    let mut board = RgbaImage::from_pixel(width, height, Rgba([255, 255, 255, 255]));
    let mut text = Typesetter::new();
    for (index, tile) in tiles.iter().enumerate() {
        let (column, row) = (index as u32 % 2, index as u32 / 2);
        let x = margin + column * (side + margin);
        let y = margin + row * (side + caption + margin);
        place_picture(&mut board, &tile.picture, x, y, side);
        let mut line = (y + side + 6) as f32;
        line += text.text(x as f32, line, &tile.name, 20.0, INK, side as f32) + 2.0;
        line += text.text(x as f32, line, &tile.headline, 16.0, INK, side as f32) + 2.0;
        text.text(x as f32, line, &tile.figures, 15.0, MUTED, side as f32);
    }
    text.rasterise(&mut board);
    board
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Alloy, DesignCommand, Setting};

    #[test]
    fn variants_read_as_what_differs() {
        let first = Design::default();
        let platinum_halo = DesignCommand::SetAlloy(Alloy::Platinum950)
            .apply_to(&first)
            .and_then(|d| DesignCommand::SetSetting(Setting::Halo).apply_to(&d))
            .expect("valid");
        let (headline, figures) = variant_label(&first, &platinum_halo, None, Language::English);
        assert_eq!(headline, "Platinum 950 · Halo");
        assert!(figures.contains("(+"), "platinum and a halo weigh more: {figures}");
        assert_eq!(variant_label(&first, &first, None, Language::English).0, "the reference");
        let bigger = DesignCommand::SetRingSize(60.0).apply_to(&first).expect("valid");
        assert_eq!(variant_label(&first, &bigger, None, Language::English).0, "size 60 (EU/FR)");
        let (headline, figures) = variant_label(&first, &platinum_halo, None, Language::French);
        assert_eq!(headline, "Platine 950 · Entourage");
        assert!(figures.contains("de métal (+") && figures.contains(','), "{figures}");
    }

    #[test]
    fn the_board_lays_variants_two_by_two() {
        let red = RgbaImage::from_pixel(32, 32, Rgba([200, 30, 30, 255]));
        let tile = |i| BoardTile {
            picture: red.clone(),
            name: format!("variant {i}"),
            headline: "Platinum 950".into(),
            figures: "3.30 g".into(),
        };
        let board = comparison_board(&[tile(0), tile(1), tile(2)]);
        assert_eq!(board.dimensions(), (2 * 512 + 3 * 24, 2 * (512 + CAPTION) + 3 * 24));
        assert_eq!(board.get_pixel(24 + 256, 24 + 256).0, [200, 30, 30, 255]);
        // The fourth place stays empty paper.
        assert_eq!(board.get_pixel(24 + 512 + 24 + 256, 24 + 512 + CAPTION + 24 + 256).0, [255, 255, 255, 255]);
    }
}
