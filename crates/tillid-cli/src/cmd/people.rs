//! `tillid people add|list|export|delete`: the people on the team, their
//! export (GDPR right of access) and their erasure, as the app does them.

use super::Result;
use crate::lang::pick_lang;
use crate::parse::{id, string, usage, ArgError};
use lexopt::prelude::*;
use std::path::PathBuf;
use tillid_core::people::person::PersonInput;
use tillid_core::Store;

pub const HELP: &str = "\
Usage: tillid [--data-dir DIR] people <add|list|export|delete> ...

  people add NAME [--role R]        Add a person
  people list [--json]              List everyone: id, name, role, archived, retention date
  people export ID -o DIR [--lang da|en]
                                    Write everything held about one person to DIR
                                    as JSON and HTML (GDPR right of access)
  people delete ID --yes            Erase the person and everything about them,
                                    exactly as the app does; --yes is required
";

#[derive(Debug)]
pub enum Args {
    Add {
        name: String,
        role: String,
    },
    List {
        json: bool,
    },
    Export {
        id: i64,
        out: PathBuf,
        lang: Option<String>,
    },
    Delete {
        id: i64,
        yes: bool,
    },
}

/// Parses the arguments after `people`: the subcommand, then its options.
pub fn parse(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
) -> std::result::Result<Args, ArgError> {
    let sub = match p.next()? {
        Some(Value(v)) => string(v)?,
        Some(Short('h') | Long("help")) => return Err(ArgError::Help(HELP)),
        _ => {
            return Err(usage(
                "people needs a subcommand: add, list, export or delete",
            ))
        }
    };
    let (mut words, mut role, mut json, mut out, mut lang, mut yes) =
        (Vec::new(), String::new(), false, None, None, false);
    while let Some(a) = p.next()? {
        match a {
            Long("role") => role = string(p.value()?)?,
            Long("json") => json = true,
            Short('o') | Long("out") => out = Some(PathBuf::from(p.value()?)),
            Long("lang") => lang = Some(string(p.value()?)?),
            Long("yes") => yes = true,
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(HELP)),
            Value(v) => words.push(v),
            other => return Err(other.unexpected().into()),
        }
    }
    let mut words = words.into_iter();
    let args = match sub.as_str() {
        "add" => {
            let name: Vec<String> = words.map(string).collect::<std::result::Result<_, _>>()?;
            if name.is_empty() {
                return Err(usage("people add needs a NAME"));
            }
            Args::Add {
                name: name.join(" "),
                role,
            }
        }
        "list" => Args::List { json },
        "export" => Args::Export {
            id: id(words
                .next()
                .ok_or_else(|| usage("people export needs an ID"))?)?,
            out: out.ok_or_else(|| usage("people export needs -o DIR"))?,
            lang,
        },
        "delete" => Args::Delete {
            id: id(words
                .next()
                .ok_or_else(|| usage("people delete needs an ID"))?)?,
            yes,
        },
        other => return Err(usage(format!("unknown people subcommand '{other}'"))),
    };
    Ok(args)
}

pub fn run(store: &mut Store, a: Args) -> Result<()> {
    match a {
        Args::Add { name, role } => add(store, name, role),
        Args::List { json } => list(store, json),
        Args::Export { id, out, lang } => export(store, id, out, lang),
        Args::Delete { id, yes } => delete(store, id, yes),
    }
}

fn add(store: &mut Store, name: String, role: String) -> Result<()> {
    let p = store.add_person(&PersonInput {
        name,
        role,
        ..Default::default()
    })?;
    println!("Added {} (id {})", p.name, p.id);
    Ok(())
}

fn list(store: &mut Store, json: bool) -> Result<()> {
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
    Ok(())
}

fn export(store: &mut Store, id: i64, out: PathBuf, lang: Option<String>) -> Result<()> {
    if let Some(other) = lang.as_deref().filter(|l| *l != "da" && *l != "en") {
        return Err(format!("--lang must be da or en, not {other}").into());
    }
    let lang = pick_lang(store, lang.as_deref())?;
    let files = store.export_person(id, &out, lang)?;
    println!(
        "Wrote {}\nWrote {}",
        files.json.display(),
        files.html.display()
    );
    Ok(())
}

fn delete(store: &mut Store, id: i64, yes: bool) -> Result<()> {
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
    Ok(())
}
