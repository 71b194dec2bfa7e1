//! What a centre stone sees of its own setting. Light leaving a stone through its pavilion meets the gallery, the
//! prongs and the band before it meets the room: seen from above, a round brilliant in yellow gold is filled with the
//! light the gold reflects where the room alone would give the observer's darkness (the path tracer's comparison
//! found it, README "Why the rest differs"). The gem tracer cannot trace the setting's triangles per pixel, so the
//! setting is traced once per piece, from the stone's centre, into a table by direction (`SettingView`: which metal is
//! there, how far and which way its surface faces); a ray leaving the stone at a point finds its metal by looking the
//! table up again where its own line meets the distance found — parallax corrected as reflection probes are.
//! The metal sends the stone the room reflected in its surface (mirror reflection, Schlick's Fresnel from the
//! alloy's F0); the metal's own roughness, the stones beside it and the display support are not seen.
//! `shaders/gem.wgsl` reads the same table (`studio::gem` uploads it) the same way.

use crate::design::Design;
use crate::geometry::assembly::{Assembly, MetalZone, PartRole, Seat};
use crate::geometry::placed::placed_meshes;
use crate::optics::trace::Exit;
use glam::Vec3;
use std::f32::consts::PI;

/// Directions around the stone, by longitude (about +Y, from −X) and by polar angle from +Y.
pub const COLUMNS: usize = 128;
pub const ROWS: usize = 64;
/// Light leaving the stone with less than this share of its pixel's ray is taken to meet the room, not the setting
/// (a Fresnel leak; the walk is what costs — `shaders/gem.wgsl` does the same).
pub const LEAST_WEIGHT_SEEN: f32 = 0.03;
/// Steps a ray leaving the stone is walked out in (`walk`).
const WALK_STEPS: usize = 6;
/// How deep behind its surface (stone lengths) the metal seen from the centre is taken to go: a ray whose point lies
/// farther behind it passed beside it (a prong's or a gallery's section is about this).
const METAL_DEPTH: f32 = 0.2;

/// How much farther from the centre than where it left (stone lengths) a leaving ray is looked at, step by step: fine
/// near the stone where prongs stand, then wider (out to 2.4 stone lengths: the band under a head).
fn walk(step: usize) -> f32 {
    let k = step as f32;
    0.1 * k + 0.05 * k * k
}

/// The metal a stone sees in one direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetalSeen {
    /// Its surface's normal, stone frame, facing the stone.
    pub normal: Vec3,
    pub zone: MetalZone,
    /// From the table's centre, stone lengths.
    pub distance: f32,
}

/// The setting as a stone sees it, by direction from its centre (stone frame, stone lengths).
#[derive(Clone, Debug, PartialEq)]
pub struct SettingView {
    /// The table's centre in the stone's frame (the middle of the stone's bounds).
    pub centre: Vec3,
    /// Row by row from +Y: the normal (xyz) and the distance, positive for the head's metal, negative for the band's,
    /// 0 where no metal is seen. The layout `shaders/gem.wgsl` loads.
    pub texels: Vec<[f32; 4]>,
    /// The highest any metal reaches above the centre (stone lengths): a ray going up from above it meets none.
    pub top: f32,
}

/// The two metals' specular colour at normal incidence (linear RGB): what the metal seen is made of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SettingMetals {
    pub band: [f32; 3],
    pub head: [f32; 3],
}

impl SettingMetals {
    pub fn of(design: &Design) -> Self {
        SettingMetals { band: design.metal.alloy.f0_linear(), head: design.head_metal().alloy.f0_linear() }
    }
}

/// The texel a direction falls in (the shader computes the same).
pub fn texel_of(direction: Vec3) -> (usize, usize) {
    let polar = direction.y.clamp(-1.0, 1.0).acos();
    let row = ((polar / PI * ROWS as f32) as usize).min(ROWS - 1);
    let around = direction.z.atan2(direction.x) / (2.0 * PI) + 0.5;
    let column = ((around * COLUMNS as f32).max(0.0) as usize).min(COLUMNS - 1);
    (column, row)
}

/// The direction through a texel's middle.
fn direction_of(column: f32, row: f32) -> Vec3 {
    let polar = row / ROWS as f32 * PI;
    let around = (column / COLUMNS as f32 - 0.5) * 2.0 * PI;
    Vec3::new(polar.sin() * around.cos(), polar.cos(), polar.sin() * around.sin())
}

impl SettingView {
    /// Nothing around the stone.
    pub fn empty(centre: Vec3) -> Self {
        SettingView { centre, texels: vec![[0.0; 4]; COLUMNS * ROWS], top: f32::MIN }
    }

