//! `tillid restore FILE`: put a backup back in place of the current data, on
//! the core's `backup` module (the same checks and safety backup as the app's).

use super::Result;
use crate::parse::ArgError;
use lexopt::prelude::*;
use std::path::{Path, PathBuf};
use tillid_core::clock;
use tillid_core::storage::backup;
use tillid_core::Store;

pub const HELP: &str = "\
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
pub struct Args {
    pub file: PathBuf,
    pub yes: bool,
}

/// Parses the arguments after `restore`.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let (mut yes, mut files) = (false, Vec::new());
    while let Some(a) = p.next()? {
        match a {
            Long("yes") => yes = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            Value(v) => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    let mut files = files.into_iter();
    let file = files
        .next()
        .ok_or_else(|| ArgError::Usage("restore needs the backup FILE".into()))?;
    if files.next().is_some() {
        return Err(ArgError::Usage("restore takes one FILE".into()));
    }
    Ok(Args { file, yes })
}

/// Restores into the data folder `dir` (opening the store only after the
/// backup FILE has been checked and described).
pub fn run(dir: &Path, a: Args) -> Result<()> {
    let info = backup::backup_info(&a.file)?;
    println!(
        "{}: a Tillid backup from {}",
        a.file.display(),
        info.taken_at.replacen('T', " ", 1)
    );
    println!("  {}", super::backup::describe(&info));
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
