// The only door to the Rust backend: every command and event the UI uses,
// typed with the bindings generated from the Rust structs. Nothing else in
// the UI imports @tauri-apps/api.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Agreement } from "./bindings/Agreement";
import type { AgreementInput } from "./bindings/AgreementInput";
import type { AppStatus } from "./bindings/AppStatus";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { BackupList } from "./bindings/BackupList";
import type { ExportedFiles } from "./bindings/ExportedFiles";
import type { Exercise } from "./bindings/Exercise";
import type { ExerciseAnswer } from "./bindings/ExerciseAnswer";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { MusDocument } from "./bindings/MusDocument";
import type { Conversation } from "./bindings/Conversation";
import type { ConversationInput } from "./bindings/ConversationInput";
import type { ConversationKind } from "./bindings/ConversationKind";
import type { ConversationView } from "./bindings/ConversationView";
import type { DevLogExported } from "./bindings/DevLogExported";
import type { DevLogOptions } from "./bindings/DevLogOptions";
import type { DevLogPreview } from "./bindings/DevLogPreview";
import type { DevLogProgress } from "./bindings/DevLogProgress";
import type { DataLocations } from "./bindings/DataLocations";
import type { DelegationLevel } from "./bindings/DelegationLevel";
import type { ErasurePreview } from "./bindings/ErasurePreview";
import type { Expectation } from "./bindings/Expectation";
import type { ExpectationInput } from "./bindings/ExpectationInput";
import type { Feedback } from "./bindings/Feedback";
import type { FeedbackInput } from "./bindings/FeedbackInput";
import type { FollowUp } from "./bindings/FollowUp";
import type { ImportKind } from "./bindings/ImportKind";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { IsoWeek } from "./bindings/IsoWeek";
import type { JsonExported } from "./bindings/JsonExported";
import type { JudgementHint } from "./bindings/JudgementHint";
import type { MusTemplate } from "./bindings/MusTemplate";
import type { Note } from "./bindings/Note";
import type { NoteInput } from "./bindings/NoteInput";
import type { OwnTemplate } from "./bindings/OwnTemplate";
import type { OwnTemplateInput } from "./bindings/OwnTemplateInput";
import type { PeopleHit } from "./bindings/PeopleHit";
import type { PeopleWeek } from "./bindings/PeopleWeek";
import type { Person } from "./bindings/Person";
import type { PersonInput } from "./bindings/PersonInput";
import type { PersonPage } from "./bindings/PersonPage";
import type { ProgramWeek } from "./bindings/ProgramWeek";
import type { Reflection } from "./bindings/Reflection";
import type { ReflectionInput } from "./bindings/ReflectionInput";
import type { ReflectionView } from "./bindings/ReflectionView";
import type { ReminderNotice } from "./bindings/ReminderNotice";
import type { ReminderSettings } from "./bindings/ReminderSettings";
import type { ReminderView } from "./bindings/ReminderView";
import type { RestoreOutcome } from "./bindings/RestoreOutcome";
import type { SearchHit } from "./bindings/SearchHit";
import type { Settings } from "./bindings/Settings";
import type { ThemeProgress } from "./bindings/ThemeProgress";
import type { TimelineFilters } from "./bindings/TimelineFilters";
import type { TimelinePage } from "./bindings/TimelinePage";
import type { TimelineQuery } from "./bindings/TimelineQuery";
import type { Saved } from "./bindings/Saved";
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
  const text = String(error);
  // A week or date that serde refused while reading a command's arguments
  // ("invalid args `week` for command `…`: not a valid date: 2026-W54").
  const date = /not a valid date: (.*)$/.exec(text);
  if (date) return { code: "invalid_date", detail: date[1], path: null };
  return { code: "unknown", detail: text, path: null };
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
  call<Saved>("save_reflection", { week, input });
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

// ---- People, conversations, agreements, feedback, expectations ----


export const peopleList = (includeArchived: boolean) =>
  call<Person[]>("people_list", { includeArchived });
export const personPage = (id: number) => call<PersonPage>("person_page", { id });
export const personAdd = (input: PersonInput) => call<Person>("person_add", { input });
export const personUpdate = (id: number, input: PersonInput) =>
  call<Person>("person_update", { id, input });
/** `months` null: the default retention of 12 months. */
export const personArchive = (id: number, months: number | null = null) =>
  call<Person>("person_archive", { id, months });
export const personUnarchive = (id: number) => call<Person>("person_unarchive", { id });
export const personSetRetention = (id: number, until: string) =>
  call<Person>("person_set_retention", { id, until });
