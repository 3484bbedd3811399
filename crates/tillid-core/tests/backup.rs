//! Backups and restore on real files in temp dirs: rolling retention over
//! day and month boundaries (injected dates), one automatic backup a day,
//! never two backups at once (threads and a second process), restore
//! round-trips, the three refusals leave the data byte-identical, older
//! schemas are migrated, and a backup taken while another connection writes
//! is consistent.

use chrono::{Duration as Days, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tillid_core::demo::DemoOptions;
use tillid_core::journal::model::NoteInput;
use tillid_core::people::person::PersonInput;
use tillid_core::storage::backup::{
    self, auto_backup, automatic_to_keep, back_up, back_up_to, backup_info, backups_dir,
    list_backups, restore, BackupKind, BackupLock, DEFAULT_WAIT, KEEP_DAILY, KEEP_MONTHLY,
};
use tillid_core::storage::paths::DB_FILE_NAME;
use tillid_core::{CoreError, Store};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn note(date: &str, body: &str) -> NoteInput {
    NoteInput {
        date: date.into(),
        title: String::new(),
        body: body.into(),
        tags: vec!["backup".into()],
    }
}

/// A data folder with a small history.
fn with_history() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    s.fill_demo(&DemoOptions {
        weeks: 6,
        notes_per_week: 2,
        today: day("2026-11-27"),
        seed: 7,
    })
    .unwrap();
    (dir, s)
}

