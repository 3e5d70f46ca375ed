//! The check after a burn is typed, not clicked (issue 22): the technician
//! types the code the power-cycled token shows and Enter compares it; the
//! verdict (matched, didn't match, skipped) is appended to the records for
//! that operation; Enter on an empty field records nothing; the next token
//! needs a verdict; a secret pasted while the result shows is kept for the
//! next token; the Entra export takes tokens whose check failed or was
//! skipped only after "Export anyway". Driven through the real app (egui_kittest) with the demo's
//! emulated token behind the device worker.

mod common;

use common::gui::{
    NOW, burner_bench, click, demo, demo_app, has, pump, token_identified, type_into, type_secret,
};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use totp_burner::app::BurnerApp;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;
use totp_burner::station::records::{Check, Store};

const CODE_FIELD: &str = "Code on the token:";

/// The demo app recording into a fresh records file, with a burned token
/// whose result (and check) is showing.
fn burned(clock: &ManualClock, name: &str) -> (Harness<'static, BurnerApp>, std::path::PathBuf) {
    let mut h = demo_app(clock);
    let dir = std::env::temp_dir().join(format!("totp-burner-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let records = dir.join("records.sqlite");
    h.state_mut().use_records(records.clone());
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the burn's result", |h| {
        burner_bench(h).result.is_some()
    });
    (h, records)
}

/// The code the demo token shows after its power cycle.
fn token_code(h: &Harness<'_, BurnerApp>) -> String {
    lock(&demo(h).token).code_after_power_cycle().unwrap()
}

