//! A successful burn and its check. The check is typed, not clicked: the
//! technician types the code the token shows after a power cycle, and the
//! app compares it with the burned secret's previous, current and next
//! codes (a token a step off still matches). Skipping is its own, explicit
//! act. Every verdict is appended to the records for that operation, and
//! the next token waits until there is one. Codes come from the secret
//! that was burned, never from the secret field, which may already hold
//! the next token's secret.

use crate::clock::Clock;
use crate::params::TokenOptions;
use crate::secret::Secret;
use crate::secret::totp::codes_at;
use crate::station::records::{Check, RecordsError};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Which of the burned secret's codes the token showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// The code of the step before (the token's clock a little behind, or
    /// the code read just before the step changed).
    Previous,
    /// The current code.
    Current,
    /// The code of the next step (the token's clock a little ahead).
    Next,
}

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The typed code is one of the burned secret's.
    Matched(Matched),
    /// The typed code is none of them.
    Mismatched,
    /// The technician chose not to check.
    Skipped,
}

impl Verdict {
    /// As the records keep it.
    pub fn stored(self) -> Check {
        match self {
            Verdict::Matched(_) => Check::Matched,
            Verdict::Mismatched => Check::Mismatched,
            Verdict::Skipped => Check::Skipped,
        }
    }
}

/// Why a typed code was not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not the code's number of digits (or not only digits).
    NotACode {
        /// How many digits the token shows.
        digits: usize,
    },
    /// Next token asked for before the check.
    CheckFirst,
}

/// A successful burn, kept for the live code and its check.
pub struct BurnResult {
    /// The secret burned (wiped on drop).
    pub secret: Secret,
    /// Options burned.
    pub options: TokenOptions,
    /// Token serial.
    pub serial: String,
    /// Model name.
    pub model: &'static str,
    /// Issuer and account, for the heading.
    pub label: Option<String>,
    /// The burn's operation id in the records (None: not recorded).
    pub op_id: Option<String>,
    /// The code the technician types.
    pub code: String,
    /// What the check found (None: not checked yet).
    pub verdict: Option<Verdict>,
    /// Why the last typed code was not compared.
    pub problem: Option<CodeProblem>,
    /// The check could not be recorded.
    pub not_recorded: Option<Arc<RecordsError>>,
    /// The secret field's revision when this was burned: a newer one is
    /// the next token's secret, kept when this result is left.
    pub secret_revision: u64,
    /// This result among all shown (the code field takes the keyboard once
    /// per result).
    pub id: u64,
}

impl BurnResult {
    /// A burn just reported, not checked yet.
    pub fn new(
        secret: Secret,
        options: TokenOptions,
        serial: String,
        model: &'static str,
        label: Option<String>,
        op_id: Option<String>,
        secret_revision: u64,
    ) -> BurnResult {
        BurnResult {
            secret,
            options,
            serial,
            model,
            label,
            op_id,
            code: String::new(),
            verdict: None,
            problem: None,
            not_recorded: None,
            secret_revision,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Compare the typed code with the burned secret's codes now. None
    /// when nothing was typed (Enter on an empty field records nothing)
    /// or the text is not a code (the problem is kept to be shown).
    pub fn compare(&mut self, clock: &dyn Clock) -> Option<Verdict> {
        let typed: String = self.code.chars().filter(|c| !c.is_whitespace()).collect();
        if typed.is_empty() {
            self.problem = None;
            return None;
        }
        let codes = codes_at(
            &self.secret,
            self.options.algorithm,
            self.options.period,
            clock.now(),
        );
        let digits = codes.current.len();
        if typed.len() != digits || !typed.bytes().all(|b| b.is_ascii_digit()) {
            self.problem = Some(CodeProblem::NotACode { digits });
            return None;
        }
        self.problem = None;
        let found = [
            (&codes.current, Matched::Current),
            (&codes.previous, Matched::Previous),
            (&codes.next, Matched::Next),
        ]
        .into_iter()
        .find(|(c, _)| c.as_str() == typed)
        .map(|(_, m)| m);
        Some(found.map_or(Verdict::Mismatched, Verdict::Matched))
    }

    /// Take a verdict (a later one replaces it on screen; the records keep
    /// every one).
    pub fn decide(&mut self, verdict: Verdict) {
        self.verdict = Some(verdict);
        self.problem = None;
        self.not_recorded = None;
    }

    /// Check again: the verdict shown is cleared and the code typed anew.
    pub fn check_again(&mut self) {
        self.verdict = None;
        self.code.clear();
        self.problem = None;
    }

    /// Whether the next token may come: only after a verdict.
    pub fn may_leave(&self) -> bool {
        self.verdict.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::params::{HmacAlgorithm, TimeStep};

    fn result() -> BurnResult {
        let options = TokenOptions {
            algorithm: HmacAlgorithm::Sha1,
            period: TimeStep::Seconds30,
            ..Default::default()
        };
        BurnResult::new(
            Secret::new(b"12345678901234567890".to_vec()),
            options,
            "86596220000001".into(),
            "OTPC-P2-i",
            None,
            Some("op".into()),
            0,
        )
    }

    #[test]
    fn the_burned_codes_match_and_others_do_not() {
        // RFC 6238's SHA-1 vectors: 59 s -> 287082, 1111111109 -> 081804.
        let clock = ManualClock::new(59);
        let mut r = result();
        r.code = "287 082".into();
        assert_eq!(r.compare(&clock), Some(Verdict::Matched(Matched::Current)));
        let clock = ManualClock::new(59 + 30);
        assert_eq!(r.compare(&clock), Some(Verdict::Matched(Matched::Previous)));
        r.code = "000000".into();
        assert_eq!(r.compare(&clock), Some(Verdict::Mismatched));
    }

    #[test]
    fn empty_or_malformed_codes_are_not_verdicts() {
        let clock = ManualClock::new(59);
        let mut r = result();
        assert_eq!(r.compare(&clock), None);
        assert_eq!(r.problem, None, "Enter on an empty field says nothing");
        for typed in ["28708", "2870822", "28708x", "２８７０８２"] {
            r.code = typed.into();
            assert_eq!(r.compare(&clock), None, "{typed}");
            assert_eq!(r.problem, Some(CodeProblem::NotACode { digits: 6 }));
        }
        assert!(!r.may_leave());
        r.decide(Verdict::Skipped);
        assert!(r.may_leave());
        r.check_again();
        assert!(!r.may_leave() && r.code.is_empty());
    }
}
