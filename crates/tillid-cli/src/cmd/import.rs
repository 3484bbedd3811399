//! `tillid import jrnl|dayone|markdown|json PATH [--merge] [--json]`.
//! (Its counterpart, the lossless JSON export, is in `export.rs`.)

use super::Result;
use crate::parse::{usage, ArgError};
use lexopt::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tillid_core::exchange::import::{ImportKind, ImportProgress};
use tillid_core::{CoreError, Store};

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] import <jrnl|dayone|markdown|json> PATH [--merge] [--json]

Imports another journal as dated notes with their tags, or Tillid's own
lossless JSON export. Everything is imported in one go or not at all: a
malformed file is refused with its name (and line, for JSON) and nothing
is added.

  import jrnl FILE        jrnl's JSON export (jrnl --export json > FILE)
  import dayone PATH      Day One's JSON export: the .zip, its unpacked folder,
                          or one journal's .json file
  import markdown FOLDER  A folder of Markdown daily notes named YYYY-MM-DD.md
                          (subfolders too); front-matter tags and #tags are read
  import json FILE        A Tillid export (tillid export --format json): all
                          entries, people, conversations, program and settings

Importing the same file again adds nothing: each imported entry keeps a
stable id, and an entry already in Tillid is skipped, never changed.

Options:
  --merge   For json: add to a data folder that already holds entries or
            people (records already there are skipped). Without it, json
            needs an empty data folder. The other kinds always add.
  --json    Print {\"kind\", \"added\", \"skipped\", \"ignored\"} as JSON
";

#[derive(Debug)]
pub struct Args {
    pub kind: ImportKind,
    pub path: PathBuf,
    pub merge: bool,
    pub json: bool,
}

/// Parses the arguments after `import`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let (mut words, mut merge, mut json) = (Vec::new(), false, false);
    while let Some(a) = p.next()? {
        match a {
            Long("merge") => merge = true,
            Long("json") => json = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            Value(v) => words.push(v),
            other => return Err(other.unexpected().into()),
        }
    }
    let mut words = words.into_iter();
    let kind = words
        .next()
        .ok_or_else(|| usage("import needs a kind: jrnl, dayone, markdown or json"))?;
    let kind = kind.to_str().and_then(ImportKind::parse).ok_or_else(|| {
        usage(format!(
            "import kind must be jrnl, dayone, markdown or json, not '{}'",
            kind.to_string_lossy()
        ))
    })?;
    let path = PathBuf::from(
        words
            .next()
            .ok_or_else(|| usage(format!("import {} needs a PATH", kind.as_str())))?,
    );
    if let Some(extra) = words.next() {
        return Err(usage(format!(
            "import takes one PATH; unexpected '{}'",
            extra.to_string_lossy()
        )));
    }
    if merge && kind != ImportKind::Json {
        return Err(usage(
            "--merge is for json only; the other kinds always add to what is there",
        ));
    }
    Ok(Args {
        kind,
        path,
        merge,
        json,
    })
}

/// A progress line on stderr for imports that take over a second, when
/// stderr is a terminal.
struct ProgressLine {
    start: Instant,
    shown: bool,
    tty: bool,
}

impl ProgressLine {
    fn update(&mut self, p: ImportProgress) {
        if !self.tty || self.start.elapsed() < Duration::from_secs(1) {
            return;
        }
        self.shown = true;
        let pct = if p.total == 0 {
            100
        } else {
            u64::from(p.done) * 100 / u64::from(p.total)
        };
        eprint!("\rImporting… {} / {} ({pct}%)", p.done, p.total);
        let _ = std::io::stderr().flush();
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    let mut line = ProgressLine {
        start: Instant::now(),
        shown: false,
        tty: std::io::stderr().is_terminal(),
    };
    let result = store.import(a.kind, &a.path, a.merge, &mut |p| line.update(p));
    line.finish();
    let s = match result {
        Ok(s) => s,
        Err(e @ CoreError::ImportNotEmpty(_)) => {
            return Err(format!("{e} (add --merge to add to what is there)").into())
        }
        Err(e) => return Err(e.into()),
    };
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "kind": a.kind.as_str(),
                "added": s.added,
                "skipped": s.skipped,
                "ignored": s.ignored,
            }))?
        );
        return Ok(());
    }
    let what = match a.kind {
        ImportKind::Json => "record(s)",
        _ => "note(s)",
    };
    print!(
        "Imported {}: {} {what} added, {} skipped (already in Tillid)",
        a.path.display(),
        s.added,
        s.skipped
    );
    if s.ignored > 0 {
        print!(
            "; {} Markdown file(s) ignored (not named YYYY-MM-DD.md)",
            s.ignored
        );
    }
    println!(".");
    Ok(())
}
