//! Where the records are: a file (the default), or a PostgreSQL server
//! given as `postgresql://user@host:port/db?sslmode=…&sslrootcert=…`, read
//! as libpq reads it where libpq has a convention: the password from the
//! address, else `PGPASSWORD`, else the pgpass file (`PGPASSFILE`, else
//! `~/.pgpass`, on Windows `%APPDATA%\postgresql\pgpass.conf`; on Unix
//! ignored unless owner-only); the root certificate from `sslrootcert`,
//! else `~/.postgresql/root.crt`.
//!
//! Safe by default, stricter than libpq: a server that is not on this
//! machine (loopback or a socket folder) is only reached over TLS whose
//! certificate chain *and* host name are verified, whatever `sslmode` says
//! (`require` and `verify-ca` are taken as `verify-full`), and nothing ever
//! falls back to cleartext. The password is never shown: not by `Display`,
//! not by `Debug`, not in an error.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;
use zeroize::Zeroizing;

/// Where the records are.
#[derive(Clone, Debug)]
pub enum StoreLocation {
    /// A SQLite file on this PC.
    File(PathBuf),
    /// A PostgreSQL server shared by a fleet.
    Postgres(PgLocation),
}

/// A PostgreSQL records server.
#[derive(Clone)]
pub struct PgLocation {
    /// Host name or address, or a socket folder (starting with `/`).
    pub host: String,
    /// Port.
    pub port: u16,
    /// Login (one per station).
    pub user: String,
    /// Database.
    pub dbname: String,
    /// TLS.
    pub tls: PgTls,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// How long one statement may take before it is given up.
    pub query_timeout: Duration,
    password: Option<Zeroizing<String>>,
}

/// How a records server is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PgTls {
    /// Cleartext: only to this machine (loopback or a socket).
    Off,
    /// TLS with the chain verified against this root certificate file and
    /// the host name against the server's certificate.
    Verified {
        /// PEM file of the root certificate(s).
        root_cert: PathBuf,
    },
}

/// An address that cannot be used.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocationError {
    /// Not a `postgresql://` address.
    #[error("not a postgresql:// address ({0})")]
    Malformed(String),
    /// A parameter that is not understood.
    #[error("the parameter {0} is not understood")]
    UnknownParameter(String),
    /// A parameter with a value that is not understood.
    #[error("the value of {0} is not understood")]
    BadValue(String),
    /// Cleartext to a server on another machine.
    #[error("the server {host} is not on this machine: it is reached only over verified TLS")]
    CleartextRefused {
        /// The host.
        host: String,
    },
}

impl StoreLocation {
    /// A file path, or a `postgres://` / `postgresql://` address.
    pub fn parse(text: &str) -> Result<StoreLocation, LocationError> {
        let lower = text.trim_start().to_ascii_lowercase();
        if lower.starts_with("postgresql://") || lower.starts_with("postgres://") {
            Ok(StoreLocation::Postgres(PgLocation::parse(text.trim())?))
        } else {
            Ok(StoreLocation::File(PathBuf::from(text)))
        }
    }

    /// Whether this is a server shared by a fleet.
    pub fn is_server(&self) -> bool {
        matches!(self, StoreLocation::Postgres(_))
    }

    /// Whether there may be records here: a file that exists, or a server
    /// (asked when opened). A look never creates a records file.
    pub fn may_hold_records(&self) -> bool {
        match self {
            StoreLocation::File(p) => p.exists(),
            StoreLocation::Postgres(_) => true,
        }
    }
}

impl fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreLocation::File(p) => write!(f, "{}", p.display()),
            StoreLocation::Postgres(pg) => write!(f, "{pg}"),
        }
    }
}

impl fmt::Display for PgLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = if self.host.contains(':') && !self.host.starts_with('/') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        write!(
            f,
            "postgresql://{}@{}:{}/{}",
            self.user, host, self.port, self.dbname
        )?;
        if let PgTls::Verified { .. } = self.tls {
            write!(f, " (TLS)")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PgLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgLocation")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("dbname", &self.dbname)
            .field("tls", &self.tls)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// The environment and files a location is completed from (tests give
/// their own).
pub struct Env<'a> {
    /// A variable's value.
    pub var: &'a dyn Fn(&str) -> Option<String>,
    /// The user's home folder.
    pub home: Option<PathBuf>,
}

