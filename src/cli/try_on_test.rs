//! `ecrin try-on-test --out DIR`: the try-on measured on its test set (`studio::tryon::test_set`): for each picture of
//! the display hand, whether the hand was found, how far the landmarks fall from its joints, how far the ring's place,
//! axis, head and scale fall from the truth; one JSON line per picture in `DIR/cases.jsonl`, one per skin tone on
//! stdout, the pictures (with `--keep-pictures`) beside. The figures README gives come from this command.

use crate::design::Design;
use crate::studio::tryon::test_set::{Case, HandPictures, Truth, cases};
use crate::tryon::card::{SizeAssumptions, estimate};
use crate::tryon::finger::measure;
use crate::tryon::place::{Hand, RingPlacement, place_ring};
use crate::tryon::{Finger, HandModel, HandPose, search};
use glam::{Vec2, Vec3};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct TryOnTestArgs {
    /// The folder the per-picture figures (and pictures) are written to.
    #[arg(long)]
    pub out: PathBuf,
    /// Pictures per skin tone.
    #[arg(long, default_value_t = 12)]
    pub per_tone: usize,
    /// Side of the pictures, pixels.
    #[arg(long, default_value_t = 640)]
    pub size: u32,
    /// The seed the cases are drawn with (README's figures: the default; choices were tried on others).
    #[arg(long, default_value_t = 29)]
    pub seed: u64,
    /// Keep each picture (PNG) beside the figures.
    #[arg(long)]
    pub keep_pictures: bool,
}

/// What one picture measured.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Measured {
    pub case: Case,
    pub found: bool,
    pub presence: f32,
    /// The model's score for a right hand (of a mirrored picture; the display hand is a left hand).
    pub right_hand: f32,
    pub landmark_error_px: Option<f32>,
    /// The landmarks' mean error as a share of the hand's size on the picture (wrist to middle knuckle).
    pub landmark_error_share: Option<f32>,
    pub ring_centre_error_px: Option<f32>,
    pub ring_centre_error_mm: Option<f32>,
    pub scale_error_share: Option<f32>,
    pub axis_error_deg: Option<f32>,
    pub head_error_deg: Option<f32>,
    pub search_ms: f64,
    /// What was found (picture pixels), for drawing over the picture: the landmarks, the ring's centre, the
    /// finger's width.
    pub landmarks: Vec<[f32; 2]>,
    pub ring_centre_px: Option<[f32; 2]>,
    pub finger_width_px: Option<f32>,
    /// The width the hand's breadth foretells (`finger::width_from_breadth`): the check on the edges.
    pub finger_width_from_breadth_px: Option<f32>,
    pub truth: Truth,
    /// One run of the model on the hand's crop: what following a live picture costs per frame.
    pub follow_ms: f64,
    /// The finger's circumference from the card's corners clicked (each within `SizeAssumptions::corner_px` of
    /// the true corner, drawn from the case): the range, and whether it holds the truth (the ring's size: the
    /// display hand's finger fills the ring).
    pub size: Option<crate::tryon::card::SizeEstimate>,
    pub size_covers_truth: Option<bool>,
    pub card_in_view: bool,
}

