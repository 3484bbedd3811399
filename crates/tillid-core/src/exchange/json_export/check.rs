//! Checking each record before anything is written: kinds, ranges, sizes,
//! with the record's uid in the message.

use super::from_file::Item;
use super::records::{XEntry, XPerson};
use crate::error::{CoreError, Result};
use crate::storage::store::check_size;
use crate::week::{parse_date, IsoWeek};

pub(super) fn invalid(field: &str, reason: impl Into<String>) -> CoreError {
    CoreError::Invalid {
        field: field.into(),
        reason: reason.into(),
    }
}

pub(super) fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            field,
            format!("\"{value}\" is not one of {}", allowed.join(", ")),
        ))
    }
}

pub(super) fn not_blank(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(invalid(field, "must not be empty"))
    } else {
        Ok(())
    }
}

pub(super) fn in_range(field: &str, v: Option<u8>, lo: u8, hi: u8) -> Result<()> {
    match v {
        Some(n) if !(lo..=hi).contains(&n) => {
            Err(invalid(field, format!("{n} is not between {lo} and {hi}")))
        }
        _ => Ok(()),
    }
}

pub(super) fn sizes(fields: &[(&str, &str)]) -> Result<()> {
    for (f, t) in fields {
        check_size(f, t)?;
    }
    Ok(())
}

/// Prefixes a check's error with the record it is about.
pub(super) fn about(what: &str, uid: &str, r: Result<()>) -> Result<()> {
    r.map_err(|e| invalid(&format!("{what} {uid}"), e.to_string()))
}

pub(super) const CONVERSATION_KINDS: &[&str] = &["one_on_one", "mus", "feedback", "expectations"];

pub(super) fn check_entry(e: &XEntry) -> Result<()> {
    not_blank("uid", &e.uid)?;
    about(
        "entry",
        &e.uid,
        (|| {
            one_of("kind", &e.kind, &["reflection", "note"])?;
            if e.kind == "reflection" {
                let week = e
                    .week
                    .as_deref()
                    .ok_or_else(|| invalid("week", "a reflection needs its week"))?;
                IsoWeek::parse(week)?;
                if e.date.is_some() {
                    return Err(invalid("date", "a reflection has a week, not a date"));
                }
            } else {
                let date = e
                    .date
                    .as_deref()
                    .ok_or_else(|| invalid("date", "a note needs its date"))?;
                parse_date(date)?;
                if e.week.is_some() {
                    return Err(invalid("week", "a note has a date, not a week"));
                }
            }
            if let Some(s) = &e.status {
                one_of("status", s, &["draft", "done"])?;
            }
            for (f, v) in [
                ("rating_org", e.rating_org),
                ("rating_rel", e.rating_rel),
                ("rating_ind", e.rating_ind),
                ("energy", e.energy),
            ] {
                in_range(f, v, 1, 5)?;
            }
            sizes(&[
                ("title", &e.title),
                ("body", &e.body),
                ("followup", &e.followup),
                ("happened", &e.happened),
                ("trust_control", &e.trust_control),
                ("learned", &e.learned),
                ("next_try", &e.next_try),
                ("checkup", &e.checkup),
            ])
        })(),
    )
}

pub(super) fn check_person(p: &XPerson) -> Result<()> {
    not_blank("uid", &p.uid)?;
    about(
        "person",
        &p.uid,
        (|| {
            not_blank("name", &p.name)?;
            if !(1..=52).contains(&p.cadence_weeks) {
                return Err(invalid(
                    "cadence_weeks",
                    format!("{} is not between 1 and 52", p.cadence_weeks),
                ));
            }
            if let Some(d) = &p.start_date {
                parse_date(d)?;
            }
            sizes(&[
                ("name", &p.name),
                ("role", &p.role),
                ("working_style", &p.working_style),
            ])
        })(),
    )?;
    for c in &p.conversations {
        not_blank("uid", &c.uid)?;
        about(
            "conversation",
            &c.uid,
            (|| {
                one_of("kind", &c.kind, CONVERSATION_KINDS)?;
                parse_date(&c.date)?;
                sizes(&[("agenda", &c.agenda), ("notes", &c.notes)])?;
                for (k, v) in &c.sections {
                    check_size(k, v)?;
                }
                Ok(())
            })(),
        )?;
    }
    for a in &p.agreements {
        not_blank("uid", &a.uid)?;
        about(
            "agreement",
            &a.uid,
            (|| {
                not_blank("text", &a.text)?;
                check_size("text", &a.text)?;
                one_of("owner", &a.owner, &["me", "them", "both"])?;
                one_of("status", &a.status, &["open", "done", "dropped"])?;
                if let Some(d) = &a.due_date {
                    parse_date(d)?;
                }
                for ev in &a.events {
                    one_of(
                        "action",
                        &ev.action,
                        &["made", "kept", "done", "dropped", "reopened"],
                    )?;
                    parse_date(&ev.on_date)?;
                }
                Ok(())
            })(),
        )?;
    }
    for fb in &p.feedback {
        not_blank("uid", &fb.uid)?;
        about(
            "feedback",
            &fb.uid,
            (|| {
                parse_date(&fb.date)?;
                one_of("direction", &fb.direction, &["given", "received"])?;
                one_of("tone", &fb.tone, &["appreciative", "developmental"])?;
                sizes(&[
                    ("situation", &fb.situation),
                    ("behaviour", &fb.behaviour),
                    ("impact", &fb.impact),
                ])
            })(),
        )?;
    }
    for x in &p.expectations {
        not_blank("uid", &x.uid)?;
        about(
            "expectation",
            &x.uid,
            (|| {
                not_blank("area", &x.area)?;
                in_range("agreed_level", Some(x.agreed_level), 1, 7)?;
                sizes(&[
                    ("area", &x.area),
                    ("task", &x.task),
                    ("frame", &x.frame),
                    ("success_criteria", &x.success_criteria),
                    ("checkin_cadence", &x.checkin_cadence),
                ])?;
                for l in &x.delegation_log {
                    IsoWeek::parse(&l.week)?;
                    in_range("acted_level", Some(l.acted_level), 1, 7)?;
                    check_size("note", &l.note)?;
                }
                Ok(())
            })(),
        )?;
    }
    Ok(())
}

pub(super) fn check_item(item: &Item) -> Result<()> {
    match item {
        Item::Settings(s) => {
            for (k, v) in s {
                not_blank("setting", k)?;
                check_size(k, v)?;
            }
            Ok(())
        }
        Item::Entry(e) => check_entry(e),
        Item::Person(p) => check_person(p),
        Item::ProgramWeek(w) => about(
            "program week",
            &w.week,
            (|| {
                IsoWeek::parse(&w.week)?;
                not_blank("exercise_id", &w.exercise_id)?;
                one_of(
                    "state",
                    &w.state,
                    &["proposed", "swapped", "skipped", "done"],
                )
            })(),
        ),
        Item::Template(t) => {
            not_blank("uid", &t.uid)?;
            about(
                "template",
                &t.uid,
                (|| {
                    one_of("kind", &t.kind, CONVERSATION_KINDS)?;
                    not_blank("name", &t.name)?;
                    sizes(&[("name", &t.name), ("body", &t.body)])
                })(),
            )
        }
    }
}
