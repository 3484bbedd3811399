//! Backups and restore in the app: the day's automatic backup at launch (on
//! its own thread, after the store opened), and the Settings commands. The
//! core's `backup` module does the work; a file lock there keeps the app and
//! the CLI from backing up at the same time.
//!
//! The UI names a backup by its file name only; it is always looked up in
//! the backups folder, so no other file can be read through these commands.

use crate::state::AppState;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, State};
use tillid_core::clock;
use tillid_core::storage::backup::{
    self, BackupInfo, BackupKind, BackupList, DataLocations, RestoreOutcome, DEFAULT_WAIT,
};
use tillid_core::{Store, UiError};

type Res<T> = Result<T, UiError>;

/// Why today's automatic backup failed, if it did (shown in Settings).
#[derive(Default)]
pub struct LaunchBackup(pub Mutex<Option<UiError>>);

/// Takes the day's automatic backup (if today has none yet) off the
/// window's thread. Skipped when the store could not be opened: a file the
/// core refused is left exactly as it is.
pub fn start(app: &AppHandle) {
    let state = app.state::<AppState>();
    if state.open_error.is_some() {
        return;
    }
    let dir = state.data_dir.clone();
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("launch-backup".into())
        .spawn(move || {
            if let Err(e) = backup::auto_backup(&dir, clock::local_now(), DEFAULT_WAIT) {
                eprintln!("tillid: the automatic backup failed: {e}");
                *app.state::<LaunchBackup>()
                    .0
                    .lock()
                    .unwrap_or_else(|p| p.into_inner()) = Some(UiError::from(&e));
            }
        });
    if let Err(e) = spawned {
        eprintln!("tillid: could not start the automatic backup: {e}");
    }
}

/// A backup's file name, as the UI sends it, resolved inside the backups
/// folder; anything with a path in it is refused.
fn backup_file(data_dir: &Path, name: &str) -> Res<PathBuf> {
    let plain = Path::new(name).file_name().and_then(|n| n.to_str()) == Some(name);
    if !plain || name.starts_with('.') || !name.ends_with(".sqlite3") {
        return Err(UiError {
            code: "invalid".into(),
            detail: format!("not a backup file name: {name}"),
            path: None,
        });
    }
    Ok(backup::backups_dir(data_dir).join(name))
}

/// "Back up now".
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Res<BackupInfo> {
    Ok(backup::back_up(
        &state.data_dir,
        BackupKind::Manual,
        clock::local_now(),
        DEFAULT_WAIT,
    )?)
}

/// The backups folder, newest first, with what each backup holds.
#[tauri::command]
pub async fn backups_list(
    state: State<'_, AppState>,
    launch: State<'_, LaunchBackup>,
) -> Res<BackupList> {
    let mut list = backup::list_backups(&state.data_dir)?;
    list.auto_error = launch.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(list)
}

/// What one backup holds, read again just before she confirms a restore.
#[tauri::command]
pub async fn backup_info(state: State<'_, AppState>, name: String) -> Res<BackupInfo> {
    Ok(backup::backup_info(&backup_file(&state.data_dir, &name)?)?)
}

/// Backs up the current state, then puts the chosen backup in its place and
/// reopens the store. On a refusal nothing has changed.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Res<RestoreOutcome> {
    let file = backup_file(&state.data_dir, &name)?;
    let mut guard = state.store.lock().unwrap_or_else(|p| p.into_inner());
    let Some(store) = guard.as_mut() else {
        return Err(state.open_error.clone().unwrap_or(UiError {
            code: "database".into(),
            detail: "the database is not open".into(),
            path: None,
        }));
    };
    let outcome = backup::restore(store, &file, clock::local_now());
    if outcome.is_ok() {
        // Fresh connection: new schema, no statements cached from before.
        *guard = None;
        *guard = Some(Store::open(&state.data_dir)?);
    }
    Ok(outcome?)
}

#[tauri::command]
pub fn data_locations(state: State<AppState>) -> DataLocations {
    backup::data_locations(&state.data_dir)
}

/// Opens the backups folder (created if needed) in the OS file manager.
#[tauri::command]
pub fn open_backups_folder(state: State<AppState>) -> Res<()> {
    let dir = backup::backups_dir(&state.data_dir);
    std::fs::create_dir_all(&dir).map_err(|e| UiError {
        code: "io".into(),
        detail: e.to_string(),
        path: Some(dir.display().to_string()),
    })?;
    crate::commands::open_folder(&dir)
}
