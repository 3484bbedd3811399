//! The weekly program: one exercise proposed per ISO week, deterministic
//! from the focus setting and her history; swap, skip, or mark done with
//! answers that flow into that week's reflection.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::journal::model::{DoneExercise, ExerciseAnswer};
use crate::locale::{InLang, Lang};
use crate::program::exercises::{library, Exercise, CORE_THEMES, THEMES};
use crate::storage::store::{check_size, Store};
use crate::week::IsoWeek;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProgramState {
    Proposed,
    Swapped,
    Skipped,
    Done,
}

/// The program's week: the exercise and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramWeek {
    pub week: IsoWeek,
    pub exercise_id: String,
    pub state: ProgramState,
    /// The exercise as the library has it now (None if it was removed; the
    /// stored title and answers stay readable).
    pub exercise: Option<Exercise>,
    pub title: String,
    pub theme: String,
    pub answers: Vec<ExerciseAnswer>,
    pub done_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ThemeProgress {
    pub theme: String,
    pub done: u32,
    pub total: u32,
}

fn parse_state(s: &str) -> ProgramState {
    match s {
        "swapped" => ProgramState::Swapped,
        "skipped" => ProgramState::Skipped,
        "done" => ProgramState::Done,
        _ => ProgramState::Proposed,
    }
}

fn state_str(s: ProgramState) -> &'static str {
    match s {
        ProgramState::Proposed => "proposed",
        ProgramState::Swapped => "swapped",
        ProgramState::Skipped => "skipped",
        ProgramState::Done => "done",
    }
}

/// The columns `StoredWeek::from_row` reads, in its order.
const PROGRAM_WEEK_COLUMNS: &str =
    "iso_year, iso_week, exercise_id, state, title, theme, answers, done_at";

/// A `program_week` row as stored, before the library fills it in.
struct StoredWeek {
    week: IsoWeek,
    exercise_id: String,
    state: String,
    title: String,
    theme: String,
    answers: String,
    done_at: Option<String>,
}

impl StoredWeek {
    fn from_row(r: &rusqlite::Row) -> rusqlite::Result<StoredWeek> {
        Ok(StoredWeek {
            week: IsoWeek {
                year: r.get(0)?,
                week: r.get(1)?,
            },
            exercise_id: r.get(2)?,
            state: r.get(3)?,
            title: r.get(4)?,
            theme: r.get(5)?,
            answers: r.get(6)?,
            done_at: r.get(7)?,
        })
    }

    /// The week with its exercise from the library in `lang`; the stored
    /// title stands in when the exercise has left the library.
    fn into_program_week(self, lang: Lang) -> ProgramWeek {
        let exercise = crate::program::exercises::exercise(&self.exercise_id, lang);
        ProgramWeek {
            week: self.week,
            title: exercise
                .as_ref()
                .map(|e| e.text.title.clone())
                .unwrap_or(self.title),
            exercise,
            exercise_id: self.exercise_id,
            state: parse_state(&self.state),
            theme: self.theme,
            answers: serde_json::from_str(&self.answers).unwrap_or_default(),
            done_at: self.done_at,
        }
    }
}

fn answers_json(answers: &[ExerciseAnswer]) -> Result<String> {
    for a in answers {
        check_size("answer", &a.answer)?;
    }
    serde_json::to_string(answers).map_err(|e| CoreError::Invalid {
        field: "answers".into(),
        reason: e.to_string(),
    })
}

/// The focus setting: one theme, or "mix".
pub fn valid_focus(focus: &str) -> bool {
    focus == "mix" || THEMES.contains(&focus)
}

