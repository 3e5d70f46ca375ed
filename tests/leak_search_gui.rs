//! Leak search, the GUI half (issue 10; `leak_search.rs` is the CLI half).
//! Every form of one random 21-byte key (Base32 upper and lower case, with
//! and without padding, in spaced groups, hex, otpauth links, a link whose
//! `secret` name is percent-encoded, an authenticator export) and forms
//! that fail (a typo, a backup file, an HOTP link) are typed into the real
//! app, driven in-process by egui_kittest: burned with Enter, "Next token",
//! and the usable ones again in the station view (each user's QR code,
//! secrets kept under a passphrase), then the Records view.
//!
//! After every step the search covers what a person or another program
//! could see: every label, value and description in the accessibility tree
//! (the secret field stays masked: "Show secret" is never ticked), the
//! expert log, the status line and egui's platform output. At the end the
//! process's stdout and stderr and every file it wrote (settings, records
//! databases, the event log, the temp, home and XDG folders) are searched
//! for each encoding of the key; the station's records may hold it only
//! encrypted, and a control decrypts it from there.
//!
//! The test runs itself a second time as a child process (the one test of
//! this binary, `--exact`) with a clean environment pointing every folder
//! and `TOTP_BURNER_EVENT_LOG` into a sandbox: the app reads them at start,
//! and setting them in this process would need `unsafe` `set_var`.

mod common;

use common::gui::{
    SECRET_FIELD, burner_bench, click, demo, demo_app_with_settings_file, has, pump,
    token_identified, type_into, type_secret,
};
use common::leak::{Needle, files, found_in, needles};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use std::path::{Path, PathBuf};
use std::process::Command;
use totp_burner::app::BurnerApp;
use totp_burner::app::station::{Phase, StationState};
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;
use totp_burner::secret::migration::{MigrationPayload, OtpParameters, encode_uri};
use totp_burner::station::records::StoreLocation;

const TEST: &str = "the_gui_never_shows_or_stores_a_secret_it_was_given";
/// Set in the child run: the sandbox root.
const ROOT_VAR: &str = "TOTP_LEAK_GUI_ROOT";
/// Set in the child run: the key under test, in hex.
const KEY_VAR: &str = "TOTP_LEAK_GUI_KEY";
const NOW: u64 = 1_800_000_010;
const PASSPHRASE: &str = "leak search passphrase";
const FACTORY_SEED: &[u8] = b"factory secret bytes";

/// Folders the app may write to, under `<root>/out`.
const WRITABLE: &[&str] = &[
    "data",
    "config",
    "home",
    "tmp",
    "xdg-config",
    "xdg-data",
    "xdg-cache",
    "xdg-state",
    "xdg-runtime",
];

fn out_dir(root: &Path, d: &str) -> PathBuf {
    root.join("out").join(d)
}

fn event_log(root: &Path) -> PathBuf {
    out_dir(root, "events.log")
}

// ---- the key's forms and what to search for (as in leak_search.rs) ----

fn b32(bytes: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(bytes)
}

fn export(secret: &[u8], kind: i32) -> String {
    encode_uri(&MigrationPayload {
        otp_parameters: vec![OtpParameters {
            secret: secret.to_vec(),
            name: "alice".into(),
            issuer: "Leak".into(),
            algorithm: 1,
            digits: 1,
            r#type: kind,
            counter: 0,
        }],
        version: 1,
        batch_size: 1,
        batch_index: 0,
        batch_id: 1,
    })
}

/// One form of the key; `usable` ones burn.
struct Case {
    name: &'static str,
    input: String,
    usable: bool,
}

