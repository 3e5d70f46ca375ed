//! Benchmark: a full burn (identify, authenticate, config, seed, verify)
//! through a real pcscd and the vsmartcard-vpcd virtual reader, against the
//! emulated token. Needs pcscd with the vpcd driver (`./dev.sh bench`
//! starts it). Prints the median of 20 burns and the APDUs per burn.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use totp_burner::burn::{BurnPlan, burn};
use totp_burner::card::pcsc::PcscReaders;
use totp_burner::clock::SystemClock;
use totp_burner::emulator::VirtualToken;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};
use totp_burner::params::TokenOptions;
use totp_burner::secret::Secret;

const RUNS: usize = 20;
const READER: &str = "Virtual PCD 00 00";

fn main() {
    let token = Arc::new(Mutex::new(VirtualToken::new(
        "86596220000001",
        true,
        Arc::new(SystemClock),
        1,
    )));
    let bridge = VpcdBridge::spawn(token, VpcdOptions::port(35963), |_| {});
    let readers =
        PcscReaders::establish().expect("pcscd must be running (./dev.sh bench starts it)");
    let end = Instant::now() + Duration::from_secs(5);
    while Instant::now() < end
        && !readers
            .list()
            .map(|l| l.iter().any(|r| r.name == READER && r.state.has_token()))
            .unwrap_or(false)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let plan = BurnPlan {
        secret: Secret::new(b"12345678901234567890".to_vec()),
        options: TokenOptions::default(),
        allow_unknown_model: false,
    };
    let mut times = Vec::with_capacity(RUNS);
    let mut connects = Vec::with_capacity(RUNS);
    let mut apdus = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let mut card = readers.open(Some(READER)).expect("connect");
        let connected = start.elapsed();
        let report = card
            .in_transaction(|t| burn(t, &plan, &SystemClock, &mut |_| {}))
            .expect("transaction")
            .expect("burn");
        drop(card);
        times.push(start.elapsed());
        connects.push(connected);
        apdus = report.apdus;
    }
    times.sort();
    connects.sort();
    let median = times[RUNS / 2];
    println!(
        "burn through pcscd + vpcd: median {:.2} ms of {RUNS} (min {:.2} ms, max {:.2} ms), {apdus} APDUs per burn, connect + transaction included",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3,
    );
    println!(
        "  of which connect (SCardConnect, reader choice): median {:.2} ms",
        connects[RUNS / 2].as_secs_f64() * 1e3
    );
    bridge.stop();
}
