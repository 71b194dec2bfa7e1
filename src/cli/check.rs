//! `ecrin check`: each preset read and said — what it is, its weights, its stone's optics, the workshop's checks it
//! fails — or what is wrong with it. Exit 0 when all are good, 1 when a preset is broken, breaks its house's rules or
//! a workshop's hard limit (its line says why, with the limit's source), 2 when a
//! file cannot be read at all (missing, not a regular file, unreadable): grep's convention, so a script can tell a
//! broken design from a wrong path.

use crate::design::preset::{self, PresetError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What checking one file found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    Good,
    Broken,
    Unreadable,
}

pub fn run(presets: Vec<PathBuf>) -> ExitCode {
    let worst = presets.iter().map(|path| check(path)).max().unwrap_or(Found::Good);
    match worst {
        Found::Good => ExitCode::SUCCESS,
        Found::Broken => ExitCode::FAILURE,
        Found::Unreadable => ExitCode::from(2),
    }
}

/// Checks one preset and prints its line(s).
fn check(path: &Path) -> Found {
    let l = super::language();
    let design = match preset::load_with_journal(path) {
        Ok((design, _)) => design,
        Err(error) => {
            println!("{}", error.in_language(l));
            return match error {
                PresetError::Read { .. } => Found::Unreadable,
                _ => Found::Broken,
            };
        }
    };
    if let Err(error) = crate::collection::prepare(&design) {
        let what = error.in_language(l);
        println!("{}", crate::tr!(l, "error-in-file", file = path.display().to_string(), what = what));
        return Found::Broken;
    }
    // A design of the house's model that breaks the house's rules for it is not fit to make.
    let manifest = design.source.collection().and_then(|m| crate::collection::current().manifest(&m.id).ok());
    let broken = manifest.map(|m| m.rules_broken(&design)).unwrap_or_default();
    for rule in &broken {
        println!("{}: {}", path.display(), rule.in_language(l));
    }
    print_check(path, &design);
    // What the workshop would refuse (hard) or look at (soft): said with its figure, its limit and its source.
    let findings = crate::workshop::checks(&design);
    for finding in findings.iter().filter(|f| f.broken.is_some()) {
        let (file, finding) = (path.display().to_string(), finding.in_language(l));
        println!("{}", crate::tr!(l, "check-workshop", file = file, finding = finding));
    }
    let unfit = !broken.is_empty() || findings.iter().any(crate::workshop::Finding::is_hard);
    if unfit { Found::Broken } else { Found::Good }
}

/// `ecrin check`'s line for a design that loaded: what it is, its weights, its stone's optics, its fingerprint.
fn print_check(path: &std::path::Path, d: &crate::design::Design) {
    use crate::i18n::format;
    let l = super::language();
    let metrics = crate::optics::metrics::metrics_for(d.stone.cut, d.stone.species);
    // A house's model without a centre stone (a head set on a band, waiting for its stone) says so.
    let stoneless = d
        .source
        .collection()
        .is_some_and(|m| crate::geometry::house::registered(&m.hash).is_some_and(|h| h.setup.centre_mm().is_none()));
    let n = |v: f32| format::number(l, f64::from(v), 2);
    let stone = if stoneless {
        crate::tr!(l, "check-no-centre-stone")
    } else {
        crate::tr!(
            l,
            "check-stone",
            species = l.term(d.stone.species),
            cut = l.term_in_sentence(d.stone.cut),
            size = format::millimetres(l, d.stone.size_mm, 2),
            carats = format::carats(l, crate::estimate::centre_carats(d)),
            brilliance = n(metrics.light_return),
            fire = n(metrics.fire),
            contrast = n(metrics.contrast)
        )
    };
    let side = match d.side_species {
        Some(species) => crate::tr!(l, "check-side-stones", species = l.term_in_sentence(species)),
        None => String::new(),
    };
    let piece = match d.source.collection() {
        Some(model) => crate::tr!(l, "check-house-model", name = &model.name, id = &model.id),
        None => l.term(d.setting),
    };
    println!(
        "{}",
        crate::tr!(
            l,
            "check-ok",
            file = path.display().to_string(),
            name = &d.name,
            alloy = l.term(d.metal.alloy),
            weight = format::grams(l, crate::estimate::weights(d).metal_grams()),
            stone = stone,
            side = side,
            piece = piece,
            fingerprint = crate::approval::fingerprint(d)
        )
    );
}