pub fn run(args: TryOnTestArgs) -> ExitCode {
    match measure_set(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn measure_set(args: &TryOnTestArgs) -> Result<(), String> {
    let l = super::language();
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let model = HandModel::load(&super::try_on::model_path()).map_err(|e| e.in_language(l))?;
    let design = Design::default();
    let mut pictures = HandPictures::new(design.clone(), args.size).map_err(|e| e.in_language(l))?;
    let mut lines = String::new();
    let mut all = Vec::new();
    for (k, case) in cases(args.per_tone, args.seed).iter().enumerate() {
        let (picture, truth) = pictures.picture(&design, case).map_err(|e| e.in_language(l))?;
        if args.keep_pictures {
            let path = args.out.join(format!("{k:03}-{}.png", case.finish.slug()));
            picture.save(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let measured = measure_case(&model, &picture, case, &truth).map_err(|e| e.in_language(l))?;
        lines.push_str(&serde_json::to_string(&measured).unwrap_or_default());
        lines.push('\n');
        all.push(measured);
    }
    pictures.finish();
    let path = args.out.join("cases.jsonl");
    crate::atomic_file::write_atomically(&path, lines.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    for line in summary(&all) {
        println!("{line}");
    }
    Ok(())
}

/// One picture through the try-on, against its truth.
pub fn measure_case(
    model: &HandModel,
    picture: &image::RgbImage,
    case: &Case,
    truth: &Truth,
) -> Result<Measured, crate::tryon::TryOnError> {
    let started = Instant::now();
    // The display hand is a left hand, as the advisor would say.
    let pose = search::find_hand(model, picture, Some(Hand::Left))?;
    let search_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut measured = Measured {
        case: *case,
        found: pose.is_some(),
        presence: pose.as_ref().map_or(0.0, |p| p.presence),
        right_hand: pose.as_ref().map_or(0.0, |p| p.right_hand),
        landmark_error_px: None,
        landmark_error_share: None,
        ring_centre_error_px: None,
        ring_centre_error_mm: None,
        scale_error_share: None,
        axis_error_deg: None,
        head_error_deg: None,
        search_ms,
        landmarks: pose.as_ref().map(|p| p.points.iter().map(|q| [q.x, q.y]).collect()).unwrap_or_default(),
        ring_centre_px: None,
        finger_width_px: None,
        finger_width_from_breadth_px: None,
        truth: truth.clone(),
        follow_ms: 0.0,
        size: None,
        size_covers_truth: None,
        card_in_view: truth
            .card_corners
            .iter()
            .all(|&[x, y]| (0.0..picture.width() as f32).contains(&x) && (0.0..picture.height() as f32).contains(&y)),
    };
    let Some(pose) = pose else { return Ok(measured) };
    let started = Instant::now();
    search::follow(model, picture, &pose)?;
    measured.follow_ms = started.elapsed().as_secs_f64() * 1000.0;
    let (error_px, share) = landmark_error(&pose, truth);
    measured.landmark_error_px = Some(error_px);
    measured.landmark_error_share = Some(share);
    if let Some(finger) = measure(picture, &pose, Finger::Ring) {
        let placement = place_ring(&pose, &finger, Hand::Left, case.ring_size_mm);
        measured.ring_centre_px = Some(placement.centre.to_array());
        measured.finger_width_px = Some(finger.width_px);
        measured.finger_width_from_breadth_px = finger.breadth_width_px;
        compare_placement(&mut measured, &placement, truth);
        if measured.card_in_view {
            let assumptions = SizeAssumptions::default();
            let clicked = clicked_corners(truth, case, assumptions.corner_px);
            measured.size = estimate(clicked, picture.width(), &finger, &assumptions);
            measured.size_covers_truth =
                measured.size.map(|s| s.low_mm <= case.ring_size_mm && case.ring_size_mm <= s.high_mm);
        }
    }
    Ok(measured)
}

/// The card's corners as an advisor clicks them: each moved up to `reach` px in x and y, drawn from the case.
fn clicked_corners(truth: &Truth, case: &Case, reach: f32) -> [Vec2; 4] {
    let seed = u64::from(case.ring_size_mm.to_bits()) ^ (u64::from(case.roll.to_bits()) << 32);
    let mut draw = crate::seeded::SplitMix::new(seed);
    let mut offset = || (draw.next_u64() % 2001) as f32 / 1000.0 - 1.0;
    truth.card_corners.map(|[x, y]| Vec2::new(x + offset() * reach, y + offset() * reach))
}

fn landmark_error(pose: &HandPose, truth: &Truth) -> (f32, f32) {
    let errors: Vec<f32> =
        pose.points.iter().zip(&truth.landmarks).map(|(p, t)| (p.truncate() - Vec2::from(*t)).length()).collect();
    let mean = errors.iter().sum::<f32>() / errors.len().max(1) as f32;
    let size = (Vec2::from(truth.landmarks[9]) - Vec2::from(truth.landmarks[0])).length().max(1.0);
    (mean, mean / size)
}

fn compare_placement(measured: &mut Measured, placement: &RingPlacement, truth: &Truth) {
    let centre_px = (placement.centre - Vec2::from(truth.ring_centre)).length();
    measured.ring_centre_error_px = Some(centre_px);
    measured.ring_centre_error_mm = Some(centre_px / truth.px_per_mm);
    measured.scale_error_share = Some(placement.px_per_mm / truth.px_per_mm - 1.0);
    // The ring's Z runs towards the wrist: its picture's direction is the truth's "along" reversed.
    let along = -placement.turn.col(2).truncate().normalize_or_zero();
    measured.axis_error_deg = Some(along.angle_to(Vec2::from(truth.along)).abs().to_degrees());
    measured.head_error_deg = Some(placement.turn.col(1).angle_between(Vec3::from(truth.head)).to_degrees());
}

/// One JSON line per skin tone: detection rate, medians and 90th percentiles of each error, the model's times.
pub fn summary(all: &[Measured]) -> Vec<String> {
    let mut tones: BTreeMap<&str, Vec<&Measured>> = BTreeMap::new();
    for m in all {
        tones.entry(m.case.finish.slug()).or_default().push(m);
        tones.entry("all").or_default().push(m);
    }
    tones
        .iter()
        .map(|(tone, cases)| {
            let found = cases.iter().filter(|m| m.found).count();
            let stat = |get: &dyn Fn(&Measured) -> Option<f32>| {
                let mut values: Vec<f32> = cases.iter().filter_map(|m| get(m)).collect();
                values.sort_by(f32::total_cmp);
                let at = |q: f32| values.get(((values.len() as f32 - 1.0) * q).round() as usize).copied();
                serde_json::json!({ "p50": at(0.5), "p90": at(0.9), "n": values.len() })
            };
            let mut times: Vec<f64> = cases.iter().filter(|m| m.found).map(|m| m.follow_ms).collect();
            times.sort_by(f64::total_cmp);
            let time_at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied();
            serde_json::json!({
                "tone": tone,
                "pictures": cases.len(),
                "detected": found,
                "landmark_error_px": stat(&|m| m.landmark_error_px),
                "landmark_error_share": stat(&|m| m.landmark_error_share),
                "ring_centre_error_mm": stat(&|m| m.ring_centre_error_mm),
                "ring_centre_error_px": stat(&|m| m.ring_centre_error_px),
                "scale_error_share": stat(&|m| m.scale_error_share.map(f32::abs)),
                "axis_error_deg": stat(&|m| m.axis_error_deg),
                "head_error_deg": stat(&|m| m.head_error_deg),
                "card_in_view": cases.iter().filter(|m| m.card_in_view).count(),
                "size_estimated": cases.iter().filter(|m| m.size.is_some()).count(),
                "size_covers_truth": cases.iter().filter(|m| m.size_covers_truth == Some(true)).count(),
                "size_doubted": cases.iter().filter(|m| m.size.is_some_and(|s| s.doubted_for_breadth_mm.is_some())).count(),
                "size_range_mm": stat(&|m| m.size.map(|s| s.high_mm - s.low_mm)),
                "size_likely_error_mm": stat(&|m| m.size.map(|s| (s.likely_mm - m.case.ring_size_mm).abs())),
                "size_width_error_share": stat(&|m| m.size.map(|s| {
                    (s.width_mm / (m.case.ring_size_mm / std::f32::consts::PI) - 1.0).abs()
                })),
                "follow_ms_p50": time_at(0.5),
                "follow_ms_p95": time_at(0.95),
            })
            .to_string()
        })
        .collect()
}
