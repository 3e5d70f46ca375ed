//! The station view's state: secrets from each user's scanned QR, fresh
//! random ones, or a CSV list; tokens burned as they are laid on the
//! reader with no click; every outcome recorded; a token left on the
//! reader never burned twice.

use super::state::{TokenStatus, View};
use crate::burn::{BurnError, BurnReport};
use crate::explain;
use crate::secret::Secret;
use crate::station::records::{NewRecord, Store};
use crate::station::source::{UserRow, parse_user_list, random_secret};
use crate::station::vault::Vault;
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

/// Where the loop is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Not started.
    Stopped,
    /// Opening the records and the vault.
    Starting,
    /// Waiting for the next token.
    WaitingToken,
    /// Burning.
    Burning,
    /// Showing a result; lift the token to go on.
    Done {
        /// Burned (green) or failed (red).
        ok: bool,
        /// What to show.
        text: String,
    },
}

/// The station's state.
pub struct StationState {
    /// Secret source.
    pub source: StationSource,
    /// CSV file path (for `Csv`).
    pub csv_path: String,
    /// Loaded user list.
    pub rows: Vec<UserRow>,
    /// Current row of the list.
    pub row: usize,
    /// Keep secrets (encrypted) for export.
    pub keep_secrets: bool,
    /// Passphrase for kept secrets (wiped on drop).
    pub passphrase: Zeroizing<String>,
    /// Loop phase.
    pub phase: Phase,
    /// A problem to show (list, records, passphrase).
    pub problem: Option<String>,
    /// What happened, newest last.
    pub history: Vec<String>,
    /// Note about the token on the reader (burned before, last burn failed).
    pub token_note: Option<String>,
    pub(crate) store: Option<Store>,
    pub(crate) vault: Option<Vault>,
    pub(crate) burned: Vec<String>,
    pub(crate) pending: Option<(Secret, Option<String>)>,
    pub(crate) batch_id: String,
    pub(crate) records_path: Option<std::path::PathBuf>,
    starting: Option<std::sync::mpsc::Receiver<Result<Opened, String>>>,
}

/// What starting the station opens.
struct Opened {
    store: Store,
    vault: Option<Vault>,
    rows: Option<Vec<UserRow>>,
}

/// Open the records, load the user list, unlock the vault (off the UI thread).
fn open_station(
    path: &std::path::Path,
    csv: Option<&str>,
    passphrase: Option<&age::secrecy::SecretString>,
) -> Result<Opened, String> {
    let store =
        Store::open(path, None).map_err(|e| format!("The records cannot be opened: {e}."))?;
    let rows = match csv {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| e.to_string())
                .and_then(|t| parse_user_list(&Zeroizing::new(t)).map_err(|e| e.to_string()))
                .map_err(|e| format!("The user list cannot be used: {e}."))?,
        ),
        None => None,
    };
    let vault = match passphrase {
        Some(p) => Some(Vault::unlock_or_create(&store, p).map_err(|e| format!("{e}."))?),
        None => None,
    };
    Ok(Opened { store, vault, rows })
}

impl StationState {
    /// A stopped station writing records to `records_path`.
    pub fn new(records_path: Option<std::path::PathBuf>) -> StationState {
        StationState {
            source: StationSource::Random,
            csv_path: String::new(),
            rows: Vec::new(),
            row: 0,
            keep_secrets: false,
            passphrase: Zeroizing::new(String::new()),
            phase: Phase::Stopped,
            problem: None,
            history: Vec::new(),
            token_note: None,
            store: None,
            vault: None,
            burned: Vec::new(),
            pending: None,
            batch_id: String::new(),
            records_path,
            starting: None,
        }
    }

    /// Whether the loop runs.
    pub fn running(&self) -> bool {
        self.phase != Phase::Stopped
    }

