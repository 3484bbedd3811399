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

const V2_PEOPLE: &str = r#"
-- People Mette manages. Deleting a person cascades to everything about them.
CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    role          TEXT    NOT NULL DEFAULT '',
    start_date    TEXT,
    working_style TEXT    NOT NULL DEFAULT '',
    -- How often she means to talk with them, in weeks (the "not spoken with" nudge).
    cadence_weeks INTEGER NOT NULL DEFAULT 4 CHECK (cadence_weeks BETWEEN 1 AND 52),
    archived_at   TEXT,
    -- Set on archiving; past it, the app offers to delete the person.
    retention_until TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE TABLE conversation (
    id         INTEGER PRIMARY KEY,
    uid        TEXT    NOT NULL UNIQUE,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('one_on_one', 'mus', 'feedback', 'expectations')),
    date       TEXT    NOT NULL,
    agenda     TEXT    NOT NULL DEFAULT '',
    notes      TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX conversation_by_person ON conversation (person_id, date DESC, id DESC);

-- Named text sections of a conversation: the MUS phases' forms and sections.
CREATE TABLE conversation_section (
    conversation_id INTEGER NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    section         TEXT    NOT NULL,
    body            TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (conversation_id, section)
) WITHOUT ROWID;

CREATE TABLE agreement (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    conversation_id INTEGER REFERENCES conversation (id) ON DELETE SET NULL,
    text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    owner           TEXT    NOT NULL CHECK (owner IN ('me', 'them', 'both')),
    due_date        TEXT,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX agreement_by_person ON agreement (person_id, status);
CREATE INDEX agreement_by_due ON agreement (status, due_date);

-- The life of an agreement: made, then kept / done / dropped in later conversations.
CREATE TABLE agreement_event (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    conversation_id INTEGER REFERENCES conversation (id) ON DELETE SET NULL,
    action          TEXT    NOT NULL CHECK (action IN ('made', 'kept', 'done', 'dropped', 'reopened')),
    on_date         TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);
CREATE INDEX agreement_event_by_agreement ON agreement_event (agreement_id, id);

-- SBI feedback, given or received.
CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY,
    uid        TEXT    NOT NULL UNIQUE,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    date       TEXT    NOT NULL,
    direction  TEXT    NOT NULL CHECK (direction IN ('given', 'received')),
    tone       TEXT    NOT NULL CHECK (tone IN ('appreciative', 'developmental')),
    situation  TEXT    NOT NULL DEFAULT '',
    behaviour  TEXT    NOT NULL DEFAULT '',
    impact     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX feedback_by_person ON feedback (person_id, date DESC);

-- Expectations per person and area of responsibility, with the agreed
-- Management 3.0 delegation level (1 tell … 7 delegate).
CREATE TABLE expectation (
    id               INTEGER PRIMARY KEY,
    uid              TEXT    NOT NULL UNIQUE,
    person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    area             TEXT    NOT NULL CHECK (length(trim(area)) > 0),
    task             TEXT    NOT NULL DEFAULT '',
    frame            TEXT    NOT NULL DEFAULT '',
    success_criteria TEXT    NOT NULL DEFAULT '',
    checkin_cadence  TEXT    NOT NULL DEFAULT '',
    agreed_level     INTEGER NOT NULL CHECK (agreed_level BETWEEN 1 AND 7),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);

-- The level she actually acted at, per ISO week.
CREATE TABLE delegation_log (
    expectation_id INTEGER NOT NULL REFERENCES expectation (id) ON DELETE CASCADE,
    iso_year       INTEGER NOT NULL,
    iso_week       INTEGER NOT NULL,
    acted_level    INTEGER NOT NULL CHECK (acted_level BETWEEN 1 AND 7),
    note           TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (expectation_id, iso_year, iso_week)
) WITHOUT ROWID;

-- Search over everything about people. Unlike the journal's index this one
-- keeps its own copy of the text, so erasing a person removes it with them;
-- secure-delete makes FTS5 drop the deleted tokens from the index itself.
CREATE VIRTUAL TABLE people_fts USING fts5 (
    kind UNINDEXED, ref_id UNINDEXED, person_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
INSERT INTO people_fts (people_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO entry_fts (entry_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('person', new.id, new.id, new.name, new.role || ' ' || new.working_style);
END;
CREATE TRIGGER person_fts_au AFTER UPDATE OF name, role, working_style ON person BEGIN
    DELETE FROM people_fts WHERE kind = 'person' AND ref_id = old.id;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('person', new.id, new.id, new.name, new.role || ' ' || new.working_style);
END;
CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
    DELETE FROM people_fts WHERE person_id = old.id;
END;

CREATE TRIGGER conversation_fts_ai AFTER INSERT ON conversation BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('conversation', new.id, new.person_id, new.agenda, new.notes);
END;
CREATE TRIGGER conversation_fts_au AFTER UPDATE OF agenda, notes ON conversation BEGIN
    DELETE FROM people_fts WHERE kind = 'conversation' AND ref_id = old.id;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('conversation', new.id, new.person_id, new.agenda, new.notes);
END;
CREATE TRIGGER conversation_fts_ad AFTER DELETE ON conversation BEGIN
    DELETE FROM people_fts WHERE kind IN ('conversation', 'section') AND ref_id = old.id;
END;

CREATE TRIGGER section_fts_ai AFTER INSERT ON conversation_section BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    SELECT 'section', new.conversation_id, c.person_id, new.section, new.body
    FROM conversation c WHERE c.id = new.conversation_id;
END;
CREATE TRIGGER section_fts_au AFTER UPDATE OF body ON conversation_section BEGIN
    DELETE FROM people_fts WHERE kind = 'section' AND ref_id = old.conversation_id AND title = old.section;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    SELECT 'section', new.conversation_id, c.person_id, new.section, new.body
    FROM conversation c WHERE c.id = new.conversation_id;
END;
CREATE TRIGGER section_fts_ad AFTER DELETE ON conversation_section BEGIN
    DELETE FROM people_fts WHERE kind = 'section' AND ref_id = old.conversation_id AND title = old.section;
END;

CREATE TRIGGER agreement_fts_ai AFTER INSERT ON agreement BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('agreement', new.id, new.person_id, '', new.text);
END;
CREATE TRIGGER agreement_fts_au AFTER UPDATE OF text ON agreement BEGIN
    DELETE FROM people_fts WHERE kind = 'agreement' AND ref_id = old.id;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('agreement', new.id, new.person_id, '', new.text);
END;
CREATE TRIGGER agreement_fts_ad AFTER DELETE ON agreement BEGIN
    DELETE FROM people_fts WHERE kind = 'agreement' AND ref_id = old.id;
END;

CREATE TRIGGER feedback_fts_ai AFTER INSERT ON feedback BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('feedback', new.id, new.person_id, new.situation, new.behaviour || ' ' || new.impact);
END;
CREATE TRIGGER feedback_fts_au AFTER UPDATE OF situation, behaviour, impact ON feedback BEGIN
    DELETE FROM people_fts WHERE kind = 'feedback' AND ref_id = old.id;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('feedback', new.id, new.person_id, new.situation, new.behaviour || ' ' || new.impact);
END;
CREATE TRIGGER feedback_fts_ad AFTER DELETE ON feedback BEGIN
    DELETE FROM people_fts WHERE kind = 'feedback' AND ref_id = old.id;
END;

CREATE TRIGGER expectation_fts_ai AFTER INSERT ON expectation BEGIN
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('expectation', new.id, new.person_id, new.area,
            new.task || ' ' || new.frame || ' ' || new.success_criteria);
END;
CREATE TRIGGER expectation_fts_au AFTER UPDATE OF area, task, frame, success_criteria ON expectation BEGIN
    DELETE FROM people_fts WHERE kind = 'expectation' AND ref_id = old.id;
    INSERT INTO people_fts (kind, ref_id, person_id, title, body)
    VALUES ('expectation', new.id, new.person_id, new.area,
            new.task || ' ' || new.frame || ' ' || new.success_criteria);
END;
CREATE TRIGGER expectation_fts_ad AFTER DELETE ON expectation BEGIN
    DELETE FROM people_fts WHERE kind = 'expectation' AND ref_id = old.id;
END;
"#;

const V3_PROGRAM: &str = r#"
-- The weekly program: which exercise each ISO week proposes (fixed once
-- shown, so it does not shift mid-week), and what became of it.
CREATE TABLE program_week (
    iso_year    INTEGER NOT NULL,
    iso_week    INTEGER NOT NULL,
    exercise_id TEXT    NOT NULL,
    -- proposed, swapped, skipped or done
    state       TEXT    NOT NULL DEFAULT 'proposed'
                CHECK (state IN ('proposed', 'swapped', 'skipped', 'done')),
    -- Kept with the week so history stays readable if the library changes.
    title       TEXT    NOT NULL DEFAULT '',
    theme       TEXT    NOT NULL DEFAULT '',
    -- JSON array of {question, answer}.
    answers     TEXT    NOT NULL DEFAULT '[]',
    done_at     TEXT,
    PRIMARY KEY (iso_year, iso_week)
) WITHOUT ROWID;
CREATE INDEX program_week_by_exercise ON program_week (exercise_id, state);
"#;

const V4_CHECKUP: &str = r#"
-- The reflection's answer to "did you follow up, or check up?".
ALTER TABLE entry ADD COLUMN checkup TEXT NOT NULL DEFAULT '';
"#;

const V5_OWN_TEMPLATES: &str = r#"
-- The user's own agenda templates, one list per conversation kind. At most
-- one per kind is the default that new conversations start from.
CREATE TABLE own_template (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('one_on_one', 'mus', 'feedback', 'expectations')),
    name        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX own_template_name ON own_template (kind, lower(name));
CREATE UNIQUE INDEX own_template_one_default ON own_template (kind) WHERE is_default = 1;
"#;

const V6_SEARCH_CHECKUP: &str = r#"
-- The search index gets `checkup` (added in V4 without it, so what she wrote
-- in "did you follow up, or check up?" was never found). An FTS5 table's
-- columns cannot be altered: it is made again with every text column of a
-- reflection or note, its triggers with it, and rebuilt from `entry`.
DROP TRIGGER entry_fts_insert;
DROP TRIGGER entry_fts_delete;
DROP TRIGGER entry_fts_update;
DROP TABLE entry_fts;
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    title, body, followup, happened, trust_control, learned, next_try, checkup,
    content = 'entry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
INSERT INTO entry_fts (entry_fts, rank) VALUES ('secure-delete', 1);
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
    INSERT INTO entry_fts (rowid, title, body, followup, happened, trust_control, learned, next_try, checkup)
    VALUES (new.id, new.title, new.body, new.followup, new.happened, new.trust_control, new.learned, new.next_try, new.checkup);
END;
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, followup, happened, trust_control, learned, next_try, checkup)
    VALUES ('delete', old.id, old.title, old.body, old.followup, old.happened, old.trust_control, old.learned, old.next_try, old.checkup);
END;
CREATE TRIGGER entry_fts_update
AFTER UPDATE OF title, body, followup, happened, trust_control, learned, next_try, checkup ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, followup, happened, trust_control, learned, next_try, checkup)
    VALUES ('delete', old.id, old.title, old.body, old.followup, old.happened, old.trust_control, old.learned, old.next_try, old.checkup);
    INSERT INTO entry_fts (rowid, title, body, followup, happened, trust_control, learned, next_try, checkup)
    VALUES (new.id, new.title, new.body, new.followup, new.happened, new.trust_control, new.learned, new.next_try, new.checkup);
END;
INSERT INTO entry_fts (entry_fts) VALUES ('rebuild');
"#;

/// All migrations, oldest first. The schema version is their count.
const V7_SEARCH_ANSWERS: &str = r#"
-- Her exercise answers get an index of their own, so search finds them
-- through FTS5 like everything else she wrote rather than by reading every
-- done week's JSON. It keeps its own copy of the text (the answers are JSON
-- in `program_week`, not columns an external-content table could read) and
-- drops deleted tokens (secure-delete). Only the answers' text is indexed,
-- not the questions: those are the library's words, not hers.
CREATE VIRTUAL TABLE answer_fts USING fts5 (
    iso_year UNINDEXED, iso_week UNINDEXED, title, answers,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
INSERT INTO answer_fts (answer_fts, rank) VALUES ('secure-delete', 1);
-- The answers' text, one per line; a malformed JSON value (never written by
-- Tillid) indexes as nothing rather than failing her save.
CREATE VIEW answer_text AS
SELECT p.iso_year, p.iso_week, p.title,
       CASE WHEN json_valid(p.answers)
            THEN (SELECT coalesce(group_concat(j.value ->> '$.answer', char(10)), '')
                  FROM json_each(p.answers) j)
            ELSE '' END AS answers
FROM program_week p;
CREATE TRIGGER answer_fts_insert AFTER INSERT ON program_week BEGIN
    INSERT INTO answer_fts (iso_year, iso_week, title, answers)
    SELECT iso_year, iso_week, title, answers FROM answer_text
    WHERE iso_year = new.iso_year AND iso_week = new.iso_week;
END;
CREATE TRIGGER answer_fts_delete AFTER DELETE ON program_week BEGIN
    DELETE FROM answer_fts WHERE iso_year = old.iso_year AND iso_week = old.iso_week;
END;
CREATE TRIGGER answer_fts_update AFTER UPDATE OF title, answers ON program_week BEGIN
    DELETE FROM answer_fts WHERE iso_year = old.iso_year AND iso_week = old.iso_week;
    INSERT INTO answer_fts (iso_year, iso_week, title, answers)
    SELECT iso_year, iso_week, title, answers FROM answer_text
    WHERE iso_year = new.iso_year AND iso_week = new.iso_week;
END;
INSERT INTO answer_fts (iso_year, iso_week, title, answers)
SELECT iso_year, iso_week, title, answers FROM answer_text;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1_JOURNAL),
        M::up(V2_PEOPLE),
        M::up(V3_PROGRAM),
        M::up(V4_CHECKUP),
        M::up(V5_OWN_TEMPLATES),
        M::up(V6_SEARCH_CHECKUP),
        M::up(V7_SEARCH_ANSWERS),
    ])
}

