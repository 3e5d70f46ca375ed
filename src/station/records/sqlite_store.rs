//! The records as a SQLite file, the default on one PC: created owner-only
//! (never through a symbolic link), in WAL mode (readers never wait for
//! the writer) with full sync (a committed start or outcome survives a
//! power cut), and brought up to this program's schema when opened.
//! SQLite's locking is reliable between processes on one PC, not on a
//! network share: a fleet shares a PostgreSQL server instead.

use super::{RecordsError, create_private_dir, create_private_file, migrate, system_now};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another process's transaction on the file.
const BUSY: Duration = Duration::from_secs(10);

/// Open (creating if needed) and migrate the file at `path`.
pub(super) fn open(path: &Path) -> Result<Connection, RecordsError> {
    let mut conn = open_unmigrated(path)?;
    until_not_busy(|| migrate::migrate(&mut conn, system_now()))?;
    Ok(conn)
}

/// Run `f` again while another process holds the file (up to [`BUSY`]):
/// switching a new file to WAL takes a lock that SQLite does not wait for
/// by itself, so two stations opening one new file at once would see
/// "database is locked" (seen with two `batch` processes started together).
fn until_not_busy<T>(mut f: impl FnMut() -> Result<T, RecordsError>) -> Result<T, RecordsError> {
    let deadline = std::time::Instant::now() + BUSY;
    loop {
        match f() {
            Err(RecordsError::Database(rusqlite::Error::SqliteFailure(e, _)))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Open (creating if needed) the file at `path` as it is.
pub(super) fn open_unmigrated(path: &Path) -> Result<Connection, RecordsError> {
    let file_err = |p: &Path| {
        let p = p.display().to_string();
        move |source| RecordsError::File { path: p, source }
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(file_err(dir))?;
    }
    create_private_file(path).map_err(file_err(path))?;
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY)?;
    until_not_busy(|| {
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        Ok(())
    })?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}
