//! The one path of every operation that writes to a token, whatever the
//! front-end (CLI `burn` / `sync-time`, the app's burner and wizard, the
//! station loop): once the token is identified and before anything is
//! written, a *started* record is appended (with the sealed secret when
//! secrets are kept); after the token answered, its *outcome*. A process
//! that dies in between leaves the start, which reads as "interrupted".
//! The guards run here too: a serial burned before is not burned again
//! without an explicit choice, and nothing is written when the start
//! cannot be recorded.

use super::records::{
    Begun, Delivery, Flag, Flags, NewRecord, NotBegun, Operation, Outcome, RecordsError, Start,
    Store, new_op_id,
};
use super::vault::{Vault, VaultError};
use crate::burn::{
    self, BurnError, BurnPlan, BurnReport, Failure, IdentifiedToken, Progress, Step, SyncReport,
    TokenState,
};
use crate::card::connector::Connector;
use crate::card::{Transport, TransportError};
use crate::clock::Clock;
use crate::params::TokenOptions;
use thiserror::Error;

/// Who, where and what for: everything written into the records besides
/// the token's own answers.
#[derive(Default)]
pub struct Recording<'a> {
    /// The records (None: nothing is recorded, e.g. the built-in emulator).
    pub store: Option<&'a Store>,
    /// Seals the secret into the start record (kept secrets).
    pub vault: Option<&'a Vault>,
    /// Reader name.
    pub reader: String,
    /// Batch identifier.
    pub batch: Option<String>,
    /// The user.
    pub upn: Option<String>,
    /// The user list and row (0-based) the secret came from.
    pub list: Option<(String, usize)>,
    /// Burn even if this serial was burned successfully before.
    pub reburn: bool,
    /// Write only to this serial (the station identified it first).
    pub expect_serial: Option<String>,
    /// Typed notes for the records.
    pub flags: Flags,
    /// The start was recorded by the caller already (the station takes a
    /// user-list row and records its start in one transaction, once it
    /// knows the token): the outcome goes with it.
    pub begun: Option<Begun>,
}

/// Why an operation was refused before anything was written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Refusal {
    /// This serial holds a secret burned earlier (maybe already uploaded).
    #[error("token {serial} was burned before")]
    BurnedBefore {
        /// The serial.
        serial: String,
        /// When (Unix seconds).
        when: i64,
        /// In which batch, if any.
        batch: Option<String>,
    },
    /// The start could not be recorded, so nothing was written.
    #[error("the start could not be recorded: {0}")]
    NotRecorded(#[source] RecordsError),
    /// The secret could not be sealed for keeping.
    #[error("the secret could not be kept: {0}")]
    NotSealed(#[source] VaultError),
    /// The PC clock is off (checked against time servers): its time is not
    /// written into a token.
    #[error(transparent)]
    PcClockOff(crate::clockcheck::ClockOff),
    /// The records have a list of known serials, and this token is not on
    /// it (a token from elsewhere).
    #[error("token {serial} is not on the known serials' list")]
    NotInStock {
        /// The serial.
        serial: String,
    },
    /// Another token than the one identified lies on the reader.
    #[error("another token ({found}) is on the reader")]
    OtherToken {
        /// The serial read now.
        found: String,
    },
}

/// A failed operation.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum OperationError {
    /// The token (or the reader) failed; `token_state` says what it holds.
    #[error(transparent)]
    Token(BurnError),
    /// Refused before any write; the token is untouched.
    #[error(transparent)]
    Refused(Refusal),
}

impl OperationError {
    /// What the token holds now.
    pub fn token_state(&self) -> TokenState {
        match self {
            OperationError::Token(e) => e.token_state,
            OperationError::Refused(_) => TokenState::Untouched,
        }
    }
    /// The token, if it was identified.
    pub fn token(&self) -> Option<&IdentifiedToken> {
        match self {
            OperationError::Token(e) => e.token.as_deref(),
            OperationError::Refused(_) => None,
        }
    }
}

/// The result of an operation and of recording it.
pub struct Recorded<T> {
    /// What happened to the token.
    pub result: Result<T, OperationError>,
    /// The outcome could not be appended nor kept: the start stays in the
    /// records and reads as interrupted.
    pub outcome_not_recorded: Option<RecordsError>,
    /// The records server could not be reached for the outcome: it is kept
    /// on this PC and delivered before the next start (until then the
    /// start reads as interrupted elsewhere).
    pub outcome_spooled: Option<RecordsError>,
    /// The operation's identifier in the records (None: nothing recorded).
    pub op_id: Option<String>,
}

