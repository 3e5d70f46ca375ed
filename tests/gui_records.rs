//! The real egui app driven through egui_kittest, on the records view,
//! the PC clock's verdict in the token panel and result, and what the scan
//! does when the decoder panics, the portal never answers or the window is
//! unmapped.

mod common;

use common::gui::{
    NOW, PLAIN_URI, burner_bench, click, demo_app, has, pump, token_identified, type_into,
    type_secret,
};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use totp_burner::app::BurnerApp;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::clock::ManualClock;

#[test]
fn records_view_shows_interrupted_searches_and_exports_for_entra() {
    use age::secrecy::SecretString;
    use totp_burner::app::records::OutcomeFilter;
    use totp_burner::station::export::{self, EntraRow};
    use totp_burner::station::records::{NewRecord, Outcome, Store};
    use totp_burner::station::vault::{OpenVault, Vault};
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-records-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("records.sqlite");
    let passphrase = "gui test passphrase";
    {
        let store = Store::open(&path, Some("desk-7")).unwrap();
        let vault =
            Vault::unlock_or_create(&store, &SecretString::from(passphrase.to_string())).unwrap();
        let (enc, key) = vault.seal(b"12345678901234567890").unwrap();
        let base = NewRecord {
            reader: "Virtual PCD 00 00".into(),
            model: Some("OTPC-P2-i".into()),
            algorithm: Some("sha1".into()),
            period: Some(30),
            batch: Some("gui-batch".into()),
            ..Default::default()
        };
        store
            .add(&NewRecord {
                serial: Some("86596220000011".into()),
                upn: Some("alice@contoso.com".into()),
                op_id: Some("op-ok".into()),
                outcome: Outcome::Ok,
                secret_enc: Some(enc),
                key_id: Some(key),
                ..base.clone()
            })
            .unwrap();
        // Started, never finished: interrupted.
        store
            .add(&NewRecord {
                serial: Some("86596220000022".into()),
                upn: Some("bob@contoso.com".into()),
                op_id: Some("op-int".into()),
                ..base.clone()
            })
            .unwrap();
        store
            .add(&NewRecord {
                serial: Some("86596220000033".into()),
                op_id: Some("op-failed".into()),
                outcome: Outcome::Failed,
                error_code: Some("token-removed".into()),
                token_state: Some(totp_burner::station::records::HeldState::Untouched),
                batch: Some("other-batch".into()),
                ..base
            })
            .unwrap();
    }
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().records.set_records_path(Some(path.clone()));
    click(&mut h, "Records");
    pump(&mut h, "the records listed", |h| has(h, "86596220000033"));
    assert!(has(&h, "86596220000011") && has(&h, "86596220000022"));
    assert!(
        has(
            &h,
            "(!) interrupted: the token may be blank; lay it on again"
        ),
        "the interrupted burn is marked in words, not by colour alone"
    );
    assert!(has(&h, "1 operation(s) were interrupted"));
    assert!(has(&h, "desk-7"), "the station column");

    // Search by serial narrows the table.
    type_into(&mut h, "Search serial or UPN:", "0011");
    pump(&mut h, "the search by serial", |h| {
        !has(h, "86596220000022") && !has(h, "86596220000033")
    });
    assert!(has(&h, "86596220000011"));
    assert!(has(&h, "alice@contoso.com"));
    assert!(!has(&h, "operation(s) were interrupted"));

    // Outcome filter: only the interrupted one.
    h.state_mut().records.search.clear();
    h.state_mut().records.outcome = OutcomeFilter::Interrupted;
    click(&mut h, "Refresh");
    pump(&mut h, "the outcome filter", |h| {
        has(h, "86596220000022") && !has(h, "86596220000011")
    });
    assert!(!has(&h, "86596220000033"));
    h.state_mut().records.outcome = OutcomeFilter::All;
    click(&mut h, "Refresh");
    pump(&mut h, "every record again", |h| has(h, "86596220000033"));
    assert_eq!(
        h.state().records.batches,
        vec!["gui-batch".to_string(), "other-batch".to_string()],
        "the batch filter offers the batches present"
    );

    // The Entra export writes exactly what export::entra_csv gives.
    let out = dir.join("entra.csv");
    type_into(&mut h, "Export to file:", out.to_str().unwrap());
    type_into(&mut h, "Passphrase of the kept secrets:", passphrase);
    assert_eq!(h.state().records.passphrase.as_str(), passphrase);
    click(&mut h, "Export for Entra ID (CSV)…");
    assert!(
        h.state().records.passphrase.is_empty(),
        "the passphrase is wiped once used"
    );
    pump(&mut h, "the Entra export", |h| {
        has(h, "Wrote 1 token of batch gui-batch to")
    });
    assert!(has(&h, "holds the tokens' SECRETS"));
    assert!(has(&h, "then delete it"));
    if !cfg!(windows) {
        assert!(has(&h, "readable by you only"));
    }
    let want = {
        let store = Store::open(&path, None).unwrap();
        let open = OpenVault::open(&store, &SecretString::from(passphrase.to_string())).unwrap();
        let kept = store.kept_secrets(None).unwrap();
        let b32: Vec<_> = kept
            .iter()
            .map(|(_, blob, key)| {
                totp_burner::secret::Secret::from_zeroizing(open.unseal(*key, blob).unwrap())
                    .to_base32()
            })
            .collect();
        let rows: Vec<EntraRow<'_>> = kept
            .iter()
            .zip(&b32)
            .map(|((r, _, _), s)| EntraRow {
                record: r,
                upn: r.upn.as_deref().unwrap_or(""),
                secret_base32: s,
            })
            .collect();
        export::entra_csv(&rows).unwrap().as_bytes().to_vec()
    };
    assert_eq!(std::fs::read(&out).unwrap(), want);
    assert!(String::from_utf8_lossy(&want).contains("alice@contoso.com,86596220000011,"));

    // The records export (no secrets) writes what export::records_csv gives.
    let csv = dir.join("records.csv");
    h.state_mut().records.export_path.clear();
    type_into(&mut h, "Export to file:", csv.to_str().unwrap());
    click(&mut h, "Export records (CSV)…");
    pump(&mut h, "the records export", |h| {
        has(h, "Wrote 3 records to")
    });
    let list = Store::open(&path, None).unwrap().list(None).unwrap();
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        export::records_csv(&list)
    );

    // A wrong passphrase is said, and writes nothing.
    let other = dir.join("wrong.csv");
    h.state_mut().records.export_path.clear();
    type_into(&mut h, "Export to file:", other.to_str().unwrap());
    type_into(
        &mut h,
        "Passphrase of the kept secrets:",
        "not the passphrase",
    );
    click(&mut h, "Export for Entra ID (CSV)…");
    pump(&mut h, "the refusal", |h| {
        has(h, "passphrase does not open the stored secrets")
    });
    assert!(!other.exists());
}

