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
use db::{Exec, Lite, Val};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use thiserror::Error;

pub use super::private_files::{create_private_dir, create_private_file};
pub use assignments::Assignment;
pub use claims::{Begun, Fill, NotBegun, RowPick, Start};
pub use import::{ImportError, ImportReport};
pub use location::{LocationError, PgLocation, StoreLocation, address_without_password};
pub use migrate::SCHEMA_VERSION;
pub use model::{
    Check, Flag, Flags, HeldState, NewRecord, Operation, Outcome, Record, Status, Stored,
};
pub use query::PageQuery;
pub use spool::Delivery;
pub use stock::{KnownSerial, parse_stock};

mod assignments;
mod checks;
mod claims;
mod db;
mod import;
mod location;
mod migrate;
mod model;
mod pg_trips;
mod postgres_store;
mod query;
mod spool;
mod sqlite_store;
mod stock;

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
    /// The records were written by a newer totp-burner (a schema this one
    /// does not know): they are left alone.
    #[error("{}", crate::explain::records_error(self))]
    TooNew {
        /// The store's schema version.
        found: i64,
        /// The newest this program knows.
        supported: i64,
    },
    /// The records server's schema is older than this program (stations
    /// never change a server's schema: `records migrate` does).
    #[error("{}", crate::explain::records_error(self))]
    TooOld {
        /// The server's schema version (0: none, `records init` not run).
        found: i64,
        /// The version this program needs.
        supported: i64,
    },
    /// The records server could not be reached or refused a query.
    #[error("{}", crate::explain::records_error(self))]
    Server(#[from] tokio_postgres::Error),
    /// The records server did not answer in time (a frozen server or
    /// network): the statement is given up, and nothing is half-done (an
    /// unfinished transaction is rolled back by the server).
    #[error("{}", crate::explain::records_error(self))]
    TimedOut {
        /// The deadline, in seconds.
        seconds: u64,
    },
    /// The records server's address is not usable as given.
    #[error("{}", crate::explain::records_error(self))]
    Location(#[from] LocationError),
    /// TLS to the records server cannot be set up (its root certificate).
    #[error("{}", crate::explain::records_error(self))]
    Tls {
        /// Why (never a secret).
        detail: String,
    },
    /// A station login's name that a server would not take as it is.
    #[error("{}", crate::explain::records_error(self))]
    BadStationName {
        /// The name given.
        name: String,
    },
    /// Station logins are made on a records server, not in a file.
    #[error("{}", crate::explain::records_error(self))]
    NotAServer,
    /// The records hold something this program cannot read.
    #[error("{}", crate::explain::records_error(self))]
    Damaged {
        /// What (never a secret).
        detail: String,
    },
}

impl RecordsError {
    /// What the records server said, or why it could not be reached (the
    /// driver's words: they name the server, never the password); empty
    /// for other failures.
    pub fn server_detail(&self) -> String {
        let RecordsError::Server(e) = self else {
            return String::new();
        };
        match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            None => {
                let mut words = e.to_string();
                let mut source = std::error::Error::source(e);
                while let Some(s) = source {
                    words.push_str(": ");
                    words.push_str(&s.to_string());
                    source = s.source();
                }
                words
            }
        }
    }

    /// The records server cannot be reached now (refused, cut, timed out):
    /// a state to wait out, not a reason to stop. A server that answered
    /// with an error (privileges, a constraint) is not this.
    pub fn is_unreachable(&self) -> bool {
        match self {
            RecordsError::Server(e) => e.as_db_error().is_none(),
            RecordsError::TimedOut { .. } => true,
            _ => false,
        }
    }
}

/// The records database: the SQLite file (the default, one PC) or a
/// PostgreSQL server (a fleet). Safe to share between threads (one
/// connection behind a lock: the station's reader loops append through it).
pub struct Store {
    db: Db,
    operator: String,
    station: String,
    location: StoreLocation,
    clock: Arc<dyn Clock>,
    /// Where outcomes the server could not take wait (servers only).
    spool: Option<spool::Spool>,
    /// Per list, the row after the last one this handle took: the row a
    /// server start expects to take (a guess the server checks).
    row_hints: Mutex<std::collections::HashMap<String, pg_trips::RowHint>>,
}

/// The columns an appended records row sets ([`Store::record_args`]).
const INSERT_COLUMNS: &str = "time, operator, station, reader, serial, model, operation,
    algorithm, period, display_timeout, outcome, error_code, token_state, batch, upn, list_id,
    list_row, op_id, flags, secret_enc, key_id";
const INSERT_ARGS: usize = 21;

