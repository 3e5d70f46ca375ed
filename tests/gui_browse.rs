//! Issue 13: "Browse…" opens the platform's file dialog beside "Open
//! image…". The button is there and reached with Tab from where focus
//! starts; the dialog runs off the UI thread; a picture chosen goes through
//! the same file path as a typed one (the decoder's checks included); a
//! cancel changes nothing; no dialog at all gives a plain message pointing
//! to typing the path. The dialog itself is injected here (a real one would
//! wait for a person); the real portal code is run against a session bus
//! that is not there.

mod common;

use common::gui::{burner_bench, demo_app, has, pump, token_identified};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use totp_burner::app::BurnerApp;
use totp_burner::app::capture::{CaptureWorker, FileDialog};
use totp_burner::capture::CaptureError;
use totp_burner::clock::ManualClock;

const NOW: u64 = 1_800_000_010;

/// The demo app whose file dialog answers `answer` (and counts its calls).
fn app_with_dialog(
    answer: impl Fn() -> Result<Option<PathBuf>, CaptureError> + Send + Sync + 'static,
) -> (Harness<'static, BurnerApp>, Arc<AtomicUsize>) {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let dialog: FileDialog = Arc::new(move |title, filter| {
        assert_eq!(title, "Choose a picture of the QR code");
        assert_eq!(filter, "Pictures (PNG, JPEG, BMP, WebP)");
        counted.fetch_add(1, Ordering::SeqCst);
        answer()
    });
    h.state_mut()
        .use_capture_worker(CaptureWorker::spawn(|| {}).with_file_dialog(dialog));
    pump(&mut h, "the token to be read", token_identified);
    (h, calls)
}

/// Tab from where focus starts (Scan screen) until "Browse…" has it;
/// how many Tabs that took.
fn tab_to_browse(h: &mut Harness<'_, BurnerApp>) -> usize {
    assert!(h.get_by_label("Scan screen").is_focused());
    for tabs in 1..=8 {
        h.key_press(egui::Key::Tab);
        h.step();
        if h.get_by_label("Browse…").is_focused() {
            return tabs;
        }
    }
    panic!("Browse… is not reached with 8 Tabs from Scan screen");
}

/// Press Space on the focused button, then step until the dialog's answer
/// was taken (the dialog thread is gone and the worker idle).
fn press_and_settle(h: &mut Harness<'_, BurnerApp>) {
    h.key_press(egui::Key::Space);
    let end = Instant::now() + Duration::from_secs(10);
    h.step();
    while h.state().workers.capturing() {
        assert!(Instant::now() < end, "the dialog's answer never came");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.step();
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn browse_is_reached_by_keyboard_and_no_dialog_says_to_type_the_path() {
    let (mut h, calls) = app_with_dialog(|| {
        Err(CaptureError::NoFileDialog {
            detail: "org.freedesktop.DBus.Error.ServiceUnknown".into(),
        })
    });
    assert!(has(&h, "Open image…"));
    let tabs = tab_to_browse(&mut h);
    assert!(tabs <= 3, "{tabs} Tabs from Scan screen to Browse…");
    press_and_settle(&mut h);
    assert_eq!(calls.load(Ordering::SeqCst), 1, "the dialog was asked once");
    let note = burner_bench(&h)
        .secret
        .capture_note
        .clone()
        .expect("a message");
    assert_eq!(
        note.problem,
        "No file dialog is available on this computer."
    );
    assert!(has(&h, "No file dialog is available on this computer."));
    assert!(has(&h, "type the picture's path"), "{}", note.next_step);
    // The portal's words are for the expert log, not the technician.
    assert!(!has(&h, "ServiceUnknown"));
    assert!(burner_bench(&h).secret.text.is_empty());
}

#[test]
fn a_cancelled_dialog_changes_nothing() {
    let (mut h, calls) = app_with_dialog(|| Ok(None));
    common::gui::type_secret(&mut h, totp_burner::app::demo::DEMO_URI);
    let before = burner_bench(&h).secret.text.to_string();
    h.get_by_label("Browse…").click();
    let end = Instant::now() + Duration::from_secs(10);
    h.step();
    while calls.load(Ordering::SeqCst) == 0 || h.state().workers.capturing() {
        assert!(Instant::now() < end, "the dialog never closed");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    assert_eq!(burner_bench(&h).secret.text.to_string(), before);
    assert!(burner_bench(&h).secret.capture_note.is_none());
    assert!(
        burner_bench(&h).secret.chosen().is_some(),
        "the secret stays"
    );
    assert!(!h.state().workers.capturing());
}

#[test]
fn a_chosen_picture_is_decoded_like_an_opened_file() {
    let (mut h, _) = app_with_dialog(|| Ok(Some(fixture("screen_1080p_5px.png"))));
    tab_to_browse(&mut h);
    press_and_settle(&mut h);
    let secret = &burner_bench(&h).secret;
    assert!(
        secret.text.contains("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
        "the QR's secret is in the field"
    );
    assert!(has(&h, "Contoso · alice@contoso.com"));

    // A file that is no picture gets the opened file's message.
    let (mut h, _) = app_with_dialog(|| Ok(Some(fixture("expected.json"))));
    tab_to_browse(&mut h);
    press_and_settle(&mut h);
    let note = burner_bench(&h)
        .secret
        .capture_note
        .clone()
        .expect("a message");
    assert!(note.problem.contains("expected.json"), "{}", note.problem);
}

/// The real dialog code (the portal through D-Bus) with no session bus:
/// no dialog, said as such rather than taken for a cancel. Run in a child
/// process so the bus address is its own.
#[cfg(target_os = "linux")]
#[test]
fn the_real_dialog_without_a_session_bus_is_no_dialog() {
    if std::env::var_os("TOTP_BURNER_CHOOSER_CHILD").is_some() {
        let got = totp_burner::capture::chooser::pick_image("title", "Pictures");
        assert!(
            matches!(got, Err(CaptureError::NoFileDialog { .. })),
            "{got:?}"
        );
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_real_dialog_without_a_session_bus_is_no_dialog",
            "--nocapture",
        ])
        .env("TOTP_BURNER_CHOOSER_CHILD", "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/totp-burner-bus",
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("1 passed"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
