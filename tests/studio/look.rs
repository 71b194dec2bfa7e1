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
    let parts = ecrin::scene::placed_meshes(&ecrin::geometry::assembly::assemble(design));
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
    assert!(polished_spread > 1.3 * satin_spread, "polished {polished_spread:.0} vs satin {satin_spread:.0}");
    assert!(
        polished_dark < satin_dark,
        "polished metal holds darker reflections: {polished_dark:.0} vs {satin_dark:.0}"
    );
}
