//! Helpers of the station view's kittest binaries (gui_station.rs,
//! gui_station_run.rs): the demo app with records of the test's own, a run
//! started without keeping secrets, and what the demo token shows.

use super::gui::{click, demo, demo_app, pump, token_identified};
use super::pseudo::LANGUAGE;
use egui_kittest::Harness;
use std::sync::MutexGuard;
use totp_burner::app::BurnerApp;
use totp_burner::app::station::{Phase, StationState};
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;
use totp_burner::station::records::StoreLocation;

/// The "keep secrets" box of the station's set-up.
pub const KEEP: &str = "Keep secrets (encrypted) for the Entra ID export";

/// The demo app with the station writing to records of this test's own,
/// and the language to this test alone (it is the process's: the pseudo
/// walk must not run beside a test that clicks English labels).
pub fn station_app(
    clock: &ManualClock,
    name: &str,
) -> (MutexGuard<'static, ()>, Harness<'static, BurnerApp>) {
    let one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let mut h = demo_app(clock);
    let records = std::env::temp_dir().join(format!(
        "totp-burner-gui-station-{name}-{}.sqlite",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&records);
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records)));
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Station");
    (one, h)
}

/// Keep secrets off (no passphrase), start, and wait for the first result.
pub fn start_without_keeping(h: &mut Harness<'_, BurnerApp>) {
    click(h, KEEP);
    assert!(!h.state().station.keep_secrets);
    click(h, "Start station");
}

/// The station shows a result.
pub fn done(h: &Harness<'_, BurnerApp>) -> bool {
    matches!(h.state().station.phase, Phase::Done { .. })
}

/// What the demo token shows after its power button, now.
pub fn token_code(h: &Harness<'_, BurnerApp>) -> String {
    lock(&demo(h).token).code_after_power_cycle().unwrap()
}
