//! The capture worker: screen grabs, image files, pasted images and the
//! webcam run here, never on the UI thread. Found QR texts come back as
//! events; the webcam streams preview frames until a valid secret shows.
//! The file dialog ("Browse…") waits for the technician on a thread of its
//! own; the picture chosen comes back here as an image file.

use crate::capture::screen::{self, ScreenCapture};
use crate::capture::webcam::{WebcamEvent, WebcamScan, open_camera};
use crate::capture::{CaptureError, chooser, decode::decode_owned, file};
use crate::secret;
use eframe::egui::ViewportCommand;
use image::GrayImage;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// What the UI asks the capture worker for.
#[derive(Debug)]
pub enum CaptureRequest {
    /// Grab every monitor once our window is out of the way: on X11 the
    /// worker unmaps it at once and grabs as soon as the screen no longer
    /// shows it (what may still show it is masked), at most `delay`, and
    /// maps it again before it reports; elsewhere it asks the UI to hide
    /// it ([`CaptureEvent::HideWindow`]) and grabs after `delay`.
    Screen {
        /// The longest wait for the window to hide before grabbing.
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
    /// A screen scan could not get the window out of the way itself (not
    /// X11, or our window not found there): the UI hides it through the
    /// toolkit, and shows it again when the scan ends.
    HideWindow,
    /// A webcam frame for the preview.
    WebcamFrame(Arc<GrayImage>),
    /// The webcam saw a QR that is not a usable secret.
    WebcamRejected(String),
    /// The webcam stopped (after a find, a failure or a stop request).
    WebcamStopped,
    /// The file dialog closed: the picture chosen, `None` for a cancel,
    /// or why no dialog could be shown.
    DialogClosed(Result<Option<PathBuf>, CaptureError>),
}

/// The file dialog: a title and a filter name in, the chosen path out
/// (`Ok(None)`: cancelled). The real one is [`chooser::pick_image`].
pub type FileDialog =
    Arc<dyn Fn(&str, &str) -> Result<Option<PathBuf>, CaptureError> + Send + Sync>;

/// What the worker calls to grab the screen and to search pictures for QR
/// codes, and how the window gets out of the way. Tests swap these (a
/// decoder that panics, a portal that never answers).
#[doc(hidden)]
pub struct CaptureHooks {
    /// Grab every monitor.
    pub screen: Box<dyn FnMut() -> Result<ScreenCapture, CaptureError> + Send>,
    /// Search one picture.
    pub decode: Box<dyn Fn(GrayImage) -> Vec<String> + Send>,
    /// Minimise the window for a screen scan instead of hiding it
    /// (Wayland ignores hiding).
    pub minimise: bool,
    /// On X11 (`None` elsewhere): unmap our window for a screen scan, at
    /// most the given wait, or call the function given (the UI hides it)
    /// when it is not found ([`screen::hide_own_window`]).
    pub unmap: Option<Unmapper>,
}

/// See [`CaptureHooks::unmap`].
pub type Unmapper = Box<dyn FnMut(Duration, &dyn Fn()) -> screen::Hidden + Send>;

impl Default for CaptureHooks {
    fn default() -> CaptureHooks {
        CaptureHooks {
            screen: Box::new(screen::capture_all),
            decode: Box::new(decode_owned),
            minimise: screen::SessionEnv::current().is_wayland(),
            unmap: (cfg!(target_os = "linux") && std::env::var_os("DISPLAY").is_some()).then(
                || -> Unmapper {
                    Box::new(|limit, ask| screen::hide_own_window(&super::app_name(), limit, ask))
                },
            ),
        }
    }
}

/// Run `f`; a panic in it becomes [`CaptureError::Panicked`], so the UI
/// always gets an event (and a hidden window always comes back).
fn guarded<T>(during: &str, f: impl FnOnce() -> T) -> Result<T, CaptureError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| CaptureError::Panicked {
        during: during.to_string(),
    })
}

