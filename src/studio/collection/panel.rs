//! The panel's "House collection" section: the house's models beside Écrin's own styles, searched by name, each
//! opened as a design or removed; *Add to the collection…* opens a model file; a model loading shows its progress
//! and *Cancel*. Emits commands.

use super::{CollectionCommand, StudioCollection, house_rules};
use crate::collection::Allowed;
use crate::i18n::{Language, format};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::{Res, ResMut};
use bevy_egui::egui;

/// Side of a model's picture in the list, points.
const THUMBNAIL_SIDE: f32 = 44.0;

/// The side panel's collection section; it also says the rules of the house's model being designed.
#[derive(SystemParam)]
pub struct CollectionSection<'w> {
    collection: ResMut<'w, StudioCollection>,
    current: Res<'w, CurrentDesign>,
}

impl CollectionSection<'_> {
    /// What the house allows for the model being designed (`None`: Écrin's own piece).
    pub fn rules(&self) -> Option<Allowed> {
        house_rules(&self.current, &self.collection)
    }

    pub fn show(&mut self, ui: &mut egui::Ui, add_model: Option<StudioCommand>, l: Language) -> Vec<StudioCommand> {
        collection_ui(ui, &mut self.collection, add_model, l)
    }
}

/// The section; `add_model`: the command that opens a model file to add (the import feature's), `None` while one is
/// being chosen or analysed.
pub fn collection_ui(
    ui: &mut egui::Ui,
    state: &mut StudioCollection,
    add_model: Option<StudioCommand>,
    l: Language,
) -> Vec<StudioCommand> {
    let mut out: Vec<StudioCommand> = Vec::new();
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr!(l, "collection-title")).strong().size(15.0));
    ui.horizontal_wrapped(|ui| {
        let busy = state.busy();
        ui.add_enabled_ui(add_model.is_some() && !busy, |ui| {
            if ui.button(tr!(l, "collection-add")).on_hover_text(tr!(l, "collection-add-hover")).clicked() {
                out.extend(add_model);
            }
        });
        if state.models.len() > 4 {
            let hint = tr!(l, "collection-search");
            ui.add(egui::TextEdit::singleline(&mut state.search).hint_text(hint).desired_width(110.0));
        }
    });
    for (name, fraction) in state.loading() {
        ui.horizontal(|ui| {
            ui.add(egui::ProgressBar::new(fraction).desired_width(150.0).text(tr!(
                l,
                "collection-loading",
                name = name,
                percent = format::number(l, f64::from(fraction * 100.0), 0)
            )));
            if ui.button(tr!(l, "collection-cancel")).on_hover_text(tr!(l, "collection-cancel-hover")).clicked() {
                out.push(CollectionCommand::CancelLoading.into());
            }
        });
    }
    let wanted = state.search.trim().to_lowercase();
    let ctx = ui.ctx().clone();
    let StudioCollection { models, thumbnails, .. } = &mut *state;
    for manifest in models.iter().filter(|m| wanted.is_empty() || m.name.to_lowercase().contains(&wanted)) {
        ui.horizontal(|ui| {
            let side = egui::vec2(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
            let picture = match thumbnails.texture(&ctx, &manifest.hash) {
                Some(texture) => ui.add(egui::Button::image(egui::Image::new((texture.id(), side)))),
                // Until its picture is rendered: an empty frame of the same size (the list does not jump).
                None => ui.add_sized(side, egui::Button::new("…")),
            };
            if picture.on_hover_text(tr!(l, "collection-open", name = &manifest.name)).clicked() {
                out.push(CollectionCommand::Open(manifest.id.clone()).into());
            }
            let stones = manifest.setup.stones.len();
            let about = tr!(
                l,
                "collection-model-hover",
                file = &manifest.original_file,
                kind = l.term(manifest.setup.kind).to_lowercase(),
                count = stones
            );
            let open = ui.add(egui::Button::new(&manifest.name).min_size(egui::vec2(150.0, 0.0))).on_hover_text(about);
            if open.clicked() {
                out.push(CollectionCommand::Open(manifest.id.clone()).into());
            }
            if ui.small_button("×").on_hover_text(tr!(l, "collection-remove-hover")).clicked() {
                out.push(CollectionCommand::Remove(manifest.id.clone()).into());
            }
        });
    }
    combine_row(ui, models, &mut out, l);
    if models.is_empty() {
        ui.label(egui::RichText::new(tr!(l, "collection-empty")).weak());
    }
    for problem in &state.problems {
        ui.label(egui::RichText::new(problem.in_language(l)).color(egui::Color32::from_rgb(240, 190, 120)));
    }
    out
}

/// A head of the collection set on a band of it, when it has both: pick them, then *Set on the band*.
fn combine_row(ui: &mut egui::Ui, models: &[crate::collection::Manifest], out: &mut Vec<StudioCommand>, l: Language) {
    use crate::geometry::house::ModelKind;
    let of_kind = |kind| models.iter().filter(move |m| m.setup.kind == kind);
    let (Some(first_head), Some(first_band)) = (of_kind(ModelKind::Head).next(), of_kind(ModelKind::Band).next())
    else {
        return;
    };
    let id = ui.make_persistent_id("combine");
    let (mut head, mut band): (String, String) =
        ui.data_mut(|d| d.get_temp(id)).unwrap_or_else(|| (first_head.id.clone(), first_band.id.clone()));
    ui.horizontal_wrapped(|ui| {
        let name = |id: &str| models.iter().find(|m| m.id == id).map_or(id.to_string(), |m| m.name.clone());
        egui::ComboBox::from_id_salt("combine head").selected_text(name(&head)).width(110.0).show_ui(ui, |ui| {
            for model in of_kind(ModelKind::Head) {
                ui.selectable_value(&mut head, model.id.clone(), &model.name);
            }
        });
        ui.label(tr!(l, "collection-on"));
        egui::ComboBox::from_id_salt("combine band").selected_text(name(&band)).width(110.0).show_ui(ui, |ui| {
            for model in of_kind(ModelKind::Band) {
                ui.selectable_value(&mut band, model.id.clone(), &model.name);
            }
        });
        if ui.button(tr!(l, "collection-combine")).on_hover_text(tr!(l, "collection-combine-hover")).clicked() {
            out.push(CollectionCommand::Combine { band: band.clone(), head: head.clone() }.into());
        }
    });
    ui.data_mut(|d| d.insert_temp(id, (head, band)));
}
