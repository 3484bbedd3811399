// Debounced, serialised saving shared by both editors. The editor hands over
// the whole entry on every change; at most one save per entry is in flight,
// and only the newest value waits behind it. `flush` resolves once everything
// typed so far is stored (true) or a save failed (false, value kept).

export type SaveState = "saved" | "saving" | "dirty" | "error";

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: SaveState, error: unknown) => void;
  /** Quiet time after the last change before saving. */
  delay?: number;
  /** Whether a failed save is worth retrying by itself (e.g. a busy database). */
  shouldRetry?: (error: unknown) => boolean;
}

export interface Autosaver<T> {
  change: (value: T) => void;
  flush: () => Promise<boolean>;
  /** Drops what has not been saved yet (used before deleting the entry). */
  discard: () => Promise<void>;
  /** Flushes, then stops taking part in `flushAll` once nothing is left. */
  dispose: () => Promise<boolean>;
  readonly state: SaveState;
}

// Every saver that may still hold unsaved text: route changes, Ctrl+S and
// closing the window all flush these.
const active = new Set<Autosaver<unknown>>();

export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...active].map((s) => s.flush()));
  return results.every(Boolean);
}

const RETRY_STEPS_MS = [3_000, 10_000, 30_000];

export function createAutosaver<T>(options: AutosaveOptions<T>): Autosaver<T> {
  const delay = options.delay ?? 600;
  let pending: { value: T } | null = null;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let state: SaveState = "saved";
  let stopped = false;

  function setState(next: SaveState, error: unknown = null): void {
    state = next;
    options.onState(next, error);
  }

  function clearTimers(): void {
    clearTimeout(timer);
    clearTimeout(retryTimer);
    timer = undefined;
    retryTimer = undefined;
  }

  function scheduleRetry(error: unknown): void {
    if (options.shouldRetry && !options.shouldRetry(error)) return;
    const wait = RETRY_STEPS_MS[Math.min(failures - 1, RETRY_STEPS_MS.length - 1)];
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!timer) void start();
    }, wait);
  }

  // Starts one save unless one is running; resolves when that save ends.
  function start(): Promise<void> {
    if (inFlight) return inFlight;
    if (!pending || stopped) return Promise.resolve();
    const { value } = pending;
    pending = null;
    setState("saving");
    inFlight = options.save(value).then(
      () => {
        inFlight = null;
        failures = 0;
        if (stopped) return;
        if (!pending) {
          setState("saved");
        } else {
          setState("dirty");
          // Changes arrived while saving and their quiet time is over.
          if (!timer) void start();
        }
      },
      (error: unknown) => {
        inFlight = null;
        failures += 1;
        if (stopped) return;
        // A newer value supersedes this one: saves always carry everything.
        pending ??= { value };
        setState("error", error);
        scheduleRetry(error);
      },
    );
    return inFlight;
  }

  const saver: Autosaver<T> = {
    get state() {
      return state;
    },

    change(value: T) {
      if (stopped) return;
      pending = { value };
      active.add(saver as Autosaver<unknown>);
      clearTimers();
      // An error stays visible until a save actually succeeds.
      if (state !== "error") setState("dirty");
      timer = setTimeout(() => {
        timer = undefined;
        // If a save is running, its completion starts the next one.
        if (!inFlight) void start();
      }, delay);
    },

    async flush() {
      clearTimers();
      // Bounded: each pass either stores the newest value or gives up on an error.
      for (let attempt = 0; attempt < 3; attempt++) {
        while (inFlight) await inFlight;
        if (!pending) return true;
        await start();
        if (state === "error") return false;
      }
      return !pending && !inFlight && state !== "error";
    },

    async discard() {
      stopped = true;
      clearTimers();
      pending = null;
      while (inFlight) await inFlight;
      pending = null;
      active.delete(saver as Autosaver<unknown>);
    },

    async dispose() {
      const ok = await saver.flush();
      // A failed save stays registered so the next flush tries it again.
      if (ok) active.delete(saver as Autosaver<unknown>);
      return ok;
    },
  };
  return saver;
}
