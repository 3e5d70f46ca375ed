//! The Windows build, run here under Wine on a real X screen (Xvfb):
//! `scan --screen` finds a QR on the X screen through the Windows capture
//! path; the real window (the GUI-subsystem exe the Start-menu shortcut
//! starts) opens in demo mode, glow taking over from wgpu, and scans,
//! burns and verifies; Wine's stub PC/SC is explained plainly; the MSI
//! installs silently, puts the CLI on PATH and a shortcut in the Start
//! menu, and uninstalls cleanly; the exes carry the icon, the version
//! resource and the right subsystem. `./dev.sh test` runs it
//! (`--features wine-tests`) with WINEPREFIX (scripts/wine/prefix.sh),
//! DISPLAY (one Xvfb), TOTP_BURNER_WINDOWS_BIN_DIR (the cross build's
//! exes) and TOTP_BURNER_WINDOWS_MSI set.

mod common;

use common::xvfb::{Killed, drive_demo, show_window, wait_for_line};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// The tests share one X screen and one Wine prefix: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(name).unwrap_or_else(|| {
        panic!("{name} is not set: run these tests through ./dev.sh test (its Windows tier)")
    }))
}

fn exe(name: &str) -> PathBuf {
    env_path("TOTP_BURNER_WINDOWS_BIN_DIR").join(name)
}

fn prefix() -> PathBuf {
    env_path("WINEPREFIX")
}

fn display() -> String {
    std::env::var("DISPLAY").expect("DISPLAY (the Windows tier's Xvfb)")
}

/// A Unix path as Wine's Z: drive names it.
fn windows_path(p: &Path) -> String {
    format!("Z:{}", p.display()).replace('/', "\\")
}

/// `wine PROGRAM ARGS` in the test prefix, on the tier's X screen.
fn wine(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut c = Command::new("wine");
    c.arg(program)
        .env("WINEPREFIX", prefix())
        .env("WINEDEBUG", "-all")
        .env("DISPLAY", display())
        .env_remove("WAYLAND_DISPLAY");
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).replace('\r', "")
}

fn ok(o: &Output, what: &str) {
    assert!(
        o.status.success(),
        "{what}: {:?}\n{}{}",
        o.status,
        text(&o.stdout),
        text(&o.stderr)
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn windows_scan_screen_finds_the_qr_on_the_x_screen() {
    let _one = one_at_a_time();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screen_1080p_5px.png");
    let display = display();
    let _qr = show_window(&display, &fixture, 311, 157);
    let o = wine(exe("totp-burner.exe"))
        .args(["scan", "--screen", "--json", "--show-secret"])
        .output()
        .unwrap();
    ok(&o, "scan --screen under Wine");
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout)));
    let codes = v["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 1, "{v}");
    assert_eq!(
        codes[0]["text"],
        "otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Contoso"
    );
}

