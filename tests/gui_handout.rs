//! The hand-out view driven through the real egui app (egui_kittest, demo
//! mode): the serial is read from the token on the (virtual) reader, the
//! user picked from a users list, "Hand out" records it; a typed serial
//! whose burn was interrupted is refused with the reason; the activation
//! codes of the tokens handed out are shown live (never a secret, the
//! passphrase field wiped); a receipt is written.

mod common;

use common::gui::{click, demo_app, has, pump, type_into};
use totp_burner::app::demo::DEMO_READER;
use totp_burner::clock::ManualClock;
use totp_burner::params::{HmacAlgorithm, TimeStep};
use totp_burner::secret::Secret;
use totp_burner::secret::totp::code_at;
use totp_burner::station::records::Store;

const NOW: u64 = 1_800_000_010;
const PASSPHRASE: &str = "gui hand-out passphrase";
const DEMO_SERIAL: &str = "86596220000001";

fn secret(i: u8) -> Vec<u8> {
    format!("hand-out-secret-{i}-xyz").into_bytes()
}

fn code(i: u8, at: u64) -> String {
    let c = code_at(
        &Secret::new(secret(i)),
        HmacAlgorithm::Sha1,
        TimeStep::Seconds30,
        at,
    );
    format!("{} {}", &c[..3], &c[3..])
}

/// The shared fixture (see `common::gui::burned_records`).
fn records(dir: &std::path::Path) -> std::path::PathBuf {
    common::gui::burned_records(dir, "desk-g", "gui-box", PASSPHRASE, secret)
}

#[test]
fn hand_out_from_the_reader_and_typed_then_activation_codes_and_a_receipt() {
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-handout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = records(&dir);
    let users = dir.join("users.csv");
    std::fs::write(
        &users,
        "displayName,userPrincipalName\nAlice Smith,alice@contoso.com\nBob Jones,bob@contoso.com\n",
    )
    .unwrap();
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().handout.set_records_path(Some(path.clone()));
    click(&mut h, "Hand-out");
    pump(
        &mut h,
        "the serial read from the token on the reader",
        |h| h.state().handout.serial == DEMO_SERIAL,
    );
    assert!(has(&h, &format!("read from the token on {DEMO_READER}")));
    assert!(has(&h, "No token handed out yet."));

    // The user picked from the list.
    type_into(&mut h, "Users list (CSV):", users.to_str().unwrap());
    click(&mut h, "Load list");
    pump(&mut h, "the users listed", |h| {
        has(h, "Bob Jones <bob@contoso.com>")
    });
    type_into(&mut h, "User (UPN):", "smith");
    pump(&mut h, "the list narrowed", |h| {
        !has(h, "Bob Jones <bob@contoso.com>")
    });
    click(&mut h, "Alice Smith <alice@contoso.com>");
    assert_eq!(h.state().handout.upn, "alice@contoso.com");
    click(&mut h, "Hand out");
    pump(&mut h, "the hand-out recorded", |h| {
        has(h, "Token 86596220000001 handed out to alice@contoso.com.")
    });
    pump(&mut h, "the recent hand-outs", |h| {
        !h.state().handout.recent.is_empty()
    });
    let stored = Store::open(&path, None).unwrap().assignments(None).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].reader.as_deref(), Some(DEMO_READER));

    // A typed serial whose burn was interrupted: refused, with the reason.
    h.state_mut().handout.serial.clear();
    type_into(&mut h, "Token serial:", "86596220000003");
    assert!(has(&h, "typed"));
    click(&mut h, "Hand out");
    pump(&mut h, "the refusal", |h| {
        has(h, "its last burn was interrupted and it may be blank")
    });
    // Another typed serial, to a typed user.
    h.state_mut().handout.serial.clear();
    type_into(&mut h, "Token serial:", "86596220000002");
    h.state_mut().handout.upn.clear();
    type_into(&mut h, "User (UPN):", "bob@contoso.com");
    click(&mut h, "Hand out");
    pump(&mut h, "the typed hand-out", |h| {
        has(h, "Token 86596220000002 handed out to bob@contoso.com.")
    });
    let stored = Store::open(&path, None).unwrap().assignments(None).unwrap();
    assert_eq!(stored.len(), 2, "the refusal recorded nothing");
    assert_eq!(stored[1].reader, None);
    pump(&mut h, "both in the recent list", |h| {
        h.state().handout.recent.len() == 2
    });

    // Activation codes: live, from the app's clock; never the secret.
    type_into(&mut h, "Passphrase of the kept secrets:", PASSPHRASE);
    click(&mut h, "Show codes");
    assert!(
        h.state().handout.passphrase.is_empty(),
        "the passphrase is wiped once used"
    );
    pump(&mut h, "the codes", |h| has(h, &code(1, NOW)));
    assert!(has(&h, &code(2, NOW)));
    assert!(has(&h, &format!("{} s", 30 - NOW % 30)));
    for i in [1, 2] {
        let b32 = data_encoding::BASE32_NOPAD.encode(&secret(i));
        assert!(!has(&h, &b32), "a secret is on screen");
    }
    clock.advance(30);
    h.step();
    h.step();
    assert!(has(&h, &code(1, NOW + 30)), "the code follows the clock");
    click(&mut h, "Hide codes");
    assert!(h.state().handout.live.is_empty());

    // A wrong passphrase is said.
    type_into(&mut h, "Passphrase of the kept secrets:", "not it");
    click(&mut h, "Show codes");
    pump(&mut h, "the refusal", |h| {
        has(h, "passphrase does not open the stored secrets")
    });

    // The receipt of the user in the field.
    let receipt = dir.join("receipt.html");
    type_into(&mut h, "Receipt file (HTML):", receipt.to_str().unwrap());
    click(&mut h, "Receipt for this user");
    pump(&mut h, "the receipt", |h| {
        has(h, "Wrote a receipt for 1 token to")
    });
    let page = std::fs::read_to_string(&receipt).unwrap();
    assert!(page.contains("bob@contoso.com") && page.contains("86596220000002"));
    assert!(!page.contains("alice@contoso.com"));
}

/// Issue 22: a token whose code check was skipped (or did not match) is
/// handed out only after "Hand out anyway", and the refusal says why.
#[test]
fn an_unchecked_token_is_handed_out_only_when_the_technician_says_so() {
    use totp_burner::station::records::Check;
    let dir = std::env::temp_dir().join(format!(
        "totp-burner-gui-handout-unchecked-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = records(&dir);
    Store::open(&path, None)
        .unwrap()
        .add_check("op-1", Some(DEMO_SERIAL), Check::Skipped)
        .unwrap();
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    h.state_mut().handout.set_records_path(Some(path.clone()));
    click(&mut h, "Hand-out");
    pump(&mut h, "the serial read from the token", |h| {
        h.state().handout.serial == DEMO_SERIAL
    });
    type_into(&mut h, "User (UPN):", "alice@contoso.com");
    click(&mut h, "Hand out");
    pump(&mut h, "the refusal", |h| {
        has(h, "Token 86596220000001 was not checked")
    });
    assert!(has(&h, "Hand out anyway"));
    let stored = || Store::open(&path, None).unwrap().assignments(None).unwrap();
    assert!(stored().is_empty(), "refused: nothing recorded");
    click(&mut h, "Hand out anyway");
    pump(&mut h, "the hand-out recorded", |h| {
        has(h, "Token 86596220000001 handed out to alice@contoso.com.")
    });
    assert_eq!(stored().len(), 1);
    assert!(!has(&h, "Hand out anyway"));
}
