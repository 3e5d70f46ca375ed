//! Unit tests of the records store.

use super::*;

/// The records file as the first release wrote it (no schema version, none
/// of the later columns).
const FIRST_RELEASE: &str = "
CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, operator TEXT NOT NULL,
    station TEXT NOT NULL, reader TEXT NOT NULL, serial TEXT, model TEXT, operation TEXT NOT NULL,
    algorithm TEXT, period INTEGER, display_timeout INTEGER, outcome TEXT NOT NULL, error TEXT,
    batch TEXT, upn TEXT, secret_enc BLOB, key_id INTEGER
);
CREATE INDEX records_serial ON records(serial);
CREATE TABLE vault_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, recipient TEXT NOT NULL,
    wrapped_identity BLOB NOT NULL
);
";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tb-records-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("sub").join("records.sqlite")
}

fn op(serial: &str, op_id: &str, outcome: Outcome) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        outcome,
        op_id: Some(op_id.into()),
        ..Default::default()
    }
}

#[test]
fn a_start_without_outcome_is_interrupted() {
    let s = Store::open(&temp("int"), None).unwrap();
    s.add(&op("1", "a", Outcome::Started)).unwrap();
    s.add(&op("1", "a", Outcome::Ok)).unwrap();
    s.add(&op("2", "b", Outcome::Started)).unwrap();
    let all = s.list(None).unwrap();
    assert_eq!(all.len(), 2, "one line per operation");
    assert_eq!(all[0].outcome, Status::Ok);
    assert!(all[1].interrupted() && all[1].token_in_doubt());
    assert_eq!(s.interrupted().unwrap().len(), 1);
    assert!(s.last_ok_burn("1").unwrap().is_some());
    assert!(s.last_ok_burn("2").unwrap().is_none());
    assert_eq!(
        s.search("2", Some(Status::Interrupted), None)
            .unwrap()
            .len(),
        1
    );
    s.add_key("age1…", b"wrapped").unwrap();
    assert!(testing::try_tamper(&s));
}

#[test]
fn the_latest_code_check_is_the_one_listed() {
    let s = Store::open(&temp("checks"), Some("desk-1")).unwrap();
    s.add(&op("1", "a", Outcome::Started)).unwrap();
    s.add(&op("1", "a", Outcome::Ok)).unwrap();
    assert_eq!(s.list(None).unwrap()[0].check, None, "no check made");
    s.add_check("a", Some("1"), Check::Mismatched).unwrap();
    let r = &s.list(None).unwrap()[0];
    assert_eq!(r.check, Some(Check::Mismatched));
    assert!(r.check_failed());
    s.add_check("a", Some("1"), Check::Matched).unwrap();
    let r = &s.list(None).unwrap()[0];
    assert_eq!(
        r.check,
        Some(Check::Matched),
        "checked again: the latest counts"
    );
    assert!(!r.check_failed());
    let csv = crate::station::export::records_csv(&s.list(None).unwrap());
    assert!(csv.lines().next().unwrap().ends_with(",code_check"));
    assert!(csv.lines().nth(1).unwrap().ends_with(",matched"), "{csv}");
    assert!(testing::try_tamper_checks(&s));
}

#[cfg(unix)]
#[test]
fn created_owner_only_and_never_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp("perm");
    let s = Store::open(&path, None).unwrap();
    s.add(&op("1", "a", Outcome::Started)).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    // WAL's journal and index files too (SQLite gives them the file's mode).
    for side in ["records.sqlite-wal", "records.sqlite-shm"] {
        assert_eq!(mode(&path.with_file_name(side)), 0o600, "{side}");
    }
    drop(s);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    let link = path.with_file_name("link.sqlite");
    std::os::unix::fs::symlink(path.with_file_name("elsewhere"), &link).unwrap();
    assert!(Store::open(&link, None).is_err(), "a symlink is refused");
    assert!(!path.with_file_name("elsewhere").exists());
}

