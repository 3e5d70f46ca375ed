//! Screenshots of every monitor, as grayscale, for QR search. The backend
//! follows the session ([`choose_backends`]): the xdg-desktop-portal
//! Screenshot call on Wayland, a root-window GetImage on X11, xcap on
//! Windows. A backend that fails, hangs or returns a black or flat picture
//! (XWayland's root window) hands over to the next; the result says which
//! one worked.

mod choose;
#[cfg(target_os = "linux")]
mod own_window;
#[cfg(target_os = "linux")]
mod portal;
#[cfg(target_os = "linux")]
mod x11;

pub use choose::{Backend, SessionEnv, choose_backends};

use super::CaptureError;
use image::GrayImage;
use std::time::Duration;

/// How long the screenshot portal may take to answer (it may first ask the
/// user for permission) before the next backend is tried.
pub const PORTAL_TIMEOUT: Duration = Duration::from_secs(20);

/// Pixels at or below this gray level count as black.
const DARK: u8 = 16;
/// A picture whose gray levels all lie within this span is flat (one color).
const FLAT: u8 = 3;

/// One monitor's picture.
#[derive(Debug, Clone)]
pub struct Screenshot {
    /// Monitor name (or "screen" when unknown).
    pub monitor: String,
    /// Its pixels, grayscale.
    pub image: GrayImage,
}

/// Every monitor's picture, and how it was taken.
#[derive(Debug, Clone)]
pub struct ScreenCapture {
    /// The backend that gave the pictures.
    pub backend: Backend,
    /// The pictures (at least one, not all blank).
    pub shots: Vec<Screenshot>,
    /// The backends tried before it, and why each was passed over.
    pub passed_over: Vec<(Backend, CaptureError)>,
}

/// Grab every monitor through the best backend for this session.
pub fn capture_all() -> Result<ScreenCapture, CaptureError> {
    capture_with(&choose_backends(&SessionEnv::current()), grab)
}

/// How our window got out of the way of a screen grab
/// ([`hide_own_window`]), and what of it to mask in the pictures.
#[derive(Debug, Default)]
pub struct Hidden {
    #[cfg(target_os = "linux")]
    own: Option<own_window::OwnWindow>,
}