/// One request that ends in one `Found` or `Failed` event (a screen scan
/// may call `hide_window` first: [`CaptureEvent::HideWindow`]).
fn one_shot(
    request: CaptureRequest,
    hooks: &mut CaptureHooks,
    start: Instant,
    hide_window: &dyn Fn(),
) -> CaptureEvent {
    let found = |place: &str, texts: Vec<String>| CaptureEvent::Found {
        place: place.to_string(),
        texts: texts.into_iter().map(Zeroizing::new).collect(),
        took: start.elapsed(),
    };
    let decode = &hooks.decode;
    let search = |img: GrayImage| guarded("QR search", || decode(img));
    let result = match request {
        CaptureRequest::Screen { delay } => {
            let mut hidden = match (&mut hooks.unmap, hooks.minimise) {
                (Some(unmap), false) => unmap(delay, hide_window),
                (_, minimise) => {
                    // The UI minimised it (a minimising window animates;
                    // no X11 unmap to wait for), or hides it now.
                    if !minimise {
                        hide_window();
                    }
                    std::thread::sleep(delay);
                    screen::Hidden::default()
                }
            };
            let result = guarded("screen capture", &mut hooks.screen)
                .and_then(|r| r)
                .and_then(|mut captured| {
                    hidden.mask(&mut captured);
                    let place = format!("screen via {}", captured.backend);
                    let mut texts = Vec::new();
                    for shot in captured.shots {
                        texts.extend(search(shot.image)?);
                    }
                    Ok(found(&place, texts))
                });
            // Our window back before the result is sent (and, through the
            // drop, after a panic too), so the frame that takes the result
            // is painted at once and on the screen.
            hidden.show_again();
            result
        }
        CaptureRequest::File(path) => guarded("image decoding", || file::load(&path))
            .and_then(|r| r)
            .and_then(|img| {
                let name = path
                    .file_name()
                    .map_or_else(|| "image".into(), |n| n.to_string_lossy().into_owned());
                Ok(found(&name, search(img)?))
            }),
        CaptureRequest::Image(img) => search(img).map(|t| found("dropped image", t)),
        CaptureRequest::ImageBytes(bytes) => guarded("image decoding", || file::from_bytes(&bytes))
            .and_then(|r| r)
            .and_then(|img| Ok(found("dropped image", search(img)?))),
        CaptureRequest::Clipboard => {
            match guarded("clipboard reading", crate::capture::clipboard::read).and_then(|r| r) {
                Ok(crate::capture::clipboard::ClipboardContent::Text(t)) => {
                    Ok(CaptureEvent::Found {
                        place: "clipboard".into(),
                        texts: vec![t],
                        took: start.elapsed(),
                    })
                }
                Ok(crate::capture::clipboard::ClipboardContent::Image(img)) => {
                    search(img).map(|t| found("clipboard image", t))
                }
                Err(e) => Err(e),
            }
        }
        CaptureRequest::WebcamStart(_) | CaptureRequest::WebcamStop => {
            unreachable!("the webcam requests are handled by the worker loop")
        }
    };
    result.unwrap_or_else(CaptureEvent::Failed)
}

/// The UI's end of the capture worker.
pub struct CaptureWorker {
    requests: Sender<CaptureRequest>,
    events: Receiver<CaptureEvent>,
    /// The file dialog thread's answers (a channel of their own: the
    /// worker's closes when the worker is gone, and that is noticed).
    dialog_events: Sender<CaptureEvent>,
    dialog_answers: Receiver<CaptureEvent>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    dialog: FileDialog,
    busy: bool,
    browsing: bool,
    minimise: bool,
    unmaps_window: bool,
}

impl CaptureWorker {
    /// Start the worker; `repaint` is called after every event.
    pub fn spawn(repaint: impl Fn() + Send + Sync + 'static) -> CaptureWorker {
        CaptureWorker::spawn_with(repaint, CaptureHooks::default())
    }

