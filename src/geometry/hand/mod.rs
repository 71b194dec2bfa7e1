//! The display hand a ring is shown on: a stylised mannequin's left hand, lying palm down, fingers a little apart
//! and gently curved, with knuckles and nails — made as a distance field (`field.rs`) and meshed smooth.
//!
//! Hand frame = ring frame at the reference size: the ring finger runs along Z through the origin, where the ring
//! sits (fingertips towards −Z, the wrist towards +Z), the back of the hand up (+Y, where the ring's head is), the
//! thumb on +X. Where the ring sits, the ring finger's section is a circle of the reference ring size's
//! circumference; the hand is scaled as a whole for another size (`scale_for`), so the finger always fills the ring
//! and the hand grows with the finger, as hands do.
//!
//! Proportions of an adult woman's hand, stylised: hand breadth at the knuckles about 75 mm (British women aged
//! 19–65, 50th percentile; Pheasant's tables as given by CityU's online anthropometry, "Hand breadth"); hand length
//! about 176 mm (Ibeachu, Abu & Didia 2011, women's right hands, 17.62 cm); finger lengths from the base crease —
//! index 64, middle 71, ring 66, little 53, thumb 50 mm (Chatzıoglou, Pınar & Govsa 2024, Anat Cell Biol 57(2)).

mod field;

use super::mesh::MeshData;
use field::{ellipsoid, mesh_of, rounded_box, smooth_union, sphere, tapered_capsule};
use glam::Vec3;

/// The ring size (inner circumference, mm: EU 54) the hand is modelled at.
pub const REFERENCE_RING_SIZE_MM: f32 = 54.0;
/// Where a ring sits on the first phalanx, from the base knuckle towards the middle joint (the ring finger's ring
/// place is the hand frame's origin; the try-on puts the ring there on a client's finger too).
pub const RING_AT: f32 = 22.0 / 40.0;
/// The grid the hand is meshed on, mm.
const MESH_STEP_MM: f32 = 0.8;
/// Where the display hand's wrist is cut (a mannequin's stand would fit there), mm along +Z.
const WRIST_CUT_Z_MM: f32 = 150.0;

/// How much the hand is scaled for a ring size: the ring finger's circumference where the ring sits equals the
/// ring's inner circumference.
pub fn scale_for(ring_size_mm: f32) -> f32 {
    ring_size_mm / REFERENCE_RING_SIZE_MM
}

/// What the display hand is made of (a view setting: the piece does not change).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum HandFinish {
    /// White glazed porcelain, as the boutiques' classic ring hands.
    #[default]
    Porcelain,
    /// Black velvet: every metal and stone stands out on it.
    Velvet,
    /// Skin tones, for a client who wants to picture it on a hand like theirs.
    FairSkin,
    MediumSkin,
    DeepSkin,
}

impl HandFinish {
    pub const ALL: [HandFinish; 5] =
        [HandFinish::Porcelain, HandFinish::Velvet, HandFinish::FairSkin, HandFinish::MediumSkin, HandFinish::DeepSkin];

    /// The word the command line takes: "porcelain", "velvet", "fair", "medium", "deep".
    pub fn slug(self) -> &'static str {
        match self {
            HandFinish::Porcelain => "porcelain",
            HandFinish::Velvet => "velvet",
            HandFinish::FairSkin => "fair",
            HandFinish::MediumSkin => "medium",
            HandFinish::DeepSkin => "deep",
        }
    }
}

/// The hand's surfaces: the skin (or the mannequin's porcelain, velvet…) and the nails, drawn a little glossier.
pub struct HandForm {
    pub skin: MeshData,
    pub nails: MeshData,
}

/// A finger (or the thumb) as a chain of joints, each with the finger's radius there, and its nail.
struct Digit {
    /// Joint centres from the base knuckle to the fingertip's centre.
    joints: Vec<Vec3>,
    radii: Vec<f32>,
    /// Knuckle bumps (centre, radius) on the back of the finger.
    knuckles: Vec<(Vec3, f32)>,
    nail: Nail,
}

