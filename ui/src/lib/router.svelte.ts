// A small hash router. Before the view changes, a guard (App: flush every
// pending save) must succeed; if it fails the old view stays, with its text.
import type { IsoWeek } from "./bindings/IsoWeek";

export type Route =
  | { name: "home" }
  | { name: "reflection"; week: IsoWeek }
  | { name: "journal" }
  | { name: "note"; id: number | null }
  | { name: "search" }
  | { name: "settings" }
  | { name: "people" }
  | { name: "person"; id: number }
  | { name: "conversation"; id: number }
  | { name: "library" }
  | { name: "devlog" }
  | { name: "exercise"; id: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split(/\//).filter(Boolean);
  const [head, a, b] = parts;
  if (head === "reflection" && a && b) {
    const year = Number(a);
    const week = Number(b);
    if (Number.isInteger(year) && Number.isInteger(week) && week >= 1 && week <= 53) {
      return { name: "reflection", week: { year, week } };
    }
  }
  if (head === "note" && a === "new") return { name: "note", id: null };
  if (head === "note" && a && /^\d+$/.test(a)) return { name: "note", id: Number(a) };
  if (head === "person" && a && /^\d+$/.test(a)) return { name: "person", id: Number(a) };
  if (head === "conversation" && a && /^\d+$/.test(a)) return { name: "conversation", id: Number(a) };
  if (head === "exercise" && a && /^[a-z0-9-]+$/.test(a)) return { name: "exercise", id: a };
  if (head === "library") return { name: "library" };
  if (head === "devlog") return { name: "devlog" };
  if (head === "people") return { name: "people" };
  if (head === "journal") return { name: "journal" };
  if (head === "search") return { name: "search" };
  if (head === "settings") return { name: "settings" };
  return { name: "home" };
}

export const paths = {
  home: "#/",
  journal: "#/journal",
  search: "#/search",
  settings: "#/settings",
  people: "#/people",
  person: (id: number) => `#/person/${id}`,
  conversation: (id: number) => `#/conversation/${id}`,
  library: "#/library",
  devlog: "#/devlog",
  exercise: (id: string) => `#/exercise/${id}`,
  newNote: "#/note/new",
  note: (id: number) => `#/note/${id}`,
  reflection: (w: IsoWeek) => `#/reflection/${w.year}/${w.week}`,
};

let route = $state<Route>(parseHash(location.hash));
// Bumped on every real navigation; views are keyed on it so each visit
// starts fresh, while `replace` updates the address without a remount.
let visit = $state(0);
let shownHash = location.hash;
let guard: () => Promise<boolean> = async () => true;
let onBlocked: () => void = () => {};

export const router = {
  get route(): Route {
    return route;
  },
  get visit(): number {
    return visit;
  },
};

async function onHashChange(): Promise<void> {
  const target = location.hash;
  if (target === shownHash) return;
  const ok = await guard();
  // Another navigation happened while saving: that one wins.
  if (location.hash !== target) return;
  if (!ok) {
    history.replaceState(null, "", shownHash || "#/");
    onBlocked();
    return;
  }
  shownHash = target;
  route = parseHash(target);
  visit += 1;
}

export function startRouter(options: { guard: () => Promise<boolean>; onBlocked: () => void }): void {
  guard = options.guard;
  onBlocked = options.onBlocked;
  window.addEventListener("hashchange", () => void onHashChange());
}

export function navigate(hash: string): void {
  if (location.hash === hash) return;
  location.hash = hash;
}

/** Changes the address of the current view (e.g. a new note got its id). */
export function replace(hash: string): void {
  history.replaceState(null, "", hash);
  shownHash = hash;
  route = parseHash(hash);
}
