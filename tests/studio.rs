//! Studio tests: the command system in a headless Bevy app, the design panel with egui_kittest, and real
//! offscreen renders through the GPU driver (Mesa lavapipe on CI) checked for what a person would see.

#[path = "shared/pdf.rs"]
mod pdf;
use pdf::pdf_text;

use bevy::prelude::*;
use bevy_egui::egui;
use ecrin::design::variants::VariantCommand;
use ecrin::design::{Alloy, Cut, Design, DesignCommand, Setting};
use ecrin::i18n::Language;
use ecrin::optics::environment::LightingEnvironment;
use ecrin::studio::document::DocumentCommand;
use ecrin::studio::document::disk::DocumentDisk;
use ecrin::studio::floor::commands::StudioCommand;
use ecrin::studio::floor::{CurrentDesign, StatusLine};
use ecrin::studio::headless::Offscreen;
use ecrin::studio::lighting::{Background, Presentation, PresentationCommand};
use ecrin::studio::ui::panel::{PanelDrafts, design_panel};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

#[path = "studio/engraving.rs"]
mod engraving;
#[path = "studio/hand.rs"]
mod hand;
#[path = "studio/light_map.rs"]
mod light_map;
#[path = "studio/look.rs"]
mod look;
#[path = "studio/proposals.rs"]
mod proposals;
#[path = "studio/style_guide.rs"]
mod style_guide;
#[path = "studio/try_on.rs"]
mod try_on;

fn command_app() -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins).add_plugins(ecrin::studio::core_plugin);
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.update();
    app
}

fn send(app: &mut App, command: impl Into<StudioCommand>) {
    command.into().send_to(app.world_mut());
    app.update();
    // Presets are read and written off the frame: frames run until they are, and what was read is applied.
    let started = std::time::Instant::now();
    let busy = |app: &App| app.world().get_resource::<DocumentDisk>().is_some_and(DocumentDisk::busy);
    while busy(app) && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(1));
        app.update();
    }
}

fn design(app: &App) -> Design {
    app.world().resource::<CurrentDesign>().design().clone()
}

#[test]
fn commands_change_the_design_and_undo_restores_it() {
    let mut app = command_app();
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    send(&mut app, DocumentCommand::Design(DesignCommand::SetSetting(Setting::Halo)));
    assert_eq!(design(&app).metal.alloy, Alloy::Platinum950);
    assert_eq!(design(&app).setting, Setting::Halo);
    send(&mut app, DocumentCommand::Undo);
    send(&mut app, DocumentCommand::Undo);
    assert_eq!(design(&app), Design::default());
    send(&mut app, DocumentCommand::Redo);
    assert_eq!(design(&app).metal.alloy, Alloy::Platinum950);
}

#[test]
fn variants_are_made_promoted_and_removed_as_undoable_commands_told_by_the_journal() {
    let mut app = command_app();
    let variants = |app: &App| app.world().resource::<CurrentDesign>().history.variants().clone();
    let file = |app: &App| app.world().resource::<CurrentDesign>().file.clone();
    let presets = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets");
    let files: Vec<PathBuf> = ecrin::design::preset::list(&presets).into_iter().take(3).collect();
    send(&mut app, DocumentCommand::OpenPreset(files[0].clone()));
    send(&mut app, DocumentCommand::Design(DesignCommand::Load(Box::default())));
    app.world_mut().resource_mut::<CurrentDesign>().journal.clear();
    assert_eq!(file(&app).as_ref(), Some(&files[0]));
    send(&mut app, DocumentCommand::Variant(VariantCommand::Duplicate));
    // Save would now write the copy: it no longer goes to the preset the main design came from.
    assert_eq!(file(&app), None);
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    send(&mut app, DocumentCommand::Variant(VariantCommand::ToggleFavourite(1)));
    send(&mut app, DocumentCommand::Variant(VariantCommand::Promote(1)));
    let promoted = variants(&app);
    assert_eq!(promoted.designs()[0].metal.alloy, Alloy::Platinum950, "the variant is the main design now");
    assert_eq!((promoted.favourite(), promoted.active()), (Some(0), 0));
    let journal: Vec<String> = app
        .world()
        .resource::<CurrentDesign>()
        .journal
        .iter()
        .map(|e| ecrin::i18n::journal::entry_change(Language::English, e))
        .collect();
    assert_eq!(journal[0], "variant 2 made from variant 1");
    assert!(journal[1].starts_with("variant 2: ") && journal[1].contains("Platinum 950"), "{journal:?}");
    assert_eq!(journal[2..], ["variant 2 is the favourite", "variant 2 made the main design"]);

    // Removing a variant, then undo: it is back where it was; undo everything: one design as at the start.
    send(&mut app, DocumentCommand::Variant(VariantCommand::Remove(1)));
    assert_eq!(variants(&app).len(), 1);
    send(&mut app, DocumentCommand::Undo);
    assert_eq!(variants(&app), promoted);
    for _ in 0..4 {
        send(&mut app, DocumentCommand::Undo);
    }
    assert_eq!(variants(&app).designs(), [Design::default()]);
    assert_eq!(variants(&app).len(), 1);

    // A fifth variant is refused and said so; the board stays.
    for _ in 0..4 {
        send(&mut app, DocumentCommand::Variant(VariantCommand::Duplicate));
    }
    assert_eq!(variants(&app).len(), 4);
    let status = app.world().resource::<StatusLine>().clone();
    assert!(status.text(Language::English).contains("1 to 4"), "{status:?}");
    assert!(status.text(Language::French).contains("de 1 à 4"), "said in the advisor's language when shown");

    // Several presets open side by side; a broken one is named and the board stays as it was.
    send(&mut app, DocumentCommand::OpenPresets(files.clone()));
    let opened = variants(&app);
    assert_eq!(opened.len(), 3);
    assert_eq!(opened.designs()[1], ecrin::design::preset::load(&files[1]).expect("shipped preset"));
    let missing = presets.join("no-such-preset.ron");
    send(&mut app, DocumentCommand::OpenPresets(vec![files[0].clone(), missing]));
    assert_eq!(variants(&app), opened);
    assert!(app.world().resource::<StatusLine>().text(Language::English).contains("no-such-preset.ron"));
}

#[test]
fn a_refused_change_and_a_broken_preset_keep_the_design_and_say_why() {
    let mut app = command_app();
    send(&mut app, DocumentCommand::Design(DesignCommand::SetCut(Cut::Oval)));
    let before = design(&app);
    send(&mut app, DocumentCommand::Design(DesignCommand::SetStoneSize(55.0)));
    assert_eq!(design(&app), before);
    let status = app.world().resource::<StatusLine>().clone();
    assert!(status.text(Language::English).contains("stone length 55.00 mm"), "{status:?}");
    assert!(status.text(Language::French).contains("la pierre mesure 55,00"), "{status:?}");

    let broken = std::env::temp_dir().join(format!("ecrin-studio-broken-{}.ron", std::process::id()));
    std::fs::write(&broken, "(version: 1, design: (name: \"x\", metal: (alloy: Gold,").expect("write");
    send(&mut app, DocumentCommand::OpenPreset(broken.clone()));
    assert_eq!(design(&app), before);
    let status = app.world().resource::<StatusLine>().clone();
    let file = broken.display().to_string();
    assert!(status.is_error && status.text(Language::English).contains(&file), "{status:?}");
    assert!(status.text(Language::French).starts_with(&format!("Le fichier {file}, ligne 1, colonne ")), "{status:?}");
}

#[test]
fn presentation_commands_change_light_and_background_but_not_the_design() {
    let mut app = command_app();
    app.add_plugins(ecrin::studio::lighting::presentation_plugin);
    app.init_resource::<Presentation>();
    send(&mut app, PresentationCommand::SetEnvironment(LightingEnvironment::Boutique));
    send(&mut app, PresentationCommand::SetBackground(Background::Transparent));
    let presentation = *app.world().resource::<Presentation>();
    assert_eq!(
        presentation,
        Presentation { environment: LightingEnvironment::Boutique, background: Background::Transparent }
    );
    assert_eq!(design(&app), Design::default());
    assert!(!app.world().resource::<CurrentDesign>().history.can_undo(), "light is not a design change");
}

#[test]
fn save_as_then_open_restores_the_design() {
    let mut app = command_app();
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Rose18k)));
    let carats = ecrin::estimate::set_carats(&design(&app), 1.5).expect("1.5 ct");
    send(&mut app, DocumentCommand::Design(carats));
    let saved = design(&app);
    let path = std::env::temp_dir().join(format!("ecrin-studio-save-{}.ron", std::process::id()));
    send(&mut app, DocumentCommand::SavePreset(Some(path.clone())));
    send(&mut app, DocumentCommand::Design(DesignCommand::Load(Box::default())));
    send(&mut app, DocumentCommand::OpenPreset(path));
    assert_eq!(design(&app), saved);
}

#[test]
fn a_slow_save_never_stops_the_frames() {
    use ecrin::design::journal::{Change, JournalEntry, Who};
    let mut app = command_app();
    // A long appointment: 40 000 entries in the journal make a preset of several MB.
    let entry = JournalEntry::new(
        1_790_000_000,
        Who::Client,
        None,
        Change::SizeMeasured { by: ecrin::design::ring_size::MeasuredBy::RingOnScreen, measured_mm: 17.3 },
    );
    app.world_mut().resource_mut::<CurrentDesign>().journal = vec![entry; 40_000];
    let path = std::env::temp_dir().join(format!("ecrin-slow-save-{}.ron", std::process::id()));
    let _ = std::fs::remove_file(&path);
    StudioCommand::from(DocumentCommand::SavePreset(Some(path.clone()))).send_to(app.world_mut());
    app.update();
    let busy = |app: &App| app.world().resource::<DocumentDisk>().busy();
    assert!(busy(&app), "the frame that asked for the save did not write it");
    let mut frames = 1;
    let started = std::time::Instant::now();
    while busy(&app) && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(1));
        app.update();
        frames += 1;
    }
    assert!(frames >= 3, "frames kept coming while the preset was written: {frames}");
    let (_, journal) = ecrin::design::preset::load_with_journal(&path).expect("written whole");
    assert_eq!(journal.len(), 40_000);
    let status = app.world().resource::<StatusLine>();
    assert!(
        !status.is_error && status.text(Language::French).contains("ecrin-slow-save"),
        "{}",
        status.text(Language::French)
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_save_the_disk_refuses_is_told_by_name_and_the_studio_keeps_the_design_and_runs_on() {
    let folder = std::env::temp_dir().join(format!("ecrin-studio-unwritable-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("presets"), b"a file, not a folder").expect("file");
    let mut app = command_app();
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Rose18k)));
    let before = design(&app);
    let target = folder.join("presets").join("bague.ron");
    send(&mut app, DocumentCommand::SavePreset(Some(target)));
    let status = app.world().resource::<StatusLine>();
    for language in [Language::English, Language::French] {
        assert!(status.is_error && status.text(language).contains("presets/bague.ron"), "{}", status.text(language));
    }
    assert_eq!(design(&app), before, "the design is kept");
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    assert_eq!(design(&app).metal.alloy, Alloy::Platinum950, "the studio runs on");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_engraving_is_checked_against_its_lettering_and_the_ring_size() {
    use ecrin::design::engraving::{EngravingStyle, max_characters};
    // Size 48 in script holds 18 characters on Écrin's band: a 20-character engraving is said to be too long.
    let design = Design {
        ring_size_mm: 48.0,
        engraving: "Pour toujours, Léa ♥".into(),
        engraving_style: EngravingStyle::Script,
        ..Design::default()
    };
    assert_eq!(max_characters(EngravingStyle::Script, 48.0, 2.2), 18);
    for l in Language::ALL {
        let mut harness = Harness::builder().with_size(egui::vec2(340.0, 1400.0)).build_ui_state(
            |ui, state: &mut (PanelDrafts, Vec<StudioCommand>)| {
                let commands = design_panel(ui, &design, &mut state.0, None, l);
                state.1.extend(commands);
            },
            (PanelDrafts::default(), Vec::new()),
        );
        harness.run();
        let style = l.term_in_sentence(EngravingStyle::Script);
        harness.get_by_label(&ecrin::tr!(l, "panel-engraving-too-long", size = "48", style = style, most = "18"));
        harness.get_by_label(&l.term(EngravingStyle::Block)).click();
        harness.run();
        assert_eq!(harness.state().1, vec![DesignCommand::SetEngravingStyle(EngravingStyle::Block).into()], "{l:?}");
    }
}

#[test]
fn clicking_a_metal_swatch_emits_the_command_in_both_languages() {
    // Widgets are found by their message (the term's key), in each language's words.
    for l in Language::ALL {
        let design = Design::default();
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (PanelDrafts, Vec<StudioCommand>)| {
                let commands = design_panel(ui, &design, &mut state.0, None, l);
                state.1.extend(commands);
            },
            (PanelDrafts::default(), Vec::new()),
        );
        harness.run();
        harness.get_by_label(&l.short_term(Alloy::White18k)).click();
        harness.run();
        harness.get_by_label(&l.term(Setting::Halo)).click();
        harness.run();
        let emitted = &harness.state().1;
        assert!(emitted.contains(&DesignCommand::SetAlloy(Alloy::White18k).into()), "{l:?}: {emitted:?}");
        assert!(emitted.contains(&DesignCommand::SetSetting(Setting::Halo).into()), "{l:?}: {emitted:?}");
    }
}

