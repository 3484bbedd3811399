//! `tillid search QUERY...`: full-text search in reflections and notes.

use super::Result;
use crate::parse::{number, string, usage, ArgError};
use lexopt::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;
use tillid_core::journal::model::EntryKind;
use tillid_core::journal::search::{MARK_END, MARK_START};
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] search QUERY... [--json] [--limit N]

Finds reflections and notes containing every word (as a prefix). Quotes,
brackets and words like AND or NEAR are searched as plain words.

Options:
  --json       Print a JSON array of hits: id, kind, date, week, title, snippet
  --limit N    At most N hits (default 50, at most 500)
";

#[derive(Debug)]
pub struct Args {
    pub query: String,
    pub json: bool,
    pub limit: Option<u32>,
}

/// Parses the arguments after `search`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let (mut words, mut json, mut limit) = (Vec::new(), false, None);
    while let Some(a) = p.next()? {
        match a {
            Long("json") => json = true,
            Long("limit") => limit = Some(number(p, "--limit")?),
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            Value(v) => words.push(string(v)?),
            other => return Err(other.unexpected().into()),
        }
    }
    if words.is_empty() {
        return Err(usage("search needs a QUERY"));
    }
    Ok(Args {
        query: words.join(" "),
        json,
        limit,
    })
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let hits = store.search(&a.query, a.limit)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
    } else if hits.is_empty() {
        eprintln!("No matches.");
    } else {
        // One write for the whole list, not one per line.
        let mut out = String::new();
        for h in hits {
            let snippet: String = h
                .snippet
                .chars()
                .map(|c| match c {
                    MARK_START | MARK_END => '*',
                    '\n' => ' ',
                    c => c,
                })
                .collect();
            let label = match h.kind {
                EntryKind::Reflection => format!("reflection {}", h.week),
                EntryKind::Note => format!("note {}", h.date),
            };
            let title = if h.title.is_empty() {
                String::new()
            } else {
                format!(" · {}", h.title)
            };
            let _ = writeln!(out, "[{}] {label}{title}\n    {snippet}", h.id);
        }
        print!("{out}");
    }
    Ok(())
}
