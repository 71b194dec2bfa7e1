//! A small thread-safe memo table for pure, costly computations asked for repeatedly (every panel frame). It keeps
//! at most `capacity` results — the oldest go first: every new stone size or ring size is a new key, and a table
//! without a bound would grow for as long as the studio stays open (the soak counts the volumes' table:
//! `estimate::geometries_kept`).

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Mutex, OnceLock};

/// Results kept by a table made with `Memo::new()`: far more than the keys a design moves through in a minute (the
/// ones asked every frame stay), few enough that a day of changes does not pile up.
pub const DEFAULT_CAPACITY: usize = 512;

/// The results and the order they came in.
struct Table<K, V> {
    values: HashMap<K, V>,
    order: VecDeque<K>,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table { values: HashMap::new(), order: VecDeque::new() }
    }
}

/// Results of a pure function by key, computed once while kept. Usable as a `static`.
pub struct Memo<K, V> {
    table: OnceLock<Mutex<Table<K, V>>>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V: Clone> Memo<K, V> {
    pub const fn new() -> Self {
        Memo::with_capacity(DEFAULT_CAPACITY)
    }

    /// A table keeping at most `capacity` results (at least one).
    pub const fn with_capacity(capacity: usize) -> Self {
        Memo { table: OnceLock::new(), capacity: if capacity == 0 { 1 } else { capacity } }
    }

    /// The value for `key`, computing it with `compute` when it is not kept.
    pub fn get_or_compute(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let table = self.table.get_or_init(Default::default);
        if let Some(found) = table.lock().ok().and_then(|t| t.values.get(&key).cloned()) {
            return found;
        }
        let value = compute();
        if let Ok(mut t) = table.lock()
            && !t.values.contains_key(&key)
        {
            while t.order.len() >= self.capacity {
                let Some(oldest) = t.order.pop_front() else { break };
                t.values.remove(&oldest);
            }
            t.order.push_back(key.clone());
            t.values.insert(key, value.clone());
        }
        value
    }

    /// How many results are kept.
    pub fn len(&self) -> usize {
        self.table.get().and_then(|t| t.lock().ok().map(|t| t.values.len())).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Default for Memo<K, V> {
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

    #[test]
    fn keeps_at_most_its_capacity_the_oldest_going_first() {
        let memo: Memo<u32, u32> = Memo::with_capacity(3);
        for key in 0..10 {
            memo.get_or_compute(key, || key * key);
        }
        assert_eq!(memo.len(), 3, "a day of new keys holds no more than the capacity");
        let mut recomputed = false;
        assert_eq!(
            memo.get_or_compute(9, || {
                recomputed = true;
                0
            }),
            81
        );
        assert!(!recomputed, "the newest are kept");
        assert_eq!(memo.get_or_compute(0, || 1000), 1000, "the oldest went and is computed again");
        assert_eq!(memo.len(), 3);
    }
}
