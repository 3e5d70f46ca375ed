//! A running station from the rest of the app and from across the room
//! (issue 22), through the real egui app (egui_kittest) and the demo's
//! emulated token:
//! - while a run is active it owns its readers, visibly: a badge on its
//!   tab, a banner with Stop in every other view, the burner and the
//!   hand-out view neither read nor burn there and say why, the set-up
//!   collapses to one line;
//! - its card at 800x600: the word a tenth of the window high, the next
//!   instruction half that, the live code whole; F11 shows the card alone.

mod common;

use common::gui::{click, demo, grouped, has, pump};
use common::station_gui::{KEEP, done, start_without_keeping, station_app, token_code};
use eframe::egui;
use egui_kittest::kittest::{NodeT, Queryable};
use totp_burner::app::demo::DEMO_READER;
use totp_burner::app::station::Phase;
use totp_burner::clock::ManualClock;

/// 10 s into a 30 s step: 20 s left.
const NOW: u64 = 1_800_000_010;

/// Issue 22: a running station owns its readers, visibly: a badge on its
/// tab and a banner with Stop in every other view; the burner, the wizard
/// and the hand-out view neither read nor burn the token laid on its
/// reader and say why; the run's options are locked. Once stopped, the
/// burner reads the token again.
#[test]
fn a_running_station_owns_its_readers_in_every_view() {
    let clock = ManualClock::new(NOW);
    let (_one, mut h) = station_app(&clock, "owns");
    demo(&h).link.set_present(false);
    start_without_keeping(&mut h);
    pump(&mut h, "the run waiting for a token", |h| {
        matches!(h.state().station.phase, Phase::WaitingToken)
    });
    assert!(has(&h, "• running"), "the badge beside the Station tab");
    // The set-up collapses to one line: nothing in it can change.
    assert!(
        has(&h, "This run: Random secrets"),
        "the run's set-up in one line"
    );
    assert!(
        h.query_all_by_label("HMAC")
            .all(|n| n.accesskit_node().is_disabled()),
        "the run's HMAC cannot be changed during the run"
    );
    assert!(
        h.query_by_label(KEEP).is_none(),
        "nor whether secrets are kept"
    );
    for view in ["Burner", "Wizard", "Records", "Hand-out"] {
        click(&mut h, view);
        assert!(
            has(&h, &format!("Station running on {DEMO_READER}")),
            "{view}: the banner"
        );
        assert!(has(&h, "Stop after this token"), "{view}: its Stop");
    }
    click(&mut h, "Burner");
    // A token laid on "to burn for this user": the station takes it, and
    // the burner says so instead of "lay it on the reader".
    h.state_mut()
        .burner
        .bench
        .secret
        .set_text("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "typed");
    demo(&h).link.set_present(true);
    pump(&mut h, "the station's burn", done);
    assert!(has(&h, "The station run is using"), "the burner says why");
    let blocker = h
        .state()
        .burner
        .bench
        .burn_blocker(&h.state().workers)
        .unwrap_or_default();
    assert!(blocker.contains("The station run is using"), "{blocker}");
    click(&mut h, "Hand-out");
    assert!(
        has(&h, "The station run is using"),
        "the hand-out view says why"
    );
    assert!(
        h.state().handout.serial.is_empty(),
        "the hand-out view did not take the station's token"
    );
    // Stop from the banner: the burner has the reader back.
    click(&mut h, "Stop after this token");
    demo(&h).link.set_present(false);
    pump(&mut h, "the run ended", |h| !h.state().station.running());
    assert!(!has(&h, "• running"));
    click(&mut h, "Burner");
    demo(&h).link.set_present(true);
    pump(&mut h, "the token read by the burner again", |h| {
        has(h, "86596220000001")
            && matches!(
                h.state().workers.token,
                totp_burner::app::state::TokenStatus::Known(_)
            )
    });
}

/// Issue 22: the station card for 3 m at 800x600: its word at least a
/// tenth of the window high, the next instruction at least half that, the
/// live code whole on screen; F11 shows the card alone, full screen, with
/// the counters and Stop, and F11 or Esc leaves.
#[test]
fn the_card_is_readable_from_three_metres_and_goes_full_screen() {
    let clock = ManualClock::new(NOW);
    let (_one, mut h) = station_app(&clock, "three-metres");
    h.set_size(egui::vec2(800.0, 600.0));
    // A list with a fixed secret: the snapshots' live code is always the same.
    let list = std::env::temp_dir().join(format!(
        "totp-burner-gui-station-3m-{}.csv",
        std::process::id()
    ));
    std::fs::write(&list, "upn,secret\nalice@example.com,JBSWY3DPEHPK3PXP\n").unwrap();
    click(&mut h, "CSV list of users");
    h.state_mut().station.csv_path = list.display().to_string();
    start_without_keeping(&mut h);
    pump(&mut h, "the first result", done);
    for _ in 0..3 {
        h.step();
    }
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
    let word = h.get_by_label("DONE").rect();
    assert!(
        word.height() >= 60.0,
        "DONE is {word:?}: under a tenth of 600"
    );
    let next = h.get_by_label("Lift the token.").rect();
    assert!(next.height() >= 30.0, "the next instruction is {next:?}");
    let code = grouped(&token_code(&h));
    let shown = h.get_by_label(&code).rect();
    assert!(
        window.contains_rect(shown),
        "the live code {shown:?} is cut off"
    );
    assert!(shown.height() >= 50.0, "the live code is {shown:?}");
    h.snapshot("station_card_800x600");

    h.key_press(egui::Key::F11);
    h.step();
    h.step();
    // The window was asked for full screen (kittest keeps only the last
    // pass's viewport commands, so the request is seen through the app).
    assert!(h.state().station.full_screen);
    assert!(
        h.state().station.window_full_screen,
        "F11 asks for full screen"
    );
    assert!(
        h.query_by_label("Burner").is_none(),
        "no tabs in full screen"
    );
    assert!(h.query_by_label("DONE").is_some());
    assert!(has(&h, "Burned: 1"), "the counters");
    assert!(has(&h, "Stop after this token"));
    h.snapshot("station_full_screen_800x600");
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert!(
        !h.state().station.window_full_screen,
        "Esc leaves full screen"
    );
    assert!(h.query_by_label("Burner").is_some(), "the tabs are back");
}

/// Issue 22: a run that never started (its list could not be read) shows
/// why, and no "Run ended · 0 burned" summary of a run that was not.
#[test]
fn a_run_that_never_started_has_no_summary() {
    let clock = ManualClock::new(NOW);
    let (_one, mut h) = station_app(&clock, "never-started");
    click(&mut h, "CSV list of users");
    let missing = std::env::temp_dir().join("totp-burner-gui-station-run-no-list.csv");
    h.state_mut().station.csv_path = missing.display().to_string();
    start_without_keeping(&mut h);
    pump(&mut h, "the refusal", |h| !h.state().station.running());
    h.run_steps(2);
    assert!(has(&h, "the file or folder does not exist"));
    assert!(h.state().station.summary.is_none());
    assert!(!has(&h, "Run ended"));
}
