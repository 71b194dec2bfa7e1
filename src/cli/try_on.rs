//! `ecrin try-on PHOTO PRESET -o OUT.png`: the design's ring on the hand in a photo — the hand found by the landmark
//! model on this machine, the ring on the chosen finger at the finger's measured width, lit as the photo is. Prints
//! what it found as one JSON line (the hand, the finger's width, the scale, the model's time) and the file written.

use super::language;
use crate::studio::tryon::paint::RingPainter;
use crate::tryon::place::{Hand, place_ring};
use crate::tryon::{Finger, HandModel, finger, search};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct TryOnArgs {
    /// A photo of the client's hand (PNG or JPEG).
    pub photo: PathBuf,
    /// The design (a preset) whose ring is tried on.
    pub preset: PathBuf,
    /// The picture to write (PNG).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The finger: index, middle, ring or little.
    #[arg(long, default_value = "ring", value_parser = parse_finger)]
    pub finger: Finger,
    /// The hand, left or right (else the model's guess).
    #[arg(long, value_parser = parse_hand)]
    pub hand: Option<Hand>,
    /// The photo is mirrored (a selfie camera's).
    #[arg(long)]
    pub mirrored: bool,
    /// The corners of a bank card in the photo, in pixels, any order: x1,y1,x2,y2,x3,y3,x4,y4 — the finger's
    /// size is then estimated as a range.
    #[arg(long, value_parser = parse_card)]
    pub card: Option<CardCorners>,
}

/// A card's four corners on a photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardCorners(pub [glam::Vec2; 4]);

fn parse_card(text: &str) -> Result<CardCorners, String> {
    let numbers: Vec<f32> = text.split(',').filter_map(|n| n.trim().parse().ok()).collect();
    match <[f32; 8]>::try_from(numbers.as_slice()) {
        Ok(n) => Ok(CardCorners([0, 2, 4, 6].map(|k| glam::Vec2::new(n[k], n[k + 1])))),
        Err(_) => Err(crate::tr!(super::language(), "cli-tryon-card", text = text)),
    }
}

fn parse_finger(text: &str) -> Result<Finger, String> {
    let l = super::language;
    Finger::ALL.into_iter().find(|f| f.slug() == text).ok_or_else(|| crate::tr!(l(), "cli-tryon-finger", text = text))
}

fn parse_hand(text: &str) -> Result<Hand, String> {
    match text {
        "left" => Ok(Hand::Left),
        "right" => Ok(Hand::Right),
        _ => Err(crate::tr!(super::language(), "cli-tryon-hand", text = text)),
    }
}

pub use crate::studio::tryon::model_path;

pub fn run(args: TryOnArgs) -> ExitCode {
    let l = language();
    let design = match super::or_bad_input(super::load_preset(&args.preset)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    if design.necklace.is_some() {
        eprintln!("{}", crate::tr!(l, "cli-tryon-not-a-ring", file = args.preset.display().to_string()));
        return ExitCode::from(2);
    }
    if let Err(error) = crate::atomic_file::check_output(&args.output) {
        let file = args.output.display().to_string();
        eprintln!("{}", crate::tr!(l, "error-in-file", file = file, what = error.to_string()));
        return ExitCode::from(2);
    }
    match try_on(&args, design) {
        Ok((line, size)) => {
            println!("{line}");
            println!("{}", args.output.display());
            if let Some(size) = size {
                println!("{size}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The JSON line, and the size from the card in words when a card was given.
fn try_on(args: &TryOnArgs, design: crate::design::Design) -> Result<(String, Option<String>), String> {
    let l = language();
    let picture = crate::tryon::read_picture(&args.photo).map_err(|e| e.in_language(l))?;
    let model = HandModel::load(&model_path()).map_err(|e| e.in_language(l))?;
    let started = std::time::Instant::now();
    // The hand as the picture shows it: a mirrored picture shows the other one.
    let looks_like = args.hand.map(|hand| if args.mirrored { hand.other() } else { hand });
    let pose = search::find_hand(&model, &picture, looks_like).map_err(|e| e.in_language(l))?;
    let search_ms = started.elapsed().as_secs_f64() * 1000.0;
    let photo = args.photo.display().to_string();
    let pose = pose.ok_or_else(|| crate::tr!(l, "cli-tryon-no-hand", file = photo.clone()))?;
    let finger = args.finger.slug().to_string();
    let measured = finger::measure(&picture, &pose, args.finger)
        .ok_or_else(|| crate::tr!(l, "cli-tryon-no-finger", file = photo.clone(), finger = finger))?;
    // The ring is placed on the hand the picture shows; the client's own hand is named (a mirror shows the other).
    let shown = looks_like.unwrap_or_else(|| Hand::guessed(&pose, false));
    let hand = if args.mirrored { shown.other() } else { shown };
    let placement = place_ring(&pose, &measured, shown, design.ring_size_mm);
    let side = RingPainter::square_side(&design, &placement);
    let mut painter = RingPainter::new(design, side).map_err(|e| e.in_language(l))?;
    let painted = painter.paint(&picture, &placement, &measured);
    painter.finish();
    let (tried, light) = painted.map_err(|e| e.in_language(l))?;
    save(&tried, &args.output)?;
    let assumptions = crate::tryon::card::SizeAssumptions::default();
    let size =
        args.card.and_then(|card| crate::tryon::card::estimate(card.0, picture.width(), &measured, &assumptions));
    let line = serde_json::json!({
        "size": size,
        "presence": pose.presence,
        "hand": format!("{hand:?}").to_lowercase(),
        "finger": args.finger.slug(),
        "ring_centre_px": [placement.centre.x, placement.centre.y],
        "finger_width_px": measured.width_px,
        "finger_width_spread_px": measured.spread_px,
        "px_per_mm": placement.px_per_mm,
        "light_gain": light.gain,
        "search_ms": search_ms,
    });
    let words = size.map(|size| size.in_language(l));
    Ok((line.to_string(), words))
}

fn save(picture: &image::RgbImage, path: &Path) -> Result<(), String> {
    let rgba = image::DynamicImage::ImageRgb8(picture.clone()).to_rgba8();
    crate::png::save_png(&rgba, path).map_err(|e| e.in_language(language()))
}
