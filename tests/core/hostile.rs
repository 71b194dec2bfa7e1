//! Hostile house models, each limit with its message: a node tree that loops or explodes, a buffer reached through
//! a link out of the model's folder, a buffer embedded as a `data:` URI (read), a texture claiming 100 000 × 100 000
//! pixels (never decoded: nothing allocated).

use super::fuzz::fuzz_mutate::pack;
use ecrin::geometry::house::inspect::ImportProblem;
use ecrin::geometry::house::read::{self, BufferProblem, ReadError};

fn inspect(path: &Path) -> ecrin::geometry::house::inspect::InspectReport {
    ecrin::geometry::house::inspect::inspect(path, &Default::default())
}
use ecrin::i18n::Language;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn sample() -> (Value, Vec<u8>) {
    let bytes =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/web-stone.glb")).expect("sample");
    super::fuzz::fuzz_mutate::unpack(&bytes).expect("a GLB")
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecrin-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    dir
}

fn write(dir: &Path, json: &Value, bin: &[u8]) -> PathBuf {
    let path = dir.join("model.glb");
    std::fs::write(&path, pack(json, bin)).expect("model written");
    path
}

#[test]
fn a_looping_or_exploding_node_tree_is_refused_with_its_message() {
    let dir = folder("nodes");
    let (mut json, bin) = sample();
    json["nodes"][0]["children"] = json!([0]);
    let path = write(&dir, &json, &bin);
    let error = read::read_parts(&path).expect_err("a loop");
    assert!(matches!(error, ReadError::TooDeep { .. }), "{error}");
    let said = error.in_language(Language::French);
    assert!(said.contains("model.glb") && said.contains("64 niveaux"), "{said}");
    assert!(inspect(&path).problems.contains(&ImportProblem::TooDeep { max: read::MAX_NODE_DEPTH }));

    // Twelve levels of eight children each: 8¹² placements of one mesh, stopped at the limit.
    let (mut json, bin) = sample();
    let mesh = json["nodes"][0]["mesh"].clone();
    let mut nodes: Vec<Value> = (0..12).map(|level| json!({ "children": vec![level + 1; 8] })).collect();
    nodes.push(json!({ "mesh": mesh }));
    json["nodes"] = Value::Array(nodes);
    json["scenes"] = json!([{ "nodes": [0] }]);
    json["scene"] = json!(0);
    let path = write(&dir, &json, &bin);
    let started = std::time::Instant::now();
    let error = read::read_parts(&path).expect_err("too many nodes");
    assert!(matches!(error, ReadError::TooManyNodes { .. } | ReadError::TooManyTriangles { .. }), "{error}");
    let over =
        |p: &ImportProblem| matches!(p, ImportProblem::TooManyNodes { .. } | ImportProblem::TooManyTriangles { .. });
    assert!(inspect(&path).problems.iter().any(over), "inspect says what the reader says");
    assert!(started.elapsed().as_secs_f32() < 5.0, "stopped early, not after 8¹² nodes");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[cfg(unix)]
fn a_buffer_reached_through_a_link_out_of_the_folder_is_not_read_and_a_data_uri_is() {
    use base64::Engine as _;
    let dir = folder("links");
    let outside = folder("links-outside");
    let (mut json, bin) = sample();
    let triangles = read::read_parts(&write(&dir, &json, &bin)).expect("sample reads").len();
    std::fs::write(outside.join("secret.bin"), &bin).expect("outside file");
    std::os::unix::fs::symlink(outside.join("secret.bin"), dir.join("ring.bin")).expect("link");
    json["buffers"][0]["uri"] = json!("ring.bin");
    let path = write(&dir, &json, &[]);
    let error = read::read_parts(&path).expect_err("a link out of the folder");
    assert!(
        matches!(&error, ReadError::Buffer { problem: BufferProblem::OutsideFolder { uri }, .. } if uri == "ring.bin"),
        "{error}"
    );
    let out_of_folder = BufferProblem::OutsideFolder { uri: "ring.bin".into() };
    assert!(inspect(&path).problems.contains(&ImportProblem::Buffer { index: 0, what: out_of_folder }));

    let encoded = base64::engine::general_purpose::STANDARD.encode(&bin);
    json["buffers"][0]["uri"] = json!(format!("data:application/octet-stream;base64,{encoded}"));
    let parts = read::read_parts(&write(&dir, &json, &[])).expect("an embedded buffer is read");
    assert_eq!(parts.len(), triangles);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&outside);
}

/// A PNG that says it is `width` × `height` pixels: its signature and header, nothing else.
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        !bytes.iter().fold(!0u32, |mut c, &b| {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
            }
            c
        })
    }
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&width.to_be_bytes());
    chunk.extend_from_slice(&height.to_be_bytes());
    chunk.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&chunk);
    png.extend_from_slice(&crc(&chunk).to_be_bytes());
    png
}

#[test]
fn a_texture_claiming_ten_billion_pixels_is_never_decoded() {
    use base64::Engine as _;
    let dir = folder("texture");
    let (mut json, bin) = sample();
    let png = base64::engine::general_purpose::STANDARD.encode(png_header(100_000, 100_000));
    std::fs::write(dir.join("huge.png"), png_header(100_000, 100_000)).expect("texture file");
    json["images"] = json!([{ "uri": format!("data:image/png;base64,{png}") }, { "uri": "huge.png" }]);
    json["textures"] = json!([{ "source": 0 }, { "source": 1 }]);
    json["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] = json!({ "index": 0 });
    let path = write(&dir, &json, &bin);
    super::fuzz::fuzz_alloc::reset_peak();
    assert!(inspect(&path).usable);
    assert!(!read::read_parts(&path).expect("read").is_empty());
    let peak = super::fuzz::fuzz_alloc::peak();
    assert!(peak < 64 << 20, "{} MB held", peak >> 20);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_collection_thumbnail_claiming_ten_billion_pixels_is_refused_before_it_allocates() {
    let dir = folder("thumbnail");
    let path = dir.join("thumbnail.png");
    std::fs::write(&path, png_header(100_000, 100_000)).expect("thumbnail");
    super::fuzz::fuzz_alloc::reset_peak();
    let refused = ecrin::studio::collection::thumbnails::decode_thumbnail(&path);
    assert!(matches!(refused, Err(image::ImageError::Limits(_))), "{refused:?}");
    assert!(super::fuzz::fuzz_alloc::peak() < 1 << 20);
    let _ = std::fs::remove_dir_all(&dir);
}
