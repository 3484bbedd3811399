//! `tillid backup`: a checked copy of the data file, on the core's `backup`
//! module (the same backups, lock and checks as the app's).

use super::Result;
use crate::parse::ArgError;
use lexopt::prelude::*;
use std::path::{Path, PathBuf};
use tillid_core::clock;
use tillid_core::storage::backup::{self, BackupInfo, BackupKind, DEFAULT_WAIT};
use tillid_core::Store;

pub const HELP: &str = "\
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

#[derive(Debug)]
pub struct Args {
    pub out: Option<PathBuf>,
    pub force: bool,
}

/// Parses the arguments after `backup`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let (mut out, mut force) = (None, false);
    while let Some(a) = p.next()? {
        match a {
            Short('o') | Long("out") => out = Some(PathBuf::from(p.value()?)),
            Long("force") => force = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Args { out, force })
}

/// What a backup holds, in one line (also shown by `restore`).
pub fn describe(info: &BackupInfo) -> String {
    let c = &info.counts;
    format!(
        "{} reflection(s), {} note(s), {} people, {} conversation(s)",
        c.reflections, c.notes, c.people, c.conversations
    )
}

/// Backs up the data folder `dir`.
pub fn run(dir: &Path, a: Args) -> Result<()> {
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
