//! Benchmark: what the records cost per token, on the SQLite file and on a
//! PostgreSQL server (the throw-away one `./dev.sh bench` starts, its
//! address in `TOTP_BURNER_TEST_PG*`), reached directly over the loopback
//! and through a relay of our own that holds every packet 5 ms each way
//! (a server across the building). Prints:
//! - per token (a list row taken with its started record, then the
//!   outcome): median and 90th percentile, and the client's round trips;
//! - the same with 1,000,000 operations already in the store;
//! - N stations (threads, each its own connection) taking 1,000 rows
//!   together: total time and cost per row, for N = 1, 2, 4, 8, and that
//!   no row went to two of them;
//! - reading that history a page at a time (the records view's first page,
//!   a search, the batches, `records list`'s first page), and `records
//!   list --json` over all of it: its time and peak memory (SQLite file).

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use totp_burner::station::records::{
    Begun, NewRecord, NotBegun, Outcome, PageQuery, PgLocation, RowPick, Start, Store,
    StoreLocation,
};
use zeroize::Zeroizing;

const TOKENS: usize = 200;
const HISTORY: i64 = 1_000_000;
const CLAIM_ROWS: usize = 1000;

/// A relay on the loopback that delays each chunk by `delay` in each
/// direction and counts the client's writes that follow a server answer
/// (round trips).
struct Relay {
    port: u16,
    round_trips: Arc<AtomicU64>,
}

fn relay(to: u16, delay: Duration) -> Relay {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let round_trips = Arc::new(AtomicU64::new(0));
    let rt = round_trips.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let server = TcpStream::connect(("127.0.0.1", to)).unwrap();
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            // Who spoke last: a client chunk after a server one is a new round trip.
            let last_was_server = Arc::new(std::sync::atomic::AtomicBool::new(true));
            for (from, into, is_client) in [
                (
                    client.try_clone().unwrap(),
                    server.try_clone().unwrap(),
                    true,
                ),
                (server, client, false),
            ] {
                let (rt, last) = (rt.clone(), last_was_server.clone());
                pipe(from, into, delay, move || {
                    if is_client {
                        if last.swap(false, Ordering::SeqCst) {
                            rt.fetch_add(1, Ordering::SeqCst);
                        }
                    } else {
                        last.store(true, Ordering::SeqCst);
                    }
                });
            }
        }
    });
    Relay { port, round_trips }
}

/// Copy `from` to `into`, each chunk `delay` after it arrived.
fn pipe(
    mut from: TcpStream,
    mut into: TcpStream,
    delay: Duration,
    on_chunk: impl Fn() + Send + 'static,
) {
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            on_chunk();
            if tx
                .send((Instant::now() + delay, buf[..n].to_vec()))
                .is_err()
            {
                break;
            }
        }
    });
    std::thread::spawn(move || {
        for (due, chunk) in rx {
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            if into.write_all(&chunk).is_err() {
                break;
            }
        }
        let _ = into.shutdown(std::net::Shutdown::Both);
    });
}

fn pg_env() -> Option<(u16, String)> {
    let port = std::env::var("TOTP_BURNER_TEST_PG_PORT")
        .ok()?
        .parse()
        .ok()?;
    Some((port, std::env::var("TOTP_BURNER_TEST_PG_PASSWORD").ok()?))
}

fn pg_admin(port: u16, password: &str, db: &str) -> postgres::Client {
    postgres::Config::new()
        .host("127.0.0.1")
        .port(port)
        .user("postgres")
        .password(password)
        .dbname(db)
        .connect(postgres::NoTls)
        .unwrap()
}

/// A fresh database `db` with the schema: its location through `port`.
fn pg_store(port: u16, via: u16, password: &str, db: &str) -> StoreLocation {
    let mut admin = pg_admin(port, password, "postgres");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let loc = pg_location(via, password, db);
    Store::migrate_at(&pg_location(port, password, db)).unwrap();
    loc
}

fn pg_location(port: u16, password: &str, db: &str) -> StoreLocation {
    let pg = PgLocation::parse(&format!("postgresql://postgres@127.0.0.1:{port}/{db}")).unwrap();
    StoreLocation::Postgres(pg.with_password(Zeroizing::new(password.to_string())))
}

