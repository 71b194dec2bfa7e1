//! The style guide that can open an appointment: a few questions the client answers by pointing at pictures — the
//! piece, the metal's colour, the silhouette, the stone's shape and colour, a budget band — any of them skipped, and
//! up to four starting designs made from the answers, each saying which answers led to it. Deterministic and local;
//! the answers live only as long as the guide is open (nothing here is written anywhere).
//!
//! The starting designs: the answers make one design (what was skipped takes the classic's value: a ring, yellow
//! gold, a solitaire in six prongs, a round diamond); the first question skipped among silhouette, shape, stone and
//! colour is shown in up to four of its values (the classic's first), so a skipped question becomes a choice on the
//! board; with nothing skipped, the design is shown at the top, middle and bottom of the budget band. With a budget
//! band, each design's centre stone is the largest the band's top allows with the boutique's list that the workshop
//! can make (`Sized::OverBudget` when even the smallest is over).

use super::options::Colour;
use crate::design::necklace::{Necklace, PendantStyle};
use crate::design::{Alloy, Cut, Design, Setting, Species};
use crate::estimate::price::PriceList;

/// A question of the guide, in the order asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    Piece,
    Colour,
    Silhouette,
    Shape,
    Stone,
    Budget,
}

impl Question {
    pub const ALL: [Question; 6] =
        [Question::Piece, Question::Colour, Question::Silhouette, Question::Shape, Question::Stone, Question::Budget];

    pub fn slug(self) -> &'static str {
        match self {
            Question::Piece => "piece",
            Question::Colour => "colour",
            Question::Silhouette => "silhouette",
            Question::Shape => "shape",
            Question::Stone => "stone",
            Question::Budget => "budget",
        }
    }
}

/// How the piece holds its stone, as a client sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Silhouette {
    Solitaire,
    Halo,
    ThreeStone,
    Bezel,
    /// A necklace's pendant hanging from a bar.
    Drop,
}

/// The budget bands the guide offers, in the price list's currency: (from, up to; `None`: no top).
pub const BUDGET_BANDS: [(f32, Option<f32>); 4] =
    [(0.0, Some(2_000.0)), (2_000.0, Some(5_000.0)), (5_000.0, Some(10_000.0)), (10_000.0, None)];

/// One answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Choice {
    /// A necklace (`true`) or a ring.
    Necklace(bool),
    Colour(Colour),
    Silhouette(Silhouette),
    Shape(Cut),
    Stone(Species),
    /// One of `BUDGET_BANDS`.
    Budget(usize),
}

impl Choice {
    pub fn question(self) -> Question {
        match self {
            Choice::Necklace(_) => Question::Piece,
            Choice::Colour(_) => Question::Colour,
            Choice::Silhouette(_) => Question::Silhouette,
            Choice::Shape(_) => Question::Shape,
            Choice::Stone(_) => Question::Stone,
            Choice::Budget(_) => Question::Budget,
        }
    }

    /// A name for files and widget ids ("shape-oval").
    pub fn slug(self) -> String {
        let value = match self {
            Choice::Necklace(true) => "necklace".to_string(),
            Choice::Necklace(false) => "ring".to_string(),
            Choice::Colour(colour) => format!("{colour:?}").to_lowercase(),
            Choice::Silhouette(s) => format!("{s:?}").to_lowercase(),
            Choice::Shape(cut) => cut.slug().to_string(),
            Choice::Stone(species) => format!("{species:?}").to_lowercase(),
            Choice::Budget(band) => band.to_string(),
        };
        format!("{}-{value}", self.question().slug())
    }
}

/// The answers given so far (`None`: not asked yet or skipped).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub necklace: Option<bool>,
    pub colour: Option<Colour>,
    pub silhouette: Option<Silhouette>,
    pub shape: Option<Cut>,
    pub stone: Option<Species>,
    pub budget: Option<usize>,
}

impl Answers {
    pub fn with(&self, choice: Choice) -> Answers {
        let mut next = self.clone();
        match choice {
            Choice::Necklace(n) => next.necklace = Some(n),
            Choice::Colour(c) => next.colour = Some(c),
            Choice::Silhouette(s) => next.silhouette = Some(s),
            Choice::Shape(c) => next.shape = Some(c),
            Choice::Stone(s) => next.stone = Some(s),
            Choice::Budget(b) => next.budget = Some(b.min(BUDGET_BANDS.len() - 1)),
        }
        next
    }

