//! The one handle to the workers that every view shares: the device worker
//! (the card session), the capture worker (screens, files, webcam), the
//! reader list from the watcher, the token on the reader, the remembered
//! settings (saved in one place) and the expert log. Views read it and ask
//! it to send requests; none of them owns it.

use super::capture::{CaptureEvent, CaptureRequest, CaptureWorker};
use super::demo::DemoState;
use super::device::{DeviceEvent, DeviceRequest, DeviceWorker};
use super::readers::Readers;
use super::settings::Settings;
use crate::burn::{BurnError, IdentifiedToken, Progress};
use crate::clock::Clock;
use crate::explain::{self, clock_words};
use crate::tr;
use std::io::Write;
use std::sync::Arc;

/// What we know about the token on the reader.
#[derive(Debug, Clone)]
pub enum TokenStatus {
    /// No token, or not read yet.
    Absent,
    /// Being read.
    Reading,
    /// Read.
    Known(IdentifiedToken),
    /// Reading failed (put in words when drawn: `explain::burn_error`).
    Failed(BurnError),
    /// A station run holds these readers: no other view touches them.
    HeldByStation(Vec<String>),
}

impl TokenStatus {
    /// Why the token cannot be used here, when a station run holds it.
    pub fn held_words(&self) -> Option<String> {
        match self {
            TokenStatus::HeldByStation(readers) => Some(tr!(
                "gui-token-held-by-station",
                readers = readers.join(", ")
            )),
            _ => None,
        }
    }
}

/// The expert log: each line is put in words when shown, so a language
/// chosen later applies to the lines already there.
#[derive(Default)]
pub struct ExpertLog(Vec<Box<dyn Fn() -> String>>);

impl ExpertLog {
    /// Add a line: `words` makes it in the language current when shown.
    pub fn push(&mut self, words: impl Fn() -> String + 'static) {
        self.0.push(Box::new(words));
    }

    /// Forget every line.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The lines, in the current language.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(|l| l()).collect()
    }
}

/// The view a worker's answer belongs to: the one whose burn, sync or scan
/// asked for it (the user may have switched views since).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk {
    /// The burner view.
    Burner,
    /// The wizard.
    Wizard,
    /// The station view's per-user secret panel.
    Station,
}

/// The workers and what they report that is not any one view's.
pub struct Workers {
    /// Time, injected (tests move it).
    pub clock: Arc<dyn Clock>,
    pub(crate) device: DeviceWorker,
    pub(crate) capture: CaptureWorker,
    /// Readers and the one in use.
    pub readers: Readers,
    /// The token on the reader.
    pub token: TokenStatus,
    token_seen: bool,
    /// Remembered settings (views change them; saved in one place,
    /// [`Self::save_settings_if_changed`], once per frame when changed).
    pub settings: Settings,
    saved_settings: Settings,
    reader_restored: bool,
    /// Demo hardware, in demo mode.
    pub demo: Option<DemoState>,
    /// The readers the station burns on.
    pub station_hardware: super::station::StationHardware,
    /// Expert log lines (seed bytes never appear).
    pub log: ExpertLog,
    /// What the time servers said about the PC clock, and the limit a
    /// burn allows (put in words when drawn: [`Self::pc_clock_words`]).
    pub pc_clock: Option<(crate::clockcheck::ClockCheck, std::time::Duration)>,
    /// A token's serial against the records' known serials (shown when it
    /// is the token on the reader).
    pub known_serial: Option<(
        String,
        Result<crate::station::records::KnownSerial, Arc<crate::station::records::RecordsError>>,
    )>,
    /// The window is hidden for a screen scan.
    pub hidden_for_scan: bool,
    /// ... and the UI hid (or minimised) it through the toolkit, rather
    /// than the capture worker through X11: the UI shows it again.
    pub hidden_by_toolkit: bool,
    /// The webcam preview is running.
    pub webcam_on: bool,
    /// Latest webcam frame.
    pub webcam_frame: Option<eframe::egui::TextureHandle>,
    /// Whose burn or sync the device worker is doing.
    pub(crate) device_for: Desk,
    /// Whose secret panel the capture worker's findings go to.
    pub(crate) capture_for: Desk,
    event_log: Option<std::fs::File>,
}

