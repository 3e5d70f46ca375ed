//! The app's state and everything that changes it: worker events, the
//! automatic token detection, and the user's actions (burn, sync, scan,
//! next token). Drawing lives in `ui/`; nothing here blocks.

use super::capture::{CaptureEvent, CaptureRequest, CaptureWorker};
use super::demo::DemoState;
use super::device::{
    Connector, DeviceEvent, DeviceRequest, DeviceWorker, EmulatorConnector, PcscConnector,
};
use super::readers::Readers;
use super::secret_input::SecretInput;
use super::settings::Settings;
use crate::burn::{BurnPlan, IdentifiedToken, Progress, Step, TokenState};
use crate::clock::Clock;
use crate::emulator::lock;
pub use crate::explain::clock_words;
use crate::explain::{self, Explanation};
use crate::params::TokenOptions;
use crate::protocol::TimeSync;
use crate::secret::{Secret, SecretInfo};
use crate::station::operation::{OperationError, Refusal};
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

mod burning;
mod events;

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Everything on one screen.
    Burner,
    /// One step at a time (0 = secret .. 4 = verify).
    Wizard(u8),
    /// Provisioning station: burn tokens as they are laid on.
    Station,
    /// The records: search, interrupted operations, exports.
    Records,
    /// Hand-out: give burned tokens to their users, activation codes.
    Handout,
}

/// What we know about the token on the reader.
#[derive(Debug, Clone)]
pub enum TokenStatus {
    /// No token, or not read yet.
    Absent,
    /// Being read.
    Reading,
    /// Read.
    Known(IdentifiedToken),
    /// Reading failed.
    Failed(Explanation),
}

/// The burn (or time sync) in progress or just finished.
#[derive(Debug, Clone)]
pub enum Operation {
    /// Nothing running.
    Idle,
    /// A burn is running; the steps done so far and the current one.
    Burning {
        /// The current step.
        step: Step,
    },
    /// A time sync is running.
    Syncing,
    /// The last operation failed: what happened and what the token holds.
    Failed {
        /// In words.
        why: Explanation,
        /// What the token holds.
        token_state: TokenState,
    },
    /// The last time sync worked.
    Synced(String),
}

/// A successful burn, kept for the live verification code: the codes are
/// computed from the secret burned, never from the text field.
pub struct BurnResult {
    /// The secret burned (wiped on drop).
    pub secret: Secret,
    /// Options burned.
    pub options: TokenOptions,
    /// Token serial.
    pub serial: String,
    /// Model name.
    pub model: &'static str,
    /// Issuer and account, for the heading.
    pub label: Option<String>,
}

/// The whole app.
pub struct BurnerApp {
    /// Time, injected (tests move it).
    pub clock: Arc<dyn Clock>,
    pub(crate) device: DeviceWorker,
    pub(crate) capture: CaptureWorker,
    /// Readers and the one in use.
    pub readers: Readers,
    /// The secret panel.
    pub secret: SecretInput,
    /// Options to burn: the secret's (its link's, else SHA-1 / 30 s) unless
    /// the operator changes them; only the display timeout is remembered.
    pub options: TokenOptions,
    /// The "options differ from the link's" confirmation is open.
    pub confirm_options: bool,
    /// The secret being burned and its label, until the burn reports.
    burning: Option<(Secret, Option<String>)>,
    /// The token on the reader.
    pub token: TokenStatus,
    /// The running or last operation.
    pub operation: Operation,
    /// The last successful burn.
    pub result: Option<BurnResult>,
    /// Expert log lines (seed bytes never appear).
    pub log: Vec<String>,
    /// Remembered settings (views change them; saved in one place,
    /// [`Self::save_settings_if_changed`], once per frame when changed).
    pub settings: Settings,
    saved_settings: Settings,
    /// Burner or wizard.
    pub view: View,
    /// The time-sync confirmation is open.
    pub confirm_sync: bool,
    /// Demo hardware, in demo mode.
    pub demo: Option<DemoState>,
    /// The window is hidden for a screen scan.
    pub hidden_for_scan: bool,
    /// The webcam preview is running.
    pub webcam_on: bool,
    /// Latest webcam frame.
    pub webcam_frame: Option<eframe::egui::TextureHandle>,
    /// A note from the capture side (e.g. "no QR code found").
    pub capture_note: Option<Explanation>,
    /// How long the last scan took.
    pub last_scan: Option<Duration>,
    token_seen: bool,
    event_log: Option<std::fs::File>,
    pub(crate) first_frame_noted: bool,
    /// The station view's state.
    pub station: super::station::StationState,
    /// The readers the station burns on.
    pub station_hardware: super::station::StationHardware,
    /// The records view's state.
    pub records: super::records::RecordsState,
    /// The hand-out view's state.
    pub handout: super::handout::HandoutState,
    /// The token on the reader was burned before: offer "Burn again with a
    /// new secret" (its serial).
    pub reburn_offer: Option<String>,
    /// The records cannot be written: burns are refused (the reason).
    pub records_problem: Option<String>,
    /// A warning about the last operation (e.g. its outcome not recorded).
    pub record_warning: Option<String>,
    /// The PC clock against the time servers, in a few words (token panel).
    pub pc_clock: Option<String>,
    /// The same in full (its hover text).
    pub pc_clock_detail: Option<String>,
    /// The last burn was refused because the PC clock is off: offer
    /// "Write this PC's time anyway".
    pub clock_override_offer: bool,
    reader_restored: bool,
}

