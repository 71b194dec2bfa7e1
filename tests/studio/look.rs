//! What a person sees of the light: polished metal shows long bright highlights and deep dark reflections, satin
//! stays soft — told apart by the spread of the band's luminance, read through the region mask (`ecrin::scene`).

use bevy::prelude::*;
use ecrin::approval::View;
use ecrin::design::{Design, Finish};
use ecrin::scene::mask::{Region, region_mask};
use ecrin::studio::export::{ExportSettings, Exporter};
use ecrin::studio::lighting::Presentation;

/// The 5th and 95th percentiles of the metal pixels' luma (sRGB-encoded, 0–255) in the three-quarter view.
fn metal_luma_percentiles(exporter: &mut Exporter, design: &Design, settings: &ExportSettings) -> (f32, f32) {
    let picture = exporter.render(View::ThreeQuarter, &mut || true).expect("render").expect("a picture");
    let view = ecrin::studio::scene_export::scene_view(design, settings, View::ThreeQuarter);
    let parts = ecrin::geometry::placed::placed_meshes(&ecrin::geometry::assemble::assemble(design));
    let regions = region_mask(&parts, &view);
    let mut luma: Vec<f32> = picture
        .pixels()
        .zip(&regions)
        .filter(|(_, region)| **region == Region::Metal)
        .map(|(p, _)| 0.2126 * f32::from(p[0]) + 0.7152 * f32::from(p[1]) + 0.0722 * f32::from(p[2]))
        .collect();
    assert!(luma.len() > 2000, "the band fills part of the picture ({} px)", luma.len());
    luma.sort_by(f32::total_cmp);
    (luma[luma.len() / 20], luma[luma.len() * 19 / 20])
}

#[test]
fn polished_metal_spreads_from_deep_dark_to_bright_and_satin_stays_soft() {
    let polished = Design::default();
    let satin = Design { metal: ecrin::design::Metal { finish: Finish::Satin, ..polished.metal }, ..polished.clone() };
    let settings = ExportSettings::new(256, Presentation::default());
    let mut exporter = Exporter::new(polished.clone(), settings).expect("renderer");
    let (polished_dark, polished_bright) = metal_luma_percentiles(&mut exporter, &polished, &settings);
    exporter.show(satin.clone()).expect("satin");
    let (satin_dark, satin_bright) = metal_luma_percentiles(&mut exporter, &satin, &settings);
    exporter.finish();
    let (polished_spread, satin_spread) = (polished_bright - polished_dark, satin_bright - satin_dark);
    eprintln!(
        "metal luma 5–95 %: polished {polished_dark:.0}–{polished_bright:.0} ({polished_spread:.0}), \
         satin {satin_dark:.0}–{satin_bright:.0} ({satin_spread:.0})"
    );
    // Both reach the tonemapper's white in their highlights; polished metal's reflections go far deeper (measured
    // here: 52 against 90 of 255, spreads 196 and 156).
    assert!(polished_spread > 1.15 * satin_spread, "polished {polished_spread:.0} vs satin {satin_spread:.0}");
    assert!(
        polished_dark + 20.0 < satin_dark,
        "polished metal's dark reflections: {polished_dark:.0} vs {satin_dark:.0}"
    );
}

/// Luma (sRGB-encoded, 0–255) of a pixel.
fn luma(p: &image::Rgba<u8>) -> f32 {
    0.2126 * f32::from(p[0]) + 0.7152 * f32::from(p[1]) + 0.0722 * f32::from(p[2])
}

#[test]
fn bloom_glints_on_highlights_and_never_swallows_the_stone() {
    use ecrin::studio::headless::Framing;
    let design = Design::default();
    let settings = ExportSettings { framing: Framing::Stone, ..ExportSettings::new(256, Presentation::default()) };
    let mut exporter = Exporter::new(design.clone(), settings).expect("renderer");
    let with = exporter.render(View::Top, &mut || true).expect("render").expect("a picture");
    exporter.set_bloom(0.0);
    let without = exporter.render(View::Top, &mut || true).expect("render").expect("a picture");
    exporter.finish();
    let out = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    with.save(out.join("bloom-with.png")).ok();
    without.save(out.join("bloom-without.png")).ok();
    let view = ecrin::studio::scene_export::scene_view(&design, &settings, View::Top);
    let parts = ecrin::geometry::placed::placed_meshes(&ecrin::geometry::assemble::assemble(&design));
    let regions = region_mask(&parts, &view);
    let size = 256i32;
    let at = |x: i32, y: i32| regions[(y * size + x) as usize];
    // The stone's outline: background pixels 2 to 6 pixels from the stone (the first pixel is anti-aliased).
    let mut outline = Vec::new();
    for y in 0..size {
        for x in 0..size {
            if at(x, y) != Region::Background {
                continue;
            }
            let near = |d: i32| {
                (-d..=d).any(|dy| {
                    (-d..=d).any(|dx| {
                        let (nx, ny) = (x + dx, y + dy);
                        (0..size).contains(&nx) && (0..size).contains(&ny) && at(nx, ny) == Region::Stone
                    })
                })
            };
            if near(6) && !near(1) {
                outline.push((x as u32, y as u32));
            }
        }
    }
    assert!(outline.len() > 200, "the outline ({} px)", outline.len());
    let glow: Vec<f32> =
        outline.iter().map(|&(x, y)| luma(with.get_pixel(x, y)) - luma(without.get_pixel(x, y))).collect();
    let mean_glow = glow.iter().sum::<f32>() / glow.len() as f32;
    // Glints may reach past the girdle here and there; the outline as a whole stays where it is.
    let lit = glow.iter().filter(|&&g| g > 16.0).count() as f32 / glow.len() as f32;
    // Inside the stone, its dark facets stay dark.
    let stone: Vec<(u32, u32)> = (0..size)
        .flat_map(|y| (0..size).map(move |x| (x, y)))
        .filter(|&(x, y)| at(x, y) == Region::Stone)
        .map(|(x, y)| (x as u32, y as u32))
        .collect();
    let dark = |picture: &image::RgbaImage| {
        stone.iter().filter(|&&(x, y)| luma(picture.get_pixel(x, y)) < 60.0).count() as f32 / stone.len() as f32
    };
    let (dark_with, dark_without) = (dark(&with), dark(&without));
    eprintln!(
        "bloom: outline +{mean_glow:.1} mean, {:.1} % of it lit by more than 16/255; dark facets {:.1} % with, {:.1} % \
         without",
        lit * 100.0,
        dark_with * 100.0,
        dark_without * 100.0
    );
    assert!(mean_glow < 2.0 && lit < 0.03, "bloom spreads past the stone: +{mean_glow:.1} mean, {lit:.3} lit");
    assert!(dark_without > 0.1, "face-up, the stone shows its dark pattern ({:.1} %)", dark_without * 100.0);
    assert!(dark_with > dark_without - 0.02, "bloom fills the dark facets: {dark_with:.3} vs {dark_without:.3}");
}
