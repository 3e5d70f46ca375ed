//! End to end through a real pcscd and the vsmartcard-vpcd virtual readers,
//! with our emulated token as the card. Needs pcscd running with the vpcd
//! driver: `./dev.sh test` installs and starts it, then runs this binary
//! serially (`--features pcscd-tests -- --test-threads=1`).

mod common;

use common::pcsc::*;
use common::{BIN, bin, json, text};
use serde_json::Value;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
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

#[test]
fn station_burns_twenty_random_tokens_and_exports_them_for_entra() {
    let _g = serial();
    let records = temp_records("twenty");
    let batch = Batch::start(
        &[
            "--random",
            "--count",
            "20",
            "--keep-secrets",
            "--station",
            "desk-7",
        ],
        &records,
    );
    let mut tokens = Vec::new();
    let mut times = Vec::new();
    for i in 0..20 {
        batch.next("waiting");
        let serial = format!("865962200{:05}", 100 + i);
        let t = token(&serial, true, -20);
        let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
        let burned = batch.next("burned");
        assert_eq!(burned["serial"], serial.as_str());
        assert_eq!(
            burned["code"],
            lock(&t).code_after_power_cycle().unwrap().as_str()
        );
        times.push(burned["ms"].as_u64().unwrap());
        batch.next("lift");
        lift(bridge, PORT0);
        tokens.push((serial, t));
    }
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    times.sort();
    eprintln!(
        "station: time from token placed to result, median of 20: {} ms (min {}, max {})",
        times[10], times[0], times[19]
    );

    // Every secret differs and none is in the database in clear.
    let db = std::fs::read(&records).unwrap();
    let mut seen = std::collections::HashSet::new();
    for (_, t) in &tokens {
        let seed = lock(t).seed_for_tests().unwrap().to_vec();
        assert!(seen.insert(seed.clone()), "a secret was burned twice");
        let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
        for form in [seed.clone(), b32(&seed).into_bytes(), hex.into_bytes()] {
            assert!(!db.windows(form.len()).any(|w| w == form.as_slice()));
            assert!(
                !err.as_bytes()
                    .windows(form.len())
                    .any(|w| w == form.as_slice())
            );
        }
    }

    // Nobody has a user yet: no Entra file (Entra needs a UPN in every
    // row); the tokens go to the file for later, with their stored secrets.
    let entra = records.with_file_name("entra.csv");
    let later = records.with_file_name("unassigned.csv");
    let o = bin()
        .args(["records", "export", "--entra"])
        .arg(&entra)
        .arg("--unassigned")
        .arg(&later)
        .arg("--records")
        .arg(&records)
        .env("TOTP_BURNER_PASSPHRASE", "station passphrase")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("No token has a user yet"));
    assert!(text(&o.stdout).contains("20 tokens have no user"));
    assert!(text(&o.stdout).contains("holds the tokens' SECRETS"));
    assert!(!entra.exists());
    let entra = later;
    let csv = std::fs::read_to_string(&entra).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("upn,serial number,secret key,time interval,manufacturer,model")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 20);
    for (serial, t) in &tokens {
        let want = format!(
            ",{serial},{},30,Token2,OTPC-P2-i",
            b32(lock(t).seed_for_tests().unwrap())
        );
        assert!(rows.iter().any(|r| *r == want), "no row {want}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&entra).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // Without a file for them, nobody to upload is said before any
    // passphrase is asked.
    let o = export_entra(&records, &records.with_file_name("x.csv"), "guess");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("None of the 20 tokens"));
    assert!(text(&o.stderr).contains("records assign"));
    // A wrong passphrase gets nothing.
    let o = bin()
        .args([
            "records",
            "export",
            "--entra",
            "x.csv",
            "--unassigned",
            "y.csv",
        ])
        .arg("--records")
        .arg(&records)
        .env("TOTP_BURNER_PASSPHRASE", "guess")
        .current_dir(records.parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("passphrase"));
    assert!(!records.with_file_name("y.csv").exists());
}

