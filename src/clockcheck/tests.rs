//! Unit tests of the PC clock check: the decision, the configuration, the
//! cache arithmetic, and a closed local port.

use super::*;

const LIMIT: Duration = Duration::from_secs(5);

fn verified(offset_ms: i64) -> ClockCheck {
    ClockCheck::Verified {
        offset_ms,
        server: "ntp.example".into(),
    }
}

#[test]
fn within_the_limit_is_written_either_side_and_at_the_limit() {
    for offset in [0, 1, -1, 4_999, -4_999, 5_000, -5_000] {
        let v = permits_clock_write(&verified(offset), LIMIT, false);
        assert_eq!(
            v,
            Ok(ClockVerdict::Verified {
                offset_ms: offset,
                server: "ntp.example".into()
            }),
            "{offset}"
        );
    }
}

#[test]
fn beyond_the_limit_is_refused_with_the_offset() {
    for offset in [5_001, -5_001, 120_000, -120_000, i64::MIN, i64::MAX] {
        let e = permits_clock_write(&verified(offset), LIMIT, false).unwrap_err();
        assert_eq!(e.offset_ms, offset);
        assert_eq!(e.limit, LIMIT);
        assert_eq!(e.server, "ntp.example");
    }
}

#[test]
fn the_override_is_recorded_only_when_it_was_needed() {
    let over = permits_clock_write(&verified(120_000), LIMIT, true).unwrap();
    assert_eq!(over.name(), "overridden");
    let fine = permits_clock_write(&verified(300), LIMIT, true).unwrap();
    assert_eq!(fine.name(), "verified");
}

#[test]
fn no_answer_is_written_unverified_with_its_reason() {
    let check = ClockCheck::Unverified {
        reason: UnverifiedReason::Timeout { waited_ms: 1000 },
    };
    for override_ in [false, true] {
        let v = permits_clock_write(&check, LIMIT, override_).unwrap();
        assert_eq!(
            v,
            ClockVerdict::Unverified {
                reason: UnverifiedReason::Timeout { waited_ms: 1000 }
            }
        );
    }
}

#[test]
fn a_zero_limit_allows_only_an_exact_clock() {
    assert!(permits_clock_write(&verified(0), Duration::ZERO, false).is_ok());
    assert!(permits_clock_write(&verified(1), Duration::ZERO, false).is_err());
}

#[test]
fn an_empty_server_list_answers_at_once_without_network() {
    let c = NtpConfig::from_vars(|k| (k == SERVERS_VAR).then(String::new));
    assert!(c.servers.is_empty());
    let t = Instant::now();
    assert_eq!(
        check_pc_clock(&c),
        ClockCheck::Unverified {
            reason: UnverifiedReason::NoServers
        }
    );
    assert!(t.elapsed() < Duration::from_millis(50));
}

#[test]
fn config_from_variables() {
    let none = NtpConfig::from_vars(|_| None);
    assert_eq!(none, NtpConfig::default());
    assert_eq!(none.servers, ["pool.ntp.org", "time.windows.com"]);
    assert_eq!(none.limit, Duration::from_secs(5));
    let vars = |k: &str| match k {
        SERVERS_VAR => Some(" 127.0.0.1:11123 , ,ntp.example".to_string()),
        LIMIT_VAR => Some("2.5".to_string()),
        TIMEOUT_VAR => Some("300".to_string()),
        _ => None,
    };
    let c = NtpConfig::from_vars(vars);
    assert_eq!(c.servers, ["127.0.0.1:11123", "ntp.example"]);
    assert_eq!(c.limit, Duration::from_millis(2500));
    assert_eq!(c.timeout, Duration::from_millis(300));
    let bad = NtpConfig::from_vars(|k| (k != SERVERS_VAR).then(|| "-1x".to_string()));
    assert_eq!(bad, NtpConfig::default());
    let negative = NtpConfig::from_vars(|k| (k == LIMIT_VAR).then(|| "-3".to_string()));
    assert_eq!(negative.limit, DEFAULT_LIMIT);
}

#[test]
fn server_addresses_with_and_without_port() {
    assert_eq!(split_host_port("pool.ntp.org"), Some(("pool.ntp.org", 123)));
    assert_eq!(
        split_host_port("127.0.0.1:11123"),
        Some(("127.0.0.1", 11123))
    );
    assert_eq!(split_host_port("::1"), Some(("::1", 123)));
    assert_eq!(split_host_port("fe80::1"), Some(("fe80::1", 123)));
    assert_eq!(split_host_port("[::1]:4123"), Some(("::1", 4123)));
    assert_eq!(split_host_port("[::1]"), Some(("::1", 123)));
    assert_eq!(split_host_port("host:"), None);
    assert_eq!(split_host_port("host:ntp"), None);
    assert_eq!(split_host_port("[::1]x"), None);
}

#[test]
fn a_kept_answer_follows_the_pc_clock() {
    // Server said 1_000_000 ms; 10 s later on the monotonic clock.
    assert_eq!(offset_now(1_000_000, Duration::from_secs(10), 1_010_000), 0);
    // The PC clock was set back 120 s meanwhile: 120 s behind now.
    assert_eq!(
        offset_now(1_000_000, Duration::from_secs(10), 890_000),
        120_000
    );
    assert_eq!(offset_now(i128::MAX / 2, Duration::ZERO, 0), i64::MAX);
}

#[test]
fn the_most_telling_failure_is_reported() {
    let dns = UnverifiedReason::DnsFailure { server: "a".into() };
    let bad = UnverifiedReason::BadAnswer {
        server: "b".into(),
        detail: "x".into(),
    };
    assert_eq!(most_telling(vec![dns.clone(), bad.clone()]), Some(bad));
    assert_eq!(most_telling(vec![dns.clone()]), Some(dns));
    assert_eq!(most_telling(vec![]), None);
}

#[test]
fn a_closed_port_is_unverified_quickly() {
    let port = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.local_addr().unwrap().port()
    };
    let c = NtpConfig {
        servers: vec![format!("127.0.0.1:{port}")],
        ..NtpConfig::default()
    };
    match check_pc_clock(&c) {
        ClockCheck::Unverified { reason } => assert!(
            matches!(
                reason,
                UnverifiedReason::Unreachable { .. } | UnverifiedReason::Timeout { .. }
            ),
            "{reason:?}"
        ),
        v => panic!("nothing listens there, yet {v:?}"),
    }
}
