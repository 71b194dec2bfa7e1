//! The style guide's pictures: rendered once by a child `ecrin style-guide` (its own renderer: the studio never
//! waits for it) into the user's cache, in a folder named by Écrin's version and the pictures' designs — so a new
//! Écrin or new pictures render again, and a picture that cannot be read counts as missing and is rendered again.
//! They are read off the frame; until they are in, the guide shows its choices in words. Only the studio window
//! runs this (headless apps and tests have no child processes).

use super::StyleGuide;
use crate::studio::floor::background::{Background, ChildEvent, ChildJob, Polled};
use crate::studio::floor::widgets::PictureTextures;
use bevy::prelude::*;
use bevy_egui::egui;
use std::path::PathBuf;

/// The pictures known so far and the work that makes and reads them.
#[derive(Default)]
pub struct Pictures {
    /// Pictures read and their textures, by choice slug (the window makes them: it holds the egui context).
    pub pictures: PictureTextures,
    looked: bool,
    asked_child: bool,
    reading: Option<Background<Read>>,
    rendering: Option<ChildJob>,
}

/// Pictures found (decoded) and how many are missing.
struct Read {
    found: Vec<(String, egui::ColorImage)>,
    missing: usize,
}

impl Pictures {
    /// The texture of a choice's picture, made from the decoded picture the first time.
    pub fn texture(&mut self, ctx: &egui::Context, slug: &str) -> Option<egui::TextureHandle> {
        self.pictures.texture(ctx, slug, "style")
    }

    /// Whether the child is drawing them now.
    pub fn is_rendering(&self) -> bool {
        self.rendering.is_some()
    }
}

/// The folder of this Écrin's pictures: the user's cache, under a key of the version and every picture's design.
pub fn folder() -> PathBuf {
    let mut key: u64 = 0xcbf2_9ce4_8422_2325;
    let designs = crate::suggest::style::picture_choices()
        .into_iter()
        .filter_map(crate::suggest::style::picture_design)
        .map(|design| crate::approval::fingerprint(&design));
    for part in std::iter::once(env!("CARGO_PKG_VERSION").to_string()).chain(designs) {
        for byte in part.bytes() {
            key = (key ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let cache = directories::ProjectDirs::from("studio", "Ecrin", "Ecrin")
        .map(|dirs| dirs.cache_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("ecrin-cache"));
    cache.join("style-guide").join(format!("{key:016x}"))
}

/// While the guide is open: reads the pictures (off the frame); renders the missing ones in a child once per run;
/// reads them again when it is done.
pub fn keep_pictures(mut guide: ResMut<StyleGuide>) {
    if !guide.open {
        return;
    }
    let pictures = &mut guide.pictures;
    if !pictures.looked && pictures.reading.is_none() && pictures.rendering.is_none() {
        pictures.looked = true;
        let wanted: Vec<String> = crate::suggest::style::picture_choices().into_iter().map(|c| c.slug()).collect();
        let have: Vec<String> = pictures.pictures.textures.keys().cloned().collect();
        let folder = folder();
        pictures.reading = Some(Background::compute(move || read_pictures(&folder, wanted, &have)));
    }
    if let Some(read) = pictures.reading.as_ref().and_then(Background::outcome) {
        pictures.reading = None;
        if let Some(read) = read {
            pictures.pictures.decoded.extend(read.found);
            if read.missing > 0 && !pictures.asked_child {
                pictures.asked_child = true;
                let folder = folder();
                let args = ["style-guide".into(), "--out".into(), folder.into_os_string()];
                match ChildJob::start(&args) {
                    Ok(job) => pictures.rendering = Some(job),
                    Err(error) => warn!("the style guide's pictures could not be rendered: {error}"),
                }
            }
        }
    }
    let Some(job) = pictures.rendering.as_ref() else { return };
    loop {
        match job.events.try_next() {
            Polled::Ready(ChildEvent::Line(_)) => {}
            Polled::Ready(ChildEvent::Exited { status, last_error }) => {
                if !status.as_ref().is_ok_and(|s| s.success()) {
                    warn!("rendering the style guide's pictures failed: {}", last_error.unwrap_or_default());
                }
                break;
            }
            Polled::Waiting => return,
            Polled::Finished => break,
        }
    }
    // Done: read what it drew.
    pictures.rendering = None;
    pictures.looked = false;
}

/// Decodes the pictures there are (a picture that cannot be decoded is removed, to be drawn again).
fn read_pictures(folder: &std::path::Path, wanted: Vec<String>, have: &[String]) -> Read {
    let mut read = Read { found: Vec::new(), missing: 0 };
    for slug in wanted.into_iter().filter(|s| !have.contains(s)) {
        let path = folder.join(format!("{slug}.png"));
        match crate::studio::collection::thumbnails::decode_thumbnail(&path) {
            Ok(picture) => {
                let rgba = picture.to_rgba8();
                let size = [rgba.width() as usize, rgba.height() as usize];
                read.found.push((slug, egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())));
            }
            Err(_) => {
                if path.exists() {
                    let _ = std::fs::remove_file(&path);
                }
                read.missing += 1;
            }
        }
    }
    read
}
