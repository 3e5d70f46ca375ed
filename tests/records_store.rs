//! The records store's behaviour, the same suite on both backends: the
//! SQLite file and a real PostgreSQL server (the throw-away one `./dev.sh
//! test` starts; a fresh database per test). Each guarantee is a
//! transaction in the store, so several handles (each its own connection,
//! as stations are) must behave like one. PostgreSQL alone: the schema
//! version check, TLS with a verified certificate, and that the password
//! shows nowhere.

mod common;

use common::pg;
use std::collections::HashSet;
use std::sync::Arc;
use totp_burner::station::records::{
    Begun, NewRecord, NotBegun, Outcome, RecordsError, RowPick, SCHEMA_VERSION, Start, Store,
    StoreLocation,
};

fn file_store(name: &str) -> StoreLocation {
    let dir = std::env::temp_dir().join(format!("tb-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    StoreLocation::File(dir.join("records.sqlite"))
}

fn open(loc: &StoreLocation, station: &str) -> Store {
    Store::open_at(loc, Some(station)).unwrap()
}

fn started(serial: &str) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        ..Default::default()
    }
}

fn begin_row(s: &Store, serial: &str, list: &str, rows: usize) -> Result<Begun, NotBegun> {
    let start = Start {
        record: started(serial),
        refuse_if_burned: true,
        pick: Some(RowPick {
            list_id: list,
            rows,
            from: 0,
            since: None,
        }),
    };
    s.begin(start, &mut |row, r: &mut NewRecord| {
        r.upn = row.map(|i| format!("user{i}@contoso.com"));
        Ok(())
    })
}

fn outcome(b: &Begun, serial: &str, state: Option<&str>) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        op_id: Some(b.op_id.clone()),
        outcome: if state.is_none() {
            Outcome::Ok
        } else {
            Outcome::Failed
        },
        token_state: state.map(Into::into),
        ..Default::default()
    }
}

fn rows_are_claimed_once_and_released_only_when_untouched(loc: StoreLocation) {
    let (a, b) = (open(&loc, "st-a"), open(&loc, "st-b"));
    let first = begin_row(&a, "1", "L", 3).unwrap();
    let second = begin_row(&b, "2", "L", 3).unwrap();
    assert_eq!((first.row, second.row), (Some(0), Some(1)));
    assert!(b.finish(&outcome(&second, "2", Some("untouched"))).unwrap());
    assert!(
        !b.finish(&outcome(&second, "2", Some("untouched"))).unwrap(),
        "an outcome delivered twice is appended once"
    );
    assert_eq!(begin_row(&a, "3", "L", 3).unwrap().row, Some(1));
    a.finish(&outcome(&first, "1", Some("config-written")))
        .unwrap();
    assert_eq!(begin_row(&b, "4", "L", 3).unwrap().row, Some(2));
    assert!(matches!(
        begin_row(&b, "5", "L", 3),
        Err(NotBegun::ListDone)
    ));
    let taken: Vec<usize> = a
        .taken_rows("L", None)
        .unwrap()
        .iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(taken, vec![0, 1, 2]);
    // The station of each record is the handle's, the user the row's.
    let all = a.list(None).unwrap();
    let r3 = all
        .iter()
        .find(|r| r.serial.as_deref() == Some("3"))
        .unwrap();
    assert_eq!(r3.station, "st-a");
    assert_eq!(r3.upn.as_deref(), Some("user1@contoso.com"));
    assert!(r3.interrupted());
}

fn a_serial_burned_before_is_refused_in_its_start(loc: StoreLocation) {
    let s = open(&loc, "st-a");
    let other = open(&loc, "st-b");
    let start = |refuse| Start {
        record: started("77"),
        refuse_if_burned: refuse,
        pick: None,
    };
    let b = s.begin(start(true), &mut |_, _| Ok(())).unwrap();
    s.finish(&outcome(&b, "77", None)).unwrap();
    let refused = other.begin(start(true), &mut |_, _| Ok(()));
    assert!(matches!(refused, Err(NotBegun::BurnedBefore { .. })));
    assert_eq!(s.list(None).unwrap().len(), 1, "a refusal writes nothing");
    assert!(other.begin(start(false), &mut |_, _| Ok(())).is_ok());
    assert!(s.last_for_serial("77").unwrap().unwrap().interrupted());
    assert_eq!(s.last_ok_burn("77").unwrap().unwrap().station, "st-a");
}

