//! Each view owns its state (the real egui app through egui_kittest, the
//! demo's emulated token behind the device worker). What a technician can
//! count on:
//! - a secret typed or scanned in one view is never burned from another:
//!   the wizard starts from its own empty secret, and the station's
//!   per-user mode waits for a QR scanned in the station itself;
//! - leaving a view and coming back finds it as it was left (its secret,
//!   its wizard step, its live code);
//! - a burn reports to the view that started it, even when the technician
//!   switched views while it ran.

mod common;

use common::gui::{
    Slow, app_with, burner_bench, click, demo, demo_app, has, pump, token_identified, type_secret,
};
use egui_kittest::kittest::{NodeT, Queryable};
use std::time::Duration;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::app::station::{Phase, StationState};
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;
use totp_burner::station::records::StoreLocation;

const NOW: u64 = 1_800_000_010;

/// A second secret, not the demo's.
const OTHER: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

#[test]
fn the_burner_and_the_wizard_each_keep_their_own_secret() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    assert!(has(&h, "clock 3 s behind · ready"));

    // The wizard does not take the burner's secret: it starts empty.
    click(&mut h, "Wizard");
    assert!(has(&h, "1. Get the secret"));
    assert!(h.state().wizard.bench.secret.text.is_empty());
    assert!(has(&h, "clock 3 s behind · scan or paste the secret"));
    assert!(
        h.get_by_label("Next").accesskit_node().is_disabled(),
        "no secret in the wizard: Next waits for one"
    );
    type_secret(&mut h, OTHER);
    click(&mut h, "Next");
    assert!(has(&h, "HMAC"), "the wizard's step 2");

    // Back in the burner: its own secret, burned with Enter.
    click(&mut h, "Burner");
    assert_eq!(burner_bench(&h).secret.text.as_str(), DEMO_URI);
    h.key_press(eframe::egui::Key::Enter);
    pump(&mut h, "the burner's burn", |h| {
        burner_bench(h).result.is_some()
    });
    let burned = lock(&demo(&h).token).seed_for_tests().unwrap().to_vec();
    let demo_key = data_encoding::BASE32_NOPAD
        .decode(b"KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF")
        .unwrap();
    assert_eq!(burned, demo_key, "the burner burned the burner's secret");
    // "Next token" (after the check) forgets the burner's secret, not the
    // wizard's.
    common::gui::check_code(&mut h);
    click(&mut h, "Next token");
    assert!(burner_bench(&h).secret.text.is_empty());
    let wizard = &h.state().wizard;
    assert_eq!(wizard.bench.secret.text.as_str(), OTHER);
    assert!(
        wizard.bench.result.is_none(),
        "the burner's burn is not the wizard's"
    );
    assert_eq!(wizard.step, 1);

    // The wizard is where it was left.
    click(&mut h, "Wizard");
    assert!(has(&h, "HMAC"));
    assert!(has(&h, "Back"));
}

#[test]
fn a_burn_reports_to_the_view_that_started_it() {
    let clock = ManualClock::new(NOW);
    let mut h = app_with(&clock, |inner| {
        Box::new(Slow(inner, Duration::from_millis(100)))
    });
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Wizard");
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Next");
    click(&mut h, "Next");
    click(&mut h, "Next");
    click(&mut h, "Burn (Enter)");
    // Switched away while the wizard's burn runs.
    click(&mut h, "Burner");
    assert!(
        h.state().busy(),
        "the burn takes 5 x 100 ms: it is still running"
    );
    assert!(
        has(&h, "Talking to the token…"),
        "the burner cannot start a second burn meanwhile"
    );
    pump(&mut h, "the wizard's burn", |h| {
        h.state().wizard.bench.result.is_some()
    });
    let app = h.state();
    assert!(app.burner.bench.result.is_none());
    assert!(!has(&h, "4. Verify"), "no live code in the burner");
    assert_eq!(app.wizard.step, 4, "the wizard went on to verify");
    click(&mut h, "Wizard");
    assert!(has(&h, "Switch the token off and on"));
    common::gui::check_code(&mut h);
    assert!(has(&h, "Next token"));
}

#[test]
fn the_station_never_burns_a_secret_typed_in_the_burner() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let records = std::env::temp_dir().join(format!(
        "totp-burner-gui-views-{}.sqlite",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&records);
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records)));
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Station");
    click(&mut h, "Each user's QR code");
    click(&mut h, "Start station");
    pump(&mut h, "the request for the user's secret", |h| {
        has(h, "Scan this user's QR code first.")
    });
    // A few more frames: nothing is handed to the loop.
    for _ in 0..20 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(matches!(h.state().station.phase, Phase::WaitingToken));
    assert_eq!(
        lock(&demo(&h).token).seed_for_tests().unwrap(),
        b"factory secret bytes",
        "the token lying on the reader was not burned"
    );
    assert!(h.state().station.secret.text.is_empty());
    assert_eq!(
        burner_bench(&h).secret.text.as_str(),
        DEMO_URI,
        "the burner keeps its secret"
    );
    click(&mut h, "Stop after this token");
}
