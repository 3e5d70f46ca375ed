//! PC/SC readers through the `pcsc` crate (pcsc-lite on Linux, WinSCard on
//! Windows): list readers with their state, connect to the chosen one
//! (retrying while a just-switched-on token wakes up), and exchange APDUs
//! inside one PC/SC transaction per operation. Every PC/SC failure becomes
//! a [`TransportError`].

use super::select::{ReaderInfo, ReaderState, choose_reader};
use super::transport::exchange_with_continuations;
use super::{Transport, TransportError};
use pcsc::{Card, Context, Protocols, Scope, ShareMode, State};
use std::ffi::CString;
use std::time::{Duration, Instant};

/// How long a connect is retried for a token that is still waking up.
pub const CONNECT_PATIENCE: Duration = Duration::from_secs(2);

/// Where in the conversation a PC/SC error happened: the same error means
/// different things before and during an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Setup,
    Connect,
    Exchange,
}

fn map_error(e: pcsc::Error, phase: Phase) -> TransportError {
    use pcsc::Error as E;
    match e {
        E::NoService | E::ServiceStopped | E::UnknownResMng | E::Shutdown => {
            TransportError::ServiceUnavailable
        }
        // A service that cannot even open a context is as good as absent:
        // Wine's winscard.dll is a stub that answers every call this way.
        E::InternalError if phase == Phase::Setup => TransportError::ServiceUnavailable,
        E::NoReadersAvailable => TransportError::NoReader,
        E::ReaderUnavailable | E::UnknownReader => TransportError::ReaderRemoved,
        E::NoSmartcard | E::UnpoweredCard | E::UnresponsiveCard if phase != Phase::Exchange => {
            TransportError::NoToken
        }
        E::NoSmartcard
        | E::UnpoweredCard
        | E::UnresponsiveCard
        | E::RemovedCard
        | E::ResetCard
        | E::CommError
        | E::CommDataLost
        | E::NotTransacted => TransportError::TokenRemoved,
        E::SharingViolation => TransportError::ReaderBusy,
        E::Timeout | E::WaitedTooLong => TransportError::Timeout,
        other => TransportError::Other {
            detail: other.to_string(),
        },
    }
}

fn state_of(flags: State, atr: &[u8]) -> ReaderState {
    if flags.intersects(State::UNAVAILABLE | State::UNKNOWN | State::IGNORE) {
        ReaderState::Unavailable
    } else if flags.contains(State::MUTE) {
        ReaderState::Mute
    } else if flags.contains(State::PRESENT) && flags.contains(State::EXCLUSIVE) {
        ReaderState::InUse { atr: atr.to_vec() }
    } else if flags.contains(State::PRESENT) {
        ReaderState::TokenPresent { atr: atr.to_vec() }
    } else {
        ReaderState::Empty
    }
}

/// A connection to the PC/SC service.
pub struct PcscReaders {
    ctx: Context,
}

impl PcscReaders {
    /// Connect to the smart-card service.
    pub fn establish() -> Result<PcscReaders, TransportError> {
        let ctx = Context::establish(Scope::User).map_err(|e| map_error(e, Phase::Setup))?;
        Ok(PcscReaders { ctx })
    }

    /// Every reader and what it holds.
    pub fn list(&self) -> Result<Vec<ReaderInfo>, TransportError> {
        let names = match self.ctx.list_readers_owned() {
            Ok(n) => n,
            Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
            Err(e) => return Err(map_error(e, Phase::Setup)),
        };
        let mut states: Vec<pcsc::ReaderState> = names
            .iter()
            .map(|n| pcsc::ReaderState::new(n.clone(), State::UNAWARE))
            .collect();
        if !states.is_empty() {
            self.ctx
                .get_status_change(Duration::ZERO, &mut states)
                .map_err(|e| map_error(e, Phase::Setup))?;
        }
        Ok(states
            .iter()
            .map(|s| ReaderInfo {
                name: s.name().to_string_lossy().into_owned(),
                state: state_of(s.event_state(), s.atr()),
            })
            .collect())
    }

