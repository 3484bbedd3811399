// Closing the app: everything pending is saved first; only then is the
// backend told to finish. If a save fails the app stays open with the text
// on screen, and the caller shows why.
import { flushAll } from "./autosave";
import type { Backend } from "./backend";

/** "closed": saved and finished; "blocked": a save failed; "busy": a close is already under way. */
export type CloseOutcome = "closed" | "blocked" | "busy";

export function createCloser(
  backend: Pick<Backend, "finishClose">,
  flush: () => Promise<boolean> = flushAll,
): () => Promise<CloseOutcome> {
  let closing = false;
  return async function saveAndClose(): Promise<CloseOutcome> {
    if (closing) return "busy";
    closing = true;
    try {
      if (await flush()) {
        // Saved. Ready for the next close before asking to finish: if the
        // window goes to the tray, the page may be paused before this call
        // returns, and a close after she brings it back must still work.
        closing = false;
        await backend.finishClose();
        return "closed";
      }
      return "blocked";
    } catch {
      return "blocked";
    } finally {
      closing = false;
    }
  };
}
