//! The station loop, the one used by `batch` and by the app's Station view:
//! one loop per reader (each on its own thread, sharing the records and the
//! secrets to hand out), each waiting for a token, identifying it, deciding
//! from the records what it gets, burning it through the one operation path
//! ([`super::operation`]), and waiting for it to be lifted. No click needed.
//!
//! The records are the memory, not the process:
//! - a user-list row that was started or burned (in any run) is never
//!   handed to another token; the same list started again continues after
//!   the rows done (`start_row` overrides that, with a warning);
//! - a serial burned successfully before (any run, any front-end) is not
//!   burned again unless `reburn` is set; one burned in this run never;
//! - a serial whose last burn was interrupted or failed after a write is
//!   finished with the same secret when it is kept (sealed in its start
//!   record, or in the user list);
//! - the stop flag is looked at only between tokens, so a token is never
//!   left between its clock/options write and its secret write by a stop.

pub use super::batch::{
    BatchConfig, BatchSource, BatchSummary, HandedSecret, NextUp, StationError, StationEvent,
};
use super::operation::{self, OperationError, Recording, Refusal};
pub use super::presence::{
    PolledPresence, Presence, ReaderLoop, WatchedPresence, pcsc_reader_loops,
};
use super::records::{Record, Store};
use super::source::random_secret;
use crate::burn::{self, BurnPlan, ErrorCode, IdentifiedToken};
use crate::card::connector::Connector;
use crate::clock::Clock;
use crate::secret::Secret;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

/// What a claim hands out.
enum Claim {
    Random,
    Row(usize),
    Handed,
}

/// The secrets still to hand out, shared by the readers' loops.
struct Allocator {
    claimed: Vec<bool>,
    cursor: usize,
    issued: usize,
    in_flight: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

struct Shared<'a> {
    config: &'a BatchConfig,
    store: &'a Store,
    clock: &'a dyn Clock,
    alloc: Mutex<Allocator>,
    this_run: Mutex<Vec<String>>,
    summary: Mutex<BatchSummary>,
    fatal: Mutex<Option<StationError>>,
    halt: AtomicBool,
    stop: &'a AtomicBool,
    on_event: &'a (dyn Fn(StationEvent) + Sync),
}

/// What a token laid on the reader gets.
enum Decision {
    Skip(Box<StationEvent>),
    Burn(Box<Job>),
}

struct Job {
    secret: Secret,
    claim: Option<Claim>,
    upn: Option<String>,
    list: Option<(String, usize)>,
    flags: Vec<&'static str>,
    resumed: bool,
}

