//! The records file's schema, as numbered migrations (the SQL files in
//! `migrations/sqlite/`, embedded), and the `schema_version` table that
//! says which of them a file has. Opening a file applies the ones it lacks,
//! each in one `BEGIN IMMEDIATE` transaction that reads the version again
//! (two processes opening one new file at once apply each migration once);
//! a file newer than this program is refused, never written to.

use super::RecordsError;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

/// The migrations, in order: (version, SQL).
const MIGRATIONS: [(i64, &str); 5] = [
    (1, include_str!("migrations/sqlite/0001_initial.sql")),
    (2, include_str!("migrations/sqlite/0002_list_claims.sql")),
    (3, include_str!("migrations/sqlite/0003_station_logins.sql")),
    (4, include_str!("migrations/sqlite/0004_stock.sql")),
    (5, include_str!("migrations/sqlite/0005_code_checks.sql")),
];

/// The schema version this program writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Columns that files made before schema versions may lack (added in
/// this order, before migration 1 runs on such a file).
const LEGACY_COLUMNS: [(&str, &str); 6] = [
    ("op_id", "TEXT"),
    ("error_code", "TEXT"),
    ("token_state", "TEXT"),
    ("list_id", "TEXT"),
    ("list_row", "INTEGER"),
    ("flags", "TEXT"),
];

/// The file's schema version (0: none recorded, a new or an older file).
pub fn version(conn: &Connection) -> Result<i64, RecordsError> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    Ok(conn
        .query_row("SELECT MAX(version) FROM schema_version", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .optional()?
        .flatten()
        .unwrap_or(0))
}

/// Bring the file up to [`SCHEMA_VERSION`]; refuse one that is newer.
pub fn migrate(conn: &mut Connection, now: i64) -> Result<(), RecordsError> {
    let too_new = |found| RecordsError::TooNew {
        found,
        supported: SCHEMA_VERSION,
    };
    match version(conn)? {
        v if v > SCHEMA_VERSION => return Err(too_new(v)),
        SCHEMA_VERSION => return Ok(()),
        _ => {}
    }
    for (v, sql) in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, time INTEGER NOT NULL)",
        )?;
        // Read again under the write lock: another process may have
        // migrated the file meanwhile.
        let have = version(&tx)?;
        if have > SCHEMA_VERSION {
            return Err(too_new(have));
        }
        if have >= v {
            continue;
        }
        if v == 1 {
            add_legacy_columns(&tx)?;
        }
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, time) VALUES (?1, ?2)",
            rusqlite::params![v, now],
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// A file from before schema versions: add the columns it lacks.
fn add_legacy_columns(conn: &Connection) -> Result<(), RecordsError> {
    let have: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('records')")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if have.is_empty() {
        return Ok(()); // a new file: migration 1 creates the table whole
    }
    for (name, kind) in LEGACY_COLUMNS {
        if !have.iter().any(|h| h == name) {
            conn.execute_batch(&format!("ALTER TABLE records ADD COLUMN {name} {kind}"))?;
        }
    }
    Ok(())
}
