//! What can go wrong while capturing pixels.

use super::screen::Backend;
use std::time::Duration;
use thiserror::Error;

/// A capture failure. Texts for people come from [`crate::explain`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CaptureError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {detail}")]
    FileUnreadable {
        /// The file.
        path: String,
        /// The system's words.
        detail: String,
    },
    /// The file is not a PNG, JPEG, BMP or WebP image, or is damaged.
    #[error("{path} is not a readable PNG, JPEG, BMP or WebP image")]
    NotAnImage {
        /// The file.
        path: String,
    },
    /// The image is larger than the decoder accepts.
    #[error("image of {width}x{height} pixels is too large")]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// No screen could be reached (no X display, or capture refused).
    #[error("screen capture unavailable: {detail}")]
    ScreenUnavailable {
        /// Why.
        detail: String,
    },
    /// Wayland without a usable screenshot portal.
    #[error("screen capture on Wayland is not available")]
    WaylandUnsupported,
    /// The clipboard holds neither text nor an image, or cannot be read.
    #[error("clipboard: {detail}")]
    Clipboard {
        /// Why.
        detail: String,
    },
    /// No camera is connected.
    #[error("no camera found")]
    NoCamera,
    /// The camera is used by another program.
    #[error("the camera is busy")]
    CameraBusy,
    /// Access to the camera was refused.
    #[error("camera access denied")]
    CameraDenied,
    /// Any other camera failure.
    #[error("camera failed: {detail}")]
    Camera {
        /// The driver's words.
        detail: String,
    },
    /// Webcam support is not in this build.
    #[error("webcam support is not built in")]
    WebcamNotBuilt,
    /// The screen came back black or one flat color (XWayland's root
    /// window on Wayland, a locked screen, a refused capture).
    #[error("{backend} gave a black picture")]
    BlankScreen {
        /// Which backend.
        backend: Backend,
    },
    /// A screen backend did not answer in time (a portal that never
    /// answers).
    #[error("{backend} did not answer within {} s", after.as_secs())]
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
    #[error("no file dialog: {detail}")]
    NoFileDialog {
        /// Why (the portal's or the system's words).
        detail: String,
    },
    /// Our own capture or QR search code panicked (caught; nothing hangs).
    #[error("internal error during {during}")]
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
