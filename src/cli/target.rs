//! Which token the command talks to: a PC/SC reader by default (the one
//! named by `--reader`, or the one holding a token), or the built-in
//! emulator with `--emulator`. The operation runs inside one PC/SC
//! transaction.

use super::args::TargetArgs;
use crate::burn::{BurnError, Failure, Step, TokenState};
use crate::card::pcsc::PcscReaders;
use crate::card::{Transport, TransportError};
use crate::clock::SystemClock;
use crate::emulator::{self, EmulatorLink};
use std::sync::Arc;

/// Name of the in-process emulated reader.
pub const EMULATOR_READER: &str = "Emulated reader (built-in)";

/// How far the emulated token's clock drifts, as a freshly unpacked token's would.
const EMULATOR_DRIFT_SECONDS: i64 = -3;

/// A failure before the first command: nothing was written.
pub fn before_first_command(e: TransportError) -> BurnError {
    BurnError {
        step: Step::Identify,
        cause: Failure::Transport(e),
        token_state: TokenState::Untouched,
        token: None,
    }
}

/// Run `op` against the token the arguments point at.
pub fn with_transport<R>(
    target: &TargetArgs,
    op: impl FnOnce(&mut dyn Transport) -> Result<R, BurnError>,
) -> Result<R, BurnError> {
    if target.emulator {
        let seed = u64::from(std::process::id()) ^ u64::from(nanos());
        let token = emulator::shared_token(emulator::DEFAULT_SERIAL, Arc::new(SystemClock), seed);
        emulator::lock(&token).set_clock_offset(EMULATOR_DRIFT_SECONDS);
        return op(&mut EmulatorLink::new(token, EMULATOR_READER));
    }
    let readers = PcscReaders::establish().map_err(before_first_command)?;
    let mut card = readers
        .open(target.reader.as_deref())
        .map_err(before_first_command)?;
    card.in_transaction(op).map_err(before_first_command)?
}

/// Sub-second nanoseconds of the system time: enough to vary the emulator's challenges.
fn nanos() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
}
