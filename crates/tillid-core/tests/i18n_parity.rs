//! Every UI string exists, non-empty, in Danish and English, with the same
//! placeholders; every key the UI source uses is in both dictionaries.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = repo().join(format!("assets/i18n/{lang}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// `t('key')` / `t("key")` literals in the UI source.
fn keys_used_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("bindings") {
                keys_used_in(&path, out);
            }
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "ts" | "svelte") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for (i, _) in src.match_indices("t(") {
            // Only a call named exactly `t`.
            if i > 0 {
                let prev = src[..i].chars().next_back().unwrap();
                if prev.is_alphanumeric() || prev == '_' || prev == '.' || prev == '$' {
                    continue;
                }
            }
            let rest = &src[i + 2..];
            let Some(q) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') else {
                continue;
            };
            if let Some(end) = rest[1..].find(q) {
                out.insert(rest[1..1 + end].to_string());
            }
        }
    }
}

#[test]
fn danish_and_english_have_the_same_non_empty_keys_and_placeholders() {
    let da = load("da");
    let en = load("en");
    let only_da: Vec<_> = da.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !da.contains_key(*k)).collect();
    assert!(only_da.is_empty(), "keys missing in en.json: {only_da:?}");
    assert!(only_en.is_empty(), "keys missing in da.json: {only_en:?}");
    for (k, v) in &da {
        assert!(!v.trim().is_empty(), "da.json: {k} is empty");
        assert!(!en[k].trim().is_empty(), "en.json: {k} is empty");
        assert_eq!(
            placeholders(v),
            placeholders(&en[k]),
            "placeholders differ for {k}"
        );
    }
    assert!(da.len() > 50, "suspiciously few strings: {}", da.len());
}

#[test]
fn every_key_the_ui_uses_exists() {
    let da = load("da");
    let mut used = BTreeSet::new();
    keys_used_in(&repo().join("ui/src"), &mut used);
    assert!(
        !used.is_empty(),
        "no t('…') calls found: did the scan break?"
    );
    let missing: Vec<_> = used.iter().filter(|k| !da.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used in ui/src but not in the dictionaries: {missing:?}"
    );
}

#[test]
fn every_error_code_of_the_core_has_a_message() {
    let da = load("da");
    for code in [
        "newer_database",
        "corrupt",
        "locked",
        "data_dir",
        "disk_full",
        "read_only",
        "too_large",
        "invalid_date",
        "invalid",
        "not_found",
        "not_empty",
        "empty_period",
        "cannot_write",
        "database",
        "io",
        "not_a_backup",
        "damaged_backup",
        "newer_backup",
        "backup_running",
        "import_file",
        "import_not_empty",
    ] {
        assert!(
            da.contains_key(&format!("error.{code}")),
            "error.{code} missing"
        );
    }
}
