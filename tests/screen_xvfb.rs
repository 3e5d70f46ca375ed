//! Screen capture on a real X server: start Xvfb, show a screenshot
//! fixture in a window, run `totp-burner scan --screen` against that
//! display and check what it found. Needs `Xvfb` (`./dev.sh test` installs
//! it and runs this binary with `--features xvfb-tests`).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use x11rb::connection::{Connection, RequestConnection};
use x11rb::protocol::xproto::{ConnectionExt as _, CreateWindowAux, ImageFormat, WindowClass};
use x11rb::wrapper::ConnectionExt as _;

struct Xvfb {
    child: Child,
    display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_xvfb() -> Xvfb {
    for n in 90..140 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            continue;
        }
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "2560x1440x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb must be installed (./dev.sh test installs the xvfb package)");
        let x = Xvfb {
            child,
            display: display.clone(),
        };
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if x11rb::connect(Some(&display)).is_ok() {
                return x;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("Xvfb on {display} did not come up");
    }
    panic!("no free X display number");
}

/// Show `png` in a window at (x, y) on `display`; keep the connection open.
fn show_window(display: &str, png: &Path, x: i16, y: i16) -> impl Connection {
    let img = image::open(png).unwrap().to_rgb8();
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
    conn.map_window(win).unwrap();
    conn.sync().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    conn
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
