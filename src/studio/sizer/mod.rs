//! The ring sizer in the studio (a window over it, opened from the ring-size section): match a bank card once per
//! screen, then a ring that fits laid on the screen or a strip of paper on the true-scale ruler gives the client's
//! size in every system with its uncertainty and the jeweller's advice; the advisor sets it on the design (journaled
//! as measured). A printable sizer for a client measuring at home is written next to the approval packs. The
//! measuring itself is `crate::sizer`; this feature owns `SizerCommand`.

pub mod panel;
pub mod screens;

use super::StudioSystems;
use crate::design::ring_size::MeasuredBy;
use crate::i18n::errors::Said;
use crate::said;
use crate::sizer::Calibration;
use crate::studio::floor::Languages;
use crate::studio::floor::background::Background;
use crate::studio::floor::{CurrentDesign, StatusLine};
use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, WindowPosition};
use screens::ScreenScales;
use std::path::PathBuf;

/// What the advisor asks of the sizer.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum SizerCommand {
    Open,
    Close,
    /// The card matched on this screen: remember its scale.
    Calibrate {
        screen: String,
        card_width_points: f32,
    },
    /// Match the card again on this screen.
    Recalibrate,
    /// Write the printable sizer, in the client's language, next to the approval packs.
    WritePrintable,
}

crate::carried!(SizerCommand);

/// What the sizer window is showing, as the advisor sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct SizerDraft {
    pub method: MeasuredBy,
    /// The frame matched to the card, points.
    pub card_width_points: f32,
    /// The circle matched to the ring's inner edge, mm.
    pub ring_diameter_mm: f32,
    /// The paper strip's length read on the ruler, mm.
    pub strip_mm: f32,
}

impl Default for SizerDraft {
    fn default() -> Self {
        // A 96-dpi screen's card, a ring of EU 52, a strip of 52 mm: where most people start.
        SizerDraft {
            method: MeasuredBy::RingOnScreen,
            card_width_points: 323.5,
            ring_diameter_mm: 16.55,
            strip_mm: 52.0,
        }
    }
}

/// The sizer: open or not, the screens' scales, what is being matched.
#[derive(Resource, Default)]
pub struct Sizer {
    pub open: bool,
    /// The card is being matched again on the current screen.
    pub recalibrating: bool,
    pub scales: ScreenScales,
    pub draft: SizerDraft,
    /// Where the scales are kept (none: not kept, as in tests).
    file: Option<PathBuf>,
    saving: Option<Background<Result<(), Said>>>,
    printing: Option<Background<Result<PathBuf, Said>>>,
}

impl Sizer {
    /// A sizer whose screens' scales are kept in `file`, and the file's trouble if it was there but unreadable
    /// (the caller sets it aside).
    pub fn read_from(file: Option<PathBuf>) -> (Sizer, Option<(PathBuf, crate::studio::floor::files::UserFileError)>) {
        let read = file.as_deref().map(ScreenScales::read).unwrap_or(Ok(ScreenScales::default()));
        let (scales, trouble) = match read {
            Ok(scales) => (scales, None),
            Err(reason) => (ScreenScales::default(), file.clone().map(|file| (file, reason))),
        };
        (Sizer { scales, file, ..Sizer::default() }, trouble)
    }

    /// The scale of a screen, unless the card is being matched again.
    pub fn calibration(&self, screen: &str) -> Option<Calibration> {
        self.scales.of(screen).filter(|_| !self.recalibrating)
    }

    pub fn is_printing(&self) -> bool {
        self.printing.is_some()
    }
}

/// The screen the studio's window is on: its name and size ("DELL U2720Q 3840×2160"), as the scales are kept.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct CurrentScreen(pub String);

pub(super) fn plugin(app: &mut App) {
    let (sizer, trouble) = Sizer::read_from(screens::screens_path());
    if let Some((file, reason)) = trouble {
        app.add_systems(Startup, move |mut status: ResMut<crate::studio::floor::StatusLine>| {
            *status = crate::studio::floor::files::set_aside_unreadable(&file, &reason);
        });
    }
    app.insert_resource(sizer)
        .init_resource::<CurrentScreen>()
        .add_message::<SizerCommand>()
        .add_systems(
            Update,
            (follow_screen, carry_out_commands, follow_background).chain().in_set(StudioSystems::Input),
        )
        .add_systems(bevy_egui::EguiPrimaryContextPass, panel::sizer_ui);
}

