//! The app's clock. Normally the computer's; with `TILLID_FAKE_NOW` set to an
//! RFC 3339 instant (e.g. `2026-11-27T12:59:55Z`) it starts at that instant
//! and advances in real time, so tests can bring the reminder's moment close.
//! It is an offset from the wall clock, so it also jumps across a suspend.

use chrono::{DateTime, TimeDelta, Utc};

pub const FAKE_NOW_VAR: &str = "TILLID_FAKE_NOW";

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    offset: TimeDelta,
}

impl Clock {
    pub fn from_env() -> Clock {
        let Ok(value) = std::env::var(FAKE_NOW_VAR) else {
            return Clock::default();
        };
        match DateTime::parse_from_rfc3339(value.trim()) {
            Ok(start) => Clock::starting_at(start.with_timezone(&Utc), Utc::now()),
            Err(e) => {
                eprintln!("tillid: ignoring {FAKE_NOW_VAR}={value:?}: {e}");
                Clock::default()
            }
        }
    }

    /// A clock that reads `start` at the wall-clock instant `wall`.
    pub fn starting_at(start: DateTime<Utc>, wall: DateTime<Utc>) -> Clock {
        Clock {
            offset: start - wall,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fake_start_advances_with_the_wall_clock() {
        let start = DateTime::parse_from_rfc3339("2026-11-27T12:59:55Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = Clock::starting_at(start, Utc::now());
        let elapsed = clock.now() - start;
        assert!(elapsed >= TimeDelta::zero() && elapsed < TimeDelta::seconds(5));
        assert!((Clock::default().now() - Utc::now()).abs() < TimeDelta::seconds(1));
    }
}
