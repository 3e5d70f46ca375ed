//! Reading the operations: one row per operation (its outcome row, or its
//! start read as interrupted), whole (`list`, `search`, for exports and
//! the checks that need every row) or a page at a time (`list_page`,
//! `search_page`: the records view and `records list`, whose cost does not
//! grow with the history: the store filters, sorts and limits).

use super::db::{Get, Val};
use super::{
    Check, Flags, HeldState, Operation, Outcome, Record, RecordsError, Status, Store, Stored,
};

/// Columns of an operation as [`Record`] reads them (`r`: its row).
pub(super) const COLUMNS: &str = "r.id, r.time, r.operator, r.station, r.reader, r.serial, r.model,
    r.operation, r.algorithm, r.period, r.display_timeout, r.outcome, r.error, r.batch, r.upn,
    r.secret_enc IS NOT NULL AS secret_kept, r.error_code, r.token_state, r.list_id, r.list_row,
    r.op_id, r.flags,
    EXISTS (SELECT 1 FROM records l WHERE l.serial = r.serial AND l.id > r.id
            AND (l.op_id IS NULL OR r.op_id IS NULL OR l.op_id != r.op_id)) AS superseded,
    (SELECT c.verdict FROM code_checks c WHERE c.op_id = r.op_id ORDER BY c.id DESC LIMIT 1)
        AS code_check";

/// One row per operation: its outcome row, or its started row (shown as
/// interrupted) when no outcome was recorded.
pub(super) const OPERATIONS: &str = "(r.outcome != 'started' OR r.op_id IS NULL OR NOT EXISTS
    (SELECT 1 FROM records o WHERE o.op_id = r.op_id AND o.outcome != 'started'))";

pub(super) fn map_record(row: &dyn Get) -> Result<Record, RecordsError> {
    Ok(Record {
        id: row.i64("id")?,
        time: row.i64("time")?,
        operator: row.text("operator")?,
        station: row.text("station")?,
        reader: row.text("reader")?,
        serial: row.opt_text("serial")?,
        model: row.opt_text("model")?,
        operation: Operation::parse(&row.text("operation")?)?,
        algorithm: row.opt_text("algorithm")?,
        period: row.opt_i64("period")?,
        display_timeout: row.opt_i64("display_timeout")?,
        outcome: Status::of(Outcome::parse(&row.text("outcome")?)?),
        error: row.opt_text("error")?,
        batch: row.opt_text("batch")?,
        upn: row.opt_text("upn")?,
        secret_kept: row.flag("secret_kept")?,
        error_code: row.opt_text("error_code")?,
        token_state: row
            .opt_text("token_state")?
            .map(|s| HeldState::parse(&s))
            .transpose()?,
        list_id: row.opt_text("list_id")?,
        list_row: row.opt_i64("list_row")?,
        op_id: row.opt_text("op_id")?,
        flags: Flags::parse(row.opt_text("flags")?.as_deref())?,
        superseded: row.flag("superseded")?,
        check: row
            .opt_text("code_check")?
            .map(|s| Check::parse(&s))
            .transpose()?,
    })
}

/// Which page of the operations to read ([`Store::search_page`]).
#[derive(Debug, Clone, Copy)]
pub struct PageQuery<'a> {
    /// Part of a serial or UPN (case-insensitive); empty: any.
    pub text: &'a str,
    /// One outcome, or any.
    pub outcome: Option<Status>,
    /// One batch, or any.
    pub batch: Option<&'a str>,
    /// Only rows older than this id (the oldest shown): the next page.
    pub before: Option<i64>,
    /// At most this many.
    pub limit: usize,
}

impl Store {
    fn query(&self, filter: &str, args: &[Val<'_>]) -> Result<Vec<Record>, RecordsError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM records r WHERE {OPERATIONS} AND ({filter}) ORDER BY r.id"
        );
        self.read(|db| db.all(&sql, args, map_record))
    }

    /// Every operation (optionally of one serial), oldest first; starts
    /// without an outcome are listed as interrupted.
    pub fn list(&self, serial: Option<&str>) -> Result<Vec<Record>, RecordsError> {
        self.query("?1 IS NULL OR r.serial = ?1", &[Val::T(serial)])
    }

    /// Operations matching a search: serial or UPN containing `text`
    /// (case-insensitive), optionally one outcome and one batch.
    pub fn search(
        &self,
        text: &str,
        outcome: Option<Status>,
        batch: Option<&str>,
    ) -> Result<Vec<Record>, RecordsError> {
        let like = format!("%{}%", text.trim().to_lowercase());
        self.query(
            "(LOWER(r.serial) LIKE ?1 OR LOWER(r.upn) LIKE ?1)
             AND (?2 IS NULL OR (CASE r.outcome WHEN 'started' THEN 'interrupted' ELSE r.outcome END) = ?2)
             AND (?3 IS NULL OR r.batch = ?3)",
            &[
                Val::T(Some(&like)),
                Val::T(outcome.map(Stored::as_str)),
                Val::T(batch),
            ],
        )
    }

