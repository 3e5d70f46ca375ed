//! Hand-out end to end through a real pcscd and the vpcd virtual reader: a
//! random batch of three tokens with kept secrets, two handed out (one
//! serial read from the token on the reader, one typed), one of them
//! handed out again; the Entra export holds exactly those two with their
//! latest users and their secrets, the third is listed and written apart,
//! and `records codes` shows the codes the emulated tokens show. Needs
//! pcscd with the vpcd driver (`./dev.sh test` starts it).

mod common;

use common::pcsc::*;
use common::{bin, json, text};
use std::process::Output;
use totp_burner::emulator::lock;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};

const PASSPHRASE: &str = "station passphrase";

fn records_cmd(records: &std::path::Path, args: &[&str]) -> Output {
    bin()
        .arg("records")
        .args(args)
        .arg("--records")
        .arg(records)
        .env("TOTP_BURNER_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap()
}

#[test]
fn a_random_batch_handed_out_exports_its_users_and_shows_the_tokens_codes() {
    let _g = serial();
    let records = temp_records("handout");
    let batch = Batch::start(
        &[
            "--random",
            "--count",
            "3",
            "--keep-secrets",
            "--station",
            "desk-h",
        ],
        &records,
    );
    let mut tokens = Vec::new();
    for i in 0..3 {
        batch.next("waiting");
        let serial = format!("8659622000{:04}", 900 + i);
        let t = token(&serial, true, -20);
        let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
        assert_eq!(batch.next("burned")["serial"], serial.as_str());
        batch.next("lift");
        lift(bridge, PORT0);
        tokens.push((serial, t));
    }
    let (code, err) = batch.finish();
    assert_eq!(code, Some(0), "{err}");
    let batch_id = json(&records_cmd(&records, &["list", "--json"]))["records"][0]["batch"]
        .as_str()
        .unwrap()
        .to_string();
    let seed = |i: usize| b32(lock(&tokens[i].1).seed_for_tests().unwrap());

    // Token 0 through the reader: its serial is read from the token.
    let bridge = place(&tokens[0].1, PORT0, None);
    let o = records_cmd(
        &records,
        &["assign", "--upn", "alice@contoso.com", "--json"],
    );
    lift(bridge, PORT0);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["serial"], tokens[0].0.as_str());
    assert_eq!(v["reader"], READER0);
    assert_eq!(v["secret_kept"], true);
    // Token 1 typed; then token 0 handed out again, to another user.
    let o = records_cmd(
        &records,
        &[
            "assign",
            "--serial",
            &tokens[1].0,
            "--upn",
            "bob@contoso.com",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = records_cmd(
        &records,
        &[
            "assign",
            "--serial",
            &tokens[0].0,
            "--upn",
            "carol@contoso.com",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("(it was alice@contoso.com's)"),
        "{}",
        text(&o.stdout)
    );
    // A serial never burned is refused with the reason.
    let o = records_cmd(
        &records,
        &[
            "assign",
            "--serial",
            "86596220009999",
            "--upn",
            "x@contoso.com",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("never burned"),
        "{}",
        text(&o.stderr)
    );

    // The Entra export: exactly the two handed out, latest users, their secrets.
    let entra = records.with_file_name("entra.csv");
    let later = records.with_file_name("unassigned.csv");
    let (e, l) = (entra.to_str().unwrap(), later.to_str().unwrap());
    let o = records_cmd(&records, &["export", "--entra", e, "--unassigned", l]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains(&format!("Wrote 2 tokens of batch {batch_id} to")),
        "{out}"
    );
    assert!(
        out.contains(&format!("records assign --serial {} --upn", tokens[2].0)),
        "the unassigned token is listed with the command: {out}"
    );
    assert_eq!(
        std::fs::read_to_string(&entra).unwrap(),
        format!(
            "upn,serial number,secret key,time interval,manufacturer,model\n\
             carol@contoso.com,{},{},30,Token2,OTPC-P2-i\n\
             bob@contoso.com,{},{},30,Token2,OTPC-P2-i\n",
            tokens[0].0,
            seed(0),
            tokens[1].0,
            seed(1)
        )
    );
    assert_eq!(
        std::fs::read_to_string(&later).unwrap(),
        format!(
            "upn,serial number,secret key,time interval,manufacturer,model\n\
             ,{},{},30,Token2,OTPC-P2-i\n",
            tokens[2].0,
            seed(2)
        )
    );

    // The codes: those the two emulated tokens show, and no secret.
    away_from_step_boundary();
    let o = records_cmd(&records, &["codes", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    let listed = v["tokens"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    for (i, upn) in [(0, "carol@contoso.com"), (1, "bob@contoso.com")] {
        let row = listed
            .iter()
            .find(|r| r["serial"] == tokens[i].0.as_str())
            .unwrap();
        assert_eq!(row["upn"], upn);
        let shown = lock(&tokens[i].1).code_after_power_cycle().unwrap();
        assert_eq!(row["code"], shown.as_str(), "token {}", tokens[i].0);
    }
    let o = records_cmd(&records, &["codes"]);
    let table = text(&o.stdout);
    assert!(table.contains("carol@contoso.com") && table.contains("bob@contoso.com"));
    assert!(table.contains(" s\n"), "seconds left: {table}");
    for i in 0..3 {
        assert!(!table.contains(&seed(i)) && !text(&o.stderr).contains(&seed(i)));
    }
}