    /// Start the worker over other hooks (tests).
    #[doc(hidden)]
    pub fn spawn_with(
        repaint: impl Fn() + Send + Sync + 'static,
        mut hooks: CaptureHooks,
    ) -> CaptureWorker {
        let (req_tx, req_rx) = channel::<CaptureRequest>();
        let (ev_tx, ev_rx) = channel::<CaptureEvent>();
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        let minimise = hooks.minimise;
        let unmaps_window = hooks.unmap.is_some() && !minimise;
        let repaint_ui = repaint.clone();
        let (dialog_events, dialog_answers) = channel::<CaptureEvent>();
        std::thread::Builder::new()
            .name("capture".into())
            .spawn(move || {
                let mut webcam: Option<WebcamScan> = None;
                while let Ok(request) = req_rx.recv() {
                    let start = Instant::now();
                    let event = match request {
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
                        other => {
                            let hide_window = || {
                                let _ = ev_tx.send(CaptureEvent::HideWindow);
                                repaint();
                            };
                            one_shot(other, &mut hooks, start, &hide_window)
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
            dialog_events,
            dialog_answers,
            repaint: repaint_ui,
            dialog: Arc::new(chooser::pick_image),
            busy: false,
            browsing: false,
            minimise,
            unmaps_window,
        }
    }

    /// Use another file dialog (tests: one that is missing, cancelled, or
    /// chooses a fixture).
    #[doc(hidden)]
    pub fn with_file_dialog(mut self, dialog: FileDialog) -> CaptureWorker {
        self.dialog = dialog;
        self
    }

    /// Open the file dialog on a thread of its own (it waits for the
    /// technician, who may take minutes; scans go on meanwhile). Its answer
    /// comes back as [`CaptureEvent::DialogClosed`]; a chosen file is then
    /// decoded as any other ([`CaptureRequest::File`]).
    pub fn browse(&mut self, title: String, filter: String) {
        if self.browsing {
            return;
        }
        self.browsing = true;
        let (dialog, tx, repaint) = (
            self.dialog.clone(),
            self.dialog_events.clone(),
            self.repaint.clone(),
        );
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let answer = guarded("file dialog", || dialog(&title, &filter)).and_then(|r| r);
                let _ = tx.send(CaptureEvent::DialogClosed(answer));
                repaint();
            });
        if let Err(e) = spawned {
            self.browsing = false;
            let _ = self.dialog_events.send(CaptureEvent::DialogClosed(Err(
                CaptureError::NoFileDialog {
                    detail: e.to_string(),
                },
            )));
        }
    }

    /// Whether the file dialog is open.
    pub fn is_browsing(&self) -> bool {
        self.browsing
    }

    /// What the UI sends when a screen scan starts: minimise on Wayland
    /// (which ignores hiding); nothing elsewhere, where the worker unmaps
    /// the window itself (X11) or asks for [`Self::hide_window_command`]
    /// ([`CaptureEvent::HideWindow`]).
    pub fn hide_command(&self) -> Option<ViewportCommand> {
        self.minimise.then_some(ViewportCommand::Minimized(true))
    }

    /// Whether a screen scan's window is unmapped by the worker itself,
    /// unknown to the toolkit (an X11 session), so that what the UI paints
    /// meanwhile is seen by no one. The worker may still ask the UI to hide
    /// it ([`CaptureEvent::HideWindow`]) when it does not find the window.
    pub fn unmaps_window(&self) -> bool {
        self.unmaps_window
    }

    /// What the UI sends on [`CaptureEvent::HideWindow`].
    pub fn hide_window_command(&self) -> ViewportCommand {
        ViewportCommand::Visible(false)
    }

    /// The longest wait after [`Self::hide_command`] before grabbing (a
    /// minimising window animates; on X11 the unmap ends it early).
    pub fn hide_delay(&self) -> Duration {
        Duration::from_millis(if self.minimise { 600 } else { 250 })
    }

    /// What brings the window back after a screen scan, whatever its end:
    /// the toolkit's show when the UI hid or minimised it
    /// (`hidden_by_toolkit`), and the focus (the worker maps the window it
    /// unmapped itself).
    pub fn restore_commands(&self, hidden_by_toolkit: bool) -> Vec<ViewportCommand> {
        let back = if self.minimise {
            ViewportCommand::Minimized(false)
        } else {
            ViewportCommand::Visible(true)
        };
        let back = hidden_by_toolkit.then_some(back);
        back.into_iter().chain([ViewportCommand::Focus]).collect()
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

    /// The next event, if one is waiting. A worker that is gone while a one-shot request runs reports one
    /// failure, so a hidden window still comes back.
    pub fn try_next(&mut self) -> Option<CaptureEvent> {
        if let Ok(e) = self.dialog_answers.try_recv() {
            self.browsing = false;
            return Some(e);
        }
        let e = match self.events.try_recv() {
            Ok(e) => e,
            Err(TryRecvError::Disconnected) if self.busy => {
                self.busy = false;
                return Some(CaptureEvent::Failed(CaptureError::Panicked {
                    during: "capture worker".into(),
                }));
            }
            Err(_) => return None,
        };
        if matches!(e, CaptureEvent::Found { .. } | CaptureEvent::Failed(_)) {
            self.busy = false;
        }
        Some(e)
    }
}

impl super::BurnerApp {
    /// Swap the capture worker (tests inject screen grabs and decoders).
    #[doc(hidden)]
    pub fn use_capture_worker(&mut self, worker: CaptureWorker) {
        self.workers.capture = worker;
    }
}
