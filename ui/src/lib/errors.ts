// Which save failures may fix themselves (a busy database, a full disk being
// cleared) and are worth a quiet retry; the rest wait for the user.
import { asUiError } from "./api";

const WAIT_FOR_USER = new Set(["too_large", "invalid", "invalid_date", "not_found"]);

export function isRetryable(error: unknown): boolean {
  return !WAIT_FOR_USER.has(asUiError(error).code);
}

/** Every code the backend can send; each has an `error.<code>` text. */
export const KNOWN_ERROR_CODES = [
  "newer_database",
  "corrupt",
  "locked",
  "data_dir",
  "disk_full",
  "read_only",
  "too_large",
  "invalid_date",
  "invalid",
  "not_found",
  "not_empty",
  "empty_period",
  "cannot_write",
  "database",
  "io",
  "import_file",
  "import_not_empty",
  "not_a_backup",
  "damaged_backup",
  "newer_backup",
  "backup_running",
] as const;

/** The code itself when the dictionaries know it, otherwise "unknown". */
export function knownCode(code: string): string {
  return (KNOWN_ERROR_CODES as readonly string[]).includes(code) ? code : "unknown";
}