    /// What the centre stone of an Assembly sees of the metal around it (`None` without a centre stone).
    pub fn of(assembly: &Assembly) -> Option<Self> {
        let parts = placed_meshes(assembly);
        let stone = parts.iter().find(|p| matches!(p.role, PartRole::Stone { seat: Seat::Centre, .. }))?;
        let (low, high) = stone.data.bounds();
        let stone_from_piece = stone.at.inverse();
        let mut view = SettingView::empty((low + high) / 2.0);
        for part in &parts {
            let PartRole::Metal(zone) = part.role else { continue };
            let to_stone = stone_from_piece * part.at;
            let normals_to_stone = glam::Mat3::from(to_stone.matrix3).inverse().transpose();
            let data = &part.data;
            let point = |i: u32| to_stone.transform_point3(Vec3::from(data.positions[i as usize]));
            let normal =
                |i: u32| data.normals.get(i as usize).map(|&n| (normals_to_stone * Vec3::from(n)).normalize_or_zero());
            for triangle in data.indices.chunks_exact(3) {
                if triangle.iter().any(|&i| i as usize >= data.positions.len()) {
                    continue;
                }
                let corners = [point(triangle[0]), point(triangle[1]), point(triangle[2])];
                let normals = [normal(triangle[0]), normal(triangle[1]), normal(triangle[2])];
                let normals = match normals {
                    [Some(a), Some(b), Some(c)] => Some([a, b, c]),
                    _ => None,
                };
                view.draw_triangle(corners, normals, zone);
            }
        }
        Some(view)
    }

    /// Draws one triangle (stone frame) into the table: every texel whose middle direction meets it nearer than what
    /// the texel holds. Only the texels of its angular bounds are tried.
    pub fn draw_triangle(&mut self, corners: [Vec3; 3], normals: Option<[Vec3; 3]>, zone: MetalZone) {
        let local = corners.map(|c| c - self.centre);
        if local.iter().any(|c| c.length() < 1e-6) {
            return;
        }
        self.top = local.iter().map(|c| c.y).fold(self.top, f32::max);
        let directions = local.map(Vec3::normalize);
        // Polar rows: the corners' range, widened by how far an edge's arc can bulge past its ends, and to a pole the
        // triangle surrounds.
        let polar = directions.map(|d| d.y.clamp(-1.0, 1.0).acos());
        let widest_edge = (0..3).map(|i| directions[i].angle_between(directions[(i + 1) % 3])).fold(0.0, f32::max);
        let texel = PI / ROWS as f32;
        let mut low = polar.iter().copied().fold(PI, f32::min) - widest_edge / 2.0 - texel;
        let mut high = polar.iter().copied().fold(0.0, f32::max) + widest_edge / 2.0 + texel;
        let around_pole = [Vec3::Y, Vec3::NEG_Y].map(|pole| hit_triangle(pole, local).is_some());
        if around_pole[0] {
            low = 0.0;
        }
        if around_pole[1] {
            high = PI;
        }
        let first_row = ((low / texel).floor().max(0.0)) as usize;
        let last_row = ((high / texel).ceil() as usize).min(ROWS);
        // Columns: the shortest arc holding the three longitudes (all of them around a pole).
        let columns: Vec<usize> = if around_pole[0] || around_pole[1] {
            (0..COLUMNS).collect()
        } else {
            let mut around = directions.map(|d| d.z.atan2(d.x) / (2.0 * PI) + 0.5);
            around.sort_by(f32::total_cmp);
            let gaps = [around[1] - around[0], around[2] - around[1], around[0] + 1.0 - around[2]];
            let widest = (0..3).max_by(|&a, &b| gaps[a].total_cmp(&gaps[b])).unwrap_or(2);
            let start = around[(widest + 1) % 3];
            let span = 1.0 - gaps[widest];
            let first = (start * COLUMNS as f32).floor() as i64 - 1;
            let last = ((start + span) * COLUMNS as f32).ceil() as i64 + 1;
            (first..=last).map(|c| c.rem_euclid(COLUMNS as i64) as usize).collect()
        };
        for row in first_row..last_row {
            for &column in &columns {
                let direction = direction_of(column as f32 + 0.5, row as f32 + 0.5);
                let Some((distance, weights)) = hit_triangle(direction, local) else { continue };
                let slot = &mut self.texels[row * COLUMNS + column];
                if slot[3] != 0.0 && slot[3].abs() <= distance {
                    continue;
                }
                let face = (local[1] - local[0]).cross(local[2] - local[0]).normalize_or_zero();
                let smooth =
                    normals.map(|n| (n[0] * weights[0] + n[1] * weights[1] + n[2] * weights[2]).normalize_or_zero());
                let mut normal = smooth.filter(|n| *n != Vec3::ZERO).unwrap_or(face);
                // Facing the stone, whichever way the mesh winds.
                if normal.dot(direction) > 0.0 {
                    normal = -normal;
                }
                let signed = if zone == MetalZone::Head { distance } else { -distance };
                *slot = [normal.x, normal.y, normal.z, signed];
            }
        }
    }

