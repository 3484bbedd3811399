//! The user's own agenda templates: an agenda she has shaped once and wants
//! to start from again. Kept per conversation kind; one of them may be the
//! default that new conversations of that kind begin with, in place of the
//! built-in template from `assets/templates/`.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::locale::Lang;
use crate::people::conversations::ConversationKind;
use crate::storage::store::{check_size, Store};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest template name, in characters: it is shown in a drop-down.
pub const MAX_TEMPLATE_NAME: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnTemplate {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ConversationKind,
    pub name: String,
    /// The agenda, as Markdown.
    pub body: String,
    /// New conversations of this kind start from this template.
    pub is_default: bool,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnTemplateInput {
    pub kind: ConversationKind,
    pub name: String,
    pub body: String,
    pub is_default: bool,
}

const COLUMNS: &str = "id, kind, name, body, is_default, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<OwnTemplate> {
    let kind: String = r.get(1)?;
    Ok(OwnTemplate {
        id: r.get(0)?,
        // The column's CHECK constraint allows only the four kinds.
        kind: ConversationKind::parse(&kind).unwrap_or(ConversationKind::OneOnOne),
        name: r.get(2)?,
        body: r.get(3)?,
        is_default: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

fn validate(input: &OwnTemplateInput) -> Result<String> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(CoreError::Invalid {
            field: "name".into(),
            reason: "a template needs a name".into(),
        });
    }
    if name.chars().count() > MAX_TEMPLATE_NAME {
        return Err(CoreError::Invalid {
            field: "name".into(),
            reason: format!("a template name has at most {MAX_TEMPLATE_NAME} characters"),
        });
    }
    check_size("body", &input.body)?;
    Ok(name)
}

impl Store {
    /// Her templates for one kind, by name.
    pub fn own_templates(&self, kind: ConversationKind) -> Result<Vec<OwnTemplate>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM own_template WHERE kind = ?1 ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = st
            .query_map([kind.as_str()], from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn own_template(&self, id: i64) -> Result<OwnTemplate> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM own_template WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("template {id}")))
    }

    /// Saves a template under its name: a template of the same kind with the
    /// same name (ignoring case) is replaced, so "save again" updates it.
    /// Making it the default takes the default from any other of that kind.
    pub fn save_own_template(&mut self, input: &OwnTemplateInput) -> Result<OwnTemplate> {
        let name = validate(input)?;
        let existing = self
            .own_templates(input.kind)?
            .into_iter()
            .find(|t| t.name.to_lowercase() == name.to_lowercase());
        let now = now_stamp();
        let tx = self.conn.transaction()?;
        if input.is_default {
            tx.execute(
                "UPDATE own_template SET is_default = 0 WHERE kind = ?1",
                [input.kind.as_str()],
            )?;
        }
        let id = match existing {
            Some(t) => {
                tx.execute(
                    "UPDATE own_template SET name = ?1, body = ?2, is_default = ?3, updated_at = ?4
                     WHERE id = ?5",
                    params![name, input.body, input.is_default, now, t.id],
                )?;
                t.id
            }
            None => {
                tx.execute(
                    "INSERT INTO own_template (uid, kind, name, body, is_default, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![
                        format!("template-{}", uuid::Uuid::new_v4()),
                        input.kind.as_str(),
                        name,
                        input.body,
                        input.is_default,
                        now
                    ],
                )?;
                tx.last_insert_rowid()
            }
        };
        tx.commit()?;
        self.own_template(id)
    }

    pub fn delete_own_template(&mut self, id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM own_template WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(CoreError::NotFound(format!("template {id}")));
        }
        Ok(())
    }

    /// The agenda a new conversation of `kind` starts with: her default
    /// template if she has one, else the built-in one in her language.
    pub fn starting_agenda(&self, kind: ConversationKind, lang: Lang) -> Result<String> {
        let own: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM own_template WHERE kind = ?1 AND is_default = 1",
                [kind.as_str()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(own.unwrap_or_else(|| crate::people::templates::agenda_markdown(kind, lang)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        (dir, s)
    }

    fn input(kind: ConversationKind, name: &str, body: &str, is_default: bool) -> OwnTemplateInput {
        OwnTemplateInput {
            kind,
            name: name.into(),
            body: body.into(),
            is_default,
        }
    }

    #[test]
    fn saving_under_the_same_name_replaces_and_one_default_per_kind() {
        let (_d, mut s) = store();
        let k = ConversationKind::OneOnOne;
        let a = s
            .save_own_template(&input(k, "Kort 1:1", "- Trivsel", true))
            .unwrap();
        let b = s
            .save_own_template(&input(k, "Lang 1:1", "- Opgaver", true))
            .unwrap();
        assert!(!s.own_template(a.id).unwrap().is_default);
        assert!(b.is_default);
        let again = s
            .save_own_template(&input(k, "  kort 1:1 ", "- Trivsel\n- Ønsker", false))
            .unwrap();
        assert_eq!(again.id, a.id, "same name, ignoring case and spaces");
        assert_eq!(again.body, "- Trivsel\n- Ønsker");
        assert_eq!(s.own_templates(k).unwrap().len(), 2);
        // Another kind keeps its own list and its own default.
        s.save_own_template(&input(ConversationKind::Mus, "Kort 1:1", "x", true))
            .unwrap();
        assert!(s.own_template(b.id).unwrap().is_default);
    }

    #[test]
    fn new_conversations_start_from_the_default_template() {
        let (_d, mut s) = store();
        let k = ConversationKind::Feedback;
        let built_in = crate::people::templates::agenda_markdown(k, Lang::Da);
        assert_eq!(s.starting_agenda(k, Lang::Da).unwrap(), built_in);
        let t = s
            .save_own_template(&input(k, "Min", "- Hvad så jeg?", true))
            .unwrap();
        let p = s
            .add_person(&crate::people::person::PersonInput {
                name: "Åse".into(),
                ..Default::default()
            })
            .unwrap();
        let c = s
            .start_conversation(p.id, k, "2026-11-20", Lang::Da)
            .unwrap();
        assert_eq!(c.agenda, "- Hvad så jeg?");
        s.delete_own_template(t.id).unwrap();
        assert_eq!(s.starting_agenda(k, Lang::Da).unwrap(), built_in);
        assert!(matches!(
            s.delete_own_template(t.id),
            Err(CoreError::NotFound(_))
        ));
    }

    #[test]
    fn names_must_be_present_and_short() {
        let (_d, mut s) = store();
        let k = ConversationKind::OneOnOne;
        for bad in ["", "   ", &"x".repeat(MAX_TEMPLATE_NAME + 1)] {
            let e = s
                .save_own_template(&input(k, bad, "body", false))
                .unwrap_err();
            assert_eq!(e.code(), "invalid", "{bad:?}");
        }
        let huge = "a".repeat(crate::MAX_TEXT_BYTES + 1);
        let e = s
            .save_own_template(&input(k, "big", &huge, false))
            .unwrap_err();
        assert_eq!(e.code(), "too_large");
        assert!(s.own_templates(k).unwrap().is_empty());
    }
}
