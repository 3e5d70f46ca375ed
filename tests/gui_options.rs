//! The real egui app driven through egui_kittest, on the options a burn
//! takes (a link's own against the remembered ones), undo after the next
//! token, the verify panel, a pasted secret and the remembered reader.

mod common;

use common::gui::{
    NOW, PLAIN_URI, SIZE, Slow, app_with, burner_bench, check_code, click, demo, demo_app,
    demo_app_with_settings_file, grouped, has, pump, settings_file, token_identified, type_secret,
};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::Duration;
use totp_burner::app::BurnerApp;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;

/// The demo app over a settings file written beforehand.
fn demo_app_with_settings(clock: &ManualClock, json: &str) -> Harness<'static, BurnerApp> {
    let path = settings_file().unwrap();
    std::fs::write(&path, json).unwrap();
    let clock = Arc::new(clock.clone());
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| BurnerApp::new(&cc.egui_ctx, clock, true, Some(path)));
    h.state_mut().workers.demo.as_mut().unwrap().show_qr = false;
    h
}

/// A Microsoft-style link: no `algorithm`, no `period`.
fn token_code(h: &Harness<'_, BurnerApp>) -> String {
    lock(&demo(h).token).code_after_power_cycle().unwrap()
}

fn option_bytes(h: &Harness<'_, BurnerApp>) -> (u8, u8, u8) {
    lock(&demo(h).token).option_bytes()
}

/// Let egui's clock run (the undoer saves a state once it has been stable
/// for a second).
fn settle(h: &mut Harness<'_, BurnerApp>) {
    for _ in 0..12 {
        h.step();
    }
}

#[test]
fn a_link_without_options_burns_sha1_30s_whatever_was_remembered() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app_with_settings(
        &clock,
        r#"{"algorithm":"sha256","period":60,"display_timeout":60}"#,
    );
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, PLAIN_URI);
    assert!(!has(&h, "with these options the codes will not match"));
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    check_code(&mut h);
    let (hmac, step, timeout) = option_bytes(&h);
    assert_eq!(hmac, 0x01, "SHA-1 burned");
    assert_eq!(step, 30, "30 s burned");
    assert_eq!(
        timeout,
        totp_burner::params::DisplayTimeout::Seconds60.wire_value(),
        "the display timeout is remembered"
    );
    let shown = token_code(&h);
    assert!(
        h.query_by_label(&grouped(&shown)).is_some(),
        "the shown code equals the token's ({shown})"
    );
}

#[test]
fn options_changed_away_from_the_link_warn_and_burn_asks_once() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, PLAIN_URI);
    click(&mut h, "HMAC");
    h.step();
    click(&mut h, "SHA-256");
    assert_eq!(
        burner_bench(&h).options.algorithm,
        totp_burner::params::HmacAlgorithm::Sha256
    );
    assert!(has(
        &h,
        "The link says SHA-1 / 30 s: with these options the codes will not match"
    ));
    click(&mut h, "Burn (Enter)");
    h.step(); // a modal's first frame only measures it
    assert!(has(
        &h,
        "The link says SHA-1 / 30 s; burn SHA-256 / 30 s anyway?"
    ));
    assert!(burner_bench(&h).result.is_none());
    assert_eq!(
        lock(&demo(&h).token).seed_for_tests().unwrap(),
        b"factory secret bytes",
        "nothing burned before the answer"
    );
    click(&mut h, "Burn SHA-256 / 30 s anyway");
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    check_code(&mut h);
    assert!(!has(&h, "anyway?"), "asked once");
    assert_eq!(option_bytes(&h).0, 0x02, "SHA-256 burned as confirmed");
    assert!(h.query_by_label(&grouped(&token_code(&h))).is_some());
}

#[test]
fn undo_after_next_token_brings_no_secret_back() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    settle(&mut h);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    check_code(&mut h);
    click(&mut h, "Next token");
    assert!(burner_bench(&h).secret.text.is_empty());
    h.get_by_label("Secret key, otpauth link or export:")
        .focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.step();
    h.step();
    assert_eq!(
        burner_bench(&h).secret.text.as_str(),
        "",
        "Ctrl+Z restored nothing"
    );
    assert!(has(&h, "scan or paste the secret"));
}

