//! Every change to a design is a `DesignCommand`, applied in one place and kept in an undo/redo `History`.

use super::variants::{VariantCommand, Variants};
use super::{Alloy, Cut, Design, DesignError, Finish, Setting, ShankStyle, SizeSystem, Species};

/// One change the advisor or the client asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum DesignCommand {
    SetAlloy(Alloy),
    /// Two-tone: the head's alloy (`None`: same as the band).
    SetHeadAlloy(Option<Alloy>),
    SetFinish(Finish),
    SetSpecies(Species),
    /// The side stones' species (halo, shoulders, pavé, a house model's side stones and melee).
    SetSideSpecies(Species),
    SetCut(Cut),
    /// Stone length in mm.
    SetStoneSize(f32),
    SetSetting(Setting),
    SetShank(ShankStyle),
    /// Inner circumference in mm.
    SetRingSize(f32),
    SetSizeSystem(SizeSystem),
    SetEngraving(String),
    SetEngravingStyle(super::engraving::EngravingStyle),
    SetName(String),
    /// A ring (`None`) or a necklace: the chain's style and length and the pendant.
    SetNecklace(Option<super::necklace::Necklace>),
    /// Replace the whole design (a preset was opened).
    Load(Box<Design>),
}

impl DesignCommand {
    /// The design after this command, or why a bench could not make it (the input design is untouched).
    pub fn apply_to(&self, design: &Design) -> Result<Design, DesignError> {
        let mut next = design.clone();
        match self {
            DesignCommand::SetAlloy(alloy) => next.metal.alloy = *alloy,
            DesignCommand::SetHeadAlloy(alloy) => next.head_alloy = alloy.filter(|a| *a != next.metal.alloy),
            DesignCommand::SetFinish(finish) => next.metal.finish = *finish,
            DesignCommand::SetSpecies(species) => next.stone.species = *species,
            DesignCommand::SetSideSpecies(species) => {
                next.side_species = Some(*species).filter(|&s| s != Species::Diamond);
            }
            DesignCommand::SetCut(cut) => next.stone.cut = *cut,
            DesignCommand::SetStoneSize(mm) => next.stone.size_mm = *mm,
            DesignCommand::SetSetting(setting) => next.setting = *setting,
            DesignCommand::SetShank(shank) => next.shank = *shank,
            DesignCommand::SetRingSize(mm) => next.ring_size_mm = *mm,
            DesignCommand::SetSizeSystem(system) => next.size_system = *system,
            DesignCommand::SetEngraving(text) => next.engraving = text.clone(),
            DesignCommand::SetEngravingStyle(style) => next.engraving_style = *style,
            DesignCommand::SetName(name) => next.name = name.clone(),
            DesignCommand::SetNecklace(necklace) => next.necklace = *necklace,
            DesignCommand::Load(design) => next = (**design).clone(),
        }
        next.validate()?;
        Ok(next)
    }
}

/// Undo steps kept: an appointment's worth many times over; a studio left open for days forgets the oldest.
pub const MAX_UNDO_STEPS: usize = 1000;

/// The design being edited, with its variants, and undo and redo of both (the last `MAX_UNDO_STEPS` steps).
#[derive(Clone, Debug, Default)]
pub struct History {
    current: Variants,
    undo: std::collections::VecDeque<Variants>,
    redo: Vec<Variants>,
}

impl History {
    pub fn new(design: Design) -> Self {
        History::of_variants(Variants::single(design))
    }

    pub fn of_variants(variants: Variants) -> Self {
        History { current: variants, undo: Default::default(), redo: Vec::new() }
    }

    /// The design being edited (the active variant).
    pub fn current(&self) -> &Design {
        self.current.active_design()
    }

    pub fn variants(&self) -> &Variants {
        &self.current
    }

    /// Applies a command to the design being edited; a refused command leaves the design and the history
    /// untouched. Returns whether the design changed.
    pub fn apply(&mut self, command: &DesignCommand) -> Result<bool, DesignError> {
        let next = command.apply_to(self.current())?;
        if next == *self.current() {
            return Ok(false);
        }
        let next = self.current.with_active(next);
        self.push(next);
        Ok(true)
    }

    /// Applies a variant command. Choosing which variant to edit is not an undo step; the others are.
    pub fn apply_to_variants(&mut self, command: &VariantCommand) -> Result<bool, DesignError> {
        let next = self.current.apply(command)?;
        if next == self.current {
            return Ok(false);
        }
        if matches!(command, VariantCommand::Select(_)) {
            self.current = next;
        } else {
            self.push(next);
        }
        Ok(true)
    }

