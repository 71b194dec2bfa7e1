//! The panel's "Piece" section: ring or necklace; for a necklace, the chain (style, length — with where it falls
//! on the bust), and the pendant. Returns commands only.

use crate::design::necklace::{ChainStyle, LENGTH_MM, Necklace, PendantStyle, STANDARD_LENGTHS_MM, where_it_falls};
use crate::design::{Design, DesignCommand};
use bevy_egui::egui::{self, RichText};

pub fn piece_section(ui: &mut egui::Ui, design: &Design) -> Vec<DesignCommand> {
    let mut out = Vec::new();
    ui.add_space(8.0);
    ui.label(RichText::new("Piece").strong().size(15.0));
    ui.horizontal(|ui| {
        if ui.selectable_label(design.necklace.is_none(), "Ring").clicked() && design.necklace.is_some() {
            out.push(DesignCommand::SetNecklace(None));
        }
        if ui.selectable_label(design.necklace.is_some(), "Necklace").clicked() && design.necklace.is_none() {
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
        ui.label("Chain");
        for chain in ChainStyle::ALL {
            if ui.selectable_label(necklace.chain == chain, chain.label()).clicked() {
                set(Necklace { chain, ..necklace });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Length");
        for length in STANDARD_LENGTHS_MM {
            let selected = (necklace.length_mm - length).abs() < 0.5;
            if ui.selectable_label(selected, format!("{:.0} cm", length / 10.0)).clicked() {
                set(Necklace { length_mm: length, ..necklace });
            }
        }
        let mut centimetres = necklace.length_mm / 10.0;
        let custom = egui::DragValue::new(&mut centimetres)
            .range(LENGTH_MM.0 / 10.0..=LENGTH_MM.1 / 10.0)
            .speed(0.5)
            .suffix(" cm");
        if ui.add(custom).changed() {
            set(Necklace { length_mm: (centimetres * 10.0).round(), ..necklace });
        }
    });
    ui.label(RichText::new(format!("Falls {}", where_it_falls(necklace.length_mm))).weak());
    ui.horizontal_wrapped(|ui| {
        ui.label("Pendant");
        for pendant in PendantStyle::ALL {
            if ui.selectable_label(necklace.pendant == pendant, pendant.label()).clicked() {
                set(Necklace { pendant, ..necklace });
            }
        }
    });
    out
}