#[test]
fn the_token_panel_and_the_result_say_the_pc_clock_was_not_verified() {
    // cargo's [env] sets no time servers for tests: the check cannot verify.
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the PC clock check", |h| {
        h.state().workers.pc_clock.is_some()
    });
    pump(&mut h, "the token to be read", token_identified);
    assert!(has(&h, "PC clock"));
    let (words, _) = h.state().workers.pc_clock_words().unwrap();
    assert!(words.contains("not verified"), "{words}");
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the result", |h| burner_bench(h).result.is_some());
    let note = burner_bench(&h).record_warning.words().unwrap_or_default();
    assert!(note.contains("not verified"), "{note}");
    assert!(has(&h, "not verified"));
}

// ---- Screen scan: the window always comes back ----

use totp_burner::app::capture::{CaptureHooks, CaptureWorker};
use totp_burner::capture::screen::{self, Backend, Screenshot};

/// The viewport commands the app sent in the last step.
fn viewport_commands(h: &Harness<'_, BurnerApp>) -> Vec<egui::ViewportCommand> {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Press the scan shortcut, step until the scan ends and return every
/// viewport command sent meanwhile; check the window got out of the way
/// with `hide` (at once when minimised; on the worker's request when it
/// could not unmap the window itself, as here: no real window) before the
/// scan ended with the focus given back.
fn scan_and_wait(
    h: &mut Harness<'_, BurnerApp>,
    hide: egui::ViewportCommand,
) -> Vec<egui::ViewportCommand> {
    h.step();
    // One event per step (kittest steps once per queued event): the hiding
    // command is in the output of the step that saw the shortcut.
    let modifiers = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    let key = |pressed| egui::Event::Key {
        key: egui::Key::S,
        pressed,
        modifiers,
        repeat: false,
        physical_key: None,
    };
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.step();
    h.event(key(true));
    h.step();
    let mut seen = viewport_commands(h);
    if hide == egui::ViewportCommand::Minimized(true) {
        assert!(seen.contains(&hide), "minimised at once: {seen:?}");
    }
    // One event a step: a step's output is its last frame's only.
    h.event(key(false));
    h.step();
    seen.extend(viewport_commands(h));
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::default()));
    h.step();
    assert!(
        h.state().workers.hidden_for_scan,
        "the window hides while capturing"
    );
    seen.extend(viewport_commands(h));
    let end = Instant::now() + Duration::from_secs(15);
    while h.state().workers.hidden_for_scan {
        assert!(Instant::now() < end, "the window never came back");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
        seen.extend(viewport_commands(h));
    }
    h.step();
    let hidden = seen.iter().position(|c| *c == hide);
    let focused = seen
        .iter()
        .rposition(|c| *c == egui::ViewportCommand::Focus);
    assert!(
        hidden.is_some() && hidden < focused,
        "{hide:?}, then the focus back, in {seen:?}"
    );
    assert!(!h.state().workers.hidden_by_toolkit);
    seen
}

