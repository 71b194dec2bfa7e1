//! The CPU reference picture of a stone: a pinhole camera, one ray per pixel, traced per colour channel exactly
//! as `shaders/gem.wgsl` does — what the shader's output is checked against.

use super::ior::ChannelIor;
use super::setting::{SettingMetals, SettingView};
use super::trace::{Exit, trace_channel};
use crate::design::Species;
use crate::geometry::polyhedron::Plane;
use glam::Vec3;

/// Absorption per mm for each channel so that a path of `COLOUR_PATH_MM` shows the species' body colour
/// (Beer–Lambert: transmittance = exp(−α·L)).
pub fn absorption_per_mm(species: Species) -> [f32; 3] {
    /// Path length (mm) over which a stone's body colour is reached: about twice the depth of a 1 ct stone.
    const COLOUR_PATH_MM: f32 = 6.0;
    species.data().body_colour_srgb.map(|c| -crate::colour::srgb_to_linear(c).max(1e-3).ln() / COLOUR_PATH_MM)
}

/// A pinhole camera looking at `target`, vertical field of view in radians.
#[derive(Clone, Copy, Debug)]
pub struct PinholeCamera {
    pub position: Vec3,
    pub target: Vec3,
    pub fov_y: f32,
}

impl PinholeCamera {
    /// Unit direction through the centre of pixel (x, y) of a width × height picture (y down).
    pub fn ray(&self, x: u32, y: u32, width: u32, height: u32) -> Vec3 {
        let forward = (self.target - self.position).normalize();
        let right = forward.cross(Vec3::Y).normalize();
        let up = right.cross(forward);
        let half = (self.fov_y / 2.0).tan();
        let aspect = width as f32 / height as f32;
        let u = (2.0 * (x as f32 + 0.5) / width as f32 - 1.0) * half * aspect;
        let v = (1.0 - 2.0 * (y as f32 + 0.5) / height as f32) * half;
        (forward + right * u + up * v).normalize()
    }
}

/// A stone's setting as its tracer sees it: the table of metal around it and what the metal is made of.
pub type Surroundings<'a> = Option<(&'a SettingView, SettingMetals)>;

/// Linear radiance of each pixel (row by row), `None` where the ray misses the stone. The stone (unit-length
/// `planes`) sits at the origin scaled to `size_mm`; `environment` gives the radiance arriving from a direction, and
/// the observer at the camera blocks what comes from behind it (`optics::observer`); light leaving towards the
/// setting (in the stone's frame) meets its metal first (`optics::setting`).
#[allow(clippy::too_many_arguments)]
pub fn stone_picture(
    planes: &[Plane],
    size_mm: f32,
    species: Species,
    camera: &PinholeCamera,
    size: (u32, u32),
    bounces: usize,
    environment: impl Fn(Vec3) -> Vec3,
    setting: Surroundings,
) -> Vec<Option<Vec3>> {
    stone_picture_counted(planes, size_mm, species, camera, size, bounces, environment, setting).0
}

/// `stone_picture`, and the plane tests the shader makes per pixel of the stone, on average: finding the entry facet
/// (every plane) and each channel's exits (`walk`) — the gem's work per pixel, counted without a GPU.
#[allow(clippy::too_many_arguments)]
pub fn stone_picture_counted(
    planes: &[Plane],
    size_mm: f32,
    species: Species,
    camera: &PinholeCamera,
    (width, height): (u32, u32),
    bounces: usize,
    environment: impl Fn(Vec3) -> Vec3,
    setting: Surroundings,
) -> (Vec<Option<Vec3>>, f64) {
    let stone = super::walk::FacetWalk::of(planes);
    let (mut tests, mut stone_pixels) = (0u64, 0u64);
    let data = species.data();
    let ior = ChannelIor::new(data.refractive_index, data.dispersion).0;
    let absorption = absorption_per_mm(species);
    let origin = camera.position / size_mm;
    let eye = camera.position.normalize();
    let environment = |d: Vec3| super::observer::seen(eye, d, environment(d));
    let mut pixels = Vec::with_capacity((width * height) as usize);
    for y in 0..height {
        for x in 0..width {
            let dir = camera.ray(x, y, width, height);
            let mut radiance = Vec3::ZERO;
            let mut hit = false;
            let mut hints = super::trace::ExitHints::default();
            for channel in 0..3 {
                let absorption = absorption[channel] * size_mm;
                let trace = trace_channel(&stone, origin, dir, ior[channel], absorption, bounces, &mut hints);
                let Some((reflected, weight)) = trace.reflection else { continue };
                hit = true;
                tests += u64::from(trace.plane_tests);
                let arriving = |exit: &Exit| match &setting {
                    Some((view, metals)) => view.light(metals, exit, &environment),
                    None => environment(exit.towards),
                };
                let mut value = weight * environment(reflected)[channel];
                value += trace.exits.iter().map(|exit| exit.weight * arriving(exit)[channel]).sum::<f32>();
                // Light still inside after the last bounce leaves with the light of the direction it travels
                // (`TRAPPED_LIGHT` in shaders/gem.wgsl).
                value += trace.trapped.weight * arriving(&trace.trapped)[channel];
                radiance[channel] = value;
            }
            if hit {
                stone_pixels += 1;
                tests += planes.len() as u64;
            }
            pixels.push(hit.then_some(radiance));
        }
    }
    (pixels, tests as f64 / stone_pixels.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::facet_planes;

    #[test]
    fn a_face_up_diamond_under_uniform_light_returns_most_of_it_but_the_observers_share() {
        let camera = PinholeCamera { position: Vec3::new(0.0, 30.0, 0.001), target: Vec3::ZERO, fov_y: 0.25 };
        let picture = stone_picture(
            &facet_planes(Cut::RoundBrilliant),
            6.4,
            Species::Diamond,
            &camera,
            (32, 32),
            8,
            |_| Vec3::ONE,
            None,
        );
        let hits: Vec<Vec3> = picture.iter().flatten().copied().collect();
        assert!(hits.len() > 300, "the stone fills the middle of the picture ({} px)", hits.len());
        // Under light of 1 from every direction a non-absorbing stone returns at most 1, and most of it; what it
        // returns from behind the eye is the observer's darkness: dark facets, the arrows.
        let mean = hits.iter().map(|h| h.x).sum::<f32>() / hits.len() as f32;
        assert!(hits.iter().all(|h| h.max_element() <= 1.0 + 1e-3));
        assert!(mean > 0.5 && mean < 0.95, "{mean}");
        let dark = hits.iter().filter(|h| h.y < 0.3).count() as f32 / hits.len() as f32;
        assert!(dark > 0.05, "dark facets: {dark}");
    }

    #[test]
    fn colourless_stones_do_not_absorb_and_rubies_absorb_green() {
        assert!(absorption_per_mm(Species::Diamond).iter().all(|&a| a < 1e-4));
        let [r, g, _] = absorption_per_mm(Species::Ruby);
        assert!(g > 5.0 * r, "ruby absorbs green far more than red: {r} {g}");
    }
}