/// The PC clock gate before any clock write (every burn and sync writes
/// the PC's time): checked against the configured time servers (cached for
/// a few minutes; blocks up to the timeout, so never on the UI thread).
/// Off by more than the limit: refused unless `override_`. Returns the
/// verdict, to be recorded as a flag.
pub fn pc_clock_gate(
    servers: &crate::clockcheck::NtpConfig,
    override_: bool,
) -> Result<crate::clockcheck::ClockVerdict, Refusal> {
    crate::clockcheck::check_before_clock_write(servers, override_).map_err(Refusal::PcClockOff)
}

/// The record flag of a clock verdict (none when verified).
pub fn clock_flag(v: &crate::clockcheck::ClockVerdict) -> Option<Flag> {
    match v.name() {
        "unverified" => Some(Flag::PcClockUnverified),
        "overridden" => Some(Flag::PcClockOverridden),
        _ => None,
    }
}

/// A failure before the first command: nothing was written.
pub fn not_reached(e: TransportError) -> BurnError {
    BurnError {
        step: Step::Identify,
        cause: Failure::Transport(e),
        token_state: TokenState::Untouched,
        token: None,
    }
}

/// Run `op` against the token on `reader` through `connector` (one
/// transaction); a connection failure is an untouched-token error.
pub fn on_reader<T>(
    connector: &mut dyn Connector,
    reader: Option<&str>,
    op: impl FnOnce(&mut dyn Transport) -> Result<T, BurnError>,
) -> Result<T, BurnError> {
    let mut op = Some(op);
    let mut out = None;
    let connected = connector.run(reader, &mut |t| {
        if let Some(f) = op.take() {
            out = Some(f(t));
        }
    });
    match (connected, out) {
        (Err(e), _) => Err(not_reached(e)),
        (Ok(()), Some(r)) => r,
        (Ok(()), None) => Err(not_reached(TransportError::NoToken)),
    }
}

fn base_record(rec: &Recording<'_>, operation: Operation, options: &TokenOptions) -> NewRecord {
    let begun = rec.begun.as_ref();
    NewRecord {
        op_id: begun.map(|b| b.op_id.clone()),
        serial: begun.and(rec.expect_serial.clone()),
        secret_enc: begun
            .and_then(|b| b.sealed.as_ref())
            .map(|(enc, _)| enc.clone()),
        key_id: begun.and_then(|b| b.sealed.as_ref()).map(|(_, key)| *key),
        reader: rec.reader.clone(),
        operation,
        algorithm: Some(options.algorithm.name().into()),
        period: Some(options.period.seconds() as i64),
        display_timeout: Some(options.display_timeout.seconds() as i64),
        batch: rec.batch.clone(),
        upn: rec.upn.clone(),
        list_id: rec.list.as_ref().map(|(id, _)| id.clone()),
        list_row: rec.list.as_ref().map(|(_, row)| *row as i64),
        flags: rec.flags.clone(),
        ..Default::default()
    }
}

/// Record the start of a burn of `token` that takes the next free row of a
/// user list (the station, once it knows the token): the reburn check
/// (unless `rec.reburn`), the row's claim and the started record in one
/// transaction of the store. `fill` completes the record for the row taken
/// (its user, the sealed secret). The burn then goes through [`burn`] with
/// `rec.begun` set, which appends its outcome.
pub fn begin_row(
    store: &Store,
    rec: &Recording<'_>,
    options: &TokenOptions,
    token: &IdentifiedToken,
    pick: super::records::RowPick<'_>,
    fill: &mut super::records::Fill<'_>,
) -> Result<Begun, NotBegun> {
    let mut record = base_record(rec, Operation::Burn, options);
    record.serial = Some(token.serial.clone());
    record.model = Some(token.model_name().into());
    let start = Start {
        record,
        refuse_if_burned: !rec.reburn,
        pick: Some(pick),
    };
    store.begin(start, fill)
}

/// The shared guard: check, seal, append the start.
struct Starter<'r, 'a> {
    rec: &'r Recording<'a>,
    record: NewRecord,
    secret: Option<&'r [u8]>,
    check_reburn: bool,
    refusal: Option<Refusal>,
    started: bool,
}

impl Starter<'_, '_> {
    fn start(&mut self, token: &IdentifiedToken) -> Result<(), ()> {
        match self.check(token) {
            Ok(()) => Ok(()),
            Err(r) => {
                self.refusal = Some(r);
                Err(())
            }
        }
    }

