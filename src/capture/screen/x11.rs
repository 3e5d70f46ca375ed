//! X11: a root-window GetImage per RandR monitor (x11rb, pure Rust). On
//! XWayland this returns black or only the X11 windows; the caller's blank
//! check hands over to the next backend then.

use super::{CaptureError, Screenshot};
use crate::capture::decode::{check_dimensions, gray_from_bgra};
use image::GrayImage;
use x11rb::connection::Connection;
use x11rb::protocol::randr::ConnectionExt as _;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat, ImageOrder, Window};
use x11rb::rust_connection::RustConnection;

pub(super) fn unavailable(detail: impl ToString) -> CaptureError {
    CaptureError::ScreenUnavailable {
        detail: detail.to_string(),
    }
}

/// One monitor's area on the X screen.
#[derive(Debug, Clone)]
pub(super) struct Monitor {
    pub name: String,
    pub x: i16,
    pub y: i16,
    pub width: u16,
    pub height: u16,
}

/// A connection to `display` (by default the one `DISPLAY` names), and its
/// root window.
pub(super) fn connect(display: Option<&str>) -> Result<(RustConnection, Window), CaptureError> {
    let (conn, screen_num) = x11rb::connect(display).map_err(unavailable)?;
    let root = conn
        .setup()
        .roots
        .get(screen_num)
        .ok_or_else(|| unavailable("no X screen"))?
        .root;
    Ok((conn, root))
}

/// The RandR monitors, or the whole screen as one when RandR lists none.
pub(super) fn monitors(conn: &RustConnection, root: Window) -> Vec<Monitor> {
    let mut areas: Vec<Monitor> = conn
        .randr_get_monitors(root, true)
        .ok()
        .and_then(|c| c.reply().ok())
        .map(|r| {
            r.monitors
                .iter()
                .map(|m| Monitor {
                    name: conn
                        .get_atom_name(m.name)
                        .ok()
                        .and_then(|c| c.reply().ok())
                        .map(|a| String::from_utf8_lossy(&a.name).into_owned())
                        .unwrap_or_else(|| "monitor".into()),
                    x: m.x,
                    y: m.y,
                    width: m.width,
                    height: m.height,
                })
                .collect()
        })
        .unwrap_or_default();
    if areas.is_empty() {
        let screen = conn.setup().roots.iter().find(|s| s.root == root);
        let (width, height) = screen.map_or((0, 0), |s| (s.width_in_pixels, s.height_in_pixels));
        areas.push(Monitor {
            name: "screen".into(),
            x: 0,
            y: 0,
            width,
            height,
        });
    }
    areas
}

/// What the screen shows in one rectangle, as grayscale (root-window
/// GetImage: whatever window is on top, as the user sees it).
pub(super) fn grab_area(
    conn: &RustConnection,
    root: Window,
    (x, y, w, h): (i16, i16, u16, u16),
) -> Result<GrayImage, CaptureError> {
    check_dimensions(u32::from(w), u32::from(h))?;
    let setup = conn.setup();
    let reply = conn
        .get_image(ImageFormat::Z_PIXMAP, root, x, y, w, h, !0)
        .map_err(unavailable)?
        .reply()
        .map_err(unavailable)?;
    let format = setup
        .pixmap_formats
        .iter()
        .find(|f| f.depth == reply.depth)
        .ok_or_else(|| unavailable("unknown pixel format"))?;
    if format.bits_per_pixel != 32 || setup.image_byte_order != ImageOrder::LSB_FIRST {
        return Err(unavailable(format!(
            "unsupported pixel format ({} bits per pixel)",
            format.bits_per_pixel
        )));
    }
    let pad = usize::from(format.scanline_pad.max(8)) / 8;
    let stride = (usize::from(w) * 4).div_ceil(pad) * pad;
    gray_from_bgra(&reply.data, u32::from(w), u32::from(h), stride)
        .ok_or_else(|| unavailable("short image from the X server"))
}

/// Grab every monitor of `display` (by default the one `DISPLAY` names).
pub fn capture_all(display: Option<&str>) -> Result<Vec<Screenshot>, CaptureError> {
    let (conn, root) = connect(display)?;
    let mut shots = Vec::new();
    for m in monitors(&conn, root) {
        if m.width == 0 || m.height == 0 {
            // A monitor with no area (disconnected output): nothing to show.
            continue;
        }
        let image = grab_area(&conn, root, (m.x, m.y, m.width, m.height))?;
        shots.push(Screenshot {
            monitor: m.name,
            image,
        });
    }
    Ok(shots)
}