/// `?first, ?first+1, …` (`n` of them).
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The connection of one backend.
enum Db {
    Lite(Mutex<Connection>),
    Pg(Box<Mutex<postgres_store::PgConn>>),
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
    /// Open (creating if needed, owner-only) the records file at `path`.
    pub fn open(path: &Path, station: Option<&str>) -> Result<Store, RecordsError> {
        Store::open_at(&StoreLocation::File(path.to_path_buf()), station)
    }

    /// Open the records where `location` says: a file (created if needed,
    /// brought up to this program's schema), or a PostgreSQL server (whose
    /// schema an administrator made with `records init`: a server older or
    /// newer than this program is refused, never changed).
    pub fn open_at(location: &StoreLocation, station: Option<&str>) -> Result<Store, RecordsError> {
        let db = match location {
            StoreLocation::File(path) => Db::Lite(Mutex::new(sqlite_store::open(path)?)),
            StoreLocation::Postgres(pg) => Db::Pg(Box::new(Mutex::new(
                postgres_store::PgConn::open_checked(pg)?,
            ))),
        };
        // On a server a station's name is its login (the server refuses
        // records in another name); on a file, the one given or the host's.
        let station = match location {
            StoreLocation::Postgres(pg) => pg.user.clone(),
            StoreLocation::File(_) => station.map_or_else(host_name, str::to_string),
        };
        let spool = match location {
            StoreLocation::Postgres(pg) => {
                crate::dirs::data_dir().map(|d| spool::Spool::for_server(&d.join("spool"), pg))
            }
            StoreLocation::File(_) => None,
        };
        let store = Store {
            db,
            operator: os_user(),
            station,
            location: location.clone(),
            clock: Arc::new(SystemClock),
            spool,
            row_hints: Mutex::new(Default::default()),
        };
        // Outcomes kept while the server was away (a station killed or
        // stopped before it could deliver them) go first; what cannot go
        // now goes before the next start.
        let _ = store.deliver_spooled();
        Ok(store)
    }