fn cases(s: &[u8]) -> Vec<Case> {
    let upper = b32(s);
    let padded = data_encoding::BASE32.encode(s);
    assert_ne!(upper, padded, "21 bytes: the padded form differs");
    let spaced = upper
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let typo = format!("{}0{}", &upper[..5], &upper[6..]);
    let case = |name, input: String, usable| Case {
        name,
        input,
        usable,
    };
    vec![
        case("Base32", upper.clone(), true),
        case("Base32 lower case", upper.to_lowercase(), true),
        case("Base32 padded", padded.clone(), true),
        case("Base32 padded lower case", padded.to_lowercase(), true),
        case("Base32 in spaced groups", spaced, true),
        case("hex", data_encoding::HEXLOWER.encode(s), true),
        case(
            "otpauth link",
            format!("otpauth://totp/Leak:alice?secret={upper}&issuer=Leak"),
            true,
        ),
        case(
            "link with a percent-encoded name",
            format!("otpauth://totp/Leak:alice?%73ecret={upper}&issuer=Leak"),
            true,
        ),
        case("authenticator export", export(s, 2), true),
        case("Base32 with a typo", typo, false),
        case(
            "backup file",
            format!("{{\"services\":[{{\"name\":\"alice\",\"secret\":\"{upper}\"}}]}}"),
            false,
        ),
        case(
            "HOTP link",
            format!("otpauth://hotp/Leak:alice?secret={upper}&counter=1"),
            false,
        ),
    ]
}

/// A named byte string that must not appear anywhere.
// ---- the parent: sandbox, child run, outputs and files ----

#[test]
fn the_gui_never_shows_or_stores_a_secret_it_was_given() {
    if let Some(root) = std::env::var_os(ROOT_VAR) {
        return child(Path::new(&root));
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let root = std::env::temp_dir().join(format!(
        "totp-burner-leak-gui-{}-{nanos}",
        std::process::id()
    ));
    for d in WRITABLE {
        std::fs::create_dir_all(out_dir(&root, d)).unwrap();
    }
    let mut key = vec![0u8; 21];
    getrandom::fill(&mut key).unwrap();
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", TEST, "--nocapture", "--test-threads=1"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env(ROOT_VAR, &root)
        .env(KEY_VAR, data_encoding::HEXLOWER.encode(&key))
        .env("TOTP_BURNER_EVENT_LOG", event_log(&root))
        .env("TOTP_BURNER_DATA_DIR", out_dir(&root, "data"))
        .env("TOTP_BURNER_CONFIG_DIR", out_dir(&root, "config"))
        .env("HOME", out_dir(&root, "home"))
        .env("TMPDIR", out_dir(&root, "tmp"))
        .env("XDG_CONFIG_HOME", out_dir(&root, "xdg-config"))
        .env("XDG_DATA_HOME", out_dir(&root, "xdg-data"))
        .env("XDG_CACHE_HOME", out_dir(&root, "xdg-cache"))
        .env("XDG_STATE_HOME", out_dir(&root, "xdg-state"))
        .env("XDG_RUNTIME_DIR", out_dir(&root, "xdg-runtime"));
    if let Some(v) = std::env::var_os("LD_LIBRARY_PATH") {
        c.env("LD_LIBRARY_PATH", v);
    }
    let o = c.output().expect("the test binary runs again");
    let (stdout, stderr) = (&o.stdout, &o.stderr);
    // Its outputs and files are searched even when it failed.
    let mut leaks = Vec::new();
    let written = files(&root.join("out"));
    for c in cases(&key) {
        let needles = needles(&[&key], &c.input);
        for (stream, bytes) in [("stdout", stdout), ("stderr", stderr)] {
            let found = found_in(bytes, &needles);
            if !found.is_empty() {
                leaks.push(format!("{}: {stream} shows {}", c.name, found.join(", ")));
            }
        }
        for (path, bytes) in &written {
            let found = found_in(bytes, &needles);
            if !found.is_empty() {
                leaks.push(format!(
                    "{}: {} holds {}",
                    c.name,
                    path.display(),
                    found.join(", ")
                ));
            }
        }
    }
    // The search looked at something: the files the run must have written.
    let names: Vec<String> = written
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let _ = std::fs::remove_dir_all(&root);
    assert!(
        leaks.is_empty() && o.status.success(),
        "secrets leaked in outputs or files:\n{}\n\nthe GUI run ({}):\n{}\n{}",
        leaks.join("\n"),
        o.status,
        String::from_utf8_lossy(stdout),
        String::from_utf8_lossy(stderr)
    );
    // (Settings files are written only when a view changes a setting; any
    // that exist were searched above.)
    for want in ["events.log", "burner-0.sqlite", "station-0.sqlite"] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
}

// ---- the child: the app, driven ----

/// Everything the window shows: each node's label, value, description and
/// placeholder, one per line.
fn shown(h: &Harness<'_, BurnerApp>) -> String {
    let mut text = String::new();
    for node in h.query_all(By::new()) {
        let n = node.accesskit_node();
        for part in [n.label(), n.value(), n.description()]
            .into_iter()
            .flatten()
            .chain(n.placeholder().map(str::to_owned))
        {
            text.push_str(&part);
            text.push('\n');
        }
    }
    text
}

/// The last frame's output to the platform: commands (copied text, URLs)
/// and the events a screen reader hears (kittest takes the AccessKit
/// update: `shown` searches that tree).
fn platform_output(h: &Harness<'_, BurnerApp>) -> String {
    let p = &h.output().platform_output;
    format!("{:?}\n{}", p.commands, p.events_description())
}

/// One case's search over the app's screen and memory.
struct Search<'a> {
    case: &'a str,
    needles: &'a [Needle],
    leaks: &'a mut Vec<String>,
}

