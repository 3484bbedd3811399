// The app's two languages. Dictionaries are flat JSON files shared with the
// rest of the project; `t` reads the current language from a rune so every
// label re-renders the moment the language changes in Settings.
import da from "../../../assets/i18n/da.json";
import en from "../../../assets/i18n/en.json";
import type { Lang } from "./bindings/Lang";

/** Every key in the Danish dictionary; en.json must have exactly the same. */
export type Key = keyof typeof da;

/** Keys chosen at runtime: only these prefixes, every value in both files. */
export type DynamicKey =
  | `error.${string}`
  | `month.${number}`
  | `monthShort.${number}`
  | `weekday.${number}`
  | `status.${string}`
  | `kind.${string}`
  | `conversationKind.${string}`
  | `owner.${string}`
  | `agreementStatus.${string}`
  | `followUp.${string}`
  | `direction.${string}`
  | `tone.${string}`
  | `mus.phase.${string}`
  | `templates.makeDefault.${string}`
  | `exerciseTheme.${string}`
  | `exerciseLevel.${string}`
  | `exportFormat.${string}`;

type Params = Record<string, string | number>;

const dictionaries: Record<Lang, Record<string, string>> = { da, en };

let current = $state<Lang>("da");

export const i18n = {
  get lang(): Lang {
    return current;
  },
};

export function setLanguage(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

/** Before the backend answers (or when it cannot), guess from the webview. */
export function guessLanguage(): Lang {
  return navigator.language.toLowerCase().startsWith("da") ? "da" : "en";
}

export function has(key: string): boolean {
  return key in dictionaries[current];
}

/** Translates `key`, replacing `{name}` placeholders with `params`. */
export function t(key: Key | DynamicKey, params?: Params): string {
  const text = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
