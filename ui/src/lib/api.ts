// The only door to the Rust backend: every command and event the UI uses,
// typed with the bindings generated from the Rust structs. Nothing else in
// the UI imports @tauri-apps/api.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppStatus } from "./bindings/AppStatus";
import type { IsoWeek } from "./bindings/IsoWeek";
import type { Note } from "./bindings/Note";
import type { NoteInput } from "./bindings/NoteInput";
import type { Reflection } from "./bindings/Reflection";
import type { ReflectionInput } from "./bindings/ReflectionInput";
import type { ReflectionView } from "./bindings/ReflectionView";
import type { SearchHit } from "./bindings/SearchHit";
import type { Settings } from "./bindings/Settings";
import type { TimelineFilters } from "./bindings/TimelineFilters";
import type { TimelinePage } from "./bindings/TimelinePage";
import type { TimelineQuery } from "./bindings/TimelineQuery";
import type { UiError } from "./bindings/UiError";
import type { WeekOverview } from "./bindings/WeekOverview";

export type SettingKey = "language" | "theme";

/** Event the backend emits when the window is asked to close. */
const CLOSE_REQUESTED = "tillid://close-requested";

/**
 * Commands reject with a `UiError`; anything else (IPC failure, a missing
 * command) is wrapped so callers only ever see one shape.
 */
export function asUiError(error: unknown): UiError {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const e = error as Partial<UiError>;
    return { code: e.code ?? "unknown", detail: e.detail ?? "", path: e.path ?? null };
  }
  return { code: "unknown", detail: String(error), path: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asUiError(error);
  }
}

export const appStatus = () => call<AppStatus>("app_status");
export const weekOverview = () => call<WeekOverview>("week_overview");

export const reflectionView = (week: IsoWeek) => call<ReflectionView>("reflection_view", { week });
export const saveReflection = (week: IsoWeek, input: ReflectionInput) =>
  call<Reflection>("save_reflection", { week, input });
export const setReflectionDone = (week: IsoWeek, done: boolean) =>
  call<Reflection>("set_reflection_done", { week, done });

export const getNote = (id: number) => call<Note>("get_note", { id });
export const createNote = (input: NoteInput) => call<Note>("create_note", { input });
export const updateNote = (id: number, input: NoteInput) => call<Note>("update_note", { id, input });
export const deleteNote = (id: number) => call<void>("delete_note", { id });

export const timeline = (query: TimelineQuery) => call<TimelinePage>("timeline", { query });
export const timelineFilters = () => call<TimelineFilters>("timeline_filters");
export const search = (query: string, limit: number | null = null) =>
  call<SearchHit[]>("search", { query, limit });

/** Sanitised HTML (rendered and cleaned by the backend), safe for {@html}. */
export const renderMarkdown = (source: string) => call<string>("render_markdown", { source });

export const getSettings = () => call<Settings>("get_settings");
export const setSetting = (key: SettingKey, value: string) =>
  call<Settings>("set_setting", { key, value });

export const openDataFolder = () => call<void>("open_data_folder");
/** Tells the backend the close request was heard, so it waits for us. */
export const closeAck = () => call<void>("close_ack");
export const finishClose = () => call<void>("finish_close");
export const uiReady = () => call<void>("ui_ready");

export function onCloseRequested(handler: () => void): Promise<UnlistenFn> {
  return listen(CLOSE_REQUESTED, () => {
    void closeAck().catch(() => {});
    handler();
  });
}
