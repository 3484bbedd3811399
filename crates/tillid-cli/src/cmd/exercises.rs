//! `tillid exercises`: the weekly program's exercise library.

use super::Result;
use crate::lang::pick_lang;
use crate::parse::{json_and_lang, ArgError, JsonAndLang};
use std::path::PathBuf;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid exercises [--json] [--lang da|en]

Lists the exercise library: id, theme, level, title and framework(s).
The language defaults to the app's setting.

Options:
  --json          Print a JSON array of exercises (id, theme, level, minutes,
                  frameworks, title, why, steps, questions)
  --lang da|en    Language of the titles and texts
";

pub type Args = JsonAndLang;

/// Parses the arguments after `exercises`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    json_and_lang(p, data_dir, HELP)
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let lang = pick_lang(store, a.lang.as_deref())?;
    let library = tillid_core::program::exercises::library(lang);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&library)?);
    } else {
        for e in library {
            println!(
                "{:<38} {:<20} {:<14} {}  [{}]",
                e.id,
                e.theme,
                e.level,
                e.text.title,
                e.frameworks.join("; ")
            );
        }
    }
    Ok(())
}
