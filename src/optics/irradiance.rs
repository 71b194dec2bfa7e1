//! The light a matte surface receives from an environment: its irradiance as nine spherical-harmonic coefficients
//! (Ramamoorthi & Hanrahan 2001, "An Efficient Representation for Irradiance Environment Maps"), integrated once
//! from the environment's radiance on a fine grid of directions — exact and smooth for any normal, where a
//! Monte-Carlo irradiance map of an environment with small bright sources (candles, the sun) is noisy texel to
//! texel and shows as streaks on a large matte form (the bust, the hand).

use super::environment::LightingEnvironment;
use glam::Vec3;

/// Irradiance over π (the mean cosine-weighted radiance: what a white Lambertian surface sends back) for a normal,
/// as nine coefficients of the real spherical harmonics up to order 2 (RGB each), already convolved with the cosine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Irradiance(pub [Vec3; 9]);

/// The nine real spherical harmonics at a unit direction.
fn basis(d: Vec3) -> [f32; 9] {
    [
        0.282_095,
        0.488_603 * d.y,
        0.488_603 * d.z,
        0.488_603 * d.x,
        1.092_548 * d.x * d.y,
        1.092_548 * d.y * d.z,
        0.315_392 * (3.0 * d.z * d.z - 1.0),
        1.092_548 * d.x * d.z,
        0.546_274 * (d.x * d.x - d.y * d.y),
    ]
}

impl Irradiance {
    /// Of a radiance function (light arriving from direction `d`), integrated on a latitude-longitude grid fine
    /// enough for a candle's flame (0.35° steps).
    pub fn of(radiance: impl Fn(Vec3) -> Vec3) -> Self {
        let (columns, rows) = (1024usize, 512usize);
        let mut projected = [Vec3::ZERO; 9];
        for row in 0..rows {
            let polar = std::f32::consts::PI * (row as f32 + 0.5) / rows as f32;
            let solid_angle =
                (std::f32::consts::PI / rows as f32) * (std::f32::consts::TAU / columns as f32) * polar.sin();
            for column in 0..columns {
                let azimuth = std::f32::consts::TAU * (column as f32 + 0.5) / columns as f32;
                let d = Vec3::new(polar.sin() * azimuth.cos(), polar.cos(), polar.sin() * azimuth.sin());
                let light = radiance(d) * solid_angle;
                for (coefficient, y) in projected.iter_mut().zip(basis(d)) {
                    *coefficient += light * y;
                }
            }
        }
        // The cosine lobe's convolution per band (π, 2π/3, π/4), then over π.
        let band = [1.0, 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 0.25, 0.25, 0.25, 0.25, 0.25];
        Irradiance(std::array::from_fn(|i| projected[i] * band[i]))
    }

    /// Of a lighting environment as the studio's scenes receive it (Bevy samples cubemaps with z turned, so the
    /// light from world direction d is the environment's radiance towards (x, y, −z)).
    pub fn of_environment(environment: LightingEnvironment) -> Self {
        Irradiance::of_environment_or(environment, || Irradiance::made_of(environment))
    }

    /// As `of_environment`, with the first asking for `environment` in this run answered by `first` (the studio's
    /// reads what an earlier run kept; `made_of` otherwise).
    pub fn of_environment_or(environment: LightingEnvironment, first: impl FnOnce() -> Self) -> Self {
        static MEMO: crate::memo::Memo<LightingEnvironment, Irradiance> = crate::memo::Memo::new();
        MEMO.get_or_compute(environment, first)
    }

    /// Of a lighting environment as the studio's scenes receive it, integrated now (half a million directions).
    pub fn made_of(environment: LightingEnvironment) -> Self {
        Irradiance::of(|d| environment.radiance(Vec3::new(d.x, d.y, -d.z)))
    }

    /// Its 27 numbers as bytes (little-endian f32).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|c| c.to_array()).flat_map(f32::to_le_bytes).collect()
    }

    /// From `to_bytes`'s, if they are 27 finite numbers.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let numbers: Vec<f32> = bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        if bytes.len() != 9 * 3 * 4 || !numbers.iter().all(|n| n.is_finite()) {
            return None;
        }
        Some(Irradiance(std::array::from_fn(|i| Vec3::new(numbers[3 * i], numbers[3 * i + 1], numbers[3 * i + 2]))))
    }

    /// Irradiance over π for a surface facing `normal` (never negative).
    pub fn towards(&self, normal: Vec3) -> Vec3 {
        let y = basis(normal.normalize_or(Vec3::Y));
        self.0.iter().zip(y).map(|(c, y)| *c * y).sum::<Vec3>().max(Vec3::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irradiance_goes_through_bytes_unchanged_and_refuses_others() {
        let irradiance =
            Irradiance(std::array::from_fn(|i| Vec3::new(i as f32, -0.5 * i as f32, 1.0 / (1.0 + i as f32))));
        assert_eq!(Irradiance::from_bytes(&irradiance.to_bytes()), Some(irradiance));
        assert_eq!(Irradiance::from_bytes(&irradiance.to_bytes()[..100]), None);
        assert_eq!(Irradiance::from_bytes(&[0xff; 108]), None, "NaNs");
    }

    #[test]
    fn a_uniform_sky_lights_every_face_the_same() {
        let irradiance = Irradiance::of(|_| Vec3::splat(0.7));
        for normal in [Vec3::X, Vec3::NEG_Y, Vec3::new(0.3, 0.5, -0.8)] {
            assert!((irradiance.towards(normal) - Vec3::splat(0.7)).abs().max_element() < 0.005);
        }
    }

    #[test]
    fn a_light_above_lights_the_top_and_not_the_bottom_as_lambert_says() {
        // A uniform upper hemisphere: irradiance/π is 1 facing up, ½ sideways, 0 facing down (exactly; order 2
        // of the harmonics gets within a few percent).
        let irradiance = Irradiance::of(|d| if d.y > 0.0 { Vec3::ONE } else { Vec3::ZERO });
        assert!((irradiance.towards(Vec3::Y).x - 1.0).abs() < 0.05);
        assert!((irradiance.towards(Vec3::X).x - 0.5).abs() < 0.02);
        assert!(irradiance.towards(Vec3::NEG_Y).x < 0.05);
    }

    #[test]
    fn every_environment_lights_a_form_smoothly() {
        // Neighbouring normals (1° apart) get nearly the same light: no streaks.
        for environment in LightingEnvironment::ALL {
            let irradiance = Irradiance::of_environment(environment);
            for k in 0..360 {
                let (a, b) = ((k as f32).to_radians(), (k as f32 + 1.0).to_radians());
                let (na, nb) = (Vec3::new(a.cos(), 0.2, a.sin()), Vec3::new(b.cos(), 0.2, b.sin()));
                let (ea, eb) = (irradiance.towards(na), irradiance.towards(nb));
                assert!((ea - eb).abs().max_element() <= 0.03 * ea.max_element().max(0.01), "{environment:?} at {k}°");
            }
        }
    }
}
