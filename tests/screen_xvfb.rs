//! Screen capture on a real X server: start Xvfb, show a screenshot
//! fixture in a window, run `totp-burner scan --screen` against that
//! display and check what it found. Needs `Xvfb` (`./dev.sh test` installs
//! it and runs this binary with `--features xvfb-tests`).

mod common;

use common::xvfb::{
    Killed, PropertyValue, Xvfb, drive_demo, show_image, show_window, wait_for_line,
};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    ConnectionExt as _, CreateWindowAux, InputFocus, MapState, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

fn start_xvfb() -> Xvfb {
    common::xvfb::start_xvfb("2560x1440x24")
}

#[test]
fn scan_screen_finds_the_qr_in_a_window() {
    let x = start_xvfb();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screen_1080p_5px.png");
    let _conn = show_window(&x.display, &fixture, 311, 157);
    let o = Command::new(env!("CARGO_BIN_EXE_totp-burner"))
        .env("TOTP_BURNER_LANG", "en")
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
        .env("TOTP_BURNER_LANG", "en")
        .args(["scan", "--screen"])
        .env_remove("DISPLAY")
        .env("WAYLAND_DISPLAY", "wayland-0")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Wayland"));
}

/// The real binary in demo mode on a real X screen, drawn with wgpu:
/// scan the demo QR from the screen with Ctrl+Shift+S, burn with Enter,
/// and check that the code shown is the one the virtual token shows after
/// a power cycle. The screenshot is kept as a test artifact.
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

/// What our own window shows in the tests below, and what another
/// program's window shows.
const OURS: &str = "otpauth://totp/Ours:own-window@example.com?secret=JBSWY3DPEHPK3PXP";
const THEIRS: &str = "otpauth://totp/Theirs:page@example.com?secret=KNSWG4TFORSG63LP";

/// A QR code of `text` with 5 px modules and a white margin, on a white
/// picture of `width` x `height` at (`x`, `y`).
fn qr_picture(text: &str, width: u32, height: u32, x: u32, y: u32) -> image::RgbImage {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let n = code.width() as u32;
    let colors = code.to_colors();
    image::RgbImage::from_fn(width, height, |px, py| {
        let (mx, my) = ((px.wrapping_sub(x)) / 5, (py.wrapping_sub(y)) / 5);
        let dark = mx < n && my < n && colors[(my * n + mx) as usize] == qrcode::Color::Dark;
        image::Rgb(if dark { [0, 0, 0] } else { [255, 255, 255] })
    })
}

