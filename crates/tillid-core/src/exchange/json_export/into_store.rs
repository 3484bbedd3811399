//! Writing checked records into the store: skip what is there, add what
//! is new, count both.

use super::check::invalid;
use super::from_file::Item;
use super::records::{XEntry, XPerson};
use crate::error::Result;
use crate::exchange::reading::ImportSummary;
use crate::journal::tags::normalize_tags;
use crate::week::{parse_date, IsoWeek};
use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension};

pub(super) fn count(inserted: bool, s: &mut ImportSummary) -> bool {
    if inserted {
        s.added += 1;
    } else {
        s.skipped += 1;
    }
    inserted
}

pub(super) fn conversation_id(
    tx: &Connection,
    uid: Option<&str>,
    owner: &str,
) -> Result<Option<i64>> {
    let Some(uid) = uid else { return Ok(None) };
    tx.prepare_cached("SELECT id FROM conversation WHERE uid = ?1")?
        .query_row([uid], |r| r.get(0))
        .optional()?
        .map(Some)
        .ok_or_else(|| {
            invalid(
                owner,
                format!("refers to conversation {uid}, which is neither in the file nor in Tillid"),
            )
        })
}

pub(super) fn write_entry(tx: &Connection, e: &XEntry, s: &mut ImportSummary) -> Result<()> {
    let (entry_date, year, week) = if e.kind == "reflection" {
        let w = IsoWeek::parse(e.week.as_deref().unwrap_or_default())?;
        (w.sunday(), w.year, w)
    } else {
        let d = parse_date(e.date.as_deref().unwrap_or_default())?;
        (d, d.year(), IsoWeek::containing(d))
    };
    let id: Option<i64> = tx
        .prepare_cached(
            "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, title, body,
                followup, happened, trust_control, learned, next_try, checkup,
                rating_org, rating_rel, rating_ind, energy, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21)
             ON CONFLICT DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                e.uid,
                e.kind,
                entry_date.to_string(),
                year,
                week.year,
                week.week,
                e.title,
                e.body,
                e.followup,
                e.happened,
                e.trust_control,
                e.learned,
                e.next_try,
                e.checkup,
                e.rating_org,
                e.rating_rel,
                e.rating_ind,
                e.energy,
                e.status.as_deref().unwrap_or("draft"),
                e.created_at,
                e.updated_at
            ],
            |r| r.get(0),
        )
        .optional()?;
    if !count(id.is_some(), s) {
        return Ok(());
    }
    let mut ins =
        tx.prepare_cached("INSERT OR IGNORE INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for t in normalize_tags(&e.tags) {
        ins.execute(params![id, t])?;
    }
    Ok(())
}

pub(super) fn write_person(tx: &Connection, p: &XPerson, s: &mut ImportSummary) -> Result<()> {
    let inserted: Option<i64> = tx
        .prepare_cached(
            "INSERT INTO person (uid, name, role, start_date, working_style, cadence_weeks,
                archived_at, retention_until, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (uid) DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                p.uid,
                p.name,
                p.role,
                p.start_date,
                p.working_style,
                p.cadence_weeks,
                p.archived_at,
                p.retention_until,
                p.created_at,
                p.updated_at
            ],
            |r| r.get(0),
        )
        .optional()?;
    count(inserted.is_some(), s);
    let person_id: i64 = match inserted {
        Some(id) => id,
        None => tx.query_row("SELECT id FROM person WHERE uid = ?1", [&p.uid], |r| {
            r.get(0)
        })?,
    };

    for c in &p.conversations {
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO conversation (uid, person_id, kind, date, agenda, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![c.uid, person_id, c.kind, c.date, c.agenda, c.notes, c.created_at, c.updated_at],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO conversation_section (conversation_id, section, body) VALUES (?1, ?2, ?3)",
            )?;
            for (k, v) in &c.sections {
                ins.execute(params![id, k, v])?;
            }
        }
    }

    for a in &p.agreements {
        let what = format!("agreement {}", a.uid);
        let conv = conversation_id(tx, a.conversation.as_deref(), &what)?;
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO agreement (uid, person_id, conversation_id, text, owner, due_date, status,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![
                    a.uid,
                    person_id,
                    conv,
                    a.text,
                    a.owner,
                    a.due_date,
                    a.status,
                    a.created_at,
                    a.updated_at
                ],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO agreement_event (agreement_id, conversation_id, action, on_date, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for ev in &a.events {
                let conv = conversation_id(tx, ev.conversation.as_deref(), &what)?;
                ins.execute(params![id, conv, ev.action, ev.on_date, ev.created_at])?;
            }
        }
    }

    for f in &p.feedback {
        let n = tx
            .prepare_cached(
                "INSERT INTO feedback (uid, person_id, date, direction, tone, situation, behaviour,
                    impact, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (uid) DO NOTHING",
            )?
            .execute(params![
                f.uid,
                person_id,
                f.date,
                f.direction,
                f.tone,
                f.situation,
                f.behaviour,
                f.impact,
                f.created_at,
                f.updated_at
            ])?;
        count(n == 1, s);
    }

    for x in &p.expectations {
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO expectation (uid, person_id, area, task, frame, success_criteria,
                    checkin_cadence, agreed_level, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![
                    x.uid,
                    person_id,
                    x.area,
                    x.task,
                    x.frame,
                    x.success_criteria,
                    x.checkin_cadence,
                    x.agreed_level,
                    x.created_at,
                    x.updated_at
                ],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO delegation_log (expectation_id, iso_year, iso_week, acted_level, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO NOTHING",
            )?;
            for l in &x.delegation_log {
                let w = IsoWeek::parse(&l.week)?;
                ins.execute(params![id, w.year, w.week, l.acted_level, l.note])?;
            }
        }
    }
    Ok(())
}

pub(super) fn write_item(
    tx: &Connection,
    merge: bool,
    item: Item,
    s: &mut ImportSummary,
) -> Result<()> {
    match item {
        Item::Settings(settings) => {
            let sql = if merge {
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING"
            } else {
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            };
            let mut st = tx.prepare(sql)?;
            for (k, v) in settings {
                count(st.execute(params![k, v])? == 1, s);
            }
            Ok(())
        }
        Item::Entry(e) => write_entry(tx, &e, s),
        Item::Person(p) => write_person(tx, &p, s),
        Item::ProgramWeek(w) => {
            let week = IsoWeek::parse(&w.week)?;
            let answers = match &w.answers {
                serde_json::Value::String(raw) => raw.clone(),
                other => other.to_string(),
            };
            let n = tx
                .prepare_cached(
                    "INSERT INTO program_week (iso_year, iso_week, exercise_id, state, title, theme,
                        answers, done_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![
                    week.year,
                    week.week,
                    w.exercise_id,
                    w.state,
                    w.title,
                    w.theme,
                    answers,
                    w.done_at
                ])?;
            count(n == 1, s);
            Ok(())
        }
        Item::Template(t) => {
            let n = tx
                .prepare_cached(
                    "INSERT INTO own_template (uid, kind, name, body, is_default, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4,
                        ?5 AND NOT EXISTS (SELECT 1 FROM own_template WHERE kind = ?2 AND is_default = 1),
                        ?6, ?7)
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![t.uid, t.kind, t.name, t.body, t.is_default, t.created_at, t.updated_at])?;
            count(n == 1, s);
            Ok(())
        }
    }
}
