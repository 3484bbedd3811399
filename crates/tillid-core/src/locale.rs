//! The user's language: Danish when the OS says so, English otherwise.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    Da,
    En,
}

/// The language a text is wanted in: hers (her setting, or the OS's while
/// it is "auto"), or one the caller names (the CLI's `--lang`, a test).
/// Core methods that write words take `impl Into<InLang>`, so the app never
/// reads her setting only to hand it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InLang {
    Hers,
    Given(Lang),
}

impl From<Lang> for InLang {
    fn from(l: Lang) -> Self {
        InLang::Given(l)
    }
}

impl From<Option<Lang>> for InLang {
    fn from(l: Option<Lang>) -> Self {
        l.map_or(InLang::Hers, InLang::Given)
    }
}

/// Maps a BCP 47 or POSIX locale ("da-DK", "da_DK.UTF-8", "en-US") to a language.
pub fn lang_from_locale(locale: &str) -> Lang {
    let primary = locale
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if primary == "da" {
        Lang::Da
    } else {
        Lang::En
    }
}

/// The OS locale's language.
pub fn os_lang() -> Lang {
    sys_locale::get_locale()
        .map(|l| lang_from_locale(&l))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_locales_map_to_danish() {
        assert_eq!(lang_from_locale("da-DK"), Lang::Da);
        assert_eq!(lang_from_locale("da_DK.UTF-8"), Lang::Da);
        assert_eq!(lang_from_locale("da"), Lang::Da);
        assert_eq!(lang_from_locale("en-US"), Lang::En);
        assert_eq!(lang_from_locale("nb_NO.UTF-8"), Lang::En);
        assert_eq!(lang_from_locale("C"), Lang::En);
        assert_eq!(lang_from_locale(""), Lang::En);
    }
}
