//! The append-only record of every operation: a SQLite file in the data
//! folder (triggers refuse UPDATE and DELETE). Secrets are stored only for
//! batches with "keep secrets" on, and then only encrypted (see `vault`).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A records failure.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RecordsError {
    /// The database could not be opened, read or written.
    #[error("records database: {0}")]
    Database(#[from] rusqlite::Error),
    /// Its folder could not be created.
    #[error("records folder {path}: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// One operation, as stored.
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
    /// "ok" or "failed".
    pub outcome: String,
    /// What went wrong, in words (never a secret).
    pub error: Option<String>,
    /// Batch identifier, for station runs.
    pub batch: Option<String>,
    /// User (UPN) from a CSV list.
    pub upn: Option<String>,
    /// Whether an encrypted secret is kept with this record.
    pub secret_kept: bool,
}

/// A record to add (id and time are assigned).
#[derive(Debug, Clone, Default)]
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
    /// Whether it worked.
    pub ok: bool,
    /// What went wrong.
    pub error: Option<String>,
    /// Batch identifier.
    pub batch: Option<String>,
    /// UPN from a CSV list.
    pub upn: Option<String>,
    /// The secret encrypted by the vault, when kept.
    pub secret_enc: Option<Vec<u8>>,
    /// Vault key that encrypted it.
    pub key_id: Option<i64>,
}

impl NewRecord {
    /// A burn attempt with `options` (outcome, serial and error filled in later).
    pub fn burn(
        reader: &str,
        options: &crate::params::TokenOptions,
        batch: Option<String>,
        upn: Option<String>,
    ) -> NewRecord {
        NewRecord {
            reader: reader.to_string(),
            operation: "burn".into(),
            algorithm: Some(options.algorithm.name().into()),
            period: Some(options.period.seconds() as i64),
            display_timeout: Some(options.display_timeout.seconds() as i64),
            batch,
            upn,
            ..Default::default()
        }
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    reader TEXT NOT NULL,
    serial TEXT,
    model TEXT,
    operation TEXT NOT NULL,
    algorithm TEXT,
    period INTEGER,
    display_timeout INTEGER,
    outcome TEXT NOT NULL,
    error TEXT,
    batch TEXT,
    upn TEXT,
    secret_enc BLOB,
    key_id INTEGER
);
CREATE INDEX IF NOT EXISTS records_serial ON records(serial);
CREATE TABLE IF NOT EXISTS vault_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    wrapped_identity BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS records_append_only_u BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_append_only_d BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
";

/// The records database.
pub struct Store {
    conn: Connection,
    operator: String,
    station: String,
    path: PathBuf,
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

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Open (creating if needed) the database at `path`.
    pub fn open(path: &Path, station: Option<&str>) -> Result<Store, RecordsError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| RecordsError::Folder {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store {
            conn,
            operator: os_user(),
            station: station.map_or_else(host_name, str::to_string),
            path: path.to_path_buf(),
        })
    }

    /// Where the database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append a record; returns its id.
    pub fn add(&self, r: &NewRecord) -> Result<i64, RecordsError> {
        self.conn.execute(
            "INSERT INTO records (time, operator, station, reader, serial, model, operation, algorithm, period,
                display_timeout, outcome, error, batch, upn, secret_enc, key_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                now(),
                self.operator,
                self.station,
                r.reader,
                r.serial,
                r.model,
                r.operation,
                r.algorithm,
                r.period,
                r.display_timeout,
                if r.ok { "ok" } else { "failed" },
                r.error,
                r.batch,
                r.upn,
                r.secret_enc,
                r.key_id,
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn map(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
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
            outcome: row.get(11)?,
            error: row.get(12)?,
            batch: row.get(13)?,
            upn: row.get(14)?,
            secret_kept: row.get::<_, Option<Vec<u8>>>(15)?.is_some(),
        })
    }

    const COLUMNS: &'static str =
        "id, time, operator, station, reader, serial, model, operation, algorithm, period,
        display_timeout, outcome, error, batch, upn, secret_enc";

    /// Every record (optionally of one serial), oldest first.
    pub fn list(&self, serial: Option<&str>) -> Result<Vec<Record>, RecordsError> {
        let sql = format!(
            "SELECT {} FROM records WHERE (?1 IS NULL OR serial = ?1) ORDER BY id",
            Self::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![serial], Self::map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest record of a serial.
    pub fn last_for_serial(&self, serial: &str) -> Result<Option<Record>, RecordsError> {
        let sql = format!(
            "SELECT {} FROM records WHERE serial = ?1 ORDER BY id DESC LIMIT 1",
            Self::COLUMNS
        );
        Ok(self
            .conn
            .query_row(&sql, params![serial], Self::map)
            .optional()?)
    }

    /// Kept secrets of successful burns: (record, ciphertext, key id),
    /// the latest per serial, optionally of one batch.
    pub fn kept_secrets(
        &self,
        batch: Option<&str>,
    ) -> Result<Vec<(Record, Vec<u8>, i64)>, RecordsError> {
        let sql = format!(
            "SELECT {}, key_id FROM records r WHERE outcome = 'ok' AND secret_enc IS NOT NULL
               AND (?1 IS NULL OR batch = ?1)
               AND id = (SELECT MAX(id) FROM records r2 WHERE r2.serial = r.serial AND r2.outcome = 'ok')
             ORDER BY id",
            Self::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![batch], |row| {
            Ok((
                Self::map(row)?,
                row.get::<_, Vec<u8>>(15)?,
                row.get::<_, i64>(16)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Add a vault key (recipient and passphrase-wrapped identity).
    pub fn add_key(&self, recipient: &str, wrapped_identity: &[u8]) -> Result<i64, RecordsError> {
        self.conn.execute(
            "INSERT INTO vault_keys (time, recipient, wrapped_identity) VALUES (?1, ?2, ?3)",
            params![now(), recipient, wrapped_identity],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every vault key: (id, recipient, wrapped identity).
    pub fn keys(&self) -> Result<Vec<(i64, String, Vec<u8>)>, RecordsError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, recipient, wrapped_identity FROM vault_keys ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether UPDATE/DELETE are refused (for tests of the append-only rule).
    pub fn try_tamper(&self) -> bool {
        self.conn
            .execute("UPDATE records SET outcome = 'ok'", [])
            .is_err()
            && self.conn.execute("DELETE FROM records", []).is_err()
    }
}
