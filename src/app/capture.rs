//! The capture worker: screen grabs, image files, pasted images and the
//! webcam run here, never on the UI thread. Found QR texts come back as
//! events; the webcam streams preview frames until a valid secret shows.

use crate::capture::webcam::{WebcamEvent, WebcamScan, open_camera};
use crate::capture::{CaptureError, decode::decode_owned, file, screen};
use crate::secret;
use image::GrayImage;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// What the UI asks the capture worker for.
#[derive(Debug)]
pub enum CaptureRequest {
    /// Grab every monitor after `delay` (time for our window to hide).
    Screen {
        /// Wait before grabbing.
        delay: Duration,
    },
    /// Decode an image file.
    File(PathBuf),
    /// Decode an image already in memory (dropped).
    Image(GrayImage),
    /// Decode the bytes of a dropped or pasted image file (PNG, JPEG, BMP,
    /// WebP): the header checks and the decoding happen here, off the UI thread.
    ImageBytes(Arc<[u8]>),
    /// Read the clipboard: text as is, an image decoded.
    Clipboard,
    /// Start the webcam.
    WebcamStart(u32),
    /// Stop the webcam.
    WebcamStop,
}

/// What the capture worker reports.
#[derive(Debug)]
pub enum CaptureEvent {
    /// QR texts found (maybe none), where, and how long it took.
    Found {
        /// "screen", a file name, "pasted image", "camera".
        place: String,
        /// The texts, wiped on drop.
        texts: Vec<Zeroizing<String>>,
        /// From the request to the result.
        took: Duration,
    },
    /// Capturing failed.
    Failed(CaptureError),
    /// A webcam frame for the preview.
    WebcamFrame(Arc<GrayImage>),
    /// The webcam saw a QR that is not a usable secret.
    WebcamRejected(String),
    /// The webcam stopped (after a find, a failure or a stop request).
    WebcamStopped,
}

/// The UI's end of the capture worker.
pub struct CaptureWorker {
    requests: Sender<CaptureRequest>,
    events: Receiver<CaptureEvent>,
    busy: bool,
}

impl CaptureWorker {
    /// Start the worker; `repaint` is called after every event.
    pub fn spawn(repaint: impl Fn() + Send + Sync + 'static) -> CaptureWorker {
        let (req_tx, req_rx) = channel::<CaptureRequest>();
        let (ev_tx, ev_rx) = channel::<CaptureEvent>();
        let repaint = Arc::new(repaint);
        std::thread::Builder::new()
            .name("capture".into())
            .spawn(move || {
                let mut webcam: Option<WebcamScan> = None;
                while let Ok(request) = req_rx.recv() {
                    let start = Instant::now();
                    let found = |place: &str, texts: Vec<String>| CaptureEvent::Found {
                        place: place.to_string(),
                        texts: texts.into_iter().map(Zeroizing::new).collect(),
                        took: start.elapsed(),
                    };
                    let event = match request {
                        CaptureRequest::Screen { delay } => {
                            std::thread::sleep(delay);
                            match screen::capture_all() {
                                Ok(shots) => found(
                                    "screen",
                                    shots
                                        .into_iter()
                                        .flat_map(|s| decode_owned(s.image))
                                        .collect(),
                                ),
                                Err(e) => CaptureEvent::Failed(e),
                            }
                        }
                        CaptureRequest::File(path) => match file::load(&path) {
                            Ok(img) => found(
                                &path.file_name().map_or_else(
                                    || "image".into(),
                                    |n| n.to_string_lossy().into_owned(),
                                ),
                                decode_owned(img),
                            ),
                            Err(e) => CaptureEvent::Failed(e),
                        },
                        CaptureRequest::Image(img) => found("dropped image", decode_owned(img)),
                        CaptureRequest::ImageBytes(bytes) => match file::from_bytes(&bytes) {
                            Ok(img) => found("dropped image", decode_owned(img)),
                            Err(e) => CaptureEvent::Failed(e),
                        },
                        CaptureRequest::Clipboard => match crate::capture::clipboard::read() {
                            Ok(crate::capture::clipboard::ClipboardContent::Text(t)) => {
                                CaptureEvent::Found {
                                    place: "clipboard".into(),
                                    texts: vec![t],
                                    took: start.elapsed(),
                                }
                            }
                            Ok(crate::capture::clipboard::ClipboardContent::Image(img)) => {
                                found("clipboard image", decode_owned(img))
                            }
                            Err(e) => CaptureEvent::Failed(e),
                        },
                        CaptureRequest::WebcamStart(index) => {
                            let tx = ev_tx.clone();
                            let rp = repaint.clone();
                            webcam = Some(WebcamScan::start(
                                move || open_camera(index),
                                |t| secret::read(t).is_ok(),
                                move |e| {
                                    let event = match e {
                                        WebcamEvent::Preview(img) => CaptureEvent::WebcamFrame(img),
                                        WebcamEvent::Found(text) => CaptureEvent::Found {
                                            place: "camera".into(),
                                            texts: vec![text],
                                            took: Duration::ZERO,
                                        },
                                        WebcamEvent::Rejected(t) => CaptureEvent::WebcamRejected(t),
                                        WebcamEvent::Failed(err) => CaptureEvent::Failed(err),
                                    };
                                    let _ = tx.send(event);
                                    rp();
                                },
                            ));
                            continue;
                        }
                        CaptureRequest::WebcamStop => {
                            if let Some(w) = webcam.take() {
                                w.stop();
                            }
                            CaptureEvent::WebcamStopped
                        }
                    };
                    let _ = ev_tx.send(event);
                    repaint();
                }
            })
            .expect("spawn capture worker");
        CaptureWorker {
            requests: req_tx,
            events: ev_rx,
            busy: false,
        }
    }

    /// Queue a request.
    pub fn send(&mut self, request: CaptureRequest) {
        let one_shot = !matches!(
            request,
            CaptureRequest::WebcamStart(_) | CaptureRequest::WebcamStop
        );
        if self.requests.send(request).is_ok() && one_shot {
            self.busy = true;
        }
    }

    /// Whether a one-shot capture is running.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// The next event, if one is waiting.
    pub fn try_next(&mut self) -> Option<CaptureEvent> {
        let e = self.events.try_recv().ok()?;
        if matches!(e, CaptureEvent::Found { .. } | CaptureEvent::Failed(_)) {
            self.busy = false;
        }
        Some(e)
    }
}