/// The window the Start-menu shortcut opens, in demo mode: under Wine 8
/// wgpu gets no device ("Parent device is lost"), so this is also the
/// proof that the glow fallback opens a working window where wgpu fails.
#[test]
fn windows_demo_window_falls_back_to_glow_and_burns() {
    let _one = one_at_a_time();
    let dir = scratch("wine-demo");
    let log = dir.join("events.log");
    let app = Killed(
        wine(exe("totp-burner-gui.exe"))
            .arg("--demo")
            .env("TOTP_BURNER_EVENT_LOG", windows_path(&log))
            .env("TOTP_BURNER_CONFIG_DIR", windows_path(&dir.join("config")))
            .env("TOTP_BURNER_DATA_DIR", windows_path(&dir.join("data")))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let renderer = wait_for_line(&log, "renderer:", Duration::from_secs(90));
    assert!(
        renderer.starts_with("renderer: glow (OpenGL); wgpu could not start here ("),
        "{renderer}"
    );
    let code = drive_demo(&display(), &log, &dir.join("wine_demo_after_burn.png"));
    eprintln!("{renderer}; burned and verified code {code}");
    drop(app);
}

#[test]
fn windows_pcsc_failure_under_wine_is_explained_plainly() {
    let _one = one_at_a_time();
    for args in [vec!["readers"], vec!["info"]] {
        let o = wine(exe("totp-burner.exe")).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o.stderr));
        let err = text(&o.stderr);
        assert!(
            err.contains("The smart-card service is not running")
                && err.contains("\"Smart Card\" service")
                && err.contains("Wine"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn msi_installs_silently_puts_the_cli_on_path_and_uninstalls() {
    let _one = one_at_a_time();
    let msi = env_path("TOTP_BURNER_WINDOWS_MSI");
    let drive_c = prefix().join("drive_c");
    let dir = drive_c.join("Program Files/TOTP Burner");
    // Windows puts a per-machine install's shortcut in the All Users Start
    // menu (the CI Windows job checks that); Wine 8's msi.dll resolves
    // ProgramMenuFolder per user whatever ALLUSERS says (a FIXME in its
    // package.c), so here it lands in the user's. Either, exactly once.
    let start_menu = "Microsoft/Windows/Start Menu/Programs/TOTP Burner.lnk";
    let mut shortcuts = vec![drive_c.join("ProgramData").join(start_menu)];
    for user in std::fs::read_dir(drive_c.join("users")).unwrap().flatten() {
        shortcuts.push(user.path().join("AppData/Roaming").join(start_menu));
    }
    let shortcuts_present = || shortcuts.iter().filter(|p| p.is_file()).count();

    let o = wine("msiexec")
        .args(["/i", &windows_path(&msi), "/qn"])
        .output()
        .unwrap();
    ok(&o, "msiexec /i /qn");
    wineserver_wait();
    for f in ["totp-burner.exe", "totp-burner-gui.exe", "README.md"] {
        assert!(
            dir.join(f).is_file(),
            "{f} not installed in {}",
            dir.display()
        );
    }
    assert_eq!(
        shortcuts_present(),
        1,
        "no Start-menu shortcut: {shortcuts:?}"
    );

    // The installed CLI prints its version, by full path and through PATH.
    let o = wine(dir.join("totp-burner.exe"))
        .arg("--version")
        .output()
        .unwrap();
    ok(&o, "installed totp-burner.exe --version");
    let version = format!("totp-burner {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(text(&o.stdout).trim(), version);
    assert!(
        system_path().contains("C:\\Program Files\\TOTP Burner"),
        "{}",
        system_path()
    );
    // Found by a plain `totp-burner` through the PATH the MSI wrote. Wine's
    // msi leaves an empty element (";;") before ours and Wine's cmd stops
    // its search there (Windows' skips it), so the empty ones are dropped.
    let path: Vec<String> = system_path_value()
        .split(';')
        .filter(|p| !p.is_empty())
        .map(|p| p.replace("%SystemRoot%", "C:\\windows"))
        .collect();
    let o = wine("cmd")
        .arg("/c")
        .arg(format!(
            "set PATH={}&& totp-burner --version",
            path.join(";")
        ))
        .output()
        .unwrap();
    ok(&o, "totp-burner --version through PATH");
    assert_eq!(text(&o.stdout).trim(), version);

    let o = wine("msiexec")
        .args(["/x", &windows_path(&msi), "/qn"])
        .output()
        .unwrap();
    ok(&o, "msiexec /x /qn");
    wineserver_wait();
    assert!(
        !dir.join("totp-burner.exe").exists(),
        "the CLI is still there"
    );
    assert!(
        !dir.join("totp-burner-gui.exe").exists(),
        "the app is still there"
    );
    assert_eq!(shortcuts_present(), 0, "the shortcut is still there");
    assert!(
        !system_path().contains("TOTP Burner"),
        "PATH still names it: {}",
        system_path()
    );
}

/// The system PATH's value.
fn system_path_value() -> String {
    let out = system_path();
    let line = out
        .lines()
        .find(|l| l.contains("REG_EXPAND_SZ") || l.contains("REG_SZ"))
        .unwrap_or_else(|| panic!("no PATH value in {out}"));
    line.split_once("_SZ")
        .map(|(_, v)| v.trim().to_string())
        .unwrap()
}

/// The system PATH as the registry holds it (`reg query` output).
fn system_path() -> String {
    let o = wine("reg")
        .args([
            "query",
            "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\Environment",
            "/v",
            "PATH",
        ])
        .output()
        .unwrap();
    ok(&o, "reg query PATH");
    text(&o.stdout)
}

/// Let Wine finish writing the registry and files of the last process.
fn wineserver_wait() {
    let _ = Command::new("wineserver")
        .arg("--wait")
        .env("WINEPREFIX", prefix())
        .status();
}

/// The PE header's subsystem: 2 GUI, 3 console.
fn subsystem(exe: &[u8]) -> u16 {
    let pe = u32::from_le_bytes(exe[0x3c..0x40].try_into().unwrap()) as usize;
    assert_eq!(&exe[pe..pe + 4], b"PE\0\0");
    let optional = pe + 4 + 20;
    u16::from_le_bytes(exe[optional + 68..optional + 70].try_into().unwrap())
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_exes_carry_icon_version_and_their_subsystem() {
    let ico = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/totp-burner.ico"))
        .unwrap();
    // The .ico's first image (its directory entry: size at 8, offset at 12).
    let size = u32::from_le_bytes(ico[14..18].try_into().unwrap()) as usize;
    let offset = u32::from_le_bytes(ico[18..22].try_into().unwrap()) as usize;
    let image = &ico[offset..offset + size];
    for (name, want) in [("totp-burner.exe", 3), ("totp-burner-gui.exe", 2)] {
        let bytes = std::fs::read(exe(name)).unwrap();
        assert_eq!(subsystem(&bytes), want, "{name}: 2 is GUI, 3 console");
        assert!(contains(&bytes, image), "{name} lacks the icon");
        for field in [
            "ProductName",
            "TOTP Burner",
            "FileVersion",
            env!("CARGO_PKG_VERSION"),
        ] {
            assert!(contains(&bytes, &utf16(field)), "{name} lacks {field}");
        }
    }
}
