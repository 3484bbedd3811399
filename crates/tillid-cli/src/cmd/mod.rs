//! One file per subcommand, each with the same shape: its `HELP` text, its
//! `Args`, a `parse` for the arguments after its name and a `run` that does
//! the work. They use `crate::parse` (and `crate::lang`) and the core, never
//! `crate::cli` or `main`; `cli.rs` lists them in its command table.

/// What a runner returns: any error becomes one line on stderr and exit 1.
pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

pub mod backup;
pub mod demo;
pub mod exercises;
pub mod export;
pub mod import;
pub mod note;
pub mod people;
pub mod program;
pub mod restore;
pub mod search;
pub mod stats;