/// A screen with the demo's QR on it, grabbed by a fake X11 backend.
fn fake_x11_screen() -> Result<screen::ScreenCapture, totp_burner::capture::CaptureError> {
    screen::capture_with(&[Backend::X11], |_| {
        Ok(vec![Screenshot {
            monitor: "fake".into(),
            image: image::GrayImage::from_fn(320, 240, |x, y| {
                image::Luma([if (x / 8 + y / 8) % 2 == 0 { 0 } else { 255 }])
            }),
        }])
    })
}

/// The burner's capture message (a scan always ends with one here).
fn capture_note(h: &Harness<'_, BurnerApp>) -> totp_burner::explain::Explanation {
    burner_bench(h)
        .secret
        .capture_note
        .clone()
        .expect("a message")
}

#[test]
fn a_decoder_panic_brings_the_window_back_with_a_message() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().use_capture_worker(CaptureWorker::spawn_with(
        || {},
        CaptureHooks {
            screen: Box::new(fake_x11_screen),
            decode: Box::new(|_| panic!("injected decoder bug")),
            minimise: false,
            unmap: None,
        },
    ));
    let seen = scan_and_wait(&mut h, egui::ViewportCommand::Visible(false));
    assert!(
        seen.contains(&egui::ViewportCommand::Visible(true)),
        "the window is shown again: {seen:?}"
    );
    let note = capture_note(&h);
    assert_eq!(
        note.problem,
        "The QR search stopped with an internal error."
    );
    assert!(has(&h, "The QR search stopped with an internal error."));
    // The worker survived the panic: a second scan ends the same way.
    let seen = scan_and_wait(&mut h, egui::ViewportCommand::Visible(false));
    assert!(
        seen.contains(&egui::ViewportCommand::Visible(true)),
        "{seen:?}"
    );
    assert!(!h.state().busy() && !h.state().workers.hidden_for_scan);
}

