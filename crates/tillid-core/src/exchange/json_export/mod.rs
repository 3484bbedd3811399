//! Tillid's own lossless JSON: everything in the store in one file, and back.
//!
//! ```json
//! {
//!   "format": "tillid-export",
//!   "version": 1,
//!   "settings": {"language": "da", …},
//!   "entries": [{"uid", "kind": "reflection", "week": "2026-W48", "status", …, "tags": […]},
//!               {"uid", "kind": "note", "date": "2026-11-27", "title", "body", …}],
//!   "people": [{"uid", "name", …,
//!               "conversations": [{"uid", "kind", "date", "agenda", "notes", "sections": {…}}],
//!               "agreements": [{"uid", "conversation": "<conversation uid>", …, "events": […]}],
//!               "feedback": […], "expectations": [{…, "delegation_log": […]}]}],
//!   "program_weeks": [{"week", "exercise_id", "state", "title", "theme", "answers": […], "done_at"}],
//!   "own_templates": [{"uid", "kind", "name", "body", "is_default", …}]
//! }
//! ```
//!
//! - **Identities** are the stable `uid` columns (rowids are not stable);
//!   references between records use them. Records without a uid of their
//!   own (tags, conversation sections, agreement events, delegation logs)
//!   travel inside their owner. Program weeks are identified by their week,
//!   settings by their key.
//! - **Every column** is in the file, except what follows from others: an
//!   entry's sort date, year and ISO week follow from its `week`
//!   (reflection) or `date` (note). Empty text and absent values are left
//!   out; reading treats a missing field as empty.
//! - **Deterministic**: records in a fixed order (entries by date, then in
//!   the order they were written; people, conversations, agreements… in the
//!   order they were written; tags and settings sorted), no export time in
//!   the file, so export → import → export gives the same bytes.
//! - **Import** checks the whole file first (format, version, every field,
//!   with line and column on error), then writes in one transaction; the
//!   FTS triggers index everything, so search finds imported text.
//!   - Into an **empty** store (no entries, people or own templates, and no
//!     exercise answered): the file's program weeks and settings replace
//!     what is there.
//!   - Otherwise only with **merge**: a record whose uid (week, key) is
//!     already in the store is **skipped, never updated**: what is in Tillid
//!     stays as it is, with its own tags, sections, events and log; new
//!     records are added (under an existing person when the person is
//!     already there). An own template whose name is taken is skipped; an
//!     imported default template does not replace the existing default.
//!   - A file from a newer format version is refused.

mod api;
mod check;
mod from_file;
mod from_store;
mod into_store;
mod records;
#[cfg(test)]
mod tests;

pub use crate::exchange::reading::FORMAT;
pub use records::{
    JsonExported, XAgreement, XAgreementEvent, XConversation, XDelegation, XEntry, XExpectation,
    XFeedback, XPerson, XProgramWeek, XTemplate, VERSION,
};
