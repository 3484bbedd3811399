//! `tillid demo`: fill an empty data folder with a fictional history.

use super::Result;
use crate::parse::{number, usage, ArgError};
use lexopt::prelude::*;
use std::path::PathBuf;
use tillid_core::clock;
use tillid_core::demo::DemoOptions;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] demo [--weeks N] [--notes-per-week M]

Fills an EMPTY data folder with a fictional history ending this week:
reflections and notes in Danish and English, and a team of eight people with
a year of 1:1s, a MUS each, agreements in every state, feedback and
expectations. Refuses a folder that holds entries or people.

Options:
  --weeks N           Weeks of history (default 26)
  --notes-per-week M  Notes in each week (default 2)
";

#[derive(Debug)]
pub struct Args {
    pub weeks: u32,
    pub notes_per_week: u32,
}

/// Parses the arguments after `demo`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let (mut weeks, mut notes_per_week) = (26, 2);
    while let Some(a) = p.next()? {
        match a {
            Long("weeks") => weeks = number(p, "--weeks")?,
            Long("notes-per-week") => notes_per_week = number(p, "--notes-per-week")?,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            other => return Err(other.unexpected().into()),
        }
    }
    if weeks == 0 {
        return Err(usage("--weeks must be at least 1"));
    }
    Ok(Args {
        weeks,
        notes_per_week,
    })
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let s = store.fill_demo(&DemoOptions {
        weeks: a.weeks,
        notes_per_week: a.notes_per_week,
        today: clock::today(),
        seed: 0x711D,
    })?;
    println!(
        "Added {} reflections, {} notes and a fictional team of {} people to {}",
        s.reflections,
        s.notes,
        store.people(true)?.len(),
        store.dir().display()
    );
    Ok(())
}
