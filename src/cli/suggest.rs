//! `ecrin suggest`: up to three variants of a preset that fit a budget with the boutique's price list, each with its
//! reasons in figures (`crate::suggest`), for designers preparing an appointment. Nothing is written: the preset is
//! read, the proposals printed.

use super::language;
use crate::suggest::rules::ProposalRules;
use crate::suggest::{Keep, Outcome};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct SuggestArgs {
    /// The design (a preset; a house's model is loaded from the collection).
    pub preset: PathBuf,
    /// The client's budget, in the price list's currency.
    #[arg(long)]
    pub budget: f32,
    /// What the client will not change, comma-separated: cut, metal, metal-colour, stone, size, setting, band,
    /// side-stones.
    #[arg(long, value_parser = parse_keep)]
    pub keep: Option<Keep>,
    /// The price list (default: the studio's — the boutique's own, else the sample).
    #[arg(long)]
    pub prices: Option<PathBuf>,
    /// The house's proposal settings (default: the studio's — `proposals.ron` beside the price list, else the
    /// sample).
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

fn parse_keep(text: &str) -> Result<Keep, String> {
    Keep::parse(text).map_err(|word| {
        let words = Keep::WORDS.join(", ");
        crate::tr!(language(), "cli-unknown-keep", word = word, words = words)
    })
}

pub fn run(args: SuggestArgs) -> ExitCode {
    let l = language();
    if !(args.budget.is_finite() && args.budget >= 0.0) {
        eprintln!("{}", crate::tr!(l, "cli-budget", value = args.budget.to_string()));
        return ExitCode::from(2);
    }
    let design = match super::or_bad_input(super::load_preset(&args.preset)) {
        Ok(design) => design,
        Err(code) => return code,
    };
    let prices = args.prices.unwrap_or_else(crate::studio::pricing::price_list_path);
    let list = match super::price_list(Some(&prices)) {
        Ok(Some(list)) => list,
        Ok(None) => return ExitCode::from(2),
        Err(code) => return code,
    };
    let rules_path = args.rules.unwrap_or_else(crate::studio::pricing::proposal_rules_path);
    let rules = match ProposalRules::load(&rules_path) {
        Ok(rules) => rules,
        Err(error) => {
            eprintln!("{}", error.in_language(l));
            return ExitCode::from(2);
        }
    };
    let allowed = design
        .source
        .collection()
        .and_then(|m| crate::collection::current().manifest(&m.id).ok())
        .map(|manifest| manifest.allowed.centre_species)
        .unwrap_or_default();
    match crate::suggest::propose(&design, &list, args.budget, args.keep.unwrap_or_default(), &rules, &allowed) {
        Ok(outcome) => {
            for line in outcome.in_language(l, args.budget, &list.currency) {
                println!("{line}");
            }
            // Nothing that fits is a finding, not a failure of the command: exit 0 with proposals or within.
            if matches!(outcome, Outcome::NothingFits { .. }) { ExitCode::from(3) } else { ExitCode::SUCCESS }
        }
        Err(error) => {
            eprintln!("{}", error.in_language(l));
            ExitCode::FAILURE
        }
    }
}
