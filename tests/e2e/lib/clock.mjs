// The suite's clock. No test reads the wall clock: every program the suite
// starts (the app through tauri-driver, the CLI) runs on one fixed, frozen
// instant in Europe/Copenhagen, set here in this process's environment so
// every child inherits it (the app's and CLI's clock, `tillid_core::clock`,
// reads TILLID_FAKE_NOW and TILLID_FAKE_CLOCK in debug builds).
//
// TILLID_TEST_NOW picks another instant for the whole run; scripts/date-edges.sh
// runs the date-sensitive files at each instant of `EDGES`. The expectations
// (today, this ISO week) are derived from the instant here, never from `new
// Date()`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TZ = 'Europe/Copenhagen';

/** A Wednesday morning in an ordinary week: the suite's default "now". */
export const DEFAULT_NOW = '2026-11-25T10:00:00+01:00';

export const TEST_NOW = process.env.TILLID_TEST_NOW || DEFAULT_NOW;

/** The instants the date-edge run covers (tests/date-edges.json). */
export const EDGES = JSON.parse(readFileSync(join(import.meta.dirname, '../../date-edges.json'), 'utf8')).edges;

/** The environment that puts a program on the instant `at`. */
export function clockEnv(at = TEST_NOW, { frozen = true } = {}) {
  return { TZ, TILLID_FAKE_NOW: at, TILLID_FAKE_CLOCK: frozen ? 'frozen' : 'running' };
}

Object.assign(process.env, clockEnv());

const DAY_MS = 86_400_000;

/** The local date (`YYYY-MM-DD`) in Copenhagen at the instant `at`. */
export function localIsoDate(at = TEST_NOW) {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );
}

/** The local time (`HH:MM:SS`, 24-hour) in Copenhagen at the instant `at`. */
export function localTime(at = TEST_NOW) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** The date `days` days after (or before) `iso`, as `YYYY-MM-DD`. */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO 8601 week of a `YYYY-MM-DD` date, as the app counts it. */
export function isoWeekOf(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/** The ISO week the suite's "today" falls in, or `days` days from it. */
export function isoWeek(days = 0) {
  return isoWeekOf(addDays(localIsoDate(), days));
}
