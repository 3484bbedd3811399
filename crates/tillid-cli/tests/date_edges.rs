//! The `tillid` binary at each instant of `tests/date-edges.json`, on its
//! real clock path (`TILLID_FAKE_NOW` frozen, `TZ=Europe/Copenhagen`): what
//! `demo` says it added is what `stats` counts, a note without a date is
//! dated today, `program` is on this ISO week, and a backup is named by the
//! local date and time. Expectations come from the table, whose instants
//! carry Copenhagen's offset, so their first 19 characters are local time.

use serde_json::Value;

mod common;
use common::*;

fn edges() -> Vec<Value> {
    let table: Value =
        serde_json::from_str(include_str!("../../../tests/date-edges.json")).unwrap();
    assert_eq!(table["zone"], TEST_TZ);
    table["edges"].as_array().unwrap().clone()
}

#[test]
fn at_every_edge_the_cli_counts_dates_and_names_by_local_time() {
    for e in edges() {
        let at = e["at"].as_str().unwrap();
        let what = e["what"].as_str().unwrap();
        let date = e["date"].as_str().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            let o = tillid_at(at, dir.path(), args);
            assert!(o.status.success(), "{what}: {args:?}: {}", stderr(&o));
            stdout(&o)
        };

        let (reflections, notes) =
            demo_added(&run(&["demo", "--weeks", "8", "--notes-per-week", "2"]));
        let stats: Value = serde_json::from_str(&run(&["stats", "--json"])).unwrap();
        assert_eq!(stats["reflections"].as_u64(), Some(reflections), "{what}");
        assert_eq!(stats["notes"].as_u64(), Some(notes), "{what}");

        let added = run(&["note", "add", "Skrevet i nat"]);
        assert!(
            added.trim_end().ends_with(&format!(" on {date}")),
            "{what}: {added}"
        );

        let program: Value = serde_json::from_str(&run(&["program", "--json"])).unwrap();
        assert_eq!(program["week"]["year"], e["iso_year"], "{what}");
        assert_eq!(program["week"]["week"], e["iso_week"], "{what}");

        run(&["backup"]);
        let local = at[..19].replace('T', "_").replace(':', "-");
        let names: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sqlite3"))
            .collect();
        assert_eq!(names, [format!("tillid-{local}-manual.sqlite3")], "{what}");
    }
}
