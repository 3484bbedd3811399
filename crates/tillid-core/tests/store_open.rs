//! Opening the database: migrations, pragmas, newer schemas, damage, locks,
//! unusable folders. Every test uses a real file in a temp dir.

use std::time::Duration;
use tillid_core::storage::paths::DB_FILE_NAME;
use tillid_core::{CoreError, OpenOptions, Store};

fn quick() -> OpenOptions {
    OpenOptions {
        busy_timeout: Duration::from_millis(200),
    }
}

#[test]
fn opens_an_empty_folder_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/data");
    let store = Store::open(&data).unwrap();
    assert!(data.join(DB_FILE_NAME).exists());
    assert_eq!(
        store.schema_version().unwrap(),
        tillid_core::storage::migrations::latest_version()
    );
    drop(store);
    let conn = rusqlite::Connection::open(data.join(DB_FILE_NAME)).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Reopening is a no-op migration.
    let again = Store::open(&data).unwrap();
    assert!(again.is_empty().unwrap());
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let file = dir.path().join(DB_FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    match Store::open(dir.path()) {
        Err(CoreError::NewerDatabase {
            found, supported, ..
        }) => {
            assert_eq!(found, 99);
            assert_eq!(
                supported,
                tillid_core::storage::migrations::latest_version()
            );
        }
        other => panic!("expected NewerDatabase, got {:?}", other.err()),
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "file must be untouched"
    );
}

#[test]
fn a_corrupted_file_is_named_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(DB_FILE_NAME);
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&file, &garbage).unwrap();
    let err = Store::open(dir.path()).err().expect("must fail");
    assert_eq!(err.code(), "corrupt");
    assert_eq!(err.path().unwrap(), &file);
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
}

#[test]
fn a_database_locked_by_another_process_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(DB_FILE_NAME);
    let other = rusqlite::Connection::open(&file).unwrap();
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; CREATE TABLE x (a); BEGIN EXCLUSIVE;")
        .unwrap();
    let err = Store::open_with(dir.path(), &quick())
        .err()
        .expect("must fail");
    assert_eq!(err.code(), "locked", "{err}");
}

#[test]
fn an_unusable_data_folder_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a_file = dir.path().join("plain-file");
    std::fs::write(&a_file, b"x").unwrap();
    let err = Store::open(&a_file.join("data")).err().expect("must fail");
    assert_eq!(err.code(), "data_dir", "{err}");
    let err = Store::open(&a_file).err().expect("must fail");
    assert_eq!(err.code(), "data_dir", "{err}");
}