#[test]
fn station_never_burns_a_token_left_in_place_twice() {
    let _g = serial();
    let records = temp_records("left");
    let batch = Batch::start(&["--random", "--count", "2"], &records);
    batch.next("waiting");
    let a = token("86596220000201", true, 0);
    let bridge = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    batch.next("burned");
    batch.next("lift");
    let apdus = bridge.apdus();
    // Left on the reader for a while: nothing more happens to it.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        bridge.apdus(),
        apdus,
        "the token left in place was talked to again"
    );
    lift(bridge, PORT0);
    batch.next("waiting");
    // Laid back on: recognised, not burned again.
    let bridge = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    let again = batch.next("already-burned");
    assert_eq!(again["serial"], "86596220000201");
    lift(bridge, PORT0);
    batch.next("waiting");
    let b = token("86596220000202", true, 0);
    let bridge = VpcdBridge::spawn(b, VpcdOptions::port(PORT0), |_| {});
    batch.next("burned");
    lift(bridge, PORT0);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    let o = run(&[
        "records",
        "list",
        "--json",
        "--records",
        records.to_str().unwrap(),
    ]);
    assert_eq!(json(&o)["records"].as_array().unwrap().len(), 2);
}

#[test]
fn station_records_a_lift_mid_burn_and_flags_the_token() {
    let _g = serial();
    let records = temp_records("lift");
    let batch = Batch::start(&["--random", "--count", "1"], &records);
    batch.next("waiting");
    let t = token("86596220000301", true, 0);
    // Lifted before the seed write (command 5 of the burn, 6th with identify).
    let mut opts = VpcdOptions::port(PORT0);
    opts.lift_after = Some(5);
    let bridge = VpcdBridge::spawn(t.clone(), opts, |_| {});
    let failed = batch.next("failed");
    assert_eq!(failed["serial"], "86596220000301");
    assert!(
        failed["error"]
            .as_str()
            .unwrap()
            .contains("left the reader"),
        "{failed}"
    );
    assert_eq!(failed["token_state"]["state"], "seed-maybe-written");
    batch.next("lift");
    wait_for("the lift", Duration::from_secs(5), || {
        !reader_has_token(READER0)
    });
    bridge.stop();
    settle();
    // The same token again: recognised as unfinished, then finished.
    batch.next("waiting");
    let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
    let flagged = batch.next("resuming");
    assert_eq!(flagged["serial"], "86596220000301");
    let burned = batch.next("burned");
    assert_eq!(burned["resumed"], true);
    lift(bridge, PORT0);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "the unfinished token was finished: {err}");
    let o = run(&[
        "records",
        "list",
        "--serial",
        "86596220000301",
        "--json",
        "--records",
        records.to_str().unwrap(),
    ]);
    let list = json(&o)["records"].as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["outcome"], "failed");
    assert_eq!(list[1]["outcome"], "ok");
}

#[test]
fn station_burns_a_user_list_in_order_and_refuses_duplicate_secrets() {
    let _g = serial();
    let records = temp_records("csv");
    let list = records.with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn,secret\nalice@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\nbob@contoso.com\n",
    )
    .unwrap();
    let batch = Batch::start(
        &["--csv", list.to_str().unwrap(), "--keep-secrets"],
        &records,
    );
    let w = batch.next("waiting");
    assert_eq!(w["next"], "alice@contoso.com");
    let a = token("86596000000401", false, 0);
    let bridge = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    let burned = batch.next("burned");
    assert_eq!(burned["upn"], "alice@contoso.com");
    assert_eq!(lock(&a).seed_for_tests().unwrap(), b"12345678901234567890");
    lift(bridge, PORT0);
    assert_eq!(batch.next("waiting")["next"], "bob@contoso.com");
    let b = token("86596000000402", false, 0);
    let bridge = VpcdBridge::spawn(b.clone(), VpcdOptions::port(PORT0), |_| {});
    assert_eq!(batch.next("burned")["upn"], "bob@contoso.com");
    lift(bridge, PORT0);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");

    // The export's exact bytes for this known batch.
    let entra = records.with_file_name("entra.csv");
    let o = export_entra(&records, &entra, "station passphrase");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(&entra).unwrap(),
        format!(
            "upn,serial number,secret key,time interval,manufacturer,model\n\
             alice@contoso.com,86596000000401,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Token2,miniOTP-2-i\n\
             bob@contoso.com,86596000000402,{},30,Token2,miniOTP-2-i\n",
            b32(lock(&b).seed_for_tests().unwrap())
        )
    );

    // A list that repeats a secret is refused before any token is touched.
    std::fs::write(&list, "a@x,JBSWY3DPEHPK3PXP\nb@x,jbswy3dpehpk3pxp\n").unwrap();
    let o = run(&[
        "batch",
        "--csv",
        list.to_str().unwrap(),
        "--records",
        records.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("lines 1 and 2 have the same secret") && !err.contains("JBSW"),
        "{err}"
    );
}

