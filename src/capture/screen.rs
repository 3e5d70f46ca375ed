//! Screenshots of every monitor, as grayscale, for QR search. Linux/X11
//! through x11rb (pure Rust, root-window GetImage per RandR monitor);
//! Wayland through the xdg-desktop-portal Screenshot call; Windows through
//! xcap.

use super::CaptureError;
use image::GrayImage;

/// One monitor's picture.
#[derive(Debug, Clone)]
pub struct Screenshot {
    /// Monitor name (or "screen" when unknown).
    pub monitor: String,
    /// Its pixels, grayscale.
    pub image: GrayImage,
}

/// Grab every monitor.
pub fn capture_all() -> Result<Vec<Screenshot>, CaptureError> {
    platform::capture_all()
}

#[cfg(target_os = "linux")]
mod platform {
    use super::{CaptureError, Screenshot, portal};
    use crate::capture::decode::{check_dimensions, gray_from_bgra};
    use x11rb::connection::Connection;
    use x11rb::protocol::randr::ConnectionExt as _;
    use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat, ImageOrder};

    fn unavailable(detail: impl ToString) -> CaptureError {
        CaptureError::ScreenUnavailable {
            detail: detail.to_string(),
        }
    }

    pub fn capture_all() -> Result<Vec<Screenshot>, CaptureError> {
        if std::env::var_os("DISPLAY").is_none() {
            return if std::env::var_os("WAYLAND_DISPLAY").is_some() {
                portal()
            } else {
                Err(unavailable("no display (DISPLAY is not set)"))
            };
        }
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
}

/// Wayland: the xdg-desktop-portal Screenshot call (non-interactive). The
/// portal saves a PNG file; it is read and then deleted at once, since it
/// shows the secret's QR code.
#[cfg(target_os = "linux")]
fn portal() -> Result<Vec<Screenshot>, CaptureError> {
    let uri = pollster::block_on(async {
        let request = ashpd::desktop::screenshot::Screenshot::request()
            .interactive(false)
            .modal(false)
            .send()
            .await?;
        request.response().map(|r| r.uri().as_str().to_string())
    })
    .map_err(|_| CaptureError::WaylandUnsupported)?;
    let path = url::Url::parse(&uri)
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .ok_or_else(|| CaptureError::ScreenUnavailable {
            detail: "the screenshot portal gave no file".into(),
        })?;
    let image = super::file::load(&path);
    let _ = std::fs::remove_file(&path);
    Ok(vec![Screenshot {
        monitor: "screen (portal)".into(),
        image: image?,
    }])
}

#[cfg(windows)]
mod platform {
    use super::{CaptureError, Screenshot};
    use crate::capture::decode::check_dimensions;

    fn unavailable(detail: impl ToString) -> CaptureError {
        CaptureError::ScreenUnavailable {
            detail: detail.to_string(),
        }
    }

    pub fn capture_all() -> Result<Vec<Screenshot>, CaptureError> {
        let monitors = xcap::Monitor::all().map_err(unavailable)?;
        let mut shots = Vec::with_capacity(monitors.len());
        for m in monitors {
            let rgba = m.capture_image().map_err(unavailable)?;
            check_dimensions(rgba.width(), rgba.height())?;
            shots.push(Screenshot {
                monitor: m.name().unwrap_or_else(|_| "monitor".into()),
                image: image::DynamicImage::ImageRgba8(rgba).into_luma8(),
            });
        }
        Ok(shots)
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod platform {
    use super::{CaptureError, Screenshot};

    pub fn capture_all() -> Result<Vec<Screenshot>, CaptureError> {
        Err(CaptureError::ScreenUnavailable {
            detail: "screen capture is not supported on this system yet".into(),
        })
    }
}