    /// Make or bring up the schema at `location` (`records init` and
    /// `records migrate`, run by an administrator): the schema version
    /// before and after.
    pub fn migrate_at(location: &StoreLocation) -> Result<(i64, i64), RecordsError> {
        match location {
            StoreLocation::File(path) => {
                let before = {
                    let probe = sqlite_store::open_unmigrated(path)?;
                    migrate::version(&probe)?
                };
                drop(sqlite_store::open(path)?);
                Ok((before, SCHEMA_VERSION))
            }
            StoreLocation::Postgres(pg) => postgres_store::migrate(pg),
        }
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

    /// Run `f` on the connection (reads, and single appends).
    fn read<R>(
        &self,
        f: impl FnOnce(&mut dyn Exec) -> Result<R, RecordsError>,
    ) -> Result<R, RecordsError> {
        match &self.db {
            Db::Lite(c) => f(&mut Lite(&lock(c))),
            Db::Pg(c) => lock(c).run(f),
        }
    }

    /// Run `f` in one write transaction: SQLite's `BEGIN IMMEDIATE` (one
    /// writer on the file at a time), PostgreSQL's transaction with an
    /// advisory lock on each of `keys` (the list, the serial, the
    /// operation: the writers that could collide wait for each other).
    /// Committed when `f` succeeds, rolled back when it fails.
    fn write<R, E: From<RecordsError>>(
        &self,
        keys: &[String],
        f: impl FnOnce(&mut dyn Exec) -> Result<R, E>,
    ) -> Result<R, E> {
        match &self.db {
            Db::Lite(c) => {
                let mut conn = lock(c);
                let tx = conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                    .map_err(RecordsError::from)?;
                let out = f(&mut Lite(&tx))?;
                tx.commit().map_err(RecordsError::from)?;
                Ok(out)
            }
            Db::Pg(c) => lock(c).transaction(keys, f),
        }
    }

    /// One transaction in one round trip on a server (see `pg_trips`).
    fn one_trip<T>(
        &self,
        keys: &[String],
        sql: &str,
        args: &[Val<'_>],
        mut map: impl FnMut(&dyn db::Get) -> Result<T, RecordsError>,
    ) -> Result<Vec<T>, RecordsError> {
        match &self.db {
            Db::Pg(c) => lock(c).one_trip(keys, sql, args, &mut map),
            Db::Lite(_) => Err(RecordsError::NotAServer),
        }
    }

    /// Where the records are (a file, or a server: never its password).
    pub fn location(&self) -> &StoreLocation {
        &self.location
    }

    /// The station name written into records.
    pub fn station(&self) -> &str {
        &self.station
    }

    /// Append a record as it is; returns its id. The operation path
    /// appends through [`Store::begin`] and [`Store::finish`], which hold
    /// the guarantees.
    pub fn add(&self, r: &NewRecord) -> Result<i64, RecordsError> {
        self.read(|db| self.insert(db, r))
    }

    fn insert(&self, db: &mut dyn Exec, r: &NewRecord) -> Result<i64, RecordsError> {
        let sql = format!(
            "INSERT INTO records ({INSERT_COLUMNS}) VALUES ({}) RETURNING id",
            placeholders(1, INSERT_ARGS)
        );
        db.one(&sql, &self.record_args(r), |row| row.i64("id"))
    }

    /// A row's values in the order of [`INSERT_COLUMNS`].
    fn record_args<'a>(&'a self, r: &'a NewRecord) -> [Val<'a>; INSERT_ARGS] {
        [
            Val::I(Some(r.time.unwrap_or_else(|| self.now()))),
            Val::T(Some(&self.operator)),
            Val::T(Some(&self.station)),
            Val::T(Some(&r.reader)),
            Val::T(r.serial.as_deref()),
            Val::T(r.model.as_deref()),
            Val::T(Some(r.operation.as_str())),
            Val::T(r.algorithm.as_deref()),
            Val::I(r.period),
            Val::I(r.display_timeout),
            Val::T(Some(r.outcome.as_str())),
            Val::T(r.error_code.as_deref()),
            Val::T(r.token_state.map(Stored::as_str)),
            Val::T(r.batch.as_deref()),
            Val::T(r.upn.as_deref()),
            Val::T(r.list_id.as_deref()),
            Val::I(r.list_row),
            Val::T(r.op_id.as_deref()),
            Val::T(r.flags.stored()),
            Val::B(r.secret_enc.as_deref()),
            Val::I(r.key_id),
        ]
    }

    /// Add a vault key (recipient and passphrase-wrapped identity).
    pub fn add_key(&self, recipient: &str, wrapped_identity: &[u8]) -> Result<i64, RecordsError> {
        self.read(|db| {
            db.one(
                "INSERT INTO vault_keys (time, recipient, wrapped_identity) VALUES (?1, ?2, ?3)
                 RETURNING id",
                &[
                    Val::I(Some(self.now())),
                    Val::T(Some(recipient)),
                    Val::B(Some(wrapped_identity)),
                ],
                |r| r.i64("id"),
            )
        })
    }

    /// Add the first vault key, unless one is there already (another
    /// process made it meanwhile: None). One transaction, so two stations
    /// opening new records at once never make two keys.
    pub fn add_first_key(
        &self,
        recipient: &str,
        wrapped_identity: &[u8],
    ) -> Result<Option<i64>, RecordsError> {
        self.write(&["vault:first".to_string()], |db| {
            db.first(
                "INSERT INTO vault_keys (time, recipient, wrapped_identity)
                 SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM vault_keys)
                 RETURNING id",
                &[
                    Val::I(Some(self.now())),
                    Val::T(Some(recipient)),
                    Val::B(Some(wrapped_identity)),
                ],
                |r| r.i64("id"),
            )
        })
    }

    /// Every vault key's public half: (id, recipient), oldest first (what a
    /// fleet's station may read).
    pub fn recipients(&self) -> Result<Vec<(i64, String)>, RecordsError> {
        self.read(|db| {
            db.all(
                "SELECT id, recipient FROM vault_keys ORDER BY id",
                &[],
                |r| Ok((r.i64("id")?, r.text("recipient")?)),
            )
        })
    }

    /// Make a station's login on a records server (an administrator): it
    /// may read and append, in its own name only. The password goes to the
    /// server as a SCRAM verifier, never as itself.
    pub fn add_station_login(&self, name: &str, password: &str) -> Result<(), RecordsError> {
        let valid = name.len() <= 63
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(RecordsError::BadStationName {
                name: name.chars().take(80).collect(),
            });
        }
        if !self.location.is_server() {
            return Err(RecordsError::NotAServer);
        }
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        self.write(&[], |db| {
            let ddl = db.one(
                "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', ?1, ?2,
                     totp_burner_station_role()) AS ddl",
                &[Val::T(Some(name)), Val::T(Some(&verifier))],
                |r| r.text("ddl"),
            )?;
            db.exec(&ddl, &[]).map(|_| ())
        })
    }

    /// Every vault key: (id, recipient, wrapped identity).
    pub fn keys(&self) -> Result<Vec<(i64, String, Vec<u8>)>, RecordsError> {
        self.read(|db| {
            db.all(
                "SELECT id, recipient, wrapped_identity FROM vault_keys ORDER BY id",
                &[],
                |r| {
                    Ok((
                        r.i64("id")?,
                        r.text("recipient")?,
                        r.bytes("wrapped_identity")?,
                    ))
                },
            )
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(any(test, feature = "test-hooks"))]
pub mod testing;
#[cfg(test)]
mod tests;
