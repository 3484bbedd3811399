// Small helpers for the weekly exercise program: names of themes, levels and
// frameworks in the UI's language, and her answers lined up with questions.
import type { Exercise } from "./bindings/Exercise";
import type { ExerciseAnswer } from "./bindings/ExerciseAnswer";
import type { IsoWeek } from "./bindings/IsoWeek";
import type { ProgramWeek } from "./bindings/ProgramWeek";
import { t, type Key } from "./i18n.svelte";

/** The library's themes, in its order (as `tillid_core::exercises::THEMES`). */
export const THEMES = [
  "micromanagement",
  "expectations",
  "feedback",
  "transparency",
  "psychological_safety",
  "three_levels",
  "barriers",
  "meaningful_control",
  "responsibility",
] as const;

export const LEVELS = ["organisational", "relational", "individual"] as const;

export function themeName(theme: string): string {
  return t(`exerciseTheme.${theme}`);
}

export function levelName(level: string): string {
  return t(`exerciseLevel.${level}`);
}

// Frameworks are stored by their English name; each has a translated label.
const FRAMEWORKS: Record<string, Key> = {
  "SBI (Center for Creative Leadership)": "framework.sbi",
  "Management 3.0 delegation levels": "framework.delegation",
  "Situational Leadership (Hersey & Blanchard)": "framework.situational",
  "Radical Candor (Kim Scott)": "framework.candor",
  "Psychological safety (Amy Edmondson)": "framework.safety",
  "Kolb's experiential learning cycle": "framework.kolb",
  "Gibbs' reflective cycle": "framework.gibbs",
  "Google re:Work manager behaviours": "framework.rework",
  "Trust as ability, benevolence and integrity (Mayer, Davis & Schoorman)": "framework.trust",
};

export function frameworkNames(frameworks: string[]): string {
  return frameworks.map((f) => (f in FRAMEWORKS ? t(FRAMEWORKS[f]) : f)).join(" · ");
}

/**
 * One text per question of the exercise, from answers saved earlier. Item n
 * in one language matches item n in the other, so answers written in Danish
 * stay with their questions when she reads the exercise in English.
 */
export function answerTexts(exercise: Exercise, saved: ExerciseAnswer[]): string[] {
  return exercise.questions.map((_, i) => saved[i]?.answer ?? "");
}

/** Her answers with the questions as she sees them now. */
export function toAnswers(exercise: Exercise, texts: string[]): ExerciseAnswer[] {
  return exercise.questions.map((question, i) => ({ question, answer: texts[i] ?? "" }));
}

/** Whether anything at all has been written. */
export function hasText(answers: ExerciseAnswer[]): boolean {
  return answers.some((a) => a.answer.trim() !== "");
}

/** Exercise id → the latest week it was done, from the history (newest first). */
export function lastDone(history: ProgramWeek[]): Map<string, IsoWeek> {
  return new Map([...history].reverse().map((w) => [w.exercise_id, w.week] as const));
}
