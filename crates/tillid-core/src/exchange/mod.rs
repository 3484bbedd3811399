//! Her data in and out whole: the lossless JSON export and its restore, and
//! the importers (jrnl, Day One, a Markdown folder).

pub mod import;
pub mod json_export;
pub mod reading;