    /// The metal seen in a direction from the table's centre.
    pub fn towards(&self, direction: Vec3) -> Option<MetalSeen> {
        let (column, row) = texel_of(direction);
        let [x, y, z, signed] = self.texels[row * COLUMNS + column];
        (signed != 0.0).then(|| MetalSeen {
            normal: Vec3::new(x, y, z),
            zone: if signed > 0.0 { MetalZone::Head } else { MetalZone::Band },
            distance: signed.abs(),
        })
    }

    /// The metal a ray leaving the stone at `at` (stone frame) going `towards` meets, if any. The ray is walked out
    /// in widening steps of distance from the centre, the first a step away from the stone (where it leaves, the metal
    /// beside the stone is seen past, not met: a ray leaving a crown facet beside a prong goes up, away from it);
    /// where the table has metal before the next step in the direction the ray has reached — and not so far behind
    /// it that the ray passed beside it — the ray meets it there (looked up once more where the line reaches that
    /// distance); past the last step, what lies far along its direction.
    pub fn seen_from(&self, at: Vec3, towards: Vec3) -> Option<MetalSeen> {
        let start = at - self.centre;
        if towards.y >= 0.0 && start.y > self.top {
            return None;
        }
        let from = start.length();
        let point_at = |distance: f32| {
            let b = start.dot(towards);
            let reach = b * b - (start.length_squared() - distance * distance);
            (reach >= 0.0).then(|| start + towards * (-b + reach.sqrt()).max(0.0))
        };
        for step in 1..WALK_STEPS {
            let (here, next) = (from + walk(step), from + walk(step + 1));
            let Some(point) = point_at(here) else { continue };
            let Some(metal) = self.towards(point.normalize_or(towards)) else { continue };
            if metal.distance <= next && metal.distance >= here - METAL_DEPTH {
                let closer = point_at(metal.distance.max(here)).and_then(|p| self.towards(p.normalize_or(towards)));
                return closer.or(Some(metal));
            }
        }
        self.towards(towards)
    }

    /// The light arriving at a point of the stone (stone frame) from a direction: the metal's reflection of the room
    /// where the setting is in the way, else the room's. `room` gives the light from a direction (observer included).
    pub fn light(&self, metals: &SettingMetals, exit: &Exit, room: &dyn Fn(Vec3) -> Vec3) -> Vec3 {
        let (at, towards) = (exit.at, exit.towards);
        if exit.weight < LEAST_WEIGHT_SEEN {
            return room(towards);
        }
        let Some(metal) = self.seen_from(at, towards) else { return room(towards) };
        let f0 = Vec3::from(if metal.zone == MetalZone::Head { metals.head } else { metals.band });
        let cos = (-towards.dot(metal.normal)).clamp(0.0, 1.0);
        let fresnel = f0 + (Vec3::ONE - f0) * (1.0 - cos).powi(5);
        fresnel * room(towards - metal.normal * (2.0 * towards.dot(metal.normal)))
    }
}

