//! The Assembly: the one description of a piece in millimetres — which components of the library it is made of,
//! where each goes, and what each part of them is (metal of the band or of the head, a stone and its seat, a
//! display support). Estimates, approval documents, the board and the studio all read it; nothing else knows where
//! a head sits on a band or how a chain lies on the bust.
//!
//! Ring frame: the finger runs along Z, the head on top (+Y). Necklace frame: the bust's (Y up, facing +Z).

use super::library::{Component, Material};
use super::necklace::{chain_layout, pendant};
pub use super::shank::{band_shift_mm, band_top_mm, moved_with_band};
use crate::design::{Cut, Design, Species};
use glam::{Affine3A, Quat, Vec3};

/// Which alloy a metal part is made of: the band's, or the head's (two-tone). A chain is the band's metal, a
/// pendant's bail and head the head's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetalZone {
    Band,
    Head,
}

/// Where a stone is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seat {
    /// The centre stone (a ring's, or a pendant's).
    Centre,
    /// Small stones of the head: halo, side stones.
    Head,
    /// Small stones set in the band: pavé, channel.
    Band,
}

/// Which surface of a display support a part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisplaySurface {
    /// The bust, the hand.
    Body,
    /// The hand's nails.
    Nail,
}

/// What a part of a piece is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PartRole {
    Metal(MetalZone),
    Stone {
        seat: Seat,
        cut: Cut,
        species: Species,
    },
    /// A display support (the bust, the hand): shown, never weighed.
    Display(DisplaySurface),
}

/// A drawn node of a placed component: which node of its file, what it is, where it goes in the component's frame
/// (for a resized band, already moved out with the band).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub node: String,
    /// Index of its mesh in the component's model.
    pub mesh: usize,
    pub role: PartRole,
    pub local: Affine3A,
}

/// A component of the library placed in the piece.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedComponent {
    pub component: Component,
    /// Where the component's frame goes in the piece, mm.
    pub transform: Affine3A,
    /// The band's region moved out radially for the ring size (mm; 0 at the reference size): its metal's vertices
    /// and the stones set in it move by this much, so the band keeps its width and thickness.
    pub band_shift_mm: Option<f32>,
    pub parts: Vec<Part>,
}

/// Whether a piece is a ring or a necklace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Ring,
    Necklace,
}

/// The one description of a piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Assembly {
    pub kind: PieceKind,
    pub components: Vec<PlacedComponent>,
}

impl Assembly {
    /// Every part with its transform in the piece frame.
    pub fn parts(&self) -> impl Iterator<Item = (&PlacedComponent, &Part, Affine3A)> {
        self.components.iter().flat_map(|c| c.parts.iter().map(move |p| (c, p, c.transform * p.local)))
    }

    /// The first placed component of a kind.
    pub fn find(&self, wanted: impl Fn(Component) -> bool) -> Option<&PlacedComponent> {
        self.components.iter().find(|c| wanted(c.component))
    }

    /// The piece's bounds in mm (every part's mesh where it is placed), if it has parts.
    pub fn bounds(&self) -> Option<(Vec3, Vec3)> {
        static MESH_BOUNDS: crate::memo::Memo<(Component, usize), Option<(Vec3, Vec3)>> = crate::memo::Memo::new();
        self.parts()
            .filter_map(|(placed, part, at)| {
                let (lo, hi) = MESH_BOUNDS.get_or_compute((placed.component, part.mesh), || {
                    placed.component.model().meshes.get(part.mesh).map(|m| m.data.bounds())
                })?;
                let corners = (0..8).map(|c| {
                    at.transform_point3(Vec3::new(
                        if c & 1 == 0 { lo.x } else { hi.x },
                        if c & 2 == 0 { lo.y } else { hi.y },
                        if c & 4 == 0 { lo.z } else { hi.z },
                    ))
                });
                corners
                    .fold(None, |acc: Option<(Vec3, Vec3)>, p| Some(acc.map_or((p, p), |(a, b)| (a.min(p), b.max(p)))))
            })
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// Where the centre stone sits (a unit stone's placement, piece frame), if the piece has one.
    pub fn centre_seat(&self) -> Option<Affine3A> {
        self.parts().find(|(_, part, _)| matches!(part.role, PartRole::Stone { seat: Seat::Centre, .. })).map(|p| p.2)
    }
}

/// The piece a design describes.
pub fn assemble(design: &Design) -> Assembly {
    if let Some(model) = design.source.collection() {
        return super::house::assemble_house(design, model);
    }
    match &design.necklace {
        None => ring(design),
        Some(necklace) => necklace_assembly(design, necklace),
    }
}

/// The parts of a component's model, each with its role (`zone` for its metal, `seat` for its small stones;
/// `centre`: the centre stone's cut and species, then the side stones' species).
fn parts_of(component: Component, zone: MetalZone, melee_seat: Seat, centre: (Cut, Species, Species)) -> Vec<Part> {
    let model = component.model();
    model
        .nodes
        .iter()
        .filter_map(|node| {
            let mesh = node.mesh?;
            let role = match model.meshes.get(mesh)?.material {
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
    PlacedComponent { component, transform, band_shift_mm: None, parts: parts_of(component, zone, melee, centre) }
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
    if let Some(layout) = pendant(necklace, design.stone.cut, design.stone.size_mm) {
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
        let count =
            |wanted: &dyn Fn(Component) -> bool| assembly.components.iter().filter(|c| wanted(c.component)).count();
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
}
