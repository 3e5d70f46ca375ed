//! The station through a real pcscd and the vpcd virtual readers: `batch`
//! burning random tokens and user lists, what the records remember across
//! runs (a token left in place, lifted mid-burn, killed between its config
//! and its seed, burned in an earlier run), two readers at once, and the
//! exports made from those records. Serial: one daemon, fixed ports.

mod common;

use common::pcsc::*;
use common::{BIN, bin, json, text};
use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::Duration;
use totp_burner::emulator::lock;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};

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
