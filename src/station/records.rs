//! The append-only record of every operation: a SQLite file in the data
//! folder (triggers refuse UPDATE and DELETE, on the records and on the
//! vault's keys), shared safely by every process on the PC (WAL, full
//! sync, each guarantee one transaction: see `claims`; the schema is
//! versioned: see `migrate`). Every burn and time sync is two rows: *started*, written
//! before the first write to the token, and its *outcome* (same `op_id`)
//! after. A started row without an outcome is an interrupted operation:
//! the process died or the outcome could not be written, and the token may
//! be blank. Secrets are stored only for batches with "keep secrets" on,
//! and then only encrypted (see `vault`). The file is created readable by
//! its owner only.

use crate::clock::{Clock, SystemClock};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use thiserror::Error;

pub use super::private_files::{create_private_dir, create_private_file};
pub use assignments::Assignment;
pub use claims::{Begun, Fill, NotBegun, RowPick, Start};
pub use migrate::SCHEMA_VERSION;

mod assignments;
mod claims;
mod migrate;

/// A records failure.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RecordsError {
    /// The database could not be opened, read or written.
    #[error("{}", crate::explain::records_error(self))]
    Database(#[from] rusqlite::Error),
    /// Its folder or file could not be created.
    #[error("{}", crate::explain::records_error(self))]
    File {
        /// The folder or file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file was written by a newer totp-burner (a schema this one does
    /// not know): it is left alone.
    #[error("{}", crate::explain::records_error(self))]
    TooNew {
        /// The file's schema version.
        found: i64,
        /// The newest this program knows.
        supported: i64,
    },
}

/// What became of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Started, no outcome recorded (yet): if it stays so, it was interrupted.
    Started,
    /// It worked.
    Ok,
    /// It failed (the token state says what the token holds).
    Failed,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Started => "started",
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
        }
    }
}

/// One operation as stored (for a started operation with an outcome, the
/// outcome row; `outcome` is "interrupted" for a start without one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Row number.
    pub id: i64,
    /// Unix seconds.
    pub time: i64,
    /// OS user who ran it.
    pub operator: String,
    /// Station (host) name.
    pub station: String,
    /// Reader name.
    pub reader: String,
    /// Token serial, when read.
    pub serial: Option<String>,
    /// Model name, when known.
    pub model: Option<String>,
    /// "burn" or "sync-time".
    pub operation: String,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// "ok", "failed" or "interrupted".
    pub outcome: String,
    /// Older records: what went wrong, in words (never a secret).
    pub error: Option<String>,
    /// Typed error code (see [`crate::burn::ErrorCode`]).
    pub error_code: Option<String>,
    /// What the token holds after a failure (see [`crate::burn::TokenState`]).
    pub token_state: Option<String>,
    /// Batch identifier, for station runs.
    pub batch: Option<String>,
    /// User (UPN) from a list or a link.
    pub upn: Option<String>,
    /// The user list it came from (a fingerprint of its users).
    pub list_id: Option<String>,
    /// Its row in that list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier shared by the started and outcome rows.
    pub op_id: Option<String>,
    /// Typed notes: "reburn", "resumed", "clock-unverified", ...
    pub flags: Option<String>,
    /// Whether an encrypted secret is kept with this record.
    pub secret_kept: bool,
    /// A later operation on the same serial exists.
    pub superseded: bool,
}

impl Record {
    /// A start whose outcome was never recorded: the token may be blank.
    pub fn interrupted(&self) -> bool {
        self.outcome == "interrupted"
    }
    /// Interrupted, and nothing was done to the token since: it needs
    /// laying on a station again.
    pub fn needs_finishing(&self) -> bool {
        self.interrupted() && !self.superseded
    }
    /// Whether the token may hold no (or a half-written) secret after this.
    pub fn token_in_doubt(&self) -> bool {
        self.operation == "burn"
            && (self.interrupted()
                || (self.outcome == "failed"
                    && self
                        .token_state
                        .as_deref()
                        .is_some_and(|s| s != "untouched")))
    }
    /// A successful burn.
    pub fn burned_ok(&self) -> bool {
        self.operation == "burn" && self.outcome == "ok"
    }
}

/// A record to add (id and time are assigned).
#[derive(Debug, Clone)]
pub struct NewRecord {
    /// Reader name.
    pub reader: String,
    /// Token serial.
    pub serial: Option<String>,
    /// Model name.
    pub model: Option<String>,
    /// "burn" or "sync-time".
    pub operation: String,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// Started, ok or failed.
    pub outcome: Outcome,
    /// Typed error code.
    pub error_code: Option<String>,
    /// Token state after a failure.
    pub token_state: Option<String>,
    /// Batch identifier.
    pub batch: Option<String>,
    /// UPN.
    pub upn: Option<String>,
    /// User list fingerprint.
    pub list_id: Option<String>,
    /// Row in the list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier.
    pub op_id: Option<String>,
    /// Typed notes, comma-separated.
    pub flags: Option<String>,
    /// The secret encrypted by the vault, when kept.
    pub secret_enc: Option<Vec<u8>>,
    /// Vault key that encrypted it.
    pub key_id: Option<i64>,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord {
            reader: String::new(),
            serial: None,
            model: None,
            operation: "burn".into(),
            algorithm: None,
            period: None,
            display_timeout: None,
            outcome: Outcome::Started,
            error_code: None,
            token_state: None,
            batch: None,
            upn: None,
            list_id: None,
            list_row: None,
            op_id: None,
            flags: None,
            secret_enc: None,
            key_id: None,
        }
    }
}