#[test]
fn a_portal_that_never_answers_brings_the_minimised_window_back() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    // Wayland: minimise (hiding is ignored there); the portal hangs.
    h.state_mut().use_capture_worker(CaptureWorker::spawn_with(
        || {},
        CaptureHooks {
            screen: Box::new(|| {
                screen::capture_with(&[Backend::Portal], |b| {
                    screen::with_timeout(b, Duration::from_secs(1), || {
                        std::thread::sleep(Duration::from_secs(3600));
                        unreachable!()
                    })
                })
            }),
            decode: Box::new(|_| panic!("nothing to decode")),
            minimise: true,
            unmap: None,
        },
    ));
    let start = Instant::now();
    let seen = scan_and_wait(&mut h, egui::ViewportCommand::Minimized(true));
    assert!(start.elapsed() >= Duration::from_secs(1), "the timeout ran");
    assert!(
        seen.contains(&egui::ViewportCommand::Minimized(false)),
        "the window is restored: {seen:?}"
    );
    assert!(seen.contains(&egui::ViewportCommand::Focus), "{seen:?}");
    let note = capture_note(&h);
    assert_eq!(
        note.problem,
        "The desktop's screenshot service did not answer within 1 second."
    );
    assert!(has(&h, "did not answer within 1 second."));
}

#[test]
fn the_scan_place_names_the_backend_that_worked() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().use_capture_worker(CaptureWorker::spawn_with(
        || {},
        CaptureHooks {
            screen: Box::new(|| {
                screen::capture_with(&[Backend::Portal, Backend::X11], |b| match b {
                    Backend::Portal => Err(totp_burner::capture::CaptureError::WaylandUnsupported),
                    _ => fake_x11_screen().map(|c| c.shots),
                })
            }),
            decode: Box::new(|_| Vec::new()),
            minimise: true,
            unmap: None,
        },
    ));
    scan_and_wait(&mut h, egui::ViewportCommand::Minimized(true));
    let note = capture_note(&h);
    assert_eq!(note.problem, "No QR code found (screen via X11).");
}

/// On X11 the capture worker unmaps the window itself (here it only
/// pretends to): eframe is never told (no `Visible(false)`, which would
/// put off the repaint that takes the result), the frames meanwhile paint
/// nothing but the background (no one sees them), and the scan ends with
/// the focus given back and the whole window painted again.
#[test]
fn while_the_worker_has_the_window_unmapped_only_the_background_is_painted() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let (release, grab_waits) = std::sync::mpsc::channel::<()>();
    h.state_mut().use_capture_worker(CaptureWorker::spawn_with(
        || {},
        CaptureHooks {
            screen: Box::new(move || {
                let _ = grab_waits.recv();
                fake_x11_screen()
            }),
            decode: Box::new(|_| vec![PLAIN_URI.to_string()]),
            minimise: false,
            unmap: Some(Box::new(|_, _| screen::Hidden::default())),
        },
    ));
    h.step();
    assert!(!h.output().shapes.is_empty(), "the window is painted");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.step();
    let mut seen = viewport_commands(&h);
    h.step();
    seen.extend(viewport_commands(&h));
    let workers = &h.state().workers;
    assert!(workers.hidden_for_scan && !workers.hidden_by_toolkit);
    assert!(workers.unmapped_for_scan());
    assert!(
        h.output().shapes.is_empty(),
        "only the background is painted"
    );
    release.send(()).unwrap();
    let end = Instant::now() + Duration::from_secs(15);
    while h.state().workers.hidden_for_scan {
        assert!(Instant::now() < end, "the scan never ended");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
        seen.extend(viewport_commands(&h));
    }
    assert!(
        !seen
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Visible(_))),
        "eframe is not told: {seen:?}"
    );
    assert!(seen.contains(&egui::ViewportCommand::Focus), "{seen:?}");
    h.step();
    assert!(!h.output().shapes.is_empty(), "the window is painted again");
    let secret = &burner_bench(&h).secret;
    assert!(matches!(secret.parsed, Some(Ok(_))), "the secret was taken");
    assert_eq!(secret.origin.as_deref(), Some("screen via X11"));
}

