//! What a station run leaves to show: each token's outcome and the tiles'
//! notes (typed, in words when drawn), the latest burn's live code and,
//! once the run ends, its summary.

use crate::params::TokenOptions;
use crate::secret::Secret;
use crate::secret::totp::{Codes, codes_at};
use crate::station::operation::OperationError;
use crate::station::records::RecordsError;
use crate::station::run::NextUp;
use crate::tr;
use std::sync::Arc;

/// The latest burn's live code: the secret burned and its options, kept
/// (wiped on drop) until the next token is laid on that reader, a newer
/// burn replaces it, or, once the run ended, its summary is dismissed (or
/// a new run starts). The secret itself is never shown.
pub struct LiveCode {
    /// The reader it was burned on.
    pub reader: String,
    /// The token's serial.
    pub serial: String,
    /// Options burned.
    pub options: TokenOptions,
    pub(super) secret: Secret,
}

impl LiveCode {
    /// The codes the token shows at `now`.
    pub fn codes(&self, now: u64) -> Codes {
        codes_at(
            &self.secret,
            self.options.algorithm,
            self.options.period,
            now,
        )
    }
}

/// How a run ended, shown until dismissed or a new run starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSummary {
    /// Tokens burned (finished ones included).
    pub burned: usize,
    /// Failed attempts.
    pub failed: usize,
    /// Tokens refused as burned before.
    pub already: usize,
    /// Serials left unfinished.
    pub in_doubt: Vec<String>,
    /// The batch's identifier in the records.
    pub batch_id: String,
    /// When the run started and ended (Unix seconds).
    pub started: u64,
    /// When it ended.
    pub ended: u64,
    /// Secrets were kept (an Entra ID export is possible).
    pub kept_secrets: bool,
    /// The secrets were each user's own (per-user mode).
    pub per_user: bool,
}

/// What became of a token laid on a station reader, kept typed: the card,
/// the tiles and the history put it in words when drawn, so a language
/// switch changes them too.
#[derive(Debug, Clone)]
pub enum TokenOutcome {
    /// Burned (or an interrupted burn finished).
    Burned {
        /// Model name.
        model: &'static str,
        /// Serial.
        serial: String,
        /// Its user, if any.
        upn: Option<String>,
        /// It finished an interrupted burn.
        resumed: bool,
    },
    /// Not burned: it was burned before.
    Already {
        /// Serial.
        serial: String,
        /// When (Unix seconds).
        when: i64,
        /// In which batch.
        batch: Option<String>,
        /// In this run.
        this_run: bool,
    },
    /// The burn failed.
    Failed {
        /// Serial, if it was read.
        serial: Option<String>,
        /// What went wrong.
        error: Arc<OperationError>,
    },
}

impl TokenOutcome {
    /// The history line (and the card's) in the current language.
    pub fn words(&self) -> String {
        let date = crate::explain::local_time;
        match self {
            TokenOutcome::Burned {
                model,
                serial,
                upn,
                resumed,
            } => {
                let serial = serial.as_str();
                match (resumed, upn) {
                    (false, None) => tr!("gui-station-burned", model = *model, serial = serial),
                    (false, Some(u)) => tr!(
                        "gui-station-burned-for",
                        model = *model,
                        serial = serial,
                        upn = u.as_str()
                    ),
                    (true, None) => tr!("gui-station-finished", model = *model, serial = serial),
                    (true, Some(u)) => tr!(
                        "gui-station-finished-for",
                        model = *model,
                        serial = serial,
                        upn = u.as_str()
                    ),
                }
            }
            TokenOutcome::Already {
                serial,
                when,
                batch,
                this_run,
            } => {
                let serial = serial.as_str();
                match (this_run, batch) {
                    (true, _) => tr!("gui-station-already-this-run", serial = serial),
                    (false, Some(b)) => tr!(
                        "gui-station-already-batch",
                        serial = serial,
                        when = date(*when),
                        batch = b.as_str()
                    ),
                    (false, None) => tr!(
                        "gui-station-already-before",
                        serial = serial,
                        when = date(*when)
                    ),
                }
            }
            TokenOutcome::Failed { serial, error } => {
                let why = crate::explain::operation_error(error);
                match serial {
                    Some(s) => tr!(
                        "gui-station-failed-serial",
                        serial = s.as_str(),
                        problem = why.problem,
                        next = why.next_step
                    ),
                    None => tr!(
                        "gui-station-failed-text",
                        problem = why.problem,
                        next = why.next_step
                    ),
                }
            }
        }
    }
}

