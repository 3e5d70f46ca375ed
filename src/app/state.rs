//! The app shell: the shared workers, one state per view (burner, wizard,
//! station, records), which view is shown, and the one place where the
//! panels' actions and the workers' events are routed to the view they
//! belong to. Drawing lives in `ui/`; nothing here blocks.

use super::action::{Action, apply_to_secret};
use super::burner::BurnerView;
use super::capture::CaptureRequest;
use super::demo::DemoState;
use super::device::{Connector, DeviceEvent, DeviceRequest, EmulatorConnector, PcscConnector};
use super::readers::Readers;
use super::settings::Settings;
use super::wizard::WizardView;
use super::workers::{Desk, Workers};
use crate::clock::Clock;
use crate::params::TokenOptions;
use std::sync::Arc;

pub use super::bench::{Bench, BurnResult, Operation};
pub use super::workers::TokenStatus;
pub use crate::explain::clock_words;

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Everything on one screen.
    Burner,
    /// One step at a time (its step is the wizard's own).
    Wizard,
    /// Provisioning station: burn tokens as they are laid on.
    Station,
    /// The records: search, interrupted operations, exports.
    Records,
    /// Hand-out: give burned tokens to their users, activation codes.
    Handout,
}

/// The whole app: the workers every view shares, and each view's state.
pub struct BurnerApp {
    /// The workers, the reader list, the token on the reader, settings.
    pub workers: Workers,
    /// The burner view's state.
    pub burner: BurnerView,
    /// The wizard's state.
    pub wizard: WizardView,
    /// The station view's state.
    pub station: super::station::StationState,
    /// The records view's state.
    pub records: super::records::RecordsState,
    /// The hand-out view's state.
    pub handout: super::handout::HandoutState,
    /// Which records are used (this PC's file or a server) and their state.
    pub store: super::store_choice::StoreChoice,
    /// The view shown.
    pub view: View,
    pub(crate) first_frame_noted: bool,
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
        if !demo && let Some(at) = app.store.location.clone() {
            app.workers.device.send(DeviceRequest::UseRecords(at));
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
        let options = TokenOptions {
            display_timeout: settings.display_timeout(),
            ..TokenOptions::default()
        };
        let view = if settings.wizard {
            View::Wizard
        } else {
            View::Burner
        };
        super::ui::theme::apply(ctx);
        if settings.theme.is_some() {
            settings.apply_theme(ctx);
        }
        crate::explain::speak_to_the_app();
        let store = super::store_choice::StoreChoice::new(settings.records.as_deref());
        let mut station = super::station::StationState::new(store.location.clone());
        station.options = options;
        BurnerApp {
            workers: Workers::spawn(ctx, clock, connector, readers, demo, settings),
            burner: BurnerView::new(options),
            wizard: WizardView::new(options),
            station,
            records: super::records::RecordsState::new(store.location.clone()),
            handout: super::handout::HandoutState::new(store.location.clone()),
            store,
            view,
            first_frame_noted: false,
        }
    }

    /// Record the burner's burns and syncs in this records file (real
    /// readers do from the start; the demo's virtual token is not recorded
    /// unless a test asks).
    pub fn use_records(&mut self, path: std::path::PathBuf) {
        let at = crate::station::records::StoreLocation::File(path);
        self.workers.device.send(DeviceRequest::UseRecords(at));
    }

    /// Use these records everywhere from now on (the burner's, the
    /// station's, the records and hand-out views') and remember the choice
    /// (a server's address without its password; None: this PC's file).
    pub fn apply_records(&mut self, at: crate::station::records::StoreLocation) {
        self.workers.settings.records = self.store.saved_address();
        self.workers
            .device
            .send(DeviceRequest::UseRecords(at.clone()));
        self.station.records = Some(at.clone());
        self.records.set_records(Some(at.clone()));
        self.handout.set_records(Some(at));
    }

    /// Whether the device worker is talking to a token.
    pub fn busy(&self) -> bool {
        self.workers.busy()
    }

