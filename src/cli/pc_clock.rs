//! The PC clock check before `burn` and `sync-time` write the PC's time
//! into a token (see `clockcheck`): one call before the operation, one
//! line (or JSON field) in its result.

use super::output::{print_error, print_json};
use crate::burn::TokenState;
use crate::clockcheck::{self, ClockCheck, ClockVerdict, NtpConfig};
use crate::explain;
use crate::station::records::{Flag, Flags};
use clap::Args;
use serde_json::{Value, json};

/// `--trust-pc-clock`.
#[derive(Debug, Clone, Args)]
pub struct PcClockArgs {
    /// Write this PC's time even when the time servers say it is off by
    /// more than the limit (5 s; TOTP_BURNER_PC_CLOCK_LIMIT). Recorded as
    /// overridden.
    #[arg(long)]
    pub trust_pc_clock: bool,
}

/// Check the PC clock against the configured time servers. Off by more than
/// the limit (and not overridden): the refusal is printed (JSON too when
/// asked) and the exit code returned; the token is not touched.
pub fn check_before_write(a: &PcClockArgs, json_out: bool) -> Result<ClockVerdict, i32> {
    clockcheck::check_before_clock_write(&NtpConfig::from_env(), a.trust_pc_clock).map_err(|off| {
        let x = explain::clock_off(&off);
        print_error(&x);
        if json_out {
            print_json(&json!({
                "ok": false,
                "error": x.problem,
                "next_step": x.next_step,
                "token_state": TokenState::Untouched,
                "pc_clock_check": {
                    "status": "off",
                    "offset_ms": off.offset_ms,
                    "server": off.server,
                    "limit_ms": off.limit.as_millis() as u64,
                },
            }));
        }
        super::EXIT_FAILED
    })
}

/// The verdict as JSON: its fields and the sentence.
pub fn verdict_json(v: &ClockVerdict) -> Value {
    let mut j = serde_json::to_value(v).unwrap_or_else(|_| json!({}));
    j["note"] = explain::clock_verdict(v).into();
    j
}

/// The check as JSON (info): its fields, the sentence, the limit.
pub fn check_json(c: &ClockCheck, config: &NtpConfig) -> Value {
    let mut j = serde_json::to_value(c).unwrap_or_else(|_| json!({}));
    j["note"] = explain::clock_check(c, config.limit).into();
    j["limit_ms"] = (config.limit.as_millis() as u64).into();
    j
}

/// The record's flags for this verdict (and an explicit reburn).
pub fn flags(v: &ClockVerdict, reburn: bool) -> Flags {
    let mut f = Flags::default();
    if reburn {
        f.extend([Flag::Reburn]);
    }
    f.extend(crate::station::operation::clock_flag(v));
    f
}

/// Before a single `burn` or `sync-time`: the PC clock check, then the
/// records to write into. Err: the exit code (the reason is printed).
pub fn before_single_write(
    a: &PcClockArgs,
    target: &super::args::TargetArgs,
    json_out: bool,
) -> Result<(ClockVerdict, Option<crate::station::records::Store>), i32> {
    let verdict = check_before_write(a, json_out)?;
    let store = super::records::for_single(target)
        .map_err(|x| super::output::report_input_error(&x, json_out, super::EXIT_FAILED))?;
    Ok((verdict, store))
}
