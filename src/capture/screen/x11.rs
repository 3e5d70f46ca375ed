//! X11: a root-window GetImage per RandR monitor (x11rb, pure Rust). On
//! XWayland this returns black or only the X11 windows; the caller's blank
//! check hands over to the next backend then.

use super::{CaptureError, Screenshot};
use crate::capture::decode::{check_dimensions, gray_from_bgra};
use x11rb::connection::Connection;
use x11rb::protocol::randr::ConnectionExt as _;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat, ImageOrder};

fn unavailable(detail: impl ToString) -> CaptureError {
    CaptureError::ScreenUnavailable {
        detail: detail.to_string(),
    }
}

/// Grab every monitor of the X display named by `DISPLAY`.
pub fn capture_all() -> Result<Vec<Screenshot>, CaptureError> {
    let (conn, screen_num) = x11rb::connect(None).map_err(unavailable)?;
    let setup = conn.setup();
    let screen = setup
        .roots
        .get(screen_num)
        .ok_or_else(|| unavailable("no X screen"))?;
    let root = screen.root;
    let mut areas: Vec<(String, i16, i16, u16, u16)> = conn
        .randr_get_monitors(root, true)
        .ok()
        .and_then(|c| c.reply().ok())
        .map(|r| {
            r.monitors
                .iter()
                .map(|m| {
                    let name = conn
                        .get_atom_name(m.name)
                        .ok()
                        .and_then(|c| c.reply().ok())
                        .map(|a| String::from_utf8_lossy(&a.name).into_owned())
                        .unwrap_or_else(|| "monitor".into());
                    (name, m.x, m.y, m.width, m.height)
                })
                .collect()
        })
        .unwrap_or_default();
    if areas.is_empty() {
        areas.push((
            "screen".into(),
            0,
            0,
            screen.width_in_pixels,
            screen.height_in_pixels,
        ));
    }
    let little_endian = setup.image_byte_order == ImageOrder::LSB_FIRST;
    let mut shots = Vec::with_capacity(areas.len());
    for (name, x, y, w, h) in areas {
        if w == 0 || h == 0 {
            // A monitor with no area (disconnected output): nothing to show.
            continue;
        }
        check_dimensions(u32::from(w), u32::from(h))?;
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
        if format.bits_per_pixel != 32 || !little_endian {
            return Err(unavailable(format!(
                "unsupported pixel format ({} bits per pixel)",
                format.bits_per_pixel
            )));
        }
        let pad = usize::from(format.scanline_pad.max(8)) / 8;
        let stride = (usize::from(w) * 4).div_ceil(pad) * pad;
        let image = gray_from_bgra(&reply.data, u32::from(w), u32::from(h), stride)
            .ok_or_else(|| unavailable("short image from the X server"))?;
        shots.push(Screenshot {
            monitor: name,
            image,
        });
    }
    Ok(shots)
}