    /// The answers given, in the order of the questions.
    pub fn given(&self) -> Vec<Choice> {
        [
            self.necklace.map(Choice::Necklace),
            self.colour.map(Choice::Colour),
            self.silhouette.map(Choice::Silhouette),
            self.shape.map(Choice::Shape),
            self.stone.map(Choice::Stone),
            self.budget.map(Choice::Budget),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn is_necklace(&self) -> bool {
        self.necklace == Some(true)
    }
}

/// What a question offers, given the answers before it (a necklace's silhouettes are its pendants').
pub fn choices(question: Question, answers: &Answers) -> Vec<Choice> {
    match question {
        Question::Piece => vec![Choice::Necklace(false), Choice::Necklace(true)],
        Question::Colour => [Colour::Yellow, Colour::White, Colour::Rose].map(Choice::Colour).to_vec(),
        Question::Silhouette if answers.is_necklace() => {
            [Silhouette::Solitaire, Silhouette::Halo, Silhouette::Drop].map(Choice::Silhouette).to_vec()
        }
        Question::Silhouette => [Silhouette::Solitaire, Silhouette::Halo, Silhouette::ThreeStone, Silhouette::Bezel]
            .map(Choice::Silhouette)
            .to_vec(),
        Question::Shape => [Cut::RoundBrilliant, Cut::Oval, Cut::Cushion, Cut::Emerald, Cut::Pear, Cut::Princess]
            .map(Choice::Shape)
            .to_vec(),
        Question::Stone => [
            Species::Diamond,
            Species::BlueSapphire,
            Species::Ruby,
            Species::Emerald,
            Species::Morganite,
            Species::Aquamarine,
        ]
        .map(Choice::Stone)
        .to_vec(),
        Question::Budget => (0..BUDGET_BANDS.len()).map(Choice::Budget).collect(),
    }
}

fn alloy_of(colour: Colour) -> Alloy {
    match colour {
        Colour::Yellow => Alloy::Yellow18k,
        Colour::White => Alloy::White18k,
        Colour::Rose => Alloy::Rose18k,
        Colour::Silver => Alloy::Sterling925,
    }
}

/// The design the answers describe, the classic's values where none was given.
pub fn design_of(answers: &Answers) -> Design {
    let mut design = Design { name: "Style".into(), ..Design::default() };
    design.metal.alloy = alloy_of(answers.colour.unwrap_or(Colour::Yellow));
    design.stone.cut = answers.shape.unwrap_or(Cut::RoundBrilliant);
    design.stone.species = answers.stone.unwrap_or(Species::Diamond);
    let silhouette = answers.silhouette.unwrap_or(Silhouette::Solitaire);
    if answers.is_necklace() {
        let pendant = match silhouette {
            Silhouette::Halo => PendantStyle::Halo,
            Silhouette::Drop => PendantStyle::Drop,
            _ => PendantStyle::Solitaire,
        };
        design.necklace = Some(Necklace { pendant, ..Necklace::default() });
    } else {
        design.setting = match silhouette {
            Silhouette::Halo => Setting::Halo,
            Silhouette::ThreeStone => Setting::ThreeStone,
            Silhouette::Bezel => Setting::Bezel,
            Silhouette::Solitaire | Silhouette::Drop => Setting::SixProng,
        };
    }
    // A one-carat look whatever the shape and species (a three-stone's centre at most its limit).
    let sg = design.stone.species.data().specific_gravity;
    let size = crate::geometry::cut::size_for_carats(design.stone.cut, 1.0, sg);
    design.stone.size_mm = (size * 100.0).round() / 100.0;
    if design.setting == Setting::ThreeStone {
        design.stone.size_mm = design.stone.size_mm.min(crate::design::limits::THREE_STONE_MAX_MM);
    }
    design
}

/// The design a choice's picture shows: the answers so far with this choice (budget bands have no picture).
pub fn picture_design(choice: Choice) -> Option<Design> {
    if matches!(choice, Choice::Budget(_)) {
        return None;
    }
    // Pictures are the same whatever came before (so they are rendered once): white gold for shapes and stones,
    // a round diamond for colours and silhouettes.
    let base = Answers { colour: Some(Colour::White), ..Answers::default() };
    let answers = match choice {
        Choice::Colour(_) => Answers::default().with(choice),
        Choice::Silhouette(Silhouette::Drop) => base.with(Choice::Necklace(true)).with(choice),
        _ => base.with(choice),
    };
    Some(design_of(&answers))
}

/// Every choice with a picture, each once (a ring's and a necklace's silhouettes).
pub fn picture_choices() -> Vec<Choice> {
    let mut all = Vec::new();
    for question in Question::ALL {
        for answers in [Answers::default(), Answers::default().with(Choice::Necklace(true))] {
            for choice in choices(question, &answers) {
                if picture_design(choice).is_some() && !all.contains(&choice) {
                    all.push(choice);
                }
            }
        }
    }
    all
}

/// Whether a starting design's price sits in the budget band asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sized {
    /// No budget was given: the one-carat look.
    AsShown,
    /// The centre stone chosen for the band: the price it gives.
    WithinBudget(f32),
    /// Even the smallest stone the workshop can set is over the band's top: the price it gives.
    OverBudget(f32),
}

/// A starting design: the design, the answers it follows, the question it varies (skipped) and its price's place.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub design: Design,
    pub because: Vec<Choice>,
    /// The skipped question whose value this design shows (`None`: it follows the answers only).
    pub varied: Option<Choice>,
    pub sized: Sized,
}