/// The latest check recorded for the only burn in `records` (waits for
/// the device worker to append it).
fn recorded_check(h: &mut Harness<'_, BurnerApp>, records: &std::path::Path) -> Option<Check> {
    for _ in 0..50 {
        h.step();
        let list = Store::open(records, None).unwrap().list(None).unwrap();
        assert_eq!(list.len(), 1, "one burn recorded");
        if list[0].check.is_some() {
            return list[0].check;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    None
}

fn no_check_recorded(records: &std::path::Path) -> bool {
    let list = Store::open(records, None).unwrap().list(None).unwrap();
    list.len() == 1 && list[0].check.is_none()
}

#[test]
fn typing_the_tokens_code_and_enter_records_matched() {
    let clock = ManualClock::new(NOW);
    let (mut h, records) = burned(&clock, "matched");
    assert!(has(
        &h,
        "Switch the token off and on, then type the code it shows"
    ));
    // Until the verdict there is no way on, and the live code is not on
    // screen to be copied from.
    assert!(h.query_by_label("Next token").is_none());
    let code = token_code(&h);
    assert!(h.query_by_label(&common::gui::grouped(&code)).is_none());
    // The code field has the keyboard: the digits go straight in.
    h.get_by_label(CODE_FIELD).type_text(&code);
    h.step();
    h.key_press(egui::Key::Enter);
    h.step();
    assert_eq!(recorded_check(&mut h, &records), Some(Check::Matched));
    assert!(has(&h, "The token shows the right code"));
    assert!(
        h.query_by_label(&common::gui::grouped(&code)).is_some(),
        "the live code to type into the service once it matched"
    );
    assert!(
        burner_bench(&h).result.is_some(),
        "the same Enter did not leave the result"
    );
    // Now Enter goes on to the next token.
    h.key_press(egui::Key::Enter);
    h.step();
    assert!(burner_bench(&h).result.is_none());
}

#[test]
fn a_wrong_code_records_didnt_match() {
    let clock = ManualClock::new(NOW);
    let (mut h, records) = burned(&clock, "mismatched");
    let code = token_code(&h);
    let wrong: String = code
        .chars()
        .map(|c| if c == '9' { '0' } else { (c as u8 + 1) as char })
        .collect();
    type_into(&mut h, CODE_FIELD, &wrong);
    h.key_press(egui::Key::Enter);
    h.step();
    assert_eq!(recorded_check(&mut h, &records), Some(Check::Mismatched));
    assert!(has(&h, "The token shows another code"));
    // A wrong digit typed: check again, this time right. The records keep
    // both; the latest counts.
    click(&mut h, "Type the code again");
    type_into(&mut h, CODE_FIELD, &code);
    h.key_press(egui::Key::Enter);
    h.step();
    let mut latest = None;
    for _ in 0..50 {
        h.step();
        latest = recorded_check(&mut h, &records);
        if latest == Some(Check::Matched) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(latest, Some(Check::Matched));
}

#[test]
fn enter_on_an_empty_code_records_nothing_and_next_token_needs_a_verdict() {
    let clock = ManualClock::new(NOW);
    let (mut h, records) = burned(&clock, "empty");
    h.key_press(egui::Key::Enter);
    h.step();
    h.key_press(egui::Key::Escape);
    h.step();
    h.key_press(egui::Key::N);
    h.step();
    let ctrl_n = egui::Modifiers::COMMAND;
    h.key_press_modifiers(ctrl_n, egui::Key::N);
    h.step();
    h.step();
    assert!(
        burner_bench(&h).result.is_some(),
        "no key left the unchecked burn"
    );
    assert!(no_check_recorded(&records));
    assert!(has(&h, "before the next token"), "Ctrl+N says why not");
    // Skipping is explicit, and recorded as such.
    click(&mut h, "Skip the check");
    assert_eq!(recorded_check(&mut h, &records), Some(Check::Skipped));
    assert!(has(&h, "Not checked"));
    click(&mut h, "Next token");
    assert!(burner_bench(&h).result.is_none());
}

#[test]
fn a_secret_pasted_on_the_result_waits_for_the_next_token() {
    let clock = ManualClock::new(NOW);
    let (mut h, _records) = burned(&clock, "paste");
    let next = "otpauth://totp/Contoso:grace%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Contoso";
    // Leave the code field (Esc), then paste as Ctrl+V does.
    h.key_press(egui::Key::Escape);
    h.step();
    h.event(egui::Event::Paste(next.to_string()));
    h.step();
    h.key_press(egui::Key::Enter);
    h.step();
    assert!(
        burner_bench(&h).result.is_some(),
        "the check is asked first"
    );
    click(&mut h, "Skip the check");
    h.key_press(egui::Key::Enter);
    h.step();
    let b = burner_bench(&h);
    assert!(b.result.is_none());
    assert!(
        b.secret.text.as_str() == next,
        "the pasted secret is the next token's, not lost"
    );
    assert!(has(&h, "Contoso · grace@contoso.com"));
}

/// Issue 22: the Entra export refuses tokens whose code check was skipped
/// or did not match, naming them, and takes them after "Export anyway"
/// (the passphrase, wiped with the first try, typed again).
#[test]
fn the_entra_export_takes_unchecked_tokens_only_after_export_anyway() {
    use totp_burner::station::records::{Check, Store};
    let dir = std::env::temp_dir().join(format!(
        "totp-burner-gui-records-unchecked-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let pass = "unchecked export passphrase";
    let path = common::gui::burned_records(&dir, "desk-u", "box-u", pass, |i| {
        format!("unchecked-secret-{i}-abc").into_bytes()
    });
    {
        let s = Store::open(&path, None).unwrap();
        s.add_check("op-1", Some("86596220000001"), Check::Skipped)
            .unwrap();
        s.add_check("op-2", Some("86596220000002"), Check::Matched)
            .unwrap();
        s.add_assignment("86596220000001", "a@contoso.com", None)
            .unwrap();
        s.add_assignment("86596220000002", "b@contoso.com", None)
            .unwrap();
    }
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().records.set_records_path(Some(path.clone()));
    click(&mut h, "Records");
    // The view gives its search field the keyboard as it opens.
    pump(&mut h, "the records listed", |h| has(h, "86596220000002"));
    let out = dir.join("entra.csv");
    type_into(&mut h, "Export to file:", out.to_str().unwrap());
    type_into(&mut h, "Passphrase of the kept secrets:", pass);
    click(&mut h, "Export for Entra ID (CSV)…");
    pump(&mut h, "the refusal", |h| {
        has(h, "may not hold the secret being exported")
    });
    assert!(has(&h, "86596220000001"));
    assert!(!out.exists(), "nothing written");
    click(&mut h, "Export anyway");
    type_into(&mut h, "Passphrase of the kept secrets:", pass);
    click(&mut h, "Export for Entra ID (CSV)…");
    pump(&mut h, "the export", |h| has(h, "Wrote 2 tokens"));
    assert!(out.exists());
    assert!(!h.state().records.accept_unchecked, "asked again next time");
}
