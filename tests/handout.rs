//! Hand-out without hardware: which tokens may be handed out (and the
//! reason when not), re-assignment (the latest wins in the Entra export),
//! the export of tokens with a user only (exact bytes, the others listed
//! and written apart), live codes from kept secrets, the receipt, and the
//! `records assign | codes | receipt` commands on a records file.

mod common;

use age::secrecy::SecretString;
use common::{bin, json, text};
use totp_burner::explain::{self, AssignHow};
use totp_burner::params::{HmacAlgorithm, TimeStep};
use totp_burner::secret::Secret;
use totp_burner::secret::totp::code_at;
use totp_burner::station::export::{self, ExportError};
use totp_burner::station::handout::{self, HandoutError};
use totp_burner::station::receipt::{self, ReceiptFor};
use totp_burner::station::records::testing;
use totp_burner::station::records::{HeldState, NewRecord, Outcome, Store};
use totp_burner::station::vault::Vault;

const PASS: &str = "hand-out passphrase";

fn temp_db(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("totp-burner-handout-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("records.sqlite")
}

fn burn(serial: &str, outcome: Outcome) -> NewRecord {
    NewRecord {
        reader: "Virtual PCD 00 00".into(),
        serial: Some(serial.into()),
        model: Some("OTPC-P2-i".into()),
        algorithm: Some("sha1".into()),
        period: Some(30),
        display_timeout: Some(30),
        outcome,
        op_id: Some(format!("op-{serial}-{outcome:?}")),
        batch: Some("box-1".into()),
        ..Default::default()
    }
}

/// Three tokens burned with kept secrets (secret i is `secret-i-…`), one
/// never finished, one failed after touching the token, one failed
/// untouched after a good burn.
fn store(name: &str) -> (std::path::PathBuf, Store) {
    let path = temp_db(name);
    let store = Store::open(&path, Some("desk-3")).unwrap();
    let vault = Vault::unlock_or_create(&store, &SecretString::from(PASS.to_string())).unwrap();
    for i in 1..=3 {
        let (enc, key) = vault.seal(&secret(i)).unwrap();
        store
            .add(&NewRecord {
                secret_enc: Some(enc),
                key_id: Some(key),
                ..burn(&format!("8659622000000{i}"), Outcome::Ok)
            })
            .unwrap();
    }
    store
        .add(&burn("86596220000004", Outcome::Started))
        .unwrap();
    store
        .add(&NewRecord {
            error_code: Some("token-removed".into()),
            token_state: Some(HeldState::SeedMaybeWritten),
            ..burn("86596220000005", Outcome::Failed)
        })
        .unwrap();
    store.add(&burn("86596220000006", Outcome::Ok)).unwrap();
    store
        .add(&NewRecord {
            op_id: Some("op-6-again".into()),
            error_code: Some("wrong-card".into()),
            token_state: Some(HeldState::Untouched),
            ..burn("86596220000006", Outcome::Failed)
        })
        .unwrap();
    (path, store)
}

fn secret(i: u8) -> Vec<u8> {
    format!("secret-{i}-abcdefghijkl").into_bytes()
}

fn b32(i: u8) -> String {
    data_encoding::BASE32_NOPAD.encode(&secret(i))
}

#[test]
fn only_tokens_holding_a_good_burn_are_handed_out_and_the_reason_is_said() {
    let (_, s) = store("rules");
    let refused =
        |serial: &str| handout::assign(&s, serial, "a@contoso.com", None, false).unwrap_err();
    let e = refused("86596220000099");
    assert!(matches!(e, HandoutError::NeverBurned { .. }));
    assert!(explain::handout_error(&e).problem.contains("never burned"));
    let e = refused("86596220000004");
    assert!(matches!(e, HandoutError::Interrupted { .. }));
    assert!(
        explain::handout_error(&e)
            .next_step
            .contains("finish the burn")
    );
    let e = refused("86596220000005");
    assert!(matches!(e, HandoutError::LastBurnFailed { .. }));
    assert!(
        explain::handout_error(&e)
            .problem
            .contains("left the reader"),
        "{}",
        explain::handout_error(&e).problem
    );
    // Bad input, refused before the records are looked at.
    assert!(matches!(
        handout::assign(&s, "8659 6220 0000 01", "not a upn", None, false),
        Err(HandoutError::BadUpn { .. })
    ));
    assert!(matches!(
        handout::assign(&s, "86596220000001;", "a@contoso.com", None, false),
        Err(HandoutError::BadSerial { .. })
    ));
    assert!(
        s.assignments(None).unwrap().is_empty(),
        "nothing refused was recorded"
    );
    // A failure that wrote nothing leaves the good burn before it.
    let ok = handout::assign(&s, "86596220000006", "f@contoso.com", None, false).unwrap();
    assert!(!ok.secret_kept);
    assert!(explain::assigned(&ok).contains("not kept"));
    // Spaces in a typed serial are dropped; a re-assignment says whose it was.
    let a = handout::assign(&s, "8659 6220 0000 01", "alice@contoso.com", None, false).unwrap();
    assert_eq!((a.serial.as_str(), a.previous), ("86596220000001", None));
    let b = handout::assign(
        &s,
        "86596220000001",
        "bob@contoso.com",
        Some("Virtual PCD 00 00"),
        false,
    )
    .unwrap();
    assert_eq!(b.previous.as_deref(), Some("alice@contoso.com"));
    assert!(explain::assigned(&b).contains("it was alice@contoso.com's"));
    let rows = s.assignments(Some("86596220000001")).unwrap();
    assert_eq!(rows.len(), 2, "both hand-outs recorded");
    assert_eq!(rows[1].station, "desk-3");
    assert_eq!(rows[1].reader.as_deref(), Some("Virtual PCD 00 00"));
    assert!(
        testing::try_tamper_assignments(&s),
        "hand-outs are append-only"
    );
}

#[test]
fn the_entra_export_holds_the_tokens_handed_out_with_their_latest_user() {
    let (path, s) = store("export");
    let pass = SecretString::from(PASS.to_string());
    let out = path.with_file_name("entra.csv");
    // Nobody handed out yet: no Entra file, every token listed.
    assert_eq!(export::entra_count(&s, None, false).unwrap(), (0, 3));
    let sum = export::export_entra(&s, &pass, None, &out, None, false).unwrap();
    assert_eq!(sum.written, 0);
    assert_eq!(sum.unassigned.len(), 3);
    assert!(!out.exists(), "no Entra file without a user");
    let words = explain::nobody_assigned(3, AssignHow::Command);
    assert!(words.next_step.contains("records assign"));

    handout::assign(&s, "86596220000001", "alice@contoso.com", None, false).unwrap();
    handout::assign(&s, "86596220000003", "carol@contoso.com", None, false).unwrap();
    handout::assign(&s, "86596220000001", "bob@contoso.com", None, false).unwrap();
    let rest = path.with_file_name("unassigned.csv");
    let sum = export::export_entra(&s, &pass, Some("box-1"), &out, Some(&rest), false).unwrap();
    assert_eq!(sum.written, 2);
    assert_eq!(sum.batches, vec!["box-1".to_string()]);
    assert_eq!(sum.unassigned.len(), 1);
    assert_eq!(sum.unassigned[0].serial, "86596220000002");
    assert!(sum.unassigned_written);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        format!(
            "upn,serial number,secret key,time interval,manufacturer,model\n\
             bob@contoso.com,86596220000001,{},30,Token2,OTPC-P2-i\n\
             carol@contoso.com,86596220000003,{},30,Token2,OTPC-P2-i\n",
            b32(1),
            b32(3)
        )
    );
    assert_eq!(
        std::fs::read_to_string(&rest).unwrap(),
        format!(
            "upn,serial number,secret key,time interval,manufacturer,model\n\
             ,86596220000002,{},30,Token2,OTPC-P2-i\n",
            b32(2)
        )
    );
    let lines = explain::entra_exported(&sum, &out, Some(&rest), AssignHow::Command);
    assert!(
        lines[0].starts_with("Wrote 2 tokens of batch box-1 to"),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains(
        "86596220000002 (OTPC-P2-i, batch box-1): totp-burner records assign --serial 86596220000002"
    )));
    assert!(lines.last().unwrap().contains("unassigned.csv"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in [&out, &rest] {
            let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
    // A user from a list (the burn's UPN) counts too, until a hand-out.
    let vault = Vault::unlock_or_create(&s, &pass).unwrap();
    let (enc, key) = vault.seal(&secret(7)).unwrap();
    s.add(&NewRecord {
        upn: Some("dave@contoso.com".into()),
        secret_enc: Some(enc),
        key_id: Some(key),
        ..burn("86596220000007", Outcome::Ok)
    })
    .unwrap();
    let kept = export::kept_tokens(&s, None).unwrap();
    let dave = kept
        .iter()
        .find(|k| k.serial() == "86596220000007")
        .unwrap();
    assert_eq!(dave.upn.as_deref(), Some("dave@contoso.com"));
    // A wrong passphrase writes nothing.
    let never = path.with_file_name("never.csv");
    let wrong = SecretString::from("wrong".to_string());
    assert!(matches!(
        export::export_entra(&s, &wrong, None, &never, Some(&never), false),
        Err(ExportError::WrongPassphrase)
    ));
    assert!(!never.exists());
}

#[test]
fn live_codes_are_those_of_the_kept_secrets_of_tokens_handed_out() {
    let (_, s) = store("codes");
    let pass = SecretString::from(PASS.to_string());
    assert!(matches!(
        handout::live_tokens(&s, &pass, None),
        Err(ExportError::Nothing)
    ));
    handout::assign(&s, "86596220000002", "bob@contoso.com", None, false).unwrap();
    let live = handout::live_tokens(&s, &pass, None).unwrap();
    assert_eq!(live.len(), 1);
    assert_eq!(
        (live[0].serial.as_str(), live[0].upn.as_str()),
        ("86596220000002", "bob@contoso.com")
    );
    let at = 1_750_000_000;
    let want = code_at(
        &Secret::new(secret(2)),
        HmacAlgorithm::Sha1,
        TimeStep::Seconds30,
        at,
    );
    let codes = live[0].codes(at);
    assert_eq!(codes.current, want);
    assert_eq!(codes.seconds_left, 30 - at % 30);
    assert!(
        !format!("{live:?}").contains(&b32(2)),
        "Debug shows no secret"
    );
}

#[test]
fn the_receipt_names_serial_user_and_steps_and_escapes_them() {
    let (_, s) = store("receipt");
    handout::assign(&s, "86596220000001", "o'neil<x>@contoso.com", None, false).unwrap_err();
    handout::assign(&s, "86596220000001", "alice@contoso.com", None, false).unwrap();
    handout::assign(&s, "86596220000003", "carol@contoso.com", None, false).unwrap();
    let alice = receipt::receipt_tokens(&s, ReceiptFor::User("ALICE@contoso.com")).unwrap();
    assert_eq!(alice.len(), 1);
    let batch = receipt::receipt_tokens(&s, ReceiptFor::Batch("box-1")).unwrap();
    assert_eq!(batch.len(), 2);
    let html = receipt::receipt_html(&batch);
    for want in [
        "86596220000001",
        "alice@contoso.com",
        "carol@contoso.com",
        "desk-3",
        "Switch on",
        "Compare the code",
        "Sign in",
    ] {
        assert!(html.contains(want), "{want} missing");
    }
    assert_eq!(html.matches("<section>").count(), 2, "a page per token");
    for i in 1..=3 {
        assert!(!html.contains(&b32(i)), "no secret on a receipt");
    }
    let mut odd = batch[0].clone();
    odd.upn = "<script>@x.com".into();
    assert!(receipt::receipt_html(&[odd]).contains("&lt;script&gt;@x.com"));
}

#[test]
fn records_assign_codes_and_receipt_on_the_command_line() {
    let (path, s) = store("cli");
    drop(s);
    let records = path.to_str().unwrap();
    let users = path.with_file_name("users.csv");
    std::fs::write(
        &users,
        "displayName,userPrincipalName\nAlice Smith,alice@contoso.com\nBob Jones,bob@contoso.com\n",
    )
    .unwrap();
    // Typed serial, user picked from the list by part of the name.
    let o = bin()
        .args(["records", "assign", "--serial", "86596220000001", "--users"])
        .arg(&users)
        .args([
            "--upn",
            "jones",
            "--station",
            "desk-9",
            "--records",
            records,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("Token 86596220000001 handed out to bob@contoso.com."));
    // Picked by its number on standard input.
    let mut c = bin()
        .args([
            "records",
            "assign",
            "--serial",
            "86596220000002",
            "--json",
            "--users",
        ])
        .arg(&users)
        .args(["--records", records])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    c.stdin.take().unwrap().write_all(b"1\n").unwrap();
    let o = c.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("   1  Alice Smith <alice@contoso.com>"));
    assert_eq!(json(&o)["upn"], "alice@contoso.com");
    assert_eq!(json(&o)["reader"], serde_json::Value::Null);
    // Refused: interrupted, with the reason and exit 1; a bad UPN is usage.
    let o = bin()
        .args([
            "records",
            "assign",
            "--serial",
            "86596220000004",
            "--upn",
            "x@contoso.com",
        ])
        .args(["--records", records])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("interrupted"),
        "{}",
        text(&o.stderr)
    );
    let o = bin()
        .args([
            "records",
            "assign",
            "--serial",
            "86596220000003",
            "--upn",
            "x y",
        ])
        .args(["--records", records])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stored = Store::open(&path, None).unwrap().assignments(None).unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].station, "desk-9");

    // Codes: both handed-out tokens, never a secret.
    let o = bin()
        .args(["records", "codes", "--json", "--records", records])
        .env("TOTP_BURNER_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    let at = v["at"].as_u64().unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 2);
    for (t, i) in tokens.iter().zip([1u8, 2]) {
        let want = code_at(
            &Secret::new(secret(i)),
            HmacAlgorithm::Sha1,
            TimeStep::Seconds30,
            at,
        );
        assert_eq!(t["code"], want.as_str());
    }
    for i in 1..=3 {
        assert!(!text(&o.stdout).contains(&b32(i)));
    }

    // Export with the unassigned file; the words name the batch and count.
    let entra = path.with_file_name("entra.csv");
    let rest = path.with_file_name("rest.csv");
    let o = bin()
        .args(["records", "export", "--entra"])
        .arg(&entra)
        .arg("--unassigned")
        .arg(&rest)
        .args(["--records", records])
        .env("TOTP_BURNER_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("Wrote 2 tokens of batch box-1 to"), "{out}");
    assert!(
        out.contains("records assign --serial 86596220000003"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&rest).unwrap().lines().count(), 2);

    // The receipt for a batch.
    let html = path.with_file_name("receipt.html");
    let o = bin()
        .args(["records", "receipt", "--batch", "box-1", "--html"])
        .arg(&html)
        .args(["--records", records])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("bob@contoso.com") && page.contains("alice@contoso.com"));
    assert!(page.contains("desk-9"));
}

