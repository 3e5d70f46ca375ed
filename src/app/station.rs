//! The station view's state. The loop itself is the library's
//! (`station::run`, the same one `batch` runs): it runs on a worker thread,
//! one loop per reader, fed by the reader watcher (or the demo's virtual
//! reader), and sends its events here; this file only turns them into what
//! the view shows. Opening the records, unlocking the vault and loading
//! the list happen on that thread too.

pub use super::station_result::{
    LiveCode, RunSummary, StationNote, StationProblem, TileNote, TokenOutcome,
};
pub use super::station_start::{StationHardware, StationStop};
use super::station_start::{open, reader_loops};
use crate::clock::Clock;
use crate::params::TokenOptions;
use crate::secret::Secret;
use crate::station::run::{
    BatchConfig, BatchSource, BatchSummary, HandedSecret, StationEvent, run_batch,
};
use crate::station::source::list_id;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use zeroize::Zeroizing;

/// Where the station's secrets come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StationSource {
    /// Each user's QR is scanned, then their token is laid on.
    PerUser,
    /// A fresh random secret per token.
    Random,
    /// A CSV list of users, in order.
    Csv,
}

/// Where a reader's loop is (and the station's, for one reader).
#[derive(Debug, Clone)]
pub enum Phase {
    /// Not started.
    Stopped,
    /// Opening the records and the vault.
    Starting,
    /// Waiting for the next token.
    WaitingToken,
    /// Showing a result; lift the token to go on.
    Done {
        /// Burned (green) or failed (red).
        ok: bool,
        /// Burned before, not burned again (amber: not a new success).
        already: bool,
        /// What happened (in words when drawn).
        outcome: TokenOutcome,
    },
}

/// One reader's tile.
#[derive(Debug, Clone)]
pub struct Tile {
    /// Its phase.
    pub phase: Phase,
    /// What the next token gets, or a note on the token on it.
    pub note: TileNote,
    /// The serial of the last token laid on it.
    pub last_serial: Option<String>,
}

enum Msg {
    Started,
    Event(StationEvent),
    Ended(Result<BatchSummary, StationStop>),
}

/// The station's state.
pub struct StationState {
    /// Secret source.
    pub source: StationSource,
    /// CSV file path (for `Csv`).
    pub csv_path: String,
    /// Keep random and CSV secrets (encrypted) for export.
    pub keep_secrets: bool,
    /// Keep each user's own QR secret too (off by default: it is in the
    /// identity provider already, and keeping it asks for a passphrase).
    pub keep_user_secrets: bool,
    /// Burn tokens burned in earlier runs again (with a new secret).
    pub reburn: bool,
    /// Passphrase for kept secrets (wiped on drop, no undo history).
    pub passphrase: super::zeroizing_text::ZeroizingText,
    /// The passphrase again (a new records file's vault).
    pub passphrase_again: super::zeroizing_text::ZeroizingText,
    /// The station's phase (the latest reader's).
    pub phase: Phase,
    /// One tile per reader.
    pub tiles: BTreeMap<String, Tile>,
    /// The reader of the latest event (the one the card shows).
    pub latest_reader: Option<String>,
    /// A problem to show (list, records, passphrase).
    pub problem: Option<StationProblem>,
    /// A note from the records ("continuing at row 4", "finishing …").
    pub note: Option<StationNote>,
    /// What happened, newest last.
    pub history: Vec<TokenOutcome>,
    /// Tokens burned in this run.
    pub burned: usize,
    /// Failed attempts in this run.
    pub failed: usize,
    /// Tokens refused as done before, in this run.
    pub already: usize,
    /// The latest burn's live code.
    pub live: Option<LiveCode>,
    /// The summary of the last run (until dismissed or a new run).
    pub summary: Option<RunSummary>,
    /// The running batch's identifier and start time.
    run: Option<(String, u64)>,
    pub(crate) records: Option<crate::station::records::StoreLocation>,
    pub(crate) handed: HandedSecret,
    /// A token waits for the user's secret (per-user mode).
    pub needs_secret: bool,
    stop: Arc<AtomicBool>,
    events: Option<Receiver<Msg>>,
    /// Closing the window waits for the loop to finish its token.
    pub close_when_stopped: bool,
    /// The user list's file dialog.
    pub csv_picker: super::path_picker::PathPicker,
    /// Only the card, full screen (F11).
    pub full_screen: bool,
    /// The run got past its start (records, list and vault opened).
    began: bool,
    /// What the window was last asked for (full screen or not).
    pub window_full_screen: bool,
    /// The per-user secret panel (its own: nothing typed in the burner or
    /// the wizard is handed to the station).
    pub secret: super::secret_input::SecretInput,
    /// The options the station burns with.
    pub options: TokenOptions,
}

