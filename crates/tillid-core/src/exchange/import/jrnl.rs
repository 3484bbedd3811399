//! jrnl's JSON export (`jrnl --export json`, jrnl 2.x–4.x):
//!
//! ```json
//! {"tags": {"@work": 2},
//!  "entries": [{"title": "…", "body": "…", "date": "2024-01-31", "time": "09:15",
//!               "tags": ["@work"], "starred": false, "uuid": "…"}]}
//! ```
//!
//! (`uuid` and `creator` appear only for journals kept in Day One's format.)
//! Each entry becomes a note on its date with its title and body; its tags
//! lose jrnl's tag symbol (`@work` → `work`) and a starred entry gets the tag
//! `starred`. The date and time become the note's creation time, read in
//! this computer's time zone (jrnl stores no zone). The file is read as a
//! stream, twice: once to check and count it, once to import.

use super::{
    json_error, open_file, parse_json, source_tag, stamp, EachElement, ImportProgress,
    ImportSummary, ImportedNote, Lines, NoteSink, Progress, Stop,
};
use crate::error::Result;
use crate::storage::store::{check_size, Store};
use chrono::{Local, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct JrnlEntry {
    title: String,
    #[serde(default)]
    body: String,
    #[serde(deserialize_with = "date")]
    date: NaiveDate,
    #[serde(default, deserialize_with = "time")]
    time: Option<NaiveTime>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    uuid: Option<String>,
}

fn date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| de::Error::custom(format!("\"{s}\" is not a date (YYYY-MM-DD)")))
}

fn time<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<NaiveTime>, D::Error> {
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| de::Error::custom(format!("\"{s}\" is not a time (HH:MM)")))
}

/// The top-level object: `entries` is streamed, everything else skipped.
struct JrnlDoc<'f, F> {
    f: &'f mut F,
    stopped: &'f mut Option<Stop>,
    lines: &'f Lines,
}

impl<'de, F: FnMut(JrnlEntry) -> Result<()>> DeserializeSeed<'de> for JrnlDoc<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(JrnlEntry) -> Result<()>> Visitor<'de> for JrnlDoc<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("jrnl's JSON export (an object with an \"entries\" list)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "format" {
                let v: serde_json::Value = map.next_value()?;
                if v == crate::exchange::reading::FORMAT {
                    return Err(de::Error::custom(
                        "this is Tillid's own export, not jrnl's; import it as json (tillid import json)",
                    ));
                }
            } else if key == "entries" {
                map.next_value_seed(EachElement::<JrnlEntry, F>::new(
                    "jrnl entries",
                    &mut *self.f,
                    &mut *self.stopped,
                    self.lines,
                ))?;
                found = true;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        if !found {
            return Err(de::Error::custom(
                "there is no \"entries\" list; is this jrnl's JSON export (jrnl --export json)?",
            ));
        }
        Ok(())
    }
}

/// Runs `f` over every entry of the file at `path`.
fn each_entry(path: &Path, mut f: impl FnMut(JrnlEntry) -> Result<()>) -> Result<()> {
    let mut stopped = None;
    let lines = Lines::default();
    let reader = open_file(path)?;
    let res = parse_json(
        reader,
        &lines,
        JrnlDoc {
            f: &mut f,
            stopped: &mut stopped,
            lines: &lines,
        },
    );
    res.map_err(|e| json_error(path, e, stopped.take()))
}

fn to_note(e: JrnlEntry) -> (Option<String>, ImportedNote) {
    let naive = e.date.and_time(e.time.unwrap_or(NaiveTime::MIN));
    let at = Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive));
    let mut tags: Vec<String> = e.tags.iter().map(|t| source_tag(t)).collect();
    if e.starred {
        tags.push("starred".into());
    }
    let uuid = e.uuid.filter(|u| !u.trim().is_empty());
    (
        uuid,
        ImportedNote {
            date: e.date,
            title: e.title.trim().to_string(),
            body: e.body.trim_end().to_string(),
            tags,
            created_at: stamp(at),
            updated_at: stamp(at),
        },
    )
}

pub(crate) fn import(
    store: &mut Store,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    let mut total: u32 = 0;
    each_entry(path, |e| {
        check_size("title", &e.title)?;
        check_size("body", &e.body)?;
        total = total.saturating_add(1);
        Ok(())
    })?;
    let tx = store.conn.transaction()?;
    let summary = {
        let mut sink = NoteSink::new(&tx, "jrnl");
        let mut prog = Progress::new(progress, total);
        each_entry(path, |e| {
            let (uuid, note) = to_note(e);
            let uid = match uuid {
                Some(u) => sink.source_uid(&u),
                None => sink.content_uid(&note),
            };
            sink.add(&uid, &note)?;
            prog.tick();
            Ok(())
        })?;
        sink.summary
    };
    tx.commit()?;
    Ok(summary)
}
