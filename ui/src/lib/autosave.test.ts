// Autosave against a fake backend: no window, no IPC, fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosaver, flushAll, type SaveState } from "./autosave";
import type { Backend } from "./backend";
import type { NoteInput } from "./bindings/NoteInput";
import type { UiError } from "./bindings/UiError";

const busy: UiError = { code: "busy", detail: "database is locked", path: null };

/** A fake of the IPC boundary: records what was saved, fails while told to. */
function fakeBackend() {
  const saved: NoteInput[] = [];
  let failing: UiError | null = null;
  let gate: Promise<void> | null = null;
  const backend: Pick<Backend, "updateNote"> = {
    updateNote: async (id, input) => {
      if (gate) await gate;
      if (failing) throw failing;
      saved.push(input);
      return { id, ...input } as unknown as Awaited<ReturnType<Backend["updateNote"]>>;
    },
  };
  return {
    backend,
    saved,
    fail(error: UiError | null) {
      failing = error;
    },
    /** Holds every save until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

function note(body: string): NoteInput {
  return { date: "2026-03-02", title: "", body, tags: [] };
}

function setup(options: { shouldRetry?: (e: unknown) => boolean } = {}) {
  const fake = fakeBackend();
  const states: SaveState[] = [];
  const errors: unknown[] = [];
  const saver = createAutosaver<NoteInput>({
    save: async (value) => {
      await fake.backend.updateNote(1, value);
    },
    onState: (state, error) => {
      states.push(state);
      if (error) errors.push(error);
    },
    delay: 600,
    ...options,
  });
  return { fake, saver, states, errors };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createAutosaver", () => {
  it("waits for a quiet time, then saves only the newest value", async () => {
    const { fake, saver, states } = setup();
    saver.change(note("a"));
    await vi.advanceTimersByTimeAsync(300);
    saver.change(note("ab"));
    await vi.advanceTimersByTimeAsync(599);
    expect(fake.saved).toEqual([]);
    expect(saver.state).toBe("dirty");
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.saved.map((n) => n.body)).toEqual(["ab"]);
    expect(saver.state).toBe("saved");
    expect(states).toEqual(["dirty", "dirty", "saving", "saved"]);
    await saver.dispose();
  });

  it("keeps one save in flight and sends what was typed meanwhile afterwards", async () => {
    const { fake, saver } = setup();
    const release = fake.hold();
    saver.change(note("one"));
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.state).toBe("saving");
    saver.change(note("two"));
    saver.change(note("three"));
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.saved).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.saved.map((n) => n.body)).toEqual(["one", "three"]);
    expect(saver.state).toBe("saved");
    await saver.dispose();
  });

  it("shows an error, keeps the value and retries by itself when the error allows", async () => {
    const { fake, saver, errors } = setup({ shouldRetry: (e) => (e as UiError).code === "busy" });
    fake.fail(busy);
    saver.change(note("kept"));
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.state).toBe("error");
    expect(errors).toEqual([busy]);
    // Typing on does not hide the error until a save succeeds.
    saver.change(note("kept more"));
    expect(saver.state).toBe("error");
    fake.fail(null);
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.saved.map((n) => n.body)).toEqual(["kept more"]);
    expect(saver.state).toBe("saved");
    await saver.dispose();
  });

  it("retries after the first back-off step when nothing new was typed", async () => {
    const { fake, saver } = setup();
    fake.fail(busy);
    saver.change(note("x"));
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.state).toBe("error");
    fake.fail(null);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fake.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.saved.map((n) => n.body)).toEqual(["x"]);
    expect(saver.state).toBe("saved");
    await saver.dispose();
  });

  it("does not retry by itself when the error is not worth it", async () => {
    const { fake, saver } = setup({ shouldRetry: () => false });
    fake.fail({ code: "invalid", detail: "", path: null });
    saver.change(note("x"));
    await vi.advanceTimersByTimeAsync(600);
    fake.fail(null);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.saved).toEqual([]);
    expect(saver.state).toBe("error");
    // An explicit flush still stores it.
    expect(await saver.flush()).toBe(true);
    expect(fake.saved.map((n) => n.body)).toEqual(["x"]);
    await saver.dispose();
  });

  it("flush saves at once without waiting for the quiet time", async () => {
    const { fake, saver } = setup();
    saver.change(note("now"));
    expect(await saver.flush()).toBe(true);
    expect(fake.saved.map((n) => n.body)).toEqual(["now"]);
    // The debounce timer was cleared: nothing is saved twice.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.saved).toHaveLength(1);
    await saver.dispose();
  });

  it("flush reports a failed save and keeps the value for the next try", async () => {
    const { fake, saver } = setup();
    fake.fail(busy);
    saver.change(note("draft"));
    expect(await saver.flush()).toBe(false);
    expect(saver.state).toBe("error");
    fake.fail(null);
    expect(await saver.flush()).toBe(true);
    expect(fake.saved.map((n) => n.body)).toEqual(["draft"]);
    await saver.dispose();
  });

  it("discard drops what is pending and ignores later changes", async () => {
    const { fake, saver } = setup();
    saver.change(note("gone"));
    await saver.discard();
    saver.change(note("after"));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.saved).toEqual([]);
    expect(await flushAll()).toBe(true);
  });
});

describe("flushAll", () => {
  it("flushes every saver with pending text and keeps failed ones registered", async () => {
    const a = setup();
    const b = setup();
    a.saver.change(note("a"));
    b.fake.fail(busy);
    b.saver.change(note("b"));
    expect(await flushAll()).toBe(false);
    expect(a.fake.saved.map((n) => n.body)).toEqual(["a"]);
    // A failed saver stays registered even after dispose, so closing tries again.
    expect(await b.saver.dispose()).toBe(false);
    b.fake.fail(null);
    expect(await flushAll()).toBe(true);
    expect(b.fake.saved.map((n) => n.body)).toEqual(["b"]);
    await a.saver.dispose();
    await b.saver.dispose();
  });
});
