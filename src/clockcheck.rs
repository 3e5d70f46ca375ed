//! Is this PC's clock right? Every burn and sync writes the PC's time into
//! the token, unchecked a station whose clock is two minutes off mis-sets
//! every token (and on models whose time sync erases the secret, fixing it
//! later costs the secret). So before a clock write the PC clock is compared
//! with time servers over SNTP, and a clock off by more than a limit is not
//! written unless the operator overrides it.
//!
//! I/O edge: blocking UDP (one short-lived thread per server, the first good
//! answer wins, ~1 s in all); call it off the UI thread. The decision
//! ([`permits_clock_write`]) is pure. Servers come from
//! `TOTP_BURNER_NTP_SERVERS` (comma-separated `host[:port]`); set to an
//! empty string it disables the check without touching the network
//! ([`UnverifiedReason::NoServers`]), which is what the tests do.
//!
//! Offsets follow NTP's sign: `offset_ms` is the time server's clock minus
//! this PC's, i.e. what must be added to the PC clock to make it right. A
//! positive offset means the PC clock is behind.

use serde::Serialize;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Environment variable: comma-separated `host[:port]` list of time
/// servers; empty disables the check (no network access).
pub const SERVERS_VAR: &str = "TOTP_BURNER_NTP_SERVERS";
/// Environment variable: the largest PC clock offset, in seconds, that is
/// still written without an override (decimals allowed).
pub const LIMIT_VAR: &str = "TOTP_BURNER_PC_CLOCK_LIMIT";
/// Environment variable: how long to wait for the time servers, in ms.
pub const TIMEOUT_VAR: &str = "TOTP_BURNER_NTP_TIMEOUT_MS";

/// The servers asked when none are configured: a public pool and the
/// server Windows itself uses (often allowed through corporate firewalls).
pub const DEFAULT_SERVERS: [&str; 2] = ["pool.ntp.org", "time.windows.com"];
/// Default limit: a TOTP step is 30 s and verifiers allow about one step of
/// drift; 5 s keeps a freshly set token well inside that.
pub const DEFAULT_LIMIT: Duration = Duration::from_secs(5);
/// Default total wait for an answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);
/// Default time a measured offset is reused.
pub const DEFAULT_CACHE_FOR: Duration = Duration::from_secs(5 * 60);
/// An unanswered check is retried sooner than an answered one is redone.
const UNVERIFIED_CACHE_MAX: Duration = Duration::from_secs(30);
/// The longest wait honoured, whatever is configured.
const MAX_TIMEOUT: Duration = Duration::from_secs(30);
const NTP_PORT: u16 = 123;

/// Where and how to check the PC clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NtpConfig {
    /// Time servers as `host[:port]` (port 123 when absent); empty: no check.
    pub servers: Vec<String>,
    /// Total wait for an answer, all servers together.
    pub timeout: Duration,
    /// Largest offset written without an override.
    pub limit: Duration,
    /// How long a result is reused within this process.
    pub cache_for: Duration,
}

impl Default for NtpConfig {
    fn default() -> NtpConfig {
        NtpConfig {
            servers: DEFAULT_SERVERS.iter().map(|s| s.to_string()).collect(),
            timeout: DEFAULT_TIMEOUT,
            limit: DEFAULT_LIMIT,
            cache_for: DEFAULT_CACHE_FOR,
        }
    }
}

impl NtpConfig {
    /// The defaults, overridden by [`SERVERS_VAR`], [`LIMIT_VAR`] and
    /// [`TIMEOUT_VAR`]. Values that do not parse keep the default.
    pub fn from_env() -> NtpConfig {
        NtpConfig::from_vars(|k| std::env::var(k).ok())
    }

    /// [`NtpConfig::from_env`] over any variable lookup (for tests).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> NtpConfig {
        let mut c = NtpConfig::default();
        if let Some(list) = get(SERVERS_VAR) {
            c.servers = list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
        }
        if let Some(limit) = get(LIMIT_VAR).and_then(|v| v.trim().parse::<f64>().ok())
            && let Ok(d) = Duration::try_from_secs_f64(limit)
        {
            c.limit = d;
        }
        if let Some(ms) = get(TIMEOUT_VAR).and_then(|v| v.trim().parse::<u64>().ok()) {
            c.timeout = Duration::from_millis(ms);
        }
        c
    }
}

/// What the time servers said about the PC clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClockCheck {
    /// A server answered.
    Verified {
        /// Server time minus PC time, ms (positive: the PC clock is behind).
        offset_ms: i64,
        /// The server that answered, as configured.
        server: String,
    },
    /// No usable answer: the PC clock could not be checked.
    Unverified {
        /// Why not.
        reason: UnverifiedReason,
    },
}

