//! The fuzz run's mutations: bytes (bit flips, cuts, repeats, splices from another seed, huge numbers, deep
//! nesting, wrong tokens) and, for glTF, the file's own structure (its JSON's indices, counts, offsets, node trees
//! and URIs; NaN and huge floats in the binary chunk), packed again as a GLB so the reader gets past the header.

use serde_json::Value;

/// The harnesses' deterministic generator: the same seed gives the same inputs.
pub use ecrin::seeded::SplitMix as Rng;

/// A stable hash of a name (FNV-1a), to give each target its own stream.
pub fn hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Text that breaks parsers: huge and odd numbers, wrong types, unclosed and deep nesting, odd characters.
const TOKENS: &[&str] = &[
    "1e308",
    "-1e308",
    "1e-320",
    "NaN",
    "inf",
    "-inf",
    "-0",
    "18446744073709551616",
    "-9223372036854775809",
    "4294967296",
    "-1",
    "0",
    "0.0",
    "999999999",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "None",
    "Some(",
    "true",
    "()",
    "[]",
    "{}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    ",",
    ":",
    "#",
    "/*",
    "//",
    "r#\"",
    "\u{feff}",
    "é",
    "\u{0}",
    "version: 99",
    "version: 0",
    "Ring",
    "Necklace",
];

fn deep(rng: &mut Rng) -> Vec<u8> {
    let depth = 1 + rng.below(20_000);
    let open = *rng.pick(b"([{");
    vec![open; depth]
}

fn range(rng: &mut Rng, len: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let end = start + rng.below((len - start).min(256) + 1);
    (start, end)
}

/// One to four byte-level changes to a seed.
pub fn mutate_bytes(rng: &mut Rng, seed: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len();
        match rng.below(9) {
            0 if len > 0 => {
                let at = rng.below(len);
                bytes[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                bytes[at] = *rng.pick(&[0, 0xff, 0x80, 0xc3, b'(', b'"', b'9', b'-', b'.', b'e', b'\\', b'\n']);
            }
            2 => bytes.truncate(rng.below(len + 1)),
            3 => {
                let (start, end) = range(rng, len);
                bytes.drain(start..end);
            }
            4 => {
                let (start, end) = range(rng, len);
                let copy = bytes[start..end].to_vec();
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, copy);
            }
            5 => {
                let other = rng.pick(corpus);
                let (start, end) = range(rng, other.len());
                let at = rng.below(len + 1);
                bytes.splice(at..at, other[start..end].iter().copied());
            }
            6 => {
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                let at = rng.below(len + 1);
                bytes.splice(at..at, token);
            }
            7 => {
                // A number in the text becomes another.
                let digits: Vec<usize> = (0..len).filter(|&i| bytes[i].is_ascii_digit()).collect();
                if !digits.is_empty() {
                    let start = *rng.pick(&digits);
                    let end = (start..len).find(|&i| !bytes[i].is_ascii_digit() && bytes[i] != b'.').unwrap_or(len);
                    let token = rng.pick(TOKENS).as_bytes().to_vec();
                    bytes.splice(start..end, token);
                }
            }
            _ => {
                let nesting = deep(rng);
                let at = rng.below(len + 1);
                bytes.splice(at..at, nesting);
            }
        }
    }
    bytes
}

/// The JSON and binary chunks of a GLB, if it is one.
pub fn unpack(glb: &[u8]) -> Option<(Value, Vec<u8>)> {
    let word = |at: usize| glb.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let json_len = word(12)?;
    let json: Value = serde_json::from_slice(glb.get(20..20 + json_len)?).ok()?;
    let bin_at = 20 + json_len;
    let bin = word(bin_at).and_then(|len| glb.get(bin_at + 8..bin_at + 8 + len)).unwrap_or(&[]).to_vec();
    Some((json, bin))
}

/// A GLB of a JSON document and a binary chunk (each padded to four bytes, as the format asks).
pub fn pack(json: &Value, bin: &[u8]) -> Vec<u8> {
    let mut text = serde_json::to_vec(json).unwrap_or_default();
    while !text.len().is_multiple_of(4) {
        text.push(b' ');
    }
    let mut bin = bin.to_vec();
    while !bin.len().is_multiple_of(4) {
        bin.push(0);
    }
    let total = 12 + 8 + text.len() + if bin.is_empty() { 0 } else { 8 + bin.len() };
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"glTF");
    out.extend_from_slice(&2u32.to_le_bytes());
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(b"JSON");
    out.extend_from_slice(&text);
    if !bin.is_empty() {
        out.extend_from_slice(&(bin.len() as u32).to_le_bytes());
        out.extend_from_slice(b"BIN\0");
        out.extend_from_slice(&bin);
    }
    out
}

/// Every place in a JSON document, as a path of keys and indices.
fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                places(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate().take(64) {
                path.push(Step::Index(index));
                places(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn at_path<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(key) => v.get_mut(key.as_str()),
        Step::Index(index) => v.get_mut(*index),
    })
}

/// URIs a hostile or careless export may carry.
const URIS: &[&str] = &[
    "../outside.bin",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\x.bin",
    "http://example.com/ring.bin",
    "https://example.com/ring.png",
    "file:///etc/passwd",
    "missing.bin",
    "sub/../../x.bin",
    "data:,abc",
    "data:application/octet-stream;base64,AAAAAAAAAAAAAAAA",
    "data:application/octet-stream;base64,!!notbase64",
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgABhqAAAYagCAYAAAA",
    ".",
    "",
];

