//! The real egui app driven through egui_kittest: panels found by role and
//! label, an injected clock, the demo's emulated token behind the device
//! worker, and snapshot images of the main states (rendered with wgpu on
//! Mesa's software rasteriser).

mod common;

use common::gui::{
    LiftOnce, NOW, Slow, app_with, burner_bench, check_code, click, demo, demo_app, grouped, has,
    pump, token_identified, type_secret,
};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use totp_burner::app::demo::DEMO_URI;
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;
use totp_burner::station::records::StoreLocation;

#[test]
fn panels_show_reader_token_and_what_to_do_next() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    assert!(has(&h, "scan or paste the secret"));
    assert!(has(&h, "Demo reader (virtual) — token present"));
    assert!(
        h.query_by_label("86596220000001").is_some(),
        "serial in the token panel"
    );
    assert!(has(&h, "erases the secret"));
    // Burn is disabled with its reason shown.
    assert!(has(&h, "Scan or paste the secret first."));
    h.snapshot("01_ready_no_secret");
}

#[test]
fn secret_to_burn_to_verified_code() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    assert!(
        has(&h, "Demo Company · technician@example.com"),
        "issuer and account shown"
    );
    assert!(has(&h, "· ready"));
    // The secret is masked: the field does not show it.
    let field = h.get_by_label("Secret key, otpauth link or export:");
    assert_ne!(field.value().as_deref(), Some(DEMO_URI));
    h.snapshot("02_secret_ready");

    h.key_press(egui::Key::Enter);
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    assert!(has(
        &h,
        "Switch the token off and on, then type the code it shows"
    ));
    h.snapshot("03_check");
    check_code(&mut h);
    let shown = {
        let app = h.state();
        let demo = app.workers.demo.as_ref().unwrap();
        lock(&demo.token).code_after_power_cycle().unwrap()
    };
    assert!(
        h.query_by_label(&grouped(&shown)).is_some(),
        "the large code equals the token's after a power cycle ({shown})"
    );
    assert!(has(&h, "The token shows the right code"));
    assert!(has(&h, "previous"));
    h.snapshot("03_verified");

    // The code moves on with the clock.
    clock.advance(30);
    h.step();
    let next = lock(&demo(&h).token).displayed_code().unwrap();
    assert!(h.query_by_label(&grouped(&next)).is_some());

    // Next token clears the secret from memory and the screen.
    click(&mut h, "Next token");
    assert!(burner_bench(&h).result.is_none());
    assert!(burner_bench(&h).secret.text.is_empty());
    assert!(has(&h, "scan or paste the secret"));
}

#[test]
fn wrong_qr_is_explained_and_burn_stays_disabled() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(
        &mut h,
        "phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/1/WEU",
    );
    assert!(has(&h, "I want to use a different authenticator app"));
    h.key_press(egui::Key::Enter);
    h.step();
    assert!(burner_bench(&h).result.is_none());
    assert!(
        lock(&demo(&h).token)
            .seed_for_tests()
            .is_some_and(|s| s == b"factory secret bytes")
    );
    h.snapshot("04_wrong_qr");
}

#[test]
fn a_lifted_token_is_explained_and_a_retry_recovers() {
    let clock = ManualClock::new(NOW);
    // APDU 0 is the automatic identify; the burn's seed write is APDU 5.
    let mut h = app_with(&clock, |inner| Box::new(LiftOnce::new(inner, 5)));
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the failure", |h| {
        has(h, "The token left the reader")
    });
    assert!(has(&h, "while writing the secret"));
    assert!(has(&h, "holds either the new secret or none"));
    // The token is read again (its clock is now set), then a second burn works.
    pump(&mut h, "the token to be read again", |h| {
        has(h, "OTPC-P2-i · 86596220000001 · clock in step")
    });
    h.snapshot("05_lifted");
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
}

