//! The lighting environments' cubemaps and irradiance, read from the user's cache (`bake_cache`) when this build made
//! them before, made and kept there otherwise: a start after the first skips about a million radiance evaluations
//! per environment. A damaged file is said in the log and made again, never used; the files are written off the frame.

use super::{cubemap_bytes, cubemap_image, cubemap_texels};
use crate::bake_cache::BakeCache;
use crate::optics::environment::LightingEnvironment;
use crate::optics::irradiance::Irradiance;
use bevy::image::Image;
use bevy::log::warn;
use bevy::tasks::IoTaskPool;

/// The bake's file name and what it is made from.
fn bake_of(environment: LightingEnvironment, size: u32) -> (String, String) {
    let name = format!("{environment:?}").to_lowercase();
    (format!("environment-{name}-{size}"), format!("{environment:?}/radiance-cubemap/{size}/rgba16f"))
}

/// The bake `name` made from `inputs`: from `cache` when its file holds it whole and `decode` takes it, or made now
/// (and kept there as `encode` writes it, off the frame). A damaged file is said in the log.
fn read_or_make<T>(
    cache: &BakeCache,
    (name, inputs): (String, String),
    decode: impl Fn(Vec<u8>) -> Option<T>,
    make: impl FnOnce() -> T,
    encode: impl Fn(&T) -> Vec<u8>,
) -> T {
    match cache.read(&name, &inputs).usable() {
        Ok(bytes) => {
            if let Some(value) = decode(bytes) {
                return value;
            }
        }
        Err(Some(problem)) => warn!("{problem}"),
        Err(None) => {}
    }
    let made = make();
    let (cache, kept) = (cache.clone(), encode(&made));
    IoTaskPool::get()
        .spawn(async move {
            if let Err(error) = cache.keep(&name, &inputs, &kept) {
                warn!("{}: {error}", cache.file(&name).display());
            }
        })
        .detach();
    made
}

/// An environment as an RGBA16F cubemap image: from `cache`, or made now (and kept there, off the frame).
pub fn environment_cubemap_in(cache: &BakeCache, environment: LightingEnvironment, size: u32) -> Image {
    let whole = |texels: Vec<u8>| (texels.len() == cubemap_bytes(size)).then_some(texels);
    let make = || cubemap_texels(size, |d| environment.radiance(d));
    cubemap_image(size, read_or_make(cache, bake_of(environment, size), whole, make, Vec::clone))
}

/// An environment's irradiance (the display's matte surfaces): once per run, from the user's cache or made now.
pub fn environment_irradiance(environment: LightingEnvironment) -> Irradiance {
    Irradiance::of_environment_or(environment, || {
        let name = format!("{environment:?}").to_lowercase();
        let bake = (format!("irradiance-{name}"), format!("{environment:?}/irradiance/sh9/z-turned"));
        let decode = |bytes: Vec<u8>| Irradiance::from_bytes(&bytes);
        read_or_make(&BakeCache::user(), bake, decode, || Irradiance::made_of(environment), Irradiance::to_bytes)
    })
}

/// An environment as an RGBA16F cubemap image, through the user's cache.
pub fn environment_cubemap(environment: LightingEnvironment, size: u32) -> Image {
    environment_cubemap_in(&BakeCache::user(), environment, size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::tasks::TaskPool;

    fn texels(image: &Image) -> &[u8] {
        image.data.as_deref().unwrap_or_default()
    }

    /// Waits for the file written off the frame to hold the bake whole.
    fn kept(cache: &BakeCache, environment: LightingEnvironment, size: u32) -> Vec<u8> {
        let (name, inputs) = bake_of(environment, size);
        for _ in 0..500 {
            if let Ok(texels) = cache.read(&name, &inputs).usable() {
                return texels;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("{} never kept", cache.file(&name).display());
    }

    #[test]
    fn a_kept_cubemap_is_read_and_a_damaged_one_made_again() {
        IoTaskPool::get_or_init(TaskPool::new);
        let folder = std::env::temp_dir().join(format!("ecrin-baked-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let cache = BakeCache::at(&folder);
        let (environment, size) = (LightingEnvironment::ALL[4], 8);
        let made = environment_cubemap_in(&cache, environment, size);
        assert_eq!(kept(&cache, environment, size), texels(&made));
        // What the file holds is what the studio gets: a bake of the same key, other texels.
        let (name, inputs) = bake_of(environment, size);
        let other = vec![0u8; cubemap_bytes(size)];
        cache.keep(&name, &inputs, &other).expect("kept");
        assert_eq!(texels(&environment_cubemap_in(&cache, environment, size)), other);
        // A damaged file is not used: the cubemap is made again and the file rewritten whole.
        let file = cache.file(&name);
        let mut bytes = std::fs::read(&file).expect("read");
        let middle = bytes.len() - 100;
        bytes[middle] ^= 0xff;
        std::fs::write(&file, bytes).expect("damaged");
        assert_eq!(texels(&environment_cubemap_in(&cache, environment, size)), texels(&made));
        assert_eq!(kept(&cache, environment, size), texels(&made));
        let _ = std::fs::remove_dir_all(&folder);
    }
}