impl Env<'_> {
    fn process() -> Env<'static> {
        Env {
            var: &|k| std::env::var(k).ok(),
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
        }
    }
}

impl PgLocation {
    /// Read a `postgresql://` address, completed from this process's
    /// environment (`PGPASSWORD`, `PGUSER`, the pgpass file).
    pub fn parse(text: &str) -> Result<PgLocation, LocationError> {
        PgLocation::parse_with(text, &Env::process())
    }

    /// [`PgLocation::parse`] with a given environment.
    pub fn parse_with(text: &str, env: &Env<'_>) -> Result<PgLocation, LocationError> {
        let url = url::Url::parse(text).map_err(|e| LocationError::Malformed(e.to_string()))?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(LocationError::Malformed(url.scheme().to_string()));
        }
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|_| LocationError::Malformed("not UTF-8".into()))
        };
        let mut host = match url.host() {
            Some(url::Host::Ipv6(a)) => a.to_string(),
            Some(h) => decode(&h.to_string())?,
            None => String::new(),
        };
        let mut port = url.port().unwrap_or(5432);
        let mut user = decode(url.username())?;
        let mut password = url.password().map(decode).transpose()?.map(Zeroizing::new);
        let mut dbname = decode(url.path().trim_start_matches('/'))?;
        let mut sslmode: Option<String> = None;
        let mut root_cert: Option<PathBuf> = None;
        let mut connect_timeout = Duration::from_secs(10);
        let mut query_timeout = Duration::from_secs(15);
        for (k, v) in url.query_pairs() {
            let v = v.into_owned();
            match &*k {
                "host" => host = v,
                "port" => {
                    port = v
                        .parse()
                        .map_err(|_| LocationError::BadValue("port".into()))?
                }
                "user" => user = v,
                "password" => password = Some(Zeroizing::new(v)),
                "dbname" => dbname = v,
                "sslmode" => sslmode = Some(v),
                "sslrootcert" => root_cert = Some(PathBuf::from(v)),
                "connect_timeout" => {
                    let s: u64 = v
                        .parse()
                        .map_err(|_| LocationError::BadValue("connect_timeout".into()))?;
                    connect_timeout = Duration::from_secs(s.clamp(1, 300));
                }
                // Ours, not libpq's: the deadline of one statement.
                "query_timeout" => {
                    let s: u64 = v
                        .parse()
                        .map_err(|_| LocationError::BadValue("query_timeout".into()))?;
                    query_timeout = Duration::from_secs(s.clamp(1, 300));
                }
                "application_name" => {}
                other => return Err(LocationError::UnknownParameter(other.to_string())),
            }
        }
        if host.is_empty() {
            host = "localhost".into();
        }
        if user.is_empty() {
            user = (env.var)("PGUSER").unwrap_or_else(super::os_user);
        }
        if dbname.is_empty() {
            dbname = user.clone();
        }
        let local = is_local(&host);
        let tls = match sslmode.as_deref() {
            None if local => PgTls::Off,
            Some("disable" | "allow" | "prefer") if local => PgTls::Off,
            Some("disable" | "allow" | "prefer") => {
                return Err(LocationError::CleartextRefused { host });
            }
            None | Some("require" | "verify-ca" | "verify-full") => PgTls::Verified {
                root_cert: root_cert
                    .or_else(|| env.home.as_ref().map(|h| h.join(".postgresql/root.crt")))
                    .ok_or_else(|| LocationError::BadValue("sslrootcert".into()))?,
            },
            Some(_) => return Err(LocationError::BadValue("sslmode".into())),
        };
        if password.is_none() {
            password = (env.var)("PGPASSWORD").map(Zeroizing::new);
        }
        let mut loc = PgLocation {
            host,
            port,
            user,
            dbname,
            tls,
            connect_timeout,
            query_timeout,
            password,
        };
        if loc.password.is_none()
            && let Some(file) = pgpass_file(env)
            && let Ok(text) = std::fs::read_to_string(&file)
        {
            loc.password = pgpass_lookup(&text, &loc).map(Zeroizing::new);
        }
        Ok(loc)
    }

    /// Whether a password was given or found (address, `PGPASSWORD`,
    /// pgpass, typed).
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The password, if one was given or found.
    pub(super) fn password(&self) -> Option<&str> {
        self.password.as_deref().map(String::as_str)
    }

    /// With this password (typed by an operator); never stored here.
    pub fn with_password(mut self, password: Zeroizing<String>) -> PgLocation {
        self.password = Some(password);
        self
    }
}

