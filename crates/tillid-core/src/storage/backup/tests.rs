//! The backup folder's unit tests: file names, URIs, what is kept.

use super::*;
use chrono::NaiveDateTime;
use std::path::Path;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn file_names_round_trip() {
    let now = at("2026-11-27 14:05");
    let dir = Path::new("/x");
    for kind in [
        BackupKind::Automatic,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
    ] {
        let p = unique_backup_path(dir, kind, now);
        let name = p.file_name().unwrap().to_str().unwrap();
        assert_eq!(parse_file_name(name), Some((kind, now)), "{name}");
    }
    assert_eq!(
        parse_file_name("tillid-2026-11-27_14-05-00-before-restore-3.sqlite3"),
        Some((BackupKind::BeforeRestore, now))
    );
    assert_eq!(parse_file_name("tillid.sqlite3"), None);
    assert_eq!(
        parse_file_name("tillid-2026-13-27_14-05-00-auto.sqlite3"),
        None
    );
    assert_eq!(
        parse_file_name("tillid-2026-11-27_14-05-00-weird.sqlite3"),
        Some((BackupKind::Other, now))
    );
}

#[test]
fn uri_paths_are_escaped() {
    assert_eq!(uri_path(Path::new("/a b/c?#%.db")), "/a%20b/c%3F%23%25.db");
    assert_eq!(uri_path(Path::new("/Users/mette/æ")), "/Users/mette/%C3%A6");
}
