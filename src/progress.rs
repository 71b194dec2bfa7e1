//! How far a long piece of work has gone, and whether the person asked it to stop: shared between the work, which
//! runs off the frame and looks at it between steps, and the panel that shows a bar and a *Cancel* button.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Shared progress of one piece of work (wrap it in an `Arc`).
#[derive(Debug, Default)]
pub struct Progress {
    per_mille: AtomicU32,
    cancelled: AtomicBool,
}

/// The person asked the work to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

impl Progress {
    /// Records how far the work is (0 to 1; it never goes back).
    pub fn set(&self, fraction: f32) {
        let per_mille = (fraction.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.per_mille.fetch_max(per_mille, Ordering::Relaxed);
    }

    /// How far the work is, 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.per_mille.load(Ordering::Relaxed) as f32 / 1000.0
    }

    /// Asks the work to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Records a step reached, or says the work must stop.
    pub fn reached(&self, fraction: f32) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            return Err(Cancelled);
        }
        self.set(fraction);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_goes_forward_and_a_cancel_stops_the_next_step() {
        let progress = Progress::default();
        assert_eq!(progress.reached(0.4), Ok(()));
        progress.set(0.2);
        assert!((progress.fraction() - 0.4).abs() < 1e-6);
        progress.cancel();
        assert_eq!(progress.reached(0.8), Err(Cancelled));
        assert!((progress.fraction() - 0.4).abs() < 1e-6);
    }
}
