//! What the UI asks first: could the data be opened, where is it, and what
//! does the clock say? The top of the house: it may read any domain.

use crate::clock::ClockReading;
use serde::Serialize;
use ts_rs::TS;

/// What the UI asks first: could the data be opened, and where is it?
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    /// Set when the database could not be opened; the UI then shows only an
    /// explanation and "Open folder".
    pub error: Option<crate::error::UiError>,
    pub settings: Option<crate::storage::settings::Settings>,
    /// The OS language, for the start-up error screen (no settings then).
    pub os_language: crate::locale::Lang,
    /// The app's clock, so the UI's "today" is the same day as the core's.
    pub clock: ClockReading,
}