    /// The bench of the view shown (the burner's or the wizard's).
    pub fn shown_bench(&self) -> Option<&Bench> {
        match self.view {
            View::Burner => Some(&self.burner.bench),
            View::Wizard => Some(&self.wizard.bench),
            View::Station | View::Records | View::Handout => None,
        }
    }

    /// The secret panel's state of the view shown, if it shows one.
    pub fn shown_secret(&self) -> Option<&super::secret_input::SecretInput> {
        Some(match self.shown_desk()? {
            Desk::Burner => &self.burner.bench.secret,
            Desk::Wizard => &self.wizard.bench.secret,
            Desk::Station => &self.station.secret,
        })
    }

    /// The secret panel of the view shown, if it shows one: where a paste,
    /// a drop or the scan shortcut goes.
    pub(crate) fn shown_desk(&self) -> Option<Desk> {
        match self.view {
            View::Burner => Some(Desk::Burner),
            View::Wizard => Some(Desk::Wizard),
            View::Station if self.station.shows_secret_panel() => Some(Desk::Station),
            View::Station | View::Records | View::Handout => None,
        }
    }

    /// The one-line status: what is happening or what to do next (about
    /// the shown view's secret, when it has one).
    pub fn status_line(&self) -> String {
        let w = &self.workers;
        let bench = self.shown_bench();
        // After a burn: the verification, even once the token is lifted.
        if let Some(r) = bench.filter(|_| !w.busy()).and_then(|b| b.result.as_ref()) {
            use super::check::Verdict;
            return match r.verdict {
                None => crate::tr!("gui-status-burned"),
                Some(Verdict::Matched(_)) => crate::tr!("gui-status-verified"),
                Some(Verdict::Mismatched) => crate::tr!("gui-status-mismatch"),
                Some(Verdict::Skipped) => crate::tr!("gui-status-skipped"),
            };
        }
        if self.view == View::Station && self.station.running() {
            let readers = self.station_readers().join(", ");
            return crate::tr!("gui-status-station-running", readers = readers);
        }
        if w.busy() {
            return match bench.and_then(|b| b.burn_blocker(w)) {
                Some(b) => b,
                None => crate::tr!("gui-status-busy"),
            };
        }
        if w.readers.service_down {
            return crate::tr!("gui-status-service-down");
        }
        if w.readers.list.is_empty() {
            return crate::tr!("gui-status-no-reader");
        }
        if w.readers.tokens_present() > 1 && w.readers.chosen.is_none() {
            return crate::tr!("gui-status-several-tokens");
        }
        match &w.token {
            TokenStatus::Absent => crate::tr!("gui-status-absent"),
            held @ TokenStatus::HeldByStation(_) => held.held_words().unwrap_or_default(),
            TokenStatus::Reading => crate::tr!("gui-status-reading"),
            TokenStatus::Failed(e) => {
                let x = crate::explain::burn_error(e);
                crate::tr!(
                    "gui-status-failed",
                    problem = x.problem.as_str(),
                    next = x.next_step.as_str()
                )
            }
            TokenStatus::Known(t) => {
                let (model, serial) = (t.model_name(), t.serial.as_str());
                let clock = clock_words(t.clock_difference());
                match bench {
                    Some(b) if b.secret.chosen().is_some() => crate::tr!(
                        "gui-status-token-ready",
                        model = model,
                        serial = serial,
                        clock = clock
                    ),
                    Some(_) => crate::tr!(
                        "gui-status-token-no-secret",
                        model = model,
                        serial = serial,
                        clock = clock
                    ),
                    None => crate::tr!(
                        "gui-status-token",
                        model = model,
                        serial = serial,
                        clock = clock
                    ),
                }
            }
        }
    }

    /// The readers a running station holds: every reader (it takes them
    /// all, and those plugged in during the run), by name.
    pub fn station_readers(&self) -> Vec<String> {
        let mut names: Vec<String> = self.station.tiles.keys().cloned().collect();
        for r in &self.workers.readers.list {
            if !names.contains(&r.name) {
                names.push(r.name.clone());
            }
        }
        names
    }

