//! The few words the shell itself shows (tray menu, notification), taken
//! from the UI's dictionaries at compile time so there is one source.

use std::collections::HashMap;
use std::sync::OnceLock;
use tillid_core::locale::Lang;

type Dict = HashMap<String, String>;

fn dict(lang: Lang) -> &'static Dict {
    static DA: OnceLock<Dict> = OnceLock::new();
    static EN: OnceLock<Dict> = OnceLock::new();
    let (cell, json) = match lang {
        Lang::Da => (&DA, include_str!("../../assets/i18n/da.json")),
        Lang::En => (&EN, include_str!("../../assets/i18n/en.json")),
    };
    cell.get_or_init(|| serde_json::from_str(json).unwrap_or_default())
}

/// The text for `key`, with `{name}` placeholders filled in; the key itself
/// if a dictionary lacks it (the i18n parity test keeps that from happening).
pub fn text(lang: Lang, key: &str, vars: &[(&str, String)]) -> String {
    let mut s = dict(lang)
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string());
    for (name, value) in vars {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_texts_exist_in_both_languages() {
        for lang in [Lang::Da, Lang::En] {
            for key in [
                "tray.reflectNow",
                "tray.open",
                "tray.quit",
                "tray.tooltip",
                "reminder.notificationTitle",
                "reminder.notificationBody",
            ] {
                assert!(dict(lang).contains_key(key), "{lang:?} {key}");
            }
        }
        let body = text(
            Lang::En,
            "reminder.notificationBody",
            &[("week", "48".into())],
        );
        assert!(body.contains("48") && !body.contains('{'), "{body}");
    }
}
