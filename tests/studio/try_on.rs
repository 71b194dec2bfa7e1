//! The ring tried on a picture of a hand: Écrin's display hand rendered alone in a fair and a deep skin tone, found
//! by the landmark model, the ring placed near where the truth says at the finger's scale, and painted there with
//! the finger in front of the band's back.

use ecrin::cli::try_on_test::measure_case;
use ecrin::design::Design;
use ecrin::geometry::hand::HandFinish;
use ecrin::optics::environment::LightingEnvironment;
use ecrin::studio::floor::KeptPictures;
use ecrin::studio::tryon::paint::RingPainter;
use ecrin::studio::tryon::test_set::{Case, HandPictures};
use ecrin::tryon::place::{Hand, RingPlacement, place_ring};
use ecrin::tryon::{Finger, HandModel, finger, search};

fn case(finish: HandFinish, environment: LightingEnvironment, white_ground: bool, roll: f32, size: f32) -> Case {
    Case { finish, environment, white_ground, yaw: 0.15, pitch: -0.1, distance: 1.1, roll, ring_size_mm: size }
}

#[test]
fn the_ring_is_tried_on_a_rendered_hand_where_the_truth_says_in_a_fair_and_a_deep_skin() {
    let model = HandModel::load(&ecrin::cli::try_on::model_path()).expect("the shipped model reads");
    let design = Design::default();
    let mut pictures = HandPictures::new(design.clone(), 384).expect("renderer");
    let cases = [
        case(HandFinish::FairSkin, LightingEnvironment::Studio, false, 0.6, 54.0),
        case(HandFinish::DeepSkin, LightingEnvironment::Boutique, true, -2.2, 58.0),
    ];
    let mut first = None;
    for case in &cases {
        let (picture, truth) = pictures.picture(&design, case).expect("a picture of the hand");
        let measured = measure_case(&model, &picture, case, &truth).expect("the model runs");
        assert!(measured.found && measured.presence > 0.8, "{measured:?}");
        assert!(measured.landmark_error_share.is_some_and(|share| share < 0.12), "{measured:?}");
        // The ring's place along the finger is a convention (README: the model's middle joint falls short of the
        // display hand's); across the finger, the scale and the axis are measured.
        assert!(measured.ring_centre_error_mm.is_some_and(|mm| mm < 8.0), "{measured:?}");
        assert!(measured.scale_error_share.is_some_and(|share| share.abs() < 0.06), "{measured:?}");
        assert!(measured.axis_error_deg.is_some_and(|degrees| degrees < 8.0), "{measured:?}");
        assert!(measured.head_error_deg.is_some_and(|degrees| degrees < 35.0), "{measured:?}");
        first.get_or_insert((picture, truth, case.ring_size_mm));
    }
    pictures.finish();

    // Painted: the ring at its place, the band's back hidden by the finger.
    let (picture, truth, ring_size_mm) = first.expect("a case");
    let design = Design { ring_size_mm, ..design };
    let pose = search::find_hand(&model, &picture, Some(Hand::Left)).expect("runs").expect("found");
    let measured = finger::measure(&picture, &pose, Finger::Ring).expect("the finger's edges");
    let placement = place_ring(&pose, &measured, Hand::Left, ring_size_mm);
    let mut painter = RingPainter::new(design.clone(), RingPainter::square_side(&design, &placement)).expect("painter");
    // Seen with the finger pointing 55° towards the camera, the band is an ellipse: its back half shows through
    // the hole unless the finger hides it (seen from straight above, back and front fall on the same pixels).
    let coverage = |ring: &image::RgbaImage| ring.pixels().filter(|p| p.0[3] > 128).count();
    let tilted = RingPlacement {
        turn: glam::Mat3::from_axis_angle(glam::Vec3::X, 55f32.to_radians()) * placement.turn,
        ..placement
    };
    let tmp = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let ring = painter.ring(&tilted).expect("the ring");
    ring.save(tmp.join("try-on-ring-hidden.png")).expect("saved");
    let hidden = coverage(&ring);
    painter.hide_behind_the_finger(false);
    let ring = painter.ring(&tilted).expect("the whole ring");
    ring.save(tmp.join("try-on-ring-whole.png")).expect("saved");
    let whole = coverage(&ring);
    painter.hide_behind_the_finger(true);
    assert!(
        hidden > 200 && (hidden as f32) < whole as f32 * 0.9,
        "the finger hides the band's back: {hidden} of {whole}"
    );
    let (painted, _) = painter.paint(&picture, &placement, &measured).expect("painted");
    painter.finish();
    let out = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("try-on-fair.png");
    painted.save(&out).expect("saved for a person to look at");
    // Changed pixels lie around the true ring's place, within the ring's reach.
    let reach = (ring_size_mm / std::f32::consts::PI / 2.0 + 9.0) * truth.px_per_mm;
    let (near, far) = changes_around(&painted, &picture, truth.ring_centre, reach);
    assert!(near > 200 && far < near / 20, "{near} changed near the ring's place, {far} beyond");

    live_try_on_follows_the_played_picture(&design, &picture, &truth);
}

