//! Leak search: every form of a secret (hex, Base32 with and without padding
//! and in lower case, otpauth links, a link whose `secret` name is
//! percent-encoded, an authenticator export) and forms that fail (typos, a
//! backup file, HOTP, too many digits) go through every command that takes
//! a secret (`burn --secret -`, `--secret-env`, `code`, `scan --image`,
//! `burn --qr-image`, with and without `--json`). Then stdout, stderr and
//! every file the program could write (data and settings folders, HOME,
//! TMPDIR, XDG folders) are searched for each encoding of the secret.
//! Only `--show-secret` may print it, and a control checks that the search
//! finds it there.

mod common;

use common::leak::{files, found_in, needles};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use totp_burner::secret::migration::{MigrationPayload, OtpParameters, encode_uri};

const BIN: &str = env!("CARGO_BIN_EXE_totp-burner");
const ENV_VAR: &str = "TOTP_LEAK_TEST_SECRET";

/// Folders the program may write to, all inside one temporary root; QR
/// images (which hold the secret on purpose) live outside them.
struct Sandbox {
    root: PathBuf,
    inputs: PathBuf,
}

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

impl Sandbox {
    fn new(name: &str) -> Sandbox {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let root = std::env::temp_dir().join(format!(
            "totp-burner-leak-{name}-{}-{nanos}",
            std::process::id()
        ));
        for d in WRITABLE {
            std::fs::create_dir_all(root.join("out").join(d)).unwrap();
        }
        let inputs = root.join("inputs");
        std::fs::create_dir_all(&inputs).unwrap();
        Sandbox { root, inputs }
    }

    fn dir(&self, d: &str) -> PathBuf {
        self.root.join("out").join(d)
    }

    /// The binary with a clean environment pointing every folder into the sandbox.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env_clear()
            .env("TOTP_BURNER_LANG", "en")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TOTP_BURNER_DATA_DIR", self.dir("data"))
            .env("TOTP_BURNER_CONFIG_DIR", self.dir("config"))
            .env("HOME", self.dir("home"))
            .env("TMPDIR", self.dir("tmp"))
            .env("XDG_CONFIG_HOME", self.dir("xdg-config"))
            .env("XDG_DATA_HOME", self.dir("xdg-data"))
            .env("XDG_CACHE_HOME", self.dir("xdg-cache"))
            .env("XDG_STATE_HOME", self.dir("xdg-state"))
            .env("XDG_RUNTIME_DIR", self.dir("xdg-runtime"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    /// Every file under the writable folders: (path, name and content).
    fn files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        files(&self.root.join("out"))
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).unwrap();
    b
}

fn b32(bytes: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(bytes)
}

fn export(accounts: &[(&[u8], &str, i32)]) -> String {
    encode_uri(&MigrationPayload {
        otp_parameters: accounts
            .iter()
            .map(|(secret, name, kind)| OtpParameters {
                secret: secret.to_vec(),
                name: (*name).into(),
                issuer: "Leak".into(),
                algorithm: 1,
                digits: 1,
                r#type: *kind,
                counter: 0,
            })
            .collect(),
        version: 1,
        batch_size: 1,
        batch_index: 0,
        batch_id: 1,
    })
}

/// A named byte string that must not appear anywhere.
/// A QR code of `text` as a PNG (8 px modules, 4-module quiet zone).
fn qr_png(text: &str, path: &Path) {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let width = code.width() as u32;
    let colors = code.to_colors();
    let (scale, quiet) = (8u32, 4u32);
    let side = (width + 2 * quiet) * scale;
    let img = image::GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let dark = mx >= quiet
            && my >= quiet
            && mx < quiet + width
            && my < quiet + width
            && colors[((my - quiet) * width + (mx - quiet)) as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    });
    img.save(path).unwrap();
}

