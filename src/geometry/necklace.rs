//! Necklaces at true scale (mm): a neutral display bust, the curve a chain of a given length follows on it (resting
//! on the neck at the back, falling over the chest in front), chains of real links placed along that curve, a
//! clasp, and pendants hung at the chain's lowest point.
//!
//! Bust frame: Y up, the wearer faces +Z, the base of the neck at the origin.

use super::cut::dimensions_mm;
use super::mesh::{MeshData, closed_grid, wire};
use super::model::ComponentModel;
use crate::design::necklace::{ChainStyle, Necklace, PendantStyle};
use crate::design::{Cut, Setting};
use crate::memo::Memo;
use glam::{Affine3A, Quat, Vec3};
use std::f32::consts::{PI, TAU};
use std::sync::Arc;

fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Half-width (across the shoulders, X) and half-depth (front to back, Z) of the bust at a height, mm: an adult
/// neck of 36 cm round, shoulders 38 cm wide, a chest 22 cm deep.
pub fn bust_section(y: f32) -> (f32, f32) {
    if y >= 0.0 {
        let taper = smoothstep(0.0, 130.0, y);
        (58.0 - 6.0 * taper, 54.0 - 4.0 * taper)
    } else {
        let shoulders = smoothstep(0.0, -75.0, y);
        let chest = smoothstep(-60.0, -230.0, y);
        let half_width = 58.0 + (190.0 - 58.0) * shoulders - 25.0 * chest;
        let half_depth = 54.0 + (92.0 - 54.0) * smoothstep(0.0, -110.0, y) + 22.0 * chest;
        (half_width, half_depth)
    }
}

/// Distance from the bust's axis to its surface at a height, towards an azimuth (0: front, +Z), mm.
pub fn bust_radius(y: f32, azimuth: f32) -> f32 {
    let (a, b) = bust_section(y);
    let n = 2.6;
    let (c, s) = (azimuth.cos().abs(), azimuth.sin().abs());
    1.0 / ((c / b).powf(n) + (s / a).powf(n)).powf(1.0 / n)
}

/// The display bust: from the chest (−380 mm) to the top of the neck (+130 mm), closed by flat caps.
pub fn bust() -> MeshData {
    let (rows, around) = (120, 96);
    let (bottom, top) = (-380.0f32, 130.0f32);
    // Rows up the body; the first and last rows sit on the axis (the caps), and the grid's wrap from the top back
    // to the bottom runs along the axis with no area.
    closed_grid(rows + 2, around, |i, j| {
        let azimuth = TAU * j as f32 / around as f32;
        let direction = Vec3::new(azimuth.sin(), 0.0, azimuth.cos());
        match i {
            0 => Vec3::Y * bottom,
            i if i == rows + 1 => Vec3::Y * top,
            i => {
                let y = bottom + (top - bottom) * (i - 1) as f32 / (rows - 1) as f32;
                direction * bust_radius(y, azimuth) + Vec3::Y * y
            }
        }
    })
}

/// Height of the chain at the back of the neck, mm (where the neck meets the shoulders).
const BACK_HEIGHT_MM: f32 = -6.0;
/// How far a chain stands off the skin: half a link's thickness.
const LIFT_MM: f32 = 1.2;

/// The chain's centre line for a drop `drop` mm at the front: around the neck at the back, lower in front.
fn curve_with_drop(drop: f32, samples: usize) -> Vec<Vec3> {
    (0..samples)
        .map(|k| {
            let azimuth = TAU * k as f32 / samples as f32;
            let front = ((1.0 + azimuth.cos()) / 2.0).powf(3.0);
            let y = BACK_HEIGHT_MM - drop * front;
            let direction = Vec3::new(azimuth.sin(), 0.0, azimuth.cos());
            direction * (bust_radius(y, azimuth) + LIFT_MM) + Vec3::Y * y
        })
        .collect()
}

fn closed_length(points: &[Vec3]) -> f32 {
    (0..points.len()).map(|i| points[i].distance(points[(i + 1) % points.len()])).sum()
}

