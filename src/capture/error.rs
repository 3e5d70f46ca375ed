//! What can go wrong while capturing pixels.

use super::screen::Backend;
use std::time::Duration;
use thiserror::Error;

/// A capture failure. Texts for people come from [`crate::explain`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CaptureError {
    /// The file could not be opened or read.
    #[error("{}", crate::tr!("err-capture-file-unreadable", path = path.as_str(), detail = detail.as_str()))]
    FileUnreadable {
        /// The file.
        path: String,
        /// The system's words.
        detail: String,
    },
    /// The file is not a PNG, JPEG, BMP or WebP image, or is damaged.
    #[error("{}", crate::tr!("err-capture-not-an-image", path = path.as_str()))]
    NotAnImage {
        /// The file.
        path: String,
    },
    /// The image is larger than the decoder accepts.
    #[error("{}", crate::tr!("err-capture-too-large", width = *width, height = *height))]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// No screen could be reached (no X display, or capture refused).
    #[error("{}", crate::tr!("err-capture-screen-unavailable", detail = detail.as_str()))]
    ScreenUnavailable {
        /// Why.
        detail: String,
    },
    /// Wayland without a usable screenshot portal.
    #[error("{}", crate::tr!("err-capture-wayland"))]
    WaylandUnsupported,
    /// The clipboard holds neither text nor an image, or cannot be read.
    #[error("{}", crate::tr!("err-capture-clipboard", detail = detail.as_str()))]
    Clipboard {
        /// Why.
        detail: String,
    },
    /// No camera is connected.
    #[error("{}", crate::tr!("err-capture-no-camera"))]
    NoCamera,
    /// The camera is used by another program.
    #[error("{}", crate::tr!("err-capture-camera-busy"))]
    CameraBusy,
    /// Access to the camera was refused.
    #[error("{}", crate::tr!("err-capture-camera-denied"))]
    CameraDenied,
    /// Any other camera failure.
    #[error("{}", crate::tr!("err-capture-camera", detail = detail.as_str()))]
    Camera {
        /// The driver's words.
        detail: String,
    },
    /// Webcam support is not in this build.
    #[error("{}", crate::tr!("err-capture-no-webcam"))]
    WebcamNotBuilt,
    /// The screen came back black or one flat color (XWayland's root
    /// window on Wayland, a locked screen, a refused capture).
    #[error("{}", crate::tr!("err-capture-blank", backend = backend.to_string()))]
    BlankScreen {
        /// Which backend.
        backend: Backend,
    },
    /// A screen backend did not answer in time (a portal that never
    /// answers).
    #[error("{}", crate::tr!("err-capture-timeout", backend = backend.to_string(), seconds = after.as_secs()))]
    ScreenTimedOut {
        /// Which backend.
        backend: Backend,
        /// How long it was given.
        after: Duration,
    },
    /// Every screen backend for this session failed; the first is the one
    /// that fits the session best.
    #[error("{}", attempts_text(attempts))]
    ScreenFailed {
        /// Each backend tried, best first, and why it failed.
        attempts: Vec<(Backend, CaptureError)>,
    },
    /// No file dialog could be shown (no desktop portal, no session bus,
    /// or none on this platform): the path can still be typed.
    #[error("{}", crate::tr!("err-capture-no-file-dialog", detail = detail.as_str()))]
    NoFileDialog {
        /// Why (the portal's or the system's words).
        detail: String,
    },
    /// Our own capture or QR search code panicked (caught; nothing hangs).
    #[error("{}", crate::tr!("err-capture-panicked", during = during.as_str()))]
    Panicked {
        /// What was running ("QR search", "screen capture").
        during: String,
    },
}

fn attempts_text(attempts: &[(Backend, CaptureError)]) -> String {
    attempts
        .iter()
        .map(|(b, e)| format!("{b}: {e}"))
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<super::decode::TooLarge> for CaptureError {
    fn from(e: super::decode::TooLarge) -> CaptureError {
        CaptureError::TooLarge {
            width: e.width,
            height: e.height,
        }
    }
}