/// With records that list known serials, the token panel says whether the
/// token on the reader is on that list, in red when it is not (a burn would
/// be refused); records without a list say nothing there.
#[test]
fn the_token_panel_says_when_a_token_is_not_on_the_known_serials_list() {
    use totp_burner::station::records::{Store, parse_stock};
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-known-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("records.sqlite");
    let store = Store::open(&path, None).unwrap();
    store
        .import_stock(
            &parse_stock("86596220000099\n86596220000098\n"),
            "vendor.csv",
        )
        .unwrap();
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().use_records(path.clone());
    // Lay the token on again now that the records are in use.
    relay_token(&mut h);
    pump(&mut h, "the known serials' verdict", |h| {
        has(
            h,
            "NOT on this organisation's list of known serials (2 listed)",
        )
    });
    assert!(has(&h, "Known serials"));

    store
        .import_stock(&parse_stock("86596220000001\n"), "vendor-2.csv")
        .unwrap();
    relay_token(&mut h);
    pump(&mut h, "the token read again", |h| {
        has(h, "on this organisation's list of known serials (3 listed)")
    });
    assert!(!has(&h, "NOT on this organisation's list"));
}

/// Lift the demo token off its reader and lay it on again: it is read anew.
fn relay_token(h: &mut Harness<'_, BurnerApp>) {
    let link = h.state().workers.demo.as_ref().unwrap().link.clone();
    link.set_present(false);
    pump(h, "the token lifted", |h| {
        matches!(
            h.state().workers.token,
            totp_burner::app::workers::TokenStatus::Absent
        )
    });
    link.set_present(true);
    pump(h, "the token to be read", token_identified);
}

/// The records view shows the newest page of the operations and adds
/// older ones on request (the store pages; the view never reads the whole
/// history to open).
#[test]
fn the_records_view_pages_through_a_long_history() {
    use totp_burner::app::records::PAGE;
    use totp_burner::station::records::{NewRecord, Outcome, Store};
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-pages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("records.sqlite");
    let store = Store::open(&path, None).unwrap();
    let total = 2 * PAGE + 50;
    for i in 0..total {
        store
            .add(&NewRecord {
                reader: "r".into(),
                serial: Some(format!("8659622{i:07}")),
                outcome: Outcome::Ok,
                op_id: Some(format!("op{i}")),
                ..Default::default()
            })
            .unwrap();
    }
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().records.set_records_path(Some(path));
    click(&mut h, "Records");
    pump(&mut h, "the newest page", |h| {
        h.state().records.rows.len() == PAGE
    });
    let newest = format!("8659622{:07}", total - 1);
    assert_eq!(
        h.state().records.rows[0].serial.as_deref(),
        Some(newest.as_str())
    );
    older(&mut h);
    pump(&mut h, "the next page", |h| {
        h.state().records.rows.len() == 2 * PAGE
    });
    older(&mut h);
    pump(&mut h, "the last page", |h| {
        h.state().records.rows.len() == total
    });
    assert!(!has(&h, "Show older operations"), "nothing older");
    let oldest = h.state().records.rows.last().unwrap();
    assert_eq!(oldest.serial.as_deref(), Some("86596220000000"));
}

/// Press "Show older operations", below the table (out of the window's
/// view: pressed through the accessibility tree, as a screen reader would).
fn older(h: &mut Harness<'_, BurnerApp>) {
    h.get_by_label("Show older operations").click_accesskit();
    h.run_steps(2);
}
