//! Writing an approval pack: the views as PNG, the turntable (GIF, MP4 video, PNG frames), the preset, the approval sheet (PNG
//! and PDF) and the bench sheet (PDF, in the advisor's language, for a design the bench can make as drawn),
//! into one folder that appears only when complete (`approval::pack`). Reports progress and can be cancelled
//! between pictures; used by `ecrin pack` and, through that command in a child process, by the studio.

pub mod job;
pub mod panel;

use super::export::{ExportSettings, Exporter};
use crate::approval::clients::ApprovalRecord;
use crate::approval::pack::{PackWriter, safe_file_stem};
use crate::approval::sheet::{SheetContent, approval_sheet};
use crate::approval::{View, spec_rows};
use crate::design::journal::{JournalEntry, now};
use crate::design::{Design, preset};
use crate::documents::bench::{BenchSheet, bench_sheet_pdf};
use crate::estimate::price::PriceList;
use crate::i18n::{Language, format};
use crate::png::png_bytes;
use crate::tr;
use bevy::prelude::*;
use std::path::PathBuf;

/// What goes into a pack.
pub struct PackRequest {
    pub design: Design,
    /// The co-design journal; written into the preset and the sheet only with `include_journal`.
    pub journal: Vec<JournalEntry>,
    pub include_journal: bool,
    /// The ring on the display hand as one more view (not for a necklace).
    pub hand_view: bool,
    /// Shown on the sheet when given (privacy: optional).
    pub client: Option<String>,
    pub prices: Option<PriceList>,
    /// The views' renders.
    pub views: ExportSettings,
    /// Turntable frames (0: none) and their size.
    pub turntable_frames: u32,
    pub turntable_size: u32,
    /// The folder to create, and whether an existing one may be replaced (only once the new one is complete).
    pub destination: PathBuf,
    pub replace: bool,
    /// The client's language: the sheet, the file names and the journal's lines.
    pub client_language: Language,
    /// The advisor's language: the progress lines.
    pub language: Language,
    /// Pictures of the ring on the client's own hand, kept with the client's consent (the try-on's snapshots):
    /// written into the pack as they are, and erased with it.
    pub try_on: Vec<image::RgbImage>,
}

/// How far the pack is: step `done` of `total`, and what is being made.
pub struct PackProgress<'a> {
    pub done: usize,
    pub total: usize,
    pub doing: &'a str,
}

