//! X11: a root-window image per RandR monitor (x11rb, pure Rust), through
//! a MIT-SHM segment where the server offers one (a full screen then skips
//! the trip through the socket), else GetImage. On XWayland this returns
//! black or only the X11 windows; the caller's blank check hands over to
//! the next backend then.

use super::{CaptureError, Screenshot};
use crate::capture::decode::{check_dimensions, gray_from_bgra};
use image::GrayImage;
use std::fs::File;
use std::os::unix::fs::FileExt as _;
use x11rb::connection::{Connection, RequestConnection as _};
use x11rb::protocol::randr::ConnectionExt as _;
use x11rb::protocol::shm::{self, ConnectionExt as _};
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

/// A shared memory segment the X server copies pictures into (MIT-SHM
/// 1.2: the server makes it and hands over its file, which is read back
/// with `pread`, no mapping needed). Detached when dropped.
pub(super) struct Shm<'c> {
    conn: &'c RustConnection,
    seg: shm::Seg,
    file: File,
    size: u32,
}

impl<'c> Shm<'c> {
    /// A segment of `size` bytes, or `None` where the server offers none
    /// (no MIT-SHM 1.2, a display over the network): then GetImage.
    pub fn new(conn: &'c RustConnection, size: usize) -> Option<Shm<'c>> {
        let size = u32::try_from(size).ok()?;
        conn.extension_information(shm::X11_EXTENSION_NAME).ok()??;
        let version = conn.shm_query_version().ok()?.reply().ok()?;
        if (version.major_version, version.minor_version) < (1, 2) {
            return None;
        }
        let seg = conn.generate_id().ok()?;
        let reply = conn
            .shm_create_segment(seg, size, false)
            .ok()?
            .reply()
            .ok()?;
        Some(Shm {
            conn,
            seg,
            file: File::from(reply.shm_fd),
            size,
        })
    }
}

impl Drop for Shm<'_> {
    fn drop(&mut self) {
        let _ = self.conn.shm_detach(self.seg);
        let _ = self.conn.flush();
    }
}

/// What the screen shows in one rectangle, as grayscale (root-window
/// image: whatever window is on top, as the user sees it), through `shm`
/// when given and large enough, else GetImage.
pub(super) fn grab_area(
    conn: &RustConnection,
    root: Window,
    (x, y, w, h): (i16, i16, u16, u16),
    shm: Option<&Shm>,
) -> Result<GrayImage, CaptureError> {
    check_dimensions(u32::from(w), u32::from(h))?;
    let setup = conn.setup();
    let depth = setup
        .roots
        .iter()
        .find(|s| s.root == root)
        .map_or(24, |s| s.root_depth);
    let format = setup
        .pixmap_formats
        .iter()
        .find(|f| f.depth == depth)
        .ok_or_else(|| unavailable("unknown pixel format"))?;
    if format.bits_per_pixel != 32 || setup.image_byte_order != ImageOrder::LSB_FIRST {
        return Err(unavailable(format!(
            "unsupported pixel format ({} bits per pixel)",
            format.bits_per_pixel
        )));
    }
    let pad = usize::from(format.scanline_pad.max(8)) / 8;
    let stride = (usize::from(w) * 4).div_ceil(pad) * pad;
    let len = stride * usize::from(h);
    let data = match shm.filter(|s| s.size as usize >= len) {
        Some(shm) => {
            let reply = conn
                .shm_get_image(
                    root,
                    x,
                    y,
                    w,
                    h,
                    !0,
                    ImageFormat::Z_PIXMAP.into(),
                    shm.seg,
                    0,
                )
                .map_err(unavailable)?
                .reply()
                .map_err(unavailable)?;
            if reply.depth != depth {
                return Err(unavailable("unexpected depth from the X server"));
            }
            let mut data = vec![0; len.min(reply.size as usize)];
            shm.file.read_exact_at(&mut data, 0).map_err(unavailable)?;
            data
        }
        None => {
            let reply = conn
                .get_image(ImageFormat::Z_PIXMAP, root, x, y, w, h, !0)
                .map_err(unavailable)?
                .reply()
                .map_err(unavailable)?;
            if reply.depth != depth {
                return Err(unavailable("unexpected depth from the X server"));
            }
            reply.data
        }
    };
    gray_from_bgra(&data, u32::from(w), u32::from(h), stride)
        .ok_or_else(|| unavailable("short image from the X server"))
}

/// Grab every monitor of `display` (by default the one `DISPLAY` names).
pub fn capture_all(display: Option<&str>) -> Result<Vec<Screenshot>, CaptureError> {
    let (conn, root) = connect(display)?;
    let monitors = monitors(&conn, root);
    // One segment for the largest monitor (4 bytes a pixel, rows padded
    // to at most 32 bits: no padding at 32 bits a pixel).
    let largest = monitors
        .iter()
        .map(|m| usize::from(m.width) * usize::from(m.height) * 4)
        .max()
        .unwrap_or(0);
    let shm = Shm::new(&conn, largest);
    let mut shots = Vec::new();
    for m in monitors {
        if m.width == 0 || m.height == 0 {
            // A monitor with no area (disconnected output): nothing to show.
            continue;
        }
        let image = grab_area(&conn, root, (m.x, m.y, m.width, m.height), shm.as_ref())?;
        shots.push(Screenshot {
            monitor: m.name,
            image,
        });
    }
    Ok(shots)
}
