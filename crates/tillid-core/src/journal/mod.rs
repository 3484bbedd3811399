//! Her own writing: weekly reflections and notes, their tags, the timeline,
//! the week overview and full-text search. Knows nothing about people, the
//! exercise program or documents.

pub mod entries;
pub mod model;
pub mod overview;
pub mod search;
pub mod tags;
pub mod timeline;

pub use model::*;
