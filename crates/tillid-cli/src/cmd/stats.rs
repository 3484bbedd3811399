//! `tillid stats`: counts of reflections and notes, weeks reflected and the
//! current streak.

use super::Result;
use crate::parse::ArgError;
use lexopt::prelude::*;
use std::path::PathBuf;
use tillid_core::clock;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] stats [--json]

Counts of reflections and notes, weeks reflected (reflections marked done)
and the current streak of done weeks.

Options:
  --json  Print JSON: {\"reflections\", \"notes\", \"weeks_reflected\", \"current_streak\"}
";

#[derive(Debug)]
pub struct Args {
    pub json: bool,
}

/// Parses the arguments after `stats`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let mut json = false;
    while let Some(a) = p.next()? {
        match a {
            Long("json") => json = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Args { json })
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let s = store.stats(clock::today())?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        println!("Reflections:     {}", s.reflections);
        println!("Notes:           {}", s.notes);
        println!("Weeks reflected: {}", s.weeks_reflected);
        println!("Current streak:  {} week(s)", s.current_streak);
    }
    Ok(())
}
