//! A small thread-safe memo table for pure, costly computations asked for repeatedly (every panel frame).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, OnceLock};

/// Results of a pure function by key, computed once. Usable as a `static`.
pub struct Memo<K, V>(OnceLock<Mutex<HashMap<K, V>>>);

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    pub const fn new() -> Self {
        Memo(OnceLock::new())
    }

    /// The value for `key`, computing it with `compute` the first time.
    pub fn get_or_compute(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let table = self.0.get_or_init(Default::default);
        if let Some(found) = table.lock().ok().and_then(|t| t.get(&key).cloned()) {
            return found;
        }
        let value = compute();
        if let Ok(mut t) = table.lock() {
            t.insert(key, value.clone());
        }
        value
    }
}

impl<K: Eq + Hash, V: Clone> Default for Memo<K, V> {
    fn default() -> Self {
        Memo::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_key() {
        static SQUARES: Memo<u32, u32> = Memo::new();
        let mut calls = 0;
        assert_eq!(
            SQUARES.get_or_compute(3, || {
                calls += 1;
                9
            }),
            9
        );
        assert_eq!(
            SQUARES.get_or_compute(3, || {
                calls += 1;
                0
            }),
            9
        );
        assert_eq!(calls, 1);
    }
}
