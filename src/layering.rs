//! A test that keeps the core's layers pointing one way: it reads every source file of the crate, collects which
//! top-level modules each module uses (`crate::x`), fails on any cycle between modules, on a core module using one
//! above it, and on Bevy in the core.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's modules, each with what it may use: a layer uses only those listed before it.
const CORE: [(&str, &[&str]); 21] = [
    ("atomic_file", &[]),
    ("colour", &[]),
    ("memo", &[]),
    ("progress", &[]),
    ("seeded", &[]),
    ("video", &[]),
    ("png", &["atomic_file"]),
    ("bake_cache", &["atomic_file"]),
    ("design", &["atomic_file", "memo"]),
    ("geometry", &["design", "atomic_file", "memo", "colour"]),
    ("optics", &["design", "geometry", "memo", "colour", "seeded", "bake_cache"]),
    ("estimate", &["design", "geometry", "memo", "atomic_file"]),
    ("sizer", &["design"]),
    ("tryon", &["design", "geometry", "sizer", "colour"]),
    ("scene", &["design", "geometry", "optics", "atomic_file"]),
    ("workshop", &["design", "geometry", "memo", "estimate", "scene", "atomic_file"]),
    ("collection", &["design", "geometry", "estimate", "workshop", "atomic_file", "progress"]),
    ("suggest", &["design", "geometry", "optics", "estimate", "workshop", "atomic_file"]),
    (
        "i18n",
        &["design", "geometry", "optics", "estimate", "collection", "png", "sizer", "workshop", "tryon", "suggest"],
    ),
    (
        "approval",
        &["design", "geometry", "optics", "estimate", "i18n", "atomic_file", "memo", "png", "sizer", "suggest"],
    ),
    ("documents", &["design", "geometry", "estimate", "workshop", "i18n", "approval"]),
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

/// The module path of a source file (`src/geometry/house/read.rs` → geometry::house::read, a `mod.rs` its folder's).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let Ok(relative) = file.strip_prefix(src) else { return Vec::new() };
    let mut path: Vec<String> =
        relative.components().filter_map(|c| c.as_os_str().to_str()).map(str::to_owned).collect();
    if let Some(last) = path.pop() {
        let stem = last.trim_end_matches(".rs");
        if !matches!(stem, "mod" | "lib" | "main") {
            path.push(stem.to_string());
        }
    }
    path
}

/// Expands a `use` tree's text (`a::b`, `a::{b, c::d}`, `{a, b::*}`) into its paths.
fn expand_tree(text: &str) -> Vec<Vec<String>> {
    let text = text.trim();
    let is_part = |c: char| c.is_alphanumeric() || c == '_';
    if let Some(inner) = text.strip_prefix('{') {
        // Split the group at its top-level commas.
        let inner = inner.strip_suffix('}').unwrap_or(inner);
        let (mut depth, mut start, mut items) = (0, 0, Vec::new());
        for (at, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&inner[start..at]);
                    start = at + 1;
                }
                _ => {}
            }
        }
        items.push(&inner[start..]);
        return items.into_iter().filter(|item| !item.trim().is_empty()).flat_map(expand_tree).collect();
    }
    let head: String = text.chars().take_while(|&c| is_part(c)).collect();
    if head.is_empty() {
        return vec![Vec::new()];
    }
    match text[head.len()..].trim_start().strip_prefix("::") {
        Some(rest) => expand_tree(rest)
            .into_iter()
            .map(|mut tail| {
                tail.insert(0, head.clone());
                tail
            })
            .collect(),
        None => vec![vec![head]],
    }
}

/// The text of the `use` tree or path that starts at `rest` (up to the end of its group, or of its path).
fn tree_text(rest: &str) -> &str {
    let mut depth = 0;
    for (at, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return &rest[..at],
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &rest[..=at];
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':' || c == '*') => return &rest[..at],
            _ => {}
        }
    }
    rest
}