/// Headless apps and tests: the sizer's commands without a window or a settings file.
pub fn headless_plugin(app: &mut App) {
    app.init_resource::<Sizer>()
        .init_resource::<CurrentScreen>()
        .add_message::<SizerCommand>()
        .add_systems(Update, (carry_out_commands, follow_background).chain().in_set(StudioSystems::Input));
}

/// The monitor holding the window's position, else the primary one (looked for again when a monitor or the window
/// changes).
fn follow_screen(
    monitors: Query<(&Monitor, Has<PrimaryMonitor>)>,
    window: Query<&Window, With<PrimaryWindow>>,
    changed: Query<(), Or<(Changed<Monitor>, Changed<Window>)>>,
    mut screen: ResMut<CurrentScreen>,
) {
    if changed.is_empty() && !screen.0.is_empty() {
        return;
    }
    let at = window.single().ok().and_then(|w| match w.position {
        WindowPosition::At(position) => Some(position),
        _ => None,
    });
    let holds = |m: &Monitor, p: IVec2| {
        let size = IVec2::new(m.physical_width as i32, m.physical_height as i32);
        p.cmpge(m.physical_position).all() && p.cmplt(m.physical_position + size).all()
    };
    let monitor = at
        .and_then(|p| monitors.iter().find(|(m, _)| holds(m, p)))
        .or_else(|| monitors.iter().find(|(_, primary)| *primary))
        .map(|(m, _)| m);
    let name =
        monitor.map(|m| format!("{} {}×{}", m.name.as_deref().unwrap_or("?"), m.physical_width, m.physical_height));
    if let Some(name) = name
        && screen.0 != name
    {
        screen.0 = name;
    }
}

fn carry_out_commands(
    mut commands: MessageReader<SizerCommand>,
    mut sizer: ResMut<Sizer>,
    current: Res<CurrentDesign>,
    languages: Option<Res<Languages>>,
) {
    let languages = languages.map(|l| *l).unwrap_or_default();
    for command in commands.read() {
        match command {
            SizerCommand::Open => sizer.open = current.design().necklace.is_none(),
            SizerCommand::Close => (sizer.open, sizer.recalibrating) = (false, false),
            SizerCommand::Recalibrate => sizer.recalibrating = true,
            SizerCommand::Calibrate { screen, card_width_points } => {
                match Calibration::from_card_width(*card_width_points) {
                    Ok(calibration) => {
                        sizer.scales.set(screen, calibration);
                        sizer.recalibrating = false;
                        if let Some(file) = sizer.file.clone() {
                            let scales = sizer.scales.clone();
                            sizer.saving = Some(Background::compute(move || {
                                scales.save(&file).map_err(|e| {
                                    let folder = file.display().to_string();
                                    said!("cli-cannot-write-file", file = folder, reason = e.to_string())
                                })
                            }));
                        }
                    }
                    Err(error) => warn!("{error}"),
                }
            }
            SizerCommand::WritePrintable if sizer.printing.is_none() => {
                sizer.printing = Some(Background::compute(move || write_printable(languages)));
            }
            SizerCommand::WritePrintable => {}
        }
    }
}

/// The printable sizer in the client's language, next to the approval packs (off the frame).
fn write_printable(languages: Languages) -> Result<PathBuf, Said> {
    let folder = crate::studio::floor::files::approvals_dir(languages.advisor);
    std::fs::create_dir_all(&folder).map_err(|e| {
        said!("status-cannot-create-folder", folder = folder.display().to_string(), reason = e.to_string())
    })?;
    let date = crate::approval::iso_date(crate::design::journal::now());
    let stem = format!("{} {date}", languages.client.tr("sizer-file"));
    let path = crate::studio::floor::files::unused_path(&folder, &stem, ".png");
    let page = crate::approval::sizer_page::sizer_page(languages.client);
    crate::png::save_print_png(&page, crate::approval::sizer_page::DOTS_PER_INCH, &path)
        .map_err(|e| Said::new(move |l| e.in_language(l)))?;
    Ok(path)
}

fn follow_background(mut sizer: ResMut<Sizer>, mut status: ResMut<StatusLine>) {
    if let Some(outcome) = sizer.saving.as_ref().and_then(Background::outcome) {
        sizer.saving = None;
        if let Some(Err(said)) = outcome {
            *status = StatusLine::error(said);
        }
    }
    if let Some(outcome) = sizer.printing.as_ref().and_then(Background::outcome) {
        sizer.printing = None;
        *status = match outcome {
            Some(Ok(path)) => StatusLine::info(said!("status-sizer-written", file = path.display().to_string())),
            Some(Err(said)) => StatusLine::error(said),
            None => StatusLine::default(),
        };
    }
}
