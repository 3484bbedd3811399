//! The language a command writes in: `--lang da|en` when given, else the
//! app's setting. Imports nothing from the rest of the crate.

use tillid_core::locale::Lang;
use tillid_core::Store;

pub fn pick_lang(store: &Store, lang: Option<&str>) -> Result<Lang, Box<dyn std::error::Error>> {
    let given = match lang {
        Some("da") => Some(Lang::Da),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    Ok(store.lang_of(given)?)
}
