//! Every word the app's own views show comes from the message catalogue:
//! in the hidden pseudo-language each catalogue message is wrapped in
//! ⟦…⟧, and the accessibility tree of the real app (egui_kittest) is
//! walked for visible text outside the brackets. The records, hand-out
//! and burner views (with the shell around them: tab bar, status line,
//! language menu, expert log) fail on any such text. Pure data (serials,
//! codes, numbers, paths, UPNs, reader and model names, algorithm names)
//! is allowed. Plus the language menu (the status line, the PC clock line
//! and the window title follow it at once), and German snapshots of the
//! records and burner views.

mod common;

use common::gui::{
    LiftOnce, app_with, click, demo_app, pump, token_identified, type_into, type_secret,
};
use common::pseudo::{LANGUAGE, is_catalogue_or_data, plain};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use std::collections::BTreeSet;
use totp_burner::app::BurnerApp;
use totp_burner::app::demo::{DEMO_READER, DEMO_URI};
use totp_burner::app::settings::Settings;
use totp_burner::app::workers::TokenStatus;
use totp_burner::clock::ManualClock;
use totp_burner::i18n::{self, Lang};
use totp_burner::station::handout;
use totp_burner::station::records::Store;

const NOW: u64 = 1_790_000_000;
const PASSPHRASE: &str = "gui i18n passphrase";
const DEMO_SERIAL: &str = "86596220000001";
const MODEL: &str = "OTPC-P2-i";

/// Records with the demo token burned and handed out (secret kept),
/// another burned and one interrupted: every kind of row.
fn records(name: &str) -> std::path::PathBuf {
    // No process id in the folder: the records view names its file, and
    // the snapshots must not change from run to run.
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-i18n-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = common::gui::burned_records(&dir, "desk-i18n", "box-7", PASSPHRASE, |i| vec![i; 20]);
    let store = Store::open(&path, None).unwrap();
    handout::assign(
        &store,
        DEMO_SERIAL,
        "alice@contoso.com",
        Some(DEMO_READER),
        false,
    )
    .unwrap();
    drop(store);
    // One fixed time for every row, so the snapshots do not change with
    // the minute the test ran. A fixture only: the app's store is
    // append-only, so its trigger is lifted here (opening the store puts
    // it back).
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(&format!(
        "DROP TRIGGER records_append_only_u; UPDATE records SET time = {NOW};"
    ))
    .unwrap();
    path
}

fn data() -> Vec<&'static str> {
    use totp_burner::station::records::{host_name, os_user};
    let host: &'static str = Box::leak(host_name().into_boxed_str());
    let user: &'static str = Box::leak(os_user().into_boxed_str());
    vec![
        DEMO_READER,
        MODEL,
        "box-7",
        "desk-i18n",
        host,
        user,
        "Demo Company · technician@example.com",
        "Demo Company",
        "SHA-1",
        "SHA-256",
        // egui's accessibility label of a panel's resize handle (not drawn
        // as text; egui has no way to translate it).
        "Resize panel",
    ]
}

fn app(clock: &ManualClock, path: &std::path::Path) -> Harness<'static, BurnerApp> {
    let mut h = demo_app(clock);
    h.state_mut()
        .records
        .set_records_path(Some(path.to_path_buf()));
    h.state_mut()
        .handout
        .set_records_path(Some(path.to_path_buf()));
    h
}

/// A view's plain strings, the shell around it included.
fn view_plain(h: &mut Harness<'_, BurnerApp>, tab: &str) -> Vec<String> {
    click(h, tab);
    h.run_steps(4);
    plain(h, &data()).into_iter().collect()
}