/// The records database. Safe to share between threads (one connection
/// behind a lock: the station's reader loops append through it).
pub struct Store {
    conn: Mutex<Connection>,
    operator: String,
    station: String,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

/// Default file: `records.sqlite` in the per-user data folder
/// (`TOTP_BURNER_DATA_DIR` overrides the folder).
pub fn default_path() -> Option<PathBuf> {
    Some(crate::dirs::data_dir()?.join("records.sqlite"))
}

/// The OS user running this program.
pub fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

/// This machine's name.
pub fn host_name() -> String {
    std::env::var("COMPUTERNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "station".into())
}

fn system_now() -> i64 {
    SystemClock.now() as i64
}

/// A fresh operation identifier (random, 128 bits, hex).
pub fn new_op_id() -> String {
    let mut b = [0u8; 16];
    if getrandom::fill(&mut b).is_err() {
        // Unique enough without the OS generator: time and a counter.
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        b[..8].copy_from_slice(&(system_now() as u64).to_be_bytes());
        b[8..].copy_from_slice(&n.to_be_bytes());
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl Store {
    /// Open (creating if needed, owner-only) the database at `path`.
    pub fn open(path: &Path, station: Option<&str>) -> Result<Store, RecordsError> {
        let file_err = |p: &Path| {
            let p = p.display().to_string();
            move |source| RecordsError::File { path: p, source }
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(file_err(dir))?;
        }
        create_private_file(path).map_err(file_err(path))?;
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never wait for the writer; FULL: a committed start
        // or outcome survives a power cut.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrate::migrate(&mut conn, system_now())?;
        Ok(Store {
            conn: Mutex::new(conn),
            operator: os_user(),
            station: station.map_or_else(host_name, str::to_string),
            path: path.to_path_buf(),
            clock: Arc::new(SystemClock),
        })
    }

    /// Take the records' times from `clock` (tests fix or move time).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Store {
        self.clock = clock;
        self
    }

    /// Now, by the injected clock (Unix seconds).
    fn now(&self) -> i64 {
        self.clock.now() as i64
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where the database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The station name written into records.
    pub fn station(&self) -> &str {
        &self.station
    }

    /// Append a record as it is; returns its id. The operation path
    /// appends through [`Store::begin`] and [`Store::finish`], which hold
    /// the guarantees.
    pub fn add(&self, r: &NewRecord) -> Result<i64, RecordsError> {
        let conn = self.conn();
        self.insert(&conn, r)
    }

    fn insert(&self, conn: &Connection, r: &NewRecord) -> Result<i64, RecordsError> {
        conn.prepare_cached(
            "INSERT INTO records (time, operator, station, reader, serial, model, operation, algorithm, period,
                display_timeout, outcome, error_code, token_state, batch, upn, list_id, list_row, op_id, flags,
                secret_enc, key_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        )?
        .execute(params![
            self.now(),
            self.operator,
            self.station,
            r.reader,
            r.serial,
            r.model,
            r.operation,
            r.algorithm,
            r.period,
            r.display_timeout,
            r.outcome.as_str(),
            r.error_code,
            r.token_state,
            r.batch,
            r.upn,
            r.list_id,
            r.list_row,
            r.op_id,
            r.flags,
            r.secret_enc,
            r.key_id,
        ])?;
        Ok(conn.last_insert_rowid())
    }

    fn map(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
        let outcome: String = row.get(11)?;
        Ok(Record {
            id: row.get(0)?,
            time: row.get(1)?,
            operator: row.get(2)?,
            station: row.get(3)?,
            reader: row.get(4)?,
            serial: row.get(5)?,
            model: row.get(6)?,
            operation: row.get(7)?,
            algorithm: row.get(8)?,
            period: row.get(9)?,
            display_timeout: row.get(10)?,
            outcome: if outcome == "started" {
                "interrupted".into()
            } else {
                outcome
            },
            error: row.get(12)?,
            batch: row.get(13)?,
            upn: row.get(14)?,
            secret_kept: row.get::<_, Option<Vec<u8>>>(15)?.is_some(),
            error_code: row.get(16)?,
            token_state: row.get(17)?,
            list_id: row.get(18)?,
            list_row: row.get(19)?,
            op_id: row.get(20)?,
            flags: row.get(21)?,
            superseded: row.get(22)?,
        })
    }

    const COLUMNS: &'static str =
        "r.id, r.time, r.operator, r.station, r.reader, r.serial, r.model,
        r.operation, r.algorithm, r.period, r.display_timeout, r.outcome, r.error, r.batch, r.upn,
        r.secret_enc, r.error_code, r.token_state, r.list_id, r.list_row, r.op_id, r.flags,
        EXISTS (SELECT 1 FROM records l WHERE l.serial = r.serial AND l.id > r.id
                AND (l.op_id IS NULL OR r.op_id IS NULL OR l.op_id != r.op_id))";

    /// One row per operation: its outcome row, or its started row (shown
    /// as interrupted) when no outcome was recorded.
    const OPERATIONS: &'static str = "(r.outcome != 'started' OR r.op_id IS NULL OR NOT EXISTS
        (SELECT 1 FROM records o WHERE o.op_id = r.op_id AND o.outcome != 'started'))";

    fn query(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Record>, RecordsError> {
        let sql = format!(
            "SELECT {} FROM records r WHERE {} AND ({filter}) ORDER BY r.id",
            Self::COLUMNS,
            Self::OPERATIONS
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(args, Self::map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every operation (optionally of one serial), oldest first; starts
    /// without an outcome are listed as interrupted.
    pub fn list(&self, serial: Option<&str>) -> Result<Vec<Record>, RecordsError> {
        self.query("?1 IS NULL OR r.serial = ?1", params![serial])
    }

    /// Operations matching a search: serial or UPN containing `text`
    /// (case-insensitive), optionally one outcome and one batch.
    pub fn search(
        &self,
        text: &str,
        outcome: Option<&str>,
        batch: Option<&str>,
    ) -> Result<Vec<Record>, RecordsError> {
        let like = format!("%{}%", text.trim());
        self.query(
            "(r.serial LIKE ?1 OR r.upn LIKE ?1)
             AND (?2 IS NULL OR (CASE r.outcome WHEN 'started' THEN 'interrupted' ELSE r.outcome END) = ?2)
             AND (?3 IS NULL OR r.batch = ?3)",
            params![like, outcome, batch],
        )
    }

    /// Starts without an outcome and with nothing done to their token
    /// since (interrupted operations to finish), oldest first.
    pub fn interrupted(&self) -> Result<Vec<Record>, RecordsError> {
        Ok(self
            .query("r.outcome = 'started'", [])?
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
                params![serial],
            )?
            .pop())
    }

    /// The kept (encrypted) secret of an operation: (ciphertext, key id).
    pub fn sealed_secret(&self, op_id: &str) -> Result<Option<(Vec<u8>, i64)>, RecordsError> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT secret_enc, key_id FROM records WHERE op_id = ?1
                   AND secret_enc IS NOT NULL AND key_id IS NOT NULL ORDER BY id LIMIT 1",
                params![op_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Kept secrets of successful burns: (record, ciphertext, key id),
    /// the latest per serial, optionally of one batch.
    pub fn kept_secrets(
        &self,
        batch: Option<&str>,
    ) -> Result<Vec<(Record, Vec<u8>, i64)>, RecordsError> {
        let sql = format!(
            "SELECT {}, r.key_id FROM records r WHERE r.outcome = 'ok' AND r.operation = 'burn'
               AND r.secret_enc IS NOT NULL AND (?1 IS NULL OR r.batch = ?1)
               AND r.id = (SELECT MAX(id) FROM records r2 WHERE r2.serial = r.serial
                           AND r2.operation = 'burn' AND r2.outcome = 'ok')
             ORDER BY r.id",
            Self::COLUMNS
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params![batch], |row| {
            Ok((
                Self::map(row)?,
                row.get::<_, Vec<u8>>(15)?,
                row.get::<_, i64>(23)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Add a vault key (recipient and passphrase-wrapped identity).
    pub fn add_key(&self, recipient: &str, wrapped_identity: &[u8]) -> Result<i64, RecordsError> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO vault_keys (time, recipient, wrapped_identity) VALUES (?1, ?2, ?3)",
            params![self.now(), recipient, wrapped_identity],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Every vault key: (id, recipient, wrapped identity).
    pub fn keys(&self) -> Result<Vec<(i64, String, Vec<u8>)>, RecordsError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT id, recipient, wrapped_identity FROM vault_keys ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Refuse every later write (tests of "the records cannot be written":
    /// a full disk, a locked or read-only file).
    #[doc(hidden)]
    pub fn make_read_only(&self) -> Result<(), RecordsError> {
        Ok(self.conn().execute_batch("PRAGMA query_only = ON")?)
    }

    /// Whether UPDATE/DELETE are refused on records and vault keys (for
    /// tests of the append-only rule).
    pub fn try_tamper(&self) -> bool {
        let conn = self.conn();
        conn.execute("UPDATE records SET outcome = 'ok'", [])
            .is_err()
            && conn.execute("DELETE FROM records", []).is_err()
            && conn
                .execute("UPDATE vault_keys SET recipient = 'x'", [])
                .is_err()
            && conn.execute("DELETE FROM vault_keys", []).is_err()
    }
}

#[cfg(test)]
mod tests;
