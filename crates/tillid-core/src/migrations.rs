//! The schema, as an append-only list of migrations. Never edit a released
//! migration: add a new one at the end.

use rusqlite_migration::{Migrations, M};

const V1_JOURNAL: &str = r#"
CREATE TABLE entry (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL CHECK (kind IN ('reflection', 'note')),
    -- Sort key for the timeline: a note's own date; a reflection's Sunday,
    -- so a week's reflection sits above that week's notes.
    entry_date    TEXT    NOT NULL,
    -- The year the timeline's year filter uses: ISO year for reflections.
    year          INTEGER NOT NULL,
    iso_year      INTEGER NOT NULL,
    iso_week      INTEGER NOT NULL,
    title         TEXT    NOT NULL DEFAULT '',
    body          TEXT    NOT NULL DEFAULT '',
    followup      TEXT    NOT NULL DEFAULT '',
    happened      TEXT    NOT NULL DEFAULT '',
    trust_control TEXT    NOT NULL DEFAULT '',
    learned       TEXT    NOT NULL DEFAULT '',
    next_try      TEXT    NOT NULL DEFAULT '',
    rating_org    INTEGER CHECK (rating_org BETWEEN 1 AND 5),
    rating_rel    INTEGER CHECK (rating_rel BETWEEN 1 AND 5),
    rating_ind    INTEGER CHECK (rating_ind BETWEEN 1 AND 5),
    energy        INTEGER CHECK (energy BETWEEN 1 AND 5),
    status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done')),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX entry_one_reflection_per_week
    ON entry (iso_year, iso_week) WHERE kind = 'reflection';
CREATE INDEX entry_timeline ON entry (entry_date DESC, id DESC);
CREATE INDEX entry_by_year ON entry (year, entry_date DESC, id DESC);

-- Tags are stored normalised (trimmed, lower-case, no leading '#').
CREATE TABLE entry_tag (
    entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tag_by_tag ON entry_tag (tag, entry_id);

-- Full-text search over every text field. `remove_diacritics 0` keeps
-- æ, ø and å distinct letters (å would otherwise fold to a).
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    title, body, followup, happened, trust_control, learned, next_try,
    content = 'entry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
    INSERT INTO entry_fts (rowid, title, body, followup, happened, trust_control, learned, next_try)
    VALUES (new.id, new.title, new.body, new.followup, new.happened, new.trust_control, new.learned, new.next_try);
END;
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, followup, happened, trust_control, learned, next_try)
    VALUES ('delete', old.id, old.title, old.body, old.followup, old.happened, old.trust_control, old.learned, old.next_try);
END;
CREATE TRIGGER entry_fts_update
AFTER UPDATE OF title, body, followup, happened, trust_control, learned, next_try ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, followup, happened, trust_control, learned, next_try)
    VALUES ('delete', old.id, old.title, old.body, old.followup, old.happened, old.trust_control, old.learned, old.next_try);
    INSERT INTO entry_fts (rowid, title, body, followup, happened, trust_control, learned, next_try)
    VALUES (new.id, new.title, new.body, new.followup, new.happened, new.trust_control, new.learned, new.next_try);
END;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// All migrations, oldest first. The schema version is their count.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1_JOURNAL)])
}

/// The schema version this build writes and understands.
pub fn latest_version() -> i64 {
    // Keep in step with the list above.
    1
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid_and_latest_version_matches() {
        let m = super::migrations();
        m.validate().expect("migrations validate");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        m.to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, super::latest_version());
    }
}