impl BurnerApp {
    /// The app on real readers (`demo` false) or on the demo's virtual one,
    /// with settings in `settings_path`.
    pub fn new(
        ctx: &eframe::egui::Context,
        clock: Arc<dyn Clock>,
        demo: bool,
        settings_path: Option<std::path::PathBuf>,
    ) -> BurnerApp {
        let demo_state = demo.then(|| DemoState::new(clock.clone()));
        let connector: Box<dyn Connector> = match &demo_state {
            Some(d) => Box::new(EmulatorConnector(d.link.clone())),
            None => Box::new(PcscConnector),
        };
        let readers = match &demo_state {
            Some(d) => Readers::fixed(vec![d.reader()]),
            None => {
                let c = ctx.clone();
                Readers::watch_pcsc(move || c.request_repaint())
            }
        };
        let mut app = Self::with_parts(
            ctx,
            clock,
            connector,
            readers,
            demo_state,
            Settings::load(settings_path),
        );
        if !demo && let Some(path) = crate::station::records::default_path() {
            app.use_records(path);
        }
        app
    }

    /// The app over any connector and reader list (tests use slow or
    /// faulty connectors).
    pub fn with_parts(
        ctx: &eframe::egui::Context,
        clock: Arc<dyn Clock>,
        connector: impl Connector,
        readers: Readers,
        demo: Option<DemoState>,
        settings: Settings,
    ) -> BurnerApp {
        let c = ctx.clone();
        let mut device = DeviceWorker::spawn(connector, clock.clone(), move || c.request_repaint());
        device.send(DeviceRequest::CheckPcClock);
        let station_hardware = match &demo {
            Some(d) => super::station::StationHardware::Demo(d.link.clone(), d.reader().name),
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
        BurnerApp {
            clock,
            device,
            capture,
            readers,
            secret: SecretInput::default(),
            options: TokenOptions {
                display_timeout: settings.display_timeout(),
                ..TokenOptions::default()
            },
            confirm_options: false,
            burning: None,
            token: TokenStatus::Absent,
            operation: Operation::Idle,
            result: None,
            log: Vec::new(),
            view: if settings.wizard {
                View::Wizard(0)
            } else {
                View::Burner
            },
            saved_settings: settings.clone(),
            settings,
            confirm_sync: false,
            demo,
            hidden_for_scan: false,
            webcam_on: false,
            webcam_frame: None,
            capture_note: None,
            last_scan: None,
            token_seen: false,
            event_log,
            first_frame_noted: false,
            station: super::station::StationState::new(crate::station::records::default_path()),
            station_hardware,
            records: super::records::RecordsState::new(crate::station::records::default_path()),
            handout: super::handout::HandoutState::new(crate::station::records::default_path()),
            reburn_offer: None,
            records_problem: None,
            record_warning: None,
            pc_clock: None,
            pc_clock_detail: None,
            clock_override_offer: false,
            reader_restored: false,
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

    /// Record the burner's burns and syncs in this records file (real
    /// readers do from the start; the demo's virtual token is not recorded
    /// unless a test asks).
    pub fn use_records(&mut self, path: std::path::PathBuf) {
        self.device.send(DeviceRequest::UseRecords(path));
    }

    /// Write a line to the event log file (demo and end-to-end tests);
    /// never a secret.
    pub fn note_event(&mut self, line: &str) {
        if let Some(f) = &mut self.event_log {
            let _ = writeln!(f, "{line}");
        }
    }

    /// Whether a device or capture operation is running.
    pub fn busy(&self) -> bool {
        self.device.is_busy()
    }

    /// Why the burn button is disabled, or None when a burn can start.
    pub fn burn_blocker(&self) -> Option<String> {
        if self.device.is_busy() {
            return Some(match self.operation {
                Operation::Burning { step } => format!("Burning: {}…", step.label()),
                _ => "Talking to the token…".into(),
            });
        }
        if self.secret.chosen().is_none() {
            return Some(match self.secret.problem() {
                Some(x) => x.problem,
                None => "Scan or paste the secret first.".into(),
            });
        }
        match &self.token {
            TokenStatus::Known(_) => None,
            TokenStatus::Reading => Some("Reading the token…".into()),
            TokenStatus::Failed(x) => Some(x.problem.clone()),
            TokenStatus::Absent => Some("Switch the token on and lay it on the reader.".into()),
        }
    }

    /// The one-line status: what is happening or what to do next.
    pub fn status_line(&self) -> String {
        if let Some(b) = self.burn_blocker().filter(|_| self.device.is_busy()) {
            return b;
        }
        if self.readers.service_down {
            return "The smart-card service is not running: start pcscd (Linux) or the Smart Card service (Windows).".into();
        }
        if self.readers.list.is_empty() {
            return "Plug in the USB NFC reader.".into();
        }
        if self.readers.tokens_present() > 1 && self.readers.chosen.is_none() {
            return "Tokens lie on several readers: choose the reader to use.".into();
        }
        match &self.token {
            TokenStatus::Absent => "Switch the token on and lay it on the reader.".into(),
            TokenStatus::Reading => "Reading the token…".into(),
            TokenStatus::Failed(x) => format!("{} {}", x.problem, x.next_step),
            TokenStatus::Known(t) => {
                let next = if self.secret.chosen().is_some() {
                    "ready"
                } else {
                    "scan or paste the secret"
                };
                format!(
                    "{} · {} · clock {} · {next}",
                    t.model_name(),
                    t.serial,
                    clock_words(t.clock_difference())
                )
            }
        }
    }

    /// Drain worker events and keep the token detection going. Called at
    /// the start of every frame.
    pub fn poll(&mut self, ctx: &eframe::egui::Context) {
        if let Some(d) = &self.demo {
            let r = d.reader();
            self.readers.set(&r.name, r.state);
        }
        self.readers.poll();
        self.restore_chosen_reader();
        while let Some(e) = self.device.try_next() {
            self.on_device_event(e);
        }
        while let Some(e) = self.capture.try_next() {
            self.on_capture_event(ctx, e);
        }
        let present = self.readers.target().is_some_and(|r| r.state.has_token());
        self.station_poll();
        if self.station.running() {
            // The station's own loop talks to the tokens now.
            return;
        }
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

    pub(super) fn target_name(&self) -> Option<String> {
        if self.demo.is_some() {
            return None;
        }
        self.readers.target().map(|r| r.name.clone())
    }

    /// Take the station's events: sound each result, wipe a per-user
    /// secret once burned, hand a scanned one to the loop.
    fn station_poll(&mut self) {
        let polled = self.station.poll();
        if let Some(ok) = polled.result {
            if ok {
                super::bell::ring();
            } else {
                super::bell::ring_failure();
            }
            let last = self.station.history.last().cloned().unwrap_or_default();
            self.note_event(&format!("station: {last}"));
        }
        let per_user = self.station.source == super::station::StationSource::PerUser;
        if polled.burned && per_user {
            self.secret.clear();
        }
        if per_user
            && self.station.running()
            && !self.station.handed_waiting()
            && let Some(info) = self.secret.chosen()
        {
            self.station.problem = None;
            self.station.hand(info.secret, info.account);
        }
    }

    /// Start the station loop with the current options.
    pub fn start_station(&mut self, ctx: &eframe::egui::Context) {
        let now = self.clock.now();
        let c = ctx.clone();
        self.station.start(
            now,
            self.station_hardware.clone(),
            self.options,
            move || c.request_repaint(),
        );
    }

    /// Hide the window (minimise it on Wayland) and grab the screen.
    pub fn scan_screen(&mut self, ctx: &eframe::egui::Context) {
        if self.capture.is_busy() {
            return;
        }
        self.hidden_for_scan = true;
        ctx.send_viewport_cmd(self.capture.hide_command());
        self.capture.send(CaptureRequest::Screen {
            delay: self.capture.hide_delay(),
        });
    }

    /// Decode an image file (or dropped file).
    pub fn open_image(&mut self, path: std::path::PathBuf) {
        self.capture.send(CaptureRequest::File(path));
    }

    /// Decode a pasted image.
    pub fn paste_image(&mut self, img: image::GrayImage) {
        self.capture.send(CaptureRequest::Image(img));
    }

    /// Decode a dropped image's bytes on the capture worker (its header is
    /// checked against the size limits before any pixel is decoded).
    pub fn decode_image_bytes(&mut self, bytes: std::sync::Arc<[u8]>) {
        self.capture_note = None;
        self.capture.send(CaptureRequest::ImageBytes(bytes));
    }

    /// Start or stop the webcam preview.
    pub fn toggle_webcam(&mut self) {
        if self.webcam_on {
            self.stop_webcam();
        } else {
            self.webcam_on = true;
            self.capture_note = None;
            self.capture.send(CaptureRequest::WebcamStart(0));
        }
    }

    fn stop_webcam(&mut self) {
        self.webcam_on = false;
        self.webcam_frame = None;
        self.capture.send(CaptureRequest::WebcamStop);
    }

    /// A time sync erased the token's secret: its live code is gone, so is
    /// the result; the next step is burning again.
    fn after_erasing_sync(&mut self) {
        self.result = None;
        if let View::Wizard(_) = self.view {
            let has_secret = self.secret.chosen().is_some();
            self.view = View::Wizard(if has_secret { 3 } else { 0 });
        }
    }

    /// Forget this token's secret and get ready for the next one.
    pub fn next_token(&mut self) {
        self.reburn_offer = None;
        self.confirm_options = false;
        self.secret.clear();
        self.result = None;
        self.operation = Operation::Idle;
        self.capture_note = None;
        if let View::Wizard(_) = self.view {
            self.view = View::Wizard(0);
        }
    }
}
