//! The files a bench receives (no Bevy): the piece's metal in millimetres, at the design's ring size, as STL or 3MF
//! — every metal part of the Assembly as drawn, each a closed surface turned outward (the sum of their volumes is
//! the weight estimate's: the same meshes) — and beside it the stone list the setter buys from (JSON and CSV:
//! species, cut, seat, size, carats, where it sits). The stones are left out of the metal: the bench sets real ones.
//! As `.glb`, the whole piece with its stones and materials (the scene export's writer, `scene::gltf`).
//! A design under a workshop's hard limit is refused with its findings (`checks`). STL through `stl_io` and 3MF
//! through `threemf` (the 3MF package — OPC zip, XML model in mm — written by a kept crate, not by hand); the files are
//! read back by the same crates in the tests and by trimesh in `tools/bench_files/`.

use super::checks::{Finding, checks};
use crate::design::Design;
use crate::geometry::assemble::assemble;
use crate::geometry::assembly::{PartRole, Seat};
use crate::geometry::mesh::MeshData;
use crate::geometry::placed::placed_meshes;
use glam::Vec3;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A 3D format the bench reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelFormat {
    Stl,
    ThreeMf,
    /// The whole piece, stones included, each part with its material (the scene export's `piece.glb`, no camera).
    Glb,
}

impl ModelFormat {
    /// The format a file's name asks for (`.stl`, `.3mf`, any case).
    pub fn of(path: &Path) -> Option<ModelFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "stl" => Some(ModelFormat::Stl),
            "3mf" => Some(ModelFormat::ThreeMf),
            "glb" => Some(ModelFormat::Glb),
            _ => None,
        }
    }
}

/// A stone the setter sets, as the list beside the metal says it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchStone {
    pub seat: Seat,
    pub species: crate::design::Species,
    pub cut: crate::design::Cut,
    /// Its length (a round's diameter), mm.
    pub size_mm: f32,
    pub carats: f32,
    /// Where its girdle's centre is, mm, in the metal file's frame.
    pub position_mm: [f32; 3],
}

/// The metal the bench casts, as the list beside the file says it: the volume (the file's), each alloy and the
/// weight the panel shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchMetal {
    pub volume_mm3: f32,
    pub band_alloy: crate::design::Alloy,
    pub head_alloy: crate::design::Alloy,
    /// The alloys' densities, g/cm³ (the band's, the head's).
    pub densities_g_cm3: [f32; 2],
    pub grams: f32,
}

/// The list beside the metal's file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchList {
    pub design: String,
    pub ring_size_mm: f32,
    pub metal: BenchMetal,
    pub stones: Vec<BenchStone>,
}

/// The metal and stones of a design, as the bench's list says them.
pub fn bench_list(design: &Design) -> BenchList {
    let volumes = crate::estimate::volumes(design);
    let metal = BenchMetal {
        volume_mm3: volumes.band_mm3 + volumes.head_mm3,
        band_alloy: design.metal.alloy,
        head_alloy: design.head_metal().alloy,
        densities_g_cm3: [design.metal.alloy.density_g_cm3(), design.head_metal().alloy.density_g_cm3()],
        grams: crate::estimate::weights(design).metal_grams(),
    };
    BenchList { design: design.name.clone(), ring_size_mm: design.ring_size_mm, metal, stones: stones(design) }
}

/// Why the bench's files were not written.
#[derive(Debug, thiserror::Error)]
pub enum BenchFileError {
    #[error("under a workshop's hard limit: {}", .0.len())]
    HardLimits(Vec<Finding>),
    #[error("{}: write .stl, .3mf or .glb", .0.display())]
    Format(PathBuf),
    #[error("the piece has no metal to make")]
    NoMetal,
    #[error("{}: {source}", file.display())]
    Write { file: PathBuf, source: std::io::Error },
    #[error("{}: {message}", file.display())]
    Encode { file: PathBuf, message: String },
}

