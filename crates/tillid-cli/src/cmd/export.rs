//! `tillid export`: the development log for the leadership course (PDF,
//! DOCX, HTML or Markdown) on the core's `devlog` module, exactly as the app
//! writes it; `--format json` is the full lossless export.

use super::Result;
use crate::parse::{date, text, usage, ArgError};
use lexopt::prelude::*;
use std::path::{Path, PathBuf};
use tillid_core::documents::devlog::{DevLogOptions, DevLogPeriod, PeopleMode, ReflectionDetail};
use tillid_core::documents::render::ExportFormat;
use tillid_core::locale::Lang;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] export --from YYYY-MM-DD [--to YYYY-MM-DD]
         --format pdf|docx|html|md|json [--people pseudonymize|omit|named]
         [--include-conversations] -o FILE [OPTIONS]

Writes the development log for the leadership course: the weekly
reflections, exercises done with their answers, statistics on agreements,
charts of trust versus control (per level) and energy, exercises per theme,
and a closing page of learnings and next experiments. The same document as
the app's \"Course log\".

People are pseudonymised by default: each person becomes a fixed
\"Medarbejder A\" / \"Employee A\" (in the order they were added), also where
their full, first or last name stands in free text and tags. With --people
omit, everything tied to a person is left out and names in the text become
[navn] / [name]. --people named keeps real names. Notes from 1:1s and MUS
are only included with --include-conversations.

A period with nothing in it is refused; so is a FILE that cannot be written
(nothing is left behind: the file is written under a temporary name first).

Options:
  --from YYYY-MM-DD        First day of the period (since a course module, say)
  --to YYYY-MM-DD          Last day of the period (default: today)
  --months N               The last N months instead of --from/--to
  --format FORMAT          pdf, docx, html, md (Markdown), or json: everything,
                           losslessly (period and people options do not apply)
  --people MODE            pseudonymize (default), omit or named
  --include-conversations  Include the notes of 1:1s, MUS and other conversations
  --learnings-only         Of each reflection only \"what did I learn?\" and
                           \"what will I try next week?\"
  --no-reflections         Leave out the weekly reflections
  --no-exercises           Leave out the exercises and their answers
  --no-agreements          Leave out the statistics on agreements
  --no-charts              Leave out the charts
  --no-summary             Leave out the closing page
  --author NAME            Your name on the cover (default: the one last used
                           in the app; --author \"\" for none)
  --lang da|en             Language of the log (default: the app's setting)
  -o, --out FILE           The file to write
  --force                  Replace FILE if it exists
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Document(ExportFormat),
    Json,
}

#[derive(Debug)]
pub struct Args {
    pub target: Target,
    pub options: DevLogOptions,
    /// `None`: the name last used in the app.
    pub author: Option<String>,
    pub lang: Option<Lang>,
    pub out: PathBuf,
    pub force: bool,
}

/// Parses the arguments after `export`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let mut o = DevLogOptions::default();
    let (mut from, mut to, mut months) = (None, None, None);
    let (mut target, mut out, mut lang, mut author, mut force) = (None, None, None, None, false);
    let mut people = None;
    while let Some(a) = p.next()? {
        match a {
            Long("from") => from = Some(date(p, "--from")?),
            Long("to") => to = Some(date(p, "--to")?),
            Long("months") => {
                let v = text(p)?;
                months = Some(
                    v.parse::<u32>()
                        .ok()
                        .filter(|m| (1..=120).contains(m))
                        .ok_or_else(|| usage("--months needs a whole number from 1 to 120"))?,
                );
            }
            Long("format") => {
                let v = text(p)?;
                target = Some(match v.to_ascii_lowercase().as_str() {
                    "json" => Target::Json,
                    other => Target::Document(ExportFormat::parse(other).ok_or_else(|| {
                        usage(format!(
                            "--format must be pdf, docx, html, md or json, not '{v}'"
                        ))
                    })?),
                });
            }
            Long("people") => {
                let v = text(p)?;
                people = Some(match v.as_str() {
                    "pseudonymize" | "pseudonymise" | "pseudonyms" => PeopleMode::Pseudonymize,
                    "omit" => PeopleMode::Omit,
                    "named" => PeopleMode::Named,
                    _ => {
                        return Err(usage(format!(
                            "--people must be pseudonymize, omit or named, not '{v}'"
                        )))
                    }
                });
            }
            Long("include-conversations") => o.include_conversations = true,
            Long("learnings-only") => o.reflection_detail = ReflectionDetail::Learnings,
            Long("no-reflections") => o.reflections = false,
            Long("no-exercises") => o.exercises = false,
            Long("no-agreements") => o.agreement_stats = false,
            Long("no-charts") => {
                o.charts = false;
                o.theme_chart = false;
            }
            Long("no-summary") => o.summary = false,
            Long("author") => author = Some(text(p)?),
            Long("lang") => {
                lang = Some(match text(p)?.as_str() {
                    "da" => Lang::Da,
                    "en" => Lang::En,
                    _ => return Err(usage("--lang must be da or en")),
                })
            }
            Short('o') | Long("out") => out = Some(PathBuf::from(p.value()?)),
            Long("force") => force = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            other => return Err(other.unexpected().into()),
        }
    }
    let target = target.ok_or_else(|| usage("export needs --format pdf|docx|html|md|json"))?;
    let out = out.ok_or_else(|| usage("export needs -o FILE"))?;
    if let Target::Document(_) = target {
        o.period = match (from, to, months) {
            (None, None, Some(months)) => DevLogPeriod::LastMonths { months },
            (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
                return Err(usage("use either --months or --from/--to, not both"))
            }
            (Some(from), None, None) => DevLogPeriod::Since { from },
            (Some(from), Some(to), None) => DevLogPeriod::Custom { from, to },
            (None, _, None) => return Err(usage("export needs --from YYYY-MM-DD (or --months N)")),
        };
    }
    if let Some(mode) = people {
        o.people = mode;
        // Asking for real names on the command line is the confirmation.
        o.named_confirmed = mode == PeopleMode::Named;
    }
    Ok(Args {
        target,
        options: o,
        author,
        lang,
        out,
        force,
    })
}