impl Search<'_> {
    /// Search what the app shows now (`when`: the step just done).
    fn check(&mut self, h: &Harness<'_, BurnerApp>, when: &str) {
        let app = h.state();
        let places = [
            ("the window's labels", shown(h)),
            ("the expert log", app.workers.log.lines().join("\n")),
            ("the status line", app.status_line()),
            ("egui's platform output", platform_output(h)),
        ];
        for (place, text) in places {
            let found = found_in(text.as_bytes(), self.needles);
            if !found.is_empty() {
                self.leaks.push(format!(
                    "{} {when}: {place} shows {}",
                    self.case,
                    found.join(", ")
                ));
            }
        }
    }

    /// The secret field must be empty now (every view's: the burner's,
    /// the wizard's and the station's).
    fn field_empty(&mut self, h: &Harness<'_, BurnerApp>, when: &str) {
        let app = h.state();
        let fields = [
            &app.burner.bench.secret,
            &app.wizard.bench.secret,
            &app.station.secret,
        ];
        if fields.iter().any(|s| !s.text.is_empty()) {
            self.leaks.push(format!(
                "{} {when}: the secret field still holds text",
                self.case
            ));
        }
    }
}

fn seed(h: &Harness<'_, BurnerApp>) -> Vec<u8> {
    lock(&demo(h).token)
        .seed_for_tests()
        .unwrap_or_default()
        .to_vec()
}

fn child(root: &Path) {
    let key = data_encoding::HEXLOWER
        .decode(std::env::var(KEY_VAR).unwrap().as_bytes())
        .unwrap();
    let mut leaks = Vec::new();
    for (i, c) in cases(&key).iter().enumerate() {
        let needles = needles(&[&key], &c.input);
        let mut search = Search {
            case: c.name,
            needles: &needles,
            leaks: &mut leaks,
        };
        burner(root, i, c, &key, &mut search);
        if c.usable {
            station(root, i, c, &key, &mut search);
        }
    }
    controls(root, &key);
    assert!(leaks.is_empty(), "secrets leaked:\n{}", leaks.join("\n"));
}

/// A fresh demo app, its settings in the sandbox, the expert log open.
fn app(root: &Path, i: usize) -> Harness<'static, BurnerApp> {
    let clock = ManualClock::new(NOW);
    let settings = out_dir(root, "config").join(format!("settings-{i}.json"));
    let mut h = demo_app_with_settings_file(&clock, Some(settings));
    pump(&mut h, "the token to be read", token_identified);
    click(&mut h, "Expert log");
    h
}

/// The burner view: type, burn with Enter (refused for unusable forms),
/// "Next token" (or "Clear").
fn burner(root: &Path, i: usize, c: &Case, key: &[u8], search: &mut Search<'_>) {
    let mut h = app(root, i);
    h.state_mut()
        .use_records(out_dir(root, "data").join(format!("burner-{i}.sqlite")));
    type_secret(&mut h, &c.input);
    search.check(&h, "typed");
    assert_eq!(
        burner_bench(&h).burn_blocker(&h.state().workers).is_none(),
        c.usable,
        "{}: usable or not",
        c.name
    );
    h.key_press(eframe::egui::Key::Enter);
    if c.usable {
        pump(&mut h, "the burn", |h| {
            burner_bench(h).result.is_some()
                || matches!(
                    burner_bench(h).operation,
                    totp_burner::app::state::Operation::Failed { .. }
                )
        });
        assert!(burner_bench(&h).result.is_some(), "{}: burned", c.name);
        assert!(seed(&h) == key, "{}: the token holds the key", c.name);
        search.check(&h, "burned");
        click(&mut h, "Skip the check");
        click(&mut h, "Next token");
    } else {
        h.step();
        h.step();
        assert!(burner_bench(&h).result.is_none(), "{}: not burned", c.name);
        assert_eq!(seed(&h), FACTORY_SEED, "{}: nothing written", c.name);
        search.check(&h, "refused");
        click(&mut h, "Clear");
    }
    search.field_empty(&h, "after Next token");
    search.check(&h, "after Next token");
}