/// This process's window, as the app's main window is found.
fn own_properties() -> [(&'static str, PropertyValue); 2] {
    [
        ("_NET_WM_PID", PropertyValue::Cardinal(std::process::id())),
        ("_NET_WM_NAME", PropertyValue::Text("TOTP burner — test")),
    ]
}

/// Show our window (this process's, titled like the app's) with its QR at
/// (100, 100), 900x700.
fn show_ours(display: &str) -> (RustConnection, u32) {
    show_image(
        display,
        &qr_picture(OURS, 900, 700, 40, 40),
        100,
        100,
        &own_properties(),
    )
}

/// Another program's window with its QR, beside ours (not overlapping).
fn show_theirs_beside_ours(display: &str) -> RustConnection {
    show_image(
        display,
        &qr_picture(THEIRS, 300, 300, 20, 20),
        1500,
        200,
        &[],
    )
    .0
}

/// Show our window, let it settle, then unmap it `after` from a thread of
/// its own (as eframe does while the capture worker waits).
fn show_ours_then_hide(display: &str, after: Duration) -> std::thread::JoinHandle<RustConnection> {
    let (conn, win) = show_ours(display);
    std::thread::sleep(Duration::from_millis(200));
    std::thread::spawn(move || {
        std::thread::sleep(after);
        conn.unmap_window(win).unwrap();
        conn.flush().unwrap();
        conn
    })
}

/// Whether `win` is mapped, as the X server says.
fn map_state(conn: &RustConnection, win: u32) -> MapState {
    conn.get_window_attributes(win)
        .unwrap()
        .reply()
        .unwrap()
        .map_state
}

/// Grab the screen through X11: the texts found without and with our
/// window masked.
fn grab_and_decode(
    display: &str,
    hidden: &totp_burner::capture::screen::Hidden,
) -> (Vec<String>, Vec<String>) {
    use totp_burner::capture::{decode::decode, screen};
    let mut captured = screen::capture_x11_on(display).unwrap();
    let all = |c: &screen::ScreenCapture| -> Vec<String> {
        let mut texts: Vec<String> = c.shots.iter().flat_map(|s| decode(&s.image)).collect();
        texts.sort();
        texts
    };
    let unmasked = all(&captured);
    hidden.mask(&mut captured);
    (unmasked, all(&captured))
}

/// The scan waits for our window's unmap, not a fixed time: the grab starts
/// as soon as the window is gone and the screen no longer shows it, and
/// our window's QR is not what is decoded.
#[test]
fn the_scan_waits_for_the_unmap_not_a_fixed_time() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    let _them = show_theirs_beside_ours(&x.display);
    let hider = show_ours_then_hide(&x.display, Duration::from_millis(60));
    let hidden =
        screen::wait_until_hidden_on(Some(&x.display), "TOTP burner", Duration::from_secs(5));
    let waited = hidden.waited().expect("our window was found");
    assert!(!hidden.still_mapped());
    assert!(
        waited >= Duration::from_millis(55) && waited < Duration::from_secs(2),
        "ended by the unmap, not the 5 s limit: {waited:?}"
    );
    let (unmasked, masked) = grab_and_decode(&x.display, &hidden);
    assert_eq!(unmasked, [THEIRS], "the screen no longer shows our window");
    assert_eq!(masked, [THEIRS]);
    drop(hider.join());
}

/// The scan unmaps our window itself: while the thread that owns the
/// window (the UI thread, busy painting) does nothing at all, the wait ends
/// within a fraction of its limit and the grab shows the other window's QR
/// but no longer ours, unmasked. The scan then maps it again itself, on
/// the screen and with the keyboard focus it had, still without the owner
/// (whose toolkit was never told about the hide).
#[test]
fn the_scan_unmaps_our_window_and_maps_it_again_without_the_ui() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    let _them = show_theirs_beside_ours(&x.display);
    let (ui, win) = show_ours(&x.display);
    ui.set_input_focus(InputFocus::PARENT, win, x11rb::CURRENT_TIME)
        .unwrap();
    ui.sync().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let limit = Duration::from_secs(5);
    let mut hidden = screen::hide_own_window_on(Some(&x.display), "TOTP burner", limit);
    let waited = hidden.waited().expect("our window was found");
    assert!(!hidden.still_mapped(), "unmapped without the UI thread");
    assert!(hidden.unmapped_here());
    assert!(
        waited < Duration::from_secs(1),
        "ended by our own unmap, not the 5 s limit: {waited:?}"
    );
    assert_eq!(map_state(&ui, win), MapState::UNMAPPED);
    let (unmasked, masked) = grab_and_decode(&x.display, &hidden);
    assert_eq!(unmasked, [THEIRS], "the screen no longer shows our window");
    assert_eq!(masked, [THEIRS]);
    hidden.show_again();
    assert!(!hidden.unmapped_here(), "mapped once, not twice");
    assert_eq!(
        map_state(&ui, win),
        MapState::VIEWABLE,
        "the window is back"
    );
    let focus = ui.get_input_focus().unwrap().reply().unwrap().focus;
    assert_eq!(focus, win, "with the keyboard focus it had");
    std::thread::sleep(Duration::from_millis(100));
    let (back, _) = grab_and_decode(&x.display, &screen::Hidden::default());
    let mut both = vec![OURS.to_string(), THEIRS.to_string()];
    both.sort();
    assert_eq!(back, both, "our window shows again");
}

