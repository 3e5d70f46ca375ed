//! Verification codes: what a token holding a secret shows at a given time
//! (6 digits, as on every one of these tokens), computed by `totp-rs`.

use super::Secret;
use crate::params::{HmacAlgorithm, TimeStep};
use serde::Serialize;
use totp_rs::{Algorithm, Builder};

/// Digits shown by these tokens.
pub const DIGITS: u8 = 6;

/// The codes around one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Codes {
    /// Code for the current step.
    pub current: String,
    /// Code for the step before.
    pub previous: String,
    /// Code for the step after.
    pub next: String,
    /// Seconds until the current code changes (1..=period).
    pub seconds_left: u64,
    /// The time the codes are for, Unix seconds.
    pub at: u64,
}

fn algorithm(a: HmacAlgorithm) -> Algorithm {
    match a {
        HmacAlgorithm::Sha1 => Algorithm::SHA1,
        HmacAlgorithm::Sha256 => Algorithm::SHA256,
    }
}

/// The 6-digit code for `secret` at Unix time `at`.
pub fn code_at(secret: &Secret, alg: HmacAlgorithm, period: TimeStep, at: u64) -> String {
    let totp = Builder::new()
        .with_algorithm(algorithm(alg))
        .with_digits(DIGITS)
        .with_step_duration(period.seconds())
        .with_secret(secret.bytes().to_vec())
        .build_noncompliant();
    totp.generate(at).to_string()
}

/// Current, previous and next codes and the seconds left at `now`.
pub fn codes_at(secret: &Secret, alg: HmacAlgorithm, period: TimeStep, now: u64) -> Codes {
    let step = period.seconds();
    Codes {
        current: code_at(secret, alg, period, now),
        previous: code_at(secret, alg, period, now.saturating_sub(step)),
        next: code_at(secret, alg, period, now.saturating_add(step)),
        seconds_left: step - now % step,
        at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B; these tokens show the last 6 of the 8 digits.
    const SHA1_VECTORS: [(u64, &str); 6] = [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ];
    const SHA256_VECTORS: [(u64, &str); 6] = [
        (59, "46119246"),
        (1111111109, "68084774"),
        (1111111111, "67062674"),
        (1234567890, "91819424"),
        (2000000000, "90698825"),
        (20000000000, "77737706"),
    ];

    #[test]
    fn rfc6238_sha1() {
        let s = Secret::new(b"12345678901234567890".to_vec());
        for (t, want) in SHA1_VECTORS {
            assert_eq!(
                code_at(&s, HmacAlgorithm::Sha1, TimeStep::Seconds30, t),
                want[2..],
                "t={t}"
            );
        }
    }

    #[test]
    fn rfc6238_sha256() {
        let s = Secret::new(b"12345678901234567890123456789012".to_vec());
        for (t, want) in SHA256_VECTORS {
            assert_eq!(
                code_at(&s, HmacAlgorithm::Sha256, TimeStep::Seconds30, t),
                want[2..],
                "t={t}"
            );
        }
    }

    #[test]
    fn neighbours_and_countdown() {
        let s = Secret::new(b"12345678901234567890".to_vec());
        let c = codes_at(&s, HmacAlgorithm::Sha1, TimeStep::Seconds30, 1111111111);
        assert_eq!(c.current, "050471");
        // 1111111111 - 30 falls in the same step as 1111111109.
        assert_eq!(c.previous, "081804");
        assert_eq!(c.seconds_left, 30 - 1111111111 % 30);
        assert_eq!(
            c.next,
            code_at(&s, HmacAlgorithm::Sha1, TimeStep::Seconds30, 1111111141)
        );
        let c60 = codes_at(&s, HmacAlgorithm::Sha1, TimeStep::Seconds60, 120);
        assert_eq!(c60.seconds_left, 60);
    }
}