#[test]
fn station_without_keep_secrets_stores_none_and_entra_refuses_sha256() {
    let _g = serial();
    let records = temp_records("plain");
    let batch = Batch::start(
        &["--random", "--count", "1", "--algorithm", "sha256"],
        &records,
    );
    batch.next("waiting");
    let t = token("86596220000501", true, 0);
    let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
    batch.next("burned");
    lift(bridge, PORT0);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    let seed = lock(&t).seed_for_tests().unwrap().to_vec();
    let db = std::fs::read(&records).unwrap();
    for form in [seed.clone(), b32(&seed).into_bytes()] {
        assert!(!db.windows(form.len()).any(|w| w == form.as_slice()));
    }
    let o = export_entra(
        &records,
        std::path::Path::new("/tmp/never.csv"),
        "station passphrase",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("--keep-secrets"),
        "{}",
        text(&o.stderr)
    );

    // A SHA-256 batch with kept secrets: Entra export refused with the reason.
    let batch = Batch::start(
        &[
            "--random",
            "--count",
            "1",
            "--algorithm",
            "sha256",
            "--keep-secrets",
        ],
        &records,
    );
    batch.next("waiting");
    let t = token("86596220000502", true, 0);
    let bridge = VpcdBridge::spawn(t, VpcdOptions::port(PORT0), |_| {});
    batch.next("burned");
    lift(bridge, PORT0);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    let o = export_entra(
        &records,
        std::path::Path::new("/tmp/never.csv"),
        "station passphrase",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("accepts only SHA-1"),
        "{}",
        text(&o.stderr)
    );
}

// ---- Guarantees across runs: the records are the station's memory ----

fn records_json(records: &std::path::Path, serial: &str) -> Vec<Value> {
    let o = run(&[
        "records",
        "list",
        "--serial",
        serial,
        "--json",
        "--records",
        records.to_str().unwrap(),
    ]);
    json(&o)["records"].as_array().unwrap().clone()
}

/// Lay `t` (a model whose clock write erases it) on the first reader for
/// `batch`, and kill the batch (SIGKILL: no outcome can be written) while
/// the bridge holds back its answer to the clock/options write: the token
/// has its config, not its seed. Then lift it.
fn killed_at_config_write(mut batch: Batch, t: &totp_burner::emulator::SharedToken) {
    batch.next("waiting");
    let (at_config, go_on) = (mpsc::channel::<()>(), mpsc::channel::<()>());
    let (config_tx, go_rx) = (at_config.0, Mutex::new(go_on.1));
    let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), move |line| {
        if line.get(3..5) == Some("D4") {
            let _ = config_tx.send(());
            let _ = go_rx.lock().unwrap().recv_timeout(Duration::from_secs(10));
        }
    });
    at_config
        .1
        .recv_timeout(Duration::from_secs(10))
        .expect("the batch wrote the config");
    batch.child.kill().unwrap();
    batch.child.wait().unwrap();
    go_on.0.send(()).unwrap();
    assert!(lock(t).seed_for_tests().is_none(), "the token is blank");
    lift(bridge, PORT0);
}

#[test]
fn a_batch_killed_between_config_and_seed_leaves_an_interrupted_record_and_finishes_it() {
    let _g = serial();
    let records = temp_records("kill");
    let batch = Batch::start(&["--random", "--keep-secrets"], &records);
    let t = token("86596220000701", true, 0);
    killed_at_config_write(batch, &t);

    let list = records_json(&records, "86596220000701");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["outcome"], "interrupted");
    assert_eq!(list[0]["secret_kept"], true);
    let o = run(&["records", "list", "--records", records.to_str().unwrap()]);
    assert!(
        text(&o.stdout).contains("interrupted: the token may be blank; lay it on again"),
        "{}",
        text(&o.stdout)
    );

    // Interrupted: it cannot be handed out, and the reason is said.
    let assign_kim = || {
        let records = records.to_str().unwrap();
        run(&[
            "records",
            "assign",
            "--serial",
            "86596220000701",
            "--upn",
            "kim@contoso.com",
            "--records",
            records,
        ])
    };
    let o = assign_kim();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("interrupted"),
        "{}",
        text(&o.stderr)
    );

    // The next run finishes it with the kept secret.
    let batch = Batch::start(&["--random", "--count", "1", "--keep-secrets"], &records);
    batch.next("waiting");
    let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
    let resuming = batch.next("resuming");
    assert_eq!(resuming["same_secret"], true);
    assert_eq!(batch.next("burned")["resumed"], true);
    lift(bridge, PORT0);
    interrupt(&batch);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    // Finished: now it can be handed out, and exported with its user.
    assert_eq!(assign_kim().status.code(), Some(0));
    let entra = records.with_file_name("entra.csv");
    let o = export_entra(&records, &entra, "station passphrase");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let csv = std::fs::read_to_string(&entra).unwrap();
    let want = format!(
        "kim@contoso.com,86596220000701,{},30,Token2,OTPC-P2-i",
        b32(lock(&t).seed_for_tests().unwrap())
    );
    assert!(csv.lines().any(|l| l == want), "{csv}");
}