impl StationState {
    /// Whether this run keeps the secrets it burns: the switch of the
    /// source chosen (random and CSV share one, each user's QR has its own).
    pub fn keeps(&self) -> bool {
        match self.source {
            StationSource::PerUser => self.keep_user_secrets,
            _ => self.keep_secrets,
        }
    }

    /// The "Keep secrets" switch of the source chosen.
    pub fn keeps_mut(&mut self) -> &mut bool {
        match self.source {
            StationSource::PerUser => &mut self.keep_user_secrets,
            _ => &mut self.keep_secrets,
        }
    }

    /// The records the station writes.
    pub fn location(&self) -> Option<&crate::station::records::StoreLocation> {
        self.records.as_ref()
    }

    /// A stopped station writing records at `records`.
    pub fn new(records: Option<crate::station::records::StoreLocation>) -> StationState {
        StationState {
            source: StationSource::Random,
            csv_path: String::new(),
            // On: a random secret not kept can never be imported into
            // Entra ID (turning it off shows a warning).
            keep_secrets: true,
            keep_user_secrets: false,
            reburn: false,
            passphrase: Default::default(),
            passphrase_again: Default::default(),
            phase: Phase::Stopped,
            tiles: BTreeMap::new(),
            latest_reader: None,
            problem: None,
            note: None,
            history: Vec::new(),
            burned: 0,
            failed: 0,
            already: 0,
            live: None,
            summary: None,
            run: None,
            records,
            handed: Arc::new(Mutex::new(None)),
            needs_secret: false,
            stop: Arc::new(AtomicBool::new(false)),
            events: None,
            close_when_stopped: false,
            full_screen: false,
            began: false,
            csv_picker: super::path_picker::PathPicker::open(
                crate::capture::chooser::FileKind::Csv,
                || crate::tr!("gui-dialog-station-list"),
            ),
            window_full_screen: false,
            secret: Default::default(),
            options: TokenOptions::default(),
        }
    }

    /// Whether the loop runs (or is starting, or finishing its token).
    pub fn running(&self) -> bool {
        self.events.is_some()
    }

    /// Start the loop on a worker thread: it opens the records, loads the
    /// list and unlocks the vault (about a second of scrypt), then runs
    /// one loop per reader; `repaint` wakes the UI after every event.
    pub fn start(
        &mut self,
        hardware: StationHardware,
        options: TokenOptions,
        clock: Arc<dyn Clock>,
        repaint: impl Fn() + Send + Sync + 'static,
    ) {
        self.problem = None;
        self.note = None;
        self.summary = None;
        self.live = None;
        let Some(path) = self.records.clone() else {
            self.problem = Some(StationProblem::NoDataFolder);
            return;
        };
        if self.keeps() && self.passphrase.is_empty() {
            self.problem = Some(StationProblem::PassphraseNeeded);
            return;
        }
        let now = clock.now();
        let csv = (self.source == StationSource::Csv).then(|| self.csv_path.trim().to_string());
        let passphrase = self
            .keeps()
            .then(|| age::secrecy::SecretString::from(self.passphrase.as_str().to_owned()));
        let again = self
            .keeps()
            .then(|| Zeroizing::new(self.passphrase_again.as_str().to_owned()));
        let source = self.source;
        let handed = self.handed.clone();
        let reburn = self.reburn;
        self.stop = Arc::new(AtomicBool::new(false));
        let stop = self.stop.clone();
        let batch_id = format!("gui-{}", crate::clock::rfc3339(now));
        self.run = Some((batch_id.clone(), now));
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = Arc::new(repaint);
        std::thread::Builder::new()
            .name("station".into())
            .spawn(move || {
                let send = |m: Msg| {
                    let _ = tx.send(m);
                    repaint();
                };
                let opened = open(
                    &path,
                    csv.as_deref(),
                    passphrase.as_ref(),
                    again.as_ref().map(|s| s.as_str()),
                );
                let (store, vault, rows) = match opened {
                    Ok(o) => o,
                    Err(e) => return send(Msg::Ended(Err(e))),
                };
                let source = match (source, rows) {
                    (StationSource::Csv, Some(rows)) => BatchSource::Users {
                        list_id: list_id(&rows),
                        rows,
                    },
                    (StationSource::PerUser, _) => BatchSource::Handed(handed),
                    _ => BatchSource::Random { count: None },
                };
                let config = BatchConfig {
                    source,
                    options,
                    vault,
                    batch_id,
                    start_row: None,
                    reburn,
                    time_servers: crate::clockcheck::NtpConfig::from_env(),
                };
                let loops = match reader_loops(&hardware) {
                    Ok(l) => l,
                    Err(e) => return send(Msg::Ended(Err(e))),
                };
                send(Msg::Started);
                let on_event = |e: StationEvent| send(Msg::Event(e));
                // The app's clock: the live code and the token agree.
                let result = run_batch(&config, &store, loops.0, &*clock, &stop, &on_event);
                drop(loops.1);
                send(Msg::Ended(
                    result.map_err(|e| StationStop::Run(Arc::new(e))),
                ));
            })
            .ok();
        self.events = Some(rx);
        self.tiles.clear();
        self.latest_reader = None;
        self.burned = 0;
        self.failed = 0;
        self.already = 0;
        self.phase = Phase::Starting;
        self.began = false;
    }

