//! Her people: persons, one-on-ones and MUS conversations with their
//! agreements, feedback, expectations, conversation templates, "this week"
//! and erasure. Stands on `journal` and `storage`.

pub mod conversations;
pub mod erasure;
pub mod expectations;
pub mod feedback;
pub mod own_templates;
pub mod person;
pub mod templates;
pub mod this_week;

pub use person::Person;
