//! Hand-out: giving a burned token to its user. `assign` appends a
//! hand-out record (who, when, station) after checking the records say the
//! token holds a good secret: it was burned, and its last burn neither
//! failed after touching the token nor was interrupted. A token may be
//! handed out again (to another user): the latest hand-out is its user in
//! the exports. `live_tokens` unseals the kept secrets of tokens that have
//! a user, for their live codes (Entra's activation asks for one code per
//! token); the secrets stay in wiped buffers and are never shown.

use super::export::{self, ExportError, KeptToken};
use super::records::{Check, Operation, Record, RecordsError, Store};
use super::vault::OpenVault;
use crate::params::{HmacAlgorithm, TimeStep};
use crate::secret::Secret;
use crate::secret::totp::{Codes, codes_at};
use age::secrecy::SecretString;
use thiserror::Error;

/// Why a token cannot be handed out (or a hand-out's input is refused).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum HandoutError {
    /// No serial given.
    #[error("no serial")]
    NoSerial,
    /// The serial has characters a token serial never has.
    #[error("{serial:?} is not a token serial")]
    BadSerial {
        /// What was given.
        serial: String,
    },
    /// The UPN is not of the form user@domain.
    #[error("{upn:?} is not a user principal name (user@domain)")]
    BadUpn {
        /// What was given.
        upn: String,
    },
    /// The records have no successful burn of this token.
    #[error("token {serial} was never burned here")]
    NeverBurned {
        /// The token.
        serial: String,
    },
    /// Its last burn failed after touching the token.
    #[error("the last burn of token {serial} failed")]
    LastBurnFailed {
        /// The token.
        serial: String,
        /// That burn.
        record: Box<Record>,
    },
    /// Its last burn was interrupted.
    #[error("the last burn of token {serial} was interrupted")]
    Interrupted {
        /// The token.
        serial: String,
        /// That burn.
        record: Box<Record>,
    },
    /// The code check after its last burn did not match or was skipped:
    /// it may not hold the secret in the records (handed out only when
    /// told to).
    #[error("the code check of token {serial} did not match or was skipped")]
    Unchecked {
        /// The token.
        serial: String,
        /// What the check found.
        check: Check,
    },
    /// The records could not be read or written.
    #[error(transparent)]
    Records(#[from] RecordsError),
}

impl HandoutError {
    fn failed(record: Record) -> HandoutError {
        HandoutError::LastBurnFailed {
            serial: record.serial.clone().unwrap_or_default(),
            record: Box::new(record),
        }
    }
}

/// A serial as typed or read: spaces and dashes dropped, digits and
/// letters only.
pub fn clean_serial(text: &str) -> Result<String, HandoutError> {
    let serial: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if serial.is_empty() {
        return Err(HandoutError::NoSerial);
    }
    if serial.len() > 32 || !serial.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(HandoutError::BadSerial { serial });
    }
    Ok(serial)
}

/// A UPN as typed or picked: trimmed; one `@` with a name before it and a
/// domain with a dot after it; no spaces, commas or quotes (Entra's upload
/// would not match it to a user).
pub fn clean_upn(text: &str) -> Result<String, HandoutError> {
    let upn = text.trim().to_string();
    let bad = || HandoutError::BadUpn { upn: upn.clone() };
    let (name, domain) = upn.split_once('@').ok_or_else(bad)?;
    let allowed = |c: char| !c.is_whitespace() && !c.is_control() && !",;\"'<>@".contains(c);
    if name.is_empty()
        || upn.len() > 256
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || !name.chars().chain(domain.chars()).all(allowed)
    {
        return Err(bad());
    }
    Ok(upn)
}

/// A hand-out that was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    /// The token.
    pub serial: String,
    /// Its user now.
    pub upn: String,
    /// Its user before (a re-assignment), if it had one.
    pub previous: Option<String>,
    /// The successful burn it holds.
    pub burn: Record,
    /// Whether its secret was kept (it can go into the Entra export).
    pub secret_kept: bool,
}

/// The successful burn a token holds, or why it holds none for sure. A
/// failed burn that wrote nothing ("untouched") leaves the burn before it
/// in place.
pub fn burn_held(store: &Store, serial: &str) -> Result<Record, HandoutError> {
    let burns: Vec<Record> = store
        .list(Some(serial))?
        .into_iter()
        .filter(|r| r.operation == Operation::Burn)
        .filter(|r| !r.left_untouched())
        .collect();
    let Some(last) = burns.last().cloned() else {
        return Err(HandoutError::NeverBurned {
            serial: serial.into(),
        });
    };
    if last.interrupted() {
        return Err(HandoutError::Interrupted {
            serial: serial.into(),
            record: Box::new(last),
        });
    }
    if !last.burned_ok() {
        return Err(HandoutError::failed(last));
    }
    Ok(last)
}

