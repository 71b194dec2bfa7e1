//! The boutique's price list in the studio: read at start from the advisor's data folder (or the sample in
//! assets/), its problems shown; the panel's estimate section then shows a live price estimate, or why there is
//! none.

use crate::estimate::price::PriceList;
use crate::i18n::{Language, format};
use crate::studio::floor::CurrentDesign;
use crate::studio::floor::widgets::section_title;
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;
use std::path::PathBuf;

/// The price list in use, or why there is none.
#[derive(Resource, Default, Debug, Clone)]
pub struct Pricing {
    pub list: Option<PriceList>,
    pub source: Option<PathBuf>,
    pub problem: Option<crate::estimate::price::PriceError>,
}

/// Where the boutique's own list lives; the shipped sample is used when it does not exist.
pub fn price_list_path() -> PathBuf {
    let own = crate::studio::floor::files::user_presets_dir().with_file_name("price-list.ron");
    if own.exists() { own } else { crate::studio::floor::models::assets_dir().join("price-list.ron") }
}

/// Where the house's proposal settings live (`proposals.ron` beside the price list); the shipped sample when the
/// house has none.
pub fn proposal_rules_path() -> PathBuf {
    let own = crate::studio::floor::files::user_presets_dir().with_file_name("proposals.ron");
    if own.exists() { own } else { crate::studio::floor::models::assets_dir().join("proposals.ron") }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pricing>().add_systems(Startup, load_price_list);
}

fn load_price_list(mut pricing: ResMut<Pricing>) {
    let path = price_list_path();
    match PriceList::load(&path) {
        Ok(list) => {
            pricing.list = Some(list);
            pricing.source = Some(path);
        }
        Err(error) => {
            warn!("{error}");
            pricing.problem = Some(error);
        }
    }
}

/// The retail estimate in words, in a language, when the price list gives one.
pub fn retail_price(pricing: &Pricing, design: &crate::design::Design, l: crate::i18n::Language) -> Option<String> {
    let list = pricing.list.as_ref()?;
    let estimate = list.estimate(design).ok()?;
    Some(crate::i18n::format::price(l, f64::from(estimate.retail), &list.currency))
}

/// The side panel's estimate section.
#[derive(SystemParam)]
pub struct PriceSection<'w> {
    pricing: Res<'w, Pricing>,
    current: Res<'w, CurrentDesign>,
}

impl PriceSection<'_> {
    /// The live price estimate from the boutique's price list (its parts on hover), or why there is none.
    pub fn show(&self, ui: &mut egui::Ui, l: Language) {
        section_title(ui, tr!(l, "studio-estimate"));
        match (&self.pricing.list, &self.pricing.problem) {
            (Some(list), _) => match list.estimate(self.current.design()) {
                Ok(estimate) => {
                    let price = |amount: f32| format::price(l, f64::from(amount), &list.currency);
                    let markup = format::number(l, f64::from(list.markup), 2);
                    let cost = tr!(
                        l,
                        "studio-price-cost",
                        metal = price(estimate.metal),
                        stones = price(estimate.stones),
                        setting = price(estimate.setting),
                        making = price(estimate.making),
                        markup = markup
                    );
                    ui.label(egui::RichText::new(price(estimate.retail)).size(18.0).strong()).on_hover_text(cost);
                }
                Err(error) => {
                    ui.label(egui::RichText::new(error.in_language(l)).weak());
                }
            },
            (None, Some(problem)) => {
                let problem = problem.in_language(l);
                ui.label(egui::RichText::new(tr!(l, "studio-no-prices", problem = problem)).weak());
            }
            (None, None) => {
                ui.label(egui::RichText::new(tr!(l, "studio-no-price-list")).weak());
            }
        }
    }
}
