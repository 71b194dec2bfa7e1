//! The workshop's checks of a design, measured on its Assembly as drawn: the shank under the finger and the culet's
//! clearance by rays through the metal, the gaps between stones and the centre stone's seat in its prongs on the
//! meshes (`stones.rs`) — any piece, Écrin's or a house's model —, the head's prongs and slim elements from the
//! figures its geometry is made from (Écrin's heads). Computed once per geometry.

use super::limits::{Limit, Rule};
use crate::design::{Design, Setting};
use crate::geometry::assemble::{GeometryKey, assemble, geometry_key};
use crate::geometry::assembly::{MetalZone, PartRole, Seat};
use crate::geometry::placed::{PlacedMesh, placed_meshes};
use crate::geometry::rays::{crossings, first_solid};
use crate::geometry::ring::{SIDE_PRONG_RADIUS, SIDE_STONE_SCALE, head_measures};
use crate::memo::Memo;
use glam::Vec3;
use serde::Serialize;
use std::sync::Arc;

/// One measure and what its limits say of it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub measured: f32,
    /// The limit it falls under, if any (a hard one first).
    pub broken: Option<Limit>,
}

impl Finding {
    fn of(rule: Rule, measured: f32) -> Finding {
        let broken = rule.limits().iter().find(|limit| measured < limit.least).copied();
        Finding { rule, measured, broken }
    }

    /// Below a hard limit: the piece cannot go to the bench as drawn.
    pub fn is_hard(&self) -> bool {
        self.broken.is_some_and(|limit| limit.hard)
    }

    /// Below a soft limit only: the bench should look.
    pub fn is_soft(&self) -> bool {
        self.broken.is_some_and(|limit| !limit.hard)
    }
}

/// Every check of a design (a ring's; a necklace's pendant: its head, stones and bail), computed once per geometry.
pub fn checks(design: &Design) -> Arc<Vec<Finding>> {
    static CHECKS: Memo<GeometryKey, Arc<Vec<Finding>>> = Memo::new();
    CHECKS.get_or_compute(geometry_key(design), || Arc::new(measure(design)))
}

/// Whether a design breaks a hard limit.
pub fn breaks_a_hard_limit(design: &Design) -> bool {
    checks(design).iter().any(Finding::is_hard)
}

fn measure(design: &Design) -> Vec<Finding> {
    let placed = placed_meshes(&assemble(design));
    let mut findings = Vec::new();
    let setting = match &design.necklace {
        None => {
            ring_on_the_finger(&placed, &mut findings);
            Some(design.setting)
        }
        // A pendant: its bail (the chain, a bought finding, is not checked) and the head below it.
        Some(necklace) => {
            let setting = crate::geometry::necklace::pendant_setting(necklace);
            if setting.is_some() {
                findings.push(Finding::of(Rule::Bail, 2.0 * crate::geometry::necklace::BAIL_WIRE_RADIUS_MM));
            }
            setting
        }
    };
    if let Some(setting) = setting {
        stones_and_heads(design, setting, &placed, &mut findings);
    }
    findings
}

/// A ring on the finger: the shank under it and the centre stone's culet above it, by rays through the band.
fn ring_on_the_finger(placed: &[PlacedMesh], findings: &mut Vec<Finding>) {
    let band: Vec<&PlacedMesh> = placed.iter().filter(|p| matches!(p.role, PartRole::Metal(MetalZone::Band))).collect();
    let band_meshes = || band.iter().map(|p| (p.data.as_ref(), p.at));
    // Under the finger: up from below the ring through the band's bottom, then along the finger at its middle.
    let far = 100.0;
    let below = crossings(band_meshes(), Vec3::new(0.0, -far, 0.0), Vec3::Y);
    if let Some((enter, leave)) = first_solid(&below) {
        findings.push(Finding::of(Rule::ShankThickness, leave - enter));
        let middle = -far + (enter + leave) / 2.0;
        let along = crossings(band_meshes(), Vec3::new(0.0, middle, -far), Vec3::Z);
        if let Some((enter, leave)) = first_solid(&along) {
            findings.push(Finding::of(Rule::ShankWidth, leave - enter));
        }
    }
    // The centre stone's lowest point above the finger: up from the finger's axis under it to the band's inside.
    let centre = placed.iter().find(|p| matches!(p.role, PartRole::Stone { seat: Seat::Centre, .. }));
    if let Some(stone) = centre {
        let culet = stone
            .data
            .positions
            .iter()
            .map(|&p| stone.at.transform_point3(Vec3::from(p)))
            .min_by(|a, b| a.y.total_cmp(&b.y));
        if let Some(culet) = culet {
            let up = crossings(band_meshes(), Vec3::new(culet.x, 0.0, culet.z), Vec3::Y);
            if let Some(&inside) = up.first() {
                findings.push(Finding::of(Rule::CuletClearance, culet.y - inside));
            }
        }
    }
}