/// The station, each user's QR code, secrets kept: start, type the form,
/// the token is burned, stop; then the Records view.
fn station(root: &Path, i: usize, c: &Case, key: &[u8], search: &mut Search<'_>) {
    let mut h = app(root, i);
    let records = out_dir(root, "data").join(format!("station-{i}.sqlite"));
    h.state_mut().station = StationState::new(Some(StoreLocation::File(records.clone())));
    click(&mut h, "Station");
    click(&mut h, "Each user's QR code");
    // Each user's own secret is kept only when asked (it is in Entra
    // already); this run keeps it, so the vault is searched too.
    assert!(!h.state().station.keeps());
    click(&mut h, "Keep secrets (encrypted) for the Entra ID export");
    assert!(h.state().station.keeps());
    type_into(&mut h, "Passphrase:", PASSPHRASE);
    type_into(&mut h, "Passphrase again (a new records file):", PASSPHRASE);
    click(&mut h, "Start station");
    pump(&mut h, "the request for the user's secret", |h| {
        has(h, "Scan this user's QR code first.")
    });
    // Not `type_secret`: the station may burn and wipe it at once.
    type_into(&mut h, SECRET_FIELD, &c.input);
    search.check(&h, "typed in the station");
    pump(&mut h, "the station result", |h| {
        matches!(h.state().station.phase, Phase::Done { .. })
    });
    assert!(
        matches!(h.state().station.phase, Phase::Done { ok: true, .. }),
        "{}: {:?}",
        c.name,
        h.state().station.phase
    );
    assert!(seed(&h) == key, "{}: the station burned the key", c.name);
    search.field_empty(&h, "after the station's burn");
    search.check(&h, "burned by the station");
    click(&mut h, "Stop after this token");
    demo(&h).link.set_present(false);
    pump(&mut h, "the station to stop", |h| {
        !h.state().station.running()
    });
    search.check(&h, "after the station stopped");
    h.state_mut().records.set_records_path(Some(records));
    click(&mut h, "Records");
    pump(&mut h, "the records listed", |h| has(h, "86596220000001"));
    search.check(&h, "in the Records view");
}

/// The search is not blind: a revealed field shows the key, the event log
/// was written, the burner's records hold a burn, the station's hold the
/// key encrypted (and it decrypts to the key).
fn controls(root: &Path, key: &[u8]) {
    use age::secrecy::SecretString;
    use totp_burner::station::records::Store;
    use totp_burner::station::vault::OpenVault;
    let c = &cases(key)[0];
    let mut h = app(root, 999);
    type_secret(&mut h, &c.input);
    click(&mut h, "Show secret");
    let found = found_in(shown(&h).as_bytes(), &needles(&[key], &c.input));
    assert!(
        found.contains(&"secret 0 Base32".to_string()),
        "a revealed field is found: {found:?}"
    );
    click(&mut h, "Clear");
    let events = std::fs::read_to_string(event_log(root)).unwrap();
    assert!(events.contains("burned 86596220000001 code"), "{events}");
    let burner = Store::open(&out_dir(root, "data").join("burner-0.sqlite"), None).unwrap();
    assert_eq!(
        burner.list(None).unwrap()[0].outcome,
        totp_burner::station::records::Status::Ok
    );
    let store = Store::open(&out_dir(root, "data").join("station-0.sqlite"), None).unwrap();
    let vault = OpenVault::open(&store, &SecretString::from(PASSPHRASE.to_string())).unwrap();
    let kept = store.kept_secrets(None).unwrap();
    assert_eq!(kept.len(), 1, "the station kept the secret");
    let (_, blob, key_id) = &kept[0];
    assert!(vault.unseal(*key_id, blob).unwrap().as_slice() == key);
}
