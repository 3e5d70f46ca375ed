//! The records' guarantees, each one transaction in the file (`BEGIN
//! IMMEDIATE`: one writer at a time across every process on the file, the
//! check and the write under the same lock), never a lock in a process's
//! memory:
//! - a start: "was this serial burned before?", the user-list row it takes
//!   (a *claim*, appended) and its started record, together;
//! - an outcome: appended once per operation (a second delivery adds
//!   nothing), with the *release* of its row when the token was left
//!   untouched, so the row goes to the next token.
//!
//! A row is taken while one of its claims has no release: claims and
//! releases are appended events, never updated or deleted. Which record is
//! the latest is decided by the file's own row order, not by clocks.

use super::db::{Exec, Val};
use super::{NewRecord, Operation, Outcome, RecordsError, Store, Stored};
use crate::station::vault::VaultError;
use std::collections::HashSet;
use thiserror::Error;

/// A user-list row to take in a start's transaction: the first row at or
/// after `from` that no live claim holds.
#[derive(Debug, Clone)]
pub struct RowPick<'a> {
    /// The list's fingerprint.
    pub list_id: &'a str,
    /// How many rows it has.
    pub rows: usize,
    /// The first row to consider (0-based).
    pub from: usize,
    /// Claims up to this mark ([`Store::claims_mark`]) are not counted: an
    /// explicit start row burns rows again on purpose.
    pub since: Option<i64>,
}

/// A start to record.
pub struct Start<'a> {
    /// The started record (its outcome is set to started, its op id given).
    pub record: NewRecord,
    /// Refuse when the serial's latest operation is a successful burn.
    pub refuse_if_burned: bool,
    /// Take a user-list row (its number goes into the record).
    pub pick: Option<RowPick<'a>>,
}

/// A recorded start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Begun {
    /// The operation's identifier (its outcome uses it too).
    pub op_id: String,
    /// The user-list row it took.
    pub row: Option<usize>,
    /// The kept secret sealed into the start (ciphertext, vault key id);
    /// its outcome row carries it too.
    pub sealed: Option<(Vec<u8>, i64)>,
}

/// Why nothing was started.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum NotBegun {
    /// The serial's latest operation is a successful burn.
    #[error("the token was burned before")]
    BurnedBefore {
        /// When (Unix seconds).
        when: i64,
        /// In which batch.
        batch: Option<String>,
    },
    /// Every row of the list is taken.
    #[error("every row of the list is taken")]
    ListDone,
    /// The store has a list of known serials, and this one is not on it.
    #[error("the serial is not on the known serials' list")]
    NotInStock,
    /// The secret could not be sealed for keeping.
    #[error(transparent)]
    NotSealed(VaultError),
    /// The records could not be read or written.
    #[error(transparent)]
    Records(#[from] RecordsError),
}

impl From<rusqlite::Error> for NotBegun {
    fn from(e: rusqlite::Error) -> Self {
        NotBegun::Records(e.into())
    }
}

/// Completes the started record for the row taken (None: no list row),
/// inside the transaction: its user, and the secret sealed for keeping.
pub type Fill<'s> = dyn FnMut(Option<usize>, &mut NewRecord) -> Result<(), VaultError> + 's;

impl Store {
    /// Record a start: the reburn check, the row claim and the started
    /// record in one transaction.
    pub fn begin(&self, start: Start<'_>, fill: &mut Fill<'_>) -> Result<Begun, NotBegun> {
        // Outcomes kept while the server was away go before any new start.
        self.deliver_spooled()?;
        let op_id = start.record.op_id.clone().unwrap_or_else(super::new_op_id);
        let mut keys = Vec::new();
        if let Some(p) = &start.pick {
            keys.push(format!("list:{}", p.list_id));
        }
        if let Some(serial) = &start.record.serial {
            keys.push(format!("serial:{serial}"));
        }
        // On a server, one round trip when the row expected is free; else
        // (or on a file) the checks and the claim under the lock.
        if self.location.is_server()
            && let Some(begun) = self.begin_in_one_trip(&start, fill, &op_id, &keys)?
        {
            return Ok(begun);
        }
        let Start {
            mut record,
            refuse_if_burned,
            pick,
        } = start;
        let list = pick.as_ref().map(|p| p.list_id);
        let begun = self.write(&keys, |db| {
            if let Some(serial) = &record.serial
                && !super::stock::stock_allows(db, serial)?
            {
                return Err(NotBegun::NotInStock);
            }
            if let (true, Some(serial)) = (refuse_if_burned, &record.serial) {
                let latest = db.first(
                    "SELECT operation, outcome, time, batch FROM records
                     WHERE serial = ?1 ORDER BY id DESC LIMIT 1",
                    &[Val::T(Some(serial))],
                    |r| {
                        Ok((
                            Operation::parse(&r.text("operation")?)?,
                            Outcome::parse(&r.text("outcome")?)?,
                            r.i64("time")?,
                            r.opt_text("batch")?,
                        ))
                    },
                )?;
                if let Some((operation, outcome, when, batch)) = latest
                    && operation == Operation::Burn
                    && outcome == Outcome::Ok
                {
                    return Err(NotBegun::BurnedBefore { when, batch });
                }
            }
            let row = match &pick {
                None => None,
                Some(p) => {
                    let taken = taken_in(db, p.list_id, p.since)?;
                    let row = (p.from..p.rows)
                        .find(|r| !taken.contains(r))
                        .ok_or(NotBegun::ListDone)?;
                    db.exec(
                        "INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
                         VALUES (?1, ?2, ?3, ?4, ?5, 'claim')",
                        &[
                            Val::I(Some(self.now())),
                            Val::T(Some(&self.station)),
                            Val::T(Some(p.list_id)),
                            Val::I(Some(row as i64)),
                            Val::T(Some(&op_id)),
                        ],
                    )?;
                    record.list_id = Some(p.list_id.to_string());
                    record.list_row = Some(row as i64);
                    Some(row)
                }
            };
            fill(row, &mut record).map_err(NotBegun::NotSealed)?;
            let sealed = record.secret_enc.clone().zip(record.key_id);
            record.op_id = Some(op_id.clone());
            record.outcome = Outcome::Started;
            self.insert(db, &record)?;
            Ok(Begun {
                op_id: op_id.clone(),
                row,
                sealed,
            })
        })?;
        self.took_row(list, begun.row);
        Ok(begun)
    }

