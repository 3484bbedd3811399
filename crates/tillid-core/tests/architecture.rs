//! The core's layering, as ARCHITECTURE.md's code map states it, checked
//! on the source: each domain folder (and each root module) may name only
//! the domains below it in `crate::…` paths, no two modules lean on each
//! other, and no file grows past about 600 lines without saying why.
//!
//! Test code (everything after a file's `#[cfg(test)]`, and `tests.rs`
//! files) is exempt: a test may build demo data in any layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const BASE: &[&str] = &["clock", "error", "locale", "markdown", "week"];

/// What each domain may import, besides itself. Keep in step with the code
/// map in ARCHITECTURE.md.
fn allowed(domain: &str) -> Vec<&'static str> {
    let below: &[&str] = match domain {
        "clock" | "locale" => &[],
        "error" => &[],
        "week" | "markdown" => &["error"],
        "storage" => BASE,
        "journal" => &["storage"],
        "program" | "people" => &["storage", "journal"],
        "documents" => &["storage", "journal", "program", "people"],
        "exchange" => &["storage", "journal", "program", "people"],
        "demo" => &[
            "storage",
            "journal",
            "program",
            "people",
            "documents",
            "exchange",
        ],
        "status" => &[
            "storage",
            "journal",
            "program",
            "people",
            "documents",
            "exchange",
            "demo",
        ],
        other => panic!("{other} is not in the code map: add it to ARCHITECTURE.md and here"),
    };
    let mut all: Vec<&str> = below.to_vec();
    if !BASE.contains(&domain) {
        all.extend_from_slice(BASE);
    }
    all
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file's path below `src/`, with `/` separators.
fn relative(path: &Path) -> String {
    path.strip_prefix(src())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The domain a file belongs to: its top folder, or its name at the root.
fn domain_of(rel: &str) -> Option<String> {
    match rel.split_once('/') {
        Some((folder, _)) => Some(folder.to_string()),
        None if rel == "lib.rs" => None,
        None => Some(rel.trim_end_matches(".rs").to_string()),
    }
}

/// The module a file is (`journal::search`, `storage::backup`), for the
/// circle check.
fn module_of(rel: &str) -> String {
    rel.trim_end_matches(".rs")
        .trim_end_matches("/mod")
        .replace('/', "::")
}

/// The file's code outside its tests.
fn non_test_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    // The test module, not a `#[cfg(test)]` item in the middle of the code.
    match text.find("#[cfg(test)]\nmod ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Every `crate::a::b…` path in `code`, outside comments, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let preceded_by_word = rest[..i]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            rest = &rest[i + "crate::".len()..];
            if preceded_by_word {
                continue;
            }
            let mut segments = Vec::new();
            let mut tail = rest;
            loop {
                let end = tail
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(tail.len());
                let seg = &tail[..end];
                if seg.is_empty() || !seg.starts_with(|c: char| c.is_lowercase()) {
                    break;
                }
                segments.push(seg.to_string());
                tail = &tail[end..];
                match tail.strip_prefix("::") {
                    Some(t) => tail = t,
                    None => break,
                }
            }
            if !segments.is_empty() {
                paths.push(segments);
            }
        }
    }
    paths
}

struct Source {
    rel: String,
    domain: String,
    code: String,
}

fn sources() -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let rel = relative(&p);
            let domain = domain_of(&rel)?;
            Some(Source {
                code: non_test_code(&p),
                rel,
                domain,
            })
        })
        .collect()
}

#[test]
fn each_domain_imports_only_what_the_code_map_allows() {
    let mut wrong = Vec::new();
    for s in sources() {
        let allowed = allowed(&s.domain);
        for path in crate_paths(&s.code) {
            let target = &path[0];
            if *target != s.domain && !allowed.contains(&target.as_str()) {
                wrong.push(format!("{} uses crate::{}", s.rel, path.join("::")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports the code map forbids:\n{}",
        wrong.join("\n")
    );
}

/// The module a `crate::` path names among the known modules: its longest
/// prefix that is one.
fn module_named(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

#[test]
fn no_two_modules_lean_on_each_other() {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| module_of(&s.rel)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &sources {
        let from = module_of(&s.rel);
        for path in crate_paths(&s.code) {
            if let Some(to) = module_named(&path, &modules) {
                // A module reaching into its own children is not a circle.
                if to != from && !to.starts_with(&format!("{from}::")) {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    // Depth-first search; a node met again while on the stack closes a circle.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut circle = stack[i..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in &modules {
        if let Some(circle) = visit(m, &edges, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", circle.join(" → "));
        }
    }
}

#[test]
fn no_file_is_long_without_saying_why() {
    const LIMIT: usize = 650;
    let mut long = Vec::new();
    for s in sources() {
        let lines = s.code.lines().count();
        let says_why = s.code.lines().take(10).any(|l| l.contains("Long because"));
        if lines > LIMIT && !says_why {
            long.push(format!("{} has {lines} lines outside its tests", s.rel));
        }
    }
    assert!(
        long.is_empty(),
        "split these by what they do, or say at the top why not (\"Long because …\"):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_check() {
    // Guards against a check that passes because it reads nothing.
    let sources = sources();
    assert!(sources.iter().any(|s| s.rel == "journal/search.rs"));
    let search = sources
        .iter()
        .find(|s| s.rel == "journal/search.rs")
        .unwrap();
    assert!(crate_paths(&search.code).iter().any(|p| p[0] == "storage"));
    assert_eq!(
        crate_paths("use crate::people::person::Person; x::crate::no"),
        vec![vec!["people".to_string(), "person".into()]]
    );
}