#[test]
fn the_records_hand_out_secret_and_log_views_show_only_catalogue_text() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let path = records("pseudo");
    let clock = ManualClock::new(NOW);
    let mut h = app(&clock, &path);
    pump(&mut h, "the token to be read", token_identified);
    i18n::set_language(Lang::Pseudo);
    // The default fonts lack ⟦ and ⟧: they draw as boxes, the tree keeps them.
    h.ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    h.run_steps(2);

    // Records: the rows (ok, interrupted, handed out), filters, exports,
    // and an export's failure.
    let mut failures = view_plain(&mut h, "⟦Records⟧");
    pump(&mut h, "the records", |h| h.state().records.rows.len() == 3);
    h.state_mut().records.export_path = String::new();
    click(&mut h, "⟦Export records (CSV)…⟧");
    pump(&mut h, "the export's failure", |h| {
        h.query_all(By::new().label_contains("⟦No file to write"))
            .next()
            .is_some()
    });
    failures.extend(plain(&h, &data()));

    // Hand-out: the token on the reader, the recent hand-outs, the codes
    // refused without a passphrase.
    failures.extend(view_plain(&mut h, "⟦Hand-out⟧"));
    pump(&mut h, "the serial from the reader", |h| {
        h.state().handout.serial == DEMO_SERIAL
    });
    click(&mut h, "⟦Show codes⟧");
    h.run_steps(4);
    failures.extend(plain(&h, &data()));
    let failures: BTreeSet<_> = failures.into_iter().collect();
    assert!(
        failures.is_empty(),
        "text outside the catalogue in the records or hand-out view:\n{}",
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );

    // The burner view: every panel (secret, options, reader, token with
    // its "More"), the action bar and the shell, in each state of the
    // secret; and the expert log.
    click(&mut h, "⟦Burner⟧");
    h.run_steps(4);
    let wrapped = |h: &Harness<'_, BurnerApp>, text: &str| {
        h.query_all(By::new().label_contains(text)).next().is_some()
    };
    for t in [
        "⟦1. Secret⟧",
        "⟦Scan screen⟧",
        "⟦Open image…⟧",
        "⟦Paste⟧",
        "⟦Show secret⟧",
        "⟦2. Reader⟧",
        "⟦3. Token⟧",
        "⟦Options⟧",
        "⟦Burner⟧",
    ] {
        assert!(wrapped(&h, t), "{t} in the burner view");
    }
    click(&mut h, "⟦More⟧");
    let mut burner = plain(&h, &data());
    let field = "⟦Secret key, otpauth link or export:⟧";
    type_into(&mut h, field, "12345678");
    h.run_steps(4);
    assert!(wrapped(&h, "⟦What to do: ⟦"), "the problem's next step");
    burner.extend(plain(&h, &data()));
    click(&mut h, "⟦Clear⟧");
    type_into(&mut h, field, "https://aka.ms/mfasetup");
    h.run_steps(4);
    assert!(
        wrapped(&h, "⟦You typed a web address, not a secret key.⟧"),
        "a typed web address is not called a QR code"
    );
    burner.extend(plain(&h, &data()));
    click(&mut h, "⟦Clear⟧");
    type_into(&mut h, field, DEMO_URI);
    h.run_steps(4);
    assert!(wrapped(&h, "⟦Ready: Demo Company"), "the ready line");
    assert!(wrapped(&h, "· ready to burn⟧"), "the status line");
    burner.extend(plain(&h, &data()));
    click(&mut h, "⟦Expert log⟧");
    h.run_steps(2);
    assert!(wrapped(&h, "⟦Copy log⟧") && wrapped(&h, "⟦Clear log⟧"));
    burner.extend(plain(&h, &data()));
    i18n::set_language(Lang::En);
    assert!(
        burner.is_empty(),
        "text outside the catalogue in the burner view:\n{}",
        burner.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_brackets_check_tells_catalogue_text_from_plain_text() {
    let data = ["Demo reader (virtual)"];
    assert!(is_catalogue_or_data("⟦Records⟧", &data));
    assert!(is_catalogue_or_data("⟦a ⟦b⟧ c⟧ ⟦d⟧", &data));
    assert!(is_catalogue_or_data("(!) ⟦interrupted⟧", &data));
    assert!(is_catalogue_or_data("86596220000001", &data));
    assert!(is_catalogue_or_data("123 456", &data));
    assert!(is_catalogue_or_data("alice@contoso.com", &data));
    assert!(is_catalogue_or_data("Demo reader (virtual)", &data));
    assert!(!is_catalogue_or_data("Records", &data));
    assert!(!is_catalogue_or_data("⟦Token⟧ handed out", &data));
    assert!(!is_catalogue_or_data("12 s left", &data));
}

/// The menu above the expert log: a choice applies at once and is saved
/// with the other settings (in the app's one place, after the frame).
#[test]
fn the_language_menu_switches_at_once_and_is_saved() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let file = common::gui::settings_file();
    let clock = ManualClock::new(NOW);
    let mut h = common::gui::demo_app_with_settings_file(&clock, file.clone());
    h.run_steps(2);
    assert!(h.query_by_label("Records").is_some());
    h.get_by_label("Language:").click();
    h.run();
    h.get_by_label("Deutsch").click();
    h.run_steps(2);
    assert_eq!(h.state().workers.settings.language, Some(Lang::De));
    assert_eq!(i18n::language(), Lang::De);
    assert!(
        h.query_by_label("Sprache:").is_some(),
        "the window speaks German at once"
    );
    assert_eq!(Settings::load(file).language, Some(Lang::De), "saved");
    i18n::set_language(Lang::En);
}