/// The closed curve a chain of `length_mm` follows on the bust (first point at the front, lowest).
pub fn chain_curve(length_mm: f32) -> Vec<Vec3> {
    let samples = 720;
    let (mut low, mut high) = (0.0f32, 500.0f32);
    for _ in 0..40 {
        let middle = (low + high) / 2.0;
        if closed_length(&curve_with_drop(middle, samples)) < length_mm {
            low = middle;
        } else {
            high = middle;
        }
    }
    curve_with_drop(low, samples)
}

/// Point and direction at an arc length along a closed polyline.
fn along(points: &[Vec3], mut distance: f32) -> (Vec3, Vec3) {
    let n = points.len();
    for i in 0..n {
        let (a, b) = (points[i], points[(i + 1) % n]);
        let length = a.distance(b);
        if distance <= length {
            return (a.lerp(b, distance / length.max(1e-9)), (b - a).normalize_or(Vec3::X));
        }
        distance -= length;
    }
    (points[0], (points[1 % n] - points[0]).normalize_or(Vec3::X))
}

/// An oval ring of wire: `length` × `width` (outside), wire radius `wire_radius`, lying in the XY plane along X.
fn oval_link(length: f32, width: f32, wire_radius: f32, squareness: f32) -> MeshData {
    let (segments, sides) = (24, 16);
    let (a, b) = (length / 2.0 - wire_radius, width / 2.0 - wire_radius);
    closed_grid(segments, sides, |i, j| {
        let t = TAU * i as f32 / segments as f32;
        // Superellipse path: squareness 0 = oval (cable), 1 = nearly square (box).
        let power = 1.0 / (1.0 + 3.0 * squareness);
        let (c, s) = (t.cos(), t.sin());
        let centre = Vec3::new(a * c.signum() * c.abs().powf(power), b * s.signum() * s.abs().powf(power), 0.0);
        let outward = Vec3::new(c, s, 0.0);
        let around = TAU * j as f32 / sides as f32;
        centre + (outward * around.cos() + Vec3::Z * around.sin()) * wire_radius
    })
}

/// Link size of a chain style: (outside length, width, wire radius, pitch between links), mm.
pub fn link_dimensions(style: ChainStyle) -> (f32, f32, f32, f32) {
    match style {
        ChainStyle::Cable => (3.0, 2.1, 0.35, 2.3),
        ChainStyle::Curb => (3.2, 2.3, 0.35, 2.0),
        ChainStyle::Box => (2.2, 2.2, 0.25, 2.2),
        ChainStyle::Rope => (2.6, 1.7, 0.3, 0.9),
    }
}

/// One link of a chain, at the origin along X (what the library's glTF holds).
pub fn link(style: ChainStyle) -> MeshData {
    let (length, width, wire_radius, _) = link_dimensions(style);
    let squareness = if style == ChainStyle::Box { 1.0 } else { 0.0 };
    oval_link(length, width, wire_radius, squareness)
}

/// Placements of the links along the chain's curve: each link along the curve; cable links turn a quarter from
/// one to the next, curb links lie flat with a twist, box links turn a quarter, rope links spiral.
pub fn link_placements(style: ChainStyle, curve: &[Vec3]) -> Vec<Affine3A> {
    let (_, _, _, pitch) = link_dimensions(style);
    let total = closed_length(curve);
    let count = (total / pitch).floor().max(1.0) as usize;
    let step = total / count as f32;
    (0..count)
        .map(|k| {
            let (position, tangent) = along(curve, step * k as f32);
            let outward = Vec3::new(position.x, 0.0, position.z).normalize_or(Vec3::Z);
            let up = tangent.cross(outward).normalize_or(Vec3::Y);
            // Frame: X along the chain, Z out from the skin.
            let flat = Quat::from_mat3(&glam::Mat3::from_cols(tangent, up, tangent.cross(up)));
            let roll = match style {
                ChainStyle::Cable | ChainStyle::Box => {
                    if k % 2 == 0 {
                        0.0
                    } else {
                        PI / 2.0
                    }
                }
                ChainStyle::Curb => {
                    if k % 2 == 0 {
                        0.25
                    } else {
                        -0.25
                    }
                }
                ChainStyle::Rope => k as f32 * 0.6,
            };
            Affine3A::from_rotation_translation(flat * Quat::from_rotation_x(roll), position)
        })
        .collect()
}