#[test]
fn an_older_file_gains_the_new_columns() {
    let path = temp("old");
    create_private_dir(path.parent().unwrap()).unwrap();
    let c = Connection::open(&path).unwrap();
    c.execute_batch(FIRST_RELEASE).unwrap();
    c.execute(
        "INSERT INTO records (time, operator, station, reader, operation, outcome, serial)
         VALUES (1, 'u', 's', 'r', 'burn', 'ok', '9')",
        [],
    )
    .unwrap();
    drop(c);
    let s = Store::open(&path, None).unwrap();
    assert!(s.last_ok_burn("9").unwrap().is_some());
    s.add(&op("9", "z", Outcome::Started)).unwrap();
    assert!(s.last_for_serial("9").unwrap().unwrap().interrupted());
    // The hand-outs table is there too, append-only.
    s.add_assignment("9", "a@contoso.com", None).unwrap();
    s.add_assignment("9", "b@contoso.com", Some("r")).unwrap();
    let all = s.assignments(Some("9")).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(s.latest_assignments().unwrap()["9"].upn, "b@contoso.com");
    assert_eq!(all[1].reader.as_deref(), Some("r"));
    assert!(testing::try_tamper_assignments(&s));
    drop(s);
    assert_eq!(
        Store::open(&path, None)
            .unwrap()
            .assignments(None)
            .unwrap()
            .len(),
        2,
        "opened again, nothing lost"
    );
}

fn started(serial: &str) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        ..Default::default()
    }
}

fn pick(list: &str, rows: usize) -> RowPick<'_> {
    RowPick {
        list_id: list,
        rows,
        from: 0,
        since: None,
    }
}

fn no_fill(_: Option<usize>, _: &mut NewRecord) -> Result<(), crate::station::vault::VaultError> {
    Ok(())
}

fn begin_row(s: &Store, serial: &str, list: &str, rows: usize) -> Result<Begun, NotBegun> {
    let start = Start {
        record: started(serial),
        refuse_if_burned: true,
        pick: Some(pick(list, rows)),
    };
    s.begin(start, &mut no_fill)
}

fn outcome(begun: &Begun, serial: &str, ok: bool, state: Option<HeldState>) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        op_id: Some(begun.op_id.clone()),
        outcome: if ok { Outcome::Ok } else { Outcome::Failed },
        token_state: state.filter(|_| !ok),
        list_id: Some("L".into()),
        list_row: begun.row.map(|r| r as i64),
        ..Default::default()
    }
}