/// Why a pack could not be written (said in a language by `message`, naming the file).
#[derive(Debug, thiserror::Error)]
pub enum WritePackError {
    #[error(transparent)]
    Pack(#[from] crate::approval::pack::PackError),
    #[error(transparent)]
    Render(#[from] super::export::ExportError),
    #[error(transparent)]
    Picture(#[from] crate::png::PngError),
    #[error("{folder}: cannot create the folder: {source}")]
    Folder { folder: String, source: std::io::Error },
    #[error("the turntable's GIF could not be encoded: {0}")]
    Gif(#[from] image::ImageError),
    #[error("the turntable's video could not be encoded: {0}")]
    Video(#[from] crate::video::VideoError),
    #[error(transparent)]
    Pdf(#[from] crate::documents::PdfError),
    #[error(transparent)]
    BenchSheet(#[from] crate::documents::bench::BenchSheetError),
    /// A view the sheet needs was not rendered (a bug).
    #[error("a view the sheet needs is missing")]
    ViewMissing,
}

impl WritePackError {
    pub fn in_language(&self, l: Language) -> String {
        match self {
            WritePackError::Pack(error) => error.in_language(l),
            WritePackError::Render(error) => error.in_language(l),
            WritePackError::Picture(error) => error.in_language(l),
            WritePackError::Folder { folder, source } => {
                tr!(l, "status-cannot-create-folder", folder = folder.as_str(), reason = source.to_string())
            }
            WritePackError::Gif(error) => tr!(l, "error-cannot-write", reason = error.to_string()),
            WritePackError::Video(error) => tr!(l, "error-cannot-write", reason = error.to_string()),
            WritePackError::ViewMissing => tr!(l, "pack-view-missing"),
            WritePackError::Pdf(error) => tr!(l, "error-cannot-write", reason = error.to_string()),
            WritePackError::BenchSheet(error) => error.in_language(l),
        }
    }
}

/// Writes the pack. `Ok(None)` when `progress` asked to stop (nothing is left behind).
pub fn write_pack(
    request: &PackRequest,
    progress: &mut dyn FnMut(PackProgress) -> bool,
) -> Result<Option<PathBuf>, WritePackError> {
    let stem = safe_file_stem(&request.design.name);
    let (l, client) = (request.language, request.client_language);
    let on_hand = request.hand_view && request.design.necklace.is_none();
    // The engraving's close-up when there is one (the sheet shows it too).
    let engraved = request.design.necklace.is_none() && !request.design.engraving.trim().is_empty();
    let views: Vec<View> =
        View::ALL.into_iter().chain(on_hand.then_some(View::Hand)).chain(engraved.then_some(View::Engraving)).collect();
    let total = views.len() + request.turntable_frames as usize + 3;
    let mut done = 0;
    let mut step = |doing: &str, done: &mut usize| {
        let keep_going = progress(PackProgress { done: *done, total, doing });
        *done += 1;
        keep_going
    };
    let writer = PackWriter::begin(&request.destination, request.replace)?;

    // The views.
    let mut exporter = Exporter::new(request.design.clone(), request.views)?;
    let mut pictures = Vec::new();
    for view in views {
        if !step(&tr!(l, "pack-step-view", view = view.caption(l).to_lowercase()), &mut done) {
            return Ok(None);
        }
        let Some(picture) = exporter.render(view, &mut || true)? else { return Ok(None) };
        writer.write(&format!("{stem}-{}.png", view_file(client, view)), &png_bytes(&picture)?)?;
        pictures.push((view, picture));
    }
    exporter.finish();
    for (index, picture) in request.try_on.iter().enumerate() {
        let name = format!("{stem}-{}-{}.png", client.tr("file-try-on"), index + 1);
        writer.write(&name, &png_bytes(&image::DynamicImage::ImageRgb8(picture.clone()).into_rgba8())?)?;
    }

    // The turntable: a full turn from the three-quarter view, at the turntable's size.
    if request.turntable_frames > 0 {
        let settings = ExportSettings { size: request.turntable_size, supersample: 1, ..request.views };
        let mut turntable = Exporter::new(request.design.clone(), settings)?;
        let frames_folder = format!("{stem}-{}", client.tr("file-turntable-frames"));
        std::fs::create_dir(writer.staged_path(&frames_folder))
            .map_err(|source| WritePackError::Folder { folder: frames_folder.clone(), source })?;
        let mut frames = Vec::new();
        let mut failed = None;
        let count = request.turntable_frames.to_string();
        let going = turntable.render_turn(request.turntable_frames, &mut |index, frame| {
            let number = (index + 1).to_string();
            if !step(&tr!(l, "pack-step-turntable", frame = number, frames = count.clone()), &mut done) {
                return false;
            }
            let name = format!("{frames_folder}/{stem}-{index:03}.png");
            let written = png_bytes(&frame)
                .map_err(WritePackError::from)
                .and_then(|png| writer.write(&name, &png).map_err(WritePackError::from));
            if let Err(error) = written {
                failed = Some(error);
                return false;
            }
            frames.push(frame);
            true
        })?;
        turntable.finish();
        if let Some(error) = failed {
            return Err(error);
        }
        if !going {
            return Ok(None);
        }
        let frame_ms = (3600 / request.turntable_frames).max(20);
        let gif = super::turntable::encode_gif(&frames, frame_ms)?;
        writer.write(&format!("{stem}-{}.gif", client.tr("file-turntable")), &gif)?;
        let video = crate::video::turntable_mp4(&frames, frame_ms)?;
        writer.write(&format!("{stem}-{}.mp4", client.tr("file-turntable")), &video)?;
    }

    // The preset (with the journal only when the advisor includes it) and the sheet.
    if !step(&tr!(l, "pack-step-sheet"), &mut done) {
        return Ok(None);
    }
    let journal: &[JournalEntry] = if request.include_journal { &request.journal } else { &[] };
    writer.write(&format!("{stem}.ron"), preset::to_ron_string_with_journal(&request.design, journal).as_bytes())?;
    let date = format::date_of(client, now());
    // The client's name as it is kept (composed, capped): the sheet and the record say the same.
    let client_name = request.client.as_deref().and_then(crate::approval::clients::client_name);
    let mut rows = spec_rows(&request.design, request.prices.as_ref(), client_name.as_deref(), &date, client);
    // Which choices came from Écrin's proposals and who took them: said whether or not the story is included.
    rows.extend(crate::approval::proposals::proposals_row(&request.journal, &request.design, client));
    // The sheet shows the last entries only: only they are put into words.
    let earlier = journal.len().saturating_sub(crate::approval::sheet::STORY_LINES);
    let story: Vec<String> = journal[earlier..].iter().map(|entry| crate::i18n::journal::line(client, entry)).collect();
    let picture = |wanted: View| pictures.iter().find(|(v, _)| *v == wanted).map(|(_, p)| p);
    let (Some(hero), Some(front), Some(side), Some(top)) =
        (picture(View::ThreeQuarter), picture(View::Front), picture(View::Side), picture(View::Top))
    else {
        return Err(WritePackError::ViewMissing);
    };
    let captions = [View::Front, View::Side, View::Top, View::Engraving].map(|view| view.caption(client));
    let views = vec![(captions[0].as_str(), front), (captions[1].as_str(), side), (captions[2].as_str(), top)];
    let engraving = picture(View::Engraving).map(|close_up| (captions[3].as_str(), close_up));
    let sheet = approval_sheet(&SheetContent {
        hero,
        views: views.clone(),
        engraving,
        rows: &rows,
        story: &story,
        earlier,
        language: client,
    });
    writer.write(&format!("{stem}-{}.png", client.tr("file-sheet")), &png_bytes(&sheet)?)?;
    let content = SheetContent { hero, views, engraving, rows: &rows, story: &story, earlier, language: client };
    writer.write(&format!("{stem}-{}.pdf", client.tr("file-sheet")), &crate::documents::approval_pdf(&content)?)?;
    // The bench sheet, in the advisor's language (the workshop's), for a design the bench can make as drawn.
    if !step(&tr!(l, "pack-step-bench-sheet"), &mut done) {
        return Ok(None);
    }
    if !crate::workshop::breaks_a_hard_limit(&request.design) {
        let date = format::date_of(l, now());
        let sheet_views = [View::Top, View::Side]
            .into_iter()
            .filter_map(|view| picture(view).map(|p| (view.caption(l), p)))
            .collect();
        let bench = BenchSheet { design: &request.design, views: sheet_views, date, language: l };
        writer.write(&format!("{stem}-{}.pdf", l.tr("file-bench-sheet")), &bench_sheet_pdf(&bench)?)?;
    }
    // Whom the pack names, as data: the client's data can be found, copied and erased (`approval::clients`).
    let record = ApprovalRecord::new(client_name.as_deref(), &request.design.name, &crate::approval::iso_date(now()));
    writer.write(crate::approval::clients::RECORD_FILE, record.to_ron().as_bytes())?;
    if !step(&tr!(l, "pack-step-finishing"), &mut done) {
        return Ok(None);
    }
    Ok(Some(writer.finish()?))
}

/// A view's part of a file name in the client's language: "front" / "face".
pub fn view_file(language: Language, view: View) -> String {
    let key = match view {
        View::Front => "file-view-front",
        View::Side => "file-view-side",
        View::Top => "file-view-top",
        View::ThreeQuarter => "file-view-three-quarter",
        View::Hand => "file-view-hand",
        View::Engraving => "file-view-engraving",
        View::Aset => "file-view-aset",
    };
    language.tr(key)
}