#[test]
fn german_snapshots_of_the_records_and_burner_views() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let path = records("de");
    let clock = ManualClock::new(NOW);
    let mut h = app(&clock, &path);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    i18n::set_language(Lang::De);
    h.run_steps(4);
    assert!(
        h.query_all(By::new().label_contains("Bereit: Demo Company"))
            .next()
            .is_some()
    );
    h.snapshot("de_burner");
    click(&mut h, "Protokoll");
    pump(&mut h, "the records", |h| h.state().records.rows.len() == 3);
    h.run_steps(2);
    assert!(h.query_by_label("Seriennummer oder UPN suchen:").is_some());
    // Windows adds the folder-permissions sentence under the exports (this
    // program sets no ACL there): check it is German there instead of
    // comparing the Linux picture.
    if cfg!(windows) {
        assert!(
            h.query_all(By::new().label_contains("Unter Windows schränkt dieses Programm"))
                .next()
                .is_some()
        );
    } else {
        h.snapshot("de_records");
    }
    i18n::set_language(Lang::En);
}

/// The window title the app last asked for (it is set again when the
/// language changes).
fn title_asked(h: &Harness<'_, BurnerApp>) -> Option<String> {
    h.output()
        .viewport_output
        .values()
        .flat_map(|v| &v.commands)
        .find_map(|c| match c {
            egui::ViewportCommand::Title(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn the_window_title_and_tabs_speak_german() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let clock = ManualClock::new(NOW);
    let mut h = common::gui::demo_app(&clock);
    h.run_steps(2);
    assert_eq!(totp_burner::app::window_title(true), "TOTP burner — demo");
    assert_eq!(title_asked(&h), None, "the title is asked for once");
    i18n::set_language(Lang::De);
    h.step();
    assert_eq!(title_asked(&h).as_deref(), Some("TOTP-Brenner — Demo"));
    assert_eq!(totp_burner::app::window_title(false), "TOTP-Brenner");
    h.step();
    assert_eq!(title_asked(&h), None, "asked once per change");
    h.run_steps(2);
    for tab in ["Ausgabe", "Protokoll", "Station", "Assistent", "Brenner"] {
        assert!(h.query_by_label(tab).is_some(), "the tab {tab}");
    }
    assert!(h.query_by_label("TOTP-Brenner").is_some(), "the heading");
    for english in ["Hand-out", "Records", "Wizard", "Burner", "TOTP burner"] {
        assert!(h.query_by_label(english).is_none(), "{english} is gone");
    }
    i18n::set_language(Lang::En);
}

/// Words kept in state (the PC clock line, the status line) are made when
/// drawn: the language menu switches them at once.
#[test]
fn switching_the_language_redraws_the_status_and_pc_clock_lines() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let clock = ManualClock::new(NOW);
    let mut h = common::gui::demo_app(&clock);
    pump(&mut h, "the token to be read", token_identified);
    pump(&mut h, "the PC clock check", |h| {
        h.state().workers.pc_clock.is_some()
    });
    h.run_steps(2);
    let status = "OTPC-P2-i · 86596220000001 · clock 3 s behind · scan or paste the secret";
    assert!(h.query_by_label(status).is_some(), "{status}");
    let (pc_en, _) = h.state().workers.pc_clock_words().unwrap();
    assert!(h.query_by_label(&pc_en).is_some(), "{pc_en}");
    assert!(h.query_by_label("3 s behind this PC").is_some());

    h.get_by_label("Language:").click();
    h.run();
    h.get_by_label("Deutsch").click();
    h.run_steps(2);
    let status =
        "OTPC-P2-i · 86596220000001 · Uhr 3 s nach · Geheimschlüssel scannen oder einfügen";
    assert!(
        h.query_by_label(status).is_some(),
        "the status line in German: {:?}",
        h.state().status_line()
    );
    let (pc_de, _) = h.state().workers.pc_clock_words().unwrap();
    assert_ne!(pc_de, pc_en);
    assert!(h.query_by_label(&pc_de).is_some(), "{pc_de}");
    assert!(h.query_by_label("3 s hinter diesem PC").is_some());
    i18n::set_language(Lang::En);
}

/// Open the language menu and choose `language`.
fn choose_language(h: &mut Harness<'_, BurnerApp>, menu: &str, language: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(language).click();
    h.run_steps(2);
}

/// Whether any text shown contains `s`.
fn shows(h: &Harness<'_, BurnerApp>, s: &str) -> bool {
    common::pseudo::shown_texts(h).iter().any(|t| t.contains(s))
}

const REMOVED_EN: &str = "The token left the reader or switched off";
const REMOVED_DE: &str = "Der Token hat das Lesegerät verlassen oder sich ausgeschaltet";

/// A failed burn is kept as what happened, not as words: switching the
/// language redraws its explanation (and the expert log's line) at once.
#[test]
fn a_failed_burn_follows_the_language_menu() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let clock = ManualClock::new(NOW);
    // APDU 5 is the burn's seed write: the token leaves the reader there.
    let mut h = app_with(&clock, |inner| Box::new(LiftOnce::new(inner, 5)));
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the failure", |h| shows(h, REMOVED_EN));
    assert!(shows(&h, "while writing the secret"));
    choose_language(&mut h, "Language:", "Deutsch");
    assert!(
        shows(
            &h,
            &format!("{REMOVED_DE} (beim Schreiben des Geheimschlüssels)")
        ),
        "the failure in German: {:?}",
        common::pseudo::shown_texts(&h)
    );
    assert!(
        shows(&h, "Drücken Sie die Taste des Tokens"),
        "its next step"
    );
    assert!(!shows(&h, REMOVED_EN), "no English left");
    assert!(
        h.state()
            .workers
            .log
            .lines()
            .iter()
            .any(|l| l.contains(REMOVED_DE)),
        "the log's line too"
    );
    i18n::set_language(Lang::En);
}

/// A token that could not be read likewise (the token panel and the
/// status line).
#[test]
fn a_failed_token_read_follows_the_language_menu() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let clock = ManualClock::new(NOW);
    // APDU 0 is the automatic identify.
    let mut h = app_with(&clock, |inner| Box::new(LiftOnce::new(inner, 0)));
    pump(&mut h, "the failed read", |h| {
        matches!(h.state().workers.token, TokenStatus::Failed(_))
    });
    h.run_steps(2);
    assert!(shows(&h, REMOVED_EN));
    choose_language(&mut h, "Language:", "Deutsch");
    let shown = common::pseudo::shown_texts(&h);
    let german = shown.iter().filter(|t| t.contains(REMOVED_DE)).count();
    assert!(
        german >= 2,
        "the token panel and the status line: {shown:?}"
    );
    assert!(!shows(&h, REMOVED_EN), "no English left");
    i18n::set_language(Lang::En);
}

