//! The PC clock check against real time servers: two local chronyd that
//! `./dev.sh test` starts on 127.0.0.1, one serving a clock 120 s ahead
//! (under faketime: to it this PC is 120 s behind) and one in step, named by
//! TOTP_BURNER_TEST_NTP_SHIFTED and TOTP_BURNER_TEST_NTP_IN_SYNC. A closed
//! local port stands for a network with no time server. Nothing here
//! contacts anything but 127.0.0.1.

use serde_json::Value;
use std::io::Write;
use std::net::UdpSocket;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use totp_burner::clockcheck::{self, ClockCheck, NtpConfig, SERVERS_VAR, UnverifiedReason};

const BIN: &str = env!("CARGO_BIN_EXE_totp-burner");
const SECRET: &str = "JBSWY3DPEHPK3PXP";

fn server(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: run ./dev.sh test, which starts the local chronyd time servers")
    })
}

fn shifted() -> String {
    server("TOTP_BURNER_TEST_NTP_SHIFTED")
}

fn in_sync() -> String {
    server("TOTP_BURNER_TEST_NTP_IN_SYNC")
}

/// A local UDP port nothing listens on.
fn closed_port() -> String {
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    format!("127.0.0.1:{}", s.local_addr().unwrap().port())
}

/// Run the binary with these time servers, the secret on stdin.
fn run(servers: &str, args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .env("TOTP_BURNER_LANG", "en")
        .args(args)
        .env(SERVERS_VAR, servers)
        .env_remove(clockcheck::LIMIT_VAR)
        .env_remove(clockcheck::TIMEOUT_VAR)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SECRET.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout)))
}

/// The burn's progress lines on stderr ("... identifying the token"): one
/// appears as soon as the burn talks to the token.
fn talked_to_token(o: &Output) -> bool {
    text(&o.stderr).lines().any(|l| l.starts_with("... "))
}

fn about_120_s(offset_ms: i64) -> bool {
    (118_000..=122_000).contains(&offset_ms)
}

/// The text says the PC clock is about 120 s behind ("119.9 s behind").
fn says_about_120_s_behind(t: &str) -> bool {
    t.match_indices(" s behind").any(|(i, _)| {
        t[..i]
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse::<f64>().ok())
            .is_some_and(|s| (118.0..=122.0).contains(&s))
    })
}

