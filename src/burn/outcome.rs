//! What the workflow reports: the steps as they happen, the result of each
//! operation, and on failure exactly what the token holds afterwards.

use crate::card::{CardKind, TransportError};
use crate::params::TokenOptions;
use crate::protocol::{Model, ProtocolError, TimeSync};
use crate::secret::totp::Codes;
use serde::Serialize;
use thiserror::Error;

/// The steps of a burn, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Read the serial and clock (get info).
    Identify,
    /// Challenge and answer.
    Authenticate,
    /// Write clock and options.
    WriteConfig,
    /// Write the secret.
    WriteSeed,
    /// Compute the verification codes.
    Verify,
}

impl Step {
    /// Every step of a burn, in order.
    pub const ALL: [Step; 5] = [
        Step::Identify,
        Step::Authenticate,
        Step::WriteConfig,
        Step::WriteSeed,
        Step::Verify,
    ];
    /// Short name of the step for people.
    /// (A phrase that fits after "while": "writing the secret".)
    pub fn label(self) -> String {
        match self {
            Step::Identify => crate::tr!("step-identify"),
            Step::Authenticate => crate::tr!("step-authenticate"),
            Step::WriteConfig => crate::tr!("step-write-config"),
            Step::WriteSeed => crate::tr!("step-write-seed"),
            Step::Verify => crate::tr!("step-verify"),
        }
    }
}

/// Something that happened, for progress displays and the expert log.
/// Never carries seed bytes: sensitive APDUs are logged as headers only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// A step begins.
    Step(Step),
    /// One APDU was exchanged (`status` is `None` when no answer came).
    Exchange {
        /// The step it belongs to.
        step: Step,
        /// The command, redacted when it carries the seed.
        command: String,
        /// The status word, e.g. `90 00`.
        status: Option<String>,
    },
}

/// A token as identified by "get info".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentifiedToken {
    /// Serial number.
    pub serial: String,
    /// Model from the serial prefix, if known.
    pub model: Option<Model>,
    /// The token's clock, Unix seconds.
    pub token_clock: u64,
    /// This PC's clock when the token was read.
    pub pc_clock: u64,
}

impl IdentifiedToken {
    /// Token clock minus PC clock, in seconds (negative: token is behind).
    pub fn clock_difference(&self) -> i64 {
        self.token_clock as i64 - self.pc_clock as i64
    }
    /// Model name, or "unknown model".
    pub fn model_name(&self) -> &'static str {
        self.model.map_or("unknown model", |m| m.name)
    }
    /// Time-sync class, if the model is known.
    pub fn time_sync(&self) -> Option<TimeSync> {
        self.model.map(|m| m.time_sync)
    }
}

/// A successful burn.
#[derive(Debug, Clone)]
pub struct BurnReport {
    /// The token, as read before burning.
    pub token: IdentifiedToken,
    /// Options written.
    pub options: TokenOptions,
    /// Clock value written, Unix seconds.
    pub clock_written: u64,
    /// Codes the token shows once switched off and on.
    pub codes: Codes,
    /// Number of APDUs exchanged.
    pub apdus: usize,
}

/// A successful time sync.
#[derive(Debug, Clone)]
pub struct SyncReport {
    /// The token, as read before the sync.
    pub token: IdentifiedToken,
    /// Options written with the clock.
    pub options: TokenOptions,
    /// Clock value written, Unix seconds.
    pub clock_written: u64,
    /// Whether the token erased its secret (restricted models, or unknown).
    pub secret_erased: Option<bool>,
}

/// What the token holds after a failed operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum TokenState {
    /// Nothing was written; the token is as it was.
    Untouched,
    /// The clock/options write got no answer: it may or may not have been
    /// applied (and, on a model that erases, the secret may be gone).
    ConfigMaybeWritten {
        /// Time-sync class, `None` for an unknown model.
        time_sync: Option<TimeSync>,
    },
    /// Clock and options written, secret not written.
    ConfigWritten {
        /// Time-sync class: with `ErasesSecret` the token is now blank; with
        /// `KeepsSecret` its old secret runs with the new options.
        time_sync: Option<TimeSync>,
    },
    /// Clock and options written; the secret write got no answer, so the
    /// new secret may or may not be in.
    SeedMaybeWritten {
        /// Time-sync class, `None` for an unknown model.
        time_sync: Option<TimeSync>,
    },
}

impl TokenState {
    /// Whether something may have changed on the token.
    pub fn is_touched(self) -> bool {
        self != TokenState::Untouched
    }
}

/// The cause of a failed operation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Failure {
    /// The reader or the link to the token failed.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The token answered with an error or an unreadable answer.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    /// The card on the reader is not a programmable token but another
    /// kind of card, named by a read-only probe. Nothing was written.
    #[error("the card on the reader is not a programmable token ({kind:?})")]
    WrongCard {
        /// What the card is.
        kind: CardKind,
        /// Why "get info" failed, which is what started the probe.
        #[source]
        info_error: ProtocolError,
    },
    /// The serial is not in the model table and no override was given.
    #[error("unknown token model (serial {serial})")]
    UnknownModel {
        /// The serial read.
        serial: String,
    },
    /// A time sync would erase the secret and was not confirmed.
    #[error("time sync on {model} erases the secret and was not confirmed")]
    EraseNotConfirmed {
        /// Model name.
        model: &'static str,
    },
    /// The caller stopped the operation before anything was written (a
    /// guard refused it: the records could not be written, the serial was
    /// burned before, or it is not the token expected).
    #[error("stopped before anything was written")]
    Stopped,
}