    /// Record an operation's outcome (its `op_id` set): appended once (a
    /// second delivery of the same outcome adds nothing), releasing its
    /// list row when the token was left untouched. Returns whether it was
    /// appended now.
    pub fn finish(&self, record: &NewRecord) -> Result<bool, RecordsError> {
        if let (true, Some(op)) = (self.location.is_server(), &record.op_id) {
            return self.finish_on_server(record, op);
        }
        let keys: Vec<String> = record.op_id.iter().map(|op| format!("op:{op}")).collect();
        self.write(&keys, |db| {
            if let Some(op) = &record.op_id {
                let done = db.one(
                    "SELECT EXISTS (SELECT 1 FROM records WHERE op_id = ?1 AND outcome != 'started')
                     AS done",
                    &[Val::T(Some(op))],
                    |r| r.flag("done"),
                )?;
                if done {
                    return Ok(false);
                }
                if record.left_untouched() {
                    db.exec(
                        "INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
                         SELECT ?1, ?2, list_id, list_row, op_id, 'release' FROM list_claims
                         WHERE op_id = ?3 AND kind = 'claim'
                         ON CONFLICT DO NOTHING",
                        &[
                            Val::I(Some(self.now())),
                            Val::T(Some(&self.station)),
                            Val::T(Some(op)),
                        ],
                    )?;
                }
            }
            self.insert(db, record)?;
            Ok(true)
        })
    }

    /// Rows of a user list that are taken (a live claim), with the time of
    /// that claim, in row order; claims up to `since` are not counted.
    pub fn taken_rows(
        &self,
        list_id: &str,
        since: Option<i64>,
    ) -> Result<Vec<(usize, i64)>, RecordsError> {
        let rows = self.read(|db| {
            db.all(TAKEN, &[Val::T(Some(list_id)), Val::I(since)], |r| {
                Ok((r.i64("list_row")?, r.i64("time")?))
            })
        })?;
        let mut out: Vec<(usize, i64)> = Vec::new();
        for (row, time) in rows {
            let row = row.max(0) as usize;
            match out.iter_mut().find(|(n, _)| *n == row) {
                Some(seen) => seen.1 = seen.1.max(time),
                None => out.push((row, time)),
            }
        }
        out.sort_by_key(|(n, _)| *n);
        Ok(out)
    }

    /// The latest claim event so far (0: none), for [`RowPick::since`].
    pub fn claims_mark(&self) -> Result<i64, RecordsError> {
        self.read(|db| {
            db.one(
                "SELECT COALESCE(MAX(id), 0) AS mark FROM list_claims",
                &[],
                |r| r.i64("mark"),
            )
        })
    }
}

/// Live claims of a list: claims without a release.
const TAKEN: &str = "SELECT c.list_row, c.time FROM list_claims c
    WHERE c.list_id = ?1 AND c.kind = 'claim' AND (?2 IS NULL OR c.id > ?2)
      AND NOT EXISTS (SELECT 1 FROM list_claims x WHERE x.op_id = c.op_id AND x.kind = 'release')";

fn taken_in(
    db: &mut dyn Exec,
    list_id: &str,
    since: Option<i64>,
) -> Result<HashSet<usize>, RecordsError> {
    let rows = db.all(TAKEN, &[Val::T(Some(list_id)), Val::I(since)], |r| {
        r.i64("list_row")
    })?;
    Ok(rows.into_iter().map(|r| r.max(0) as usize).collect())
}
