//! Words for the PC clock checked against time servers: offsets, why a
//! check could not be made, and the verdict before a clock write.

use super::Explanation;
use crate::tr;

/// Seconds rounded to one decimal from ms: "120.0", "0.3".
fn seconds_1dp(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    let point = crate::i18n::language().decimal_separator();
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

/// The PC clock against a time server, from NTP's offset (server minus
/// PC): "120.0 s behind pool.ntp.org", "in step with pool.ntp.org".
pub fn pc_clock_offset(offset_ms: i64, server: &str) -> String {
    let abs = offset_ms.unsigned_abs();
    if abs < 100 {
        tr!("pc-clock-in-step", server = server)
    } else if offset_ms > 0 {
        tr!(
            "pc-clock-behind",
            seconds = seconds_1dp(abs),
            server = server
        )
    } else {
        tr!(
            "pc-clock-ahead",
            seconds = seconds_1dp(abs),
            server = server
        )
    }
}

/// Why the PC clock could not be checked, as a clause.
pub fn unverified_reason(r: &crate::clockcheck::UnverifiedReason) -> String {
    use crate::clockcheck::UnverifiedReason as U;
    match r {
        U::NoServers => tr!("pc-clock-no-servers", var = crate::clockcheck::SERVERS_VAR),
        U::Timeout { waited_ms } => tr!("pc-clock-timeout", seconds = seconds_1dp(*waited_ms)),
        U::DnsFailure { server } => tr!("pc-clock-dns-failure", server = server),
        U::Unreachable { server, detail } => {
            tr!("pc-clock-unreachable", server = server, detail = detail)
        }
        U::BadAnswer { server, detail } => {
            tr!("pc-clock-bad-answer", server = server, detail = detail)
        }
    }
}

/// The PC clock is too far off to be written into a token.
pub fn clock_off(off: &crate::clockcheck::ClockOff) -> Explanation {
    let abs = off.offset_ms.unsigned_abs();
    Explanation::new(
        tr!(
            "pc-clock-off",
            offset = pc_clock_offset(off.offset_ms, &off.server),
            limit = seconds_1dp(off.limit.as_millis().min(u128::from(u64::MAX)) as u64),
            seconds = (abs + 500) / 1000
        ),
        super::next_for(|| tr!("pc-clock-off-next"), || tr!("app-pc-clock-off-next")),
    )
}

/// What the PC clock check said, after a "PC clock:" label (info output):
/// "0.3 s ahead of pool.ntp.org", "not verified: ...", and when it is off
/// by more than `limit`, that burns will refuse it.
pub fn clock_check(c: &crate::clockcheck::ClockCheck, limit: std::time::Duration) -> String {
    use crate::clockcheck::ClockCheck as C;
    match c {
        C::Verified { offset_ms, server } => {
            let words = pc_clock_offset(*offset_ms, server);
            if u128::from(offset_ms.unsigned_abs()) > limit.as_millis() {
                tr!(
                    "pc-clock-check-too-far",
                    offset = words,
                    limit = seconds_1dp(limit.as_millis().min(u128::from(u64::MAX)) as u64)
                )
            } else {
                words
            }
        }
        C::Unverified { reason } => tr!(
            "pc-clock-check-unverified",
            reason = unverified_reason(reason)
        ),
    }
}

/// On what grounds the PC clock was written, in one sentence (result output).
pub fn clock_verdict(v: &crate::clockcheck::ClockVerdict) -> String {
    use crate::clockcheck::ClockVerdict as V;
    match v {
        V::Verified { offset_ms, server } => tr!(
            "pc-clock-verdict-verified",
            offset = pc_clock_offset(*offset_ms, server)
        ),
        V::Unverified { reason } => tr!(
            "pc-clock-verdict-unverified",
            reason = unverified_reason(reason)
        ),
        V::Overridden { offset_ms, server } => tr!(
            "pc-clock-verdict-overridden",
            offset = pc_clock_offset(*offset_ms, server)
        ),
    }
}