/// Every metal part of the piece where it is drawn, in mm, as one mesh of closed parts turned outward, each closed by
/// its indices (triangles with no area — a pole's fan — left out: they close nothing).
pub fn metal_mm(design: &Design) -> MeshData {
    let mut metal = MeshData::default();
    for part in placed_meshes(&assemble(design)) {
        if !matches!(part.role, PartRole::Metal(_)) {
            continue;
        }
        // A mirroring placement turns its triangles inside out: turned back.
        let mirrored = part.at.matrix3.determinant() < 0.0;
        // Vertices that stand for one point (a seam's two columns, a pole) welded by their exact position, within
        // each closed piece the part is made of (a prong's spheres and tubes, a rail): each piece is then closed by
        // its triangles' indices, and no vertex is shared by two pieces — a manifold mesh, as 3MF asks.
        for piece in pieces_by_index(&part.data.indices) {
            let mut welded: std::collections::HashMap<[u32; 3], u32> = Default::default();
            let mut vertex = |i: u32| -> u32 {
                let at: [f32; 3] = part.at.transform_point3(Vec3::from(part.data.positions[i as usize])).into();
                // (+ 0.0: a −0 is the same point as a 0.)
                *welded.entry(at.map(|c| (c + 0.0).to_bits())).or_insert_with(|| {
                    metal.positions.push(at);
                    metal.positions.len() as u32 - 1
                })
            };
            let mut kept = Vec::new();
            for t in piece {
                let [a, b, c] = t.map(&mut vertex);
                kept.push([a, b, c]);
            }
            for [a, b, c] in kept {
                let corner = |i: u32| Vec3::from(metal.positions[i as usize]);
                let area = (corner(b) - corner(a)).cross(corner(c) - corner(a)).length_squared();
                if a == b || b == c || c == a || area <= 0.0 {
                    continue;
                }
                metal.indices.extend(if mirrored { [a, c, b] } else { [a, b, c] });
            }
        }
    }
    metal
}

/// The triangles of a mesh grouped by the pieces their shared vertex indices join (not by position: two pieces that
/// touch at a point stay two).
pub(super) fn pieces_by_index(indices: &[u32]) -> Vec<Vec<[u32; 3]>> {
    let count = indices.iter().copied().max().map_or(0, |i| i as usize + 1);
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for t in indices.chunks_exact(3) {
        for (a, b) in [(t[0], t[1]), (t[1], t[2])] {
            let (ra, rb) = (root(&mut parent, a as usize), root(&mut parent, b as usize));
            parent[ra] = rb;
        }
    }
    let mut pieces: std::collections::BTreeMap<usize, Vec<[u32; 3]>> = Default::default();
    for t in indices.chunks_exact(3) {
        pieces.entry(root(&mut parent, t[0] as usize)).or_default().push([t[0], t[1], t[2]]);
    }
    pieces.into_values().collect()
}

/// The stones of the piece, as the setter buys and sets them.
pub fn stones(design: &Design) -> Vec<BenchStone> {
    crate::estimate::volumes(design)
        .stones
        .iter()
        .map(|stone| BenchStone {
            seat: stone.seat,
            species: stone.species,
            cut: stone.cut,
            size_mm: stone.length_mm,
            carats: stone.carats(),
            position_mm: stone.position_mm.into(),
        })
        .collect()
}

/// The STL bytes of a mesh (binary STL, one facet per triangle with its outward normal).
pub fn stl_bytes(mesh: &MeshData) -> std::io::Result<Vec<u8>> {
    let corner = |i: u32| mesh.positions[i as usize];
    let triangles: Vec<stl_io::Triangle> = mesh
        .indices
        .chunks_exact(3)
        .map(|t| {
            let [a, b, c] = [corner(t[0]), corner(t[1]), corner(t[2])];
            let normal = (Vec3::from(b) - Vec3::from(a)).cross(Vec3::from(c) - Vec3::from(a)).normalize_or_zero();
            stl_io::Triangle {
                normal: stl_io::Normal::new(normal.into()),
                vertices: [a, b, c].map(stl_io::Vertex::new),
            }
        })
        .collect();
    let mut bytes = Vec::new();
    stl_io::write_stl(&mut bytes, triangles.iter())?;
    Ok(bytes)
}

/// The 3MF bytes of a mesh: one object in millimetres.
pub fn three_mf_bytes(mesh: &MeshData) -> Result<Vec<u8>, threemf::Error> {
    let vertices = mesh
        .positions
        .iter()
        .map(|p| threemf::model::Vertex { x: f64::from(p[0]), y: f64::from(p[1]), z: f64::from(p[2]) })
        .collect();
    let triangles = mesh
        .indices
        .chunks_exact(3)
        .map(|t| threemf::model::Triangle { v1: t[0] as usize, v2: t[1] as usize, v3: t[2] as usize })
        .collect();
    let model = threemf::model::Mesh {
        vertices: threemf::model::Vertices { vertex: vertices },
        triangles: threemf::model::Triangles { triangle: triangles },
    };
    let mut bytes = std::io::Cursor::new(Vec::new());
    threemf::write(&mut bytes, model)?;
    Ok(bytes.into_inner())
}