#[test]
fn a_user_list_stopped_and_started_again_never_burns_a_row_twice() {
    let _g = serial();
    let records = temp_records("restart");
    let list = records.with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn\nalice@contoso.com\nbob@contoso.com\ncarol@contoso.com\n",
    )
    .unwrap();
    let args = ["--csv", list.to_str().unwrap(), "--keep-secrets"];
    let batch = Batch::start(&args, &records);
    batch.next("waiting");
    let a = token("86596000000711", false, 0);
    let bridge = place(&a, PORT0, None);
    assert_eq!(batch.next("burned")["upn"], "alice@contoso.com");
    lift(bridge, PORT0);
    batch.next("waiting");
    interrupt(&batch); // Ctrl+C between tokens
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("Stopping"), "{err}");

    let batch = Batch::start(&args, &records);
    let cont = batch.next("continuing");
    assert_eq!(cont["done_rows"], serde_json::json!([1]));
    assert_eq!(cont["next_row"], 2);
    let b = token("86596000000712", false, 0);
    let bridge = place(&b, PORT0, None);
    let burned = batch.next("burned");
    assert_eq!(burned["upn"], "bob@contoso.com");
    assert_eq!(burned["row"], 2);
    assert_ne!(
        lock(&a).seed_for_tests().unwrap(),
        lock(&b).seed_for_tests().unwrap()
    );
    lift(bridge, PORT0);
    interrupt(&batch);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_token_burned_in_an_earlier_run_is_refused_without_reburn() {
    let _g = serial();
    let records = temp_records("reburn");
    let a = token("86596220000721", true, 0);
    let batch = Batch::start(&["--random", "--count", "1"], &records);
    batch.next("waiting");
    let bridge = place(&a, PORT0, None);
    batch.next("burned");
    lift(bridge, PORT0);
    assert_eq!(batch.finish().0, Some(0));
    let first = lock(&a).seed_for_tests().unwrap().to_vec();

    let batch = Batch::start(&["--random", "--count", "1"], &records);
    batch.next("waiting");
    let bridge = place(&a, PORT0, None);
    let refused = batch.next("already-burned");
    assert_eq!(refused["this_run"], false);
    assert!(refused["batch"].is_string(), "{refused}");
    assert_eq!(lock(&a).seed_for_tests().unwrap(), first.as_slice());
    lift(bridge, PORT0);
    interrupt(&batch);
    batch.finish();

    let batch = Batch::start(&["--random", "--count", "1", "--reburn"], &records);
    batch.next("waiting");
    let bridge = place(&a, PORT0, None);
    batch.next("burned");
    lift(bridge, PORT0);
    assert_eq!(batch.finish().0, Some(0));
    assert_ne!(lock(&a).seed_for_tests().unwrap(), first.as_slice());
}

