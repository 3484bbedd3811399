//! `tillid program`: this week's proposed exercise and progress per theme.

use super::Result;
use crate::lang::pick_lang;
use crate::parse::{json_and_lang, ArgError, JsonAndLang};
use std::path::PathBuf;
use tillid_core::clock;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] program [--json] [--lang da|en]

Shows this week's exercise (proposing one if the week has none yet, exactly
as the app does) and progress per theme.

Options:
  --json          Print {\"week\", \"exercise_id\", \"state\", \"title\", \"theme\",
                  \"answers\", \"progress\": [{\"theme\", \"done\", \"total\"}]}
  --lang da|en    Language of the texts
";

pub type Args = JsonAndLang;

/// Parses the arguments after `program`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    json_and_lang(p, data_dir, HELP)
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let lang = pick_lang(store, a.lang.as_deref())?;
    let week = tillid_core::IsoWeek::containing(clock::today());
    let w = store.program_week(week, lang)?;
    let progress = store.program_progress(lang)?;
    if a.json {
        let mut v = serde_json::to_value(&w)?;
        v["progress"] = serde_json::to_value(&progress)?;
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "Week {}: {} [{}] ({:?})",
            week.week, w.title, w.theme, w.state
        );
        if let Some(e) = &w.exercise {
            for (i, step) in e.text.steps.iter().enumerate() {
                println!("  {}. {step}", i + 1);
            }
        }
        println!();
        for p in progress {
            println!("  {:<22} {:>2} / {}", p.theme, p.done, p.total);
        }
    }
    Ok(())
}