/// Pixels of `after` changed from `before` (by more than 60 over the three channels): how many lie within `reach`
/// of `centre`, and how many beyond.
fn changes_around(after: &image::RgbImage, before: &image::RgbImage, centre: [f32; 2], reach: f32) -> (usize, usize) {
    let (mut near, mut far) = (0, 0);
    for (x, y, p) in after.enumerate_pixels() {
        let was = before.get_pixel(x, y);
        if (0..3).map(|c| p[c].abs_diff(was[c]) as u32).sum::<u32>() > 60 {
            let d = glam::Vec2::new(x as f32, y as f32).distance(glam::Vec2::from(centre));
            if d < reach { near += 1 } else { far += 1 }
        }
    }
    (near, far)
}

/// The live try-on in a studio: the same picture played as a camera's frames, the worker off the frame, the ring
/// drawn where the truth says, the stage hidden while it runs and back when it stops; a camera asked for on a
/// computer without one is said, and the studio goes on.
fn live_try_on_follows_the_played_picture(
    design: &Design,
    picture: &image::RgbImage,
    truth: &ecrin::studio::tryon::test_set::Truth,
) {
    use bevy::prelude::{Visibility, With};
    use ecrin::studio::tryon::live::source::SourceKind;
    use ecrin::studio::tryon::live::view::LiveView;
    use ecrin::studio::tryon::live::{LiveState, LiveTryOn, TryOnCommand};
    let mut studio = ecrin::studio::headless::Offscreen::new(design.clone(), 256, 256);
    studio.run_until_ready(3000).expect("the studio is ready");
    let played = SourceKind::Played { pictures: vec![std::sync::Arc::new(picture.clone())], per_second: 15.0 };
    studio.send(TryOnCommand::Start(played));
    let started = std::time::Instant::now();
    let mut shown = None;
    while started.elapsed().as_secs() < 120 {
        studio.update();
        let live = studio.world_mut().resource::<LiveTryOn>();
        assert!(!matches!(live.state, LiveState::Failed(_)), "{:?}", live.state);
        if let Some((placement, opacity)) = live.ring().filter(|(_, opacity)| *opacity >= 1.0) {
            shown = Some((placement, opacity, live.counts()));
            break;
        }
    }
    let (placement, _, counts) = shown.expect("the ring is shown within two minutes");
    let (frames, looks) = counts.expect("a session");
    assert!(frames > 1 && looks >= 1, "{frames} frames, {looks} looks");
    let off_mm = (placement.centre - glam::Vec2::from(truth.ring_centre)).length() / truth.px_per_mm;
    assert!(off_mm < 8.0, "the live ring {off_mm} mm from the truth");
    assert!(
        (placement.px_per_mm / truth.px_per_mm - 1.0).abs() < 0.06,
        "{} vs {}",
        placement.px_per_mm,
        truth.px_per_mm
    );
    studio.update();
    let world = studio.world_mut();
    let square = world.resource::<LiveView>().square.expect("the ring's square");
    assert!((square.0 - placement.centre).length() < 20.0, "{square:?}");
    let mut stages = world.query_filtered::<&Visibility, With<ecrin::studio::stage::Stage>>();
    assert!(stages.iter(world).all(|v| *v == Visibility::Hidden), "the floor is hidden under the picture");
    // A snapshot is kept only with the client's consent: without the tick, nothing; with it, the picture with the
    // ring where the screen shows it; unticked, it is forgotten.
    studio.send(TryOnCommand::Snapshot);
    for _ in 0..5 {
        studio.update();
    }
    assert!(studio.world_mut().resource::<KeptPictures>().pictures.is_empty(), "kept without consent");
    studio.send(TryOnCommand::Consent(true));
    studio.send(TryOnCommand::Snapshot);
    let mut frames = 0;
    while studio.world_mut().resource::<KeptPictures>().pictures.is_empty() {
        studio.update();
        frames += 1;
        assert!(frames < 300, "the snapshot never came");
    }
    let kept = studio.world_mut().resource::<KeptPictures>().pictures[0].clone();
    assert_eq!(kept.dimensions(), picture.dimensions());
    let (near, far) = changes_around(&kept, picture, truth.ring_centre, 12.0 * truth.px_per_mm);
    kept.save(std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("try-on-live-snapshot.png")).expect("saved");
    assert!(near > 100 && far < near / 20, "the snapshot's ring: {near} pixels near its place, {far} beyond");
    studio.send(TryOnCommand::Consent(false));
    studio.update();
    assert!(studio.world_mut().resource::<KeptPictures>().pictures.is_empty(), "forgotten when consent goes");
    // The size from a card beside the hand: the picture held, its four corners clicked, a range holding the truth
    // (the display hand's finger fills the ring: its circumference is the design's ring size).
    studio.send(TryOnCommand::CardStart);
    studio.update();
    for [x, y] in truth.card_corners {
        studio.send(TryOnCommand::CardCorner(glam::Vec2::new(x + 1.0, y - 1.0)));
    }
    studio.update();
    let card = studio.world_mut().resource::<LiveTryOn>().card.clone().expect("the card's measure");
    let estimate = card.estimate.expect("a range once four corners are in");
    let truth_mm = design.ring_size_mm;
    assert!(estimate.low_mm <= truth_mm && truth_mm <= estimate.high_mm, "{truth_mm} mm: {estimate:?}");
    assert!(estimate.high_mm - estimate.low_mm < 14.0, "a range that says something: {estimate:?}");
    studio.send(TryOnCommand::CardEnd);
    // As a mirror: the frames turned left to right, the ring on the finger where the mirror shows it (the hand as
    // the picture shows it: the other one), never where it was before the turn.
    studio.send(TryOnCommand::Mirror(true));
    studio.update();
    let mirrored_truth = glam::Vec2::new(picture.width() as f32 - truth.ring_centre[0], truth.ring_centre[1]);
    let started = std::time::Instant::now();
    let mut mirrored = None;
    while started.elapsed().as_secs() < 120 && mirrored.is_none() {
        studio.update();
        let live = studio.world_mut().resource::<LiveTryOn>();
        let shown_mirrored = live.session_frame_mirrored();
        mirrored = live.ring().filter(|(_, opacity)| *opacity >= 1.0).map(|(placement, _)| (placement, shown_mirrored));
    }
    let (placement, shown_mirrored) = mirrored.expect("the ring is shown on the mirrored picture within two minutes");
    assert_eq!(shown_mirrored, Some(true), "the picture shown is the mirrored one");
    let off_mm = (placement.centre - mirrored_truth).length() / truth.px_per_mm;
    assert!(off_mm < 8.0, "the ring {off_mm} mm from the mirrored truth");
    studio.send(TryOnCommand::Stop);
    studio.update();
    studio.update();
    let world = studio.world_mut();
    assert!(world.get_resource::<LiveView>().is_none());
    let mut stages = world.query_filtered::<&Visibility, With<ecrin::studio::stage::Stage>>();
    assert!(stages.iter(world).all(|v| *v != Visibility::Hidden), "the floor is back");
    // No camera on this computer: said, and the studio goes on drawing.
    let cameras = ecrin::studio::tryon::live::source::cameras().unwrap_or_default();
    if cameras.is_empty() {
        studio.send(TryOnCommand::Start(SourceKind::Camera { index: 0, resolution: (1280, 720) }));
        let mut state = LiveState::Off;
        for _ in 0..200 {
            studio.update();
            state = studio.world_mut().resource::<LiveTryOn>().state.clone();
            if matches!(state, LiveState::Failed(_)) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(state, LiveState::Failed(ecrin::tryon::TryOnError::NoCamera));
    }
    studio.exit();
}

#[test]
fn the_try_on_controls_ask_for_cameras_say_when_there_are_none_and_forget_what_was_kept() {
    use ecrin::i18n::Language;
    use ecrin::studio::floor::commands::StudioCommand;
    use ecrin::studio::tryon::live::panel::try_on_ui;
    use ecrin::studio::tryon::live::{CameraList, LiveTryOn, TryOnCommand};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    for l in [Language::French, Language::English] {
        let live = std::sync::Arc::new(LiveTryOn::default());
        let shown = live.clone();
        let mut harness = Harness::new_ui_state(
            move |ui, emitted: &mut Vec<StudioCommand>| {
                emitted.extend(try_on_ui(ui, &shown, &KeptPictures::default(), l))
            },
            Vec::new(),
        );
        harness.run();
        harness.get_by_label(&l.tr("tryon-live-camera")).click();
        harness.run();
        harness.get_by_label(&l.tr("tryon-live-photo")).click();
        harness.run();
        assert_eq!(harness.state(), &vec![TryOnCommand::ListCameras.into(), TryOnCommand::ChoosePhoto.into()]);
        drop(harness);

        // None found: said in the advisor's language; a picture kept: it can be forgotten.
        let mut none = LiveTryOn::default();
        none.cameras = CameraList::Found(Vec::new());
        let kept = KeptPictures { pictures: vec![image::RgbImage::new(8, 8)] };
        let mut harness = Harness::new_ui_state(
            move |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(try_on_ui(ui, &none, &kept, l)),
            Vec::new(),
        );
        harness.run();
        let said = ecrin::tryon::TryOnError::NoCamera.in_language(l);
        assert!(harness.query_by_label(&said).is_some(), "{said}");
        harness.get_by_label(&l.tr("tryon-snapshots-forget")).click();
        harness.run();
        assert_eq!(harness.state(), &vec![TryOnCommand::ForgetSnapshots.into()]);
    }
}