/// Up to four starting designs from the answers.
pub fn starting_designs(answers: &Answers, list: Option<&PriceList>) -> Vec<Start> {
    let because = answers.given();
    let skipped =
        [Question::Silhouette, Question::Shape, Question::Stone, Question::Colour].into_iter().find(|q| match q {
            Question::Silhouette => answers.silhouette.is_none(),
            Question::Shape => answers.shape.is_none(),
            Question::Stone => answers.stone.is_none(),
            _ => answers.colour.is_none(),
        });
    let band = answers.budget.and_then(|b| BUDGET_BANDS.get(b).copied());
    let fit = |design: Design| fit_to_budget(design, band.and_then(|(_, top)| top), list);
    match skipped {
        Some(question) => choices(question, answers)
            .into_iter()
            .take(4)
            .map(|choice| {
                let (design, sized) = fit(design_of(&answers.with(choice)));
                Start { design, because: because.clone(), varied: Some(choice), sized }
            })
            .collect(),
        None => {
            let (design, sized) = fit(design_of(answers));
            let mut starts = vec![Start { design: design.clone(), because: because.clone(), varied: None, sized }];
            // Nothing skipped: the same design lower in the band (two thirds and a third of the way up).
            if let (Some((low, Some(top))), Sized::WithinBudget(_)) = (band, sized) {
                for share in [2.0 / 3.0, 1.0 / 3.0] {
                    let (lower, sized) = fit_to_budget(design_of(answers), Some(low + (top - low) * share), list);
                    if matches!(sized, Sized::WithinBudget(_)) && lower.stone.size_mm < design.stone.size_mm - 0.05 {
                        starts.push(Start { design: lower, because: because.clone(), varied: None, sized });
                    }
                }
            }
            starts
        }
    }
}

