//! The station view's state. The loop itself is the library's
//! (`station::run`, the same one `batch` runs): it runs on a worker thread,
//! one loop per reader, fed by the reader watcher (or the demo's virtual
//! reader), and sends its events here; this file only turns them into what
//! the view shows. Opening the records, unlocking the vault and loading
//! the list happen on that thread too.

use crate::card::connector::Connector;
use crate::emulator::EmulatorLink;
use crate::explain;
use crate::params::TokenOptions;
use crate::secret::Secret;
use crate::station::records::Store;
use crate::station::run::{
    BatchConfig, BatchSource, BatchSummary, HandedSecret, PolledPresence, ReaderLoop, StationEvent,
    run_batch,
};
use crate::station::source::{list_id, parse_user_list};
use crate::station::vault::{MIN_PASSPHRASE_CHARS, Vault};
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
        /// What to show.
        text: String,
    },
}

/// The readers the station burns on.
#[derive(Clone)]
pub enum StationHardware {
    /// Every PC/SC reader, watched.
    Pcsc,
    /// The demo's virtual reader.
    Demo(EmulatorLink, String),
}

/// One reader's tile.
#[derive(Debug, Clone)]
pub struct Tile {
    /// Its phase.
    pub phase: Phase,
    /// What the next token gets, or a note on the token on it.
    pub note: String,
}

enum Msg {
    Started,
    Event(StationEvent),
    Ended(Result<BatchSummary, String>),
}

/// The station's state.
pub struct StationState {
    /// Secret source.
    pub source: StationSource,
    /// CSV file path (for `Csv`).
    pub csv_path: String,
    /// Keep secrets (encrypted) for export.
    pub keep_secrets: bool,
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
    /// A problem to show (list, records, passphrase).
    pub problem: Option<String>,
    /// A note from the records ("continuing at row 4", "finishing …").
    pub note: Option<String>,
    /// What happened, newest last.
    pub history: Vec<String>,
    /// Tokens burned in this run.
    pub burned: usize,
    /// The summary of the last run.
    pub summary: Option<BatchSummary>,
    pub(crate) records_path: Option<std::path::PathBuf>,
    pub(crate) handed: HandedSecret,
    /// A token waits for the user's secret (per-user mode).
    pub needs_secret: bool,
    stop: Arc<AtomicBool>,
    events: Option<Receiver<Msg>>,
    /// Closing the window waits for the loop to finish its token.
    pub close_when_stopped: bool,
    /// The per-user secret panel (its own: nothing typed in the burner or
    /// the wizard is handed to the station).
    pub secret: super::secret_input::SecretInput,
    /// The options the station burns with.
    pub options: TokenOptions,
}

