//! The approval pack's section of the panel: the client's name (optional), the journal in or out, the button;
//! progress and Cancel while a pack is written. Emits commands only.

use super::job::{PackCommand, PackJob, PackOrder};
use crate::studio::floor::commands::StudioCommand;
use crate::studio::floor::{CurrentDesign, Languages};
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::{Local, Res};
use bevy_egui::egui;

/// The side panel's approval section: the pack being written, the advisor's order being filled in.
#[derive(SystemParam)]
pub struct ApprovalSection<'w, 's> {
    job: Res<'w, PackJob>,
    current: Res<'w, CurrentDesign>,
    languages: Res<'w, Languages>,
    order: Local<'s, PackOrder>,
}

impl ApprovalSection<'_, '_> {
    pub fn show(&mut self, ui: &mut egui::Ui) -> Vec<StudioCommand> {
        let variants = self.current.history.variants();
        let of_variant = variants.is_board().then(|| (variants.active() + 1, variants.len()));
        let ring = self.current.design().necklace.is_none();
        approval_ui(ui, &self.job, &mut self.order, of_variant, &self.languages, ring)
    }
}

/// The approval pack: optional client name, journal in or out, the button; progress and Cancel while it runs. On the
/// board, `of_variant` (which, of how many) says which variant the pack is made of: the one being edited.
pub fn approval_ui(
    ui: &mut egui::Ui,
    job: &PackJob,
    order: &mut PackOrder,
    of_variant: Option<(usize, usize)>,
    languages: &Languages,
    ring: bool,
) -> Vec<StudioCommand> {
    let l = languages.advisor;
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr!(l, "pack-title")).strong().size(15.0));
    if let Some((which, count)) = of_variant {
        let (which, count) = (which.to_string(), count.to_string());
        ui.label(egui::RichText::new(tr!(l, "pack-of-variant", which = which, count = count)).weak());
    }
    if let Some((done, total, doing)) = &job.progress {
        let fraction = *done as f32 / (*total).max(1) as f32;
        ui.add(egui::ProgressBar::new(fraction).text(format!("{} ({done}/{total})", doing.in_language(l))));
        if ui.button(tr!(l, "pack-cancel")).clicked() {
            out.push(PackCommand::Cancel.into());
        }
        return out;
    }
    ui.horizontal(|ui| {
        ui.label(tr!(l, "pack-client"));
        let hint = tr!(l, "pack-client-hint");
        ui.add(egui::TextEdit::singleline(&mut order.client).hint_text(hint).desired_width(220.0));
    });
    out.extend(crate::studio::language::panel::client_language_ui(ui, languages));
    ui.checkbox(&mut order.include_journal, tr!(l, "pack-include-journal"));
    if ring {
        ui.checkbox(&mut order.hand_view, tr!(l, "pack-hand-view")).on_hover_text(tr!(l, "pack-hand-view-hover"));
    }
    if ui
        .button(tr!(l, "pack-write"))
        .on_hover_text(tr!(l, "pack-write-hover", folder = l.tr("folder-approvals")))
        .clicked()
    {
        out.push(PackCommand::Write(order.clone()).into());
    }
    out
}
