//! A proposal's reasons in figures a client understands, each read from the same estimate the price panel shows:
//! the price before and after, the metal's weight, the carats, what the eye sees of the centre stone face up (its
//! length and width, and its spread as a share of today's) and its brilliance and fire from Écrin's own tracer
//! (`optics::metrics`: the same for a lab-grown diamond as for a mined one — the same material).

use crate::design::Design;
use crate::estimate::price::PriceEstimate;

/// A figure before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Before<T> {
    pub before: T,
    pub after: T,
}

impl<T: Copy> Before<T> {
    pub fn of(before: T, after: T) -> Self {
        Before { before, after }
    }
}

/// The centre stone as the eye sees it face up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceUp {
    /// Length and width, mm.
    pub length_mm: Before<f32>,
    pub width_mm: Before<f32>,
    /// The spread after as a share of before (1: the same).
    pub spread_share: f32,
    /// Light return and fire, 0–1.
    pub brilliance: Before<f32>,
    pub fire: Before<f32>,
}

/// The figures of a proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct Reasons {
    pub currency: String,
    pub retail: Before<f32>,
    pub metal_grams: Before<f32>,
    pub centre_carats: Before<f32>,
    /// All side stones and melee together.
    pub side_carats: Before<f32>,
    /// None for a piece without a centre stone.
    pub face_up: Option<FaceUp>,
}

impl Reasons {
    /// The reasons of going from one design to another, from their estimates.
    pub fn of(
        currency: &str,
        (design, estimate): (&Design, &PriceEstimate),
        (proposed, proposed_estimate): (&Design, &PriceEstimate),
        side_carats: Before<f32>,
    ) -> Reasons {
        let (a, b) = (&estimate.weights, &proposed_estimate.weights);
        let face_up = (a.centre_carats > 0.0 && b.centre_carats > 0.0).then(|| {
            let (la, wa, _) = crate::geometry::cut::dimensions_mm(design.stone.cut, design.stone.size_mm);
            let (lb, wb, _) = crate::geometry::cut::dimensions_mm(proposed.stone.cut, proposed.stone.size_mm);
            let seen = |d: &Design| crate::optics::metrics::metrics_for(d.stone.cut, d.stone.species);
            let (ma, mb) = (seen(design), seen(proposed));
            FaceUp {
                length_mm: Before::of(la, lb),
                width_mm: Before::of(wa, wb),
                spread_share: (lb * wb) / (la * wa).max(1e-6),
                brilliance: Before::of(ma.light_return, mb.light_return),
                fire: Before::of(ma.fire, mb.fire),
            }
        });
        Reasons {
            currency: currency.to_string(),
            retail: Before::of(estimate.retail, proposed_estimate.retail),
            metal_grams: Before::of(a.metal_grams(), b.metal_grams()),
            centre_carats: Before::of(a.centre_carats, b.centre_carats),
            side_carats,
            face_up,
        }
    }

    /// How much the proposal saves (positive: cheaper).
    pub fn saving(&self) -> f32 {
        self.retail.before - self.retail.after
    }
}