#[test]
fn rows_are_claimed_with_their_start_and_released_only_when_the_token_was_untouched() {
    let path = temp("claims");
    let (a, b) = (
        Store::open(&path, Some("st-a")).unwrap(),
        Store::open(&path, Some("st-b")).unwrap(),
    );
    let first = begin_row(&a, "1", "L", 3).unwrap();
    let second = begin_row(&b, "2", "L", 3).unwrap();
    assert_eq!((first.row, second.row), (Some(0), Some(1)));
    let start = &a.list(Some("1")).unwrap()[0];
    assert!(start.interrupted() && start.list_row == Some(0));

    // Untouched: row 1 goes back, to whichever station asks next.
    assert!(
        b.finish(&outcome(&second, "2", false, Some(HeldState::Untouched)))
            .unwrap()
    );
    // Delivered twice (a retry after a lost answer): appended once.
    assert!(
        !b.finish(&outcome(&second, "2", false, Some(HeldState::Untouched)))
            .unwrap()
    );
    assert_eq!(b.list(Some("2")).unwrap().len(), 1);
    let third = begin_row(&a, "3", "L", 3).unwrap();
    assert_eq!(third.row, Some(1));

    // Touched (config written, seed in doubt): the row stays with its token.
    a.finish(&outcome(&first, "1", false, Some(HeldState::ConfigWritten)))
        .unwrap();
    let fourth = begin_row(&b, "4", "L", 3).unwrap();
    assert_eq!(fourth.row, Some(2));
    assert!(matches!(
        begin_row(&b, "5", "L", 3),
        Err(NotBegun::ListDone)
    ));
    assert_eq!(
        a.taken_rows("L", None)
            .unwrap()
            .iter()
            .map(|(r, _)| *r)
            .collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    // A start row given on purpose counts only claims after its mark.
    let mark = a.claims_mark().unwrap();
    let again = Start {
        record: started("6"),
        refuse_if_burned: true,
        pick: Some(RowPick {
            since: Some(mark),
            ..pick("L", 3)
        }),
    };
    assert_eq!(a.begin(again, &mut no_fill).unwrap().row, Some(0));
    // Claims are events: never updated or deleted.
    let c = Connection::open(&path).unwrap();
    assert!(
        c.execute("UPDATE list_claims SET list_row = 9", [])
            .is_err()
    );
    assert!(c.execute("DELETE FROM list_claims", []).is_err());
}

#[test]
fn a_serial_burned_before_is_refused_in_the_start_transaction() {
    let s = Store::open(&temp("reburn-tx"), None).unwrap();
    let start = |refuse| Start {
        record: started("77"),
        refuse_if_burned: refuse,
        pick: None,
    };
    let b = s.begin(start(true), &mut no_fill).unwrap();
    assert_eq!(b.row, None);
    s.finish(&NewRecord {
        outcome: Outcome::Ok,
        ..outcome(&b, "77", true, None)
    })
    .unwrap();
    assert!(matches!(
        s.begin(start(true), &mut no_fill),
        Err(NotBegun::BurnedBefore { .. })
    ));
    assert_eq!(s.list(None).unwrap().len(), 1, "a refusal writes nothing");
    assert!(s.begin(start(false), &mut no_fill).is_ok());
}

#[test]
fn the_schema_is_versioned_and_a_newer_file_is_refused_untouched() {
    let path = temp("version");
    drop(Store::open(&path, None).unwrap());
    let c = Connection::open(&path).unwrap();
    assert_eq!(migrate::version(&c).unwrap(), SCHEMA_VERSION);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    c.execute(
        "INSERT INTO schema_version (version, time) VALUES (?1, 0)",
        [SCHEMA_VERSION + 1],
    )
    .unwrap();
    drop(c);
    let e = Store::open(&path, None).err().expect("refused");
    assert!(matches!(e, RecordsError::TooNew { found, .. } if found == SCHEMA_VERSION + 1));
}

#[test]
fn rows_of_a_file_from_before_claims_stay_taken() {
    let path = temp("legacy-claims");
    create_private_dir(path.parent().unwrap()).unwrap();
    let c = Connection::open(&path).unwrap();
    c.execute_batch(FIRST_RELEASE).unwrap();
    for (col, kind) in [
        ("op_id", "TEXT"),
        ("list_id", "TEXT"),
        ("list_row", "INTEGER"),
    ] {
        c.execute_batch(&format!("ALTER TABLE records ADD COLUMN {col} {kind}"))
            .unwrap();
    }
    // Row 0 burned (start and outcome), row 2 interrupted, row 1 an old
    // outcome row without an operation id.
    for (op, row, outcome) in [
        (Some("a"), 0, "started"),
        (Some("a"), 0, "ok"),
        (Some("c"), 2, "started"),
        (None, 1, "ok"),
    ] {
        c.execute(
            "INSERT INTO records (time, operator, station, reader, operation, outcome, serial,
                op_id, list_id, list_row) VALUES (1, 'u', 's', 'r', 'burn', ?1, 'x', ?2, 'L', ?3)",
            rusqlite::params![outcome, op, row],
        )
        .unwrap();
    }
    drop(c);
    let s = Store::open(&path, None).unwrap();
    let taken: Vec<usize> = s
        .taken_rows("L", None)
        .unwrap()
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(taken, vec![0, 1, 2]);
    assert!(matches!(
        begin_row(&s, "y", "L", 3),
        Err(NotBegun::ListDone)
    ));
    assert_eq!(begin_row(&s, "y", "L", 4).unwrap().row, Some(3));
}

#[test]
fn times_come_from_the_injected_clock() {
    let clock = Arc::new(crate::clock::ManualClock::new(1_700_000_000));
    let s = Store::open(&temp("clock"), None)
        .unwrap()
        .with_clock(clock.clone());
    s.add(&op("5", "t", Outcome::Started)).unwrap();
    clock.advance(30);
    s.add_assignment("5", "a@contoso.com", None).unwrap();
    assert_eq!(s.list(None).unwrap()[0].time, 1_700_000_000);
    assert_eq!(s.assignments(None).unwrap()[0].time, 1_700_000_030);
}
