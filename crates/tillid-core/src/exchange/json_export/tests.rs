//! The export's coverage of the schema.

/// Every table of the schema is known here; a migration that adds a
/// table or a column must teach the export about it (this test fails
/// until it does).
#[test]
fn the_export_knows_every_table_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let s = crate::Store::open(dir.path()).unwrap();
    let known: &[(&str, &str)] = &[
        ("entry", "id uid kind entry_date year iso_year iso_week title body followup happened trust_control learned next_try rating_org rating_rel rating_ind energy status created_at updated_at checkup"),
        ("entry_tag", "entry_id tag"),
        ("setting", "key value"),
        ("person", "id uid name role start_date working_style cadence_weeks archived_at retention_until created_at updated_at"),
        ("conversation", "id uid person_id kind date agenda notes created_at updated_at"),
        ("conversation_section", "conversation_id section body"),
        ("agreement", "id uid person_id conversation_id text owner due_date status created_at updated_at"),
        ("agreement_event", "id agreement_id conversation_id action on_date created_at"),
        ("feedback", "id uid person_id date direction tone situation behaviour impact created_at updated_at"),
        ("expectation", "id uid person_id area task frame success_criteria checkin_cadence agreed_level created_at updated_at"),
        ("delegation_log", "expectation_id iso_year iso_week acted_level note"),
        ("program_week", "iso_year iso_week exercise_id state title theme answers done_at"),
        ("own_template", "id uid kind name body is_default created_at updated_at"),
    ];
    let tables: Vec<String> = s
        .conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut expected: Vec<String> = known.iter().map(|(t, _)| t.to_string()).collect();
    expected.sort();
    assert_eq!(
        tables, expected,
        "a table was added or removed: teach json_export.rs about it"
    );
    for (table, cols) in known {
        let have: Vec<String> = s
            .conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let want: Vec<String> = cols.split(' ').map(String::from).collect();
        assert_eq!(
            have, want,
            "columns of {table} changed: teach json_export.rs about them"
        );
    }
}