/// Whatever ends the scan (a panic in the grab or the QR search unwinds
/// through it), dropping what the hide left maps our window again.
#[test]
fn a_scan_that_ends_early_still_maps_our_window_again() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    let (ui, win) = show_ours(&x.display);
    std::thread::sleep(Duration::from_millis(200));
    let display = x.display.clone();
    let ended = std::thread::spawn(move || {
        let _hidden =
            screen::hide_own_window_on(Some(&display), "TOTP burner", Duration::from_secs(5));
        panic!("injected: the grab failed");
    })
    .join();
    assert!(ended.is_err());
    let state = map_state(&ui, win);
    assert_eq!(state, MapState::VIEWABLE, "the window is back");
}

/// A window the scan did not unmap (someone else hid it) is not shown again
/// by the scan.
#[test]
fn a_window_hidden_by_someone_else_stays_hidden() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    let (ui, win) = show_ours(&x.display);
    std::thread::sleep(Duration::from_millis(200));
    ui.unmap_window(win).unwrap();
    ui.sync().unwrap();
    let mut hidden =
        screen::hide_own_window_on(Some(&x.display), "TOTP burner", Duration::from_secs(1));
    assert!(hidden.waited().is_some(), "our window was found");
    assert!(!hidden.unmapped_here());
    hidden.show_again();
    drop(hidden);
    let state = map_state(&ui, win);
    assert_eq!(state, MapState::UNMAPPED);
}

/// A window that is never hidden (a window manager that ignores the
/// request): after the limit, its area is masked, so its QR is not decoded,
/// while another program's window stacked above part of it still is.
#[test]
fn a_window_that_stays_is_masked_but_not_what_covers_it() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    let _ours = show_ours(&x.display);
    // Above ours (mapped later), over its right part.
    let (_them, _) = show_image(
        &x.display,
        &qr_picture(THEIRS, 300, 300, 20, 20),
        700,
        300,
        &[],
    );
    std::thread::sleep(Duration::from_millis(200));
    let limit = Duration::from_millis(150);
    let hidden = screen::wait_until_hidden_on(Some(&x.display), "TOTP burner", limit);
    assert!(hidden.still_mapped());
    assert!(hidden.waited().unwrap() >= limit);
    let (unmasked, masked) = grab_and_decode(&x.display, &hidden);
    let mut both = vec![OURS.to_string(), THEIRS.to_string()];
    both.sort();
    assert_eq!(unmasked, both, "unmasked, our window's QR is on the screen");
    assert_eq!(masked, [THEIRS], "masked, only the other window's QR");
}

/// Unmapped is not yet repainted: when the window below ours does not
/// redraw (no background, no client drawing), the screen keeps showing our
/// pixels; the wait runs to its limit and those stale pixels are masked.
#[test]
fn stale_pixels_of_our_window_are_masked() {
    use totp_burner::capture::screen;
    let x = start_xvfb();
    // A window with no background under ours: exposing it paints nothing.
    let (below, _) = x11rb::connect(Some(&x.display)).unwrap();
    let root = below.setup().roots[0].root;
    let depth = below.setup().roots[0].root_depth;
    let blank = below.generate_id().unwrap();
    below
        .create_window(
            depth,
            blank,
            root,
            50,
            50,
            1100,
            800,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new().override_redirect(1),
        )
        .unwrap();
    below.map_window(blank).unwrap();
    below.sync().unwrap();
    let hider = show_ours_then_hide(&x.display, Duration::from_millis(60));
    let limit = Duration::from_millis(300);
    let hidden = screen::wait_until_hidden_on(Some(&x.display), "TOTP burner", limit);
    drop(hider.join());
    assert!(!hidden.still_mapped());
    assert!(
        hidden.waited().unwrap() >= limit,
        "the screen kept showing our window until the limit"
    );
    let (unmasked, masked) = grab_and_decode(&x.display, &hidden);
    assert_eq!(unmasked, [OURS], "the stale pixels still show our QR");
    assert!(masked.is_empty(), "masked: {masked:?}");
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
        .env("TOTP_BURNER_LANG", "en")
        .env("XDG_RUNTIME_DIR", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("TOTP_BURNER_EVENT_LOG", log)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}
