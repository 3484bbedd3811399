//! Running the real `tillid` binary on a data folder, shared by the CLI's
//! integration tests (each test file uses what it needs).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The instant every CLI test runs at unless it picks one (`tillid_at`):
/// a Wednesday morning in Copenhagen, never the wall clock.
pub const TEST_NOW: &str = "2026-11-25T10:00:00+01:00";
pub const TEST_TZ: &str = "Europe/Copenhagen";

/// `tillid --data-dir DIR ARGS…` at [`TEST_NOW`], with TILLID_DATA_DIR unset
/// so only the flag decides.
pub fn tillid(dir: &Path, args: &[&str]) -> Output {
    tillid_at(TEST_NOW, dir, args)
}

/// `tillid --data-dir DIR ARGS…` with its clock frozen at the RFC 3339
/// instant `now`, in Copenhagen's time zone.
pub fn tillid_at(now: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tillid"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TILLID_DATA_DIR")
        .env("TILLID_FAKE_NOW", now)
        .env("TILLID_FAKE_CLOCK", "frozen")
        .env("TZ", TEST_TZ)
        .output()
        .expect("run tillid")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The reflections and notes `tillid demo` says it added.
pub fn demo_added(out: &str) -> (u64, u64) {
    let number_before = |word: &str| -> u64 {
        let at = out
            .find(word)
            .unwrap_or_else(|| panic!("no {word:?} in {out:?}"));
        out[..at]
            .split_whitespace()
            .last()
            .unwrap()
            .parse()
            .unwrap()
    };
    (number_before(" reflections"), number_before(" notes"))
}
