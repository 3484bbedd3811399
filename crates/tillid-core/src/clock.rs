//! The process's one clock. Everything that asks "what time is it?" or "what
//! day is today?" (the app shell, the CLI, the core's own time stamps) asks
//! here, so a test can put the whole program on a chosen instant.
//!
//! Normally it is the computer's clock. In a debug build (what the tests run),
//! `TILLID_FAKE_NOW` set to an RFC 3339 instant, e.g.
//! `2026-12-28T00:30:00+01:00`, starts the clock at that instant; it then runs
//! on in real time, so a test can wait for a reminder's minute to come. With
//! `TILLID_FAKE_CLOCK=frozen` as well, it stays at that instant, so a test at
//! 23:59 on a Sunday cannot drift into Monday. Release builds read neither:
//! the user's clock is never replaced.
//!
//! "Today" is the local date: the `TZ` variable, else the system's zone.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use serde::Serialize;
use std::sync::OnceLock;
use ts_rs::TS;

pub const FAKE_NOW_VAR: &str = "TILLID_FAKE_NOW";
pub const FAKE_CLOCK_VAR: &str = "TILLID_FAKE_CLOCK";

/// A clock: the computer's, or one started (or frozen) at a chosen instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The computer's clock, shifted by `offset` (zero when not faked).
    Running { offset: TimeDelta },
    /// Always the same instant.
    Frozen { at: DateTime<Utc> },
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::Running {
            offset: TimeDelta::zero(),
        }
    }
}

impl Clock {
    /// A clock that reads `start` at the wall-clock instant `wall`, and runs on.
    pub fn starting_at(start: DateTime<Utc>, wall: DateTime<Utc>) -> Clock {
        Clock::Running {
            offset: start - wall,
        }
    }

    pub fn frozen_at(at: DateTime<Utc>) -> Clock {
        Clock::Frozen { at }
    }

    /// The clock the two variables describe, read at the wall-clock instant
    /// `wall`. A value that is not an instant is reported and ignored.
    pub fn from_vars(fake_now: Option<&str>, mode: Option<&str>, wall: DateTime<Utc>) -> Clock {
        let Some(value) = fake_now else {
            return Clock::default();
        };
        match DateTime::parse_from_rfc3339(value.trim()) {
            Ok(start) if mode.map(str::trim) == Some("frozen") => {
                Clock::frozen_at(start.with_timezone(&Utc))
            }
            Ok(start) => Clock::starting_at(start.with_timezone(&Utc), wall),
            Err(e) => {
                eprintln!("tillid: ignoring {FAKE_NOW_VAR}={value:?}: {e}");
                Clock::default()
            }
        }
    }

    /// The clock the environment asks for (see the module docs).
    pub fn from_env() -> Clock {
        if cfg!(debug_assertions) {
            let now = std::env::var(FAKE_NOW_VAR).ok();
            let mode = std::env::var(FAKE_CLOCK_VAR).ok();
            Clock::from_vars(now.as_deref(), mode.as_deref(), Utc::now())
        } else {
            Clock::default()
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match *self {
            Clock::Running { offset } => Utc::now() + offset,
            Clock::Frozen { at } => at,
        }
    }

    pub fn is_frozen(&self) -> bool {
        matches!(self, Clock::Frozen { .. })
    }
}

/// The process's clock, read from the environment on first use and kept:
/// every part of the program sees the same time, and a fake start is taken
/// once, not again each time a store is opened.
pub fn global() -> &'static Clock {
    static CLOCK: OnceLock<Clock> = OnceLock::new();
    CLOCK.get_or_init(Clock::from_env)
}

/// Now, on the process's clock.
pub fn now() -> DateTime<Utc> {
    global().now()
}

/// The process's clock as the UI needs it (`AppStatus::clock`).
pub fn reading() -> ClockReading {
    ClockReading {
        now_ms: now().timestamp_millis(),
        frozen: global().is_frozen(),
    }
}

/// Now in local time, on the process's clock.
pub fn local_now() -> NaiveDateTime {
    now().with_timezone(&Local).naive_local()
}

/// Today's local date, on the process's clock.
pub fn today() -> NaiveDate {
    local_now().date()
}

/// Now as the stamp every row's `created_at`/`updated_at` holds: RFC 3339
/// UTC with milliseconds.
pub fn now_stamp() -> String {
    now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The process's clock as the UI reads it once at start-up: the instant it
/// showed then, and whether it stands still (only ever in tests).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClockReading {
    /// Milliseconds since 1970-01-01 UTC.
    #[ts(type = "number")]
    pub now_ms: i64,
    pub frozen: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_fake_start_runs_on_from_its_instant() {
        let wall = at("2030-01-01T00:00:00Z");
        let clock = Clock::from_vars(Some("2026-11-27T12:59:55Z"), None, wall);
        assert_eq!(
            clock,
            Clock::Running {
                offset: at("2026-11-27T12:59:55Z") - wall
            }
        );
        assert!(!clock.is_frozen());
    }

    #[test]
    fn a_frozen_clock_stays_at_its_instant_with_its_offset_applied() {
        let clock = Clock::from_vars(
            Some("2026-12-28T00:30:00+01:00"),
            Some("frozen"),
            Utc::now(),
        );
        assert_eq!(clock.now(), at("2026-12-27T23:30:00Z"));
        assert_eq!(clock.now(), clock.now());
        assert!(clock.is_frozen());
    }

    #[test]
    fn no_fake_or_a_broken_one_is_the_computers_clock() {
        let wall = at("2026-12-07T01:20:00Z");
        assert_eq!(
            Clock::from_vars(None, Some("frozen"), wall),
            Clock::default()
        );
        assert_eq!(
            Clock::from_vars(Some("monday"), Some("frozen"), wall),
            Clock::default()
        );
        let real = Clock::default().now();
        assert!((real - Utc::now()).abs() < TimeDelta::seconds(5));
    }
}
