// The editors' saver against a fake backend: errors arrive as UiErrors,
// "gone" stops the saver, and only passing failures are retried.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Backend } from "./backend";
import type { PersonInput } from "./bindings/PersonInput";
import type { UiError } from "./bindings/UiError";
import type { SaveState } from "./autosave";
import { createEditorSaver } from "./editorSaver";

const person: PersonInput = { name: "Mette", role: "", start_date: null, working_style: "", cadence_weeks: null };

function setup(fail: (n: number) => unknown) {
  let calls = 0;
  const backend: Pick<Backend, "personUpdate"> = {
    personUpdate: vi.fn(async () => {
      calls += 1;
      const error = fail(calls);
      if (error) throw error;
      return {} as Awaited<ReturnType<Backend["personUpdate"]>>;
    }),
  };
  const shown: [SaveState, UiError | null][] = [];
  const ongone = vi.fn();
  const saver = createEditorSaver<PersonInput>({
    save: async (input) => {
      await backend.personUpdate(7, input);
    },
    show: (state, error) => shown.push([state, error]),
    ongone,
  });
  return { backend, saver, shown, ongone };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createEditorSaver", () => {
  it("shows the save states and no error when saving works", async () => {
    const { saver, shown, ongone } = setup(() => null);
    saver.change(person);
    await vi.advanceTimersByTimeAsync(600);
    expect(shown).toEqual([
      ["dirty", null],
      ["saving", null],
      ["saved", null],
    ]);
    expect(ongone).not.toHaveBeenCalled();
    await saver.dispose();
  });

  it("turns any failure into a UiError on screen", async () => {
    const { saver, shown } = setup(() => "ipc broke");
    saver.change(person);
    await vi.advanceTimersByTimeAsync(600);
    expect(shown.at(-1)).toEqual(["error", { code: "unknown", detail: "ipc broke", path: null }]);
    await saver.discard();
  });

  it("stops and reports when the edited thing is gone", async () => {
    const { backend, saver, ongone } = setup(() => ({ code: "not_found", detail: "", path: null }));
    saver.change(person);
    await vi.advanceTimersByTimeAsync(600);
    expect(ongone).toHaveBeenCalledTimes(1);
    // Discarded: later typing and retries save nothing.
    saver.change({ ...person, name: "Mette K" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(backend.personUpdate).toHaveBeenCalledTimes(1);
  });

  it("retries a busy database by itself but not an invalid value", async () => {
    const busy = setup((n) => (n === 1 ? { code: "locked", detail: "", path: null } : null));
    busy.saver.change(person);
    await vi.advanceTimersByTimeAsync(600 + 3_000);
    expect(busy.backend.personUpdate).toHaveBeenCalledTimes(2);
    expect(busy.shown.at(-1)).toEqual(["saved", null]);
    await busy.saver.dispose();

    const invalid = setup(() => ({ code: "invalid", detail: "", path: null }));
    invalid.saver.change(person);
    await vi.advanceTimersByTimeAsync(600 + 60_000);
    expect(invalid.backend.personUpdate).toHaveBeenCalledTimes(1);
    await invalid.saver.discard();
  });
});