#[test]
fn two_readers_burn_two_tokens_at_once_with_distinct_rows() {
    let _g = serial();
    let records = temp_records("two-readers");
    let list = records.with_file_name("users.csv");
    std::fs::write(&list, "upn\nalice@contoso.com\nbob@contoso.com\n").unwrap();
    let a = token("86596000000731", false, 0);
    let b = token("86596000000732", false, 0);
    let batch = Batch::start(&["--csv", list.to_str().unwrap()], &records);
    batch.next("waiting");
    let ba = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    let bb = VpcdBridge::spawn(b.clone(), VpcdOptions::port(PORT1), |_| {});
    let mut seen = Vec::new();
    for _ in 0..2 {
        let v = batch.next("burned");
        seen.push((
            v["reader"].as_str().unwrap().to_string(),
            v["upn"].as_str().unwrap().to_string(),
        ));
    }
    seen.sort();
    assert_eq!(seen[0].0, READER0);
    assert_eq!(seen[1].0, READER1);
    assert_ne!(seen[0].1, seen[1].1, "no row handed out twice");
    lift(ba, PORT0);
    lift(bb, PORT1);
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_burn_from_the_command_line_is_recorded_and_not_repeated_without_reburn() {
    let _g = serial();
    let t = token("86596220000741", true, 0);
    let bridge = place(&t, PORT0, None);
    let data = std::env::temp_dir().join(format!("tb-single-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let burn = |extra: &[&str]| {
        let mut c = Command::new(BIN);
        c.env("TOTP_BURNER_LANG", "en");
        c.env("TOTP_BURNER_DATA_DIR", &data)
            .args(["burn", "--secret", "-", "--json"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(SECRET_B32.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let o = burn(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = burn(&[]);
    assert_eq!(o.status.code(), Some(1), "refused: {}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("already burned"),
        "{}",
        text(&o.stderr)
    );
    assert!(text(&o.stderr).contains("--reburn"), "{}", text(&o.stderr));
    let o = burn(&["--reburn"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    lift(bridge, PORT0);
    let list = Command::new(BIN)
        .env("TOTP_BURNER_LANG", "en")
        .env("TOTP_BURNER_DATA_DIR", &data)
        .args(["records", "list", "--json"])
        .output()
        .unwrap();
    let list = json(&list)["records"].as_array().unwrap().clone();
    assert_eq!(list.len(), 2, "{list:?}");
    assert!(
        list.iter()
            .all(|r| r["outcome"] == "ok" && r["reader"] == READER0)
    );
    let flags = list[1]["flags"].as_str().unwrap();
    assert!(flags.split(',').any(|f| f == "reburn"), "{flags}");
    assert!(
        list[0]["flags"]
            .as_str()
            .is_none_or(|f| !f.contains("reburn"))
    );
}

/// Issue 21, as reproduced on main: two `batch` processes on the two
/// virtual readers, one user list and one records file, started together.
/// Each row reaches one token; the list continues across the processes,
/// and both end by themselves when its last row is taken at either.
#[test]
fn two_batch_processes_on_one_list_burn_distinct_rows() {
    let records = temp_records("two-stations");
    let file = Station {
        name: "st-a",
        records: records.to_str().unwrap(),
        env: vec![],
    };
    two_stations(
        &file,
        &Station {
            name: "st-b",
            ..file.clone()
        },
    );
}

/// The same with the records on a PostgreSQL server (the throw-away one of
/// `./dev.sh test`) set up as an administrator does: `records init` (the
/// fleet's key under the passphrase), one login per station with
/// `records add-station`, each station's password in PGPASSWORD as libpq
/// takes it. The stations seal kept secrets without the passphrase, their
/// records carry their logins' names, and the Entra export made on the
/// administrator's side holds exactly the secrets the two stations burned.
#[test]
fn two_batch_processes_on_a_postgresql_server_burn_distinct_rows() {
    let fleet = Fleet::new("two_stations");
    let password = fleet.password.clone();
    let logins = fleet.stations(&["a", "b"]);
    let urls: Vec<String> = logins.iter().map(|l| fleet.url_of(l)).collect();
    let station = |i: usize| Station {
        name: &logins[i],
        records: &urls[i],
        env: vec![("PGPASSWORD", password.as_str())],
    };
    let seeds = two_stations(&station(0), &station(1));
    let entra = temp_records("two-stations-pg").with_file_name("entra.csv");
    let entra_path = entra.to_str().unwrap();
    fleet.admin(&["records", "export", "--entra", entra_path], &[]);
    let exported = std::fs::read_to_string(&entra).unwrap();
    for (serial, seed) in seeds {
        assert!(
            exported.contains(&format!("{serial},{}", b32(&seed))),
            "{serial} missing from {exported}"
        );
    }
}

/// A records server set up as an administrator does it: a fresh database,
/// `records init` (the fleet's key under the passphrase), and station
/// logins made with `records add-station`, all with one test password.
struct Fleet {
    admin_url: String,
    password: String,
}

impl Fleet {
    fn new(name: &str) -> Fleet {
        let fleet = Fleet {
            admin_url: common::pg::url(&common::pg::fresh_db(name)),
            password: format!("station-{}", std::process::id()),
        };
        fleet.admin(&["records", "init"], &[]);
        fleet
    }

    /// Run `totp-burner ARGS --records ADMIN_URL` as the administrator.
    fn admin(&self, args: &[&str], extra: &[(&str, &str)]) -> std::process::Output {
        let o = bin()
            .args(args)
            .args(["--records", &self.admin_url])
            .env("PGPASSWORD", common::pg::password())
            .env("TOTP_BURNER_PASSPHRASE", "station passphrase")
            .envs(extra.iter().copied())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        o
    }

    /// Station logins for these names (this run's own: logins are the server's).
    fn stations(&self, names: &[&str]) -> Vec<String> {
        names
            .iter()
            .map(|n| {
                let login = format!("st_{n}_{}", std::process::id());
                self.admin(
                    &["records", "add-station", &login],
                    &[("TOTP_BURNER_STATION_PASSWORD", &self.password)],
                );
                login
            })
            .collect()
    }

    /// A station's address.
    fn url_of(&self, login: &str) -> String {
        self.admin_url.replace("postgres@", &format!("{login}@"))
    }
}

/// One station of [`two_stations`]: its name in the records, its records
/// and the environment it gets.
#[derive(Clone)]
struct Station<'a> {
    name: &'a str,
    records: &'a str,
    env: Vec<(&'a str, &'a str)>,
}

/// Two `batch` processes, one per virtual reader, on one three-user list,
/// each on its records: the serials and the secrets they hold.
fn two_stations(sa: &Station<'_>, sb: &Station<'_>) -> Vec<(String, Vec<u8>)> {
    let _g = serial();
    let list = temp_records("two-stations-list").with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn,secret\n\
         user0@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n\
         user1@contoso.com,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK\n\
         user2@contoso.com,ONSWG4TFORSWG4TFORSWG4TFORSWG4TF\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();
    let a_run = Batch::start_env(
        &[
            "--csv",
            list,
            "--reader",
            READER0,
            "--station",
            sa.name,
            "--keep-secrets",
        ],
        std::path::Path::new(sa.records),
        &sa.env,
    );
    let b_run = Batch::start_env(
        &[
            "--csv",
            list,
            "--reader",
            READER1,
            "--station",
            sb.name,
            "--keep-secrets",
        ],
        std::path::Path::new(sb.records),
        &sb.env,
    );
    a_run.next("waiting");
    b_run.next("waiting");
    let (a, b) = (
        token("86596220000061", false, 0),
        token("86596220000062", false, 0),
    );
    let bridge_a = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    let bridge_b = VpcdBridge::spawn(b.clone(), VpcdOptions::port(PORT1), |_| {});
    let upn_a = a_run.next("burned")["upn"].clone();
    let upn_b = b_run.next("burned")["upn"].clone();
    assert_ne!(upn_a, upn_b, "one user burned into two tokens");
    let seed = |t: &totp_burner::emulator::SharedToken| lock(t).seed_for_tests().unwrap().to_vec();
    assert_ne!(seed(&a), seed(&b));
    lift(bridge_a, PORT0);
    lift(bridge_b, PORT1);
    let c = token("86596220000063", false, 0);
    let bridge_c = VpcdBridge::spawn(c.clone(), VpcdOptions::port(PORT0), |_| {});
    let upn_c = a_run.next("burned")["upn"].clone();
    lift(bridge_c, PORT0);
    let mut upns = vec![upn_a, upn_b, upn_c];
    upns.sort_by_key(|v| v.to_string());
    assert_eq!(
        upns,
        vec![
            "user0@contoso.com",
            "user1@contoso.com",
            "user2@contoso.com"
        ]
    );
    let (code, err) = a_run.finish();
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = b_run.finish();
    assert_eq!(code, Some(0), "{err}");

    // The records: three ok burns, one per user, each by its station.
    let o = bin()
        .args(["records", "list", "--json", "--records", sa.records])
        .envs(sa.env.iter().copied())
        .output()
        .unwrap();
    let all = json(&o)["records"].as_array().unwrap().clone();
    let ok: Vec<&Value> = all.iter().filter(|r| r["outcome"] == "ok").collect();
    assert_eq!(ok.len(), 3, "{all:?}");
    let mut users: Vec<String> = ok.iter().map(|r| r["upn"].to_string()).collect();
    users.sort();
    users.dedup();
    assert_eq!(users.len(), 3, "{all:?}");
    let stations: Vec<&str> = ok.iter().filter_map(|r| r["station"].as_str()).collect();
    assert!(
        stations.contains(&sa.name) && stations.contains(&sb.name),
        "{stations:?}"
    );
    [
        ("86596220000061", &a),
        ("86596220000062", &b),
        ("86596220000063", &c),
    ]
    .into_iter()
    .map(|(serial, t)| (serial.to_string(), seed(t)))
    .collect()
}

/// A fleet on a PostgreSQL server: station A is killed (SIGKILL) between a
/// token's clock/options write and its secret write; laid on station B,
/// the token is found interrupted and finished there: with its list row's
/// secret when it came from a list (B has the list), with a new secret
/// that supersedes the old one in a random batch (B cannot open A's kept
/// secret, and does not need to). The Entra export then holds exactly
/// what each token holds.
#[test]
fn a_station_killed_mid_burn_on_a_server_is_finished_at_another_station() {
    let fleet = Fleet::new("killed");
    let password = fleet.password.clone();
    let urls: Vec<String> = fleet
        .stations(&["ka", "kb"])
        .iter()
        .map(|l| fleet.url_of(l))
        .collect();
    let env = [("PGPASSWORD", password.as_str())];
    let _g = serial();
    let list = temp_records("killed-list").with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn,secret\n\
         kim@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n\
         lee@contoso.com,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();

    // Kill a station at a token's config write; the token is left blank.
    let killed_at_config = |args: &[&str], url: &str, serial: &str| {
        let batch = Batch::start_env(args, std::path::Path::new(url), &env);
        let t = token(serial, true, 0);
        killed_at_config_write(batch, &t);
        t
    };
    // Finish it on station B's reader.
    let finished_at_b = |args: &[&str], t: &totp_burner::emulator::SharedToken| {
        let b = Batch::start_env(args, std::path::Path::new(&urls[1]), &env);
        b.next("waiting");
        let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT1), |_| {});
        let resuming = b.next("resuming");
        let burned = b.next("burned");
        assert_eq!(burned["resumed"], true);
        lift(bridge, PORT1);
        interrupt(&b);
        let (code, err) = b.finish();
        assert_eq!(code, Some(0), "{err}");
        (resuming, burned)
    };

    let listed = ["--csv", list, "--keep-secrets", "--reader"];
    let a_args = [&listed[..], &[READER0]].concat();
    let b_args = [&listed[..], &[READER1]].concat();
    let t1 = killed_at_config(&a_args, &urls[0], "86596220000801");
    let (resuming, burned) = finished_at_b(&b_args, &t1);
    assert_eq!(resuming["same_secret"], true, "{resuming}");
    assert_eq!(burned["upn"], "kim@contoso.com");
    assert_eq!(
        lock(&t1).seed_for_tests().unwrap(),
        b"12345678901234567890",
        "kim's secret from the list"
    );

    let random = ["--random", "--keep-secrets", "--reader"];
    let t2 = killed_at_config(
        &[&random[..], &[READER0]].concat(),
        &urls[0],
        "86596220000802",
    );
    let (resuming, _) = finished_at_b(&[&random[..], &[READER1]].concat(), &t2);
    assert_eq!(resuming["same_secret"], false, "{resuming}");

    // Kim's token goes to Entra with kim; the random one to the unassigned
    // list (no user yet): each with what it holds now.
    let entra = temp_records("killed-entra").with_file_name("entra.csv");
    let unassigned = entra.with_file_name("unassigned.csv");
    fleet.admin(
        &[
            "records",
            "export",
            "--entra",
            entra.to_str().unwrap(),
            "--unassigned",
            unassigned.to_str().unwrap(),
        ],
        &[],
    );
    let exported =
        std::fs::read_to_string(&entra).unwrap() + &std::fs::read_to_string(&unassigned).unwrap();
    for t in [&t1, &t2] {
        let guard = lock(t);
        let serial = guard.serial().to_string();
        let seed = b32(guard.seed_for_tests().unwrap());
        let line = exported
            .lines()
            .find(|l| l.contains(&serial))
            .unwrap_or_else(|| panic!("{serial} missing from {exported}"));
        assert!(
            line.contains(&seed),
            "{line} does not hold the token's {seed}"
        );
    }
}