/// Chooses the exercise for a week. Not yet done first; with "mix" the
/// themes rotate after the theme of the last completed exercise (core themes
/// first, the others woven in). With one theme as focus, that theme's
/// exercises come first; once she has done them all, the ones she has not
/// done from the other themes follow (rotating as with "mix"), so nothing
/// repeats while something new is left. When everything is done, the least
/// recently done (of her focus theme, if she has one). `done` maps exercise
/// id → the week it was last done.
pub fn choose(
    focus: &str,
    library: &[Exercise],
    done: &HashMap<String, IsoWeek>,
    last_theme: Option<&str>,
) -> Option<String> {
    let pool: Vec<&Exercise> = library
        .iter()
        .filter(|e| focus == "mix" || e.theme == focus)
        .collect();
    if pool.is_empty() {
        return None;
    }
    let is_fresh = |e: &Exercise| !done.contains_key(&e.id);
    if focus != "mix" {
        if let Some(id) = pool
            .iter()
            .filter(|e| is_fresh(e))
            .map(|e| e.id.clone())
            .min()
        {
            return Some(id);
        }
        if library.iter().any(is_fresh) {
            return choose("mix", library, done, last_theme);
        }
    }
    let fresh: Vec<&Exercise> = pool.iter().copied().filter(|e| is_fresh(e)).collect();
    if fresh.is_empty() {
        // Everything done: the least recently done, ties by id.
        return pool
            .iter()
            .min_by_key(|e| (done.get(&e.id).copied(), e.id.clone()))
            .map(|e| e.id.clone());
    }
    // Rotation: the three core themes in turn, with every fourth week
    // given to the seed's other themes.
    let mut order: Vec<&str> = Vec::new();
    for (i, t) in CORE_THEMES.iter().enumerate() {
        order.push(t);
        if i == CORE_THEMES.len() - 1 {
            order.push("other");
        }
    }
    let slot_of = |theme: &str| {
        if CORE_THEMES.contains(&theme) {
            order.iter().position(|t| *t == theme).unwrap_or(0)
        } else {
            order.len() - 1
        }
    };
    let start = last_theme
        .map(|t| (slot_of(t) + 1) % order.len())
        .unwrap_or(0);
    for k in 0..order.len() {
        let slot = order[(start + k) % order.len()];
        let mut candidates: Vec<&&Exercise> = fresh
            .iter()
            .filter(|e| {
                if slot == "other" {
                    !CORE_THEMES.contains(&e.theme.as_str())
                } else {
                    e.theme == slot
                }
            })
            .collect();
        candidates.sort_by(|a, b| {
            let ta = THEMES.iter().position(|t| *t == a.theme);
            let tb = THEMES.iter().position(|t| *t == b.theme);
            // Other themes: spread across them by how many of each are done.
            ta.cmp(&tb).then_with(|| a.id.cmp(&b.id))
        });
        if slot == "other" {
            // Prefer the theme with the fewest done so far, so all get a turn.
            let done_in = |theme: &str| {
                library
                    .iter()
                    .filter(|e| e.theme == theme && done.contains_key(&e.id))
                    .count()
            };
            candidates.sort_by_key(|e| {
                (
                    done_in(&e.theme),
                    THEMES.iter().position(|t| *t == e.theme),
                    e.id.clone(),
                )
            });
        }
        if let Some(e) = candidates.first() {
            return Some(e.id.clone());
        }
    }
    fresh.iter().map(|e| e.id.clone()).min()
}

impl Store {
    /// The focus setting: "mix" (the default) or one theme.
    pub fn program_focus(&self) -> Result<String> {
        Ok(self
            .setting("program_focus")?
            .filter(|f| valid_focus(f))
            .unwrap_or_else(|| "mix".into()))
    }

    /// Sets the focus ("mix" or a theme); affects weeks not yet shown.
    pub fn set_program_focus(&mut self, focus: &str) -> Result<()> {
        if !valid_focus(focus) {
            return Err(CoreError::Invalid {
                field: "focus".into(),
                reason: format!("{focus} is not a theme or \"mix\""),
            });
        }
        crate::storage::settings::put_setting(&self.conn, "program_focus", focus)
    }