/// A failed operation: at which step, why, and what the token holds now.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{} failed: {cause}", step.label())]
pub struct BurnError {
    /// Step that failed.
    pub step: Step,
    /// Why.
    #[source]
    pub cause: Failure,
    /// What the token holds now.
    pub token_state: TokenState,
    /// The token, if it was identified before the failure.
    pub token: Option<Box<IdentifiedToken>>,
}

/// A failure as a typed code, for the records (never a sentence: the
/// words come from `explain::error_code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The token left the reader.
    TokenRemoved,
    /// No token on the reader.
    NoToken,
    /// No reader, or the reader went away.
    NoReader,
    /// Another program holds the reader.
    ReaderBusy,
    /// The smart-card service is not running.
    ServiceDown,
    /// The token did not answer in time.
    Timeout,
    /// Another reader or link problem.
    ReaderError,
    /// The token refused the unlock (challenge answer).
    AuthFailed,
    /// The token answered a command with an error status.
    TokenRefused,
    /// The token's answer could not be read.
    BadAnswer,
    /// The secret has a length the token cannot hold.
    SeedLength,
    /// Not a known programmable model.
    UnknownModel,
    /// A time sync that erases the secret was not confirmed.
    EraseNotConfirmed,
    /// Stopped before anything was written.
    Stopped,
    /// The card on the reader is not a programmable token.
    WrongCard,
}

impl ErrorCode {
    /// Every code (for tests and `explain`).
    pub const ALL: [ErrorCode; 15] = [
        ErrorCode::TokenRemoved,
        ErrorCode::NoToken,
        ErrorCode::NoReader,
        ErrorCode::ReaderBusy,
        ErrorCode::ServiceDown,
        ErrorCode::Timeout,
        ErrorCode::ReaderError,
        ErrorCode::AuthFailed,
        ErrorCode::TokenRefused,
        ErrorCode::BadAnswer,
        ErrorCode::SeedLength,
        ErrorCode::UnknownModel,
        ErrorCode::EraseNotConfirmed,
        ErrorCode::Stopped,
        ErrorCode::WrongCard,
    ];

    /// The stored form, e.g. `token-removed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::TokenRemoved => "token-removed",
            ErrorCode::NoToken => "no-token",
            ErrorCode::NoReader => "no-reader",
            ErrorCode::ReaderBusy => "reader-busy",
            ErrorCode::ServiceDown => "service-down",
            ErrorCode::Timeout => "timeout",
            ErrorCode::ReaderError => "reader-error",
            ErrorCode::AuthFailed => "auth-failed",
            ErrorCode::TokenRefused => "token-refused",
            ErrorCode::BadAnswer => "bad-answer",
            ErrorCode::SeedLength => "seed-length",
            ErrorCode::UnknownModel => "unknown-model",
            ErrorCode::EraseNotConfirmed => "erase-not-confirmed",
            ErrorCode::Stopped => "stopped",
            ErrorCode::WrongCard => "wrong-card",
        }
    }

    /// Read a stored code back.
    pub fn parse(text: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl Failure {
    /// The typed code of this failure.
    pub fn code(&self) -> ErrorCode {
        use crate::protocol::StatusWord;
        match self {
            Failure::Transport(t) => match t {
                TransportError::TokenRemoved => ErrorCode::TokenRemoved,
                TransportError::NoToken => ErrorCode::NoToken,
                TransportError::NoReader
                | TransportError::ReaderRemoved
                | TransportError::UnknownReader { .. } => ErrorCode::NoReader,
                TransportError::ReaderBusy => ErrorCode::ReaderBusy,
                TransportError::ServiceUnavailable => ErrorCode::ServiceDown,
                TransportError::Timeout => ErrorCode::Timeout,
                _ => ErrorCode::ReaderError,
            },
            Failure::Protocol(p) => match p {
                ProtocolError::Status {
                    sw: StatusWord::AuthenticationFailed,
                    ..
                } => ErrorCode::AuthFailed,
                ProtocolError::Status { .. } => ErrorCode::TokenRefused,
                ProtocolError::SeedLength { .. } => ErrorCode::SeedLength,
                _ => ErrorCode::BadAnswer,
            },
            Failure::UnknownModel { .. } => ErrorCode::UnknownModel,
            Failure::EraseNotConfirmed { .. } => ErrorCode::EraseNotConfirmed,
            Failure::Stopped => ErrorCode::Stopped,
            Failure::WrongCard { .. } => ErrorCode::WrongCard,
        }
    }
}

impl TokenState {
    /// The stored form, e.g. `seed-maybe-written`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenState::Untouched => "untouched",
            TokenState::ConfigMaybeWritten { .. } => "config-maybe-written",
            TokenState::ConfigWritten { .. } => "config-written",
            TokenState::SeedMaybeWritten { .. } => "seed-maybe-written",
        }
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
        assert_eq!(ErrorCode::parse("sentence"), None);
    }
}