export const peoplePastRetention = () => call<Person[]>("people_past_retention");
export const personErasurePreview = (id: number) =>
  call<ErasurePreview>("person_erasure_preview", { id });
export const personErase = (id: number) => call<ErasurePreview>("person_erase", { id });
export const personExport = (id: number) => call<ExportedFiles>("person_export", { id });
export const peopleWeek = () => call<PeopleWeek>("people_week");
export const searchPeople = (query: string, limit: number | null = null) =>
  call<PeopleHit[]>("search_people", { query, limit });

export const conversationStart = (personId: number, kind: ConversationKind, date: string) =>
  call<Conversation>("conversation_start", { personId, kind, date });
export const conversationView = (id: number) => call<ConversationView>("conversation_view", { id });
export const conversationSave = (id: number, input: ConversationInput) =>
  call<Conversation>("conversation_save", { id, input });
export const conversationDelete = (id: number) => call<void>("conversation_delete", { id });

/** Her own agenda templates for one kind of conversation, and Tillid's built-in one. */
export const ownTemplates = (kind: ConversationKind) => call<OwnTemplate[]>("own_templates", { kind });
export const ownTemplateSave = (input: OwnTemplateInput) => call<OwnTemplate>("own_template_save", { input });
export const ownTemplateDelete = (id: number) => call<void>("own_template_delete", { id });
export const builtinAgenda = (kind: ConversationKind) => call<string>("builtin_agenda", { kind });

/** Writes the MUS preparation form or summary as PDF, DOCX or Markdown; returns the path. */
export const musExport = (id: number, which: MusDocument, format: ExportFormat) =>
  call<string>("mus_export", { id, which, format });
/** Agreements made or followed up in a week (the reflection's check-up). */
export const weekAgreements = (week: IsoWeek) => call<Agreement[]>("week_agreements", { week });
export const agreementAdd = (conversationId: number, input: AgreementInput) =>
  call<Agreement>("agreement_add", { conversationId, input });
export const agreementUpdate = (id: number, input: AgreementInput) =>
  call<Agreement>("agreement_update", { id, input });
export const agreementDelete = (id: number) => call<void>("agreement_delete", { id });
export const agreementFollowUp = (agreementId: number, conversationId: number, what: FollowUp) =>
  call<Agreement>("agreement_follow_up", { agreementId, conversationId, what });

export const feedbackAdd = (personId: number, input: FeedbackInput) =>
  call<Feedback>("feedback_add", { personId, input });
export const feedbackUpdate = (id: number, input: FeedbackInput) =>
  call<Feedback>("feedback_update", { id, input });
export const feedbackDelete = (id: number) => call<void>("feedback_delete", { id });
export const judgementHint = (behaviour: string) =>
  call<JudgementHint | null>("judgement_hint", { behaviour });

export const expectationAdd = (personId: number, input: ExpectationInput) =>
  call<Expectation>("expectation_add", { personId, input });
export const expectationUpdate = (id: number, input: ExpectationInput) =>
  call<Expectation>("expectation_update", { id, input });
export const expectationDelete = (id: number) => call<void>("expectation_delete", { id });
export const delegationLog = (id: number, week: IsoWeek, actedLevel: number, note: string) =>
  call<Expectation>("delegation_log", { id, week, actedLevel, note });

export const musTemplate = () => call<MusTemplate>("mus_template");
export const delegationLevels = () => call<DelegationLevel[]>("delegation_levels");

// ---- The weekly exercise program and its library (texts in the settings' language) ----

/** The week's exercise, chosen and kept the first time the week is shown. */
export const programWeek = (week: IsoWeek) => call<ProgramWeek>("program_week", { week });
/** Picks another exercise for the week (its own again takes a skip back). */
export const programSwap = (week: IsoWeek, exerciseId: string) =>
  call<ProgramWeek>("program_swap", { week, exerciseId });
export const programSkip = (week: IsoWeek) => call<ProgramWeek>("program_skip", { week });
/** Keeps her answers as she types (autosave); the week's state is unchanged. */
export const programSaveAnswers = (week: IsoWeek, answers: ExerciseAnswer[]) =>
  call<ProgramWeek>("program_save_answers", { week, answers });
/** Marks the exercise done with her answers; called again, it edits them. */
export const programComplete = (week: IsoWeek, answers: ExerciseAnswer[]) =>
  call<ProgramWeek>("program_complete", { week, answers });