impl Workers {
    /// Start the workers (the device worker checks the PC clock first).
    pub fn spawn(
        ctx: &eframe::egui::Context,
        clock: Arc<dyn Clock>,
        connector: impl super::device::Connector,
        readers: Readers,
        demo: Option<DemoState>,
        settings: Settings,
    ) -> Workers {
        let c = ctx.clone();
        let mut device = DeviceWorker::spawn(connector, clock.clone(), move || c.request_repaint());
        device.send(DeviceRequest::CheckPcClock);
        let station_hardware = match &demo {
            Some(d) => super::station::StationHardware::Demo(vec![d.link.clone()]),
            None => super::station::StationHardware::Pcsc,
        };
        let c = ctx.clone();
        let capture = CaptureWorker::spawn(move || c.request_repaint());
        let event_log = std::env::var_os("TOTP_BURNER_EVENT_LOG").and_then(|p| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .ok()
        });
        Workers {
            clock,
            device,
            capture,
            readers,
            token: TokenStatus::Absent,
            token_seen: false,
            saved_settings: settings.clone(),
            settings,
            reader_restored: false,
            demo,
            station_hardware,
            log: ExpertLog::default(),
            pc_clock: None,
            known_serial: None,
            hidden_for_scan: false,
            hidden_by_toolkit: false,
            webcam_on: false,
            webcam_frame: None,
            device_for: Desk::Burner,
            capture_for: Desk::Burner,
            event_log,
        }
    }

    /// The one place settings are written: after a frame, if any view
    /// changed them.
    pub fn save_settings_if_changed(&mut self) {
        if self.settings != self.saved_settings {
            self.settings.save();
            self.saved_settings = self.settings.clone();
        }
    }

    /// Use this reader (None: automatic) and remember the choice.
    pub fn choose_reader(&mut self, reader: Option<String>) {
        self.readers.chosen = reader;
        self.settings.reader = self.readers.chosen.clone();
    }

    /// The reader chosen by hand in an earlier run is chosen again once it
    /// is plugged in (until the user picks another).
    fn restore_chosen_reader(&mut self) {
        if self.reader_restored || self.readers.chosen.is_some() {
            self.reader_restored = true;
            return;
        }
        let Some(want) = self.settings.reader.clone() else {
            self.reader_restored = true;
            return;
        };
        if self.readers.list.iter().any(|r| r.name == want) {
            self.readers.chosen = Some(want);
            self.reader_restored = true;
        }
    }

    /// Write a line to the event log file (demo and end-to-end tests);
    /// never a secret.
    pub fn note_event(&mut self, line: &str) {
        if let Some(f) = &mut self.event_log {
            let _ = writeln!(f, "{line}");
        }
    }

    /// The PC clock against the time servers in a few words (token panel)
    /// and in full (its hover text), in the current language.
    pub fn pc_clock_words(&self) -> Option<(String, String)> {
        let (check, limit) = self.pc_clock.as_ref()?;
        let short = match check {
            crate::clockcheck::ClockCheck::Verified { offset_ms, server } => {
                explain::pc_clock_offset(*offset_ms, server)
            }
            crate::clockcheck::ClockCheck::Unverified { .. } => tr!("gui-pc-clock-unverified"),
        };
        Some((short, explain::clock_check(check, *limit)))
    }

    /// Whether the time servers confirmed the PC clock (false: not
    /// checked yet, or unverified).
    pub fn pc_clock_verified(&self) -> bool {
        matches!(
            self.pc_clock,
            Some((crate::clockcheck::ClockCheck::Verified { .. }, _))
        )
    }

    /// Whether the device worker is talking to a token (or a time server).
    pub fn busy(&self) -> bool {
        self.device.is_busy()
    }

    /// The reader to talk to (None: the demo's, or the worker's choice).
    pub(crate) fn target_name(&self) -> Option<String> {
        if self.demo.is_some() {
            return None;
        }
        self.readers.target().map(|r| r.name.clone())
    }

    /// Take the reader watcher's news (and the demo reader's).
    pub(crate) fn poll_readers(&mut self) {
        if let Some(d) = &self.demo {
            let r = d.reader();
            self.readers.set(&r.name, r.state);
        }
        self.readers.poll();
        self.restore_chosen_reader();
    }

    /// Keep the token detection going: read a token once it is laid on,
    /// forget it once lifted.
    pub(crate) fn watch_token(&mut self) {
        let present = self.readers.target().is_some_and(|r| r.state.has_token());
        if !present {
            self.token_seen = false;
            if !self.device.is_busy() && !matches!(self.token, TokenStatus::Absent) {
                self.token = TokenStatus::Absent;
            }
        } else if !self.token_seen && !self.device.is_busy() {
            self.token_seen = true;
            self.token = TokenStatus::Reading;
            let reader = self.target_name();
            self.device.send(DeviceRequest::Identify { reader });
        }
    }

    /// The token must be read again (after a sync, or a lost connection).
    pub(crate) fn forget_token(&mut self, absent: bool) {
        self.token_seen = false;
        if absent {
            self.token = TokenStatus::Absent;
        }
    }

    /// Apply what belongs to no view (the token read, the PC clock, the
    /// exchange log); hand back what belongs to the view that asked.
    pub(crate) fn on_device_event(&mut self, e: DeviceEvent) -> Option<DeviceEvent> {
        match e {
            DeviceEvent::Progress(Progress::Exchange {
                command, status, ..
            }) => {
                self.log.push(move || {
                    let status = status.clone().unwrap_or_else(|| tr!("gui-log-no-answer"));
                    format!("  > {command}  < {status}")
                });
            }
            DeviceEvent::Identified(Ok(t)) => {
                let (serial, model, diff) =
                    (t.serial.clone(), t.model_name(), t.clock_difference());
                self.log.push(move || {
                    tr!(
                        "gui-log-token",
                        serial = serial.as_str(),
                        model = model,
                        clock = clock_words(diff)
                    )
                });
                self.token = TokenStatus::Known(t);
            }
            DeviceEvent::KnownSerial(serial, known) => {
                self.known_serial = Some((serial, known));
            }
            DeviceEvent::Identified(Err(e)) => {
                self.token = TokenStatus::Failed(e);
            }
            DeviceEvent::PcClock(check, limit) => {
                let logged = check.clone();
                self.log.push(move || {
                    let words = explain::clock_check(&logged, limit);
                    tr!("gui-log-pc-clock", words = words)
                });
                self.pc_clock = Some((check, limit));
            }
            other => return Some(other),
        }
        None
    }

    /// Apply what belongs to no view (the window back after a scan, the
    /// webcam's frames); hand back what belongs to a secret panel.
    pub(crate) fn on_capture_event(
        &mut self,
        ctx: &eframe::egui::Context,
        e: CaptureEvent,
    ) -> Option<CaptureEvent> {
        if let CaptureEvent::DialogClosed(answer) = e {
            // The file dialog runs beside scans: its answer ends no hiding.
            return match answer {
                Ok(Some(path)) => {
                    self.note_event("file dialog: a picture was chosen");
                    self.capture.send(CaptureRequest::File(path));
                    None
                }
                Ok(None) => {
                    self.note_event("file dialog: cancelled");
                    None
                }
                Err(err) => {
                    self.note_event(&format!("file dialog: none available ({err})"));
                    Some(CaptureEvent::Failed(err))
                }
            };
        }
        if let CaptureEvent::HideWindow = e {
            // The worker could not unmap the window itself.
            if self.hidden_for_scan && !self.hidden_by_toolkit {
                self.hidden_by_toolkit = true;
                ctx.send_viewport_cmd(self.capture.hide_window_command());
            }
            return None;
        }
        if self.hidden_for_scan {
            // Every other event ends a scan's hiding: a finding, a failure,
            // a timeout or a caught panic alike.
            self.hidden_for_scan = false;
            let by_toolkit = std::mem::take(&mut self.hidden_by_toolkit);
            for command in self.capture.restore_commands(by_toolkit) {
                ctx.send_viewport_cmd(command);
            }
        }
        match e {
            CaptureEvent::Found { .. } => {
                if self.webcam_on {
                    self.stop_webcam();
                }
                Some(e)
            }
            CaptureEvent::Failed(_) => {
                self.webcam_on = false;
                Some(e)
            }
            CaptureEvent::WebcamFrame(img) => {
                let (w, h) = img.dimensions();
                let color =
                    eframe::egui::ColorImage::from_gray([w as usize, h as usize], img.as_raw());
                self.webcam_frame = Some(ctx.load_texture("webcam", color, Default::default()));
                None
            }
            CaptureEvent::WebcamRejected(_) => Some(e),
            CaptureEvent::WebcamStopped => {
                self.webcam_on = false;
                None
            }
            CaptureEvent::DialogClosed(_) | CaptureEvent::HideWindow => {
                unreachable!("answered above")
            }
        }
    }

    /// Ask the capture worker for something on behalf of `desk`'s secret
    /// panel.
    pub(crate) fn capture_for(&mut self, desk: Desk, request: CaptureRequest) {
        self.capture_for = desk;
        self.capture.send(request);
    }

    /// Hide the window (minimise it on Wayland) and grab the screen.
    pub fn scan_screen(&mut self, ctx: &eframe::egui::Context, desk: Desk) {
        if self.capture.is_busy() {
            return;
        }
        self.note_event("scan screen requested");
        self.hidden_for_scan = true;
        if let Some(command) = self.capture.hide_command() {
            self.hidden_by_toolkit = true;
            ctx.send_viewport_cmd(command);
        }
        let delay = self.capture.hide_delay();
        self.capture_for(desk, CaptureRequest::Screen { delay });
    }

    /// Whether our window is off the screen for a scan without the toolkit
    /// knowing (the capture worker unmapped it through X11): eframe then
    /// still paints it, for no one to see.
    pub fn unmapped_for_scan(&self) -> bool {
        self.hidden_for_scan && !self.hidden_by_toolkit && self.capture.unmaps_window()
    }

    /// Whether the file dialog is open or a capture runs (tests wait for
    /// both to end).
    pub fn capturing(&self) -> bool {
        self.capture.is_browsing() || self.capture.is_busy()
    }

    /// Open the platform's file dialog for `desk`'s secret panel; the
    /// picture chosen is decoded as an opened file.
    pub(crate) fn browse(&mut self, desk: Desk) {
        self.capture_for = desk;
        self.capture.browse(
            crate::tr!("gui-secret-browse-title"),
            crate::tr!("gui-secret-browse-filter"),
        );
    }

    /// Start or stop the webcam preview; whether it was started.
    pub(crate) fn toggle_webcam(&mut self, desk: Desk) -> bool {
        if self.webcam_on {
            self.stop_webcam();
            false
        } else {
            self.webcam_on = true;
            self.capture_for(desk, CaptureRequest::WebcamStart(0));
            true
        }
    }

    /// Stop the webcam preview.
    pub(crate) fn stop_webcam(&mut self) {
        self.webcam_on = false;
        self.webcam_frame = None;
        self.capture.send(CaptureRequest::WebcamStop);
    }
}