/// Why the PC clock could not be checked.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnverifiedReason {
    /// No time servers are configured (the check is switched off).
    NoServers,
    /// No server answered in time.
    Timeout {
        /// How long we waited, ms.
        waited_ms: u64,
    },
    /// The server's name could not be resolved (or is not a valid address).
    DnsFailure {
        /// The server, as configured.
        server: String,
    },
    /// The server could not be reached (refused, network unreachable).
    Unreachable {
        /// The server, as configured.
        server: String,
        /// The operating system's words.
        detail: String,
    },
    /// The server answered with something unusable (not synchronised,
    /// malformed, "kiss of death").
    BadAnswer {
        /// The server, as configured.
        server: String,
        /// What was wrong with it.
        detail: String,
    },
}

/// May the PC clock be written, and on what grounds (to be recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClockVerdict {
    /// Checked and within the limit.
    Verified {
        /// Server time minus PC time, ms.
        offset_ms: i64,
        /// The server that answered.
        server: String,
    },
    /// Could not be checked; written as it is.
    Unverified {
        /// Why not.
        reason: UnverifiedReason,
    },
    /// Off by more than the limit, written because the operator said so.
    Overridden {
        /// Server time minus PC time, ms.
        offset_ms: i64,
        /// The server that answered.
        server: String,
    },
}

impl ClockVerdict {
    /// `verified`, `unverified` or `overridden`, for records.
    pub fn name(&self) -> &'static str {
        match self {
            ClockVerdict::Verified { .. } => "verified",
            ClockVerdict::Unverified { .. } => "unverified",
            ClockVerdict::Overridden { .. } => "overridden",
        }
    }
}

/// Refusal: the PC clock is off by more than the limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::explain::clock_off(self).problem)]
pub struct ClockOff {
    /// Server time minus PC time, ms (positive: the PC clock is behind).
    pub offset_ms: i64,
    /// The server that answered.
    pub server: String,
    /// The limit it exceeds.
    pub limit: Duration,
}

/// The decision (pure): within `limit` (inclusive) the clock may be written;
/// beyond it only with `override_`; with no answer it is written unverified.
pub fn permits_clock_write(
    check: &ClockCheck,
    limit: Duration,
    override_: bool,
) -> Result<ClockVerdict, ClockOff> {
    match check {
        ClockCheck::Unverified { reason } => Ok(ClockVerdict::Unverified {
            reason: reason.clone(),
        }),
        ClockCheck::Verified { offset_ms, server } => {
            let (offset_ms, server) = (*offset_ms, server.clone());
            if u128::from(offset_ms.unsigned_abs()) <= limit.as_millis() {
                Ok(ClockVerdict::Verified { offset_ms, server })
            } else if override_ {
                Ok(ClockVerdict::Overridden { offset_ms, server })
            } else {
                Err(ClockOff {
                    offset_ms,
                    server,
                    limit,
                })
            }
        }
    }
}

/// Check the PC clock ([`check_pc_clock`]) and decide ([`permits_clock_write`])
/// with the configured limit: the one call before a clock write.
pub fn check_before_clock_write(
    config: &NtpConfig,
    override_: bool,
) -> Result<ClockVerdict, ClockOff> {
    permits_clock_write(&check_pc_clock(config), config.limit, override_)
}

/// A result kept for reuse. An answer is kept as the server's time at a
/// monotonic instant, so the offset is recomputed against the PC clock on
/// every use: fixing the PC clock takes effect at once, no new query needed.
struct Cached {
    servers: Vec<String>,
    at: Instant,
    answer: Result<(String, i128), UnverifiedReason>,
}

/// One kept result per server list (a process uses one or two lists).
static CACHE: Mutex<Vec<Cached>> = Mutex::new(Vec::new());

/// Compare the PC clock with the configured servers, reusing a result of
/// this process for up to `cache_for` (an unanswered one for at most 30 s).
/// Blocks up to `timeout`; never call it on the UI thread. No servers:
/// `Unverified { NoServers }` at once, without any network access.
pub fn check_pc_clock(config: &NtpConfig) -> ClockCheck {
    if config.servers.is_empty() {
        return ClockCheck::Unverified {
            reason: UnverifiedReason::NoServers,
        };
    }
    // Held during the query: a second caller waits and reuses the answer.
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = cache.iter().find(|c| c.servers == config.servers) {
        let age = c.at.elapsed();
        let keep = match c.answer {
            Ok(_) => config.cache_for,
            Err(_) => config.cache_for.min(UNVERIFIED_CACHE_MAX),
        };
        if age < keep {
            return from_cached(&c.answer, age, now_ms());
        }
    }
    let at = Instant::now();
    let answer = query_servers(&config.servers, config.timeout, at);
    let result = from_cached(&answer, at.elapsed(), now_ms());
    cache.retain(|c| c.servers != config.servers);
    cache.push(Cached {
        servers: config.servers.clone(),
        at,
        answer,
    });
    result
}

