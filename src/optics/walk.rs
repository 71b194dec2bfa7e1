//! Where a ray inside a convex stone leaves it, found by walking across the facets instead of testing every plane.
//!
//! The exit is the facet whose plane the ray meets first. Testing every plane costs a plane per facet at every
//! bounce (a round brilliant's 57 planes, 8 bounces, 3 colours: most of the gem's work per pixel). The walk starts at
//! the facet a ray from the stone's centre in the same direction leaves by (a small table by direction), takes the
//! point where the ray meets that facet's plane, and tests only the facet's neighbours (the facets it shares an edge
//! with): on a convex solid that point lies on the facet itself exactly when no neighbour's plane has it outside, and
//! then the facet is the exit. Otherwise it steps to the neighbour whose plane the point is furthest outside — the
//! ray meets that plane sooner, so every step brings the exit closer and the walk ends. It finds the same facet as
//! testing every plane (a test checks it over every cut and a house's stone); `shaders/gem.wgsl` walks the same
//! tables the same way.

use crate::geometry::polyhedron::{ConvexPolyhedron, Plane};
use glam::Vec3;

/// Cells per side of each cube face of the start table (6 × 8 × 8 directions).
pub const START_SIDE: usize = 8;
/// Start-table cells.
pub const START_CELLS: usize = 6 * START_SIDE * START_SIDE;
/// Neighbour indices the tables hold for a whole stone (the shader's packing; the largest cut has fewer: a test).
pub const MAX_NEIGHBOUR_ENTRIES: usize = 1024;
/// Steps after which the walk gives up and tests every plane (never on the shipped cuts: a test).
pub const MAX_STEPS: u32 = 32;
/// How far outside a neighbour's plane a point must be to step over to it (stone units): closer is the same point.
const OUTSIDE: f32 = 1e-6;

/// A stone's planes with what the walk needs: each plane's neighbours and where to start for each direction.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetWalk {
    pub planes: Vec<Plane>,
    /// Each plane's neighbours across an edge (indices into `planes`); none for a plane that makes no facet.
    pub neighbours: Vec<Vec<u16>>,
    /// By direction cell (`start_cell`): the plane a ray from the stone's centre that way leaves by.
    pub start: Vec<u16>,
}

/// Plane tests a search made: one per plane whose distance it computed.
pub type Tests = u32;

impl FacetWalk {
    /// The walk's tables for a convex stone given by its planes (outward normals, any scale).
    pub fn of(planes: &[Plane]) -> FacetWalk {
        let solid = ConvexPolyhedron::from_planes(planes);
        let plane_of = |facet_plane: &Plane| {
            planes.iter().position(|p| {
                p.normal.distance(facet_plane.normal) < 1e-5 && (p.offset - facet_plane.offset).abs() < 1e-5
            })
        };
        let owners: Vec<Option<usize>> = solid.facets.iter().map(|f| plane_of(&f.plane)).collect();
        let (low, high) = solid.bounds();
        let tolerance = (high - low).length().max(1e-6) * 1e-5;
        let mut neighbours = vec![Vec::new(); planes.len()];
        for (a, facet_a) in solid.facets.iter().enumerate() {
            for (b, facet_b) in solid.facets.iter().enumerate().skip(a + 1) {
                let shared = facet_a
                    .vertices
                    .iter()
                    .filter(|va| facet_b.vertices.iter().any(|vb| va.distance(*vb) <= tolerance))
                    .count();
                if let (true, Some(pa), Some(pb)) = (shared >= 2, owners[a], owners[b])
                    && pa != pb
                {
                    push_once(&mut neighbours[pa], pb as u16);
                    push_once(&mut neighbours[pb], pa as u16);
                }
            }
        }
        let centre = (low + high) / 2.0;
        let start = (0..START_CELLS)
            .map(|cell| {
                let (index, _) = exit_testing_every_plane(planes, centre, cell_direction(cell));
                index as u16
            })
            .collect();
        FacetWalk { planes: planes.to_vec(), neighbours, start }
    }

    /// Where a ray inside the stone leaves it: distance, the exit plane's index, and the plane tests it took.
    pub fn exit(&self, origin: Vec3, dir: Vec3) -> (f32, usize, Tests) {
        self.exit_from(origin, dir, None)
    }

    /// `exit`, walking from `start` when one is given (the facet a nearby ray left by), else from the start table's:
    /// the same exit either way, in fewer steps from a good start.
    pub fn exit_from(&self, origin: Vec3, dir: Vec3, start: Option<usize>) -> (f32, usize, Tests) {
        let from_table = || usize::from(self.start.get(start_cell(dir)).copied().unwrap_or(0));
        // A plane that makes no facet has no neighbours to say the point is off it: never a start.
        let facet_of_the_stone = |&f: &usize| self.neighbours.get(f).is_some_and(|n| !n.is_empty());
        let mut facet = start.filter(facet_of_the_stone).unwrap_or_else(from_table);
        let mut tests = 1;
        let Some(mut distance) = self.planes.get(facet).and_then(|plane| meets(plane, origin, dir)) else {
            return self.exit_by_every_plane(origin, dir, tests);
        };
        for _ in 0..MAX_STEPS {
            let point = origin + dir * distance;
            let mut furthest = (OUTSIDE, None);
            for &neighbour in &self.neighbours[facet] {
                tests += 1;
                let plane = &self.planes[usize::from(neighbour)];
                let outside = plane.normal.dot(point) - plane.offset;
                if outside > furthest.0 {
                    furthest = (outside, Some(usize::from(neighbour)));
                }
            }
            let Some(next) = furthest.1 else { return (distance, facet, tests) };
            match meets(&self.planes[next], origin, dir) {
                Some(sooner) => (facet, distance) = (next, sooner),
                None => return self.exit_by_every_plane(origin, dir, tests),
            }
        }
        self.exit_by_every_plane(origin, dir, tests)
    }