fn run(sandbox: &Sandbox, args: &[&str], stdin: Option<&str>, env: Option<&str>) -> Output {
    let mut c = sandbox.command(args);
    if let Some(v) = env {
        c.env(ENV_VAR, v);
    }
    if stdin.is_some() {
        c.stdin(Stdio::piped());
    }
    let mut child = c.spawn().expect("binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// One form of a secret and what every command must make of it.
struct Case {
    name: &'static str,
    input: String,
    /// The secrets it holds.
    secrets: Vec<Vec<u8>>,
    /// Exit code of burn/code (0 usable, 2 refused).
    exit: i32,
    /// Exit code of scan.
    scan_exit: i32,
}

fn cases() -> Vec<Case> {
    // 21 bytes: Base32 needs `=` padding (34 characters + 6).
    let s = random_bytes(21);
    let other = random_bytes(20);
    let upper = b32(&s);
    let padded = data_encoding::BASE32.encode(&s);
    assert_ne!(upper, padded, "the padded form differs");
    let typo = format!("{}0{}", &upper[..5], &upper[6..]);
    let case = |name, input: String, secrets: Vec<Vec<u8>>, exit, scan_exit| Case {
        name,
        input,
        secrets,
        exit,
        scan_exit,
    };
    let one = || vec![s.clone()];
    vec![
        case("hex", data_encoding::HEXLOWER.encode(&s), one(), 0, 0),
        case("Base32 padded", padded.clone(), one(), 0, 0),
        case("Base32", upper.clone(), one(), 0, 0),
        case("Base32 lower case", upper.to_lowercase(), one(), 0, 0),
        case(
            "otpauth link",
            format!("otpauth://totp/Leak:alice?secret={upper}&issuer=Leak"),
            one(),
            0,
            0,
        ),
        case(
            "link with a percent-encoded name",
            format!("otpauth://totp/Leak:alice?%73ecret={upper}&issuer=Leak"),
            one(),
            0,
            0,
        ),
        case(
            "authenticator export",
            export(&[(&s, "alice", 2)]),
            one(),
            0,
            0,
        ),
        // Failing forms: still secrets, and never echoed.
        case("Base32 with a typo", typo.clone(), one(), 2, 2),
        case(
            "Base32 missing a character",
            upper[1..].to_string(),
            one(),
            2,
            2,
        ),
        case(
            "link with a typo",
            format!("otpauth://totp/Leak:alice?secret={typo}"),
            one(),
            2,
            2,
        ),
        case(
            "encoded-name link with 8 digits",
            format!("otpauth://totp/Leak:alice?%73ecret={upper}&digits=8"),
            one(),
            2,
            2,
        ),
        case(
            "HOTP link",
            format!("otpauth://hotp/Leak:alice?secret={upper}&counter=1"),
            one(),
            2,
            2,
        ),
        case(
            "backup file",
            format!("{{\"services\":[{{\"name\":\"alice\",\"secret\":\"{upper}\"}}]}}"),
            one(),
            2,
            2,
        ),
        case(
            "web link holding the key",
            format!("https://example.com/enrol?key={upper}"),
            one(),
            2,
            2,
        ),
        case(
            "export of an HOTP account",
            export(&[(&s, "counter", 1)]),
            one(),
            2,
            2,
        ),
        case(
            "export of two accounts",
            export(&[(&s, "alice", 2), (&other, "bob", 2)]),
            vec![s.clone(), other.clone()],
            2,
            0,
        ),
    ]
}

/// Arguments, standard input, the secret variable's value, expected exit code.
type Run<'a> = (Vec<&'a str>, Option<&'a str>, Option<&'a str>, i32);

#[test]
fn no_command_prints_or_stores_a_secret_it_was_given() {
    let sandbox = Sandbox::new("all");
    let mut leaks = Vec::new();
    let mut wrong_exit = Vec::new();
    let cases = cases();
    let mut all_needles = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let secrets: Vec<&[u8]> = c.secrets.iter().map(Vec::as_slice).collect();
        let needles = needles(&secrets, &c.input);
        let image = sandbox.inputs.join(format!("qr{i}.png"));
        qr_png(&c.input, &image);
        let image = image.to_str().unwrap();
        let env = || ("--secret-env", ENV_VAR);
        let runs: Vec<Run> = vec![
            (
                vec!["burn", "--emulator", "--secret", "-"],
                Some(&c.input),
                None,
                c.exit,
            ),
            (
                vec!["burn", "--emulator", "--secret", "-", "--json"],
                Some(&c.input),
                None,
                c.exit,
            ),
            (vec!["code", "--secret", "-"], Some(&c.input), None, c.exit),
            (
                vec!["code", "--secret", "-", "--json"],
                Some(&c.input),
                None,
                c.exit,
            ),
            (
                vec!["burn", "--emulator", env().0, env().1],
                None,
                Some(&c.input),
                c.exit,
            ),
            (
                vec!["code", env().0, env().1, "--json"],
                None,
                Some(&c.input),
                c.exit,
            ),
            (vec!["scan", "--image", image], None, None, c.scan_exit),
            (
                vec!["scan", "--image", image, "--json"],
                None,
                None,
                c.scan_exit,
            ),
            (
                vec!["burn", "--emulator", "--qr-image", image],
                None,
                None,
                c.exit,
            ),
            (
                vec!["burn", "--emulator", "--json", "--qr-image", image],
                None,
                None,
                c.exit,
            ),
        ];
        for (args, stdin, env, exit) in runs {
            let o = run(&sandbox, &args, stdin, env);
            let what = format!("{} | {}", c.name, args.join(" "));
            if o.status.code() != Some(exit) {
                wrong_exit.push(format!(
                    "{what}: exit {:?}, expected {exit}: {}",
                    o.status.code(),
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
            for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
                let found = found_in(bytes, &needles);
                if !found.is_empty() {
                    leaks.push(format!("{what}: {stream} shows {}", found.join(", ")));
                }
            }
            if args[0] == "scan" && args.contains(&"--json") {
                // The QR code was read (else the search proves nothing).
                let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
                let kind = v["codes"][0]["kind"].as_str().unwrap_or("none").to_string();
                if kind == "none" {
                    wrong_exit.push(format!("{what}: no QR code read"));
                }
            }
        }
        all_needles.push((c.name, needles));
    }
    for (path, bytes) in sandbox.files() {
        for (name, needles) in &all_needles {
            let found = found_in(&bytes, needles);
            if !found.is_empty() {
                leaks.push(format!(
                    "{} holds {name}: {}",
                    path.display(),
                    found.join(", ")
                ));
            }
        }
    }
    assert!(wrong_exit.is_empty(), "\n{}", wrong_exit.join("\n"));
    assert!(leaks.is_empty(), "secrets leaked:\n{}", leaks.join("\n"));
}

/// The search finds the secret where it is meant to be shown, and in a file.
#[test]
fn the_search_finds_what_show_secret_prints() {
    let sandbox = Sandbox::new("control");
    let s = random_bytes(20);
    let link = format!("otpauth://totp/Leak:alice?%73ecret={}", b32(&s));
    let link_needles = needles(&[&s], &link);
    let image = sandbox.inputs.join("qr.png");
    qr_png(&link, &image);
    let o = run(
        &sandbox,
        &["scan", "--show-secret", "--image", image.to_str().unwrap()],
        None,
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let found = found_in(&o.stdout, &link_needles);
    assert!(found.contains(&"secret 0 Base32".to_string()), "{found:?}");
    let exp = export(&[(&s, "alice", 2)]);
    let qr = sandbox.inputs.join("export.png");
    qr_png(&exp, &qr);
    let o = run(
        &sandbox,
        &[
            "scan",
            "--show-secret",
            "--json",
            "--image",
            qr.to_str().unwrap(),
        ],
        None,
        None,
    );
    let found = found_in(&o.stdout, &needles(&[&s], &exp));
    assert!(found.contains(&"secret 0 Base32".to_string()), "{found:?}");
    // A file in a searched folder.
    std::fs::write(
        sandbox.dir("tmp").join("x"),
        data_encoding::HEXUPPER.encode(&s),
    )
    .unwrap();
    let hits: Vec<String> = sandbox
        .files()
        .iter()
        .flat_map(|(_, b)| found_in(b, &link_needles))
        .collect();
    assert!(hits.contains(&"secret 0 HEX".to_string()), "{hits:?}");
}

/// A records server's password, in the address (`postgresql://user:PW@…`)
/// or in PGPASSWORD, never shows: not in the words of any records command
/// that fails to reach the server (human and --json), nor in any file the
/// program writes. The server is a port where nothing listens, so every
/// command goes through its error path.
#[test]
fn no_command_prints_or_stores_a_records_server_password() {
    let sandbox = Sandbox::new("pg-password");
    let password = format!("Pw-{}", b32(&random_bytes(12)));
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let in_url =
        format!("postgresql://st_north:{password}@127.0.0.1:{port}/records?connect_timeout=2");
    let plain = format!("postgresql://st_north@127.0.0.1:{port}/records?connect_timeout=2");
    let mut leaks = Vec::new();
    for (url, env) in [(&in_url, false), (&plain, true)] {
        for args in [
            vec!["records", "list"],
            vec!["records", "list", "--json"],
            vec!["records", "init"],
            vec!["records", "migrate"],
            vec!["records", "codes"],
            vec!["batch", "--random", "--count", "1", "--json"],
        ] {
            let mut c = sandbox.command(&args);
            c.args(["--records", url]);
            if env {
                c.env("PGPASSWORD", &password);
            }
            let o = c.output().unwrap();
            assert_ne!(o.status.code(), Some(0), "{args:?} cannot reach a server");
            for (what, out) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
                if common::leak::find(out, password.as_bytes()) {
                    leaks.push(format!("{args:?} {what}: {}", String::from_utf8_lossy(out)));
                }
            }
            // It says which server it could not reach, by address.
            let words = String::from_utf8_lossy(&o.stderr).into_owned()
                + &String::from_utf8_lossy(&o.stdout);
            assert!(words.contains("records"), "{args:?}: {words}");
        }
    }
    for (path, content) in sandbox.files() {
        if common::leak::find(&content, password.as_bytes()) {
            leaks.push(format!("file {}", path.display()));
        }
    }
    assert!(leaks.is_empty(), "the password leaked: {leaks:#?}");
}
