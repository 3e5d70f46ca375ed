//! Many station processes on one records file (the SQLite default store):
//! eight processes, each with its own connection, take rows of one
//! 400-row user list as fast as they can, while some of them are killed
//! (SIGKILL / TerminateProcess, mid-transaction or not) and started again.
//! What must hold whatever the timing: every row's secret reaches exactly
//! one serial, every row is taken, and every start has its outcome or
//! reads as interrupted (at most one per kill).
//!
//! The same on a real PostgreSQL server (with the `postgres-tests`
//! feature, the throw-away server `./dev.sh test` starts).
//!
//! The workers are this test binary started again with the ignored test
//! `race_worker` and its orders in the environment.

use std::collections::HashMap;
use std::process::{Child, Command};
use std::time::{Duration, Instant};
#[cfg(feature = "postgres-tests")]
mod common;

use totp_burner::station::records::{
    NewRecord, NotBegun, Outcome, RowPick, Start, Store, StoreLocation,
};

const LIST: &str = "race-list";
const ROWS: usize = 400;
const STATIONS: usize = 8;

fn worker(db: &str, password: Option<&str>, station: &str, run: usize) -> Child {
    let mut c = Command::new(std::env::current_exe().unwrap());
    if let Some(p) = password {
        c.env("PGPASSWORD", p);
    }
    c.args([
        "--exact",
        "race_worker",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("TB_RACE_DB", db)
    .env("TB_RACE_STATION", station)
    .env("TB_RACE_RUN", run.to_string())
    .stdout(std::process::Stdio::null())
    .spawn()
    .unwrap()
}

/// One station process: start, pause (the token is being written), finish,
/// until the list is done.
#[test]
#[ignore = "a worker of many_stations_take_distinct_rows_while_some_are_killed"]
fn race_worker() {
    let db = std::env::var("TB_RACE_DB").expect("started by the race test");
    let station = std::env::var("TB_RACE_STATION").unwrap();
    let run = std::env::var("TB_RACE_RUN").unwrap();
    let location = StoreLocation::parse(&db).unwrap();
    let store = Store::open_at(&location, Some(&station)).unwrap();
    for n in 0.. {
        let serial = format!("{station}-{run}-{n}");
        let start = Start {
            record: NewRecord {
                reader: "r".into(),
                serial: Some(serial.clone()),
                ..Default::default()
            },
            refuse_if_burned: true,
            pick: Some(RowPick {
                list_id: LIST,
                rows: ROWS,
                from: 0,
                since: None,
            }),
        };
        let begun = match store.begin(start, &mut |_, r: &mut NewRecord| {
            r.upn = Some(format!("user{}", r.list_row.unwrap_or(-1)));
            Ok(())
        }) {
            Ok(b) => b,
            Err(NotBegun::ListDone) => return,
            Err(e) => panic!("{e}"),
        };
        std::thread::sleep(Duration::from_micros(200 * (n % 5)));
        store
            .finish(&NewRecord {
                reader: "r".into(),
                serial: Some(serial),
                outcome: Outcome::Ok,
                op_id: Some(begun.op_id),
                upn: begun.row.map(|r| format!("user{r}")),
                list_id: Some(LIST.into()),
                list_row: begun.row.map(|r| r as i64),
                ..Default::default()
            })
            .unwrap();
    }
}

#[test]
fn many_stations_take_distinct_rows_while_some_are_killed() {
    let dir = std::env::temp_dir().join(format!("tb-race-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("records.sqlite");
    drop(Store::open(&db, Some("admin")).unwrap());
    race(db.to_str().unwrap(), None);
}

#[cfg(feature = "postgres-tests")]
#[test]
fn many_stations_on_a_postgresql_server_take_distinct_rows_while_some_are_killed() {
    let db = common::pg::fresh_db("race");
    Store::migrate_at(&common::pg::location(&db)).unwrap();
    race(&common::pg::url(&db), Some(&common::pg::password()));
}

/// Eight station processes on the store at `db` until the list is done,
/// three of them killed once and started again; then the checks.
fn race(db: &str, password: Option<&str>) {
    let started = Instant::now();
    let mut workers: Vec<(String, Child)> = (0..STATIONS)
        .map(|i| {
            let name = format!("st{i}");
            let child = worker(db, password, &name, 0);
            (name, child)
        })
        .collect();
    // Kill three stations at staggered moments, and start each again.
    let mut kills = 0usize;
    for i in [1, 4, 6] {
        std::thread::sleep(Duration::from_millis(150));
        let (name, child) = &mut workers[i];
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            child.wait().unwrap();
            kills += 1;
            let again = worker(db, password, name, 1);
            workers[i].1 = again;
        }
    }
    for (name, child) in &mut workers {
        let status = child.wait().unwrap();
        assert!(status.success(), "station {name} failed: {status}");
    }
    println!(
        "{STATIONS} stations, {ROWS} rows, {kills} killed: {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let mut location = StoreLocation::parse(db).unwrap();
    if let (StoreLocation::Postgres(pg), Some(p)) = (&location, password) {
        location = StoreLocation::Postgres(pg.clone().with_password(p.to_string().into()));
    }
    let store = Store::open_at(&location, Some("admin")).unwrap();
    let taken: Vec<usize> = store
        .taken_rows(LIST, None)
        .unwrap()
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(taken, (0..ROWS).collect::<Vec<_>>(), "every row is taken");
    // Each row: exactly one operation (one serial), with that row's user.
    let all = store.list(None).unwrap();
    type SerialAndUser = (Option<String>, Option<String>);
    let mut by_row: HashMap<i64, Vec<SerialAndUser>> = HashMap::new();
    for r in &all {
        by_row
            .entry(r.list_row.expect("every operation names its row"))
            .or_default()
            .push((r.serial.clone(), r.upn.clone()));
    }
    assert_eq!(by_row.len(), ROWS);
    for (row, ops) in &by_row {
        assert_eq!(ops.len(), 1, "row {row} reached {ops:?}");
        assert_eq!(ops[0].1.as_deref(), Some(format!("user{row}").as_str()));
    }
    let interrupted = all.iter().filter(|r| r.interrupted()).count();
    assert!(
        interrupted <= kills,
        "{interrupted} interrupted after {kills} kills"
    );
    let ok = all.iter().filter(|r| r.burned_ok()).count();
    assert_eq!(ok + interrupted, ROWS);
}

/// Stations started together on a records file that does not exist yet
/// (the first run of a new list at two readers): every one opens it. Seen
/// failing with "database is locked" when the switch to WAL was not
/// retried (two processes asking for the write lock at once: SQLite
/// answers one at once instead of waiting), about 1 open in 80; 150 rounds
/// of four at once (this caught the unretried build in about a third to a
/// half of its runs).
#[test]
fn stations_started_together_on_a_new_file_all_open_it() {
    let dir = std::env::temp_dir().join(format!("tb-race-new-{}", std::process::id()));
    for round in 0..150 {
        let db = dir.join(round.to_string()).join("records.sqlite");
        let opens: Vec<Child> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_totp-burner"))
                    .args(["records", "list", "--records"])
                    .arg(&db)
                    .env("TOTP_BURNER_LANG", "en")
                    .env("TOTP_BURNER_CONFIG_DIR", &dir)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for o in opens {
            let out = o.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