#[test]
fn the_panel_offers_side_stones_and_only_what_the_house_allows() {
    use ecrin::collection::Allowed;
    use ecrin::design::source::{CollectionRef, PieceSource};
    use egui_kittest::kittest::NodeT;
    // Écrin's halo: its side stones take their own species.
    let halo = Design { setting: Setting::Halo, ..Design::default() };
    for l in Language::ALL {
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (PanelDrafts, Vec<StudioCommand>)| {
                state.1.extend(design_panel(ui, &halo, &mut state.0, None, l))
            },
            (PanelDrafts::default(), Vec::new()),
        );
        harness.run();
        harness.get_by_label(&l.tr("panel-side-stones"));
    }
    // A house's model the house makes from EU 48 to 52, at 52: a larger size is not offered, a smaller one is.
    let model = CollectionRef { id: "lune".into(), name: "Lune".into(), hash: "0f".repeat(32) };
    let house = Design { ring_size_mm: 52.0, source: PieceSource::Collection(model), ..Design::default() };
    let rules = Allowed { ring_sizes_mm: (48.0, 52.0), ..Allowed::default() };
    for l in Language::ALL {
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (PanelDrafts, Vec<StudioCommand>)| {
                state.1.extend(design_panel(ui, &house, &mut state.0, Some(&rules), l))
            },
            (PanelDrafts::default(), Vec::new()),
        );
        harness.run();
        assert!(harness.get_by_label("+").accesskit_node().is_disabled(), "EU 53 is beyond the house's sizes");
        assert!(!harness.get_by_label("−").accesskit_node().is_disabled(), "EU 51 is within them");
        harness.get_by_label(&ecrin::tr!(l, "panel-house-sizes", min = "48", max = "52"));
        // The model is not loaded here: its weight is not guessed on the frame.
        harness.get_by_label(&l.tr("panel-weighing"));
    }
}

#[test]
fn the_collection_section_sets_a_head_on_a_band() {
    use ecrin::collection::Collection;
    use ecrin::studio::collection::panel::collection_ui;
    use ecrin::studio::collection::{CollectionCommand, StudioCollection};
    let folder = std::env::temp_dir().join(format!("ecrin-combine-panel-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let collection = Collection::at(&folder);
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
    let [head, band, _] = ecrin::geometry::sample_export::WEB_PATHS.map(|p| samples.join(p));
    collection.add(&head, Some("Tête ovale"), None).expect("head");
    collection.add(&band, Some("Jonc"), None).expect("band");
    let mut state = StudioCollection::at(collection);
    state.models = state.collection.list().into_iter().flatten().collect();
    let add_model = || Some(StudioCommand::from(ecrin::studio::import::ImportCommand::Pick));
    let mut harness = Harness::builder().with_size(egui::vec2(320.0, 400.0)).build_ui_state(
        |ui, (state, emitted): &mut (StudioCollection, Vec<StudioCommand>)| {
            emitted.extend(collection_ui(ui, state, add_model(), Language::French));
        },
        (state, Vec::new()),
    );
    harness.run();
    harness.get_by_label(&Language::French.tr("collection-combine")).click();
    harness.run();
    let combine = StudioCommand::from(CollectionCommand::Combine { band: "jonc".into(), head: "tete-ovale".into() });
    assert!(harness.state().1.contains(&combine), "{:?}", harness.state().1);
    let _ = std::fs::remove_dir_all(&folder);
}

/// Mean colour of the pixels that differ from the backdrop (the ring), and how many there are. The backdrop is a
/// vertical gradient: each row is compared with its own leftmost pixel (the piece never reaches the left edge).
fn ring_pixels(image: &image::RgbaImage) -> ([f64; 3], usize) {
    let mut sum = [0.0; 3];
    let mut count = 0;
    for (_, y, pixel) in image.enumerate_pixels() {
        let backdrop = *image.get_pixel(0, y);
        let distance: i32 = (0..3).map(|c| (pixel[c] as i32 - backdrop[c] as i32).abs()).sum();
        if distance > 30 {
            for c in 0..3 {
                sum[c] += pixel[c] as f64;
            }
            count += 1;
        }
    }
    (sum.map(|s| s / count.max(1) as f64), count)
}

#[test]
fn offscreen_renders_show_the_metal_and_the_stone() {
    let size = 160;
    let mut offscreen = Offscreen::new(Design::default(), size, size);
    offscreen.run_until_ready(3000).expect("studio ready");
    let first_alloy = offscreen.design().metal.alloy;
    let yellow = offscreen.capture().expect("yellow render");
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::White18k)));
    let white = offscreen.capture().expect("white render (next frame)");
    // A capture rests the cameras only while its picture comes back: the next change shows in the next capture.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(first_alloy)));
    let again = offscreen.capture().expect("yellow again");
    let differing =
        yellow.pixels().zip(again.pixels()).filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 2));
    assert!(differing.count() < (size * size / 100) as usize, "the same design twice, two pictures");
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::White18k)));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    yellow.save(out.join("render-yellow.png")).ok();
    white.save(out.join("render-white.png")).ok();

    let ([yr, yg, yb], yellow_count) = ring_pixels(&yellow);
    let ([wr, wg, wb], white_count) = ring_pixels(&white);
    let total = (size * size) as usize;
    assert!(
        yellow_count > total / 20 && yellow_count < total * 2 / 3,
        "the ring covers {yellow_count} of {total} pixels"
    );
    assert!(white_count.abs_diff(yellow_count) < total / 50, "changing the metal keeps the shape");
    // Yellow gold: red well above blue (as a ratio: polished metal holds dark reflections, whose colour is as
    // warm but whose values are small). White gold: nearly neutral, and bluer than yellow gold.
    assert!(yr / yb > 1.2, "yellow gold mean ({yr:.0}, {yg:.0}, {yb:.0}) is not warm");
    assert!(
        (wr / wb - 1.0).abs() < (yr / yb - 1.0) / 2.0,
        "white gold mean ({wr:.0}, {wg:.0}, {wb:.0}) is not neutral"
    );
    assert!(
        wb / wr > yb / yr + 0.1,
        "white gold ({wr:.0}, {wg:.0}, {wb:.0}) is not bluer than yellow gold ({yr:.0}, {yg:.0}, {yb:.0})"
    );

    // The stone: where the default view puts it (centred, above the band) the pixels are lit, not backdrop.
    let (x, y, w, h) = (size * 3 / 8, size / 5, size / 4, size / 6);
    let stone = image::imageops::crop_imm(&white, x, y, w, h).to_image();
    let ([sr, sg, sb], stone_count) = ring_pixels(&stone);
    assert!(stone_count > (w * h) as usize / 3, "the stone area is empty ({stone_count} of {} px)", w * h);
    assert!(sr.min(sg).min(sb) > 90.0, "a diamond reads bright and colourless: ({sr:.0}, {sg:.0}, {sb:.0})");

    // Two-tone: a yellow head on the white band warms the head, not the band.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetHeadAlloy(Some(Alloy::Yellow18k))));
    let two_tone = offscreen.capture().expect("two-tone render");
    // Warmth as red over blue (the prongs are small beside the stone, and polished metal holds dark reflections).
    let warmth = |image: &image::RgbaImage, y: u32, h: u32| {
        let ([r, _, b], _) = ring_pixels(&image::imageops::crop_imm(image, 0, y, size, h).to_image());
        r / b.max(1.0)
    };
    let head_band = (size / 6, size / 6);
    let lower_band = (size * 2 / 3, size / 4);
    let (head_two_tone, head_white) =
        (warmth(&two_tone, head_band.0, head_band.1), warmth(&white, head_band.0, head_band.1));
    let (band_two_tone, band_white) =
        (warmth(&two_tone, lower_band.0, lower_band.1), warmth(&white, lower_band.0, lower_band.1));
    eprintln!(
        "head warmth {head_two_tone:.3} (two-tone) vs {head_white:.3}; band {band_two_tone:.3} vs {band_white:.3}"
    );
    assert!(head_two_tone > head_white + 0.025, "head not warmer: {head_two_tone:.3} vs {head_white:.3}");
    assert!((band_two_tone - band_white).abs() < 0.02, "the band changed: {band_two_tone:.3} vs {band_white:.3}");
    offscreen.send(DocumentCommand::Design(DesignCommand::SetHeadAlloy(None)));

    // Hammered: the band's surface breaks into facets (more pixel-to-pixel contrast); the stone stays a stone.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetFinish(ecrin::design::Finish::Hammered)));
    let hammered = offscreen.capture().expect("hammered render");
    hammered.save(out.join("render-hammered.png")).ok();
    // Same silhouette, different surface: band pixels change, the backdrop does not.
    let (mut changed, mut band_pixels) = (0.0, 0);
    for (a, b) in white.pixels().zip(hammered.pixels()).skip((size * lower_band.0) as usize) {
        if a[0] > 100 || b[0] > 100 {
            changed += (0..3).map(|c| (a[c] as f64 - b[c] as f64).abs()).sum::<f64>() / 3.0;
            band_pixels += 1;
        }
    }
    let mean_change = changed / band_pixels.max(1) as f64;
    assert!(mean_change > 6.0, "hammering changed the band by only {mean_change:.1}/255 on average");
    let stone_after = image::imageops::crop_imm(&hammered, x, y, w, h).to_image();
    let ([hr, hg, hb], _) = ring_pixels(&stone_after);
    assert!(hr.max(hg).max(hb) - hr.min(hg).min(hb) < 40.0, "the diamond took a colour: ({hr:.0}, {hg:.0}, {hb:.0})");
    offscreen.send(DocumentCommand::Design(DesignCommand::SetFinish(ecrin::design::Finish::Polished)));

    // A different setting shows on the screen after its model swaps in.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetSetting(Setting::Halo)));
    offscreen.update();
    let mut frames = 1;
    while !offscreen.scene_matches_design() && frames < 30 {
        offscreen.update();
        frames += 1;
    }
    assert_eq!(offscreen.design().setting, Setting::Halo);
    assert_eq!(frames, 1, "the halo head must show on the next frame");
    let halo = offscreen.capture().expect("halo render");
    let (_, halo_count) = ring_pixels(&halo);
    assert!(halo_count > white_count, "the halo adds metal and stones around the centre stone");

    // Evening light is candlelight: the same ring reads much warmer than under the studio's neutral softboxes.
    let ([hr, _, hb], _) = ring_pixels(&halo);
    offscreen
        .present(Presentation { environment: LightingEnvironment::Evening, background: Background::Velvet })
        .expect("evening light");
    let evening = offscreen.capture().expect("evening render");
    evening.save(out.join("render-evening.png")).ok();
    let ([er, _, eb], _) = ring_pixels(&evening);
    assert!(er / eb.max(1.0) > 1.3 * hr / hb.max(1.0), "evening ({er:.0}/{eb:.0}) vs studio ({hr:.0}/{hb:.0})");

    // A white background for e-commerce pictures.
    offscreen
        .present(Presentation { environment: LightingEnvironment::Studio, background: Background::White })
        .expect("white");
    let white_background = offscreen.capture().expect("white background render");
    assert!(white_background.get_pixel(0, 0).0[..3].iter().all(|&c| c > 240), "{:?}", white_background.get_pixel(0, 0));
    offscreen.exit();
}

fn srgb_byte(linear: f32) -> f32 {
    let c = linear.clamp(0.0, 1.0);
    255.0 * if c <= 0.003_130_8 { 12.92 * c } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 }
}

#[test]
fn gem_shader_agrees_with_the_cpu_tracer() {
    use ecrin::optics::setting::{SettingMetals, SettingView};
    use ecrin::optics::view::{PinholeCamera, stone_picture};
    use ecrin::studio::lighting::ENVIRONMENT_INTENSITY;

    let design = Design::default();
    let camera = PinholeCamera { position: Vec3::new(7.0, 13.0, 9.0), target: Vec3::new(0.0, -0.6, 0.0), fov_y: 0.55 };
    let size = 96;
    let mut gpu = Offscreen::stone_only(design.clone(), size, &camera);
    gpu.settle(600).expect("pipelines compiled");
    let rendered = gpu.capture().expect("render");
    gpu.exit();

    let exposure = ecrin::studio::headless::STONE_CHECK_EXPOSURE.exposure();
    let planes = ecrin::geometry::cut::facet_planes(design.stone.cut);
    let setting = SettingView::of(&ecrin::geometry::assemble::assemble(&design)).expect("a centre stone");
    let picture = |surroundings| {
        stone_picture(
            &planes,
            design.stone.size_mm,
            design.stone.species,
            &camera,
            (size, size),
            ecrin::optics::metrics::BOUNCES,
            // The cubemap is sampled left-handed (z negated), as Bevy does for its environment maps.
            |d| LightingEnvironment::Studio.radiance(Vec3::new(d.x, d.y, -d.z)) * ENVIRONMENT_INTENSITY,
            surroundings,
        )
    };
    // The stone sees the solitaire's prongs, gallery and band, as the studio's does.
    let cpu = picture(Some((&setting, SettingMetals::of(&design))));
    // The setting shows in this picture (so the agreement below covers it): without it the stone is another.
    let changed: Vec<f32> = cpu
        .iter()
        .zip(picture(None))
        .filter_map(|(with, without)| Some((*with.as_ref()? - without?).abs().max_element() * exposure))
        .collect();
    let setting_share = changed.iter().filter(|&&c| c > 0.02).count() as f32 / changed.len().max(1) as f32;
    eprintln!("pixels the setting changes: {:.0} %", setting_share * 100.0);
    assert!(setting_share > 0.1, "the setting changes only {:.0} % of the stone's pixels", setting_share * 100.0);
    let mut reference = image::RgbaImage::new(size, size);
    let mut differences = Vec::new();
    for (index, expected) in cpu.iter().enumerate() {
        let (x, y) = (index as u32 % size, index as u32 / size);
        let Some(radiance) = expected else { continue };
        let want = [0, 1, 2].map(|c| srgb_byte(radiance[c] * exposure));
        let got = rendered.get_pixel(x, y);
        reference.put_pixel(x, y, image::Rgba([want[0] as u8, want[1] as u8, want[2] as u8, 255]));
        differences.push((0..3).map(|c| (want[c] - got[c] as f32).abs()).sum::<f32>() / 3.0);
    }
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    rendered.save(out.join("gem-gpu.png")).ok();
    reference.save(out.join("gem-cpu.png")).ok();
    assert!(differences.len() > (size * size / 8) as usize, "the stone covers {} px", differences.len());
    differences.sort_by(f32::total_cmp);
    let mean = differences.iter().sum::<f32>() / differences.len() as f32;
    let p90 = differences[differences.len() * 9 / 10];
    // Few pixels may clip at this exposure; the picture must have its dark and bright facets (not all white).
    let clipped = reference.pixels().filter(|p| p[0] == 255 && p[1] == 255 && p[2] == 255).count();
    assert!(clipped < differences.len() / 3, "{clipped} of {} stone pixels clip", differences.len());
    // Facet edges hit by a pixel centre on one side and not the other, and the cubemap's texel filtering, differ
    // a little; the bulk must agree closely.
    eprintln!("GPU vs CPU: mean {mean:.2}, p90 {p90:.2} (of 255)");
    assert!(mean < 4.0 && p90 < 8.0, "GPU vs CPU: mean {mean:.1}, p90 {p90:.1} (of 255)");
}