/// Forget the kept results (a "check again" button).
pub fn forget_cached_check() {
    CACHE.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// The check from a kept answer: server time then (`server_ms`), `age` ago
/// on the monotonic clock, against the PC clock now (`pc_now_ms`).
fn from_cached(
    answer: &Result<(String, i128), UnverifiedReason>,
    age: Duration,
    pc_now_ms: i128,
) -> ClockCheck {
    match answer {
        Ok((server, server_ms)) => ClockCheck::Verified {
            offset_ms: offset_now(*server_ms, age, pc_now_ms),
            server: server.clone(),
        },
        Err(reason) => ClockCheck::Unverified {
            reason: reason.clone(),
        },
    }
}

/// Server time now (its time `age` ago plus `age`) minus the PC time now.
fn offset_now(server_ms_then: i128, age: Duration, pc_now_ms: i128) -> i64 {
    let diff = server_ms_then + age.as_millis() as i128 - pc_now_ms;
    diff.clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

fn now_ms() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as i128,
        Err(e) => -(e.duration().as_millis() as i128),
    }
}

/// Ask every server at once; the first good answer wins. Returns that
/// server and its time (Unix ms) at the instant `start` (see [`from_cached`]).
fn query_servers(
    servers: &[String],
    timeout: Duration,
    start: Instant,
) -> Result<(String, i128), UnverifiedReason> {
    let timeout = timeout.min(MAX_TIMEOUT);
    let deadline = start + timeout;
    let (tx, rx) = mpsc::channel();
    for server in servers {
        let (tx, server) = (tx.clone(), server.clone());
        // Detached: a name lookup that hangs past the deadline ends on its own.
        let spawned = std::thread::Builder::new()
            .name("ntp-query".into())
            .spawn(move || {
                let answer = query_one(&server, deadline);
                let _ = tx.send((server, answer));
            });
        if let Err(e) = spawned {
            return Err(UnverifiedReason::Unreachable {
                server: servers.join(", "),
                detail: e.to_string(),
            });
        }
    }
    drop(tx);
    let mut failures = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((server, Ok(offset_ms))) => {
                let server_now = now_ms() + i128::from(offset_ms);
                let server_at_start = server_now - start.elapsed().as_millis() as i128;
                return Ok((server, server_at_start));
            }
            Ok((_, Err(reason))) => failures.push(reason),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                return Err(UnverifiedReason::Timeout {
                    waited_ms: timeout.as_millis() as u64,
                });
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(most_telling(failures).unwrap_or(UnverifiedReason::Timeout {
                    waited_ms: timeout.as_millis() as u64,
                }));
            }
        }
    }
}

/// Of several failures, the one that says most: a bad answer, then an
/// unreachable server, then a name that did not resolve, then a timeout.
fn most_telling(failures: Vec<UnverifiedReason>) -> Option<UnverifiedReason> {
    let rank = |r: &UnverifiedReason| match r {
        UnverifiedReason::BadAnswer { .. } => 0,
        UnverifiedReason::Unreachable { .. } => 1,
        UnverifiedReason::DnsFailure { .. } => 2,
        _ => 3,
    };
    failures.into_iter().min_by_key(rank)
}

/// One SNTP exchange: the offset in ms, or why there is none.
fn query_one(server: &str, deadline: Instant) -> Result<i64, UnverifiedReason> {
    let dns = || UnverifiedReason::DnsFailure {
        server: server.to_string(),
    };
    let (host, port) = split_host_port(server).ok_or_else(dns)?;
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|_| dns())?
        .next()
        .ok_or_else(dns)?;
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(UnverifiedReason::Timeout { waited_ms: 0 });
    }
    let bind: SocketAddr = if addr.is_ipv6() {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    } else {
        (std::net::Ipv4Addr::UNSPECIFIED, 0).into()
    };
    let client =
        rsntp::SntpClient::with_config(rsntp::Config::default().bind_address(bind).timeout(left));
    match client.synchronize(addr) {
        Ok(r) => Ok((r.clock_offset().as_secs_f64() * 1000.0).round() as i64),
        Err(rsntp::SynchronizationError::IOError(e))
            if matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            Err(UnverifiedReason::Timeout {
                waited_ms: left.as_millis() as u64,
            })
        }
        Err(rsntp::SynchronizationError::IOError(e)) => Err(UnverifiedReason::Unreachable {
            server: server.to_string(),
            detail: e.to_string(),
        }),
        Err(e) => Err(UnverifiedReason::BadAnswer {
            server: server.to_string(),
            detail: e.to_string(),
        }),
    }
}

/// `host`, `host:port`, `1.2.3.4:port`, `::1`, `[::1]:port` -> host and port
/// (123 when absent); `None` when the port is not a number.
fn split_host_port(spec: &str) -> Option<(&str, u16)> {
    let spec = spec.trim();
    if let Some(rest) = spec.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after.strip_prefix(':') {
            Some(p) => Some((host, p.parse().ok()?)),
            None if after.is_empty() => Some((host, NTP_PORT)),
            None => None,
        };
    }
    match spec.split_once(':') {
        Some((host, port)) if !port.contains(':') => Some((host, port.parse().ok()?)),
        _ => Some((spec, NTP_PORT)),
    }
}

#[cfg(test)]
mod tests;
