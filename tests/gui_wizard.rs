//! The wizard, driven as a technician would (the real egui app through
//! egui_kittest, the demo's emulated token behind the device worker):
//! - "Check it" and Burn show who is enrolled (the link's account and
//!   issuer) and what will be written (the options chosen, the token read),
//!   never the secret, even revealed;
//! - it goes on by itself on a new secret and on a token newly laid on,
//!   once per event: Back is not undone by the same secret or token;
//! - one numbering only, the step bar's;
//! - after the code typed from the token matched, the instruction to type
//!   it into Entra;
//! - Enter is Next, Back goes back;
//! - in the pseudo-language, the wizard's own widgets show only catalogue
//!   text.
//!
//! The language is the process's: every test holds `LANGUAGE`.

mod common;

use common::gui::{
    CODE_FIELD, check_code, click, demo, demo_app, has, pump, token_identified, type_into,
    type_secret,
};
use common::pseudo::{LANGUAGE, plain, shown_texts};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::BTreeSet;
use std::sync::MutexGuard;
use std::time::Duration;
use totp_burner::app::BurnerApp;
use totp_burner::app::demo::{DEMO_READER, DEMO_URI};
use totp_burner::app::state::TokenStatus;
use totp_burner::app::wizard::{BURN, CHECK, SECRET, TOKEN, VERIFY};
use totp_burner::clock::ManualClock;
use totp_burner::i18n::{self, Lang};
use totp_burner::params::{DisplayTimeout, HmacAlgorithm, TimeStep};

const NOW: u64 = 1_800_000_010;

/// The demo link's key (Base32) and a bare key, not the demo's.
const DEMO_KEY: &str = "KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF";
const BARE_KEY: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn one_at_a_time() -> MutexGuard<'static, ()> {
    LANGUAGE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The demo app in the wizard, the token on the reader read.
fn wizard() -> Harness<'static, BurnerApp> {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Wizard");
    h
}

fn step(h: &Harness<'_, BurnerApp>) -> u8 {
    h.state().wizard.step
}

/// Text pasted with nothing focused (Ctrl+V onto the window).
fn paste(h: &mut Harness<'_, BurnerApp>, text: &str) {
    h.event(egui::Event::Paste(text.into()));
    h.run_steps(3);
}

