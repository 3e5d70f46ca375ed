//! The device worker: one thread owns every conversation with the token.
//! The UI sends typed requests and reads typed events (with `try_recv` at
//! the start of each frame); the worker asks for a repaint after sending.

use crate::burn::{
    self, BurnError, BurnPlan, BurnReport, Failure, IdentifiedToken, Progress, Step, SyncReport,
    TokenState,
};
use crate::card::TransportError;
pub use crate::card::connector::{Connector, EmulatorConnector, PcscConnector};
use crate::clock::Clock;
use crate::params::TokenOptions;
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
    /// Burn a secret.
    Burn {
        /// Reader name, or the one with a token.
        reader: Option<String>,
        /// What to burn.
        plan: BurnPlan,
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
    /// Result of a burn.
    Burned(Result<BurnReport, BurnError>),
    /// Result of a time sync.
    Synced(Result<SyncReport, BurnError>),
}

fn not_reached(e: TransportError) -> BurnError {
    BurnError {
        step: Step::Identify,
        cause: Failure::Transport(e),
        token_state: TokenState::Untouched,
        token: None,
    }
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
                while let Ok(request) = req_rx.recv() {
                    let event = handle(&mut connector, clock.as_ref(), request, &send);
                    send(event);
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
        if self.requests.send(request).is_ok() {
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
                if !matches!(e, DeviceEvent::Progress(_)) {
                    self.pending = self.pending.saturating_sub(1);
                }
                Some(e)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }
}

fn handle(
    connector: &mut impl Connector,
    clock: &dyn Clock,
    request: DeviceRequest,
    send: &dyn Fn(DeviceEvent),
) -> DeviceEvent {
    let mut progress = |p: Progress| send(DeviceEvent::Progress(p));
    match request {
        DeviceRequest::Identify { reader } => {
            let mut out = None;
            let r = connector.run(reader.as_deref(), &mut |t| {
                out = Some(burn::read_info(t, clock, &mut progress));
            });
            DeviceEvent::Identified(
                r.map_err(not_reached).and_then(|()| {
                    out.unwrap_or_else(|| Err(not_reached(TransportError::NoToken)))
                }),
            )
        }
        DeviceRequest::Burn { reader, plan } => {
            let mut out = None;
            let r = connector.run(reader.as_deref(), &mut |t| {
                out = Some(burn::burn(t, &plan, clock, &mut progress));
            });
            DeviceEvent::Burned(
                r.map_err(not_reached).and_then(|()| {
                    out.unwrap_or_else(|| Err(not_reached(TransportError::NoToken)))
                }),
            )
        }
        DeviceRequest::SyncTime {
            reader,
            options,
            erase_ok,
        } => {
            let mut out = None;
            let r = connector.run(reader.as_deref(), &mut |t| {
                out = Some(burn::sync_time(
                    t,
                    &options,
                    false,
                    erase_ok,
                    clock,
                    &mut progress,
                ));
            });
            DeviceEvent::Synced(
                r.map_err(not_reached).and_then(|()| {
                    out.unwrap_or_else(|| Err(not_reached(TransportError::NoToken)))
                }),
            )
        }
    }
}
