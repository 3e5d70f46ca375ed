//! Text a user can supply (a scanned QR, a pasted key, a URI) turned into a
//! [`Secret`] with its TOTP parameters, or into a specific reason why it is
//! something else ([`NotASecret`]). Pure: no I/O.

mod classify;
mod encoding;
pub mod migration;
mod otpauth;
mod redact;
pub mod totp;

pub use classify::read;
pub use migration::{MigrationAccount, MigrationBatch};
pub use redact::redact;

use crate::params::{HmacAlgorithm, TimeStep};
use serde::Serialize;
use std::fmt;
use thiserror::Error;
use zeroize::Zeroizing;

/// Longest secret the token takes, in bytes.
pub const MAX_SECRET_BYTES: usize = 63;
/// Below this many bytes a secret is accepted with a warning.
pub const WARN_BELOW_BYTES: usize = 10;

/// Secret key bytes. Wiped from memory on drop; `Debug` never shows them.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// Wrap raw key bytes.
    pub fn new(bytes: Vec<u8>) -> Secret {
        Secret(Zeroizing::new(bytes))
    }
    /// Wrap bytes already in a wiping buffer.
    pub fn from_zeroizing(bytes: Zeroizing<Vec<u8>>) -> Secret {
        Secret(bytes)
    }
    /// The raw key bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether the secret has no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Base32 (RFC 4648, no padding), in a wiping buffer.
    pub fn to_base32(&self) -> Zeroizing<String> {
        Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&self.0))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(<redacted, {} bytes>)", self.0.len())
    }
}

/// How the secret was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An `otpauth://totp/...` URI.
    OtpauthUri,
    /// Bare Base32.
    Base32,
    /// Bare hex.
    Hex,
    /// One account of an `otpauth-migration://` export.
    Migration,
}

/// Something acceptable but worth telling the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Warning {
    /// Fewer than [`WARN_BELOW_BYTES`] bytes; RFC 4226 asks for at least 16.
    ShortSecret {
        /// Secret length in bytes.
        bytes: usize,
    },
}

/// A secret ready to burn, with what its source said about it.
#[derive(Debug, Clone)]
pub struct SecretInfo {
    /// The key.
    pub secret: Secret,
    /// Issuer (from the URI label or parameter).
    pub issuer: Option<String>,
    /// Account name.
    pub account: Option<String>,
    /// Algorithm named by the source, if any.
    pub algorithm: Option<HmacAlgorithm>,
    /// Digits named by the source, if any (always 6 when present).
    pub digits: Option<u32>,
    /// Time step named by the source, if any.
    pub period: Option<TimeStep>,
    /// How it was written.
    pub source: SourceKind,
    /// Things to tell the user.
    pub warnings: Vec<Warning>,
}

/// What a piece of text turned out to be.
#[derive(Debug, Clone)]
pub enum Candidate {
    /// One secret.
    Single(SecretInfo),
    /// An authenticator export with accounts to choose from.
    Migration(MigrationBatch),
}

/// Why a piece of text is not a secret these tokens can take.
/// Display text is technical and never contains secret material; words for
/// users come from [`crate::explain`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NotASecret {
    /// Nothing was supplied.
    #[error("empty input")]
    Empty,
    /// The serial number printed on a token.
    #[error("token serial number of a {model}")]
    TokenSerial {
        /// The serial.
        serial: String,
        /// Model name.
        model: &'static str,
    },
    /// A Microsoft Authenticator push-registration code.
    #[error("phonefactor:// push registration code")]
    PhoneFactor,
    /// A FIDO passkey (hybrid transport) code.
    #[error("FIDO:/ passkey code")]
    Fido,
    /// A counter-based (HOTP) secret.
    #[error("HOTP (counter-based) secret")]
    Hotp,
    /// A web address.
    #[error("web link to {host}")]
    WebLink {
        /// Host name of the link.
        host: String,
    },
    /// A URI of another kind.
    #[error("{scheme}: URI")]
    OtherUri {
        /// Its scheme.
        scheme: String,
    },
    /// Only digits, and not a serial.
    #[error("a plain number of {digits} digits")]
    PlainNumber {
        /// How many digits.
        digits: usize,
    },
    /// A backup file's content (JSON) from an authenticator app.
    #[error("authenticator backup file content")]
    BackupFile,
    /// An `otpauth://` URI that cannot be parsed.
    #[error("malformed otpauth URI: {detail}")]
    MalformedUri {
        /// What is wrong.
        detail: &'static str,
    },
    /// An `otpauth://totp` URI without a `secret` parameter.
    #[error("otpauth URI has no secret parameter")]
    MissingSecret,
    /// Characters that Base32 does not use.
    #[error("not valid Base32")]
    InvalidBase32,
    /// A Base32 string of an impossible length (a character missing or extra).
    #[error("Base32 of an impossible length")]
    TruncatedBase32,
    /// Hex with an odd number of digits or non-hex characters.
    #[error("not valid hex")]
    InvalidHex,
    /// Decodes to no bytes at all.
    #[error("secret is empty")]
    SecretEmpty,
    /// More bytes than the token holds.
    #[error("secret is {bytes} bytes, the token takes at most 63")]
    SecretTooLong {
        /// Length in bytes.
        bytes: usize,
    },
    /// Codes of other than 6 digits.
    #[error("{digits}-digit codes")]
    UnsupportedDigits {
        /// Digits asked for.
        digits: u32,
    },
    /// A time step other than 30 or 60 s.
    #[error("{seconds}-second time step")]
    UnsupportedPeriod {
        /// Step asked for.
        seconds: u64,
    },
    /// An HMAC other than SHA-1/SHA-256.
    #[error("algorithm {name}")]
    UnsupportedAlgorithm {
        /// Algorithm name as given.
        name: String,
    },
    /// An authenticator export that cannot be decoded.
    #[error("malformed authenticator export: {detail}")]
    MalformedMigration {
        /// What is wrong.
        detail: &'static str,
    },
    /// An authenticator export with no accounts in it.
    #[error("authenticator export holds no accounts")]
    EmptyMigration,
    /// Text that is none of the above.
    #[error("not recognised as a secret")]
    Unrecognised,
}