    fn push(&mut self, next: Variants) {
        self.undo.push_back(std::mem::replace(&mut self.current, next));
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop_back() {
            Some(previous) => {
                self.redo.push(std::mem::replace(&mut self.current, previous));
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push_back(std::mem::replace(&mut self.current, next));
                true
            }
            None => false,
        }
    }

    /// Undo steps held (at most `MAX_UNDO_STEPS`).
    pub fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_keeps_the_last_thousand_steps_and_no_more() {
        let mut history = History::new(Design::default());
        for step in 0..MAX_UNDO_STEPS + 50 {
            let size = 45.0 + (step % 20) as f32 + if step % 40 >= 20 { 0.5 } else { 0.0 };
            history.apply(&DesignCommand::SetRingSize(size)).expect("a size");
        }
        let mut undone = 0;
        while history.undo() {
            undone += 1;
        }
        assert_eq!(undone, MAX_UNDO_STEPS);
    }

    #[test]
    fn refused_command_keeps_the_design() {
        let mut history = History::new(Design::default());
        let before = history.current().clone();
        assert!(history.apply(&DesignCommand::SetStoneSize(40.0)).is_err());
        assert_eq!(history.current(), &before);
        assert!(!history.can_undo());
    }

    #[test]
    fn undo_all_returns_to_the_start_and_redo_all_to_the_end() {
        let start = Design::default();
        let mut history = History::new(start.clone());
        let commands = [
            DesignCommand::SetAlloy(Alloy::Platinum950),
            DesignCommand::SetCut(Cut::Oval),
            DesignCommand::SetStoneSize(7.4),
            DesignCommand::SetSetting(Setting::Halo),
            DesignCommand::SetRingSize(56.0),
            DesignCommand::SetEngraving("A & B".into()),
        ];
        for command in &commands {
            assert_eq!(history.apply(command), Ok(true));
        }
        let end = history.current().clone();
        while history.undo() {}
        assert_eq!(history.current(), &start);
        while history.redo() {}
        assert_eq!(history.current(), &end);
    }

    /// A command drawn from a small deterministic generator (xorshift): design changes, some refused, and
    /// variant operations.
    fn random_command(state: &mut u64) -> Either {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let pick = |n: u64| (*state >> 8) % n;
        let index = pick(5) as usize;
        match pick(12) {
            0 => Either::Design(DesignCommand::SetAlloy(Alloy::ALL[index % Alloy::ALL.len()])),
            1 => Either::Design(DesignCommand::SetCut(Cut::ALL[index % Cut::ALL.len()])),
            2 => Either::Design(DesignCommand::SetStoneSize(3.0 + pick(120) as f32 * 0.1)),
            3 => Either::Design(DesignCommand::SetSetting(Setting::ALL[index % Setting::ALL.len()])),
            4 => Either::Design(DesignCommand::SetRingSize(44.0 + pick(30) as f32)),
            5 => Either::Design(DesignCommand::SetStoneSize(-1.0)),
            6 => Either::Design(DesignCommand::SetFinish(Finish::ALL[index % Finish::ALL.len()])),
            7 => Either::Variant(VariantCommand::Duplicate),
            8 => Either::Variant(VariantCommand::Select(index)),
            9 => Either::Variant(VariantCommand::ToggleFavourite(index)),
            10 => Either::Variant(VariantCommand::Promote(index)),
            _ => Either::Variant(VariantCommand::Remove(index)),
        }
    }

    enum Either {
        Design(DesignCommand),
        Variant(VariantCommand),
    }

    #[test]
    fn random_sequences_undo_to_the_start_and_redo_to_the_end() {
        for seed in 1..=40u64 {
            let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            let start = Variants::single(Design::default());
            let mut history = History::of_variants(start.clone());
            let mut steps = 0;
            for _ in 0..60 {
                // Refused commands (a negative stone size, a sixth variant, a missing one) change nothing.
                let changed = match random_command(&mut state) {
                    Either::Design(command) => history.apply(&command).unwrap_or(false),
                    Either::Variant(VariantCommand::Select(index)) => {
                        let _ = history.apply_to_variants(&VariantCommand::Select(index));
                        false
                    }
                    Either::Variant(command) => history.apply_to_variants(&command).unwrap_or(false),
                };
                steps += usize::from(changed);
            }
            let end = history.variants().clone();
            let mut undone = 0;
            while history.undo() {
                undone += 1;
            }
            assert_eq!(undone, steps, "seed {seed}: one undo per change");
            assert_eq!(history.variants().designs(), start.designs(), "seed {seed}");
            while history.redo() {}
            assert_eq!(history.variants().designs(), end.designs(), "seed {seed}");
            assert_eq!(history.variants().favourite(), end.favourite(), "seed {seed}");
        }
    }
}
