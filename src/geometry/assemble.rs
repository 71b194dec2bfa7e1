//! Making the Assembly (`assembly.rs`) of a design: a ring from the library's band, head and stone at the finger's
//! size; a necklace's links, clasp and pendant on the bust; a house's model at the design's sizes, its parts in the
//! roles the collection's manifest gives them; and the display hand a ring is shown on.

use super::assembly::{
    Assembly, DisplaySurface, MetalZone, ModelRef, Part, PartRole, PieceKind, PlacedComponent, Seat, band_shift_mm,
    band_top_mm, moved_with_band,
};
use super::house::{NodeRole, StoneSeat, Zone, key_for, registered, resize};
use super::library::Component;
use super::model::Material;
use super::necklace::{chain_layout, pendant, pendant_setting};
use crate::design::source::CollectionRef;
use crate::design::{Cut, Design, Species};
use glam::{Affine3A, Quat, Vec3};

/// The piece a design describes.
pub fn assemble(design: &Design) -> Assembly {
    if let Some(model) = design.source.collection() {
        return house_assembly(design, model);
    }
    match &design.necklace {
        None => ring(design),
        Some(necklace) => necklace_assembly(design, necklace),
    }
}

/// The parts of a component's model, each with its role (`zone` for its metal, `seat` for its small stones;
/// `centre`: the centre stone's cut and species, then the side stones' species).
fn parts_of(component: Component, zone: MetalZone, melee_seat: Seat, centre: (Cut, Species, Species)) -> Vec<Part> {
    let layout = component.layout();
    layout
        .nodes
        .iter()
        .filter_map(|node| {
            let mesh = node.mesh?;
            let role = match layout.materials.get(mesh)? {
                Material::Metal => PartRole::Metal(zone),
                Material::Melee => PartRole::Stone { seat: melee_seat, cut: Cut::RoundBrilliant, species: centre.2 },
                Material::CentreStone => PartRole::Stone { seat: Seat::Centre, cut: centre.0, species: centre.1 },
                Material::Display => PartRole::Display(DisplaySurface::Body),
                Material::Nail => PartRole::Display(DisplaySurface::Nail),
            };
            Some(Part { node: node.name.clone(), mesh, role, local: node.transform })
        })
        .collect()
}

fn placed(
    component: Component,
    transform: Affine3A,
    zone: MetalZone,
    melee: Seat,
    centre: (Cut, Species, Species),
) -> PlacedComponent {
    let parts = parts_of(component, zone, melee, centre);
    PlacedComponent { component: component.into(), transform, band_shift_mm: None, parts }
}

/// A ring: the band resized to the finger, the head on the band's top scaled to the stone and turned so that the
/// stone's length runs along the finger ("north–south", as jewellers set ovals, pears, marquises and emerald cuts;
/// the models have it along X), the stone on the head's seat.
fn ring(design: &Design) -> Assembly {
    let centre = (design.stone.cut, design.stone.species, design.side_stones());
    let shift = band_shift_mm(design.ring_size_mm);
    let mut band = placed(Component::Shank(design.shank), Affine3A::IDENTITY, MetalZone::Band, Seat::Band, centre);
    band.band_shift_mm = Some(shift);
    for part in &mut band.parts {
        if matches!(part.role, PartRole::Stone { .. }) {
            part.local.translation = moved_with_band(part.local.translation.into(), shift).into();
        }
    }
    let head_component = Component::Head(design.setting, design.stone.cut);
    let head_transform = Affine3A::from_scale_rotation_translation(
        Vec3::splat(design.stone.size_mm),
        Quat::from_rotation_y(std::f32::consts::FRAC_PI_2),
        Vec3::Y * band_top_mm(design.ring_size_mm),
    );
    let head = placed(head_component, head_transform, MetalZone::Head, Seat::Head, centre);
    let seat = head_component.model().seat().unwrap_or(Affine3A::IDENTITY);
    let stone =
        placed(Component::Stone(design.stone.cut), head_transform * seat, MetalZone::Head, Seat::Centre, centre);
    Assembly { kind: PieceKind::Ring, components: vec![band, head, stone] }
}

