//! Screen capture on a real X server: start Xvfb, show a screenshot
//! fixture in a window, run `totp-burner scan --screen` against that
//! display and check what it found. Needs `Xvfb` (`./dev.sh test` installs
//! it and runs this binary with `--features xvfb-tests`).

mod common;

use common::xvfb::{Killed, Xvfb, drive_demo, show_window, wait_for_line};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn start_xvfb() -> Xvfb {
    common::xvfb::start_xvfb("2560x1440x24")
}

#[test]
fn scan_screen_finds_the_qr_in_a_window() {
    let x = start_xvfb();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screen_1080p_5px.png");
    let _conn = show_window(&x.display, &fixture, 311, 157);
    let o = Command::new(env!("CARGO_BIN_EXE_totp-burner"))
        .args(["scan", "--screen", "--json", "--show-secret"])
        .env("DISPLAY", &x.display)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes = v["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 1, "{out}");
    assert_eq!(
        codes[0]["text"],
        "otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Contoso"
    );
    assert_eq!(codes[0]["issuer"], "Contoso");
}

#[test]
fn scan_screen_without_a_display_says_so() {
    let o = Command::new(env!("CARGO_BIN_EXE_totp-burner"))
        .args(["scan", "--screen"])
        .env_remove("DISPLAY")
        .env("WAYLAND_DISPLAY", "wayland-0")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Wayland"));
}

/// The real binary in demo mode on a real X screen: scan the demo QR from
/// the screen with Ctrl+Shift+S, burn with Enter, and check that the code
/// shown is the one the virtual token shows after a power cycle. The
/// screenshot is kept as a test artifact. wgpu draws it (Mesa here).
#[test]
fn demo_scan_burn_verify_in_the_real_window() {
    let x = start_xvfb();
    let dir = artifact_dir("xvfb-demo");
    let log = dir.join("events.log");
    let app = Killed(demo_window(&x.display, &dir, &log).spawn().unwrap());
    let renderer = wait_for_line(&log, "renderer:", Duration::from_secs(30));
    assert_eq!(renderer, "renderer: wgpu");
    drive_demo(&x.display, &log, &dir.join("demo_after_burn.png"));
    drop(app);
}

/// Where wgpu gets no device, the window starts again with glow, says
/// why, and works: scan, burn, verify. (`WGPU_BACKEND=metal` leaves wgpu
/// no adapter on Linux, as a PC over RDP or Wine leaves it none.)
#[test]
fn glow_draws_the_window_when_wgpu_cannot_start() {
    let x = start_xvfb();
    let dir = artifact_dir("xvfb-glow");
    let log = dir.join("events.log");
    let mut cmd = demo_window(&x.display, &dir, &log);
    cmd.env("WGPU_BACKEND", "metal");
    let app = Killed(cmd.spawn().unwrap());
    let renderer = wait_for_line(&log, "renderer:", Duration::from_secs(30));
    assert!(
        renderer.starts_with("renderer: glow (OpenGL); wgpu could not start here ("),
        "{renderer}"
    );
    drive_demo(&x.display, &log, &dir.join("glow_after_burn.png"));
    drop(app);
}

/// `--renderer glow` draws with glow without trying wgpu.
#[test]
fn renderer_flag_forces_glow() {
    let x = start_xvfb();
    let dir = artifact_dir("xvfb-forced-glow");
    let log = dir.join("events.log");
    let mut cmd = demo_window(&x.display, &dir, &log);
    cmd.args(["--renderer", "glow"]);
    let app = Killed(cmd.spawn().unwrap());
    let renderer = wait_for_line(&log, "renderer:", Duration::from_secs(30));
    assert_eq!(
        renderer,
        "renderer: glow (chosen by --renderer or the settings)"
    );
    wait_for_line(&log, "first frame", Duration::from_secs(30));
    drop(app);
}

fn artifact_dir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `totp-burner gui --demo` on `display`, its settings in `dir`, its
/// events in `log`.
fn demo_window(display: &str, dir: &Path, log: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_totp-burner"));
    cmd.args(["gui", "--demo"])
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WGPU_BACKEND")
        .env("XDG_RUNTIME_DIR", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("TOTP_BURNER_EVENT_LOG", log)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}