fn operations_are_listed_searched_and_kept(loc: StoreLocation) {
    let s = open(&loc, "desk");
    let key = s.add_key("age1recipient", b"wrapped identity").unwrap();
    let b = s
        .begin(
            Start {
                record: NewRecord {
                    upn: Some("Alice@Contoso.com".into()),
                    batch: Some("b1".into()),
                    ..started("86596000000001")
                },
                refuse_if_burned: true,
                pick: None,
            },
            &mut |_, r| {
                r.secret_enc = Some(b"sealed".to_vec());
                r.key_id = Some(key);
                Ok(())
            },
        )
        .unwrap();
    assert_eq!(b.sealed, Some((b"sealed".to_vec(), key)));
    s.finish(&NewRecord {
        upn: Some("Alice@Contoso.com".into()),
        batch: Some("b1".into()),
        secret_enc: Some(b"sealed".to_vec()),
        key_id: Some(key),
        ..outcome(&b, "86596000000001", None)
    })
    .unwrap();
    s.begin(
        Start {
            record: started("86596000000002"),
            refuse_if_burned: true,
            pick: None,
        },
        &mut |_, _| Ok(()),
    )
    .unwrap();
    let all = s.list(None).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[0].burned_ok() && all[0].secret_kept);
    assert_eq!(s.interrupted().unwrap().len(), 1);
    assert_eq!(
        s.search("alice", None, None).unwrap().len(),
        1,
        "case-insensitive"
    );
    assert_eq!(
        s.search("0002", Some("interrupted"), None).unwrap().len(),
        1
    );
    assert_eq!(s.search("", Some("ok"), Some("b1")).unwrap().len(), 1);
    let kept = s.kept_secrets(Some("b1")).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].1.as_slice(), kept[0].2), (&b"sealed"[..], key));
    assert_eq!(
        s.sealed_secret(&b.op_id).unwrap(),
        Some((b"sealed".to_vec(), key))
    );
    assert_eq!(s.keys().unwrap()[0].1, "age1recipient");
    s.add_assignment("86596000000001", "a@contoso.com", None)
        .unwrap();
    s.add_assignment("86596000000001", "b@contoso.com", Some("r"))
        .unwrap();
    assert_eq!(
        s.latest_assignments().unwrap()["86596000000001"].upn,
        "b@contoso.com"
    );
    assert!(s.try_tamper(), "records and keys are append-only");
    assert!(s.try_tamper_assignments(), "hand-outs are append-only");
}

fn many_handles_at_once_take_distinct_rows(loc: StoreLocation) {
    const ROWS: usize = 120;
    let stores: Vec<Arc<Store>> = (0..6)
        .map(|i| Arc::new(open(&loc, &format!("st{i}"))))
        .collect();
    let go = std::sync::Barrier::new(stores.len());
    let taken: Vec<Vec<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let go = &go;
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    go.wait();
                    for n in 0.. {
                        match begin_row(s, &format!("{i}-{n}"), "race", ROWS) {
                            Ok(b) => {
                                mine.push(b.row.unwrap());
                                // The token is being written meanwhile.
                                std::thread::sleep(std::time::Duration::from_micros(300));
                                s.finish(&outcome(&b, &format!("{i}-{n}"), None)).unwrap();
                            }
                            Err(NotBegun::ListDone) => break,
                            Err(e) => panic!("{e}"),
                        }
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let all: Vec<usize> = taken.iter().flatten().copied().collect();
    let distinct: HashSet<usize> = all.iter().copied().collect();
    assert_eq!(all.len(), ROWS, "no row twice");
    assert_eq!(distinct.len(), ROWS);
    assert!(
        taken.iter().filter(|t| !t.is_empty()).count() > 1,
        "the handles took turns: {taken:?}"
    );
}

/// Each test above, once per backend.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(super::file_store(stringify!($name))) } )*
        }
        mod postgres {
            $( #[test] fn $name() { super::$name(super::pg::fresh_store(stringify!($name))) } )*
        }
    };
}

