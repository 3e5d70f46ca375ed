//! End to end through a real pcscd and the vsmartcard-vpcd virtual readers,
//! with our emulated token as the card. Needs pcscd running with the vpcd
//! driver: `./dev.sh test` installs and starts it, then runs this binary
//! serially (`--features pcscd-tests -- --test-threads=1`).

mod common;

use common::pcsc::*;
use common::{bin, json, text};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use totp_burner::burn::{BurnPlan, burn, read_info};
use totp_burner::card::pcsc::PcscReaders;
use totp_burner::card::watch::{ReaderEvent, ReaderWatcher};
use totp_burner::card::{ReaderState, TransportError};
use totp_burner::clock::{Clock, SystemClock};
use totp_burner::emulator::lock;
use totp_burner::emulator::vpcd::{ATR, VpcdBridge, VpcdOptions};
use totp_burner::params::TokenOptions;
use totp_burner::protocol::model::MODELS;
use totp_burner::secret::Secret;

#[test]
fn readers_are_listed_with_their_state() {
    let _g = serial();
    let t = token("86596220000011", true, 0);
    let bridge = place(&t, PORT0, None);
    let list = PcscReaders::establish().unwrap().list().unwrap();
    let r0 = list
        .iter()
        .find(|r| r.name == READER0)
        .expect("reader 0 listed");
    let r1 = list
        .iter()
        .find(|r| r.name == READER1)
        .expect("reader 1 listed");
    assert_eq!(r0.state, ReaderState::TokenPresent { atr: ATR.to_vec() });
    assert_eq!(r1.state, ReaderState::Empty);
    let o = run(&["readers", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let states: Vec<(String, String)> = v["readers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["state"]["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        states.contains(&(READER0.into(), "token-present".into())),
        "{states:?}"
    );
    assert!(
        states.contains(&(READER1.into(), "empty".into())),
        "{states:?}"
    );
    lift(bridge, PORT0);
}

#[test]
fn info_through_pcscd() {
    let _g = serial();
    let t = token("86596120000022", false, -7);
    let bridge = place(&t, PORT0, None);
    let readers = PcscReaders::establish().unwrap();
    let mut card = readers.open(None).unwrap();
    assert_eq!(card.reader(), READER0);
    let info = card
        .in_transaction(|tr| read_info(tr, &SystemClock, &mut |_| {}))
        .unwrap()
        .unwrap();
    assert_eq!(info.serial, "86596120000022");
    assert_eq!(info.model_name(), "OTPC-P1-i");
    assert!(
        (-8..=-6).contains(&info.clock_difference()),
        "{}",
        info.clock_difference()
    );
    drop(card);
    let o = run(&["info", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["serial"], "86596120000022");
    assert_eq!(v["reader"], READER0);
    // Against the records' known serials: none, then a list without it,
    // then one with it (a records file not made yet is not made by info).
    let records = temp_records("info-stock");
    let r = records.to_str().unwrap();
    let known = || json(&run(&["info", "--json", "--records", r]))["known_serial"].clone();
    assert_eq!(known(), "no-list");
    assert!(!records.exists(), "info made no records file");
    let list = records.with_file_name("vendor.csv");
    std::fs::write(&list, "Serial,Model\n86596120000099,OTPC-P1-i\n").unwrap();
    let l = list.to_str().unwrap();
    let o = run(&["records", "stock", "import", l, "--records", r]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(known(), "not-listed");
    let o = run(&["info", "--records", r]);
    assert!(
        text(&o.stdout).contains("NOT on this organisation's list of known serials (1 listed)"),
        "{}",
        text(&o.stdout)
    );
    std::fs::write(&list, "86596120000022\n").unwrap();
    run(&["records", "stock", "import", l, "--records", r]);
    assert_eq!(known(), "listed");
    assert_eq!(
        lock(&t).seed_for_tests().unwrap(),
        OLD_SEED,
        "info writes nothing"
    );
    lift(bridge, PORT0);
}

#[test]
fn burn_every_model_through_the_library() {
    let _g = serial();
    for model in MODELS {
        let serial = format!("{}0000033", model.prefix);
        let t = token(&serial, erases(&serial), 40);
        let bridge = place(&t, PORT0, None);
        away_from_step_boundary();
        let plan = BurnPlan {
            secret: Secret::new(SECRET.to_vec()),
            options: TokenOptions::default(),
            allow_unknown_model: false,
        };
        let readers = PcscReaders::establish().unwrap();
        let mut card = readers.open(Some(READER0)).unwrap();
        let report = card
            .in_transaction(|tr| burn(tr, &plan, &SystemClock, &mut |_| {}))
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e}", model.name));
        assert_eq!(report.token.model.unwrap().name, model.name);
        assert!((39..=41).contains(&report.token.clock_difference()));
        assert_eq!(
            lock(&t).code_after_power_cycle().unwrap(),
            report.codes.current,
            "{}",
            model.name
        );
        assert_eq!(lock(&t).seed_for_tests().unwrap(), SECRET);
        drop(card);
        lift(bridge, PORT0);
    }
}

#[test]
fn burn_every_model_through_the_cli() {
    let _g = serial();
    for model in MODELS {
        let serial = format!("{}0000044", model.prefix);
        let t = token(&serial, erases(&serial), -5);
        let bridge = place(&t, PORT0, None);
        away_from_step_boundary();
        let o = run(&["burn", "--secret", SECRET_B32, "--json"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            model.name,
            text(&o.stderr)
        );
        let v = json(&o);
        assert_eq!(v["model"], model.name);
        assert_eq!(v["reader"], READER0);
        let shown = lock(&t).code_after_power_cycle().unwrap();
        assert_eq!(v["code"], shown, "{}", model.name);
        lift(bridge, PORT0);
    }
}

#[test]
fn sync_time_is_refused_on_restricted_models_without_confirmation() {
    let _g = serial();
    let t = token("86596220000055", true, -300);
    let bridge = place(&t, PORT0, None);
    let o = run(&["sync-time"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("--erase-secret-ok"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(lock(&t).seed_for_tests().unwrap(), OLD_SEED);
    assert!(lock(&t).token_time() + 250 < SystemClock.now());
    let o = run(&["sync-time", "--erase-secret-ok", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["secret_erased"], true);
    assert!(!lock(&t).has_seed());
    assert!(lock(&t).token_time().abs_diff(SystemClock.now()) <= 1);
    lift(bridge, PORT0);

    let t = token("86596120000055", false, -300);
    let bridge = place(&t, PORT0, None);
    let o = run(&["sync-time", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["secret_erased"], false);
    assert_eq!(lock(&t).seed_for_tests().unwrap(), OLD_SEED);
    lift(bridge, PORT0);
}

#[test]
fn a_token_lifted_at_each_step_is_reported_truthfully() {
    let _g = serial();
    let expectations = [
        (0, "reading the token", 1, "Nothing was written"),
        (1, "unlocking the token", 1, "Nothing was written"),
        (2, "unlocking the token", 1, "Nothing was written"),
        (
            3,
            "writing clock and options",
            3,
            "may or may not have been written",
        ),
        (
            4,
            "writing the secret",
            3,
            "holds either the new secret or none",
        ),
    ];
    for (n, step, code, state) in expectations {
        let t = token("86596220000066", true, -60);
        let bridge = place(&t, PORT0, Some(n));
        let o = run(&["burn", "--secret", SECRET_B32]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "lift after {n}: {err}");
        assert!(
            err.contains(&format!(
                "The token left the reader or switched off while {step}."
            )),
            "lift after {n}: {err}"
        );
        assert!(err.contains(state), "lift after {n}: {err}");
        assert!(err.contains("lay it flat on the reader"), "{err}");
        // The token's true state: the lift came before command n+1.
        let g = lock(&t);
        match n {
            0..=3 => {
                assert_eq!(g.seed_for_tests().unwrap(), OLD_SEED, "lift after {n}");
                assert!(g.token_time() + 50 < SystemClock.now(), "clock not written");
            }
            _ => {
                assert!(
                    !g.has_seed(),
                    "restricted model: blank after the config write"
                );
                assert!(g.token_time().abs_diff(SystemClock.now()) <= 1);
            }
        }
        drop(g);
        wait_for("pcscd to see the lift", Duration::from_secs(5), || {
            !reader_has_token(READER0)
        });
        bridge.stop();
        settle();
    }
}

#[test]
fn two_tokens_need_a_reader_choice() {
    let _g = serial();
    let a = token("86596220000077", true, 0);
    let b = token("86596000000077", false, 0);
    let ba = place(&a, PORT0, None);
    let bb = place(&b, PORT1, None);
    let o = run(&["info"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains(READER0) && err.contains(READER1) && err.contains("--reader"),
        "{err}"
    );
    let o = run(&["info", "--reader", "00 01", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["serial"], "86596000000077");
    let o = run(&["info", "--reader", "Virtual"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("matches several readers"));
    let o = run(&["info", "--reader", "Omnikey"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("No reader matches"));
    lift(ba, PORT0);
    lift(bb, PORT1);
}

#[test]
fn no_token_tells_the_user_to_place_one() {
    let _g = serial();
    wait_for("empty readers", Duration::from_secs(5), || {
        !reader_has_token(READER0) && !reader_has_token(READER1)
    });
    let start = Instant::now();
    let o = run(&["info"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("Switch the token on and lay it on the reader"),
        "{}",
        text(&o.stderr)
    );
    // It waited for a token that might still be waking up, but not much longer.
    assert!(start.elapsed() < Duration::from_secs(4));
    assert_eq!(
        PcscReaders::establish().unwrap().open(None).err(),
        Some(TransportError::NoToken)
    );
}

#[test]
fn a_token_switched_on_late_is_still_found() {
    let _g = serial();
    let t = token("86596220000088", true, 0);
    let late = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(600));
        VpcdBridge::spawn(t, VpcdOptions::port(PORT0), |_| {})
    });
    let o = run(&["info", "--json"]);
    let bridge = late.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["serial"], "86596220000088");
    lift(bridge, PORT0);
}

#[test]
fn the_watcher_sees_placement_and_removal_quickly() {
    let _g = serial();
    let (tx, rx) = mpsc::channel();
    let watcher = ReaderWatcher::spawn(move |e| {
        let _ = tx.send((Instant::now(), e));
    })
    .unwrap();
    // The initial snapshot lists both readers.
    let mut added = Vec::new();
    while added.len() < 2 {
        let (_, event) = rx
            .recv_timeout(Duration::from_secs(3))
            .expect("initial events");
        if let ReaderEvent::ReaderAdded { reader } = event {
            added.push(reader);
        }
    }
    assert!(added.contains(&READER0.to_string()) && added.contains(&READER1.to_string()));
    let t = token("86596220000099", true, 0);
    let bridge = VpcdBridge::spawn(t, VpcdOptions::port(PORT0), |_| {});
    assert!(bridge.wait_connected(Duration::from_secs(3)));
    let connected_at = Instant::now();
    let seen = loop {
        let (at, e) = rx
            .recv_timeout(Duration::from_secs(3))
            .expect("placement event");
        if let ReaderEvent::TokenPlaced { reader, atr } = e {
            assert_eq!(reader, READER0);
            assert_eq!(atr, ATR);
            break at;
        }
    };
    // pcscd polls the vpcd driver every 400 ms, so the token counts as
    // placed when the driver has fetched its ATR; the rest is ours.
    let atr_at = bridge.atr_sent_at().expect("the driver fetched the ATR");
    let placement = seen.saturating_duration_since(atr_at);
    let from_connect = seen.saturating_duration_since(connected_at);
    let lifted_at = Instant::now();
    bridge.stop();
    let seen = loop {
        let (at, e) = rx
            .recv_timeout(Duration::from_secs(3))
            .expect("removal event");
        if let ReaderEvent::TokenLifted { reader } = e {
            assert_eq!(reader, READER0);
            break at;
        }
    };
    let removal = seen.saturating_duration_since(lifted_at);
    eprintln!(
        "watcher latency: placement {placement:?} after the ATR ({from_connect:?} after the TCP connect), removal {removal:?}"
    );
    assert!(
        placement < Duration::from_millis(500),
        "placement seen after {placement:?}"
    );
    assert!(
        removal < Duration::from_millis(500),
        "removal seen after {removal:?}"
    );
    let stopping = Instant::now();
    watcher.stop();
    assert!(
        stopping.elapsed() < Duration::from_secs(1),
        "watcher took {:?} to stop",
        stopping.elapsed()
    );
}

struct Emulate(Child);

impl Drop for Emulate {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        // Let pcscd notice before the next test looks at the reader.
        let end = Instant::now() + Duration::from_secs(5);
        while reader_has_token(READER0) && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(20));
        }
        settle();
    }
}

fn emulate(args: &[&str]) -> Emulate {
    wait_for("an empty reader", Duration::from_secs(5), || {
        !reader_has_token(READER0)
    });
    let child = bin()
        .arg("emulate")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let guard = Emulate(child);
    wait_for(
        "the emulate process's token",
        Duration::from_secs(5),
        || reader_has_token(READER0),
    );
    guard
}

#[test]
fn emulate_subcommand_serves_a_token_to_the_cli() {
    let _g = serial();
    away_from_step_boundary();
    let mut e = emulate(&[
        "--vpcd",
        "--serial",
        "86596010000123",
        "--clock-offset",
        "-12",
    ]);
    let info = json(&run(&["info", "--json"]));
    assert_eq!(info["model"], "miniOTP-3-i");
    assert!((-13..=-11).contains(&info["clock_difference"].as_i64().unwrap()));
    let o = run(&["burn", "--secret", "JBSWY3DPEHPK3PXP", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let code = json(&o)["code"].as_str().unwrap().to_string();
    let _ = e.0.kill();
    let out = e.0.wait_with_output_ref();
    drop(e);
    assert!(
        out.contains(&format!("display after a power cycle: {code}")),
        "{out}"
    );
}

trait ReadAll {
    fn wait_with_output_ref(&mut self) -> String;
}

impl ReadAll for Child {
    fn wait_with_output_ref(&mut self) -> String {
        use std::io::Read;
        let _ = self.wait();
        let mut s = String::new();
        if let Some(mut o) = self.stdout.take() {
            let _ = o.read_to_string(&mut s);
        }
        s
    }
}

#[test]
fn emulate_lifts_and_comes_back() {
    let _g = serial();
    let _e = emulate(&[
        "--vpcd",
        "35963",
        "--lift-after",
        "2",
        "--replace-after-ms",
        "300",
    ]);
    let o = run(&["burn", "--secret", "JBSWY3DPEHPK3PXP"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("while unlocking the token"));
    wait_for(
        "the token back on the reader",
        Duration::from_secs(5),
        || reader_has_token(READER0),
    );
    let o = run(&["burn", "--secret", "JBSWY3DPEHPK3PXP"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

/// A real reader and token: `TOTP_BURNER_READER="ACS ACR122U" cargo test
/// --features pcscd-tests --test pcsc -- --ignored`. Read-only.
#[test]
#[ignore = "needs a real reader named by TOTP_BURNER_READER and a token on it"]
fn real_reader_info() {
    let reader = std::env::var("TOTP_BURNER_READER").expect("set TOTP_BURNER_READER");
    let o = run(&["info", "--reader", &reader, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(json(&o)["serial"].as_str().is_some());
}