impl Shared<'_> {
    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || self.halt.load(Ordering::SeqCst) || self.finished()
    }

    fn finished(&self) -> bool {
        let a = lock(&self.alloc);
        let nothing_left = match &self.config.source {
            BatchSource::Random { count: Some(c) } => a.issued >= *c,
            BatchSource::Random { count: None } | BatchSource::Handed(_) => false,
            BatchSource::Users { rows, .. } => (a.cursor..rows.len()).all(|i| a.claimed[i]),
        };
        // A token left unfinished keeps the batch open until it is laid
        // on again (or the operator stops).
        nothing_left && a.in_flight == 0 && lock(&self.summary).in_doubt.is_empty()
    }

    fn fail(&self, e: StationError) {
        let mut f = lock(&self.fatal);
        if f.is_none() {
            *f = Some(e);
        }
        self.halt.store(true, Ordering::SeqCst);
    }

    fn label(&self) -> NextUp {
        let a = lock(&self.alloc);
        match &self.config.source {
            BatchSource::Random { count } => NextUp::Token {
                number: a.issued + 1,
                of: *count,
            },
            BatchSource::Users { rows, .. } => (a.cursor..rows.len())
                .find(|i| !a.claimed[*i])
                .map_or(NextUp::ListDone, |i| NextUp::User(rows[i].upn.clone())),
            BatchSource::Handed(_) => NextUp::ScannedUser,
        }
    }

    fn claim(&self) -> Option<Claim> {
        let mut a = lock(&self.alloc);
        let claim = match &self.config.source {
            BatchSource::Random { count } => {
                if count.is_some_and(|c| a.issued >= c) {
                    return None;
                }
                a.issued += 1;
                Claim::Random
            }
            BatchSource::Users { rows, .. } => {
                let i = (a.cursor..rows.len()).find(|i| !a.claimed[*i])?;
                a.claimed[i] = true;
                Claim::Row(i)
            }
            BatchSource::Handed(_) => Claim::Handed,
        };
        a.in_flight += 1;
        Some(claim)
    }

    /// Give a claim back (nothing was written and no start recorded).
    fn release(&self, claim: &Claim) {
        let mut a = lock(&self.alloc);
        match claim {
            Claim::Random => a.issued = a.issued.saturating_sub(1),
            Claim::Row(i) => a.claimed[*i] = false,
            Claim::Handed => {}
        }
    }

    fn settle(&self) {
        let mut a = lock(&self.alloc);
        a.in_flight = a.in_flight.saturating_sub(1);
    }

    /// Decide from the records (inside the token's transaction).
    fn decide(&self, reader: &str, token: &IdentifiedToken) -> Result<Decision, StationError> {
        let serial = token.serial.clone();
        if lock(&self.this_run).contains(&serial) {
            let last = self.store.last_ok_burn(&serial)?;
            return Ok(Decision::Skip(Box::new(StationEvent::AlreadyBurned {
                reader: reader.into(),
                serial,
                when: last.as_ref().map_or(0, |r| r.time),
                batch: last.and_then(|r| r.batch),
                this_run: true,
            })));
        }
        let latest = self.store.last_for_serial(&serial)?;
        if let Some(r) = latest.as_ref().filter(|r| r.token_in_doubt()) {
            return self.resume(reader, r).map(|j| Decision::Burn(Box::new(j)));
        }
        let mut flags = Vec::new();
        if let Some(r) = latest.as_ref().filter(|r| r.burned_ok()) {
            if !self.config.reburn {
                return Ok(Decision::Skip(Box::new(StationEvent::AlreadyBurned {
                    reader: reader.into(),
                    serial,
                    when: r.time,
                    batch: r.batch.clone(),
                    this_run: false,
                })));
            }
            flags.push("reburn");
        }
        if let BatchSource::Handed(slot) = &self.config.source
            && lock(slot).is_none()
        {
            return Ok(Decision::Skip(Box::new(StationEvent::NeedSecret {
                reader: reader.into(),
                serial,
            })));
        }
        let Some(claim) = self.claim() else {
            return Ok(Decision::Skip(Box::new(StationEvent::Waiting {
                reader: reader.into(),
                next: NextUp::BatchDone,
            })));
        };
        let job = match (&claim, &self.config.source) {
            (Claim::Row(i), BatchSource::Users { rows, list_id }) => Job {
                secret: match &rows[*i].secret {
                    Some(s) => s.clone(),
                    None => random_secret().inspect_err(|_| self.release(&claim))?,
                },
                upn: Some(rows[*i].upn.clone()),
                list: Some((list_id.clone(), *i)),
                claim: Some(claim),
                flags,
                resumed: false,
            },
            (Claim::Handed, BatchSource::Handed(slot)) => {
                let Some((secret, upn)) = lock(slot).take() else {
                    self.settle();
                    return Ok(Decision::Skip(Box::new(StationEvent::NeedSecret {
                        reader: reader.into(),
                        serial,
                    })));
                };
                Job {
                    secret,
                    upn,
                    list: None,
                    claim: Some(claim),
                    flags,
                    resumed: false,
                }
            }
            _ => Job {
                secret: random_secret().inspect_err(|_| self.release(&claim))?,
                upn: None,
                list: None,
                claim: Some(claim),
                flags,
                resumed: false,
            },
        };
        Ok(Decision::Burn(Box::new(job)))
    }

    /// Finish a token whose last burn was interrupted or failed after a write.
    fn resume(&self, reader: &str, last: &Record) -> Result<Job, StationError> {
        let kept = match (&self.config.vault, last.op_id.as_deref()) {
            (Some(v), Some(op)) => match self.store.sealed_secret(op)? {
                Some((blob, key)) => v.unseal(key, &blob).ok().map(Secret::from_zeroizing),
                None => None,
            },
            _ => None,
        };
        let listed = match (&self.config.source, &last.list_id, last.list_row) {
            (BatchSource::Users { rows, list_id }, Some(id), Some(row)) if id == list_id => {
                rows.get(row.max(0) as usize).and_then(|r| r.secret.clone())
            }
            _ => None,
        };
        let same = kept.or(listed);
        let same_secret = same.is_some();
        let secret = match same {
            Some(s) => s,
            None => random_secret()?,
        };
        (self.on_event)(StationEvent::Resuming {
            reader: reader.into(),
            serial: last.serial.clone().unwrap_or_default(),
            when: last.time,
            upn: last.upn.clone(),
            same_secret,
        });
        Ok(Job {
            secret,
            claim: None,
            upn: last.upn.clone(),
            list: last
                .list_id
                .clone()
                .zip(last.list_row.map(|r| r.max(0) as usize)),
            flags: vec!["resumed"],
            resumed: true,
        })
    }
}

