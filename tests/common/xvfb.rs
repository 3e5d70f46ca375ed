//! A real X server for the window and screen tests: Xvfb on a display
//! number it picks itself (`-displayfd`), so parallel tests never collide;
//! stopped (exactly that process) when dropped.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use x11rb::connection::{Connection, RequestConnection};
use x11rb::protocol::xproto::{
    AtomEnum, ConnectionExt as _, CreateWindowAux, ImageFormat, PropMode, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

/// A running Xvfb.
pub struct Xvfb {
    child: Child,
    /// Its display, e.g. ":12".
    pub display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start Xvfb with one screen of `size` (e.g. "1920x1080x24") and wait
/// until it accepts connections.
pub fn start_xvfb(size: &str) -> Xvfb {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new("Xvfb")
        // -noreset: no server reset when the last client leaves (the
        // readiness check below is one), which would drop the next one.
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            size,
            "-nolisten",
            "tcp",
            "-noreset",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb must be installed (./dev.sh test installs the xvfb package)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let display = format!(":{}", line.trim());
    let x = Xvfb { child, display };
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        if x11rb::connect(Some(&x.display)).is_ok() {
            return x;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("Xvfb on {} did not come up", x.display);
}

/// Show `png` in a window at (x, y) on `display`; keep the connection open.
pub fn show_window(display: &str, png: &Path, x: i16, y: i16) -> impl Connection {
    let img = image::open(png).unwrap().to_rgb8();
    let (conn, _) = show_image(display, &img, x, y, &[]);
    std::thread::sleep(Duration::from_millis(300));
    conn
}

/// Show `img` in a new top-level window at (x, y), its pixels as the
/// window's background (the X server paints it, no client needed), with
/// the given (property, UTF-8 value) pairs set before it is mapped.
pub fn show_image(
    display: &str,
    img: &image::RgbImage,
    x: i16,
    y: i16,
    properties: &[(&str, PropertyValue)],
) -> (RustConnection, u32) {
    let (w, h) = img.dimensions();
    let (conn, screen_num) = x11rb::connect(Some(display)).unwrap();
    let screen = conn.setup().roots[screen_num].clone();
    let pixmap = conn.generate_id().unwrap();
    conn.create_pixmap(screen.root_depth, pixmap, screen.root, w as u16, h as u16)
        .unwrap();
    let gc = conn.generate_id().unwrap();
    conn.create_gc(gc, pixmap, &Default::default()).unwrap();
    // BGRX rows, sent in strips that fit one request.
    let row_bytes = w as usize * 4;
    let rows_per_strip = ((conn.maximum_request_bytes() - 64) / row_bytes).clamp(1, h as usize);
    let mut row = 0usize;
    while row < h as usize {
        let n = rows_per_strip.min(h as usize - row);
        let mut data = Vec::with_capacity(n * row_bytes);
        for yy in row..row + n {
            for xx in 0..w {
                let p = img.get_pixel(xx, yy as u32).0;
                data.extend_from_slice(&[p[2], p[1], p[0], 0]);
            }
        }
        conn.put_image(
            ImageFormat::Z_PIXMAP,
            pixmap,
            gc,
            w as u16,
            n as u16,
            0,
            row as i16,
            0,
            screen.root_depth,
            &data,
        )
        .unwrap();
        row += n;
    }
    let win = conn.generate_id().unwrap();
    conn.create_window(
        screen.root_depth,
        win,
        screen.root,
        x,
        y,
        w as u16,
        h as u16,
        0,
        WindowClass::INPUT_OUTPUT,
        0,
        &CreateWindowAux::new()
            .background_pixmap(pixmap)
            .override_redirect(1),
    )
    .unwrap();
    for (name, value) in properties {
        let atom = |n: &str| {
            conn.intern_atom(false, n.as_bytes())
                .unwrap()
                .reply()
                .unwrap()
                .atom
        };
        match value {
            PropertyValue::Text(t) => {
                let utf8 = atom("UTF8_STRING");
                conn.change_property8(PropMode::REPLACE, win, atom(name), utf8, t.as_bytes())
                    .unwrap();
            }
            PropertyValue::Cardinal(n) => {
                conn.change_property32(
                    PropMode::REPLACE,
                    win,
                    atom(name),
                    AtomEnum::CARDINAL,
                    &[*n],
                )
                .unwrap();
            }
        }
    }
    conn.map_window(win).unwrap();
    conn.sync().unwrap();
    (conn, win)
}

/// A window property's value.
pub enum PropertyValue {
    Text(&'static str),
    Cardinal(u32),
}

/// The first visible window whose name matches, waiting up to `timeout`.
pub fn find_window(display: &str, name: &str, timeout: Duration) -> Option<String> {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", name])
            .env("DISPLAY", display)
            .output()
            .ok()?;
        let id = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(str::to_string);
        if id.is_some() {
            return id;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

/// Focus `window` and type `keys` (xdotool syntax).
pub fn key(display: &str, window: &str, keys: &str) {
    // The window may still be mapping: retry the focus for a few seconds.
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let focus = Command::new("xdotool")
            .args(["windowfocus", "--sync", window])
            .env("DISPLAY", display)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        if focus.success() {
            break;
        }
        assert!(Instant::now() < end, "could not focus window {window}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let k = Command::new("xdotool")
        .args(["key", keys])
        .env("DISPLAY", display)
        .status()
        .unwrap();
    assert!(k.success());
}

/// The first line of the event log `log` containing `what`, waiting up
/// to `timeout`.
pub fn wait_for_line(log: &Path, what: &str, timeout: Duration) -> String {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(line) = text.lines().find(|l| l.contains(what)) {
            return line.to_string();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "no {what:?} in the event log: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// A child process killed (and reaped) when dropped.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Drive the demo window already starting on `display` (its event log in
/// `log`): wait for both windows and the first frame, scan the demo QR
/// from the screen with Ctrl+Shift+S, burn with Enter, check that the code
/// shown is the one the virtual token shows after a power cycle, and keep
/// a screenshot in `shot`. Returns the code.
pub fn drive_demo(display: &str, log: &Path, shot: &Path) -> String {
    let main =
        find_window(display, "TOTP burner", Duration::from_secs(60)).expect("the app window");
    find_window(display, "Demo sign-in page", Duration::from_secs(20)).expect("the demo QR window");
    wait_for_line(log, "first frame", Duration::from_secs(60));
    std::thread::sleep(Duration::from_millis(500));

    key(display, &main, "ctrl+shift+s");
    let scanned = wait_for_line(log, "scanned", Duration::from_secs(30));
    assert!(scanned.ends_with(": secret"), "{scanned}");
    // The capture worker unmapped the window itself; the restore maps it.
    assert!(
        find_window(display, "TOTP burner", Duration::from_secs(10)).is_some(),
        "the window is back after the scan"
    );

    key(display, &main, "Return");
    let burned = wait_for_line(log, "burned", Duration::from_secs(30));
    let shown = wait_for_line(log, "virtual token shows", Duration::from_secs(5));
    let code = burned.rsplit(' ').next().unwrap().to_string();
    assert_eq!(
        shown,
        format!("virtual token shows {code} after a power cycle")
    );

    std::thread::sleep(Duration::from_millis(500));
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(shot)
        .env("DISPLAY", display)
        .status()
        .expect("imagemagick's import");
    assert!(status.success());
    eprintln!("screenshot: {}", shot.display());
    code
}
