//! The real app window (`totp-burner gui`, not the demo) on a real X
//! server (Xvfb), with a token behind the real pcscd and the vpcd virtual
//! reader: a Microsoft-style link without `algorithm`/`period` is pasted
//! (Ctrl+V) and burned (Enter). The token must get SHA-1 / 30 s, whatever
//! an older settings file remembered and whatever the token held before;
//! the code the app shows must be the token's; and the burn must be in the
//! records. Then the verification step: "Switch the token off and on.
//! Does it show this code?" is answered Matches, and only then is "Copy
//! code" offered. Then the Station view: a station run burns a fresh token
//! laid on the same virtual reader and its status card says DONE. Buttons
//! are clicked where the app's event log says they are (its `widgets`
//! lines, see src/app/widget_map.rs). Needs pcscd with vpcd, Xvfb, xdotool
//! and xclip (`./dev.sh test` runs it with the pcscd suites).

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use totp_burner::burn::{BurnPlan, burn};
use totp_burner::card::pcsc::PcscReaders;
use totp_burner::clock::SystemClock;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};
use totp_burner::emulator::{VirtualToken, lock};
use totp_burner::params::{HmacAlgorithm, TimeStep, TokenOptions};
use totp_burner::secret::Secret;

const READER0: &str = "Virtual PCD 00 00";
const SERIAL: &str = "86596220000901";
/// The token laid on the reader for the station run.
const STATION_SERIAL: &str = "86596220000902";
const LINK: &str = "otpauth://totp/Contoso:frank%40contoso.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Contoso";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, timeout: Duration, mut f: impl FnMut() -> bool) {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

fn reader_has_token() -> bool {
    PcscReaders::establish()
        .and_then(|r| r.list())
        .map(|l| l.iter().any(|r| r.name == READER0 && r.state.has_token()))
        .unwrap_or(false)
}

fn line_in(log: &Path, what: &str) -> Option<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .find(|l| l.contains(what))
        .map(str::to_string)
}

fn wait_line(log: &Path, what: &str) -> String {
    let mut found = None;
    wait_for(what, Duration::from_secs(30), || {
        found = line_in(log, what);
        found.is_some()
    });
    found.unwrap()
}

/// The widget labelled `label` in the app's latest `widgets` line: its
/// centre in window pixels and its flags ("on", "off", "disabled",
/// space-separated).
fn widget(log: &Path, label: &str) -> Option<(String, String, String)> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let latest = text.lines().rev().find(|l| l.starts_with("widgets"))?;
    latest.split(" | ").skip(1).find_map(|entry| {
        let (name, at) = entry.split_once(" @ ")?;
        let (xy, flags) = at.split_once(' ').unwrap_or((at, ""));
        let (x, y) = xy.split_once(',')?;
        (name == label).then(|| (x.to_string(), y.to_string(), flags.to_string()))
    })
}

/// Wait until `label` is shown, enabled and has stayed in one place for
/// 300 ms (the layout settles over a few frames after a view changes: a
/// click at a passing position misses), then click its centre.
fn click_widget(display: &str, window: &str, log: &Path, label: &str) {
    let mut at = None;
    let mut last = None;
    wait_for(
        &format!("the {label} button, settled"),
        Duration::from_secs(30),
        || {
            let now = widget(log, label)
                .filter(|(_, _, flags)| !flags.contains("disabled"))
                .map(|(x, y, _)| (x, y));
            let settled = now.is_some() && now == last;
            last = now.clone();
            at = now;
            if !settled {
                std::thread::sleep(Duration::from_millis(300));
            }
            settled
        },
    );
    let (x, y) = at.unwrap();
    assert!(xdotool(display, &["mousemove", "--window", window, &x, &y]));
    std::thread::sleep(Duration::from_millis(300));
    assert!(xdotool(display, &["click", "1"]));
    std::thread::sleep(Duration::from_millis(300));
}

/// `records list --json` of the records in `data`.
fn records_json(data: &Path) -> serde_json::Value {
    let o = common::bin()
        .env("TOTP_BURNER_DATA_DIR", data)
        .args(["records", "list", "--json"])
        .output()
        .unwrap();
    common::json(&o)
}