fn sqlite_store(name: &str) -> StoreLocation {
    let dir = std::env::temp_dir().join(format!("tb-bench-records-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    StoreLocation::File(dir.join("records.sqlite"))
}

fn begin_row(s: &Store, serial: &str, list: &str, rows: usize) -> Result<Begun, NotBegun> {
    s.begin(
        Start {
            record: NewRecord {
                reader: "r".into(),
                serial: Some(serial.into()),
                ..Default::default()
            },
            refuse_if_burned: true,
            pick: Some(RowPick {
                list_id: list,
                rows,
                from: 0,
                since: None,
            }),
        },
        &mut |_, _| Ok(()),
    )
}

fn finish(s: &Store, b: &Begun, serial: &str) {
    s.finish(&NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        op_id: Some(b.op_id.clone()),
        outcome: Outcome::Ok,
        ..Default::default()
    })
    .unwrap();
}

/// Median ms of `f` over 5 runs.
fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[2]
}

/// The reads of a long history, a page at a time: one line of timings.
fn paging(store: &Store) -> String {
    let page = |text: &'static str| {
        move || {
            let q = PageQuery {
                text,
                outcome: None,
                batch: None,
                before: None,
                limit: 200,
            };
            let found = store.search_page(&q).unwrap().len();
            assert!(found == 200 || !text.is_empty(), "{found}");
        }
    };
    let first = median_ms(page(""));
    // A rare text: the page is not full, so the whole history is searched.
    let search = median_ms(page("u4999"));
    let batches = median_ms(|| drop(store.batch_names().unwrap()));
    let list = median_ms(|| assert_eq!(store.list_page(None, 0, 1000).unwrap().len(), 1000));
    format!(
        "first page {first:.1} ms, search \"u4999\" {search:.1} ms, batches {batches:.1} ms, `records list` first 1,000 {list:.1} ms"
    )
}

/// `records list --json` over the whole file: (seconds, peak resident MB).
#[cfg(unix)]
fn list_all(path: &std::path::Path) -> (f64, f64) {
    let t = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_totp-burner"))
        .args(["records", "list", "--json", "--records"])
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let secs = t.elapsed().as_secs_f64();
    // SAFETY: getrusage fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    (secs, usage.ru_maxrss as f64 / 1024.0)
}

/// Per-token cost: (median ms, p90 ms).
fn per_token(store: &Store, tag: &str) -> (f64, f64) {
    let mut times = Vec::with_capacity(TOKENS);
    for n in 0..TOKENS {
        let serial = format!("{tag}-{n}");
        let t = Instant::now();
        let b = begin_row(store, &serial, tag, TOKENS).unwrap();
        finish(store, &b, &serial);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[TOKENS / 2], times[TOKENS * 9 / 10])
}

/// Fill the store with `HISTORY` finished operations (two rows each), as
/// one bulk insert of the backend's own.
fn fill_history(loc: &StoreLocation, pg: Option<(u16, &str)>) {
    let insert = "INSERT INTO records (time, operator, station, reader, serial, model, operation,
        algorithm, period, display_timeout, outcome, batch, upn, op_id, list_id, list_row)
        SELECT 1800000000 + n, 'op', 'st', 'r', 'hist' || (n / 2), 'miniOTP-2-i', 'burn', 'sha1',
            30, 30, CASE n % 2 WHEN 0 THEN 'started' ELSE 'ok' END, 'old', 'u' || (n / 2) || '@contoso.com',
            'op' || (n / 2), 'oldlist', n / 2";
    match (loc, pg) {
        (StoreLocation::File(path), _) => {
            let c = rusqlite::Connection::open(path).unwrap();
            c.execute_batch(&format!(
                "BEGIN; WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {})
                 {insert} FROM s; COMMIT;",
                HISTORY * 2 - 1
            ))
            .unwrap();
        }
        (StoreLocation::Postgres(p), Some((port, password))) => {
            let mut c = pg_admin(port, password, &p.dbname);
            c.batch_execute(&format!(
                "{insert} FROM generate_series(0, {}) AS n; ANALYZE records;",
                HISTORY * 2 - 1
            ))
            .unwrap();
        }
        _ => unreachable!(),
    }
}

