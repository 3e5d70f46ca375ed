//! The station loop, the one used by `batch` and by the app's Station view:
//! one loop per reader (each on its own thread, sharing the records and the
//! secrets to hand out), each waiting for a token, identifying it, deciding
//! from the records what it gets, burning it through the one operation path
//! ([`super::operation`]), and waiting for it to be lifted. No click needed.
//!
//! The records are the memory, not the process:
//! - a user-list row that was started or burned (in any run, by any
//!   process on the same records) is never handed to another token: the
//!   row is claimed in the same store transaction as the token's start, so
//!   two stations on one list take distinct rows; the same list started
//!   again continues after the rows done (`start_row` overrides that, with
//!   a warning);
//! - a serial burned successfully before (any run, any front-end) is not
//!   burned again unless `reburn` is set; one burned in this run never;
//! - a serial whose last burn was interrupted or failed after a write is
//!   finished with the same secret when it is kept (sealed in its start
//!   record, or in the user list);
//! - the stop flag is looked at only between tokens, so a token is never
//!   left between its clock/options write and its secret write by a stop.

mod finish;
mod list;

pub use super::batch::{
    BatchConfig, BatchSource, BatchSummary, HandedSecret, NextUp, StationError, StationEvent,
};
use super::operation::{self, OperationError, Recording, Refusal};
pub use super::presence::{
    PolledPresence, Presence, ReaderLoop, WatchedPresence, pcsc_reader_loops,
};
use super::records::{Begun, Flag, Flags, Record, RecordsError, Store};
use super::source::random_secret;
use crate::burn::{self, BurnPlan, IdentifiedToken};
use crate::card::connector::Connector;
use crate::clock::Clock;
use crate::secret::Secret;
use finish::finish_token;
use list::ListView;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What a claim hands out.
enum Claim {
    Random,
    Row,
    Handed,
}

/// This run's count of tokens (random batches stop after `count`).
struct Counter {
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
    count: Mutex<Counter>,
    list: Mutex<ListView>,
    this_run: Mutex<Vec<String>>,
    summary: Mutex<BatchSummary>,
    fatal: Mutex<Option<StationError>>,
    halt: AtomicBool,
    stop: &'a AtomicBool,
    on_event: &'a (dyn Fn(StationEvent) + Sync),
    /// Since when the records cannot be reached (None: they can).
    records_down: Mutex<Option<Instant>>,
}

/// How long a station waits before trying an unreachable records server again.
const RECORDS_RETRY: Duration = Duration::from_secs(2);

/// What a token laid on the reader gets.
enum Decision {
    Skip(Box<StationEvent>),
    Burn(Box<Job>),
}

struct Job {
    secret: Secret,
    claim: Option<Claim>,
    /// The start, when the station recorded it (a user-list row).
    begun: Option<Begun>,
    upn: Option<String>,
    list: Option<(String, usize)>,
    flags: Flags,
    resumed: bool,
}

