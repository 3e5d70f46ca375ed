//! Which token the command talks to: the built-in emulator on request;
//! real PC/SC readers are not in this build yet and say so plainly.

use super::args::TargetArgs;
use crate::burn::{BurnError, Failure, Step, TokenState};
use crate::card::{Transport, TransportError};
use crate::clock::SystemClock;
use crate::emulator::{self, EmulatorLink};
use std::sync::Arc;

/// Name of the in-process emulated reader.
pub const EMULATOR_READER: &str = "Emulated reader (built-in)";

/// How far the emulated token's clock drifts, as a freshly unpacked token's would.
const EMULATOR_DRIFT_SECONDS: i64 = -3;

/// Open the transport the arguments ask for.
pub fn open(target: &TargetArgs) -> Result<Box<dyn Transport>, BurnError> {
    if target.emulator {
        let seed = u64::from(std::process::id()) ^ u64::from(nanos());
        let token = emulator::shared_token(emulator::DEFAULT_SERIAL, Arc::new(SystemClock), seed);
        emulator::lock(&token).set_clock_offset(EMULATOR_DRIFT_SECONDS);
        return Ok(Box::new(EmulatorLink::new(token, EMULATOR_READER)));
    }
    let what = match &target.reader {
        Some(name) => {
            format!("The reader \"{name}\" (PC/SC readers are not supported by this build yet)")
        }
        None => {
            "A PC/SC reader (this build supports only the built-in emulator so far)".to_string()
        }
    };
    Err(BurnError {
        step: Step::Identify,
        cause: Failure::Transport(TransportError::Unavailable { what }),
        token_state: TokenState::Untouched,
        token: None,
    })
}

/// Sub-second nanoseconds of the system time: enough to vary the emulator's challenges.
fn nanos() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
}
