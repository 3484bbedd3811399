//! Argument parsing (lexopt): small, explicit, with help on every command.

use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

pub const MAIN_HELP: &str = "\
tillid: a private journal for trust-based leadership (command line)

Usage: tillid [--data-dir DIR] <COMMAND> [OPTIONS]

Commands:
  stats      Counts of reflections and notes, weeks reflected, current streak
  search     Full-text search in reflections and notes
  note add   Quick capture of a journal note
  people     Add, list, export (right of access) or delete people
  exercises  List the weekly program's exercise library
  program    This week's proposed exercise and progress per theme
  demo       Fill an empty data folder with a fictional history
  export     The development log for the course (PDF, DOCX, HTML, Markdown)
  backup     Back up the data file (to the backups folder, or -o FILE)
  restore    Put a backup FILE back in place of the current data
  import     Import jrnl, Day One, Markdown daily notes or Tillid's JSON export

Options:
  --data-dir DIR  Data folder (default: $TILLID_DATA_DIR, else the OS app-data folder)
  -h, --help      Show help (also after any command)
  -V, --version   Show the version

Exit codes: 0 ok, 1 failure, 2 usage error.
";

const STATS_HELP: &str = "\
Usage: tillid [--data-dir DIR] stats [--json]

Counts of reflections and notes, weeks reflected (reflections marked done)
and the current streak of done weeks.

Options:
  --json  Print JSON: {\"reflections\", \"notes\", \"weeks_reflected\", \"current_streak\"}
";

const SEARCH_HELP: &str = "\
Usage: tillid [--data-dir DIR] search QUERY... [--json] [--limit N]

Finds reflections and notes containing every word (as a prefix). Quotes,
brackets and words like AND or NEAR are searched as plain words.

Options:
  --json       Print a JSON array of hits: id, kind, date, week, title, snippet
  --limit N    At most N hits (default 50, at most 500)
";

const NOTE_HELP: &str = "\
Usage: tillid [--data-dir DIR] note add [--date YYYY-MM-DD] [--title T] [--tag T]... [TEXT | -]

Adds a journal note. The body is TEXT, or standard input when TEXT is '-'
or left out. The date defaults to today.
";

const PEOPLE_HELP: &str = "\
Usage: tillid [--data-dir DIR] people <add|list|export|delete> ...

  people add NAME [--role R]        Add a person
  people list [--json]              List everyone: id, name, role, archived, retention date
  people export ID -o DIR [--lang da|en]
                                    Write everything held about one person to DIR
                                    as JSON and HTML (GDPR right of access)
  people delete ID --yes            Erase the person and everything about them,
                                    exactly as the app does; --yes is required
";

const EXERCISES_HELP: &str = "\
Usage: tillid exercises [--json] [--lang da|en]

Lists the exercise library: id, theme, level, title and framework(s).
The language defaults to the app's setting.

Options:
  --json          Print a JSON array of exercises (id, theme, level, minutes,
                  frameworks, title, why, steps, questions)
  --lang da|en    Language of the titles and texts
";

const PROGRAM_HELP: &str = "\
Usage: tillid [--data-dir DIR] program [--json] [--lang da|en]

Shows this week's exercise (proposing one if the week has none yet, exactly
as the app does) and progress per theme.

