//! The throw-away PostgreSQL server that `./dev.sh test` starts for the
//! database tests (SCRAM passwords, TLS from a CA of its own; its address
//! and secrets in `TOTP_BURNER_TEST_PG*`): a fresh database per test, so
//! every test starts from an empty store, and the addresses to reach it.

use totp_burner::station::records::{PgLocation, Store, StoreLocation};
use zeroize::Zeroizing;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: the PostgreSQL tests run through ./dev.sh test, which starts the server")
    })
}

/// The server's port on 127.0.0.1.
pub fn port() -> String {
    var("TOTP_BURNER_TEST_PG_PORT")
}

/// The superuser's password.
pub fn password() -> String {
    var("TOTP_BURNER_TEST_PG_PASSWORD")
}

/// The test CA's certificate (PEM).
pub fn ca() -> String {
    var("TOTP_BURNER_TEST_PG_CA")
}

/// The address of database `db` (cleartext on the loopback; no password).
pub fn url(db: &str) -> String {
    format!("postgresql://postgres@127.0.0.1:{}/{db}", port())
}

/// The address of database `db` over TLS, the certificate verified.
pub fn tls_url(db: &str) -> String {
    format!(
        "postgresql://postgres@127.0.0.1:{}/{db}?sslmode=verify-full&sslrootcert={}",
        port(),
        ca()
    )
}

/// A connection to the server's maintenance database.
pub fn admin() -> postgres::Client {
    let mut cfg = postgres::Config::new();
    cfg.host("127.0.0.1")
        .port(port().parse().unwrap())
        .user("postgres")
        .password(password())
        .dbname("postgres");
    cfg.connect(postgres::NoTls)
        .expect("the test server answers")
}

/// An empty database of this test's own (made again if it exists).
pub fn fresh_db(name: &str) -> String {
    let short: String = name.replace('-', "_").chars().take(40).collect();
    let db = format!("tb_{short}_{}", std::process::id());
    let mut c = admin();
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .unwrap();
    c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    db
}

/// Where database `db` is, with the password.
pub fn location(db: &str) -> StoreLocation {
    let StoreLocation::Postgres(pg) = StoreLocation::parse(&url(db)).unwrap() else {
        unreachable!()
    };
    StoreLocation::Postgres(with_password(pg))
}

pub fn with_password(pg: PgLocation) -> PgLocation {
    pg.with_password(Zeroizing::new(password()))
}

/// A fresh database with the records' schema: its location.
pub fn fresh_store(name: &str) -> StoreLocation {
    let loc = location(&fresh_db(name));
    Store::migrate_at(&loc).expect("records init");
    loc
}

/// A superuser's connection to database `db` (to look at the raw rows).
pub fn client(db: &str) -> postgres::Client {
    let mut cfg = postgres::Config::new();
    cfg.host("127.0.0.1")
        .port(port().parse().unwrap())
        .user("postgres")
        .password(password())
        .dbname(db);
    cfg.connect(postgres::NoTls)
        .expect("the test server answers")
}

/// Database `db` reached through a relay on `relay_port`, with the
/// address's parameters `params` (e.g. `query_timeout=2`), the password set.
pub fn via(relay_port: u16, db: &str, params: &str) -> StoreLocation {
    let StoreLocation::Postgres(p) = StoreLocation::parse(&format!(
        "postgresql://postgres@127.0.0.1:{relay_port}/{db}?{params}"
    ))
    .unwrap() else {
        unreachable!()
    };
    StoreLocation::Postgres(with_password(p))
}
