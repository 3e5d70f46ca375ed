//! The device worker: one thread owns every conversation with the token.
//! The UI sends typed requests and reads typed events (with `try_recv` at
//! the start of each frame); the worker asks for a repaint after sending.

use crate::burn::{self, BurnError, BurnPlan, BurnReport, IdentifiedToken, Progress, SyncReport};
pub use crate::card::connector::{Connector, PcscConnector};
use crate::clock::Clock;
pub use crate::emulator::EmulatorConnector;
use crate::params::TokenOptions;
use crate::station::operation::{self, OperationError, Recording, on_reader};
use crate::station::records::{
    Check, Flag, Flags, KnownSerial, RecordsError, Store, StoreLocation,
};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What the UI asks for.
#[derive(Debug)]
pub enum DeviceRequest {
    /// Read serial, model and clock.
    Identify {
        /// Reader name, or the one with a token.
        reader: Option<String>,
    },
    /// Record every later burn and sync in this records file (opened on
    /// the worker thread).
    UseRecords(StoreLocation),
    /// Check the PC clock against these time servers before writing it
    /// (default: the configured ones, `clockcheck::NtpConfig::from_env`).
    UseTimeServers(crate::clockcheck::NtpConfig),
    /// Burn a secret.
    Burn {
        /// Reader name, or the one with a token.
        reader: Option<String>,
        /// What to burn.
        plan: BurnPlan,
        /// The user, for the records (from the link's label).
        upn: Option<String>,
        /// Burn even if the records say this token was burned before.
        reburn: bool,
        /// Write this PC's time even when the time servers say it is off
        /// (the operator's explicit choice; recorded).
        trust_pc_clock: bool,
    },
    /// Compare the PC clock with the time servers (for the token panel).
    CheckPcClock,
    /// Record the technician's code check of a burn (by its operation id).
    RecordCheck {
        /// The burn's operation id.
        op_id: String,
        /// The token's serial.
        serial: String,
        /// What the check found.
        check: Check,
    },
    /// Set the token's clock (and options).
    SyncTime {
        /// Reader name, or the one with a token.
        reader: Option<String>,
        /// Options written with the clock.
        options: TokenOptions,
        /// The user confirmed that the secret may be erased.
        erase_ok: bool,
    },
}

/// What the worker reports.
#[derive(Debug)]
pub enum DeviceEvent {
    /// A step or an APDU.
    Progress(Progress),
    /// Result of an identify.
    Identified(Result<IdentifiedToken, BurnError>),
    /// After an identify, with records in use: the serial against their
    /// known serials (sent after `Identified`, so a slow server never
    /// holds up the token panel; not an answer of its own).
    KnownSerial(String, Result<KnownSerial, Arc<RecordsError>>),
    /// Result of a burn, what to warn about (its outcome not recorded, the
    /// PC clock not verified) and its operation id in the records (None:
    /// not recorded, as for the demo token).
    Burned(
        Result<BurnReport, OperationError>,
        RecordWarning,
        Option<String>,
    ),
    /// A code check recorded (or why it could not be).
    CheckRecorded(Result<(), Arc<RecordsError>>),
    /// Result of a time sync, and a warning when it was not recorded.
    Synced(Result<SyncReport, OperationError>, RecordWarning),
    /// The records file could not be opened (burns are refused until it is).
    RecordsProblem(Arc<RecordsError>),
    /// The PC clock against the time servers, and the limit it is held to.
    PcClock(crate::clockcheck::ClockCheck, std::time::Duration),
}

/// The UI's end of the worker.
pub struct DeviceWorker {
    requests: Sender<DeviceRequest>,
    events: Receiver<DeviceEvent>,
    pending: usize,
}

