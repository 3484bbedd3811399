// Dates as a Danish or English reader expects them, written out by hand so
// the result never depends on the webview's Intl data or the OS locale.
import type { IsoWeek } from "./bindings/IsoWeek";
import { nowMs } from "./clock";
import { i18n, t } from "./i18n.svelte";

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Reads `YYYY-MM-DD` (anything after the date is ignored). */
export function parseDate(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toUtc(d: Ymd): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): Ymd {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function toIsoDate(d: Ymd): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Today on the app's clock in local time, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const now = new Date(nowMs());
  return toIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** 1 = Monday … 7 = Sunday, as ISO 8601 and Danish calendars count. */
export function isoWeekday(d: Ymd): number {
  return new Date(toUtc(d)).getUTCDay() || 7;
}

/** The ISO week a date falls in (its year can differ from the calendar year). */
export function isoWeekOf(d: Ymd): IsoWeek {
  const thursday = fromUtc(toUtc(d) + (4 - isoWeekday(d)) * DAY_MS);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((toUtc(thursday) - jan1) / DAY_MS / 7) + 1;
  return { year: thursday.year, week };
}

/** Monday of an ISO week: week 1 is the week holding 4 January. */
export function mondayOf(w: IsoWeek): Ymd {
  const jan4: Ymd = { year: w.year, month: 1, day: 4 };
  const week1Monday = toUtc(jan4) - (isoWeekday(jan4) - 1) * DAY_MS;
  return fromUtc(week1Monday + (w.week - 1) * 7 * DAY_MS);
}

export function shiftWeek(w: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(fromUtc(toUtc(mondayOf(w)) + weeks * 7 * DAY_MS));
}

export function sameWeek(a: IsoWeek, b: IsoWeek): boolean {
  return a.year === b.year && a.week === b.week;
}

function monthName(month: number): string {
  return t(`month.${month}`);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dayMonth(d: Ymd): string {
  return i18n.lang === "da" ? `${d.day}. ${monthName(d.month)}` : `${d.day} ${monthName(d.month)}`;
}

/** "27. november 2026" / "27 November 2026". */
export function formatDate(iso: string): string {
  const d = parseDate(iso);
  return d ? `${dayMonth(d)} ${d.year}` : iso;
}

/** "Lørdag 28. november 2026" / "Saturday 28 November 2026". */
export function formatLongDate(iso: string): string {
  const d = parseDate(iso);
  if (!d) return iso;
  return capitalize(`${t(`weekday.${isoWeekday(d)}`)} ${formatDate(iso)}`);
}

/** "November 2026", for grouping the journal by month. */
export function formatMonthYear(d: Ymd): string {
  return capitalize(`${monthName(d.month)} ${d.year}`);
}

export function formatShortMonth(month: number): string {
  return t(`monthShort.${month}`);
}

/**
 * A date range, compact when the dates share a month:
 * "23.–29. november 2026", "30. november – 6. december 2026",
 * "28. december 2026 – 3. januar 2027" (English: "23–29 November 2026" …).
 */
export function formatRange(fromIso: string, toIso: string): string {
  const a = parseDate(fromIso);
  const b = parseDate(toIso);
  if (!a || !b) return `${fromIso} – ${toIso}`;
  if (a.year !== b.year) return `${formatDate(fromIso)} – ${formatDate(toIso)}`;
  if (a.month !== b.month) return `${dayMonth(a)} – ${dayMonth(b)} ${b.year}`;
  const from = i18n.lang === "da" ? `${a.day}.` : `${a.day}`;
  return `${from}–${dayMonth(b)} ${b.year}`;
}

/** "Uge 48" / "Week 48". */
export function formatWeek(week: number): string {
  return t('date.week', { week });
}

/** "Uge 48 · 23.–29. november 2026". */
export function formatWeekHeading(week: IsoWeek, monday: string, sunday: string): string {
  return `${formatWeek(week.week)} · ${formatRange(monday, sunday)}`;
}

/** The week's range computed locally, for entries that only carry the week. */
export function formatWeekRange(week: IsoWeek): string {
  const monday = mondayOf(week);
  const sunday = fromUtc(toUtc(monday) + 6 * DAY_MS);
  return formatRange(toIsoDate(monday), toIsoDate(sunday));
}

/** "1. okt." / "1 Oct", for compact histories. */
export function formatShortDate(iso: string): string {
  const d = parseDate(iso);
  if (!d) return iso;
  return i18n.lang === "da"
    ? `${d.day}. ${formatShortMonth(d.month)}`
    : `${d.day} ${formatShortMonth(d.month)}`;
}

/** The ISO week of today on the app's clock. */
export function currentIsoWeek(): IsoWeek {
  const d = parseDate(todayIso());
  return d ? isoWeekOf(d) : { year: 1970, week: 1 };
}