/// The warning under a burn (here: the PC clock not verified, as cargo's
/// [env] sets no time servers; the outcome-not-recorded warning shares its
/// path) is kept typed as well.
#[test]
fn the_warning_under_a_burn_follows_the_language_menu() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    pump(&mut h, "the PC clock check", |h| {
        h.state().workers.pc_clock.is_some()
    });
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the result", |h| {
        h.state().burner.bench.result.is_some()
    });
    h.run_steps(2);
    let english = "the token got this PC's time unchecked";
    assert!(shows(&h, english), "{:?}", common::pseudo::shown_texts(&h));
    choose_language(&mut h, "Language:", "Deutsch");
    assert!(
        shows(&h, "der Token hat die Zeit dieses PCs ungeprüft erhalten"),
        "in German: {:?}",
        common::pseudo::shown_texts(&h)
    );
    assert!(!shows(&h, english), "no English left");
    i18n::set_language(Lang::En);
}

/// The records view keeps what happened, not sentences: its search problem
/// and an export's failure are worded when drawn, so the language menu
/// redraws them at once.
#[test]
fn the_records_views_problems_follow_the_language_menu() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let path = records("de-records");
    let clock = ManualClock::new(NOW);
    let mut h = app(&clock, &path);
    click(&mut h, "Records");
    pump(&mut h, "the records", |h| h.state().records.rows.len() == 3);
    let out = path.with_file_name("entra.csv");
    type_into(&mut h, "Export to file:", out.to_str().unwrap());
    type_into(
        &mut h,
        "Passphrase of the kept secrets:",
        "not the passphrase",
    );
    click(&mut h, "Export for Entra ID (CSV)…");
    let wrong_en = "The passphrase does not open the stored secrets.";
    pump(&mut h, "the export's failure", |h| shows(h, wrong_en));
    // A records file that cannot be read (a folder): the search's problem.
    let folder = path.parent().unwrap().to_path_buf();
    h.state_mut().records.set_records_path(Some(folder));
    click(&mut h, "Refresh");
    pump(&mut h, "the search's problem", |h| {
        shows(h, "The records cannot be read")
    });
    choose_language(&mut h, "Language:", "Deutsch");
    let shown = common::pseudo::shown_texts(&h);
    assert!(
        shows(
            &h,
            "Die Passphrase öffnet die aufbewahrten Geheimschlüssel nicht."
        ),
        "the export's failure in German: {shown:?}"
    );
    assert!(
        shows(
            &h,
            "Verwenden Sie die Passphrase, die beim Durchlauf angegeben wurde."
        ),
        "its next step in German"
    );
    assert!(
        shows(&h, "Das Protokoll kann nicht gelesen werden"),
        "the search's problem in German: {shown:?}"
    );
    assert!(!shows(&h, wrong_en), "no English left");
    assert!(!shows(&h, "The records cannot be read"), "no English left");
    i18n::set_language(Lang::En);
}

