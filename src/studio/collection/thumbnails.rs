//! The library's pictures of the house's models. Each is rendered once per model file by a child
//! `ecrin collection thumbnails` (its own renderer: the studio never waits for it) and kept under the collection's
//! `thumbnails/`, named by the file's hash; the studio reads them off the frame and the panel shows them. Only the
//! studio window runs this (headless renders and tests have no child processes).

use super::StudioCollection;
use crate::studio::StudioSystems;
use crate::studio::floor::background::{Background, ChildEvent, ChildJob, Polled};
use crate::studio::floor::widgets::PictureTextures;
use bevy::prelude::*;
use bevy_egui::egui;
use std::collections::HashSet;
use std::path::PathBuf;

/// The pictures known so far, and the work that makes and reads them.
#[derive(Default)]
pub struct Thumbnails {
    /// Pictures read and their textures, by model hash (the panel makes them: it holds the egui context).
    pub pictures: PictureTextures,
    /// Hashes whose picture was looked for (read, or found missing).
    looked_for: HashSet<String>,
    /// Hashes found without a picture, to render.
    missing: Vec<String>,
    /// Hashes a child was asked to render this run (a model that cannot be rendered is not asked again).
    asked: HashSet<String>,
    reading: Option<Background<Read>>,
    rendering: Option<ChildJob>,
}

/// Pictures found (decoded) and hashes without one.
struct Read {
    found: Vec<(String, egui::ColorImage)>,
    missing: Vec<String>,
}

impl Thumbnails {
    /// The texture of a model's picture, making it from the decoded picture the first time.
    pub fn texture(&mut self, ctx: &egui::Context, hash: &str) -> Option<egui::TextureHandle> {
        self.pictures.texture(ctx, hash, "thumbnail")
    }
}

pub(in crate::studio) fn plugin(app: &mut App) {
    app.add_systems(Update, keep_thumbnails.after(StudioSystems::ApplyCommands));
}

/// Reads the pictures of models listed since the last look; renders the missing ones in a child; reads them again
/// once it is done.
fn keep_thumbnails(mut state: ResMut<StudioCollection>) {
    let state = &mut *state;
    let thumbnails = &mut state.thumbnails;
    if thumbnails.reading.is_none() {
        let new: Vec<(String, PathBuf)> = state
            .models
            .iter()
            .filter(|m| !thumbnails.looked_for.contains(&m.hash))
            .map(|m| (m.hash.clone(), state.collection.thumbnail_path(m)))
            .collect();
        if !new.is_empty() {
            thumbnails.looked_for.extend(new.iter().map(|(hash, _)| hash.clone()));
            thumbnails.reading = Some(Background::compute(move || read_pictures(new)));
        }
    }
    if let Some(read) = thumbnails.reading.as_ref().and_then(Background::outcome) {
        thumbnails.reading = None;
        if let Some(read) = read {
            thumbnails.pictures.decoded.extend(read.found);
            thumbnails.missing.extend(read.missing.into_iter().filter(|h| !thumbnails.asked.contains(h)));
        }
    }
    if thumbnails.rendering.is_none() && !thumbnails.missing.is_empty() {
        let args = ["collection", "thumbnails"].map(std::ffi::OsString::from);
        match ChildJob::start_in(&state.collection.dir, &args) {
            Ok(job) => {
                thumbnails.asked.extend(thumbnails.missing.drain(..));
                thumbnails.rendering = Some(job);
            }
            Err(error) => {
                warn!("the collection's thumbnails could not be rendered: {error}");
                thumbnails.missing.clear();
            }
        }
    }
    let Some(job) = thumbnails.rendering.as_ref() else { return };
    loop {
        match job.events.try_next() {
            Polled::Ready(ChildEvent::Line(_)) => {}
            Polled::Ready(ChildEvent::Exited { status, last_error }) => {
                if !status.as_ref().is_ok_and(|s| s.success()) {
                    warn!("rendering the collection's thumbnails failed: {}", last_error.unwrap_or_default());
                }
                finished(thumbnails);
                return;
            }
            Polled::Waiting => return,
            Polled::Finished => {
                finished(thumbnails);
                return;
            }
        }
    }
}

/// The child is done: the pictures it was asked for are looked for again.
fn finished(thumbnails: &mut Thumbnails) {
    thumbnails.rendering = None;
    let asked = thumbnails.asked.clone();
    thumbnails.looked_for.retain(|hash| !asked.contains(hash) || thumbnails.pictures.textures.contains_key(hash));
}

/// Largest thumbnail decoded (they are written at 256 px; a folder shared between shops may hold anything).
const MAX_THUMBNAIL_SIDE: u32 = 2048;

/// A thumbnail decoded within limits: a picture whose header claims more pixels is refused before any allocation.
pub fn decode_thumbnail(path: &std::path::Path) -> image::ImageResult<image::DynamicImage> {
    let mut reader = image::ImageReader::open(path)?.with_guessed_format()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_THUMBNAIL_SIDE);
    limits.max_image_height = Some(MAX_THUMBNAIL_SIDE);
    limits.max_alloc = Some(64 << 20);
    reader.limits(limits);
    reader.decode()
}

/// Decodes the pictures that exist (off the frame); the others are missing. A picture that cannot be decoded
/// counts as missing.
fn read_pictures(wanted: Vec<(String, PathBuf)>) -> Read {
    let mut read = Read { found: Vec::new(), missing: Vec::new() };
    for (hash, path) in wanted {
        match decode_thumbnail(&path) {
            Ok(picture) => {
                let rgba = picture.to_rgba8();
                let size = [rgba.width() as usize, rgba.height() as usize];
                read.found.push((hash, egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())));
            }
            Err(_) => read.missing.push(hash),
        }
    }
    read
}