/// Writes the log (or the lossless JSON) to the chosen file.
pub fn run(store: &mut Store, mut a: Args) -> Result<()> {
    if a.out.exists() && !a.force {
        return Err(format!(
            "{} already exists; choose another file or add --force to replace it",
            a.out.display()
        )
        .into());
    }
    let format = match a.target {
        Target::Document(f) => f,
        Target::Json => return export_json(store, &a.out),
    };
    let lang = store.lang_of(a.lang)?;
    a.options.author = match a.author {
        Some(name) => name,
        None => store.devlog_author()?,
    };
    let log = store.devlog(&a.options, lang, tillid_core::clock::today())?;
    let bytes = tillid_core::documents::devlog::write_devlog(&log, format, &a.out, |_| {})?;
    let c = &log.counts;
    let people = match a.options.people {
        PeopleMode::Pseudonymize => "people pseudonymised",
        PeopleMode::Omit => "people left out",
        PeopleMode::Named => "people named",
    };
    println!(
        "Wrote {} ({} KB): {} to {}; {} reflection(s), {} exercise(s), {} conversation(s); {people}.",
        a.out.display(),
        bytes.div_ceil(1024),
        log.from,
        log.to,
        c.reflections,
        c.exercises,
        c.conversations
    );
    Ok(())
}

/// `tillid export --format json -o FILE`: everything, losslessly, written
/// atomically. The caller decides whether an existing FILE may be replaced.
fn export_json(store: &Store, out: &Path) -> Result<()> {
    store.export_json_file(out)?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!(
        "Wrote {} ({} KB): everything in Tillid, as lossless JSON (tillid import json reads it back).",
        out.display(),
        size.div_ceil(1024)
    );
    Ok(())
}
