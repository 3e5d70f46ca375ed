//! One status line (issue 22): under Burn one block says what applies now
//! and nothing contradicts it. A failure that described the reader (no
//! token, lifted before anything was written) is cleared once the token is
//! read again; one that may have written to the token stays (see
//! gui.rs's lifted-token test); the secret's own problem is said in its
//! panel, and Burn only points there; "Burn writes this PC's checked time"
//! is not said while the PC clock is not verified. Driven through the real
//! app (egui_kittest) with the demo's emulated token.

mod common;

use common::gui::{
    LiftOnce, NOW, app_with, burner_bench, click, demo_app, has, pump, token_identified,
    type_secret,
};
use egui_kittest::kittest::{NodeT, Queryable};
use totp_burner::app::bench::Operation;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::clock::ManualClock;

#[test]
fn a_failure_about_the_reader_is_cleared_once_the_token_is_read_again() {
    let clock = ManualClock::new(NOW);
    // APDU 0 is the automatic identify; APDU 1 is the burn's first, before
    // anything is written: the token "left the reader" untouched.
    let mut h = app_with(&clock, |inner| Box::new(LiftOnce::new(inner, 1)));
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the failure logged", |h| {
        h.state()
            .workers
            .log
            .lines()
            .iter()
            .any(|l| l.contains("left the reader"))
    });
    pump(&mut h, "the token read again", |h| {
        !h.state().busy() && token_identified(h)
    });
    h.step();
    assert!(
        matches!(burner_bench(&h).operation, Operation::Idle),
        "the stale failure is cleared: {:?}",
        burner_bench(&h).operation
    );
    assert!(!has(&h, "The token left the reader"));
    assert!(
        !h.get_by_label("Burn (Enter)")
            .accesskit_node()
            .is_disabled(),
        "Burn is ready again"
    );
}

#[test]
fn the_secrets_problem_is_said_in_its_panel_and_burn_points_there() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    let hotp = "otpauth://hotp/Contoso:a%40contoso.com?secret=JBSWY3DPEHPK3PXP&counter=0";
    type_secret(&mut h, hotp);
    let problem =
        totp_burner::explain::not_a_secret(&totp_burner::secret::read(hotp).unwrap_err()).problem;
    let copies = h.query_all_by_label_contains(&problem).count();
    assert!(
        copies <= 2,
        "{copies} copies of {problem:?} (panel and status line only)"
    );
    assert!(has(&h, "Burn waits for a usable secret: see 1. Secret."));
}

#[test]
fn burn_does_not_say_checked_time_while_the_pc_clock_is_not_verified() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    pump(&mut h, "the PC clock checked", |h| {
        h.state().workers.pc_clock.is_some()
    });
    assert!(
        !h.state().workers.pc_clock_verified(),
        "no time servers in the tests"
    );
    type_secret(&mut h, DEMO_URI);
    assert!(!has(&h, "this PC's checked time"));
    assert!(has(&h, "this PC's time (not checked against a time server"));
}

/// Issue 22: a key typed by hand is read back in groups of four once it is
/// shown (never while it is hidden), so a typo is caught before Burn.
#[test]
fn a_typed_key_is_read_back_in_groups_of_four_only_when_shown() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, "jbsw y3dp ehpk 3pxp");
    assert!(!has(&h, "Read back"), "hidden: not read back");
    assert!(!has(&h, "JBSW"));
    click(&mut h, "Show secret");
    assert!(has(&h, "Read back: JBSW Y3DP EHPK 3PXP"));
    click(&mut h, "Show secret");
    assert!(!has(&h, "JBSW Y3DP"), "hidden again");
}
