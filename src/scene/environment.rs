//! Light as a picture: a radiance function of direction written as an equirectangular Radiance HDR (`.hdr`,
//! `image`'s encoder), in the mapping Mitsuba's `envmap` reads with no transform, so that a path tracer is lit
//! by exactly the function Écrin bakes into its cubemaps.

use glam::Vec3;
use image::Rgb;

/// How a pixel of the pictures maps to a direction (also written into `camera.json`).
pub const MAPPING: &str = "equirectangular, width = 2 × height; pixel (i, j) from the top left is the direction \
    at u = (i + 0.5) / width, v = (j + 0.5) / height: θ = π v, φ = 2π u, \
    direction = (sin θ sin φ, cos θ, −sin θ cos φ) in the scene's frame (+Y up); values are linear radiance";

/// The direction through (u, v) ∈ [0, 1]² of the picture.
pub fn direction(u: f32, v: f32) -> Vec3 {
    let (theta, phi) = (std::f32::consts::PI * v, std::f32::consts::TAU * u);
    Vec3::new(theta.sin() * phi.sin(), theta.cos(), -theta.sin() * phi.cos())
}

/// Samples per pixel along each axis: the sources' soft edges are a few pixels wide at 2048.
const SAMPLES: u32 = 2;

/// The `.hdr` bytes of `radiance` over every direction, `height` pixels tall, each pixel the mean of a few
/// directions inside it.
pub fn equirect_hdr(height: u32, radiance: &(dyn Fn(Vec3) -> Vec3 + Sync)) -> Vec<u8> {
    let width = height * 2;
    let pixels: Vec<Rgb<f32>> = (0..height)
        .flat_map(|j| (0..width).map(move |i| (i, j)))
        .map(|(i, j)| {
            let mut sum = Vec3::ZERO;
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let u = (i as f32 + (sx as f32 + 0.5) / SAMPLES as f32) / width as f32;
                    let v = (j as f32 + (sy as f32 + 0.5) / SAMPLES as f32) / height as f32;
                    sum += radiance(direction(u, v));
                }
            }
            let mean = sum / (SAMPLES * SAMPLES) as f32;
            Rgb([mean.x.max(0.0), mean.y.max(0.0), mean.z.max(0.0)])
        })
        .collect();
    let mut bytes = Vec::new();
    // Writing into memory cannot fail but on a size the picture cannot have.
    let _ = image::codecs::hdr::HdrEncoder::new(&mut bytes).encode(&pixels, width as usize, height as usize);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mapping_covers_the_sphere_with_up_at_the_top() {
        assert!((direction(0.3, 0.0) - Vec3::Y).length() < 1e-6);
        assert!((direction(0.0, 0.5) - Vec3::NEG_Z).length() < 1e-6);
        assert!((direction(0.25, 0.5) - Vec3::X).length() < 1e-6);
    }

    #[test]
    fn a_written_picture_reads_back_as_the_radiance() {
        let radiance = |d: Vec3| if d.y > 0.0 { Vec3::new(4.0, 2.0, 1.0) } else { Vec3::new(0.0, 0.5, 0.0) };
        let bytes = equirect_hdr(16, &radiance);
        let picture = image::load_from_memory_with_format(&bytes, image::ImageFormat::Hdr).expect("an HDR").to_rgb32f();
        assert_eq!(picture.dimensions(), (32, 16));
        let top = picture.get_pixel(5, 2).0;
        let bottom = picture.get_pixel(20, 13).0;
        // RGBE keeps 8 bits of mantissa per channel.
        assert!((top[0] - 4.0).abs() < 0.05 && (top[2] - 1.0).abs() < 0.02, "{top:?}");
        assert!(bottom[0] == 0.0 && (bottom[1] - 0.5).abs() < 0.01, "{bottom:?}");
    }
}
