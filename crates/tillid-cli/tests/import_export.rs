//! `tillid import` and `tillid export --format json` end to end, on real
//! data folders.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::*;

fn fixture(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tillid-core/tests/fixtures")
        .join(name);
    p.to_string_lossy().into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn import_prints_counts_and_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let o = tillid(dir.path(), &["import", "jrnl", &fixture("jrnl.json")]);
    assert!(o.status.success(), "{o:?}");
    assert!(
        stdout(&o).contains("5 note(s) added, 0 skipped"),
        "{}",
        stdout(&o)
    );

    let o = tillid(
        dir.path(),
        &["import", "jrnl", &fixture("jrnl.json"), "--json"],
    );
    assert!(o.status.success(), "{o:?}");
    let v = json(&o);
    assert_eq!(
        (
            v["kind"].as_str(),
            v["added"].as_u64(),
            v["skipped"].as_u64()
        ),
        (Some("jrnl"), Some(0), Some(5))
    );

    let o = tillid(
        dir.path(),
        &["import", "markdown", &fixture("markdown-vault"), "--json"],
    );
    let v = json(&o);
    assert_eq!(
        (v["added"].as_u64(), v["ignored"].as_u64()),
        (Some(3), Some(1))
    );

    let o = tillid(dir.path(), &["import", "dayone", &fixture("dayone")]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("4 note(s) added"), "{}", stdout(&o));

    let o = tillid(dir.path(), &["search", "overvåget", "--json"]);
    assert_eq!(json(&o).as_array().unwrap().len(), 1);
}

#[test]
fn json_export_and_import_round_trip_through_the_cli() {
    let a = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    assert!(tillid(a.path(), &["demo", "--weeks", "12"])
        .status
        .success());
    let first = files.path().join("alt.json");
    let first_s = first.to_string_lossy().into_owned();
    let o = tillid(a.path(), &["export", "--format", "json", "-o", &first_s]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("lossless JSON"), "{}", stdout(&o));

    let b = tempfile::tempdir().unwrap();
    let o = tillid(b.path(), &["import", "json", &first_s]);
    assert!(o.status.success(), "{o:?}");
    let second = files.path().join("igen.json");
    let second_s = second.to_string_lossy().into_owned();
    assert!(
        tillid(b.path(), &["export", "--format", "json", "-o", &second_s])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
        "export → import → export gives the same file"
    );

    // A full import into a folder with data needs --merge, and merging adds nothing new.
    let o = tillid(b.path(), &["import", "json", &first_s]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(stderr(&o).contains("--merge"), "{}", stderr(&o));
    let o = tillid(b.path(), &["import", "json", &first_s, "--merge", "--json"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(json(&o)["added"], 0);
}

#[test]
fn a_word_imported_into_the_checkup_prompt_is_found_by_search() {
    let a = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    assert!(tillid(a.path(), &["demo", "--weeks", "4"]).status.success());
    let path = files.path().join("alt.json");
    let path_s = path.to_string_lossy().into_owned();
    assert!(
        tillid(a.path(), &["export", "--format", "json", "-o", &path_s])
            .status
            .success()
    );
    let mut all: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let reflection = all["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == "reflection")
        .unwrap();
    reflection["checkup"] = "Jeg fulgte op med et spørgsmål: zebrafinkemøde.".into();
    let week = reflection["week"].as_str().unwrap().to_string();
    std::fs::write(&path, serde_json::to_string(&all).unwrap()).unwrap();

    let b = tempfile::tempdir().unwrap();
    assert!(tillid(b.path(), &["import", "json", &path_s])
        .status
        .success());
    let o = tillid(b.path(), &["search", "zebrafinke", "--json"]);
    assert!(o.status.success(), "{o:?}");
    let hits = json(&o);
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    let found = format!(
        "{}-W{:02}",
        hits[0]["week"]["year"], hits[0]["week"]["week"]
    );
    assert_eq!(found, week);
}

#[test]
fn bad_files_and_bad_arguments_get_exit_codes_and_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let cut = files.path().join("afkortet.json");
    let full = std::fs::read_to_string(fixture("jrnl.json")).unwrap();
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let o = tillid(dir.path(), &["import", "jrnl", &cut.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let e = stderr(&o);
    assert!(e.contains("afkortet.json") && e.contains("line "), "{e}");
    assert!(e.contains("nothing was imported"), "{e}");

    for args in [
        vec!["import"],
        vec!["import", "evernote", "x"],
        vec!["import", "jrnl"],
        vec!["import", "jrnl", "a", "b"],
        vec!["import", "jrnl", "a", "--merge"],
        vec!["import", "json", "a", "--bogus"],
    ] {
        let o = tillid(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {o:?}");
        assert!(stderr(&o).contains("Try 'tillid --help'"), "{args:?}");
    }

    let o = tillid(dir.path(), &["import", "--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("import dayone PATH"), "{}", stdout(&o));
    let o = tillid(dir.path(), &["--help"]);
    assert!(stdout(&o).contains("import "), "{}", stdout(&o));

    let o = tillid(
        dir.path(),
        &[
            "export",
            "--format",
            "json",
            "-o",
            "/nonexistent-folder/x.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(stderr(&o).contains("nonexistent-folder"), "{}", stderr(&o));
}