#[test]
fn cycling_every_option_never_waits_on_a_pipeline() {
    let mut offscreen = Offscreen::new(Design::default(), 96, 96);
    offscreen.run_until_ready(3000).expect("studio ready");
    let mut waiting = Vec::new();
    for command in ecrin::cli::bench::every_option() {
        offscreen.send(command.clone());
        for frame in 1..=2 {
            offscreen.update();
            if frame == 1 && !offscreen.scene_matches_design() {
                waiting.push(format!("{command:?}: the scene did not follow on the next frame"));
            }
            if offscreen.pipelines_waiting() > 0 {
                waiting
                    .push(format!("{command:?}, frame {frame}: {} pipelines compiling", offscreen.pipelines_waiting()));
            }
        }
    }
    offscreen.exit();
    assert!(waiting.is_empty(), "{waiting:#?}");
}

/// Each environment's light is filtered once, then kept: no generator is left once the studio is ready (Bevy's
/// filters its cubemap again at every frame), a new light is shown within a few frames, and going back to one
/// already filtered is immediate.
#[test]
fn each_light_is_filtered_once_and_kept() {
    use bevy::light::{EnvironmentMapLight, GeneratedEnvironmentMapLight};
    use ecrin::studio::lighting::{EnvironmentLit, light_shown};
    fn generators(offscreen: &mut Offscreen) -> usize {
        let world = offscreen.world_mut();
        world.query::<&GeneratedEnvironmentMapLight>().iter(world).count()
    }
    fn shown(offscreen: &mut Offscreen) -> Vec<AssetId<Image>> {
        let world = offscreen.world_mut();
        let mut cameras = world.query_filtered::<&EnvironmentMapLight, With<EnvironmentLit>>();
        cameras.iter(world).map(|light| light.specular_map.id()).collect()
    }
    let mut offscreen = Offscreen::new(Design::default(), 64, 64);
    offscreen.run_until_ready(3000).expect("studio ready");
    let first = offscreen.world_mut().resource::<Presentation>().environment;
    let other = LightingEnvironment::ALL.into_iter().find(|e| *e != first).expect("two lights");
    assert_eq!(generators(&mut offscreen), 0, "a generator filtering at every frame once ready");
    let first_maps = shown(&mut offscreen);
    assert!(!first_maps.is_empty() && light_shown(offscreen.world_mut()));

    offscreen.send(PresentationCommand::SetEnvironment(other));
    offscreen.update();
    let mut frames = 1;
    while !light_shown(offscreen.world_mut()) && frames < 30 {
        offscreen.update();
        frames += 1;
    }
    assert!(frames <= 8, "the new light took {frames} frames");
    offscreen.update();
    assert_eq!(generators(&mut offscreen), 0, "the new light's generator stayed");
    let other_maps = shown(&mut offscreen);
    assert!(other_maps.iter().all(|map| !first_maps.contains(map)), "the cameras kept the first light's maps");

    offscreen.send(PresentationCommand::SetEnvironment(first));
    offscreen.update();
    assert!(light_shown(offscreen.world_mut()), "a light already filtered was not shown at once");
    assert_eq!(shown(&mut offscreen), first_maps);
    assert_eq!(generators(&mut offscreen), 0, "a kept light was filtered again");
    offscreen.exit();
}

/// Reference renders: one per lighting environment, one per finish. Regenerate after an intended change with
/// `ECRIN_UPDATE_REFERENCES=1 cargo test --test studio reference_renders` (then look at tests/references/*.png).
#[test]
fn reference_renders_match() {
    use ecrin::design::Finish;
    let size = 96;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/references");
    let update = std::env::var_os("ECRIN_UPDATE_REFERENCES").is_some();
    let mut offscreen = Offscreen::framed(Design::default(), size, size, ecrin::studio::headless::Framing::Stone);
    offscreen.run_until_ready(3000).expect("studio ready");
    let mut cases: Vec<(String, Vec<StudioCommand>)> = LightingEnvironment::ALL
        .into_iter()
        .map(|e| (format!("light-{e:?}").to_lowercase(), vec![PresentationCommand::SetEnvironment(e).into()]))
        .collect();
    cases.extend(Finish::ALL.into_iter().map(|f| {
        let commands = vec![
            PresentationCommand::SetEnvironment(LightingEnvironment::Studio).into(),
            DocumentCommand::Design(DesignCommand::SetFinish(f)).into(),
        ];
        (format!("finish-{f:?}").to_lowercase(), commands)
    }));
    let mut failures = Vec::new();
    for (name, commands) in cases {
        for command in commands {
            offscreen.send(command);
        }
        offscreen.settle(600).expect("settled");
        // The capture waits for the new light's filtered maps (`lighting::filtered`).
        let picture = offscreen.capture().expect("render");
        let path = dir.join(format!("{name}.png"));
        if update {
            std::fs::create_dir_all(&dir).expect("references folder");
            picture.save(&path).expect("write reference");
            continue;
        }
        let reference = image::open(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (regenerate with ECRIN_UPDATE_REFERENCES=1)", path.display()))
            .to_rgba8();
        let total: f64 = picture
            .pixels()
            .zip(reference.pixels())
            .map(|(a, b)| (0..3).map(|c| (a[c] as f64 - b[c] as f64).abs()).sum::<f64>() / 3.0)
            .sum();
        let mean = total / f64::from(size * size);
        // Lavapipe renders deterministically (0.0 between runs); the closest two references (brushed, satin) differ
        // by 2.1/255, so 1.0 catches a finish or a light that stopped working.
        if mean > 1.0 {
            picture.save(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-actual.png"))).ok();
            failures.push(format!("{name}: mean difference {mean:.2}/255 from {}", path.display()));
        }
    }
    offscreen.exit();
    assert!(failures.is_empty(), "{failures:#?}");
}

fn recovery_app(path: &std::path::Path) -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(ecrin::studio::core_plugin)
        .add_plugins(ecrin::studio::recovery::plugin);
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(std::time::Duration::from_secs(1)));
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.insert_resource(ecrin::studio::recovery::Autosave::at(path.to_path_buf()));
    app.update();
    app
}

#[test]
fn a_killed_session_is_offered_back_and_a_clean_exit_leaves_nothing() {
    use ecrin::studio::recovery::{Autosave, RecoveryOffer};
    let path = std::env::temp_dir().join(format!("ecrin-autosave-{}.ron", std::process::id()));
    let _ = std::fs::remove_file(&path);

    // A session changes the design, makes a variant and changes it; a couple of seconds later it is on disk.
    let mut app = recovery_app(&path);
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    send(&mut app, DocumentCommand::Variant(VariantCommand::Duplicate));
    send(&mut app, DocumentCommand::Design(DesignCommand::SetCut(Cut::Emerald)));
    send(&mut app, DocumentCommand::Variant(VariantCommand::ToggleFavourite(0)));
    for _ in 0..4 {
        app.update();
    }
    app.world_mut().resource_mut::<Autosave>().flush();
    let worked_on = app.world().resource::<CurrentDesign>().history.variants().clone();
    let journal = app.world().resource::<CurrentDesign>().journal.clone();
    assert_eq!((worked_on.len(), worked_on.favourite()), (2, Some(0)));
    let saved = ecrin::design::session::load(&path).expect("autosaved");
    assert_eq!((&saved.variants, &saved.journal), (&worked_on, &journal));
    drop(app); // killed: no clean exit

    // The next start offers it; restoring brings every variant and the journal back.
    let mut app = recovery_app(&path);
    assert_eq!(app.world().resource::<RecoveryOffer>().0.as_ref().map(|s| &s.variants), Some(&worked_on));
    send(&mut app, ecrin::studio::recovery::RecoveryCommand::Restore);
    app.update();
    assert_eq!(app.world().resource::<CurrentDesign>().history.variants(), &worked_on);
    assert_eq!(design(&app).stone.cut, Cut::Emerald, "the variant being edited is the one edited before");
    assert!(app.world().resource::<CurrentDesign>().journal.starts_with(&journal));
    assert!(app.world().resource::<RecoveryOffer>().0.is_none());

    // A clean exit removes the autosave: nothing is offered next time.
    app.world_mut().write_message(bevy::app::AppExit::Success);
    app.update();
    assert!(!path.exists(), "a clean exit leaves no autosave");
    let app = recovery_app(&path);
    assert!(app.world().resource::<RecoveryOffer>().0.is_none());
}

#[test]
fn the_board_controls_emit_variant_commands() {
    use ecrin::design::variants::Variants;
    use ecrin::studio::board::panel::{tile_overlays, variants_ui};
    let mut platinum = Design::default();
    platinum.metal.alloy = Alloy::Platinum950;
    let variants = Variants::checked(vec![Design::default(), platinum], 1, None).expect("two variants");
    let tiles = [
        egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(420.0, 400.0)),
        egui::Rect::from_min_size(egui::pos2(420.0, 0.0), egui::vec2(420.0, 400.0)),
    ];
    for l in Language::ALL {
        let mut harness = Harness::builder().with_size(egui::vec2(860.0, 520.0)).build_ui_state(
            |ui, emitted: &mut Vec<StudioCommand>| {
                emitted.extend(tile_overlays(ui.ctx(), &variants, &tiles, None, l));
                // The panel's section, below the tiles (in the studio it is in the side panel).
                ui.add_space(420.0);
                emitted.extend(variants_ui(ui, &variants, false, l));
            },
            Vec::new(),
        );
        harness.run();
        // The second tile says what differs from the main design; the first is the main design.
        harness.get_by_label_contains(&l.term(Alloy::Platinum950));
        harness.get_by_label_contains(&ecrin::tr!(l, "tile-main-title", name = &variants.designs()[0].name));
        harness.get_by_label(&l.tr("tile-make-main")).click();
        harness.run();
        harness.get_by_label(&l.tr("tile-edit")).click();
        harness.run();
        let favourite = format!("☆ {}", l.tr("tile-favourite"));
        harness.get_all_by_label(&favourite).next().expect("a favourite button").click();
        harness.run();
        harness.get_by_label(&l.tr("variants-duplicate")).click();
        harness.run();
        // Comparing presets and the board's picture are other features' commands, sent as theirs.
        harness.get_by_label(&l.tr("variants-compare")).click();
        harness.run();
        harness.get_by_label(&l.tr("variants-export")).click();
        harness.run();
        let emitted = harness.state();
        assert!(emitted.contains(&ecrin::studio::presets::PresetRequest::Compare.into()), "{emitted:?}");
        assert!(emitted.contains(&ecrin::studio::board::export::ExportBoard(None).into()), "{emitted:?}");
        for wanted in [
            VariantCommand::Promote(1),
            VariantCommand::Select(0),
            VariantCommand::ToggleFavourite(0),
            VariantCommand::Duplicate,
        ] {
            let command = StudioCommand::from(DocumentCommand::Variant(wanted.clone()));
            assert!(emitted.contains(&command), "{wanted:?} in {emitted:?}");
        }
    }
}

#[test]
fn clicking_a_light_emits_the_presentation_command() {
    use ecrin::studio::lighting::panel::presentation_ui;
    let presentation = Presentation::default();
    let l = Language::French;
    let mut harness = Harness::new_ui_state(
        |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(presentation_ui(ui, &presentation, l)),
        Vec::new(),
    );
    harness.run();
    harness.get_by_label(&l.term(LightingEnvironment::Boutique)).click();
    harness.run();
    harness.get_by_label(&l.tr(Background::White.key())).click();
    harness.run();
    let emitted = harness.state();
    let environment = PresentationCommand::SetEnvironment(LightingEnvironment::Boutique);
    assert!(emitted.contains(&StudioCommand::from(environment)), "{emitted:?}");
    let background = PresentationCommand::SetBackground(Background::White);
    assert!(emitted.contains(&StudioCommand::from(background)), "{emitted:?}");
}

