//! Proposals in the reader's language: what each changes (the journal's own words for a change), its figures, and
//! what a budget found — the advisor reads them to the client, so they are in the client's terms (price, grams,
//! carats, millimetres face up, brilliance and fire).

use super::Language;
use super::format::{carats, grams, millimetres, number, price};
use crate::suggest::reasons::Reasons;
use crate::suggest::rules::RulesError;
use crate::suggest::{Outcome, Proposal, SuggestError};
use crate::tr;

/// A share 0–1 as a whole percentage.
fn percent(l: Language, share: f32) -> String {
    number(l, f64::from(share * 100.0), 0)
}

impl Reasons {
    /// One line per figure: the price and the saving, the metal's weight, the carats, the stone face up, its light.
    pub fn in_language(&self, l: Language) -> Vec<String> {
        let money = |amount: f32| price(l, f64::from(amount), &self.currency);
        let mut lines = vec![tr!(
            l,
            "proposal-price",
            before = money(self.retail.before),
            after = money(self.retail.after),
            saving = money(self.saving())
        )];
        let (metal, centre, side) = (self.metal_grams, self.centre_carats, self.side_carats);
        lines.push(tr!(l, "proposal-metal", before = grams(l, metal.before), after = grams(l, metal.after)));
        if centre.before > 0.0 {
            lines.push(tr!(l, "proposal-carats", before = carats(l, centre.before), after = carats(l, centre.after)));
        }
        if side.before > 0.0 {
            lines.push(tr!(l, "proposal-side-carats", before = carats(l, side.before), after = carats(l, side.after)));
        }
        if let Some(face) = self.face_up {
            let size = |length: f32, width: f32| {
                tr!(
                    l,
                    "proposal-dimensions",
                    length = number(l, f64::from(length), 1),
                    width = millimetres(l, width, 1)
                )
            };
            lines.push(tr!(
                l,
                "proposal-face-up",
                before = size(face.length_mm.before, face.width_mm.before),
                after = size(face.length_mm.after, face.width_mm.after),
                share = percent(l, face.spread_share)
            ));
            lines.push(tr!(
                l,
                "proposal-light",
                brilliance_before = percent(l, face.brilliance.before),
                brilliance_after = percent(l, face.brilliance.after),
                fire_before = percent(l, face.fire.before),
                fire_after = percent(l, face.fire.after)
            ));
        }
        lines
    }
}

impl Proposal {
    /// Its headline: what it changes, in the journal's words ("18k yellow gold → 14k yellow gold · stone 1.00 ct →
    /// 0.90 ct").
    pub fn headline(&self, l: Language) -> String {
        self.changes.iter().map(|change| super::journal::change(l, change)).collect::<Vec<_>>().join(" · ")
    }

    /// The headline, then its figures, one per line.
    pub fn in_language(&self, l: Language) -> Vec<String> {
        let mut lines = vec![self.headline(l)];
        lines.extend(self.reasons.in_language(l));
        lines
    }
}

impl Outcome {
    /// What a budget found, as lines: each proposal numbered with its figures; or that the design fits already; or
    /// that nothing fits, and the closest.
    pub fn in_language(&self, l: Language, budget: f32, currency: &str) -> Vec<String> {
        let money = |amount: f32| price(l, f64::from(amount), currency);
        match self {
            Outcome::Within { retail } => {
                vec![tr!(l, "proposal-within", price = money(*retail), budget = money(budget))]
            }
            Outcome::Proposals(found) => {
                let mut lines = vec![tr!(l, "proposal-found", count = found.len(), budget = money(budget))];
                for (i, proposal) in found.iter().enumerate() {
                    let mut words = proposal.in_language(l).into_iter();
                    let headline = words.next().unwrap_or_default();
                    lines.push(tr!(l, "proposal-numbered", number = (i + 1).to_string(), headline = headline));
                    lines.extend(words.map(|line| format!("    {line}")));
                }
                lines
            }
            Outcome::NothingFits { closest } => {
                let mut words = closest.in_language(l).into_iter();
                let headline = words.next().unwrap_or_default();
                let price = money(closest.reasons.retail.after);
                let mut lines =
                    vec![tr!(l, "proposal-nothing-fits", budget = money(budget), price = price, headline = headline)];
                lines.extend(words.map(|line| format!("    {line}")));
                lines
            }
        }
    }
}