struct Nail {
    centre: Vec3,
    axes: [Vec3; 3],
    radii: Vec3,
}

/// The form of a finger from its base knuckle: `yaw` (degrees, + towards the thumb), flexions at each joint
/// (degrees, downwards), lengths of the three phalanges, radii at [base, ring's place, middle joint, last joint,
/// tip], the ring's place as a fraction of the first phalanx.
fn finger(base: Vec3, yaw: f32, flexions: [f32; 3], lengths: [f32; 3], radii: [f32; 5], ring_at: f32) -> Digit {
    let yaw = yaw.to_radians();
    let mut direction = Vec3::new(yaw.sin(), 0.0, -yaw.cos());
    let mut up = Vec3::Y;
    let mut joints = vec![base];
    let mut ups = Vec::new();
    for (k, (&flexion, &length)) in flexions.iter().zip(&lengths).enumerate() {
        let (s, c) = flexion.to_radians().sin_cos();
        (direction, up) = (direction * c - up * s, up * c + direction * s);
        let from = *joints.last().unwrap_or(&base);
        if k == 0 {
            joints.push(from + direction * length * ring_at);
            ups.push(up);
            joints.push(from + direction * length);
        } else {
            joints.push(from + direction * length);
        }
        ups.push(up);
    }
    // joints: base, ring's place, middle joint, last joint, tip.
    let knuckles =
        vec![(joints[2] + up_of(&ups, 1) * 2.2, radii[2] * 0.75), (joints[3] + ups[2] * 1.6, radii[3] * 0.75)];
    let nail = nail_on(joints[3], joints[4], radii[3], radii[4], ups[2]);
    Digit { joints, radii: radii.to_vec(), knuckles, nail }
}

fn up_of(ups: &[Vec3], k: usize) -> Vec3 {
    ups.get(k).copied().unwrap_or(Vec3::Y)
}

/// A nail on the last phalanx from `from` to `tip`, its plate standing 0.35 mm proud of the skin.
fn nail_on(from: Vec3, tip: Vec3, radius_from: f32, radius_tip: f32, up: Vec3) -> Nail {
    let along = (tip - from).normalize_or(Vec3::NEG_Z);
    let up = (up - along * up.dot(along)).normalize_or(Vec3::Y);
    let side = up.cross(along);
    let t = 0.55;
    let radius = radius_from + (radius_tip - radius_from) * t;
    let radii = Vec3::new(radius * 0.7, radius * 0.25, (tip - from).length() * 0.42);
    let centre = from + (tip - from) * t + up * (radius - radii.y + 0.35);
    Nail { centre, axes: [side, up, along], radii }
}

impl Digit {
    fn distance(&self, p: Vec3) -> f32 {
        let mut d = f32::MAX;
        for k in 0..self.joints.len() - 1 {
            let segment = tapered_capsule(p, self.joints[k], self.joints[k + 1], self.radii[k], self.radii[k + 1]);
            // Phalanges meet at a shared round end (a fillet would swell every joint like a bamboo's node); only
            // the inside of a bend is softened. The ring's section stays exactly round: its two halves are not.
            d = if k == 1 { d.min(segment) } else { smooth_union(d, segment, 1.0) };
        }
        for &(centre, radius) in &self.knuckles {
            d = smooth_union(d, sphere(p, centre, radius), 3.0);
        }
        smooth_union(d, self.nail.distance(p), 0.6)
    }
}

impl Nail {
    fn distance(&self, p: Vec3) -> f32 {
        ellipsoid(p, self.centre, self.axes, self.radii)
    }
}

/// The whole hand: its digits and the palm, back and wrist they join.
struct Hand {
    fingers: Vec<Digit>,
    thumb: Digit,
}