/// Issue 22: a token whose code check after the burn did not match or was
/// skipped is flagged: handing it out or exporting it for Entra asks first
/// (refused with the reason, taken when told to), here and on the command
/// line.
#[test]
fn tokens_whose_check_failed_are_handed_out_and_exported_only_when_told() {
    use totp_burner::station::records::Check;
    let (path, s) = store("unchecked");
    s.add_check(
        "op-86596220000001-Ok",
        Some("86596220000001"),
        Check::Mismatched,
    )
    .unwrap();
    s.add_check(
        "op-86596220000002-Ok",
        Some("86596220000002"),
        Check::Skipped,
    )
    .unwrap();
    s.add_check(
        "op-86596220000003-Ok",
        Some("86596220000003"),
        Check::Matched,
    )
    .unwrap();
    for (serial, words) in [
        ("86596220000001", "did not match"),
        ("86596220000002", "was skipped"),
    ] {
        let e = handout::assign(&s, serial, "a@contoso.com", None, false).unwrap_err();
        assert!(matches!(e, HandoutError::Unchecked { .. }), "{e:?}");
        let x = explain::handout_error(&e);
        assert!(x.problem.contains(words), "{}", x.problem);
        assert!(
            x.next_step.contains("--accept-unchecked"),
            "{}",
            x.next_step
        );
    }
    assert!(
        s.assignments(None).unwrap().is_empty(),
        "nothing refused was recorded"
    );
    handout::assign(&s, "86596220000003", "c@contoso.com", None, false).unwrap();
    handout::assign(&s, "86596220000002", "b@contoso.com", None, true).unwrap();

    // The Entra export: refused, naming both, before the passphrase.
    let e = export::entra_count(&s, None, false).unwrap_err();
    let ExportError::Unchecked { serials } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(serials, &["86596220000001", "86596220000002"]);
    let pass = SecretString::from(PASS.to_string());
    let out = path.with_file_name("entra-unchecked.csv");
    assert!(matches!(
        export::export_entra(&s, &pass, None, &out, None, false),
        Err(ExportError::Unchecked { .. })
    ));
    assert!(!out.exists(), "nothing written on a refusal");
    let sum = export::export_entra(&s, &pass, None, &out, None, true).unwrap();
    assert_eq!(sum.written, 2, "told to: the two handed out");
    drop(s);

    // On the command line: refused with exit 1 and the switch named, then
    // taken with --accept-unchecked.
    let records = path.to_str().unwrap();
    let assign = |extra: &[&str]| {
        bin()
            .args(["records", "assign", "--serial", "86596220000001"])
            .args(["--upn", "a@contoso.com", "--records", records])
            .args(extra)
            .output()
            .unwrap()
    };
    let o = assign(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("did not match"),
        "{}",
        text(&o.stderr)
    );
    let o = assign(&["--accept-unchecked"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = bin()
        .args(["records", "export", "--entra"])
        .arg(path.with_file_name("entra-cli.csv"))
        .args(["--records", records])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("86596220000001, 86596220000002")
            && text(&o.stderr).contains("--accept-unchecked"),
        "{}",
        text(&o.stderr)
    );
}