    fn check(&mut self, token: &IdentifiedToken) -> Result<(), Refusal> {
        if let Some(want) = &self.rec.expect_serial
            && *want != token.serial
        {
            return Err(Refusal::OtherToken {
                found: token.serial.clone(),
            });
        }
        self.record.serial = Some(token.serial.clone());
        self.record.model = Some(token.model_name().into());
        let Some(store) = self.rec.store else {
            return Ok(());
        };
        if self.started {
            return Ok(()); // the caller recorded the start
        }
        let secret = self.secret;
        let vault = self.rec.vault;
        let mut seal = |_row: Option<usize>, r: &mut NewRecord| {
            if let (Some(v), Some(s)) = (vault, secret) {
                let (enc, key) = v.seal(s)?;
                r.secret_enc = Some(enc);
                r.key_id = Some(key);
            }
            Ok(())
        };
        let start = Start {
            record: self.record.clone(),
            refuse_if_burned: self.check_reburn && !self.rec.reburn,
            pick: None,
        };
        match store.begin(start, &mut seal) {
            Ok(begun) => {
                // The outcome row carries the kept secret too (exports read it there).
                if let Some((enc, key)) = begun.sealed {
                    self.record.secret_enc = Some(enc);
                    self.record.key_id = Some(key);
                }
                self.record.op_id = Some(begun.op_id);
                self.started = true;
                Ok(())
            }
            Err(NotBegun::BurnedBefore { when, batch }) => Err(Refusal::BurnedBefore {
                serial: token.serial.clone(),
                when,
                batch,
            }),
            Err(NotBegun::NotSealed(e)) => Err(Refusal::NotSealed(e)),
            Err(NotBegun::Records(e)) => Err(Refusal::NotRecorded(e)),
            Err(NotBegun::NotInStock) => Err(Refusal::NotInStock {
                serial: token.serial.clone(),
            }),
            Err(NotBegun::ListDone) => unreachable!("no row is picked here"),
        }
    }

    /// Append the outcome (after a start), or the failure of an attempt
    /// on an identified token that never started.
    fn finish(mut self, token: Option<&IdentifiedToken>, failure: Option<&BurnError>) -> Finished {
        let Some(store) = self.rec.store else {
            return Finished::default();
        };
        if !self.started && (failure.is_none() || token.is_none()) {
            return Finished::default();
        }
        if let Some(t) = token {
            self.record.serial = Some(t.serial.clone());
            self.record.model = Some(t.model_name().into());
        }
        if self.record.op_id.is_none() {
            self.record.op_id = Some(new_op_id());
        }
        match failure {
            None => self.record.outcome = Outcome::Ok,
            Some(e) => {
                self.record.outcome = Outcome::Failed;
                self.record.error_code = Some(e.cause.code().as_str().into());
                self.record.token_state = Some(e.token_state.into());
            }
        }
        let op_id = self.record.op_id.clone();
        match store.finish_or_spool(&self.record) {
            Ok(Delivery::Recorded | Delivery::AlreadyRecorded) => Finished {
                op_id,
                ..Default::default()
            },
            Ok(Delivery::Spooled(e)) => Finished {
                op_id,
                spooled: Some(e),
                ..Default::default()
            },
            Err(e) => Finished {
                op_id,
                lost: Some(e),
                ..Default::default()
            },
        }
    }
}

/// How an outcome went into the records.
#[derive(Default)]
struct Finished {
    op_id: Option<String>,
    /// Neither recorded nor kept.
    lost: Option<RecordsError>,
    /// Kept on this PC for later delivery.
    spooled: Option<RecordsError>,
}

fn finish<T>(
    mut starter: Starter<'_, '_>,
    result: Result<T, BurnError>,
    token_of: impl Fn(&T) -> &IdentifiedToken,
) -> Recorded<T> {
    let refusal = starter.refusal.take();
    let finished = match &result {
        Ok(r) => starter.finish(Some(token_of(r)), None),
        // Refused before any write with a start the caller recorded: its
        // outcome says the token was not touched (the row goes back).
        Err(e) if refusal.is_some() && starter.started => starter.finish(None, Some(e)),
        Err(_) if refusal.is_some() => Finished::default(),
        Err(e) => starter.finish(e.token.as_deref(), Some(e)),
    };
    let result = match (result, refusal) {
        (Err(e), Some(r)) if e.cause == Failure::Stopped => Err(OperationError::Refused(r)),
        (r, _) => r.map_err(OperationError::Token),
    };
    Recorded {
        result,
        outcome_not_recorded: finished.lost,
        outcome_spooled: finished.spooled,
        op_id: finished.op_id,
    }
}

