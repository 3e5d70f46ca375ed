//! Scanned text as it may be shown before the user reveals it: the secret
//! parts of otpauth links and exports are replaced, bare keys hidden whole.

use super::read;

const HIDDEN: &str = "<hidden>";

fn hide_param(text: &str, names: &[&str]) -> String {
    let Some(q) = text.find('?') else {
        return text.to_string();
    };
    let (head, query) = text.split_at(q + 1);
    let parts: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if names.iter().any(|n| k.eq_ignore_ascii_case(n)) => {
                format!("{k}={HIDDEN}")
            }
            _ => pair.to_string(),
        })
        .collect();
    format!("{head}{}", parts.join("&"))
}

/// `text` with any secret material replaced by `<hidden>`.
pub fn redact(text: &str) -> String {
    let t = text.trim();
    let lower = t.get(..20).unwrap_or(t).to_ascii_lowercase();
    if lower.starts_with("otpauth-migration:") {
        return hide_param(t, &["data"]);
    }
    if lower.starts_with("otpauth:") {
        return hide_param(t, &["secret"]);
    }
    if read(t).is_ok() {
        return format!("{HIDDEN} ({} characters)", t.chars().count());
    }
    t.chars().take(300).collect()
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
            redact("OTPAUTH://TOTP/x?SECRET=JBSW"),
            "OTPAUTH://TOTP/x?SECRET=<hidden>"
        );
        assert_eq!(
            redact("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8"),
            "otpauth-migration://offline?data=<hidden>"
        );
        assert_eq!(redact("JBSWY3DPEHPK3PXP"), "<hidden> (16 characters)");
        assert_eq!(redact("https://aka.ms/mfasetup"), "https://aka.ms/mfasetup");
        assert!(!redact("otpauth://totp/x?issuer=a&secret=ABCDEFGH").contains("ABCDEFGH"));
    }
}
