//! The panel's "Piece" section: ring or necklace; for a necklace, the chain (style, length — with where it falls
//! on the bust), and the pendant; the View section's bust checkbox. Returns commands only.

use crate::design::necklace::{ChainStyle, LENGTH_MM, Necklace, PendantStyle, STANDARD_LENGTHS_MM, where_it_falls};
use crate::design::{Design, DesignCommand};
use crate::i18n::{Language, format};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::commands::StudioCommand;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::Res;
use bevy_egui::egui::{self, RichText};

pub fn piece_section(ui: &mut egui::Ui, design: &Design, l: Language) -> Vec<DesignCommand> {
    let mut out = Vec::new();
    ui.add_space(8.0);
    ui.label(RichText::new(tr!(l, "piece-title")).strong().size(15.0));
    ui.horizontal(|ui| {
        if ui.selectable_label(design.necklace.is_none(), tr!(l, "piece-choose-ring")).clicked()
            && design.necklace.is_some()
        {
            out.push(DesignCommand::SetNecklace(None));
        }
        if ui.selectable_label(design.necklace.is_some(), tr!(l, "piece-choose-necklace")).clicked()
            && design.necklace.is_none()
        {
            out.push(DesignCommand::SetNecklace(Some(Necklace::default())));
        }
    });
    let Some(necklace) = design.necklace else { return out };
    let mut set = |changed: Necklace| {
        if changed != necklace {
            out.push(DesignCommand::SetNecklace(Some(changed)));
        }
    };
    ui.horizontal(|ui| {
        ui.label(tr!(l, "piece-chain"));
        for chain in ChainStyle::ALL {
            if ui.selectable_label(necklace.chain == chain, l.term(chain)).clicked() {
                set(Necklace { chain, ..necklace });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "piece-length"));
        for length in STANDARD_LENGTHS_MM {
            let selected = (necklace.length_mm - length).abs() < 0.5;
            let centimetres = format::number(l, f64::from(length / 10.0), 0);
            if ui.selectable_label(selected, tr!(l, "unit-cm", value = centimetres)).clicked() {
                set(Necklace { length_mm: length, ..necklace });
            }
        }
        let mut centimetres = necklace.length_mm / 10.0;
        let custom = egui::DragValue::new(&mut centimetres)
            .range(LENGTH_MM.0 / 10.0..=LENGTH_MM.1 / 10.0)
            .speed(0.5)
            .suffix(" cm");
        if ui.add(crate::studio::floor::widgets::in_language(custom, l, 1)).changed() {
            set(Necklace { length_mm: (centimetres * 10.0).round(), ..necklace });
        }
    });
    let falls = l.term(where_it_falls(necklace.length_mm));
    ui.label(RichText::new(tr!(l, "piece-falls", falls = falls)).weak());
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "piece-pendant"));
        for pendant in PendantStyle::ALL {
            if ui.selectable_label(necklace.pendant == pendant, l.term(pendant)).clicked() {
                set(Necklace { pendant, ..necklace });
            }
        }
    });
    out
}

/// The View section's bust checkbox, under a necklace only.
#[derive(SystemParam)]
pub struct BustCheckbox<'w> {
    shown: Res<'w, super::BustShown>,
    current: Res<'w, CurrentDesign>,
}

impl BustCheckbox<'_> {
    pub fn show(&self, ui: &mut egui::Ui, l: Language) -> Vec<StudioCommand> {
        let mut shown = self.shown.0;
        match self.current.design().necklace.is_some() && ui.checkbox(&mut shown, tr!(l, "studio-bust")).changed() {
            true => vec![super::ShowBust(shown).into()],
            false => Vec::new(),
        }
    }
}