fn xdotool(display: &str, args: &[&str]) -> bool {
    Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_pasted_link_without_options_burns_sha1_30s_and_is_recorded() {
    // The token held a SHA-256 / 60 s secret before (burned here without
    // records, as by another tool).
    let token = Arc::new(Mutex::new(VirtualToken::new(
        SERIAL,
        true,
        Arc::new(SystemClock),
        11,
    )));
    let old = BurnPlan {
        secret: Secret::new(b"an older secret here".to_vec()),
        options: TokenOptions {
            algorithm: HmacAlgorithm::Sha256,
            period: TimeStep::Seconds60,
            ..Default::default()
        },
        allow_unknown_model: false,
    };
    burn(
        &mut totp_burner::emulator::EmulatorLink::new(token.clone(), "setup"),
        &old,
        &SystemClock,
        &mut |_| {},
    )
    .unwrap();
    let before = lock(&token).option_bytes();
    assert_eq!((before.0, before.1), (2, 0x3C), "SHA-256 / 60 s before");
    lock(&token).end_session();

    let dir = common::run_dir("window");
    let _ = std::fs::remove_dir_all(&dir);
    let (config, data) = (dir.join("config"), dir.join("data"));
    std::fs::create_dir_all(&config).unwrap();
    // An older settings file that remembered SHA-256 / 60 s.
    std::fs::write(
        config.join("settings.json"),
        r#"{"algorithm":"sha256","period":60,"display_timeout":30,"wizard":false}"#,
    )
    .unwrap();
    let log = dir.join("events.log");

    let x = common::xvfb::start_xvfb("1600x1000x24");
    let display = x.display.clone();
    let bridge = VpcdBridge::spawn(token.clone(), VpcdOptions::port(35963), |_| {});
    wait_for(
        "the token on the reader",
        Duration::from_secs(5),
        reader_has_token,
    );

    let _app = Killed(
        Command::new(common::BIN)
            .env("TOTP_BURNER_LANG", "en")
            .arg("gui")
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_RUNTIME_DIR", &dir)
            .env("TOTP_BURNER_CONFIG_DIR", &config)
            .env("TOTP_BURNER_DATA_DIR", &data)
            .env("TOTP_BURNER_EVENT_LOG", &log)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut window = String::new();
    wait_for("the app window", Duration::from_secs(30), || {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "TOTP burner"])
            .env("DISPLAY", &display)
            .output()
            .unwrap();
        window = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        !window.is_empty()
    });
    wait_line(&log, "first frame");

    // The link on the clipboard, as copied from the sign-in page.
    let mut clip = Command::new("xclip")
        .args(["-selection", "clipboard", "-loops", "1"])
        .env("DISPLAY", &display)
        .stdin(Stdio::piped())
        .spawn()
        .expect("xclip must be installed (./dev.sh test installs it)");
    {
        use std::io::Write;
        let mut stdin = clip.stdin.take().unwrap();
        stdin.write_all(LINK.as_bytes()).unwrap();
    }
    let _clip = Killed(clip);
    wait_for("focus", Duration::from_secs(10), || {
        xdotool(&display, &["windowfocus", "--sync", &window])
    });
    std::thread::sleep(Duration::from_millis(800));
    assert!(xdotool(&display, &["key", "ctrl+v"]));
    std::thread::sleep(Duration::from_millis(800));
    assert!(xdotool(&display, &["key", "Return"]));

    let burned = wait_line(&log, "burned");
    let code = burned.rsplit(' ').next().unwrap().to_string();
    assert!(burned.contains(SERIAL), "{burned}");
    let (hmac, step, _) = lock(&token).option_bytes();
    assert_eq!((hmac, step), (1, 0x1E), "SHA-1 / 30 s burned: {burned}");
    assert_eq!(
        lock(&token).seed_for_tests().unwrap(),
        b"12345678901234567890"
    );
    let shown = lock(&token).code_after_power_cycle().unwrap();
    // The code may have stepped on between the burn and now.
    let codes = totp_burner::secret::totp::codes_at(
        &Secret::new(b"12345678901234567890".to_vec()),
        HmacAlgorithm::Sha1,
        TimeStep::Seconds30,
        totp_burner::clock::Clock::now(&SystemClock),
    );
    assert!(
        [codes.previous, codes.current.clone()].contains(&code) && codes.current == shown,
        "the app showed {code}, the token shows {shown}"
    );

    // The burn is in the records, with the options burned.
    let v = records_json(&data);
    let list = v["records"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{v}");
    assert_eq!(list[0]["serial"], SERIAL);
    assert_eq!(list[0]["outcome"], "ok");
    assert_eq!(list[0]["algorithm"], "sha1");
    assert_eq!(list[0]["period"], 30);
    assert_eq!(list[0]["reader"], READER0);
    assert_eq!(list[0]["upn"], "frank@contoso.com");

    // The check: the code field has the keyboard; the code the token shows
    // after its power cycle is typed, Enter checks it, and the verdict is
    // in the records. Then Enter is the next token.
    wait_for("the check's buttons", Duration::from_secs(30), || {
        widget(&log, "Check").is_some() && widget(&log, "Skip the check").is_some()
    });
    assert!(
        widget(&log, "Copy code").is_none() && widget(&log, "Next token").is_none(),
        "no Copy code and no Next token before the check"
    );
    let shown = lock(&token).code_after_power_cycle().unwrap();
    assert!(xdotool(&display, &["type", "--delay", "50", &shown]));
    assert!(xdotool(&display, &["key", "Return"]));
    wait_for(
        "Copy code after the code matched",
        Duration::from_secs(30),
        || widget(&log, "Copy code").is_some_and(|(_, _, f)| !f.contains("disabled")),
    );
    assert!(widget(&log, "Check").is_none(), "the check is answered");
    let v = records_json(&data);
    assert_eq!(v["records"][0]["check"], "matched", "{v}");
    assert!(xdotool(&display, &["key", "Return"]));
    wait_for("the next token", Duration::from_secs(30), || {
        widget(&log, "Copy code").is_none() && widget(&log, "Burn (Enter)").is_some()
    });

    // The station: lift the burned token, start a run, lay a fresh one on.
    bridge.stop();
    wait_for("the token lifted", Duration::from_secs(10), || {
        !reader_has_token()
    });
    click_widget(&display, &window, &log, "Station");
    wait_for("the Station view", Duration::from_secs(30), || {
        widget(&log, "Start station").is_some()
    });
    // This run keeps no secrets (on by default for random secrets: it
    // would ask for a passphrase). Unticking hides the passphrase fields
    // and moves Start station up: click it only where the next frame has
    // it, once the box shows off.
    const KEEP: &str = "Keep secrets (encrypted) for the Entra ID export";
    wait_for("the keep-secrets box", Duration::from_secs(30), || {
        widget(&log, KEEP).is_some()
    });
    // The flags after the position: "on", "off", "disabled".
    let flag = |f: &str, want: &str| f.split_whitespace().any(|w| w == want);
    if widget(&log, KEEP).is_some_and(|(_, _, f)| flag(&f, "on")) {
        click_widget(&display, &window, &log, KEEP);
    }
    wait_for("keep-secrets off", Duration::from_secs(30), || {
        widget(&log, KEEP).is_some_and(|(_, _, f)| flag(&f, "off"))
            && widget(&log, "Start station").is_some()
    });
    click_widget(&display, &window, &log, "Start station");
    let fresh = Arc::new(Mutex::new(VirtualToken::new(
        STATION_SERIAL,
        true,
        Arc::new(SystemClock),
        12,
    )));
    let bridge = VpcdBridge::spawn(fresh.clone(), VpcdOptions::port(35963), |_| {});
    let card = wait_line(&log, "station card:");
    assert_eq!(card, format!("station card: DONE on {READER0}"), "{card}");
    let station = line_in(&log, "station: ").unwrap_or_default();
    assert!(station.contains(STATION_SERIAL), "{station}");
    assert!(
        lock(&fresh).seed_for_tests().is_some(),
        "the station burned the fresh token"
    );
    bridge.stop();
}
