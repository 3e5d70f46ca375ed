//! Scanned text as it may be shown before the user reveals it. Only text
//! that reads as a secret is echoed at all, and then with its secret parts
//! replaced: parameters are recognised by their percent-decoded names (the
//! way the otpauth parser reads them), so `%73ecret=` or `SECRET=` hide too.
//! Bare keys are hidden whole; text that is not a secret is never echoed
//! (a typo'd key or a backup file is still mostly secret), only its length.

use super::{Candidate, read};
use url::form_urlencoded;

const HIDDEN: &str = "<hidden>";

/// Whether a query parameter name (raw, as written) names secret material:
/// after percent-decoding (up to three times, for double encoding) and
/// dropping everything but letters and digits, it contains `secret` or is
/// `data` (the payload of an authenticator export).
fn names_secret(raw_name: &str) -> bool {
    let mut name = raw_name.to_string();
    for _ in 0..3 {
        let decoded: String = form_urlencoded::parse(format!("{name}=").as_bytes())
            .next()
            .map(|(k, _)| k.into_owned())
            .unwrap_or_default();
        if decoded == name {
            break;
        }
        name = decoded;
    }
    let plain: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    plain.contains("secret") || plain == "data"
}

/// `text` with the value of every parameter after the first `?` replaced by
/// `<hidden>` when `hide(name)` says so (a parameter without `=` is hidden
/// whole when `hide` says so of it). Parameters are split at `&`, `;`,
/// `#` and `?`, wider than the URL parser, so nothing it reads escapes.
fn hide_params(text: &str, hide: impl Fn(&str) -> bool) -> String {
    let Some(q) = text.find('?') else {
        return text.to_string();
    };
    let (head, query) = text.split_at(q + 1);
    let mut out = String::from(head);
    for piece in query.split_inclusive(['&', ';', '#', '?']) {
        let (pair, sep) = match piece.char_indices().last() {
            Some((i, '&' | ';' | '#' | '?')) => piece.split_at(i),
            _ => (piece, ""),
        };
        match pair.split_once('=') {
            Some((name, _)) if hide(name) => {
                out.push_str(name);
                out.push('=');
                out.push_str(HIDDEN);
            }
            None if hide(pair) => out.push_str(HIDDEN),
            _ => out.push_str(pair),
        }
        out.push_str(sep);
    }
    out
}

/// Whether `shown` still holds `secret` in a common encoding (Base32 or hex,
/// any case, separators ignored): the last guard against a secret written
/// twice, e.g. also in the label.
fn still_shows(shown: &str, secret: &[u8]) -> bool {
    if secret.is_empty() {
        return false;
    }
    let compact: String = shown
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let b32 = zeroize::Zeroizing::new(data_encoding::BASE32_NOPAD.encode(secret));
    let hex = zeroize::Zeroizing::new(data_encoding::HEXUPPER.encode(secret));
    compact.contains(b32.as_str()) || compact.contains(hex.as_str())
}

/// `text` as it may be shown without `--show-secret`: an otpauth link with
/// its secret `<hidden>`, an export with its data `<hidden>`, a bare key as
/// `<hidden> (N characters)`, anything that is not a secret as
/// `<not shown> (N characters)`.
pub fn redact(text: &str) -> String {
    let t = text.trim();
    let chars = t.chars().count();
    let not_shown = || format!("<not shown> ({chars} characters)");
    let candidate = match read(t) {
        Ok(c) => c,
        Err(_) => return not_shown(),
    };
    let lower = t.get(..20).unwrap_or(t).to_ascii_lowercase();
    match candidate {
        // An export holds nothing but its payload: hide every value.
        Candidate::Migration(_) => hide_params(t, |_| true),
        Candidate::Single(info) if lower.starts_with("otpauth:") => {
            let shown = hide_params(t, names_secret);
            if still_shows(&shown, info.secret.bytes()) {
                format!("{HIDDEN} ({chars} characters)")
            } else {
                shown
            }
        }
        Candidate::Single(_) => format!("{HIDDEN} ({chars} characters)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_hidden() {
        assert_eq!(
            redact("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A"),
            "otpauth://totp/A:b?secret=<hidden>&issuer=A"
        );
        assert_eq!(
            redact("OTPAUTH://TOTP/x?SECRET=JBSWY3DPEHPK3PXP"),
            "OTPAUTH://TOTP/x?SECRET=<hidden>"
        );
        assert_eq!(redact("JBSWY3DPEHPK3PXP"), "<hidden> (16 characters)");
        assert!(!redact("otpauth://totp/x?issuer=a&secret=ABCDEFGH").contains("ABCDEFGH"));
    }

    #[test]
    fn names_are_read_decoded() {
        assert_eq!(
            redact("otpauth://totp/A:b?%73ecret=JBSWY3DPEHPK3PXP"),
            "otpauth://totp/A:b?%73ecret=<hidden>"
        );
        assert_eq!(
            redact("otpauth://totp/A:b?issuer=A&%53%45%43%52%45%54=JBSWY3DPEHPK3PXP"),
            "otpauth://totp/A:b?issuer=A&%53%45%43%52%45%54=<hidden>"
        );
        for name in ["secret", "%2573ecret", "se%63ret+", "x;secret", "SeCrEt"] {
            assert!(names_secret(name), "{name}");
        }
        for name in ["issuer", "algorithm", "period", "digits", "dat"] {
            assert!(!names_secret(name), "{name}");
        }
        assert!(names_secret("%64ata") && names_secret("DATA"));
    }

    #[test]
    fn a_secret_written_twice_is_caught() {
        let shown = redact("otpauth://totp/JBSWY3DPEHPK3PXP?secret=JBSWY3DPEHPK3PXP");
        assert!(!shown.contains("JBSWY3DPEHPK3PXP"), "{shown}");
        let shown = redact("otpauth://totp/jbsw-y3dp-ehpk-3pxp?secret=JBSWY3DPEHPK3PXP");
        assert!(!shown.contains("jbsw"), "{shown}");
    }

    #[test]
    fn what_is_not_a_secret_is_not_echoed() {
        assert_eq!(
            redact("https://aka.ms/mfasetup"),
            "<not shown> (23 characters)"
        );
        for typo in [
            "JBSWY3DPEHPK3PX0",
            "{\"secret\":\"JBSWY3DPEHPK3PXP\"}",
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP&digits=8",
            "otpauth://totp/A%3Fsecret=JBSWY3DPEHPK3PXP",
        ] {
            let shown = redact(typo);
            assert!(shown.starts_with("<not shown>"), "{typo}: {shown}");
            assert!(!shown.contains("JBSWY3DPEHPK3P"), "{typo}: {shown}");
        }
    }
}