/// A few frames with real time passing (the workers keep going).
fn idle(h: &mut Harness<'_, BurnerApp>) {
    for _ in 0..20 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Lift the demo token off the reader or lay it on, and wait until the
/// app has seen it.
fn lay_token(h: &mut Harness<'_, BurnerApp>, on: bool) {
    demo(h).link.set_present(on);
    if on {
        pump(h, "the token to be read", |h| {
            matches!(h.state().workers.token, TokenStatus::Known(_))
        });
    } else {
        pump(h, "the token to be lifted", |h| {
            matches!(h.state().workers.token, TokenStatus::Absent)
        });
    }
}

/// Whether any text shown contains `s` (labels, values, buttons).
fn shows(h: &Harness<'_, BurnerApp>, s: &str) -> bool {
    shown_texts(h).iter().any(|t| t.contains(s))
}

#[test]
fn the_summary_shows_who_and_what_before_the_burn_and_never_the_secret() {
    let _one = one_at_a_time();
    let mut h = wizard();
    paste(&mut h, DEMO_URI);
    assert_eq!(step(&h), CHECK);
    for words in [
        "Who is enrolled, and what will be burned",
        "technician@example.com",
        "Demo Company",
        "a 160-bit key, the usual length",
        "SHA-1, what nearly every service uses",
        "OTPC-P2-i, serial 86596220000001",
        "set to this PC's time during the burn",
    ] {
        assert!(shows(&h, words), "\"Check it\" shows {words:?}");
    }
    // The options chosen here are the ones the Burn step says it writes.
    let options = &mut h.state_mut().wizard.bench.options;
    options.algorithm = HmacAlgorithm::Sha256;
    options.period = TimeStep::Seconds60;
    options.display_timeout = DisplayTimeout::Seconds120;
    h.run_steps(2);
    click(&mut h, "Next");
    click(&mut h, "Next");
    assert_eq!(step(&h), BURN);
    assert!(has(&h, "Burn (Enter)"));
    for words in [
        "technician@example.com",
        "Demo Company",
        "SHA-256",
        "60 seconds",
        "120 seconds",
        "OTPC-P2-i, serial 86596220000001",
    ] {
        assert!(shows(&h, words), "the Burn step shows {words:?}");
    }
    // Revealed in the secret panel or not, the summary never shows it.
    h.state_mut().wizard.bench.secret.reveal = true;
    for s in [BURN, CHECK] {
        h.state_mut().wizard.step = s;
        h.run_steps(2);
        assert!(has(&h, "Who is enrolled"));
        assert!(!shows(&h, DEMO_KEY), "the secret is shown on step {s}");
        assert!(!shows(&h, &DEMO_KEY[..8]), "part of the secret on step {s}");
    }

    // A bare key names no one: the summary says so.
    click(&mut h, "Back");
    click(&mut h, "Clear");
    paste(&mut h, BARE_KEY);
    assert_eq!(step(&h), CHECK);
    assert!(shows(&h, "no account name (a bare key, not a link)"));
    assert!(!shows(&h, "technician@example.com"));
    assert!(!shows(&h, &BARE_KEY[..8]));
}

#[test]
fn a_new_secret_moves_on_once_and_back_is_not_undone() {
    let _one = one_at_a_time();
    let mut h = wizard();
    assert_eq!(step(&h), SECRET);
    paste(&mut h, DEMO_URI);
    assert_eq!(step(&h), CHECK, "a pasted secret goes on to Check it");
    click(&mut h, "Back");
    idle(&mut h);
    assert_eq!(
        step(&h),
        SECRET,
        "the same secret does not send it on again"
    );
    // Another secret is a new event.
    paste(&mut h, BARE_KEY);
    assert_eq!(step(&h), CHECK, "a new secret goes on again");
    click(&mut h, "Back");
    idle(&mut h);
    assert_eq!(step(&h), SECRET);

    // Typed: not while typing (a key's first characters are a key
    // already), but once the technician leaves the field.
    click(&mut h, "Clear");
    type_secret(&mut h, DEMO_URI);
    idle(&mut h);
    assert_eq!(step(&h), SECRET, "still typing: no step taken");
    h.key_press(egui::Key::Tab);
    h.run_steps(3);
    assert_eq!(step(&h), CHECK, "the field left with a secret: Check it");
}

#[test]
fn a_newly_placed_token_moves_on_once_and_back_is_not_undone() {
    let _one = one_at_a_time();
    let mut h = wizard();
    lay_token(&mut h, false);
    paste(&mut h, DEMO_URI);
    assert!(
        shows(&h, "not on the reader yet"),
        "the summary before the token"
    );
    click(&mut h, "Next");
    assert_eq!(step(&h), TOKEN);
    lay_token(&mut h, true);
    pump(&mut h, "the wizard to go on to Burn", |h| step(h) == BURN);
    assert!(has(&h, "Burn (Enter)"));
    assert!(shows(&h, "OTPC-P2-i, serial 86596220000001"));

    click(&mut h, "Back");
    idle(&mut h);
    assert_eq!(step(&h), TOKEN, "the same token lying there: no step taken");
    // Lifted and laid on again: a newly placed token.
    lay_token(&mut h, false);
    assert_eq!(step(&h), TOKEN);
    lay_token(&mut h, true);
    pump(&mut h, "the wizard to go on to Burn again", |h| {
        step(h) == BURN
    });

    // A token that already lay there when the step was reached (e.g. the
    // last one burned) is not taken for a new one: Next is the way on.
    click(&mut h, "Back");
    click(&mut h, "Back");
    click(&mut h, "Next");
    idle(&mut h);
    assert_eq!(step(&h), TOKEN);
}

/// Texts that look like a step number ("4. Verify").
fn numbered(h: &Harness<'_, BurnerApp>) -> BTreeSet<String> {
    shown_texts(h)
        .into_iter()
        .filter(|t| {
            let t = t.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && t[digits..].starts_with(". ")
        })
        .collect()
}

#[test]
fn one_numbering_only_the_step_bar() {
    let _one = one_at_a_time();
    let mut h = wizard();
    let bar: BTreeSet<String> = [
        "1. Get the secret",
        "2. Check it",
        "3. Switch the token on and place it",
        "4. Burn",
        "5. Verify",
    ]
    .map(String::from)
    .into();
    let mut seen = Vec::new();
    let mut check = |h: &Harness<'_, BurnerApp>| {
        let n = numbered(h);
        assert_eq!(n.intersection(&bar).count(), 5, "the step bar: {n:?}");
        let other: Vec<_> = n.difference(&bar).collect();
        assert!(
            other.is_empty(),
            "step {}: numbers besides the step bar: {other:?}",
            step(h)
        );
        seen.push(step(h));
    };
    check(&h);
    paste(&mut h, DEMO_URI);
    check(&h);
    click(&mut h, "Next");
    check(&h);
    click(&mut h, "Next");
    check(&h);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the verification", |h| step(h) == VERIFY);
    check(&h);
    check_code(&mut h);
    check(&h);
    assert_eq!(seen, [SECRET, CHECK, TOKEN, BURN, VERIFY, VERIFY]);
}