/// Where a ray from the origin along unit `direction` meets a triangle: its distance and barycentric weights.
fn hit_triangle(direction: Vec3, [a, b, c]: [Vec3; 3]) -> Option<(f32, [f32; 3])> {
    let (ab, ac) = (b - a, c - a);
    let p = direction.cross(ac);
    let det = ab.dot(p);
    if det.abs() < 1e-12 {
        return None;
    }
    let s = -a / det;
    let u = s.dot(p);
    let q = s.cross(ab);
    let v = direction.dot(q);
    if u < 0.0 || v < 0.0 || u + v > 1.0 {
        return None;
    }
    let t = ac.dot(q);
    (t > 1e-6).then_some((t, [1.0 - u - v, u, v]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::assemble::assemble;

    /// A square floor of metal `depth` below the centre, `half` across.
    fn floor(view: &mut SettingView, depth: f32, half: f32) {
        let c = [(-half, -half), (half, -half), (half, half), (-half, half)].map(|(x, z)| Vec3::new(x, -depth, z));
        view.draw_triangle([c[0], c[1], c[2]], None, MetalZone::Band);
        view.draw_triangle([c[0], c[2], c[3]], None, MetalZone::Band);
    }

    #[test]
    fn a_floor_is_seen_below_at_its_distance_and_never_above() {
        let mut view = SettingView::empty(Vec3::ZERO);
        floor(&mut view, 1.0, 50.0);
        let down = view.towards(Vec3::NEG_Y).expect("the floor is below");
        assert!((down.distance - 1.0).abs() < 0.01, "{down:?}");
        assert!(down.normal.dot(Vec3::Y) > 0.99 && down.zone == MetalZone::Band, "{down:?}");
        let slanted = Vec3::new(1.0, -1.0, 0.3).normalize();
        let seen = view.towards(slanted).expect("the floor, slanted");
        // Nearest-texel look-up: the distance is the texel middle's, within a texel's slope.
        assert!((seen.distance - 1.0 / -slanted.y).abs() < 0.05, "{seen:?}");
        assert!(view.towards(Vec3::new(0.3, 0.2, 0.1).normalize()).is_none());
        assert!(view.towards(Vec3::Y).is_none());
    }

    #[test]
    fn a_ray_leaving_off_centre_finds_the_metal_where_its_own_line_meets_it() {
        let mut view = SettingView::empty(Vec3::ZERO);
        // A narrow strip of metal at x = 0.6, 1 below: from the centre it lies 24°–37° off straight down.
        let strip = [(0.45, -2.0), (0.75, -2.0), (0.75, 2.0), (0.45, 2.0)].map(|(x, z)| Vec3::new(x, -1.0, z));
        view.draw_triangle([strip[0], strip[1], strip[2]], None, MetalZone::Head);
        view.draw_triangle([strip[0], strip[2], strip[3]], None, MetalZone::Head);
        // Straight down from the centre misses it; straight down from x = 0.6 meets it.
        assert!(view.seen_from(Vec3::ZERO, Vec3::NEG_Y).is_none());
        let from_the_side = view.seen_from(Vec3::new(0.6, -0.3, 0.0), Vec3::NEG_Y).expect("the strip below");
        assert_eq!(from_the_side.zone, MetalZone::Head);
        assert!(view.seen_from(Vec3::new(-0.6, -0.3, 0.0), Vec3::NEG_Y).is_none());
    }

    #[test]
    fn gold_seen_through_the_pavilion_sends_the_room_warmer() {
        let mut view = SettingView::empty(Vec3::ZERO);
        floor(&mut view, 1.0, 50.0);
        let gold = SettingMetals { band: [0.94, 0.68, 0.33], head: [0.94, 0.68, 0.33] };
        let leaving = |towards| Exit { at: Vec3::ZERO, towards, weight: 1.0 };
        let light = view.light(&gold, &leaving(Vec3::NEG_Y), &|d| if d.y > 0.0 { Vec3::ONE } else { Vec3::ZERO });
        assert!(light.x > light.z * 2.0 && light.x > 0.9, "the room above, reflected in gold: {light}");
        let open = view.light(&gold, &leaving(Vec3::Y), &|d| if d.y > 0.0 { Vec3::ONE } else { Vec3::ZERO });
        assert_eq!(open, Vec3::ONE);
    }

    #[test]
    fn a_solitaire_stone_sees_its_prongs_around_it_and_its_band_below_and_nothing_above() {
        let design = Design::default();
        let view = SettingView::of(&assemble(&design)).expect("a centre stone");
        let count = |rows: std::ops::Range<usize>| {
            rows.flat_map(|r| (0..COLUMNS).map(move |c| (r, c)))
                .filter(|&(r, c)| view.texels[r * COLUMNS + c][3] != 0.0)
                .count()
        };
        assert_eq!(count(0..ROWS / 4), 0, "nothing above the stone");
        // Straight down: the gallery or the band under the head.
        assert!(view.towards(Vec3::NEG_Y).is_some(), "metal under the stone");
        // Around the girdle the prongs, not a closed wall: some directions hold metal, most do not.
        let girdle = count(ROWS / 2 - 2..ROWS / 2 + 2) as f32 / (4 * COLUMNS) as f32;
        assert!(girdle > 0.03 && girdle < 0.6, "share of the girdle's directions on metal: {girdle}");
        // The solitaire's metal is one alloy: head and band both seen, each signed by its zone.
        assert!(view.texels.iter().any(|t| t[3] > 0.0), "the head's metal");
    }
}
