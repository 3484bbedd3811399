//! How people are written: pseudonyms, omitted, or named.

use super::options::PeopleMode;
use super::words::words;
use crate::documents::pseudonyms::{letter, NameReplacer, NamedPerson};
use crate::locale::Lang;
use std::collections::HashMap;

/// How people are written in the document.
pub(super) struct Names {
    /// For plain text (escaped afterwards where needed).
    pub(super) text: Option<NameReplacer>,
    /// For her own Markdown: an omitted name must not read as a link.
    pub(super) markdown: Option<NameReplacer>,
    pub(super) labels: HashMap<i64, String>,
    pub(super) replaced: u32,
}

impl Names {
    pub(super) fn new(people: &[NamedPerson], mode: PeopleMode, lang: Lang) -> Names {
        let w = words(lang);
        let pseudonyms: Vec<String> = (0..people.len())
            .map(|i| format!("{} {}", w.employee, letter(i)))
            .collect();
        let labels: HashMap<i64, String> = match mode {
            PeopleMode::Pseudonymize => people
                .iter()
                .zip(&pseudonyms)
                .map(|(p, l)| (p.id, l.clone()))
                .collect(),
            PeopleMode::Omit => people.iter().map(|p| (p.id, w.name.to_string())).collect(),
            PeopleMode::Named => people.iter().map(|p| (p.id, p.name.clone())).collect(),
        };
        let employee = w.employee;
        let join = move |ls: &[&str]| {
            let letters: Vec<&str> = ls
                .iter()
                .map(|l| l.strip_prefix(employee).map_or(*l, str::trim))
                .collect();
            format!("{employee} {}", letters.join("/"))
        };
        let (text, markdown) = match mode {
            PeopleMode::Named => (None, None),
            PeopleMode::Pseudonymize => {
                let r = NameReplacer::new(people, pseudonyms).with_joined(join);
                (Some(r.clone()), Some(r))
            }
            PeopleMode::Omit => {
                let plain = vec![w.name.to_string(); people.len()];
                let escaped = vec![w.name.replace('[', "\\[").replace(']', "\\]"); people.len()];
                let plain_name = w.name.to_string();
                let md_name = escaped.first().cloned().unwrap_or_default();
                (
                    Some(NameReplacer::new(people, plain).with_joined(move |_| plain_name.clone())),
                    Some(NameReplacer::new(people, escaped).with_joined(move |_| md_name.clone())),
                )
            }
        };
        Names {
            text,
            markdown,
            labels,
            replaced: if mode == PeopleMode::Named {
                0
            } else {
                people.len() as u32
            },
        }
    }

    pub(super) fn text(&self, s: &str) -> String {
        match &self.text {
            Some(r) => r.replace(s),
            None => s.to_string(),
        }
    }

    pub(super) fn markdown(&self, s: &str) -> String {
        match &self.markdown {
            Some(r) => r.replace(s),
            None => s.to_string(),
        }
    }

    pub(super) fn person(&self, id: i64) -> String {
        self.labels.get(&id).cloned().unwrap_or_default()
    }
}