#[test]
fn time_sync_asks_before_erasing() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    // The erasing sync is tucked under "More".
    assert!(!has(&h, "Sync time…"));
    click(&mut h, "More");
    click(&mut h, "Sync time…");
    assert!(has(&h, "ERASES the secret"));
    h.snapshot("06_sync_confirmation");
    // Esc cancels: nothing written.
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert!(!has(&h, "ERASES the secret"));
    assert!(lock(&demo(&h).token).has_seed());
    click(&mut h, "Sync time…");
    click(&mut h, "Sync and erase the secret");
    pump(&mut h, "the sync", |h| has(h, "erased its secret"));
    let t = lock(&demo(&h).token);
    assert!(!t.has_seed());
    assert_eq!(t.token_time(), NOW);
}

#[test]
fn a_slow_reader_never_blocks_the_window() {
    let clock = ManualClock::new(NOW);
    let mut h = app_with(&clock, |inner| {
        Box::new(Slow(inner, Duration::from_millis(250)))
    });
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    // The burn takes 5 x 250 ms; frames keep coming fast meanwhile.
    let mut slowest = Duration::ZERO;
    let mut frames = 0;
    let start = Instant::now();
    while burner_bench(&h).result.is_none() && start.elapsed() < Duration::from_secs(10) {
        let t = Instant::now();
        h.step();
        // The frame that brings the result also lays out the result view
        // (at once: the action bar's growth redoes the frame); it is not a
        // frame during the burn.
        if burner_bench(&h).result.is_none() {
            slowest = slowest.max(t.elapsed());
        }
        frames += 1;
        if frames == 3 {
            assert!(
                has(&h, "Burning:"),
                "progress is shown while burning: {:?} busy {}",
                burner_bench(&h).operation,
                h.state().busy()
            );
            // A second burn cannot start while one runs.
            h.key_press(egui::Key::Enter);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(burner_bench(&h).result.is_some(), "the burn finished");
    assert!(frames > 20, "only {frames} frames during a 1.25 s burn");
    // A burn on the UI thread would hold one frame for a whole slow APDU
    // (250 ms) or the whole burn (1.25 s). The bound stays well above a
    // frame's time on a loaded 2-core machine (200 ms failed there at load
    // 8-12) and below the whole burn; the frame count above is the main proof.
    assert!(
        slowest < Duration::from_millis(1000),
        "a frame took {slowest:?}"
    );
}

#[test]
fn wizard_walks_the_same_flow() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Wizard");
    assert!(has(&h, "1. Get the secret"));
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Next");
    assert!(has(&h, "HMAC"));
    click(&mut h, "Next");
    assert!(h.query_by_label("86596220000001").is_some());
    click(&mut h, "Next");
    h.snapshot("07_wizard_burn");
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the verification code", |h| {
        h.state().wizard.bench.result.is_some()
    });
    assert!(has(&h, "Switch the token off and on"));
    assert!(!has(&h, "Next token"), "the check comes first");
    check_code(&mut h);
    assert!(has(&h, "Next token"));
}

#[test]
fn scan_screen_shortcut_runs_off_the_ui_thread_and_explains_failure() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.step();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.step();
    assert!(
        h.state().workers.hidden_for_scan,
        "the window hides while capturing"
    );
    // Whatever the test machine's screen offers, the result comes back as
    // an event: a finding or a plain explanation.
    pump(&mut h, "the scan result", |h| {
        !h.state().workers.hidden_for_scan
    });
    let app = h.state();
    assert!(
        app.burner.bench.secret.capture_note.is_some() || app.burner.bench.secret.parsed.is_some()
    );
}

#[test]
fn demo_token_display_changes_only_after_a_power_cycle() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    let before = lock(&demo(&h).token).displayed_code().unwrap();
    assert!(
        h.query_by_label(&before).is_some(),
        "virtual display shows {before}"
    );
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    assert!(
        h.query_by_label(&before).is_some(),
        "still the old code before the power cycle"
    );
    click(&mut h, "Power (off and on)");
    let after = lock(&demo(&h).token).displayed_code().unwrap();
    assert_ne!(after, before);
    assert!(h.query_by_label(&after).is_some());
}