impl Hand {
    fn new() -> Self {
        let ring_radius = REFERENCE_RING_SIZE_MM / std::f32::consts::TAU;
        let ring = finger(
            Vec3::new(0.0, 0.0, 22.0),
            0.0,
            [0.0, 11.0, 8.0],
            [40.0, 25.0, 18.0],
            [ring_radius * 1.03, ring_radius, ring_radius * 0.9, ring_radius * 0.8, ring_radius * 0.7],
            RING_AT,
        );
        let fingers = vec![
            // Index, middle, ring, little (from the thumb's side).
            finger(
                Vec3::new(40.0, 0.0, 21.0),
                10.0,
                [4.0, 12.0, 8.0],
                [39.0, 24.0, 18.0],
                [9.0, 8.6, 7.8, 6.9, 6.1],
                0.5,
            ),
            finger(
                Vec3::new(20.0, 0.5, 20.0),
                5.0,
                [4.0, 12.0, 8.0],
                [44.0, 27.0, 20.0],
                [9.2, 8.8, 8.0, 7.1, 6.3],
                0.5,
            ),
            ring,
            finger(
                Vec3::new(-19.0, -1.5, 27.0),
                -9.0,
                [5.0, 13.0, 9.0],
                [32.0, 19.0, 16.0],
                [7.9, 7.4, 6.7, 6.0, 5.3],
                0.5,
            ),
        ];
        let thumb_joints = vec![
            Vec3::new(30.0, -10.0, 95.0),
            Vec3::new(56.0, -8.0, 58.0),
            Vec3::new(69.0, -6.5, 30.0),
            Vec3::new(76.0, -6.0, 9.0),
        ];
        let thumb_up = Vec3::new(0.45, 0.89, 0.0).normalize();
        let thumb = Digit {
            radii: vec![11.0, 9.4, 8.6, 7.2],
            knuckles: vec![(thumb_joints[1] + thumb_up * 1.0, 9.6), (thumb_joints[2] + thumb_up * 0.5, 8.8)],
            nail: nail_on(thumb_joints[2], thumb_joints[3], 8.6, 7.2, thumb_up),
            joints: thumb_joints,
        };
        Hand { fingers, thumb }
    }

    /// The palm and the back of the hand: a rounded slab, narrower towards the wrist, arched across.
    fn palm(p: Vec3) -> f32 {
        let (cx, cy, cz) = (10.0, -3.0, 60.0);
        let narrowing = 1.0 - 0.18 * ((p.z - 14.0) / 92.0).clamp(0.0, 1.0);
        let x = (p.x - cx) / narrowing;
        let local = Vec3::new(x, p.y - cy + 0.0045 * x * x, p.z - cz);
        rounded_box(local, Vec3::new(36.0, 11.0, 46.0), 9.0)
    }

    /// The wrist, flattened, cut where a stand would hold it.
    fn wrist(p: Vec3) -> f32 {
        let flattened = Vec3::new(p.x, -3.0 + (p.y + 3.0) * 1.45, p.z);
        let d = tapered_capsule(flattened, Vec3::new(10.0, -3.0, 100.0), Vec3::new(10.0, -3.0, 175.0), 26.0, 29.0);
        d / 1.45f32.sqrt()
    }

    fn distance(&self, p: Vec3) -> f32 {
        let mut body = smooth_union(Self::palm(p), Self::wrist(p), 14.0);
        // The thumb's and the little finger's muscles under the palm.
        let axes = [Vec3::X, Vec3::Y, Vec3::Z];
        body = smooth_union(body, ellipsoid(p, Vec3::new(32.0, -12.0, 62.0), axes, Vec3::new(16.0, 11.0, 24.0)), 10.0);
        body = smooth_union(body, ellipsoid(p, Vec3::new(-14.0, -10.0, 62.0), axes, Vec3::new(12.0, 9.0, 28.0)), 8.0);
        // Knuckles on the back of the hand, over each finger's base.
        for finger in &self.fingers {
            body = smooth_union(body, sphere(p, finger.joints[0] + Vec3::Y * 3.0, finger.radii[0] * 0.8), 6.0);
        }
        body = smooth_union(body, self.thumb.distance(p), 10.0);
        // Each finger joins the palm (a web between them), not its neighbours: their sides stay apart.
        let hand = self.fingers.iter().map(|finger| smooth_union(body, finger.distance(p), 7.0)).fold(body, f32::min);
        hand.max(p.z - WRIST_CUT_Z_MM)
    }