/// `stations` threads, each its own connection, take all `CLAIM_ROWS` rows
/// of one list: (total seconds, ms per row).
fn claims(loc: &StoreLocation, stations: usize) -> (f64, f64) {
    let list = format!("claims-{stations}");
    let stores: Vec<Store> = (0..stations)
        .map(|i| Store::open_at(loc, Some(&format!("st{i}"))).unwrap())
        .collect();
    let go = std::sync::Barrier::new(stations);
    let t = Instant::now();
    let rows: Vec<usize> = std::thread::scope(|scope| {
        let hs: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (go, list) = (&go, &list);
                scope.spawn(move || {
                    go.wait();
                    let mut mine = Vec::new();
                    for n in 0.. {
                        let serial = format!("{list}-{i}-{n}");
                        match begin_row(s, &serial, list, CLAIM_ROWS) {
                            Ok(b) => {
                                mine.push(b.row.unwrap());
                                finish(s, &b, &serial);
                            }
                            Err(NotBegun::ListDone) => break,
                            Err(e) => panic!("{e}"),
                        }
                    }
                    mine
                })
            })
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let secs = t.elapsed().as_secs_f64();
    let distinct: HashSet<usize> = rows.iter().copied().collect();
    assert_eq!(
        (rows.len(), distinct.len()),
        (CLAIM_ROWS, CLAIM_ROWS),
        "a row went to two stations"
    );
    (secs, secs * 1000.0 / CLAIM_ROWS as f64)
}

fn main() {
    let mut backends: Vec<(String, StoreLocation, Option<Arc<AtomicU64>>)> =
        vec![("SQLite file".into(), sqlite_store("fresh"), None)];
    let pg = pg_env();
    if let Some((port, password)) = &pg {
        backends.push((
            "PostgreSQL, loopback".into(),
            pg_store(*port, *port, password, "tb_bench_loop"),
            None,
        ));
        let r = relay(*port, Duration::from_millis(5));
        backends.push((
            "PostgreSQL, +5 ms each way".into(),
            pg_store(*port, r.port, password, "tb_bench_relay"),
            Some(r.round_trips),
        ));
    } else {
        println!(
            "(no TOTP_BURNER_TEST_PG_PORT: PostgreSQL skipped; ./dev.sh bench starts a server)"
        );
    }

    println!("per token (row taken + started record, then the outcome), {TOKENS} tokens:");
    for (name, loc, trips) in &backends {
        let store = Store::open_at(loc, Some("bench")).unwrap();
        let before = trips.as_ref().map(|t| t.load(Ordering::SeqCst));
        let (median, p90) = per_token(&store, "fresh");
        let per = trips
            .as_ref()
            .zip(before)
            .map(|(t, b)| (t.load(Ordering::SeqCst) - b) as f64 / TOKENS as f64);
        println!(
            "  {name:28} median {median:7.2} ms   p90 {p90:7.2} ms{}",
            per.map(|p| format!("   {p:.1} round trips"))
                .unwrap_or_default()
        );
    }

    println!("the same with {HISTORY} operations already in the store:");
    for (name, loc, _) in &backends {
        let t = Instant::now();
        fill_history(loc, pg.as_ref().map(|(p, pw)| (*p, pw.as_str())));
        let filled = t.elapsed().as_secs_f64();
        let store = Store::open_at(loc, Some("bench")).unwrap();
        let (median, p90) = per_token(&store, "full");
        println!(
            "  {name:28} median {median:7.2} ms   p90 {p90:7.2} ms   (filled in {filled:.1} s)"
        );
    }

    println!("reading that history a page at a time (newest 200; a search; the batches):");
    for (name, loc, _) in &backends {
        let store = Store::open_at(loc, Some("bench")).unwrap();
        println!("  {name:28} {}", paging(&store));
    }
    #[cfg(unix)]
    if let (_, StoreLocation::File(path), _) = &backends[0] {
        let (secs, mb) = list_all(path);
        println!(
            "  `records list --json` over all {HISTORY} operations (SQLite): {secs:.1} s, peak {mb:.0} MB resident"
        );
    }

    println!(
        "{CLAIM_ROWS} rows of one list taken by N stations at once (each its own connection):"
    );
    for (name, loc, _) in backends.iter().take(2) {
        for n in [1, 2, 4, 8] {
            let (secs, per_row) = claims(loc, n);
            println!("  {name:28} N={n}: {secs:6.2} s, {per_row:6.2} ms per row, no row twice");
        }
    }
}