/// A glTF change: a value somewhere replaced, a node made its own child, an accessor's count or offset made huge,
/// floats in the binary chunk made NaN or huge, a node mirrored (a negative scale, as CAD exports carry), triangles
/// turned the wrong way; the file packed again.
pub fn mutate_glb(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let Some((mut json, mut bin)) = unpack(seed) else { return seed.to_vec() };
    for _ in 0..1 + rng.below(3) {
        match rng.below(8) {
            0 | 1 => {
                let mut all = Vec::new();
                places(&json, &mut Vec::new(), &mut all);
                let path = rng.pick(&all).clone();
                let Some(place) = at_path(&mut json, &path) else { continue };
                *place = match place {
                    Value::Number(_) => {
                        let n =
                            *rng.pick(&[-1.0, 0.0, 1.0, 3.0, 4.0, 5121.0, 5126.0, 65536.0, 4294967295.0, 1e15, 1e300]);
                        serde_json::json!(n)
                    }
                    Value::String(_) => Value::String(rng.pick(URIS).to_string()),
                    Value::Array(items) if !items.is_empty() && rng.below(2) == 0 => {
                        let copy = items[rng.below(items.len())].clone();
                        let mut items = items.clone();
                        items.extend(std::iter::repeat_n(copy, 1 + rng.below(8)));
                        Value::Array(items)
                    }
                    _ => rng
                        .pick(&[Value::Null, serde_json::json!([]), serde_json::json!({}), serde_json::json!("x")])
                        .clone(),
                };
            }
            2 => {
                // A node under itself, or a chain of nodes each under the next.
                let Some(nodes) = json.get_mut("nodes").and_then(Value::as_array_mut) else { continue };
                if nodes.is_empty() {
                    continue;
                }
                let node = rng.below(nodes.len());
                let child = if rng.below(2) == 0 { node } else { rng.below(nodes.len()) };
                if let Some(object) = nodes[node].as_object_mut() {
                    object.insert("children".into(), serde_json::json!([child, child]));
                }
            }
            3 => {
                let Some(accessors) = json.get_mut("accessors").and_then(Value::as_array_mut) else { continue };
                if accessors.is_empty() {
                    continue;
                }
                let index = rng.below(accessors.len());
                let key = *rng.pick(&["count", "byteOffset", "componentType", "bufferView", "type"]);
                let value = match key {
                    "type" => serde_json::json!(rng.pick(&["SCALAR", "VEC2", "MAT4", "VEC3"])),
                    _ => serde_json::json!(*rng.pick(&[0u64, 1, 2, 7, 1 << 20, 1 << 31, (1 << 32) + 3])),
                };
                if let Some(object) = accessors[index].as_object_mut() {
                    object.insert(key.into(), value);
                }
            }
            4 => {
                let Some(buffers) = json.get_mut("buffers").and_then(Value::as_array_mut) else { continue };
                if let Some(object) = buffers.first_mut().and_then(Value::as_object_mut) {
                    if rng.below(2) == 0 {
                        object.insert("uri".into(), Value::String(rng.pick(URIS).to_string()));
                    } else {
                        object.insert("byteLength".into(), serde_json::json!(*rng.pick(&[0u64, 1, 1 << 40])));
                    }
                }
            }
            6 => {
                // Mirrored: a scale of -1 on one axis (or all three), as CAD exports place a left-hand copy.
                let Some(nodes) = json.get_mut("nodes").and_then(Value::as_array_mut) else { continue };
                if nodes.is_empty() {
                    continue;
                }
                let node = rng.below(nodes.len());
                let scale = rng.pick(&[[-1.0, 1.0, 1.0], [1.0, -1.0, 1.0], [-1.0, -1.0, -1.0], [-0.001, 0.001, 0.001]]);
                if let Some(object) = nodes[node].as_object_mut() {
                    object.remove("matrix");
                    object.insert("scale".into(), serde_json::json!(scale));
                }
            }
            7 => {
                // Some triangles turned the wrong way: two corners of every n-th triangle swapped, in the first
                // index accessor found (16- or 32-bit).
                let found = json.get("accessors").and_then(Value::as_array).and_then(|accessors| {
                    accessors.iter().find_map(|a| {
                        let width = match a.get("componentType")?.as_u64()? {
                            5123 => 2,
                            5125 => 4,
                            _ => return None,
                        };
                        let view = json.get("bufferViews")?.get(a.get("bufferView")?.as_u64()? as usize)?;
                        let start = view.get("byteOffset").and_then(Value::as_u64).unwrap_or(0)
                            + a.get("byteOffset").and_then(Value::as_u64).unwrap_or(0);
                        Some((start as usize, a.get("count")?.as_u64()? as usize, width))
                    })
                });
                let Some((start, count, width)) = found else { continue };
                let every = 1 + rng.below(4);
                for triangle in (0..count / 3).step_by(every) {
                    let (b, c) = (start + (triangle * 3 + 1) * width, start + (triangle * 3 + 2) * width);
                    if c + width <= bin.len() {
                        for k in 0..width {
                            bin.swap(b + k, c + k);
                        }
                    }
                }
            }
            _ => {
                let floats = bin.len() / 4;
                for _ in 0..1 + rng.below(64) {
                    let at = rng.below(floats) * 4;
                    let value: f32 = *rng.pick(&[f32::NAN, f32::INFINITY, -f32::INFINITY, 1e38, -1e38, 1e-40, 0.0]);
                    if let Some(slot) = bin.get_mut(at..at + 4) {
                        slot.copy_from_slice(&value.to_le_bytes());
                    }
                }
            }
        }
    }
    pack(&json, &bin)
}
