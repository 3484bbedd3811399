//! The `tillid` binary end to end, on a real data folder.

use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::*;

#[test]
fn note_add_then_search_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let o = tillid(
        dir.path(),
        &[
            "note",
            "add",
            "--date",
            "2026-11-27",
            "--title",
            "Gåtur",
            "--tag",
            "Trivsel",
            "Vi talte om ærlighed og tillid",
        ],
    );
    assert!(o.status.success(), "{o:?}");

    let o = tillid(dir.path(), &["search", "ærlig", "--json"]);
    assert!(o.status.success(), "{o:?}");
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["title"], "Gåtur");
    assert_eq!(hits[0]["kind"], "note");

    let o = tillid(dir.path(), &["search", "\"(NEAR", "AND"]);
    assert!(o.status.success(), "hostile query is not an error: {o:?}");

    let o = tillid(dir.path(), &["stats", "--json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["notes"], 1);
    assert_eq!(s["reflections"], 0);
}

#[test]
fn note_body_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tillid"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["note", "add", "--title", "Fra terminalen", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Uddelegering virker\n".as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let o = tillid(dir.path(), &["search", "uddeleg", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(hits[0]["title"], "Fra terminalen");
}

#[test]
fn demo_fills_an_empty_folder_and_refuses_a_full_one() {
    let dir = tempfile::tempdir().unwrap();
    let o = tillid(
        dir.path(),
        &["demo", "--weeks", "12", "--notes-per-week", "2"],
    );
    assert!(o.status.success(), "{o:?}");
    let (reflections, notes) = demo_added(&stdout(&o));
    assert!(
        reflections > 0 && reflections <= 12 && notes > 0,
        "{}",
        stdout(&o)
    );
    let o = tillid(dir.path(), &["stats", "--json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["reflections"].as_u64(), Some(reflections), "{s}");
    assert_eq!(s["notes"].as_u64(), Some(notes), "{s}");
    let o = tillid(dir.path(), &["demo", "--weeks", "2"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("not empty") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn exit_codes_and_help() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(tillid(dir.path(), &[]).status.code(), Some(2));
    assert_eq!(tillid(dir.path(), &["frobnicate"]).status.code(), Some(2));
    assert_eq!(tillid(dir.path(), &["search"]).status.code(), Some(2));
    assert_eq!(
        tillid(dir.path(), &["stats", "--bogus"]).status.code(),
        Some(2)
    );
    for cmd in [
        &["--help"][..],
        &["stats", "--help"],
        &["search", "--help"],
        &["note", "add", "--help"],
        &["demo", "--help"],
    ] {
        let o = tillid(dir.path(), cmd);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}");
        assert!(stdout(&o).contains("Usage:"), "{cmd:?}");
    }
    let o = tillid(dir.path(), &["note", "add", "--date", "2026-13-01", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a valid date"));
}

#[test]
fn a_damaged_database_is_reported_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tillid.sqlite3"), vec![0x42u8; 4096]).unwrap();
    let o = tillid(dir.path(), &["stats"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("damaged") && err.lines().count() == 1, "{err}");
}

#[test]
fn cli_and_a_second_connection_share_the_file_safely() {
    let dir = tempfile::tempdir().unwrap();
    // Another open connection (as the running app would hold) does not block the CLI.
    let app = tillid_core::Store::open(dir.path()).unwrap();
    let o = tillid(
        dir.path(),
        &["note", "add", "--title", "Samtidig", "mens appen kører"],
    );
    assert!(o.status.success(), "{o:?}");
    assert_eq!(app.search("samtidig", None).unwrap().len(), 1);
}

#[test]
fn people_add_list_export_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    assert!(tillid(
        dir.path(),
        &["people", "add", "Søren", "Ærø", "--role", "Sagsbehandler"]
    )
    .status
    .success());
    assert!(tillid(dir.path(), &["people", "add", "Bo", "Ravn"])
        .status
        .success());
    let o = tillid(dir.path(), &["people", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let soren = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Søren Ærø")
        .unwrap();
    assert_eq!(soren["role"], "Sagsbehandler");
    assert_eq!(soren["archived"], false);
    let id = soren["id"].as_i64().unwrap().to_string();

    let out = dir.path().join("export");
    let o = tillid(
        dir.path(),
        &[
            "people",
            "export",
            &id,
            "-o",
            out.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(o.status.success(), "{o:?}");
    let files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2);
    let all: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(all.contains("Søren Ærø") && !all.contains("Ravn"));

    let o = tillid(dir.path(), &["people", "delete", &id]);
    assert_eq!(o.status.code(), Some(1), "refuses without --yes");
    assert!(String::from_utf8_lossy(&o.stderr).contains("--yes"));
    let o = tillid(dir.path(), &["people", "delete", &id, "--yes"]);
    assert!(o.status.success(), "{o:?}");
    let o = tillid(dir.path(), &["people", "list"]);
    assert!(!stdout(&o).contains("Søren"));
    assert_eq!(
        tillid(dir.path(), &["people", "add"]).status.code(),
        Some(2)
    );
    assert_eq!(
        tillid(dir.path(), &["people", "delete", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        tillid(dir.path(), &["people", "delete", "999", "--yes"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        tillid(dir.path(), &["people", "add", "  "]).status.code(),
        Some(1)
    );
}

#[test]
fn people_help() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [&["people", "--help"][..], &["people", "list", "--help"]] {
        let o = tillid(dir.path(), cmd);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}");
        assert!(stdout(&o).contains("people export ID -o DIR"), "{cmd:?}");
    }
}

#[test]
fn exercises_lists_the_library_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let da: serde_json::Value = serde_json::from_slice(
        &tillid(dir.path(), &["exercises", "--json", "--lang", "da"]).stdout,
    )
    .unwrap();
    let en: serde_json::Value = serde_json::from_slice(
        &tillid(dir.path(), &["exercises", "--json", "--lang", "en"]).stdout,
    )
    .unwrap();
    let (da, en) = (da.as_array().unwrap(), en.as_array().unwrap());
    assert!(da.len() >= 45);
    assert_eq!(da.len(), en.len());
    assert_eq!(da[0]["id"], en[0]["id"]);
    assert_ne!(da[0]["title"], en[0]["title"]);
    for key in [
        "id",
        "theme",
        "level",
        "minutes",
        "frameworks",
        "title",
        "why",
        "steps",
        "questions",
    ] {
        assert!(!da[0][key].is_null(), "{key}");
    }
    let o = tillid(dir.path(), &["exercises", "--lang", "en"]);
    assert!(stdout(&o).lines().count() >= 45);
    assert_eq!(
        tillid(dir.path(), &["exercises", "--lang", "fr"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn program_shows_this_weeks_exercise_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let o = tillid(dir.path(), &["program", "--json", "--lang", "en"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["state"], "proposed");
    assert!(!v["title"].as_str().unwrap().is_empty());
    assert_eq!(v["progress"].as_array().unwrap().len(), 9);
    // The same week gives the same proposal.
    let again: serde_json::Value =
        serde_json::from_slice(&tillid(dir.path(), &["program", "--json"]).stdout).unwrap();
    assert_eq!(again["exercise_id"], v["exercise_id"]);
    assert!(stdout(&tillid(dir.path(), &["program", "--help"])).contains("Usage:"));
}
