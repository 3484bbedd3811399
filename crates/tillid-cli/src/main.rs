//! `tillid`: the command line. Same core, same data file as the app; safe to
//! run while the app is open (SQLite locking, WAL).
//!
//! Exit codes: 0 ok, 1 failure (one line on stderr), 2 usage error.
//!
//! Where things are, from the top down:
//! - `main.rs`: parse, run, turn the outcome into an exit code.
//! - `cli.rs`: the command table (name, help line, parser, runner of each
//!   subcommand), the options before the command and `tillid --help`.
//! - `cmd/<name>.rs`: one subcommand each: its help text, parser and runner.
//! - `parse.rs` (`ArgError` and argument helpers) and `lang.rs`: shared by
//!   the subcommands; they import nothing from the rest of the crate.

mod cli;
mod cmd;
mod lang;
mod parse;

use parse::ArgError;
use std::process::ExitCode;
use tillid_core::storage::paths::default_data_dir;

fn main() -> ExitCode {
    let (data_dir, job) = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Action::Run { data_dir, job }) => (data_dir, job),
        Ok(cli::Action::Version) => {
            println!("tillid {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(ArgError::Help(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(ArgError::Usage(msg)) => {
            eprintln!("tillid: {msg}\nTry 'tillid --help'.");
            return ExitCode::from(2);
        }
    };
    match job(&data_dir.unwrap_or_else(default_data_dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tillid: {e}");
            ExitCode::from(1)
        }
    }
}
