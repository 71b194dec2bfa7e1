//! An ASET-style map of a stone (the Angular Spectrum Evaluation Tool of the AGS Laboratories): seen face-up, where
//! the light each point returns comes from — the observer's obstruction (75°–90° of elevation, blue), high light
//! (45°–75°, red), low light (0°–45°, green) — or light that leaks through the pavilion and comes from below the
//! girdle (black). Computed with Écrin's tracer, as ASET images are photographed through the device: a pixel is the
//! mix of its returned light's zones, weighted by how much of it each carries. Its blue share is the map's own
//! (ASET's fixed 75°–90° zone, four lines of sight); the cut's contrast figure in `optics::metrics` takes the observer
//! as a disc around each line of sight over a wider viewing cone, so the two need not agree.

use super::trace::trace_channel;
use crate::geometry::polyhedron::Plane;
use glam::Vec3;

/// Elevation (degrees above the girdle plane) where the observer's zone starts: 90° − `observer::HALF_ANGLE`.
pub const OBSERVER_FROM_DEG: f32 = 75.0;
/// Where high light starts.
pub const HIGH_FROM_DEG: f32 = 45.0;
/// How far from the vertical the lines of sight through a point lie (degrees): the two eyes 6.5 cm apart at 35 cm
/// see a point along lines about 5° apart.
pub const VIEW_SPREAD_DEG: f32 = 2.5;

/// Where a part of a pixel's returned light comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Observer,
    High,
    Low,
    Leak,
}

impl Zone {
    pub const ALL: [Zone; 4] = [Zone::Observer, Zone::High, Zone::Low, Zone::Leak];

    /// The zone of a direction light leaves the stone in (towards the light's source, by reciprocity).
    pub fn of(direction: Vec3) -> Zone {
        let elevation = direction.normalize().y.clamp(-1.0, 1.0).asin().to_degrees();
        if elevation >= OBSERVER_FROM_DEG {
            Zone::Observer
        } else if elevation >= HIGH_FROM_DEG {
            Zone::High
        } else if elevation >= 0.0 {
            Zone::Low
        } else {
            Zone::Leak
        }
    }

