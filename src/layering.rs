//! A test that keeps the core's layers pointing one way: it reads every source file of the crate, collects which
//! top-level modules each module uses (`crate::x`), fails on any cycle between modules, on a core module using one
//! above it, and on Bevy in the core.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's modules, each with what it may use: a layer uses only those listed before it.
const CORE: [(&str, &[&str]); 15] = [
    ("atomic_file", &[]),
    ("colour", &[]),
    ("memo", &[]),
    ("progress", &[]),
    ("seeded", &[]),
    ("png", &["atomic_file"]),
    ("design", &["atomic_file", "memo"]),
    ("geometry", &["design", "atomic_file", "memo", "colour"]),
    ("optics", &["design", "geometry", "memo", "colour"]),
    ("estimate", &["design", "geometry", "memo", "atomic_file"]),
    ("sizer", &["design"]),
    ("scene", &["design", "geometry", "optics", "atomic_file"]),
    ("collection", &["design", "geometry", "estimate", "atomic_file", "progress"]),
    ("i18n", &["design", "geometry", "optics", "estimate", "collection", "png", "sizer"]),
    ("approval", &["design", "geometry", "optics", "estimate", "i18n", "atomic_file", "memo", "png", "sizer"]),
];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/design/preset.rs` → design, `src/memo.rs` → memo).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// The top-level modules a source text names through `crate::` (`crate::x::…` and `crate::{x, y::…}`).
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let identifier = |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    // Code only: comments may name other layers (`//! words are made in crate::i18n`).
    let code: String = text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            used.extend(group.split(',').map(|item| identifier(item.trim())).filter(|m| !m.is_empty()));
        } else {
            used.insert(identifier(rest));
        }
    }
    used
}

/// Which top-level module uses which, over every file of `src/`.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let (Some(module), Ok(text)) = (module_of(&src, &file), std::fs::read_to_string(&file)) else { continue };
        // A macro exported at the crate's root belongs to the module that defines it (`crate::tr` is i18n's).
        let owner = |used: String| match used.as_str() {
            "tr" => "i18n".to_string(),
            _ => used,
        };
        let uses: Vec<String> = used_modules(&text).into_iter().map(owner).filter(|used| *used != module).collect();
        graph.entry(module).or_default().extend(uses);
    }
    graph
}

/// A cycle in the graph, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_parser_sees_plain_and_grouped_uses() {
    let text = "use crate::design::Design;\nuse crate::{geometry::cut, memo::Memo};\nlet x = crate::estimate::weights(d);\n/// see crate::studio";
    let found: Vec<String> = used_modules(text).into_iter().collect();
    assert_eq!(found, ["design", "estimate", "geometry", "memo"]);
    let cyclic = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(find_cycle(&cyclic), Some(vec!["a".into(), "b".into(), "a".into()]));
}

#[test]
fn core_layers_point_one_way_without_cycles_or_bevy() {
    let graph = module_graph();
    assert_eq!(find_cycle(&graph), None, "modules use each other in a cycle");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (module, allowed) in CORE {
        let uses = graph.get(module).cloned().unwrap_or_default();
        let above: Vec<&String> = uses.iter().filter(|used| !allowed.contains(&used.as_str())).collect();
        assert!(above.is_empty(), "{module} uses {above:?}: a core layer uses only the layers below it");
        let mut files = Vec::new();
        source_files(&src.join(module), &mut files);
        files.push(src.join(format!("{module}.rs")));
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(!text.contains("bevy::") && !text.contains("use bevy"), "{} uses Bevy", file.display());
        }
    }
}
