//! The records on a PostgreSQL server, shared by a fleet of stations and
//! help-desk PCs: one connection per store (tokio-postgres on a runtime of
//! the connection's own, each statement waited for at most its deadline, so
//! a frozen server or network never hangs a station),
//! TLS through rustls with the server's chain and name verified (or
//! cleartext to this machine only: see `location`), SCRAM or any other
//! method the server asks for, each query prepared once per connection.
//! The schema is made and upgraded by an administrator (`records init`,
//! `records migrate`); a station opening a server whose schema is older or
//! newer than it understands refuses it, so stations upgraded at different
//! times never write a schema they do not know.

use super::db::{Exec, Pg, wait_on};
use super::location::{PgLocation, PgTls};
use super::{RecordsError, SCHEMA_VERSION, system_now};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::config::SslMode;

/// The migrations, in order: (version, SQL); the same numbers as the
/// SQLite file's.
const MIGRATIONS: [(i64, &str); 5] = [
    (1, include_str!("migrations/postgres/0001_initial.sql")),
    (2, include_str!("migrations/postgres/0002_list_claims.sql")),
    (
        3,
        include_str!("migrations/postgres/0003_station_logins.sql"),
    ),
    (4, include_str!("migrations/postgres/0004_stock.sql")),
    (5, include_str!("migrations/postgres/0005_code_checks.sql")),
];

/// Server-side limits of every session: a statement or a lock wait that
/// hangs (a frozen peer, a forgotten transaction) ends with an error, and
/// the connection's socket gives up on an unanswered write.
const SESSION_OPTIONS: &str =
    "-c statement_timeout=20000 -c lock_timeout=20000 -c idle_in_transaction_session_timeout=60000";
const TCP_USER_TIMEOUT: Duration = Duration::from_secs(20);

/// One connection to the records server, with the runtime that drives it.
pub(super) struct PgConn {
    rt: tokio::runtime::Runtime,
    client: tokio_postgres::Client,
    statements: HashMap<String, tokio_postgres::Statement>,
    location: PgLocation,
    broken: bool,
}

/// Connect to `loc` (TLS as it says), within its connect time-out.
fn connect(
    loc: &PgLocation,
) -> Result<(tokio::runtime::Runtime, tokio_postgres::Client), RecordsError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| RecordsError::Damaged {
            detail: e.to_string(),
        })?;
    let mut cfg = tokio_postgres::Config::new();
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
    let mut broken = false;
    // The connection runs as a task on this runtime: it moves while a
    // statement is waited for, which is all it has to do.
    let client = match &loc.tls {
        PgTls::Off => {
            cfg.ssl_mode(SslMode::Disable);
            let (client, conn) = wait_on(
                &rt,
                loc.connect_timeout,
                &mut broken,
                cfg.connect(tokio_postgres::NoTls),
            )?;
            rt.spawn(conn);
            client
        }
        PgTls::Verified { root_cert } => {
            cfg.ssl_mode(SslMode::Require);
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(root_cert)?);
            let (client, conn) = wait_on(&rt, loc.connect_timeout, &mut broken, cfg.connect(tls))?;
            rt.spawn(conn);
            client
        }
    };
    Ok((rt, client))
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
        let (rt, client) = connect(loc)?;
        let mut conn = PgConn {
            rt,
            client,
            statements: HashMap::new(),
            location: loc.clone(),
            broken: false,
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

    /// A connection that broke or timed out is made again before the next
    /// use (its prepared statements with it).
    fn ensure_connected(&mut self) -> Result<(), RecordsError> {
        if self.broken || self.client.is_closed() {
            let (rt, client) = connect(&self.location)?;
            self.rt = rt;
            self.client = client;
            self.statements.clear();
            self.broken = false;
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
            rt: &self.rt,
            client: &self.client,
            statements: &mut self.statements,
            deadline: self.location.query_timeout,
            broken: &mut self.broken,
        })
    }

    /// Run `f` in one transaction holding a transaction-scoped advisory
    /// lock on each of `keys` (taken in sorted order: two writers never
    /// wait for each other in a circle). A failure rolls it back.
    pub(super) fn transaction<R, E: From<RecordsError>>(
        &mut self,
        keys: &[String],
        f: impl FnOnce(&mut dyn Exec) -> Result<R, E>,
    ) -> Result<R, E> {
        self.ensure_connected()?;
        let mut keys: Vec<&String> = keys.iter().collect();
        keys.sort();
        keys.dedup();
        let deadline = self.location.query_timeout;
        let tx = wait_on(
            &self.rt,
            deadline,
            &mut self.broken,
            self.client.transaction(),
        )?;
        let mut db = Pg {
            rt: &self.rt,
            client: &tx,
            statements: &mut self.statements,
            deadline,
            broken: &mut self.broken,
        };
        let mut locked = Ok(());
        for k in keys {
            locked = db
                .exec(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))",
                    &[super::db::Val::T(Some(k))],
                )
                .map(|_| ());
            if locked.is_err() {
                break;
            }
        }
        let out = match locked {
            Ok(()) => f(&mut db),
            Err(e) => Err(e.into()),
        };
        match out {
            Ok(v) => {
                wait_on(&self.rt, deadline, &mut self.broken, tx.commit())?;
                Ok(v)
            }
            Err(e) => {
                // Rolled back now, on this runtime: a transaction dropped
                // unfinished would keep its locks until the connection is
                // next used, and the other stations would wait for them.
                if !self.broken {
                    let _ = wait_on(&self.rt, deadline, &mut self.broken, tx.rollback());
                }
                Err(e)
            }
        }
    }
}