    /// Wait (without spinning) until some reader changes or `timeout` passes.
    fn wait_for_change(&self, readers: &[ReaderInfo], timeout: Duration) {
        let mut states: Vec<pcsc::ReaderState> = readers
            .iter()
            .filter_map(|r| CString::new(r.name.clone()).ok())
            .map(|n| pcsc::ReaderState::new(n, State::UNAWARE))
            .collect();
        if states.is_empty()
            || self
                .ctx
                .get_status_change(Duration::ZERO, &mut states)
                .is_err()
        {
            std::thread::sleep(timeout.min(Duration::from_millis(100)));
            return;
        }
        for s in &mut states {
            s.sync_current_state();
        }
        let _ = self.ctx.get_status_change(timeout, &mut states);
    }

    /// Connect to the reader `wanted` names (or the one holding a token),
    /// retrying for [`CONNECT_PATIENCE`] while no token answers yet.
    pub fn open(&self, wanted: Option<&str>) -> Result<PcscCard, TransportError> {
        let start = Instant::now();
        loop {
            let readers = self.list()?;
            let attempt = choose_reader(&readers, wanted).and_then(|r| self.connect(&r.name));
            match attempt {
                Err(TransportError::NoToken) if start.elapsed() < CONNECT_PATIENCE => {
                    self.wait_for_change(
                        &readers,
                        CONNECT_PATIENCE.saturating_sub(start.elapsed()),
                    );
                }
                other => return other,
            }
        }
    }

    /// Connect to the token on `reader` (shared mode, T=0 or T=1).
    pub fn connect(&self, reader: &str) -> Result<PcscCard, TransportError> {
        let name = CString::new(reader).map_err(|_| TransportError::UnknownReader {
            wanted: reader.to_string(),
            available: Vec::new(),
        })?;
        let card = self
            .ctx
            .connect(&name, ShareMode::Shared, Protocols::ANY)
            .map_err(|e| map_error(e, Phase::Connect))?;
        Ok(PcscCard {
            card,
            reader: reader.to_string(),
        })
    }
}

/// A connected token.
pub struct PcscCard {
    card: Card,
    reader: String,
}

fn transmit_on(card: &Card, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
    exchange_with_continuations(apdu, &mut |bytes| {
        let mut buf = [0u8; pcsc::MAX_BUFFER_SIZE];
        let answer = card
            .transmit(bytes, &mut buf)
            .map_err(|e| map_error(e, Phase::Exchange))?;
        // No status word at all: the reader lost the token mid-exchange
        // (the vpcd driver and some contactless readers report it this way).
        if answer.len() < 2 {
            return Err(TransportError::TokenRemoved);
        }
        Ok(answer.to_vec())
    })
}

impl PcscCard {
    /// Name of the reader.
    pub fn reader(&self) -> &str {
        &self.reader
    }

    /// Run `f` inside one PC/SC transaction, so that no other program's
    /// commands interleave with ours.
    pub fn in_transaction<R>(
        &mut self,
        f: impl FnOnce(&mut dyn Transport) -> R,
    ) -> Result<R, TransportError> {
        let reader = self.reader.clone();
        let tx = self
            .card
            .transaction()
            .map_err(|e| map_error(e, Phase::Connect))?;
        let mut t = InTransaction { tx, reader };
        let result = f(&mut t);
        // Ending fails only when the token is already gone; the result says so.
        let _ = t.tx.end(pcsc::Disposition::LeaveCard);
        Ok(result)
    }
}

impl Transport for PcscCard {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        transmit_on(&self.card, apdu)
    }
    fn reader_name(&self) -> String {
        self.reader.clone()
    }
}

struct InTransaction<'a> {
    tx: pcsc::Transaction<'a>,
    reader: String,
}

impl Transport for InTransaction<'_> {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        transmit_on(&self.tx, apdu)
    }
    fn reader_name(&self) -> String {
        self.reader.clone()
    }
}