/// The head that holds the stones (`setting`'s, for Écrin's) and the stones themselves.
fn stones_and_heads(design: &Design, setting: Setting, placed: &[PlacedMesh], findings: &mut Vec<Finding>) {
    // A house's head, gauged on its mesh: its thinnest metal.
    if design.source.collection().is_some() {
        let head = placed.iter().filter(|p| matches!(p.role, PartRole::Metal(MetalZone::Head)));
        if let Some(thinnest) = super::thickness::thinnest_mm(head.map(|p| (p.data.as_ref(), p.at))) {
            findings.push(Finding::of(Rule::HouseHeadMetal, thinnest));
        }
    }
    // The stones against each other and the centre stone's seat in its prongs, on the meshes (any piece).
    if let Some(gap) = super::stones::closest_stones_mm(placed) {
        findings.push(Finding::of(Rule::StoneSpacing, gap));
    }
    if let Some(share) = super::stones::metal_behind_the_seat(placed) {
        findings.push(Finding::of(Rule::MetalBehindSeat, share));
    }
    // Écrin's head, from the figures it is made from.
    if design.source.collection().is_none() {
        let size = design.stone.size_mm;
        let head = head_measures(setting, design.stone.cut);
        if let Some(prongs) = head.prong_diameter {
            findings.push(Finding::of(Rule::Prongs, prongs * size));
        }
        if setting == Setting::ThreeStone {
            findings.push(Finding::of(Rule::SideProngs, 2.0 * SIDE_PRONG_RADIUS * SIDE_STONE_SCALE * size));
        }
        for (element, thickness) in head.elements {
            findings.push(Finding::of(Rule::Element(element), thickness * size));
        }
        if let Some(opening) = head.rail_opening {
            findings.push(Finding::of(Rule::RailOpening, opening * size));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::ShankStyle;

    #[test]
    fn the_shank_and_the_culet_are_measured_where_the_finger_is() {
        // Écrin's comfort-fit band: 1.7 mm thick, 2.2 mm wide (shank.rs), whatever the ring size.
        for ring_size_mm in [44.0, 52.0, 64.0] {
            let design = Design { ring_size_mm, shank: ShankStyle::ComfortFit, ..Design::default() };
            let found = measure(&design);
            let of = |rule| found.iter().find(|f| f.rule == rule).map(|f| f.measured);
            let thickness = of(Rule::ShankThickness).expect("measured");
            let width = of(Rule::ShankWidth).expect("measured");
            assert!((thickness - 1.7).abs() < 0.05, "{ring_size_mm}: {thickness}");
            assert!((width - 2.2).abs() < 0.1, "{ring_size_mm}: {width}");
            let clearance = of(Rule::CuletClearance).expect("measured");
            assert!(clearance > 0.0 && clearance < 10.0, "{ring_size_mm}: {clearance}");
        }
    }

    #[test]
    fn a_limit_holds_at_its_figure_and_breaks_just_under_it() {
        for rule in [Rule::ShankThickness, Rule::CuletClearance, Rule::Prongs, Rule::RailOpening] {
            let least = rule.limits()[0].least;
            assert_eq!(Finding::of(rule, least).broken, None, "{rule:?} at its limit");
            assert!(Finding::of(rule, least - 0.01).is_hard(), "{rule:?} under it");
        }
        let rail = Rule::Element(crate::geometry::ring::HeadElement::UpperRail);
        assert!(Finding::of(rail, 0.6).is_soft(), "castable, but under Gemwares' 0.8 mm");
        assert!(Finding::of(rail, 0.45).is_hard(), "under Stuller's 0.5 mm");
        assert_eq!(Finding::of(rail, 0.8).broken, None);
    }

    #[test]
    fn prongs_thin_with_the_stone_and_a_small_solitaire_is_refused_by_its_rule() {
        let small = Design { setting: Setting::SixProng, ..Design::default() };
        let small = Design { stone: crate::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
        let prongs = measure(&small).into_iter().find(|f| f.rule == Rule::Prongs).expect("prongs");
        assert!(prongs.is_hard(), "{prongs:?}");
        assert_eq!(prongs.broken.map(|l| l.source), Some(super::super::limits::Source::Gemwares));
        let large = Design { stone: crate::design::Stone { size_mm: 9.0, ..small.stone }, ..small };
        let prongs = measure(&large).into_iter().find(|f| f.rule == Rule::Prongs).expect("prongs");
        assert!(!prongs.is_hard(), "{prongs:?}");
    }

    #[test]
    fn every_head_on_every_cut_seats_its_stone_in_a_fifth_of_its_prongs_with_its_stones_apart() {
        use crate::design::Cut;
        let mut failures = Vec::new();
        for setting in Setting::ALL {
            for cut in Cut::ALL {
                let design = Design { setting, ..Design::default() };
                let design = Design { stone: crate::design::Stone { cut, size_mm: 7.0, ..design.stone }, ..design };
                let found = measure(&design);
                let of = |rule| found.iter().find(|f| f.rule == rule).copied();
                // Every pronged head seats its centre stone; a bezel's wall is read the same way.
                let seat = of(Rule::MetalBehindSeat).expect("a seat");
                if seat.measured < 0.75 || seat.measured > 0.95 {
                    failures.push(format!("{setting:?}/{cut:?}: {:.2} of the prong behind the seat", seat.measured));
                }
                let with_small_stones =
                    matches!(setting, Setting::Halo | Setting::DoubleHalo | Setting::HiddenHalo | Setting::ThreeStone);
                match of(Rule::StoneSpacing) {
                    Some(gap) if gap.measured < 0.0 => {
                        failures.push(format!("{setting:?}/{cut:?}: stones overlap by {:.3} mm", -gap.measured))
                    }
                    None if with_small_stones => failures.push(format!("{setting:?}/{cut:?}: no spacing measured")),
                    _ => {}
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_pendant_is_checked_as_a_head_on_its_bail_and_a_chain_alone_has_nothing_to_check() {
        use crate::design::necklace::{Necklace, PendantStyle};
        for (pendant, setting) in [(PendantStyle::Solitaire, Setting::FourProng), (PendantStyle::Halo, Setting::Halo)] {
            // A 7.5 mm stone: a halo's beads and prongs are at the workshop's least sizes from about 7 mm.
            let stone = crate::design::Stone { size_mm: 7.5, ..Design::default().stone };
            let design =
                Design { necklace: Some(Necklace { pendant, ..Necklace::default() }), stone, ..Design::default() };
            let found = measure(&design);
            let rules: Vec<Rule> = found.iter().map(|f| f.rule).collect();
            for rule in [Rule::Bail, Rule::Prongs, Rule::MetalBehindSeat] {
                assert!(rules.contains(&rule), "{pendant:?}: {rule:?} in {found:?}");
            }
            assert_eq!(rules.contains(&Rule::StoneSpacing), setting == Setting::Halo, "{pendant:?}: {found:?}");
            assert!(!rules.contains(&Rule::ShankThickness), "no finger under a pendant: {found:?}");
            // The pendant's head is the ring's head of its setting: the same figures.
            let ring = measure(&Design { setting, stone, ..Design::default() });
            let prongs = |found: &[Finding]| found.iter().find(|f| f.rule == Rule::Prongs).map(|f| f.measured);
            assert_eq!(prongs(&found), prongs(&ring));
            assert!(found.iter().all(|f| !f.is_hard()), "{found:?}");
        }
        let chain = Design {
            necklace: Some(Necklace { pendant: PendantStyle::None, ..Necklace::default() }),
            ..Design::default()
        };
        assert!(measure(&chain).is_empty());
    }

    #[test]
    fn a_three_stone_ring_of_a_carat_holds_its_side_stones_as_the_workshop_asks_in_every_cut() {
        // A 6.5 mm centre (about a carat in a round), side stones 3.6 mm: their prongs and rails at the least sizes,
        // and the stones apart. (The centre's own head is the four-prong head's, checked as such.)
        let side_rail = Rule::Element(crate::geometry::ring::HeadElement::SideRail);
        for cut in crate::design::Cut::ALL {
            let design = Design { setting: Setting::ThreeStone, ..Design::default() };
            let design = Design { stone: crate::design::Stone { cut, size_mm: 6.5, ..design.stone }, ..design };
            let found = measure(&design);
            let side_post = Rule::Element(crate::geometry::ring::HeadElement::SidePost);
            for rule in [Rule::SideProngs, side_rail, side_post, Rule::StoneSpacing] {
                let finding = found.iter().find(|f| f.rule == rule).unwrap_or_else(|| panic!("{cut:?}: {rule:?}"));
                assert!(!finding.is_hard(), "{cut:?}: {finding:?}");
            }
        }
        let round = Design { setting: Setting::ThreeStone, ..Design::default() };
        let round = Design { stone: crate::design::Stone { size_mm: 6.5, ..round.stone }, ..round };
        assert!(!measure(&round).iter().any(Finding::is_hard), "a round three-stone of a carat goes to the bench");
    }
}