on_both!(
    rows_are_claimed_once_and_released_only_when_untouched,
    a_serial_burned_before_is_refused_in_its_start,
    operations_are_listed_searched_and_kept,
    many_handles_at_once_take_distinct_rows,
);

#[test]
fn a_server_is_used_only_at_the_schema_this_program_knows() {
    let loc = pg::location(&pg::fresh_db("version"));
    let e = Store::open_at(&loc, None)
        .err()
        .expect("an empty server is refused");
    assert!(matches!(e, RecordsError::TooOld { found: 0, .. }), "{e:?}");
    assert!(e.to_string().contains("records init"), "{e}");
    assert_eq!(Store::migrate_at(&loc).unwrap(), (0, SCHEMA_VERSION));
    assert_eq!(
        Store::migrate_at(&loc).unwrap(),
        (SCHEMA_VERSION, SCHEMA_VERSION)
    );
    drop(open(&loc, "st"));
    // A newer program's schema: refused, by stations and by migrate.
    let StoreLocation::Postgres(p) = &loc else {
        unreachable!()
    };
    let mut c = ::postgres::Config::new()
        .host("127.0.0.1")
        .port(p.port)
        .user("postgres")
        .password(pg::password())
        .dbname(&p.dbname)
        .connect(::postgres::NoTls)
        .unwrap();
    c.execute(
        "INSERT INTO schema_version (version, time) VALUES ($1, 0)",
        &[&(SCHEMA_VERSION + 1)],
    )
    .unwrap();
    assert!(matches!(
        Store::open_at(&loc, None),
        Err(RecordsError::TooNew { .. })
    ));
    assert!(matches!(
        Store::migrate_at(&loc),
        Err(RecordsError::TooNew { .. })
    ));
    // TRUNCATE is refused too (a second line behind the station logins).
    assert!(c.batch_execute("TRUNCATE records").is_err());
}

#[test]
fn tls_is_verified_and_the_password_shows_nowhere() {
    let db = pg::fresh_db("tls");
    let StoreLocation::Postgres(tls) = StoreLocation::parse(&pg::tls_url(&db)).unwrap() else {
        unreachable!()
    };
    let tls = StoreLocation::Postgres(pg::with_password(tls));
    Store::migrate_at(&tls).expect("records init over verified TLS");
    let s = open(&tls, "st");
    assert!(s.location().to_string().ends_with("(TLS)"));
    // A root that did not sign the server's certificate: refused.
    let url = pg::tls_url(&db).replace(&pg::ca(), "/etc/ssl/certs/ca-certificates.crt");
    let StoreLocation::Postgres(wrong) = StoreLocation::parse(&url).unwrap() else {
        unreachable!()
    };
    let e = Store::open_at(&StoreLocation::Postgres(pg::with_password(wrong)), None)
        .err()
        .expect("an unverified certificate is refused");
    assert!(matches!(e, RecordsError::Server(_)), "{e:?}");
    // A wrong password: refused, and no password in any words.
    let wrong_pw = "Wr0ng-Secret-Passw0rd";
    let StoreLocation::Postgres(p) = StoreLocation::parse(&pg::url(&db)).unwrap() else {
        unreachable!()
    };
    let loc = StoreLocation::Postgres(p.with_password(zeroize::Zeroizing::new(wrong_pw.into())));
    let e = Store::open_at(&loc, None).err().expect("refused");
    let words = format!("{e} {e:?} {loc} {loc:?} {}", s.location());
    assert!(
        !words.contains(wrong_pw) && !words.contains(&pg::password()),
        "{words}"
    );
    assert!(words.contains("password authentication failed"), "{words}");
}
