//! Unit tests of the records store.

use super::*;

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
    assert_eq!(all[0].outcome, "ok");
    assert!(all[1].interrupted() && all[1].token_in_doubt());
    assert_eq!(s.interrupted().unwrap().len(), 1);
    assert!(s.last_ok_burn("1").unwrap().is_some());
    assert!(s.last_ok_burn("2").unwrap().is_none());
    assert_eq!(s.search("2", Some("interrupted"), None).unwrap().len(), 1);
    s.add_key("age1…", b"wrapped").unwrap();
    assert!(s.try_tamper());
}

#[cfg(unix)]
#[test]
fn created_owner_only_and_never_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp("perm");
    Store::open(&path, None).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
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
    c.execute_batch(SCHEMA).unwrap();
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
    assert!(s.try_tamper_assignments());
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
