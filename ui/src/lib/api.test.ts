// How a rejected command becomes the one error shape the screens show.
import { describe, expect, it } from "vitest";
import { asUiError } from "./api";

describe("asUiError", () => {
  it("keeps an error the backend already shaped", () => {
    expect(asUiError({ code: "not_found", detail: "entry 7", path: null })).toEqual({
      code: "not_found",
      detail: "entry 7",
      path: null,
    });
  });

  it("turns a week serde refused into invalid_date, naming the week", () => {
    const text = "invalid args `week` for command `reflection_view`: not a valid date: 2026-W54";
    expect(asUiError(text)).toEqual({ code: "invalid_date", detail: "2026-W54", path: null });
  });

  it("wraps anything else as unknown, keeping its text", () => {
    expect(asUiError("command foo not found")).toEqual({
      code: "unknown",
      detail: "command foo not found",
      path: null,
    });
  });
});