#[test]
fn undo_brings_no_wiped_passphrase_back() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.step();
    click(&mut h, "Station");
    // Keeping secrets is on by default: the passphrase field is there.
    h.get_by_label("Passphrase:").focus();
    h.step();
    h.get_by_label("Passphrase:")
        .type_text("correct horse battery");
    settle(&mut h);
    assert_eq!(
        h.state().station.passphrase.as_str(),
        "correct horse battery"
    );
    h.state_mut().station.passphrase.wipe();
    h.step();
    h.get_by_label("Passphrase:").focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.step();
    h.step();
    assert_eq!(h.state().station.passphrase.as_str(), "");
}

#[test]
fn the_verify_panel_shows_the_burned_secret_not_the_field() {
    let clock = ManualClock::new(NOW);
    let mut h = app_with(&clock, |inner| {
        Box::new(Slow(inner, Duration::from_millis(100)))
    });
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    // The field is edited while the burn runs, and again after it.
    h.state_mut()
        .burner
        .bench
        .secret
        .set_text("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "typed");
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    check_code(&mut h);
    let shown = token_code(&h);
    assert!(
        h.query_by_label(&grouped(&shown)).is_some(),
        "the code of the burned secret ({shown})"
    );
    h.get_by_label("Secret key, otpauth link or export:")
        .focus();
    h.step();
    h.get_by_label("Secret key, otpauth link or export:")
        .type_text("MFRGGZDF");
    h.step();
    clock.advance(30);
    h.step();
    let next = lock(&demo(&h).token).displayed_code().unwrap();
    assert!(h.query_by_label(&grouped(&next)).is_some());
}

#[test]
fn an_erasing_sync_clears_the_live_code_and_points_to_burn() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the verification code", |h| {
        burner_bench(h).result.is_some()
    });
    check_code(&mut h);
    let code = token_code(&h);
    assert!(h.query_by_label(&grouped(&code)).is_some());
    click(&mut h, "More");
    click(&mut h, "Sync time…");
    click(&mut h, "Sync and erase the secret");
    pump(&mut h, "the sync", |h| has(h, "erased its secret"));
    assert!(burner_bench(&h).result.is_none());
    assert!(h.query_by_label(&grouped(&code)).is_none(), "no live code");
    assert!(!has(&h, "4. Verify"));
    assert!(has(&h, "Burn it again now: press Burn (Enter)."));
    pump(&mut h, "the token read again", |h| {
        has(h, "OTPC-P2-i · 86596220000001 · clock in step · ready")
    });
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the burn", |h| burner_bench(h).result.is_some());
    assert!(lock(&demo(&h).token).has_seed());
}

#[test]
fn a_pasted_secret_says_the_clipboard_is_cleared() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    h.event(egui::Event::Paste(DEMO_URI.into()));
    h.step();
    h.step();
    assert_eq!(burner_bench(&h).secret.text.as_str(), DEMO_URI);
    assert!(has(&h, "the clipboard is cleared"));
}

#[test]
fn the_reader_chosen_by_hand_is_chosen_again_next_time() {
    let clock = ManualClock::new(NOW);
    let settings = settings_file();
    let reader = {
        let mut h = demo_app_with_settings_file(&clock, settings.clone());
        pump(&mut h, "the token to be read", token_identified);
        let name = h.state().workers.readers.list[0].name.clone();
        click(&mut h, &format!("{name} — token present"));
        assert_eq!(
            h.state().workers.readers.chosen.as_deref(),
            Some(name.as_str())
        );
        name
    };
    let mut h = demo_app_with_settings_file(&clock, settings);
    pump(&mut h, "the remembered reader", |h| {
        h.state().workers.readers.chosen.as_deref() == Some(reader.as_str())
    });
}

/// Issue 22: the theme is chosen in the app (System, Light, Dark), applied
/// at once and remembered.
#[test]
fn the_theme_chosen_in_the_app_applies_and_is_remembered() {
    let clock = ManualClock::new(NOW);
    let settings = settings_file();
    {
        let mut h = demo_app_with_settings_file(&clock, settings.clone());
        // The combo is labelled by "Theme:" (the label's node too): the last.
        h.query_all_by_label("Theme:").last().unwrap().click();
        h.step();
        h.step();
        click(&mut h, "Light");
        h.step();
        assert_eq!(
            h.ctx.options(|o| o.theme_preference),
            eframe::egui::ThemePreference::Light
        );
        assert_eq!(
            h.ctx.theme(),
            eframe::egui::Theme::Light,
            "light visuals now"
        );
    }
    let saved = std::fs::read_to_string(settings.as_ref().unwrap()).unwrap();
    assert!(saved.contains("\"theme\": \"light\""), "{saved}");
    let h = demo_app_with_settings_file(&clock, settings);
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        eframe::egui::ThemePreference::Light,
        "remembered at the next start"
    );
}