/// The absolute module paths a file's code names (`crate::…`, `super::…`, `self::…`), comments left out; code
/// after an inline `mod tests {` is read as that module's.
fn named_paths(file_module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut module = file_module.to_vec();
    let mut paths = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim_start();
        if let Some(name) = trimmed.strip_prefix("mod ").or_else(|| trimmed.strip_prefix("pub mod "))
            && let Some(name) = name.trim_end().strip_suffix('{')
        {
            module = file_module.to_vec();
            module.push(name.trim().to_string());
        }
        let mut at = 0;
        while at < code.len() {
            let rest = &code[at..];
            let Some(found) =
                ["crate::", "super::", "self::"].iter().filter_map(|p| rest.find(p).map(|i| (i, *p))).min()
            else {
                break;
            };
            let (offset, prefix) = found;
            let preceded = rest[..offset].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let start = at + offset;
            let tree = tree_text(&code[start..]);
            at = start + tree.len().max(prefix.len());
            if preceded {
                continue;
            }
            for path in expand_tree(tree) {
                let mut base: Vec<String> = Vec::new();
                let mut segments = path.into_iter().peekable();
                match segments.peek().map(String::as_str) {
                    Some("crate") => {
                        segments.next();
                    }
                    Some("self") => {
                        segments.next();
                        base = module.clone();
                    }
                    Some("super") => {
                        base = module.clone();
                        while segments.peek().map(String::as_str) == Some("super") {
                            segments.next();
                            base.pop();
                        }
                    }
                    _ => continue,
                }
                base.extend(segments);
                paths.push(base);
            }
        }
    }
    paths
}

/// Which child of `root` uses which (`&[]`: the crate's top-level modules; `&["geometry"]`: geometry's files and
/// folders), over every file under it; a child's own submodules count as the child.
fn module_graph_under(root: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let under = |path: &[String]| path.len() > root.len() && path.iter().zip(root).all(|(a, b)| a == b);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut children = BTreeSet::new();
    let mut uses = Vec::new();
    for file in files {
        let module = module_path(&src, &file);
        if !under(&module) {
            continue;
        }
        let node = module[root.len()].clone();
        children.insert(node.clone());
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for mut path in named_paths(&module, &text) {
            // A macro exported at the crate's root belongs to the module that defines it (`crate::tr` is i18n's).
            if path.first().map(String::as_str) == Some("tr") {
                path = vec!["i18n".to_string()];
            }
            if under(&path) && path[root.len()] != node {
                uses.push((node.clone(), path[root.len()].clone()));
            }
        }
        graph.entry(node).or_default();
    }
    for (user, used) in uses {
        if children.contains(&used) {
            graph.entry(user).or_default().insert(used);
        }
    }
    graph
}

/// Which top-level module uses which, over every file of `src/`.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    module_graph_under(&[])
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

/// The groups of modules that reach each other (the circles), each sorted; modules in no circle are left out.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(node) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> = graph.keys().map(|node| (node, reach(node))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for node in graph.keys() {
        if !reached[node].contains(node) || groups.iter().any(|g| g.contains(node)) {
            continue;
        }
        let group: Vec<String> = graph
            .keys()
            .filter(|other| reached[node].contains(*other) && reached[*other].contains(node))
            .cloned()
            .collect();
        groups.push(group);
    }
    groups
}

#[test]
fn geometry_files_use_each_other_one_way() {
    let graph = module_graph_under(&["geometry"]);
    assert!(graph.len() > 10, "geometry's files were not found: {graph:?}");
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new(), "geometry's files use each other in a circle");
}

#[test]
fn studio_features_use_each_other_one_way() {
    let graph = module_graph_under(&["studio"]);
    assert!(graph.len() > 10, "the studio's features were not found: {graph:?}");
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new(), "the studio's features use each other in a circle");
}

#[test]
fn the_parser_sees_plain_and_grouped_uses() {
    let text = "use crate::design::Design;\nuse crate::{geometry::{cut, house::read::X}, memo::Memo};\n\
                let x = crate::estimate::weights(d);\n/// see crate::studio\nuse super::{mesh::M, hand};\n\
                use super::super::optics::Y;\nmod tests {\n use super::*;\n use super::super::ring;\n}";
    let module = ["geometry".to_string(), "house".to_string(), "read".to_string()];
    let found: BTreeSet<String> = named_paths(&module, text).into_iter().map(|p| p.join("::")).collect();
    let expected = [
        "design::Design",
        "geometry::cut",
        "geometry::house::read::X",
        "memo::Memo",
        "estimate::weights",
        "geometry::house::mesh::M",
        "geometry::house::hand",
        "geometry::optics::Y",
        "geometry::house::read",
        "geometry::house::ring",
    ];
    assert_eq!(found, expected.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
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
