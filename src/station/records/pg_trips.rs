//! On a records server, a start and an outcome each cost one round trip:
//! the transaction's `BEGIN`, its advisory locks, one statement that
//! checks and appends (a data-modifying `WITH`) and `COMMIT` are sent
//! together (pipelined), and the server runs them in order. The guarantees
//! are those of `claims` (the same checks, under the same locks, in one
//! transaction); only the number of waits for the network changes. A
//! statement that fails aborts the transaction, and its `COMMIT` then rolls
//! it back: nothing is half-done.
//!
//! A start that takes a list row names the row it expects to be the first
//! free one at or after `from` (the row after the last one this handle
//! took): its user and secret are filled in before the statement leaves.
//! The server takes it only if it is that first free row, so the row taken
//! is the one `claims` would take; otherwise nothing is appended, and the
//! start goes the way of `claims` (its transaction reads the list under the
//! lock and takes the first free row): stations racing for one list pay
//! those round trips, never a storm of retries.

use super::claims::{Begun, Fill, NotBegun, Start};
use super::db::Val;
use super::{
    INSERT_ARGS, INSERT_COLUMNS, NewRecord, Outcome, RecordsError, Store, lock, placeholders,
};

/// What a handle expects of a list: the row after the last one it took,
/// and how many starts are to skip the guess (other stations are taking
/// rows of the same list: a guess would mostly miss and cost a trip).
#[derive(Debug, Clone, Copy)]
pub(super) struct RowHint {
    next: usize,
    skip: u8,
}

/// Starts that go the lock's way after a missed guess.
const SKIP_AFTER_A_MISS: u8 = 8;

/// What a start's statement found and did.
struct Decided {
    stock_ok: bool,
    burned: Option<(i64, Option<String>)>,
    first_free: Option<i64>,
    appended: bool,
}

impl Store {
    /// [`Store::begin`] on a server in one round trip, when the row this
    /// handle expects is the first free one (or no row is taken). None:
    /// another station took it (or one came back): the caller's
    /// transaction then reads the list under its lock and takes the first
    /// free row, so stations racing for a list never retry in a storm.
    pub(super) fn begin_in_one_trip(
        &self,
        start: &Start<'_>,
        fill: &mut Fill<'_>,
        op_id: &str,
        keys: &[String],
    ) -> Result<Option<Begun>, NotBegun> {
        let pick = start.pick.as_ref();
        let hint = pick.and_then(|p| lock(&self.row_hints).get(p.list_id).copied());
        if let Some(RowHint { skip: 1.., .. }) = hint {
            // Stations are racing for this list: not worth a guess now.
            if let (Some(p), Some(mut h)) = (pick, hint) {
                h.skip -= 1;
                lock(&self.row_hints).insert(p.list_id.to_string(), h);
            }
            return Ok(None);
        }
        let candidate = pick.map(|p| hint.map_or(p.from, |h| h.next.max(p.from)));
        let mut record = start.record.clone();
        if let (Some(p), Some(row)) = (pick, candidate) {
            record.list_id = Some(p.list_id.to_string());
            record.list_row = Some(row as i64);
        }
        fill(candidate, &mut record).map_err(NotBegun::NotSealed)?;
        let sealed = record.secret_enc.clone().zip(record.key_id);
        record.op_id = Some(op_id.to_string());
        record.outcome = Outcome::Started;
        let mut args = vec![
            Val::T(record.serial.as_deref()),
            Val::I(Some(i64::from(start.refuse_if_burned))),
            Val::T(pick.map(|p| p.list_id)),
            Val::I(candidate.map(|c| c as i64)),
            Val::I(Some(pick.map_or(0, |p| p.rows as i64))),
            Val::I(pick.and_then(|p| p.since)),
            Val::I(Some(pick.map_or(0, |p| p.from as i64))),
            Val::I(Some(self.now())),
            Val::T(Some(&self.station)),
            Val::T(Some(op_id)),
        ];
        args.extend(self.record_args(&record));
        let decided = self.one_trip(keys, &begin_sql(), &args, |r| {
            let burned = match r.flag("burned")? {
                true => Some((r.i64("burned_time")?, r.opt_text("burned_batch")?)),
                false => None,
            };
            Ok(Decided {
                stock_ok: r.flag("stock_ok")?,
                burned,
                first_free: r.opt_i64("first_free")?,
                appended: r.opt_i64("rec_id")?.is_some(),
            })
        })?;
        let Some(d) = decided.into_iter().next() else {
            return Err(NotBegun::Records(RecordsError::Damaged {
                detail: "a start's statement returned no row".into(),
            }));
        };
        if !d.stock_ok {
            return Err(NotBegun::NotInStock);
        }
        if let Some((when, batch)) = d.burned {
            return Err(NotBegun::BurnedBefore { when, batch });
        }
        if d.appended {
            self.took_row(pick.map(|p| p.list_id), candidate);
            return Ok(Some(Begun {
                op_id: op_id.to_string(),
                row: candidate,
                sealed,
            }));
        }
        match d.first_free {
            None if pick.is_some() => Err(NotBegun::ListDone),
            None => Err(NotBegun::Records(RecordsError::Damaged {
                detail: "a start was allowed but not appended".into(),
            })),
            Some(_) => {
                // Missed: another station is taking rows of this list too.
                if let (Some(p), Some(next)) = (pick, candidate) {
                    let skip = SKIP_AFTER_A_MISS;
                    lock(&self.row_hints).insert(p.list_id.to_string(), RowHint { next, skip });
                }
                Ok(None)
            }
        }
    }