    /// A page of a search, newest first: the operations matching `q`
    /// (as [`Store::search`]) whose row is older than `q.before`, at most
    /// `q.limit`. The next page starts before the last one's oldest id.
    pub fn search_page(&self, q: &PageQuery<'_>) -> Result<Vec<Record>, RecordsError> {
        let like = format!("%{}%", q.text.trim().to_lowercase());
        let sql = format!(
            "SELECT {COLUMNS} FROM records r WHERE {OPERATIONS}
               AND (?1 = '%%' OR LOWER(r.serial) LIKE ?1 OR LOWER(r.upn) LIKE ?1)
               AND (?2 IS NULL OR (CASE r.outcome WHEN 'started' THEN 'interrupted' ELSE r.outcome END) = ?2)
               AND (?3 IS NULL OR r.batch = ?3)
               AND (?4 IS NULL OR r.id < ?4)
             ORDER BY r.id DESC LIMIT ?5"
        );
        let args = [
            Val::T(Some(&like)),
            Val::T(q.outcome.map(Stored::as_str)),
            Val::T(q.batch),
            Val::I(q.before),
            Val::I(Some(q.limit as i64)),
        ];
        self.read(|db| db.all(&sql, &args, map_record))
    }

    /// A page of every operation (optionally of one serial), oldest first:
    /// those whose row id is above `after`, at most `limit`.
    pub fn list_page(
        &self,
        serial: Option<&str>,
        after: i64,
        limit: usize,
    ) -> Result<Vec<Record>, RecordsError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM records r WHERE {OPERATIONS}
               AND (?1 IS NULL OR r.serial = ?1) AND r.id > ?2
             ORDER BY r.id LIMIT ?3"
        );
        let args = [
            Val::T(serial),
            Val::I(Some(after)),
            Val::I(Some(limit as i64)),
        ];
        self.read(|db| db.all(&sql, &args, map_record))
    }

    /// The batches present in the records, sorted.
    pub fn batch_names(&self) -> Result<Vec<String>, RecordsError> {
        self.read(|db| {
            db.all(
                "SELECT DISTINCT batch FROM records WHERE batch IS NOT NULL ORDER BY batch",
                &[],
                |r| r.text("batch"),
            )
        })
    }

    /// Starts without an outcome and with nothing done to their token
    /// since (interrupted operations to finish), oldest first.
    pub fn interrupted(&self) -> Result<Vec<Record>, RecordsError> {
        Ok(self
            .query("r.outcome = 'started'", &[])?
            .into_iter()
            .filter(Record::needs_finishing)
            .collect())
    }

    /// The latest operation on a serial.
    pub fn last_for_serial(&self, serial: &str) -> Result<Option<Record>, RecordsError> {
        Ok(self.list(Some(serial))?.pop())
    }

    /// The latest successful burn of a serial.
    pub fn last_ok_burn(&self, serial: &str) -> Result<Option<Record>, RecordsError> {
        Ok(self
            .query(
                "r.serial = ?1 AND r.operation = 'burn' AND r.outcome = 'ok'",
                &[Val::T(Some(serial))],
            )?
            .pop())
    }

    /// The kept (encrypted) secret of an operation: (ciphertext, key id).
    pub fn sealed_secret(&self, op_id: &str) -> Result<Option<(Vec<u8>, i64)>, RecordsError> {
        self.read(|db| {
            db.first(
                "SELECT secret_enc, key_id FROM records WHERE op_id = ?1
                   AND secret_enc IS NOT NULL AND key_id IS NOT NULL ORDER BY id LIMIT 1",
                &[Val::T(Some(op_id))],
                |r| Ok((r.bytes("secret_enc")?, r.i64("key_id")?)),
            )
        })
    }

    /// Kept secrets of successful burns: (record, ciphertext, key id),
    /// the latest per serial, optionally of one batch.
    pub fn kept_secrets(
        &self,
        batch: Option<&str>,
    ) -> Result<Vec<(Record, Vec<u8>, i64)>, RecordsError> {
        let sql = format!(
            "SELECT {COLUMNS}, r.secret_enc, r.key_id FROM records r
             WHERE r.outcome = 'ok' AND r.operation = 'burn'
               AND r.secret_enc IS NOT NULL AND r.key_id IS NOT NULL AND (?1 IS NULL OR r.batch = ?1)
               AND r.id = (SELECT MAX(id) FROM records r2 WHERE r2.serial = r.serial
                           AND r2.operation = 'burn' AND r2.outcome = 'ok')
             ORDER BY r.id"
        );
        self.read(|db| {
            db.all(&sql, &[Val::T(batch)], |row| {
                Ok((
                    map_record(row)?,
                    row.bytes("secret_enc")?,
                    row.i64("key_id")?,
                ))
            })
        })
    }
}