/// The hand-out view likewise: a refused hand-out and a receipt not
/// written are redrawn in German.
#[test]
fn the_hand_out_views_notes_follow_the_language_menu() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let path = records("de-handout");
    let clock = ManualClock::new(NOW);
    let mut h = app(&clock, &path);
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Hand-out");
    pump(&mut h, "the serial from the reader", |h| {
        h.state().handout.serial == DEMO_SERIAL
    });
    // The interrupted token of the fixture: refused.
    h.state_mut().handout.serial.clear();
    type_into(&mut h, "Token serial:", "86596220000003");
    type_into(&mut h, "User (UPN):", "bob@contoso.com");
    click(&mut h, "Hand out");
    let refused_en = "its last burn was interrupted and it may be blank";
    pump(&mut h, "the refusal", |h| shows(h, refused_en));
    // A receipt without a file to write.
    click(&mut h, "Receipt for this user");
    let receipt_en = "The receipt was not written.";
    pump(&mut h, "the receipt refused", |h| shows(h, receipt_en));
    choose_language(&mut h, "Language:", "Deutsch");
    let shown = common::pseudo::shown_texts(&h);
    assert!(
        shows(
            &h,
            "kann nicht ausgegeben werden: Sein letzter Brennvorgang wurde unterbrochen"
        ),
        "the refusal in German: {shown:?}"
    );
    assert!(
        shows(&h, "Die Quittung wurde nicht geschrieben."),
        "the receipt's refusal in German: {shown:?}"
    );
    assert!(
        shows(&h, "Geben Sie den Pfad der zu schreibenden HTML-Datei ein."),
        "its next step in German"
    );
    assert!(!shows(&h, refused_en), "no English left");
    assert!(!shows(&h, receipt_en), "no English left");
    i18n::set_language(Lang::En);
}
