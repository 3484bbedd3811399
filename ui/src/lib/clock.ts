// The UI's clock: the app's (the core's `clock`), read once at start-up from
// `AppStatus`, so "today" in a date field is the same day the core counts as
// today, also when a test has put the app on a chosen or frozen instant.
import type { ClockReading } from "./bindings/ClockReading";

let offsetMs = 0;
let frozenAt: number | null = null;

/** Takes the app's clock reading; until then the computer's clock is used. */
export function setClock(reading: ClockReading, readAtMs: number = Date.now()): void {
  frozenAt = reading.frozen ? reading.now_ms : null;
  offsetMs = reading.now_ms - readAtMs;
}

/** Now, in milliseconds since 1970 UTC, on the app's clock. */
export function nowMs(): number {
  return frozenAt ?? Date.now() + offsetMs;
}