/// A server's address as it may be remembered or shown: any password in
/// it (`user:password@`, `password=`) taken out. Anything that is not a
/// server's address comes back as it is.
pub fn address_without_password(text: &str) -> String {
    let Ok(mut url) = url::Url::parse(text.trim()) else {
        return text.to_string();
    };
    if !matches!(url.scheme(), "postgres" | "postgresql") {
        return text.to_string();
    }
    let _ = url.set_password(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "password")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.to_string()
}

/// Whether `host` is this machine: a socket folder or a loopback address.
fn is_local(host: &str) -> bool {
    host.starts_with('/')
        || host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|a| a.is_loopback())
}

/// The pgpass file libpq would read (on Unix only when owner-only).
fn pgpass_file(env: &Env<'_>) -> Option<PathBuf> {
    let file = match (env.var)("PGPASSFILE") {
        Some(f) => PathBuf::from(f),
        None if cfg!(windows) => PathBuf::from((env.var)("APPDATA")?)
            .join("postgresql")
            .join("pgpass.conf"),
        None => env.home.as_ref()?.join(".pgpass"),
    };
    owner_only(&file).then_some(file)
}

#[cfg(unix)]
fn owner_only(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn owner_only(file: &Path) -> bool {
    file.is_file()
}

/// The password of the first pgpass line matching `loc`
/// (`host:port:db:user:password`, `*` matches anything, `\:` and `\\`
/// escape, `#` starts a comment line; a socket connection matches
/// `localhost`).
pub(super) fn pgpass_lookup(text: &str, loc: &PgLocation) -> Option<String> {
    let host = if loc.host.starts_with('/') {
        "localhost"
    } else {
        &loc.host
    };
    let port = loc.port.to_string();
    let want = [host, port.as_str(), loc.dbname.as_str(), loc.user.as_str()];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() < 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(f, w)| f == "*" || f == w)
        {
            return Some(fields[4..].join(":"));
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> Env<'static> {
        Env {
            var: Box::leak(Box::new(move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            })),
            home: Some(PathBuf::from("/nonexistent-home")),
        }
    }

    #[test]
    fn an_address_to_remember_never_holds_its_password() {
        for (given, kept) in [
            (
                "postgresql://st:hunter2@db.example/fleet?sslrootcert=/ca.pem",
                "postgresql://st@db.example/fleet?sslrootcert=%2Fca.pem",
            ),
            (
                "postgresql://st@127.0.0.1:5433/fleet?password=hunter2&connect_timeout=3",
                "postgresql://st@127.0.0.1:5433/fleet?connect_timeout=3",
            ),
            (
                "postgresql://st@127.0.0.1/fleet?password=hunter2",
                "postgresql://st@127.0.0.1/fleet",
            ),
            ("/data/records.sqlite", "/data/records.sqlite"),
        ] {
            let out = address_without_password(given);
            assert_eq!(out, kept);
            assert!(!out.contains("hunter2"));
            // What is kept still reads as the same server.
            if given.starts_with("postgresql") {
                let a = PgLocation::parse_with(given, &env(&[])).unwrap();
                let b = PgLocation::parse_with(&out, &env(&[])).unwrap();
                assert_eq!(a.to_string(), b.to_string());
                assert!(a.has_password() && !b.has_password());
            }
        }
    }

    #[test]
    fn a_local_server_may_be_cleartext_a_remote_one_only_verified_tls() {
        let e = env(&[]);
        let l = PgLocation::parse_with("postgresql://st1@127.0.0.1:5433/records", &e).unwrap();
        assert_eq!(
            (l.host.as_str(), l.port, l.user.as_str()),
            ("127.0.0.1", 5433, "st1")
        );
        assert_eq!((l.dbname.as_str(), &l.tls), ("records", &PgTls::Off));
        let r = PgLocation::parse_with(
            "postgresql://st1@db.example/records?sslrootcert=/etc/ca.pem",
            &e,
        )
        .unwrap();
        assert_eq!(
            r.tls,
            PgTls::Verified {
                root_cert: "/etc/ca.pem".into()
            }
        );
        for mode in ["disable", "allow", "prefer"] {
            assert_eq!(
                PgLocation::parse_with(
                    &format!("postgresql://st1@db.example/records?sslmode={mode}"),
                    &e
                )
                .unwrap_err(),
                LocationError::CleartextRefused {
                    host: "db.example".into()
                }
            );
        }
        // `require` verifies too (stricter than libpq), with libpq's default root file.
        let q = PgLocation::parse_with("postgres://a@10.1.2.3/r?sslmode=require", &e).unwrap();
        assert_eq!(
            q.tls,
            PgTls::Verified {
                root_cert: "/nonexistent-home/.postgresql/root.crt".into()
            }
        );
        assert!(PgLocation::parse_with("postgresql://a@h/r?sslmode=sometimes", &e).is_err());
        assert!(PgLocation::parse_with("postgresql://a@h/r?bogus=1", &e).is_err());
        // A socket folder is this machine.
        let s = PgLocation::parse_with("postgresql:///records?host=/run/pg&user=st2", &e).unwrap();
        assert_eq!((s.host.as_str(), &s.tls), ("/run/pg", &PgTls::Off));
    }

    #[test]
    fn the_password_comes_from_the_address_pgpassword_or_pgpass_and_is_never_shown() {
        let e = env(&[("PGPASSWORD", "from-env-Secr3t")]);
        let l = PgLocation::parse_with("postgresql://st1:in%40url-Secr3t@localhost/r", &e).unwrap();
        assert_eq!(l.password(), Some("in@url-Secr3t"));
        let shown = format!("{l} {l:?} {}", StoreLocation::Postgres(l.clone()));
        assert!(!shown.contains("Secr3t"), "{shown}");
        let l = PgLocation::parse_with("postgresql://st1@localhost/r", &e).unwrap();
        assert_eq!(l.password(), Some("from-env-Secr3t"));

        let pgpass = "# comment\n\
            otherhost:*:*:*:nope\n\
            localhost:5432:r:st1:pass\\:with\\\\colon:tail\n\
            *:*:*:*:fallback\n";
        let l = PgLocation::parse_with("postgresql://st1@localhost/r", &env(&[])).unwrap();
        assert_eq!(
            pgpass_lookup(pgpass, &l).as_deref(),
            Some("pass:with\\colon:tail")
        );
        let other =
            PgLocation::parse_with("postgresql://st9@h.example/x?sslrootcert=/c", &env(&[]))
                .unwrap();
        assert_eq!(pgpass_lookup(pgpass, &other).as_deref(), Some("fallback"));
    }

    #[test]
    fn a_path_is_a_file() {
        assert!(matches!(
            StoreLocation::parse("/var/lib/records.sqlite").unwrap(),
            StoreLocation::File(_)
        ));
        assert!(
            StoreLocation::parse("POSTGRESQL://a@localhost/r")
                .unwrap()
                .is_server()
        );
    }

    proptest! {
        #[test]
        fn any_address_or_pgpass_text_is_read_without_panicking(
            text in "\\PC{0,80}",
            tail in "[a-z0-9:/@?=&%.\\[\\]-]{0,60}",
        ) {
            let e = env(&[]);
            let _ = PgLocation::parse_with(&text, &e);
            if let Ok(l) = PgLocation::parse_with(&format!("postgresql://{tail}"), &e) {
                let _ = pgpass_lookup(&text, &l);
                let shown = l.to_string();
                prop_assert!(!shown.is_empty());
            }
        }
    }
}
