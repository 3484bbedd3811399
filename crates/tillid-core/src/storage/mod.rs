//! Where her data lives: the SQLite file and its migrations, the data
//! folder, settings, backups and writing files safely. Knows no domain:
//! the domains add their own methods to [`Store`].

pub mod backup;
pub mod files;
pub mod migrations;
pub mod paths;
pub mod settings;
pub mod store;

pub use store::{OpenOptions, Store, MAX_TEXT_BYTES};
