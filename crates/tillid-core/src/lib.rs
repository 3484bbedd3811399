//! Tillid's core: the domain model, the SQLite store and its migrations,
//! search, Markdown rendering and demo data. Nothing here knows about Tauri
//! or any window; the app and the CLI are thin shells around it.
//!
//! The modules are layered (see ARCHITECTURE.md, checked by
//! `tests/architecture.rs`): the root modules at the bottom, then `storage`,
//! then `journal`, then `program` and `people`, then `documents` and
//! `exchange`, then `demo` and `status`. A module imports only from below.

// The ground floor: no domain knowledge.
pub mod clock;
pub mod error;
pub mod locale;
pub mod markdown;
pub mod week;

// The domains, from the bottom up.
pub mod demo;
pub mod documents;
pub mod exchange;
pub mod journal;
pub mod people;
pub mod program;
pub mod status;
pub mod storage;

pub use error::{CoreError, Result, UiError};
pub use storage::{OpenOptions, Store, MAX_TEXT_BYTES};
pub use week::IsoWeek;
