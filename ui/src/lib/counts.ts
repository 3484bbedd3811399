// "12 reflections, 30 notes, 8 people and 40 conversations": what a backup
// or an export holds, in her language.
import type { BackupCounts } from "./bindings/BackupCounts";
import { t, type Key } from "./i18n.svelte";

export function describeCounts(c: BackupCounts): string {
  const parts: string[] = [];
  const add = (n: number, one: Key, other: Key) => {
    if (n > 0) parts.push(n === 1 ? t(one) : t(other, { count: n }));
  };
  add(c.reflections, "backup.reflectionsOne", "backup.reflectionsOther");
  add(c.notes, "backup.notesOne", "backup.notesOther");
  add(c.people, "backup.peopleOne", "backup.peopleOther");
  add(c.conversations, "backup.conversationsOne", "backup.conversationsOther");
  if (parts.length === 0) return t("backup.nothing");
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(", ")} ${t("backup.and")} ${parts[parts.length - 1]}`;
}

/** "1.2 MB" / "1,2 MB": a file's size, rounded for reading. */
export function describeSize(bytes: number, lang: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
