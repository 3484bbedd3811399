//! The command table: every subcommand once, with its name, its line in
//! `tillid --help`, its parser and its runner. [`parse`] reads the options
//! before the command, looks the command up here and lets its parser read
//! the rest; the usage text is generated from the same table.

use crate::cmd;
use crate::parse::{string, usage, ArgError};
use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tillid_core::Store;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A subcommand's parser: reads the arguments after its name (and
/// `--data-dir`, which may also come after it) into its `Args`.
pub type ParseFn<A> =
    fn(&mut lexopt::Parser, &mut Option<PathBuf>) -> std::result::Result<A, ArgError>;

/// How a subcommand runs once its arguments are parsed.
pub enum Runner<A> {
    /// On the open store (opened just before, from the data folder).
    Store(fn(&mut Store, A) -> Result<()>),
    /// On the data folder itself: the command opens the store when and if
    /// it needs to (backup, restore).
    Dir(fn(&Path, A) -> Result<()>),
}

/// One row of the command table. `A` is the subcommand's `Args`.
pub struct Entry<A> {
    /// What is typed after `tillid`.
    pub name: &'static str,
    /// How `tillid --help` lists it (`note add` for `note`).
    pub shown: &'static str,
    /// Its one line in `tillid --help`.
    pub summary: &'static str,
    pub parse: ParseFn<A>,
    pub run: Runner<A>,
}

/// A parsed command, ready to run on a data folder.
pub type Job = Box<dyn FnOnce(&Path) -> Result<()>>;

/// An [`Entry`] of any argument type, so that all of them fit in one list.
pub trait Command: Sync {
    fn name(&self) -> &'static str;
    fn shown(&self) -> &'static str;
    fn summary(&self) -> &'static str;
    /// Parses the arguments after the name into a [`Job`].
    fn parse(
        &self,
        p: &mut lexopt::Parser,
        data_dir: &mut Option<PathBuf>,
    ) -> std::result::Result<Job, ArgError>;
}

impl<A: 'static> Command for Entry<A> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn shown(&self) -> &'static str {
        self.shown
    }

    fn summary(&self) -> &'static str {
        self.summary
    }

    fn parse(
        &self,
        p: &mut lexopt::Parser,
        data_dir: &mut Option<PathBuf>,
    ) -> std::result::Result<Job, ArgError> {
        let args = (self.parse)(p, data_dir)?;
        Ok(match self.run {
            Runner::Store(run) => Box::new(move |dir: &Path| run(&mut Store::open(dir)?, args)),
            Runner::Dir(run) => Box::new(move |dir: &Path| run(dir, args)),
        })
    }
}

/// Every subcommand, in the order `tillid --help` lists them.
pub static COMMANDS: &[&dyn Command] = &[
    &Entry {
        name: "stats",
        shown: "stats",
        summary: "Counts of reflections and notes, weeks reflected, current streak",
        parse: cmd::stats::parse,
        run: Runner::Store(cmd::stats::run),
    },
    &Entry {
        name: "search",
        shown: "search",
        summary: "Full-text search in reflections and notes",
        parse: cmd::search::parse,
        run: Runner::Store(cmd::search::run),
    },
    &Entry {
        name: "note",
        shown: "note add",
        summary: "Quick capture of a journal note",
        parse: cmd::note::parse,
        run: Runner::Store(cmd::note::run),
    },
    &Entry {
        name: "people",
        shown: "people",
        summary: "Add, list, export (right of access) or delete people",
        parse: cmd::people::parse,
        run: Runner::Store(cmd::people::run),
    },
    &Entry {
        name: "exercises",
        shown: "exercises",
        summary: "List the weekly program's exercise library",
        parse: cmd::exercises::parse,
        run: Runner::Store(cmd::exercises::run),
    },
    &Entry {
        name: "program",
        shown: "program",
        summary: "This week's proposed exercise and progress per theme",
        parse: cmd::program::parse,
        run: Runner::Store(cmd::program::run),
    },
    &Entry {
        name: "demo",
        shown: "demo",
        summary: "Fill an empty data folder with a fictional history",
        parse: cmd::demo::parse,
        run: Runner::Store(cmd::demo::run),
    },
    &Entry {
        name: "export",
        shown: "export",
        summary: "The development log for the course (PDF, DOCX, HTML, Markdown)",
        parse: cmd::export::parse,
        run: Runner::Store(cmd::export::run),
    },
    &Entry {
        name: "backup",
        shown: "backup",
        summary: "Back up the data file (to the backups folder, or -o FILE)",
        parse: cmd::backup::parse,
        run: Runner::Dir(cmd::backup::run),
    },
    &Entry {
        name: "restore",
        shown: "restore",
        summary: "Put a backup FILE back in place of the current data",
        parse: cmd::restore::parse,
        run: Runner::Dir(cmd::restore::run),
    },
    &Entry {
        name: "import",
        shown: "import",
        summary: "Import jrnl, Day One, Markdown daily notes or Tillid's JSON export",
        parse: cmd::import::parse,
        run: Runner::Store(cmd::import::run),
    },
];

const HELP_HEAD: &str = "\
tillid: a private journal for trust-based leadership (command line)

Usage: tillid [--data-dir DIR] <COMMAND> [OPTIONS]

Commands:
";

const HELP_TAIL: &str = "
Options:
  --data-dir DIR  Data folder (default: $TILLID_DATA_DIR, else the OS app-data folder)
  -h, --help      Show help (also after any command)
  -V, --version   Show the version

Exit codes: 0 ok, 1 failure, 2 usage error.
";

/// `tillid --help`: the head, one line per entry of [`COMMANDS`], the tail.
pub fn main_help() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = String::from(HELP_HEAD);
        for c in COMMANDS {
            text.push_str(&format!("  {:<10} {}\n", c.shown(), c.summary()));
        }
        text.push_str(HELP_TAIL);
        text
    })
}

/// What the command line asks for.
pub enum Action {
    /// `-V`/`--version` before any command.
    Version,
    /// A subcommand, on the data folder (`None`: the default one).
    Run { data_dir: Option<PathBuf>, job: Job },
}

/// Parses the whole command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> std::result::Result<Action, ArgError> {
    let mut p = lexopt::Parser::from_args(args);
    let mut data_dir = None;
    let name = loop {
        match p.next()? {
            Some(Long("data-dir")) => data_dir = Some(PathBuf::from(p.value()?)),
            Some(Short('h') | Long("help")) => return Err(ArgError::Help(main_help())),
            Some(Short('V') | Long("version")) => return Ok(Action::Version),
            Some(Value(v)) => break string(v)?,
            Some(other) => return Err(other.unexpected().into()),
            None => return Err(usage("a command is needed (stats, search, note add, demo)")),
        }
    };
    let command = COMMANDS
        .iter()
        .find(|c| c.name() == name)
        .ok_or_else(|| usage(format!("unknown command '{name}'")))?;
    let job = command.parse(&mut p, &mut data_dir)?;
    Ok(Action::Run { data_dir, job })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_fit_the_help_column() {
        for (i, c) in COMMANDS.iter().enumerate() {
            assert!(c.shown().len() <= 10, "{}", c.shown());
            assert!(c.shown().starts_with(c.name()), "{}", c.shown());
            assert!(
                COMMANDS[..i].iter().all(|d| d.name() != c.name()),
                "{} twice",
                c.name()
            );
        }
    }

    #[test]
    fn help_lists_every_command_once() {
        let help = main_help();
        for c in COMMANDS {
            let line = format!("\n  {:<10} {}\n", c.shown(), c.summary());
            assert_eq!(help.matches(&line).count(), 1, "{line}");
        }
    }
}
