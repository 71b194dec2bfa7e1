//! The fuzz run's allocator: the system's, counting the bytes each thread holds and the most it held since the
//! last reset, so that one input's peak is measured while other tests run on other threads.
#![allow(unsafe_code)] // A global allocator can only be written as an `unsafe impl`; it forwards to `System`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grew(bytes: usize) {
    let _ = HELD.try_with(|held| {
        let now = held.get() + bytes;
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrank(bytes: usize) {
    let _ = HELD.try_with(|held| held.set(held.get().saturating_sub(bytes)));
}

// SAFETY: every call is forwarded to `System` with the same layout; the counting touches only const-initialised
// thread-locals (no allocation, no destructor) and never fails.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        shrank(layout.size());
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Starts a new peak on this thread from what it holds now.
pub fn reset_peak() {
    let held = HELD.with(Cell::get);
    PEAK.with(|peak| peak.set(held));
    BASE.with(|base| base.set(held));
}

thread_local! {
    static BASE: Cell<usize> = const { Cell::new(0) };
}

/// The most this thread held above what it held at the last reset.
pub fn peak() -> usize {
    PEAK.with(Cell::get).saturating_sub(BASE.with(Cell::get))
}