impl Hidden {
    /// Paint white whatever part of the pictures may still show our
    /// window (X11 only; nothing when the window was not found).
    pub fn mask(&self, capture: &mut ScreenCapture) {
        #[cfg(target_os = "linux")]
        if let Some(own) = &self.own {
            own.mask(capture);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = capture;
    }

    /// How long the X11 wait took, when our window was found there (else
    /// the fixed delay was slept).
    pub fn waited(&self) -> Option<Duration> {
        #[cfg(target_os = "linux")]
        return self.own.as_ref().map(|o| o.waited);
        #[cfg(not(target_os = "linux"))]
        None
    }

    /// Map our window again when this scan unmapped it (X11), with the
    /// keyboard focus it had; nothing otherwise, or the second time.
    /// Dropping the [`Hidden`] does it too, so the window comes back
    /// whatever ends the scan.
    pub fn show_again(&mut self) {
        #[cfg(target_os = "linux")]
        if let Some(back) = self.own.as_mut().and_then(|o| o.back.take()) {
            back.map();
        }
    }

    /// Whether this scan unmapped our window itself (and maps it again:
    /// [`Self::show_again`]); otherwise someone else hid it, or nothing.
    pub fn unmapped_here(&self) -> bool {
        #[cfg(target_os = "linux")]
        return self.own.as_ref().is_some_and(|o| o.back.is_some());
        #[cfg(not(target_os = "linux"))]
        false
    }

    /// Whether our window was still mapped when the wait ended (its area
    /// is then masked wholesale).
    pub fn still_mapped(&self) -> bool {
        #[cfg(target_os = "linux")]
        return self.own.as_ref().is_some_and(|o| o.still_mapped);
        #[cfg(not(target_os = "linux"))]
        false
    }
}

impl Drop for Hidden {
    fn drop(&mut self) {
        self.show_again();
    }
}

/// Get this process's window whose title starts with `title_prefix` out of
/// the way of a screen grab. On X11: unmap it at once from this thread
/// (without waiting for the UI thread to paint, and without telling the
/// toolkit, which would then put off its repaints as for a hidden window)
/// and wait until the screen no longer shows it, at most `limit` (what may
/// still show it is then masked, [`Hidden::mask`]); it is mapped again when
/// the [`Hidden`] is shown again or dropped. Elsewhere, or when the window
/// is not found, `hide_otherwise` is called (the UI hides the window
/// through the toolkit) and `limit` is slept as a fixed delay.
pub fn hide_own_window(
    title_prefix: &str,
    limit: Duration,
    hide_otherwise: impl FnOnce(),
) -> Hidden {
    if std::env::var_os("DISPLAY").is_none() {
        hide_otherwise();
        std::thread::sleep(limit);
        return Hidden::default();
    }
    hidden_on(None, title_prefix, limit, Unmap::Now, hide_otherwise)
}

/// [`hide_own_window`] on the X display `display` (`None`: `DISPLAY`),
/// nothing to call when the window is not found.
#[doc(hidden)]
pub fn hide_own_window_on(display: Option<&str>, title_prefix: &str, limit: Duration) -> Hidden {
    hidden_on(display, title_prefix, limit, Unmap::Now, || ())
}

/// Like [`hide_own_window_on`] but without unmapping: only wait until
/// someone else (the UI thread) has unmapped our window (tests of the wait
/// and the masking).
#[doc(hidden)]
pub fn wait_until_hidden_on(display: Option<&str>, title_prefix: &str, limit: Duration) -> Hidden {
    hidden_on(display, title_prefix, limit, Unmap::Wait, || ())
}

/// Whether the scan unmaps our window itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unmap {
    /// Unmap it at once through X11: the grab no longer waits for the UI
    /// thread (eframe applies its own hide only after painting the frame
    /// that asked for it), and map it again through X11 afterwards. The
    /// toolkit is not told: it would put off every repaint of a hidden
    /// window (eframe: by at least 100 ms), the one that shows the result
    /// too.
    Now,
    /// Only wait for someone else (the UI) to unmap it.
    Wait,
}