impl StationState {
    /// A stopped station writing records to `records_path`.
    pub fn new(records_path: Option<std::path::PathBuf>) -> StationState {
        StationState {
            source: StationSource::Random,
            csv_path: String::new(),
            keep_secrets: false,
            reburn: false,
            passphrase: Default::default(),
            passphrase_again: Default::default(),
            phase: Phase::Stopped,
            tiles: BTreeMap::new(),
            problem: None,
            note: None,
            history: Vec::new(),
            burned: 0,
            summary: None,
            records_path,
            handed: Arc::new(Mutex::new(None)),
            needs_secret: false,
            stop: Arc::new(AtomicBool::new(false)),
            events: None,
            close_when_stopped: false,
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
        now: u64,
        hardware: StationHardware,
        options: TokenOptions,
        repaint: impl Fn() + Send + Sync + 'static,
    ) {
        self.problem = None;
        self.note = None;
        self.summary = None;
        let Some(path) = self.records_path.clone() else {
            self.problem = Some("No data folder for the records was found.".into());
            return;
        };
        if self.keep_secrets && self.passphrase.is_empty() {
            self.problem = Some("Enter a passphrase to keep the secrets.".into());
            return;
        }
        let csv = (self.source == StationSource::Csv).then(|| self.csv_path.trim().to_string());
        let passphrase = self
            .keep_secrets
            .then(|| age::secrecy::SecretString::from(self.passphrase.as_str().to_owned()));
        let again = self
            .keep_secrets
            .then(|| Zeroizing::new(self.passphrase_again.as_str().to_owned()));
        let source = self.source;
        let handed = self.handed.clone();
        let reburn = self.reburn;
        self.stop = Arc::new(AtomicBool::new(false));
        let stop = self.stop.clone();
        let batch_id = format!("gui-{}", crate::clock::rfc3339(now));
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
                let result = run_batch(
                    &config,
                    &store,
                    loops.0,
                    &crate::clock::SystemClock,
                    &stop,
                    &on_event,
                );
                drop(loops.1);
                send(Msg::Ended(
                    result.map_err(|e| format!("The station stopped: {e}.")),
                ));
            })
            .ok();
        self.events = Some(rx);
        self.tiles.clear();
        self.burned = 0;
        self.phase = Phase::Starting;
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
    pub fn poll(&mut self) -> Polled {
        let mut polled = Polled::default();
        let Some(rx) = self.events.take() else {
            return polled;
        };
        let mut ended = false;
        while let Ok(m) = rx.try_recv() {
            match m {
                Msg::Started => self.phase = Phase::WaitingToken,
                Msg::Event(e) => self.on_event(e, &mut polled),
                Msg::Ended(r) => {
                    ended = true;
                    match r {
                        Ok(s) => self.summary = Some(s),
                        Err(e) => self.problem = Some(e),
                    }
                }
            }
        }
        if ended {
            self.phase = Phase::Stopped;
            self.needs_secret = false;
            *self.handed.lock().unwrap_or_else(|e| e.into_inner()) = None;
        } else {
            self.events = Some(rx);
        }
        polled
    }

    fn set(&mut self, reader: &str, phase: Phase, note: String) {
        self.phase = phase.clone();
        self.tiles.insert(reader.to_string(), Tile { phase, note });
    }

    fn done(&mut self, reader: &str, ok: bool, already: bool, text: String, note: String) {
        self.set(reader, Phase::Done { ok, already, text }, note);
    }