/// The design with the largest centre stone (0.1 mm steps) whose price is at most `top` and the workshop can make.
fn fit_to_budget(design: Design, top: Option<f32>, list: Option<&PriceList>) -> (Design, Sized) {
    let (Some(top), Some(list)) = (top, list) else { return (design, Sized::AsShown) };
    let (min, max) = crate::design::limits::STONE_MM;
    let max = if design.setting == Setting::ThreeStone { crate::design::limits::THREE_STONE_MAX_MM } else { max };
    let price_at = |size: f32| {
        let mut sized = design.clone();
        sized.stone.size_mm = size;
        let volumes = crate::estimate::volumes_of(&crate::geometry::assemble::assemble(&sized));
        let price = list.estimate_with(&sized, &volumes).ok().map(|e| e.retail);
        (sized, price)
    };
    let steps = ((max - min) * 10.0).round() as u32;
    let mut smallest_makeable = None;
    // From the largest down: the first that fits and can be made (prices rise with the stone).
    for step in (0..=steps).rev() {
        let size = min + step as f32 / 10.0;
        let (sized, price) = price_at(size);
        let Some(price) = price else { continue };
        if crate::workshop::checks::breaks_a_hard_limit(&sized) {
            continue;
        }
        if price <= top {
            return (sized, Sized::WithinBudget(price));
        }
        smallest_makeable = Some((sized, price));
    }
    match smallest_makeable {
        Some((sized, price)) => (sized, Sized::OverBudget(price)),
        None => (design, Sized::AsShown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> PriceList {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/price-list.ron");
        PriceList::load(&path).expect("the sample list")
    }

    #[test]
    fn a_skipped_question_becomes_the_boards_choice_and_answers_are_kept() {
        let answers = Answers::default().with(Choice::Colour(Colour::Rose)).with(Choice::Shape(Cut::Oval));
        // The silhouette was skipped: four silhouettes, each an oval in rose gold.
        let starts = starting_designs(&answers, None);
        assert_eq!(starts.len(), 4);
        let settings: Vec<Setting> = starts.iter().map(|s| s.design.setting).collect();
        assert_eq!(settings, [Setting::SixProng, Setting::Halo, Setting::ThreeStone, Setting::Bezel]);
        for start in &starts {
            assert_eq!((start.design.metal.alloy, start.design.stone.cut), (Alloy::Rose18k, Cut::Oval));
            assert_eq!(start.because, vec![Choice::Colour(Colour::Rose), Choice::Shape(Cut::Oval)]);
            assert!(start.design.validate().is_ok());
        }
        // A necklace's silhouettes are its pendants'.
        let necklace = Answers::default().with(Choice::Necklace(true)).with(Choice::Shape(Cut::Pear));
        let starts = starting_designs(&necklace, None);
        assert_eq!(starts.len(), 3);
        assert!(starts.iter().all(|s| s.design.necklace.is_some()));
    }

    #[test]
    fn a_budget_band_sizes_each_stone_to_its_top_and_says_when_it_cannot() {
        let list = list();
        let all = Answers::default()
            .with(Choice::Necklace(false))
            .with(Choice::Colour(Colour::White))
            .with(Choice::Silhouette(Silhouette::Solitaire))
            .with(Choice::Shape(Cut::RoundBrilliant))
            .with(Choice::Stone(Species::Diamond))
            .with(Choice::Budget(2));
        let starts = starting_designs(&all, Some(&list));
        assert!(!starts.is_empty() && starts.len() <= 3);
        let (_, top) = BUDGET_BANDS[2];
        let top = top.expect("a top");
        for start in &starts {
            let price = list.estimate(&start.design).expect("priced").retail;
            assert_eq!(start.sized, Sized::WithinBudget(price));
            assert!(price <= top, "{price}");
            assert!(!crate::workshop::checks::breaks_a_hard_limit(&start.design));
        }
        // The first is the largest that fits: 0.1 mm more is over the top (or unmakeable).
        let first = &starts[0].design;
        let mut larger = first.clone();
        larger.stone.size_mm += 0.1;
        assert!(list.estimate(&larger).expect("priced").retail > top);
        // Under 2 000 €, a diamond halo cannot be made: each design says where it stands (over, with its price).
        let low = Answers { budget: Some(0), ..all.with(Choice::Silhouette(Silhouette::Halo)) };
        for start in starting_designs(&low, Some(&list)) {
            match start.sized {
                Sized::WithinBudget(price) => assert!(price <= 2000.0),
                Sized::OverBudget(price) => {
                    assert!(price > 2000.0 && price == list.estimate(&start.design).expect("priced").retail)
                }
                Sized::AsShown => panic!("a budget was given"),
            }
        }
    }

    #[test]
    fn every_choice_has_a_picture_but_the_budget_and_slugs_are_unique() {
        let mut slugs = std::collections::HashSet::new();
        for question in Question::ALL {
            for answers in [Answers::default(), Answers::default().with(Choice::Necklace(true))] {
                for choice in choices(question, &answers) {
                    assert_eq!(picture_design(choice).is_none(), question == Question::Budget, "{choice:?}");
                    if let Some(design) = picture_design(choice) {
                        assert!(design.validate().is_ok(), "{choice:?}");
                    }
                    slugs.insert(choice.slug());
                }
            }
        }
        assert_eq!(slugs.len(), 2 + 3 + 5 + 6 + 6 + 4);
    }
}