fn hidden_on(
    display: Option<&str>,
    title_prefix: &str,
    limit: Duration,
    unmap: Unmap,
    hide_otherwise: impl FnOnce(),
) -> Hidden {
    #[cfg(target_os = "linux")]
    if let Some(own) = own_window::wait_until_hidden(display, title_prefix, limit, unmap) {
        return Hidden { own: Some(own) };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (display, title_prefix, unmap);
    hide_otherwise();
    std::thread::sleep(limit);
    Hidden::default()
}

/// Every monitor of the X display `display`, through X11 alone (tests).
#[doc(hidden)]
#[cfg(target_os = "linux")]
pub fn capture_x11_on(display: &str) -> Result<ScreenCapture, CaptureError> {
    capture_with(&[Backend::X11], |_| x11::capture_all(Some(display)))
}

/// One backend's grab, for real.
pub fn grab(backend: Backend) -> Result<Vec<Screenshot>, CaptureError> {
    match backend {
        #[cfg(target_os = "linux")]
        Backend::X11 => x11::capture_all(None),
        #[cfg(target_os = "linux")]
        Backend::Portal => with_timeout(Backend::Portal, PORTAL_TIMEOUT, portal::capture),
        #[cfg(windows)]
        Backend::Windows => windows::capture_all(),
        other => Err(CaptureError::ScreenUnavailable {
            detail: format!("{other} is not available on this system"),
        }),
    }
}

/// Try `backends` in order with `grab` and keep the first that gives at
/// least one picture that is not blank ([`is_blank`]). With no backend at
/// all the error says there is no display; with one, it is that backend's
/// error; with more, [`CaptureError::ScreenFailed`] lists them all.
pub fn capture_with(
    backends: &[Backend],
    mut grab: impl FnMut(Backend) -> Result<Vec<Screenshot>, CaptureError>,
) -> Result<ScreenCapture, CaptureError> {
    let mut passed_over = Vec::new();
    for &backend in backends {
        let result = grab(backend).and_then(|shots| {
            if shots.is_empty() {
                Err(CaptureError::ScreenUnavailable {
                    detail: format!("{backend} found no monitor"),
                })
            } else if shots.iter().all(|s| is_blank(&s.image)) {
                Err(CaptureError::BlankScreen { backend })
            } else {
                Ok(shots)
            }
        });
        match result {
            Ok(shots) => {
                return Ok(ScreenCapture {
                    backend,
                    shots,
                    passed_over,
                });
            }
            Err(e) => passed_over.push((backend, e)),
        }
    }
    match passed_over.len() {
        0 => Err(CaptureError::ScreenUnavailable {
            detail: "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)".into(),
        }),
        1 => Err(passed_over.remove(0).1),
        _ => Err(CaptureError::ScreenFailed {
            attempts: passed_over,
        }),
    }
}

/// Black (every pixel at most a dark gray) or flat (one gray level, give or
/// take noise): what a refused capture looks like. Empty images are blank.
pub fn is_blank(image: &GrayImage) -> bool {
    let mut pixels = image.as_raw().iter().copied();
    let Some(first) = pixels.next() else {
        return true;
    };
    let (mut lo, mut hi) = (first, first);
    for p in pixels {
        lo = lo.min(p);
        hi = hi.max(p);
        if hi > DARK && hi - lo > FLAT {
            return false;
        }
    }
    hi <= DARK || hi - lo <= FLAT
}

/// Run a blocking grab on a thread of its own and give up after `limit`
/// ([`CaptureError::ScreenTimedOut`]); a panic in it is an error too. The
/// thread is left to finish on its own (the portal's deletes its file
/// whenever the answer comes).
pub fn with_timeout(
    backend: Backend,
    limit: Duration,
    grab: impl FnOnce() -> Result<Vec<Screenshot>, CaptureError> + Send + 'static,
) -> Result<Vec<Screenshot>, CaptureError> {
    use std::sync::mpsc::{RecvTimeoutError, channel};
    let (tx, rx) = channel();
    std::thread::Builder::new()
        .name(format!("screen grab ({backend})"))
        .spawn(move || {
            let _ = tx.send(grab());
        })
        .map_err(|e| CaptureError::ScreenUnavailable {
            detail: e.to_string(),
        })?;
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(RecvTimeoutError::Timeout) => Err(CaptureError::ScreenTimedOut {
            backend,
            after: limit,
        }),
        Err(RecvTimeoutError::Disconnected) => Err(CaptureError::Panicked {
            during: format!("screen capture through {backend}"),
        }),
    }
}

#[cfg(windows)]
mod windows {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_black_or_flat() {
        assert!(is_blank(&GrayImage::new(0, 0)));
        assert!(is_blank(&GrayImage::new(64, 48)));
        assert!(is_blank(&GrayImage::from_pixel(
            64,
            48,
            image::Luma([DARK])
        )));
        assert!(is_blank(&GrayImage::from_pixel(64, 48, image::Luma([200]))));
        // Dark noise is still black.
        let noise = GrayImage::from_fn(64, 48, |x, y| image::Luma([((x * 7 + y) % 17) as u8]));
        assert!(is_blank(&noise));
        // One light pixel on black is a picture.
        let mut dot = GrayImage::new(64, 48);
        dot.put_pixel(63, 47, image::Luma([255]));
        assert!(!is_blank(&dot));
        let gray_dot =
            GrayImage::from_fn(64, 48, |x, _| image::Luma([if x == 5 { 90 } else { 80 }]));
        assert!(!is_blank(&gray_dot));
    }
}
