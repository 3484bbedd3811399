//! `tillid`: the command line. Same core, same data file as the app; safe to
//! run while the app is open (SQLite locking, WAL).
//!
//! Exit codes: 0 ok, 1 failure (one line on stderr), 2 usage error.

mod args;
mod backup_cmd;
mod commands;
mod export_cmd;
mod import_export;

use std::process::ExitCode;

fn main() -> ExitCode {
    let parsed = match args::parse(std::env::args_os().skip(1)) {
        Ok(p) => p,
        Err(args::ArgError::Help(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(args::ArgError::Usage(msg)) => {
            eprintln!("tillid: {msg}\nTry 'tillid --help'.");
            return ExitCode::from(2);
        }
    };
    match commands::run(parsed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tillid: {e}");
            ExitCode::from(1)
        }
    }
}