    /// A box the whole hand lies in: every digit's joints with their radius, the palm and the wrist (to the cut).
    fn bounds(&self) -> (Vec3, Vec3) {
        let body = (Vec3::new(-32.0, -34.0, 10.0), Vec3::new(52.0, 26.0, WRIST_CUT_Z_MM));
        self.fingers.iter().chain([&self.thumb]).flat_map(|d| d.joints.iter().zip(&d.radii)).fold(
            body,
            |(lo, hi), (&joint, &radius)| {
                let reach = Vec3::splat(radius + 3.0);
                (lo.min(joint - reach), hi.max(joint + reach))
            },
        )
    }

    fn nail_distance(&self, p: Vec3) -> f32 {
        self.fingers.iter().chain([&self.thumb]).map(|d| d.nail.distance(p)).fold(f32::MAX, f32::min)
    }
}

/// Where the hand's joints are, at the reference size, in the order of MediaPipe's 21 hand landmarks (the try-on's
/// test set measures the landmark model against them): the wrist (the middle of the wrist's crease, where a hand
/// 176 mm long from it reaches the middle fingertip), then each digit from its base to its tip — the thumb's four
/// joints, each finger's base knuckle, middle and last joints and the end of its tip. Joints are the bones' centres,
/// inside the finger.
pub fn landmarks() -> [Vec3; 21] {
    let hand = Hand::new();
    let mut points = [Vec3::new(10.0, -3.0, 100.0); 21];
    let tip_end = |digit: &Digit| {
        let n = digit.joints.len();
        let along = (digit.joints[n - 1] - digit.joints[n - 2]).normalize_or(Vec3::NEG_Z);
        digit.joints[n - 1] + along * digit.radii[n - 1]
    };
    points[1..4].copy_from_slice(&hand.thumb.joints[0..3]);
    points[4] = tip_end(&hand.thumb);
    for (k, finger) in hand.fingers.iter().enumerate() {
        let first = 5 + 4 * k;
        points[first] = finger.joints[0];
        points[first + 1] = finger.joints[2];
        points[first + 2] = finger.joints[3];
        points[first + 3] = tip_end(finger);
    }
    points
}

/// The display hand's fingers' widths where a ring sits (index, middle, ring, little), at the reference size, mm.
pub fn ring_place_widths() -> [f32; 4] {
    let hand = Hand::new();
    std::array::from_fn(|k| 2.0 * hand.fingers[k].radii[1])
}

/// The display hand at the reference size (deterministic; a few seconds: ask `Component::Hand.model()`).
pub fn hand() -> HandForm {
    let hand = Hand::new();
    let field = |p: Vec3| hand.distance(p);
    let (lo, hi) = hand.bounds();
    let mesh = mesh_of(&field, lo, hi.min(Vec3::new(f32::MAX, f32::MAX, WRIST_CUT_Z_MM + 1.0)), MESH_STEP_MM);
    // The nails: triangles on a nail's plate, facing out of it.
    let (mut skin, mut nails) = (Vec::new(), Vec::new());
    for triangle in mesh.indices.chunks_exact(3) {
        let corners = [triangle[0], triangle[1], triangle[2]].map(|i| Vec3::from(mesh.positions[i as usize]));
        let centre = (corners[0] + corners[1] + corners[2]) / 3.0;
        let on_nail = hand.nail_distance(centre) < 0.2;
        if on_nail { nails.extend_from_slice(triangle) } else { skin.extend_from_slice(triangle) }
    }
    HandForm { skin: compacted(&mesh, &skin), nails: compacted(&mesh, &nails) }
}

