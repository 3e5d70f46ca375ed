//! Words for the PC clock checked against time servers: offsets, why a
//! check could not be made, and the verdict before a clock write.

use super::Explanation;

/// Seconds rounded to one decimal from ms: "120.0", "0.3".
fn seconds_1dp(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The PC clock against a time server, from NTP's offset (server minus
/// PC): "120.0 s behind pool.ntp.org", "in step with pool.ntp.org".
pub fn pc_clock_offset(offset_ms: i64, server: &str) -> String {
    let abs = offset_ms.unsigned_abs();
    if abs < 100 {
        format!("in step with {server}")
    } else if offset_ms > 0 {
        format!("{} s behind {server}", seconds_1dp(abs))
    } else {
        format!("{} s ahead of {server}", seconds_1dp(abs))
    }
}

/// Why the PC clock could not be checked, as a clause.
pub fn unverified_reason(r: &crate::clockcheck::UnverifiedReason) -> String {
    use crate::clockcheck::UnverifiedReason as U;
    match r {
        U::NoServers => format!(
            "no time servers are configured ({} is empty)",
            crate::clockcheck::SERVERS_VAR
        ),
        U::Timeout { waited_ms } => format!(
            "no time server answered within {} s",
            seconds_1dp(*waited_ms)
        ),
        U::DnsFailure { server } => format!("the time server {server} could not be found"),
        U::Unreachable { server, detail } => {
            format!("the time server {server} could not be reached ({detail})")
        }
        U::BadAnswer { server, detail } => {
            format!("the time server {server} gave an unusable answer ({detail})")
        }
    }
}

/// The PC clock is too far off to be written into a token.
pub fn clock_off(off: &crate::clockcheck::ClockOff) -> Explanation {
    let abs = off.offset_ms.unsigned_abs();
    Explanation::new(
        format!(
            "This PC's clock is {} ({} s at most is allowed); every token set from it would be {} s wrong. Nothing was written; the token is unchanged.",
            pc_clock_offset(off.offset_ms, &off.server),
            seconds_1dp(off.limit.as_millis().min(u128::from(u64::MAX)) as u64),
            (abs + 500) / 1000,
        ),
        "Fix this PC's clock, then try again. Windows: Settings > Time & language > Date & time, turn on \"Set time automatically\" and click \"Sync now\" (or run \"w32tm /resync\" as administrator). Linux: run \"sudo timedatectl set-ntp true\" and check that \"timedatectl status\" says \"System clock synchronized: yes\" (with chrony: \"sudo chronyc makestep\"). If you are sure this PC is right and the time server is wrong, write it anyway with --trust-pc-clock (that is recorded).",
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
                format!(
                    "{words}: more than the {} s allowed, so burns and time syncs will refuse to write it; fix this PC's clock",
                    seconds_1dp(limit.as_millis().min(u128::from(u64::MAX)) as u64)
                )
            } else {
                words
            }
        }
        C::Unverified { reason } => format!("not verified: {}", unverified_reason(reason)),
    }
}

/// On what grounds the PC clock was written, in one sentence (result output).
pub fn clock_verdict(v: &crate::clockcheck::ClockVerdict) -> String {
    use crate::clockcheck::ClockVerdict as V;
    match v {
        V::Verified { offset_ms, server } => {
            format!(
                "PC clock verified: {}.",
                pc_clock_offset(*offset_ms, server)
            )
        }
        V::Unverified { reason } => format!(
            "PC clock not verified: {}; the token got this PC's time unchecked.",
            unverified_reason(reason)
        ),
        V::Overridden { offset_ms, server } => format!(
            "PC clock {}, written anyway as the operator asked: the token's codes may be off.",
            pc_clock_offset(*offset_ms, server)
        ),
    }
}
