//! Tillid's core: the domain model, the SQLite store and its migrations,
//! search, Markdown rendering and demo data. Nothing here knows about Tauri
//! or any window; the app and the CLI are thin shells around it.

pub mod access_export;
pub mod backup;
pub mod clock;
pub mod conversations;
pub mod demo;
pub mod demo_team;
pub mod devlog;
pub mod documents;
pub mod error;
pub mod exercises;
pub mod expectations;
pub mod feedback;
pub mod import;
pub mod journal;
pub mod json_export;
pub mod locale;
pub mod markdown;
pub mod migrations;
pub mod model;
pub mod mus_export;
pub mod overview;
pub mod own_templates;
pub mod paths;
pub mod people;
pub mod people_week;
pub mod program;
pub mod pseudonyms;
pub mod reminder;
pub mod search;
pub mod settings;
pub mod store;
pub mod tags;
pub mod templates;
pub mod timeline;
pub mod week;

pub use error::{CoreError, Result, UiError};
pub use store::{OpenOptions, Store, MAX_TEXT_BYTES};
pub use week::IsoWeek;
