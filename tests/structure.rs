//! The crate's module graph, read from the source: which top-level module names which other
//! (`crate::x` paths and `use crate::{x, …}` groups, outside `#[cfg(test)]` modules). It must
//! have no circle, and `num` must sit at the bottom.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level module a source file belongs to (`src/model/codec.rs` → `model`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// The source without its test modules (`#[cfg(test)] mod … { … }`, up to the matching brace).
fn without_tests(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Lower-case module names a piece of source reaches through `crate::`.
fn references(src: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident =
        |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    for (at, _) in src.match_indices("crate::") {
        let after = &src[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for part in inner.split(',') {
                out.insert(ident(part.trim()));
            }
        } else {
            out.insert(ident(after));
        }
    }
    // Items re-exported at the root (`crate::Error`) live in their own module.
    out.into_iter()
        .map(|m| if m == "Error" { "error".to_string() } else { m })
        .filter(|m| m.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let Some(m) = module_of(path.strip_prefix(&root).expect("under src")) else { continue };
            let src = fs::read_to_string(&path).expect("a source file");
            let refs = references(&without_tests(&src));
            let entry = g.entry(m.clone()).or_default();
            entry.extend(refs.into_iter().filter(|r| *r != m));
        }
    }
    g
}

/// A circle through the graph, if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut c = path[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys().find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn the_crates_modules_form_no_import_circle() {
    let g = graph();
    for (m, uses) in &g {
        println!("{m} → {}", uses.iter().cloned().collect::<Vec<_>>().join(", "));
    }
    assert_eq!(find_cycle(&g), None, "an import circle");
    assert!(g.contains_key("model") && g.contains_key("num"), "{g:?}");
}

#[test]
fn numbers_are_the_bottom_layer_and_languages_sit_just_above_them() {
    let g = graph();
    assert_eq!(g["num"], BTreeSet::new(), "num uses nothing of the crate");
    assert_eq!(g["i18n"], BTreeSet::from(["num".to_string()]));
    assert!(g["facts"].iter().all(|m| m == "num" || m == "i18n"), "facts: {:?}", g["facts"]);
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert_eq!(find_cycle(&g).map(|c| c.len()), Some(4));
    assert_eq!(
        references("use crate::{facts, Error};\nx = crate::num::read(s);"),
        BTreeSet::from(["facts".into(), "error".into(), "num".into()])
    );
}

#[test]
fn the_model_knows_nothing_of_the_page_nor_of_any_language() {
    let g = graph();
    // The scenario, its codec, the accounting, the benefit and the Monte Carlo: they read the
    // dataset and numbers, nothing above (no view, control, theme or HTML attribute; no words).
    assert_eq!(
        g["model"],
        BTreeSet::from(["facts".to_string(), "num".to_string()]),
        "model: {:?}",
        g["model"]
    );
    // The page layer sits on the model and the languages, below the text and the charts.
    assert!(
        g["page"].iter().all(|m| ["i18n", "model", "num"].contains(&m.as_str())),
        "page: {:?}",
        g["page"]
    );
}

/// The modules `src/lib.rs` compiles for native targets only (`#[cfg(not(target_arch = "wasm32"))]`).
fn native_only() -> BTreeSet<String> {
    let lib =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("src/lib.rs");
    let lines: Vec<&str> = lib.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[0].trim() == "#[cfg(not(target_arch = \"wasm32\"))]")
        .filter_map(|w| w[1].trim().strip_prefix("pub mod ")?.strip_suffix(';').map(String::from))
        .collect()
}

#[test]
fn build_time_code_sits_in_native_only_modules_that_the_pages_modules_never_name() {
    let native = native_only();
    assert!(native.contains("site") && native.contains("cli"), "{native:?}");
    let g = graph();
    for (m, uses) in g.iter().filter(|(m, _)| !native.contains(*m)) {
        let named: Vec<&String> = uses.iter().filter(|u| native.contains(*u)).collect();
        assert!(named.is_empty(), "{m}, compiled into the wasm, names {named:?}");
    }
}
