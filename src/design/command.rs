//! Every change to a design is a `DesignCommand`, applied in one place and kept in an undo/redo `History`.

use super::{Alloy, Cut, Design, DesignError, Finish, Setting, ShankStyle, SizeSystem, Species};

/// One change the advisor or the client asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum DesignCommand {
    SetAlloy(Alloy),
    /// Two-tone: the head's alloy (`None`: same as the band).
    SetHeadAlloy(Option<Alloy>),
    SetFinish(Finish),
    SetSpecies(Species),
    SetCut(Cut),
    /// Stone length in mm.
    SetStoneSize(f32),
    /// Target weight in carats: the size is derived from the cut's volume and the species' SG.
    SetStoneCarats(f32),
    SetSetting(Setting),
    SetShank(ShankStyle),
    /// Inner circumference in mm.
    SetRingSize(f32),
    SetSizeSystem(SizeSystem),
    SetEngraving(String),
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
            DesignCommand::SetCut(cut) => next.stone.cut = *cut,
            DesignCommand::SetStoneSize(mm) => next.stone.size_mm = *mm,
            DesignCommand::SetStoneCarats(carats) => {
                if !(carats.is_finite() && *carats > 0.0) {
                    return Err(DesignError::Carat(*carats));
                }
                let sg = next.stone.species.data().specific_gravity;
                next.stone.size_mm = crate::geometry::cut::size_for_carats(next.stone.cut, *carats, sg);
            }
            DesignCommand::SetSetting(setting) => next.setting = *setting,
            DesignCommand::SetShank(shank) => next.shank = *shank,
            DesignCommand::SetRingSize(mm) => next.ring_size_mm = *mm,
            DesignCommand::SetSizeSystem(system) => next.size_system = *system,
            DesignCommand::SetEngraving(text) => next.engraving = text.clone(),
            DesignCommand::SetName(name) => next.name = name.clone(),
            DesignCommand::SetNecklace(necklace) => next.necklace = *necklace,
            DesignCommand::Load(design) => next = (**design).clone(),
        }
        next.validate()?;
        Ok(next)
    }
}

/// The current design with unlimited undo and redo.
#[derive(Clone, Debug, Default)]
pub struct History {
    current: Design,
    undo: Vec<Design>,
    redo: Vec<Design>,
}

impl History {
    pub fn new(design: Design) -> Self {
        History { current: design, undo: Vec::new(), redo: Vec::new() }
    }

    pub fn current(&self) -> &Design {
        &self.current
    }

    /// Applies a command; a refused command leaves the design and the history untouched.
    /// Returns whether the design changed.
    pub fn apply(&mut self, command: &DesignCommand) -> Result<bool, DesignError> {
        let next = command.apply_to(&self.current)?;
        if next == self.current {
            return Ok(false);
        }
        self.undo.push(std::mem::replace(&mut self.current, next));
        self.redo.clear();
        Ok(true)
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
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
                self.undo.push(std::mem::replace(&mut self.current, next));
                true
            }
            None => false,
        }
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
            DesignCommand::SetStoneCarats(1.5),
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

    #[test]
    fn carat_target_gives_a_size_that_weighs_that_much() {
        let mut history = History::new(Design::default());
        history.apply(&DesignCommand::SetStoneCarats(1.0)).expect("1 ct fits");
        let design = history.current();
        // A 1.00 ct round brilliant diamond is about 6.4–6.5 mm across (notes).
        assert!((6.2..6.7).contains(&design.stone.size_mm), "{}", design.stone.size_mm);
        assert!((design.centre_carats() - 1.0).abs() < 0.01);
    }
}
