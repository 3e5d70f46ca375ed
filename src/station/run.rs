//! The station loop: wait for a token to be laid on the reader, identify
//! it, burn the next secret, record the outcome, ask for the token to be
//! lifted, and go on. No click needed. A token left on the reader is never
//! burned twice (the loop waits for it to be lifted); a token whose last
//! burn failed is flagged until it is burned successfully.

use super::records::{NewRecord, RecordsError, Store};
use super::source::{BatchListError, UserRow, random_secret};
use super::vault::{Vault, VaultError};
use crate::burn::{self, BurnPlan, IdentifiedToken, TokenState};
use crate::card::TransportError;
use crate::card::connector::Connector;
use crate::card::watch::ReaderEvent;
use crate::clock::Clock;
use crate::explain::{self, Explanation};
use crate::params::TokenOptions;
use crate::secret::Secret;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};
use thiserror::Error;

/// Where secrets come from.
pub enum BatchSource {
    /// A fresh random secret per token; stop after `count` when given.
    Random {
        /// How many tokens.
        count: Option<usize>,
    },
    /// A user list, in order.
    Users(Vec<UserRow>),
}

/// A batch to run.
pub struct BatchConfig {
    /// Secrets.
    pub source: BatchSource,
    /// Options for every token.
    pub options: TokenOptions,
    /// Reader to use (None: any reader a token is laid on).
    pub reader: Option<String>,
    /// Keep the secrets (encrypted) for export.
    pub vault: Option<Vault>,
    /// Batch identifier stored with the records.
    pub batch_id: String,
    /// First row of a user list to burn (0-based): resume, retry or skip.
    pub start_row: usize,
}

/// What the loop reports.
#[derive(Debug, Clone)]
pub enum StationEvent {
    /// Ready: lay the next token on the reader.
    Waiting {
        /// What it will get ("alice@contoso.com", "token 3 of 20").
        next: String,
    },
    /// This token was already burned in this batch (laid back on): not burned again.
    AlreadyBurned {
        /// Its serial.
        serial: String,
    },
    /// This serial was burned before (in an earlier run); shown, then burned.
    BurnedBefore {
        /// Its serial.
        serial: String,
        /// When (Unix seconds).
        when: i64,
        /// Whether that burn failed (the token may be blank).
        failed: bool,
    },
    /// A token was burned.
    Burned {
        /// The token.
        token: IdentifiedToken,
        /// UPN, for user lists.
        upn: Option<String>,
        /// The code it shows after a power cycle.
        code: String,
        /// From "token placed" to this result.
        took: Duration,
    },
    /// A burn failed.
    Failed {
        /// Serial, if it was read.
        serial: Option<String>,
        /// In words.
        why: Explanation,
        /// What the token holds.
        token_state: TokenState,
    },
    /// Lift the token off the reader.
    LiftIt,
}

/// How the batch ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Tokens burned.
    pub burned: usize,
    /// Failed attempts.
    pub failed: usize,
    /// For user lists: the row to start from next time (all done = len).
    pub next_row: usize,
    /// Stopped on a user-list failure (retry or skip is the user's choice).
    pub stopped_on_failure: bool,
}

/// A batch that cannot run.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StationError {
    /// Records failed: the batch stops (nothing goes unrecorded).
    #[error(transparent)]
    Records(#[from] RecordsError),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// No random secret could be made.
    #[error(transparent)]
    List(#[from] BatchListError),
    /// The smart-card service went away.
    #[error("the smart-card service stopped")]
    ServiceLost,
}

/// Token placement and removal, as the loop needs them.
pub trait Presence {
    /// Block until a token is laid on `reader` (any reader if None);
    /// returns the reader, or None when `stop` was set.
    fn wait_placed(
        &mut self,
        reader: Option<&str>,
        stop: &AtomicBool,
    ) -> Result<Option<String>, StationError>;
    /// Block until the token leaves `reader` (or `stop`).
    fn wait_lifted(&mut self, reader: &str, stop: &AtomicBool) -> Result<(), StationError>;
}

/// Presence from a reader watcher's events.
pub struct WatchedPresence {
    events: Receiver<ReaderEvent>,
    present: Vec<String>,
}

impl WatchedPresence {
    /// Use the events of a running [`crate::card::watch::ReaderWatcher`].
    pub fn new(events: Receiver<ReaderEvent>) -> WatchedPresence {
        WatchedPresence {
            events,
            present: Vec::new(),
        }
    }

    fn pump(&mut self) -> Result<(), StationError> {
        match self.events.recv_timeout(Duration::from_millis(100)) {
            Ok(ReaderEvent::TokenPlaced { reader, .. }) => {
                if !self.present.contains(&reader) {
                    self.present.push(reader);
                }
            }
            Ok(ReaderEvent::TokenLifted { reader } | ReaderEvent::ReaderRemoved { reader }) => {
                self.present.retain(|r| r != &reader)
            }
            Ok(ReaderEvent::ServiceLost) => return Err(StationError::ServiceLost),
            Ok(_) | Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(StationError::ServiceLost);
            }
        }
        Ok(())
    }
}

impl Presence for WatchedPresence {
    fn wait_placed(
        &mut self,
        reader: Option<&str>,
        stop: &AtomicBool,
    ) -> Result<Option<String>, StationError> {
        loop {
            let found = self
                .present
                .iter()
                .find(|r| reader.is_none_or(|want| r.as_str() == want));
            if let Some(r) = found {
                return Ok(Some(r.clone()));
            }
            if stop.load(Ordering::SeqCst) {
                return Ok(None);
            }
            self.pump()?;
        }
    }

