// The close flow against a fake backend.
import { describe, expect, it, vi } from "vitest";
import { createCloser } from "./closing";

describe("createCloser", () => {
  it("finishes the close only after everything is saved", async () => {
    const order: string[] = [];
    const finishClose = vi.fn(async () => {
      order.push("finish");
    });
    const close = createCloser({ finishClose }, async () => {
      order.push("flush");
      return true;
    });
    expect(await close()).toBe("closed");
    expect(order).toEqual(["flush", "finish"]);
  });

  it("stays open when a save fails, and a later close can try again", async () => {
    const finishClose = vi.fn(async () => {});
    let ok = false;
    const close = createCloser({ finishClose }, async () => ok);
    expect(await close()).toBe("blocked");
    expect(finishClose).not.toHaveBeenCalled();
    ok = true;
    expect(await close()).toBe("closed");
    expect(finishClose).toHaveBeenCalledTimes(1);
  });

  it("stays open when flushing or finishing throws", async () => {
    const failing = createCloser({ finishClose: async () => {} }, async () => {
      throw new Error("ipc gone");
    });
    expect(await failing()).toBe("blocked");
    const refused = createCloser({ finishClose: async () => Promise.reject(new Error("no")) }, async () => true);
    expect(await refused()).toBe("blocked");
  });

  it("ignores a second close while one is under way", async () => {
    let release = (_: boolean) => {};
    const finishClose = vi.fn(async () => {});
    const close = createCloser({ finishClose }, () => new Promise<boolean>((r) => (release = r)));
    const first = close();
    expect(await close()).toBe("busy");
    release(true);
    expect(await first).toBe("closed");
    expect(finishClose).toHaveBeenCalledTimes(1);
  });
});
