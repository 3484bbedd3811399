//! Running the real `tillid` binary on a data folder, shared by the CLI's
//! integration tests (each test file uses what it needs).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `tillid --data-dir DIR ARGS…`, with TILLID_DATA_DIR unset so only the
/// flag decides.
pub fn tillid(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tillid"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TILLID_DATA_DIR")
        .output()
        .expect("run tillid")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
