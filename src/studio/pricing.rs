//! The boutique's price list in the studio: read at start from the advisor's data folder (or the sample in
//! assets/), its problems shown; the panel then shows a live price estimate, or weights only without a list.

use crate::estimate::price::PriceList;
use bevy::prelude::*;
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