/// The small line on a reader's tile (and under the card), kept typed.
#[derive(Debug, Clone, Default)]
pub enum TileNote {
    /// Nothing to say.
    #[default]
    None,
    /// What the next token laid on gets.
    Next(NextUp),
    /// A token waits for its user's secret.
    WaitsForSecret {
        /// Its serial.
        serial: String,
    },
    /// A write was interrupted: the token must be finished.
    Interrupted,
}

impl TileNote {
    /// The note in the current language ("" for none).
    pub fn words(&self) -> String {
        match self {
            TileNote::None => String::new(),
            TileNote::Next(next) => crate::explain::next_up(next),
            TileNote::WaitsForSecret { serial } => {
                tr!("gui-station-waits-for-secret", serial = serial.as_str())
            }
            TileNote::Interrupted => crate::explain::interrupted(),
        }
    }
}

/// A problem shown above the station's card, kept typed (words when drawn).
#[derive(Debug, Clone)]
pub enum StationProblem {
    /// No folder for the records.
    NoDataFolder,
    /// Keeping secrets needs a passphrase.
    PassphraseNeeded,
    /// A token waits for its user's secret.
    NeedSecret,
    /// A burn's outcome could not be recorded (the run stops).
    NotRecorded(Arc<RecordsError>),
    /// The run could not start or stopped early.
    Stopped(super::station_start::StationStop),
    /// The records cannot be reached: waiting (seconds so far), no token
    /// is written.
    RecordsWaiting(Arc<RecordsError>, u64),
    /// A token's outcome waits on this PC for the records server (how many
    /// wait); the run goes on.
    OutcomeSpooled(Arc<RecordsError>, usize),
}

impl StationProblem {
    /// The problem in the current language.
    pub fn words(&self) -> String {
        match self {
            StationProblem::NoDataFolder => tr!("gui-station-no-data-folder"),
            StationProblem::PassphraseNeeded => tr!("gui-station-passphrase-needed"),
            StationProblem::NeedSecret => tr!("gui-station-need-secret"),
            StationProblem::NotRecorded(e) => crate::explain::outcome_not_recorded(e),
            StationProblem::Stopped(why) => why.words(),
            StationProblem::RecordsWaiting(e, secs) => crate::explain::records_waiting(e, *secs),
            StationProblem::OutcomeSpooled(e, n) => crate::explain::outcome_spooled(e, *n),
        }
    }
}

/// A note from the records, kept typed (words when drawn).
#[derive(Debug, Clone)]
pub enum StationNote {
    /// A user list is continued.
    Continuing {
        /// Rows done before.
        done: usize,
        /// When the latest was done (Unix seconds).
        last: i64,
        /// The next row (0-based).
        next: usize,
    },
    /// Every row of the list is done.
    ListAllDone,
    /// An interrupted burn is being finished.
    Resuming {
        /// Serial.
        serial: String,
        /// When that burn started (Unix seconds).
        when: i64,
        /// Its user, if any.
        upn: Option<String>,
        /// The same secret is burned.
        same_secret: bool,
    },
}

impl StationNote {
    /// The note in the current language.
    pub fn words(&self) -> String {
        match self {
            StationNote::Continuing { done, last, next } => tr!(
                "gui-station-continuing",
                done = *done,
                when = crate::explain::local_time(*last),
                row = next + 1
            ),
            StationNote::ListAllDone => tr!("gui-station-list-all-done"),
            StationNote::Resuming {
                serial,
                when,
                upn,
                same_secret,
            } => crate::explain::resuming(serial, *when, upn.as_deref(), *same_secret),
        }
    }
}