/// The display hand a ring is shown on: its ring finger along the ring's finger axis, scaled so that the finger
/// fills the ring at the design's size, the back of the hand under the head. None for a necklace (it has its bust).
pub fn display_hand(design: &Design) -> Option<PlacedComponent> {
    if design.necklace.is_some() {
        return None;
    }
    let scale = Affine3A::from_scale(Vec3::splat(super::hand::scale_for(design.ring_size_mm)));
    let centre = (design.stone.cut, design.stone.species, design.side_stones());
    Some(placed(Component::Hand, scale, MetalZone::Band, Seat::Band, centre))
}

/// A necklace on its bust: links along the curve its length gives, the clasp at the back, and the pendant (bail,
/// drop bar, head, stone) at the front.
fn necklace_assembly(design: &Design, necklace: &crate::design::necklace::Necklace) -> Assembly {
    let centre = (design.stone.cut, design.stone.species, design.side_stones());
    let chain = chain_layout(necklace.chain, necklace.length_mm);
    let link = placed(Component::ChainLink(necklace.chain), Affine3A::IDENTITY, MetalZone::Band, Seat::Band, centre);
    let mut components = vec![placed(Component::Bust, Affine3A::IDENTITY, MetalZone::Band, Seat::Band, centre)];
    components.extend(chain.links.iter().map(|&at| PlacedComponent { transform: at, ..link.clone() }));
    components.push(placed(Component::Clasp, chain.clasp, MetalZone::Band, Seat::Band, centre));
    let head_model = pendant_setting(necklace).map(|setting| Component::Head(setting, design.stone.cut).model());
    let layout = head_model.and_then(|made| pendant(necklace, design.stone.cut, design.stone.size_mm, &made));
    if let Some(layout) = layout {
        components.push(placed(Component::Bail, layout.bail, MetalZone::Head, Seat::Head, centre));
        if let Some(bar) = layout.drop_bar {
            components.push(placed(Component::DropBar, bar, MetalZone::Head, Seat::Head, centre));
        }
        let head = Component::Head(layout.setting, design.stone.cut);
        components.push(placed(head, layout.head, MetalZone::Head, Seat::Head, centre));
        components.push(placed(
            Component::Stone(design.stone.cut),
            layout.stone,
            MetalZone::Head,
            Seat::Centre,
            centre,
        ));
    }
    Assembly { kind: PieceKind::Necklace, components }
}

/// The Assembly of a design on a house's model: one component, its parts with their roles (the centre stone in
/// the design's species, the others in its side stones'), resized to the design's ring size. Empty until the model is loaded.
fn house_assembly(design: &Design, source: &CollectionRef) -> Assembly {
    let (Some(house), Some(key)) = (registered(&source.hash), key_for(design)) else {
        return Assembly { kind: PieceKind::Ring, components: Vec::new() };
    };
    let component = ModelRef::House(key);
    let model = component.model();
    let parts = model
        .nodes
        .iter()
        .zip(&house.roles)
        .filter_map(|(node, role)| {
            let role = match *role {
                NodeRole::Metal(Zone::Band) => PartRole::Metal(MetalZone::Band),
                NodeRole::Metal(Zone::Head) => PartRole::Metal(MetalZone::Head),
                NodeRole::Stone(i) => {
                    let stone = house.setup.stones.get(i)?;
                    let (seat, species) = match stone.seat {
                        StoneSeat::Centre => (Seat::Centre, design.stone.species),
                        StoneSeat::Side => (Seat::Head, design.side_stones()),
                        StoneSeat::Melee if resize::in_band(node.transform.translation.into(), house.head_angle) => {
                            (Seat::Band, design.side_stones())
                        }
                        StoneSeat::Melee => (Seat::Head, design.side_stones()),
                    };
                    PartRole::Stone { seat, cut: stone.cut, species }
                }
            };
            Some(Part { node: node.name.clone(), mesh: node.mesh?, role, local: node.transform })
        })
        .collect();
    // The component's model is already at the ring size (`band_shift_mm` moves Écrin's reference bands only).
    Assembly {
        kind: PieceKind::Ring,
        components: vec![PlacedComponent { component, transform: Affine3A::IDENTITY, band_shift_mm: None, parts }],
    }
}