    fn wait_lifted(&mut self, reader: &str, stop: &AtomicBool) -> Result<(), StationError> {
        while self.present.iter().any(|r| r == reader) && !stop.load(Ordering::SeqCst) {
            self.pump()?;
        }
        Ok(())
    }
}

/// Run a batch until the list is done, the count is reached, a user-list
/// row fails, or `stop` is set.
pub fn run_batch(
    config: &BatchConfig,
    store: &Store,
    presence: &mut dyn Presence,
    connector: &mut dyn Connector,
    clock: &dyn Clock,
    stop: &AtomicBool,
    on_event: &mut dyn FnMut(StationEvent),
) -> Result<BatchSummary, StationError> {
    let mut summary = BatchSummary {
        next_row: config.start_row,
        ..Default::default()
    };
    let mut burned_serials: Vec<String> = Vec::new();
    loop {
        let (label, upn, listed_secret) = match &config.source {
            BatchSource::Users(rows) => match rows.get(summary.next_row) {
                Some(r) => (r.upn.clone(), Some(r.upn.clone()), r.secret.clone()),
                None => break,
            },
            BatchSource::Random { count } => {
                if count.is_some_and(|c| summary.burned >= c) {
                    break;
                }
                let total = count.map(|c| format!(" of {c}")).unwrap_or_default();
                (format!("token {}{total}", summary.burned + 1), None, None)
            }
        };
        on_event(StationEvent::Waiting { next: label });
        let Some(reader) = presence.wait_placed(config.reader.as_deref(), stop)? else {
            break;
        };
        let placed = Instant::now();
        let secret: Secret = match listed_secret {
            Some(s) => s,
            None => random_secret()?,
        };
        let plan = BurnPlan {
            secret: secret.clone(),
            options: config.options,
            allow_unknown_model: false,
        };

        // Identify first, inside the same transaction as the burn.
        let mut outcome: Option<Result<burn::BurnReport, burn::BurnError>> = None;
        let mut skipped: Option<String> = None;
        let mut before: Option<StationEvent> = None;
        let connect = connector.run(Some(&reader), &mut |t| {
            let info = match burn::read_info(t, clock, &mut |_| {}) {
                Ok(i) => i,
                Err(e) => {
                    outcome = Some(Err(e));
                    return;
                }
            };
            if burned_serials.contains(&info.serial) {
                skipped = Some(info.serial.clone());
                return;
            }
            if let Ok(Some(last)) = store.last_for_serial(&info.serial) {
                before = Some(StationEvent::BurnedBefore {
                    serial: info.serial.clone(),
                    when: last.time,
                    failed: last.outcome != "ok",
                });
            }
            outcome = Some(burn::burn(t, &plan, clock, &mut |_| {}));
        });
        if let Some(serial) = skipped {
            on_event(StationEvent::AlreadyBurned { serial });
            on_event(StationEvent::LiftIt);
            presence.wait_lifted(&reader, stop)?;
            continue;
        }
        if let Some(e) = before {
            on_event(e);
        }
        let result = match (connect, outcome) {
            (Err(e), _) => Err(crate::burn::BurnError {
                step: crate::burn::Step::Identify,
                cause: crate::burn::Failure::Transport(e),
                token_state: TokenState::Untouched,
                token: None,
            }),
            (Ok(()), Some(r)) => r,
            (Ok(()), None) => Err(crate::burn::BurnError {
                step: crate::burn::Step::Identify,
                cause: crate::burn::Failure::Transport(TransportError::NoToken),
                token_state: TokenState::Untouched,
                token: None,
            }),
        };
        let mut record = NewRecord::burn(
            &reader,
            &config.options,
            Some(config.batch_id.clone()),
            upn.clone(),
        );
        match result {
            Ok(report) => {
                record.serial = Some(report.token.serial.clone());
                record.model = Some(report.token.model_name().into());
                record.ok = true;
                if let Some(v) = &config.vault {
                    let (enc, key) = v.seal(secret.bytes())?;
                    record.secret_enc = Some(enc);
                    record.key_id = Some(key);
                }
                store.add(&record)?;
                summary.burned += 1;
                if matches!(config.source, BatchSource::Users(_)) {
                    summary.next_row += 1;
                }
                burned_serials.push(report.token.serial.clone());
                on_event(StationEvent::Burned {
                    token: report.token,
                    upn,
                    code: report.codes.current,
                    took: placed.elapsed(),
                });
            }
            Err(e) => {
                let why = explain::burn_error(&e);
                record.serial = e.token.as_ref().map(|t| t.serial.clone());
                record.model = e.token.as_ref().map(|t| t.model_name().to_string());
                record.error = Some(why.problem.clone());
                store.add(&record)?;
                summary.failed += 1;
                on_event(StationEvent::Failed {
                    serial: record.serial.clone(),
                    why,
                    token_state: e.token_state,
                });
                if matches!(config.source, BatchSource::Users(_)) {
                    summary.stopped_on_failure = true;
                    on_event(StationEvent::LiftIt);
                    presence.wait_lifted(&reader, stop)?;
                    break;
                }
            }
        }
        on_event(StationEvent::LiftIt);
        presence.wait_lifted(&reader, stop)?;
    }
    Ok(summary)
}