#[test]
fn matches_ends_with_the_instruction_to_type_the_code_into_entra() {
    let _one = one_at_a_time();
    let mut h = wizard();
    paste(&mut h, DEMO_URI);
    click(&mut h, "Next");
    click(&mut h, "Next");
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the verification", |h| step(h) == VERIFY);
    let entra = "Now type the code the token shows into Entra (or your identity provider)";
    assert!(has(&h, "Switch the token off and on"));
    assert!(!shows(&h, entra), "not before the token is checked");
    type_into(&mut h, CODE_FIELD, "000000");
    click(&mut h, "Check");
    assert!(shows(&h, "The token shows another code."));
    assert!(!shows(&h, entra), "not when the code differs");
    click(&mut h, "Type the code again");
    check_code(&mut h);
    assert!(shows(&h, entra), "the last instruction after a match");
    // Said once: the result panel's own ✓ line only confirms here (the
    // burner's says "Type it into the service (for example Entra)").
    let said: Vec<String> = shown_texts(&h)
        .into_iter()
        .filter(|t| t.contains("Entra") || t.contains("Type it into"))
        .collect();
    assert_eq!(said, [entra.to_string() + " to finish the enrolment."]);
    assert!(shows(&h, "The token shows the right code."));
    h.snapshot("09_wizard_matches_entra");
    // The next token is the action to take now, and starts over.
    click(&mut h, "Next token");
    assert_eq!(step(&h), SECRET);
    assert!(h.state().wizard.bench.secret.text.is_empty());
    assert!(h.state().wizard.bench.result.is_none());
    assert!(!shows(&h, entra));
}

#[test]
fn enter_is_next_and_back_goes_back() {
    let _one = one_at_a_time();
    let mut h = wizard();
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), SECRET, "no secret: Enter does not go on");
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), CHECK, "Enter in the secret field is Next");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), TOKEN);
    click(&mut h, "Back");
    assert_eq!(step(&h), CHECK);
    click(&mut h, "Back");
    assert_eq!(step(&h), SECRET);
    assert_eq!(
        h.state().wizard.bench.secret.text.as_str(),
        DEMO_URI,
        "Back keeps the secret"
    );
    for s in [CHECK, TOKEN, BURN] {
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(step(&h), s);
    }
    // Back reached with the keyboard: Enter on it goes back one step
    // (not Next as well).
    h.get_by_label("Back").focus();
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), TOKEN, "Enter on the focused Back");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), BURN);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "Enter on Burn to burn", |h| step(h) == VERIFY);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(
        step(&h),
        VERIFY,
        "Enter on the empty code field: still the check"
    );
    check_code(&mut h);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(step(&h), SECRET, "after the check, Enter is the next token");
}

#[test]
fn the_wizard_shows_only_catalogue_text() {
    let _one = one_at_a_time();
    let mut h = wizard();
    i18n::set_language(Lang::Pseudo);
    // The default fonts lack ⟦ and ⟧: they draw as boxes, the tree keeps them.
    h.ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let data = [
        "technician@example.com",
        "Demo Company",
        "OTPC-P2-i",
        // The result's heading line: the link's issuer and account.
        "Demo Company · technician@example.com",
        DEMO_READER,
        // Algorithm names are the same in every language.
        "SHA-1",
        "SHA-256",
    ];
    // The shell around every view (tabs, status line, log, demo token):
    // not the wizard's. Seen in the records view, whose own texts are all
    // catalogue text (tests/gui_i18n.rs), so nothing of the wizard's can
    // hide behind it.
    h.run_steps(2);
    click(&mut h, "⟦Records⟧");
    h.run_steps(4);
    let chrome = plain(&h, &data);
    click(&mut h, "⟦Wizard⟧");
    let mut failures = BTreeSet::new();
    let mut walk = |h: &mut Harness<'_, BurnerApp>| {
        h.run_steps(3);
        let status = h.state().status_line();
        for t in plain(h, &data) {
            if chrome.contains(&t) || t == status {
                continue;
            }
            failures.insert(format!("step {}: {t}", step(h)));
        }
    };
    walk(&mut h);
    paste(&mut h, DEMO_URI);
    assert_eq!(step(&h), CHECK);
    assert!(
        shows(&h, "⟦Who is enrolled"),
        "the summary in the pseudo-language"
    );
    walk(&mut h);
    click(&mut h, "⟦Next⟧");
    assert_eq!(step(&h), TOKEN);
    walk(&mut h);
    click(&mut h, "⟦Back⟧");
    click(&mut h, "⟦Next⟧");
    click(&mut h, "⟦Next⟧");
    assert_eq!(step(&h), BURN);
    walk(&mut h);
    click(&mut h, "⟦Burn (Enter)⟧");
    pump(&mut h, "the verification", |h| step(h) == VERIFY);
    walk(&mut h);
    type_into(&mut h, "⟦Code on the token:⟧", "000000");
    click(&mut h, "⟦Check⟧");
    walk(&mut h);
    click(&mut h, "⟦Type the code again⟧");
    let code = totp_burner::emulator::lock(&demo(&h).token)
        .code_after_power_cycle()
        .unwrap();
    type_into(&mut h, "⟦Code on the token:⟧", &code);
    click(&mut h, "⟦Check⟧");
    assert!(shows(&h, "⟦Now type the code"));
    walk(&mut h);
    // A bare key, no token: the summary's other words.
    click(&mut h, "⟦Next token⟧");
    lay_token(&mut h, false);
    paste(&mut h, BARE_KEY);
    assert_eq!(step(&h), CHECK);
    assert!(shows(&h, "⟦no account name"));
    walk(&mut h);
    i18n::set_language(Lang::En);
    assert!(
        failures.is_empty(),
        "text outside the catalogue in the wizard:\n{}",
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );
}
