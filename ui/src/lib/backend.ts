// The part of the Rust side that autosaving and closing depend on, as an
// interface: the app passes the real commands from api.ts, and unit tests
// pass a fake, so that autosave and the close flow run without a window.
import * as api from "./api";

export interface Backend {
  saveReflection: typeof api.saveReflection;
  createNote: typeof api.createNote;
  updateNote: typeof api.updateNote;
  personUpdate: typeof api.personUpdate;
  conversationSave: typeof api.conversationSave;
  programSaveAnswers: typeof api.programSaveAnswers;
  /** Tells the backend that everything is saved and the app may end. */
  finishClose: typeof api.finishClose;
}

export const tauriBackend: Backend = {
  saveReflection: api.saveReflection,
  createNote: api.createNote,
  updateNote: api.updateNote,
  personUpdate: api.personUpdate,
  conversationSave: api.conversationSave,
  programSaveAnswers: api.programSaveAnswers,
  finishClose: api.finishClose,
};
