//! Where a batch's secrets come from: fresh random ones (OS CSPRNG), or a
//! CSV list of `upn,secret` (or `upn` alone, with random secrets). A list
//! whose rows share a secret is refused: a secret never goes into two
//! tokens.

use crate::secret::{self, Candidate, Secret};
use thiserror::Error;

/// Random secret length (RFC 4226's recommended 160 bits).
pub const RANDOM_SECRET_BYTES: usize = 20;

/// A fresh random secret.
pub fn random_secret() -> Result<Secret, BatchListError> {
    let mut bytes = vec![0u8; RANDOM_SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| BatchListError::Random(e.to_string()))?;
    Ok(Secret::new(bytes))
}

/// One row of a user list.
#[derive(Debug, Clone)]
pub struct UserRow {
    /// Line number in the file (1-based).
    pub line: usize,
    /// The user's UPN.
    pub upn: String,
    /// The secret to burn, or None for a random one.
    pub secret: Option<Secret>,
}

/// A user list that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BatchListError {
    /// The file is not readable CSV.
    #[error("{}", crate::tr!("err-list-line-not-csv", line = *line))]
    Csv {
        /// Line number.
        line: usize,
    },
    /// A row without a UPN.
    #[error("{}", crate::tr!("err-list-no-upn", line = *line))]
    MissingUpn {
        /// Line number.
        line: usize,
    },
    /// A row whose secret is not usable (the reason in words, no secret).
    #[error("{}", crate::tr!("err-list-bad-secret", line = *line, reason = reason.as_str()))]
    BadSecret {
        /// Line number.
        line: usize,
        /// Why, from the wrong-QR catalogue.
        reason: String,
    },
    /// Two rows with the same secret.
    #[error("{}", crate::tr!("err-list-same-secret", first = *first, second = *second))]
    DuplicateSecret {
        /// First line.
        first: usize,
        /// Second line.
        second: usize,
    },
    /// Two rows for the same user.
    #[error("{}", crate::tr!("err-list-same-user", first = *first, second = *second))]
    DuplicateUpn {
        /// First line.
        first: usize,
        /// Second line.
        second: usize,
    },
    /// The list has no rows.
    #[error("{}", crate::tr!("err-list-empty"))]
    Empty,
    /// The OS random generator failed.
    #[error("{}", crate::tr!("err-list-no-random", detail = _0.as_str()))]
    Random(String),
}

/// The rows of a list file as CSV (no header row assumed, rows of any
/// length, fields trimmed, `#` comments, a leading byte-order mark
/// dropped), each with its line number (1-based) in the file.
pub fn csv_lines(
    text: &str,
) -> impl Iterator<Item = (usize, Result<csv::StringRecord, csv::Error>)> + '_ {
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.into_records().enumerate().map(|(i, record)| {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(i + 1, |p| p.line() as usize);
        (line, record)
    })
}

/// Parse a user list: `upn,secret` or `upn` per line; a first line starting
/// with `upn` is a header.
pub fn parse_user_list(text: &str) -> Result<Vec<UserRow>, BatchListError> {
    let mut rows: Vec<UserRow> = Vec::new();
    for (line, record) in csv_lines(text) {
        let record = record.map_err(|_| BatchListError::Csv { line })?;
        let upn = record.get(0).unwrap_or("").to_string();
        if rows.is_empty() && upn.eq_ignore_ascii_case("upn") {
            continue;
        }
        if upn.is_empty() && record.iter().all(str::is_empty) {
            continue;
        }
        if upn.is_empty() {
            return Err(BatchListError::MissingUpn { line });
        }
        let secret = match record.get(1).filter(|s| !s.is_empty()) {
            None => None,
            Some(text) => match secret::read(text) {
                Ok(Candidate::Single(info)) => Some(info.secret),
                Ok(Candidate::Migration(_)) => {
                    return Err(BatchListError::BadSecret {
                        line,
                        reason: "an authenticator export, not one secret".into(),
                    });
                }
                Err(e) => {
                    return Err(BatchListError::BadSecret {
                        line,
                        reason: crate::explain::not_a_secret(&e).problem,
                    });
                }
            },
        };
        if let Some(prev) = rows.iter().find(|r| r.upn.eq_ignore_ascii_case(&upn)) {
            return Err(BatchListError::DuplicateUpn {
                first: prev.line,
                second: line,
            });
        }
        let duplicate = secret
            .as_ref()
            .and_then(|s| rows.iter().find(|r| r.secret.as_ref() == Some(s)));
        if let Some(prev) = duplicate {
            return Err(BatchListError::DuplicateSecret {
                first: prev.line,
                second: line,
            });
        }
        rows.push(UserRow { line, upn, secret });
    }
    if rows.is_empty() {
        return Err(BatchListError::Empty);
    }
    Ok(rows)
}

/// A user list's fingerprint: its users in order (no secrets), so the same
/// list started again continues where it stopped.
pub fn list_id(rows: &[UserRow]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in rows {
        h.update(r.upn.to_lowercase().as_bytes());
        h.update(b"\n");
    }
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_refuse_duplicates() {
        let rows =
            parse_user_list("upn,secret\nalice@contoso.com,JBSWY3DPEHPK3PXP\nbob@contoso.com\n\n")
                .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].upn, "alice@contoso.com");
        assert_eq!(rows[0].line, 2);
        assert!(rows[0].secret.is_some());
        assert!(rows[1].secret.is_none());
        assert_eq!(
            parse_user_list("a@x,JBSWY3DPEHPK3PXP\nb@x,jbsw y3dp ehpk 3pxp\n").unwrap_err(),
            BatchListError::DuplicateSecret {
                first: 1,
                second: 2
            }
        );
        assert!(matches!(
            parse_user_list("a@x,phonefactor://x\n"),
            Err(BatchListError::BadSecret { line: 1, .. })
        ));
        assert_eq!(
            parse_user_list(",JBSWY3DPEHPK3PXP\n").unwrap_err(),
            BatchListError::MissingUpn { line: 1 }
        );
        assert_eq!(parse_user_list("upn\n").unwrap_err(), BatchListError::Empty);
        assert_eq!(
            parse_user_list("a@x\nb@x\nA@X\n").unwrap_err(),
            BatchListError::DuplicateUpn {
                first: 1,
                second: 3
            }
        );
        let one = parse_user_list("a@x\nb@x,JBSWY3DPEHPK3PXP\n").unwrap();
        let two = parse_user_list("upn\na@x\nb@x\n").unwrap();
        let three = parse_user_list("b@x\na@x\n").unwrap();
        assert_eq!(
            list_id(&one),
            list_id(&two),
            "the same users, the same list"
        );
        assert_ne!(list_id(&one), list_id(&three));
        let e = parse_user_list("a@x,JBSWY3DPEHPK3PXP\nb@x,JBSWY3DPEHPK3PXP\n")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("JBSW"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn user_lists_never_panic(text in "[ -~\n,\"]{0,400}") {
            let _ = parse_user_list(&text);
        }
    }

    #[test]
    fn random_secrets_differ() {
        let a = random_secret().unwrap();
        let b = random_secret().unwrap();
        assert_eq!(a.len(), RANDOM_SECRET_BYTES);
        assert_ne!(a, b);
    }
}