/// The stone list as CSV (one stone a line, a header first).
pub fn stones_csv(stones: &[BenchStone]) -> String {
    let mut csv = String::from("seat,species,cut,size_mm,carats,x_mm,y_mm,z_mm\n");
    for s in stones {
        let [x, y, z] = s.position_mm;
        csv.push_str(&format!(
            "{:?},{:?},{:?},{:.2},{:.3},{x:.3},{y:.3},{z:.3}\n",
            s.seat, s.species, s.cut, s.size_mm, s.carats
        ));
    }
    csv
}

/// Writes the metal (`path`: `.stl` or `.3mf`) and the list beside it (`<stem>-stones.json`: the metal's volume,
/// alloys and weight, and the stones; `<stem>-stones.csv`: the stones); refuses
/// a design under a workshop's hard limit. Returns the files written.
pub fn write_bench_files(design: &Design, path: &Path) -> Result<Vec<PathBuf>, BenchFileError> {
    let format = ModelFormat::of(path).ok_or_else(|| BenchFileError::Format(path.to_path_buf()))?;
    let hard: Vec<Finding> = checks(design).iter().filter(|f| f.is_hard()).copied().collect();
    if !hard.is_empty() {
        return Err(BenchFileError::HardLimits(hard));
    }
    let metal = metal_mm(design);
    if metal.indices.is_empty() {
        return Err(BenchFileError::NoMetal);
    }
    let encode = |message: String| BenchFileError::Encode { file: path.to_path_buf(), message };
    let bytes = match format {
        ModelFormat::Stl => stl_bytes(&metal).map_err(|e| encode(e.to_string()))?,
        ModelFormat::ThreeMf => three_mf_bytes(&metal).map_err(|e| encode(e.to_string()))?,
        ModelFormat::Glb => {
            let parts = placed_meshes(&assemble(design));
            crate::scene::gltf::piece_glb(design, &parts, None, Default::default())
                .map_err(|e| encode(e.to_string()))?
        }
    };
    let list = bench_list(design);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let beside = |ext: &str| path.with_file_name(format!("{stem}-stones.{ext}"));
    let json = serde_json::to_string_pretty(&list).map_err(|e| encode(e.to_string()))?;
    let files = [
        (path.to_path_buf(), bytes),
        (beside("json"), json.into_bytes()),
        (beside("csv"), stones_csv(&list.stones).into_bytes()),
    ];
    let mut written = Vec::new();
    for (file, bytes) in files {
        crate::atomic_file::write_atomically(&file, &bytes)
            .map_err(|source| BenchFileError::Write { file: file.clone(), source })?;
        written.push(file);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each directed edge of a mesh welded by exact position, counted: a closed surface turned one way has every
    /// edge once each way.
    fn open_or_turned_edges(positions: &[[f32; 3]], triangles: &[[usize; 3]]) -> usize {
        let mut ids: std::collections::HashMap<[u32; 3], usize> = Default::default();
        let id: Vec<usize> = positions
            .iter()
            .map(|p| {
                let next = ids.len();
                *ids.entry(p.map(f32::to_bits)).or_insert(next)
            })
            .collect();
        let mut edges: std::collections::HashMap<(usize, usize), i32> = Default::default();
        for t in triangles {
            for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
                *edges.entry((id[a], id[b])).or_default() += 1;
            }
        }
        edges.iter().filter(|&(&(a, b), &n)| edges.get(&(b, a)).copied().unwrap_or(0) != n).count()
    }

    #[test]
    fn the_metal_reads_back_closed_turned_out_in_mm_with_the_estimates_volume() {
        // A halo round an 8 mm stone (round a 6.4 mm one, its beads are under the hard limit).
        let halo = Design { setting: crate::design::Setting::Halo, ..Design::default() };
        let halo = Design { stone: crate::design::Stone { size_mm: 8.0, ..halo.stone }, ..halo };
        // A pear in a halo: its V-tip's arms grow from the post's rounded end (one sphere there, not three).
        let pear = Design { setting: crate::design::Setting::Halo, ..Design::default() };
        let pear = Design {
            stone: crate::design::Stone { size_mm: 9.0, cut: crate::design::Cut::Pear, ..pear.stone },
            ..pear
        };
        for design in [Design::default(), halo, pear] {
            let metal = metal_mm(&design);
            let volumes = crate::estimate::volumes(&design);
            let estimate = volumes.band_mm3 + volumes.head_mm3;
            // STL, read back by the crate's reader (vertices welded by position).
            let stl = stl_io::read_stl(&mut std::io::Cursor::new(stl_bytes(&metal).expect("stl"))).expect("read");
            let positions: Vec<[f32; 3]> = stl.vertices.iter().map(|v| v.0).collect();
            let triangles: Vec<[usize; 3]> = stl.faces.iter().map(|f| f.vertices).collect();
            assert_eq!(open_or_turned_edges(&positions, &triangles), 0, "{:?}", design.setting);
            // No surface twice (two coincident parts: metal counted twice, a file a slicer would mend).
            let mut seen = std::collections::HashSet::new();
            let twice = triangles
                .iter()
                .filter(|t| {
                    !seen.insert({
                        let mut k = t.map(|i| positions[i].map(f32::to_bits));
                        k.sort();
                        k
                    })
                })
                .count();
            assert_eq!(twice, 0, "{:?} {:?}", design.setting, design.stone.cut);
            let read = MeshData {
                positions: positions.clone(),
                indices: triangles.iter().flatten().map(|&i| i as u32).collect(),
                ..Default::default()
            };
            assert!((read.volume() - estimate).abs() < 0.01 * estimate, "{} vs {estimate}", read.volume());
            // A ring about 20 mm across: millimetres, not metres or inches.
            let (lo, hi) = read.bounds();
            assert!((15.0..30.0).contains(&(hi - lo).max_element()), "{lo} {hi}");
            // 3MF, read back by the crate: the same triangles, in millimetres.
            let package = three_mf_bytes(&metal).expect("3mf");
            let models = threemf::read(std::io::Cursor::new(package)).expect("read 3mf");
            let mesh = models[0].resources.object[0].mesh.as_ref().expect("a mesh");
            assert!(matches!(models[0].unit, threemf::model::Unit::Millimeter));
            let positions: Vec<[f32; 3]> =
                mesh.vertices.vertex.iter().map(|v| [v.x as f32, v.y as f32, v.z as f32]).collect();
            let triangles: Vec<[usize; 3]> = mesh.triangles.triangle.iter().map(|t| [t.v1, t.v2, t.v3]).collect();
            assert_eq!(triangles.len(), metal.indices.len() / 3);
            assert_eq!(open_or_turned_edges(&positions, &triangles), 0);
            // 3MF asks more: closed by the indices themselves (no two vertices for one point).
            let apart: Vec<[f32; 3]> = (0..positions.len()).map(|i| [i as f32, 0.0, 0.0]).collect();
            assert_eq!(open_or_turned_edges(&apart, &triangles), 0, "closed by index");
        }
    }

    #[test]
    fn a_design_under_a_hard_limit_is_refused_with_its_findings_and_nothing_is_written() {
        let small = Design { setting: crate::design::Setting::SixProng, ..Design::default() };
        let thin = Design { stone: crate::design::Stone { size_mm: 3.5, ..small.stone }, ..small };
        let folder = std::env::temp_dir().join(format!("ecrin-bench-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("folder");
        let path = folder.join("thin.stl");
        match write_bench_files(&thin, &path) {
            Err(BenchFileError::HardLimits(findings)) => {
                assert!(findings.iter().any(|f| f.rule == super::super::limits::Rule::Prongs), "{findings:?}")
            }
            other => panic!("{other:?}"),
        }
        assert!(!path.exists());
        let written = write_bench_files(&Design::default(), &folder.join("ring.3mf")).expect("written");
        assert_eq!(written.len(), 3);
        let csv = std::fs::read_to_string(&written[2]).expect("csv");
        assert!(csv.lines().nth(1).is_some_and(|l| l.starts_with("Centre,Diamond,RoundBrilliant,")), "{csv}");
        assert!(matches!(
            write_bench_files(&Design::default(), &folder.join("ring.obj")),
            Err(BenchFileError::Format(_))
        ));
        // The whole piece as glTF: Écrin's import reads it back as a ring with its centre stone and its metal.
        let halo = Design { setting: crate::design::Setting::Halo, ..Design::default() };
        let halo = Design { stone: crate::design::Stone { size_mm: 8.0, ..halo.stone }, ..halo };
        let glb = folder.join("halo.glb");
        write_bench_files(&halo, &glb).expect("written");
        let parts = crate::geometry::house::read::read_parts(&glb).expect("read back");
        let found = crate::geometry::house::analyse::analyse(&parts, &Default::default()).expect("analysed");
        assert_eq!(found.setup.kind, crate::geometry::house::ModelKind::Ring);
        let stones = crate::estimate::volumes(&halo).stones.len();
        assert_eq!(found.setup.stones.len(), stones, "every stone back");
        let _ = std::fs::remove_dir_all(&folder);
    }
}
