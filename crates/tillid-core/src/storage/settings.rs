//! User preferences stored in the database, validated on write.

use crate::error::{CoreError, Result};
use crate::locale::{os_lang, InLang, Lang};
use crate::storage::store::Store;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    /// "auto" follows the OS; otherwise "da" or "en".
    pub language: String,
    /// "system", "light" or "dark".
    pub theme: String,
    /// The language in effect after resolving "auto".
    pub effective_language: Lang,
}

const KEYS: &[(&str, &[&str], &str)] = &[
    ("language", &["auto", "da", "en"], "auto"),
    ("theme", &["system", "light", "dark"], "system"),
];

/// Writes one setting row (no validation: callers own their keys).
pub(crate) fn put_setting(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

impl Store {
    /// The language `wanted` names: the given one, or hers from the settings.
    pub fn lang_of(&self, wanted: impl Into<InLang>) -> Result<Lang> {
        Ok(match wanted.into() {
            InLang::Given(l) => l,
            InLang::Hers => self.settings()?.effective_language,
        })
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores a known setting; unknown keys and values are refused.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        let Some((_, allowed, _)) = KEYS.iter().find(|(k, _, _)| *k == key) else {
            return Err(CoreError::Invalid {
                field: "setting".into(),
                reason: format!("unknown setting {key}"),
            });
        };
        if !allowed.contains(&value) {
            return Err(CoreError::Invalid {
                field: key.into(),
                reason: format!("{value} is not one of {}", allowed.join(", ")),
            });
        }
        put_setting(&self.conn, key, value)?;
        self.settings()
    }

    pub fn settings(&self) -> Result<Settings> {
        let get = |key: &str| -> Result<String> {
            let default = KEYS.iter().find(|(k, _, _)| *k == key).map_or("", |k| k.2);
            Ok(self.setting(key)?.unwrap_or_else(|| default.to_string()))
        };
        let language = get("language")?;
        let effective_language = match language.as_str() {
            "da" => Lang::Da,
            "en" => Lang::En,
            _ => os_lang(),
        };
        Ok(Settings {
            language,
            theme: get("theme")?,
            effective_language,
        })
    }
}