    /// Apply a panel's action, in the one place: the shell's own, then the
    /// shown view's (and through it the workers').
    pub(crate) fn apply(&mut self, ctx: &eframe::egui::Context, a: Action) {
        let w = &mut self.workers;
        match a {
            Action::Show(view) => self.show(view),
            Action::ClearLog => w.log.clear(),
            Action::ChooseReader(reader) => w.choose_reader(reader),
            Action::StartStation => self.start_station(ctx),
            Action::StopStation => self.station.stop(),
            Action::FullScreen(on) => self.station.full_screen = on,
            // What the shown view does not know (e.g. Escape's "dismiss"
            // on the station) has nothing to act on.
            other => match self.view {
                View::Burner => drop(self.burner.bench.apply(other, w, ctx)),
                View::Wizard => drop(self.wizard.apply(other, w, ctx)),
                View::Station => drop(self.station.apply(other, w, ctx)),
                View::Records | View::Handout => {}
            },
        }
    }

    /// Switch views; the burner or the wizard is remembered as the one to
    /// open with.
    fn show(&mut self, view: View) {
        match view {
            View::Wizard => self.workers.settings.wizard = true,
            View::Burner => self.workers.settings.wizard = false,
            View::Station | View::Records | View::Handout => {}
        }
        self.view = view;
    }

    /// Text pasted with nothing focused goes into the shown secret panel.
    pub(crate) fn paste_text(&mut self, text: &str) {
        let (secret, options) = match self.shown_desk() {
            Some(Desk::Burner) => (
                &mut self.burner.bench.secret,
                &mut self.burner.bench.options,
            ),
            Some(Desk::Wizard) => (
                &mut self.wizard.bench.secret,
                &mut self.wizard.bench.options,
            ),
            Some(Desk::Station) => (&mut self.station.secret, &mut self.station.options),
            None => return,
        };
        secret.set_text(text, "pasted");
        secret.apply_intended_options(options);
    }

    /// Ask the capture worker for the shown secret panel (a dropped file,
    /// a picture on the clipboard).
    pub(crate) fn capture_for_shown(&mut self, request: CaptureRequest) {
        let Some(desk) = self.shown_desk() else {
            return;
        };
        if matches!(request, CaptureRequest::ImageBytes(_)) {
            self.desk_secret(desk).capture_note = None;
        }
        self.workers.capture_for(desk, request);
    }

    fn desk_secret(&mut self, desk: Desk) -> &mut super::secret_input::SecretInput {
        match desk {
            Desk::Burner => &mut self.burner.bench.secret,
            Desk::Wizard => &mut self.wizard.bench.secret,
            Desk::Station => &mut self.station.secret,
        }
    }