/// The vertices `indices` use, renumbered.
fn compacted(mesh: &MeshData, indices: &[u32]) -> MeshData {
    let mut renumbered = vec![u32::MAX; mesh.positions.len()];
    let mut out = MeshData::default();
    for &i in indices {
        let slot = &mut renumbered[i as usize];
        if *slot == u32::MAX {
            *slot = out.positions.len() as u32;
            out.positions.push(mesh.positions[i as usize]);
            out.normals.push(mesh.normals[i as usize]);
        }
        out.indices.push(*slot);
    }
    out
}

/// The perimeter of a mesh's section by the plane z = `z` (the segments where its triangles cross it), mm.
pub fn section_perimeter(mesh: &MeshData, z: f32, keep: impl Fn(Vec3) -> bool) -> f32 {
    let mut perimeter = 0.0;
    for triangle in mesh.indices.chunks_exact(3) {
        let corners = [triangle[0], triangle[1], triangle[2]].map(|i| Vec3::from(mesh.positions[i as usize]));
        let mut crossings = Vec::new();
        for k in 0..3 {
            let (a, b) = (corners[k], corners[(k + 1) % 3]);
            if (a.z - z) * (b.z - z) < 0.0 {
                crossings.push(a + (b - a) * ((z - a.z) / (b.z - a.z)));
            }
        }
        if let [a, b] = crossings[..]
            && keep((a + b) / 2.0)
        {
            perimeter += a.distance(b);
        }
    }
    perimeter
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::ring_size::{EU_MAX, EU_MIN};

    #[test]
    fn the_hand_is_one_closed_smooth_surface_with_its_nails() {
        let form = hand();
        let mut both = form.skin.clone();
        // The nails' vertices are the skin's at their edges: weld by position to see the whole surface.
        both.append(&form.nails);
        let mut ids = std::collections::HashMap::new();
        let id: Vec<usize> = both
            .positions
            .iter()
            .map(|p| {
                let next = ids.len();
                *ids.entry(p.map(f32::to_bits)).or_insert(next)
            })
            .collect();
        let mut edges = std::collections::HashMap::new();
        for t in both.indices.chunks_exact(3) {
            for k in 0..3 {
                let (a, b) = (id[t[k] as usize], id[t[(k + 1) % 3] as usize]);
                *edges.entry((a.min(b), a.max(b))).or_insert(0) += 1;
            }
        }
        assert!(edges.values().all(|&count| count == 2), "the hand's surface has holes");
        // Five nails, each on a fingertip, facing up (the thumb's a little sideways).
        let pieces = crate::geometry::mesh::connected_pieces(&form.nails);
        assert_eq!(pieces.len(), 5);
        for nail in &pieces {
            let up: Vec3 = nail.normals.iter().map(|&n| Vec3::from(n)).sum::<Vec3>().normalize();
            assert!(up.y > 0.7, "{up}");
        }
        // Smooth: neighbouring vertices' normals differ little (no facets, no creases) almost everywhere.
        let creased = form
            .skin
            .indices
            .chunks_exact(3)
            .filter(|t| {
                let n = [t[0], t[1], t[2]].map(|i| Vec3::from(form.skin.normals[i as usize]));
                n[0].dot(n[1]).min(n[1].dot(n[2])).min(n[2].dot(n[0])) < 0.9
            })
            .count();
        assert!(creased * 200 < form.skin.indices.len() / 3, "{creased} creased triangles");
    }

    #[test]
    fn the_ring_finger_fills_the_ring_at_every_size() {
        let form = hand();
        // Around the ring finger only (not the neighbours' sections in the same plane).
        let near_ring_finger = |p: Vec3| p.x.hypot(p.y) < 12.0;
        // Every EU size the studio allows, a whole size apart.
        for size in (EU_MIN as u32..=EU_MAX as u32).map(|s| s as f32) {
            let scale = scale_for(size);
            let scaled = form.skin.transformed(glam::Affine3A::from_scale(Vec3::splat(scale)));
            let perimeter = section_perimeter(&scaled, 0.0, |p| near_ring_finger(p / scale));
            assert!((perimeter - size).abs() < 0.5, "EU {size}: the finger is {perimeter} mm round");
        }
    }
}
