//! What each command does, on top of the core.

use crate::args::{Command, Parsed};
use std::fmt::Write as _;
use std::io::Read;
use tillid_core::clock;
use tillid_core::demo::DemoOptions;
use tillid_core::journal::model::NoteInput;
use tillid_core::journal::search::{MARK_END, MARK_START};
use tillid_core::locale::Lang;
use tillid_core::people::person::PersonInput;
use tillid_core::storage::paths::default_data_dir;
use tillid_core::Store;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn pick_lang(store: &Store, lang: Option<&str>) -> Result<Lang> {
    Ok(match lang {
        Some("da") => Lang::Da,
        Some("en") => Lang::En,
        _ => store.settings()?.effective_language,
    })
}

pub fn run(p: Parsed) -> Result<()> {
    if let Command::Version = p.command {
        println!("tillid {}", env!("CARGO_PKG_VERSION"));
        return Ok(());
    }
    let dir = p.data_dir.unwrap_or_else(default_data_dir);
    if let Command::Backup(_) | Command::Restore(_) = p.command {
        return crate::backup_cmd::run(&dir, p.command);
    }
    let mut store = Store::open(&dir)?;
    match p.command {
        Command::Stats { json } => {
            let s = store.stats(clock::today())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                println!("Reflections:     {}", s.reflections);
                println!("Notes:           {}", s.notes);
                println!("Weeks reflected: {}", s.weeks_reflected);
                println!("Current streak:  {} week(s)", s.current_streak);
            }
        }
        Command::Search { query, json, limit } => {
            let hits = store.search(&query, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else if hits.is_empty() {
                eprintln!("No matches.");
            } else {
                // One write for the whole list, not one per line.
                let mut out = String::new();
                for h in hits {
                    let snippet: String = h
                        .snippet
                        .chars()
                        .map(|c| match c {
                            MARK_START | MARK_END => '*',
                            '\n' => ' ',
                            c => c,
                        })
                        .collect();
                    let label = match h.kind {
                        tillid_core::journal::model::EntryKind::Reflection => {
                            format!("reflection {}", h.week)
                        }
                        tillid_core::journal::model::EntryKind::Note => format!("note {}", h.date),
                    };
                    let title = if h.title.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", h.title)
                    };
                    let _ = writeln!(out, "[{}] {label}{title}\n    {snippet}", h.id);
                }
                print!("{out}");
            }
        }
        Command::NoteAdd {
            date,
            title,
            tags,
            text,
        } => {
            let body = match text {
                Some(t) => t,
                None => {
                    let mut s = String::new();
                    std::io::stdin().read_to_string(&mut s)?;
                    s
                }
            };
            let date = date.unwrap_or_else(|| clock::today().to_string());
            let n = store.create_note(&NoteInput {
                date,
                title,
                body: body.trim_end().to_string(),
                tags,
            })?;
            println!("Added note {} on {}", n.id, n.date);
        }
        Command::Demo {
            weeks,
            notes_per_week,
        } => {
            let s = store.fill_demo(&DemoOptions {
                weeks,
                notes_per_week,
                today: clock::today(),
                seed: 0x711D,
            })?;
            println!(
                "Added {} reflections, {} notes and a fictional team of {} people to {}",
                s.reflections,
                s.notes,
                store.people(true)?.len(),
                store.dir().display()
            );
        }
        Command::Program { json, lang } => {
            let lang = pick_lang(&store, lang.as_deref())?;
            let week = tillid_core::IsoWeek::containing(clock::today());
            let w = store.program_week(week, lang)?;
            let progress = store.program_progress(lang)?;
            if json {
                let mut v = serde_json::to_value(&w)?;
                v["progress"] = serde_json::to_value(&progress)?;
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!(
                    "Week {}: {} [{}] ({:?})",
                    week.week, w.title, w.theme, w.state
                );
                if let Some(e) = &w.exercise {
                    for (i, step) in e.text.steps.iter().enumerate() {
                        println!("  {}. {step}", i + 1);
                    }
                }
                println!();
                for p in progress {
                    println!("  {:<22} {:>2} / {}", p.theme, p.done, p.total);
                }
            }
        }
        Command::Exercises { json, lang } => {
            let lang = pick_lang(&store, lang.as_deref())?;
            let library = tillid_core::program::exercises::library(lang);
            if json {
                println!("{}", serde_json::to_string_pretty(&library)?);
            } else {
                for e in library {
                    println!(
                        "{:<38} {:<20} {:<14} {}  [{}]",
                        e.id,
                        e.theme,
                        e.level,
                        e.text.title,
                        e.frameworks.join("; ")
                    );
                }
            }
        }
        Command::PeopleAdd { name, role } => {
            let p = store.add_person(&PersonInput {
                name,
                role,
                ..Default::default()
            })?;
            println!("Added {} (id {})", p.name, p.id);
        }
        Command::PeopleList { json } => {
            let people = store.people(true)?;
            if json {
                let rows: Vec<_> = people
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "id": p.id,
                            "name": p.name,
                            "role": p.role,
                            "archived": p.archived_at.is_some(),
                            "retention_until": p.retention_until,
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else if people.is_empty() {
                eprintln!("No people yet. Add one with: tillid people add NAME --role ROLE");
            } else {
                for p in people {
                    let archived = match (&p.archived_at, &p.retention_until) {
                        (Some(_), Some(until)) => format!("  (archived; keep until {until})"),
                        (Some(_), None) => "  (archived)".into(),
                        _ => String::new(),
                    };
                    let role = if p.role.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", p.role)
                    };
                    println!("{:>4}  {}{role}{archived}", p.id, p.name);
                }
            }
        }
        Command::PeopleExport { id, out, lang } => {
            if let Some(other) = lang.as_deref().filter(|l| *l != "da" && *l != "en") {
                return Err(format!("--lang must be da or en, not {other}").into());
            }
            let lang = pick_lang(&store, lang.as_deref())?;
            let files = store.export_person(id, &out, lang)?;
            println!(
                "Wrote {}\nWrote {}",
                files.json.display(),
                files.html.display()
            );
        }
        Command::Export(args) => crate::export_cmd::run(&store, args)?,
        Command::Import(args) => crate::import_export::run_import(&mut store, args)?,
        Command::PeopleDelete { id, yes } => {
            let p = store.person(id)?;
            let what = store.erasure_preview(id)?;
            if !yes {
                return Err(format!(
                    "this erases {} and {} conversation(s), {} agreement(s), {} feedback note(s), {} expectation(s); add --yes to do it",
                    p.name, what.conversations, what.agreements, what.feedback, what.expectations
                )
                .into());
            }
            store.erase_person(id)?;
            println!(
                "Erased {}: {} conversation(s), {} agreement(s), {} feedback note(s), {} expectation(s)",
                p.name, what.conversations, what.agreements, what.feedback, what.expectations
            );
        }
        Command::Version | Command::Backup(_) | Command::Restore(_) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}