    /// Drain worker events, route each to the view it belongs to, and keep
    /// the token detection going. Called at the start of every frame.
    pub fn poll(&mut self, ctx: &eframe::egui::Context) {
        self.workers.poll_readers();
        while let Some(e) = self.workers.device.try_next() {
            let read_again = match &e {
                DeviceEvent::Identified(Ok(t)) => Some(t.serial.clone()),
                _ => None,
            };
            let Some(e) = self.workers.on_device_event(e) else {
                if let Some(serial) = read_again {
                    // What a failure said about the reader may be stale now.
                    self.burner.bench.token_read_again(&serial);
                    self.wizard.bench.token_read_again(&serial);
                }
                continue;
            };
            let w = &mut self.workers;
            match w.device_for {
                Desk::Wizard => self.wizard.on_device_event(e, w),
                Desk::Burner | Desk::Station => drop(self.burner.bench.on_device_event(e, w)),
            }
        }
        while let Some(e) = self.workers.capture.try_next() {
            let Some(e) = self.workers.on_capture_event(ctx, e) else {
                continue;
            };
            let desk = self.workers.capture_for;
            let (secret, options) = match desk {
                Desk::Burner => (
                    &mut self.burner.bench.secret,
                    &mut self.burner.bench.options,
                ),
                Desk::Wizard => (
                    &mut self.wizard.bench.secret,
                    &mut self.wizard.bench.options,
                ),
                Desk::Station => (&mut self.station.secret, &mut self.station.options),
            };
            let (taken, line) = secret.take_capture(e);
            if taken {
                secret.apply_intended_options(options);
            }
            if let Some(line) = line {
                self.workers.note_event(&line);
            }
        }
        self.station_poll();
        if self.station.running() {
            // The station's own loop talks to the tokens now: no other
            // view reads or burns on its readers, and each says why.
            let readers = self.station_readers();
            if !matches!(&self.workers.token, TokenStatus::HeldByStation(r) if *r == readers) {
                self.workers.token = TokenStatus::HeldByStation(readers);
            }
            return;
        }
        if matches!(self.workers.token, TokenStatus::HeldByStation(_)) {
            // The run ended: read the token on the reader afresh.
            self.workers.forget_token(true);
        }
        self.workers.watch_token();
    }

    /// Take the station's events: sound each result, wipe a per-user
    /// secret once burned, hand a scanned one to the loop.
    fn station_poll(&mut self) {
        let polled = self.station.poll(self.workers.clock.now());
        if let Some(ok) = polled.result {
            if ok {
                super::bell::ring();
            } else {
                super::bell::ring_failure();
            }
            let last = self.station.history.last().map(|o| o.words());
            let last = last.unwrap_or_default();
            self.workers.note_event(&format!("station: {last}"));
            // What the status card shows now, and on which reader (the
            // end-to-end test reads it; the card's words are translated).
            use super::station::Phase;
            let card = match &self.station.phase {
                Phase::Done {
                    ok: true,
                    already: true,
                    ..
                } => "ALREADY DONE",
                Phase::Done { ok: true, .. } => "DONE",
                Phase::Done { ok: false, .. } => "FAILED",
                _ => "-",
            };
            let on = self.station.tiles.iter();
            let on = on.filter(|(_, t)| matches!(t.phase, Phase::Done { .. }));
            let on: Vec<&str> = on.map(|(reader, _)| reader.as_str()).collect();
            self.workers
                .note_event(&format!("station card: {card} on {}", on.join(", ")));
        }
        let per_user = self.station.source == super::station::StationSource::PerUser;
        if polled.burned && per_user {
            self.station.secret.clear();
        }
        if per_user
            && self.station.running()
            && !self.station.handed_waiting()
            && let Some(info) = self.station.secret.chosen()
        {
            self.station.problem = None;
            self.station.hand(info.secret, info.account);
        }
    }

    /// Start the station loop with its own options.
    fn start_station(&mut self, ctx: &eframe::egui::Context) {
        let c = ctx.clone();
        let options = self.station.options;
        self.station.start(
            self.workers.station_hardware.clone(),
            options,
            self.workers.clock.clone(),
            move || c.request_repaint(),
        );
    }
}

impl super::station::StationState {
    /// Whether the per-user secret panel is shown (the station runs in
    /// per-user mode).
    pub fn shows_secret_panel(&self) -> bool {
        self.source == super::station::StationSource::PerUser && self.running()
    }

    /// Apply an action from the station's secret or options panel.
    pub(crate) fn apply(
        &mut self,
        a: Action,
        w: &mut Workers,
        ctx: &eframe::egui::Context,
    ) -> Option<Action> {
        match apply_to_secret(
            a,
            &mut self.secret,
            &mut self.options,
            w,
            ctx,
            Desk::Station,
        )? {
            Action::NextToken => {
                self.secret.clear();
                self.secret.capture_note = None;
                None
            }
            // Esc dismisses the last run's summary.
            Action::DismissOutcome => {
                self.dismiss_summary();
                None
            }
            other => Some(other),
        }
    }
}
