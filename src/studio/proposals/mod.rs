//! Écrin's proposals within the client's budget (`crate::suggest`) in the studio: the advisor sets a budget and
//! what the client keeps; the table of the design's neighbourhood is priced off the frame (again when the design
//! changes), and each budget only walks it, so the slider never waits. Up to three proposals show in the panel
//! with their reasons and on the board as candidates beside the variants (`floor::candidates`), marked as Écrin's;
//! nothing changes until a person takes one. The journal then says what Écrin proposed and who took it or set it
//! aside. This feature owns `ProposalCommand`; the house's `proposals.ron` can turn it off or rule alternatives out.

pub mod panel;

use super::StudioSystems;
use crate::design::journal::{Change, Who, now};
use crate::design::{Design, DesignCommand};
use crate::studio::document::DocumentCommand;
use crate::studio::floor::background::Background;
use crate::studio::floor::commands::Route;
use crate::studio::floor::{BoardCandidates, CurrentDesign};
use crate::studio::pricing::Pricing;
use crate::suggest::rules::{ProposalRules, RulesError};
use crate::suggest::{Keep, Outcome, SuggestError, Table};
use bevy::prelude::*;

/// What the advisor asks of the proposals.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ProposalCommand {
    /// The client's budget, in the price list's currency (`None`: no budget, no proposals).
    Budget(Option<f32>),
    /// What the client will not change.
    Keep(Keep),
    /// A person takes the proposal shown at this place (0: the first): the design being edited becomes it.
    Take(usize),
    /// A person sets the proposal shown at this place aside: the next way to the budget comes up.
    SetAside(usize),
}

crate::carried!(ProposalCommand);

/// The proposals of the appointment: the budget, what is kept, the priced table and what the budget finds.
#[derive(Resource)]
pub struct Proposals {
    pub budget: Option<f32>,
    pub keep: Keep,
    /// The house's word on proposals (`proposals.ron`), or why it could not be read (proposals stay off then).
    pub rules: Result<ProposalRules, RulesError>,
    /// The table of the design and keep list `made_for` names.
    table: Option<Table>,
    /// The table being made, and for what.
    making: Option<(Background<Result<Table, SuggestError>>, Design, Keep)>,
    /// What the budget finds; `None` while there is no budget or the table is being made.
    pub outcome: Option<Result<Outcome, SuggestError>>,
    /// The design and keep list the table (or the failure to make one) is for.
    made_for: Option<(Design, Keep)>,
    /// Proposals a person set aside for this design.
    set_aside: Vec<Design>,
    /// When each proposal shown first showed (seconds since 1970): the journal's time for "Écrin proposed".
    shown_since: Vec<(Design, u64)>,
}

impl Default for Proposals {
    fn default() -> Self {
        Proposals {
            budget: None,
            keep: Keep::default(),
            rules: Ok(ProposalRules::default()),
            table: None,
            making: None,
            made_for: None,
            outcome: None,
            set_aside: Vec::new(),
            shown_since: Vec::new(),
        }
    }
}

impl Proposals {
    /// Whether the neighbourhood is being priced now.
    pub fn is_searching(&self) -> bool {
        self.making.is_some()
    }

    /// The proposals shown now.
    pub fn shown(&self) -> &[crate::suggest::Proposal] {
        match &self.outcome {
            Some(Ok(Outcome::Proposals(found))) => found,
            _ => &[],
        }
    }

    /// The currency of the table's prices.
    pub fn currency(&self) -> Option<&str> {
        self.table.as_ref().map(Table::currency)
    }

    fn refresh(&mut self) {
        self.outcome = match (self.budget, &self.table) {
            (Some(budget), Some(table)) => Some(Ok(table.within_except(budget, &self.set_aside))),
            _ => None,
        };
        let at = now();
        let shown: Vec<Design> = self.shown().iter().map(|p| p.design.clone()).collect();
        self.shown_since.retain(|(design, _)| shown.contains(design));
        for design in shown {
            if !self.shown_since.iter().any(|(d, _)| *d == design) {
                self.shown_since.push((design, at));
            }
        }
    }
}

/// The proposals' commands and search (headless apps and tests run it without the panel).
pub fn headless_plugin(app: &mut App) {
    app.init_resource::<Proposals>()
        .add_message::<ProposalCommand>()
        .add_systems(Startup, read_the_house_rules)
        .add_systems(
            Update,
            (carry_out_commands, follow_the_design, show_on_the_board).chain().in_set(StudioSystems::Input),
        );
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(headless_plugin);
}

