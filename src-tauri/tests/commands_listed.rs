//! `commands.list` is the one place a command is registered (build.rs
//! generates the handler and the permissions from it). This checks that it
//! names every `#[tauri::command]` in `src/` and nothing else, and that the
//! UI's `api.ts` calls each of them, so a command cannot be written and
//! forgotten, or left behind when its caller goes.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `module::function` for each `#[tauri::command]` in `src/*.rs`.
fn written() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            if !line.starts_with("#[tauri::command") {
                continue;
            }
            let signature = lines
                .find(|l| l.contains("fn "))
                .unwrap_or_else(|| panic!("{module}: #[tauri::command] without a fn"));
            let name = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split(['(', '<']).next())
                .unwrap();
            found.insert(format!("{module}::{name}"));
        }
    }
    found
}

#[path = "../commands_list.rs"]
mod commands_list;

fn listed() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("commands.list")).unwrap();
    commands_list::listed(&text)
        .into_iter()
        .map(|(module, function)| format!("{module}::{function}"))
        .collect()
}

#[test]
fn every_command_is_listed_once() {
    let listed = listed();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(unique.len(), listed.len(), "a command is listed twice");
    let written = written();
    assert!(written.len() > 50, "the scan found only {written:?}");
    let missing: Vec<_> = written.difference(&unique).collect();
    let stale: Vec<_> = unique.difference(&written).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "add to src-tauri/commands.list: {missing:?}; no such command: {stale:?}"
    );
}

#[test]
fn the_ui_calls_every_listed_command() {
    let api = std::fs::read_to_string(root().join("../ui/src/lib/api.ts")).unwrap();
    let uncalled: Vec<_> = listed()
        .into_iter()
        .filter(|c| {
            let name = c.split("::").nth(1).unwrap();
            !api.contains(&format!("\"{name}\""))
        })
        .collect();
    assert!(uncalled.is_empty(), "not called from api.ts: {uncalled:?}");
}

#[test]
fn the_capability_grants_the_generated_set_only() {
    let cap = std::fs::read_to_string(root().join("capabilities/default.json")).unwrap();
    assert!(cap.contains("\"tillid-commands\""));
    assert!(
        !cap.contains("\"allow-"),
        "list commands in commands.list, not here"
    );
}
