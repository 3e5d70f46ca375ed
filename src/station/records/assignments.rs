//! Hand-out records: which user (UPN) a token was given to, by whom, when
//! and at which station. A table of its own next to the operations,
//! append-only like them (triggers refuse UPDATE and DELETE); re-assigning
//! a token appends a row, and the latest row of a serial is its user.
//! Created by migration 1, so an older records file gains it untouched.

use super::db::Val;
use super::{RecordsError, Store};
use serde::Serialize;

/// One hand-out as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// Row number (later rows win).
    pub id: i64,
    /// Unix seconds.
    pub time: i64,
    /// OS user who handed the token out.
    pub operator: String,
    /// Station (host) name.
    pub station: String,
    /// Token serial.
    pub serial: String,
    /// The user it was given to.
    pub upn: String,
    /// The reader its serial was read from (None: typed).
    pub reader: Option<String>,
}

impl Store {
    /// Append a hand-out of `serial` to `upn` (`reader`: where the serial
    /// was read, None when typed); returns its id. The rules (only tokens
    /// burned successfully) are `station::handout`'s.
    pub fn add_assignment(
        &self,
        serial: &str,
        upn: &str,
        reader: Option<&str>,
    ) -> Result<i64, RecordsError> {
        self.read(|db| {
            db.one(
                "INSERT INTO assignments (time, operator, station, serial, upn, reader)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                &[
                    Val::I(Some(self.now())),
                    Val::T(Some(&self.operator)),
                    Val::T(Some(&self.station)),
                    Val::T(Some(serial)),
                    Val::T(Some(upn)),
                    Val::T(reader),
                ],
                |r| r.i64("id"),
            )
        })
    }

    /// Every hand-out (optionally of one serial), oldest first.
    pub fn assignments(&self, serial: Option<&str>) -> Result<Vec<Assignment>, RecordsError> {
        self.read(|db| {
            db.all(
                "SELECT id, time, operator, station, serial, upn, reader FROM assignments
                 WHERE ?1 IS NULL OR serial = ?1 ORDER BY id",
                &[Val::T(serial)],
                |r| {
                    Ok(Assignment {
                        id: r.i64("id")?,
                        time: r.i64("time")?,
                        operator: r.text("operator")?,
                        station: r.text("station")?,
                        serial: r.text("serial")?,
                        upn: r.text("upn")?,
                        reader: r.opt_text("reader")?,
                    })
                },
            )
        })
    }

    /// The latest hand-out of every serial (its current user), by serial.
    pub fn latest_assignments(
        &self,
    ) -> Result<std::collections::HashMap<String, Assignment>, RecordsError> {
        let mut out = std::collections::HashMap::new();
        for a in self.assignments(None)? {
            out.insert(a.serial.clone(), a);
        }
        Ok(out)
    }
}