/// Where a chain's parts go: each link along the curve, and the clasp at the back of the neck.
pub struct ChainLayout {
    /// The lowest point at the front, where a pendant hangs.
    pub front: Vec3,
    pub links: Vec<Affine3A>,
    pub clasp: Affine3A,
}

/// The layout of a chain of a style and length (solved once per style and length: the panel asks every frame).
pub fn chain_layout(style: ChainStyle, length_mm: f32) -> Arc<ChainLayout> {
    static LAYOUTS: Memo<(ChainStyle, u32), Arc<ChainLayout>> = Memo::new();
    LAYOUTS.get_or_compute((style, length_mm.to_bits()), || {
        let curve = chain_curve(length_mm);
        let back = curve[curve.len() / 2];
        let (_, tangent) = along(&curve, closed_length(&curve) / 2.0);
        let frame = Quat::from_rotation_arc(Vec3::X, tangent);
        Arc::new(ChainLayout {
            front: curve[0],
            links: link_placements(style, &curve),
            clasp: Affine3A::from_rotation_translation(frame, back),
        })
    })
}

/// A spring-ring clasp: a stout oval ring with its lever, along X.
pub fn clasp() -> MeshData {
    let mut clasp = oval_link(6.0, 4.5, 0.55, 0.0);
    clasp.append(&wire(&[Vec3::new(-1.2, 2.0, 0.0), Vec3::new(1.2, 2.4, 0.0)], &[0.35, 0.35], 10));
    clasp
}

/// The radius of the bail's wire, mm (0.9 mm across: over Gemwares' 0.8 mm surfaces).
pub const BAIL_WIRE_RADIUS_MM: f32 = 0.45;

/// The pendant's bail: a loop of wire the chain passes through, along X.
pub fn bail() -> MeshData {
    oval_link(4.0, 3.0, BAIL_WIRE_RADIUS_MM, 0.0)
}

/// Below the bail of a drop pendant, from the hanging point: where the bar starts and ends (mm down).
const DROP_BAR_MM: (f32, f32) = (3.0, 9.5);

/// The bar of a drop pendant, hanging down (−Y) from the bail's hanging point.
pub fn drop_bar() -> MeshData {
    wire(&[Vec3::Y * -DROP_BAR_MM.0, Vec3::Y * -DROP_BAR_MM.1], &[0.6, 0.6], 10)
}

/// Where a pendant's parts go, hanging from the chain's lowest point (mm, bust frame).
pub struct PendantLayout {
    /// The head used to hold the stone.
    pub setting: Setting,
    pub bail: Affine3A,
    pub drop_bar: Option<Affine3A>,
    /// The head, scaled to the stone (its frame is a unit-length stone's).
    pub head: Affine3A,
    /// The stone: a unit stone placement, for the design's cut and size.
    pub stone: Affine3A,
    /// The halo's small round stones (unit placements), if any.
    pub melee: Vec<Affine3A>,
}

/// The head a necklace's pendant holds its stone in (None: no pendant).
pub fn pendant_setting(necklace: &Necklace) -> Option<Setting> {
    match necklace.pendant {
        PendantStyle::None => None,
        PendantStyle::Solitaire | PendantStyle::Drop => Some(Setting::FourProng),
        PendantStyle::Halo => Some(Setting::Halo),
    }
}