/// Burn `plan`, recorded: start before the first write, outcome after.
pub fn burn(
    transport: &mut dyn Transport,
    plan: &BurnPlan,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
    rec: &Recording<'_>,
) -> Recorded<BurnReport> {
    let mut starter = Starter {
        rec,
        record: base_record(rec, Operation::Burn, &plan.options),
        secret: Some(plan.secret.bytes()),
        check_reburn: true,
        refusal: None,
        started: rec.begun.is_some(),
    };
    let result = burn::burn_guarded(transport, plan, clock, progress, &mut |t| starter.start(t));
    finish(starter, result, |r| &r.token)
}

/// Set the token's clock (and options), recorded like a burn.
pub fn sync_time(
    transport: &mut dyn Transport,
    options: &TokenOptions,
    allow_unknown_model: bool,
    erase_ok: bool,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
    rec: &Recording<'_>,
) -> Recorded<SyncReport> {
    let mut starter = Starter {
        rec,
        record: base_record(rec, Operation::SyncTime, options),
        secret: None,
        check_reburn: false,
        refusal: None,
        started: rec.begun.is_some(),
    };
    let result = burn::sync_time_guarded(
        transport,
        options,
        allow_unknown_model,
        erase_ok,
        clock,
        progress,
        &mut |t| starter.start(t),
    );
    finish(starter, result, |r| &r.token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::emulator::{EmulatorLink, lock, shared_token};
    use crate::secret::Secret;
    use crate::station::records::Status;
    use std::sync::Arc;

    fn store(name: &str) -> Store {
        let dir = std::env::temp_dir().join(format!("tb-op-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Store::open(&dir.join("records.sqlite"), Some("desk")).unwrap()
    }

    fn plan(byte: u8) -> BurnPlan {
        BurnPlan {
            secret: Secret::new(vec![byte; 20]),
            options: TokenOptions::default(),
            allow_unknown_model: false,
        }
    }

    #[test]
    fn a_burn_is_started_then_finished_and_not_repeated_without_a_choice() {
        let s = store("burn");
        let clock = Arc::new(ManualClock::new(1_800_000_000));
        let token = shared_token("86596220000777", clock.clone(), 1);
        let mut link = EmulatorLink::new(token.clone(), "r0");
        let rec = Recording {
            store: Some(&s),
            reader: "r0".into(),
            ..Default::default()
        };
        let done = burn(&mut link, &plan(1), clock.as_ref(), &mut |_| {}, &rec);
        assert!(done.result.is_ok() && done.outcome_not_recorded.is_none());
        let list = s.list(None).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].outcome, Status::Ok);
        assert_eq!(list[0].serial.as_deref(), Some("86596220000777"));

        // Again: refused, the token keeps its secret.
        let again = burn(&mut link, &plan(2), clock.as_ref(), &mut |_| {}, &rec);
        assert!(matches!(
            again.result,
            Err(OperationError::Refused(Refusal::BurnedBefore { .. }))
        ));
        assert_eq!(lock(&token).seed_for_tests().unwrap(), &[1u8; 20]);
        assert_eq!(s.list(None).unwrap().len(), 1, "a refusal writes nothing");

        // With the explicit choice: burned, recorded as a reburn.
        let rec = Recording {
            reburn: true,
            flags: Flags::of([Flag::Reburn]),
            ..rec
        };
        let third = burn(&mut link, &plan(3), clock.as_ref(), &mut |_| {}, &rec);
        assert!(third.result.is_ok());
        assert_eq!(lock(&token).seed_for_tests().unwrap(), &[3u8; 20]);
        let last = s.list(None).unwrap().pop().unwrap();
        assert_eq!(last.flags, Flags::of([Flag::Reburn]));
    }

    #[test]
    fn a_store_that_cannot_be_written_stops_the_burn_before_any_write() {
        let s = store("ro");
        let clock = Arc::new(ManualClock::new(1_800_000_000));
        let token = shared_token("86596220000778", clock.clone(), 1);
        lock(&token).preload_seed(b"old secret old secre");
        let mut link = EmulatorLink::new(token.clone(), "r0");
        // A read-only connection: every append fails.
        crate::station::records::testing::make_read_only(&s).unwrap();
        let rec = Recording {
            store: Some(&s),
            reader: "r0".into(),
            ..Default::default()
        };
        let done = burn(&mut link, &plan(1), clock.as_ref(), &mut |_| {}, &rec);
        assert!(matches!(
            done.result,
            Err(OperationError::Refused(Refusal::NotRecorded(_)))
        ));
        assert_eq!(
            lock(&token).seed_for_tests().unwrap(),
            b"old secret old secre"
        );
    }
}
