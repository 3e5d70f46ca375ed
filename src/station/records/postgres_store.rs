//! The records on a PostgreSQL server, shared by a fleet of stations and
//! help-desk PCs: one connection per store (rust-postgres, synchronous),
//! TLS through rustls with the server's chain and name verified (or
//! cleartext to this machine only: see `location`), SCRAM or any other
//! method the server asks for, each query prepared once per connection.
//! The schema is made and upgraded by an administrator (`records init`,
//! `records migrate`); a station opening a server whose schema is older or
//! newer than it understands refuses it, so stations upgraded at different
//! times never write a schema they do not know.

use super::db::{Exec, Pg};
use super::location::{PgLocation, PgTls};
use super::{RecordsError, SCHEMA_VERSION, system_now};
use postgres::config::SslMode;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The migrations, in order: (version, SQL); the same numbers as the
/// SQLite file's.
const MIGRATIONS: [(i64, &str); 4] = [
    (1, include_str!("migrations/postgres/0001_initial.sql")),
    (2, include_str!("migrations/postgres/0002_list_claims.sql")),
    (
        3,
        include_str!("migrations/postgres/0003_station_logins.sql"),
    ),
    (4, include_str!("migrations/postgres/0004_stock.sql")),
];

/// Server-side limits of every session: a statement or a lock wait that
/// hangs (a frozen peer, a forgotten transaction) ends with an error, and
/// the connection's socket gives up on an unanswered write.
const SESSION_OPTIONS: &str =
    "-c statement_timeout=20000 -c lock_timeout=20000 -c idle_in_transaction_session_timeout=60000";
const TCP_USER_TIMEOUT: Duration = Duration::from_secs(20);

/// One connection to the records server.
pub(super) struct PgConn {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
    location: PgLocation,
}

/// Connect to `loc` (TLS as it says).
fn connect(loc: &PgLocation) -> Result<postgres::Client, RecordsError> {
    let mut cfg = postgres::Config::new();
    cfg.host(&loc.host)
        .port(loc.port)
        .user(&loc.user)
        .dbname(&loc.dbname)
        .application_name("totp-burner")
        .options(SESSION_OPTIONS)
        .connect_timeout(loc.connect_timeout)
        .tcp_user_timeout(TCP_USER_TIMEOUT)
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30));
    if let Some(pw) = loc.password() {
        cfg.password(pw);
    }
    match &loc.tls {
        PgTls::Off => {
            cfg.ssl_mode(SslMode::Disable);
            Ok(cfg.connect(postgres::NoTls)?)
        }
        PgTls::Verified { root_cert } => {
            cfg.ssl_mode(SslMode::Require);
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(root_cert)?);
            Ok(cfg.connect(tls)?)
        }
    }
}

/// TLS that trusts only the root certificate(s) in `root_cert` (PEM).
fn tls_config(root_cert: &std::path::Path) -> Result<rustls::ClientConfig, RecordsError> {
    let file_err = |source| RecordsError::File {
        path: root_cert.display().to_string(),
        source,
    };
    let bad = |detail: String| RecordsError::Tls { detail };
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(root_cert).map_err(|e| match e {
        rustls::pki_types::pem::Error::Io(io) => file_err(io),
        other => bad(other.to_string()),
    })?;
    for cert in certs {
        let cert = cert.map_err(|e| bad(e.to_string()))?;
        roots.add(cert).map_err(|e| bad(e.to_string()))?;
    }
    if roots.is_empty() {
        return Err(bad(format!("no certificate in {}", root_cert.display())));
    }
    // ring (no cmake or nasm for the Windows cross build); its provider is
    // deprecated only for lacking post-quantum key exchange.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| bad(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// The server's schema version (0: none).
fn version(db: &mut dyn Exec) -> Result<i64, RecordsError> {
    let present = db.one(
        "SELECT to_regclass('schema_version') IS NOT NULL AS present",
        &[],
        |r| r.flag("present"),
    )?;
    if !present {
        return Ok(0);
    }
    db.one(
        "SELECT COALESCE(MAX(version), 0) AS version FROM schema_version",
        &[],
        |r| r.i64("version"),
    )
}

impl PgConn {
    /// Connect and check that the server's schema is the one this program
    /// writes.
    pub(super) fn open_checked(loc: &PgLocation) -> Result<PgConn, RecordsError> {
        let mut conn = PgConn {
            client: connect(loc)?,
            statements: HashMap::new(),
            location: loc.clone(),
        };
        let found = conn.run(version)?;
        if found > SCHEMA_VERSION {
            return Err(RecordsError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(RecordsError::TooOld {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(conn)
    }

    /// A connection that broke is made again before the next use (its
    /// prepared statements with it).
    fn ensure_connected(&mut self) -> Result<(), RecordsError> {
        if self.client.is_closed() {
            self.client = connect(&self.location)?;
            self.statements.clear();
        }
        Ok(())
    }

    /// Run `f` on the connection, outside a transaction.
    pub(super) fn run<R>(
        &mut self,
        f: impl FnOnce(&mut dyn Exec) -> Result<R, RecordsError>,
    ) -> Result<R, RecordsError> {
        self.ensure_connected()?;
        f(&mut Pg {
            client: &mut self.client,
            statements: &mut self.statements,
        })
    }

    /// Run `f` in one transaction holding a transaction-scoped advisory
    /// lock on each of `keys` (taken in sorted order: two writers never
    /// wait for each other in a circle).
    pub(super) fn transaction<R, E: From<RecordsError>>(
        &mut self,
        keys: &[String],
        f: impl FnOnce(&mut dyn Exec) -> Result<R, E>,
    ) -> Result<R, E> {
        self.ensure_connected()?;
        let mut keys: Vec<&String> = keys.iter().collect();
        keys.sort();
        keys.dedup();
        let mut tx = self.client.transaction().map_err(RecordsError::from)?;
        let mut db = Pg {
            client: &mut tx,
            statements: &mut self.statements,
        };
        for k in keys {
            db.exec(
                "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))",
                &[super::db::Val::T(Some(k))],
            )?;
        }
        let out = f(&mut db)?;
        tx.commit().map_err(RecordsError::from)?;
        Ok(out)
    }
}

/// Make or bring up the server's schema (one transaction, under an
/// advisory lock: two administrators at once apply each migration once):
/// the version before and after.
pub(super) fn migrate(loc: &PgLocation) -> Result<(i64, i64), RecordsError> {
    let mut client = connect(loc)?;
    let mut tx = client.transaction()?;
    tx.batch_execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('totp-burner schema', 0));
         CREATE TABLE IF NOT EXISTS schema_version (
             version BIGINT PRIMARY KEY, time BIGINT NOT NULL)",
    )?;
    let mut statements = HashMap::new();
    let before = version(&mut Pg {
        client: &mut tx,
        statements: &mut statements,
    })?;
    if before > SCHEMA_VERSION {
        return Err(RecordsError::TooNew {
            found: before,
            supported: SCHEMA_VERSION,
        });
    }
    for (v, sql) in MIGRATIONS {
        if v > before {
            tx.batch_execute(sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, time) VALUES ($1, $2)",
                &[&v, &system_now()],
            )?;
        }
    }
    tx.commit()?;
    Ok((before, SCHEMA_VERSION))
}
