//! The records store's behaviour, the same suite on both backends: the
//! SQLite file and a real PostgreSQL server (the throw-away one `./dev.sh
//! test` starts; a fresh database per test). Each guarantee is a
//! transaction in the store, so several handles (each its own connection,
//! as stations are) must behave like one. PostgreSQL alone: the schema
//! version check, TLS with a verified certificate, and that the password
//! shows nowhere.

mod common;

use common::pg;
use common::records::{begin_row, open, outcome, started};
use std::collections::HashSet;
use std::sync::Arc;
use totp_burner::station::records::testing;
use totp_burner::station::records::{
    Check, HeldState, KnownSerial, NewRecord, NotBegun, Outcome, RecordsError, RowPick,
    SCHEMA_VERSION, Start, Status, Store, StoreLocation,
};

fn file_store(name: &str) -> StoreLocation {
    let dir = std::env::temp_dir().join(format!("tb-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    StoreLocation::File(dir.join("records.sqlite"))
}

fn rows_are_claimed_once_and_released_only_when_untouched(loc: StoreLocation) {
    let (a, b) = (open(&loc, "st-a"), open(&loc, "st-b"));
    let first = begin_row(&a, "1", "L", 3).unwrap();
    let second = begin_row(&b, "2", "L", 3).unwrap();
    assert_eq!((first.row, second.row), (Some(0), Some(1)));
    assert!(
        b.finish(&outcome(&second, "2", Some(HeldState::Untouched)))
            .unwrap()
    );
    assert!(
        !b.finish(&outcome(&second, "2", Some(HeldState::Untouched)))
            .unwrap(),
        "an outcome delivered twice is appended once"
    );
    assert_eq!(begin_row(&a, "3", "L", 3).unwrap().row, Some(1));
    a.finish(&outcome(&first, "1", Some(HeldState::ConfigWritten)))
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
    assert_eq!(r3.station, a.station(), "the writing handle's station");
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
    assert_eq!(s.last_ok_burn("77").unwrap().unwrap().station, s.station());
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
        s.search("0002", Some(Status::Interrupted), None)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(s.search("", Some(Status::Ok), Some("b1")).unwrap().len(), 1);
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
    assert!(testing::try_tamper(&s), "records and keys are append-only");
    assert!(
        testing::try_tamper_assignments(&s),
        "hand-outs are append-only"
    );
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
                                // Lifting it and laying the next on takes a
                                // moment: the others' turn (SQLite's busy
                                // wait backs off up to 100 ms, so a station
                                // that never pauses could take every row).
                                std::thread::sleep(std::time::Duration::from_millis(20));
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

fn a_stations_file_is_imported_once_with_its_secrets_sealed_again(loc: StoreLocation) {
    use age::secrecy::SecretString;
    use totp_burner::station::vault::{OpenVault, Vault};
    let target = open(&loc, "admin");
    let fleet_pass = SecretString::from("fleet passphrase".to_string());
    Vault::unlock_or_create(&target, &fleet_pass).unwrap();

    // The station's own file: a kept secret, an interrupted start, a hand-out,
    // a list row, and a row from before operation ids.
    let backend = if loc.is_server() { "pg" } else { "file" };
    let StoreLocation::File(source_path) = file_store(&format!("import-source-{backend}")) else {
        unreachable!()
    };
    let source = Store::open(&source_path, Some("st-old")).unwrap();
    let station_pass = SecretString::from("station passphrase".to_string());
    let vault = Vault::unlock_or_create(&source, &station_pass).unwrap();
    let b = begin_row(&source, "86596000000901", "L", 2).unwrap();
    let (enc, key) = vault.seal(b"12345678901234567890").unwrap();
    source
        .finish(&NewRecord {
            upn: Some("user0@contoso.com".into()),
            secret_enc: Some(enc),
            key_id: Some(key),
            list_id: Some("L".into()),
            list_row: Some(0),
            ..outcome(&b, "86596000000901", None)
        })
        .unwrap();
    begin_row(&source, "86596000000902", "L", 2).unwrap();
    source
        .add_assignment("86596000000901", "user0@contoso.com", None)
        .unwrap();
    source
        .add_check(&b.op_id, Some("86596000000901"), Check::Skipped)
        .unwrap();
    source
        .add(&NewRecord {
            outcome: Outcome::Ok,
            ..started("86596000000903")
        })
        .unwrap();
    drop(source);
    let source = Store::open(&source_path, None).unwrap();

    let first = target.import_from(&source, Some(&station_pass)).unwrap();
    assert_eq!((first.records, first.already), (4, 0), "{first:?}");
    assert_eq!((first.assignments, first.resealed), (1, 1), "{first:?}");
    assert!(first.secrets_left_out.is_empty());
    let again = target.import_from(&source, Some(&station_pass)).unwrap();
    assert_eq!(
        (again.records, again.already, again.assignments),
        (0, 4, 0),
        "{again:?}"
    );

    // As it was: the station's name, the list rows taken, the interrupted start.
    let all = target.list(None).unwrap();
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all.iter().all(|r| r.station == "st-old"));
    let checked: Vec<_> = all.iter().filter_map(|r| r.check).collect();
    assert_eq!(checked, [Check::Skipped], "the code check came along");
    assert_eq!(target.interrupted().unwrap().len(), 1);
    let taken: Vec<usize> = target
        .taken_rows("L", None)
        .unwrap()
        .iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(taken, vec![0, 1]);
    assert_eq!(
        target.latest_assignments().unwrap()["86596000000901"].upn,
        "user0@contoso.com"
    );
    // The kept secret opens with the fleet's passphrase now.
    let kept = target.kept_secrets(None).unwrap();
    assert_eq!(kept.len(), 1);
    let opened = OpenVault::open(&target, &fleet_pass).unwrap();
    assert_eq!(
        opened.unseal(kept[0].2, &kept[0].1).unwrap().as_slice(),
        b"12345678901234567890"
    );

    // Without the passphrase: the secret is left out, and said.
    let other = match &loc {
        StoreLocation::File(_) => file_store("import-target-2"),
        StoreLocation::Postgres(_) => pg::fresh_store("import_target_2"),
    };
    let other = open(&other, "admin");
    Vault::unlock_or_create(&other, &fleet_pass).unwrap();
    let r = other.import_from(&source, None).unwrap();
    assert_eq!(r.secrets_left_out, vec!["86596000000901".to_string()]);
    assert!(other.kept_secrets(None).unwrap().is_empty());
}

fn a_store_with_known_serials_refuses_the_others(loc: StoreLocation) {
    let s = open(&loc, "admin");
    let start = |serial: &str| Start {
        record: started(serial),
        refuse_if_burned: true,
        pick: None,
    };
    assert!(
        s.begin(start("86596000000991"), &mut |_, _| Ok(())).is_ok(),
        "no list: any token"
    );
    assert_eq!(
        s.known_serial("86596000000991").unwrap(),
        KnownSerial::NoList
    );
    let list = totp_burner::station::records::parse_stock(
        "Serial,Model\n86596000000001,C302-i\n86596000000002,C302-i\n",
    );
    assert_eq!(s.import_stock(&list, "vendor.csv").unwrap(), (2, 0));
    assert_eq!(
        s.import_stock(&list, "vendor.csv").unwrap(),
        (0, 2),
        "appended once"
    );
    assert_eq!(s.stock_count().unwrap(), 2);
    assert!(matches!(
        s.begin(start("86596000000992"), &mut |_, _| Ok(())),
        Err(NotBegun::NotInStock)
    ));
    assert!(s.in_stock("86596000000001").unwrap() && !s.in_stock("86596000000992").unwrap());
    assert_eq!(
        s.known_serial("86596000000001").unwrap(),
        KnownSerial::Listed { known: 2 }
    );
    assert_eq!(
        s.known_serial("86596000000992").unwrap(),
        KnownSerial::NotListed { known: 2 }
    );
    assert!(s.begin(start("86596000000001"), &mut |_, _| Ok(())).is_ok());
}

/// Paging: the pages of a list (oldest first) and of a search (newest
/// first) put together are the whole, whatever the page size, filters
/// included; the batches come from the store, not from reading every row.
fn operations_are_read_a_page_at_a_time(loc: StoreLocation) {
    use totp_burner::station::records::PageQuery;
    let s = open(&loc, "st");
    for i in 0..45 {
        let serial = format!("865960000{i:05}");
        let b = s
            .begin(
                Start {
                    record: NewRecord {
                        batch: Some(format!("b{}", i % 3)),
                        upn: Some(format!("user{i}@contoso.com")),
                        ..started(&serial)
                    },
                    refuse_if_burned: false,
                    pick: None,
                },
                &mut |_, _| Ok(()),
            )
            .unwrap();
        if i % 4 != 0 {
            // Every fourth stays started: interrupted.
            s.finish(&outcome(
                &b,
                &serial,
                (i % 5 == 0).then_some(HeldState::Untouched),
            ))
            .unwrap();
        }
    }
    let whole = s.list(None).unwrap();
    assert_eq!(whole.len(), 45);
    for size in [1, 7, 45, 100] {
        let mut paged = Vec::new();
        let mut after = 0;
        loop {
            let page = s.list_page(None, after, size).unwrap();
            assert!(page.len() <= size);
            let Some(last) = page.last() else { break };
            after = last.id;
            paged.extend(page);
        }
        assert_eq!(paged, whole, "list pages of {size}");
    }
    let one = s.list_page(Some("86596000000007"), 0, 10).unwrap();
    assert_eq!(one, s.list(Some("86596000000007")).unwrap());

    for (text, outcome, batch) in [
        ("", None, None),
        ("user1", None, None),
        ("", Some(Status::Interrupted), None),
        ("", Some(Status::Failed), Some("b0")),
        ("8659600000001", Some(Status::Ok), Some("b1")),
    ] {
        let mut want = s.search(text, outcome, batch).unwrap();
        want.reverse();
        let mut got: Vec<totp_burner::station::records::Record> = Vec::new();
        loop {
            let q = PageQuery {
                text,
                outcome,
                batch,
                before: got.last().map(|r| r.id),
                limit: 4,
            };
            let page = s.search_page(&q).unwrap();
            if page.is_empty() {
                break;
            }
            got.extend(page);
        }
        assert_eq!(got, want, "search {text:?} {outcome:?} {batch:?}");
    }
    assert_eq!(s.batch_names().unwrap(), ["b0", "b1", "b2"]);
}

/// Two stations opening new records at once with keep-secrets on: one
/// vault key is made, and both seal to it (before, each could add its own
/// first key, and the kept secrets of one station opened with the other's).
fn two_first_vaults_at_once_make_one_key(loc: StoreLocation) {
    use age::secrecy::SecretString;
    use totp_burner::station::vault::Vault;
    let stores = [open(&loc, "st-a"), open(&loc, "st-b")];
    let go = std::sync::Barrier::new(2);
    let ids: Vec<i64> = std::thread::scope(|scope| {
        let hs: Vec<_> = stores
            .iter()
            .map(|s| {
                let go = &go;
                scope.spawn(move || {
                    go.wait();
                    let pass = SecretString::from("first vault passphrase".to_string());
                    let vault = Vault::unlock_or_create(s, &pass).unwrap();
                    vault.seal(b"any secret bytes").unwrap().1
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(stores[0].keys().unwrap().len(), 1, "one key");
    assert_eq!(ids[0], ids[1], "both seal to it");
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
    two_first_vaults_at_once_make_one_key,
    operations_are_read_a_page_at_a_time,
    rows_are_claimed_once_and_released_only_when_untouched,
    a_serial_burned_before_is_refused_in_its_start,
    operations_are_listed_searched_and_kept,
    many_handles_at_once_take_distinct_rows,
    a_stations_file_is_imported_once_with_its_secrets_sealed_again,
    a_store_with_known_serials_refuses_the_others,
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

/// The station's login on a server: it reads and appends in its own name,
/// seals kept secrets to the fleet's key without opening it, and can
/// neither rewrite history, nor write in another station's name, nor read
/// the wrapped key (even with psql, i.e. with raw SQL on its connection).
#[test]
fn a_station_login_may_only_read_and_append_in_its_own_name() {
    use age::secrecy::SecretString;
    use totp_burner::station::vault::{OpenVault, Vault};
    let db = pg::fresh_db("logins");
    let admin_loc = pg::location(&db);
    Store::migrate_at(&admin_loc).unwrap();
    let admin = open(&admin_loc, "ignored");
    let pass = SecretString::from("fleet passphrase".to_string());
    Vault::unlock_or_create(&admin, &pass).unwrap();
    let station_pw = format!("st-{}", std::process::id());
    // Logins are the server's (one per cluster), so this run's own name.
    let north = format!("st_north_{}", std::process::id());
    admin.add_station_login(&north, &station_pw).unwrap();
    assert!(matches!(
        admin.add_station_login("North; DROP", "x"),
        Err(RecordsError::BadStationName { .. })
    ));

    let url = pg::url(&db).replace("postgres@", &format!("{north}@"));
    let StoreLocation::Postgres(p) = StoreLocation::parse(&url).unwrap() else {
        unreachable!()
    };
    let st_loc =
        StoreLocation::Postgres(p.with_password(zeroize::Zeroizing::new(station_pw.clone())));
    let st = Store::open_at(&st_loc, Some("pretends-to-be-south")).unwrap();
    assert_eq!(st.station(), north, "the login names the station");
    let vault = Vault::sealing_only(&st).unwrap();
    let b = st
        .begin(
            Start {
                record: started("86596000000077"),
                refuse_if_burned: true,
                pick: Some(RowPick {
                    list_id: "L",
                    rows: 2,
                    from: 0,
                    since: None,
                }),
            },
            &mut |_, r| {
                let (enc, key) = vault.seal(b"12345678901234567890")?;
                r.secret_enc = Some(enc);
                r.key_id = Some(key);
                Ok(())
            },
        )
        .unwrap();
    st.finish(&NewRecord {
        secret_enc: b.sealed.as_ref().map(|s| s.0.clone()),
        key_id: b.sealed.as_ref().map(|s| s.1),
        ..outcome(&b, "86596000000077", None)
    })
    .unwrap();
    st.add_assignment("86596000000077", "a@contoso.com", None)
        .unwrap();
    st.add_check(&b.op_id, Some("86596000000077"), Check::Matched)
        .unwrap();
    assert_eq!(st.list(None).unwrap()[0].station, north);
    assert_eq!(st.list(None).unwrap()[0].check, Some(Check::Matched));
    assert!(testing::try_tamper_checks(&st), "checks are append-only");
    // The station cannot open what it sealed; the administrator can.
    assert!(st.keys().is_err(), "the wrapped identity is not readable");
    assert!(OpenVault::open(&st, &pass).is_err());
    let opened = OpenVault::open(&admin, &pass).unwrap();
    let kept = admin.kept_secrets(None).unwrap();
    assert_eq!(
        opened.unseal(kept[0].2, &kept[0].1).unwrap().as_slice(),
        b"12345678901234567890"
    );
    assert!(testing::try_tamper(&st) && testing::try_tamper_assignments(&st));

    // Raw SQL on the station's own connection, as psql would send it.
    let mut raw = ::postgres::Config::new()
        .host("127.0.0.1")
        .port(pg::port().parse().unwrap())
        .user(&north)
        .password(&station_pw)
        .dbname(&db)
        .connect(::postgres::NoTls)
        .unwrap();
    for sql in [
        "UPDATE records SET outcome = 'ok'",
        "DELETE FROM records",
        "TRUNCATE records",
        "DELETE FROM list_claims",
        "UPDATE assignments SET upn = 'x'",
        "SELECT wrapped_identity FROM vault_keys",
        "INSERT INTO vault_keys (time, recipient, wrapped_identity) VALUES (0, 'x', 'x')",
        "INSERT INTO records (time, operator, station, reader, operation, outcome)
         VALUES (0, 'u', 'st_south', 'r', 'burn', 'ok')",
        "INSERT INTO assignments (time, operator, station, serial, upn)
         VALUES (0, 'u', 'st_south', '1', 'a@contoso.com')",
        "CREATE TABLE sneaky (x int)",
        "INSERT INTO stock (time, station, serial) VALUES (0, 'x', '86596000000003')",
    ] {
        assert!(raw.batch_execute(sql).is_err(), "a station ran: {sql}");
    }
    raw.execute(
        "INSERT INTO records (time, operator, station, reader, operation, outcome)
         VALUES (0, 'u', $1, 'r', 'burn', 'ok')",
        &[&north],
    )
    .expect("in its own name it appends");
}
