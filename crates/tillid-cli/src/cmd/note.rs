//! `tillid note add`: quick capture of a journal note.

use super::Result;
use crate::parse::{string, usage, ArgError};
use lexopt::prelude::*;
use std::io::Read;
use std::path::PathBuf;
use tillid_core::clock;
use tillid_core::journal::model::NoteInput;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] note add [--date YYYY-MM-DD] [--title T] [--tag T]... [TEXT | -]

Adds a journal note. The body is TEXT, or standard input when TEXT is '-'
or left out. The date defaults to today.
";

#[derive(Debug)]
pub struct Args {
    pub date: Option<String>,
    pub title: String,
    pub tags: Vec<String>,
    /// `None`: read the body from standard input.
    pub text: Option<String>,
}

/// Parses the arguments after `note` (`add`, then its options).
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    match p.next()? {
        Some(Value(v)) if v == "add" => {}
        Some(Short('h') | Long("help")) => return Err(ArgError::Help(HELP)),
        _ => return Err(usage("note needs a subcommand: note add")),
    }
    let (mut date, mut title, mut tags, mut text) = (None, String::new(), Vec::new(), None);
    while let Some(a) = p.next()? {
        match a {
            Long("date") => date = Some(string(p.value()?)?),
            Long("title") => title = string(p.value()?)?,
            Long("tag") => tags.push(string(p.value()?)?),
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            Value(v) if text.is_none() => text = Some(string(v)?),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Args {
        date,
        title,
        tags,
        text: text.filter(|t| t != "-"),
    })
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let body = match a.text {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let date = a.date.unwrap_or_else(|| clock::today().to_string());
    let n = store.create_note(&NoteInput {
        date,
        title: a.title,
        body: body.trim_end().to_string(),
        tags: a.tags,
    })?;
    println!("Added note {} on {}", n.id, n.date);
    Ok(())
}