fn read_the_house_rules(mut proposals: ResMut<Proposals>) {
    let path = crate::studio::pricing::proposal_rules_path();
    proposals.rules = ProposalRules::load(&path);
    if let Err(error) = &proposals.rules {
        warn!("{error}");
    }
}

fn carry_out_commands(
    mut commands: MessageReader<ProposalCommand>,
    mut proposals: ResMut<Proposals>,
    current: Res<CurrentDesign>,
    mut route: Route,
) {
    for command in commands.read() {
        match command {
            ProposalCommand::Budget(budget) => {
                proposals.budget = budget.filter(|b| b.is_finite() && *b >= 0.0);
                proposals.refresh();
            }
            ProposalCommand::Keep(keep) => proposals.keep = *keep,
            ProposalCommand::Take(index) | ProposalCommand::SetAside(index) => {
                let Some(proposal) = proposals.shown().get(*index).cloned() else { continue };
                let (Some(budget), Some(currency)) = (proposals.budget, proposals.currency()) else { continue };
                let shown_at =
                    proposals.shown_since.iter().find(|(d, _)| *d == proposal.design).map_or(now(), |(_, at)| *at);
                let proposed =
                    Change::Proposed { budget, currency: currency.to_string(), changes: proposal.changes.clone() };
                let decided = match command {
                    ProposalCommand::Take(_) => Change::ProposalTaken,
                    _ => Change::ProposalSetAside,
                };
                let who = current.proposer;
                route.send([
                    DocumentCommand::Record(vec![(shown_at, Who::Ecrin, proposed), (now(), who, decided)]).into()
                ]);
                if matches!(command, ProposalCommand::Take(_)) {
                    let load = DesignCommand::Load(Box::new(proposal.design.clone()));
                    route.send([DocumentCommand::Design(load).into()]);
                } else {
                    proposals.set_aside.push(proposal.design.clone());
                    proposals.refresh();
                }
            }
        }
    }
}

/// Prices the design's neighbourhood off the frame when the design or what is kept changes (while there is a
/// budget), and walks the table for the budget when it comes.
fn follow_the_design(
    mut proposals: ResMut<Proposals>,
    current: Res<CurrentDesign>,
    pricing: Option<Res<Pricing>>,
    house: Option<Res<crate::studio::collection::StudioCollection>>,
) {
    if proposals.budget.is_none() {
        if proposals.outcome.is_some() {
            proposals.outcome = None;
        }
        return;
    }
    if let Some((making, design, keep)) = proposals.making.take() {
        match making.outcome() {
            None => {
                proposals.making = Some((making, design, keep));
                return;
            }
            Some(made) => {
                if proposals.made_for.as_ref().is_none_or(|(d, _)| *d != design) {
                    proposals.set_aside.clear();
                }
                proposals.made_for = Some((design, keep));
                match made {
                    Some(Ok(table)) => {
                        proposals.table = Some(table);
                        proposals.refresh();
                    }
                    Some(Err(error)) => {
                        proposals.table = None;
                        proposals.outcome = Some(Err(error));
                    }
                    None => proposals.table = None,
                }
            }
        }
    }
    let design = current.design();
    let keep = proposals.keep;
    if proposals.made_for.as_ref().is_some_and(|(d, k)| d == design && *k == keep) {
        return;
    }
    let rules = match &proposals.rules {
        Ok(rules) => rules.clone(),
        Err(_) => return,
    };
    let Some(list) = pricing.and_then(|p| p.list.clone()) else { return };
    let allowed = house
        .and_then(|house| crate::studio::collection::house_rules(&current, &house))
        .map(|rules| rules.centre_species)
        .unwrap_or_default();
    let wanted = design.clone();
    let made_for = wanted.clone();
    let search = Background::compute(move || Table::of(&wanted, &list, keep, &rules, &allowed));
    proposals.making = Some((search, made_for, keep));
    // What was shown was for the design before: nothing until the new table is in.
    proposals.table = None;
    proposals.outcome = None;
}

/// The proposals shown are the board's candidates (as many as it has room for). While a new table is made (the
/// design changed) the tiles keep the last ones, replaced in place when the new ones come, rather than going and
/// coming back (their pieces would be taken down and built again).
fn show_on_the_board(proposals: Res<Proposals>, mut candidates: ResMut<BoardCandidates>) {
    if !proposals.is_changed() || (proposals.budget.is_some() && proposals.is_searching()) {
        return;
    }
    let shown: Vec<Design> = proposals.shown().iter().map(|p| p.design.clone()).collect();
    if candidates.0 != shown {
        candidates.0 = shown;
    }
}