impl SuggestError {
    pub fn in_language(&self, l: Language) -> String {
        match self {
            SuggestError::Off => tr!(l, "proposal-off"),
            SuggestError::NoPrice(error) => tr!(l, "proposal-no-price", reason = error.in_language(l)),
        }
    }
}

impl RulesError {
    pub fn in_language(&self, l: Language) -> String {
        let (file, what) = match self {
            RulesError::Unreadable { path, reason } => (path, tr!(l, "error-cannot-read", reason = reason.clone())),
            RulesError::Syntax { path, line, column, reason } => (
                path,
                tr!(
                    l,
                    "proposal-rules-syntax",
                    line = line.to_string(),
                    column = column.to_string(),
                    reason = reason.clone()
                ),
            ),
            RulesError::Version { path, found } => (path, tr!(l, "proposal-rules-version", found = found.to_string())),
        };
        tr!(l, "error-in-file", file = file.clone(), what = what)
    }
}

impl crate::suggest::style::Question {
    /// The question as the advisor asks it.
    pub fn in_language(self, l: Language) -> String {
        use crate::suggest::style::Question;
        match self {
            Question::Piece => tr!(l, "style-question-piece"),
            Question::Colour => tr!(l, "style-question-colour"),
            Question::Silhouette => tr!(l, "style-question-silhouette"),
            Question::Shape => tr!(l, "style-question-shape"),
            Question::Stone => tr!(l, "style-question-stone"),
            Question::Budget => tr!(l, "style-question-budget"),
        }
    }
}

impl crate::suggest::style::Choice {
    /// The choice in words ("Rose gold", "Oval", "2 000 € to 5 000 €").
    pub fn in_language(self, l: Language, currency: &str) -> String {
        use crate::suggest::options::Colour;
        use crate::suggest::style::{BUDGET_BANDS, Choice, Silhouette};
        match self {
            Choice::Necklace(false) => tr!(l, "style-ring"),
            Choice::Necklace(true) => tr!(l, "style-necklace"),
            Choice::Colour(Colour::Yellow) => tr!(l, "style-colour-yellow"),
            Choice::Colour(Colour::White) => tr!(l, "style-colour-white"),
            Choice::Colour(Colour::Rose) => tr!(l, "style-colour-rose"),
            Choice::Colour(Colour::Silver) => tr!(l, "style-colour-silver"),
            Choice::Silhouette(Silhouette::Solitaire) => tr!(l, "style-solitaire"),
            Choice::Silhouette(Silhouette::Halo) => l.term(crate::design::Setting::Halo),
            Choice::Silhouette(Silhouette::ThreeStone) => l.term(crate::design::Setting::ThreeStone),
            Choice::Silhouette(Silhouette::Bezel) => l.term(crate::design::Setting::Bezel),
            Choice::Silhouette(Silhouette::Drop) => l.term(crate::design::necklace::PendantStyle::Drop),
            Choice::Shape(cut) => l.term(cut),
            Choice::Stone(species) => l.term(species),
            Choice::Budget(band) => {
                let money = |amount: f32| price(l, f64::from(amount), currency);
                match BUDGET_BANDS.get(band).copied().unwrap_or((0.0, None)) {
                    (from, None) => tr!(l, "style-budget-from", from = money(from)),
                    (0.0, Some(top)) => tr!(l, "style-budget-up-to", top = money(top)),
                    (from, Some(top)) => tr!(l, "style-budget-between", from = money(from), top = money(top)),
                }
            }
        }
    }
}

impl crate::suggest::style::Start {
    /// The starting design's name: the answers it follows and the value it shows of a skipped question
    /// ("Rose gold · Oval · Halo"), at most a design name's length.
    pub fn name(&self, l: Language, currency: &str) -> String {
        let words: Vec<String> = self
            .because
            .iter()
            .chain(self.varied.iter())
            .filter(|c| {
                !matches!(c, crate::suggest::style::Choice::Budget(_) | crate::suggest::style::Choice::Necklace(_))
            })
            .map(|c| c.in_language(l, currency))
            .collect();
        let name = if words.is_empty() { tr!(l, "style-classic") } else { words.join(" · ") };
        name.chars().take(crate::design::limits::NAME_MAX_CHARS).collect()
    }
}