#[test]
fn the_journal_records_who_changed_what_and_travels_with_the_preset() {
    use ecrin::design::journal::Who;
    let mut app = command_app();
    send(&mut app, DocumentCommand::SetProposer(Who::Client));
    send(&mut app, DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    send(&mut app, DocumentCommand::SetProposer(Who::Advisor));
    send(&mut app, DocumentCommand::Design(DesignCommand::SetSetting(Setting::Halo)));
    send(&mut app, DocumentCommand::Undo);
    let journal = app.world().resource::<CurrentDesign>().journal.clone();
    let lines: Vec<String> = journal.iter().map(|e| ecrin::i18n::journal::line(Language::English, e)).collect();
    assert_eq!(journal.len(), 3, "{lines:?}");
    assert!(lines[0].contains("client: 18k yellow gold → Platinum 950"), "{lines:?}");
    assert!(lines[1].contains("advisor: 6 prongs → Halo"), "{lines:?}");
    assert!(lines[2].contains("advisor: undo: Halo → 6 prongs"), "{lines:?}");

    let path = std::env::temp_dir().join(format!("ecrin-journal-{}.ron", std::process::id()));
    send(&mut app, DocumentCommand::SavePreset(Some(path.clone())));
    let (_, saved) = ecrin::design::preset::load_with_journal(&path).expect("saved with its journal");
    assert_eq!(saved, journal);

    // Privacy: the advisor can leave the journal out of what is saved.
    send(&mut app, DocumentCommand::KeepJournalInSaves(false));
    send(&mut app, DocumentCommand::SavePreset(Some(path.clone())));
    let (_, saved) = ecrin::design::preset::load_with_journal(&path).expect("saved");
    assert!(saved.is_empty());
    assert!(!std::fs::read_to_string(&path).expect("text").contains("journal"));
}

/// Pixels of `with` at least `by` darker (mean of RGB) than the same pixel in `without`.
fn darker_pixels(with: &image::RgbaImage, without: &image::RgbaImage, by: i32) -> usize {
    with.pixels()
        .zip(without.pixels())
        .filter(|(a, b)| (0..3).map(|c| b[c] as i32 - a[c] as i32).sum::<i32>() / 3 >= by)
        .count()
}

#[test]
fn the_ring_stands_on_a_contact_shadow_on_every_background() {
    use ecrin::studio::stage::{ContactShadowMaterial, Stage};
    let size = 160;
    let mut offscreen = Offscreen::new(Design::default(), size, size);
    offscreen.run_until_ready(3000).expect("studio ready");
    // The floor without the ring's occlusion (no occluders), or no floor at all.
    let occluders = |offscreen: &mut Offscreen, count: Option<u32>| {
        let world = offscreen.world_mut();
        let handles: Vec<_> = world
            .query_filtered::<&MeshMaterial3d<ContactShadowMaterial>, With<Stage>>()
            .iter(world)
            .map(|m| m.0.clone())
            .collect();
        let mut materials = world.resource_mut::<Assets<ContactShadowMaterial>>();
        let mut previous = 0;
        for handle in handles {
            if let Some(mut material) = materials.get_mut(&handle) {
                previous = material.params.count;
                material.params.count = count.unwrap_or(previous);
            }
        }
        previous
    };
    let show_stage = |offscreen: &mut Offscreen, visible: bool| {
        let world = offscreen.world_mut();
        let mut stages = world.query_filtered::<&mut Visibility, With<Stage>>();
        for mut visibility in stages.iter_mut(world) {
            *visibility = if visible { Visibility::Inherited } else { Visibility::Hidden };
        }
    };
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let total = (size * size) as usize;
    for background in Background::ALL {
        offscreen.present(Presentation { environment: LightingEnvironment::Studio, background }).expect("present");
        let grounded = offscreen.capture().expect("with shadow");
        let count = occluders(&mut offscreen, Some(0));
        let unshadowed = offscreen.capture().expect("floor without shadow");
        occluders(&mut offscreen, Some(count));
        show_stage(&mut offscreen, false);
        let floating = offscreen.capture().expect("no floor");
        show_stage(&mut offscreen, true);
        grounded.save(out.join(format!("shadow-{background:?}.png"))).ok();
        if background == Background::Transparent {
            // Transparent exports carry the shadow in the alpha channel; away from the ring the picture stays clear.
            assert_eq!(grounded.get_pixel(0, size - 1).0[3], 0);
            let translucent = grounded.pixels().filter(|p| p[3] > 20 && p[3] < 230 && p[0] < 40).count();
            assert!(translucent > 50, "no shadow in the alpha channel ({translucent} px)");
            assert_eq!(floating.get_pixel(80, 150).0[3], 0);
            continue;
        }
        // The shadow is visible (on white: despite the HDR white being far past the tonemapper's shoulder)…
        let shaded = darker_pixels(&grounded, &unshadowed, 12);
        assert!(shaded > total / 100, "{background:?}: only {shaded} pixels darkened by the shadow");
        // …darkest where the band touches, and it fades out: the picture's corners are untouched.
        let darkest = grounded.pixels().zip(unshadowed.pixels()).map(|(a, b)| b[1] as i32 - a[1] as i32).max();
        assert!(darkest.is_some_and(|d| d >= 25), "{background:?}: the contact is not dark ({darkest:?})");
        for (x, y) in [(0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)] {
            let (a, b) = (grounded.get_pixel(x, y).0, floating.get_pixel(x, y).0);
            assert!((0..3).all(|c| a[c].abs_diff(b[c]) <= 2), "{background:?}: corner ({x}, {y}): {a:?} vs {b:?}");
        }
        if background == Background::Velvet {
            // On velvet the floor is lit around the piece, so the shadow has light to take away.
            let lit = darker_pixels(&floating, &unshadowed, 8);
            assert!(lit > total / 20, "the velvet floor is not lit ({lit} px)");
        }
    }
    offscreen.exit();
}

#[test]
fn the_board_shows_each_variant_in_its_own_tile() {
    let (width, height) = (320, 160);
    let mut offscreen = Offscreen::new(Design::default(), width, height);
    offscreen.run_until_ready(3000).expect("studio ready");
    offscreen
        .present(Presentation { environment: LightingEnvironment::Studio, background: Background::White })
        .expect("white");
    offscreen.send(DocumentCommand::Variant(VariantCommand::Duplicate));
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    let waiting = offscreen.show_board(600).expect("the board's pieces are composed");
    assert_eq!(waiting, 0, "showing the board waited on {waiting} frames of pipeline compilation");
    let board = offscreen.capture().expect("board");
    board.save(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("board-2.png")).ok();
    // Each half holds one ring (metal pixels) on the white background: yellow gold left, platinum right.
    let metal = |x0: u32| {
        let (mut count, mut warmth) = (0u32, 0i64);
        for y in 0..height {
            for x in x0..x0 + width / 2 - 2 {
                let p = board.get_pixel(x, y).0;
                if p[0] < 235 || p[2] < 235 {
                    count += 1;
                    warmth += i64::from(p[0]) - i64::from(p[2]);
                }
            }
        }
        (count, warmth as f64 / f64::from(count.max(1)))
    };
    let ((left, left_warmth), (right, right_warmth)) = (metal(0), metal(width / 2 + 2));
    let tile = width * height / 2;
    assert!(left > tile / 20 && right > tile / 20, "a ring in each tile ({left}, {right} px)");
    assert!(left_warmth > right_warmth + 15.0, "gold left ({left_warmth:.0}), platinum right ({right_warmth:.0})");
    // The white clears behind every tile (the tile cameras do not clear, the main one clears it all).
    for (x, y) in [(1, 1), (width - 2, 1), (width / 2 + 4, height - 2)] {
        assert!(board.get_pixel(x, y).0[..3].iter().all(|&c| c > 245), "white at ({x}, {y})");
    }
    offscreen.exit();
}

#[test]
fn exports_tile_supersample_and_turn_to_each_view() {
    use ecrin::approval::View;
    use ecrin::studio::export::{ExportSettings, Exporter};
    let white = Presentation { environment: LightingEnvironment::Studio, background: Background::White };
    let settings = ExportSettings::new(96, white);
    let mut whole = Exporter::new(Design::default(), settings).expect("exporter");
    assert_eq!(whole.tiles(), 1);
    let mut views = Vec::new();
    for view in View::ALL {
        views.push(whole.render(view, &mut || true).expect("render").expect("not cancelled"));
    }
    let mean_difference = |a: &image::RgbaImage, b: &image::RgbaImage| {
        a.pixels()
            .zip(b.pixels())
            .map(|(p, q)| (0..3).map(|c| (p[c] as f64 - q[c] as f64).abs()).sum::<f64>() / 3.0)
            .sum::<f64>()
            / f64::from(a.width() * a.height())
    };
    // A turn drawn in a row (each frame drawn while the ones before are read back) is the same pictures as one
    // view after another, in order; the row stops when told.
    let mut row = Vec::new();
    let turned = whole.render_turn(4, &mut |index, picture| {
        row.push((index, picture));
        true
    });
    assert!(turned.expect("turn"), "the whole turn was asked for");
    assert_eq!(row.iter().map(|(index, _)| *index).collect::<Vec<_>>(), [0, 1, 2, 3]);
    for (index, picture) in &row {
        let angle = std::f32::consts::TAU * *index as f32 / 4.0;
        let alone = whole.render_turned(angle, &mut || true).expect("render").expect("not cancelled");
        let d = mean_difference(picture, &alone);
        assert!(d < 0.1, "turn frame {index} differs from the view turned alone by {d:.3}/255");
    }
    assert!(mean_difference(&row[0].1, &row[1].1) > 3.0, "a quarter turn shows the same picture");
    let mut taken = 0;
    let stopped = whole.render_turn(4, &mut |_, _| {
        taken += 1;
        taken < 2
    });
    assert!(!stopped.expect("turn") && taken == 2, "the row went on after being told to stop ({taken} taken)");
    whole.finish();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (view, picture) in View::ALL.iter().zip(&views) {
        picture.save(out.join(format!("view-{}.png", view.slug()))).ok();
    }
    // Each view is its own picture of the ring.
    for i in 0..views.len() {
        for j in i + 1..views.len() {
            let d = mean_difference(&views[i], &views[j]);
            assert!(d > 3.0, "{:?} and {:?} look the same ({d:.2})", View::ALL[i], View::ALL[j]);
        }
    }
    // Front: the band is a ring, symmetric left–right.
    let front = &views[1];
    let mirrored = image::imageops::flip_horizontal(front);
    assert!(mean_difference(front, &mirrored) < 4.0, "the front view is not symmetric");

    // The same picture in 2×2 tiles (as an 8K export beyond the GPU's texture limit would be made).
    let mut tiled = Exporter::new(Design::default(), ExportSettings { max_tile: Some(48), ..settings }).expect("tiled");
    assert_eq!(tiled.tiles(), 4);
    let stitched = tiled.render(View::ThreeQuarter, &mut || true).expect("render").expect("not cancelled");
    stitched.save(out.join("view-tiled.png")).ok();
    let d = mean_difference(&views[0], &stitched);
    assert!(d < 1.5, "tiles differ from the whole picture by {d:.2}/255");
    // Cancelling between tiles stops the picture.
    let mut asked = 0;
    let cancelled = tiled.render(View::Front, &mut || {
        asked += 1;
        asked < 2
    });
    assert!(matches!(cancelled, Ok(None)));
    tiled.finish();

    // Supersampled: the same picture with smoother edges (close to the plain one on average).
    let mut supersampled = Exporter::new(Design::default(), ExportSettings { supersample: 2, ..settings }).expect("ss");
    let smooth = supersampled.render(View::ThreeQuarter, &mut || true).expect("render").expect("not cancelled");
    supersampled.finish();
    assert_eq!(smooth.dimensions(), (96, 96));
    let d = mean_difference(&views[0], &smooth);
    assert!(d < 4.0, "supersampling changed the picture by {d:.2}/255");
}

#[test]
fn an_approval_pack_is_complete_and_a_cancelled_one_leaves_nothing() {
    use ecrin::studio::export::ExportSettings;
    use ecrin::studio::pack::{PackRequest, write_pack};
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("packs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    use ecrin::design::journal::{Change, JournalEntry, Who};
    let mut design = Design { name: "Bague « Éloïse »".into(), ..Design::default() };
    design.metal.alloy = Alloy::Yellow14k;
    // Écrin proposed 14k within the client's budget; the client took it: the sheet says so.
    let to_14k = Change::Alloy { from: Alloy::Yellow18k, to: Alloy::Yellow14k };
    let proposed = Change::Proposed { budget: 8000.0, currency: "EUR".into(), changes: vec![to_14k.clone()] };
    let journal = vec![
        JournalEntry::new(1_795_400_000, Who::Ecrin, None, proposed),
        JournalEntry::new(1_795_400_030, Who::Client, None, Change::ProposalTaken),
        JournalEntry::new(1_795_400_030, Who::Client, None, to_14k),
    ];
    let white = Presentation { environment: LightingEnvironment::Studio, background: Background::White };
    let request = |destination: PathBuf| PackRequest {
        design: design.clone(),
        journal: journal.clone(),
        include_journal: true,
        // The ring on the hand as a fifth view.
        hand_view: true,
        client: Some("Mme Durand".into()),
        prices: None,
        views: ExportSettings::new(64, white),
        turntable_frames: 3,
        turntable_size: 48,
        destination,
        replace: false,
        // A French client's pack: its sheet, file names and journal in French (the progress in English).
        client_language: Language::French,
        language: Language::English,
        // A snapshot of the try-on, kept with the client's consent.
        try_on: vec![image::RgbImage::from_pixel(40, 30, image::Rgb([200, 150, 120]))],
    };
    // Cancelled at the second step: no folder, no staging left behind.
    let mut steps = 0;
    let cancelled = write_pack(&request(root.join("cancelled")), &mut |_| {
        steps += 1;
        steps < 2
    });
    assert!(matches!(cancelled, Ok(None)), "{:?}", cancelled.err());
    assert_eq!(std::fs::read_dir(&root).map(|d| d.count()).unwrap_or(0), 0, "a cancelled pack left files");

    let mut seen = Vec::new();
    let folder = write_pack(&request(root.join("pack")), &mut |p| {
        seen.push((p.done, p.total));
        true
    })
    .expect("pack")
    .expect("not cancelled");
    assert_eq!(seen.len(), 5 + 3 + 3, "one progress step per picture, the sheets and the finish");
    assert!(seen.iter().all(|&(d, t)| d < t));
    let stem = "Bague-Éloïse";
    for name in ["trois-quarts", "face", "profil", "dessus", "main"] {
        let picture = image::open(folder.join(format!("{stem}-{name}.png"))).expect("view").to_rgba8();
        assert_eq!(picture.dimensions(), (64, 64));
    }
    assert!(folder.join(format!("{stem}-vue-360.gif")).exists());
    // The turntable as a video too: every frame, each shown as long as in the GIF (3.6 s a turn).
    let video = std::fs::read(folder.join(format!("{stem}-vue-360.mp4"))).expect("the video");
    let video = ecrin::video::decode_mp4(&video).expect("an MP4 the decoder reads");
    assert_eq!(video.frames.len(), 3);
    assert_eq!(video.frame_ms, vec![1200; 3]);
    assert_eq!(std::fs::read_dir(folder.join(format!("{stem}-images-360"))).map(|d| d.count()).unwrap_or(0), 3);
    let sheet = image::open(folder.join(format!("{stem}-fiche-de-validation.png"))).expect("sheet").to_rgba8();
    assert_eq!(sheet.dimensions(), (1240, 1754), "A4 at 150 dpi");
    // The approval sheet as a PDF too, its words in the client's language as a reader extracts them; the bench
    // sheet in the advisor's.
    let approval = pdf_text(&folder.join(format!("{stem}-fiche-de-validation.pdf")));
    for words in ["Mme Durand", "Tour de doigt", "Bon pour accord", &ecrin::approval::fingerprint(&design)] {
        assert!(approval.contains(words), "{words}: {approval}");
    }
    for words in ["Propositions d", "retenue par le client", "Or jaune 14"] {
        assert!(approval.contains(words), "{words}: {approval}");
    }
    let bench = pdf_text(&folder.join(format!("{stem}-bench-sheet.pdf")));
    for words in ["Bench sheet", "Section through the centre stone", "Inside diameter", "Metal to cast"] {
        assert!(bench.contains(words), "{words}: {bench}");
    }
    // The preset in the pack is the approved design, with its journal and the sheet's fingerprint.
    let (saved, saved_journal) =
        ecrin::design::preset::load_with_journal(&folder.join(format!("{stem}.ron"))).expect("preset");
    assert_eq!(saved, design);
    assert_eq!(saved_journal, journal);
    assert_eq!(ecrin::approval::fingerprint(&saved), ecrin::approval::fingerprint(&design));
    // The try-on's picture is in the pack, and goes with the client's data when they ask for erasure.
    let try_on = image::open(folder.join(format!("{stem}-essayage-1.png"))).expect("the try-on's picture");
    assert_eq!(try_on.to_rgb8(), request(root.join("x")).try_on[0]);
    let erased = ecrin::approval::clients::erase(&root, "Mme Durand").expect("erased");
    assert_eq!(erased.removed, vec![folder.clone()]);
    assert!(!folder.exists(), "the pack, its try-on picture with it, is gone");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_house_model_joins_the_collection_and_is_designed_like_ecrins_own() {
    use ecrin::collection::Collection;
    use ecrin::geometry::house::{PartUse, Zone};
    use ecrin::studio::collection::{CollectionCommand, StudioCollection};
    use ecrin::studio::import::{Import, ImportCommand};
    let size = 128;
    let mut offscreen = Offscreen::new(Design::default(), size, size);
    let folder = std::env::temp_dir().join(format!("ecrin-studio-collection-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    offscreen.world_mut().resource_mut::<StudioCollection>().collection = Collection::at(&folder);
    offscreen.run_until_ready(3000).expect("studio ready");
    let composed = offscreen.capture().expect("Écrin's ring");
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets").join(ecrin::geometry::sample_export::SAMPLE_PATH);
    // The analysis runs in the background: frames keep coming while a model of a million triangles is checked.
    let big = std::env::temp_dir().join(format!("ecrin-million-{}.glb", std::process::id()));
    std::fs::write(&big, million_triangle_model()).expect("big model written");
    offscreen.send(ImportCommand::Open(big.clone()));
    offscreen.update(); // the frame that hands the model to the analysis
    let mut frames_while_analysing = 0;
    while offscreen.world_mut().resource::<Import>().analysing() {
        offscreen.update();
        frames_while_analysing += 1;
        assert!(frames_while_analysing < 10_000, "the analysis never ended");
    }
    let _ = std::fs::remove_file(&big);
    assert!(frames_while_analysing >= 1, "frames kept coming while the model was analysed: {frames_while_analysing}");
    assert!(offscreen.world_mut().resource::<Import>().dialog.is_some(), "the big model's import dialog");
    offscreen.send(ImportCommand::CloseDialog);

    // The Blender sample: the dialog proposes its parts' roles; the designer adds it to the collection.
    offscreen.send(ImportCommand::Open(path.clone()));
    wait_for_analysis(&mut offscreen);
    let setup = offscreen.world_mut().resource::<Import>().dialog.as_ref().map(|d| d.setup.clone()).expect("dialog");
    let roles: Vec<PartUse> = setup.parts.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [PartUse::Metal(Zone::Band), PartUse::Metal(Zone::Head), PartUse::Stone, PartUse::Stone],
        "\"ROSE GOLD.003\" band, \"White Gold\" prongs on the Head node, \"DIAMOND.002\", \"Melee.014\""
    );
    // The house makes it from EU 48 to 62, with a diamond, a ruby or a sapphire.
    use ecrin::design::Species;
    let allowed = ecrin::collection::Allowed {
        ring_sizes_mm: (48.0, 62.0),
        centre_species: vec![Species::Diamond, Species::Ruby, Species::BlueSapphire],
        centre_mm: Some((5.0, 8.0)),
    };
    offscreen.send(CollectionCommand::Add {
        path,
        name: Some("Bague Rose".into()),
        setup: Some(Box::new(setup)),
        allowed: allowed.clone(),
    });
    offscreen.send(ImportCommand::CloseDialog);
    wait_for_the_piece(&mut offscreen, |d| d.source.collection().is_some());
    let design = offscreen.design();
    assert_eq!(design.source.collection().map(|m| m.id.as_str()), Some("bague-rose"), "a design of the model opened");
    assert_eq!(offscreen.world_mut().resource::<StudioCollection>().models.len(), 1, "listed in the collection");
    offscreen.settle(600).expect("settled");
    let imported = offscreen.capture().expect("the house's ring");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    imported.save(out.join("collection-yellow.png")).ok();
    let mean_difference = |a: &image::RgbaImage, b: &image::RgbaImage| {
        a.pixels()
            .zip(b.pixels())
            .map(|(p, q)| (0..3).map(|c| (p[c] as f64 - q[c] as f64).abs()).sum::<f64>() / 3.0)
            .sum::<f64>()
            / f64::from(size * size)
    };
    assert!(mean_difference(&composed, &imported) > 2.0, "the house's ring replaces Écrin's");
    let ([yr, _, yb], count) = ring_pixels(&imported);
    assert!(count > (size * size / 20) as usize, "the house's ring is on screen ({count} px)");
    assert!(yr - yb > 25.0, "its metal takes the design's gold, rose as the house named it ({yr:.0}, {yb:.0})");

    // Live: a white-gold metal and a ruby centre stone.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::White18k)));
    offscreen.send(DocumentCommand::Design(DesignCommand::SetSpecies(ecrin::design::Species::Ruby)));
    let changed = offscreen.capture().expect("white gold, ruby");
    changed.save(out.join("collection-white-ruby.png")).ok();
    // The band alone (below the head, where the stone cannot tint the mean), before and after.
    let band = |image: &image::RgbaImage| {
        let top = image.height() * 2 / 5;
        ring_pixels(&image::imageops::crop_imm(image, 0, top, image.width(), image.height() - top).to_image())
    };
    let ([band_yr, _, band_yb], _) = band(&imported);
    let ([wr, _, wb], _) = band(&changed);
    assert!((wr - wb).abs() < (band_yr - band_yb) / 2.0, "the metal turned white ({wr:.0}, {wb:.0})");
    let reddest = |image: &image::RgbaImage| image.pixels().map(|p| p[0] as i32 - p[1] as i32).max().unwrap_or(0);
    assert!(reddest(&changed) > reddest(&imported) + 40, "the centre stone turned red");

    // A larger ring size: the house's band is resized (the piece follows); saved, it reopens the same design.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetRingSize(60.0)));
    wait_for_the_piece(&mut offscreen, |d| d.ring_size_mm == 60.0);
    let resized = offscreen.capture().expect("size 60");
    assert!(mean_difference(&changed, &resized) > 0.5, "the ring grew");
    let preset = folder.join("bague-rose-60.ron");
    offscreen.send(DocumentCommand::SavePreset(Some(preset.clone())));
    offscreen.update();
    offscreen.wait_for_disk();
    let saved = ecrin::design::preset::load(&preset).expect("saved preset");
    assert_eq!(saved, offscreen.design());

    // Sapphire side stones: the centre stays a ruby; the journal has the change as data.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetSideSpecies(ecrin::design::Species::BlueSapphire)));
    wait_for_the_piece(&mut offscreen, |d| d.side_species.is_some());
    let sapphires = offscreen.capture().expect("sapphire side stones");
    sapphires.save(out.join("collection-sapphire-sides.png")).ok();
    assert!(mean_difference(&resized, &sapphires) > 0.02, "the side stones changed");
    assert_eq!(offscreen.design().stone.species, ecrin::design::Species::Ruby);

    // A size the house does not make the model in: told, not refused.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetRingSize(66.0)));
    offscreen.update();
    offscreen.update();
    let status = offscreen.world_mut().resource::<ecrin::studio::floor::StatusLine>().text(Language::English);
    assert!(status.contains("outside the sizes") && status.contains("48–62"), "{status}");

    // Undo back to Écrin's ring.
    for _ in 0..6 {
        offscreen.send(DocumentCommand::Undo);
    }
    wait_for_the_piece(&mut offscreen, |d| d.source.is_ecrin());
    assert!(offscreen.design().source.is_ecrin());
    let back = offscreen.capture().expect("Écrin's ring again");
    assert!(mean_difference(&resized, &back) > 2.0);

    // A heavy model (a million triangles) opened from the collection loads off the frame with its progress; Cancel
    // stops it, the design is kept, and opening it again loads it.
    let heavy_file = folder.join("heavy.glb");
    std::fs::write(&heavy_file, million_triangle_model()).expect("heavy model written");
    let heavy = Collection::at(&folder).add(&heavy_file, Some("Boule"), None).expect("heavy model added");
    offscreen.send(CollectionCommand::Refresh);
    for _ in 0..200 {
        offscreen.update();
        if offscreen.world_mut().resource::<StudioCollection>().models.len() == 2 {
            break;
        }
    }
    offscreen.send(CollectionCommand::Open(heavy.id.clone()));
    offscreen.update();
    offscreen.update();
    let loading = offscreen.world_mut().resource::<StudioCollection>().loading();
    assert_eq!(loading.len(), 1, "the heavy model shows its progress: {loading:?}");
    offscreen.send(CollectionCommand::CancelLoading);
    for _ in 0..2000 {
        offscreen.update();
        if !offscreen.world_mut().resource::<StudioCollection>().busy() {
            break;
        }
    }
    let status = offscreen.world_mut().resource::<ecrin::studio::floor::StatusLine>().text(Language::English);
    assert!(status.contains("cancelled") && status.contains("Boule"), "{status}");
    assert_eq!(offscreen.design().source.collection().map(|m| m.id.as_str()), Some(heavy.id.as_str()));
    assert!(!offscreen.scene_matches_design(), "nothing of the heavy model is shown");
    offscreen.send(CollectionCommand::Open(heavy.id.clone()));
    wait_for_the_piece(&mut offscreen, |d| d.source.collection().is_some());
    offscreen.exit();

    // The library's pictures: rendered once per model file, each framed whole in the middle.
    let thumbnails =
        ecrin::cli::collection::render_thumbnails(&Collection::at(&folder), 64).expect("thumbnails rendered");
    assert_eq!(thumbnails.len(), 2, "one per model: {thumbnails:?}");
    for path in &thumbnails {
        let picture = image::open(path).expect("a PNG").to_rgba8();
        let (centre, coverage, touches_edge) = subject_in(&picture);
        assert!(coverage > 0.05, "{}: the model fills the picture ({coverage})", path.display());
        assert!(!touches_edge, "{}: framed whole", path.display());
        assert!((centre.0 - 0.5).abs() < 0.2 && (centre.1 - 0.5).abs() < 0.2, "{}: {centre:?}", path.display());
    }
    let again = ecrin::cli::collection::render_thumbnails(&Collection::at(&folder), 64).expect("nothing to do");
    assert!(again.is_empty(), "rendered once: {again:?}");

    // The studio closed and opened again: another process loads the saved preset's model from the collection
    // folder (its hash checked) and draws the same picture as this one.
    let reopened = folder.join("reopened.png");
    let rendered = std::process::Command::new(env!("CARGO_BIN_EXE_ecrin"))
        .arg("--collection")
        .arg(&folder)
        .arg("render")
        .arg(&preset)
        .arg("-o")
        .arg(&reopened)
        .args(["--size", "128"])
        .output()
        .expect("ecrin render runs");
    assert!(rendered.status.success(), "{}", String::from_utf8_lossy(&rendered.stderr));
    let there = image::open(&reopened).expect("the other process's picture").to_rgba8();
    let settings = ecrin::studio::export::ExportSettings::new(128, Presentation::default());
    let mut exporter = ecrin::studio::export::Exporter::new(saved.clone(), settings).expect("exporter");
    let here =
        exporter.render(ecrin::approval::View::ThreeQuarter, &mut || true).expect("rendered").expect("not stopped");
    exporter.finish();
    let difference = mean_difference(&here, &there);
    assert!(difference < 1.0, "the reopened design looks as it did: mean difference {difference}");
    let (_, count) = ring_pixels(&there);
    assert!(count > 128 * 128 / 20, "the house's ring is there ({count} px)");
    let _ = std::fs::remove_dir_all(&folder);
}

/// Where a picture's subject is (what differs from the backdrop at the left edge of its row): its centre (0–1),
/// how much of the picture it covers, and whether it touches the picture's edge.
fn subject_in(picture: &image::RgbaImage) -> ((f32, f32), f32, bool) {
    let (w, h) = picture.dimensions();
    let (mut lo, mut hi, mut count) = ((w, h), (0, 0), 0u32);
    for (x, y, p) in picture.enumerate_pixels() {
        let backdrop = picture.get_pixel(0, y);
        if (0..3).map(|c| (p[c] as i32 - backdrop[c] as i32).abs()).sum::<i32>() > 60 {
            lo = (lo.0.min(x), lo.1.min(y));
            hi = (hi.0.max(x), hi.1.max(y));
            count += 1;
        }
    }
    let centre = ((lo.0 + hi.0) as f32 / 2.0 / w as f32, (lo.1 + hi.1) as f32 / 2.0 / h as f32);
    let touches = count > 0 && (lo.0 == 0 || lo.1 == 0 || hi.0 == w - 1 || hi.1 == h - 1);
    (centre, count as f32 / (w * h) as f32, touches)
}

/// Frames until the design is the one wanted, the collection's work is done and every piece shows its design.
fn wait_for_the_piece(offscreen: &mut Offscreen, wanted: impl Fn(&Design) -> bool) {
    for _ in 0..10_000 {
        offscreen.update();
        let busy = offscreen.world_mut().resource::<ecrin::studio::collection::StudioCollection>().busy();
        if !busy && wanted(&offscreen.design()) && offscreen.scene_matches_design() {
            return;
        }
    }
    panic!("the piece never showed its design");
}

/// A metal ball of about a million triangles (a heavy CAD export), as GLB bytes.
fn million_triangle_model() -> Vec<u8> {
    use ecrin::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
    let ball = ecrin::geometry::mesh::sphere(bevy::math::Vec3::ZERO, 9.0, 1024);
    assert!(ball.indices.len() / 3 > 1_000_000, "{} triangles", ball.indices.len() / 3);
    let metal =
        GlbMaterial { name: "metal", base_colour: [0.9, 0.8, 0.5, 1.0], metallic: 1.0, roughness: 0.2, gem: None };
    let mesh = GlbMesh { name: "ball", material: 0, data: &ball };
    let node = GlbNode { name: "ball".into(), mesh: Some(0), transform: bevy::math::Affine3A::IDENTITY };
    write_glb(&[metal], &[mesh], &[node]).expect("glb")
}

/// Frames until the import's analysis in the background is done (the first one starts it).
fn wait_for_analysis(offscreen: &mut Offscreen) {
    offscreen.update();
    for _ in 0..10_000 {
        if !offscreen.world_mut().resource::<ecrin::studio::import::Import>().analysing() {
            return;
        }
        offscreen.update();
    }
    panic!("the analysis never ended");
}

/// Centre (x, y) of the pixels that differ between two pictures by more than `by` (mean of RGB), and how many.
fn changed_centre(a: &image::RgbaImage, b: &image::RgbaImage, by: i32) -> (f32, f32, usize) {
    let (mut sx, mut sy, mut n) = (0.0, 0.0, 0);
    for (x, y, p) in a.enumerate_pixels() {
        let q = b.get_pixel(x, y);
        if (0..3).map(|c| (p[c] as i32 - q[c] as i32).abs()).sum::<i32>() / 3 > by {
            sx += x as f32;
            sy += y as f32;
            n += 1;
        }
    }
    (sx / n.max(1) as f32, sy / n.max(1) as f32, n)
}

#[test]
fn a_necklace_hangs_on_the_bust_where_its_length_says() {
    use ecrin::design::necklace::{Necklace, PendantStyle};
    let size = 192;
    let mut offscreen = Offscreen::new(Design::default(), size, size);
    offscreen.run_until_ready(3000).expect("studio ready");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let mut pendant_height = Vec::new();
    for length_mm in [400.0, 600.0] {
        let with = Necklace { length_mm, ..Necklace::default() };
        offscreen.send(DocumentCommand::Design(DesignCommand::SetNecklace(Some(with))));
        offscreen.settle(600).expect("settled");
        let necklace = offscreen.capture().expect("necklace");
        necklace.save(out.join(format!("necklace-{length_mm}.png"))).ok();
        offscreen.send(DocumentCommand::Design(DesignCommand::SetNecklace(Some(Necklace {
            pendant: PendantStyle::None,
            ..with
        }))));
        let chain_only = offscreen.capture().expect("chain only");
        let (_, y, count) = changed_centre(&necklace, &chain_only, 12);
        assert!(count > 10, "{length_mm} mm: the pendant does not show ({count} px)");
        pendant_height.push(y);
    }
    // The camera frames every length alike: the 60 cm pendant hangs visibly lower than the 40 cm one.
    assert!(pendant_height[1] > pendant_height[0] + 8.0, "pendant rows {pendant_height:?}");

    // The bust can be hidden: the neckline's middle turns to background.
    let with_bust = offscreen.capture().expect("with bust");
    offscreen.send(ecrin::studio::necklace::ShowBust(false));
    let without = offscreen.capture().expect("without bust");
    let (_, _, hidden) = changed_centre(&with_bust, &without, 20);
    assert!(hidden > (size * size / 5) as usize, "hiding the bust changed only {hidden} px");

    // Back to the ring: the ring shows again (the necklace and bust hide).
    offscreen.send(DocumentCommand::Design(DesignCommand::SetNecklace(None)));
    offscreen.settle(600).expect("settled");
    let ring = offscreen.capture().expect("ring");
    let (_, count) = ring_pixels(&ring);
    assert!(count > (size * size / 20) as usize, "the ring is back ({count} px)");
    offscreen.exit();
}

#[test]
fn the_approval_section_writes_a_pack_in_the_clients_language_chosen_there() {
    use ecrin::studio::floor::Languages;
    use ecrin::studio::language::LanguageCommand;
    use ecrin::studio::pack::job::{PackCommand, PackJob, PackOrder};
    use ecrin::studio::pack::panel::approval_ui;
    // A French advisor preparing an English pack for a visitor, and the other way round.
    for (advisor, client) in [(Language::French, Language::English), (Language::English, Language::French)] {
        let languages = Languages { advisor, client };
        let job = PackJob::default();
        let mut harness = Harness::builder().with_size(egui::vec2(340.0, 400.0)).build_ui_state(
            |ui, (order, emitted): &mut (PackOrder, Vec<StudioCommand>)| {
                emitted.extend(approval_ui(ui, &job, order, None, &languages, true));
            },
            (PackOrder::default(), Vec::new()),
        );
        harness.run();
        // The section speaks the advisor's language; the client's is shown by its own name.
        harness.get_by_label(&advisor.tr("pack-title"));
        harness.get_by_label(&advisor.tr("language-client"));
        // The section's one list: the client's language (each language by its own name).
        harness.get_by_role(egui::accesskit::Role::ComboBox).click();
        harness.run();
        harness.get_by_role_and_label(egui::accesskit::Role::Button, advisor.own_name()).click();
        harness.run();
        harness.get_by_label(&advisor.tr("pack-write")).click();
        harness.run();
        let emitted = &harness.state().1;
        assert!(emitted.contains(&StudioCommand::from(LanguageCommand::Client(advisor))), "{emitted:?}");
        assert!(emitted.iter().any(|c| matches!(c.get::<PackCommand>(), Some(PackCommand::Write(_)))), "{emitted:?}");
    }
}

#[test]
fn the_journal_and_presets_sections_work_in_both_languages() {
    use ecrin::design::journal::Who;
    use ecrin::studio::document::panel::journal_ui;
    use ecrin::studio::presets::{PresetBrowser, PresetRequest, presets_ui};
    for l in Language::ALL {
        let mut browser = PresetBrowser::default();
        let mut harness = Harness::builder().with_size(egui::vec2(340.0, 500.0)).build_ui_state(
            |ui, emitted: &mut Vec<StudioCommand>| {
                emitted.extend(journal_ui(ui, &[], Who::Advisor, true, l));
                emitted.extend(presets_ui(ui, &mut browser, None, "Bague Éloïse", l));
            },
            Vec::new(),
        );
        harness.run();
        harness.get_by_label(&l.tr("journal-client")).click();
        harness.run();
        harness.get_by_label(&l.tr("presets-save-as")).click();
        harness.run();
        let emitted = harness.state();
        assert!(emitted.contains(&StudioCommand::from(DocumentCommand::SetProposer(Who::Client))), "{emitted:?}");
        let save_as = StudioCommand::from(PresetRequest::SaveAs("Bague Éloïse".into()));
        assert!(emitted.contains(&save_as), "{l:?}: {emitted:?}");
    }
}

#[test]
fn the_import_dialog_and_the_recovery_offer_work_in_both_languages() {
    use ecrin::geometry::house::PartUse;
    use ecrin::studio::collection::CollectionCommand;
    use ecrin::studio::import::{ImportCommand, ImportDialog, panel::import_dialog};
    use ecrin::studio::recovery::{RecoveryCommand, panel::recovery_window};
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets").join(ecrin::geometry::sample_export::SAMPLE_PATH);
    let parts = ecrin::geometry::house::read::read_parts(&path).expect("the shipped sample reads");
    let setup = ecrin::geometry::house::analyse::analyse(&parts, &Default::default())
        .map(|found| found.setup)
        .expect("and is analysed");
    assert!(setup.parts.len() >= 2 && setup.parts[0].role != PartUse::LeftOut, "{:?}", setup.parts);
    let mut platinum = Design::default();
    platinum.metal.alloy = Alloy::Platinum950;
    let variants = ecrin::design::variants::Variants::checked(vec![Design::default(), platinum], 1, None).expect("two");
    let session = ecrin::design::session::Session { variants, journal: Vec::new() };
    for l in Language::ALL {
        // The designer leaves the first part out and adds the model under the house's name.
        let dialog = ImportDialog::new(path.clone(), setup.clone(), "Bague Éloïse".into());
        let mut harness = Harness::builder().with_size(egui::vec2(1000.0, 700.0)).build_ui_state(
            |ui, (dialog, emitted): &mut (ImportDialog, Vec<StudioCommand>)| {
                emitted.extend(import_dialog(ui.ctx(), dialog, l));
            },
            (dialog, Vec::new()),
        );
        harness.run();
        harness.get_all_by_label_contains(&l.term(setup.kind)).next().expect("what the model is, in words");
        harness.get_by_label(&l.tr("import-house-allows"));
        harness.get_all_by_label(&l.tr("import-leave-out")).next().expect("a part's choices").click();
        harness.run();
        harness.get_by_label(&l.tr("import-add")).click();
        harness.run();
        let (_, emitted) = harness.state();
        let added = emitted.iter().find_map(|command| match command.get::<CollectionCommand>() {
            Some(CollectionCommand::Add { name, setup, .. }) => Some((name.clone(), setup.clone())),
            _ => None,
        });
        let (name, corrected) = added.unwrap_or_else(|| panic!("{l:?}: no Add in {emitted:?}"));
        assert_eq!(name.as_deref(), Some("Bague Éloïse"));
        assert_eq!(corrected.expect("the corrected setup").parts[0].role, PartUse::LeftOut, "{l:?}");
        assert!(emitted.contains(&StudioCommand::from(ImportCommand::CloseDialog)), "{emitted:?}");

        // After a crash, the offer names the design in the advisor's words and restores it.
        let mut harness = Harness::builder().with_size(egui::vec2(900.0, 500.0)).build_ui_state(
            |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(recovery_window(ui.ctx(), &session, l)),
            Vec::new(),
        );
        harness.run();
        harness.get_by_label_contains(&l.term(Alloy::Platinum950));
        harness.get_by_label_contains(&ecrin::tr!(l, "recovery-variants-kept", count = 2usize));
        harness.get_by_label(&l.tr("recovery-restore")).click();
        harness.run();
        assert_eq!(harness.state(), &vec![StudioCommand::from(RecoveryCommand::Restore)], "{l:?}");
    }
}

#[test]
fn the_ring_sizer_is_matched_once_per_screen_then_measures_and_sets_the_size() {
    use ecrin::design::ring_size::{self, MeasuredBy, SizeSystem};
    use ecrin::sizer::Calibration;
    use ecrin::studio::sizer::{Sizer, SizerCommand, SizerDraft, panel::sizer_window};
    let screen = "DELL U2720Q 3840×2160";
    let ring = Design::default();
    for l in Language::ALL {
        // No scale for this screen yet: the card's frame, made a point wider, then matched.
        let mut harness = Harness::builder().with_size(egui::vec2(700.0, 700.0)).build_ui_state(
            |ui, (draft, emitted): &mut (SizerDraft, Vec<StudioCommand>)| {
                emitted.extend(sizer_window(ui.ctx(), draft, None, screen, &ring, (Some(2.2), None), false, l));
            },
            (SizerDraft::default(), Vec::new()),
        );
        harness.run();
        harness.get_by_label("+").click();
        harness.run();
        harness.get_by_label(&l.tr("sizer-calibrated")).click();
        harness.run();
        let wider = SizerDraft::default().card_width_points + 1.0;
        let matched = SizerCommand::Calibrate { screen: screen.into(), card_width_points: wider };
        assert!(harness.state().1.contains(&StudioCommand::from(matched)), "{l:?}: {:?}", harness.state().1);

        // Matched: a ring of 17.3 mm inner diameter on a wide band reads US 7 and offers half a size more.
        let calibration = Calibration::from_card_width(wider).expect("a screen's scale");
        let draft = SizerDraft { ring_diameter_mm: 17.3, ..SizerDraft::default() };
        let mut harness = Harness::builder().with_size(egui::vec2(700.0, 900.0)).build_ui_state(
            |ui, (draft, emitted): &mut (SizerDraft, Vec<StudioCommand>)| {
                emitted.extend(sizer_window(
                    ui.ctx(),
                    draft,
                    Some(calibration),
                    screen,
                    &ring,
                    (Some(7.0), None),
                    false,
                    l,
                ));
            },
            (draft, Vec::new()),
        );
        harness.run();
        harness.get_by_label_contains(&format!("{} 7 (", l.term(SizeSystem::Us)));
        harness.get_by_label(&ecrin::tr!(l, "sizer-apply", size = "54")).click();
        harness.run();
        let wide = ring_size::label(SizeSystem::Eu, 54.3 + ecrin::sizer::HALF_SIZE_MM);
        harness.get_by_label(&ecrin::tr!(l, "sizer-apply-wide", size = wide)).click();
        harness.run();
        let set: Vec<f32> = harness
            .state()
            .1
            .iter()
            .filter_map(|command| match command.get::<DocumentCommand>() {
                Some(DocumentCommand::MeasuredRingSize { by, measured_mm, circumference_mm }) => {
                    assert_eq!((*by, *measured_mm), (MeasuredBy::RingOnScreen, 17.3));
                    Some(*circumference_mm)
                }
                _ => None,
            })
            .collect();
        assert_eq!(set.len(), 2, "{l:?}: {:?}", harness.state().1);
        assert!((set[0] - 54.3).abs() < 0.06 && (set[1] - set[0] - 1.3).abs() < 0.06, "{set:?}");
    }

    // A house's model made only in EU 44–50: a measured 54 cannot be set on it, and the sizer says why.
    let house = ecrin::collection::Allowed { ring_sizes_mm: (44.0, 50.0), ..Default::default() };
    let calibration = Calibration::from_card_width(323.5).expect("a screen's scale");
    let l = Language::French;
    let draft = SizerDraft { ring_diameter_mm: 17.3, ..SizerDraft::default() };
    let mut harness = Harness::builder().with_size(egui::vec2(700.0, 900.0)).build_ui_state(
        |ui, (draft, emitted): &mut (SizerDraft, Vec<StudioCommand>)| {
            let piece = (Some(2.2), Some(&house));
            emitted.extend(sizer_window(ui.ctx(), draft, Some(calibration), screen, &ring, piece, false, l));
        },
        (draft, Vec::new()),
    );
    harness.run();
    harness.get_by_label(&ecrin::tr!(l, "panel-house-sizes", min = "44", max = "50"));
    harness.get_by_label(&ecrin::tr!(l, "sizer-apply", size = "54")).click();
    harness.run();
    assert!(harness.state().1.is_empty(), "{:?}", harness.state().1);

    // In the studio: the scale is kept per screen, a necklace has no ring size, and the measurement is journaled.
    let mut app = command_app();
    app.add_plugins(ecrin::studio::sizer::headless_plugin);
    send(&mut app, SizerCommand::Calibrate { screen: screen.into(), card_width_points: 330.0 });
    send(&mut app, SizerCommand::Open);
    let sizer = app.world().resource::<Sizer>();
    assert!(sizer.open && sizer.calibration(screen).is_some() && sizer.calibration("another screen").is_none());
    let measured =
        DocumentCommand::MeasuredRingSize { by: MeasuredBy::RingOnScreen, measured_mm: 17.3, circumference_mm: 54.3 };
    send(&mut app, measured);
    assert_eq!(design(&app).ring_size_mm, 54.3);
    let journal = app.world().resource::<CurrentDesign>().journal.clone();
    let lines: Vec<String> = journal.iter().map(|e| ecrin::i18n::journal::line(Language::French, e)).collect();
    assert!(lines[0].contains("tour de doigt mesuré à l’écran\u{a0}: une bague de 17,3\u{a0}mm"), "{lines:?}");
    assert!(lines[1].contains("52 → 54"), "{lines:?}");
    send(&mut app, SizerCommand::Close);
    send(&mut app, DocumentCommand::Design(DesignCommand::SetNecklace(Some(Default::default()))));
    send(&mut app, SizerCommand::Open);
    assert!(!app.world().resource::<Sizer>().open, "a necklace has no ring size");
}

#[test]
fn in_present_mode_the_client_tries_metals_and_stones_and_the_journal_says_it_was_the_client() {
    use ecrin::design::Species;
    use ecrin::design::journal::Who;
    use ecrin::studio::present::{PresentCommand, Presenting, panel::present_strip};
    let shown = Design::default();
    for l in Language::ALL {
        let mut harness = Harness::builder().with_size(egui::vec2(1200.0, 700.0)).build_ui_state(
            |ui, emitted: &mut Vec<StudioCommand>| {
                let price = Some("9 340 €".to_string());
                emitted.extend(present_strip(ui.ctx(), &shown, None, price, l).0);
            },
            Vec::new(),
        );
        harness.run();
        harness.get_by_label("9 340 €");
        let button = egui::accesskit::Role::Button;
        harness.get_by_role_and_label(button, &l.short_term(Species::BlueSapphire)).click();
        harness.run();
        harness.get_by_role_and_label(button, &l.short_term(Alloy::Platinum950)).click();
        harness.run();
        harness.get_by_label(&l.tr("present-leave")).click();
        harness.run();
        let expected = [
            DocumentCommand::ByClient(DesignCommand::SetSpecies(Species::BlueSapphire)).into(),
            DocumentCommand::ByClient(DesignCommand::SetAlloy(Alloy::Platinum950)).into(),
            StudioCommand::from(PresentCommand::Leave),
        ];
        assert_eq!(harness.state().as_slice(), &expected, "{l:?}");
    }

    // In the studio: entering and leaving change nothing of the design; the client's changes are the client's.
    let mut app = command_app();
    app.add_plugins(ecrin::studio::present::plugin);
    send(&mut app, PresentCommand::Enter { show_price: true });
    assert_eq!(
        *app.world().resource::<Presenting>(),
        Presenting { on: true, show_price: true, ..Presenting::default() }
    );
    send(&mut app, DocumentCommand::ByClient(DesignCommand::SetAlloy(Alloy::Platinum950)));
    send(&mut app, PresentCommand::Leave);
    assert!(!app.world().resource::<Presenting>().on);
    assert_eq!(design(&app).metal.alloy, Alloy::Platinum950);
    let current = app.world().resource::<CurrentDesign>();
    assert_eq!(current.proposer, Who::Advisor, "the advisor's toggle is left as it was");
    assert_eq!(current.journal.iter().map(|e| e.who).collect::<Vec<_>>(), [Who::Client]);
}

#[test]
fn the_clients_screen_shows_the_same_piece_and_follows_a_change_and_the_camera() {
    let mut offscreen = Offscreen::new(Design::default(), 320, 240);
    offscreen.run_until_ready(2000).expect("ready");
    let client = offscreen.open_client_screen(320, 240);
    offscreen.settle(600).expect("settled");
    let (studio, screen) = (offscreen.capture().expect("studio"), offscreen.capture_of(&client).expect("client"));
    let ((gold, shown), (studio_gold, _)) = (ring_pixels(&screen), ring_pixels(&studio));
    assert!(shown > 2000, "the client sees the ring: {shown} pixels");
    let close = |a: [f64; 3], b: [f64; 3]| (0..3).all(|c| (a[c] - b[c]).abs() < 6.0);
    assert!(close(gold, studio_gold), "the same light and metal: {gold:?} against {studio_gold:?}");

    // A change of metal reaches the client's screen with the studio's, and so does the camera.
    offscreen.send(DocumentCommand::Design(DesignCommand::SetAlloy(Alloy::Platinum950)));
    wait_for_the_piece(&mut offscreen, |d| d.metal.alloy == Alloy::Platinum950);
    offscreen.update();
    let (platinum, _) = ring_pixels(&offscreen.capture_of(&client).expect("client"));
    let warmth = |c: [f64; 3]| c[0] - c[2];
    assert!(warmth(platinum) < warmth(gold) - 10.0, "gold {gold:?} became platinum {platinum:?}");
    offscreen.orbit_by(1.2);
    offscreen.update();
    let (studio, screen) = (offscreen.capture().expect("studio"), offscreen.capture_of(&client).expect("client"));
    let differing =
        studio.pixels().zip(screen.pixels()).filter(|(a, b)| (0..3).any(|c| a[c].abs_diff(b[c]) > 24)).count();
    assert!(
        differing * 50 < studio.pixels().len(),
        "seen from where the studio's camera went: {differing} pixels differ"
    );

    // Turning by itself, the client's screen goes round the piece; back to following, it stands with the studio.
    use ecrin::studio::present::{Presenting, screen::ClientCamera};
    let places = |offscreen: &mut Offscreen| {
        let world = offscreen.world_mut();
        let mut client = world.query_filtered::<&Transform, With<ClientCamera>>();
        let client = *client.single(world).expect("the client's camera");
        let mut studio = world.query_filtered::<&Transform, With<ecrin::studio::camera::StudioCamera>>();
        (client, *studio.single(world).expect("the studio's camera"))
    };
    offscreen.world_mut().insert_resource(Presenting { screen_turning: true, ..Presenting::default() });
    for _ in 0..3 {
        offscreen.update();
    }
    let (client, studio) = places(&mut offscreen);
    assert!(client.translation.distance(studio.translation) > 0.5, "{client:?} turned away from {studio:?}");
    assert!((client.translation.length() - studio.translation.length()).abs() < 0.01, "at the studio's distance");
    offscreen.world_mut().insert_resource(Presenting::default());
    offscreen.update();
    let (client, studio) = places(&mut offscreen);
    assert_eq!(client, studio);
    offscreen.exit();
}

#[test]
fn a_corrupt_autosave_is_set_aside_with_the_date_and_the_studio_starts_clean_and_says_so() {
    use ecrin::studio::recovery::RecoveryOffer;
    let folder = std::env::temp_dir().join(format!("ecrin-corrupt-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join("autosave.ron");
    std::fs::write(&path, "(version: 2, variants: [[[[").expect("a broken autosave");
    let app = recovery_app(&path);
    assert!(app.world().resource::<RecoveryOffer>().0.is_none(), "nothing to offer");
    assert!(!path.exists(), "the broken file is no longer where the next autosave goes");
    let aside: Vec<_> = std::fs::read_dir(&folder).expect("folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let name = aside[0].to_string_lossy().into_owned();
    assert!(name.starts_with("autosave.ron.corrupt-20"), "{name}");
    assert_eq!(std::fs::read_to_string(folder.join(&name)).expect("kept"), "(version: 2, variants: [[[[");
    let status = app.world().resource::<StatusLine>();
    assert!(status.is_error && status.text(Language::French).contains(&name), "{}", status.text(Language::French));
    assert_eq!(design(&app), Design::default(), "the studio starts clean");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_corrupt_settings_file_is_set_aside_with_the_date_and_the_studio_says_so() {
    let folder = std::env::temp_dir().join(format!("ecrin-corrupt-settings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join("settings.ron");
    std::fs::write(&path, "(version: 1, advisor_language: Klingon").expect("a broken settings file");
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(ecrin::studio::core_plugin)
        .add_plugins(ecrin::studio::language::plugin_with(Some(path.clone())));
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.update();
    assert!(!path.exists(), "the broken file is out of the way of the next save");
    let names: Vec<_> = std::fs::read_dir(&folder).expect("folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let name = names[0].to_string_lossy().into_owned();
    assert!(name.starts_with("settings.ron.corrupt-20"), "{name}");
    let status = app.world().resource::<StatusLine>();
    for language in [Language::English, Language::French] {
        assert!(status.is_error && status.text(language).contains(&name), "{}", status.text(language));
    }
    assert_eq!(*app.world().resource::<ecrin::studio::floor::Languages>(), Default::default());
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_day_of_five_thousand_commands_leaks_nothing_and_every_save_reopens_equal() {
    // Its own process, so that its memory is its own: eight commands a frame, every kind of change, the scene
    // following each frame, the autosave writing; the soak's exit code says whether everything held.
    // An empty collection: Écrin's own pieces only, the same day on every machine.
    let collection = std::env::temp_dir().join(format!("ecrin-soak-collection-{}", std::process::id()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ecrin"))
        .arg("--collection")
        .arg(&collection)
        .args(["soak", "--commands", "5000", "--seed", "16", "--size", "64", "--per-frame", "8"])
        .output()
        .expect("the soak ran");
    let said = String::from_utf8_lossy(&output.stdout);
    let end = said.lines().find(|l| l.contains("\"soak\":\"end\"")).unwrap_or_default();
    assert!(output.status.success(), "{said}\n{}", String::from_utf8_lossy(&output.stderr));
    for flat in ["entities", "meshes", "materials", "images"] {
        assert!(end.contains(&format!("\"{flat}_growth_pct\":0.0")), "{flat} grew: {end}");
    }
}

#[test]
fn client_data_lists_a_clients_packs_and_erases_them_after_a_confirmation() {
    use ecrin::approval::clients::{ApprovalRecord, RECORD_FILE};
    use ecrin::studio::clients::{ClientData, ClientDataCommand};
    let approvals = std::env::temp_dir().join(format!("ecrin-client-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&approvals);
    for (folder, client) in [("Solitaire", Some("Léa Martin")), ("Alliance", Some("Paul Durand")), ("Catalogue", None)]
    {
        std::fs::create_dir_all(approvals.join(folder)).expect("pack");
        let record = ApprovalRecord::new(client, folder, "2026-12-01");
        std::fs::write(approvals.join(folder).join(RECORD_FILE), record.to_ron()).expect("record");
    }
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(ecrin::studio::core_plugin)
        .add_plugins(ecrin::studio::clients::plugin_with(approvals.clone()));
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.update();
    let settle = |app: &mut App| {
        for _ in 0..400 {
            app.update();
            if !app.world().resource::<ClientData>().busy() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the folder's work did not end");
    };
    send(&mut app, ClientDataCommand::Refresh);
    settle(&mut app);
    let listed = app.world().resource::<ClientData>().listed.clone().expect("read");
    assert_eq!(listed, vec![("Léa Martin".to_string(), 1), ("Paul Durand".to_string(), 1)]);
    send(&mut app, ClientDataCommand::AskErase("Léa Martin".into()));
    assert_eq!(app.world().resource::<ClientData>().confirming.as_deref(), Some("Léa Martin"));
    assert!(approvals.join("Solitaire").exists(), "asking removes nothing");
    send(&mut app, ClientDataCommand::Erase("Léa Martin".into()));
    settle(&mut app);
    settle(&mut app);
    assert!(!approvals.join("Solitaire").exists() && approvals.join("Alliance").exists());
    let status = app.world().resource::<StatusLine>().text(Language::French);
    assert!(status.contains("Léa Martin") && status.contains("un dossier supprimé"), "{status}");
    let listed = app.world().resource::<ClientData>().listed.clone().expect("read again");
    assert_eq!(listed, vec![("Paul Durand".to_string(), 1)]);
    let _ = std::fs::remove_dir_all(&approvals);
}

#[test]
fn the_autosaves_period_chosen_in_client_data_is_kept_in_the_settings_and_removes_older_autosaves() {
    use ecrin::studio::clients::{ClientData, ClientDataCommand};
    use ecrin::studio::language::settings::{KeptAutosaves, Settings};
    let folder = std::env::temp_dir().join(format!("ecrin-autosaves-period-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("folder");
    let (settings, autosave) = (folder.join("settings.ron"), folder.join("autosave.ron"));
    let aged = |days: u64| {
        std::fs::write(&autosave, b"(version: 1)").expect("an autosave");
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
        std::fs::File::options().write(true).open(&autosave).and_then(|f| f.set_modified(then)).expect("aged");
    };
    aged(10);
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(ecrin::studio::core_plugin)
        .add_plugins(ecrin::studio::language::plugin_with(Some(settings.clone())))
        .add_plugins(ecrin::studio::clients::plugin_with(folder.join("Validations")));
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.insert_resource(ecrin::studio::recovery::Autosave::at(autosave.clone()));
    app.update();
    assert_eq!(*app.world().resource::<KeptAutosaves>(), KeptAutosaves(30), "30 days unless chosen");
    assert!(!settings.exists(), "nothing chosen, nothing written");

    send(&mut app, ClientDataCommand::KeepAutosaves(7));
    for _ in 0..400 {
        app.update();
        if !app.world().resource::<ClientData>().busy() && Settings::load(&settings).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(*app.world().resource::<KeptAutosaves>(), KeptAutosaves(7));
    assert!(!autosave.exists(), "a 10-day-old autosave goes when 7 days are kept");
    let status = app.world().resource::<StatusLine>();
    assert!(status.text(Language::French).contains("7 jours"), "{}", status.text(Language::French));
    assert!(status.text(Language::English).contains("1 older autosave removed"), "{}", status.text(Language::English));
    let written = Settings::load(&settings).expect("the settings written");
    assert_eq!(written.keep_autosaves_days, 7);
    drop(app);

    // The next start reads the period: a 10-day-old autosave is removed before the restore is offered.
    aged(10);
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(ecrin::studio::core_plugin)
        .add_plugins(ecrin::studio::language::plugin_with(Some(settings.clone())));
    app.insert_resource(CurrentDesign::new(Design::default()));
    app.insert_resource(ecrin::studio::recovery::Autosave::at(autosave.clone()));
    app.add_plugins(ecrin::studio::recovery::plugin);
    app.update();
    assert_eq!(*app.world().resource::<KeptAutosaves>(), KeptAutosaves(7));
    assert!(!autosave.exists(), "removed at start with the period chosen");
    assert!(app.world().resource::<ecrin::studio::recovery::RecoveryOffer>().0.is_none());
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn choosing_how_long_autosaves_are_kept_emits_one_command() {
    use ecrin::studio::clients::panel::client_data_ui;
    use ecrin::studio::clients::{ClientData, ClientDataCommand};
    use ecrin::studio::language::settings::KeptAutosaves;
    let mut data = ClientData::default();
    data.listed = Some(Vec::new());
    let l = Language::French;
    let mut harness = Harness::new_ui_state(
        |ui, emitted: &mut Vec<StudioCommand>| emitted.extend(client_data_ui(ui, &data, KeptAutosaves(30), l)),
        Vec::new(),
    );
    harness.run();
    harness.get_by_label(&l.tr("client-data-title")).click();
    harness.run();
    let days = |count: u32| ecrin::tr!(l, "client-data-days", count = count);
    let combo = harness.get_by_role(egui::accesskit::Role::ComboBox);
    assert_eq!(combo.value().as_deref(), Some(days(30).as_str()), "the period in force is shown");
    combo.click();
    harness.run();
    harness.get_by_label(&days(7)).click();
    harness.run();
    let kept: Vec<_> = harness
        .state()
        .iter()
        .filter(|c| matches!(c.get::<ClientDataCommand>(), Some(ClientDataCommand::KeepAutosaves(_))))
        .collect();
    assert_eq!(kept, [&StudioCommand::from(ClientDataCommand::KeepAutosaves(7))]);
}

#[test]
fn a_model_of_many_parts_keeps_the_import_dialogs_buttons_on_a_720_pixel_screen() {
    use ecrin::studio::import::{ImportDialog, panel::import_dialog};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/house-ring-rhino.glb");
    let parts = ecrin::geometry::house::read::read_parts(&path).expect("the shipped sample reads");
    let setup = ecrin::geometry::house::analyse::analyse(&parts, &Default::default())
        .map(|found| found.setup)
        .expect("and is analysed");
    assert!(setup.parts.len() >= 20, "a model of many parts: {}", setup.parts.len());
    let l = Language::French;
    let dialog = ImportDialog::new(path, setup, "Bague Éloïse".into());
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 720.0)).build_ui_state(
        |ui, (dialog, emitted): &mut (ImportDialog, Vec<StudioCommand>)| {
            emitted.extend(import_dialog(ui.ctx(), dialog, l));
        },
        (dialog, Vec::new()),
    );
    harness.run();
    for button in ["import-add", "import-cancel"] {
        let rect = harness.get_by_label(&l.tr(button)).rect();
        assert!(rect.min.y >= 0.0 && rect.max.y <= 720.0, "{button} at {rect:?}, off the screen");
    }
    let title = harness.get_by_label_contains("house-ring-rhino.glb").rect();
    assert!(title.min.y >= 0.0, "the title at {title:?}");
}

#[test]
fn a_model_of_no_wearable_size_asks_for_its_size_in_the_advisors_words_and_is_read_again_with_it() {
    use ecrin::geometry::glb::{GlbMaterial, GlbMesh, GlbNode, write_glb};
    use ecrin::studio::import::{Import, ImportCommand, ReadAs, panel::size_question};
    // A band drawn 1.64 times too small for millimetres and 6 times too large for centimetres: a web export whose
    // finger hole is 2.8 units across, which no unit makes a ring someone can wear.
    let band = ecrin::geometry::shank::shank(ecrin::design::ShankStyle::ComfortFit);
    let gold = GlbMaterial {
        name: "Yellow Gold",
        base_colour: [0.9, 0.8, 0.5, 1.0],
        metallic: 1.0,
        roughness: 0.2,
        gem: None,
    };
    let scale = bevy::math::Affine3A::from_scale(bevy::math::Vec3::splat(0.164));
    let bytes = write_glb(
        &[gold],
        &[GlbMesh { name: "band", material: 0, data: &band }],
        &[GlbNode { name: "band".into(), mesh: Some(0), transform: scale }],
    )
    .expect("glb");
    let path = std::env::temp_dir().join(format!("ecrin-unwearable-{}.glb", std::process::id()));
    std::fs::write(&path, bytes).expect("written");
    let mut app = command_app();
    app.add_message::<bevy::window::FileDragAndDrop>().add_plugins(ecrin::studio::import::plugin);
    let wait = |app: &mut App| {
        for _ in 0..5000 {
            app.update();
            if !app.world().resource::<Import>().analysing() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("the analysis never came back");
    };
    StudioCommand::from(ImportCommand::Open(path.clone())).send_to(app.world_mut());
    wait(&mut app);
    let import = app.world().resource::<Import>();
    assert!(import.dialog.is_none(), "no dialog for a model of no size");
    let question = import.size_question.as_ref().expect("its size is asked");
    assert_eq!(question.read_as.kind, ecrin::geometry::house::ModelKind::Band, "what the analysis found it to be");
    let (english, french) = (question.why.in_language(Language::English), question.why.in_language(Language::French));
    assert!(english.contains("no unit makes this ring one someone can wear"), "{english}");
    assert!(french.contains("aucune unité") && !french.contains("no unit"), "{french}");
    for l in Language::ALL {
        let mut question = ecrin::studio::import::SizeQuestion {
            path: path.clone(),
            why: question.why.clone(),
            read_as: question.read_as.clone(),
        };
        let mut harness = Harness::builder().with_size(egui::vec2(900.0, 400.0)).build_ui(|ui| {
            let _ = size_question(ui.ctx(), &mut question, l);
        });
        harness.run();
        harness.get_by_label_contains(&question_words(l));
        harness.get_by_label(&l.tr("import-read-again"));
    }
    // Read again as a ring of 18 mm inside: the dialog opens with that size.
    let read_as = ReadAs { kind: ecrin::geometry::house::ModelKind::Band, units: None, inner_diameter_mm: Some(18.0) };
    StudioCommand::from(ImportCommand::ReadAs(path.clone(), read_as)).send_to(app.world_mut());
    wait(&mut app);
    let import = app.world().resource::<Import>();
    let dialog = import.dialog.as_ref().expect("the import dialog, with the size given");
    assert!((dialog.setup.inner_diameter_mm.expect("a finger hole") - 18.0).abs() < 0.05);
    assert!(import.size_question.is_none());
    let _ = std::fs::remove_file(&path);
}

/// The size question's first words in a language (what the analysis says, then what to give).
fn question_words(l: Language) -> String {
    l.tr("import-size-ask").chars().take(12).collect()
}

#[test]
fn the_bench_checks_say_what_to_fix_with_its_limit_and_source_in_both_languages() {
    use ecrin::studio::workshop::WorkshopCommand;
    use ecrin::studio::workshop::panel::{bench_sheet_ui, checks_ui, export_ui};
    let small = Design { setting: Setting::SixProng, ..Design::default() };
    let thin = Design { stone: ecrin::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
    for l in Language::ALL {
        for (design, fails) in [(&thin, true), (&Design::default(), false)] {
            let mut harness = Harness::builder().with_size(egui::vec2(340.0, 600.0)).build_ui_state(
                |ui, asked: &mut Vec<StudioCommand>| {
                    checks_ui(ui, design, l);
                    asked.extend(export_ui(ui, design, false, l));
                    asked.extend(bench_sheet_ui(ui, design, false, l));
                },
                Vec::new(),
            );
            harness.run();
            // The export for the bench and the bench sheet: offered when nothing is under a hard limit, greyed (and
            // saying why) otherwise.
            harness.get_by_label(&l.tr("workshop-export")).click();
            harness.run();
            harness.get_by_label(&l.tr("workshop-sheet")).click();
            harness.run();
            let asked: Vec<StudioCommand> = if fails {
                vec![]
            } else {
                vec![WorkshopCommand::ExportModel.into(), WorkshopCommand::BenchSheet.into()]
            };
            assert_eq!(harness.state(), &asked, "{l:?}");
            let title = l.tr("workshop-title");
            harness.get_by_label_contains(&title);
            let findings = ecrin::workshop::checks(design);
            let hard = findings.iter().filter(|f| f.is_hard()).count();
            assert_eq!(hard > 0, fails, "{l:?}: {findings:?}");
            if fails {
                // Opened by itself: the prongs' line says the figure, the limit and where the limit comes from.
                let prongs = findings.iter().find(|f| f.rule == ecrin::workshop::limits::Rule::Prongs).expect("prongs");
                harness.get_by_label(&prongs.in_language(l));
                assert!(prongs.in_language(l).contains("Gemwares"), "{l:?}");
            } else {
                let soft = findings.iter().filter(|f| f.is_soft()).count();
                let summary = match soft {
                    0 => ecrin::tr!(l, "workshop-summary-pass", count = findings.len()),
                    _ => ecrin::tr!(l, "workshop-summary", hard = 0usize, soft = soft),
                };
                harness.get_by_label_contains(&summary);
            }
        }
    }
}

#[test]
fn a_bench_sheet_for_a_design_under_a_hard_limit_is_refused_before_anything_starts() {
    use ecrin::studio::workshop::WorkshopCommand;
    use ecrin::studio::workshop::sheet_job::BenchSheetJob;
    let small = Design { setting: Setting::SixProng, ..Design::default() };
    let thin = Design { stone: ecrin::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("thin-bench-sheet.pdf");
    let _ = std::fs::remove_file(&path);
    let mut app = command_app();
    app.add_plugins(ecrin::studio::workshop::plugin);
    app.insert_resource(CurrentDesign::new(thin));
    send(&mut app, WorkshopCommand::WriteBenchSheet(path.clone()));
    assert!(!app.world().resource::<BenchSheetJob>().busy(), "nothing started");
    let status = app.world().resource::<StatusLine>();
    for l in Language::ALL {
        let said = status.text(l);
        assert!(status.is_error && said.contains(&l.tr("workshop-prongs")) && said.contains("Gemwares"), "{said}");
    }
    assert!(!path.exists());
}

#[test]
fn the_bench_files_are_written_off_the_frame_and_a_design_under_a_hard_limit_is_refused_with_its_source() {
    use ecrin::studio::workshop::{BenchExport, WorkshopCommand};
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-files");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("folder");
    let small = Design { setting: Setting::SixProng, ..Design::default() };
    let thin = Design { stone: ecrin::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
    for (design, file, written) in [(Design::default(), "ring.3mf", true), (thin, "thin.stl", false)] {
        let mut app = command_app();
        app.add_plugins(ecrin::studio::workshop::plugin);
        app.insert_resource(CurrentDesign::new(design));
        let path = folder.join(file);
        send(&mut app, WorkshopCommand::WriteModel(path.clone()));
        let started = std::time::Instant::now();
        while app.world().resource::<BenchExport>().busy() && started.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(5));
            app.update();
        }
        let status = app.world().resource::<StatusLine>();
        let said = status.text(Language::English);
        assert_eq!(path.exists(), written, "{said}");
        assert_eq!(status.is_error, !written, "{said}");
        if written {
            assert!(said.contains("ring.3mf") && said.contains("ring-stones.csv"), "{said}");
        } else {
            assert!(said.contains("Prongs") && said.contains("Gemwares"), "{said}");
        }
    }
}