#[test]
fn station_view_burns_tokens_as_they_are_laid_on() {
    use totp_burner::app::station::{Phase, StationState};
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let records = std::env::temp_dir().join(format!(
        "totp-burner-gui-station-{}.sqlite",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&records);
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records.clone())));
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Station");
    assert!(has(&h, "Provisioning station"));
    // Keeping secrets is on by default: this run turns it off, and the
    // records must then hold no secret (checked below).
    click(&mut h, "Keep secrets (encrypted) for the Entra ID export");
    assert!(!h.state().station.keep_secrets);
    click(&mut h, "Start station");
    // The token already lies on the reader: it is burned with no click.
    pump(&mut h, "the station result", |h| {
        matches!(h.state().station.phase, Phase::Done { .. })
    });
    assert!(
        matches!(h.state().station.phase, Phase::Done { ok: true, .. }),
        "{:?}",
        h.state().station.phase
    );
    assert!(has(&h, "86596220000001 burned"));
    assert!(has(&h, "Lift the token."));
    // The status card: one word, readable from afar.
    assert!(h.query_by_label("DONE").is_some());
    assert!(has(&h, "Burned in this run: 1"));
    let (stored, shown) = {
        let demo = demo(&h);
        let mut t = lock(&demo.token);
        (
            t.seed_for_tests().unwrap().to_vec(),
            t.code_after_power_cycle().unwrap(),
        )
    };
    assert_ne!(
        stored,
        b"factory secret bytes".to_vec(),
        "a fresh random secret was burned"
    );
    // The live code, as the power-cycled token shows it now.
    assert!(has(&h, &grouped(&shown)), "the live code {shown}");
    // Lift, lay the same token back: it is not burned again.
    demo(&h).link.set_present(false);
    pump(&mut h, "waiting for the next token", |h| {
        matches!(h.state().station.phase, Phase::WaitingToken)
    });
    demo(&h).link.set_present(true);
    pump(&mut h, "the token recognised", |h| {
        has(h, "already burned in this run")
    });
    assert!(
        matches!(
            h.state().station.phase,
            Phase::Done {
                ok: true,
                already: true,
                ..
            }
        ),
        "a token burned before is ALREADY DONE (amber), not a new success"
    );
    assert!(h.query_by_label("ALREADY DONE").is_some());
    assert_eq!(
        lock(&demo(&h).token).seed_for_tests().unwrap(),
        stored.as_slice()
    );
    // The burn is in the records.
    let store = totp_burner::station::records::Store::open(&records, None).unwrap();
    let list = store.list(None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].outcome, totp_burner::station::records::Status::Ok);
    assert!(!list[0].secret_kept);
}

#[test]
fn station_per_user_burns_each_scanned_secret() {
    use totp_burner::app::station::{Phase, StationState};
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let records = std::env::temp_dir().join(format!(
        "totp-burner-gui-peruser-{}.sqlite",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&records);
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records)));
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Station");
    click(&mut h, "Each user's QR code");
    click(&mut h, "Start station");
    pump(&mut h, "the request for the user's secret", |h| {
        has(h, "Scan this user's QR code first.")
    });
    assert_eq!(
        lock(&demo(&h).token).seed_for_tests().unwrap(),
        b"factory secret bytes"
    );
    type_secret(&mut h, DEMO_URI);
    pump(&mut h, "the station result", |h| {
        matches!(h.state().station.phase, Phase::Done { ok: true, .. })
    });
    let want = data_encoding::BASE32_NOPAD
        .decode(b"KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF")
        .unwrap();
    assert_eq!(
        lock(&demo(&h).token).seed_for_tests().unwrap(),
        want.as_slice()
    );
    assert!(
        h.state().station.secret.text.is_empty(),
        "the user's secret is wiped after the burn"
    );
}