#[test]
fn a_pc_clock_120_s_off_is_not_written_and_the_token_is_untouched() {
    let o = run(&shifted(), &["burn", "--emulator", "--secret", "-"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(says_about_120_s_behind(&err), "{err}");
    assert!(
        err.contains("timedatectl") && err.contains("w32tm"),
        "{err}"
    );
    assert!(err.contains("--trust-pc-clock"), "{err}");
    assert!(!talked_to_token(&o), "{err}");
    assert!(!text(&o.stdout).contains("Burned"));

    let o = run(
        &shifted(),
        &["burn", "--emulator", "--secret", "-", "--json"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["ok"], false);
    assert_eq!(v["token_state"]["state"], "untouched");
    assert_eq!(v["pc_clock_check"]["status"], "off");
    let offset = v["pc_clock_check"]["offset_ms"].as_i64().unwrap();
    assert!(about_120_s(offset), "{v}");
    assert_eq!(v["pc_clock_check"]["limit_ms"], 5000);
}

#[test]
fn sync_time_refuses_the_same_clock() {
    let o = run(
        &shifted(),
        &["sync-time", "--emulator", "--erase-secret-ok"],
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(says_about_120_s_behind(&err), "{err}");
    assert!(!text(&o.stdout).contains("Clock:"));
}

#[test]
fn the_operator_can_write_it_anyway_and_that_shows() {
    let o = run(
        &shifted(),
        &["burn", "--emulator", "--secret", "-", "--trust-pc-clock"],
    );
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(talked_to_token(&o));
    assert!(out.contains("Burned token"), "{out}");
    assert!(
        says_about_120_s_behind(&out) && out.contains("written anyway"),
        "{out}"
    );

    let o = run(
        &shifted(),
        &[
            "burn",
            "--emulator",
            "--secret",
            "-",
            "--trust-pc-clock",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["pc_clock_check"]["status"], "overridden");
    assert!(
        about_120_s(v["pc_clock_check"]["offset_ms"].as_i64().unwrap()),
        "{v}"
    );
}

#[test]
fn no_time_server_burns_and_says_not_verified() {
    let closed = closed_port();
    let o = run(&closed, &["burn", "--emulator", "--secret", "-"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(out.contains("Burned token"), "{out}");
    assert!(out.contains("PC clock not verified"), "{out}");

    let o = run(&closed, &["burn", "--emulator", "--secret", "-", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["pc_clock_check"]["status"], "unverified");
    assert!(
        v["pc_clock_check"]["note"]
            .as_str()
            .unwrap()
            .contains("PC clock not verified"),
        "{v}"
    );
}

#[test]
fn an_in_step_pc_clock_burns_as_usual_and_info_shows_the_offset() {
    let o = run(&in_sync(), &["burn", "--emulator", "--secret", "-"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(talked_to_token(&o));
    assert!(out.contains("Burned token"), "{out}");
    assert!(out.contains("PC clock verified"), "{out}");

    let o = run(&in_sync(), &["info", "--emulator", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    let check = &v["pc_clock_check"];
    assert_eq!(check["status"], "verified", "{v}");
    assert_eq!(check["server"], in_sync().as_str());
    assert!(check["offset_ms"].as_i64().unwrap().abs() < 1000, "{v}");

    let o = run(&in_sync(), &["info", "--emulator"]);
    let out = text(&o.stdout);
    assert!(
        out.lines()
            .any(|l| l.starts_with("PC clock:") && l.contains(&in_sync())),
        "{out}"
    );

    let o = run(&shifted(), &["info", "--emulator"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        says_about_120_s_behind(&out) && out.contains("refuse"),
        "{out}"
    );
}

fn config(servers: Vec<String>) -> NtpConfig {
    NtpConfig {
        servers,
        ..NtpConfig::default()
    }
}

#[test]
fn check_pc_clock_measures_the_shifted_server() {
    match clockcheck::check_pc_clock(&config(vec![shifted()])) {
        ClockCheck::Verified { offset_ms, server } => {
            assert!(about_120_s(offset_ms), "{offset_ms}");
            assert_eq!(server, shifted());
        }
        v => panic!("{v:?}"),
    }
    match clockcheck::check_pc_clock(&config(vec![in_sync()])) {
        ClockCheck::Verified { offset_ms, .. } => assert!(offset_ms.abs() < 1000, "{offset_ms}"),
        v => panic!("{v:?}"),
    }
}

#[test]
fn one_dead_server_does_not_hide_a_live_one() {
    let c = config(vec![closed_port(), shifted()]);
    match clockcheck::check_pc_clock(&c) {
        ClockCheck::Verified { offset_ms, server } => {
            assert!(about_120_s(offset_ms), "{offset_ms}");
            assert_eq!(server, shifted());
        }
        v => panic!("{v:?}"),
    }
    let none = config(vec![closed_port()]);
    assert!(matches!(
        clockcheck::check_pc_clock(&none),
        ClockCheck::Unverified {
            reason: UnverifiedReason::Unreachable { .. } | UnverifiedReason::Timeout { .. }
        }
    ));
}

/// A UDP relay to `to` that counts the requests passing through it.
fn counting_relay(to: String) -> (String, Arc<AtomicUsize>) {
    let front = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = front.local_addr().unwrap().to_string();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        let back = UdpSocket::bind("127.0.0.1:0").unwrap();
        back.connect(&to).unwrap();
        back.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let mut buf = [0u8; 512];
        loop {
            let Ok((n, from)) = front.recv_from(&mut buf) else {
                return;
            };
            seen.fetch_add(1, Ordering::SeqCst);
            back.send(&buf[..n]).unwrap();
            if let Ok(n) = back.recv(&mut buf) {
                let _ = front.send_to(&buf[..n], from);
            }
        }
    });
    (addr, count)
}

#[test]
fn an_answer_is_reused_for_the_cache_time_only() {
    let (relay, count) = counting_relay(shifted());
    let c = config(vec![relay.clone()]);
    let first = clockcheck::check_pc_clock(&c);
    let second = clockcheck::check_pc_clock(&c);
    assert_eq!(count.load(Ordering::SeqCst), 1, "{first:?} {second:?}");
    for check in [first, second] {
        match check {
            ClockCheck::Verified { offset_ms, .. } => assert!(about_120_s(offset_ms)),
            v => panic!("{v:?}"),
        }
    }
    let expired = NtpConfig {
        cache_for: Duration::ZERO,
        ..c
    };
    assert!(matches!(
        clockcheck::check_pc_clock(&expired),
        ClockCheck::Verified { .. }
    ));
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

// ---- The same gate under the app's device worker and the station loop ----

fn servers_at(addr: String) -> NtpConfig {
    NtpConfig {
        servers: vec![addr],
        ..Default::default()
    }
}

fn demo_token(serial: &str) -> totp_burner::emulator::SharedToken {
    let t =
        totp_burner::emulator::shared_token(serial, Arc::new(totp_burner::clock::SystemClock), 5);
    totp_burner::emulator::lock(&t).preload_seed(b"factory seed 20 byte");
    t
}

type AppBurn = (
    Result<totp_burner::burn::BurnReport, totp_burner::station::operation::OperationError>,
    totp_burner::emulator::SharedToken,
);

fn app_burn(servers: NtpConfig) -> AppBurn {
    app_burn_with(servers, false, None)
}

fn app_burn_with(
    servers: NtpConfig,
    trust_pc_clock: bool,
    records: Option<std::path::PathBuf>,
) -> AppBurn {
    use totp_burner::app::device::{DeviceEvent, DeviceRequest, DeviceWorker, EmulatorConnector};
    let token = demo_token("86596220000801");
    let link = totp_burner::emulator::EmulatorLink::new(token.clone(), "demo");
    let mut worker = DeviceWorker::spawn(
        EmulatorConnector(link),
        Arc::new(totp_burner::clock::SystemClock),
        || {},
    );
    worker.send(DeviceRequest::UseTimeServers(servers));
    if let Some(r) = records {
        worker.send(DeviceRequest::UseRecords(
            totp_burner::station::records::StoreLocation::File(r),
        ));
    }
    worker.send(DeviceRequest::Burn {
        reader: None,
        plan: totp_burner::burn::BurnPlan {
            secret: totp_burner::secret::Secret::new(vec![7; 20]),
            options: Default::default(),
            allow_unknown_model: false,
        },
        upn: None,
        reburn: false,
        trust_pc_clock,
    });
    let end = std::time::Instant::now() + Duration::from_secs(10);
    while std::time::Instant::now() < end {
        match worker.try_next() {
            Some(DeviceEvent::Burned(r, ..)) => return (r, token),
            Some(_) => {}
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    panic!("no burn result from the device worker");
}

#[test]
fn the_app_refuses_to_write_a_shifted_pc_clock_and_burns_when_in_step() {
    use totp_burner::station::operation::{OperationError, Refusal};
    let (result, token) = app_burn(servers_at(shifted()));
    let e = result.expect_err("refused");
    assert!(
        matches!(e, OperationError::Refused(Refusal::PcClockOff(ref off)) if off.offset_ms > 100_000),
        "{e:?}"
    );
    let words = totp_burner::explain::operation_error(&e);
    assert!(words.problem.contains("behind"), "{}", words.problem);
    assert_eq!(
        totp_burner::emulator::lock(&token)
            .seed_for_tests()
            .unwrap(),
        b"factory seed 20 byte",
        "the token is untouched"
    );
    let (result, token) = app_burn(servers_at(in_sync()));
    assert!(result.is_ok(), "{:?}", result.err());
    assert_eq!(
        totp_burner::emulator::lock(&token)
            .seed_for_tests()
            .unwrap(),
        &[7u8; 20]
    );
}

#[test]
fn the_station_stops_before_writing_a_shifted_pc_clock() {
    use totp_burner::station::run::{
        BatchConfig, BatchSource, PolledPresence, ReaderLoop, StationError, run_batch,
    };
    let dir = std::env::temp_dir().join(format!("tb-ntp-station-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = totp_burner::station::records::Store::open(&dir.join("r.sqlite"), None).unwrap();
    let token = demo_token("86596220000802");
    let link = totp_burner::emulator::EmulatorLink::new(token.clone(), "r0");
    let config = BatchConfig {
        source: BatchSource::Random { count: Some(1) },
        options: Default::default(),
        vault: None,
        batch_id: "b".into(),
        start_row: None,
        reburn: false,
        time_servers: servers_at(shifted()),
    };
    let readers = vec![ReaderLoop {
        reader: "r0".into(),
        presence: Box::new(PolledPresence(Box::new(|| true))),
        connector: Box::new(totp_burner::emulator::EmulatorConnector(link)),
    }];
    let stop = std::sync::atomic::AtomicBool::new(false);
    let r = run_batch(
        &config,
        &store,
        readers,
        &totp_burner::clock::SystemClock,
        &stop,
        &|_| {},
    );
    let e = r.expect_err("the station stops");
    assert!(matches!(e, StationError::PcClockOff(_)), "{e:?}");
    assert!(
        totp_burner::explain::station_error(&e)
            .problem
            .contains("behind")
    );
    assert_eq!(
        totp_burner::emulator::lock(&token)
            .seed_for_tests()
            .unwrap(),
        b"factory seed 20 byte"
    );
    assert!(store.list(None).unwrap().is_empty(), "nothing was started");
}

#[test]
fn the_app_writes_a_shifted_clock_only_when_told_to_and_records_it() {
    let dir = std::env::temp_dir().join(format!("tb-ntp-override-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let records = dir.join("records.sqlite");
    let (result, _) = app_burn_with(servers_at(shifted()), true, Some(records.clone()));
    assert!(result.is_ok(), "{:?}", result.err());
    let store = totp_burner::station::records::Store::open(&records, None).unwrap();
    let list = store.list(None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].outcome, totp_burner::station::records::Status::Ok);
    assert_eq!(list[0].flags.stored(), Some("pc-clock-overridden"));
}

#[test]
fn the_token_panel_check_reports_the_offset() {
    use totp_burner::app::device::{DeviceEvent, DeviceRequest, DeviceWorker, EmulatorConnector};
    let link = totp_burner::emulator::EmulatorLink::new(demo_token("86596220000803"), "demo");
    let mut worker = DeviceWorker::spawn(
        EmulatorConnector(link),
        Arc::new(totp_burner::clock::SystemClock),
        || {},
    );
    worker.send(DeviceRequest::UseTimeServers(servers_at(shifted())));
    worker.send(DeviceRequest::CheckPcClock);
    let end = std::time::Instant::now() + Duration::from_secs(10);
    while std::time::Instant::now() < end {
        if let Some(DeviceEvent::PcClock(check, limit)) = worker.try_next() {
            let words = totp_burner::explain::clock_check(&check, limit);
            assert!(matches!(check, ClockCheck::Verified { offset_ms, .. } if offset_ms > 100_000));
            assert!(words.contains("behind"), "{words}");
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no PC clock answer");
}
