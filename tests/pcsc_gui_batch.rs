//! A GUI station and a CLI station on one user list and one records file
//! at once (issue 21: the app's Station view and `batch` shared an
//! allocator only inside one process). The app (egui_kittest, its station
//! on two in-process virtual readers) and a `batch` process on the first
//! vpcd reader through a real pcscd take turns burning tokens: every row
//! goes to one token, and each token holds its row's secret.

mod common;

use common::gui::{click, demo, demo_app, pump, token_identified};
use common::pcsc::*;
use std::sync::Arc;
use totp_burner::app::station::{StationHardware, StationState};
use totp_burner::clock::ManualClock;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};
use totp_burner::emulator::{self, EmulatorLink, SharedToken, lock};
use totp_burner::station::records::{Store, StoreLocation};

const KEEP: &str = "Keep secrets (encrypted) for the Entra ID export";
const ROWS: usize = 6;

fn secret_of(row: usize) -> Vec<u8> {
    vec![b'a' + row as u8; 20]
}

#[test]
fn the_app_station_and_a_batch_process_share_one_list() {
    let _g = serial();
    let records = temp_records("gui-and-batch");
    let list = records.with_file_name("users.csv");
    let mut csv = String::from("upn,secret\n");
    for row in 0..ROWS {
        csv.push_str(&format!("user{row}@contoso.com,{}\n", b32(&secret_of(row))));
    }
    std::fs::write(&list, csv).unwrap();
    let list_arg = list.to_str().unwrap();
    let cli = Batch::start(
        &[
            "--csv",
            list_arg,
            "--reader",
            READER0,
            "--station",
            "st-cli",
        ],
        &records,
    );
    cli.next("waiting");

    // The app's station on two in-process readers: the demo token, and a
    // second token laid on later.
    let clock = ManualClock::new(1_800_000_010);
    let mut h = demo_app(&clock);
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records.clone())));
    let second: SharedToken = emulator::shared_token("86596220000072", Arc::new(clock.clone()), 9);
    let second_link = EmulatorLink::new(second.clone(), "Second reader (virtual)");
    second_link.set_present(false);
    let first_link = demo(&h).link.clone();
    h.state_mut().workers.station_hardware =
        StationHardware::Demo(vec![first_link, second_link.clone()]);
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Station");
    click(&mut h, "CSV list of users");
    h.state_mut().station.csv_path = list.display().to_string();
    click(&mut h, KEEP);
    click(&mut h, "Start station");
    pump(&mut h, "the app's first burn", |h| {
        h.state().station.burned == 1
    });

    // Turns: the batch, the app, the batch.
    let mut cli_tokens = Vec::new();
    for (i, serial) in ["86596220000081", "86596220000082"].iter().enumerate() {
        let t = token(serial, false, 0);
        let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), |_| {});
        cli.next("burned");
        lift(bridge, PORT0);
        cli_tokens.push(t);
        if i == 0 {
            second_link.set_present(true);
            pump(&mut h, "the app's second burn", |h| {
                h.state().station.burned == 2
            });
        }
    }
    click(&mut h, "Stop after this token");
    interrupt(&cli);
    let _ = cli.finish();

    // Four tokens, four rows, each token holding its own row's secret.
    let store = Store::open(&records, None).unwrap();
    let burns: Vec<_> = store
        .list(None)
        .unwrap()
        .into_iter()
        .filter(|r| r.burned_ok())
        .collect();
    assert_eq!(burns.len(), 4, "{burns:?}");
    let mut rows: Vec<i64> = burns.iter().map(|r| r.list_row.unwrap()).collect();
    rows.sort();
    rows.dedup();
    assert_eq!(rows.len(), 4, "a row went to two tokens: {burns:?}");
    let demo_token = demo(&h).token.clone();
    for t in cli_tokens.iter().chain([&demo_token, &second]) {
        let (serial, seed) = {
            let t = lock(t);
            (t.serial().to_string(), t.seed_for_tests().unwrap().to_vec())
        };
        let burn = burns
            .iter()
            .find(|r| r.serial.as_deref() == Some(serial.as_str()))
            .unwrap_or_else(|| panic!("{serial} not burned: {burns:?}"));
        let row = burn.list_row.unwrap() as usize;
        assert_eq!(seed, secret_of(row), "{serial} holds row {row}'s secret");
        assert_eq!(
            burn.upn.as_deref(),
            Some(format!("user{row}@contoso.com").as_str())
        );
    }
    let stations: std::collections::BTreeSet<_> = burns.iter().map(|r| r.station.clone()).collect();
    assert!(
        stations.contains("st-cli") && stations.len() == 2,
        "{stations:?}"
    );
}
