//! The `totp-burner` binary as people and scripts use it: output, JSON,
//! exit codes, errors on stderr, secrets kept out of every output, and no
//! input that makes it panic.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_totp-burner");
const SECRET: &str = "JBSWY3DPEHPK3PXP";

/// The binary with the PC clock check switched off: no time servers, so no
/// network access (burns say "PC clock not verified").
fn bin() -> Command {
    let mut c = Command::new(BIN);
    c.env("TOTP_BURNER_LANG", "en");
    c.env(totp_burner::clockcheck::SERVERS_VAR, "");
    // Its own data folder: the tests never read or write the records of
    // the user running them (a newer build's file there, or ours in theirs).
    let data = std::env::temp_dir().join(format!("totp-burner-cli-data-{}", std::process::id()));
    c.env("XDG_DATA_HOME", data);
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout)))
}

/// Wait until at least `margin` seconds remain in the current 30 s step, so
/// that two commands run next land in the same step.
fn away_from_step_boundary(margin: u64) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let left = 30 - now % 30;
    if left < margin {
        std::thread::sleep(std::time::Duration::from_secs(left + 1));
    }
}

#[test]
fn burn_prints_the_same_code_as_code() {
    away_from_step_boundary(5);
    let burn = run(&["burn", "--emulator", "--secret", SECRET]);
    let code = run(&["code", "--secret", SECRET]);
    assert_eq!(burn.status.code(), Some(0), "{}", text(&burn.stderr));
    assert_eq!(code.status.code(), Some(0));
    let code_out = text(&code.stdout);
    let current = code_out.split("   ").next().unwrap().trim().to_string();
    assert_eq!(current.len(), 7, "{code_out}");
    let burn_out = text(&burn.stdout);
    assert!(
        burn_out.contains(&format!("Code now:  {current}")),
        "{burn_out}\n{code_out}"
    );
    assert!(burn_out.contains("86596220000001") && burn_out.contains("OTPC-P2-i"));
    assert!(burn_out.contains("Switch the token off and on"));
}

