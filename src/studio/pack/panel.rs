//! The approval pack's section of the panel: the client's name (optional), the journal in or out, the button;
//! progress and Cancel while a pack is written. Emits commands only.

use super::job::{PackCommand, PackJob, PackOrder};
use crate::studio::commands::StudioCommand;
use bevy_egui::egui;

/// The approval pack: optional client name, journal in or out, the button; progress and Cancel while it runs. On the
/// board, `of_variant` (which, of how many) says which variant the pack is made of: the one being edited.
pub fn approval_ui(
    ui: &mut egui::Ui,
    job: &PackJob,
    order: &mut PackOrder,
    of_variant: Option<(usize, usize)>,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Approval pack").strong().size(15.0));
    if let Some((which, count)) = of_variant {
        ui.label(egui::RichText::new(format!("Of the variant being edited ({which} of {count})")).weak());
    }
    if let Some((done, total, doing)) = &job.progress {
        let fraction = *done as f32 / (*total).max(1) as f32;
        ui.add(egui::ProgressBar::new(fraction).text(format!("{doing} ({done}/{total})")));
        if ui.button("Cancel").clicked() {
            out.push(PackCommand::Cancel.into());
        }
        return out;
    }
    ui.horizontal(|ui| {
        ui.label("Client");
        ui.add(egui::TextEdit::singleline(&mut order.client).hint_text("optional, on the sheet").desired_width(220.0));
    });
    ui.checkbox(&mut order.include_journal, "Include how the design was reached (journal)");
    if ui
        .button("Write approval pack")
        .on_hover_text("Views, turntable, preset and a printable sheet, in Documents/Écrin approvals")
        .clicked()
    {
        out.push(PackCommand::Write(order.clone()).into());
    }
    out
}
