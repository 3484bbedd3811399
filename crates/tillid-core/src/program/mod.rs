//! The weekly exercise program: the exercise library, which exercise a week
//! gets and what she answered, the reflection editor's view of a week, and
//! the weekly reminder. Stands on `journal` and `storage`.

pub mod exercises;
pub mod reflection_view;
pub mod reminder;
pub mod weeks;

pub use reflection_view::ReflectionView;
pub use weeks::{ProgramState, ProgramWeek, ThemeProgress};