    fn done_history(&self, before: IsoWeek) -> Result<(HashMap<String, IsoWeek>, Option<String>)> {
        let mut st = self.conn.prepare_cached(
            "SELECT exercise_id, iso_year, iso_week, theme FROM program_week
             WHERE state = 'done' AND (iso_year < ?1 OR (iso_year = ?1 AND iso_week < ?2))
             ORDER BY iso_year, iso_week",
        )?;
        let mut done = HashMap::new();
        let mut last_theme = None;
        let rows = st.query_map(params![before.year, before.week], |r| {
            Ok((
                r.get::<_, String>(0)?,
                IsoWeek {
                    year: r.get(1)?,
                    week: r.get(2)?,
                },
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, week, theme) = row?;
            done.insert(id, week);
            last_theme = Some(theme);
        }
        Ok((done, last_theme))
    }

    /// The week's exercise: stored once shown, chosen on first view.
    pub fn program_week(&mut self, week: IsoWeek, lang: impl Into<InLang>) -> Result<ProgramWeek> {
        let lang = self.lang_of(lang)?;
        if let Some(w) = self.load_program_week(week, lang)? {
            return Ok(w);
        }
        let lib = library(lang);
        let (done, last_theme) = self.done_history(week)?;
        let focus = self.program_focus()?;
        let id = choose(&focus, &lib, &done, last_theme.as_deref())
            .ok_or_else(|| CoreError::NotFound("an exercise for this focus".into()))?;
        self.store_program_week(week, &id, ProgramState::Proposed, &lib)?;
        self.load_program_week(week, lang)?
            .ok_or_else(|| CoreError::NotFound(format!("program week {week}")))
    }

    fn store_program_week(
        &mut self,
        week: IsoWeek,
        id: &str,
        state: ProgramState,
        lib: &[Exercise],
    ) -> Result<()> {
        let ex = lib.iter().find(|e| e.id == id);
        self.conn.execute(
            "INSERT INTO program_week (iso_year, iso_week, exercise_id, state, title, theme)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (iso_year, iso_week) DO UPDATE SET exercise_id = excluded.exercise_id,
                state = excluded.state, title = excluded.title, theme = excluded.theme,
                answers = '[]', done_at = NULL",
            params![
                week.year,
                week.week,
                id,
                state_str(state),
                ex.map(|e| e.text.title.clone()).unwrap_or_default(),
                ex.map(|e| e.theme.clone()).unwrap_or_default()
            ],
        )?;
        Ok(())
    }

    fn load_program_week(&self, week: IsoWeek, lang: Lang) -> Result<Option<ProgramWeek>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PROGRAM_WEEK_COLUMNS} FROM program_week WHERE iso_year = ?1 AND iso_week = ?2"
        ))?;
        let row = st
            .query_row(params![week.year, week.week], StoredWeek::from_row)
            .optional()?;
        Ok(row.map(|w| w.into_program_week(lang)))
    }

    /// A done week keeps its exercise: swapping or skipping it would throw
    /// her answers away, so both are refused.
    fn refuse_if_done(&self, week: IsoWeek, lang: Lang) -> Result<()> {
        match self.load_program_week(week, lang)? {
            Some(w) if w.state == ProgramState::Done => Err(CoreError::Invalid {
                field: "week".into(),
                reason: format!("the exercise of week {week} is done; its answers are kept"),
            }),
            _ => Ok(()),
        }
    }

    /// Picks another exercise for the week. Picking the week's own exercise
    /// again after skipping it takes the skip back.
    pub fn swap_exercise(
        &mut self,
        week: IsoWeek,
        exercise_id: &str,
        lang: impl Into<InLang>,
    ) -> Result<ProgramWeek> {
        let lang = self.lang_of(lang)?;
        let lib = library(lang);
        if !lib.iter().any(|e| e.id == exercise_id) {
            return Err(CoreError::NotFound(format!("exercise {exercise_id}")));
        }
        self.refuse_if_done(week, lang)?;
        self.store_program_week(week, exercise_id, ProgramState::Swapped, &lib)?;
        self.program_week(week, lang)
    }

    pub fn skip_exercise(&mut self, week: IsoWeek, lang: impl Into<InLang>) -> Result<ProgramWeek> {
        let lang = self.lang_of(lang)?;
        self.program_week(week, lang)?;
        self.refuse_if_done(week, lang)?;
        self.conn.execute(
            "UPDATE program_week SET state = 'skipped' WHERE iso_year = ?1 AND iso_week = ?2",
            params![week.year, week.week],
        )?;
        self.program_week(week, lang)
    }

    /// Keeps her answers as she writes them (autosave), without changing
    /// what became of the week: a draft stays a draft until she marks the
    /// exercise done, and a done week's answers are edited in place.
    pub fn save_exercise_answers(
        &mut self,
        week: IsoWeek,
        answers: &[ExerciseAnswer],
        lang: impl Into<InLang>,
    ) -> Result<ProgramWeek> {
        let lang = self.lang_of(lang)?;
        self.program_week(week, lang)?;
        let json = answers_json(answers)?;
        self.conn.execute(
            "UPDATE program_week SET answers = ?1 WHERE iso_year = ?2 AND iso_week = ?3",
            params![json, week.year, week.week],
        )?;
        self.program_week(week, lang)
    }

    /// Marks the week's exercise done with her answers (kept with the week,
    /// with the question text, so they stay readable whatever the library does).
    /// Called again, it replaces the answers (editing them).
    ///
    /// The answers belong to the week's reflection: the reflection editor and
    /// the timeline's reflection item show them. So that they always have a
    /// place there, completing an exercise in a week she has not reflected on
    /// yet creates that week's reflection as an empty draft, in the same
    /// transaction. (The alternative, a timeline item of its own for the
    /// exercise, would split one week into two cards and leave search hits on
    /// answers with nothing to open.) Existing reflection text is untouched.
    pub fn complete_exercise(
        &mut self,
        week: IsoWeek,
        answers: &[ExerciseAnswer],
        lang: impl Into<InLang>,
    ) -> Result<ProgramWeek> {
        let lang = self.lang_of(lang)?;
        self.program_week(week, lang)?;
        let json = answers_json(answers)?;
        let tx = self.conn.transaction()?;
        crate::journal::entries::ensure_reflection(&tx, week)?;
        tx.execute(
            "UPDATE program_week SET state = 'done', answers = ?1, done_at = ?2 WHERE iso_year = ?3 AND iso_week = ?4",
            params![json, now_stamp(), week.year, week.week],
        )?;
        tx.commit()?;
        self.program_week(week, lang)
    }

    /// Done / total per theme, in the library's theme order.
    pub fn program_progress(&self, lang: impl Into<InLang>) -> Result<Vec<ThemeProgress>> {
        let lang = self.lang_of(lang)?;
        let lib = library(lang);
        let mut st = self
            .conn
            .prepare_cached("SELECT DISTINCT exercise_id FROM program_week WHERE state = 'done'")?;
        let done: std::collections::HashSet<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(THEMES
            .iter()
            .map(|t| {
                let in_theme: Vec<&Exercise> = lib.iter().filter(|e| e.theme == *t).collect();
                ThemeProgress {
                    theme: t.to_string(),
                    done: in_theme.iter().filter(|e| done.contains(&e.id)).count() as u32,
                    total: in_theme.len() as u32,
                }
            })
            .collect())
    }

    /// The week's exercise if it is done (for the week's reflection).
    pub fn done_exercise(&self, week: IsoWeek, lang: Lang) -> Result<Option<ProgramWeek>> {
        Ok(self
            .load_program_week(week, lang)?
            .filter(|w| w.state == ProgramState::Done))
    }

    /// Puts each reflection's completed exercise on its timeline item, in the
    /// language of the settings: the title, and the questions too when the
    /// exercise still has as many as she answered (item n is the same
    /// question in both languages). A retired exercise shows what was stored.
    pub(crate) fn attach_exercises(
        &self,
        items: &mut [crate::journal::model::TimelineItem],
    ) -> Result<()> {
        if !items
            .iter()
            .any(|i| i.kind == crate::journal::model::EntryKind::Reflection)
        {
            return Ok(());
        }
        let lang = self.settings()?.effective_language;
        for item in items
            .iter_mut()
            .filter(|i| i.kind == crate::journal::model::EntryKind::Reflection)
        {
            item.exercise = self.done_exercise(item.week, lang)?.map(|w| {
                let mut answers = w.answers;
                if let Some(ex) = w
                    .exercise
                    .filter(|e| e.text.questions.len() == answers.len())
                {
                    for (a, q) in answers.iter_mut().zip(ex.text.questions) {
                        a.question = q;
                    }
                }
                DoneExercise {
                    exercise_id: w.exercise_id,
                    title: w.title,
                    theme: w.theme,
                    answers,
                }
            });
        }
        Ok(())
    }

    /// Weeks with a done exercise, newest first (for "what was done when").
    pub fn program_history(&self, lang: impl Into<InLang>) -> Result<Vec<ProgramWeek>> {
        let lang = self.lang_of(lang)?;
        // One query for the whole history, not one per week.
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PROGRAM_WEEK_COLUMNS} FROM program_week WHERE state = 'done'
             ORDER BY iso_year DESC, iso_week DESC"
        ))?;
        let rows = st
            .query_map([], StoredWeek::from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows
            .into_iter()
            .map(|w| w.into_program_week(lang))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn run_year(focus: &str) -> Vec<String> {
        let lib = library(Lang::En);
        let mut done: HashMap<String, IsoWeek> = HashMap::new();
        let mut last_theme: Option<String> = None;
        let mut week = IsoWeek::new(2026, 1).unwrap();
        let mut picked = Vec::new();
        for _ in 0..52 {
            let id = choose(focus, &lib, &done, last_theme.as_deref()).unwrap();
            last_theme = lib.iter().find(|e| e.id == id).map(|e| e.theme.clone());
            done.insert(id.clone(), week);
            picked.push(id);
            week = week.next();
        }
        picked
    }

    #[test]
    fn a_mixed_year_has_no_repeat_and_rotates_themes_deterministically() {
        let year = run_year("mix");
        assert_eq!(
            year.iter().collect::<HashSet<_>>().len(),
            52,
            "no repeat in 52 weeks"
        );
        assert_eq!(year, run_year("mix"), "deterministic");
        let lib = library(Lang::En);
        let theme = |id: &str| lib.iter().find(|e| e.id == id).unwrap().theme.clone();
        let first: Vec<String> = year.iter().take(4).map(|id| theme(id)).collect();
        assert_eq!(&first[..3], ["micromanagement", "expectations", "feedback"]);
        assert!(
            !CORE_THEMES.contains(&first[3].as_str()),
            "every fourth week another theme"
        );
    }

    #[test]
    fn a_single_focus_proposes_its_theme_first_and_repeats_nothing_in_52_weeks() {
        let lib = library(Lang::En);
        for focus in THEMES {
            let year = run_year(focus);
            let n = lib.iter().filter(|e| e.theme == *focus).count();
            assert!(n > 0, "{focus} has exercises");
            let theme = |id: &str| lib.iter().find(|e| e.id == id).unwrap().theme.clone();
            // All of her theme first...
            assert!(year.iter().take(n).all(|id| theme(id) == *focus), "{focus}");
            // ...then new ones from the other themes, never a repeat.
            assert_eq!(
                year.iter().collect::<HashSet<_>>().len(),
                52,
                "{focus}: no repeat"
            );
            assert!(year.iter().skip(n).all(|id| theme(id) != *focus));
            assert_eq!(year, run_year(focus), "deterministic");
        }
    }

    #[test]
    fn with_everything_done_a_focus_repeats_its_own_least_recently_done() {
        let lib = library(Lang::En);
        let mut done: HashMap<String, IsoWeek> = HashMap::new();
        let mut week = IsoWeek::new(2020, 1).unwrap();
        for e in &lib {
            done.insert(e.id.clone(), week);
            week = week.next();
        }
        for focus in CORE_THEMES {
            let oldest = lib
                .iter()
                .filter(|e| e.theme == *focus)
                .min_by_key(|e| done[&e.id])
                .unwrap();
            assert_eq!(
                choose(focus, &lib, &done, None).as_deref(),
                Some(oldest.id.as_str())
            );
        }
        let oldest = lib.iter().min_by_key(|e| done[&e.id]).unwrap();
        assert_eq!(choose("mix", &lib, &done, None), Some(oldest.id.clone()));
    }
}
