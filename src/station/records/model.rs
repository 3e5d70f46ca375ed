//! What the records hold, as the store hands it out and takes it in: an
//! operation as listed ([`Record`], one per operation: its outcome row, or
//! its start read as interrupted), a row to append ([`NewRecord`]) and what
//! became of it ([`Outcome`]).

use serde::{Deserialize, Serialize};

/// What became of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Started, no outcome recorded (yet): if it stays so, it was interrupted.
    Started,
    /// It worked.
    Ok,
    /// It failed (the token state says what the token holds).
    Failed,
}

impl Outcome {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Outcome::Started => "started",
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
        }
    }
}

/// One operation as stored (for a started operation with an outcome, the
/// outcome row; `outcome` is "interrupted" for a start without one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Row number.
    pub id: i64,
    /// Unix seconds.
    pub time: i64,
    /// OS user who ran it.
    pub operator: String,
    /// Station (host) name.
    pub station: String,
    /// Reader name.
    pub reader: String,
    /// Token serial, when read.
    pub serial: Option<String>,
    /// Model name, when known.
    pub model: Option<String>,
    /// "burn" or "sync-time".
    pub operation: String,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// "ok", "failed" or "interrupted".
    pub outcome: String,
    /// Older records: what went wrong, in words (never a secret).
    pub error: Option<String>,
    /// Typed error code (see [`crate::burn::ErrorCode`]).
    pub error_code: Option<String>,
    /// What the token holds after a failure (see [`crate::burn::TokenState`]).
    pub token_state: Option<String>,
    /// Batch identifier, for station runs.
    pub batch: Option<String>,
    /// User (UPN) from a list or a link.
    pub upn: Option<String>,
    /// The user list it came from (a fingerprint of its users).
    pub list_id: Option<String>,
    /// Its row in that list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier shared by the started and outcome rows.
    pub op_id: Option<String>,
    /// Typed notes: "reburn", "resumed", "clock-unverified", ...
    pub flags: Option<String>,
    /// Whether an encrypted secret is kept with this record.
    pub secret_kept: bool,
    /// A later operation on the same serial exists.
    pub superseded: bool,
}

impl Record {
    /// A start whose outcome was never recorded: the token may be blank.
    pub fn interrupted(&self) -> bool {
        self.outcome == "interrupted"
    }
    /// Interrupted, and nothing was done to the token since: it needs
    /// laying on a station again.
    pub fn needs_finishing(&self) -> bool {
        self.interrupted() && !self.superseded
    }
    /// Whether the token may hold no (or a half-written) secret after this.
    pub fn token_in_doubt(&self) -> bool {
        self.operation == "burn"
            && (self.interrupted()
                || (self.outcome == "failed"
                    && self
                        .token_state
                        .as_deref()
                        .is_some_and(|s| s != "untouched")))
    }
    /// A successful burn.
    pub fn burned_ok(&self) -> bool {
        self.operation == "burn" && self.outcome == "ok"
    }
}

/// A record to add (its id is assigned; its time too, unless given).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewRecord {
    /// When it happened (Unix seconds, by the station's clock); None: now.
    /// An outcome kept on the PC while the server was away is recorded
    /// with the time it happened, not the time it was delivered (which is
    /// still after its start in the store's own order).
    pub time: Option<i64>,
    /// Reader name.
    pub reader: String,
    /// Token serial.
    pub serial: Option<String>,
    /// Model name.
    pub model: Option<String>,
    /// "burn" or "sync-time".
    pub operation: String,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// Started, ok or failed.
    pub outcome: Outcome,
    /// Typed error code.
    pub error_code: Option<String>,
    /// Token state after a failure.
    pub token_state: Option<String>,
    /// Batch identifier.
    pub batch: Option<String>,
    /// UPN.
    pub upn: Option<String>,
    /// User list fingerprint.
    pub list_id: Option<String>,
    /// Row in the list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier.
    pub op_id: Option<String>,
    /// Typed notes, comma-separated.
    pub flags: Option<String>,
    /// The secret encrypted by the vault, when kept.
    pub secret_enc: Option<Vec<u8>>,
    /// Vault key that encrypted it.
    pub key_id: Option<i64>,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord {
            time: None,
            reader: String::new(),
            serial: None,
            model: None,
            operation: "burn".into(),
            algorithm: None,
            period: None,
            display_timeout: None,
            outcome: Outcome::Started,
            error_code: None,
            token_state: None,
            batch: None,
            upn: None,
            list_id: None,
            list_row: None,
            op_id: None,
            flags: None,
            secret_enc: None,
            key_id: None,
        }
    }
}