impl PgConn {
    /// One transaction in one round trip: `BEGIN`, an advisory lock on
    /// each of `keys` (sorted), `sql` and `COMMIT`, sent together and run
    /// by the server in order; `sql`'s rows through `map`. A failing
    /// statement aborts the transaction and the `COMMIT` rolls it back.
    pub(super) fn one_trip<T>(
        &mut self,
        keys: &[String],
        sql: &str,
        args: &[super::db::Val<'_>],
        map: &mut dyn FnMut(&dyn super::db::Get) -> Result<T, RecordsError>,
    ) -> Result<Vec<T>, RecordsError> {
        use super::db::{Val, pg_args};
        use futures_util::future::{join4, try_join_all};
        self.ensure_connected()?;
        let mut keys: Vec<&String> = keys.iter().collect();
        keys.sort();
        keys.dedup();
        let deadline = self.location.query_timeout;
        let (lock, main) = {
            let mut db = Pg {
                rt: &self.rt,
                client: &self.client,
                statements: &mut self.statements,
                deadline,
                broken: &mut self.broken,
            };
            (
                db.statement(LOCK, &[Val::T(None)])?,
                db.statement(sql, args)?,
            )
        };
        let key_args: Vec<[Val<'_>; 1]> = keys.iter().map(|k| [Val::T(Some(k))]).collect();
        let key_params: Vec<_> = key_args.iter().map(|a| pg_args(a)).collect();
        let params = pg_args(args);
        let client = &self.client;
        // Each request is sent when its future is first polled: join4 and
        // try_join_all poll in order, so they leave in this order.
        let trip = async {
            let (begin, locked, rows, commit) = join4(
                client.batch_execute("BEGIN"),
                try_join_all(key_params.iter().map(|p| client.execute(&lock, p))),
                client.query(&main, &params),
                client.batch_execute("COMMIT"),
            )
            .await;
            begin?;
            locked?;
            let rows = rows?;
            commit?;
            Ok(rows)
        };
        let rows = wait_on(&self.rt, deadline, &mut self.broken, trip)?;
        rows.iter().map(|r| map(r)).collect()
    }
}

/// An advisory lock held to the end of the transaction.
const LOCK: &str = "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))";

/// Make or bring up the server's schema (one transaction, under an
/// advisory lock: two administrators at once apply each migration once):
/// the version before and after.
pub(super) fn migrate(loc: &PgLocation) -> Result<(i64, i64), RecordsError> {
    let (rt, mut client) = connect(loc)?;
    // Making a schema may take longer than a station's statement.
    let deadline = loc.query_timeout.max(Duration::from_secs(60));
    let mut broken = false;
    let tx = wait_on(&rt, deadline, &mut broken, client.transaction())?;
    wait_on(
        &rt,
        deadline,
        &mut broken,
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('totp-burner schema', 0));
             CREATE TABLE IF NOT EXISTS schema_version (
                 version BIGINT PRIMARY KEY, time BIGINT NOT NULL)",
        ),
    )?;
    let mut statements = HashMap::new();
    let before = version(&mut Pg {
        rt: &rt,
        client: &tx,
        statements: &mut statements,
        deadline,
        broken: &mut broken,
    })?;
    if before > SCHEMA_VERSION {
        return Err(RecordsError::TooNew {
            found: before,
            supported: SCHEMA_VERSION,
        });
    }
    for (v, sql) in MIGRATIONS {
        if v > before {
            wait_on(&rt, deadline, &mut broken, tx.batch_execute(sql))?;
            wait_on(
                &rt,
                deadline,
                &mut broken,
                tx.execute(
                    "INSERT INTO schema_version (version, time) VALUES ($1, $2)",
                    &[&v, &system_now()],
                ),
            )?;
        }
    }
    wait_on(&rt, deadline, &mut broken, tx.commit())?;
    Ok((before, SCHEMA_VERSION))
}
