//! The wrong-QR catalogue: decide what a piece of text is. Secrets come out
//! as [`Candidate`]s; everything else as a specific [`NotASecret`].

use super::encoding::{decode_base32, decode_hex, looks_like_base32, looks_like_hex};
use super::{
    Candidate, MAX_SECRET_BYTES, NotASecret, Secret, SecretInfo, SourceKind, WARN_BELOW_BYTES,
    Warning, migration, otpauth,
};
use crate::protocol::model::looks_like_serial;
use zeroize::Zeroizing;

/// Length checks shared by every source: 1..=63 bytes, warn under 10.
pub(super) fn checked_secret(
    bytes: Zeroizing<Vec<u8>>,
) -> Result<(Secret, Vec<Warning>), NotASecret> {
    match bytes.len() {
        0 => Err(NotASecret::SecretEmpty),
        n if n > MAX_SECRET_BYTES => Err(NotASecret::SecretTooLong { bytes: n }),
        n => {
            let warnings = if n < WARN_BELOW_BYTES {
                vec![Warning::ShortSecret { bytes: n }]
            } else {
                Vec::new()
            };
            Ok((Secret::from_zeroizing(bytes), warnings))
        }
    }
}

/// The scheme of `text` if it starts like a URI (`letters:`), lowercased.
fn uri_scheme(text: &str) -> Option<String> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

fn web_host(text: &str) -> String {
    url::Url::parse(text)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

fn bare(bytes: Zeroizing<Vec<u8>>, source: SourceKind) -> Result<Candidate, NotASecret> {
    let (secret, warnings) = checked_secret(bytes)?;
    Ok(Candidate::Single(SecretInfo {
        secret,
        issuer: None,
        account: None,
        algorithm: None,
        digits: None,
        period: None,
        source,
        warnings,
    }))
}

/// Read any text a user can supply: `otpauth://totp` URIs, authenticator
/// exports, bare Base32 or hex; anything else is explained.
pub fn read(text: &str) -> Result<Candidate, NotASecret> {
    let t = text.trim().trim_start_matches('\u{feff}');
    if t.is_empty() {
        return Err(NotASecret::Empty);
    }
    // Colon-separated hex (`de:ad:be:ef`) is not a URI.
    if t.contains(':') && !t.contains('/') && looks_like_hex(t) {
        return bare(decode_hex(t)?, SourceKind::Hex);
    }
    if let Some(scheme) = uri_scheme(t) {
        return match scheme.as_str() {
            "otpauth" => otpauth::parse(t).map(Candidate::Single),
            "otpauth-migration" => migration::parse(t).map(Candidate::Migration),
            "phonefactor" => Err(NotASecret::PhoneFactor),
            "fido" => Err(NotASecret::Fido),
            "http" | "https" => Err(NotASecret::WebLink { host: web_host(t) }),
            _ => Err(NotASecret::OtherUri {
                scheme: scheme.chars().take(32).collect(),
            }),
        };
    }
    if t.starts_with('{') || t.starts_with('[') {
        return Err(NotASecret::BackupFile);
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.is_empty() && compact.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(model) = looks_like_serial(&compact) {
            return Err(NotASecret::TokenSerial {
                serial: compact,
                model: model.name,
            });
        }
        // A long, even run of digits is a hex key (e.g. ASCII digits as hex);
        // shorter ones are codes, PINs or phone numbers.
        if compact.len() >= 2 * super::WARN_BELOW_BYTES && compact.len().is_multiple_of(2) {
            return bare(decode_hex(t)?, SourceKind::Hex);
        }
        return Err(NotASecret::PlainNumber {
            digits: compact.len(),
        });
    }
    if t.starts_with("0x") || t.starts_with("0X") {
        return bare(decode_hex(t)?, SourceKind::Hex);
    }
    if looks_like_base32(t) {
        return bare(decode_base32(t)?, SourceKind::Base32);
    }
    if looks_like_hex(t) {
        return bare(decode_hex(t)?, SourceKind::Hex);
    }
    // Mostly key-like characters but some outside Base32 (0, 1, 8, 9, ...).
    let keyish = t
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || *c == '-' || *c == '=')
        .count();
    if keyish == t.chars().count() {
        return Err(NotASecret::InvalidBase32);
    }
    Err(NotASecret::Unrecognised)
}