Options:
  --json          Print {\"week\", \"exercise_id\", \"state\", \"title\", \"theme\",
                  \"answers\", \"progress\": [{\"theme\", \"done\", \"total\"}]}
  --lang da|en    Language of the texts
";

const DEMO_HELP: &str = "\
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
pub enum ArgError {
    Help(&'static str),
    Usage(String),
}

impl From<lexopt::Error> for ArgError {
    fn from(e: lexopt::Error) -> Self {
        ArgError::Usage(e.to_string())
    }
}

#[derive(Debug)]
pub struct Parsed {
    pub data_dir: Option<PathBuf>,
    pub command: Command,
}

#[derive(Debug)]
pub enum Command {
    Stats {
        json: bool,
    },
    Search {
        query: String,
        json: bool,
        limit: Option<u32>,
    },
    NoteAdd {
        date: Option<String>,
        title: String,
        tags: Vec<String>,
        text: Option<String>,
    },
    Demo {
        weeks: u32,
        notes_per_week: u32,
    },
    Exercises {
        json: bool,
        lang: Option<String>,
    },
    Program {
        json: bool,
        lang: Option<String>,
    },
    PeopleAdd {
        name: String,
        role: String,
    },
    PeopleList {
        json: bool,
    },
    PeopleExport {
        id: i64,
        out: PathBuf,
        lang: Option<String>,
    },
    PeopleDelete {
        id: i64,
        yes: bool,
    },
    Backup(crate::backup_cmd::BackupArgs),
    Restore(crate::backup_cmd::RestoreArgs),
    Export(crate::export_cmd::ExportArgs),
    Import(crate::import_export::ImportArgs),
    Version,
}

fn usage(msg: impl Into<String>) -> ArgError {
    ArgError::Usage(msg.into())
}

fn number(p: &mut lexopt::Parser, name: &str) -> Result<u32, ArgError> {
    let v = p.value()?;
    v.to_str()
        .and_then(|s| s.parse::<u32>().ok())
        .ok_or_else(|| usage(format!("{name} needs a whole number")))
}

fn id(v: OsString) -> Result<i64, ArgError> {
    string(v)?
        .parse()
        .map_err(|_| usage("ID must be a number (see tillid people list)"))
}

fn parse_people(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> Result<Command, ArgError> {
    let sub = match p.next()? {
        Some(Value(v)) => string(v)?,
        Some(Short('h') | Long("help")) => return Err(ArgError::Help(PEOPLE_HELP)),
        _ => {
            return Err(usage(
                "people needs a subcommand: add, list, export or delete",
            ))
        }
    };
    let (mut words, mut role, mut json, mut out, mut lang, mut yes) =
        (Vec::new(), String::new(), false, None, None, false);
    while let Some(a) = p.next()? {
        match a {
            Long("role") => role = string(p.value()?)?,
            Long("json") => json = true,
            Short('o') | Long("out") => out = Some(PathBuf::from(p.value()?)),
            Long("lang") => lang = Some(string(p.value()?)?),
            Long("yes") => yes = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(PEOPLE_HELP)),
            Value(v) => words.push(v),
            other => return Err(other.unexpected().into()),
        }
    }
    let mut words = words.into_iter();
    let cmd = match sub.as_str() {
        "add" => {
            let name: Vec<String> = words.map(string).collect::<Result<_, _>>()?;
            if name.is_empty() {
                return Err(usage("people add needs a NAME"));
            }
            Command::PeopleAdd {
                name: name.join(" "),
                role,
            }
        }
        "list" => Command::PeopleList { json },
        "export" => Command::PeopleExport {
            id: id(words
                .next()
                .ok_or_else(|| usage("people export needs an ID"))?)?,
            out: out.ok_or_else(|| usage("people export needs -o DIR"))?,
            lang,
        },
        "delete" => Command::PeopleDelete {
            id: id(words
                .next()
                .ok_or_else(|| usage("people delete needs an ID"))?)?,
            yes,
        },
        other => return Err(usage(format!("unknown people subcommand '{other}'"))),
    };
    Ok(cmd)
}

fn string(v: OsString) -> Result<String, ArgError> {
    v.into_string()
        .map_err(|_| usage("arguments must be valid UTF-8"))
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, ArgError> {
    let mut p = lexopt::Parser::from_args(args);
    let mut data_dir = None;
    let name = loop {
        match p.next()? {
            Some(Long("data-dir")) => data_dir = Some(PathBuf::from(p.value()?)),
            Some(Short('h') | Long("help")) => return Err(ArgError::Help(MAIN_HELP)),
            Some(Short('V') | Long("version")) => {
                return Ok(Parsed {
                    data_dir,
                    command: Command::Version,
                })
            }
            Some(Value(v)) => break string(v)?,
            Some(other) => return Err(other.unexpected().into()),
            None => return Err(usage("a command is needed (stats, search, note add, demo)")),
        }
    };
    let command = match name.as_str() {
        "stats" => {
            let mut json = false;
            while let Some(a) = p.next()? {
                match a {
                    Long("json") => json = true,
                    Long("data-dir") => data_dir = Some(PathBuf::from(p.value()?)),
                    Short('h') | Long("help") => return Err(ArgError::Help(STATS_HELP)),
                    other => return Err(other.unexpected().into()),
                }
            }
            Command::Stats { json }
        }
        "search" => {
            let (mut words, mut json, mut limit) = (Vec::new(), false, None);
            while let Some(a) = p.next()? {
                match a {
                    Long("json") => json = true,
                    Long("limit") => limit = Some(number(&mut p, "--limit")?),
                    Long("data-dir") => data_dir = Some(PathBuf::from(p.value()?)),
                    Short('h') | Long("help") => return Err(ArgError::Help(SEARCH_HELP)),
                    Value(v) => words.push(string(v)?),
                    other => return Err(other.unexpected().into()),
                }
            }
            if words.is_empty() {
                return Err(usage("search needs a QUERY"));
            }
            Command::Search {
                query: words.join(" "),
                json,
                limit,
            }
        }
        "note" => {
            match p.next()? {
                Some(Value(v)) if v == "add" => {}
                Some(Short('h') | Long("help")) => return Err(ArgError::Help(NOTE_HELP)),
                _ => return Err(usage("note needs a subcommand: note add")),
            }
            let (mut date, mut title, mut tags, mut text) = (None, String::new(), Vec::new(), None);
            while let Some(a) = p.next()? {
                match a {
                    Long("date") => date = Some(string(p.value()?)?),
                    Long("title") => title = string(p.value()?)?,
                    Long("tag") => tags.push(string(p.value()?)?),
                    Long("data-dir") => data_dir = Some(PathBuf::from(p.value()?)),
                    Short('h') | Long("help") => return Err(ArgError::Help(NOTE_HELP)),
                    Value(v) if text.is_none() => text = Some(string(v)?),
                    other => return Err(other.unexpected().into()),
                }
            }
            Command::NoteAdd {
                date,
                title,
                tags,
                text: text.filter(|t| t != "-"),
            }
        }
        "people" => parse_people(&mut p, &mut data_dir)?,
        "export" => crate::export_cmd::parse(&mut p, &mut data_dir)?,
        "import" => crate::import_export::parse(&mut p, &mut data_dir)?,
        "backup" | "restore" => crate::backup_cmd::parse(&name, &mut p, &mut data_dir)?,
        "exercises" | "program" => {
            let help = if name == "program" {
                PROGRAM_HELP
            } else {
                EXERCISES_HELP
            };
            let (mut json, mut lang) = (false, None);
            while let Some(a) = p.next()? {
                match a {
                    Long("json") => json = true,
                    Long("lang") => lang = Some(string(p.value()?)?),
                    Long("data-dir") => data_dir = Some(PathBuf::from(p.value()?)),
                    Short('h') | Long("help") => return Err(ArgError::Help(help)),
                    other => return Err(other.unexpected().into()),
                }
            }
            if lang.as_deref().is_some_and(|l| l != "da" && l != "en") {
                return Err(usage("--lang must be da or en"));
            }
            if name == "program" {
                Command::Program { json, lang }
            } else {
                Command::Exercises { json, lang }
            }
        }
        "demo" => {
            let (mut weeks, mut notes_per_week) = (26, 2);
            while let Some(a) = p.next()? {
                match a {
                    Long("weeks") => weeks = number(&mut p, "--weeks")?,
                    Long("notes-per-week") => notes_per_week = number(&mut p, "--notes-per-week")?,
                    Long("data-dir") => data_dir = Some(PathBuf::from(p.value()?)),
                    Short('h') | Long("help") => return Err(ArgError::Help(DEMO_HELP)),
                    other => return Err(other.unexpected().into()),
                }
            }
            if weeks == 0 {
                return Err(usage("--weeks must be at least 1"));
            }
            Command::Demo {
                weeks,
                notes_per_week,
            }
        }
        other => return Err(usage(format!("unknown command '{other}'"))),
    };
    Ok(Parsed { data_dir, command })
}
