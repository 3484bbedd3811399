//! Documents she takes out of the app: the course log, the MUS forms and
//! summaries, a person's access export, and the pseudonyms that keep names
//! out of them. Reads every domain below; nothing below reads it.

pub mod access_export;
pub mod devlog;
pub mod mus_export;
pub mod pseudonyms;
pub mod render;
