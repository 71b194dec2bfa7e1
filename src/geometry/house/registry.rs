//! Loaded house models for the rest of the run, by their file's hash, and the same models resized for a finger
//! (the few sizes last asked for are kept): what `Component::House` names. A model at a new size is made the first
//! time someone asks; the studio asks off the frame (`prepare`) and draws once `is_ready` says it is there.

use super::HouseModel;
use crate::design::Design;
use crate::geometry::model::ComponentModel;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A loaded house model at a ring size and a centre stone size: what `Component::House` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HouseKey {
    /// The first 64 bits of the file's hash.
    pub model: u64,
    /// The ring size in hundredths of a mm (0 for models the size does not change).
    pub ring_size_centi: u32,
    /// The centre stone's length in hundredths of a mm (0: as modelled, or a model that cannot be re-stoned).
    pub stone_centi: u32,
}

/// The registry's key of a file hash (hex).
pub fn model_key(hash: &str) -> u64 {
    u64::from_str_radix(hash.get(..16).unwrap_or(hash), 16).unwrap_or(0)
}

fn registry() -> &'static Mutex<HashMap<u64, Arc<HouseModel>>> {
    static MODELS: OnceLock<Mutex<HashMap<u64, Arc<HouseModel>>>> = OnceLock::new();
    MODELS.get_or_init(Default::default)
}

/// Keeps a loaded model for the rest of the run, under its file's hash (a hash names one content for ever).
pub fn register(hash: &str, model: HouseModel) -> Arc<HouseModel> {
    let model = Arc::new(model);
    if let Ok(mut models) = registry().lock() {
        models.insert(model_key(hash), model.clone());
    }
    model
}

/// The loaded model of a hash, if it was registered.
pub fn registered(hash: &str) -> Option<Arc<HouseModel>> {
    registry().lock().ok()?.get(&model_key(hash)).cloned()
}

/// How many resized models are kept (the advisor tries a few sizes; a heavy model is tens of MB each).
pub const RESIZED_KEPT: usize = 6;

/// The component model a key names: the registered model at that size (recently used ones kept), or an empty
/// model when none is registered.
pub fn component_model(key: HouseKey) -> Arc<ComponentModel> {
    let cache = resized_cache();
    if let Ok(mut kept) = cache.lock()
        && let Some(at) = kept.iter().position(|(k, _)| *k == key)
    {
        let found = kept.remove(at);
        kept.push(found.clone());
        return found.1;
    }
    let Some(house) = registry().lock().ok().and_then(|m| m.get(&key.model).cloned()) else {
        return Arc::new(ComponentModel { meshes: Vec::new(), nodes: Vec::new() });
    };
    let stone_mm = (key.stone_centi > 0).then(|| key.stone_centi as f32 / 100.0);
    let model = Arc::new(house.made(key.ring_size_centi as f32 / 100.0, stone_mm));
    if let Ok(mut kept) = cache.lock() {
        if kept.len() >= RESIZED_KEPT {
            kept.remove(0);
        }
        kept.push((key, model.clone()));
    }
    model
}

fn resized_cache() -> &'static Mutex<Vec<(HouseKey, Arc<ComponentModel>)>> {
    static RESIZED: OnceLock<Mutex<Vec<(HouseKey, Arc<ComponentModel>)>>> = OnceLock::new();
    RESIZED.get_or_init(Default::default)
}

/// The key of a design's house model at the design's ring size and centre stone size, once the model is loaded.
pub fn key_for(design: &Design) -> Option<HouseKey> {
    let source = design.source.collection()?;
    let house = registered(&source.hash)?;
    let ring_size_centi = if house.resizable() { (design.ring_size_mm * 100.0).round() as u32 } else { 0 };
    let stone_centi = match house.setup.centre_mm() {
        Some(modelled) if house.setup.restoneable() && (design.stone.size_mm - modelled).abs() >= 0.005 => {
            (design.stone.size_mm * 100.0).round() as u32
        }
        _ => 0,
    };
    Some(HouseKey { model: model_key(&source.hash), ring_size_centi, stone_centi })
}

/// The loaded model a key names (at its modelled size).
pub fn house_of(key: HouseKey) -> Option<Arc<HouseModel>> {
    registry().lock().ok()?.get(&key.model).cloned()
}

/// Whether the model a key names is loaded and made at its size (asking for it costs nothing then).
pub fn is_ready(key: HouseKey) -> bool {
    house_of(key).is_some() && resized_cache().lock().is_ok_and(|kept| kept.iter().any(|(k, _)| *k == key))
}

/// How many models are loaded and how many made-at-a-size models are kept (what a long run holds; both bounded by
/// the collection's models and `RESIZED_KEPT`).
pub fn held() -> (usize, usize) {
    let models = registry().lock().map_or(0, |models| models.len());
    (models, resized_cache().lock().map_or(0, |kept| kept.len()))
}

/// Whether a loaded model has been made at some size already (a piece of it can be framed and shown).
pub fn any_ready(model: u64) -> bool {
    resized_cache().lock().is_ok_and(|kept| kept.iter().any(|(k, _)| k.model == model))
}