    /// ASET's colour (sRGB).
    pub fn colour(self) -> [f32; 3] {
        match self {
            Zone::Observer => [0.10, 0.25, 0.95],
            Zone::High => [0.90, 0.10, 0.10],
            Zone::Low => [0.10, 0.75, 0.20],
            Zone::Leak => [0.0, 0.0, 0.0],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The face-up map: for each pixel over the stone (row by row, `None` off the stone), the share of its light from
/// each zone (in `Zone::ALL` order).
pub struct AsetMap {
    pub size: u32,
    pub pixels: Vec<Option<[f32; 4]>>,
}

/// The facet planes of a design's centre stone at unit length, table up, centred: Écrin's cut, or a house's stone
/// as modelled when it is a convex solid; `None` when the piece has no centre stone or it cannot be traced.
pub fn centre_stone_planes(design: &crate::design::Design) -> Option<Vec<Plane>> {
    use crate::geometry::assembly::{ModelRef, PartRole, Seat};
    let assembly = crate::geometry::assemble::assemble(design);
    let (placed, part, _) =
        assembly.parts().find(|(_, part, _)| matches!(part.role, PartRole::Stone { seat: Seat::Centre, .. }))?;
    match placed.component {
        ModelRef::House(_) => {
            let model = placed.component.model();
            let mesh = &model.meshes.get(part.mesh)?.data;
            let (lo, hi) = mesh.bounds();
            let (centre, length) = ((lo + hi) / 2.0, (hi - lo).max_element());
            let unit = mesh.transformed(
                glam::Affine3A::from_scale(Vec3::splat(1.0 / length.max(1e-6)))
                    * glam::Affine3A::from_translation(-centre),
            );
            crate::geometry::polyhedron::convex_planes_of_mesh(&unit, 160).ok()
        }
        _ => Some(crate::geometry::cut::facet_planes(design.stone.cut)),
    }
}

/// The face-up map of a design's centre stone in its species (at the green channel's refractive index), `size`
/// pixels across; `None` when it has none that can be traced.
pub fn design_map(design: &crate::design::Design, size: u32) -> Option<AsetMap> {
    let planes = centre_stone_planes(design)?;
    let data = design.stone.species.data();
    let ior = super::ChannelIor::new(data.refractive_index, data.dispersion).0[1];
    Some(aset_map(&planes, ior, size, super::metrics::BOUNCES))
}

/// The map of a stone (facet planes at unit length, table up) at refractive index `ior`, seen straight down,
/// `size` pixels across its unit width.
pub fn aset_map(planes: &[Plane], ior: f32, size: u32, bounces: usize) -> AsetMap {
    let stone = super::walk::FacetWalk::of(planes);
    let mut pixels = Vec::with_capacity((size * size) as usize);
    for y in 0..size {
        for x in 0..size {
            let at = |i: u32| -0.5 + (i as f32 + 0.5) / size as f32;
            // Rows run down the picture: +Z towards the viewer's bottom edge, as a top view shows the stone.
            let point = Vec3::new(at(x), 0.0, at(y));
            let mut shares = [0.0f32; 4];
            let mut hit = false;
            // The viewer's two eyes and the scope's aperture see each point along a few nearby lines: four
            // around the vertical, VIEW_SPREAD_DEG off it (a single vertical line makes the map hinge on exact
            // symmetries no stone has).
            for k in 0..4 {
                let azimuth = std::f32::consts::FRAC_PI_2 * k as f32 + 0.4;
                let tilt = VIEW_SPREAD_DEG.to_radians().tan();
                let direction = Vec3::new(tilt * azimuth.cos(), -1.0, tilt * azimuth.sin()).normalize();
                let trace = trace_channel(
                    &stone,
                    point - direction * 3.0,
                    direction,
                    ior,
                    0.0,
                    bounces,
                    &mut Default::default(),
                );
                let Some(reflection) = trace.reflection else { continue };
                hit = true;
                for (direction, weight) in trace.exits.iter().map(|e| (e.towards, e.weight)).chain([reflection]) {
                    shares[Zone::of(direction).index()] += weight;
                }
            }
            if !hit {
                pixels.push(None);
                continue;
            }
            let total: f32 = shares.iter().sum::<f32>().max(1e-6);
            pixels.push(Some(shares.map(|s| s / total)));
        }
    }
    AsetMap { size, pixels }
}

impl AsetMap {
    /// The share of the face-up stone's light from each zone (in `Zone::ALL` order).
    pub fn shares(&self) -> [f32; 4] {
        let on: Vec<&[f32; 4]> = self.pixels.iter().flatten().collect();
        let count = on.len().max(1) as f32;
        let mut sum = [0.0f32; 4];
        for pixel in on {
            for (total, share) in sum.iter_mut().zip(pixel) {
                *total += share;
            }
        }
        sum.map(|s| s / count)
    }

    /// The share of the stone's face-up area that is mostly the observer's (its dark pattern: arrows).
    pub fn obstructed_area(&self) -> f32 {
        let on: Vec<&[f32; 4]> = self.pixels.iter().flatten().collect();
        let dark = on.iter().filter(|p| p[Zone::Observer.index()] > 0.5).count();
        dark as f32 / on.len().max(1) as f32
    }

    /// The map as a picture: each pixel its zones' colours mixed by share; transparent off the stone.
    pub fn picture(&self) -> image::RgbaImage {
        image::RgbaImage::from_fn(self.size, self.size, |x, y| match self.pixels[(y * self.size + x) as usize] {
            None => image::Rgba([0, 0, 0, 0]),
            Some(shares) => {
                let mut colour = [0.0f32; 3];
                for (zone, share) in Zone::ALL.iter().zip(shares) {
                    for (c, z) in colour.iter_mut().zip(zone.colour()) {
                        *c += z * share;
                    }
                }
                let [r, g, b] = colour.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8);
                image::Rgba([r, g, b, 255])
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::{Proportions, facet_planes_with, proportions};

    fn round(pavilion_deg: f32, crown_deg: f32) -> Vec<Plane> {
        let p = proportions(Cut::RoundBrilliant);
        facet_planes_with(
            Cut::RoundBrilliant,
            &Proportions { pavilion_angle_deg: pavilion_deg, crown_angle_deg: crown_deg, ..p },
        )
    }

    #[test]
    fn a_well_cut_round_draws_the_observer_in_arrows_and_a_shallow_one_does_not() {
        // Écrin's round (53 % table, 34.5° crown, 40.75° pavilion) seen face-up: about half its face returns the
        // observer's darkness — the arrows of a reflector scope; a shallow pavilion (38°) returns light from around
        // the observer instead, and leaks more: a glassy stone with little pattern.
        let ideal = aset_map(&round(40.75, 34.5), 2.418, 64, 8);
        let shallow = aset_map(&round(38.0, 34.5), 2.418, 64, 8);
        assert!((0.3..0.7).contains(&ideal.obstructed_area()), "{}", ideal.obstructed_area());
        assert!(shallow.obstructed_area() < 0.15, "{}", shallow.obstructed_area());
        let [observer, high, low, leak] = ideal.shares();
        assert!((observer + high + low + leak - 1.0).abs() < 1e-3);
        assert!(leak < 0.1 && high > low * 0.8, "{:?}", ideal.shares());
        // Every pixel of the picture over the stone is coloured; off the stone, transparent.
        let picture = ideal.picture();
        assert_eq!(picture.get_pixel(0, 0).0[3], 0);
        assert_eq!(picture.get_pixel(32, 32).0[3], 255);
    }

    #[test]
    fn zones_follow_asets_elevations() {
        assert_eq!(Zone::of(Vec3::Y), Zone::Observer);
        assert_eq!(Zone::of(Vec3::new(1.0, 1.5, 0.0)), Zone::High);
        assert_eq!(Zone::of(Vec3::new(1.0, 0.3, 0.0)), Zone::Low);
        assert_eq!(Zone::of(Vec3::new(1.0, -0.1, 0.0)), Zone::Leak);
        assert!((90.0 - OBSERVER_FROM_DEG - crate::optics::observer::HALF_ANGLE.to_degrees()).abs() < 1e-3);
    }
}
