//! Writes every document Tillid makes from the demo history into one folder,
//! so two builds can be compared byte for byte (`scripts/dev/golden.sh`):
//! the lossless JSON export; the course log in each format, language and way
//! of showing people; each MUS's preparation form and summary; and each
//! person's right-of-access export.
//!
//! Usage: `cargo run -p tillid-core --example golden -- OUT_DIR`, with the
//! clock frozen (`TILLID_FAKE_NOW=… TILLID_FAKE_CLOCK=frozen`), or the time
//! stamps in the JSON differ from run to run.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tillid_core::demo::DemoOptions;
use tillid_core::documents::devlog::{DevLogOptions, DevLogPeriod, PeopleMode};
use tillid_core::documents::mus_export::MusDocument;
use tillid_core::documents::render::ExportFormat;
use tillid_core::locale::Lang;
use tillid_core::people::conversations::ConversationKind;
use tillid_core::Store;

const FORMATS: [(ExportFormat, &str); 4] = [
    (ExportFormat::Markdown, "md"),
    (ExportFormat::Html, "html"),
    (ExportFormat::Docx, "docx"),
    (ExportFormat::Pdf, "pdf"),
];
const LANGS: [(Lang, &str); 2] = [(Lang::Da, "da"), (Lang::En, "en")];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: golden OUT_DIR")?);
    std::fs::create_dir_all(&out)?;
    let data = tempfile_dir(&out)?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut store = Store::open(&data)?;
    store.fill_demo(&DemoOptions {
        weeks: 40,
        notes_per_week: 1,
        today,
        seed: 0x711D,
    })?;

    fixed_uids(&data)?;

    store.export_json_file(&out.join("everything.json"))?;

    let people = [
        (PeopleMode::Pseudonymize, "pseudonymised"),
        (PeopleMode::Omit, "omitted"),
        (PeopleMode::Named, "named"),
    ];
    for (lang, l) in LANGS {
        for (mode, m) in people {
            let options = DevLogOptions {
                period: DevLogPeriod::LastMonths { months: 9 },
                people: mode,
                named_confirmed: mode == PeopleMode::Named,
                include_conversations: true,
                author: "Mette Sørensen".into(),
                ..DevLogOptions::default()
            };
            for (format, ext) in FORMATS {
                let path = out.join(format!("devlog-{l}-{m}.{ext}"));
                store.export_devlog(&options, lang, today, format, &path)?;
            }
        }
    }

    for person in store.people(true)? {
        for c in store.conversations_of(person.id)? {
            if c.kind != ConversationKind::Mus {
                continue;
            }
            for (lang, l) in LANGS {
                for which in [MusDocument::Preparation, MusDocument::Summary] {
                    for (format, _) in FORMATS {
                        let dir = out.join(format!("mus-{l}"));
                        std::fs::create_dir_all(&dir)?;
                        store.export_mus(c.id, which, format, &dir, lang)?;
                    }
                }
            }
        }
        for (lang, l) in LANGS {
            let dir = out.join(format!("access-{l}"));
            std::fs::create_dir_all(&dir)?;
            store.export_person(person.id, &dir, lang)?;
        }
    }
    drop(store);
    std::fs::remove_dir_all(&data)?;
    println!("Wrote the demo history's documents to {}", out.display());
    Ok(())
}

/// Records made through the store get random uids (v4 UUIDs); here every uid
/// becomes its table and row id, so two runs export the same bytes.
fn fixed_uids(data: &Path) -> rusqlite::Result<()> {
    let conn = rusqlite::Connection::open(data.join(tillid_core::storage::paths::DB_FILE_NAME))?;
    let tables: Vec<String> = conn
        .prepare(
            "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.name = 'uid' ORDER BY m.name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        conn.execute(&format!("UPDATE {table} SET uid = '{table}-' || rowid"), [])?;
    }
    Ok(())
}

/// A fresh data folder beside the output, removed at the end.
fn tempfile_dir(out: &Path) -> std::io::Result<PathBuf> {
    let dir = out.join(".data");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
