//! What the leak searches look for: every way a secret (or a text holding
//! it) could show, and where it was found.

use std::path::{Path, PathBuf};

/// One form of a secret, by name.
pub struct Needle {
    /// What it is ("secret 0 Base32", "the input text", ...).
    pub what: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Every way the secrets (or `input`, the text holding them) could show:
/// Base32 upper and lower, with and without padding, hex upper and lower,
/// an export's payload, the first and last 16 characters of each, the
/// whole input text, and the raw bytes (in files).
pub fn needles(secrets: &[&[u8]], input: &str) -> Vec<Needle> {
    let mut out = Vec::new();
    let mut add = |what: String, text: String, halves: bool| {
        let n = text.chars().count();
        if halves && n >= 24 {
            let head: String = text.chars().take(16).collect();
            let tail: String = text.chars().skip(n - 16).collect();
            out.push(Needle {
                what: format!("first 16 of {what}"),
                bytes: head.into_bytes(),
            });
            out.push(Needle {
                what: format!("last 16 of {what}"),
                bytes: tail.into_bytes(),
            });
        }
        out.push(Needle {
            what,
            bytes: text.into_bytes(),
        });
    };
    for (i, s) in secrets.iter().enumerate() {
        let upper = data_encoding::BASE32_NOPAD.encode(s);
        let padded = data_encoding::BASE32.encode(s);
        add(
            format!("secret {i} Base32 lower"),
            upper.to_lowercase(),
            true,
        );
        add(format!("secret {i} Base32"), upper, true);
        add(
            format!("secret {i} Base32 padded lower"),
            padded.to_lowercase(),
            false,
        );
        add(format!("secret {i} Base32 padded"), padded, false);
        add(
            format!("secret {i} hex"),
            data_encoding::HEXLOWER.encode(s),
            true,
        );
        add(
            format!("secret {i} HEX"),
            data_encoding::HEXUPPER.encode(s),
            true,
        );
    }
    // The whole input (its own beginning, `otpauth://totp/`, may be shown).
    add("the input text".into(), input.trim().to_string(), false);
    if let Some(data) = input.split("data=").nth(1) {
        let decoded: String = url::form_urlencoded::parse(format!("d={data}").as_bytes())
            .map(|(_, v)| v.into_owned())
            .collect();
        add("the export payload".into(), decoded, true);
    }
    let mut out: Vec<Needle> = out.into_iter().filter(|n| n.bytes.len() >= 12).collect();
    for (i, s) in secrets.iter().enumerate() {
        out.push(Needle {
            what: format!("secret {i} raw bytes"),
            bytes: s.to_vec(),
        });
    }
    out
}

/// Whether `needle` occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The needles found in `haystack`, by name.
pub fn found_in(haystack: &[u8], needles: &[Needle]) -> Vec<String> {
    needles
        .iter()
        .filter(|n| find(haystack, &n.bytes))
        .map(|n| n.what.clone())
        .collect()
}

/// Every file under `dir`: its path and its name followed by its content.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let mut bytes = path.to_string_lossy().into_owned().into_bytes();
                bytes.push(b'\n');
                bytes.extend(std::fs::read(&path).unwrap_or_default());
                out.push((path, bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}