    /// Stop after the token on the reader (if any) is finished.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    /// Hand the scanned secret to the loop (per-user mode).
    pub fn hand(&self, secret: Secret, upn: Option<String>) {
        let mut slot = self.handed.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some((secret, upn));
        }
    }

    /// Whether a handed secret waits for its token.
    pub fn handed_waiting(&self) -> bool {
        self.handed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Take the loop's events; returns true when a token was burned (for
    /// the per-user mode, which then wipes the scanned secret) and whether
    /// a result was shown (for the sound).
    pub fn poll(&mut self, now: u64) -> Polled {
        let mut polled = Polled::default();
        let Some(rx) = self.events.take() else {
            return polled;
        };
        let mut ended = false;
        while let Ok(m) = rx.try_recv() {
            match m {
                Msg::Started => {
                    self.phase = Phase::WaitingToken;
                    self.began = true;
                }
                Msg::Event(e) => self.on_event(e, &mut polled),
                Msg::Ended(r) => {
                    ended = true;
                    let counted = match r {
                        Ok(s) => Some(s),
                        Err(e) => {
                            self.problem = Some(StationProblem::Stopped(e));
                            None
                        }
                    };
                    self.summary = self.summary_of(counted, now);
                }
            }
        }
        if ended {
            self.phase = Phase::Stopped;
            self.needs_secret = false;
            // The run is over: its last token's live code stays beside the
            // summary, so an operator who stopped right after it can still
            // compare; its secret is wiped when the summary is dismissed
            // (or a new run starts). Without a summary it goes now.
            if self.summary.is_none() {
                self.live = None;
            }
            *self.handed.lock().unwrap_or_else(|e| e.into_inner()) = None;
        } else {
            self.events = Some(rx);
        }
        polled
    }

    /// The summary of the run that just ended: the loop's own counts when
    /// it ended normally, else what this view counted from its events.
    fn summary_of(&mut self, counted: Option<BatchSummary>, now: u64) -> Option<RunSummary> {
        let (batch_id, started) = self.run.take()?;
        if !self.began {
            // It never started (the records, the list or the passphrase
            // refused it): the problem line says why; no "0 burned".
            return None;
        }
        let (burned, failed, already, in_doubt) = match counted {
            Some(s) => (s.burned, s.failed, s.refused, s.in_doubt),
            None => (self.burned, self.failed, self.already, Vec::new()),
        };
        Some(RunSummary {
            burned,
            failed,
            already,
            in_doubt,
            batch_id,
            started,
            ended: now.max(started),
            kept_secrets: self.keeps(),
            per_user: self.source == StationSource::PerUser,
        })
    }

    /// Dismiss the last run's summary.
    pub fn dismiss_summary(&mut self) {
        self.summary = None;
        // The last token's secret goes with it.
        self.live = None;
    }

    /// A token was laid on `reader`: the live code of the token burned
    /// there before is no longer needed (its secret is wiped).
    fn placed(&mut self, reader: &str, serial: Option<&str>) {
        if self.live.as_ref().is_some_and(|l| l.reader == reader) {
            self.live = None;
        }
        if let Some(serial) = serial {
            self.tiles.entry(reader.to_string()).or_insert(Tile {
                phase: Phase::WaitingToken,
                note: TileNote::None,
                last_serial: None,
            });
            if let Some(t) = self.tiles.get_mut(reader) {
                t.last_serial = Some(serial.to_string());
            }
        }
    }

    fn set(&mut self, reader: &str, phase: Phase, note: TileNote) {
        self.phase = phase.clone();
        self.latest_reader = Some(reader.to_string());
        let last_serial = self.tiles.get(reader).and_then(|t| t.last_serial.clone());
        self.tiles.insert(
            reader.to_string(),
            Tile {
                phase,
                note,
                last_serial,
            },
        );
    }

    fn done(
        &mut self,
        reader: &str,
        ok: bool,
        already: bool,
        outcome: TokenOutcome,
        note: TileNote,
    ) {
        self.history.push(outcome.clone());
        self.set(
            reader,
            Phase::Done {
                ok,
                already,
                outcome,
            },
            note,
        );
    }

    fn on_event(&mut self, e: StationEvent, polled: &mut Polled) {
        match e {
            StationEvent::Continuing { done, last, next } => {
                self.note = Some(match next {
                    Some(next) => StationNote::Continuing {
                        done: done.len(),
                        last,
                        next,
                    },
                    None => StationNote::ListAllDone,
                })
            }
            StationEvent::StartRowOverride { .. } => {}
            StationEvent::Waiting { reader, next } => {
                self.needs_secret = false;
                self.set(&reader, Phase::WaitingToken, TileNote::Next(next));
            }
            StationEvent::NeedSecret { reader, serial } => {
                self.placed(&reader, Some(&serial));
                self.needs_secret = true;
                self.problem = Some(StationProblem::NeedSecret);
                let note = TileNote::WaitsForSecret { serial };
                self.set(&reader, Phase::WaitingToken, note);
            }
            StationEvent::AlreadyBurned {
                reader,
                serial,
                when,
                batch,
                this_run,
            } => {
                self.placed(&reader, Some(&serial));
                let outcome = TokenOutcome::Already {
                    serial,
                    when,
                    batch,
                    this_run,
                };
                self.already += 1;
                polled.result = Some(false);
                self.done(&reader, true, true, outcome, TileNote::None);
            }
            StationEvent::Resuming {
                reader,
                serial,
                when,
                upn,
                same_secret,
            } => {
                self.placed(&reader, Some(&serial));
                self.note = Some(StationNote::Resuming {
                    serial,
                    when,
                    upn,
                    same_secret,
                });
            }
            StationEvent::Burned {
                reader,
                token,
                upn,
                resumed,
                not_recorded,
                secret,
                options,
                ..
            } => {
                self.placed(&reader, Some(&token.serial));
                self.burned += 1;
                self.problem = not_recorded.map(StationProblem::NotRecorded);
                let outcome = TokenOutcome::Burned {
                    model: token.model_name(),
                    serial: token.serial.clone(),
                    upn,
                    resumed,
                };
                self.live = Some(LiveCode {
                    reader: reader.clone(),
                    serial: token.serial.clone(),
                    options,
                    secret,
                });
                polled.burned = true;
                polled.result = Some(true);
                self.done(&reader, true, false, outcome, TileNote::None);
            }
            StationEvent::Failed {
                reader,
                serial,
                error,
                token_state,
                ..
            } => {
                self.placed(&reader, serial.as_deref());
                self.failed += 1;
                polled.result = Some(false);
                let note = if token_state.is_touched() {
                    TileNote::Interrupted
                } else {
                    TileNote::None
                };
                let outcome = TokenOutcome::Failed { serial, error };
                self.done(&reader, false, false, outcome, note);
            }
            StationEvent::LiftIt { .. } => {}
            StationEvent::OutcomeSpooled { error, waiting, .. } => {
                self.problem = Some(StationProblem::OutcomeSpooled(error, waiting));
            }
            StationEvent::RecordsWaiting { error, waited, .. } => {
                self.problem = Some(StationProblem::RecordsWaiting(error, waited.as_secs()));
            }
        }
    }
}

/// What a poll brought.
#[derive(Debug, Default)]
pub struct Polled {
    /// A token was burned.
    pub burned: bool,
    /// A result to sound: success or failure.
    pub result: Option<bool>,
}