/// The user a token has now: its latest hand-out, or its burn's UPN (from
/// a user list) when that burn is newer.
pub fn current_user(store: &Store, burn: &Record) -> Result<Option<String>, RecordsError> {
    let Some(serial) = burn.serial.as_deref() else {
        return Ok(None);
    };
    let handed = store.assignments(Some(serial))?.pop();
    Ok(match handed {
        Some(a) if a.time >= burn.time || burn.upn.is_none() => Some(a.upn),
        _ => burn.upn.clone(),
    })
}

/// Hand the token `serial` out to `upn` (`reader`: where its serial was
/// read; None when typed): checked against the records, then appended. A
/// token whose code check failed or was skipped is refused unless
/// `accept_unchecked`.
pub fn assign(
    store: &Store,
    serial: &str,
    upn: &str,
    reader: Option<&str>,
    accept_unchecked: bool,
) -> Result<Assigned, HandoutError> {
    let serial = clean_serial(serial)?;
    let upn = clean_upn(upn)?;
    let burn = burn_held(store, &serial)?;
    if let Some(check) = burn
        .check
        .filter(|_| burn.check_failed() && !accept_unchecked)
    {
        return Err(HandoutError::Unchecked { serial, check });
    }
    let previous = current_user(store, &burn)?;
    store.add_assignment(&serial, &upn, reader)?;
    let secret_kept = store
        .kept_secrets(None)?
        .iter()
        .any(|(r, _, _)| r.id == burn.id);
    Ok(Assigned {
        serial,
        upn,
        previous,
        burn,
        secret_kept,
    })
}

/// A token with a user and a kept secret, ready to show live codes.
pub struct LiveToken {
    /// Its serial.
    pub serial: String,
    /// Its user.
    pub upn: String,
    /// Its model.
    pub model: Option<String>,
    /// Its batch.
    pub batch: Option<String>,
    /// HMAC algorithm burned.
    pub algorithm: HmacAlgorithm,
    /// Time step burned.
    pub period: TimeStep,
    secret: Secret,
}

impl LiveToken {
    /// What the token shows at Unix time `now` (never the secret).
    pub fn codes(&self, now: u64) -> Codes {
        codes_at(&self.secret, self.algorithm, self.period, now)
    }
}

impl std::fmt::Debug for LiveToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveToken")
            .field("serial", &self.serial)
            .field("upn", &self.upn)
            .finish_non_exhaustive()
    }
}

fn live(k: &KeptToken, vault: &OpenVault) -> Result<Option<LiveToken>, ExportError> {
    let Some(upn) = k.upn.clone() else {
        return Ok(None);
    };
    let algorithm = match k.record.algorithm.as_deref() {
        Some("sha256") => HmacAlgorithm::Sha256,
        _ => HmacAlgorithm::Sha1,
    };
    let period = k
        .record
        .period
        .and_then(|p| TimeStep::from_seconds(p.max(0) as u64))
        .ok_or_else(|| ExportError::Period {
            serial: k.serial().into(),
        })?;
    Ok(Some(LiveToken {
        serial: k.serial().into(),
        upn,
        model: k.record.model.clone(),
        batch: k.record.batch.clone(),
        algorithm,
        period,
        secret: k.unseal(vault)?,
    }))
}

/// Every token with a user and a kept secret (of `batch`, or all), its
/// secret unsealed with `passphrase` for its live codes. `Nothing` when no
/// token qualifies (checked before the passphrase is tried).
pub fn live_tokens(
    store: &Store,
    passphrase: &SecretString,
    batch: Option<&str>,
) -> Result<Vec<LiveToken>, ExportError> {
    let kept: Vec<KeptToken> = export::kept_tokens(store, batch)?
        .into_iter()
        .filter(|k| k.upn.is_some())
        .collect();
    if kept.is_empty() {
        return Err(ExportError::Nothing);
    }
    let vault = OpenVault::open(store, passphrase)?;
    let mut out = Vec::new();
    for k in &kept {
        out.extend(live(k, &vault)?);
    }
    Ok(out)
}