/// The schema version this build writes and understands.
pub fn latest_version() -> i64 {
    // Keep in step with the list above.
    7
}

#[cfg(test)]
mod tests {
    /// Columns of `entry` that hold no words she wrote: kept out of search.
    const NOT_SEARCHED: [&str; 6] = [
        "uid",
        "kind",
        "entry_date",
        "status",
        "created_at",
        "updated_at",
    ];

    fn columns(conn: &rusqlite::Connection, table: &str) -> Vec<(String, String)> {
        let mut st = conn
            .prepare(&format!(
                "SELECT name, type FROM pragma_table_info('{table}')"
            ))
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn every_text_column_of_an_entry_is_in_the_search_index() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let indexed: Vec<String> = columns(&conn, "entry_fts")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let text: Vec<String> = columns(&conn, "entry")
            .into_iter()
            .filter(|(name, ty)| ty == "TEXT" && !NOT_SEARCHED.contains(&name.as_str()))
            .map(|(name, _)| name)
            .collect();
        assert!(text.contains(&"checkup".to_string()), "{text:?}");
        assert_eq!(
            indexed, text,
            "entry_fts must index every text column of entry"
        );
    }

    /// A file from before V7 holds done exercises whose answers were never
    /// indexed: the migration indexes them, the triggers keep the index in
    /// step with later answers, and search finds them through it.
    #[test]
    fn exercise_answers_written_before_v7_are_found_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(crate::storage::paths::DB_FILE_NAME);
        {
            let mut conn = rusqlite::Connection::open(&file).unwrap();
            super::migrations().to_version(&mut conn, 6).unwrap();
            conn.execute_batch(
                "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, created_at, updated_at)
                 VALUES ('r1', 'reflection', '2026-03-08', 2026, 2026, 10, 'x', 'x');
                 INSERT INTO program_week (iso_year, iso_week, exercise_id, state, title, answers)
                 VALUES (2026, 10, 'ex', 'done', 'Slip tøjlerne',
                         '[{\"question\":\"Hvad?\",\"answer\":\"Vagtplanen klarede Søren selv\"}]'),
                        (2026, 11, 'ex2', 'done', 'Broken', 'not json');",
            )
            .unwrap();
        }
        let s = crate::storage::store::Store::open(dir.path()).unwrap();
        let found = |s: &crate::storage::store::Store, q: &str| {
            s.search(q, None)
                .unwrap()
                .into_iter()
                .map(|h| (h.week.week, h.snippet))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(&s, "vagtplan søren"),
            vec![(
                10,
                "\u{2}Vagtplanen\u{3} klarede \u{2}Søren\u{3} selv".to_string()
            )]
        );
        assert_eq!(
            found(&s, "tøjlerne").len(),
            1,
            "the exercise's title is indexed"
        );
        assert!(found(&s, "hvad").is_empty(), "the questions are not hers");
        // Answered again: the old words leave the index, the new ones enter.
        let again = vec![crate::journal::model::ExerciseAnswer {
            question: "Hvad?".into(),
            answer: "Kvalitetskriterierne".into(),
        }];
        s.conn
            .execute(
                "UPDATE program_week SET answers = ?1 WHERE iso_year = 2026 AND iso_week = 10",
                [serde_json::to_string(&again).unwrap()],
            )
            .unwrap();
        assert!(found(&s, "vagtplanen").is_empty());
        assert_eq!(found(&s, "kvalitet").len(), 1);
        let rows: i64 = s
            .conn
            .query_row("SELECT count(*) FROM answer_fts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            rows, 2,
            "one index row per program week, the broken one empty"
        );
    }

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
