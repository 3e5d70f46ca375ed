//! Known serials (optional per store): the vendor's list of the tokens an
//! organisation bought. A store that has any refuses to start an operation
//! on a serial not in it (checked in the start's transaction), so a token
//! from elsewhere is never given a user's secret. The list is read from
//! the vendor's file: one serial per line, or a CSV whose first field that
//! looks like a serial (10 to 20 digits) is taken; anything else (headers,
//! blank lines) is skipped.

use super::db::Val;
use super::{RecordsError, Store};

/// The serials in `text` (one per line, or the first serial-like field of
/// each CSV line), in order, each once.
pub fn parse_stock(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let serial = line
            .split([',', ';', '\t'])
            .map(|f| f.trim().trim_matches('"').trim())
            .find(|f| (10..=20).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
        if let Some(s) = serial
            && !out.iter().any(|o| o == s)
        {
            out.push(s.to_string());
        }
    }
    out
}

/// A serial against the store's known serials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownSerial {
    /// The store has no list: any token is taken.
    NoList,
    /// On the list (of `known` serials).
    Listed {
        /// How many serials are known.
        known: i64,
    },
    /// Not on the list: a start on it is refused.
    NotListed {
        /// How many serials are known.
        known: i64,
    },
}

impl Store {
    /// Append `serials` to the known serials (`source`: the file they came
    /// from); returns (added, already known). One transaction.
    pub fn import_stock(
        &self,
        serials: &[String],
        source: &str,
    ) -> Result<(usize, usize), RecordsError> {
        self.write(&["stock".to_string()], |db| {
            let mut added = 0;
            for s in serials {
                added += db.exec(
                    "INSERT INTO stock (time, station, serial, source) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT DO NOTHING",
                    &[
                        Val::I(Some(self.now())),
                        Val::T(Some(&self.station)),
                        Val::T(Some(s)),
                        Val::T(Some(source)),
                    ],
                )? as usize;
            }
            Ok((added, serials.len() - added))
        })
    }

    /// How many serials are known (0: the store takes any token).
    pub fn stock_count(&self) -> Result<i64, RecordsError> {
        self.read(|db| db.one("SELECT COUNT(*) AS n FROM stock", &[], |r| r.i64("n")))
    }

    /// Whether `serial` is on the known serials' list (one query), for the
    /// token panel and `info`.
    pub fn known_serial(&self, serial: &str) -> Result<KnownSerial, RecordsError> {
        self.read(|db| {
            db.one(
                "SELECT (SELECT COUNT(*) FROM stock) AS n,
                        EXISTS (SELECT 1 FROM stock WHERE serial = ?1) AS listed",
                &[Val::T(Some(serial))],
                |r| {
                    Ok(match (r.i64("n")?, r.flag("listed")?) {
                        (0, _) => KnownSerial::NoList,
                        (known, true) => KnownSerial::Listed { known },
                        (known, false) => KnownSerial::NotListed { known },
                    })
                },
            )
        })
    }

    /// Whether `serial` may be burned here: known, or no list at all.
    pub fn in_stock(&self, serial: &str) -> Result<bool, RecordsError> {
        self.read(|db| stock_allows(db, serial))
    }
}

/// Whether the store takes `serial`: it is known, or none are.
pub(super) fn stock_allows(
    db: &mut dyn super::db::Exec,
    serial: &str,
) -> Result<bool, RecordsError> {
    db.one(
        "SELECT (NOT EXISTS (SELECT 1 FROM stock)
                 OR EXISTS (SELECT 1 FROM stock WHERE serial = ?1)) AS allowed",
        &[Val::T(Some(serial))],
        |r| r.flag("allowed"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn serials_come_from_lines_or_the_first_serial_field_of_a_csv() {
        let text = "Serial,Model,Batch\n\
            86596220000061,C302-i,7\n\
            \"86596220000062\";miniOTP-2-i\n\
            86596220000061\n\
            \n\
            not a serial\n\
            12345\n\
            86596220000063\n";
        assert_eq!(
            parse_stock(text),
            vec!["86596220000061", "86596220000062", "86596220000063"]
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panicking(text in "\\PC{0,200}") {
            for s in parse_stock(&text) {
                prop_assert!(s.bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
}
