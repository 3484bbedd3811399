//! Unit tests of the log's periods and words.

use super::options::DevLogPeriod;
use super::words::UI_KEYS;
use super::words::{range_in_words, theme_name, ui_text};
use crate::locale::Lang;
use crate::program::exercises::THEMES;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn periods_resolve_against_today() {
    let today = d("2026-11-27");
    assert_eq!(
        DevLogPeriod::LastMonths { months: 3 }
            .resolve(today)
            .unwrap(),
        (d("2026-08-27"), today)
    );
    assert_eq!(
        DevLogPeriod::Since {
            from: "2026-09-01".into()
        }
        .resolve(today)
        .unwrap(),
        (d("2026-09-01"), today)
    );
    assert!(DevLogPeriod::Custom {
        from: "2026-10-01".into(),
        to: "2026-09-01".into()
    }
    .resolve(today)
    .is_err());
    assert!(DevLogPeriod::LastMonths { months: 0 }
        .resolve(today)
        .is_err());
    assert!(DevLogPeriod::Since {
        from: "2026-13-01".into()
    }
    .resolve(today)
    .is_err());
}

#[test]
fn ranges_in_words() {
    assert_eq!(
        range_in_words(d("2026-12-01"), d("2026-12-07"), Lang::Da),
        "1.–7. december 2026"
    );
    assert_eq!(
        range_in_words(d("2026-11-30"), d("2026-12-06"), Lang::Da),
        "30. november – 6. december 2026"
    );
    assert_eq!(
        range_in_words(d("2026-12-28"), d("2027-01-03"), Lang::En),
        "28 December 2026 – 3 January 2027"
    );
    assert_eq!(
        range_in_words(d("2026-11-30"), d("2026-12-06"), Lang::En),
        "30 November – 6 December 2026"
    );
    assert_eq!(
        range_in_words(d("2026-12-01"), d("2026-12-07"), Lang::En),
        "1–7 December 2026"
    );
}

#[test]
fn the_ui_texts_the_document_uses_exist() {
    for lang in [Lang::Da, Lang::En] {
        for key in UI_KEYS {
            assert_ne!(ui_text(lang, key), *key, "{lang:?} {key}");
        }
        for theme in THEMES {
            assert_ne!(theme_name(theme, lang), *theme, "{lang:?} {theme}");
        }
    }
}
