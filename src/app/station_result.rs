//! What a station run leaves to show: the latest burn's live code and,
//! once the run ends, its summary.

use crate::params::TokenOptions;
use crate::secret::Secret;
use crate::secret::totp::{Codes, codes_at};

/// The latest burn's live code: the secret burned and its options, kept
/// (wiped on drop) until the next token is laid on that reader, a newer
/// burn replaces it, or the run ends. The secret itself is never shown.
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