#[test]
fn burn_json_has_the_documented_keys() {
    away_from_step_boundary(5);
    let o = run(&[
        "burn",
        "--emulator",
        "--secret",
        SECRET,
        "--algorithm",
        "sha256",
        "--period",
        "60",
        "--display-timeout",
        "120",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v = json(&o);
    for key in [
        "serial",
        "model",
        "code",
        "previous_code",
        "next_code",
        "seconds_left",
        "algorithm",
        "period",
        "display_timeout",
    ] {
        assert!(!v[key].is_null(), "missing {key}: {v}");
    }
    assert_eq!(v["algorithm"], "sha256");
    assert_eq!(v["period"], 60);
    assert_eq!(v["display_timeout"], 120);
    let c = json(&run(&[
        "code",
        "--secret",
        SECRET,
        "--algorithm",
        "sha256",
        "--period",
        "60",
        "--json",
    ]));
    assert_eq!(v["code"], c["code"]);
    assert_eq!(v["next_code"], c["next_code"]);
}

#[test]
fn secret_from_stdin_stays_out_of_all_output() {
    let o = run_stdin(
        &["burn", "--emulator", "--secret", "-", "--json"],
        &format!("  {SECRET}\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert!(!all.contains(SECRET));
    assert!(
        !all.to_lowercase().contains("48656c6c6f21deadbeef"),
        "hex form of the secret"
    );
    assert_eq!(json(&o)["serial"], "86596220000001");
}

#[test]
fn otpauth_options_are_used_and_contradictions_refused() {
    let uri = format!("otpauth://totp/Acme:bob?secret={SECRET}&algorithm=SHA256&period=60");
    let ok = run(&["burn", "--emulator", "--secret", &uri, "--json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    let v = json(&ok);
    assert_eq!(v["algorithm"], "sha256");
    assert_eq!(v["period"], 60);
    assert_eq!(v["issuer"], "Acme");
    let clash = run(&[
        "burn",
        "--emulator",
        "--secret",
        &uri,
        "--algorithm",
        "sha1",
    ]);
    assert_eq!(clash.status.code(), Some(2));
    assert!(
        text(&clash.stderr).contains("--algorithm"),
        "{}",
        text(&clash.stderr)
    );
    let same = run(&["burn", "--emulator", "--secret", &uri, "--period", "60"]);
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn wrong_qr_is_explained_on_stderr_with_exit_2() {
    let o = run(&[
        "burn",
        "--emulator",
        "--secret",
        "phonefactor://activate_account?code=1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("Microsoft Authenticator") && err.contains("different authenticator app"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    let o = run(&["code", "--secret", "86596220001234"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("serial number"));
}

/// Linux (pcsc-lite's socket); the Windows build's counterpart runs under
/// Wine in tests/windows_wine.rs.
#[cfg(target_os = "linux")]
#[test]
fn no_smart_card_service_is_explained_at_once() {
    // pcsc-lite finds the daemon through this socket; pointing it nowhere
    // looks exactly like pcscd not running.
    for args in [
        vec!["info"],
        vec!["readers"],
        vec!["burn", "--secret", SECRET],
        vec!["sync-time", "--reader", "ACS"],
    ] {
        let start = std::time::Instant::now();
        let o = bin()
            .args(&args)
            .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
            .output()
            .unwrap();
        let took = start.elapsed();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = text(&o.stderr);
        assert!(
            err.contains("smart-card service is not running") && err.contains("pcscd"),
            "{args:?}: {err}"
        );
        assert!(
            took < std::time::Duration::from_secs(1),
            "{args:?} took {took:?}"
        );
    }
}

#[test]
fn info_reports_serial_model_and_clock() {
    let o = run(&["info", "--emulator", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["serial"], "86596220000001");
    assert_eq!(v["model"], "OTPC-P2-i");
    assert_eq!(v["time_sync"], "erases-secret");
    assert_eq!(v["clock_difference"], -3);
    let human = text(&run(&["info", "--emulator"]).stdout);
    assert!(
        human.contains("3 s behind this PC") && human.contains("time sync erases the secret"),
        "{human}"
    );
}

#[test]
fn without_time_servers_the_pc_clock_is_written_unverified_and_nothing_is_asked() {
    let o = run(&["burn", "--emulator", "--secret", SECRET]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("PC clock not verified: no time servers are configured"),
        "{out}"
    );
    let v = json(&run(&["info", "--emulator", "--json"]));
    assert_eq!(v["pc_clock_check"]["status"], "unverified");
    assert_eq!(v["pc_clock_check"]["reason"]["kind"], "no_servers");
}

#[test]
fn sync_time_needs_confirmation_on_this_model() {
    let refused = run(&["sync-time", "--emulator"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("--erase-secret-ok"));
    let done = run(&["sync-time", "--emulator", "--erase-secret-ok", "--json"]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    let v = json(&done);
    assert_eq!(v["secret_erased"], true);
    assert_eq!(v["token"]["clock_difference"], -3);
}

#[test]
fn migration_exports_need_an_account_choice() {
    use totp_burner::secret::migration::{MigrationPayload, OtpParameters, encode_uri};
    let acct = |name: &str, secret: &[u8]| OtpParameters {
        secret: secret.to_vec(),
        name: name.into(),
        issuer: "Acme".into(),
        algorithm: 1,
        digits: 1,
        r#type: 2,
        counter: 0,
    };
    let uri = encode_uri(&MigrationPayload {
        otp_parameters: vec![
            acct("alice", b"12345678901234567890"),
            acct("bob", b"abcdefghijabcdefghij"),
        ],
        version: 1,
        batch_size: 1,
        batch_index: 0,
        batch_id: 1,
    });
    let o = run(&["code", "--secret", &uri]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("1. Acme (alice)")
            && err.contains("2. Acme (bob)")
            && err.contains("--account"),
        "{err}"
    );
    let o = run(&["code", "--secret", &uri, "--account", "2", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["account"], "bob");
    let o = run(&["code", "--secret", &uri, "--account", "3"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_lists_the_subcommands() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("burn"));
}

/// Linux: a session without DISPLAY or WAYLAND_DISPLAY. (Windows always
/// has a desktop.)
#[cfg(target_os = "linux")]
#[test]
fn the_window_without_a_desktop_says_what_to_do() {
    let o = bin()
        .arg("gui")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("window could not be opened") && err.contains("totp-burner --help"),
        "{err}"
    );
}

#[test]
fn hostile_inputs_never_panic() {
    let long = "A".repeat(100_000);
    let inputs: Vec<&str> = vec![
        "",
        " ",
        "\u{feff}",
        "🙂🙂🙂",
        &long,
        "otpauth://",
        "otpauth://totp/%ZZ?secret=%%",
        "otpauth-migration://offline?data=",
        "0x",
        "-",
        "--",
        "FIDO:/",
        "=",
        "\\",
        "otpauth://totp/a?secret=A",
    ];
    for input in inputs {
        for sub in ["code", "burn"] {
            let mut args = vec![sub, "--secret", input];
            if sub == "burn" {
                args.push("--emulator");
            }
            let o = if input == "-" {
                run_stdin(&args, "\u{0}\u{1}garbage")
            } else {
                run(&args)
            };
            let err = text(&o.stderr);
            assert!(!err.contains("panicked"), "{sub} {input:?}: {err}");
            assert_ne!(o.status.code(), Some(101), "{sub} {input:?}");
            assert!(o.status.code().is_some());
        }
    }
    for args in [
        vec!["burn", "--emulator", "--secret", SECRET, "--period", "45"],
        vec![
            "burn",
            "--emulator",
            "--secret",
            SECRET,
            "--display-timeout",
            "-1",
        ],
        vec!["burn", "--emulator", "--reader", "x", "--secret", SECRET],
        vec![
            "code",
            "--secret",
            SECRET,
            "--account",
            "99999999999999999999999",
        ],
        vec!["code", "--secret", SECRET, "--account", "0"],
        vec!["nonsense"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(!text(&o.stderr).contains("panicked"));
    }
}

#[test]
fn secret_on_the_command_line_warns_and_names_the_safe_forms() {
    let o = run(&["code", "--secret", SECRET]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("warning:")
            && err.lines().count() == 1
            && err.contains("--secret -")
            && err.contains("--secret-env VAR"),
        "{err}"
    );
    assert!(!err.contains(SECRET), "{err}");
    let o = run_stdin(&["code", "--secret", "-"], SECRET);
    assert_eq!(o.status.code(), Some(0));
    assert!(!text(&o.stderr).contains("warning"), "{}", text(&o.stderr));
}

#[test]
fn secret_env_reads_the_named_variable() {
    away_from_step_boundary(5);
    let from_env = |args: &[&str], value: Option<&str>| {
        let mut c = Command::new(BIN);
        c.env("TOTP_BURNER_LANG", "en");
        c.args(args).env_remove("TOTP_TEST_KEY");
        if let Some(v) = value {
            c.env("TOTP_TEST_KEY", v);
        }
        c.output().unwrap()
    };
    let o = from_env(
        &["code", "--secret-env", "TOTP_TEST_KEY", "--json"],
        Some(SECRET),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    let piped = run_stdin(&["code", "--secret", "-", "--json"], SECRET);
    assert_eq!(json(&o)["code"], json(&piped)["code"]);
    let o = from_env(
        &[
            "burn",
            "--emulator",
            "--secret-env",
            "TOTP_TEST_KEY",
            "--json",
        ],
        Some(SECRET),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["serial"], "86596220000001");
    let o = from_env(&["code", "--secret-env", "TOTP_TEST_KEY"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("TOTP_TEST_KEY") && err.contains("not set"),
        "{err}"
    );
    let o = from_env(
        &["code", "--secret-env", "TOTP_TEST_KEY", "--secret", "-"],
        Some(SECRET),
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "both forms at once is a usage error"
    );
    assert!(!text(&o.stderr).contains(SECRET));
}

/// A QR code of `text` as a PNG in the temp folder.
fn qr_png(text: &str, name: &str) -> std::path::PathBuf {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let w = code.width() as u32;
    let colors = code.to_colors();
    let (scale, quiet) = (6u32, 4u32);
    let side = (w + 2 * quiet) * scale;
    let img = image::GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let inside = (quiet..quiet + w).contains(&mx) && (quiet..quiet + w).contains(&my);
        let dark =
            inside && colors[((my - quiet) * w + (mx - quiet)) as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    });
    let path =
        std::env::temp_dir().join(format!("totp-burner-cli-{}-{name}.png", std::process::id()));
    img.save(&path).unwrap();
    path
}

#[test]
fn scan_lists_each_account_of_an_export() {
    use totp_burner::secret::migration::{MigrationPayload, OtpParameters, encode_uri};
    let acct = |name: &str, secret: &[u8], kind: i32, digits: i32| OtpParameters {
        secret: secret.to_vec(),
        name: name.into(),
        issuer: "Acme".into(),
        algorithm: 1,
        digits,
        r#type: kind,
        counter: 0,
    };
    let (a, b) = (b"12345678901234567890", b"abcdefghijabcdefghij");
    let uri = encode_uri(&MigrationPayload {
        otp_parameters: vec![acct("alice", a, 2, 1), acct("counter", b, 1, 2)],
        version: 1,
        batch_size: 1,
        batch_index: 0,
        batch_id: 1,
    });
    let png = qr_png(&uri, "export");
    let png = png.to_str().unwrap();
    let b32 = |s: &[u8]| data_encoding::BASE32_NOPAD.encode(s);

    let o = run(&["scan", "--image", png]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("1. Acme (alice): TOTP, 6 digits, can be burned")
            && out.contains("2. Acme (counter): HOTP, 8 digits, cannot be burned")
            && out.contains("data=<hidden>"),
        "{out}"
    );
    assert!(!out.contains(&b32(a)) && !out.contains(&b32(b)), "{out}");

    let v = json(&run(&["scan", "--image", png, "--json"]));
    let list = v["codes"][0]["account_list"].as_array().unwrap().clone();
    assert_eq!(list.len(), 2, "{v}");
    assert_eq!(list[0]["type"], "totp");
    assert_eq!(list[0]["usable"], true);
    assert_eq!(list[1]["type"], "hotp");
    assert_eq!(list[1]["digits"], 8);
    assert_eq!(list[1]["usable"], false);
    assert!(list[1]["problem"].as_str().unwrap().contains("HOTP"));
    assert!(list.iter().all(|x| x.get("secret_base32").is_none()), "{v}");

    let v = json(&run(&["scan", "--image", png, "--json", "--show-secret"]));
    let list = &v["codes"][0]["account_list"];
    assert_eq!(list[0]["secret_base32"], b32(a).as_str());
    assert_eq!(list[1]["secret_base32"], b32(b).as_str());
    let out = text(&run(&["scan", "--image", png, "--show-secret"]).stdout);
    assert!(out.contains(&format!("secret: {}", b32(b))), "{out}");
    let _ = std::fs::remove_file(png);
}