/// How one token went.
enum Turn {
    Skipped(StationEvent),
    Done {
        job: Box<Job>,
        recorded: operation::Recorded<burn::BurnReport>,
    },
}

fn one_token(
    shared: &Shared<'_>,
    reader: &str,
    connector: &mut dyn Connector,
) -> Result<Turn, crate::burn::BurnError> {
    let clock = shared.clock;
    // Every burn writes the PC's time: checked first (cached for minutes).
    let clock_flag = match operation::pc_clock_gate(&shared.config.time_servers, false) {
        Ok(v) => operation::clock_flag(&v),
        Err(Refusal::PcClockOff(off)) => {
            shared.fail(StationError::PcClockOff(off));
            return Ok(Turn::Skipped(StationEvent::LiftIt {
                reader: reader.into(),
            }));
        }
        Err(_) => None,
    };
    operation::on_reader(connector, Some(reader), |t| {
        let token = burn::read_info(t, clock, &mut |_| {})?;
        let decision = match shared.decide(reader, &token) {
            Ok(d) => d,
            Err(e) => {
                shared.fail(e);
                return Ok(Turn::Skipped(StationEvent::LiftIt {
                    reader: reader.into(),
                }));
            }
        };
        let job = match decision {
            Decision::Skip(e) => return Ok(Turn::Skipped(*e)),
            Decision::Burn(job) => job,
        };
        let plan = BurnPlan {
            secret: job.secret.clone(),
            options: shared.config.options,
            allow_unknown_model: false,
        };
        let mut flags = job.flags.clone();
        flags.extend(clock_flag);
        let rec = Recording {
            store: Some(shared.store),
            vault: shared.config.vault.as_ref(),
            reader: reader.into(),
            batch: Some(shared.config.batch_id.clone()),
            upn: job.upn.clone(),
            list: job.list.clone(),
            reburn: job.flags.contains(&"reburn") || job.resumed,
            expect_serial: Some(token.serial.clone()),
            flags,
        };
        let recorded = operation::burn(t, &plan, clock, &mut |_| {}, &rec);
        Ok(Turn::Done { job, recorded })
    })
}

fn reader_loop(shared: &Shared<'_>, mut parts: ReaderLoop) {
    let reader = parts.reader.clone();
    let emit = |e: StationEvent| (shared.on_event)(e);
    let stopping = || shared.stopping();
    loop {
        if shared.stopping() {
            break;
        }
        emit(StationEvent::Waiting {
            reader: reader.clone(),
            next: shared.label(),
        });
        match parts.presence.wait_placed(&stopping) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                shared.fail(e);
                break;
            }
        }
        let placed = Instant::now();
        let turn = one_token(shared, &reader, parts.connector.as_mut());
        let mut wait_for_secret = false;
        match turn {
            Ok(Turn::Skipped(e)) => {
                match &e {
                    StationEvent::AlreadyBurned { .. } => lock(&shared.summary).refused += 1,
                    StationEvent::NeedSecret { .. } => wait_for_secret = true,
                    _ => {}
                }
                emit(e);
            }
            Ok(Turn::Done { job, recorded }) => {
                finish_token(shared, &reader, placed, *job, recorded)
            }
            Err(e) => {
                // The token could not even be read: nothing was written.
                lock(&shared.summary).failed += 1;
                emit(StationEvent::Failed {
                    reader: reader.clone(),
                    serial: e.token.as_ref().map(|t| t.serial.clone()),
                    code: e.cause.code(),
                    token_state: e.token_state,
                    error: Arc::new(OperationError::Token(e)),
                });
            }
        }
        if wait_for_secret {
            let handed = || match &shared.config.source {
                BatchSource::Handed(slot) => lock(slot).is_some(),
                _ => true,
            };
            let _ = parts.presence.wait_lifted(&|| stopping() || handed());
            continue;
        }
        emit(StationEvent::LiftIt {
            reader: reader.clone(),
        });
        // Lifting is waited for even when stopping (but not when halted by
        // a failure), so the next start does not see this token at once.
        let halted = || shared.halt.load(Ordering::SeqCst) || shared.stop.load(Ordering::SeqCst);
        if let Err(e) = parts.presence.wait_lifted(&halted) {
            shared.fail(e);
            break;
        }
    }
}

