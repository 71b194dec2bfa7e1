//! Which pixel of the view shows what — metal, stone, display support or background —, found by rasterising the
//! Assembly's triangles with a depth test at each pixel's centre (the pinhole of `SceneView`). Independent of the
//! renderer: the comparison reads each region of both pictures through it.

use super::SceneView;
use crate::geometry::assembly::PartRole;
use crate::geometry::placed::PlacedMesh;
use glam::Vec3;

/// What a pixel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Background,
    Metal,
    Stone,
    Support,
}

impl Region {
    pub const ALL: [Region; 4] = [Region::Background, Region::Metal, Region::Stone, Region::Support];

    fn of(role: PartRole) -> Region {
        match role {
            PartRole::Metal(_) => Region::Metal,
            PartRole::Stone { .. } => Region::Stone,
            PartRole::Display(_) => Region::Support,
        }
    }

    /// Its colour in the mask picture.
    pub fn colour(self) -> [u8; 3] {
        match self {
            Region::Background => [0, 0, 0],
            Region::Metal => [255, 170, 0],
            Region::Stone => [0, 160, 255],
            Region::Support => [160, 160, 160],
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Region::Background => "background",
            Region::Metal => "metal",
            Region::Stone => "stone",
            Region::Support => "support",
        }
    }
}

/// The mask's colours by region, for `camera.json`.
pub fn colours_json() -> serde_json::Value {
    Region::ALL.iter().map(|r| (r.word().to_string(), serde_json::json!(r.colour()))).collect()
}

/// The region of every pixel, row by row from the top left.
pub fn region_mask(parts: &[PlacedMesh], view: &SceneView) -> Vec<Region> {
    let (width, height) = (view.width as usize, view.height as usize);
    let mut depth = vec![f32::INFINITY; width * height];
    let mut regions = vec![Region::Background; width * height];
    for part in parts {
        let region = Region::of(part.role);
        let projected: Vec<Option<(f32, f32, f32)>> =
            part.data.positions.iter().map(|&p| view.project(part.at.transform_point3(Vec3::from(p)))).collect();
        for triangle in part.data.indices.chunks_exact(3) {
            let corner = |i: u32| projected.get(i as usize).copied().flatten();
            let (Some(a), Some(b), Some(c)) = (corner(triangle[0]), corner(triangle[1]), corner(triangle[2])) else {
                continue;
            };
            let area = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
            if area.abs() < 1e-12 {
                continue;
            }
            let x0 = (a.0.min(b.0).min(c.0) - 0.5).floor().max(0.0) as usize;
            let y0 = (a.1.min(b.1).min(c.1) - 0.5).floor().max(0.0) as usize;
            let x1 = ((a.0.max(b.0).max(c.0) - 0.5).ceil().max(0.0) as usize).min(width.saturating_sub(1));
            let y1 = ((a.1.max(b.1).max(c.1) - 0.5).ceil().max(0.0) as usize).min(height.saturating_sub(1));
            for y in y0..=y1 {
                for x in x0..=x1 {
                    let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                    let edge =
                        |p: (f32, f32, f32), q: (f32, f32, f32)| (q.0 - p.0) * (py - p.1) - (q.1 - p.1) * (px - p.0);
                    let (wa, wb, wc) = (edge(b, c) / area, edge(c, a) / area, edge(a, b) / area);
                    if wa < 0.0 || wb < 0.0 || wc < 0.0 {
                        continue;
                    }
                    // Perspective-correct depth: 1/depth varies linearly across the picture.
                    let inverse = wa / a.2 + wb / b.2 + wc / c.2;
                    let at = 1.0 / inverse;
                    let index = y * width + x;
                    if at < depth[index] {
                        depth[index] = at;
                        regions[index] = region;
                    }
                }
            }
        }
    }
    regions
}

/// The mask as a PNG in the regions' colours.
pub fn mask_png(regions: &[Region], view: &SceneView) -> Result<Vec<u8>, image::ImageError> {
    let picture = image::RgbImage::from_fn(view.width, view.height, |x, y| {
        let region = regions.get((y * view.width + x) as usize).copied().unwrap_or(Region::Background);
        image::Rgb(region.colour())
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut bytes, image::ImageFormat::Png)?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::mesh::MeshData;
    use glam::{Affine3A, Quat};
    use std::sync::Arc;

    fn square(at_z: f32, half: f32, role: PartRole) -> PlacedMesh {
        let data = MeshData {
            positions: vec![[-half, -half, at_z], [half, -half, at_z], [half, half, at_z], [-half, half, at_z]],
            normals: vec![[0.0, 0.0, 1.0]; 4],
            indices: vec![0, 1, 2, 0, 2, 3],
        };
        PlacedMesh { name: "square".into(), role, key: format!("{at_z}"), data: Arc::new(data), at: Affine3A::IDENTITY }
    }

    #[test]
    fn the_nearest_part_wins_each_pixel_and_the_rest_is_background() {
        let view = SceneView {
            position: Vec3::new(0.0, 0.0, 10.0),
            rotation: Quat::IDENTITY,
            yfov: 0.5,
            width: 40,
            height: 40,
        };
        // A large metal square behind a small stone square, both facing the camera.
        let parts = [
            square(0.0, 1.0, PartRole::Metal(crate::geometry::assembly::MetalZone::Band)),
            square(
                1.0,
                0.3,
                PartRole::Stone {
                    seat: crate::geometry::assembly::Seat::Centre,
                    cut: crate::design::Cut::RoundBrilliant,
                    species: crate::design::Species::Diamond,
                },
            ),
        ];
        let regions = region_mask(&parts, &view);
        let at = |x: usize, y: usize| regions[y * 40 + x];
        assert_eq!(at(20, 20), Region::Stone);
        assert_eq!(at(20, 12), Region::Metal);
        assert_eq!(at(1, 1), Region::Background);
        // The metal square of half-width 1 mm at 10 mm: tan⁻¹(0.1) of the 0.25 rad half-field, 16 px of 20.
        let metal_row = (0..40).filter(|&x| at(x, 12) == Region::Metal).count();
        let expected = 2.0 * 20.0 * 0.1 / (0.25f32).tan();
        assert!((metal_row as f32 - expected).abs() <= 2.0, "{metal_row} vs {expected}");
        // Each pixel's ray goes where the projection put it.
        let ray = view.ray(20, 20);
        assert!(ray.z < -0.99);
    }
}