impl DeviceWorker {
    /// Start the worker thread; `repaint` is called after every event.
    pub fn spawn(
        mut connector: impl Connector,
        clock: Arc<dyn Clock>,
        repaint: impl Fn() + Send + 'static,
    ) -> DeviceWorker {
        let (req_tx, req_rx) = channel::<DeviceRequest>();
        let (ev_tx, ev_rx) = channel::<DeviceEvent>();
        std::thread::Builder::new()
            .name("device".into())
            .spawn(move || {
                let send = |e: DeviceEvent| {
                    let _ = ev_tx.send(e);
                    repaint();
                };
                let mut records: Records = Records::None;
                let mut servers = crate::clockcheck::NtpConfig::from_env();
                while let Ok(request) = req_rx.recv() {
                    match request {
                        DeviceRequest::UseRecords(at) => records = Records::At(at),
                        DeviceRequest::UseTimeServers(s) => servers = s,
                        request => {
                            if let Some(event) = handle(
                                &mut connector,
                                clock.as_ref(),
                                &mut records,
                                &servers,
                                request,
                                &send,
                            ) {
                                send(event);
                            }
                        }
                    }
                }
            })
            .expect("spawn device worker");
        DeviceWorker {
            requests: req_tx,
            events: ev_rx,
            pending: 0,
        }
    }

    /// Queue a request.
    pub fn send(&mut self, request: DeviceRequest) {
        let answered = !matches!(
            request,
            DeviceRequest::UseRecords(_) | DeviceRequest::UseTimeServers(_)
        );
        if self.requests.send(request).is_ok() && answered {
            self.pending += 1;
        }
    }

