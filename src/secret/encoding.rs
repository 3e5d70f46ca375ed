//! Forgiving Base32 and hex decoding of typed or scanned keys: case, spaces,
//! dashes and `=` padding are tolerated, everything else is an error.

use super::NotASecret;
use data_encoding::{Encoding, Specification};
use std::sync::LazyLock;
use zeroize::Zeroizing;

/// RFC 4648 Base32, case-insensitive, ignoring spaces and dashes, tolerant
/// of non-zero trailing bits (some generators emit them).
static BASE32_LENIENT: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = Specification::new();
    spec.symbols.push_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    spec.translate.from.push_str("abcdefghijklmnopqrstuvwxyz");
    spec.translate.to.push_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    spec.ignore.push_str(" \t\r\n-");
    spec.check_trailing_bits = false;
    spec.encoding().expect("valid Base32 specification")
});

/// Hex, either case, ignoring spaces and colons.
static HEX_LENIENT: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = Specification::new();
    spec.symbols.push_str("0123456789abcdef");
    spec.translate.from.push_str("ABCDEF");
    spec.translate.to.push_str("abcdef");
    spec.ignore.push_str(" \t\r\n:");
    spec.encoding().expect("valid hex specification")
});

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '-'
}

/// Whether every character could belong to a Base32 key (or its separators/padding).
pub fn looks_like_base32(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c.to_ascii_uppercase(), 'A'..='Z' | '2'..='7' | '=') || is_separator(c))
}

/// Whether every character could belong to a hex key.
pub fn looks_like_hex(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_hexdigit() || c.is_whitespace() || c == ':')
}

/// Decode Base32 leniently. `=` padding is dropped wherever it trails.
pub fn decode_base32(text: &str) -> Result<Zeroizing<Vec<u8>>, NotASecret> {
    let trimmed = text
        .trim()
        .trim_end_matches(|c: char| c == '=' || c.is_whitespace());
    if !looks_like_base32(trimmed) || trimmed.contains('=') {
        return Err(NotASecret::InvalidBase32);
    }
    let significant = trimmed.chars().filter(|c| !is_separator(*c)).count();
    if !matches!(significant % 8, 0 | 2 | 4 | 5 | 7) {
        return Err(NotASecret::TruncatedBase32);
    }
    BASE32_LENIENT
        .decode(trimmed.as_bytes())
        .map(Zeroizing::new)
        .map_err(|_| NotASecret::InvalidBase32)
}

/// Decode hex leniently (an optional `0x` prefix, spaces and colons allowed).
pub fn decode_hex(text: &str) -> Result<Zeroizing<Vec<u8>>, NotASecret> {
    let t = text.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    if !looks_like_hex(t) {
        return Err(NotASecret::InvalidHex);
    }
    HEX_LENIENT
        .decode(t.as_bytes())
        .map(Zeroizing::new)
        .map_err(|_| NotASecret::InvalidHex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_forms() {
        let want = b"Hello!\xde\xad\xbe\xef".to_vec();
        for s in [
            "JBSWY3DPEHPK3PXP",
            "jbswy3dpehpk3pxp",
            "jbsw y3dp ehpk 3pxp",
            "JBSW-Y3DP-EHPK-3PXP",
            "JBSWY3DPEHPK3PXP====",
            " JBSWY3DPEHPK3PXP\n",
        ] {
            assert_eq!(decode_base32(s).unwrap().to_vec(), want, "{s}");
        }
        assert_eq!(
            decode_base32("JBSWY3DPEHPK3PX0"),
            Err(NotASecret::InvalidBase32)
        );
        assert_eq!(decode_base32("JBS"), Err(NotASecret::TruncatedBase32));
        assert_eq!(decode_base32("JB=SW"), Err(NotASecret::InvalidBase32));
    }

    #[test]
    fn hex_forms() {
        for s in ["deadbeef", "DE AD BE EF", "0xdeadbeef", "de:ad:be:ef"] {
            assert_eq!(
                decode_hex(s).unwrap().to_vec(),
                vec![0xde, 0xad, 0xbe, 0xef],
                "{s}"
            );
        }
        assert_eq!(decode_hex("abc"), Err(NotASecret::InvalidHex));
        assert_eq!(decode_hex("xyz1"), Err(NotASecret::InvalidHex));
    }
}
