//! What a station batch is: where its secrets come from, its settings,
//! what its loops report, how it ended, and why it stopped.

use super::operation::OperationError;
use super::records::RecordsError;
use super::source::{BatchListError, UserRow};
use super::vault::{Vault, VaultError};
use crate::burn::{ErrorCode, IdentifiedToken, TokenState};
use crate::params::TokenOptions;
use crate::secret::Secret;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;

/// A secret handed to the station one token at a time (the app's
/// per-user mode: each user's QR code is scanned, then their token laid on).
pub type HandedSecret = Arc<Mutex<Option<(Secret, Option<String>)>>>;

/// Where secrets come from.
pub enum BatchSource {
    /// A fresh random secret per token; stop after `count` when given.
    Random {
        /// How many tokens.
        count: Option<usize>,
    },
    /// A user list, in order.
    Users {
        /// The rows.
        rows: Vec<UserRow>,
        /// Its fingerprint ([`super::source::list_id`]).
        list_id: String,
    },
    /// One secret at a time, handed in by the app.
    Handed(HandedSecret),
}

/// A batch to run.
pub struct BatchConfig {
    /// Secrets.
    pub source: BatchSource,
    /// Options for every token.
    pub options: TokenOptions,
    /// Keep the secrets (encrypted) for export.
    pub vault: Option<Vault>,
    /// Batch identifier stored with the records.
    pub batch_id: String,
    /// Explicit first row of a user list (0-based), overriding what the
    /// records say is done.
    pub start_row: Option<usize>,
    /// Burn tokens burned in earlier runs again (with a new secret).
    pub reburn: bool,
    /// Time servers to check the PC clock against before each token.
    pub time_servers: crate::clockcheck::NtpConfig,
}

/// What a loop reports. Every event names its reader.
#[derive(Debug, Clone)]
pub enum StationEvent {
    /// A user list is continued: these rows were done (or started) before.
    Continuing {
        /// Rows done (0-based).
        done: Vec<usize>,
        /// When the latest of them was done (Unix seconds).
        last: i64,
        /// The next row to burn (0-based), None when all are done.
        next: Option<usize>,
    },
    /// `start_row` overrides the records: these rows at or after it were
    /// done before and will be burned again.
    StartRowOverride {
        /// The first row (0-based).
        row: usize,
        /// Rows at or after it that were done before (0-based).
        done_again: Vec<usize>,
    },
    /// The records cannot be reached (a server away): nothing is written to
    /// the token on the reader, and the station tries again by itself.
    RecordsWaiting {
        /// Reader.
        reader: String,
        /// Why.
        error: Arc<RecordsError>,
        /// How long it has been waiting.
        waited: Duration,
    },
    /// Ready: lay the next token on the reader.
    Waiting {
        /// Reader.
        reader: String,
        /// What it will get (a user, "token 3 of 20").
        next: NextUp,
    },
    /// A token lies on the reader but no secret was handed in yet.
    NeedSecret {
        /// Reader.
        reader: String,
        /// Its serial.
        serial: String,
    },
    /// Not burned: it was burned in this run, or in an earlier one (and
    /// `reburn` is off).
    AlreadyBurned {
        /// Reader.
        reader: String,
        /// Its serial.
        serial: String,
        /// When it was burned (Unix seconds).
        when: i64,
        /// In which batch.
        batch: Option<String>,
        /// In this run.
        this_run: bool,
    },
    /// Its last burn was interrupted or failed after a write: finishing it.
    Resuming {
        /// Reader.
        reader: String,
        /// Its serial.
        serial: String,
        /// When that burn started (Unix seconds).
        when: i64,
        /// Its user, if any.
        upn: Option<String>,
        /// The same secret is burned (kept or listed); false: a new one.
        same_secret: bool,
    },
    /// A token was burned.
    Burned {
        /// Reader.
        reader: String,
        /// The token.
        token: IdentifiedToken,
        /// Its user, if any.
        upn: Option<String>,
        /// List row (0-based).
        row: Option<usize>,
        /// The code it shows after a power cycle.
        code: String,
        /// The secret burned (wiped on drop, redacted in `Debug`): the
        /// app's live code comes from it until the next token is placed.
        secret: Secret,
        /// The options burned.
        options: TokenOptions,
        /// From "token placed" to this result.
        took: Duration,
        /// It finished an interrupted burn.
        resumed: bool,
        /// The outcome could not be recorded (the batch stops); words:
        /// `explain::outcome_not_recorded`.
        not_recorded: Option<Arc<RecordsError>>,
    },
    /// A burn failed.
    Failed {
        /// Reader.
        reader: String,
        /// Serial, if it was read.
        serial: Option<String>,
        /// Typed cause.
        code: ErrorCode,
        /// What went wrong (words: `explain::operation_error`, made by the
        /// front-end in the language it shows).
        error: Arc<OperationError>,
        /// What the token holds.
        token_state: TokenState,
    },
    /// The records server could not be reached for a token's outcome
    /// (the token was written): the outcome is kept on this PC and
    /// delivered before the next token starts; the run goes on. Words:
    /// `explain::outcome_spooled`.
    OutcomeSpooled {
        /// Reader.
        reader: String,
        /// The token's serial, if it was read.
        serial: Option<String>,
        /// Why the server could not take it.
        error: Arc<RecordsError>,
        /// Outcomes now waiting on this PC.
        waiting: usize,
    },
    /// Lift the token off the reader.
    LiftIt {
        /// Reader.
        reader: String,
    },
}

