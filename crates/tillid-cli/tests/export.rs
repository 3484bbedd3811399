//! `tillid export` end to end: the development log from a demo history.

use std::path::Path;

mod common;
use common::*;

fn demo(dir: &Path) {
    let o = tillid(dir, &["demo", "--weeks", "20"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

const TEAM: [&str; 8] = [
    "Anne", "Mads", "Lærke", "Jonas", "Åse", "Rasmus", "Sofie", "Søgaard",
];

#[test]
fn export_writes_a_pseudonymised_log_in_each_format() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    demo(data.path());
    for (format, ext) in [
        ("md", "md"),
        ("html", "html"),
        ("docx", "docx"),
        ("pdf", "pdf"),
    ] {
        let file = out.path().join(format!("log.{ext}"));
        let o = tillid(
            data.path(),
            &[
                "export",
                "--months",
                "6",
                "--format",
                format,
                "--lang",
                "da",
                "--include-conversations",
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("pseudonymised"));
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() > 1000, "{format}");
        if ext == "md" || ext == "html" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("Udviklingslog"));
            assert!(text.contains("Medarbejder A"));
            for name in TEAM {
                for (i, _) in text.match_indices(name) {
                    let before = text[..i].chars().next_back();
                    let after = text[i + name.len()..].chars().next();
                    assert!(
                        before.is_some_and(char::is_alphanumeric)
                            || after.is_some_and(|c| c.is_alphanumeric() && c != 's'),
                        "{format} names {name}"
                    );
                }
            }
        }
    }
    // An existing file is not replaced without --force.
    let file = out.path().join("log.md");
    let o = tillid(
        data.path(),
        &[
            "export",
            "--months",
            "6",
            "--format",
            "md",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));

    // --format json is everything, losslessly: no period needed.
    let json = out.path().join("all.json");
    let o = tillid(
        data.path(),
        &["export", "--format", "json", "-o", json.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&json)
        .unwrap()
        .contains("\"tillid-export\""));
}

#[test]
fn export_refuses_empty_periods_unwritable_files_and_bad_usage() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    demo(data.path());
    let file = out.path().join("log.pdf");
    let f = file.to_str().unwrap();

    let o = tillid(
        data.path(),
        &[
            "export",
            "--from",
            "2001-01-01",
            "--to",
            "2001-02-01",
            "--format",
            "pdf",
            "-o",
            f,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("nothing was written between 2001-01-01"),
        "{}",
        stderr(&o)
    );

    let missing = out.path().join("no-such-folder").join("log.pdf");
    let o = tillid(
        data.path(),
        &[
            "export",
            "--months",
            "3",
            "--format",
            "pdf",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing left behind"
    );

    for args in [
        vec!["export", "--format", "pdf", "-o", f],
        vec!["export", "--months", "3", "-o", f],
        vec!["export", "--months", "3", "--format", "pdf"],
        vec!["export", "--from", "1.9.2026", "--format", "pdf", "-o", f],
        vec!["export", "--months", "3", "--format", "odt", "-o", f],
        vec![
            "export",
            "--months",
            "3",
            "--format",
            "pdf",
            "--people",
            "anonymous",
            "-o",
            f,
        ],
        vec![
            "export",
            "--months",
            "3",
            "--from",
            "2026-01-01",
            "--format",
            "pdf",
            "-o",
            f,
        ],
    ] {
        let o = tillid(data.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let o = tillid(data.path(), &["export", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("--people MODE"));
}