export const programProgress = () => call<ThemeProgress[]>("program_progress");
/** Weeks with a done exercise and their answers, newest first. */
export const programHistory = () => call<ProgramWeek[]>("program_history");
export const exerciseLibrary = () => call<Exercise[]>("exercise_library");
/** "mix" or one theme. */
export const programFocusGet = () => call<string>("program_focus_get");
export const programFocusSet = (focus: string) => call<string>("program_focus_set", { focus });

/** Sanitised HTML (rendered and cleaned by the backend), safe for {@html}. */
export const renderMarkdown = (source: string) => call<string>("render_markdown", { source });

export const getSettings = () => call<Settings>("get_settings");
export const setSetting = (key: SettingKey, value: string) =>
  call<Settings>("set_setting", { key, value });

export const openDataFolder = () => call<void>("open_data_folder");

// ---- Backups and restore (a backup is named by its file name in the backups folder) ----

export const dataLocations = () => call<DataLocations>("data_locations");
export const openBackupsFolder = () => call<void>("open_backups_folder");
export const backupNow = () => call<BackupInfo>("backup_now");
/** Newest first; files that cannot be restored are listed apart, with why. */
export const backupsList = () => call<BackupList>("backups_list");
/** What a backup holds, read without changing anything. */
export const backupInfo = (name: string) => call<BackupInfo>("backup_info", { name });
/** Backs up the current state first; refused (nothing changed) for a bad file. */
export const restoreBackup = (name: string) => call<RestoreOutcome>("restore_backup", { name });
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

// ---- Weekly reminder, tray and starting at login ----

/** Events the shell's reminder loop and tray emit. */
const REMINDER_DUE = "tillid://reminder-due";
const OPEN_REFLECTION = "tillid://open-reflection";

export const reminderSettings = () => call<ReminderView>("reminder_settings");
/** Refused with `invalid` for an impossible day or time; nothing is stored then. */
export const setReminderSettings = (settings: ReminderSettings) =>
  call<ReminderView>("set_reminder_settings", { settings });
/** A reminder that came (or was missed) before the UI listened, if not yet handled. */
export const reminderPending = () => call<ReminderNotice | null>("reminder_pending");
export const reminderDismiss = () => call<void>("reminder_dismiss");

export function onReminderDue(handler: (notice: ReminderNotice) => void): Promise<UnlistenFn> {
  return listen<ReminderNotice>(REMINDER_DUE, (event) => handler(event.payload));
}

/** The tray's "Reflect now" or a click on the notification. */
export function onOpenReflection(handler: (week: IsoWeek) => void): Promise<UnlistenFn> {
  return listen<IsoWeek>(OPEN_REFLECTION, (event) => handler(event.payload));
}

// ---- The course log (udviklingslog) ----

/** The choices the screen starts with (her name from the last log). */
export const devlogDefaults = () => call<DevLogOptions>("devlog_defaults");
/** The log as it would be written; Markdown and charts come as sanitised HTML. */
export const devlogPreview = (options: DevLogOptions) => call<DevLogPreview>("devlog_preview", { options });
/** The native save dialog (in the backend); null when she cancels. */
export const devlogChoosePath = (format: ExportFormat, fileStem: string) =>
  call<string | null>("devlog_choose_path", { format, fileStem });
/** Writes the log to the path chosen in the dialog (no other path is accepted). */
export const devlogExport = (options: DevLogOptions, format: ExportFormat, path: string) =>
  call<DevLogExported>("devlog_export", { options, format, path });
/** Opens / reveals the file just written, and nothing else. */
export const everythingChoosePath = () => call<string | null>("everything_choose_path");
export const exportEverything = (path: string) => call<JsonExported>("export_everything", { path });

export const openSavedFile = () => call<void>("open_saved_file");
export const showSavedInFolder = () => call<void>("show_saved_in_folder");

/** Progress while the log is written. */
export function onDevlogProgress(handler: (progress: DevLogProgress) => void): Promise<UnlistenFn> {
  return listen<DevLogProgress>("tillid://devlog-progress", (event) => handler(event.payload));
}

// Import from another journal, or a Tillid export. The native open dialog
// runs in the backend; import_file reads only the path chosen there.
/** The native open dialog (a folder for Markdown notes); null when she cancels. */
export const importChoose = (kind: ImportKind) => call<string | null>("import_choose", { kind });
/** Imports the chosen file; `merge` lets a Tillid export into a store that has data. */
export const importFile = (kind: ImportKind, path: string, merge: boolean) =>
  call<ImportSummary>("import_file", { kind, path, merge });
/** Entries done / total while importing. */
export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("tillid://import-progress", (event) => handler(event.payload));
}
