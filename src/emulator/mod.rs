//! The token's side of the protocol, for tests and the demo: a pure token
//! core ([`VirtualToken`]) and an in-process reader ([`EmulatorLink`]), and a bridge that serves the
//! token to a real pcscd through vsmartcard-vpcd ([`vpcd`]), and cards of
//! other kinds ([`ForeignCard`]: FIDO key, YubiKey, PIV, bank card) for the
//! "wrong card on the reader" cases.

mod foreign;
mod link;
mod token;
pub mod vpcd;

pub use foreign::{ForeignCard, ForeignKind};
pub use link::{EmulatorConnector, EmulatorLink, SharedToken, lock};
pub use token::VirtualToken;

use crate::clock::Clock;
use std::sync::{Arc, Mutex};

/// Serial of the token that `--emulator` and the demo use (an OTPC-P2-i,
/// whose time sync erases the secret: the strictest case).
pub const DEFAULT_SERIAL: &str = "86596220000001";

/// A shared blank token whose time-sync class follows its serial's model
/// (unknown serials keep their seed).
pub fn shared_token(serial: &str, clock: Arc<dyn Clock>, rng_seed: u64) -> SharedToken {
    let erases = crate::protocol::model_for_serial(serial)
        .is_some_and(|m| m.time_sync == crate::protocol::TimeSync::ErasesSecret);
    Arc::new(Mutex::new(VirtualToken::new(
        serial, erases, clock, rng_seed,
    )))
}
