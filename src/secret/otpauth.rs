//! `otpauth://totp/...` URIs (the Key Uri Format used by every identity
//! provider's enrolment QR): label, issuer, secret and options.

use super::classify::checked_secret;
use super::encoding::decode_base32;
use super::{NotASecret, SecretInfo, SourceKind};
use crate::params::{HmacAlgorithm, TimeStep};
use percent_encoding::percent_decode_str;
use url::Url;

/// Split a label `Issuer:account` (either part percent-encoded).
pub(super) fn split_label(label: &str) -> (Option<String>, Option<String>) {
    let clean = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    match label.split_once(':') {
        Some((issuer, account)) => (clean(issuer), clean(account)),
        None => (None, clean(label)),
    }
}

/// Parse the options of a TOTP secret named by a URI or export.
pub(super) fn parse_algorithm(name: &str) -> Result<HmacAlgorithm, NotASecret> {
    match name.trim().to_ascii_uppercase().replace('-', "").as_str() {
        "SHA1" => Ok(HmacAlgorithm::Sha1),
        "SHA256" => Ok(HmacAlgorithm::Sha256),
        _ => Err(NotASecret::UnsupportedAlgorithm {
            name: name.chars().take(16).collect(),
        }),
    }
}

/// Parse an `otpauth://` URI. `uri` is already known to start with the scheme.
pub(super) fn parse(uri: &str) -> Result<SecretInfo, NotASecret> {
    let url = Url::parse(uri.trim()).map_err(|_| NotASecret::MalformedUri {
        detail: "it cannot be read as a URI",
    })?;
    let kind = url.host_str().unwrap_or("").to_ascii_lowercase();
    match kind.as_str() {
        "totp" => {}
        "hotp" => return Err(NotASecret::Hotp),
        "" => {
            return Err(NotASecret::MalformedUri {
                detail: "it does not say totp or hotp",
            });
        }
        _ => {
            return Err(NotASecret::MalformedUri {
                detail: "its type is neither totp nor hotp",
            });
        }
    }
    let label = percent_decode_str(url.path().trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    let (label_issuer, account) = split_label(&label);

    let mut secret_text = None;
    let mut issuer_param = None;
    let mut algorithm = None;
    let mut digits = None;
    let mut period = None;
    for (key, value) in url.query_pairs() {
        match key.to_ascii_lowercase().as_str() {
            "secret" => secret_text = Some(zeroize::Zeroizing::new(value.into_owned())),
            "issuer" => issuer_param = Some(value.trim().to_string()).filter(|s| !s.is_empty()),
            "algorithm" => algorithm = Some(value.into_owned()),
            "digits" => digits = Some(value.into_owned()),
            "period" => period = Some(value.into_owned()),
            _ => {}
        }
    }
    // The parsed URL keeps a copy of the whole text, secret included: wipe it.
    drop(zeroize::Zeroizing::new(String::from(url)));

    let secret_text = secret_text.ok_or(NotASecret::MissingSecret)?;
    if secret_text.trim().is_empty() {
        return Err(NotASecret::MissingSecret);
    }
    let bytes = decode_base32(&secret_text)?;
    let (secret, warnings) = checked_secret(bytes)?;

    let algorithm = algorithm.as_deref().map(parse_algorithm).transpose()?;
    let digits = match digits {
        None => None,
        Some(d) => match d.trim().parse::<u32>() {
            Ok(6) => Some(6),
            Ok(n) => return Err(NotASecret::UnsupportedDigits { digits: n }),
            Err(_) => {
                return Err(NotASecret::MalformedUri {
                    detail: "its digits parameter is not a number",
                });
            }
        },
    };
    let period = match period {
        None => None,
        Some(p) => match p.trim().parse::<u64>() {
            Ok(s) => Some(
                TimeStep::from_seconds(s).ok_or(NotASecret::UnsupportedPeriod { seconds: s })?,
            ),
            Err(_) => {
                return Err(NotASecret::MalformedUri {
                    detail: "its period parameter is not a number",
                });
            }
        },
    };

    Ok(SecretInfo {
        secret,
        issuer: issuer_param.or(label_issuer),
        account,
        algorithm,
        digits,
        period,
        source: SourceKind::OtpauthUri,
        warnings,
    })
}
