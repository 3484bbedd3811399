//! Tauri commands for the weekly exercise program and its library: one line
//! of glue each, calling the core. Exercise texts come in the language of
//! the settings.

use crate::state::AppState;
use tauri::State;
use tillid_core::journal::model::ExerciseAnswer;
use tillid_core::locale::InLang;
use tillid_core::program::exercises::Exercise;
use tillid_core::program::weeks::{ProgramWeek, ThemeProgress};
use tillid_core::{IsoWeek, UiError};

type Res<T> = Result<T, UiError>;

/// The week's exercise (chosen and kept on first view).
#[tauri::command]
pub fn program_week(state: State<AppState>, week: IsoWeek) -> Res<ProgramWeek> {
    state.with(|s| s.program_week(week, InLang::Hers))
}

#[tauri::command]
pub fn program_swap(
    state: State<AppState>,
    week: IsoWeek,
    exercise_id: String,
) -> Res<ProgramWeek> {
    state.with(|s| s.swap_exercise(week, &exercise_id, InLang::Hers))
}

#[tauri::command]
pub fn program_skip(state: State<AppState>, week: IsoWeek) -> Res<ProgramWeek> {
    state.with(|s| s.skip_exercise(week, InLang::Hers))
}

/// Marks the week's exercise done with her answers (again: edits them).
#[tauri::command]
pub fn program_complete(
    state: State<AppState>,
    week: IsoWeek,
    answers: Vec<ExerciseAnswer>,
) -> Res<ProgramWeek> {
    state.with(|s| s.complete_exercise(week, &answers, InLang::Hers))
}

#[tauri::command]
pub fn program_progress(state: State<AppState>) -> Res<Vec<ThemeProgress>> {
    state.with(|s| s.program_progress(InLang::Hers))
}

/// Weeks with a done exercise and their answers, newest first.
#[tauri::command]
pub fn program_history(state: State<AppState>) -> Res<Vec<ProgramWeek>> {
    state.with(|s| s.program_history(InLang::Hers))
}

#[tauri::command]
pub fn exercise_library(state: State<AppState>) -> Res<Vec<Exercise>> {
    state.with(|s| s.exercise_library(InLang::Hers))
}

/// "mix" or one theme.
#[tauri::command]
pub fn program_focus_get(state: State<AppState>) -> Res<String> {
    state.with(|s| s.program_focus())
}

#[tauri::command]
pub fn program_focus_set(state: State<AppState>, focus: String) -> Res<String> {
    state.with(|s| {
        s.set_program_focus(&focus)?;
        s.program_focus()
    })
}

/// Her answers as she types them (autosave); the week's state is unchanged.
#[tauri::command]
pub fn program_save_answers(
    state: State<AppState>,
    week: IsoWeek,
    answers: Vec<ExerciseAnswer>,
) -> Res<ProgramWeek> {
    state.with(|s| s.save_exercise_answers(week, &answers, InLang::Hers))
}
