//! Output helpers shared by the subcommands: times, clock differences,
//! codes, JSON, and errors on stderr.

use crate::burn::{BurnError, IdentifiedToken};
use crate::explain::{self, Explanation};
use crate::secret::totp::Codes;
use crate::tr;
use serde_json::{Value, json};
use std::time::{Duration, UNIX_EPOCH};

/// A Unix time as RFC 3339 UTC.
pub fn utc(secs: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// "in step with this PC", "3 s behind this PC", "5 s ahead of this PC".
pub fn clock_difference(diff: i64) -> String {
    match diff {
        0 => tr!("cli-clock-in-step"),
        d if d < 0 => tr!("cli-clock-behind", seconds = d.unsigned_abs()),
        d => tr!("cli-clock-ahead", seconds = d),
    }
}

/// "SHA1, 30 s step, display 30 s".
pub fn options_words(o: &crate::params::TokenOptions) -> String {
    tr!(
        "cli-options",
        algorithm = o.algorithm.to_string(),
        period = o.period.seconds(),
        display = o.display_timeout.seconds()
    )
}

/// A 6-digit code as "123 456".
pub fn group(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// The codes block of human output.
pub fn print_codes(codes: &Codes) {
    println!(
        "{}",
        tr!(
            "cli-code-now",
            code = group(&codes.current),
            seconds = codes.seconds_left
        )
    );
    println!(
        "{}",
        tr!(
            "cli-code-neighbours",
            previous = group(&codes.previous),
            next = group(&codes.next)
        )
    );
}

/// Pretty JSON on stdout.
pub fn print_json(v: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".into())
    );
}

/// A plain-words error on stderr.
pub fn print_error(x: &Explanation) {
    eprintln!("{}", tr!("cli-error", problem = x.problem.as_str()));
    eprintln!("{}", tr!("cli-next", next = x.next_step.as_str()));
}

/// JSON fields describing an identified token.
pub fn token_json(t: &IdentifiedToken) -> Value {
    json!({
        "serial": t.serial,
        "model": t.model.map(|m| m.name),
        "time_sync": t.time_sync(),
        "token_clock": t.token_clock,
        "pc_clock": t.pc_clock,
        "clock_difference": t.clock_difference(),
    })
}

/// Report a failed operation (stderr, and JSON on stdout when asked);
/// returns the exit code.
pub fn report_failure(e: &BurnError, json_out: bool) -> i32 {
    let x = explain::burn_error(e);
    print_error(&x);
    if json_out {
        print_json(&json!({
            "ok": false,
            "step": e.step,
            "error": x.problem,
            "next_step": x.next_step,
            "token_state": e.token_state,
            "token": e.token.as_deref().map(token_json),
        }));
    }
    if e.token_state.is_touched() {
        super::EXIT_TOKEN_CHANGED
    } else {
        super::EXIT_FAILED
    }
}

/// Report a problem that is not a token operation (input, usage).
pub fn report_input_error(x: &Explanation, json_out: bool, code: i32) -> i32 {
    print_error(x);
    if json_out {
        print_json(&json!({ "ok": false, "error": x.problem, "next_step": x.next_step }));
    }
    code
}