/// The pendant for a necklace and stone (mm, bust frame), its head made as `head` (the model of
/// `pendant_setting`'s head for the cut).
pub fn pendant(necklace: &Necklace, cut: Cut, size_mm: f32, made: &ComponentModel) -> Option<PendantLayout> {
    let setting = pendant_setting(necklace)?;
    let hang = chain_layout(necklace.chain, necklace.length_mm).front;
    let seat = made.seat().unwrap_or(Affine3A::IDENTITY);
    let (_, _, depth) = dimensions_mm(cut, size_mm);
    let outward = Vec3::new(hang.x, 0.0, hang.z).normalize_or(Vec3::Z);
    // The bail: a loop the chain passes through, standing out from the skin.
    let drop = necklace.pendant == PendantStyle::Drop;
    let bail_drop = if drop { DROP_BAR_MM.1 - 0.5 } else { 3.0 };
    let bail = Affine3A::from_rotation_translation(Quat::from_rotation_z(PI / 2.0), hang + Vec3::Y * -1.5);
    let drop_bar = drop.then(|| Affine3A::from_translation(hang));
    // The head hangs below the bail with its table facing out (the head's +Y turned to face outward), the stone's
    // length running down.
    let length_along = dimensions_mm(cut, size_mm).0.max(size_mm);
    let centre = hang + Vec3::Y * -(bail_drop + length_along / 2.0 + 0.5) + outward * (depth * 0.5 + 1.0);
    let face_out = Quat::from_rotation_arc(Vec3::Y, outward);
    let stone_length_down = Quat::from_rotation_arc(face_out * Vec3::X, Vec3::NEG_Y) * face_out;
    let head = Affine3A::from_scale_rotation_translation(Vec3::splat(size_mm), stone_length_down, centre);
    let melee =
        made.nodes.iter().filter(|node| node.name.starts_with("gem.melee")).map(|node| head * node.transform).collect();
    Some(PendantLayout { setting, bail, drop_bar, head, stone: head * seat, melee })
}

/// Height (bust frame, mm) of the chain's lowest point: where the necklace falls.
pub fn lowest_point_mm(length_mm: f32) -> f32 {
    chain_curve(length_mm).iter().map(|p| p.y).fold(f32::MAX, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::necklace::STANDARD_LENGTHS_MM;

    #[test]
    fn the_chain_is_as_long_as_asked_and_longer_chains_fall_lower() {
        let mut previous = f32::MAX;
        for length in STANDARD_LENGTHS_MM {
            let curve = chain_curve(length);
            assert!((closed_length(&curve) / length - 1.0).abs() < 0.01, "{length}: {}", closed_length(&curve));
            let lowest = lowest_point_mm(length);
            assert!(lowest < previous - 5.0, "{length} mm falls to {lowest:.0}, not below {previous:.0}");
            previous = lowest;
        }
        // True scale: a 40 cm chain sits at the base of the neck (within 3 cm of it), 45 cm near the collarbone
        // (3–6 cm below), 60 cm down on the chest (more than 9 cm below).
        assert!(lowest_point_mm(400.0) > -30.0, "{}", lowest_point_mm(400.0));
        assert!((-60.0..-30.0).contains(&lowest_point_mm(450.0)), "{}", lowest_point_mm(450.0));
        assert!(lowest_point_mm(600.0) < -90.0, "{}", lowest_point_mm(600.0));
    }

    #[test]
    fn the_chain_rests_on_the_bust_not_in_it() {
        for point in chain_curve(450.0) {
            let azimuth = point.x.atan2(point.z);
            let from_axis = point.x.hypot(point.z);
            let skin = bust_radius(point.y, azimuth);
            assert!((from_axis - skin - LIFT_MM).abs() < 0.05, "{point}: {from_axis} vs skin {skin}");
        }
    }

    #[test]
    fn links_follow_the_chain_at_their_pitch() {
        for style in ChainStyle::ALL {
            let curve = chain_curve(450.0);
            let placements = link_placements(style, &curve);
            let (_, _, _, pitch) = link_dimensions(style);
            assert!(((placements.len() as f32 * pitch) / 450.0 - 1.0).abs() < 0.02, "{style:?}: {}", placements.len());
            let gaps: Vec<f32> = placements.windows(2).map(|w| w[0].translation.distance(w[1].translation)).collect();
            assert!(gaps.iter().all(|&g| g < pitch * 1.05), "{style:?}: links drift apart");
        }
    }
}