/// Every row of every table, as text, in a stable order.
fn dump(conn: &Connection) -> Vec<String> {
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut line = format!("{t}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn dump_dir(data_dir: &Path) -> Vec<String> {
    dump(&Connection::open(data_dir.join(DB_FILE_NAME)).unwrap())
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

fn auto_days(data_dir: &Path) -> Vec<String> {
    names_in(&backups_dir(data_dir))
        .into_iter()
        .filter(|n| n.ends_with("-auto.sqlite3"))
        .map(|n| n["tillid-".len().."tillid-".len() + 10].to_string())
        .collect()
}

// ---- Retention ----

#[test]
fn retention_keeps_14_days_and_12_months_over_a_year_of_daily_launches() {
    let start = day("2026-01-01");
    let times: Vec<NaiveDateTime> = (0..400)
        .map(|i| (start + Days::days(i)).and_hms_opt(9, 0, 0).unwrap())
        .collect();
    let keep = automatic_to_keep(&times);
    let kept: Vec<String> = times
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(t, _)| t.date().to_string())
        .collect();
    // Last day: 2027-02-04. The 14 newest days, and the last day of each
    // month back to March 2026 (12 months: Feb 2027 … Mar 2026).
    let mut expected: Vec<String> = (0..KEEP_DAILY as i64)
        .map(|i| (day("2027-02-04") - Days::days(i)).to_string())
        .collect();
    for m in [
        "2026-12-31",
        "2026-11-30",
        "2026-10-31",
        "2026-09-30",
        "2026-08-31",
        "2026-07-31",
        "2026-06-30",
        "2026-05-31",
        "2026-04-30",
        "2026-03-31",
    ] {
        expected.push(m.to_string());
    }
    expected.sort();
    assert_eq!(kept, expected);
    assert_eq!(kept.len(), KEEP_DAILY + KEEP_MONTHLY - 2);
}

#[test]
fn retention_keeps_the_newest_of_a_day_and_ignores_input_order() {
    let times = vec![
        at("2026-05-02 08:00"),
        at("2026-05-02 17:00"),
        at("2026-05-01 12:00"),
        at("2026-05-02 12:00"),
    ];
    assert_eq!(automatic_to_keep(&times), vec![false, true, true, false]);
    assert!(automatic_to_keep(&[]).is_empty());
}

#[test]
fn rolling_backups_across_day_and_month_boundaries_on_real_files() {
    let (dir, mut s) = with_history();
    let data = dir.path();
    // Every day from 20 January to 5 March 2026, sometimes launched twice.
    let mut d = day("2026-01-20");
    while d <= day("2026-03-05") {
        s.create_note(&note(&d.to_string(), &format!("written on {d}")))
            .unwrap();
        let morning = auto_backup(data, d.and_hms_opt(8, 30, 0).unwrap(), DEFAULT_WAIT).unwrap();
        assert!(morning.made.is_some(), "first launch of {d} backs up");
        let again = auto_backup(data, d.and_hms_opt(15, 0, 0).unwrap(), DEFAULT_WAIT).unwrap();
        assert!(again.made.is_none(), "second launch of {d} does not");
        d += Days::days(1);
    }
    // The 14 newest days (20 Feb – 5 Mar: February 2026 has 28 days) and
    // the newest of January; February's newest is among the 14.
    let mut expected: Vec<String> = (0..14)
        .map(|i| (day("2026-03-05") - Days::days(i)).to_string())
        .collect();
    expected.push("2026-01-31".into());
    expected.sort();
    assert_eq!(auto_days(data), expected);

    // Each kept backup holds the notes written up to its day.
    let list = list_backups(data).unwrap();
    assert!(list.unreadable.is_empty());
    let jan31 = list
        .backups
        .iter()
        .find(|b| b.taken_at.starts_with("2026-01-31"))
        .unwrap();
    let newest = &list.backups[0];
    assert!(newest.taken_at.starts_with("2026-03-05T08:30"));
    assert_eq!(newest.kind, BackupKind::Automatic);
    assert_eq!(newest.counts.notes - jan31.counts.notes, 33); // 1 Feb – 5 Mar
}

#[test]
fn weeks_away_thin_the_history_but_never_empty_it() {
    let (dir, _s) = with_history();
    let data = dir.path();
    let mut d = day("2026-01-01");
    while d <= day("2026-01-20") {
        auto_backup(data, d.and_hms_opt(9, 0, 0).unwrap(), DEFAULT_WAIT).unwrap();
        d += Days::days(1);
    }
    // Back after almost five months.
    let r = auto_backup(data, at("2026-06-10 09:00"), DEFAULT_WAIT).unwrap();
    // 1–6 January went while she was still launching daily; now only the
    // oldest of the 14 newest days with a backup goes.
    assert_eq!(r.removed.len(), 1);
    assert!(r.removed[0].to_string_lossy().contains("2026-01-07"));
    let days = auto_days(data);
    assert_eq!(days.len(), 14);
    assert_eq!(days.first().unwrap(), "2026-01-08");
    assert_eq!(days.last().unwrap(), "2026-06-10");
}

#[test]
fn manual_and_before_restore_backups_are_never_pruned() {
    let (dir, _s) = with_history();
    let data = dir.path();
    let manual = back_up(
        data,
        BackupKind::Manual,
        at("2025-01-01 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();
    let mut d = day("2026-01-01");
    for _ in 0..40 {
        auto_backup(data, d.and_hms_opt(9, 0, 0).unwrap(), DEFAULT_WAIT).unwrap();
        d += Days::days(1);
    }
    assert!(Path::new(&manual.path).exists());
    assert_eq!(manual.kind, BackupKind::Manual);
    assert_eq!(manual.taken_at, "2025-01-01T10:00:00");
}

// ---- Writing backups ----

#[test]
fn a_backup_is_self_contained_verified_and_holds_the_counts() {
    let (dir, s) = with_history();
    let info = back_up(
        dir.path(),
        BackupKind::Manual,
        at("2026-11-27 14:05"),
        DEFAULT_WAIT,
    )
    .unwrap();
    assert_eq!(info.file_name, "tillid-2026-11-27_14-05-00-manual.sqlite3");
    let path = PathBuf::from(&info.path);
    assert_eq!(path.parent().unwrap(), backups_dir(dir.path()));
    let stats = s.stats(day("2026-11-27")).unwrap();
    assert_eq!(info.counts.reflections, stats.reflections);
    assert_eq!(info.counts.notes, stats.notes);
    assert_eq!(info.counts.people, s.people(true).unwrap().len() as u32);
    assert!(info.counts.conversations > 0);
    assert_eq!(info.size, std::fs::metadata(&path).unwrap().len());
    // A rollback-journal file: nothing beside it, no temp file left.
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!((bytes[18], bytes[19]), (1, 1), "not in WAL mode");
    assert_eq!(
        names_in(&backups_dir(dir.path())),
        vec![info.file_name.clone()]
    );
    // Reading it again changes nothing, not even its timestamp.
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(backup_info(&path).unwrap(), info);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
    assert_eq!(names_in(&backups_dir(dir.path())).len(), 1);
    // Two in the same second get distinct names.
    let second = back_up(
        dir.path(),
        BackupKind::Manual,
        at("2026-11-27 14:05"),
        DEFAULT_WAIT,
    )
    .unwrap();
    assert_eq!(
        second.file_name,
        "tillid-2026-11-27_14-05-00-manual-2.sqlite3"
    );
    assert_eq!(second.kind, BackupKind::Manual);
}

#[test]
fn back_up_to_a_chosen_file_replaces_it_only_when_done() {
    let (dir, _s) = with_history();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("my copy.sqlite3");
    let info = back_up_to(dir.path(), &out, DEFAULT_WAIT).unwrap();
    assert_eq!(info.kind, BackupKind::Other);
    assert!(info.counts.reflections > 0);
    assert_eq!(names_in(out_dir.path()), vec!["my copy.sqlite3"]);
    // A folder that cannot be written: a clear error, nothing left behind.
    let bad = out_dir.path().join("a-file").join("x.sqlite3");
    std::fs::write(out_dir.path().join("a-file"), b"not a folder").unwrap();
    assert!(back_up_to(dir.path(), &bad, DEFAULT_WAIT).is_err());
    assert_eq!(names_in(out_dir.path()), vec!["a-file", "my copy.sqlite3"]);
}

#[test]
fn list_shows_newest_first_and_names_what_cannot_be_restored() {
    let (dir, _s) = with_history();
    let data = dir.path();
    back_up(
        data,
        BackupKind::Manual,
        at("2026-03-01 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();
    auto_backup(data, at("2026-03-02 09:00"), DEFAULT_WAIT).unwrap();
    std::fs::write(backups_dir(data).join("notes.sqlite3"), b"hello").unwrap();
    std::fs::write(backups_dir(data).join("readme.txt"), b"ignored").unwrap();
    let list = list_backups(data).unwrap();
    let names: Vec<&str> = list.backups.iter().map(|b| b.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "tillid-2026-03-02_09-00-00-auto.sqlite3",
            "tillid-2026-03-01_10-00-00-manual.sqlite3"
        ]
    );
    assert_eq!(list.unreadable.len(), 1);
    assert_eq!(list.unreadable[0].file_name, "notes.sqlite3");
    assert_eq!(list.unreadable[0].error.code, "not_a_backup");
    // No backups folder yet: an empty list, not an error.
    let empty = tempfile::tempdir().unwrap();
    assert!(list_backups(empty.path()).unwrap().backups.is_empty());
}

#[test]
fn backups_taken_in_the_same_second_are_listed_in_the_order_they_were_made() {
    let (dir, _s) = with_history();
    let data = dir.path();
    let second = at("2026-12-13 23:59");
    // Made in this order within one second of the clock (a frozen one in
    // tests; a quick hand in life): the name's kind must not decide.
    let made: Vec<String> = [
        BackupKind::Automatic,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
    ]
    .into_iter()
    .map(|kind| {
        std::thread::sleep(Duration::from_millis(20));
        let info = back_up(data, kind, second, DEFAULT_WAIT).unwrap();
        info.file_name
    })
    .collect();
    let list = list_backups(data).unwrap();
    let names: Vec<String> = list.backups.into_iter().map(|b| b.file_name).collect();
    let newest_first: Vec<String> = made.into_iter().rev().collect();
    assert_eq!(names, newest_first);
}

// ---- Never two at once ----

#[test]
fn a_second_backup_waits_for_the_first_or_gives_up() {
    let (dir, _s) = with_history();
    let data = dir.path().to_path_buf();
    let lock = BackupLock::acquire(&data, Duration::ZERO).unwrap();
    // Refused at once when it may not wait.
    match back_up(
        &data,
        BackupKind::Manual,
        at("2026-11-27 10:00"),
        Duration::ZERO,
    ) {
        Err(CoreError::BackupRunning) => {}
        other => panic!("expected BackupRunning, got {other:?}"),
    }
    assert!(matches!(
        BackupLock::acquire(&data, Duration::from_millis(100)),
        Err(CoreError::BackupRunning)
    ));
    // Waits while the other runs, then goes ahead.
    let started = Instant::now();
    let waiting = {
        let data = data.clone();
        std::thread::spawn(move || {
            back_up(
                &data,
                BackupKind::Manual,
                at("2026-11-27 10:01"),
                DEFAULT_WAIT,
            )
        })
    };
    std::thread::sleep(Duration::from_millis(400));
    assert!(!waiting.is_finished(), "it must wait for the lock");
    drop(lock);
    waiting.join().unwrap().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[test]
fn concurrent_backups_from_many_threads_all_succeed_one_at_a_time() {
    let (dir, _s) = with_history();
    let data = dir.path().to_path_buf();
    let threads: Vec<_> = (0..6)
        .map(|_| {
            let data = data.clone();
            std::thread::spawn(move || {
                back_up(
                    &data,
                    BackupKind::Manual,
                    at("2026-11-27 10:00"),
                    DEFAULT_WAIT,
                )
            })
        })
        .collect();
    let mut names: Vec<String> = threads
        .into_iter()
        .map(|t| t.join().unwrap().unwrap().file_name)
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 6, "six distinct, verified files");
    assert_eq!(names_in(&backups_dir(&data)).len(), 6, "no temp file left");
}

/// Run by `another_process_holding_the_lock_keeps_backups_out` as a second
/// process: holds the backup lock for a while.
#[test]
#[ignore = "helper, run as a child process"]
fn helper_hold_backup_lock() {
    let Some(dir) = std::env::var_os("TILLID_TEST_LOCK_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let _lock = BackupLock::acquire(&dir, Duration::ZERO).unwrap();
    std::fs::write(dir.join("child-has-lock"), b"1").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
}

#[test]
fn another_process_holding_the_lock_keeps_backups_out() {
    let (dir, _s) = with_history();
    let data = dir.path().to_path_buf();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "helper_hold_backup_lock",
            "--ignored",
            "--nocapture",
        ])
        .env("TILLID_TEST_LOCK_DIR", &data)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let until = Instant::now() + Duration::from_secs(20);
    while !data.join("child-has-lock").exists() {
        assert!(Instant::now() < until, "the child never took the lock");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(matches!(
        back_up(
            &data,
            BackupKind::Manual,
            at("2026-11-27 10:00"),
            Duration::ZERO
        ),
        Err(CoreError::BackupRunning)
    ));
    // Waiting long enough, it runs once the other process is done.
    back_up(
        &data,
        BackupKind::Manual,
        at("2026-11-27 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();
    assert!(child.wait().unwrap().success());
}

// ---- Consistency under concurrent writes ----

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let (dir, s) = with_history();
    let data = dir.path().to_path_buf();
    drop(s);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (data, stop) = (data.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut conn = Connection::open(data.join(DB_FILE_NAME)).unwrap();
            conn.busy_timeout(Duration::from_secs(10)).unwrap();
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                n += 1;
                let tx = conn.transaction().unwrap();
                // Two rows that always change together, and a growing note.
                for key in ["test.a", "test.b"] {
                    tx.execute(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        rusqlite::params![key, n.to_string()],
                    )
                    .unwrap();
                }
                tx.execute(
                    "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, body, created_at, updated_at)
                     VALUES (?1, 'note', '2026-11-27', 2026, 2026, 48, ?2, 'x', 'x')",
                    rusqlite::params![format!("w{n}"), "x".repeat(2000)],
                )
                .unwrap();
                tx.commit().unwrap();
            }
            n
        })
    };
    std::thread::sleep(Duration::from_millis(50));
    let mut seen = Vec::new();
    for i in 0..15 {
        let info = back_up(
            &data,
            BackupKind::Manual,
            at("2026-11-27 10:00") + Days::seconds(i),
            DEFAULT_WAIT,
        )
        .unwrap();
        let conn = Connection::open(&info.path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let get = |k: &str| -> Option<String> {
            conn.query_row("SELECT value FROM setting WHERE key = ?1", [k], |r| {
                r.get(0)
            })
            .ok()
        };
        let (a, b) = (get("test.a"), get("test.b"));
        assert_eq!(a, b, "a snapshot never sees half a transaction");
        let written: i64 = conn
            .query_row("SELECT count(*) FROM entry WHERE uid LIKE 'w%'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(a.map(|v| v.parse::<i64>().unwrap()).unwrap_or(0), written);
        // The full-text index agrees with the table.
        conn.execute_batch("INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')")
            .unwrap();
        seen.push(written);
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let total = writer.join().unwrap();
    assert!(total > 0);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        seen.last().unwrap() > seen.first().unwrap(),
        "writes went on during backups: {seen:?}"
    );
}

// ---- Restore ----

#[test]
fn restore_round_trip_brings_back_exactly_what_was_backed_up() {
    let (dir, mut s) = with_history();
    let data = dir.path().to_path_buf();
    let original = dump_dir(&data);
    let backup = back_up(
        &data,
        BackupKind::Manual,
        at("2026-11-27 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();

    // Change things after the backup.
    s.create_note(&note("2026-11-28", "written after the backup"))
        .unwrap();
    let p = s
        .add_person(&PersonInput {
            name: "Ny Kollega".into(),
            ..Default::default()
        })
        .unwrap();
    // Archived, not erased: an erasure reaches the backups too (see
    // tests/people.rs), so it could not be undone by a restore.
    let first = s.people(true).unwrap()[0].id;
    s.archive_person(
        first,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        None,
    )
    .unwrap();
    let changed = dump_dir(&data);
    assert_ne!(changed, original);

    let out = restore(&mut s, Path::new(&backup.path), at("2026-11-28 09:00")).unwrap();
    assert_eq!(out.restored, backup);
    assert_eq!(out.before.kind, BackupKind::BeforeRestore);
    assert_eq!(
        out.before.file_name,
        "tillid-2026-11-28_09-00-00-before-restore.sqlite3"
    );
    drop(s);
    assert_eq!(dump_dir(&data), original, "content identical");

    // The store reopens normally and sees the restored data.
    let s = Store::open(&data).unwrap();
    assert!(s.search("written after", None).unwrap().is_empty());
    assert!(s.person(p.id).is_err());
    assert!(s.person(first).unwrap().archived_at.is_none());

    // The state before the restore was kept, and can itself be restored.
    let before = backup_info(Path::new(&out.before.path)).unwrap();
    assert_eq!(before.counts.notes, backup.counts.notes + 1);
    let mut s = s;
    restore(&mut s, Path::new(&out.before.path), at("2026-11-28 09:05")).unwrap();
    drop(s);
    assert_eq!(dump_dir(&data), changed);
    // The chosen backup file itself was only read.
    assert_eq!(backup_info(Path::new(&backup.path)).unwrap(), backup);
}

#[test]
fn another_connection_sees_the_restored_data() {
    let (dir, mut s) = with_history();
    let backup = back_up(
        dir.path(),
        BackupKind::Manual,
        at("2026-11-27 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();
    s.create_note(&note("2026-11-28", "later")).unwrap();
    let other = Store::open(dir.path()).unwrap();
    let n = |st: &Store| st.stats(day("2026-11-28")).unwrap().notes;
    assert_eq!(n(&other), backup.counts.notes + 1);
    restore(&mut s, Path::new(&backup.path), at("2026-11-28 09:00")).unwrap();
    assert_eq!(n(&other), backup.counts.notes);
}

#[test]
fn restoring_an_older_schema_migrates_it() {
    // A database as the first version of Tillid wrote it.
    let old_dir = tempfile::tempdir().unwrap();
    let old = old_dir
        .path()
        .join("tillid-2025-06-01_10-00-00-auto.sqlite3");
    {
        let mut conn = Connection::open(&old).unwrap();
        tillid_core::storage::migrations::migrations()
            .to_version(&mut conn, 1)
            .unwrap();
        conn.execute(
            "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, happened, status, created_at, updated_at)
             VALUES ('r1', 'reflection', '2025-06-01', 2025, 2025, 22, 'Jeg gav slip.', 'done', 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let info = backup_info(&old).unwrap();
    assert_eq!(info.schema_version, 1);
    assert_eq!(info.counts.reflections, 1);
    assert_eq!(
        info.counts.people, 0,
        "no people table yet: counted as none"
    );
    assert_eq!(info.kind, BackupKind::Automatic);

    let (dir, mut s) = with_history();
    restore(&mut s, &old, at("2026-11-28 09:00")).unwrap();
    drop(s);
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(
        s.schema_version().unwrap(),
        tillid_core::storage::migrations::latest_version()
    );
    let r = s
        .reflection(tillid_core::IsoWeek::new(2025, 22).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(r.content.happened, "Jeg gav slip.");
    assert!(s.people(true).unwrap().is_empty());
    // The old file was not migrated in place.
    assert_eq!(backup_info(&old).unwrap().schema_version, 1);
}

/// The database file and its WAL, after a checkpoint, as bytes.
fn live_bytes(data: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let wal = data.join(format!("{DB_FILE_NAME}-wal"));
    (
        std::fs::read(data.join(DB_FILE_NAME)).unwrap(),
        std::fs::read(wal).ok(),
    )
}

#[test]
fn refused_restores_leave_the_current_data_byte_identical() {
    let (dir, mut s) = with_history();
    let data = dir.path().to_path_buf();
    let good = back_up(
        &data,
        BackupKind::Manual,
        at("2026-11-27 10:00"),
        DEFAULT_WAIT,
    )
    .unwrap();
    let files = tempfile::tempdir().unwrap();

    // Not a Tillid backup: text, an empty file, a folder, another program's SQLite file.
    let text = files.path().join("notes.txt");
    std::fs::write(&text, "Kære dagbog\n".repeat(100)).unwrap();
    let empty = files.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    let other_app = files.path().join("other.sqlite3");
    Connection::open(&other_app)
        .unwrap()
        .execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY); PRAGMA user_version = 3;")
        .unwrap();
    // Truncated: half of a real backup; and damaged: pages overwritten.
    let bytes = std::fs::read(&good.path).unwrap();
    let truncated = files.path().join("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let header_only = files.path().join("header-only.sqlite3");
    std::fs::write(&header_only, &bytes[..60]).unwrap();
    let mut scrambled = bytes.clone();
    for b in &mut scrambled[4096 * 2..4096 * 6] {
        *b = 0x5A;
    }
    let damaged = files.path().join("damaged.sqlite3");
    std::fs::write(&damaged, &scrambled).unwrap();
    // From a newer version.
    let newer = files.path().join("newer.sqlite3");
    std::fs::copy(&good.path, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();

    s.create_note(&note("2026-11-28", "must survive every refusal"))
        .unwrap();
    // Make the file on disk the whole truth before comparing bytes.
    let conn = Connection::open(data.join(DB_FILE_NAME)).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    let before = live_bytes(&data);
    let backups_before = names_in(&backups_dir(&data));

    let cases: [(&Path, &str); 8] = [
        (&text, "not_a_backup"),
        (&empty, "not_a_backup"),
        (files.path(), "not_a_backup"),
        (&other_app, "not_a_backup"),
        (&truncated, "damaged_backup"),
        (&header_only, "damaged_backup"),
        (&damaged, "damaged_backup"),
        (&newer, "newer_backup"),
    ];
    for (file, code) in cases {
        let err = restore(&mut s, file, at("2026-11-28 09:00")).unwrap_err();
        assert_eq!(err.code(), code, "{}: {err}", file.display());
        assert_eq!(backup_info(file).unwrap_err().code(), code);
        if code != "not_a_backup" || file.is_file() {
            assert_eq!(err.path().map(|p| p.as_path()), Some(file));
        }
        assert!(
            live_bytes(&data) == before,
            "{}: data changed",
            file.display()
        );
        assert_eq!(
            names_in(&backups_dir(&data)),
            backups_before,
            "no backup was made"
        );
    }
    match restore(&mut s, &newer, at("2026-11-28 09:00")) {
        Err(CoreError::NewerBackup {
            found, supported, ..
        }) => {
            assert_eq!(found, 99);
            assert_eq!(
                supported,
                tillid_core::storage::migrations::latest_version()
            );
        }
        other => panic!("expected NewerBackup, got {other:?}"),
    }
    assert!(matches!(
        restore(
            &mut s,
            &files.path().join("missing.sqlite3"),
            at("2026-11-28 09:00")
        ),
        Err(CoreError::NotFound(_))
    ));
    // The store still works and still holds the note.
    assert_eq!(s.search("refusal", None).unwrap().len(), 1);
}

#[test]
fn a_copy_of_a_live_database_in_wal_mode_can_be_read_and_restored() {
    let (dir, s) = with_history();
    drop(s);
    let files = tempfile::tempdir().unwrap();
    let copy = files.path().join("copied by hand.sqlite3");
    std::fs::copy(dir.path().join(DB_FILE_NAME), &copy).unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    assert_eq!((bytes[18], bytes[19]), (2, 2), "a WAL-mode file");
    let info = backup_info(&copy).unwrap();
    assert!(info.counts.reflections > 0);
    assert_eq!(
        names_in(files.path()),
        vec!["copied by hand.sqlite3"],
        "no -wal or -shm made"
    );

    let other = tempfile::tempdir().unwrap();
    let mut s = Store::open(other.path()).unwrap();
    restore(&mut s, &copy, at("2026-11-28 09:00")).unwrap();
    drop(s);
    assert_eq!(dump_dir(other.path()), dump_dir(dir.path()));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        bytes,
        "the chosen file is only read"
    );
}

#[test]
fn data_locations_name_the_database_and_the_backups_folder() {
    let loc = backup::data_locations(Path::new("/data"));
    assert_eq!(loc.data_dir, "/data");
    assert!(loc.database.ends_with(DB_FILE_NAME));
    assert!(loc.backups.ends_with("backups"));
}
