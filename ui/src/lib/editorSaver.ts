// The autosaver every editor uses: its state and error go to the screen as
// a UiError, failures that may fix themselves are retried quietly, and when
// what is edited is gone (erased meanwhile) the saver stops and says so.
import { asUiError } from "./api";
import type { UiError } from "./bindings/UiError";
import { createAutosaver, type Autosaver, type SaveState } from "./autosave";
import { isRetryable } from "./errors";

export interface EditorSaverOptions<T> {
  save: (value: T) => Promise<void>;
  /** The save state, and the error while it is "error". */
  show: (state: SaveState, error: UiError | null) => void;
  /** Called once the backend says the edited thing no longer exists. */
  ongone?: () => void;
  delay?: number;
}

export function createEditorSaver<T>(options: EditorSaverOptions<T>): Autosaver<T> {
  const saver: Autosaver<T> = createAutosaver<T>({
    save: options.save,
    onState: (state, error) => {
      const e = state === "error" ? asUiError(error) : null;
      options.show(state, e);
      if (e?.code === "not_found" && options.ongone) {
        void saver.discard();
        options.ongone();
      }
    },
    shouldRetry: isRetryable,
    delay: options.delay,
  });
  return saver;
}