    /// Whether a request is still being worked on.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// The next event, if one is waiting.
    pub fn try_next(&mut self) -> Option<DeviceEvent> {
        match self.events.try_recv() {
            Ok(e) => {
                if !matches!(e, DeviceEvent::Progress(_) | DeviceEvent::KnownSerial(..)) {
                    self.pending = self.pending.saturating_sub(1);
                }
                Some(e)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }
}

/// The worker's records: none (demo), a file not opened yet, or open.
enum Records {
    None,
    At(StoreLocation),
    Open(Box<Store>),
}

impl Records {
    /// Whether records are in use and may hold any (a records file not
    /// made yet is not made for a look).
    fn may_hold_records(&self) -> bool {
        match self {
            Records::None => false,
            Records::At(at) => at.may_hold_records(),
            Records::Open(_) => true,
        }
    }

    /// Open on first use; Err when the file cannot be opened.
    fn get(&mut self) -> Result<Option<&Store>, Arc<RecordsError>> {
        if let Records::At(at) = self {
            let store = Store::open_at(at, None).map_err(Arc::new)?;
            *self = Records::Open(Box::new(store));
        }
        Ok(match self {
            Records::Open(s) => Some(s),
            _ => None,
        })
    }
}

fn handle(
    connector: &mut impl Connector,
    clock: &dyn Clock,
    records: &mut Records,
    servers: &crate::clockcheck::NtpConfig,
    request: DeviceRequest,
    send: &dyn Fn(DeviceEvent),
) -> Option<DeviceEvent> {
    let mut progress = |p: Progress| send(DeviceEvent::Progress(p));
    Some(match request {
        // Settings for the worker: not answered.
        DeviceRequest::UseRecords(_) | DeviceRequest::UseTimeServers(_) => return None,
        DeviceRequest::Identify { reader } => {
            let read = on_reader(connector, reader.as_deref(), |t| {
                burn::read_info(t, clock, &mut progress)
            });
            let serial = read.as_ref().ok().map(|t| t.serial.clone());
            send(DeviceEvent::Identified(read));
            let serial = serial?;
            if !records.may_hold_records() {
                return None;
            }
            let known = records
                .get()
                .and_then(|s| {
                    s.map(|s| s.known_serial(&serial).map_err(Arc::new))
                        .transpose()
                })
                .transpose()?;
            DeviceEvent::KnownSerial(serial, known)
        }
        DeviceRequest::RecordCheck {
            op_id,
            serial,
            check,
        } => DeviceEvent::CheckRecorded(match records.get() {
            Ok(Some(s)) => s.add_check(&op_id, Some(&serial), check).map_err(Arc::new),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        }),
        DeviceRequest::CheckPcClock => {
            DeviceEvent::PcClock(crate::clockcheck::check_pc_clock(servers), servers.limit)
        }
        DeviceRequest::Burn {
            reader,
            plan,
            upn,
            reburn,
            trust_pc_clock,
        } => {
            let store = match records.get() {
                Ok(s) => s,
                Err(e) => return Some(DeviceEvent::RecordsProblem(e)),
            };
            let verdict = match operation::pc_clock_gate(servers, trust_pc_clock) {
                Ok(v) => v,
                Err(r) => {
                    return Some(DeviceEvent::Burned(
                        Err(OperationError::Refused(r)),
                        RecordWarning::default(),
                        None,
                    ));
                }
            };
            let mut flags: Flags = operation::clock_flag(&verdict).into_iter().collect();
            if reburn {
                flags.extend([Flag::Reburn]);
            }
            // "PC clock not verified" (or overridden) goes with the result.
            let unverified = (verdict.name() != "verified").then(|| verdict.clone());
            let mut not_recorded = None;
            let mut spooled = None;
            let mut op_id = None;
            let result = on_reader(connector, reader.as_deref(), |t| {
                let rec = Recording {
                    store,
                    reader: t.reader_name(),
                    upn,
                    reburn,
                    flags,
                    ..Default::default()
                };
                let done = operation::burn(t, &plan, clock, &mut progress, &rec);
                op_id = done.op_id;
                not_recorded = done.outcome_not_recorded.map(Arc::new);
                spooled = done
                    .outcome_spooled
                    .map(|e| (Arc::new(e), store.map_or(0, |s| s.spooled_outcomes())));
                Ok(done.result)
            });
            DeviceEvent::Burned(
                flatten(result),
                RecordWarning {
                    clock: unverified,
                    not_recorded,
                    spooled,
                },
                op_id,
            )
        }
        DeviceRequest::SyncTime {
            reader,
            options,
            erase_ok,
        } => {
            let store = match records.get() {
                Ok(s) => s,
                Err(e) => return Some(DeviceEvent::RecordsProblem(e)),
            };
            let verdict = match operation::pc_clock_gate(servers, false) {
                Ok(v) => v,
                Err(r) => {
                    return Some(DeviceEvent::Synced(
                        Err(OperationError::Refused(r)),
                        RecordWarning::default(),
                    ));
                }
            };
            let mut not_recorded = None;
            let mut spooled = None;
            let result = on_reader(connector, reader.as_deref(), |t| {
                let rec = Recording {
                    store,
                    reader: t.reader_name(),
                    flags: operation::clock_flag(&verdict).into_iter().collect(),
                    ..Default::default()
                };
                let done =
                    operation::sync_time(t, &options, false, erase_ok, clock, &mut progress, &rec);
                not_recorded = done.outcome_not_recorded.map(Arc::new);
                spooled = done
                    .outcome_spooled
                    .map(|e| (Arc::new(e), store.map_or(0, |s| s.spooled_outcomes())));
                Ok(done.result)
            });
            DeviceEvent::Synced(
                flatten(result),
                RecordWarning {
                    clock: None,
                    not_recorded,
                    spooled,
                },
            )
        }
    })
}

/// What to warn about after a burn or sync, kept typed and put in words
/// when drawn (in the language shown then): its outcome could not be
/// recorded, the PC clock was not verified (or was overridden).
#[derive(Debug, Clone, Default)]
pub struct RecordWarning {
    /// The PC clock's verdict, when it was not "verified".
    pub clock: Option<crate::clockcheck::ClockVerdict>,
    /// Why the outcome could not be recorded.
    pub not_recorded: Option<Arc<RecordsError>>,
    /// The records server could not take the outcome: it waits on this PC
    /// (with how many in all) and goes before the next start.
    pub spooled: Option<(Arc<RecordsError>, usize)>,
}

impl RecordWarning {
    /// The warning in the current language, or None when there is none.
    pub fn words(&self) -> Option<String> {
        let clock = self.clock.as_ref().map(crate::explain::clock_verdict);
        let recorded = self
            .not_recorded
            .as_deref()
            .map(crate::explain::outcome_not_recorded);
        let spooled = self
            .spooled
            .as_ref()
            .map(|(e, n)| crate::explain::outcome_spooled(e, *n));
        let notes: Vec<String> = clock.into_iter().chain(recorded).chain(spooled).collect();
        (!notes.is_empty()).then(|| notes.join(" "))
    }
}

fn flatten<T>(r: Result<Result<T, OperationError>, BurnError>) -> Result<T, OperationError> {
    r.map_err(OperationError::Token).and_then(|x| x)
}
