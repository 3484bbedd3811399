//! `tillid backup` and `tillid restore`: parsing and running, on the core's
//! `backup` module (the same backups, lock and checks as the app's).

use crate::args::{ArgError, Command};
use lexopt::prelude::*;
use std::path::{Path, PathBuf};
use tillid_core::backup::{self, BackupInfo, BackupKind, DEFAULT_WAIT};
use tillid_core::clock;
use tillid_core::Store;

pub const BACKUP_HELP: &str = "\
Usage: tillid [--data-dir DIR] backup [-o FILE] [--force]

Makes a backup of the data file with SQLite's online backup API: safe while
the app is open. It is written under a temporary name, checked, then renamed.
Only one backup runs at a time (a second one waits for the first).

Without -o, the backup goes to the backups folder beside the data file, where
the app lists it (Settings > Your data > Restore).

Options:
  -o, --out FILE  Write the backup to FILE (or into FILE when it is a folder)
  --force         Replace FILE if it exists
";

pub const RESTORE_HELP: &str = "\
Usage: tillid [--data-dir DIR] restore FILE [--yes]

Puts the data in the backup FILE back in place of the current data. First
prints what the backup holds; refuses a file that is not a Tillid backup, is
truncated or damaged, or comes from a newer version of Tillid (the current
data is then untouched). A backup from an older version is brought up to date.

Before anything is replaced, the current data is backed up to the backups
folder (a file ending in -before-restore.sqlite3). Close the app first, or
reopen it afterwards, so it shows the restored data.

Options:
  --yes  Required when the data folder already holds reflections, notes or people
";

#[derive(Debug)]
pub struct BackupArgs {
    pub out: Option<PathBuf>,
    pub force: bool,
}

#[derive(Debug)]
pub struct RestoreArgs {
    pub file: PathBuf,
    pub yes: bool,
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Parses the arguments after `backup` or `restore`.
pub fn parse(
    name: &str,
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Command, ArgError> {
    let help = if name == "backup" {
        BACKUP_HELP
    } else {
        RESTORE_HELP
    };
    let (mut out, mut force, mut yes, mut files) = (None, false, false, Vec::new());
    while let Some(a) = p.next()? {
        match a {
            Short('o') | Long("out") if name == "backup" => out = Some(PathBuf::from(p.value()?)),
            Long("force") if name == "backup" => force = true,
            Long("yes") if name == "restore" => yes = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(help)),
            Value(v) if name == "restore" => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    if name == "backup" {
        return Ok(Command::Backup(BackupArgs { out, force }));
    }
    let mut files = files.into_iter();
    let file = files
        .next()
        .ok_or_else(|| ArgError::Usage("restore needs the backup FILE".into()))?;
    if files.next().is_some() {
        return Err(ArgError::Usage("restore takes one FILE".into()));
    }
    Ok(Command::Restore(RestoreArgs { file, yes }))
}

fn describe(info: &BackupInfo) -> String {
    let c = &info.counts;
    format!(
        "{} reflection(s), {} note(s), {} people, {} conversation(s)",
        c.reflections, c.notes, c.people, c.conversations
    )
}

/// Runs `backup` or `restore` on the data folder `dir`.
pub fn run(dir: &Path, command: Command) -> Result<()> {
    match command {
        Command::Backup(a) => run_backup(dir, a),
        Command::Restore(a) => run_restore(dir, a),
        _ => unreachable!("only backup and restore come here"),
    }
}

fn run_backup(dir: &Path, a: BackupArgs) -> Result<()> {
    // Opening proves the data file is usable (and brings it up to date).
    drop(Store::open(dir)?);
    let info = match a.out {
        None => backup::back_up(dir, BackupKind::Manual, clock::local_now(), DEFAULT_WAIT)?,
        Some(out) => {
            let out = if out.is_dir() {
                out.join(format!(
                    "tillid-{}.sqlite3",
                    clock::local_now().format("%Y-%m-%d_%H-%M-%S")
                ))
            } else {
                out
            };
            if out.exists() && !a.force {
                return Err(format!(
                    "{} already exists; choose another name, or add --force to replace it",
                    out.display()
                )
                .into());
            }
            backup::back_up_to(dir, &out, DEFAULT_WAIT)?
        }
    };
    println!("Backed up to {}", info.path);
    println!("  {} ({} bytes), checked", describe(&info), info.size);
    Ok(())
}

fn run_restore(dir: &Path, a: RestoreArgs) -> Result<()> {
    let info = backup::backup_info(&a.file)?;
    println!(
        "{}: a Tillid backup from {}",
        a.file.display(),
        info.taken_at.replacen('T', " ", 1)
    );
    println!("  {}", describe(&info));
    let mut store = Store::open(dir)?;
    if !store.is_empty()? && !a.yes {
        let s = store.stats(clock::local_now().date())?;
        return Err(format!(
            "the data folder {} already holds {} reflection(s), {} note(s) and {} people; \
             restoring replaces all of it (after backing it up). Add --yes to restore",
            dir.display(),
            s.reflections,
            s.notes,
            store.people(true)?.len()
        )
        .into());
    }
    let out = backup::restore(&mut store, &a.file, clock::local_now())?;
    println!(
        "Restored. The data as it was before is saved in {}",
        out.before.path
    );
    Ok(())
}