/// What a design's geometry depends on (not its alloys, finish, name or engraving): the key of what is computed once
/// per geometry (volumes, the workshop's checks).
pub type GeometryKey = (
    crate::design::ShankStyle,
    crate::design::Setting,
    Cut,
    (Species, Species),
    u32,
    u32,
    Option<(crate::design::necklace::ChainStyle, u32, crate::design::necklace::PendantStyle)>,
    Option<(String, bool)>,
);

/// The geometry key of a design.
pub fn geometry_key(design: &Design) -> GeometryKey {
    (
        design.shank,
        design.setting,
        design.stone.cut,
        (design.stone.species, design.side_stones()),
        design.stone.size_mm.to_bits(),
        design.ring_size_mm.to_bits(),
        design.necklace.map(|n| (n.chain, n.length_mm.to_bits(), n.pendant)),
        // A house's model: its hash, and whether it is loaded yet (the Assembly is empty until it is).
        design.source.collection().map(|m| (m.hash.clone(), registered(&m.hash).is_some())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::necklace::{Necklace, PendantStyle};
    use crate::design::{Setting, ShankStyle};

    #[test]
    fn a_ring_is_a_band_a_head_on_its_top_and_a_stone_on_the_head_seat() {
        let design = Design { ring_size_mm: 60.0, ..Design::default() };
        let assembly = assemble(&design);
        assert_eq!(assembly.kind, PieceKind::Ring);
        let band = assembly.find(|c| matches!(c, Component::Shank(_))).expect("a band");
        assert_eq!(band.band_shift_mm, Some(band_shift_mm(60.0)));
        let head = assembly.find(|c| matches!(c, Component::Head(..))).expect("a head");
        assert!((head.transform.translation.y - band_top_mm(60.0)).abs() < 1e-5);
        let seat = assembly.centre_seat().expect("a centre stone");
        // The girdle sits above the band's top, the stone at its size.
        assert!(seat.translation.y > band_top_mm(60.0));
        assert!((seat.matrix3.determinant().cbrt() - design.stone.size_mm).abs() < 1e-4);
    }

    #[test]
    fn stones_set_in_the_band_move_out_with_it() {
        let small = assemble(&Design { shank: ShankStyle::Pave, ring_size_mm: 44.0, ..Design::default() });
        let large = assemble(&Design { shank: ShankStyle::Pave, ring_size_mm: 66.0, ..Design::default() });
        let band_stones = |a: &Assembly| -> Vec<Vec3> {
            a.parts()
                .filter(|(_, p, _)| matches!(p.role, PartRole::Stone { seat: Seat::Band, .. }))
                .map(|(_, _, at)| at.translation.into())
                .collect()
        };
        let (a, b) = (band_stones(&small), band_stones(&large));
        assert!(!a.is_empty() && a.len() == b.len());
        let radius = |p: Vec3| p.truncate().length();
        let shift = band_shift_mm(66.0) - band_shift_mm(44.0);
        for (a, b) in a.iter().zip(&b) {
            assert!((radius(*b) - radius(*a) - shift).abs() < 1e-3);
            assert_eq!(a.z, b.z, "the finger axis is untouched");
        }
    }

    #[test]
    fn the_display_hands_finger_meets_the_bands_inside() {
        for ring_size_mm in [44.0, 54.0, 66.0] {
            let design = Design { ring_size_mm, ..Design::default() };
            let hand = display_hand(&design).expect("a ring has a hand");
            assert!(hand.parts.iter().all(|p| matches!(p.role, PartRole::Display(_))));
            let skin = &hand.component.model().meshes[0].data;
            let finger = skin.transformed(hand.transform);
            let near = |p: Vec3| p.truncate().length() < 12.0 * ring_size_mm / 54.0;
            let finger_round = super::super::hand::section_perimeter(&finger, 0.0, near);
            let band = assemble(&design);
            let shank = band.find(|c| matches!(c, Component::Shank(_))).expect("a band");
            let inner_radius =
                super::super::shank::REFERENCE_INNER_DIAMETER_MM / 2.0 + shank.band_shift_mm.expect("resized");
            assert!((inner_radius * std::f32::consts::TAU - ring_size_mm).abs() < 0.05);
            assert!((finger_round - ring_size_mm).abs() < 0.5, "{ring_size_mm}: {finger_round}");
        }
        let necklace = Design { necklace: Some(Necklace::default()), ..Design::default() };
        assert!(display_hand(&necklace).is_none());
    }

    #[test]
    fn a_necklace_is_its_links_clasp_pendant_and_bust() {
        let design = Design {
            necklace: Some(Necklace { pendant: PendantStyle::Halo, ..Necklace::default() }),
            setting: Setting::Bezel,
            ..Design::default()
        };
        let assembly = assemble(&design);
        assert_eq!(assembly.kind, PieceKind::Necklace);
        let count = |wanted: &dyn Fn(Component) -> bool| {
            assembly.components.iter().filter_map(|c| c.component.library()).filter(|&c| wanted(c)).count()
        };
        assert!(count(&|c| matches!(c, Component::ChainLink(_))) > 100);
        assert_eq!(count(&|c| c == Component::Clasp), 1);
        assert_eq!(count(&|c| c == Component::Bust), 1);
        assert_eq!(count(&|c| c == Component::Bail), 1);
        // The pendant's head is a halo whatever the ring's setting, and its stone faces out from the chest.
        assert_eq!(count(&|c| c == Component::Head(Setting::Halo, design.stone.cut)), 1);
        let seat = assembly.centre_seat().expect("a pendant stone");
        assert!(seat.transform_vector3(Vec3::Y).normalize().z > 0.9);
        let chain_only = Necklace { pendant: PendantStyle::None, ..Necklace::default() };
        let plain = assemble(&Design { necklace: Some(chain_only), ..Design::default() });
        assert!(plain.centre_seat().is_none(), "a plain chain has no stone");
    }

    #[test]
    fn pendants_hang_from_the_lowest_point_facing_out() {
        for style in [PendantStyle::Solitaire, PendantStyle::Halo, PendantStyle::Drop] {
            let necklace = Necklace { pendant: style, ..Necklace::default() };
            let setting = pendant_setting(&necklace).expect("a pendant's head");
            let head = Component::Head(setting, Cut::Oval).model();
            let pendant = pendant(&necklace, Cut::Oval, 8.0, &head).expect("a pendant");
            let lowest = super::super::necklace::lowest_point_mm(necklace.length_mm);
            let stone = pendant.stone.translation;
            assert!(stone.y < lowest - 3.0 && stone.z > 0.0, "{style:?}: the stone at {stone}");
            // Its table faces out from the chest (the stone's +Y, table up in its own frame, points forward).
            let facing = pendant.stone.transform_vector3(Vec3::Y).normalize();
            assert!(facing.z > 0.9, "{style:?}: faces {facing}");
            assert_eq!(pendant.melee.is_empty(), style != PendantStyle::Halo);
        }
        assert!(pendant_setting(&Necklace { pendant: PendantStyle::None, ..Necklace::default() }).is_none());
    }
}