    fn exit_by_every_plane(&self, origin: Vec3, dir: Vec3, tests: Tests) -> (f32, usize, Tests) {
        let (index, distance) = exit_testing_every_plane(&self.planes, origin, dir);
        (distance, index, tests + self.planes.len() as Tests)
    }

    /// Every neighbour list, one after another (what the shader's tables hold).
    pub fn neighbour_entries(&self) -> usize {
        self.neighbours.iter().map(Vec::len).sum()
    }
}

/// Where the ray meets the plane ahead, if it goes towards its outside.
fn meets(plane: &Plane, origin: Vec3, dir: Vec3) -> Option<f32> {
    let along = plane.normal.dot(dir);
    (along > 1e-9).then(|| (plane.offset - plane.normal.dot(origin)) / along)
}

/// The exit found by testing every plane: the plane's index and the distance.
pub fn exit_testing_every_plane(planes: &[Plane], origin: Vec3, dir: Vec3) -> (usize, f32) {
    let mut best = (0, f32::MAX);
    for (index, plane) in planes.iter().enumerate() {
        if let Some(distance) = meets(plane, origin, dir)
            && distance < best.1
        {
            best = (index, distance);
        }
    }
    best
}

fn push_once(list: &mut Vec<u16>, value: u16) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// The start table's cell of a direction: the cube face of its largest coordinate, then the cell on that face
/// (`shaders/gem.wgsl` `start_cell`).
pub fn start_cell(d: Vec3) -> usize {
    let a = d.abs();
    let (face, u, v) = if a.x >= a.y && a.x >= a.z {
        (if d.x > 0.0 { 0 } else { 1 }, d.y / a.x.max(1e-12), d.z / a.x.max(1e-12))
    } else if a.y >= a.z {
        (if d.y > 0.0 { 2 } else { 3 }, d.x / a.y.max(1e-12), d.z / a.y.max(1e-12))
    } else {
        (if d.z > 0.0 { 4 } else { 5 }, d.x / a.z.max(1e-12), d.y / a.z.max(1e-12))
    };
    let index = |t: f32| (((t * 0.5 + 0.5) * START_SIDE as f32) as usize).min(START_SIDE - 1);
    face * START_SIDE * START_SIDE + index(v) * START_SIDE + index(u)
}

/// The direction through the middle of a start-table cell.
fn cell_direction(cell: usize) -> Vec3 {
    let face = cell / (START_SIDE * START_SIDE);
    let (row, column) = ((cell / START_SIDE) % START_SIDE, cell % START_SIDE);
    let at = |i: usize| (i as f32 + 0.5) / START_SIDE as f32 * 2.0 - 1.0;
    let (u, v) = (at(column), at(row));
    let sign = if face.is_multiple_of(2) { 1.0 } else { -1.0 };
    match face / 2 {
        0 => Vec3::new(sign, u, v),
        1 => Vec3::new(u, sign, v),
        _ => Vec3::new(u, v, sign),
    }
    .normalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Cut;
    use crate::geometry::cut::facet_planes;

    #[test]
    fn each_cell_of_the_start_table_holds_its_own_directions() {
        for cell in 0..START_CELLS {
            assert_eq!(start_cell(cell_direction(cell)), cell);
        }
    }

    /// Rays from points inside the stone (`seed`-ed), every direction: the walk's exit is testing every plane's.
    fn walk_agrees(planes: &[Plane], seed: u64) -> (f64, usize) {
        let walk = FacetWalk::of(planes);
        assert!(walk.neighbour_entries() <= MAX_NEIGHBOUR_ENTRIES, "{} entries", walk.neighbour_entries());
        let solid = ConvexPolyhedron::from_planes(planes);
        let (low, high) = solid.bounds();
        let mut random = crate::seeded::SplitMix::new(seed);
        let mut unit = || (random.next_u64() >> 40) as f32 / (1u64 << 24) as f32;
        let (mut tests, mut rays) = (0u64, 0);
        while rays < 20_000 {
            let point = low + (high - low) * Vec3::new(unit(), unit(), unit());
            if planes.iter().any(|p| p.normal.dot(point) - p.offset > -1e-4) {
                continue;
            }
            let dir = Vec3::new(unit() - 0.5, unit() - 0.5, unit() - 0.5).normalize_or(Vec3::Y);
            let (distance, _, used) = walk.exit(point, dir);
            let (_, truth) = exit_testing_every_plane(planes, point, dir);
            assert!((distance - truth).abs() <= 1e-4 * (1.0 + truth), "walked {distance}, every plane {truth}");
            // From any start (a nearby ray's facet, or a poor one), the same exit.
            let (from_elsewhere, _, _) = walk.exit_from(point, dir, Some(rays % planes.len()));
            assert!((from_elsewhere - truth).abs() <= 1e-4 * (1.0 + truth), "from elsewhere {from_elsewhere}, {truth}");
            tests += u64::from(used);
            rays += 1;
        }
        (tests as f64 / rays as f64, planes.len())
    }

    #[test]
    fn the_walk_finds_the_exit_testing_every_plane_finds_with_a_fraction_of_the_tests() {
        for (index, cut) in Cut::ALL.into_iter().enumerate() {
            let (mean, planes) = walk_agrees(&facet_planes(cut), 7 + index as u64);
            assert!(mean < planes as f64 / 3.0, "{cut:?}: {mean:.1} tests of {planes} planes");
        }
    }
}