    /// Start the loop: open the records, load the list and unlock the
    /// vault on a worker thread (the passphrase's scrypt takes about a
    /// second); `repaint` wakes the UI when it is done.
    pub fn start(&mut self, now: u64, repaint: impl Fn() + Send + 'static) {
        self.problem = None;
        let Some(path) = self.records_path.clone() else {
            self.problem = Some("No data folder for the records.".into());
            return;
        };
        if self.keep_secrets && self.passphrase.is_empty() {
            self.problem = Some("Enter a passphrase to keep the secrets.".into());
            return;
        }
        let csv = (self.source == StationSource::Csv).then(|| self.csv_path.trim().to_string());
        let passphrase = self
            .keep_secrets
            .then(|| age::secrecy::SecretString::from(self.passphrase.to_string()));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(open_station(&path, csv.as_deref(), passphrase.as_ref()));
            repaint();
        });
        self.starting = Some(rx);
        self.batch_id = format!("gui-{}", crate::clock::rfc3339(now));
        self.phase = Phase::Starting;
    }

    /// Take the result of [`Self::start`] when it is ready.
    pub fn poll_start(&mut self) {
        let Some(rx) = &self.starting else { return };
        let Ok(result) = rx.try_recv() else { return };
        self.starting = None;
        match result {
            Ok(opened) => {
                self.store = Some(opened.store);
                self.vault = opened.vault;
                if let Some(rows) = opened.rows {
                    self.rows = rows;
                    self.row = 0;
                }
                self.burned.clear();
                self.phase = Phase::WaitingToken;
            }
            Err(e) => {
                self.problem = Some(e);
                self.phase = Phase::Stopped;
            }
        }
    }

    /// Stop the loop.
    pub fn stop(&mut self) {
        self.phase = Phase::Stopped;
        self.pending = None;
        self.starting = None;
    }

    /// What the next token gets, in words.
    pub fn next_label(&self) -> String {
        match self.source {
            StationSource::Random => format!("token {} (random secret)", self.burned.len() + 1),
            StationSource::PerUser => "the user whose QR code was scanned".into(),
            StationSource::Csv => self
                .rows
                .get(self.row)
                .map_or_else(|| "nothing: the list is done".into(), |r| r.upn.clone()),
        }
    }

    /// Note what the records say about a serial just laid on the reader.
    pub fn note_token(&mut self, serial: &str) {
        self.token_note = self
            .store
            .as_ref()
            .and_then(|s| s.last_for_serial(serial).ok().flatten())
            .map(|r| {
                let when = crate::clock::rfc3339(r.time.max(0) as u64);
                if r.outcome == "ok" {
                    format!("{serial} was burned before ({when}).")
                } else {
                    format!("{serial}: its last burn FAILED ({when}); it may hold no secret.")
                }
            });
    }

    /// The secret for the token just laid on (None: nothing to burn).
    pub fn take_secret(
        &mut self,
        scanned: Option<Secret>,
    ) -> Result<Option<(Secret, Option<String>)>, String> {
        Ok(match self.source {
            StationSource::Random => Some((random_secret().map_err(|e| e.to_string())?, None)),
            StationSource::PerUser => scanned.map(|s| (s, None)),
            StationSource::Csv => match self.rows.get(self.row) {
                Some(r) => Some((
                    match &r.secret {
                        Some(s) => s.clone(),
                        None => random_secret().map_err(|e| e.to_string())?,
                    },
                    Some(r.upn.clone()),
                )),
                None => None,
            },
        })
    }

    /// Record a burn's outcome and show it.
    pub fn finish(
        &mut self,
        reader: &str,
        options: &crate::params::TokenOptions,
        outcome: &Result<BurnReport, BurnError>,
    ) {
        let (secret, upn) = self.pending.take().unzip();
        let upn = upn.flatten();
        let mut record = NewRecord::burn(reader, options, Some(self.batch_id.clone()), upn.clone());
        match outcome {
            Ok(report) => {
                record.serial = Some(report.token.serial.clone());
                record.model = Some(report.token.model_name().into());
                record.ok = true;
                let sealed = match (&self.vault, &secret) {
                    (Some(v), Some(s)) => Some(v.seal(s.bytes())),
                    _ => None,
                };
                match sealed {
                    Some(Ok((enc, key))) => {
                        record.secret_enc = Some(enc);
                        record.key_id = Some(key);
                    }
                    Some(Err(e)) => {
                        self.problem = Some(format!(
                            "This token's secret could not be kept ({e}): it is not in the export. Stopping."
                        ));
                        self.phase = Phase::Stopped;
                    }
                    None => {}
                }
                self.burned.push(report.token.serial.clone());
                if self.source == StationSource::Csv {
                    self.row += 1;
                }
                let stopped = self.phase == Phase::Stopped;
                let text = format!(
                    "{} {} burned{} · code {}",
                    report.token.model_name(),
                    report.token.serial,
                    upn.map(|u| format!(" for {u}")).unwrap_or_default(),
                    report.codes.current
                );
                self.history.push(text.clone());
                if !stopped {
                    self.phase = Phase::Done { ok: true, text };
                }
            }
            Err(e) => {
                let why = explain::burn_error(e);
                record.serial = e.token.as_ref().map(|t| t.serial.clone());
                record.model = e.token.as_ref().map(|t| t.model_name().to_string());
                record.error = Some(why.problem.clone());
                let text = format!("FAILED: {} {}", why.problem, why.next_step);
                self.history.push(text.clone());
                self.phase = Phase::Done { ok: false, text };
            }
        }
        let stored = self.store.as_ref().map(|store| store.add(&record));
        if let Some(Err(e)) = stored {
            self.problem = Some(format!("The outcome was not recorded: {e}. Stopping."));
            self.stop();
        }
    }
}

impl super::state::BurnerApp {
    /// The station loop: burn a newly laid token, go on after a lift.
    pub(super) fn station_step(&mut self, present: bool) {
        self.station.poll_start();
        if self.view != View::Station || !self.station.running() {
            return;
        }
        match self.station.phase.clone() {
            Phase::Done { .. } if !present => {
                self.station.phase = Phase::WaitingToken;
                self.station.token_note = None;
            }
            Phase::WaitingToken if present && !self.device.is_busy() => {
                let TokenStatus::Known(t) = &self.token else {
                    return;
                };
                let serial = t.serial.clone();
                if self.station.burned.contains(&serial) {
                    self.station.phase = Phase::Done {
                        ok: true,
                        text: format!("{serial} is already burned in this batch: lift it."),
                    };
                    return;
                }
                self.station.note_token(&serial);
                let scanned = self.secret.chosen().map(|i| i.secret);
                match self.station.take_secret(scanned) {
                    Err(e) => self.station.problem = Some(e),
                    Ok(None) => {
                        self.station.problem = Some(match self.station.source {
                            StationSource::PerUser => "Scan this user's QR code first.".into(),
                            _ => "The list is done.".into(),
                        });
                    }
                    Ok(Some((secret, upn))) => {
                        self.station.problem = None;
                        self.station.pending = Some((secret.clone(), upn));
                        self.station.phase = Phase::Burning;
                        self.send_burn(secret);
                    }
                }
            }
            _ => {}
        }
    }
}
