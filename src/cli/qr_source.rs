//! Getting QR text for `scan` and `burn --qr-*`: from an image file, every
//! screen, the clipboard, or a webcam (until a valid secret shows up).

use crate::capture::webcam::{WebcamEvent, WebcamScan, open_camera};
use crate::capture::{self, CaptureError, clipboard::ClipboardContent, decode::decode_owned};
use crate::explain::{self, Explanation};
use crate::secret;
use crate::tr;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;
use zeroize::Zeroizing;

/// Where the QR comes from.
#[derive(Debug, Clone)]
pub enum QrSource {
    /// An image file.
    Image(PathBuf),
    /// Every monitor.
    Screen,
    /// The clipboard (text or image).
    Clipboard,
    /// A webcam, until a valid secret or the timeout.
    Webcam {
        /// Camera number.
        camera: u32,
        /// How long to look.
        timeout: Duration,
    },
}

/// One text found, and where.
pub struct Found {
    /// "screen DP-1 via X11", "qr.png", "clipboard", "camera 0".
    pub place: String,
    /// The QR (or clipboard) text, wiped on drop.
    pub text: Zeroizing<String>,
}

fn capture_failed(e: &CaptureError) -> Explanation {
    explain::capture(e)
}

/// Every QR text the source yields (may be empty).
pub fn collect(source: &QrSource) -> Result<Vec<Found>, Explanation> {
    match source {
        QrSource::Image(path) => {
            let img = capture::file::load(path).map_err(|e| capture_failed(&e))?;
            let place = path.display().to_string();
            Ok(decode_owned(img)
                .into_iter()
                .map(|t| Found {
                    place: place.clone(),
                    text: Zeroizing::new(t),
                })
                .collect())
        }
        QrSource::Screen => {
            let captured = capture::screen::capture_all().map_err(|e| capture_failed(&e))?;
            eprintln!("{}", explain::screen_captured(&captured));
            let backend = captured.backend;
            Ok(captured
                .shots
                .into_iter()
                .flat_map(|s| {
                    let place = tr!(
                        "cli-place-screen",
                        monitor = s.monitor.to_string(),
                        backend = backend.to_string()
                    );
                    decode_owned(s.image).into_iter().map(move |t| Found {
                        place: place.clone(),
                        text: Zeroizing::new(t),
                    })
                })
                .collect())
        }
        QrSource::Clipboard => match capture::clipboard::read().map_err(|e| capture_failed(&e))? {
            ClipboardContent::Text(text) => Ok(vec![Found {
                place: tr!("cli-place-clipboard"),
                text,
            }]),
            ClipboardContent::Image(img) => Ok(decode_owned(img)
                .into_iter()
                .map(|t| Found {
                    place: tr!("cli-place-clipboard-image"),
                    text: Zeroizing::new(t),
                })
                .collect()),
        },
        QrSource::Webcam { camera, timeout } => webcam(*camera, *timeout),
    }
}

fn webcam(camera: u32, timeout: Duration) -> Result<Vec<Found>, Explanation> {
    let (tx, rx) = mpsc::channel();
    let scan = WebcamScan::start(
        move || open_camera(camera),
        |text| secret::read(text).is_ok(),
        move |event| {
            let _ = tx.send(event);
        },
    );
    eprintln!(
        "{}",
        tr!(
            "cli-webcam-hold",
            camera = camera,
            seconds = timeout.as_secs()
        )
    );
    let deadline = std::time::Instant::now() + timeout;
    let result = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(WebcamEvent::Found(text)) => {
                break Ok(vec![Found {
                    place: tr!("cli-place-camera", camera = camera),
                    text,
                }]);
            }
            Ok(WebcamEvent::Failed(e)) => break Err(capture_failed(&e)),
            Ok(WebcamEvent::Rejected(text)) => {
                if let Err(e) = secret::read(&text) {
                    eprintln!(
                        "{}",
                        tr!(
                            "cli-webcam-seen-not-secret",
                            problem = explain::not_a_secret(&e).problem
                        )
                    );
                }
            }
            Ok(WebcamEvent::Preview(_)) => {}
            Err(_) => break Ok(Vec::new()),
        }
    };
    scan.stop();
    result
}