fn finish_token(
    shared: &Shared<'_>,
    reader: &str,
    placed: Instant,
    job: Job,
    recorded: operation::Recorded<burn::BurnReport>,
) {
    let emit = |e: StationEvent| (shared.on_event)(e);
    let not_recorded = recorded.outcome_not_recorded.map(Arc::new);
    match recorded.result {
        Ok(report) => {
            shared.settle();
            let serial = report.token.serial.clone();
            lock(&shared.this_run).push(serial.clone());
            {
                let mut s = lock(&shared.summary);
                s.burned += 1;
                s.resumed += usize::from(job.resumed);
                s.in_doubt.retain(|x| *x != serial);
            }
            emit(StationEvent::Burned {
                reader: reader.into(),
                token: report.token,
                upn: job.upn,
                row: job.list.map(|(_, r)| r),
                code: report.codes.current,
                secret: job.secret,
                options: report.options,
                took: placed.elapsed(),
                resumed: job.resumed,
                not_recorded: not_recorded.clone(),
            });
        }
        Err(e) => {
            let started = recorded.op_id.is_some() && e.token_state().is_touched();
            if let Some(claim) = &job.claim {
                // A start was recorded (the row belongs to that token now)
                // unless nothing was written and nothing recorded.
                if !started && recorded.op_id.is_none() {
                    shared.release(claim);
                }
            }
            shared.settle();
            let e = Arc::new(e);
            if let OperationError::Refused(Refusal::NotRecorded(_) | Refusal::NotSealed(_)) = &*e {
                shared.fail(StationError::Refused(e.clone()));
            }
            let serial = e.token().map(|t| t.serial.clone());
            let code = match &*e {
                OperationError::Token(b) => b.cause.code(),
                OperationError::Refused(_) => ErrorCode::Stopped,
            };
            {
                let mut s = lock(&shared.summary);
                s.failed += 1;
                if let (Some(serial), true) = (&serial, e.token_state().is_touched())
                    && !s.in_doubt.contains(serial)
                {
                    s.in_doubt.push(serial.clone());
                }
            }
            emit(StationEvent::Failed {
                reader: reader.into(),
                serial,
                code,
                token_state: e.token_state(),
                error: e,
            });
        }
    }
    if not_recorded.is_some() {
        shared.halt.store(true, Ordering::SeqCst);
    }
}

/// Run a batch on these readers (one loop each) until the list is done,
/// the count is reached, or `stop` is set (looked at between tokens only).
pub fn run_batch(
    config: &BatchConfig,
    store: &Store,
    readers: Vec<ReaderLoop>,
    clock: &dyn Clock,
    stop: &AtomicBool,
    on_event: &(dyn Fn(StationEvent) + Sync),
) -> Result<BatchSummary, StationError> {
    let mut alloc = Allocator {
        claimed: Vec::new(),
        cursor: 0,
        issued: 0,
        in_flight: 0,
    };
    if let BatchSource::Users { rows, list_id } = &config.source {
        alloc.claimed = vec![false; rows.len()];
        let done = store.claimed_rows(list_id)?;
        match config.start_row {
            Some(start) => {
                alloc.cursor = start.min(rows.len());
                let again: Vec<usize> = done
                    .iter()
                    .map(|(r, _)| *r)
                    .filter(|r| *r >= start)
                    .collect();
                on_event(StationEvent::StartRowOverride {
                    row: start,
                    done_again: again,
                });
            }
            None => {
                for (r, _) in &done {
                    if let Some(c) = alloc.claimed.get_mut(*r) {
                        *c = true;
                    }
                }
                if !done.is_empty() {
                    on_event(StationEvent::Continuing {
                        done: done.iter().map(|(r, _)| *r).collect(),
                        last: done.iter().map(|(_, rec)| rec.time).max().unwrap_or(0),
                        next: alloc.claimed.iter().position(|c| !c),
                    });
                }
            }
        }
    }
    let shared = Shared {
        config,
        store,
        clock,
        alloc: Mutex::new(alloc),
        this_run: Mutex::new(Vec::new()),
        summary: Mutex::new(BatchSummary::default()),
        fatal: Mutex::new(None),
        halt: AtomicBool::new(false),
        stop,
        on_event,
    };
    std::thread::scope(|scope| {
        for parts in readers {
            let shared = &shared;
            scope.spawn(move || reader_loop(shared, parts));
        }
    });
    if let Some(e) = lock(&shared.fatal).take() {
        return Err(e);
    }
    let mut summary = lock(&shared.summary).clone();
    if let BatchSource::Users { rows, .. } = &config.source {
        let a = lock(&shared.alloc);
        summary.rows_left = (0..rows.len()).filter(|i| !a.claimed[*i]).collect();
    }
    Ok(summary)
}
