//! `tillid backup` and `tillid restore` end to end, on real data folders.

use std::path::Path;

mod common;
use common::*;

fn notes(dir: &Path) -> u64 {
    let o = tillid(dir, &["stats", "--json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["notes"].as_u64().unwrap()
}

fn add_note(dir: &Path, text: &str) {
    let o = tillid(dir, &["note", "add", "--date", "2026-11-27", text]);
    assert!(o.status.success(), "{o:?}");
}

#[test]
fn backup_to_the_folder_to_a_file_and_into_a_folder() {
    let data = tempfile::tempdir().unwrap();
    add_note(data.path(), "Første note");

    let o = tillid(data.path(), &["backup"]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("1 note(s)"), "{}", stdout(&o));
    let in_folder: Vec<_> = std::fs::read_dir(data.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-manual.sqlite3"))
        .collect();
    assert_eq!(in_folder.len(), 1);

    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("kopi.sqlite3");
    let o = tillid(data.path(), &["backup", "-o", file.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("kopi.sqlite3"));
    let first = std::fs::read(&file).unwrap();

    // An existing file is kept unless --force.
    add_note(data.path(), "Anden note");
    let o = tillid(data.path(), &["backup", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&file).unwrap(), first);
    let o = tillid(
        data.path(),
        &["backup", "--out", file.to_str().unwrap(), "--force"],
    );
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("2 note(s)"));

    // A folder: a dated file inside it.
    let o = tillid(
        data.path(),
        &["backup", "-o", out_dir.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{o:?}");
    assert_eq!(std::fs::read_dir(out_dir.path()).unwrap().count(), 2);
}

#[test]
fn restore_shows_the_contents_and_needs_yes_over_existing_data() {
    let data = tempfile::tempdir().unwrap();
    add_note(data.path(), "Før sikkerhedskopien");
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("b.sqlite3");
    let file = file.to_str().unwrap();
    assert!(tillid(data.path(), &["backup", "-o", file])
        .status
        .success());
    add_note(data.path(), "Efter sikkerhedskopien");
    assert_eq!(notes(data.path()), 2);

    let o = tillid(data.path(), &["restore", file]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(
        stdout(&o).contains("0 reflection(s), 1 note(s), 0 people"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("--yes"), "{}", stderr(&o));
    assert_eq!(notes(data.path()), 2, "nothing changed");

    let o = tillid(data.path(), &["restore", file, "--yes"]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("before-restore"), "{}", stdout(&o));
    assert_eq!(notes(data.path()), 1);

    // Into an empty folder no --yes is needed.
    let fresh = tempfile::tempdir().unwrap();
    let o = tillid(fresh.path(), &["restore", file]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(notes(fresh.path()), 1);
}

#[test]
fn restore_refuses_what_is_not_a_backup_and_usage_errors_exit_2() {
    let data = tempfile::tempdir().unwrap();
    add_note(data.path(), "Skal blive");
    let junk = data.path().join("junk.sqlite3");
    std::fs::write(&junk, "not a database at all, just some words").unwrap();
    let o = tillid(data.path(), &["restore", junk.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("not a Tillid backup"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(notes(data.path()), 1);

    assert_eq!(tillid(data.path(), &["restore"]).status.code(), Some(2));
    assert_eq!(
        tillid(data.path(), &["restore", "a", "b"]).status.code(),
        Some(2)
    );
    assert_eq!(
        tillid(data.path(), &["backup", "--yes"]).status.code(),
        Some(2)
    );
    for cmd in ["backup", "restore"] {
        let o = tillid(data.path(), &[cmd, "--help"]);
        assert!(o.status.success());
        assert!(stdout(&o).starts_with(&format!("Usage: tillid [--data-dir DIR] {cmd}")));
    }
    let o = tillid(data.path(), &["--help"]);
    assert!(stdout(&o).contains("restore"));
}
