//! The development log for the leadership course (udviklingslog): what she
//! practised, what happened, what she learned and what she will try next,
//! over a period she chooses, as one [`tillid_docs::Document`] (PDF, DOCX,
//! HTML or Markdown).
//!
//! People never leave the app by accident. By default every person becomes
//! a stable pseudonym ("Medarbejder A", by the order they were added), also
//! where their name stands in free text and tags (see [`crate::documents::pseudonyms`]).
//! *Omitted* leaves out everything tied to a person and writes "[navn]" for
//! names in the text; *named* needs an explicit confirmation. Notes from
//! 1:1s and MUS are only included when she asks for them.
//!
//! A period with nothing to show is an error ([`crate::error::CoreError::EmptyPeriod`]),
//! never an empty document; writing goes through a temporary file, so a
//! failed export leaves nothing behind.

mod agreements;
mod charts;
mod compose;
mod conversations;
mod exercises;
mod names;
mod options;
mod preview;
mod reflections;
#[cfg(test)]
mod tests;
mod words;
mod write;

pub use compose::{DevLog, DevLogCounts};
pub use options::{DevLogOptions, DevLogPeriod, PeopleMode, ReflectionDetail};
pub use preview::{preview, DevLogPreview, PreviewBlock};
pub use words::range_in_words;
pub use write::{write_devlog, DevLogExported, DevLogProgress, DevLogStage};