    /// Remember that this handle took `row` of `list`: the next start
    /// expects the row after it.
    pub(super) fn took_row(&self, list: Option<&str>, row: Option<usize>) {
        if let (Some(list), Some(row)) = (list, row) {
            let mut hints = lock(&self.row_hints);
            let skip = hints.get(list).map_or(0, |h| h.skip);
            hints.insert(
                list.to_string(),
                RowHint {
                    next: row + 1,
                    skip,
                },
            );
        }
    }

    /// [`Store::finish`] on a server, of an operation with an id: one
    /// round trip.
    pub(super) fn finish_on_server(
        &self,
        record: &NewRecord,
        op: &str,
    ) -> Result<bool, RecordsError> {
        let release = record.left_untouched();
        let mut args = vec![
            Val::T(Some(op)),
            Val::I(Some(self.now())),
            Val::T(Some(&self.station)),
            Val::I(Some(i64::from(release))),
        ];
        args.extend(self.record_args(record));
        let appended = self.one_trip(&[format!("op:{op}")], &finish_sql(), &args, |r| {
            r.i64("appended")
        })?;
        Ok(appended.first().is_some_and(|n| *n > 0))
    }
}

/// The start: the known serials, "burned before?", the first free row
/// (is it the one expected?), then the claim and the started record when
/// all allow it. Parameters:
/// 1 serial, 2 refuse if burned (0/1), 3 list, 4 row expected, 5 rows,
/// 6 claims not counted up to, 7 first row to consider, 8 time, 9 station,
/// 10 operation id, 11… the record.
fn begin_sql() -> String {
    format!(
        "WITH latest AS (
            SELECT operation, outcome, time, batch FROM records
            WHERE serial = ?1 ORDER BY id DESC LIMIT 1),
        checks AS (SELECT
            (?1 IS NULL OR NOT EXISTS (SELECT 1 FROM stock)
                OR EXISTS (SELECT 1 FROM stock WHERE serial = ?1)) AS stock_ok,
            (?2 = 1 AND EXISTS (SELECT 1 FROM latest WHERE operation = 'burn' AND outcome = 'ok'))
                AS burned),
        taken AS (SELECT c.list_row FROM list_claims c
            WHERE c.list_id = ?3 AND c.kind = 'claim' AND (?6 IS NULL OR c.id > ?6)
              AND NOT EXISTS (SELECT 1 FROM list_claims x WHERE x.op_id = c.op_id AND x.kind = 'release')),
        first AS (SELECT (SELECT MIN(g) FROM generate_series(?7, ?5 - 1) AS g
            WHERE ?3 IS NOT NULL AND g NOT IN (SELECT list_row FROM taken)) AS row),
        pick AS (SELECT (?3 IS NULL OR COALESCE(f.row = ?4, false)) AS free, f.row AS first_free
            FROM first f),
        go AS (SELECT c.stock_ok AND NOT c.burned AND p.free AS yes FROM checks c, pick p),
        claim AS (INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
            SELECT ?8, ?9, ?3, ?4, ?10, 'claim' FROM go WHERE go.yes AND ?3 IS NOT NULL RETURNING id),
        rec AS (INSERT INTO records ({INSERT_COLUMNS})
            SELECT {} FROM go WHERE go.yes RETURNING id)
        SELECT c.stock_ok, c.burned, (SELECT time FROM latest) AS burned_time,
            (SELECT batch FROM latest) AS burned_batch, p.free, p.first_free,
            (SELECT id FROM rec) AS rec_id, (SELECT COUNT(*) FROM claim) AS claimed
        FROM checks c, pick p",
        placeholders(11, INSERT_ARGS)
    )
}

/// The outcome: appended unless one is there already, with the release of
/// its row when the token was left untouched. Parameters: 1 operation id,
/// 2 time, 3 station, 4 release (0/1), 5… the record.
fn finish_sql() -> String {
    format!(
        "WITH done AS (SELECT EXISTS (SELECT 1 FROM records WHERE op_id = ?1 AND outcome != 'started')
            AS yes),
        rel AS (INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
            SELECT ?2, ?3, c.list_id, c.list_row, c.op_id, 'release' FROM list_claims c, done
            WHERE NOT done.yes AND ?4 = 1 AND c.op_id = ?1 AND c.kind = 'claim'
            ON CONFLICT DO NOTHING RETURNING id),
        rec AS (INSERT INTO records ({INSERT_COLUMNS})
            SELECT {} FROM done WHERE NOT done.yes RETURNING id)
        SELECT (SELECT COUNT(*) FROM rec) AS appended",
        placeholders(5, INSERT_ARGS)
    )
}