/// What the next token laid on a reader gets (words: `explain::next_up`;
/// `Display` is the stable form the CLI's JSON lines carry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextUp {
    /// A random secret: the `number`th token (of `of`, when counted).
    Token {
        /// 1-based.
        number: usize,
        /// The batch's count.
        of: Option<usize>,
    },
    /// The next user of the list.
    User(String),
    /// The user whose QR code is scanned (per-user mode).
    ScannedUser,
    /// Nothing: every row of the list is done.
    ListDone,
    /// Nothing: the count is reached.
    BatchDone,
}

impl std::fmt::Display for NextUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NextUp::Token { number, of: None } => write!(f, "token {number}"),
            NextUp::Token {
                number,
                of: Some(of),
            } => write!(f, "token {number} of {of}"),
            NextUp::User(upn) => f.write_str(upn),
            NextUp::ScannedUser => f.write_str("the user whose QR code was scanned"),
            NextUp::ListDone => f.write_str("nothing: the list is done"),
            NextUp::BatchDone => f.write_str("nothing: the batch is done"),
        }
    }
}

/// How the batch ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Tokens burned (resumed ones included).
    pub burned: usize,
    /// Interrupted burns finished.
    pub resumed: usize,
    /// Failed attempts.
    pub failed: usize,
    /// Tokens refused as burned before.
    pub refused: usize,
    /// Serials left in doubt (failed after a write and not finished).
    pub in_doubt: Vec<String>,
    /// User-list rows not burned yet (0-based).
    pub rows_left: Vec<usize>,
}

/// A batch that cannot run (or must stop).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StationError {
    /// Records failed: the batch stops (nothing goes unrecorded).
    #[error(transparent)]
    Records(#[from] RecordsError),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// No random secret could be made.
    #[error(transparent)]
    List(#[from] BatchListError),
    /// The smart-card service went away.
    #[error("{}", crate::tr!("err-service-stopped"))]
    ServiceLost,
    /// The PC clock is off: no token gets this PC's time.
    #[error(transparent)]
    PcClockOff(crate::clockcheck::ClockOff),
    /// A burn was refused because its start could not be recorded or its
    /// secret not kept (words: `explain::operation_error`).
    #[error(transparent)]
    Refused(Arc<OperationError>),
}
