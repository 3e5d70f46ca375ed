//! Many station processes on one records file (the SQLite default store):
//! eight processes, each with its own connection, take rows of one
//! 400-row user list as fast as they can, while some of them are killed
//! (SIGKILL / TerminateProcess, mid-transaction or not) and started again.
//! What must hold whatever the timing: every row's secret reaches exactly
//! one serial, every row is taken, and every start has its outcome or
//! reads as interrupted (at most one per kill).
//!
//! The workers are this test binary started again with the ignored test
//! `race_worker` and its orders in the environment.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};
use totp_burner::station::records::{NewRecord, NotBegun, Outcome, RowPick, Start, Store};

const LIST: &str = "race-list";
const ROWS: usize = 400;
const STATIONS: usize = 8;

fn worker(db: &Path, station: &str, run: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
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
    let db = std::env::var_os("TB_RACE_DB").expect("started by the race test");
    let station = std::env::var("TB_RACE_STATION").unwrap();
    let run = std::env::var("TB_RACE_RUN").unwrap();
    let store = Store::open(Path::new(&db), Some(&station)).unwrap();
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
    let started = Instant::now();
    let mut workers: Vec<(String, Child)> = (0..STATIONS)
        .map(|i| {
            let name = format!("st{i}");
            let child = worker(&db, &name, 0);
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
            let again = worker(&db, name, 1);
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

    let store = Store::open(&db, Some("admin")).unwrap();
    let taken: Vec<usize> = store
        .taken_rows(LIST, None)
        .unwrap()
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(taken, (0..ROWS).collect::<Vec<_>>(), "every row is taken");
    // Each row: exactly one start (one serial), naming that row's user.
    let db_read = rusqlite::Connection::open(&db).unwrap();
    let mut by_row: HashMap<i64, Vec<(String, Option<String>)>> = HashMap::new();
    let mut stmt = db_read
        .prepare("SELECT list_row, serial, upn FROM records WHERE outcome = 'started'")
        .unwrap();
    let starts = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    for start in starts {
        let (row, serial, upn): (i64, String, Option<String>) = start.unwrap();
        by_row.entry(row).or_default().push((serial, upn));
    }
    assert_eq!(by_row.len(), ROWS);
    for (row, ops) in &by_row {
        assert_eq!(ops.len(), 1, "row {row} reached {ops:?}");
        assert_eq!(ops[0].1.as_deref(), Some(format!("user{row}").as_str()));
    }
    let all = store.list(None).unwrap();
    let interrupted = all.iter().filter(|r| r.interrupted()).count();
    assert!(
        interrupted <= kills,
        "{interrupted} interrupted after {kills} kills"
    );
    let ok = all.iter().filter(|r| r.burned_ok()).count();
    assert_eq!(ok + interrupted, ROWS);
}