    fn on_event(&mut self, e: StationEvent, polled: &mut Polled) {
        let date = |t: i64| crate::clock::rfc3339(t.max(0) as u64);
        match e {
            StationEvent::Continuing { done, last, next } => {
                self.note = Some(match next {
                    Some(n) => format!(
                        "{} rows of this list were done before (the last on {}); continuing at row {}.",
                        done.len(),
                        date(last),
                        n + 1
                    ),
                    None => "Every row of this list was done before.".into(),
                })
            }
            StationEvent::StartRowOverride { .. } => {}
            StationEvent::Waiting { reader, next } => {
                self.needs_secret = false;
                self.set(&reader, Phase::WaitingToken, next);
            }
            StationEvent::NeedSecret { reader, serial } => {
                self.needs_secret = true;
                self.problem = Some("Scan this user's QR code first.".into());
                self.set(
                    &reader,
                    Phase::WaitingToken,
                    format!("{serial} waits for a secret"),
                );
            }
            StationEvent::AlreadyBurned {
                reader,
                serial,
                when,
                batch,
                this_run,
            } => {
                let text = if this_run {
                    format!("{serial} is already burned in this run: lift it.")
                } else {
                    format!(
                        "{serial} was already burned on {}{}: not burned again.",
                        date(when),
                        batch.map(|b| format!(" (batch {b})")).unwrap_or_default()
                    )
                };
                self.history.push(text.clone());
                polled.result = Some(false);
                self.done(&reader, true, true, text, String::new());
            }
            StationEvent::Resuming {
                serial,
                when,
                upn,
                same_secret,
                ..
            } => {
                self.note = Some(explain::resuming(
                    &serial,
                    when,
                    upn.as_deref(),
                    same_secret,
                ));
            }
            StationEvent::Burned {
                reader,
                token,
                upn,
                code,
                resumed,
                not_recorded,
                ..
            } => {
                self.burned += 1;
                self.problem = not_recorded;
                let text = format!(
                    "{} {} {}{} · code {}",
                    token.model_name(),
                    token.serial,
                    if resumed { "finished" } else { "burned" },
                    upn.map(|u| format!(" for {u}")).unwrap_or_default(),
                    code
                );
                self.history.push(text.clone());
                polled.burned = true;
                polled.result = Some(true);
                self.done(&reader, true, false, text, String::new());
            }
            StationEvent::Failed {
                reader,
                serial,
                why,
                token_state,
                ..
            } => {
                let text = format!(
                    "FAILED{}: {} {}",
                    serial.map(|s| format!(" ({s})")).unwrap_or_default(),
                    why.problem,
                    why.next_step
                );
                self.history.push(text.clone());
                polled.result = Some(false);
                let note = if token_state.is_touched() {
                    explain::interrupted()
                } else {
                    String::new()
                };
                self.done(&reader, false, false, text, note);
            }
            StationEvent::LiftIt { .. } => {}
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

type Opened = (
    Store,
    Option<Vault>,
    Option<Vec<crate::station::source::UserRow>>,
);

/// Open the records, load the user list, unlock the vault (worker thread).
fn open(
    path: &std::path::Path,
    csv: Option<&str>,
    passphrase: Option<&age::secrecy::SecretString>,
    again: Option<&str>,
) -> Result<Opened, String> {
    let store =
        Store::open(path, None).map_err(|e| format!("The records cannot be opened: {e}."))?;
    let rows = match csv {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| format!("{file} cannot be read ({e})"))
                .and_then(|t| parse_user_list(&Zeroizing::new(t)).map_err(|e| e.to_string()))
                .map_err(|e| format!("The user list cannot be used: {e}."))?,
        ),
        None => None,
    };
    let vault = match passphrase {
        Some(p) => {
            use age::secrecy::ExposeSecret;
            let new = store.keys().map(|k| k.is_empty()).unwrap_or(true);
            if new && again != Some(p.expose_secret()) {
                return Err(format!(
                    "This records file has no kept secrets yet: type the new passphrase twice (at least {MIN_PASSPHRASE_CHARS} characters)."
                ));
            }
            Some(Vault::unlock_or_create(&store, p).map_err(|e| format!("{e}."))?)
        }
        None => None,
    };
    Ok((store, vault, rows))
}

/// The readers' loops, and what must live as long as they run (the watcher).
fn reader_loops(
    hardware: &StationHardware,
) -> Result<(Vec<ReaderLoop>, Option<crate::card::watch::ReaderWatcher>), String> {
    match hardware {
        StationHardware::Demo(link, name) => {
            let l = link.clone();
            Ok((
                vec![ReaderLoop {
                    reader: name.clone(),
                    presence: Box::new(PolledPresence(Box::new(move || l.is_present()))),
                    connector: Box::new(crate::emulator::EmulatorConnector(link.clone()))
                        as Box<dyn Connector>,
                }],
                None,
            ))
        }
        StationHardware::Pcsc => {
            let words = |e: crate::card::TransportError| {
                let x = explain::transport(&e, None);
                format!("{} {}", x.problem, x.next_step)
            };
            let names: Vec<String> = crate::card::pcsc::PcscReaders::establish()
                .and_then(|r| r.list())
                .map_err(words)?
                .into_iter()
                .map(|r| r.name)
                .collect();
            if names.is_empty() {
                return Err(words(crate::card::TransportError::NoReader));
            }
            let (loops, watcher) = crate::station::run::pcsc_reader_loops(&names).map_err(words)?;
            Ok((loops, Some(watcher)))
        }
    }
}