impl Shared<'_> {
    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || self.halt.load(Ordering::SeqCst) || self.finished()
    }

    fn finished(&self) -> bool {
        let nothing_left = match &self.config.source {
            BatchSource::Random { count: Some(c) } => lock(&self.count).issued >= *c,
            BatchSource::Random { count: None } | BatchSource::Handed(_) => false,
            BatchSource::Users { .. } => self.next_row(false).is_none(),
        };
        // A token left unfinished keeps the batch open until it is laid
        // on again (or the operator stops).
        nothing_left && lock(&self.count).in_flight == 0 && lock(&self.summary).in_doubt.is_empty()
    }

    /// The records cannot be reached: say so (with how long) instead of
    /// stopping; the token on `reader` is untouched.
    fn records_waiting(&self, reader: &str, error: RecordsError) -> StationEvent {
        let since = *lock(&self.records_down).get_or_insert_with(Instant::now);
        StationEvent::RecordsWaiting {
            reader: reader.into(),
            error: Arc::new(error),
            waited: since.elapsed(),
        }
    }

    fn fail(&self, e: StationError) {
        let mut f = lock(&self.fatal);
        if f.is_none() {
            *f = Some(e);
        }
        self.halt.store(true, Ordering::SeqCst);
    }

    fn label(&self) -> NextUp {
        match &self.config.source {
            BatchSource::Random { count } => NextUp::Token {
                number: lock(&self.count).issued + 1,
                of: *count,
            },
            BatchSource::Users { rows, .. } => self
                .next_row(true)
                .map_or(NextUp::ListDone, |i| NextUp::User(rows[i].upn.clone())),
            BatchSource::Handed(_) => NextUp::ScannedUser,
        }
    }

    /// Count a token of this run (random batches: up to `count`).
    fn claim(&self) -> Option<Claim> {
        let mut a = lock(&self.count);
        let claim = match &self.config.source {
            BatchSource::Random { count } => {
                if count.is_some_and(|c| a.issued >= c) {
                    return None;
                }
                a.issued += 1;
                Claim::Random
            }
            BatchSource::Users { .. } => Claim::Row,
            BatchSource::Handed(_) => Claim::Handed,
        };
        a.in_flight += 1;
        Some(claim)
    }

    /// Give a count back (nothing was written and no start recorded). A
    /// list row goes back in the store, with the outcome of its start.
    fn release(&self, claim: &Claim) {
        if let Claim::Random = claim {
            let mut a = lock(&self.count);
            a.issued = a.issued.saturating_sub(1);
        }
    }

    fn settle(&self) {
        let mut a = lock(&self.count);
        a.in_flight = a.in_flight.saturating_sub(1);
    }

    /// Decide from the records (inside the token's transaction).
    fn decide(
        &self,
        reader: &str,
        token: &IdentifiedToken,
        clock_flag: Option<Flag>,
    ) -> Result<Decision, StationError> {
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
        let mut flags = Flags::default();
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
            flags.extend([Flag::Reburn]);
        }
        if let BatchSource::Handed(slot) = &self.config.source
            && lock(slot).is_none()
        {
            return Ok(Decision::Skip(Box::new(StationEvent::NeedSecret {
                reader: reader.into(),
                serial,
            })));
        }
        if let BatchSource::Users { .. } = &self.config.source {
            return self.begin_row(reader, token, &flags, clock_flag);
        }
        let Some(claim) = self.claim() else {
            return Ok(Decision::Skip(Box::new(StationEvent::Waiting {
                reader: reader.into(),
                next: NextUp::BatchDone,
            })));
        };
        let job = match (&claim, &self.config.source) {
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
                    begun: None,
                    flags,
                    resumed: false,
                }
            }
            _ => Job {
                secret: random_secret().inspect_err(|_| {
                    self.release(&claim);
                    self.settle();
                })?,
                upn: None,
                list: None,
                claim: Some(claim),
                begun: None,
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
            begun: None,
            flags: Flags::of([Flag::Resumed]),
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
        let decision = match shared.decide(reader, &token, clock_flag) {
            Ok(d) => d,
            Err(StationError::Records(e)) if e.is_unreachable() => {
                return Ok(Turn::Skipped(shared.records_waiting(reader, e)));
            }
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
            reburn: job.flags.contains(Flag::Reburn) || job.resumed,
            expect_serial: Some(token.serial.clone()),
            flags,
            begun: job.begun.clone(),
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
        let mut retry = false;
        match turn {
            Ok(Turn::Skipped(e)) => {
                match &e {
                    StationEvent::AlreadyBurned { .. } => lock(&shared.summary).refused += 1,
                    StationEvent::NeedSecret { .. } => wait_for_secret = true,
                    StationEvent::RecordsWaiting { .. } => retry = true,
                    _ => {}
                }
                emit(e);
            }
            Ok(Turn::Done { job, recorded }) => {
                retry = finish_token(shared, &reader, placed, *job, recorded);
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
        if retry {
            // The same token again, once the records answer: nothing was
            // written to it, and it stays on the reader.
            let until = Instant::now() + RECORDS_RETRY;
            while Instant::now() < until && !shared.stopping() {
                std::thread::sleep(Duration::from_millis(50));
            }
            continue;
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
    let mut list = ListView {
        taken: Vec::new(),
        from: 0,
        since: None,
        read_at: None,
    };
    if let BatchSource::Users { rows, list_id } = &config.source {
        list.taken = vec![false; rows.len()];
        match config.start_row {
            Some(start) => {
                let again: Vec<usize> = store
                    .taken_rows(list_id, None)?
                    .iter()
                    .map(|(r, _)| *r)
                    .filter(|r| *r >= start)
                    .collect();
                list.from = start.min(rows.len());
                // Rows taken before this run are burned again on purpose;
                // rows taken from now on (here or at another station) not.
                list.since = Some(store.claims_mark()?);
                on_event(StationEvent::StartRowOverride {
                    row: start,
                    done_again: again,
                });
            }
            None => {
                let done = store.taken_rows(list_id, None)?;
                for (r, _) in &done {
                    if let Some(c) = list.taken.get_mut(*r) {
                        *c = true;
                    }
                }
                if !done.is_empty() {
                    on_event(StationEvent::Continuing {
                        done: done.iter().map(|(r, _)| *r).collect(),
                        last: done.iter().map(|(_, time)| *time).max().unwrap_or(0),
                        next: list.taken.iter().position(|c| !c),
                    });
                }
                list.read_at = Some(Instant::now());
            }
        }
    }
    let shared = Shared {
        config,
        store,
        clock,
        count: Mutex::new(Counter {
            issued: 0,
            in_flight: 0,
        }),
        list: Mutex::new(list),
        this_run: Mutex::new(Vec::new()),
        summary: Mutex::new(BatchSummary::default()),
        fatal: Mutex::new(None),
        halt: AtomicBool::new(false),
        stop,
        on_event,
        records_down: Mutex::new(None),
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
    if let BatchSource::Users { list_id, .. } = &config.source {
        let since = lock(&shared.list).since;
        let taken = store.taken_rows(list_id, since)?;
        let v = lock(&shared.list);
        summary.rows_left = (v.from..v.taken.len())
            .filter(|i| !taken.iter().any(|(r, _)| r == i))
            .collect();
    }
    Ok(summary)
}
